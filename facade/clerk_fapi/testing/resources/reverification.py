"""`/v1/client/sessions/{session_id}/verify`: reverifying a session before a sensitive action.

`POST .../verify` opens a reverification at a `level`: `first_factor`, `second_factor` (falls back to the
first factor for a user without a second factor, as the spec says) or `multi_factor` (both); then
`.../prepare_first_factor`, `.../attempt_first_factor` (`password`, `email_code`, `phone_code`),
`.../prepare_second_factor` (`phone_code`) and `.../attempt_second_factor` (`totp`, `backup_code`,
`phone_code`) until its status is `complete`. Each verified factor resets the session's factor
verification age, which is what `require_recent_verification` (resources/me.py) checks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .. import _forms as forms
from .. import _views as views
from .._call import Answer, Call
from .._crypto import totp_matches
from .._errors import (
    FapiError,
    code_incorrect,
    not_prepared,
    param_missing,
    param_value_invalid,
    strategy_invalid,
)
from .._models import Session, User, Verification
from .me import password_incorrect, password_matches

if TYPE_CHECKING:
    from .._service import Service

LEVELS = ("first_factor", "second_factor", "multi_factor")


@dataclass
class Reverification:
    level: str
    status: str
    first: Verification | None = None
    second: Verification | None = None
    # The phone a second-factor code was sent to (`phone_code`).
    pending: dict[str, Any] = field(default_factory=dict)


def _live(svc: Service, call: Call, fields: tuple[str, ...]) -> tuple[Session, User]:
    forms.reject_unknown(call.form, fields)
    session = svc.client_session(call, call.params["session_id"])
    if session.status not in ("active", "pending"):
        raise FapiError(
            401, "authentication_invalid", "Invalid authentication", f"The session is {session.status}."
        )
    return session, svc.users[session.user_id]


def _current(svc: Service, session: Session) -> Reverification:
    found: Reverification | None = svc.reverifications.get(session.id)
    if found is None:
        raise FapiError(
            400,
            "session_reverification_not_started",
            "not started",
            "Start a reverification with POST /v1/client/sessions/{session_id}/verify first.",
        )
    return found


def _json(svc: Service, session: Session, user: User, rev: Reverification) -> dict[str, Any]:
    return {
        "object": "session_reverification",
        "level": rev.level,
        "status": rev.status,
        "supported_first_factors": (
            _first_factors(svc, user) if rev.status == "needs_first_factor" else None
        ),
        "supported_second_factors": (
            views.factors_for(svc, user, second=True) if rev.status == "needs_second_factor" else None
        ),
        "first_factor_verification": rev.first.to_json() if rev.first else None,
        "second_factor_verification": rev.second.to_json() if rev.second else None,
        "session": {
            "object": "session",
            "id": session.id,
            "status": session.status,
            "expire_at": session.expire_at,
            "abandon_at": session.abandon_at,
            "last_active_at": session.last_active_at,
            "last_active_token": (
                {"object": "token", "jwt": session.last_active_token} if session.last_active_token else None
            ),
            "actor": None,
            "tasks": None,
        },
    }


def _first_factors(svc: Service, user: User) -> list[dict[str, Any]]:
    """Password, and a code to each verified email address and phone number."""
    return [
        f for f in views.factors_for(svc, user) if f["strategy"] in ("password", "email_code", "phone_code")
    ]


def _answer(svc: Service, call: Call, session: Session, user: User, rev: Reverification) -> Answer:
    assert call.client is not None
    svc.touch_client(call.client)
    return views.envelope(svc, call, _json(svc, session, user, rev))


def start(svc: Service, call: Call) -> Answer:
    """`POST /v1/client/sessions/{session_id}/verify`."""
    session, user = _live(svc, call, ("level",))
    level = forms.required_text(call.form, "level")
    if level not in LEVELS:
        raise param_value_invalid("level")
    second_only = level == "second_factor" and user.two_factor_enabled
    rev = Reverification(level, "needs_second_factor" if second_only else "needs_first_factor")
    svc.reverifications[session.id] = rev
    return _answer(svc, call, session, user, rev)


def prepare_first_factor(svc: Service, call: Call) -> Answer:
    """`POST /v1/client/sessions/{session_id}/verify/prepare_first_factor`
    (`email_code`, `phone_code`)."""
    session, user = _live(svc, call, ("strategy", "email_address_id", "phone_number_id", "proof_token"))
    rev = _current(svc, session)
    strategy = forms.required_text(call.form, "strategy")
    if rev.status != "needs_first_factor":
        raise strategy_invalid(strategy)
    if strategy == "email_code":
        wanted = forms.text(call.form, "email_address_id") or user.primary_email_address_id
        target = next((e for e in user.email_addresses if e.id == wanted), None)
        if target is None:
            raise param_value_invalid("email_address_id")
        rev.first = svc.code_verification("email_code", target.email_address, target.id)
    elif strategy == "phone_code":
        wanted = forms.text(call.form, "phone_number_id") or user.primary_phone_number_id
        phone = next((p for p in user.phone_numbers if p.id == wanted), None)
        if phone is None:
            raise param_value_invalid("phone_number_id")
        rev.first = svc.code_verification("phone_code", phone.phone_number, phone.id)
    else:
        raise strategy_invalid(strategy)
    return _answer(svc, call, session, user, rev)


def attempt_first_factor(svc: Service, call: Call) -> Answer:
    """`POST /v1/client/sessions/{session_id}/verify/attempt_first_factor`
    (`password`, `email_code`, `phone_code`)."""
    session, user = _live(svc, call, ("strategy", "code", "password", "public_key_credential"))
    rev = _current(svc, session)
    strategy = forms.required_text(call.form, "strategy")
    if rev.status != "needs_first_factor":
        raise strategy_invalid(strategy)
    if strategy == "password":
        password = forms.text(call.form, "password")
        if password is None:
            raise param_missing("password")
        rev.first = Verification("password", "unverified", attempts=1, expire_at=None)
        if not password_matches(user, password):
            raise password_incorrect("password")
        rev.first.status = "verified"
    elif strategy in ("email_code", "phone_code"):
        if rev.first is None or rev.first.strategy != strategy or rev.first.code is None:
            raise not_prepared(strategy)
        svc.check_code(rev.first, forms.text(call.form, "code"))
    else:
        raise strategy_invalid(strategy)
    session.first_factor_at = svc.now()
    needs_second = rev.level == "multi_factor" and user.two_factor_enabled
    rev.status = "needs_second_factor" if needs_second else "complete"
    return _answer(svc, call, session, user, rev)


def prepare_second_factor(svc: Service, call: Call) -> Answer:
    """`POST /v1/client/sessions/{session_id}/verify/prepare_second_factor`
    (`phone_code`, to a second-factor phone)."""
    session, user = _live(svc, call, ("strategy", "phone_number_id", "proof_token"))
    rev = _current(svc, session)
    strategy = forms.text(call.form, "strategy") or "phone_code"
    if rev.status != "needs_second_factor" or strategy != "phone_code":
        raise strategy_invalid(strategy)
    wanted = forms.text(call.form, "phone_number_id")
    phones = user.second_factor_phones
    phone = next((p for p in phones if p.id == wanted), None) if wanted else (phones[0] if phones else None)
    if phone is None:
        raise strategy_invalid(strategy)
    rev.second = svc.code_verification("phone_code", phone.phone_number, phone.id)
    return _answer(svc, call, session, user, rev)


def attempt_second_factor(svc: Service, call: Call) -> Answer:
    """`POST /v1/client/sessions/{session_id}/verify/attempt_second_factor`
    (`totp`, `backup_code`, `phone_code`)."""
    session, user = _live(svc, call, ("strategy", "code"))
    rev = _current(svc, session)
    strategy = forms.required_text(call.form, "strategy")
    if rev.status != "needs_second_factor":
        raise strategy_invalid(strategy)
    code = forms.text(call.form, "code")
    if strategy == "totp" and user.totp_secret:
        rev.second = Verification("totp", "unverified", attempts=1, expire_at=None)
        if code is None:
            raise param_missing("code")
        if not totp_matches(user.totp_secret, code, svc.clock.now_s):
            raise code_incorrect()
    elif strategy == "backup_code" and user.backup_codes:
        rev.second = Verification("backup_code", "unverified", attempts=1, expire_at=None)
        if code is None:
            raise param_missing("code")
        if code not in user.backup_codes:
            raise code_incorrect()
        user.backup_codes.remove(code)  # each backup code works once
    elif strategy == "phone_code":
        if rev.second is None or rev.second.strategy != "phone_code" or rev.second.code is None:
            raise not_prepared(strategy)
        svc.check_code(rev.second, code)
    else:
        raise strategy_invalid(strategy)
    rev.second.status = "verified"
    session.second_factor_at = svc.now()
    rev.status = "complete"
    return _answer(svc, call, session, user, rev)
