"""``sign-in``: start or resume a sign-in, then its first factor (a password or a code) and a second
factor when the account has one."""

from __future__ import annotations

from .._flow_resources import SignIn
from .._models import SignInStatus
from .context import Context, code_pending
from .exits import CommandFailed, UsageError
from .output import sign_in_json, strategies
from .parser import SECOND_FACTORS
from .web import check_web_options, sign_in_web

__all__ = ["finish_second_factor", "sign_in"]

_RESUMABLE = (
    SignInStatus.NEEDS_FIRST_FACTOR,
    SignInStatus.NEEDS_SECOND_FACTOR,
    SignInStatus.NEEDS_CLIENT_TRUST,
)
_CODE_PROMPTS = {"totp": "Authenticator code", "backup_code": "Backup code"}


def sign_in(ctx: Context) -> int:
    """``sign-in``: resume the sign-in in progress (no ``--identifier``) or start one, then finish it;
    with ``--as``, sign a user in with a secret key (:mod:`.backend`); with ``--web``, sign in through the
    browser instead (:mod:`.web`), with ``--email-link`` by a mailed link (:mod:`.email_link`)."""
    if ctx.args.as_user is not None:
        from .backend import sign_in_as

        return sign_in_as(ctx)
    if check_web_options(ctx.args):
        return sign_in_web(ctx)
    if ctx.args.email_link is not None:
        from .email_link import sign_in_with_email_link

        return sign_in_with_email_link(ctx)
    current = ctx.client.sign_in
    if current is not None and current.status in _RESUMABLE and ctx.args.identifier is None:
        ctx.output.progress(f"continuing sign-in {current.id} ({current.status})")
        attempt = current
    else:
        identifier = ctx.args.identifier or ctx.prompter.ask("Email, phone or username", "--identifier")
        attempt = _start(ctx, identifier)
    if attempt.status == SignInStatus.NEEDS_FIRST_FACTOR:
        attempt = _first_factor(ctx, attempt)
    if attempt.status in (SignInStatus.NEEDS_SECOND_FACTOR, SignInStatus.NEEDS_CLIENT_TRUST):
        attempt = _second_factor(ctx, attempt)
    if attempt.status == SignInStatus.NEEDS_NEW_PASSWORD:
        raise CommandFailed(
            f"the sign-in {attempt.id} needs a new password (reset it in the application first)"
        )
    if attempt.status != SignInStatus.COMPLETE:
        raise CommandFailed(f"the sign-in {attempt.id} is not complete: {attempt.status}")
    return ctx.signed_in("Signed in", "sign_in", sign_in_json(attempt), attempt.created_session_id)


def _first_factor_strategy(ctx: Context) -> str:
    a = ctx.args
    if a.strategy:
        return str(a.strategy)
    if a.password is not None or a.code is None:
        return "password"
    raise UsageError("--code needs --strategy email_code or --strategy phone_code")


def _password(ctx: Context) -> str:
    return str(ctx.args.password or ctx.prompter.ask("Password", "--password", secret=True))


def _start(ctx: Context, identifier: str) -> SignIn:
    if _first_factor_strategy(ctx) == "password":
        return ctx.client.start_sign_in(identifier, password=_password(ctx))
    return ctx.client.start_sign_in(identifier)


def _first_factor(ctx: Context, sign_in: SignIn) -> SignIn:
    strategy = _first_factor_strategy(ctx)
    if strategy == "password":
        return sign_in.attempt_first_factor("password", password=_password(ctx))
    if not code_pending(sign_in.first_factor_verification, strategy):
        factor = sign_in.first_factor(strategy)
        if factor is None:
            offered = ", ".join(strategies(sign_in.supported_first_factors))
            raise CommandFailed(f"this account cannot sign in with {strategy} (it offers: {offered})")
        sign_in = sign_in.prepare_first_factor(strategy)
        ctx.output.progress(f"a code was sent to {factor.safe_identifier or sign_in.identifier}")
    code = ctx.args.code or ctx.prompter.ask("Code", "--code")
    return sign_in.attempt_first_factor(strategy, code=code)


def _second_factor_strategy(ctx: Context, offered: list[str]) -> str:
    strategy = ctx.args.second_factor_strategy
    if strategy is None:
        preferred = [s for s in SECOND_FACTORS if s in offered]
        if not preferred:
            raise CommandFailed(
                f"the sign-in needs a second factor this command does not know ({', '.join(offered)})"
            )
        return preferred[0]
    if strategy not in offered:
        raise CommandFailed(
            f"this account does not offer {strategy} as a second factor (it offers: {', '.join(offered)})"
        )
    return str(strategy)


def finish_second_factor(ctx: Context, sign_in: SignIn) -> SignIn:
    """The second step of a sign-in (MFA or client trust), as ``sign-in`` does it."""
    return _second_factor(ctx, sign_in)


def _second_factor(ctx: Context, sign_in: SignIn) -> SignIn:
    offered = strategies(sign_in.supported_second_factors)
    strategy = _second_factor_strategy(ctx, offered)
    ctx.output.progress(f"a second factor is needed: {strategy} (offered: {', '.join(offered)})")
    if strategy in ("phone_code", "email_code") and not code_pending(
        sign_in.second_factor_verification, strategy
    ):
        sign_in = sign_in.prepare_second_factor(strategy)
        factor = sign_in.second_factor(strategy)
        ctx.output.progress(f"a code was sent to {factor.safe_identifier if factor else 'the account'}")
    prompt = _CODE_PROMPTS.get(strategy, "Code")
    code = ctx.args.second_factor_code or ctx.prompter.ask(prompt, "--second-factor-code")
    return sign_in.attempt_second_factor(strategy, code=code)
