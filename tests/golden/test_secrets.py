"""No cassette holds a secret, and the scrubbers that make it so behave as the vcr configuration needs:
idempotent, JWT claims kept, live requests scrubbed before they are matched."""

from __future__ import annotations

import base64
import json
import os
import re
import socket
from pathlib import Path
from typing import Final

import pytest
from clerk_fapi._token_cache import token_lifetime
from vcr import matchers
from vcr.cassette import Cassette
from vcr.request import Request

from . import constants as c
from .conftest import RECORDING
from .scrub import (
    CLIENT_TOKEN_PLACEHOLDER,
    DEV_BROWSER_PLACEHOLDER,
    JWT_SHAPE,
    SECRET_PLACEHOLDER,
    CassetteFormat,
    scrub_jwt,
    scrub_request,
    scrub_response,
)

CASSETTES: Final = Path(__file__).parent / "cassettes"

# What a leak looks like, whatever the secret's origin.
LEAK_SHAPES: Final = {
    "a JWT": JWT_SHAPE,
    "a Clerk secret key": re.compile(r"sk_(?:test|live)_[A-Za-z0-9]{10,}"),
    "a live publishable key": re.compile(r"pk_live_[A-Za-z0-9]{10,}"),
    # The emulator's client tokens are JWT-shaped with a {"cid": ...} payload; catch the payload alone too.
    "a client token": re.compile(r"eyJjaWQiOi[A-Za-z0-9_-]{8,}"),
    "a dev-browser token": re.compile(r"dvb_[A-Za-z0-9_-]{16,}"),
    "a sign-in ticket": re.compile(r"tkt_[A-Za-z0-9_-]{16,}"),
    "a __client cookie value": re.compile(rf"__client=(?!{CLIENT_TOKEN_PLACEHOLDER}|;|\s|$|['\"])"),
}


def _exact(secret: str) -> re.Pattern[str]:
    # Delimited, so that "424242" inside a millisecond timestamp or an id is not a false alarm.
    return re.compile(rf"(?<![A-Za-z0-9]){re.escape(secret)}(?![A-Za-z0-9])")


def secret_patterns() -> dict[str, re.Pattern[str]]:
    patterns = dict(LEAK_SHAPES)
    for index, secret in enumerate(c.SECRETS):
        patterns[f"test secret #{index} of constants.SECRETS"] = _exact(secret)
    for variable in ("CLERK_TESTING_TOKEN", "CLERK_SECRET_KEY"):
        value = os.environ.get(variable)
        if value:
            patterns[f"${variable}"] = _exact(value)
    return patterns


def leaks(text: str) -> list[str]:
    return [name for name, pattern in secret_patterns().items() if pattern.search(text)]


def cassette_files() -> list[Path]:
    return sorted(p for p in CASSETTES.rglob("*") if p.is_file())


def test_cassettes_hold_no_secrets() -> None:
    files = cassette_files()
    assert any(p.suffix == ".yaml" for p in files), "no cassettes recorded yet (make record)"
    found = {str(p.relative_to(CASSETTES)): leaks(p.read_text("utf-8")) for p in files}
    assert {name: what for name, what in found.items() if what} == {}


def test_every_cassette_loads_and_has_its_recording_notes() -> None:
    for path in (p for p in cassette_files() if p.suffix == ".yaml"):
        cassette = CassetteFormat.deserialize(path.read_text("utf-8"))
        assert cassette["interactions"], path
        notes = path.with_name(path.name.removesuffix(".yaml") + ".notes.json")
        assert "recorded_at" in json.loads(notes.read_text("utf-8")), notes


