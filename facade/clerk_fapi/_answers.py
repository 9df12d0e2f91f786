"""Answers of the Frontend API: reading them (capped), parsing them (guarded) and the errors they make.

The parse guard turns what a malformed answer can raise into a :class:`ResponseParseError` and
nothing else: a bug in a converter stays the bug it is.
"""

from __future__ import annotations

import functools
import json
import logging
from collections.abc import Callable
from typing import Any, Final, TypeVar

import attrs
import httpx

from . import _raw
from ._convert import ShapeError, client_state_from_generated, error_detail_from_generated
from ._errors import (
    ClerkAPIError,
    ClerkConnectionError,
    ClerkTimeoutError,
    ErrorDetail,
    ResponseParseError,
    api_error_class,
)
from ._from_json import FAST_CONVERTERS
from ._json_plans import Unusual
from ._models import ClientState
from ._retry import parse_retry_after

__all__ = [
    "MAX_ANSWER_BYTES",
    "BrokenAnswer",
    "api_error",
    "aread_answer",
    "carried_client",
    "error_client",
    "network_error",
    "parse_answer",
    "read_answer",
    "redirect_error",
]

logger = logging.getLogger("clerk_fapi")

# The largest answer body read (after decompression); a bigger one is a ResponseParseError.
MAX_ANSWER_BYTES: Final = 10 * 1024 * 1024

# What a malformed body makes the JSON decoder and the generated parser raise: JSONDecodeError is a
# ValueError, a missing required field a KeyError, a wrong type a TypeError or ValueError, JSON nested
# deeper than Python's recursion limit a RecursionError; the converters raise ShapeError.
MALFORMED: Final = (ValueError, KeyError, TypeError, RecursionError, ShapeError)
# What the converters raise on a generated model that does not hold what its schema names.
_MISSHAPEN: Final = (ShapeError, RecursionError)
# A key the generated models answer with a list of their own (``additional_keys``): the coercion
# check (check_not_coerced) treats it specially, so a body holding it takes the generated layer.
_ODD_KEY: Final = b'"additional_keys"'
_NOT_JSON: Final = object()

T = TypeVar("T")


@attrs.frozen
class BrokenAnswer:
    """An answer whose headers arrived but whose body could not be read (see :func:`read_answer`)."""

    response: httpx.Response
    reason: str


def content_type(response: httpx.Response) -> str | None:
    """The answer's ``Content-Type``, or None."""
    value: str | None = response.headers.get("content-type")
    return value


def _json_decoder() -> Callable[[bytes], Any]:
    """The fast path's JSON decoder: msgspec's (the ``speedups`` extra) when it is installed, else
    ``json.loads``.

    Where msgspec decodes a body it gives what ``json.loads`` gives (integers of any size, floats
    rounded alike, the last of repeated keys); what it refuses and ``json.loads`` takes (a lone
    surrogate escape, ``NaN``, a number beyond the float range, a byte-order mark, UTF-16) raises
    here, a ``ValueError`` like json's own errors, and the answer is read by the generated layer,
    which decodes with ``json.loads``: so the decoder changes the speed, never the result."""
    try:
        import msgspec.json
    except ImportError:
        return json.loads
    decode = msgspec.json.Decoder().decode
    refused = msgspec.DecodeError

    def decode_with_msgspec(content: bytes) -> Any:
        try:
            return decode(content)
        except refused as exc:
            raise ValueError(str(exc)) from None

    return decode_with_msgspec


decode_json: Callable[[bytes], Any] = _json_decoder()


def parse_answer(endpoint: _raw.Endpoint, response: httpx.Response, convert: Callable[[Any], T]) -> T:
    """A 2xx answer parsed by the generated layer and converted by ``convert``; what a malformed
    body raises becomes a :class:`ResponseParseError`, anything else (a bug) propagates as it is.

    A converter with a fast twin (:data:`clerk_fapi._from_json.FAST_CONVERTERS`) reads a 200 answer
    of the usual shape from the decoded JSON directly, to the same result; any other answer takes
    the generated layer, as every answer of the other converters does."""
    fast = FAST_CONVERTERS.get(convert) if response.status_code == 200 else None
    if fast is not None and _ODD_KEY not in response.content:
        try:
            body = decode_json(response.content)
        except (ValueError, RecursionError):
            body = _NOT_JSON  # the generated layer says what is wrong with it
        if body is not _NOT_JSON:
            try:
                result: T = fast(body)
            except (Unusual, ShapeError):
                pass  # an unusual shape: the generated layer reads it (or says what is wrong with it)
            else:
                return result
    try:
        parsed = _generated_model(endpoint, response)
    except MALFORMED as exc:
        raise _parse_error(endpoint, response, exc) from exc
    try:
        return convert(parsed)
    except _MISSHAPEN as exc:
        raise _parse_error(endpoint, response, exc) from exc


def _generated_model(endpoint: _raw.Endpoint, response: httpx.Response) -> Any:
    """The generated model of a 2xx answer (None for a 204), held to the endpoint's result type."""
    if response.status_code == 204:
        return None
    parsed = _raw.parse(endpoint, response)
    if endpoint.result is not None and not isinstance(parsed, endpoint.result):
        raise ShapeError("body", endpoint.result.__name__, parsed)
    if parsed is not None:
        check_not_coerced(parsed, response.json())
    return parsed


