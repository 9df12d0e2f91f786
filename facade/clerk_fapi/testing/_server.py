"""The loopback shell: the emulator served over real HTTP on 127.0.0.1 (never any other address).

Faults are played on the socket: a dropped connection closes it without a byte of answer; a truncated body
announces the full Content-Length, sends half, then closes; a delay sleeps before answering.

Each connection has its own thread. The listen backlog holds a thousand pending connections, so a burst of
clients is queued rather than refused or left retrying SYNs for minutes; and a connection that has not
delivered a whole request (line, headers and body) within `connection_timeout` seconds of the server starting
to wait for it is closed, whether it sits idle or drips bytes (slowloris), so that no client pins a thread
for long. `stop()` closes every open connection too.
"""

from __future__ import annotations

import io
import logging
import math
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._emulator import Emulator

import contextlib
import time
import traceback

from ._emulator import Reply
from ._errors import body_too_large, error_body
from ._redact import redact

log = logging.getLogger("clerk_fapi.testing.server")

_LOOPBACK = ("127.0.0.1", "localhost", "::1")
DEFAULT_CONNECTION_TIMEOUT = 30.0
LISTEN_BACKLOG = 1024
# Request bodies are urlencoded forms of a few fields: anything near this size is not a Frontend API request.
MAX_BODY_BYTES = 1024 * 1024
# How long a refused body is read and dropped before the connection closes.
_LINGER_S = 2.0


class _DeadlineReader(io.RawIOBase):
    """The socket's read side, with one deadline for a whole request rather than a timeout per `recv`.

    A client dripping a byte at a time never lets a per-`recv` timeout expire; this one expires anyway.
    Writes keep the socket's own (per-operation) timeout.
    """

    def __init__(self, sock: socket.socket, timeout: float) -> None:
        self._sock = sock
        self._timeout = timeout
        self.deadline = time.monotonic() + timeout

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview | bytearray) -> int:  # type: ignore[override]
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError("the request did not arrive in time")
        self._sock.settimeout(remaining)
        try:
            return self._sock.recv_into(buffer)
        finally:
            self._sock.settimeout(self._timeout)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    server: _Server
    _reader: _DeadlineReader

    def setup(self) -> None:
        super().setup()
        # The socket's timeout bounds each operation (a client that stops reading the answer, say); the
        # reader bounds each request as a whole.
        self.connection.settimeout(self.server.connection_timeout)
        self._reader = _DeadlineReader(self.connection, self.server.connection_timeout)
        self.rfile = io.BufferedReader(self._reader)
        self.server.track(self.connection, open_=True)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.track(self.connection, open_=False)

    def handle_one_request(self) -> None:
        # The clock for the next request starts now: waiting idle for it counts, as does a slow delivery.
        self._reader.deadline = time.monotonic() + self.server.connection_timeout
        super().handle_one_request()

    def _serve(self) -> None:
        try:
            self._exchange()
        except (BrokenPipeError, ConnectionResetError):
            # The client gave up (a timeout cut a delayed answer): nothing left to answer.
            self.close_connection = True

    def _exchange(self) -> None:
        length = self.headers.get("Content-Length")
        try:
            size = int(length) if length else 0
        except ValueError:
            size = -1
        if size < 0:
            self.send_error(400, "Bad Content-Length")
            return
        if size > MAX_BODY_BYTES:
            # Refused before reading a byte of it (a huge Content-Length would otherwise be allocated).
            refusal = [("Content-Type", "application/json"), ("Connection", "close")]
            self._write(Reply(413, refusal, error_body(body_too_large(MAX_BODY_BYTES))))
            self._discard_unread()
            return
        body = self.rfile.read(size) if size else b""
        host, port = self.server.server_address[:2]
        url = f"http://{host!s}:{port}{self.path}"
        reply = self.server.emulator.handle(self.command, url, self.headers.items(), body)
        if reply.delay:
            time.sleep(reply.delay)
        if reply.drop_connection:
            self.close_connection = True
            with contextlib.suppress(OSError):
                self.connection.shutdown(socket.SHUT_RDWR)
            return
        self._write(reply)

    def _write(self, reply: Reply) -> None:
        self.send_response(reply.status)
        for key, value in reply.headers:
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(reply.body)))
        if reply.truncate:
            self.send_header("Connection", "close")
        self.end_headers()
        if reply.truncate:
            self.wfile.write(reply.body[: len(reply.body) // 2])
            self.wfile.flush()
            self.close_connection = True
            return
        if reply.body and self.command != "HEAD":
            self.wfile.write(reply.body)
        if ("Connection", "close") in reply.headers:
            self.close_connection = True

    def _discard_unread(self) -> None:
        """After answering without reading the body: stop sending, then read and drop what the client still
        sends for a moment, so that closing does not reset the connection before the answer is read."""
        deadline = time.monotonic() + _LINGER_S
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_WR)
            while (remaining := deadline - time.monotonic()) > 0:
                self.connection.settimeout(remaining)
                if not self.connection.recv(65536):
                    break

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = do_HEAD = _serve

    def __getattr__(self, name: str) -> Any:
        # Any other method (TRACE, BREW, `get`...) goes to the emulator too, which answers it as the service
        # would (404 or 405), rather than the base server's 501 page.
        if name.startswith("do_"):
            return self._serve
        raise AttributeError(name)

    def log_message(self, format: str, *args: object) -> None:
        # Request lines carry credentials in their query (and malformed ones are logged as they came).
        log.debug("%s - %s", self.address_string(), redact(format % args))


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = LISTEN_BACKLOG

    def __init__(self, address: tuple[str, int], emulator: Emulator, connection_timeout: float) -> None:
        self.emulator = emulator
        self.connection_timeout = connection_timeout
        self._connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        super().__init__(address, _Handler)

    def handle_error(self, request: object, client_address: object) -> None:
        # In place of the base server's traceback on stderr: the log, with any credential blanked.
        log.error("the emulator server failed on a connection:\n%s", redact(traceback.format_exc()))

    def track(self, connection: socket.socket, *, open_: bool) -> None:
        with self._connections_lock:
            if open_:
                self._connections.add(connection)
            else:
                self._connections.discard(connection)

    def close_connections(self) -> None:
        """Cut every open connection, which ends its thread: a kept-alive client cannot outlive the server."""
        with self._connections_lock:
            connections = list(self._connections)
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)


