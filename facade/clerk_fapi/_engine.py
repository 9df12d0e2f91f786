"""The request engine: one call to the Frontend API, written once for sync and async.

A call is a generator that *yields actions* and never does I/O itself: :class:`Send` (send this
request, resume me with the answer or the transport exception) and :class:`Sleep` (wait this long).
``Client`` drives it with ``httpx.Client`` and ``time.sleep``, ``AsyncClient`` with
``httpx.AsyncClient`` and ``asyncio.sleep``. Everything else (credentials, the retry policy,
the dev-browser refresh, error mapping, parsing) lives here, in one place.
"""

from __future__ import annotations

import email.utils
import logging
import math
import random
import re
import time
from collections.abc import Callable, Generator, Mapping
from datetime import UTC
from typing import Any, Final, TypeVar

import attrs
import httpx

from . import _raw
from ._auth import AuthState, BadCredential
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
from ._models import ShapeError, check_not_coerced, error_detail_from_raw
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


def _install_log_redaction() -> None:
    target = logging.getLogger("httpx")
    if not any(isinstance(f, _RedactSecretQuery) for f in target.filters):
        target.addFilter(_RedactSecretQuery())


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
    """Send ``request``; resume with the read ``httpx.Response``, a :class:`BrokenAnswer` (see
    :func:`read_answer`) or the ``httpx.RequestError`` it raised."""

    request: httpx.Request


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


def parse_retry_after(value: str | None, now: Callable[[], float] = time.time) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        seconds = when.timestamp() - now()
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
            outcome = yield Send(self._build(kwargs, with_dev_browser=dev_browser))
            if isinstance(outcome, BrokenAnswer):
                self._absorb(endpoint, outcome.response)
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
            response: httpx.Response = outcome
            self._absorb(endpoint, response)
            logger.debug(
                "%s -> HTTP %d in %.0f ms",
                endpoint.name,
                response.status_code,
                (time.monotonic() - started) * 1000,
            )
            if response.is_success:
                return _parse(endpoint, response, convert)
            error = api_error(endpoint, response)
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
