"""The URL a browser is sent back to at the end of a browser flow (hosted sign-in, OAuth, SSO), read
and checked, and the errors it can raise.

    ClerkError
    ├── CallbackError                 the callback URL cannot finish the flow
    │   ├── CallbackURLMismatchError  ... it is not the redirect URL the flow was started with
    │   ├── CallbackFailedError       ... it says ``__clerk_status=failed`` (``code`` says why; also an
    │   │                             ``ExternalVerificationError``, as OAuth callbacks raise it)
    │   ├── CallbackStateError        ... its ``state`` is missing, repeated or not the one sent
    │   └── CallbackParameterError    ... a parameter is missing, empty or repeated (``parameter``)
    └── HostedSignInError             hosted sign-in cannot go on
        ├── HostedSignInInProgressError   another hosted sign-in is in flight on this client
        ├── HostedSignInNotStartedError   no hosted sign-in was started on this client
        └── HostedSignInRedeemError       the redeemed client is not the one the flow promised

Messages name what is wrong and never quote a callback value (nonces, states and session ids are secrets or
tied to them); ``CallbackFailedError.code`` is the server's error code, which is not.

The checks follow Clerk's iOS and Android SDKs (``HostedAuthRedirect.matches`` and ``HostedAuthCallback``,
``matchesHostedAuthRedirectUrl`` and ``validateHostedAuthCallback``): the callback's scheme and host compare
case-insensitively, its user-info, port and percent-encoded path exactly; each parameter must appear exactly
once; the query is read, the fragment is not.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from urllib.parse import parse_qsl, urlsplit

from ._errors import ClerkError
from ._external import ExternalVerificationError

# An error code as it may be shown: Clerk's codes are snake_case words; anything else is not echoed.
_SHOWN_CODE = re.compile(r"[A-Za-z0-9_.-]{1,80}")

__all__ = [
    "CallbackError",
    "CallbackFailedError",
    "CallbackParameterError",
    "CallbackStateError",
    "CallbackURLMismatchError",
    "HostedSignInError",
    "HostedSignInInProgressError",
    "HostedSignInNotStartedError",
    "HostedSignInRedeemError",
    "callback_query",
    "matches_redirect",
    "raise_for_failed_status",
    "required_parameter",
    "single_parameter",
]


class CallbackError(ClerkError):
    """The URL the browser was sent back to cannot finish the flow."""


class CallbackURLMismatchError(CallbackError):
    """The callback URL's scheme, user-info, host, port or path is not the redirect URL's."""


class CallbackFailedError(CallbackError, ExternalVerificationError):
    """The callback says the flow failed (``__clerk_status=failed``); ``code`` is
    ``__clerk_error_code`` (e.g. ``oauth_access_denied``) or None. It is also an
    :class:`~clerk_fapi.ExternalVerificationError`, the error OAuth callbacks raise for the same answer."""

    def __init__(self, code: str | None) -> None:
        shown = code if code and _SHOWN_CODE.fullmatch(code) else None
        text = (
            f"the browser flow failed: {shown}" if shown else "the browser flow failed (no error code given)"
        )
        ExternalVerificationError.__init__(self, shown, text)


class CallbackStateError(CallbackError):
    """The callback's ``state`` is missing, repeated or not the one the flow sent: the callback does not
    belong to this flow (a stale tab, or someone else's redirect)."""


class CallbackParameterError(CallbackError):
    """A callback parameter is missing, empty or given more than once; ``parameter`` names it."""

    def __init__(self, parameter: str, problem: str) -> None:
        self.parameter = parameter
        super().__init__(f"the callback URL's {parameter} is {problem}")


class HostedSignInError(ClerkError):
    """Hosted sign-in cannot go on."""


class HostedSignInInProgressError(HostedSignInError):
    """A hosted sign-in is already in flight on this client (one at a time, as Clerk's SDKs allow)."""


class HostedSignInNotStartedError(HostedSignInError):
    """No hosted sign-in is in flight on this client: start one first."""


class HostedSignInRedeemError(HostedSignInError):
    """The server's answer to the redeem (or to the activation after it) is not what hosted sign-in needs:
    the created session is missing, the client token was cleared, or the session did not become active."""


def callback_query(url: str) -> dict[str, list[str]]:
    """Every query parameter of ``url`` with all its values, blank ones kept (the fragment is ignored)."""
    values: dict[str, list[str]] = {}
    for name, value in parse_qsl(urlsplit(url).query, keep_blank_values=True):
        values.setdefault(name, []).append(value)
    return values


def single_parameter(query: Mapping[str, Sequence[str]], name: str) -> str | None:
    """The value of a parameter given exactly once, else None (absent or repeated)."""
    found = query.get(name, ())
    return found[0] if len(found) == 1 else None


def required_parameter(query: Mapping[str, Sequence[str]], name: str) -> str:
    """The value of a parameter that must be given exactly once and not blank."""
    found = query.get(name, ())
    if not found:
        raise CallbackParameterError(name, "missing")
    if len(found) > 1:
        raise CallbackParameterError(name, "given more than once")
    if not found[0].strip():
        raise CallbackParameterError(name, "empty")
    return found[0]


def raise_for_failed_status(query: Mapping[str, Sequence[str]]) -> None:
    """Raise :class:`CallbackFailedError` when the callback says ``__clerk_status=failed``."""
    if "failed" in query.get("__clerk_status", ()):
        codes = [c for c in query.get("__clerk_error_code", ()) if c.strip()]
        raise CallbackFailedError(codes[0] if codes else None)


def matches_redirect(callback_url: str, redirect_url: str) -> bool:
    """Whether ``callback_url`` is ``redirect_url`` give or take its query and fragment: scheme and host
    equal ignoring case, user-info, port and percent-encoded path equal as written."""
    try:
        got, wanted = urlsplit(callback_url), urlsplit(redirect_url)
        got_port, wanted_port = got.port, wanted.port
    except ValueError:
        return False
    return (
        bool(got.scheme)
        and got.scheme.lower() == wanted.scheme.lower()
        and _user_info(got.netloc) == _user_info(wanted.netloc)
        and (got.hostname or "") == (wanted.hostname or "")  # urlsplit lower-cases hostnames
        and got_port == wanted_port
        and got.path == wanted.path
    )


def _user_info(netloc: str) -> str | None:
    return netloc.rpartition("@")[0] if "@" in netloc else None
