"""`/v1/client/sign_ups`: sign-up attempts, their fields and the verification of email and phone."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .. import _forms as forms
from .. import _oauth
from .. import _views as views
from .._call import Answer, Call
from .._errors import FapiError, not_prepared, param_missing, param_value_invalid, ticket_invalid
from .._ids import new_id
from .._models import (
    ATTEMPT_ABANDON_MS,
    CODE_LIFETIME_MS,
    EmailAddress,
    PhoneNumber,
    SignUp,
    Verification,
)
from .._service import check_password, copy_verified
from .sign_ins import CLIENT_CONTEXT_FIELDS

if TYPE_CHECKING:
    from .._service import Service

SIGN_UP_UPDATE_FIELDS = (
    "password",
    "first_name",
    "last_name",
    "username",
    "email_address",
    "phone_number",
    "email_address_or_phone_number",
    "unsafe_metadata",
    "strategy",
    "redirect_url",
    "action_complete_redirect_url",
    "ticket",
    "web3_wallet",
    "token",
    "code",
    "legal_accepted",
    "oidc_login_hint",
    "oidc_prompt",
    "proof_token",
)

SIGN_UP_CREATE_FIELDS = (
    *SIGN_UP_UPDATE_FIELDS,
    "transfer",
    "captcha_token",
    "captcha_error",
    "captcha_widget_type",
    *CLIENT_CONTEXT_FIELDS,
)

PREPARE_VERIFICATION_FIELDS = (
    "strategy",
    "redirect_url",
    "action_complete_redirect_url",
    "oidc_login_hint",
    "oidc_prompt",
    "proof_token",
)

ATTEMPT_VERIFICATION_FIELDS = ("strategy", "code", "signature", "token")


def _current_sign_up(svc: Service, call: Call) -> SignUp:
    return svc.owned_by_client(call, svc.sign_ups.get(call.params["sign_up_id"]), "sign-up")


def _require_in_progress(sign_up: SignUp) -> None:
    if sign_up.status != "missing_requirements":
        raise FapiError(
            400, "sign_up_not_in_progress", "sign-up is over", f"This sign-up is {sign_up.status}."
        )


def _at_verification(svc: Service, call: Call, fields: tuple[str, ...]) -> tuple[SignUp, str]:
    """The sign-up named in the path, still in progress, and the strategy asked for."""
    forms.reject_unknown(call.form, fields)
    sign_up = _current_sign_up(svc, call)
    strategy = forms.required_text(call.form, "strategy")
    _require_in_progress(sign_up)
    return sign_up, strategy


def create_sign_up(svc: Service, call: Call) -> Answer:
    """`POST /v1/client/sign_ups`."""
    strategy = forms.text(call.form, "strategy")
    if _oauth.looks_external(strategy) or forms.boolean(call.form, "transfer"):
        from . import oauth  # OAuth sign-ups and transfers live in their own module

        if strategy is not None and _oauth.looks_external(strategy):
            return oauth.start_sign_up(svc, call, strategy)
        return oauth.transfer_sign_up(svc, call)
    client, now = svc.start_attempt(call, SIGN_UP_CREATE_FIELDS)
    sign_up = SignUp(
        id=new_id("sua"),
        client_id=client.id,
        created_at=now,
        abandon_at=now + ATTEMPT_ABANDON_MS,
        locale=forms.text(call.form, "locale"),
    )
    _apply_sign_up_fields(svc, call, sign_up)
    svc.sign_ups[sign_up.id] = sign_up
    client.sign_up_id = sign_up.id
    settle_sign_up(svc, call, sign_up)
    return _sign_up_answer(svc, call, sign_up)


def update_sign_up(svc: Service, call: Call) -> Answer:
    """`PATCH /v1/client/sign_ups/{sign_up_id}`."""
    forms.reject_unknown(call.form, SIGN_UP_UPDATE_FIELDS)
    sign_up = _current_sign_up(svc, call)
    _require_in_progress(sign_up)
    _apply_sign_up_fields(svc, call, sign_up)
    settle_sign_up(svc, call, sign_up)
    return _sign_up_answer(svc, call, sign_up)


def _sign_up_answer(svc: Service, call: Call, sign_up: SignUp) -> Answer:
    return views.touched_envelope(svc, call, views.sign_up_json(svc, sign_up))


@dataclass
class _Fields:
    """The fields of a sign-up request that need checking, all checked: applying them cannot fail."""

    email: str | None
    phone: str | None
    metadata: dict[str, Any] | None
    legal: bool | None
    strategy: str | None
    ticket_email: str | None


def _apply_sign_up_fields(svc: Service, call: Call, sign_up: SignUp) -> None:
    # Validate everything before changing anything, so that a rejected request leaves no trace.
    form = call.form
    fields = _checked_fields(svc, form)
    email, phone, strategy = fields.email, fields.phone, fields.strategy
    if fields.ticket_email is not None:
        email = fields.ticket_email
        sign_up.ticket_email_verified = True
    _replace_identification(sign_up, form, "email_address", "email_verification", email)
    _replace_identification(sign_up, form, "phone_number", "phone_verification", phone)
    for name in ("username", "first_name", "last_name", "password"):
        if name in form:
            setattr(sign_up, name, form[name] or None)
    if fields.metadata is not None:
        sign_up.unsafe_metadata = fields.metadata
    if fields.legal is not None:
        sign_up.legal_accepted_at = svc.now() if fields.legal else None
    wants_email = strategy in ("email_code", "email_link") and sign_up.email_address is not None
    wants_phone = strategy == "phone_code" and sign_up.phone_number is not None
    if strategy is not None and (wants_email or wants_phone):
        _prepare_sign_up(svc, sign_up, strategy)


def _replace_identification(
    sign_up: SignUp, form: dict[str, str], name: str, verification: str, value: str | None
) -> None:
    """A new email address or phone number drops the old one's verification; an empty one clears both."""
    if value is not None and value != getattr(sign_up, name):
        setattr(sign_up, name, value)
        setattr(sign_up, verification, None)
    elif name in form and form[name] == "":
        setattr(sign_up, name, None)
        setattr(sign_up, verification, None)