class EmulatorServer:
    """An emulator on a loopback port. `start()`/`stop()`, or use it as a context manager.

    `connection_timeout` (seconds) is how long a connection may take to deliver each whole request, idle
    time before it included, and how long any one read or write of the socket may block.
    """

    def __init__(
        self,
        emulator: Emulator,
        *,
        port: int = 0,
        host: str = "127.0.0.1",
        connection_timeout: float = DEFAULT_CONNECTION_TIMEOUT,
    ) -> None:
        if host not in _LOOPBACK:
            raise ValueError("the emulator only listens on loopback (127.0.0.1)")
        if not (isinstance(connection_timeout, int | float) and math.isfinite(connection_timeout)) or (
            connection_timeout <= 0
        ):
            raise ValueError("connection_timeout must be a positive, finite number of seconds")
        self.emulator = emulator
        self._httpd = _Server(
            ("127.0.0.1" if host == "localhost" else host, port), emulator, float(connection_timeout)
        )
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    @property
    def url(self) -> str:
        """Base URL, e.g. `http://127.0.0.1:54321` (the Frontend API paths start with `/v1`)."""
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> EmulatorServer:
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._httpd.serve_forever, args=(0.05,), name=f"fapi-emulator:{self.port}", daemon=True
            )
            self._thread.start()
        return self

    def serve_forever(self) -> None:
        """Serve in the calling thread until `stop()` is called from another thread or a signal."""
        self._httpd.serve_forever(poll_interval=0.05)

    def stop(self) -> None:
        """Stop listening and close every open connection."""
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        self._httpd.server_close()
        self._httpd.close_connections()

    def __enter__(self) -> EmulatorServer:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
