"""`/v1/me`: the signed-in user's own account (profile, metadata, password, email addresses, phone numbers,
deleting the account; TOTP and backup codes are in `resources/second_factors.py`).

The session a call acts for is the query `_clerk_session_id` (clerk-js, iOS and Android send it on every
`/v1/me` call), else the client's last active session; it must be signed in on the calling client. Every
answer is the `{response, client}` envelope. Sensitive actions answer 403 `session_reverification_required`
when the instance asks for reverification (`Emulator(reverification_max_age=...)`) and the session's factor
verification is older than that (see `resources/reverification.py` to complete one).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .. import _forms as forms
from .. import _views as views
from .._call import Answer, Call
from .._errors import (
    FapiError,
    authentication_invalid,
    not_found,
    param_missing,
    strategy_invalid,
)
from .._ids import new_id
from .._models import HIDDEN_SESSION_STATUSES, EmailAddress, PhoneNumber, Session, User
from .._service import check_password

if TYPE_CHECKING:
    from .._service import Service

SESSION_PARAM = "_clerk_session_id"
UPDATE_FIELDS = (
    "username",
    "first_name",
    "last_name",
    "primary_email_address_id",
    "primary_phone_number_id",
    "primary_web3_wallet_id",
)
# Changing these needs a recent verification (Clerk's docs list them among the sensitive actions).
SENSITIVE_UPDATE_FIELDS = ("username", "primary_email_address_id", "primary_phone_number_id")
CHANGE_PASSWORD_FIELDS = ("current_password", "new_password", "sign_out_of_other_sessions")


# ----------------------------------------------------------------- the session and user a call is for
def acting(svc: Service, call: Call) -> tuple[Session, User]:
    """The signed-in session the call acts for and its user."""
    session_id = call.query.get(SESSION_PARAM) or (
        call.client.last_active_session_id if call.client else None
    )
    if call.client is None or not session_id:
        raise authentication_invalid("There is no signed-in session on this client.")
    session = svc.client_session(call, session_id)
    if session.status not in ("active", "pending"):
        raise authentication_invalid(f"The session is {session.status}.")
    user = svc.users.get(session.user_id)
    if user is None:
        raise authentication_invalid("The user of this session no longer exists.")
    return session, user


def require_recent_verification(svc: Service, session: Session, user: User) -> None:
    """403 `session_reverification_required` when the session's verification is too old."""
    max_age = svc.settings.reverification_max_age
    if max_age is None:
        return
    # The level asked for: the second factor for a user who has one, else the first (the level a
    # `second_factor` reverification falls back to); its verification age must be within the limit.
    level = "second_factor" if user.two_factor_enabled else "first_factor"
    first, second = svc.factor_age(session)
    if 0 <= (second if user.two_factor_enabled else first) <= max_age:
        return
    raise FapiError(
        403,
        "session_reverification_required",
        "Reverification required",
        "You need to provide additional verification to perform this operation",
        {"reverification": {"level": level, "afterMinutes": max_age}},
    )


def _user_answer(svc: Service, call: Call, user: User) -> Answer:
    return _changed(svc, call, views.user_json(svc, user))


def _changed(svc: Service, call: Call, resource: dict[str, Any]) -> Answer:
    assert call.client is not None
    svc.touch_client(call.client)
    return views.envelope(svc, call, resource)


def _deleted(svc: Service, call: Call, kind: str, object_id: str | None) -> Answer:
    return _changed(svc, call, {"object": kind, "id": object_id, "deleted": True})


def _touched(svc: Service, user: User) -> None:
    user.updated_at = svc.now()


# ----------------------------------------------------------------- the user
def get_user(svc: Service, call: Call) -> Answer:
    """`GET /v1/me`."""
    forms.reject_unknown(call.form, ())
    _, user = acting(svc, call)
    return views.envelope(svc, call, views.user_json(svc, user))


