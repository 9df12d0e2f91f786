"""The loopback server under load and abuse: many concurrent connections, idle and dripping (slowloris) ones.

Every bound below is a correctness bound (how long a client waits before it calls the server unresponsive),
never a speed assertion: the tests assert how many requests were answered and which connections were released.
"""

from __future__ import annotations

import asyncio
import contextlib
import selectors
import socket
import threading
import time
from collections import Counter
from collections.abc import Iterator

import httpx
import pytest
from clerk_fapi.testing import Emulator, EmulatorServer

from .conftest import strict_json

CONNECTIONS = 1000
# How long a client waits for the server, per step; a server that answers 1,000 connections in seconds
# passes with a wide margin, one that lets connections queue for minutes does not.
CLIENT_PATIENCE_S = 45.0
ENVIRONMENT = b"GET /v1/environment?_is_native=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"


async def _connect(port: int) -> tuple[asyncio.StreamReader, asyncio.StreamWriter] | str:
    try:
        return await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port), CLIENT_PATIENCE_S)
    except (OSError, TimeoutError) as exc:
        return f"connect: {type(exc).__name__}"


async def _ask(stream: tuple[asyncio.StreamReader, asyncio.StreamWriter] | str) -> str:
    if isinstance(stream, str):
        return stream
    reader, writer = stream
    try:
        writer.write(ENVIRONMENT)
        await writer.drain()
        answer = await asyncio.wait_for(reader.read(), CLIENT_PATIENCE_S)
    except (OSError, TimeoutError) as exc:
        return f"answer: {type(exc).__name__}"
    finally:
        writer.close()
    return answer.split(b"\r\n", 1)[0].decode(errors="replace")


async def test_a_thousand_concurrent_connections_are_all_answered() -> None:
    with Emulator().serve(port=0) as server:
        # All connections are open at once before any of them asks; then all ask together.
        streams = await asyncio.gather(*(_connect(server.port) for _ in range(CONNECTIONS)))
        opened = sum(not isinstance(s, str) for s in streams)
        started = time.monotonic()
        outcomes = Counter(await asyncio.gather(*(_ask(s) for s in streams)))
        elapsed = time.monotonic() - started
    assert outcomes == {"HTTP/1.1 200 OK": CONNECTIONS}, (outcomes, f"{opened} opened, {elapsed:.1f} s")


@contextlib.contextmanager
def _served(timeout: float) -> Iterator[EmulatorServer]:
    with Emulator().serve(port=0, connection_timeout=timeout) as server:
        yield server


def _open(server: EmulatorServer) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", server.port), timeout=CLIENT_PATIENCE_S)
    return sock


def _closed_by_server(socks: list[socket.socket], patience: float = CLIENT_PATIENCE_S) -> int:
    """Wait (up to `patience` seconds, for all at once) for the server to close these connections; how many
    it closed."""
    waiting = {sock.fileno(): sock for sock in socks}
    deadline = time.monotonic() + patience
    with selectors.DefaultSelector() as selector:
        for sock in socks:
            selector.register(sock, selectors.EVENT_READ)
        while waiting and (remaining := deadline - time.monotonic()) > 0:
            for key, _ in selector.select(remaining):
                sock = waiting[key.fd]
                try:
                    closed = not sock.recv(65536)
                except OSError:
                    closed = True
                if closed:
                    selector.unregister(sock)
                    del waiting[key.fd]
    return len(socks) - len(waiting)


def _drip(sock: socket.socket, data: bytes, stop: threading.Event) -> None:
    """Send `data` one byte at a time, a byte every 50 ms, until done, stopped or cut off."""
    for byte in data:
        if stop.wait(0.05):
            return
        try:
            sock.sendall(bytes([byte]))
        except OSError:
            return


