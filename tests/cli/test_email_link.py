"""`clerk-fapi sign-in --email-link ADDRESS`: the link is mailed, the command waits (a progress line on
stderr) until the link is opened in a browser, then signs in; expiry fails it; Ctrl-C cancels it."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
from clerk_fapi.cli import EXIT_API, EXIT_INTERRUPTED, EXIT_OK
from clerk_fapi.testing import Emulator, EmulatorServer, SeededUser

from .conftest import JANE, Run, clean_env


def wait_for_link(emulator: Emulator, address: str, process: subprocess.Popen[str]) -> str:
    """The link the emulator mailed to `address`, once the command has sent it (bounded wait)."""
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        link = emulator.last_email_link(address)
        if link is not None:
            return link
        assert process.poll() is None, process.communicate()
        time.sleep(0.02)
    raise AssertionError("the command sent no email link")


def start(server: EmulatorServer, store: Path, home: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "clerk_fapi", "--frontend-api", server.url, "--store", str(store), *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=clean_env(home),
    )


def test_sign_in_with_an_email_link(
    emulator: Emulator, server: EmulatorServer, jane: SeededUser, store: Path, home: Path, run: Run
) -> None:
    process = start(server, store, home, "sign-in", "--email-link", JANE, "--poll-interval", "0.05", "--json")
    link = wait_for_link(emulator, JANE, process)
    opened = httpx.get(link)
    assert opened.status_code == 200  # no --redirect-url: the emulator's own page
    stdout, stderr = process.communicate(timeout=20)
    assert process.returncode == EXIT_OK, stderr
    assert '"status": "complete"' in stdout
    status = run("status", "--json").json()
    assert [(s["user_id"], s["last_active"]) for s in status["sessions"]] == [(jane.id, True)]


def test_progress_line_and_expiry(
    emulator: Emulator, server: EmulatorServer, jane: SeededUser, store: Path, home: Path
) -> None:
    process = start(server, store, home, "sign-in", "--email-link", JANE, "--poll-interval", "0.05")
    wait_for_link(emulator, JANE, process)
    emulator.clock.advance(11 * 60)  # past the link's lifetime
    stdout, stderr = process.communicate(timeout=20)
    assert process.returncode == EXIT_API
    assert "an email link was sent to" in stderr and "Ctrl-C cancels" in stderr
    assert "expired" in stderr
    assert "Traceback" not in stderr and stdout == ""


def test_ctrl_c_cancels_the_wait(
    emulator: Emulator, server: EmulatorServer, jane: SeededUser, store: Path, home: Path, run: Run
) -> None:
    process = start(server, store, home, "sign-in", "--email-link", JANE, "--poll-interval", "0.05")
    wait_for_link(emulator, JANE, process)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=20)
    assert process.returncode == EXIT_INTERRUPTED
    assert "Traceback" not in stderr
    # The client is intact: the sign-in is still waiting on it, nobody is signed in.
    status = run("status", "--json").json()
    assert status["sessions"] == [] and status["sign_in"]["status"] == "needs_first_factor"


def test_a_bad_poll_interval_is_a_usage_error(run: Run) -> None:
    result = run("sign-in", "--email-link", JANE, "--poll-interval", "0")
    assert result.status == 2 and "positive number of seconds" in result.stderr