def update_user(svc: Service, call: Call) -> Answer:
    """`PATCH /v1/me`: names, username, primary identifications (metadata has its own endpoint)."""
    forms.reject_unknown(call.form, UPDATE_FIELDS)
    session, user = acting(svc, call)
    if any(name in call.form for name in SENSITIVE_UPDATE_FIELDS):
        require_recent_verification(svc, session, user)
    if "username" in call.form:
        username = forms.text(call.form, "username")
        if (
            username
            and username.lower() != (user.username or "").lower()
            and svc.identifier_taken("username", username)
        ):
            raise _identifier_exists("username")
        user.username = username
    for name in ("first_name", "last_name"):
        if name in call.form:
            setattr(user, name, forms.text(call.form, name))
    if "primary_email_address_id" in call.form:
        email = _owned(user.email_addresses, forms.required_text(call.form, "primary_email_address_id"))
        if email is None or not _verified(email):
            raise _primary_invalid("primary_email_address_id")
        user.primary_email_address_id = email.id
    if "primary_phone_number_id" in call.form:
        phone = _owned(user.phone_numbers, forms.required_text(call.form, "primary_phone_number_id"))
        if phone is None or not _verified(phone):
            raise _primary_invalid("primary_phone_number_id")
        user.primary_phone_number_id = phone.id
    if forms.text(call.form, "primary_web3_wallet_id"):
        raise _primary_invalid("primary_web3_wallet_id")  # the emulator models no web3 wallets
    _touched(svc, user)
    return _user_answer(svc, call, user)


def update_metadata(svc: Service, call: Call) -> Answer:
    """`PATCH /v1/me/metadata`: deep-merge `unsafe_metadata`; a null value removes its key."""
    forms.reject_unknown(call.form, ("unsafe_metadata",))
    _, user = acting(svc, call)
    patch = forms.json_object(call.form, "unsafe_metadata")
    if patch is None:
        raise param_missing("unsafe_metadata")
    user.unsafe_metadata = merge_patch(user.unsafe_metadata, patch)
    _touched(svc, user)
    return _user_answer(svc, call, user)


def merge_patch(target: dict[str, Any], patch: dict[str, Any]) -> dict[str, Any]:
    """`target` with `patch` deep-merged into it (RFC 7396: a null removes a key)."""
    merged = dict(target)
    for key, value in patch.items():
        if value is None:
            merged.pop(key, None)
        elif isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = merge_patch(merged[key], value)
        elif isinstance(value, dict):
            merged[key] = merge_patch({}, value)
        else:
            merged[key] = value
    return merged


def delete_user(svc: Service, call: Call) -> Answer:
    """`DELETE /v1/me`: the user is gone, its sessions removed on every client, its memberships dropped."""
    forms.reject_unknown(call.form, ())
    _, user = acting(svc, call)
    now = svc.now()
    for session in svc.sessions.values():
        if session.user_id == user.id and session.status not in HIDDEN_SESSION_STATUSES:
            session.status = "removed"
            session.updated_at = now
    for client in svc.clients.values():
        if client.last_active_session_id and svc.sessions[client.last_active_session_id].user_id == user.id:
            others = svc.active_sessions(client)
            client.last_active_session_id = others[-1].id if others else None
            client.updated_at = now
    for membership in svc.memberships.of_user(user.id):
        svc.memberships.remove(membership)
    del svc.users[user.id]
    return _deleted(svc, call, "user", user.id)


def change_password(svc: Service, call: Call) -> Answer:
    """`POST /v1/me/change_password`."""
    forms.reject_unknown(call.form, CHANGE_PASSWORD_FIELDS)
    session, user = acting(svc, call)
    require_recent_verification(svc, session, user)
    new_password = forms.required_text(call.form, "new_password")
    current = forms.text(call.form, "current_password")
    sign_out_others = forms.boolean(call.form, "sign_out_of_other_sessions")
    if user.password is not None:
        if current is None:
            raise param_missing("current_password")
        if not password_matches(user, current):
            raise password_incorrect("current_password")
    check_password(new_password)
    user.password = new_password
    user.password_last_updated_at = svc.now()
    _touched(svc, user)
    if sign_out_others:
        for other in svc.sessions.values():
            if other.user_id == user.id and other.id != session.id and other.status in ("active", "pending"):
                other.status = "revoked"
                other.updated_at = svc.now()
    return _user_answer(svc, call, user)


