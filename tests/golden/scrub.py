"""What keeps the cassettes free of secrets and readable: request and response scrubbers, the on-disk format.

vcrpy runs ``scrub_request`` on every live request *before* matching it against the cassette, on every
request it records, and again on every request it loads from disk; ``scrub_response`` runs on every
response it records and again on every response it loads. Both are therefore idempotent: scrubbing a
scrubbed request or response changes nothing, and the body matcher compares scrubbed with scrubbed.

Session JWTs keep their claims (the token cache reads ``exp - iat``, the tests read ``sid`` and ``sub``)
but lose their real header and signature: ``e30.<claims>.c2NydWJiZWQ`` (``{}`` and ``scrubbed``). Client
tokens, dev-browser tokens, testing tokens, passwords, codes and tickets become fixed placeholders.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import json
import re
from typing import Any, Final
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import yaml

# libyaml when available: replaying ~60 cassettes with the pure-Python loader takes seconds.
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_Dumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

CLIENT_TOKEN_PLACEHOLDER: Final = "scrubbed:client-token"  # the colon keeps it from looking like a token
DEV_BROWSER_PLACEHOLDER: Final = "scrubbed:dev-browser-token"
SECRET_PLACEHOLDER: Final = "SCRUBBED"
SCRUBBED_JWT_HEADER: Final = "e30"  # base64url of "{}"
SCRUBBED_JWT_SIGNATURE: Final = "c2NydWJiZWQ"  # base64url of "scrubbed"

SECRET_QUERY_PARAMS: Final = frozenset(
    {"__clerk_db_jwt", "__dev_session", "__clerk_testing_token", "expired_token"}
)
SECRET_FORM_FIELDS: Final = frozenset(
    {"password", "code", "token", "ticket", "new_password", "current_password", "signature"}
)
# Secrets in answers: a TOTP's secret and otpauth URI (which holds the secret), backup codes.
SECRET_JSON_KEYS: Final = frozenset({"secret", "uri", "codes", "backup_codes"})
SECRET_COOKIES: Final = frozenset({"__client", "__session"})
# Response headers that say nothing about the behaviour and change on every recording.
NOISY_RESPONSE_HEADERS: Final = frozenset({"date", "server"})

# Anything shaped like a real JWT: a header segment that is base64url JSON (``eyJ``), then two more.
JWT_SHAPE: Final = re.compile(r"eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.")
_TOKEN: Final = re.compile(r"^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$")


# ----- JWTs -------------------------------------------------------------------------------------------
def _b64_json(segment: str) -> Any:
    try:
        return json.loads(base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4)))
    except (ValueError, binascii.Error, UnicodeDecodeError):
        return None


def scrub_jwt(value: str) -> str:
    """A JWT without its header and signature (claims kept); a client token becomes a placeholder.

    Anything that is not a JWT with a real header (including an already scrubbed one) is returned as is.
    """
    if not _TOKEN.match(value):
        return value
    header, claims, _ = value.split(".")
    decoded_header = _b64_json(header)
    if not isinstance(decoded_header, dict) or "alg" not in decoded_header:
        return value
    decoded_claims = _b64_json(claims)
    if not isinstance(decoded_claims, dict) or "cid" in decoded_claims:
        # The emulator's client tokens are JWT-shaped; their payload names the client: drop it all.
        return CLIENT_TOKEN_PLACEHOLDER
    return f"{SCRUBBED_JWT_HEADER}.{claims}.{SCRUBBED_JWT_SIGNATURE}"


def _scrub_json(value: Any) -> Any:
    if isinstance(value, str):
        return scrub_jwt(value)
    if isinstance(value, list):
        return [_scrub_json(v) for v in value]
    if isinstance(value, dict):
        out = {k: _scrub_json(v) for k, v in value.items()}
        for key in SECRET_JSON_KEYS & out.keys():
            if out[key]:
                out[key] = (
                    [SECRET_PLACEHOLDER] * len(out[key]) if isinstance(out[key], list) else SECRET_PLACEHOLDER
                )
        if out.get("object") == "dev_browser" and out.get("id"):
            out["id"] = DEV_BROWSER_PLACEHOLDER  # the dev-browser token itself
        return out
    return value


# ----- headers ----------------------------------------------------------------------------------------
def _scrub_cookie_header(header: str) -> str:
    """``name=value; ...`` with the value of each secret cookie replaced (an empty value stays empty)."""
    parts = []
    for part in header.split(";"):
        name, eq, value = part.strip().partition("=")
        if eq and name in SECRET_COOKIES and value:
            value = CLIENT_TOKEN_PLACEHOLDER
        parts.append(f"{name}{eq}{value}")
    return "; ".join(parts)


def _scrub_set_cookie(value: str) -> str:
    first, sep, attributes = value.partition(";")
    name, eq, cookie = first.strip().partition("=")
    if eq and name in SECRET_COOKIES and cookie:
        first = f"{name}={CLIENT_TOKEN_PLACEHOLDER}"
    return first + sep + attributes


def _placeholder_unless_empty(value: str, placeholder: str) -> str:
    stripped = value.strip()
    if stripped.lower() in ("", "bearer"):
        return value  # "no token" / "token cleared" is behaviour, not a secret
    return placeholder


# ----- requests ---------------------------------------------------------------------------------------
def _scrub_form(body: bytes) -> bytes:
    text = body.decode("utf-8")
    pairs = parse_qsl(text, keep_blank_values=True)
    if not any(k in SECRET_FORM_FIELDS and v and v != SECRET_PLACEHOLDER for k, v in pairs):
        return body
    scrubbed = [(k, SECRET_PLACEHOLDER if k in SECRET_FORM_FIELDS and v else v) for k, v in pairs]
    return urlencode(scrubbed).encode("utf-8")


def _scrub_uri(uri: str) -> str:
    parts = urlsplit(uri)
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    if not any(k in SECRET_QUERY_PARAMS and v and v != SECRET_PLACEHOLDER for k, v in pairs):
        return uri
    scrubbed = [(k, SECRET_PLACEHOLDER if k in SECRET_QUERY_PARAMS and v else v) for k, v in pairs]
    return urlunsplit(parts._replace(query=urlencode(scrubbed)))


def scrub_request(request: Any) -> Any:
    """vcrpy ``before_record_request``: the request as it may be stored (and compared)."""
    request.uri = _scrub_uri(request.uri)
    headers = request.headers
    for name in list(headers.keys()):
        lower = name.lower()
        if lower == "authorization":
            headers[name] = _placeholder_unless_empty(headers[name], CLIENT_TOKEN_PLACEHOLDER)
        elif lower == "cookie":
            headers[name] = _scrub_cookie_header(headers[name])
    body = request.body
    if isinstance(body, str):
        body = body.encode("utf-8")
    if isinstance(body, bytes) and body:
        content_type = next((v for k, v in headers.items() if k.lower() == "content-type"), "")
        if "application/x-www-form-urlencoded" in content_type:
            body = _scrub_form(body)
            request.body = body
        for name in list(headers.keys()):
            if name.lower() == "content-length":
                headers[name] = str(len(body))
    return request


# ----- responses --------------------------------------------------------------------------------------
def _header_values(headers: dict[str, Any], name: str) -> tuple[str | None, list[str]]:
    for key, values in headers.items():
        if key.lower() == name:
            return key, list(values) if isinstance(values, list) else [values]
    return None, []


def scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    """vcrpy ``before_record_response``: secrets out, JSON bodies pretty, Content-Length right."""
    headers: dict[str, Any] = response["headers"]
    for key in list(headers):
        lower = key.lower()
        values = headers[key] if isinstance(headers[key], list) else [headers[key]]
        if lower in NOISY_RESPONSE_HEADERS:
            del headers[key]
        elif lower == "authorization":
            headers[key] = [_placeholder_unless_empty(v, CLIENT_TOKEN_PLACEHOLDER) for v in values]
        elif lower == "clerk-db-jwt":
            headers[key] = [_placeholder_unless_empty(v, DEV_BROWSER_PLACEHOLDER) for v in values]
        elif lower == "set-cookie":
            headers[key] = [_scrub_set_cookie(v) for v in values]
    body = response["body"]["string"]
    raw = body.encode("utf-8") if isinstance(body, str) else body
    _, content_types = _header_values(headers, "content-type")
    if raw and any("json" in c for c in content_types):
        try:
            parsed = json.loads(raw)
        except ValueError:
            parsed = None
        else:
            raw = (json.dumps(_scrub_json(parsed), indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    response["body"]["string"] = raw
    length_key, _ = _header_values(headers, "content-length")
    if length_key is not None:
        headers[length_key] = [str(len(raw))]
    return response


# ----- the file format --------------------------------------------------------------------------------
class CassetteFormat:
    """YAML cassettes in which a JSON body is stored as YAML structure (``body: {json: ...}``), in the
    server's key order, so a cassette reads like the API documentation. Loading turns it back into the
    pretty JSON text that ``scrub_response`` makes."""

    @staticmethod
    def serialize(cassette: dict[str, Any]) -> str:
        for interaction in cassette.get("interactions", []):
            body = interaction["response"]["body"]
            text = body.get("string")
            if isinstance(text, str) and text.lstrip().startswith(("{", "[")):
                with contextlib.suppress(ValueError):
                    interaction["response"]["body"] = {"json": json.loads(text)}
        return yaml.dump(cassette, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=110)

    @staticmethod
    def deserialize(text: str) -> dict[str, Any]:
        cassette: dict[str, Any] = yaml.load(text, Loader=_Loader)
        for interaction in cassette.get("interactions", []):
            body = interaction["response"]["body"]
            if "json" in body:
                pretty = json.dumps(body["json"], indent=2, ensure_ascii=False) + "\n"
                interaction["response"]["body"] = {"string": pretty}
        return cassette
