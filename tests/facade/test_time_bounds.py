"""A call's timeout bounds each whole attempt, not each socket read: a server on loopback that drips its
answer a byte at a time (in the headers or in the body) cannot hold a call much past its timeout."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import httpx
import pytest
from clerk_fapi import AsyncClient, ClerkTimeoutError, Client

from .conftest import FAST_RETRIES, call

TIMEOUT = 0.5
HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n"


class DrippingServer:
    """Answers every request one byte every 0.1 s: the whole answer (``where="headers"``) or, after
    headers sent at once, the body (``where="body"``). It never finishes in time."""

    def __init__(self, where: str) -> None:
        self.where = where
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}"
        self.stop = threading.Event()
        self.connections = 0
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._drip, args=(conn,), daemon=True).start()

    def _drip(self, conn: socket.socket) -> None:
        with conn:
            try:
                conn.recv(65536)
                data = HEAD + b'{"response": ' + b" " * 99_000
                if self.where == "body":
                    conn.sendall(HEAD)
                    data = data[len(HEAD) :]
                for i in range(len(data)):
                    if self.stop.wait(0.1):
                        return
                    conn.sendall(data[i : i + 1])
            except OSError:
                return

    def close(self) -> None:
        self.stop.set()
        self.listener.close()


@pytest.fixture(params=["headers", "body"])
def dripping(request: pytest.FixtureRequest) -> Iterator[DrippingServer]:
    server = DrippingServer(request.param)
    yield server
    server.close()


async def test_a_dripping_answer_cannot_hold_a_call_past_its_timeout(
    kind: str, dripping: DrippingServer
) -> None:
    cls = Client if kind == "sync" else AsyncClient
    client = cls(frontend_api=dripping.url, timeout=TIMEOUT, max_retries=0)
    started = time.monotonic()
    with pytest.raises(ClerkTimeoutError):
        await call(client.get_environment())
    elapsed = time.monotonic() - started
    await call(client.aclose() if isinstance(client, AsyncClient) else client.close())
    assert elapsed < 3 * TIMEOUT, f"the call took {elapsed:.1f}s with timeout={TIMEOUT}s"


async def test_with_retries_every_attempt_is_bounded(kind: str) -> None:
    dripping = DrippingServer("headers")
    cls = Client if kind == "sync" else AsyncClient
    client = cls(frontend_api=dripping.url, timeout=0.3, retry_policy=FAST_RETRIES)  # 2 retries
    started = time.monotonic()
    with pytest.raises(ClerkTimeoutError):
        await call(client.get_environment())
    elapsed = time.monotonic() - started
    await call(client.aclose() if isinstance(client, AsyncClient) else client.close())
    dripping.close()
    assert dripping.connections == 3  # every attempt was made
    assert elapsed < 3 * (3 * 0.3), f"three attempts took {elapsed:.1f}s with timeout=0.3s"


@pytest.mark.parametrize("where", ["headers", "body"])
async def test_a_caller_s_http_client_is_bounded_too(kind: str, where: str) -> None:
    """With an http_client of the caller's (its own timeout), a dripping answer still ends the attempt."""
    server = DrippingServer(where)
    try:
        if kind == "sync":
            client: Client | AsyncClient = Client(
                frontend_api=server.url, http_client=httpx.Client(timeout=TIMEOUT), max_retries=0
            )
        else:
            client = AsyncClient(
                frontend_api=server.url, http_client=httpx.AsyncClient(timeout=TIMEOUT), max_retries=0
            )
        started = time.monotonic()
        with pytest.raises(ClerkTimeoutError):
            await call(client.get_environment())
        elapsed = time.monotonic() - started
    finally:
        server.close()
    assert elapsed < 3 * TIMEOUT, f"the call took {elapsed:.1f}s with timeout={TIMEOUT}s"


def test_other_requests_on_a_caller_s_client_keep_httpx_s_own_timeouts() -> None:
    """Outside the library's sends nothing is capped: a plain request on the same httpx.Client waits
    as httpx alone would (here a dripping body, each byte within the read timeout, read until closed)."""
    server = DrippingServer("body")
    http = httpx.Client(timeout=TIMEOUT)
    Client(frontend_api=server.url, http_client=http, max_retries=0)
    try:
        with http.stream("GET", server.url + "/anything") as response:
            started = time.monotonic()
            for _ in response.iter_raw(1):
                if time.monotonic() - started > 3 * TIMEOUT:
                    break
        assert time.monotonic() - started > 3 * TIMEOUT  # no deadline cut it short
    finally:
        http.close()
        server.close()
