"""The request engine: one call to the Frontend API, written once for sync and async.

A call is a generator that *yields actions* and never does I/O itself: :class:`Send` (build,
send and absorb this request under the client's send lock, resume me with the answer or the
transport exception) and :class:`Sleep` (wait this long).
``Client`` drives it with ``httpx.Client`` and ``time.sleep``, ``AsyncClient`` with
``httpx.AsyncClient`` and ``asyncio.sleep``. Everything else (credentials, the retry policy,
the dev-browser refresh, error mapping, parsing) lives here, in one place.
"""

from __future__ import annotations

import contextlib
import email.utils
import functools
import logging
import math
import random
import re
import time
from collections.abc import Callable, Generator, Iterator, Mapping
from contextvars import ContextVar
from datetime import UTC
from typing import Any, Final, TypeVar

import attrs
import httpx

from . import _raw
from ._auth import CLIENT_COOKIE, AuthState, BadCredential
from ._errors import (
    ClerkAPIError,
    ClerkConnectionError,
    ClerkError,
    ClerkTimeoutError,
    ConfigurationError,
    ErrorDetail,
    ResponseParseError,
    api_error_for_status,
)
from ._models import (
    ClientState,
    ShapeError,
    check_not_coerced,
    client_from_envelope,
    client_state_from_raw,
    error_detail_from_raw,
)
from ._version import __version__

logger = logging.getLogger("clerk_fapi")

# Query parameters that carry secrets; httpx logs every request URL at INFO on its own logger.
_SECRET_QUERY = re.compile(
    r"(?P<name>__clerk_testing_token|__clerk_db_jwt|__dev_session|expired_token)=[^&\s\"]*"
)


def redact_url(url: object) -> str:
    """A URL as text with the secret query parameters blanked out."""
    return _SECRET_QUERY.sub(lambda m: f"{m.group('name')}=<redacted>", str(url))