def check_not_coerced(parsed: Any, body: Any) -> None:
    """Raise ShapeError where the generated parser made a list of something that was not one.

    It reads a JSON array of objects with a ``for`` loop, so an empty object or an empty string
    (other values fail to parse) would silently become ``[]``: wherever the body holds one of those,
    the parsed model must not hold a list.
    """
    for path in _empty_values(body):
        node: Any = parsed
        for key in path:
            node = _child(node, key)
            if node is None:
                break
        if isinstance(node, list):
            where = "body" + "".join(f"[{k}]" if isinstance(k, int) else f".{k}" for k in path)
            raise ShapeError(where, "list", functools.reduce(lambda n, k: n[k], path, body))


def _empty_values(body: Any) -> list[tuple[Any, ...]]:
    """The paths of the empty objects and empty strings in a JSON body (iteratively: bodies run on
    every call, and deep ones must not recurse)."""
    found: list[tuple[Any, ...]] = []
    stack: list[tuple[tuple[Any, ...], Any]] = [((), body)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, dict):
            if not value and path:
                found.append(path)
            stack.extend(((*path, k), v) for k, v in value.items() if v == "" or isinstance(v, dict | list))
        elif isinstance(value, list):
            stack.extend(
                ((*path, i), v) for i, v in enumerate(value) if v == "" or isinstance(v, dict | list)
            )
        elif value == "":
            found.append(path)
    return found


def _child(node: Any, key: Any) -> Any:
    """The generated model's value at a JSON key (or list index), or None."""
    if isinstance(key, int):
        return node[key] if isinstance(node, list) and key < len(node) else None
    if isinstance(node, dict):
        return node.get(key)
    for name in (key, f"{key}_"):  # the generator renames keys such as `object`
        if isinstance(name, str) and name.isidentifier() and (value := getattr(node, name, None)) is not None:
            return value
    extra = getattr(node, "additional_properties", None)
    return extra.get(key) if isinstance(extra, dict) else None


def _parse_error(endpoint: _raw.Endpoint, response: httpx.Response, exc: BaseException) -> ResponseParseError:
    return ResponseParseError(endpoint.name, response.status_code, content_type(response), _describe(exc))


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
        parsed = _raw.parse_errors(response.json())
        entries = parsed.errors if isinstance(parsed.errors, list) else []
        errors = [error_detail_from_generated(e) for e in entries if not isinstance(e, dict)]
        if isinstance(parsed.clerk_trace_id, str):
            trace_id = parsed.clerk_trace_id
    except MALFORMED:
        errors = []
        note = f"the body is not a Clerk error body (content type {content_type(response) or 'none'})"
    cls = api_error_class(response.status_code, [e.code for e in errors])
    return cls(
        response.status_code,
        errors,
        trace_id=trace_id,
        retry_after=parse_retry_after(response.headers.get("retry-after")),
        operation=endpoint.name,
        note=note,
        response=response,
    )


def carried_client(body: Any) -> ClientState | None:
    """The client a body carries as ``client`` or ``meta.client`` (clerk-js Client.ts
    ``getClientResourceFromPayload``), parsed whole, or None; raises ShapeError on a wrong shape."""
    if not isinstance(body, dict):
        raise ShapeError("body", "JSON object", body)
    meta = body.get("meta") or {}
    if not isinstance(meta, dict):
        raise ShapeError("meta", "JSON object", meta)
    found = body.get("client") or meta.get("client")
    if not found:
        return None
    try:
        generated = _raw.parse_client(found)
    except MALFORMED as exc:
        raise ShapeError("client", f"a Clerk client ({_describe(exc)})", found) from exc
    return client_state_from_generated(generated)


def error_client(endpoint: _raw.Endpoint, response: httpx.Response) -> ClientState | None:
    """The client an error answer carries (``client``, else ``meta.client``, as clerk-js reads it),
    or None. It is parsed whole or not at all: a wrong shape anywhere in it leaves the caller's
    state as it was, and the error itself still surfaces."""
    try:
        return carried_client(response.json())
    except MALFORMED as exc:
        # Only the kind of failure: the message could quote a value from the body.
        logger.warning("%s: ignoring the client on the error answer (%s)", endpoint.name, type(exc).__name__)
        return None


def redirect_error(endpoint: _raw.Endpoint, response: httpx.Response) -> ClerkAPIError:
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
        response=response,
    )


def network_error(endpoint: _raw.Endpoint, exc: httpx.TransportError) -> ClerkConnectionError:
    """The typed exception for a request that got no answer."""
    if isinstance(exc, httpx.TimeoutException):
        return ClerkTimeoutError(f"timed out ({type(exc).__name__})", operation=endpoint.name)
    # The exception's own text is left out: transports may quote the URL, whose query can hold
    # the dev-browser or testing token.
    return ClerkConnectionError(f"no answer ({type(exc).__name__})", operation=endpoint.name)


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
        """The answer with its body read, decoded: as ``Response.read()`` leaves it.

        httpx's own ``read()`` keeps the decoded body in ``_content``, where ``content``, ``text`` and
        ``json()`` find it; the body was read here instead, chunk by chunk, to hold it to the cap
        (a test pins this against the httpx in use)."""
        self.response._content = b"".join(self.chunks)
        return self.response


_TOO_LONG: Final = f"the body is larger than {MAX_ANSWER_BYTES // (1024 * 1024)} MiB (MAX_ANSWER_BYTES)"
_UNDECODABLE: Final = "the body does not decode as its Content-Encoding says"
