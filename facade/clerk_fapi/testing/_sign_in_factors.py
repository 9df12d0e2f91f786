"""Completing a sign-in's first factor: preparing and checking it, then what follows (a second factor, the
client-trust check, or the session that completes the sign-in)."""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING, Any

from . import _forms as forms
from . import _views as views
from ._call import Call
from ._errors import FapiError, param_value_invalid, strategy_invalid
from ._models import CODE_LIFETIME_MS, EmailAddress, SignIn, User, Verification

if TYPE_CHECKING:
    from ._service import Service


def _attempt_password(svc: Service, call: Call, sign_in: SignIn, user: User, password: str) -> None:
    if user.locked:
        raise FapiError(
            403, "user_locked", "Account locked", "This account is locked after too many attempts."
        )
    verification = sign_in.first_factor_verification
    if verification is None or verification.strategy != "password":
        verification = Verification("password", "unverified", attempts=0, expire_at=None)
        sign_in.first_factor_verification = verification
    verification.attempts = (verification.attempts or 0) + 1
    if user.password is None or not secrets.compare_digest(user.password, password):
        user.verification_attempts_remaining = max(0, user.verification_attempts_remaining - 1)
        if user.verification_attempts_remaining == 0:
            user.locked = True
        raise FapiError(
            422,
            "form_password_incorrect",
            "Password is incorrect.",
            "The password is incorrect. Try again, or use another method.",
            {"param_name": "password"},
        )
    verification.status = "verified"
    after_first_factor(svc, call, sign_in, user)


def after_first_factor(svc: Service, call: Call, sign_in: SignIn, user: User) -> None:
    # An instance whose environment enables none of the user's second factors asks for none.
    if user.two_factor_enabled and (
        svc.settings.second_factors is None or views.factors_for(svc, user, second=True)
    ):
        sign_in.status = "needs_second_factor"
        return
    if (
        svc.settings.client_trust
        and sign_in.first_factor_verification is not None
        and (sign_in.first_factor_verification.strategy == "password")
    ):
        assert call.client is not None
        known = any(svc.sessions[i].user_id == user.id for i in call.client.session_ids)
        if not known and user.primary_email() is not None:
            sign_in.status = "needs_client_trust"
            sign_in.client_trust = True
            return
    _complete_sign_in(svc, call, sign_in, user, second_factor=False)


def _complete_sign_in(svc: Service, call: Call, sign_in: SignIn, user: User, *, second_factor: bool) -> None:
    client = call.client
    assert client is not None
    strategy = sign_in.first_factor_verification.strategy if sign_in.first_factor_verification else None
    session = svc.create_session(call, client, user, second_factor=second_factor, strategy=strategy)
    sign_in.status = "complete"
    sign_in.created_session_id = session.id
    if client.sign_in_id == sign_in.id:
        client.sign_in_id = None


def _prepare_first(
    svc: Service,
    sign_in: SignIn,
    user: User,
    strategy: str,
    email_address_id: str | None,
    phone_number_id: str | None,
    identifier: str | None,
) -> None:
    if strategy in ("phone_code", "reset_password_phone_code"):
        phone = _pick(
            user.phone_numbers,
            "phone_number_id",
            phone_number_id,
            identifier,
            user.primary_phone_number_id,
        )
        if phone is None:
            raise strategy_invalid(strategy)
        sign_in.first_factor_verification = svc.code_verification(strategy, phone.phone_number, phone.id)
        return
    email = _pick(
        user.email_addresses,
        "email_address_id",
        email_address_id,
        identifier,
        user.primary_email_address_id,
    )
    if email is None:
        raise strategy_invalid(strategy)
    if strategy == "email_link":
        sign_in.first_factor_verification = Verification(
            "email_link",
            "unverified",
            attempts=None,
            expire_at=svc.now() + CODE_LIFETIME_MS,
            target_id=email.id,
        )
        return
    sign_in.first_factor_verification = svc.code_verification(strategy, email.email_address, email.id)


def _pick(
    items: list[Any], param: str, wanted_id: str | None, identifier: str | None, primary_id: str | None
) -> Any | None:
    """The identification a factor targets: the one asked for, else the one used, else the primary."""
    if wanted_id is not None:
        found = next((i for i in items if i.id == wanted_id), None)
        if found is None:
            raise param_value_invalid(param, "does not belong to this user")
        return found
    if identifier is not None:
        for item in items:
            value = item.email_address if isinstance(item, EmailAddress) else item.phone_number
            if value.lower() == identifier.lower() or value == forms.normalize_phone(identifier):
                return item
    return next((i for i in items if i.id == primary_id), items[0] if items else None)