@pytest.mark.parametrize(
    "leak",
    [
        # Built by joining parts, so this file itself holds nothing shaped like a leak.
        "jwt: " + ".".join(["eyJhbGciOiJSUzI1NiJ9", "eyJzdWIiOiJ1c2VyXzEyMyJ9", "c2lnbmF0dXJl"]),
        "sk_" + "test_abcdefghijklmnop",
        "pk_live_Y2xlcmsuZXhhbXBsZS5jb20k",
        "eyJjaWQiOiJjbGllbnRfMTIzIiwiZ2VuIjoxfQ",
        "id: dvb_abcdefghijklmnopqrstuvwx",
        "tkt_abcdefghijklmnopqrstuvwx",
        "set-cookie: __client=abc123; Path=/",
        f"body: identifier=jane&password={c.PASSWORD}",
        f"body: code={c.TEST_CODE}&strategy=email_code",
        f"code: {c.BACKUP_CODES['sync']}",
    ],
)
def test_the_secret_scan_catches_each_kind_of_leak(leak: str) -> None:
    assert leaks(leak)


def test_the_secret_scan_ignores_scrubbed_values_and_timestamps() -> None:
    scrubbed = scrub_jwt(_jwt({"alg": "RS256"}, {"sid": "sess_1", "iat": 10, "exp": 70}))
    clean = (
        f"jwt: {scrubbed}\nset-cookie: __client={CLIENT_TOKEN_PLACEHOLDER}; Path=/\n"
        f"set-cookie: __client=; Max-Age=0\ncreated_at: 1714242424242\nbody: code={SECRET_PLACEHOLDER}\n"
    )
    assert leaks(clean) == []


def _b64(value: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).rstrip(b"=").decode()


def _jwt(header: object, claims: object) -> str:
    return f"{_b64(header)}.{_b64(claims)}.c2lnbmF0dXJlLWJ5dGVz"


def test_a_scrubbed_jwt_keeps_its_claims_and_lifetime_but_not_its_header_or_signature() -> None:
    claims = {"sid": "sess_1", "sub": "user_1", "iat": 1000, "exp": 1060}
    real = _jwt({"alg": "RS256", "kid": "ins_1", "typ": "JWT"}, claims)
    scrubbed = scrub_jwt(real)

    assert scrubbed == f"e30.{real.split('.')[1]}.c2NydWJiZWQ"
    assert JWT_SHAPE.search(real) and not JWT_SHAPE.search(scrubbed)
    assert token_lifetime(scrubbed) == 60
    assert scrub_jwt(scrubbed) == scrubbed
    client_token = _jwt({"alg": "HS256", "typ": "JWT"}, {"cid": "client_1", "gen": 3})
    assert scrub_jwt(client_token) == CLIENT_TOKEN_PLACEHOLDER
    assert scrub_jwt("not.a.jwt") == "not.a.jwt" and scrub_jwt("plain") == "plain"


def _live_request(code: str) -> Request:
    body = f"strategy=email_code&code={code}".encode()
    return Request(
        "POST",
        "http://127.0.0.1:4321/v1/client/sign_ins/sia_1/attempt_first_factor"
        "?_is_native=1&__clerk_testing_token=tt-secret&expired_token=eyJx.eyJy.zz",
        body,
        {
            "Authorization": "client-token-secret",
            "Content-Type": "application/x-www-form-urlencoded",
            "Content-Length": str(len(body)),
        },
    )


def test_scrub_request_hides_secrets_fixes_content_length_and_is_idempotent() -> None:
    once = scrub_request(_live_request(c.TEST_CODE))
    assert once.body == b"strategy=email_code&code=SCRUBBED"
    assert once.headers["Content-Length"] == str(len(once.body))
    assert once.headers["Authorization"] == CLIENT_TOKEN_PLACEHOLDER
    assert "tt-secret" not in once.uri and "eyJx" not in once.uri and "_is_native=1" in once.uri
    twice = scrub_request(once)
    assert (twice.uri, twice.body, dict(twice.headers)) == (once.uri, once.body, dict(once.headers))
    empty = scrub_request(Request("GET", "http://h/v1/client", b"", {"Authorization": ""}))
    assert empty.headers["Authorization"] == "", "an empty token (no client yet) is kept as it is"


