"""`/v1/client/sign_ins`: sign-in attempts, their first and second factors, and password resets."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import _email_link, _oauth
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
    ticket_invalid,
)
from .._ids import new_id
from .._models import ATTEMPT_ABANDON_MS, Client, SignIn, User, Verification
from .._service import check_password
from .._sign_in_factors import _attempt_password, _complete_sign_in, _prepare_first, after_first_factor

if TYPE_CHECKING:
    from .._service import Service

# What clerk-js adds when it creates a sign-in or a sign-up: the browser's locale (echoed back as `locale`)
# and the device's time zone (accepted, not shown).
CLIENT_CONTEXT_FIELDS = ("locale", "timezone")

SIGN_IN_CREATE_FIELDS = (
    "strategy",
    "identifier",
    "password",
    "ticket",
    "redirect_url",
    "action_complete_redirect_url",
    "transfer",
    "code",
    "token",
    "oidc_login_hint",
    "oidc_prompt",
    "proof_token",
    "trusted_device_id",
    *CLIENT_CONTEXT_FIELDS,
)

PREPARE_FIRST_FIELDS = (
    "strategy",
    "email_address_id",
    "phone_number_id",
    "proof_token",
    "web3_wallet_id",
    "passkey_id",
    "trusted_device_id",
    "redirect_url",
    "action_complete_redirect_url",
    "oidc_login_hint",
    "oidc_prompt",
)

ATTEMPT_FIRST_FIELDS = (
    "strategy",
    "code",
    "password",
    "signature",
    "token",
    "ticket",
    "public_key_credential",
    "trusted_device_id",
    "client_data",
    "algorithm",
)

PREPARE_SECOND_FIELDS = ("strategy", "phone_number_id", "proof_token", "email_address_id", "redirect_url")

ATTEMPT_SECOND_FIELDS = ("strategy", "code")

RESET_PASSWORD_FIELDS = ("password", "sign_out_of_other_sessions")
# The strategies a sign-in can be created with besides `ticket`; all but `password` send something.
PREPARED_STRATEGIES = (
    "email_code",
    "phone_code",
    "email_link",
    "reset_password_email_code",
    "reset_password_phone_code",
)


def _current_sign_in(svc: Service, call: Call) -> SignIn:
    return svc.owned_by_client(call, svc.sign_ins.get(call.params["sign_in_id"]), "sign-in")


def _sign_in_answer(svc: Service, call: Call, sign_in: SignIn) -> Answer:
    return views.touched_envelope(svc, call, views.sign_in_json(svc, sign_in))


def create_sign_in(svc: Service, call: Call) -> Answer:
    """`POST /v1/client/sign_ins`."""
    client, now = svc.start_attempt(call, SIGN_IN_CREATE_FIELDS)
    sign_in = SignIn(
        id=new_id("sia"),
        client_id=client.id,
        status="needs_identifier",
        created_at=now,
        abandon_at=now + ATTEMPT_ABANDON_MS,
        locale=forms.text(call.form, "locale"),
    )
    strategy = forms.text(call.form, "strategy")
    identifier = forms.text(call.form, "identifier")
    password = forms.text(call.form, "password")
    if strategy == "ticket" or (strategy is None and forms.text(call.form, "ticket")):
        _check_instance_allows(svc, "ticket")
        return _sign_in_with_ticket(svc, call, client, sign_in)
    if _oauth.looks_external(strategy) or forms.boolean(call.form, "transfer"):
        from . import oauth  # OAuth, enterprise SSO and transfers live in their own module

        if strategy is None:
            return oauth.transfer_sign_in(svc, call)
        return oauth.start_sign_in(svc, call, sign_in, strategy)
    if strategy is not None and strategy != "password" and strategy not in PREPARED_STRATEGIES:
        raise param_value_invalid("strategy", "is not a supported strategy")
    if strategy is not None or password is not None:
        _check_instance_allows(svc, strategy or "password")
    if identifier is None:
        if strategy is not None or password is not None:
            raise param_missing("identifier")
        return _install_sign_in(svc, call, sign_in)
    found = svc.find_user(identifier) if _identifier_allowed(svc, identifier) else None
    if found is None:
        raise FapiError(
            422,
            "form_identifier_not_found",
            "Couldn't find your account.",
            "No account matches this identifier.",
            {"param_name": "identifier"},
        )
    user = found
    _guard_already_signed_in(svc, client, user)
    sign_in.user_id = user.id
    sign_in.identifier = identifier
    sign_in.status = "needs_first_factor"
    if strategy == "password" and password is None:
        raise param_missing("password")
    _install_sign_in(svc, call, sign_in)
    if password is not None and strategy in (None, "password"):
        _attempt_password(svc, call, sign_in, user, password)
    elif strategy in PREPARED_STRATEGIES:
        _prepare_first(svc, sign_in, user, strategy, None, None, identifier)
        _email_link.sent(svc, call, sign_in)
    return _sign_in_answer(svc, call, sign_in)


def _check_instance_allows(svc: Service, strategy: str) -> None:
    """A first-factor strategy the instance's environment does not enable is not a supported strategy."""
    allowed = svc.settings.first_factors
    if allowed is not None and strategy not in allowed:
        raise param_value_invalid("strategy", "is not a supported strategy")