# ----------------------------------------------------------------- email addresses and phone numbers
def create_email_address(svc: Service, call: Call) -> Answer:
    """`POST /v1/me/email_addresses`: added unverified (`verification` null until prepared)."""
    forms.reject_unknown(call.form, ("email_address",))
    session, user = acting(svc, call)
    require_recent_verification(svc, session, user)
    address = forms.email_field(call.form, "email_address")
    if address is None:
        raise param_missing("email_address")
    if svc.identifier_taken("email_address", address):
        raise _identifier_exists("email_address")
    now = svc.now()
    email = EmailAddress(new_id("idn"), address, None, now, now)
    # The newest comes first: in every recorded flow that adds one, the real service lists it before
    # the others (primary or not).
    user.email_addresses.insert(0, email)
    _touched(svc, user)
    return _changed(svc, call, email.to_json())


def create_phone_number(svc: Service, call: Call) -> Answer:
    """`POST /v1/me/phone_numbers`: added unverified (`verification` null until prepared)."""
    forms.reject_unknown(call.form, ("phone_number", "reserved_for_second_factor"))
    session, user = acting(svc, call)
    require_recent_verification(svc, session, user)
    number = forms.phone_field(call.form, "phone_number")
    if number is None:
        raise param_missing("phone_number")
    if svc.identifier_taken("phone_number", number):
        raise _identifier_exists("phone_number")
    now = svc.now()
    phone = PhoneNumber(new_id("idn"), number, None, now, now)
    phone.reserved_for_second_factor = bool(forms.boolean(call.form, "reserved_for_second_factor"))
    user.phone_numbers.insert(0, phone)  # the newest first, as for email addresses
    _touched(svc, user)
    return _changed(svc, call, phone.to_json())


def get_email_address(svc: Service, call: Call) -> Answer:
    """`GET /v1/me/email_addresses/{email_id}`."""
    forms.reject_unknown(call.form, ())
    _, user = acting(svc, call)
    return views.envelope(svc, call, _email(user, call).to_json())


def get_phone_number(svc: Service, call: Call) -> Answer:
    """`GET /v1/me/phone_numbers/{phone_number_id}`."""
    forms.reject_unknown(call.form, ())
    _, user = acting(svc, call)
    return views.envelope(svc, call, _phone(user, call).to_json())


def prepare_email_verification(svc: Service, call: Call) -> Answer:
    """`POST /v1/me/email_addresses/{email_id}/prepare_verification` (`email_code`)."""
    forms.reject_unknown(call.form, ("strategy", "redirect_url"))
    _, user = acting(svc, call)
    email = _email(user, call)
    strategy = forms.required_text(call.form, "strategy")
    if strategy != "email_code":
        raise strategy_invalid(strategy)
    email.verification = svc.code_verification("email_code", email.email_address, email.id)
    email.updated_at = svc.now()
    return _changed(svc, call, email.to_json())


def prepare_phone_verification(svc: Service, call: Call) -> Answer:
    """`POST /v1/me/phone_numbers/{phone_number_id}/prepare_verification` (`phone_code`)."""
    forms.reject_unknown(call.form, ("strategy",))
    _, user = acting(svc, call)
    phone = _phone(user, call)
    strategy = forms.text(call.form, "strategy") or "phone_code"
    if strategy != "phone_code":
        raise strategy_invalid(strategy)
    phone.verification = svc.code_verification("phone_code", phone.phone_number, phone.id)
    phone.updated_at = svc.now()
    return _changed(svc, call, phone.to_json())


def attempt_email_verification(svc: Service, call: Call) -> Answer:
    """`POST /v1/me/email_addresses/{email_id}/attempt_verification`."""
    return _attempt_verification(svc, call, _EMAILS)


def attempt_phone_verification(svc: Service, call: Call) -> Answer:
    """`POST /v1/me/phone_numbers/{phone_number_id}/attempt_verification`."""
    return _attempt_verification(svc, call, _PHONES)


def _attempt_verification(svc: Service, call: Call, kind: _Kind) -> Answer:
    forms.reject_unknown(call.form, ("code",))
    _, user = acting(svc, call)
    found = kind.find(user, call)
    verification = found.verification
    if verification is None or verification.code is None:
        raise FapiError(
            400,
            "verification_not_sent",
            "not prepared",
            "You need to send a verification code before attempting to verify.",
        )
    svc.check_code(verification, forms.text(call.form, "code"))
    found.updated_at = svc.now()
    if getattr(user, kind.primary) is None:
        setattr(user, kind.primary, found.id)
    _touched(svc, user)
    return _changed(svc, call, found.to_json())


