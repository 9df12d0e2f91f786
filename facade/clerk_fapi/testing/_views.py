"""The JSON the emulator shows: users, sessions, sign-ins, sign-ups, the client, and the envelope around them.

Every function reads the instance's state (`Service`) and changes nothing but the status of sessions that
time has expired.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from . import _forms as forms
from . import _oauth
from ._call import Answer, Call
from ._environment import OAUTH_STRATEGIES, SIGN_UP_FIELDS
from ._json_out import LazyArray
from ._models import (
    HIDDEN_SESSION_STATUSES,
    Client,
    EmailAddress,
    Membership,
    Organization,
    PhoneNumber,
    Session,
    SignIn,
    SignUp,
    User,
    Verification,
    role_name,
)

if TYPE_CHECKING:
    from ._service import Service

SUPPORTED_IDENTIFIERS = ["email_address", "passkey", "password", "phone_number", "username"]


def memberships_json(svc: Service, user: User) -> list[dict[str, Any]]:
    return [membership_json(svc, m) for m in svc.user_memberships(user.id)]


def membership_json(svc: Service, m: Membership) -> dict[str, Any]:
    return {
        "object": "organization_membership",
        "id": m.id,
        "public_metadata": {},
        "role": m.role,
        "role_name": role_name(m.role),
        "permissions": list(m.permissions),
        "created_at": m.created_at,
        "updated_at": m.updated_at,
        "organization": organization_json(svc, svc.organizations[m.organization_id]),
    }


def organization_json(svc: Service, org: Organization) -> dict[str, Any]:
    return org.to_json(
        svc.memberships.count(org.id),
        sum(1 for i in svc.invitations.values() if i.organization_id == org.id and i.status == "pending"),
    )


def user_json(svc: Service, user: User) -> dict[str, Any]:
    return user.to_json(memberships_json(svc, user))


def session_json(svc: Service, session: Session) -> dict[str, Any]:
    svc.refresh_session(session)
    user = svc.users[session.user_id]
    return {
        "object": "session",
        "id": session.id,
        "status": session.status,
        "expire_at": session.expire_at,
        "abandon_at": session.abandon_at,
        "last_active_at": session.last_active_at,
        "last_active_organization_id": session.last_active_organization_id,
        "actor": None,
        "user": user_json(svc, user),
        "public_user_data": user.public_user_data(),
        "factor_verification_age": svc.factor_age(session),
        "tasks": None,
        "created_at": session.created_at,
        "updated_at": session.updated_at,
        "last_active_token": (
            {"object": "token", "jwt": session.last_active_token} if session.last_active_token else None
        ),
    }


def factors_for(
    svc: Service, user: User, *, second: bool = False, identifier: str | None = None
) -> list[dict[str, Any]]:
    """The factors a sign-in of `user` offers, among those the instance's environment enables."""
    allowed = svc.settings.second_factors if second else svc.settings.first_factors
    offered = _user_factors(svc, user, second=second, identifier=identifier)
    return offered if allowed is None else [f for f in offered if f["strategy"] in allowed]


def _user_factors(
    svc: Service, user: User, *, second: bool = False, identifier: str | None = None
) -> list[dict[str, Any]]:
    """The factors `user` has. The reset-password factor follows the identifier: a
    sign-in started with a phone number resets by SMS code, any other by email code."""
    out: list[dict[str, Any]] = []
    if second:
        if user.totp_enabled:
            out.append({"strategy": "totp"})
        for phone in user.second_factor_phones:
            out.append(_factor("phone_code", phone, default=phone.default_second_factor))
        if user.backup_code_enabled:
            out.append({"strategy": "backup_code"})
        return out
    if user.password is not None:
        out.append({"strategy": "password"})
    for phone in user.phone_numbers:
        out.append(_factor("phone_code", phone, primary=phone.id == user.primary_phone_number_id))
    phone_used = forms.normalize_phone(identifier) if identifier else None
    reset_phones = [p for p in user.phone_numbers if phone_used and p.phone_number == phone_used]
    email_strategies = ("email_code", "email_link") + (() if reset_phones else ("reset_password_email_code",))
    for strategy in email_strategies:
        for email in user.email_addresses:
            out.append(_factor(strategy, email, primary=email.id == user.primary_email_address_id))
    for phone in reset_phones:
        out.append(
            _factor("reset_password_phone_code", phone, primary=phone.id == user.primary_phone_number_id)
        )
    return out


def _factor(strategy: str, target: EmailAddress | PhoneNumber, **flags: bool) -> dict[str, Any]:
    """One entry of `supported_*_factors`: the strategy, the email address or phone number it goes to."""
    if isinstance(target, EmailAddress):
        return {
            "strategy": strategy,
            "safe_identifier": target.email_address,
            "email_address_id": target.id,
            **flags,
        }
    return {
        "strategy": strategy,
        "safe_identifier": target.phone_number,
        "phone_number_id": target.id,
        **flags,
    }


def client_trust_factors(svc: Service, user: User) -> list[dict[str, Any]]:
    email = user.primary_email()
    if email is None:
        return []
    return [_factor("email_code", email, primary=True)]


