"""`/v1/me/totp` and `/v1/me/backup_codes`: the signed-in user's second factors (see `resources/me.py` for
the session a call acts for, the envelope and reverification)."""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING, Any

from .. import _forms as forms
from .._call import Answer, Call
from .._crypto import new_totp_secret, totp_matches, totp_uri
from .._errors import FapiError, code_incorrect, not_found
from .._ids import new_id
from .._models import User
from .me import _changed, _deleted, _touched, acting, require_recent_verification

if TYPE_CHECKING:
    from .._service import Service

BACKUP_CODE_COUNT = 10


def _totp_json(svc: Service, user: User, *, secret: str | None, verified: bool) -> dict[str, Any]:
    now = svc.now()
    account = user.identifier() or user.id
    return {
        "object": "totp",
        "id": user.totp_id,
        "secret": secret,
        "uri": totp_uri(secret, account, svc.settings.application_name) if secret else None,
        "verified": verified,
        "backup_codes": None,
        "created_at": now,
        "updated_at": now,
    }


def create_totp(svc: Service, call: Call) -> Answer:
    """`POST /v1/me/totp`: a new secret (and its otpauth URI), enabled once a code from it is verified."""
    forms.reject_unknown(call.form, ())
    session, user = acting(svc, call)
    require_recent_verification(svc, session, user)
    if user.totp_secret is not None:
        raise FapiError(
            400, "totp_already_enabled", "TOTP already enabled", "This user already has an authenticator app."
        )
    user.pending_totp_secret = new_totp_secret()
    user.totp_id = new_id("totp")
    _touched(svc, user)
    return _changed(svc, call, _totp_json(svc, user, secret=user.pending_totp_secret, verified=False))


def verify_totp(svc: Service, call: Call) -> Answer:
    """`POST /v1/me/totp/attempt_verification`: checks the code (RFC 6238, one step of drift either way)."""
    forms.reject_unknown(call.form, ("code",))
    _, user = acting(svc, call)
    secret = user.pending_totp_secret
    if secret is None:
        raise not_found("TOTP")
    code = forms.required_text(call.form, "code")
    if not totp_matches(secret, code, svc.clock.now_s):
        raise code_incorrect()
    user.totp_secret, user.pending_totp_secret = secret, None
    if user.mfa_enabled_at is None:
        user.mfa_enabled_at = svc.now()
    _touched(svc, user)
    return _changed(svc, call, _totp_json(svc, user, secret=None, verified=True))


def delete_totp(svc: Service, call: Call) -> Answer:
    """`DELETE /v1/me/totp`."""
    forms.reject_unknown(call.form, ())
    session, user = acting(svc, call)
    require_recent_verification(svc, session, user)
    if user.totp_secret is None and user.pending_totp_secret is None:
        raise not_found("TOTP")
    totp_id = user.totp_id
    user.totp_secret = user.pending_totp_secret = user.totp_id = None
    _touched(svc, user)
    return _deleted(svc, call, "totp", totp_id)


def create_backup_codes(svc: Service, call: Call) -> Answer:
    """`POST /v1/me/backup_codes`: a new set replacing any earlier one; each code works once as a
    second factor."""
    forms.reject_unknown(call.form, ())
    session, user = acting(svc, call)
    require_recent_verification(svc, session, user)
    user.backup_codes = [secrets.token_hex(4) for _ in range(BACKUP_CODE_COUNT)]
    _touched(svc, user)
    now = svc.now()
    body = {
        "object": "backup_code",
        "id": new_id("bcode"),
        "codes": list(user.backup_codes),
        "created_at": now,
        "updated_at": now,
    }
    return _changed(svc, call, body)
