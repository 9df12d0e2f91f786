"""Whole-attempt deadlines: a call's timeout bounds each attempt, not each socket read.

httpx applies its timeouts to every socket operation, so a server that drips its answer a byte at a
time can hold a request for ever. Each attempt here gets a deadline of the timeout's largest value:

- ``AsyncClient``: the send runs inside ``anyio.fail_after``, whatever the transport.
- ``Client``: the body is read chunk by chunk with the deadline checked in between, whatever the
  transport; and on the ``httpx.HTTPTransport`` connection pools of its ``httpx.Client`` (its own or
  the caller's), every socket operation (connect, TLS, read, write) of the library's requests waits
  at most what is left of the deadline, so a dripping status line or header is cut short too. Other
  requests on a caller's client are not affected: outside the library's sends there is no deadline.

Past the deadline the attempt ends with ``httpx.ReadTimeout`` (a ``ClerkTimeoutError`` for the caller).
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Iterable, Iterator
from contextvars import ContextVar
from typing import Any, TypeVar

import httpx

# The monotonic time the current attempt must end by (None: no bound), for the socket layer.
_DEADLINE: ContextVar[float | None] = ContextVar("clerk_fapi_deadline", default=None)

T = TypeVar("T")


def attempt_budget(request: httpx.Request, http: httpx.Client | httpx.AsyncClient) -> float | None:
    """Seconds one attempt may take: the largest value of the request's (else the client's) timeout."""
    timeout = request.extensions.get("timeout") or http.timeout.as_dict()
    values = [float(v) for v in timeout.values() if isinstance(v, int | float)]
    return max(values) if values else None


def _expired(request: httpx.Request, budget: float) -> httpx.ReadTimeout:
    return httpx.ReadTimeout(f"the attempt did not finish within {budget:g}s", request=request)


def send_sync(http: httpx.Client, request: httpx.Request, read: Callable[[httpx.Response], T]) -> T:
    """``http.send`` (streamed, redirects never followed) and ``read`` of the answer, the whole
    attempt bounded by its timeout; the response is closed afterwards."""
    budget = attempt_budget(request, http)
    token = _DEADLINE.set(None if budget is None else time.monotonic() + budget)
    try:
        response = http.send(request, follow_redirects=False, stream=True)
        try:
            deadline = _DEADLINE.get()
            if budget is not None and deadline is not None:
                response.stream = _BoundedStream(response.stream, deadline, request, budget)
            return read(response)
        finally:
            response.close()
    finally:
        _DEADLINE.reset(token)


async def send_async(
    http: httpx.AsyncClient, request: httpx.Request, read: Callable[[httpx.Response], Awaitable[T]]
) -> T:
    """:func:`send_sync` for ``httpx.AsyncClient``: the attempt runs inside ``anyio.fail_after``."""
    import anyio  # here: a blocking Client never loads it

    budget = attempt_budget(request, http)

    async def exchange() -> T:
        response = await http.send(request, follow_redirects=False, stream=True)
        try:
            return await read(response)
        finally:
            await response.aclose()

    if budget is None:
        return await exchange()
    try:
        with anyio.fail_after(budget):
            return await exchange()
    except TimeoutError as exc:
        raise _expired(request, budget) from exc


class _BoundedStream(httpx.SyncByteStream):
    """A response body whose chunks stop coming once the attempt's deadline has passed."""

    def __init__(self, inner: Any, deadline: float, request: httpx.Request, budget: float) -> None:
        self._inner: Iterable[bytes] = inner
        self._deadline = deadline
        self._request = request
        self._budget = budget

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self._inner:
            if time.monotonic() > self._deadline:
                raise _expired(self._request, self._budget)
            yield chunk

    def close(self) -> None:
        close = getattr(self._inner, "close", None)
        if callable(close):
            close()


def bound_sockets(http: httpx.Client) -> None:
    """Make every socket operation of ``http``'s connection pools honour the attempt's deadline.

    Its ``httpx.HTTPTransport`` pools (the default one and those mounted for proxies) get a network
    backend that caps each wait while the library sends, and passes everything through otherwise.
    Other transports are left alone (their bodies are still bounded between chunks).
    """
    transports = [getattr(http, "_transport", None), *getattr(http, "_mounts", {}).values()]
    pools = [t._pool for t in transports if isinstance(t, httpx.HTTPTransport)]
    if pools:
        # httpcore (and the backend wrapper built on it) is loaded only once an HTTPTransport exists:
        # importing the library stays free of it (see README, Development).
        from ._deadline_sockets import bound_backend

        for pool in pools:
            bound_backend(pool)