def test_live_requests_are_scrubbed_before_they_are_matched(tmp_path: Path) -> None:
    """vcrpy applies before_record_request to the live request too: a recording made with one code and
    replayed with another matches on method, path, query and body (scrubbed against scrubbed)."""
    cassette = Cassette(
        str(tmp_path / "c.yaml"),
        match_on=[matchers.method, matchers.path, matchers.query, matchers.body],
        before_record_request=scrub_request,
        record_mode="none",
    )
    response = {"status": {"code": 200, "message": "OK"}, "headers": {}, "body": {"string": b"{}"}}
    cassette.append(_live_request(c.TEST_CODE), response)
    cassette.rewound = True
    stored_request = cassette.requests[0]
    assert b"SCRUBBED" in stored_request.body

    assert cassette.can_play_response_for(_live_request("999999"))
    other = _live_request(c.TEST_CODE)
    other.body = b"strategy=phone_code&code=" + c.TEST_CODE.encode()
    assert not cassette.can_play_response_for(other)


def test_scrub_response_hides_tokens_prettifies_json_and_is_idempotent() -> None:
    jwt = _jwt({"alg": "RS256"}, {"sid": "sess_1", "iat": 1, "exp": 61})
    body = json.dumps({"response": {"last_active_token": {"jwt": jwt}}, "client": None}).encode()
    response = {
        "status": {"code": 200, "message": "OK"},
        "headers": {
            "content-type": ["application/json"],
            "authorization": [".".join(["eyJhbGciOiJIUzI1NiJ9", "eyJjaWQiOiJjXzEifQ", "mac"])],
            "set-cookie": ["__client=secret-value; Path=/; HttpOnly"],
            "clerk-db-jwt": ["dvb_secretsecretsecret"],
            "date": ["Mon, 01 Jan 2026 00:00:00 GMT"],
            "content-length": [str(len(body))],
        },
        "body": {"string": body},
    }
    once = scrub_response(response)
    text = once["body"]["string"].decode()
    assert "\n  " in text and jwt not in text and scrub_jwt(jwt) in text
    assert once["headers"]["authorization"] == [CLIENT_TOKEN_PLACEHOLDER]
    assert once["headers"]["set-cookie"] == [f"__client={CLIENT_TOKEN_PLACEHOLDER}; Path=/; HttpOnly"]
    assert once["headers"]["clerk-db-jwt"] == [DEV_BROWSER_PLACEHOLDER]
    assert "date" not in once["headers"]
    assert once["headers"]["content-length"] == [str(len(once["body"]["string"]))]
    snapshot = json.dumps(once, default=bytes.decode)
    assert json.dumps(scrub_response(once), default=bytes.decode) == snapshot


@pytest.mark.vcr
@pytest.mark.block_network
@pytest.mark.skipif(RECORDING, reason="recording talks to the emulator on loopback")
def test_replay_blocks_the_network() -> None:
    """Replaying, a cassette test cannot reach any server, not even one on loopback."""
    with socket.socket() as sock, pytest.raises(RuntimeError, match="Network is disabled"):
        sock.connect(("127.0.0.1", 9))


def test_scrubbing_hides_passwords_totp_secrets_and_backup_codes_of_the_users_own_calls() -> None:
    form = b"current_password=Old-Passw0rd-1&new_password=New-Passw0rd-2&sign_out_of_other_sessions=true"
    request = scrub_request(
        Request(
            "POST",
            "http://h/v1/me/change_password",
            form,
            {"Content-Type": "application/x-www-form-urlencoded"},
        )
    )
    assert b"Passw0rd" not in request.body and b"sign_out_of_other_sessions=true" in request.body
    secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
    body = {
        "response": {
            "object": "totp",
            "secret": secret,
            "uri": f"otpauth://totp/x?secret={secret}",
            "backup_codes": None,
        },
        "client": {"object": "client", "codes": ["a1b2c3d4", "e5f6a7b8"]},
    }
    response = {
        "status": {"code": 200, "message": "OK"},
        "headers": {"Content-Type": ["application/json"]},
        "body": {"string": json.dumps(body).encode()},
    }
    text = scrub_response(response)["body"]["string"].decode()
    assert secret not in text and "a1b2c3d4" not in text
    assert json.loads(text)["response"]["backup_codes"] is None