def _identifier_allowed(svc: Service, identifier: str) -> bool:
    """Whether the instance identifies users by this kind of identifier (email address, phone, username)."""
    allowed = svc.settings.identifiers
    if allowed is None:
        return True
    if forms.looks_like_email(identifier):
        kind = "email_address"
    elif forms.normalize_phone(identifier):
        kind = "phone_number"
    else:
        kind = "username"
    return kind in allowed


def _sign_in_with_ticket(svc: Service, call: Call, client: Client, sign_in: SignIn) -> Answer:
    """A sign-in by a ticket made with `Emulator.create_sign_in_ticket`: its first factor is done."""
    ticket = forms.text(call.form, "ticket")
    if ticket is None:
        raise param_missing("ticket")
    user_id = svc.tickets.pop(ticket, None)
    if svc.ticket_expiry.pop(ticket, svc.now()) < svc.now():
        raise ticket_invalid()
    if user_id is None or user_id not in svc.users:
        raise ticket_invalid()
    user = svc.users[user_id]
    _guard_already_signed_in(svc, client, user)
    sign_in.user_id = user.id
    sign_in.identifier = user.identifier()
    sign_in.first_factor_verification = Verification("ticket", "verified", attempts=None, expire_at=None)
    after_first_factor(svc, call, sign_in, user)
    return _install_sign_in(svc, call, sign_in)


def _guard_already_signed_in(svc: Service, client: Client, user: User) -> None:
    if any(s.user_id == user.id for s in svc.active_sessions(client)):
        raise FapiError(
            400,
            "identifier_already_signed_in",
            "already signed in",
            "This account is already signed in on this client.",
        )


def _install_sign_in(svc: Service, call: Call, sign_in: SignIn) -> Answer:
    assert call.client is not None
    svc.sign_ins[sign_in.id] = sign_in
    call.client.sign_in_id = sign_in.id
    if sign_in.status == "complete":
        call.client.sign_in_id = None
    return _sign_in_answer(svc, call, sign_in)


def get_sign_in(svc: Service, call: Call) -> Answer:
    """`GET /v1/client/sign_ins/{sign_in_id}` (`rotating_token_nonce`: finish an OAuth or SSO sign-in)."""
    forms.reject_unknown(call.form, ())
    sign_in = _current_sign_in(svc, call)
    if "rotating_token_nonce" in call.query:
        from . import oauth

        oauth.finish_sign_in(svc, call, sign_in)
    _email_link.expire(svc, sign_in.first_factor_verification)
    return _sign_in_answer(svc, call, sign_in)


