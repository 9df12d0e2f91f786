"""The in-process shell: an httpx transport (sync and async) answering from an `Emulator`, no socket involved.

Faults become what httpx itself would raise over a real connection: a dropped connection is
`httpx.RemoteProtocolError`, a truncated body fails while being read with `httpx.RemoteProtocolError`, and a
delay longer than the request's read timeout ends in `httpx.ReadTimeout` after waiting that timeout.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING

import httpx

if TYPE_CHECKING:
    from ._emulator import Emulator, Reply


class _CutShortStream(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body that ends early, as a connection closed mid-body does."""

    def __init__(self, sent: bytes, expected: int) -> None:
        self._sent = sent
        self._expected = expected

    def _error(self) -> httpx.RemoteProtocolError:
        return httpx.RemoteProtocolError(
            "peer closed connection without sending complete message body: "
            f"received {len(self._sent)} bytes, expected {self._expected}"
        )

    def __iter__(self) -> Iterator[bytes]:
        if self._sent:
            yield self._sent
        raise self._error()

    async def __aiter__(self) -> AsyncIterator[bytes]:
        if self._sent:
            yield self._sent
        raise self._error()


def _read_timeout(request: httpx.Request) -> float | None:
    timeout = request.extensions.get("timeout", {})
    value = timeout.get("read") if isinstance(timeout, dict) else None
    return float(value) if value is not None else None


class EmulatorTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Pass as `transport=` to `httpx.Client` or `httpx.AsyncClient`."""

    def __init__(self, emulator: Emulator) -> None:
        self.emulator = emulator

    def _reply(self, request: httpx.Request, body: bytes) -> Reply:
        return self.emulator.handle(request.method, str(request.url), request.headers.multi_items(), body)

    def _wait(self, request: httpx.Request, delay: float) -> tuple[float, bool]:
        """How long to sleep, and whether the client's read timeout runs out first."""
        limit = _read_timeout(request)
        if limit is not None and delay > limit:
            return limit, True
        return delay, False

    def _response(self, request: httpx.Request, reply: Reply) -> httpx.Response:
        if reply.drop_connection:
            raise httpx.RemoteProtocolError(
                "Server disconnected without sending a response.", request=request
            )
        headers = [*reply.headers, ("Content-Length", str(len(reply.body)))]
        if reply.truncate:
            stream = _CutShortStream(reply.body[: len(reply.body) // 2], len(reply.body))
            return httpx.Response(reply.status, headers=headers, stream=stream, request=request)
        return httpx.Response(reply.status, headers=headers, content=reply.body, request=request)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        reply = self._reply(request, request.read())
        if reply.delay:
            seconds, times_out = self._wait(request, reply.delay)
            time.sleep(seconds)
            if times_out:
                raise httpx.ReadTimeout("timed out", request=request)
        return self._response(request, reply)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        reply = self._reply(request, await request.aread())
        if reply.delay:
            seconds, times_out = self._wait(request, reply.delay)
            await asyncio.sleep(seconds)
            if times_out:
                raise httpx.ReadTimeout("timed out", request=request)
        return self._response(request, reply)
