"""``sign-in --email-link ADDRESS``: mail a sign-in link, wait until it is opened in any browser, then
go on as ``sign-in`` does (a second factor if the account has one).

The wait reads the sign-in once a second (``--poll-interval``), one request at a time, as clerk-js does,
for at most ``--timeout`` seconds; Ctrl-C stops it (exit status 130) and leaves the client as it was:
the link stays valid until it expires, and ``sign-in --email-link`` again sends a new one.
"""

from __future__ import annotations

from .._external import EmailLinkError
from .._flow_resources import SignIn
from .._models import SignInStatus, VerificationStatus
from .context import Context
from .exits import CommandFailed, UsageError
from .output import sign_in_json, strategies
from .sign_in import finish_second_factor

__all__ = ["sign_in_with_email_link"]


def sign_in_with_email_link(ctx: Context) -> int:
    """Send the link to ``--email-link``, wait for it, finish the sign-in."""
    if ctx.args.web:
        raise UsageError("--email-link does not go with --web")
    address = str(ctx.args.email_link)
    timeout, interval = float(ctx.args.timeout), float(ctx.args.poll_interval)
    if not timeout > 0:
        raise UsageError("--timeout must be a number of seconds > 0")
    attempt = ctx.client.start_sign_in(address)
    factor = attempt.first_factor("email_link")
    if factor is None:
        offered = ", ".join(strategies(attempt.supported_first_factors)) or "none"
        raise CommandFailed(f"this account cannot sign in with an email link (it offers: {offered})")
    attempt = attempt.prepare_first_factor("email_link", redirect_url=ctx.args.redirect_url)
    ctx.output.progress(
        f"an email link was sent to {factor.safe_identifier or address}: open it in any browser; "
        f"waiting up to {timeout:g} s (Ctrl-C cancels)..."
    )
    try:
        attempt = attempt.wait_for_email_link(timeout=timeout, interval=interval)
    except EmailLinkError as exc:
        raise CommandFailed(str(exc)) from exc
    ctx.output.progress("the link was opened")
    return _finish(ctx, attempt)


def _finish(ctx: Context, attempt: SignIn) -> int:
    verification = attempt.first_factor_verification
    if verification is not None and verification.status == VerificationStatus.TRANSFERABLE:
        raise CommandFailed("no account has this email address: sign up instead (clerk-fapi sign-up)")
    if attempt.status in (SignInStatus.NEEDS_SECOND_FACTOR, SignInStatus.NEEDS_CLIENT_TRUST):
        attempt = finish_second_factor(ctx, attempt)
    if attempt.status != SignInStatus.COMPLETE:
        raise CommandFailed(f"the sign-in {attempt.id} is not complete: {attempt.status}")
    return ctx.signed_in("Signed in", "sign_in", sign_in_json(attempt), attempt.created_session_id)