def _at_first_factor(svc: Service, call: Call, fields: tuple[str, ...]) -> tuple[SignIn, User, str]:
    """The sign-in named in the path, its user and the strategy asked for, checked in the order Clerk does."""
    forms.reject_unknown(call.form, fields)
    sign_in = _current_sign_in(svc, call)
    strategy = forms.required_text(call.form, "strategy")
    user = _sign_in_user(svc, sign_in)
    if sign_in.status != "needs_first_factor":
        raise _wrong_step(sign_in)
    return sign_in, user, strategy


def _at_second_factor(svc: Service, call: Call, fields: tuple[str, ...]) -> tuple[SignIn, User]:
    """The sign-in named in the path and its user, at its second factor or its client-trust check."""
    forms.reject_unknown(call.form, fields)
    sign_in = _current_sign_in(svc, call)
    user = _sign_in_user(svc, sign_in)
    if sign_in.status not in ("needs_second_factor", "needs_client_trust"):
        raise _wrong_step(sign_in)
    return sign_in, user


def prepare_first_factor(svc: Service, call: Call) -> Answer:
    """`POST /v1/client/sign_ins/{sign_in_id}/prepare_first_factor`."""
    wanted = forms.text(call.form, "strategy")
    if _oauth.looks_external(wanted):
        from . import oauth

        return oauth.prepare_sign_in(svc, call, str(wanted))
    sign_in, user, strategy = _at_first_factor(svc, call, PREPARE_FIRST_FIELDS)
    offered = {f["strategy"] for f in views.factors_for(svc, user, identifier=sign_in.identifier)}
    if strategy not in offered or strategy == "password":
        raise strategy_invalid(strategy)
    _prepare_first(
        svc,
        sign_in,
        user,
        strategy,
        forms.text(call.form, "email_address_id"),
        forms.text(call.form, "phone_number_id"),
        None,
    )
    _email_link.sent(svc, call, sign_in)
    return _sign_in_answer(svc, call, sign_in)


def _sign_in_user(svc: Service, sign_in: SignIn) -> User:
    user = svc.users.get(sign_in.user_id) if sign_in.user_id else None
    if user is None:
        raise FapiError(
            422,
            "sign_in_identifier_missing",
            "identifier is missing",
            "Identify the user before verifying a factor.",
            {"param_name": "identifier"},
        )
    return user


def attempt_first_factor(svc: Service, call: Call) -> Answer:
    """`POST /v1/client/sign_ins/{sign_in_id}/attempt_first_factor`."""
    sign_in, user, strategy = _at_first_factor(svc, call, ATTEMPT_FIRST_FIELDS)
    if svc.settings.first_factors is not None and strategy not in svc.settings.first_factors:
        raise strategy_invalid(strategy)
    if strategy == "password":
        _attempt_password(svc, call, sign_in, user, forms.required_text(call.form, "password"))
        return _sign_in_answer(svc, call, sign_in)
    verification = sign_in.first_factor_verification
    if verification is None or verification.strategy != strategy or verification.code is None:
        raise not_prepared(strategy)
    svc.check_code(verification, forms.text(call.form, "code"))
    if strategy.startswith("reset_password_"):
        sign_in.status = "needs_new_password"
    else:
        after_first_factor(svc, call, sign_in, user)
    return _sign_in_answer(svc, call, sign_in)


def prepare_second_factor(svc: Service, call: Call) -> Answer:
    """`POST /v1/client/sign_ins/{sign_in_id}/prepare_second_factor`."""
    sign_in, user = _at_second_factor(svc, call, PREPARE_SECOND_FIELDS)
    strategy = forms.text(call.form, "strategy") or "phone_code"
    _check_second_factor_allowed(svc, sign_in, strategy)
    if strategy == "phone_code" and sign_in.status == "needs_second_factor":
        phone_id = forms.text(call.form, "phone_number_id")
        phones = user.second_factor_phones
        phone = (
            next((p for p in phones if p.id == phone_id), None)
            if phone_id
            else (phones[0] if phones else None)
        )
        if phone is None:
            raise strategy_invalid(strategy)
        sign_in.second_factor_verification = svc.code_verification("phone_code", phone.phone_number, phone.id)
    elif strategy == "email_code" and sign_in.status == "needs_client_trust":
        email = user.primary_email()
        wanted = forms.text(call.form, "email_address_id")
        if email is None or (wanted is not None and wanted != email.id):
            raise strategy_invalid(strategy)
        sign_in.second_factor_verification = svc.code_verification(
            "email_code", email.email_address, email.id
        )
    else:
        raise strategy_invalid(strategy)
    return _sign_in_answer(svc, call, sign_in)


