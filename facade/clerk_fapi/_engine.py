"""The request engine: one call to the Frontend API, written once for sync and async.

A call is a generator that *yields actions* and never does I/O itself: :class:`Send` (build,
send and absorb this request under the client's send lock, resume me with the answer or the
transport exception) and :class:`Sleep` (wait this long).
``Client`` drives it with ``httpx.Client`` and ``time.sleep``, ``AsyncClient`` with
``httpx.AsyncClient`` and an anyio sleep. Everything else (credentials, the retry policy,
the dev-browser refresh, error mapping, parsing) lives here and in the modules it names:
:mod:`clerk_fapi._retry` (when to resend), :mod:`clerk_fapi._answers` (reading, parsing and the
errors of answers), :mod:`clerk_fapi._redaction` (keeping secrets out of httpx's logs).
"""

from __future__ import annotations

import functools
import logging
import time
from collections.abc import Callable, Generator, Mapping
from typing import TYPE_CHECKING, Any, Final, TypeVar

import attrs
import httpx

from . import _raw
from ._auth import CLIENT_COOKIE, AuthState, BadCredential
from ._errors import (
    ClerkAPIError,
    ClerkConnectionError,
    ClerkError,
    ConfigurationError,
    ResponseParseError,
)
from ._redaction import install_log_redaction, sending
from ._retry import RetryPolicy, parse_http_date
from ._version import __version__

# Reading and parsing answers (clerk_fapi._answers, and the conversion and read models behind it) is
# imported by the first call that reads one (see README, Development > Start-up).
if TYPE_CHECKING:
    from ._models import ClientState

# What the clients import from here (some of it defined in the modules the engine uses).
__all__ = [
    "DEFAULT_TIMEOUT",
    "Engine",
    "Flow",
    "RetryPolicy",
    "Send",
    "Sleep",
    "sending",
]

logger = logging.getLogger("clerk_fapi")

install_log_redaction()

USER_AGENT: Final = f"clerk-fapi-python/{__version__}"
DEFAULT_TIMEOUT: Final = httpx.Timeout(15.0, connect=5.0)
# The longest id or template name put in a path, and the longest form or query value sent.
MAX_PATH_SEGMENT_CHARS: Final = 512
MAX_VALUE_CHARS: Final = 64 * 1024

T = TypeVar("T")


@attrs.frozen
class Send:
    """Build a request, send it, read its answer (:func:`read_answer`) and ``absorb`` the answer's
    credentials; resume with the read ``httpx.Response``, a :class:`BrokenAnswer`, the
    ``httpx.RequestError`` the exchange raised, or the :class:`ClerkError` ``absorb`` raised.

    A driver does the three under its client's send lock: calls that carry the client token never
    race each other's rotations (each goes out with the newest token, and its rotated token is
    stored before the next request is built).
    """

    build: Callable[[], httpx.Request]
    absorb: Callable[[httpx.Response], None]


@attrs.frozen
class Sleep:
    """Wait ``seconds``; resume with None."""

    seconds: float


Action = Send | Sleep
Flow = Generator[Action, Any, T]


