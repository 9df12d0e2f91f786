"""The redirect callback of an OAuth or enterprise SSO flow, and the errors of redirect and email-link flows.

After the provider (or the company's identity provider), Clerk sends the browser to the app's
``redirect_url`` with either ``rotating_token_nonce=...`` (success: read the sign-in or sign-up with
it) or ``__clerk_status=failed&__clerk_error_code=...`` (clerk-android reads both; clerk-js names
the codes). ``external_account_not_found`` on a sign-in means "transfer to a sign-up",
``external_account_exists`` on a sign-up "transfer to a sign-in"; any other code is a failure.
A provider that refused may also come back with ``error`` / ``error_description`` (OAuth 2.0).

The callback checks are shared with hosted sign-in (:mod:`clerk_fapi._callbacks`), and so are its errors::

    ClerkError
    ├── ExternalVerificationError           an OAuth / SSO verification failed (``code``, ``attempt``)
    │   ├── CallbackFailedError             ... the callback said so (``__clerk_status=failed``)
    │   ├── ExternalAccountNotFoundError    ... no user has this external account: transfer to sign-up
    │   └── ExternalAccountExistsError      ... a user has it already: transfer to sign-in
    ├── CallbackError                       the callback URL cannot finish the flow
    │   ├── CallbackURLMismatchError        ... it is not the redirect URL the flow was started with
    │   └── CallbackParameterError          ... a parameter is empty or given more than once
    └── EmailLinkError                      an email link was not followed in time
        ├── EmailLinkExpiredError           ... the link expired
        └── EmailLinkTimeoutError           ... the waiter gave up (``timeout``)

No message quotes the callback URL or a nonce: both are credentials while they are unused.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Final

import attrs

from ._errors import ClerkError

__all__ = [
    "EmailLinkError",
    "EmailLinkExpiredError",
    "EmailLinkTimeoutError",
    "ExternalAccountExistsError",
    "ExternalAccountNotFoundError",
    "ExternalVerificationError",
    "RedirectCallback",
    "external_error",
    "parse_callback_url",
]

NONCE: Final = "rotating_token_nonce"
STATUS: Final = "__clerk_status"
ERROR_CODE: Final = "__clerk_error_code"
EXTERNAL_ACCOUNT_NOT_FOUND: Final = "external_account_not_found"
EXTERNAL_ACCOUNT_EXISTS: Final = "external_account_exists"
# The parameters whose value decides what happens; each may appear once at most.
_SINGLE: Final = (NONCE, STATUS, ERROR_CODE, "error", "error_description")
# An error code as it may be shown: Clerk's codes are snake_case words; anything else is not echoed.
_CODE: Final = re.compile(r"[A-Za-z0-9_.-]{1,80}")


class ExternalVerificationError(ClerkError):
    """An OAuth or enterprise SSO verification failed: the callback said ``__clerk_status=failed``,
    the provider answered ``error=...``, or the verification carries an error.

    ``code`` is Clerk's (or the provider's) error code, e.g. ``oauth_access_denied``; ``sign_in`` or
    ``sign_up`` is the attempt it belongs to when known, so the caller can go on with it.
    """

    def __init__(self, code: str | None, message: str, *, attempt: Any = None) -> None:
        self.code = code
        self.attempt = attempt
        super().__init__(message)


class ExternalAccountNotFoundError(ExternalVerificationError):
    """No user has this external account yet: the sign-in is *transferable*.
    ``sign_in.transfer_to_sign_up()`` creates the user from it."""


class ExternalAccountExistsError(ExternalVerificationError):
    """A user has this external account already: the sign-up is *transferable*.
    ``sign_up.transfer_to_sign_in()`` signs that user in."""


class EmailLinkError(ClerkError):
    """An email-link sign-in did not finish (see the subclasses)."""


class EmailLinkExpiredError(EmailLinkError):
    """The email link expired before it was followed (the verification's status is ``expired``)."""


class EmailLinkTimeoutError(EmailLinkError, TimeoutError):
    """The wait for the email link ended (its ``timeout``) before the link was followed; the link
    stays valid until it expires, so waiting again is possible."""


_BY_CODE: Final[Mapping[str, type[ExternalVerificationError]]] = {
    EXTERNAL_ACCOUNT_NOT_FOUND: ExternalAccountNotFoundError,
    EXTERNAL_ACCOUNT_EXISTS: ExternalAccountExistsError,
}


def external_error(code: str | None, what: str, *, attempt: Any = None) -> ExternalVerificationError:
    """The typed error for a failed external verification with this error code."""
    shown = code if code and _CODE.fullmatch(code) else None
    cls = _BY_CODE.get(shown or "", ExternalVerificationError)
    text = f"{what}: {shown}" if shown else what
    if cls is ExternalAccountNotFoundError:
        text += " (no user has this external account: sign_in.transfer_to_sign_up() creates one)"
    elif cls is ExternalAccountExistsError:
        text += " (a user has this external account: sign_up.transfer_to_sign_in() signs them in)"
    return cls(shown, text, attempt=attempt)


@attrs.frozen
class RedirectCallback:
    """What a redirect callback URL says: the nonce to finish with, or nothing (no nonce came back:
    the redirect URL may be missing from the instance's allowlist). Failures are raised by
    :func:`parse_callback_url` instead."""

    rotating_token_nonce: str | None = attrs.field(repr=False)
    # Every query parameter, first value each (the nonce included: keep it out of logs).
    params: Mapping[str, str] = attrs.field(factory=dict, repr=False)


def parse_callback_url(url: str, *, redirect_url: str | None = None) -> RedirectCallback:
    """Read the URL the browser was sent back to after an OAuth or enterprise SSO flow.

    Returns the ``rotating_token_nonce`` to finish with (None when the callback has none). Raises
    :class:`ExternalAccountNotFoundError` / :class:`ExternalAccountExistsError` (transfer) or
    :class:`CallbackFailedError` (any other code; an :class:`ExternalVerificationError`) for
    ``__clerk_status=failed`` or a provider ``error``; :class:`CallbackParameterError` when a
    deciding parameter is empty or given more than once; :class:`CallbackURLMismatchError` when, with
    ``redirect_url``, the URL has another scheme, host, port or path than the redirect URL the flow
    was started with; :class:`CallbackError` for a URL that is not a non-empty string.
    """
    # _callbacks builds on this module's errors: imported here, when both are loaded.
    from ._callbacks import (
        CallbackError,
        CallbackFailedError,
        CallbackParameterError,
        CallbackURLMismatchError,
        callback_query,
        matches_redirect,
    )

    if not isinstance(url, str) or not url.strip():
        raise CallbackError("the callback URL must be a non-empty string")
    url = url.strip()
    if redirect_url is not None and not matches_redirect(url, redirect_url):
        raise CallbackURLMismatchError(
            "the callback URL does not lead to the redirect URL the flow was started with"
        )
    query = callback_query(url)
    for name in _SINGLE:
        values = query.get(name, [])
        if len(values) > 1:
            raise CallbackParameterError(name, "given more than once")
        if values and not values[0].strip():
            raise CallbackParameterError(name, "empty")
    params = {name: values[0] for name, values in query.items()}
    failed = params.get(ERROR_CODE) if params.get(STATUS) == "failed" else params.get("error")
    if params.get(STATUS) == "failed" or "error" in params:
        if failed in _BY_CODE:
            raise external_error(failed, "the external verification failed")
        raise CallbackFailedError(failed)  # an ExternalVerificationError too
    return RedirectCallback(rotating_token_nonce=params.get(NONCE), params=params)
