"""Waiting for an email link to be followed, the way clerk-js does (PROTOCOL.md §3a).

After ``prepare_first_factor("email_link", redirect_url=...)`` (or a sign-up's
``prepare_verification("email_link", ...)``) the user opens the link in any browser; this device
learns of it only by reading the attempt again. clerk-js's poller reads it, waits for the answer,
sleeps 1 s and reads again (one request at a time, never overlapping) until the verification is
``verified``, ``expired`` or ``transferable``. Here the wait is also bounded by a timeout, and a
verified attempt that completed has its session made active.
"""

from __future__ import annotations

import math
import time
from typing import Final

from .._engine import Flow, Sleep
from .._errors import ConfigurationError
from .._external import EmailLinkError, EmailLinkExpiredError, EmailLinkTimeoutError
from .._models import SignInData, SignUpData, Verification, VerificationStatus
from . import Core, sign_ins, sign_ups
from .external import activate

DEFAULT_INTERVAL: Final = 1.0  # clerk-js Poller's delayInMs
DEFAULT_TIMEOUT: Final = 600.0  # the emulator's and Clerk's email-link lifetime is 10 minutes (⚠)
_STOP: Final = frozenset(
    {VerificationStatus.VERIFIED, VerificationStatus.EXPIRED, VerificationStatus.TRANSFERABLE}
)


def check_bounds(timeout: float, interval: float) -> None:
    """Refuse a timeout or interval that is not a positive, finite number of seconds."""
    for name, value in (("timeout", timeout), ("interval", interval)):
        number = isinstance(value, int | float) and not isinstance(value, bool)
        if not number or not math.isfinite(value) or value <= 0:
            raise ConfigurationError(f"{name} must be a positive number of seconds, got {value!r}")


def _link_verification(sign_in: SignInData) -> Verification | None:
    """The sign-in's email-link verification: the first factor's, or the second's (client trust)."""
    for verification in (sign_in.first_factor_verification, sign_in.second_factor_verification):
        if verification is not None and verification.strategy == "email_link":
            return verification
    return None


def wait_sign_in(core: Core, sign_in_id: str, timeout: float, interval: float) -> Flow[SignInData]:
    """Poll the sign-in until its email link is followed; see ``SignIn.wait_for_email_link``."""
    check_bounds(timeout, interval)
    deadline = time.monotonic() + timeout
    while True:
        sign_in = yield from sign_ins.get(core, sign_in_id)
        verification = _link_verification(sign_in)
        if verification is None and not sign_in.is_complete:
            raise ConfigurationError(
                "this sign-in has no email link to wait for: call "
                "prepare_first_factor('email_link', redirect_url=...) first"
            )
        status = verification.status if verification is not None else VerificationStatus.VERIFIED
        if status in _STOP or sign_in.is_complete:
            return (yield from _settled(core, sign_in, status))
        if status == VerificationStatus.FAILED:
            raise EmailLinkError("the email link verification failed")
        yield from _pause(deadline, timeout, interval)


def wait_sign_up(core: Core, sign_up_id: str, timeout: float, interval: float) -> Flow[SignUpData]:
    """Poll the sign-up until its email link is followed; see ``SignUp.wait_for_email_link``."""
    check_bounds(timeout, interval)
    deadline = time.monotonic() + timeout
    while True:
        sign_up = yield from sign_ups.get(core, sign_up_id)
        verification = sign_up.verifications.email_address
        if verification is None or verification.strategy != "email_link":
            raise ConfigurationError(
                "this sign-up has no email link to wait for: call "
                "prepare_verification('email_link', redirect_url=...) first"
            )
        if verification.status == VerificationStatus.EXPIRED:
            raise EmailLinkExpiredError("the email link expired before it was followed: send a new one")
        if verification.status in _STOP:
            if sign_up.is_complete and sign_up.created_session_id:
                yield from activate(core, sign_up.created_session_id)
            return sign_up
        if verification.status == VerificationStatus.FAILED:
            raise EmailLinkError("the email link verification failed")
        yield from _pause(deadline, timeout, interval)


def _settled(core: Core, sign_in: SignInData, status: str | None) -> Flow[SignInData]:
    if status == VerificationStatus.EXPIRED:
        raise EmailLinkExpiredError("the email link expired before it was followed: send a new one")
    if sign_in.is_complete and sign_in.created_session_id:
        yield from activate(core, sign_in.created_session_id)
    return sign_in


def _pause(deadline: float, timeout: float, interval: float) -> Flow[None]:
    """Sleep ``interval`` (less when the deadline is nearer); raise once the deadline has passed."""
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise EmailLinkTimeoutError(
            f"the email link was not followed within {timeout:g} s (it stays valid until it expires: "
            "wait_for_email_link() again to keep waiting)"
        )
    yield Sleep(min(interval, remaining))