@attrs.define
class Engine:
    """The shared configuration of every call a client makes."""

    base_url: str
    auth: AuthState
    retry: RetryPolicy
    timeout: httpx.Timeout | None
    # Receives a client carried by an error answer, parsed whole (see error_client).
    on_client: Callable[[ClientState], None] | None = None
    # Told the server's clock (an answer's Date header, Unix seconds) after each answer that has one.
    on_server_time: Callable[[float], None] | None = None

    def call(
        self,
        endpoint: _raw.Endpoint,
        *,
        path: tuple[str, ...] = (),
        form: Mapping[str, Any] | None = None,
        query: Mapping[str, Any] | None = None,
        convert: Callable[[Any], T],
        dev_browser: bool = True,
    ) -> Flow[T]:
        """One call: send (and resend), store rotated credentials, raise or parse and convert.

        ``convert`` turns the generated model into what the caller wants; it runs inside the parse
        guard (:func:`parse_answer`), so a wrong shape anywhere (a ``ShapeError`` from a converter)
        becomes a :class:`ResponseParseError` and the caller's state is never touched by a
        half-parsed answer; any other exception from ``convert`` is a bug and propagates as it is.
        ``dev_browser=False`` sends the call without the dev-browser token (for creating one).
        """
        from ._answers import parse_answer

        check_request(endpoint, path, form, query)
        kwargs = _raw.request_kwargs(endpoint, path, form, query)
        attempt = 0
        dev_browser_renewed = False
        while True:
            if dev_browser and self.auth.needs_dev_browser:
                yield from self._create_dev_browser()
            started = time.monotonic()
            outcome = yield Send(
                functools.partial(self._build, kwargs, with_dev_browser=dev_browser),
                functools.partial(self._absorb, endpoint),
            )
            if isinstance(outcome, httpx.TransportError):
                wait = self._wait_after_failure(endpoint, attempt, outcome)
            else:
                response = _answer(endpoint, outcome)  # its credentials are already stored (Send.absorb)
                self._observe(endpoint, response, started)
                if response.is_success:
                    return parse_answer(endpoint, response, convert)
                error = self._error(endpoint, response)
                if dev_browser and not dev_browser_renewed and self._renew_dev_browser(endpoint, error):
                    dev_browser_renewed = True
                    continue
                if error.code == "authentication_invalid" and _carries_client_token(response.request):
                    # The server no longer accepts this client or session: re-sync once (iOS and
                    # clerk-js fetch GET /v1/client) and say so, instead of going on with stale state.
                    raise (yield from self._resync(endpoint, error))
                wait = self._wait_after_error(endpoint, attempt, error)
            attempt += 1
            yield Sleep(wait)

    def _wait_after_failure(self, endpoint: _raw.Endpoint, attempt: int, exc: httpx.TransportError) -> float:
        """The wait before resending a call that got no answer; raises when it is not resent."""
        from ._answers import network_error

        if attempt < self.retry.max_retries and self.retry.retry_on_exception(endpoint.retry_class, exc):
            return self._retry_wait(endpoint, attempt, type(exc).__name__, None)
        raise network_error(endpoint, exc) from exc

    def _wait_after_error(self, endpoint: _raw.Endpoint, attempt: int, error: ClerkAPIError) -> float:
        """The wait before resending a call after an error answer; raises the error when not resent."""
        if attempt < self.retry.max_retries and self.retry.retry_on_status(endpoint.retry_class, error):
            what = f"HTTP {error.status_code} {error.code or ''}".rstrip()
            return self._retry_wait(endpoint, attempt, what, error.retry_after)
        raise error

    def _retry_wait(
        self, endpoint: _raw.Endpoint, attempt: int, what: str, retry_after: float | None
    ) -> float:
        wait = self.retry.delay(attempt, retry_after)
        logger.warning(
            "%s: %s; retrying in %.2fs (retry %d of %d)",
            endpoint.name,
            what,
            wait,
            attempt + 1,
            self.retry.max_retries,
        )
        return wait

    def _observe(self, endpoint: _raw.Endpoint, response: httpx.Response, started: float) -> None:
        """Tell the server's clock and log the answer."""
        server_time = parse_http_date(response.headers.get("date"))
        if server_time is not None and self.on_server_time is not None:
            self.on_server_time(server_time)
        logger.debug(
            "%s -> HTTP %d in %.0f ms",
            endpoint.name,
            response.status_code,
            (time.monotonic() - started) * 1000,
        )

    def _error(self, endpoint: _raw.Endpoint, response: httpx.Response) -> ClerkAPIError:
        """The error of a non-2xx answer; a client it carries is applied (a 3xx is raised: never followed)."""
        from ._answers import api_error, error_client, redirect_error

        if 300 <= response.status_code < 400:
            raise redirect_error(endpoint, response)
        error = api_error(endpoint, response)
        if self.on_client is not None and (state := error_client(endpoint, response)) is not None:
            self.on_client(state)
        return error

    def _renew_dev_browser(self, endpoint: _raw.Endpoint, error: ClerkAPIError) -> bool:
        """After ``dev_browser_unauthenticated`` in browser mode: drop the dev browser (the next send
        makes a new one) and say so."""
        if error.code != "dev_browser_unauthenticated" or self.auth.mode != "browser":
            return False
        logger.info("%s: dev browser unauthenticated; creating a new dev browser", endpoint.name)
        self.auth.dev_browser = True
        self.auth.set_dev_browser_token(None)
        return True

    def _resync(self, endpoint: _raw.Endpoint, error: ClerkAPIError) -> Flow[ClerkAPIError]:
        """``GET /v1/client`` after an ``authentication_invalid`` answer, applied like any client;
        returns the original error with a note saying what the re-sync found."""
        from ._convert import client_from_envelope

        if self.on_client is None:
            return error
        if endpoint is _raw.GET_CLIENT:
            return _with_note(error, _TOKEN_DEAD)
        try:
            state = yield from self.call(_raw.GET_CLIENT, convert=client_from_envelope)
        except ClerkAPIError as resync_error:
            if resync_error.code == "authentication_invalid":
                return _with_note(error, _TOKEN_DEAD)
            note = f"re-syncing with GET /v1/client failed: HTTP {resync_error.status_code}"
            return _with_note(error, f"{note} {resync_error.code or ''}".strip())
        except ClerkError as resync_error:
            return _with_note(error, f"re-syncing with GET /v1/client failed: {type(resync_error).__name__}")
        self.on_client(state)
        return _with_note(error, "the client was re-synced with GET /v1/client")

    def _absorb(self, endpoint: _raw.Endpoint, response: httpx.Response) -> None:
        try:
            self.auth.absorb(response)
        except BadCredential as exc:
            from ._answers import content_type

            raise ResponseParseError(
                endpoint.name, response.status_code, content_type(response), str(exc)
            ) from None

    def _create_dev_browser(self) -> Flow[None]:
        """``POST /v1/dev_browser`` (itself sent without a dev browser); its ``id`` is the token."""
        from ._convert import dev_browser_token

        token = yield from self.call(_raw.CREATE_DEV_BROWSER, convert=dev_browser_token, dev_browser=False)
        self.auth.set_dev_browser_token(token)

    def _build(self, kwargs: Mapping[str, Any], *, with_dev_browser: bool = True) -> httpx.Request:
        headers: dict[str, str] = {"User-Agent": USER_AGENT, "Accept": "application/json"}
        headers.update(kwargs.get("headers") or {})
        params: dict[str, str] = {k: _query_value(v) for k, v in (kwargs.get("params") or {}).items()}
        self.auth.decorate(headers, params)
        if not with_dev_browser:
            params.pop("__clerk_db_jwt", None)
        data = kwargs.get("data")
        if data is None and kwargs["method"].lower() in ("get", "delete"):
            headers.pop("Content-Type", None)
        request = httpx.Request(
            kwargs["method"].upper(),
            self.base_url + kwargs["url"],
            params=params,
            headers=headers,
            data=data,
        )
        if self.timeout is not None:
            request.extensions["timeout"] = self.timeout.as_dict()
        return request


