"""Everything clerk_fapi raises.

    ClerkError
    ├── ClerkAPIError                 the Frontend API answered with an error status
    │   ├── BadRequestError           400
    │   ├── AuthenticationError       401
    │   ├── PermissionDeniedError     403
    │   ├── NotFoundError             404
    │   ├── ConflictError             409
    │   ├── UnprocessableEntityError  422
    │   ├── RateLimitError            429
    │   ├── ServerError               5xx
    │   └── ReverificationRequiredError  ``session_reverification_required`` (whatever the status)
    ├── ClerkConnectionError          the request did not get an answer
    │   └── ClerkTimeoutError         ... because it took too long
    ├── ResponseParseError            an answer that is not what the contract says
    ├── ConfigurationError            bad arguments to a constructor (e.g. an invalid publishable key)
    │   └── OrganizationNotFoundError ... an organization slug none of the user's memberships has
    ├── ClientClosedError             the client was closed (or its http_client was)
    ├── TokenStoreError               the client token could not be read or written
    └── SignInIncompleteError         a one-call sign-in needs another step

The status classes are chosen in one place, :func:`api_error_for_status`. Messages never carry
secrets: they name the status, the error code, Clerk's long message and the trace id to quote to
Clerk support.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import attrs
import httpx

__all__ = [
    "AuthenticationError",
    "BadRequestError",
    "ClerkAPIError",
    "ClerkConnectionError",
    "ClerkError",
    "ClerkTimeoutError",
    "ClientClosedError",
    "ConfigurationError",
    "ConflictError",
    "ErrorDetail",
    "NotFoundError",
    "OrganizationNotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseParseError",
    "ReverificationRequiredError",
    "ServerError",
    "SignInIncompleteError",
    "TokenStoreError",
    "UnprocessableEntityError",
    "api_error_class",
    "api_error_for_status",
]


class ClerkError(Exception):
    """The base of every exception clerk_fapi raises."""


class ConfigurationError(ClerkError, ValueError):
    """A constructor or method was given something it cannot use."""


class OrganizationNotFoundError(ConfigurationError):
    """No membership of the session's user is in an organization with this slug (nothing was sent
    that changes state)."""

    def __init__(self, organization: str, session_id: str | None) -> None:
        self.organization = organization
        self.session_id = session_id
        super().__init__(
            f"no organization with the slug {organization!r} among the memberships of the user of "
            f"session {session_id} (give an organization id or slug the user is a member of)"
        )


class ClientClosedError(ClerkError):
    """The client was closed (``close()``/``aclose()``, or its ``http_client`` by its owner)."""


class TokenStoreError(ClerkError):
    """The token store could not be read or written (permissions, a corrupt file...)."""


@attrs.frozen
class ErrorDetail:
    """One entry of an error answer's ``errors`` list. Any field may be missing in real answers."""

    code: str | None
    message: str | None
    long_message: str | None
    meta: Mapping[str, Any] = attrs.field(factory=dict)
    # Fields of the entry that have no attribute (added by the server later), as sent.
    extra: Mapping[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


class ClerkAPIError(ClerkError):
    """The Frontend API answered with an error status (4xx or 5xx, or a 3xx, which is never followed).

    ``response`` is the ``httpx.Response`` of the answer, its body read (``error.response.json()``,
    ``error.response.headers``); like the answer's headers it may hold credentials, so neither
    ``str()`` nor ``repr()`` of the error shows anything of it beyond what the message says.
    """

    def __init__(
        self,
        status_code: int,
        errors: Sequence[ErrorDetail] = (),
        *,
        trace_id: str | None = None,
        retry_after: float | None = None,
        operation: str | None = None,
        note: str | None = None,
        response: httpx.Response | None = None,
    ) -> None:
        self.status_code = status_code
        self.response = response
        self.errors: tuple[ErrorDetail, ...] = tuple(errors)
        self.trace_id = trace_id
        self.retry_after = retry_after
        self.operation = operation
        super().__init__(self._describe(note))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({str(self)!r})"

    @property
    def code(self) -> str | None:
        """The code of the first error (e.g. ``form_password_incorrect``), or None."""
        return self.errors[0].code if self.errors else None

    @property
    def codes(self) -> tuple[str, ...]:
        """Every error code of the answer, in order."""
        return tuple(e.code for e in self.errors if e.code)

    @property
    def long_message(self) -> str | None:
        """The long message of the first error (its message when it has none), or None."""
        first = self.errors[0] if self.errors else None
        if first is None:
            return None
        return first.long_message or first.message

    def _describe(self, note: str | None) -> str:
        parts = [f"HTTP {self.status_code}"]
        if self.code:
            parts.append(self.code)
        text = " ".join(parts)
        if self.long_message:
            text += f": {self.long_message}"
        if len(self.errors) > 1:
            text += f" (+{len(self.errors) - 1} more: {', '.join(self.codes[1:])})"
        if note:
            text += f" ({note})"
        if self.operation:
            text += f" [operation {self.operation}]"
        if self.trace_id:
            text += f" [clerk_trace_id {self.trace_id}]"
        return text


class BadRequestError(ClerkAPIError):
    """HTTP 400."""


class AuthenticationError(ClerkAPIError):
    """HTTP 401: the client token (or dev browser) is missing, unknown or expired."""


class PermissionDeniedError(ClerkAPIError):
    """HTTP 403."""


class NotFoundError(ClerkAPIError):
    """HTTP 404: e.g. ``resource_not_found`` for an unknown session, sign-in or sign-up."""


class ConflictError(ClerkAPIError):
    """HTTP 409."""


class UnprocessableEntityError(ClerkAPIError):
    """HTTP 422: the form was rejected (wrong password, wrong code, unknown parameter...)."""


class RateLimitError(ClerkAPIError):
    """HTTP 429: too many requests (``retry_after`` says how long to wait), or ``bot_detected``."""


class ServerError(ClerkAPIError):
    """HTTP 5xx."""


_BY_STATUS: dict[int, type[ClerkAPIError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


class ReverificationRequiredError(ClerkAPIError):
    """The action needs the session's identity proven again (error code
    ``session_reverification_required``): call ``session.start_verification(error.level or
    "second_factor")``, prepare and attempt the factors it asks for until its status is
    ``complete``, then retry the action. ``level`` and ``after_minutes`` are read from the error's
    ``meta`` when the server names them (None otherwise)."""

    CODE = "session_reverification_required"

    @property
    def level(self) -> str | None:
        """The level to reverify at (``first_factor``, ``second_factor``, ``multi_factor``), when named."""
        value = self._hint("level")
        return value if isinstance(value, str) else None

    @property
    def after_minutes(self) -> int | None:
        """How recent the verification must be, in minutes, when named."""
        value = self._hint("after_minutes", "afterMinutes")
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    def _hint(self, *names: str) -> Any:
        for error in self.errors:
            if error.code != self.CODE:
                continue
            nested = error.meta.get("reverification")
            for where in (nested if isinstance(nested, Mapping) else {}, error.meta):
                for name in names:
                    if name in where:
                        return where[name]
        return None


def api_error_class(status_code: int, codes: Sequence[str | None]) -> type[ClerkAPIError]:
    """The exception class for an error answer: by its code where one has its own class, else by status."""
    if ReverificationRequiredError.CODE in codes:
        return ReverificationRequiredError
    return api_error_for_status(status_code)


def api_error_for_status(status_code: int) -> type[ClerkAPIError]:
    """The exception class for an HTTP error status."""
    if status_code >= 500:
        return ServerError
    return _BY_STATUS.get(status_code, ClerkAPIError)


class ClerkConnectionError(ClerkError):
    """The request got no answer: the connection failed or was dropped."""

    def __init__(self, message: str, *, operation: str | None = None) -> None:
        self.operation = operation
        super().__init__(f"{message} [operation {operation}]" if operation else message)


class ClerkTimeoutError(ClerkConnectionError):
    """The request timed out (see the ``timeout`` option)."""


class ResponseParseError(ClerkError):
    """An answer whose body is not what the contract says: HTML, truncated JSON, the wrong shape."""

    def __init__(
        self,
        operation: str,
        status_code: int,
        content_type: str | None,
        reason: str,
    ) -> None:
        self.operation = operation
        self.status_code = status_code
        self.content_type = content_type
        self.reason = reason
        super().__init__(
            f"could not parse the answer to {operation}: HTTP {status_code}, "
            f"content type {content_type or 'none'}: {reason}"
        )


class SignInIncompleteError(ClerkError):
    """A one-call sign-in did not complete: the sign-in needs another step.

    ``status`` is the sign-in's status (e.g. ``needs_second_factor``, ``needs_new_password``) and
    ``sign_in`` the sign-in itself, so the caller can go on with it.
    """

    def __init__(self, status: str, sign_in: Any, message: str) -> None:
        self.status = status
        self.sign_in = sign_in
        super().__init__(message)