def test_idle_and_dripping_connections_do_not_stop_a_normal_request_and_are_released() -> None:
    idle_count, drip_count = 60, 20
    stop = threading.Event()
    with _served(timeout=1.5) as server:
        idle = [_open(server) for _ in range(idle_count)]
        # A request whose headers never end: thousands of bytes, dripped far slower than the timeout allows.
        dripping = [_open(server) for _ in range(drip_count)]
        slow_request = b"GET /v1/environment?_is_native=1 HTTP/1.1\r\nX-Slow: " + b"a" * 4000
        drippers = [threading.Thread(target=_drip, args=(s, slow_request, stop)) for s in dripping]
        for thread in drippers:
            thread.start()
        try:
            answer = httpx.get(
                server.url + "/v1/environment", params={"_is_native": "1"}, timeout=CLIENT_PATIENCE_S
            )
            assert answer.status_code == 200
            assert _closed_by_server(idle) == idle_count
            assert _closed_by_server(dripping) == drip_count
            # And the server still answers afterwards.
            again = httpx.get(
                server.url + "/v1/environment", params={"_is_native": "1"}, timeout=CLIENT_PATIENCE_S
            )
            assert again.status_code == 200
        finally:
            stop.set()
            for thread in drippers:
                thread.join()
            for sock in idle + dripping:
                sock.close()


def test_a_kept_alive_connection_survives_an_idle_pause_shorter_than_the_timeout() -> None:
    with _served(timeout=3.0) as server, httpx.Client(base_url=server.url, timeout=CLIENT_PATIENCE_S) as http:
        first = http.get("/v1/environment", params={"_is_native": "1"})
        time.sleep(0.5)
        second = http.get("/v1/environment", params={"_is_native": "1"})
        assert first.status_code == second.status_code == 200
        assert server.emulator.request_counts[("GET", "/v1/environment")] == 2


def test_stop_closes_the_connections_it_was_serving() -> None:
    # Far longer than the client waits below: only `stop()` itself can close the connection in time.
    server = Emulator().serve(port=0, connection_timeout=120).start()
    sock = _open(server)
    sock.sendall(b"GET /v1/environment?_is_native=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    first = sock.recv(65536)
    assert first.startswith(b"HTTP/1.1 200")
    server.stop()
    try:
        assert _closed_by_server([sock], patience=20) == 1, "a kept-alive connection outlived the server"
    finally:
        sock.close()


@pytest.mark.parametrize("timeout", [0, -1.0, float("nan"), float("inf")])
def test_a_connection_timeout_must_be_a_positive_finite_number(timeout: float) -> None:
    with pytest.raises(ValueError, match="connection_timeout"):
        Emulator().serve(port=0, connection_timeout=timeout)


@pytest.mark.parametrize("announced", [10**12, 2 * 10**9, 1024 * 1024 + 1])
def test_a_body_larger_than_the_cap_is_refused_with_a_413_before_it_is_read(announced: int) -> None:
    with _served(timeout=CLIENT_PATIENCE_S) as server:
        sock = _open(server)
        try:
            sock.sendall(
                b"POST /v1/client/sign_ins?_is_native=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                b"Content-Type: application/x-www-form-urlencoded\r\n"
                + f"Content-Length: {announced}\r\n\r\n".encode()
                + b"identifier=jane"
            )
            answer = b""
            while chunk := sock.recv(65536):
                answer += chunk
        finally:
            sock.close()
        head, _, body = answer.partition(b"\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 413"), answer[:200]
        assert b"connection: close" in head.lower()
        error = strict_json(body)["errors"][0]
        assert error["code"] == "request_body_too_large"
        assert error["meta"] == {"max_bytes": 1024 * 1024}
        assert server.emulator.request_counts == {}, "a refused body reaches no handler"
        again = httpx.post(
            server.url + "/v1/client/sign_ins",
            params={"_is_native": "1"},
            headers={"Authorization": ""},
            data={"identifier": "x" * (1024 * 1024 - 100)},
            timeout=CLIENT_PATIENCE_S,
        )
        assert again.status_code == 422, "a body just under the cap is read and answered"
