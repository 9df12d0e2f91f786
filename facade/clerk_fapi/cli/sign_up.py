"""``sign-up``: start a sign-up (or go on with the one in progress), supply the fields the instance
requires, and verify the email address and phone number with the codes sent."""

from __future__ import annotations

from typing import Any, Final

from .._flow_resources import SignUp
from .._models import SignUpStatus
from .context import Context, code_pending
from .exits import CommandFailed, UsageError
from .output import sign_up_json, sign_up_line

__all__ = ["SIGN_UP_FIELDS", "sign_up"]

# Sign-up fields the command can supply: field -> (option, prompt, secret).
SIGN_UP_FIELDS: Final = {
    "email_address": ("--email", "Email address", False),
    "phone_number": ("--phone", "Phone number", False),
    "username": ("--username", "Username", False),
    "first_name": ("--first-name", "First name", False),
    "last_name": ("--last-name", "Last name", False),
    "password": ("--password", "Password", True),
    "legal_accepted": ("--legal-accepted", "Accept the terms of service and privacy policy? [y/N]", False),
}
_IDENTITIES: Final = ("email_address", "phone_number", "username")


def sign_up(ctx: Context) -> int:
    """``sign-up``: start or continue a sign-up, complete its fields, verify it, and report the session."""
    attempt = _complete_fields(ctx, _start_or_continue(ctx, _given(ctx)))
    attempt = _verify(ctx, attempt)
    if attempt.status != SignUpStatus.COMPLETE:
        raise CommandFailed(
            f"the sign-up {attempt.id} is not complete ({sign_up_line(attempt)}); "
            "run `clerk-fapi sign-up` again with what is missing"
        )
    return ctx.signed_in("Signed up", "sign_up", sign_up_json(attempt), attempt.created_session_id)


def _given(ctx: Context) -> dict[str, Any]:
    a = ctx.args
    given: dict[str, Any] = {
        "email_address": a.email,
        "phone_number": a.phone,
        "username": a.username,
        "first_name": a.first_name,
        "last_name": a.last_name,
        "password": a.password,
        "legal_accepted": True if a.legal_accepted else None,
    }
    return {k: v for k, v in given.items() if v is not None}


def _start_or_continue(ctx: Context, given: dict[str, Any]) -> SignUp:
    current = ctx.client.sign_up
    if (
        current is not None
        and current.status == SignUpStatus.MISSING_REQUIREMENTS
        and all(getattr(current, k) in (None, given[k]) for k in _IDENTITIES if k in given)
    ):
        # Go on with the sign-up in progress (a second run with what was missing, or the code sent).
        ctx.output.progress(f"continuing sign-up {current.id}")
        changed = {k: v for k, v in given.items() if getattr(current, k, None) != v}
        return current.update(**changed) if changed else current
    if not any(k in given for k in _IDENTITIES):
        given["email_address"] = ctx.prompter.ask("Email address", "--email")
    return ctx.client.start_sign_up(**given)


def _complete_fields(ctx: Context, sign_up: SignUp) -> SignUp:
    missing = [f for f in sign_up.missing_fields if f in SIGN_UP_FIELDS]
    unknown = [f for f in sign_up.missing_fields if f not in SIGN_UP_FIELDS]
    if unknown:
        raise CommandFailed(f"the instance requires fields this command cannot supply: {', '.join(unknown)}")
    if not missing:
        return sign_up
    if not ctx.prompter.interactive:
        options = ", ".join(SIGN_UP_FIELDS[f][0] for f in missing)
        raise UsageError(
            f"the instance also requires {options} (sign-up {sign_up.id} is in progress; "
            "run `clerk-fapi sign-up` again with them)"
        )
    values: dict[str, Any] = {}
    for name in missing:
        option, prompt, secret = SIGN_UP_FIELDS[name]
        if name == "legal_accepted":
            if not ctx.prompter.confirm(prompt, option):
                raise UsageError("the terms must be accepted to sign up")
            values[name] = True
        else:
            values[name] = ctx.prompter.ask(prompt, option, secret=secret)
    return sign_up.update(**values)


def _verify(ctx: Context, sign_up: SignUp) -> SignUp:
    a = ctx.args
    steps = (
        ("email_address", "email_code", sign_up.email_address, a.code, "--code"),
        ("phone_number", "phone_code", sign_up.phone_number, a.phone_code or a.code, "--phone-code"),
    )
    for field, strategy, target, code, option in steps:
        if field not in sign_up.unverified_fields:
            continue
        if not code_pending(getattr(sign_up.verifications, field), strategy):
            sign_up = sign_up.prepare_verification(strategy)
            ctx.output.progress(f"a verification code was sent to {target}")
        if code is None:
            code = ctx.prompter.ask(f"Code sent to {target}", option)
        sign_up = sign_up.attempt_verification(strategy, code)
    return sign_up
