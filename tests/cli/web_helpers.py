"""Running ``clerk-fapi sign-in --web`` as a child process the test talks to while it waits: the URL it
prints on stderr, a callback pasted on its stdin, its exit status and output."""

from __future__ import annotations

import queue
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO

from clerk_fapi.testing import EmulatorServer

from .conftest import Result, clean_env

URL_WAIT_S = 30.0


class WebSignIn:
    """``clerk-fapi ... sign-in --web ARGS`` running; ``url()`` is the hosted page it asks to open."""

    def __init__(
        self, server: EmulatorServer, store: Path, home: Path, *args: str, env: dict[str, str] | None = None
    ) -> None:
        command = [sys.executable, "-m", "clerk_fapi", "--frontend-api", server.url, "--store", str(store)]
        self.process = subprocess.Popen(
            [*command, "sign-in", "--web", *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=clean_env(home, **(env or {})),
        )
        self._lines: queue.Queue[str | None] = queue.Queue()
        self._stderr: list[str] = []
        assert self.process.stderr is not None
        self._pumping = threading.Thread(target=self._pump, args=(self.process.stderr,), daemon=True)
        self._pumping.start()

    def _pump(self, stream: IO[str]) -> None:
        for line in stream:
            self._stderr.append(line)
            self._lines.put(line)
        self._lines.put(None)

    def url(self, prefix: str) -> str:
        """The first line on stderr that starts with ``prefix`` (the URL to open)."""
        while True:
            try:
                line = self._lines.get(timeout=URL_WAIT_S)
            except queue.Empty:
                raise AssertionError("no URL printed: " + "".join(self._stderr)) from None
            if line is None:
                raise AssertionError("the command ended without printing a URL: " + "".join(self._stderr))
            if line.startswith(prefix):
                return line.strip()

    def paste(self, text: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(text)
        self.process.stdin.close()

    def finish(self, timeout: float = 30.0) -> Result:
        assert self.process.stdout is not None
        if self.process.stdin is not None and not self.process.stdin.closed:
            self.process.stdin.close()
        stdout = self.process.stdout.read()
        status = self.process.wait(timeout=timeout)
        self._pumping.join(timeout)  # stderr ends with the process
        return Result(status, stdout, "".join(self._stderr))

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
