"""Prompting: run in a pseudo-terminal (its controlling terminal, so getpass reads it), `clerk-fapi` asks
for what is missing, and never echoes a password."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import pytest
from clerk_fapi.testing import Emulator, EmulatorServer, SeededUser

from .conftest import JANE, PASSWORD, clean_env

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX only")

# Make the pty the controlling terminal of the new session, then become the CLI.
WRAPPER = (
    "import fcntl, os, sys, termios; fcntl.ioctl(0, termios.TIOCSCTTY, 0); "
    "os.execv(sys.executable, [sys.executable, '-m', 'clerk_fapi', *sys.argv[1:]])"
)


class Terminal:
    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        import pty

        master, slave = pty.openpty()
        self.process = subprocess.Popen(
            [sys.executable, "-c", WRAPPER, *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            start_new_session=True,
        )
        os.close(slave)
        self.master = master
        self.output = b""
        self.seen = 0  # how much of the output `expect` has consumed

    def _read(self, deadline: float) -> bool:
        import select

        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return False
        ready, _, _ = select.select([self.master], [], [], remaining)
        if not ready:
            return False
        try:
            chunk = os.read(self.master, 4096)
        except OSError:  # EIO: the other side is closed
            chunk = b""
        if not chunk:
            return False
        self.output += chunk
        return True

    @property
    def text(self) -> str:
        return self.output.decode(errors="replace").replace("\r\n", "\n")

    def expect(self, pattern: str, timeout: float = 20) -> str:
        """Wait for `pattern` (a regex) in the output not yet consumed; return the match."""
        deadline = time.monotonic() + timeout
        while True:
            found = re.compile(pattern).search(self.text, self.seen)
            if found:
                self.seen = found.end()
                return found.group(0)
            if not self._read(deadline):
                raise AssertionError(f"{pattern!r} never came; output so far:\n{self.text}")

    def send(self, line: str) -> None:
        os.write(self.master, (line + "\n").encode())

    def answer(self, prompts: Mapping[str, str], until: str, timeout: float = 30) -> None:
        """Answer each prompt (regex -> reply) as it appears, until `until` shows up."""
        deadline = time.monotonic() + timeout
        pattern = "|".join(f"(?:{p})" for p in [until, *prompts])
        while True:
            got = self.expect(pattern, timeout=max(0.1, deadline - time.monotonic()))
            if re.fullmatch(until, got):
                return
            reply = next(r for p, r in prompts.items() if re.fullmatch(p, got))
            self.send(reply)

    def finish(self, timeout: float = 20) -> int:
        deadline = time.monotonic() + timeout
        while self._read(deadline):
            pass
        try:
            return self.process.wait(timeout=max(0.1, deadline - time.monotonic()))
        finally:
            os.close(self.master)


StartTerminal = Callable[..., Terminal]


@pytest.fixture
def terminal(server: EmulatorServer, store: Path, home: Path) -> Iterator[StartTerminal]:
    started: list[Terminal] = []

    def start(*args: str) -> Terminal:
        term = Terminal(["--frontend-api", server.url, "--store", str(store), *args], clean_env(home))
        started.append(term)
        return term

    yield start
    for term in started:
        if term.process.poll() is None:
            term.process.kill()
            term.process.wait()


def test_sign_in_asks_for_the_identifier_and_the_password(terminal: StartTerminal, jane: SeededUser) -> None:
    term = terminal("sign-in")
    term.expect(r"Email, phone or username: ")
    term.send(JANE)
    term.expect(r"Password: ")
    term.send(PASSWORD)
    term.expect(r"Signed in: " + re.escape(JANE))
    assert term.finish() == 0
    assert PASSWORD not in term.text  # getpass: no echo


def test_sign_in_asks_for_an_authenticator_code(terminal: StartTerminal, emulator: Emulator) -> None:
    user = emulator.add_user(
        email_addresses="mfa+clerk_test@example.com", password=PASSWORD, totp_secret=True
    )
    assert user.totp_secret is not None
    term = terminal("sign-in", "--identifier", user.identifier, "--password", PASSWORD)
    term.expect(r"Authenticator code: ")
    term.send(emulator.totp_code(user.totp_secret))
    term.expect(r"Signed in")
    assert term.finish() == 0


def test_sign_in_asks_for_the_email_code(terminal: StartTerminal, jane: SeededUser) -> None:
    term = terminal("sign-in", "--identifier", JANE, "--strategy", "email_code")
    term.expect(r"a code was sent to ")
    term.expect(r"Code: ")
    term.send("424242")
    term.expect(r"Signed in")
    assert term.finish() == 0


def test_sign_up_asks_for_every_missing_field_and_the_codes(terminal: StartTerminal) -> None:
    secret = "analytical-engine-1843"
    term = terminal("sign-up")
    term.answer(
        {
            r"Email address: ": "ada+clerk_test@example.com",
            r"Phone number: ": "+15555550142",
            r"First name: ": "Ada",
            r"Last name: ": "Lovelace",
            r"Password: ": secret,
            r"Accept the terms of service and privacy policy\? \[y/N\] ": "y",
            r"Code sent to [^:]+: ": "424242",
        },
        until=r"Signed up: ada\+clerk_test@example\.com \(Ada Lovelace\)",
    )
    assert term.finish() == 0
    assert secret not in term.text
    assert "Code sent to ada+clerk_test@example.com" in term.text
    assert "Code sent to +15555550142" in term.text


def test_declining_the_terms_stops_the_sign_up(terminal: StartTerminal) -> None:
    term = terminal(
        "sign-up",
        "--email",
        "ada+clerk_test@example.com",
        "--phone",
        "+15555550142",
        "--first-name",
        "Ada",
        "--last-name",
        "Lovelace",
        "--password",
        "analytical-engine-1843",
    )
    term.expect(r"Accept the terms.*\] ")
    term.send("n")
    term.expect(r"the terms must be accepted")
    assert term.finish() == 2