def check_request(
    endpoint: _raw.Endpoint,
    path: tuple[str, ...],
    form: Mapping[str, Any] | None,
    query: Mapping[str, Any] | None,
) -> None:
    """Refuse, before anything is sent, what httpx would rewrite or cannot encode (values are never
    quoted: they may be passwords or codes).

    An id or template name of ``.`` or ``..`` would be normalised away by httpx (``tokens/.`` is
    ``tokens``: a plain session token instead of a template's), an empty one names another
    endpoint, and a lone surrogate cannot be encoded as UTF-8.
    """
    names = endpoint.name.split("{")[1:]
    for i, segment in enumerate(path):
        what = names[i].split("}")[0] if i < len(names) else "path segment"
        what = "template name" if what == "template" else what
        if not isinstance(segment, str) or segment in ("", ".", ".."):
            raise ConfigurationError(
                f"{endpoint.name}: the {what} must be a non-empty string other than . and .."
            )
        _check_text(endpoint, f"the {what}", segment, MAX_PATH_SEGMENT_CHARS)
    for kind, values in (("field", form), ("query parameter", query)):
        for name, value in (values or {}).items():
            if isinstance(value, str):
                _check_text(endpoint, f"the {kind} {name}", value, MAX_VALUE_CHARS)


def _check_text(endpoint: _raw.Endpoint, what: str, value: str, limit: int) -> None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ConfigurationError(
            f"{endpoint.name}: {what} holds a lone surrogate (not valid Unicode)"
        ) from None
    if len(value) > limit:
        raise ConfigurationError(f"{endpoint.name}: {what} is longer than {limit} characters")


def _query_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


_TOKEN_DEAD: Final = (
    "the server no longer accepts the client token (GET /v1/client refuses it too); "
    "start a new client (create()) and sign in again"
)


def _carries_client_token(request: httpx.Request) -> bool:
    """Whether a request went out with a client token (native ``Authorization`` or browser cookie)."""
    return bool(request.headers.get("authorization")) or CLIENT_COOKIE + "=" in request.headers.get(
        "cookie", ""
    )


def _with_note(error: ClerkAPIError, note: str) -> ClerkAPIError:
    """The same error, its message ending with ``note``."""
    return type(error)(
        error.status_code,
        error.errors,
        trace_id=error.trace_id,
        retry_after=error.retry_after,
        operation=error.operation,
        note=note,
        response=error.response,
    )


def _answer(endpoint: _raw.Endpoint, outcome: Any) -> httpx.Response:
    """The read answer of a :class:`Send`, or the exception for an exchange that has none."""
    from ._answers import BrokenAnswer, content_type

    if isinstance(outcome, ClerkError):  # a credential in the answer that cannot be stored
        raise outcome
    if isinstance(outcome, BrokenAnswer):  # its credentials are already stored (Send.absorb)
        raise ResponseParseError(
            endpoint.name, outcome.response.status_code, content_type(outcome.response), outcome.reason
        )
    if isinstance(outcome, httpx.RequestError):
        # The exchange failed in httpx itself (a redirect loop, a body it could not decode...).
        raise ClerkConnectionError(
            f"no usable answer ({type(outcome).__name__})", operation=endpoint.name
        ) from outcome
    response: httpx.Response = outcome
    return response