def update_phone_number(svc: Service, call: Call) -> Answer:
    """`PATCH /v1/me/phone_numbers/{phone_number_id}`: reserve it for the second factor, or make it the
    default second factor (it must be verified)."""
    forms.reject_unknown(call.form, ("reserved_for_second_factor", "default_second_factor"))
    session, user = acting(svc, call)
    require_recent_verification(svc, session, user)
    phone = _phone(user, call)
    reserved = forms.boolean(call.form, "reserved_for_second_factor")
    default = forms.boolean(call.form, "default_second_factor")
    if (reserved or default) and not _verified(phone):
        raise FapiError(
            422,
            "form_param_value_invalid",
            "is not verified",
            "Only a verified phone number can be used as a second factor.",
            {"param_name": "reserved_for_second_factor"},
        )
    if reserved is not None:
        phone.reserved_for_second_factor = reserved
        if reserved and user.mfa_enabled_at is None:
            user.mfa_enabled_at = svc.now()
    if default:
        for other in user.phone_numbers:
            other.default_second_factor = other.id == phone.id
        phone.reserved_for_second_factor = True
    phone.updated_at = svc.now()
    _touched(svc, user)
    return _changed(svc, call, phone.to_json())


def delete_email_address(svc: Service, call: Call) -> Answer:
    """`DELETE /v1/me/email_addresses/{email_id}`."""
    return _delete_identification(svc, call, _EMAILS)


def delete_phone_number(svc: Service, call: Call) -> Answer:
    """`DELETE /v1/me/phone_numbers/{phone_number_id}`."""
    return _delete_identification(svc, call, _PHONES)


def _delete_identification(svc: Service, call: Call, kind: _Kind) -> Answer:
    """Remove an email address or phone number; the primary one only when it is the last."""
    forms.reject_unknown(call.form, ())
    session, user = acting(svc, call)
    require_recent_verification(svc, session, user)
    found = kind.find(user, call)
    items: list[Any] = getattr(user, kind.items)
    if found.id == getattr(user, kind.primary) and len(items) > 1:
        raise FapiError(
            400,
            "form_identifier_primary",
            "primary identification",
            f"The primary {kind.label} cannot be deleted; make another one primary first.",
        )
    items.remove(found)
    if found.id == getattr(user, kind.primary):
        setattr(user, kind.primary, None)
    _touched(svc, user)
    return _deleted(svc, call, kind.object_name, found.id)


# ----------------------------------------------------------------- helpers
def _owned(items: list[Any], wanted: str) -> Any:
    return next((item for item in items if item.id == wanted), None)


@dataclass(frozen=True)
class _Kind:
    """Email addresses or phone numbers: where a user keeps them and how the path names one."""

    items: str  # the user's list
    primary: str  # the user's primary id
    param: str  # the path parameter
    label: str
    object_name: str

    def find(self, user: User, call: Call) -> Any:
        found = _owned(getattr(user, self.items), call.params[self.param])
        if found is None:
            raise not_found(self.label)
        return found


_EMAILS = _Kind("email_addresses", "primary_email_address_id", "email_id", "email address", "email_address")
_PHONES = _Kind("phone_numbers", "primary_phone_number_id", "phone_number_id", "phone number", "phone_number")


def _email(user: User, call: Call) -> EmailAddress:
    found: EmailAddress = _EMAILS.find(user, call)
    return found


def _phone(user: User, call: Call) -> PhoneNumber:
    found: PhoneNumber = _PHONES.find(user, call)
    return found


def _verified(identification: EmailAddress | PhoneNumber) -> bool:
    return identification.verification is not None and identification.verification.status == "verified"


def _identifier_exists(name: str) -> FapiError:
    return FapiError(
        422,
        "form_identifier_exists",
        "already taken",
        f"That {name.replace('_', ' ')} is taken. Please try another.",
        {"param_name": name},
    )


def _primary_invalid(name: str) -> FapiError:
    return FapiError(
        422,
        "form_param_value_invalid",
        "is invalid",
        f"{name} must name a verified identification of this user.",
        {"param_name": name},
    )


def password_matches(user: User, password: str) -> bool:
    return user.password is not None and secrets.compare_digest(password.encode(), user.password.encode())


def password_incorrect(param: str) -> FapiError:
    return FapiError(
        422,
        "form_password_incorrect",
        "Password is incorrect",
        "Password is incorrect. Try again, or use another method.",
        {"param_name": param},
    )
