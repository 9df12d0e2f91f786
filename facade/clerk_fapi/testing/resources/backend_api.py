"""The few Backend API endpoints test helpers need, served on the emulator's own port.

A request is a Backend API one when its `Authorization` header carries a secret key (`Bearer sk_...`), as
Clerk's Backend SDKs send it; everything else is a Frontend API request. Both families share one path,
`GET /v1/jwks`: without a secret key it is the Frontend API's public key set, with one the Backend API's.
Bodies are JSON in and out, as on `https://api.clerk.com/v1`; list endpoints answer a bare JSON array.

Shapes follow Clerk's Backend API models as `clerk-backend-api` parses them (`TestingToken`,
`SignInToken`, `User`, `Jwks`). A sign-in token's `token` is a ticket the emulator's Frontend API accepts
with `strategy=ticket`; a testing token is accepted as `__clerk_testing_token` on any Frontend API request.
"""

from __future__ import annotations

import json
import math
from typing import TYPE_CHECKING, Any

from .._call import Answer, Call
from .._errors import FapiError, not_found
from .._ids import new_id, new_secret
from .._views import user_json

if TYPE_CHECKING:
    from .._models import User
    from .._service import Service

# A sign-in token's lifetime when the request names none (Backend API default: 30 days).
DEFAULT_SIGN_IN_TOKEN_SECONDS = 2_592_000
# How long a testing token is valid (the Backend API answers its own `expires_at`; an hour here).
TESTING_TOKEN_SECONDS = 3600
# `GET /v1/users`: filters the emulator honours; `limit` and `offset` page; `order_by` is accepted as sent.
_USER_FILTERS = ("email_address", "user_id", "phone_number", "username")
_USER_PAGING = ("limit", "offset", "order_by")


def is_backend_request(headers: dict[str, str]) -> bool:
    """True when the request carries a secret key (`Authorization: Bearer sk_...`)."""
    value = headers.get("authorization", "").strip()
    if value[:7].lower() == "bearer ":
        value = value[7:].strip()
    return value.startswith("sk_")


def secret_key_of(headers: dict[str, str]) -> str:
    """The secret key a Backend API request carries."""
    value = headers.get("authorization", "").strip()
    return value[7:].strip() if value[:7].lower() == "bearer " else value


def key_invalid() -> FapiError:
    """The answer to a request with a secret key the instance does not have."""
    return FapiError(
        401,
        "clerk_key_invalid",
        "The provided Clerk Secret Key is invalid. Make sure that your Clerk Secret Key is correct.",
    )


def _json_body(call: Call) -> dict[str, Any]:
    """The request's JSON object (an empty body is an empty object)."""
    raw = call.json
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise FapiError(
            400, "request_body_invalid", "Request body invalid", "The body must be a JSON object."
        )
    return raw


def parse_json_body(body: bytes) -> Any:
    """A Backend API request body: JSON, or an error answer naming what is wrong."""
    if not body.strip():
        return None
    try:
        return json.loads(body)
    except (UnicodeDecodeError, ValueError) as exc:
        raise FapiError(
            400, "request_body_invalid", "Request body invalid", "The request body is not valid JSON."
        ) from exc


def _unknown(name: str) -> FapiError:
    return FapiError(
        400,
        "request_body_invalid",
        "Request body invalid",
        f"{name} is not a parameter the emulator's Backend API accepts here.",
        {"param_name": name},
    )


def create_testing_token(svc: Service, call: Call) -> Answer:
    """`POST /v1/testing_tokens`: a token that Frontend API requests carry as `__clerk_testing_token`."""
    _json_body(call)
    token = new_secret(24)
    expires_at = svc.now() // 1000 + TESTING_TOKEN_SECONDS
    svc.testing_tokens[token] = expires_at
    return Answer(200, {"object": "testing_token", "token": token, "expires_at": expires_at})


