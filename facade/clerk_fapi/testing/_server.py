"""The loopback shell: the emulator served over real HTTP on 127.0.0.1 (never any other address).

Faults are played on the socket: a dropped connection closes it without a byte of answer; a truncated body
announces the full Content-Length, sends half, then closes; a delay sleeps before answering.
"""

from __future__ import annotations

import logging
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._emulator import Emulator

import contextlib
import time

from ._redact import redact

log = logging.getLogger("clerk_fapi.testing.server")

_LOOPBACK = ("127.0.0.1", "localhost", "::1")


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

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

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = do_HEAD = _serve

    def log_message(self, format: str, *args: object) -> None:
        # Request lines carry credentials in their query (and malformed ones are logged as they came).
        log.debug("%s - %s", self.address_string(), redact(format % args))


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], emulator: Emulator) -> None:
        self.emulator = emulator
        super().__init__(address, _Handler)


class EmulatorServer:
    """An emulator on a loopback port. `start()`/`stop()`, or use it as a context manager."""

    def __init__(self, emulator: Emulator, *, port: int = 0, host: str = "127.0.0.1") -> None:
        if host not in _LOOPBACK:
            raise ValueError("the emulator only listens on loopback (127.0.0.1)")
        self.emulator = emulator
        self._httpd = _Server(("127.0.0.1" if host == "localhost" else host, port), emulator)
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
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        self._httpd.server_close()

    def __enter__(self) -> EmulatorServer:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