def sign_in_json(svc: Service, sign_in: SignIn) -> dict[str, Any]:
    user = svc.users.get(sign_in.user_id) if sign_in.user_id else None
    first: list[dict[str, Any]] | None = None
    second: list[dict[str, Any]] | None = None
    if user is not None and sign_in.status not in ("complete", "needs_identifier"):
        first = factors_for(svc, user, identifier=sign_in.identifier)
        if sign_in.status == "needs_second_factor":
            second = factors_for(svc, user, second=True)
        elif sign_in.status == "needs_client_trust":
            second = client_trust_factors(svc, user)
    return {
        "object": "sign_in_attempt",
        "id": sign_in.id,
        "status": sign_in.status,
        "supported_identifiers": list(
            SUPPORTED_IDENTIFIERS if svc.settings.identifiers is None else svc.settings.identifiers
        ),
        "supported_first_factors": first,
        "supported_second_factors": second,
        "first_factor_verification": (
            sign_in.first_factor_verification.to_json() if sign_in.first_factor_verification else None
        ),
        "second_factor_verification": (
            sign_in.second_factor_verification.to_json() if sign_in.second_factor_verification else None
        ),
        "identifier": sign_in.identifier,
        "user_data": None,
        "created_session_id": sign_in.created_session_id,
        "abandon_at": sign_in.abandon_at,
        "locale": sign_in.locale,
    }


def sign_up_required(svc: Service) -> list[str]:
    return sorted(svc.settings.sign_up_required)


def sign_up_optional(svc: Service) -> list[str]:
    if svc.settings.sign_up_optional is not None:
        return list(svc.settings.sign_up_optional)
    optional = [f for f in SIGN_UP_FIELDS if f not in svc.settings.sign_up_required and f != "legal_accepted"]
    return sorted([*OAUTH_STRATEGIES, *optional])


def sign_up_missing(svc: Service, sign_up: SignUp) -> list[str]:
    values = {
        "email_address": sign_up.email_address,
        "phone_number": sign_up.phone_number,
        "username": sign_up.username,
        "first_name": sign_up.first_name,
        "last_name": sign_up.last_name,
        "password": sign_up.password,
        "legal_accepted": sign_up.legal_accepted_at,
    }
    return [f for f in sign_up_required(svc) if values.get(f) is None]


def sign_up_unverified(svc: Service, sign_up: SignUp) -> list[str]:
    out = []
    if sign_up.email_address is not None and not (
        sign_up.ticket_email_verified
        or (sign_up.email_verification is not None and sign_up.email_verification.status == "verified")
    ):
        out.append("email_address")
    if sign_up.phone_number is not None and not (
        sign_up.phone_verification is not None and sign_up.phone_verification.status == "verified"
    ):
        out.append("phone_number")
    return out


def _verification_json(v: Verification | None, strategies: list[str]) -> dict[str, Any] | None:
    if v is None:
        return None
    out = v.to_json()
    out["next_action"] = "needs_attempt" if v.status == "unverified" else ""
    out["supported_strategies"] = strategies
    return out


def sign_up_json(svc: Service, sign_up: SignUp) -> dict[str, Any]:
    email_v = sign_up.email_verification
    if email_v is None and sign_up.ticket_email_verified:
        email_v = Verification("ticket", "verified", attempts=None, expire_at=None)
    return {
        "object": "sign_up_attempt",
        "id": sign_up.id,
        "status": sign_up.status,
        "required_fields": sign_up_required(svc),
        "optional_fields": sign_up_optional(svc),
        "missing_fields": sign_up_missing(svc, sign_up),
        "unverified_fields": sign_up_unverified(svc, sign_up),
        "verifications": {
            "email_address": _verification_json(
                email_v,
                ["email_code"] if email_v is None or email_v.strategy != "email_link" else ["email_link"],
            ),
            "phone_number": _verification_json(sign_up.phone_verification, ["phone_code"]),
            "web3_wallet": None,
            "external_account": _oauth.sign_up_external_json(svc, sign_up),
        },
        "username": sign_up.username,
        "email_address": sign_up.email_address,
        "phone_number": sign_up.phone_number,
        "web3_wallet": None,
        "password_enabled": sign_up.password is not None,
        "first_name": sign_up.first_name,
        "last_name": sign_up.last_name,
        "unsafe_metadata": dict(sign_up.unsafe_metadata),
        "public_metadata": {},
        "custom_action": False,
        "external_id": None,
        "created_session_id": sign_up.created_session_id,
        "created_user_id": sign_up.created_user_id,
        "abandon_at": sign_up.abandon_at,
        "legal_accepted_at": sign_up.legal_accepted_at,
        "locale": sign_up.locale,
    }


def client_json(svc: Service, client: Client) -> dict[str, Any]:
    sessions = [svc.refresh_session(svc.sessions[i]) for i in client.session_ids]
    sign_in = svc.sign_ins.get(client.sign_in_id) if client.sign_in_id else None
    sign_up = svc.sign_ups.get(client.sign_up_id) if client.sign_up_id else None
    return {
        "object": "client",
        "id": client.id,
        # Made and encoded one at a time as the answer is written (_json_out): a client may have many.
        "sessions": LazyArray(
            [s for s in sessions if s.status not in HIDDEN_SESSION_STATUSES], partial(session_json, svc)
        ),
        "sign_in": sign_in_json(svc, sign_in) if sign_in else None,
        "sign_up": sign_up_json(svc, sign_up) if sign_up else None,
        "last_active_session_id": client.last_active_session_id,
        "last_authentication_strategy": client.last_authentication_strategy,
        "cookie_expires_at": client.cookie_expires_at,
        "captcha_bypass": False,
        "created_at": client.created_at,
        "updated_at": client.updated_at,
    }


def envelope(
    svc: Service, call: Call, resource: dict[str, Any] | list[Any] | None, *, piggyback: bool = True
) -> Answer:
    client = call.client
    return Answer(
        200,
        {
            "response": resource,
            "client": client_json(svc, client) if piggyback and client is not None and client.alive else None,
        },
    )


def touched_envelope(svc: Service, call: Call, resource: dict[str, Any]) -> Answer:
    """The envelope of an answer that changed the client (a sign-in or sign-up step), which it touches."""
    assert call.client is not None
    svc.touch_client(call.client)
    return envelope(svc, call, resource)