def _checked_fields(svc: Service, form: dict[str, str]) -> _Fields:
    email = forms.email_field(form, "email_address")
    phone = forms.phone_field(form, "phone_number")
    either = forms.text(form, "email_address_or_phone_number")
    if either is not None:
        if forms.looks_like_email(either):
            email = forms.email_field(form, "email_address_or_phone_number")
        else:
            phone = forms.phone_field(form, "email_address_or_phone_number")
    username = forms.text(form, "username")
    password = forms.text(form, "password")
    metadata = forms.json_object(form, "unsafe_metadata")
    legal = forms.boolean(form, "legal_accepted")
    strategy = forms.text(form, "strategy")
    ticket = forms.text(form, "ticket")
    if username is not None and not (4 <= len(username) <= 64):
        raise FapiError(
            422,
            "form_username_invalid_length",
            "length is invalid",
            "A username has between 4 and 64 characters.",
            {"param_name": "username"},
        )
    if password is not None:
        check_password(password)
    for kind, value in (("email_address", email), ("phone_number", phone), ("username", username)):
        if value is not None and svc.identifier_taken(kind, value):
            raise FapiError(
                422,
                "form_identifier_exists",
                "is taken",
                f"That {kind.replace('_', ' ')} is taken. Please try another.",
                {"param_name": kind},
            )
    # `password` prepares nothing (Clerk's Flutter SDK signs up with it; the real answer is 200 with every
    # verification null, see the recorded clerk_auth/user_details_test flows).
    if strategy is not None and strategy not in (
        "email_code",
        "phone_code",
        "email_link",
        "ticket",
        "password",
    ):
        raise param_value_invalid("strategy", "is not a supported strategy")
    ticket_email: str | None = None
    if ticket is not None or strategy == "ticket":
        if ticket is None:
            raise param_missing("ticket")
        ticket_email = svc.tickets.pop(ticket, None)
        if ticket_email is None or not forms.looks_like_email(ticket_email):
            raise ticket_invalid()
    return _Fields(email, phone, metadata, legal, strategy, ticket_email)