def _check_second_factor_allowed(svc: Service, sign_in: SignIn, strategy: str) -> None:
    """A second factor the instance's environment does not enable is refused (client trust's email code is
    not a second factor of the instance)."""
    allowed = svc.settings.second_factors
    if allowed is not None and sign_in.status == "needs_second_factor" and strategy not in allowed:
        raise strategy_invalid(strategy)


def attempt_second_factor(svc: Service, call: Call) -> Answer:
    """`POST /v1/client/sign_ins/{sign_in_id}/attempt_second_factor`."""
    sign_in, user = _at_second_factor(svc, call, ATTEMPT_SECOND_FIELDS)
    strategy = forms.required_text(call.form, "strategy")
    _check_second_factor_allowed(svc, sign_in, strategy)
    code = forms.text(call.form, "code")
    if strategy == "totp" and user.totp_secret and sign_in.status == "needs_second_factor":
        verification = Verification("totp", "unverified", attempts=0, expire_at=None)
        previous = sign_in.second_factor_verification
        if previous is not None and previous.strategy == "totp":
            verification = previous
        sign_in.second_factor_verification = verification
        if code is None:
            raise param_missing("code")
        verification.attempts = (verification.attempts or 0) + 1
        if not totp_matches(user.totp_secret, code, svc.clock.now_s):
            raise code_incorrect()
        verification.status = "verified"
    elif strategy == "backup_code" and user.backup_codes and sign_in.status == "needs_second_factor":
        verification = Verification("backup_code", "unverified", attempts=1, expire_at=None)
        sign_in.second_factor_verification = verification
        if code is None:
            raise param_missing("code")
        if code not in user.backup_codes:
            raise code_incorrect()
        user.backup_codes.remove(code)  # each backup code works once
        verification.status = "verified"
    elif strategy in ("phone_code", "email_code"):
        pending = sign_in.second_factor_verification
        if pending is None or pending.strategy != strategy or pending.code is None:
            raise not_prepared(strategy)
        svc.check_code(pending, code)
    else:
        raise strategy_invalid(strategy)
    _complete_sign_in(svc, call, sign_in, user, second_factor=not sign_in.client_trust)
    return _sign_in_answer(svc, call, sign_in)


def reset_password(svc: Service, call: Call) -> Answer:
    """`POST /v1/client/sign_ins/{sign_in_id}/reset_password`."""
    forms.reject_unknown(call.form, RESET_PASSWORD_FIELDS)
    sign_in = _current_sign_in(svc, call)
    password = forms.required_text(call.form, "password")
    sign_out_others = forms.boolean(call.form, "sign_out_of_other_sessions")
    user = _sign_in_user(svc, sign_in)
    if sign_in.status != "needs_new_password":
        raise _wrong_step(sign_in)
    check_password(password)
    user.password = password
    user.password_last_updated_at = svc.now()
    user.updated_at = svc.now()
    if sign_out_others:
        for session in svc.sessions.values():
            if session.user_id == user.id and session.status in ("active", "pending"):
                session.status = "revoked"
                session.updated_at = svc.now()
    if user.two_factor_enabled:
        sign_in.status = "needs_second_factor"
    else:
        _complete_sign_in(svc, call, sign_in, user, second_factor=False)
    return _sign_in_answer(svc, call, sign_in)


def _wrong_step(sign_in: SignIn) -> FapiError:
    return FapiError(400, "sign_in_wrong_step", "not at this step", f"This sign-in is {sign_in.status}.")