def create_sign_in_token(svc: Service, call: Call) -> Answer:
    """`POST /v1/sign_in_tokens`: a one-use ticket that signs `user_id` in with `strategy=ticket`."""
    body = _json_body(call)
    for name in body:
        if name not in ("user_id", "expires_in_seconds", "org_id"):
            raise _unknown(name)
    user_id = body.get("user_id")
    if not isinstance(user_id, str) or not user_id:
        raise FapiError(
            422, "form_param_missing", "is missing", "user_id must be included.", {"param_name": "user_id"}
        )
    if user_id not in svc.users:
        raise not_found("user")
    seconds = body.get("expires_in_seconds")
    if seconds is None:
        seconds = DEFAULT_SIGN_IN_TOKEN_SECONDS
    if isinstance(seconds, bool) or not isinstance(seconds, int) or seconds < 1:
        raise FapiError(
            422,
            "form_param_format_invalid",
            "is invalid",
            "expires_in_seconds must be a positive integer.",
            {"param_name": "expires_in_seconds"},
        )
    now = svc.now()
    ticket = "tkt_" + new_secret(24)
    svc.tickets[ticket] = user_id
    svc.ticket_expiry[ticket] = now + seconds * 1000
    return Answer(
        200,
        {
            "object": "sign_in_token",
            "id": new_id("sit"),
            "status": "pending",
            "user_id": user_id,
            "token": ticket,
            "url": f"{call.issuer}/v1/tickets/accept?ticket={ticket}",
            "created_at": now,
            "updated_at": now,
        },
    )


def list_users(svc: Service, call: Call) -> Answer:
    """`GET /v1/users`: the users matching every filter given (`email_address=` and others repeat)."""
    pairs = call.query_pairs
    for name, _ in pairs:
        if name not in _USER_FILTERS + _USER_PAGING:
            raise _unknown(name)
    wanted: dict[str, set[str]] = {}
    for name, value in pairs:
        if name in _USER_FILTERS:
            wanted.setdefault(name, set()).add(value.lower() if name != "user_id" else value)
    limit = _int_param(pairs, "limit", 10, 1, 500)
    offset = _int_param(pairs, "offset", 0, 0, math.inf)
    users = sorted(svc.users.values(), key=lambda u: u.created_at, reverse=True)
    found = [u for u in users if _matches(u, wanted)]
    return Answer(200, [backend_user_json(svc, u) for u in found[offset : offset + limit]])


def _int_param(pairs: list[tuple[str, str]], name: str, default: int, low: int, high: float) -> int:
    values = [v for k, v in pairs if k == name]
    if not values:
        return default
    try:
        number = int(values[0])
    except ValueError:
        number = -1
    if not low <= number <= high:
        raise FapiError(
            422, "form_param_format_invalid", "is invalid", f"{name} is out of range.", {"param_name": name}
        )
    return number


def _matches(user: User, wanted: dict[str, set[str]]) -> bool:
    checks = {
        "email_address": {e.email_address.lower() for e in user.email_addresses},
        "phone_number": {p.phone_number for p in user.phone_numbers},
        "username": {user.username.lower()} if user.username else set(),
        "user_id": {user.id},
    }
    return all(checks[name] & values for name, values in wanted.items())


def backend_user_json(svc: Service, user: User) -> dict[str, Any]:
    """A user as the Backend API shows it: the Frontend API's user plus the Backend API's own fields."""
    out = user_json(svc, user)
    out.pop("organization_memberships", None)
    for listed in ("email_addresses", "phone_numbers"):
        for entry in out.get(listed) or []:
            entry.setdefault("reserved", False)
            entry.setdefault("linked_to", [])
    out.update(
        external_id=out.get("external_id"),
        has_image=bool(out.get("has_image", False)),
        banned=False,
        locked=False,
        lockout_expires_in_seconds=None,
        verification_attempts_remaining=None,
        mfa_enabled_at=out.get("mfa_enabled_at"),
        mfa_disabled_at=out.get("mfa_disabled_at"),
        saml_accounts=out.get("saml_accounts") or [],
        enterprise_accounts=out.get("enterprise_accounts") or [],
        passkeys=out.get("passkeys") or [],
        external_accounts=out.get("external_accounts") or [],
        private_metadata={},
        delete_self_enabled=bool(out.get("delete_self_enabled", True)),
        create_organization_enabled=bool(out.get("create_organization_enabled", True)),
        legal_accepted_at=out.get("legal_accepted_at"),
        last_sign_in_at=out.get("last_sign_in_at"),
        last_active_at=out.get("last_active_at"),
    )
    return out


def backend_jwks(svc: Service, call: Call) -> Answer:
    """`GET /v1/jwks`: the keys that verify the instance's session tokens (with a secret key)."""
    return Answer(200, {"keys": [svc.key.jwk()]})