def _prepare_sign_up(svc: Service, sign_up: SignUp, strategy: str) -> None:
    if strategy in ("email_code", "email_link"):
        if sign_up.email_address is None:
            raise param_missing("email_address")
        if strategy == "email_link":
            sign_up.email_verification = Verification(
                "email_link", "unverified", attempts=None, expire_at=svc.now() + CODE_LIFETIME_MS
            )
        else:
            sign_up.email_verification = svc.code_verification("email_code", sign_up.email_address, None)
    elif strategy == "phone_code":
        if sign_up.phone_number is None:
            raise param_missing("phone_number")
        sign_up.phone_verification = svc.code_verification("phone_code", sign_up.phone_number, None)
    else:
        raise param_value_invalid("strategy", "is not a supported strategy")


def settle_sign_up(svc: Service, call: Call, sign_up: SignUp) -> None:
    """Complete the sign-up once nothing is missing or unverified: create the user and a session."""
    if sign_up.status != "missing_requirements":
        return
    if views.sign_up_missing(svc, sign_up) or views.sign_up_unverified(svc, sign_up):
        return
    if sign_up.email_address is None and sign_up.phone_number is None and sign_up.username is None:
        return
    client = call.client
    assert client is not None
    user = svc.new_user(
        username=sign_up.username,
        first_name=sign_up.first_name,
        last_name=sign_up.last_name,
        password=sign_up.password,
        unsafe_metadata=dict(sign_up.unsafe_metadata),
        legal_accepted_at=sign_up.legal_accepted_at,
    )
    now = user.created_at
    if sign_up.email_address is not None:
        v = sign_up.email_verification or Verification("ticket", "verified", attempts=None, expire_at=None)
        email = EmailAddress(new_id("idn"), sign_up.email_address, copy_verified(v), now, now)
        user.email_addresses.append(email)
        user.primary_email_address_id = email.id
    if sign_up.phone_number is not None:
        v = sign_up.phone_verification or Verification("phone_code", "verified", attempts=0, expire_at=now)
        phone = PhoneNumber(new_id("idn"), sign_up.phone_number, copy_verified(v), now, now)
        user.phone_numbers.append(phone)
        user.primary_phone_number_id = phone.id
    svc.users[user.id] = user
    session = svc.create_session(call, client, user, second_factor=False, strategy=None)
    sign_up.status = "complete"
    sign_up.created_user_id = user.id
    sign_up.created_session_id = session.id
    client.sign_up_id = None


def get_sign_up(svc: Service, call: Call) -> Answer:
    """`GET /v1/client/sign_ups/{sign_up_id}` (with `rotating_token_nonce`: finish an OAuth sign-up)."""
    forms.reject_unknown(call.form, ())
    sign_up = _current_sign_up(svc, call)
    if "rotating_token_nonce" in call.query:
        from . import oauth

        oauth.finish_sign_up(svc, call, sign_up)
    return _sign_up_answer(svc, call, sign_up)


def prepare_verification(svc: Service, call: Call) -> Answer:
    """`POST /v1/client/sign_ups/{sign_up_id}/prepare_verification`."""
    sign_up, strategy = _at_verification(svc, call, PREPARE_VERIFICATION_FIELDS)
    _prepare_sign_up(svc, sign_up, strategy)
    return _sign_up_answer(svc, call, sign_up)


def attempt_verification(svc: Service, call: Call) -> Answer:
    """`POST /v1/client/sign_ups/{sign_up_id}/attempt_verification`."""
    sign_up, strategy = _at_verification(svc, call, ATTEMPT_VERIFICATION_FIELDS)
    if strategy == "email_code":
        verification = sign_up.email_verification
    elif strategy == "phone_code":
        verification = sign_up.phone_verification
    else:
        raise param_value_invalid("strategy", "is not a strategy that takes a code")
    if verification is None or verification.strategy != strategy or verification.code is None:
        raise not_prepared(strategy)
    svc.check_code(verification, forms.text(call.form, "code"))
    settle_sign_up(svc, call, sign_up)
    return _sign_up_answer(svc, call, sign_up)