class _RedactSecretQuery(logging.Filter):
    """Blanks secret query parameters in the records of httpx's logger (it logs request URLs)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple) and record.args:
            record.args = tuple(
                redact_url(a) if isinstance(a, httpx.URL | str) and "=" in str(a) else a for a in record.args
            )
        if isinstance(record.msg, str) and "=" in record.msg:
            record.msg = redact_url(record.msg)
        return True


# Set while this library sends a request: httpcore logs in the sending thread or task, so its records
# of our requests (and only those) are told apart from other code's.
_SENDING: ContextVar[bool] = ContextVar("clerk_fapi_sending", default=False)

# A credential header in httpcore's DEBUG record of response headers: (b'Authorization', b'...').
_SECRET_HEADER = re.compile(
    r"""(\(b(['"])(?:authorization|set-cookie|cookie|clerk-db-jwt)\2,\s*b)(['"])(?:\\.|(?!\3).)*\3""",
    re.IGNORECASE,
)


@contextlib.contextmanager
def sending() -> Iterator[None]:
    """Marks the requests sent inside as this library's (for :class:`_RedactSecretHeaders`)."""
    token = _SENDING.set(True)
    try:
        yield
    finally:
        _SENDING.reset(token)


class _RedactSecretHeaders(logging.Filter):
    """Blanks the credential headers httpcore logs at DEBUG, in the records of this library's requests."""

    def filter(self, record: logging.LogRecord) -> bool:
        if _SENDING.get() and isinstance(record.msg, str) and "(b" in record.msg:
            record.msg = _SECRET_HEADER.sub(r"\1'<redacted>'", record.msg)
        return True


def _install_log_redaction() -> None:
    filters: tuple[tuple[str, type[logging.Filter]], ...] = (
        ("httpx", _RedactSecretQuery),
        ("httpcore.http11", _RedactSecretHeaders),
        ("httpcore.http2", _RedactSecretHeaders),
    )
    for name, kind in filters:
        target = logging.getLogger(name)
        if not any(isinstance(f, kind) for f in target.filters):
            target.addFilter(kind())


_install_log_redaction()

USER_AGENT: Final = f"clerk-fapi-python/{__version__}"
DEFAULT_TIMEOUT: Final = httpx.Timeout(15.0, connect=5.0)
# The longest id or template name put in a path, and the longest form or query value sent.
MAX_PATH_SEGMENT_CHARS: Final = 512
MAX_VALUE_CHARS: Final = 64 * 1024
# The largest answer body read (after decompression); a bigger one is a ResponseParseError.
MAX_ANSWER_BYTES: Final = 10 * 1024 * 1024

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


@attrs.frozen
class BrokenAnswer:
    """An answer whose headers arrived but whose body could not be read (see :func:`read_answer`)."""

    response: httpx.Response
    reason: str


Action = Send | Sleep
Flow = Generator[Action, Any, T]


@attrs.frozen
class RetryPolicy:
    """When and how long to wait before sending a call again.

    Reads (GET, PUT, DELETE) and token minting are resent on 408, 425, 429 and 5xx answers and on
    any connection error or timeout. Other POST and PATCH calls are resent only on 429 or when the
    request cannot have reached the server (the connection was never made), so a sign-in attempt is
    never sent twice. The wait honours ``Retry-After`` (seconds or an HTTP date) up to
    ``max_retry_after``, else backs off exponentially with jitter up to ``max_backoff``.
    """

    max_retries: int = 2
    backoff: float = 0.5
    max_backoff: float = 8.0
    max_retry_after: float = 60.0
    retry_statuses: frozenset[int] = frozenset({408, 425, 429, 500, 502, 503, 504})

    def __attrs_post_init__(self) -> None:
        if (
            isinstance(self.max_retries, bool)
            or not isinstance(self.max_retries, int)
            or self.max_retries < 0
        ):
            raise ConfigurationError("RetryPolicy.max_retries must be a whole number >= 0")
        for name in ("backoff", "max_backoff", "max_retry_after"):
            value = getattr(self, name)
            if (
                isinstance(value, bool)
                or not isinstance(value, int | float)
                or not math.isfinite(value)
                or value < 0
            ):
                raise ConfigurationError(f"RetryPolicy.{name} must be a finite number of seconds >= 0")

    def retry_on_status(self, retry_class: str, error: ClerkAPIError) -> bool:
        if error.code == "bot_detected":  # a stale testing token: waiting will not help
            return False
        if error.status_code == 429:
            return True
        if retry_class == _raw.UNSAFE:
            return False
        return error.status_code in self.retry_statuses or error.status_code >= 500

    def retry_on_exception(self, retry_class: str, exc: httpx.TransportError) -> bool:
        if retry_class != _raw.UNSAFE:
            return True
        # Only failures that prove the request never left: no connection was made.
        return isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout)

    def delay(self, attempt: int, retry_after: float | None) -> float:
        if retry_after is not None:
            return max(0.0, min(retry_after, self.max_retry_after))
        ceiling = min(self.max_backoff, self.backoff * float(2**attempt))
        return ceiling / 2 + random.uniform(0.0, ceiling / 2)


def parse_http_date(value: str | None) -> float | None:
    """Unix seconds from an HTTP date (``Date``, ``Retry-After``), or None."""
    if not value:
        return None
    try:
        when = email.utils.parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.timestamp()


def parse_retry_after(value: str | None, now: Callable[[], float] = time.time) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        when = parse_http_date(value)
        if when is None:
            return None
        seconds = when - now()
    if seconds != seconds or seconds in (float("inf"), float("-inf")):
        return None
    return max(0.0, seconds)


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
        guard, so a wrong shape anywhere becomes a :class:`ResponseParseError` and the caller's
        state is never touched by a half-parsed answer. ``dev_browser=False`` sends the call without
        the dev-browser token (for creating one).
        """
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
            if isinstance(outcome, ClerkError):  # a credential in the answer that cannot be stored
                raise outcome
            if isinstance(outcome, BrokenAnswer):  # its credentials are already stored (Send.absorb)
                raise ResponseParseError(
                    endpoint.name,
                    outcome.response.status_code,
                    _content_type(outcome.response),
                    outcome.reason,
                )
            if isinstance(outcome, httpx.RequestError) and not isinstance(outcome, httpx.TransportError):
                # The exchange failed in httpx itself (a redirect loop, a body it could not decode...).
                raise ClerkConnectionError(
                    f"no usable answer ({type(outcome).__name__})", operation=endpoint.name
                ) from outcome
            if isinstance(outcome, httpx.TransportError):
                if attempt < self.retry.max_retries and self.retry.retry_on_exception(
                    endpoint.retry_class, outcome
                ):
                    wait = self.retry.delay(attempt, None)
                    logger.warning(
                        "%s: %s; retrying in %.2fs (retry %d of %d)",
                        endpoint.name,
                        type(outcome).__name__,
                        wait,
                        attempt + 1,
                        self.retry.max_retries,
                    )
                    attempt += 1
                    yield Sleep(wait)
                    continue
                raise _network_error(endpoint, outcome) from outcome
            response: httpx.Response = outcome  # its credentials are already stored (Send.absorb)
            server_time = parse_http_date(response.headers.get("date"))
            if server_time is not None and self.on_server_time is not None:
                self.on_server_time(server_time)
            logger.debug(
                "%s -> HTTP %d in %.0f ms",
                endpoint.name,
                response.status_code,
                (time.monotonic() - started) * 1000,
            )
            if response.is_success:
                return _parse(endpoint, response, convert)
            if 300 <= response.status_code < 400:
                raise _redirect_error(endpoint, response)
            error = api_error(endpoint, response)
            if self.on_client is not None and (state := error_client(endpoint, response)) is not None:
                self.on_client(state)
            if (
                error.code == "dev_browser_unauthenticated"
                and self.auth.mode == "browser"
                and dev_browser
                and not dev_browser_renewed
            ):
                # The dev browser expired or was never made: get a new one and send again.
                logger.info("%s: dev browser unauthenticated; creating a new dev browser", endpoint.name)
                self.auth.dev_browser = True
                self.auth.set_dev_browser_token(None)
                dev_browser_renewed = True
                continue
            if error.code == "authentication_invalid" and _carries_client_token(response.request):
                # The server no longer accepts this client or session: re-sync once (iOS and
                # clerk-js fetch GET /v1/client) and say so, instead of going on with stale state.
                raise (yield from self._resync(endpoint, error))
            if attempt < self.retry.max_retries and self.retry.retry_on_status(endpoint.retry_class, error):
                wait = self.retry.delay(attempt, error.retry_after)
                logger.warning(
                    "%s: HTTP %d %s; retrying in %.2fs (retry %d of %d)",
                    endpoint.name,
                    error.status_code,
                    error.code or "",
                    wait,
                    attempt + 1,
                    self.retry.max_retries,
                )
                attempt += 1
                yield Sleep(wait)
                continue
            raise error

    def _resync(self, endpoint: _raw.Endpoint, error: ClerkAPIError) -> Flow[ClerkAPIError]:
        """``GET /v1/client`` after an ``authentication_invalid`` answer, applied like any client;
        returns the original error with a note saying what the re-sync found."""
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
            raise ResponseParseError(
                endpoint.name, response.status_code, _content_type(response), str(exc)
            ) from None

    def _create_dev_browser(self) -> Flow[None]:
        """``POST /v1/dev_browser`` (itself sent without a dev browser); its ``id`` is the token."""
        token = yield from self.call(
            _raw.CREATE_DEV_BROWSER, convert=lambda dev_browser: str(dev_browser.id), dev_browser=False
        )
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


def _content_type(response: httpx.Response) -> str | None:
    value: str | None = response.headers.get("content-type")
    return value


def _parse(endpoint: _raw.Endpoint, response: httpx.Response, convert: Callable[[Any], T]) -> T:
    try:
        parsed = None if response.status_code == 204 else _raw.parse(endpoint, response)
        if (
            endpoint.result is not None
            and response.status_code != 204
            and not isinstance(parsed, endpoint.result)
        ):
            raise ShapeError("body", endpoint.result.__name__, parsed)
        if parsed is not None:
            check_not_coerced(parsed, response.json())
        return convert(parsed)
    except ClerkError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError, ShapeError) as exc:
        # JSONDecodeError is a ValueError; a missing required field is a KeyError; a wrong type
        # anywhere surfaces as TypeError/AttributeError from the generated parser or as ShapeError;
        # JSON nested deeper than Python's recursion limit is a RecursionError.
        raise ResponseParseError(
            endpoint.name, response.status_code, _content_type(response), _describe(exc)
        ) from exc


def _describe(exc: BaseException) -> str:
    if isinstance(exc, KeyError):
        return f"required field {exc.args[0]!r} is missing"
    name = type(exc).__name__
    if name == "JSONDecodeError":
        return "the body is not JSON (or is truncated)"
    if isinstance(exc, RecursionError):
        return "the body is nested too deeply"
    return f"{name}: {exc}"


def api_error(endpoint: _raw.Endpoint, response: httpx.Response) -> ClerkAPIError:
    """The typed exception for an error answer, from its body where it is a Clerk error body."""
    errors: list[ErrorDetail] = []
    trace_id: str | None = response.headers.get("x-clerk-trace-id")
    note: str | None = None
    try:
        body = response.json()
        parsed = _raw.parse_errors(body)
        raw_errors = parsed.errors if isinstance(parsed.errors, list) else []
        errors = [error_detail_from_raw(e) for e in raw_errors if not isinstance(e, dict)]
        if isinstance(parsed.clerk_trace_id, str):
            trace_id = parsed.clerk_trace_id
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError, ShapeError):
        errors = []
        note = f"the body is not a Clerk error body (content type {_content_type(response) or 'none'})"
    cls = api_error_for_status(response.status_code)
    return cls(
        response.status_code,
        errors,
        trace_id=trace_id,
        retry_after=parse_retry_after(response.headers.get("retry-after")),
        operation=endpoint.name,
        note=note,
    )


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
    )


def carried_client(body: Any) -> ClientState | None:
    """The client a body carries as ``client`` or ``meta.client`` (clerk-js Client.ts
    ``getClientResourceFromPayload``), parsed whole, or None; raises on a wrong shape."""
    found = body.get("client") or (body.get("meta") or {}).get("client")
    return client_state_from_raw(_raw.parse_client(found)) if found else None


def error_client(endpoint: _raw.Endpoint, response: httpx.Response) -> ClientState | None:
    """The client an error answer carries (``client``, else ``meta.client``, as clerk-js reads it),
    or None. It is parsed whole or not at all: a wrong shape anywhere in it leaves the caller's
    state as it was, and the error itself still surfaces."""
    try:
        return carried_client(response.json())
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError, ShapeError) as exc:
        # Only the kind of failure: the message could quote a value from the body.
        logger.warning("%s: ignoring the client on the error answer (%s)", endpoint.name, type(exc).__name__)
        return None


def _redirect_error(endpoint: _raw.Endpoint, response: httpx.Response) -> ClerkAPIError:
    """A 3xx answer: never followed (a 307/308 would resend the form, password included, elsewhere)."""
    try:
        target = httpx.URL(response.headers.get("location", "")).host or "the same host"
    except httpx.InvalidURL:
        target = "an invalid location"
    return ClerkAPIError(
        response.status_code,
        trace_id=response.headers.get("x-clerk-trace-id"),
        operation=endpoint.name,
        note=f"a redirect to {target}, not followed: the Frontend API does not redirect its calls",
    )


def read_answer(response: httpx.Response) -> httpx.Response | BrokenAnswer:
    """The answer with its body read (at most :data:`MAX_ANSWER_BYTES`, decoded), or why it could not be.

    ``response`` was sent with ``stream=True``; the caller closes it. Transport errors while reading
    propagate (they are handled like any other).
    """
    body = _CappedBody(response)
    try:
        if body.too_long:
            return body.refused()
        for chunk in response.iter_bytes():
            if not body.add(chunk):
                return body.refused()
    except httpx.DecodingError:
        return BrokenAnswer(response, _UNDECODABLE)
    return body.read()


async def aread_answer(response: httpx.Response) -> httpx.Response | BrokenAnswer:
    """:func:`read_answer` for a response of an ``httpx.AsyncClient``."""
    body = _CappedBody(response)
    try:
        if body.too_long:
            return body.refused()
        async for chunk in response.aiter_bytes():
            if not body.add(chunk):
                return body.refused()
    except httpx.DecodingError:
        return BrokenAnswer(response, _UNDECODABLE)
    return body.read()


class _CappedBody:
    """The chunks of one answer's body, up to :data:`MAX_ANSWER_BYTES`."""

    def __init__(self, response: httpx.Response) -> None:
        self.response = response
        self.chunks: list[bytes] = []
        self.size = 0
        length = response.headers.get("content-length", "").strip()
        # A body announced larger than the cap is refused before a byte of it is read.
        self.too_long = length.isdigit() and int(length) > MAX_ANSWER_BYTES

    def add(self, chunk: bytes) -> bool:
        self.size += len(chunk)
        self.too_long = self.size > MAX_ANSWER_BYTES
        self.chunks.append(chunk)
        return not self.too_long

    def refused(self) -> BrokenAnswer:
        return BrokenAnswer(self.response, _TOO_LONG)

    def read(self) -> httpx.Response:
        """A read copy of the streamed answer: the same status and headers, the decoded body."""
        response = self.response
        headers = [
            (name, value)
            for name, value in response.headers.raw
            if name.lower() not in (b"content-encoding", b"content-length")
        ]
        return httpx.Response(
            response.status_code,
            headers=headers,
            content=b"".join(self.chunks),
            request=response.request,
            extensions=response.extensions,
        )


_TOO_LONG: Final = f"the body is larger than {MAX_ANSWER_BYTES // (1024 * 1024)} MiB (MAX_ANSWER_BYTES)"
_UNDECODABLE: Final = "the body does not decode as its Content-Encoding says"


def _network_error(endpoint: _raw.Endpoint, exc: httpx.TransportError) -> ClerkConnectionError:
    if isinstance(exc, httpx.TimeoutException):
        return ClerkTimeoutError(f"timed out ({type(exc).__name__})", operation=endpoint.name)
    # The exception's own text is left out: transports may quote the URL, whose query can hold
    # the dev-browser or testing token.
    return ClerkConnectionError(f"no answer ({type(exc).__name__})", operation=endpoint.name)
