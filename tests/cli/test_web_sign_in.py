"""``clerk-fapi sign-in --web`` against the loopback emulator: the callback caught by the one-shot loopback
listener, pasted back from the address bar, ``--no-browser``, the system-browser hook, and its failures.
The hosted page is filled in with plain HTTP here; tests/cli/test_web_browser.py drives it with Chromium."""

from __future__ import annotations

import contextlib
import io
import socket
import sys
from pathlib import Path
from urllib.parse import parse_qs

import httpx
import pytest
from clerk_fapi.cli import main
from clerk_fapi.testing import EmulatorServer, SeededUser

from .conftest import JANE, PASSWORD, Run
from .web_helpers import WebSignIn


def fill_in(url: str, *, follow: bool, **form: str) -> httpx.Response:
    """Submit the hosted page as a browser would (following the redirect to the callback, or not)."""
    with httpx.Client(follow_redirects=follow, timeout=10) as browser:
        assert browser.get(url).status_code == 200
        return browser.post(url, data=form)


def test_the_loopback_listener_catches_the_callback(
    server: EmulatorServer, store: Path, home: Path, jane: SeededUser, run: Run
) -> None:
    cli = WebSignIn(server, store, home, "--no-browser", "--json", "--timeout", "20")
    try:
        url = cli.url(server.url + "/hosted_auth/")
        landed = fill_in(url, follow=True, identifier=JANE, password=PASSWORD)
        # The browser ends on the CLI's own listener, on 127.0.0.1, which tells it to close the tab.
        assert landed.status_code == 200 and "close this tab" in landed.text
        assert landed.url.host == "127.0.0.1" and landed.url.path == "/callback"
        result = cli.finish()
    finally:
        cli.kill()
    assert result.status == 0, result.stderr
    session = result.json()["session"]
    assert session["status"] == "active" and session["last_active"] is True
    # The nonce the browser carried never reaches the terminal.
    nonce = parse_qs(landed.url.query.decode())["rotating_token_nonce"][0]
    assert nonce not in result.stderr and nonce not in result.stdout
    status = run("status", "--json").json()
    assert status["last_active_session_id"] == session["id"]


def test_paste_back_from_a_custom_scheme_redirect(
    server: EmulatorServer, store: Path, home: Path, jane: SeededUser
) -> None:
    cli = WebSignIn(
        server, store, home, "--no-browser", "--redirect-url", "clerk-fapi://callback", "--timeout", "20"
    )
    try:
        url = cli.url(server.url + "/hosted_auth/")
        answer = fill_in(url, follow=False, identifier=JANE, password=PASSWORD)
        location = answer.headers["location"]
        assert location.startswith("clerk-fapi://callback?")
        cli.paste(location + "\n")
        result = cli.finish()
    finally:
        cli.kill()
    assert result.status == 0, result.stderr
    assert "Paste the URL" in result.stderr
    assert "Signed in: jane+clerk_test@example.com (Jane Doe)" in result.stdout


def test_a_pasted_url_of_another_sign_in_fails_cleanly(
    server: EmulatorServer, store: Path, home: Path, jane: SeededUser
) -> None:
    cli = WebSignIn(server, store, home, "--no-browser", "--redirect-url", "clerk-fapi://callback")
    try:
        cli.url(server.url + "/hosted_auth/")
        cli.paste("clerk-fapi://callback?state=forged&rotating_token_nonce=n&created_session_id=sess_x\n")
        result = cli.finish()
    finally:
        cli.kill()
    assert result.status == 1
    assert "state" in result.stderr and "Traceback" not in result.stderr and "forged" not in result.stderr


def test_nothing_pasted_is_a_usage_error(server: EmulatorServer, store: Path, home: Path) -> None:
    cli = WebSignIn(server, store, home, "--no-browser", "--redirect-url", "clerk-fapi://callback")
    try:
        cli.url(server.url + "/hosted_auth/")
        cli.paste("")
        result = cli.finish()
    finally:
        cli.kill()
    assert result.status == 2 and "no callback URL" in result.stderr


def test_the_system_browser_is_opened_with_the_url(
    server: EmulatorServer, store: Path, home: Path, tmp_path: Path, jane: SeededUser
) -> None:
    opened = tmp_path / "opened.txt"
    hook = tmp_path / "browser.py"
    hook.write_text(f"import sys\nopen({str(opened)!r}, 'w').write(sys.argv[1])\n")
    browser = f"{sys.executable} {hook} %s"
    cli = WebSignIn(server, store, home, "--timeout", "20", env={"BROWSER": browser})
    try:
        url = cli.url(server.url + "/hosted_auth/")
        assert opened.read_text() == url
        fill_in(url, follow=True, identifier=JANE, password=PASSWORD)
        result = cli.finish()
    finally:
        cli.kill()
    assert result.status == 0, result.stderr
    assert "Opened your browser" in result.stderr


def test_no_browser_never_starts_one(server: EmulatorServer, store: Path, home: Path, tmp_path: Path) -> None:
    marker = tmp_path / "started"
    hook = tmp_path / "browser.py"
    hook.write_text(f"open({str(marker)!r}, 'w').write('x')\n")
    cli = WebSignIn(
        server, store, home, "--no-browser", "--timeout", "1", env={"BROWSER": f"{sys.executable} {hook} %s"}
    )
    try:
        url = cli.url(server.url + "/hosted_auth/")
        result = cli.finish()
    finally:
        cli.kill()
    assert url.startswith(server.url + "/hosted_auth/hauth_")
    assert result.status == 1 and "did not come back" in result.stderr and "within 1 seconds" in result.stderr
    assert not marker.exists()


def test_a_fixed_loopback_port_is_used(
    server: EmulatorServer, store: Path, home: Path, jane: SeededUser
) -> None:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    redirect = f"http://127.0.0.1:{port}/done"
    cli = WebSignIn(server, store, home, "--no-browser", "--redirect-url", redirect, "--timeout", "20")
    try:
        url = cli.url(server.url + "/hosted_auth/")
        # A stray request to another path on the listener is refused and does not end the wait.
        assert httpx.get(f"http://127.0.0.1:{port}/favicon.ico", timeout=5).status_code == 404
        landed = fill_in(url, follow=True, identifier=JANE, password=PASSWORD)
        assert landed.url.port == port and landed.url.path == "/done"
        result = cli.finish()
    finally:
        cli.kill()
    assert result.status == 0, result.stderr


def run_here(server: EmulatorServer, store: Path, *args: str) -> tuple[int, str]:
    """The CLI run in this process (for answers that need no browser): exit status and stderr."""
    out, err = io.StringIO(), io.StringIO()
    argv = ["--frontend-api", server.url, "--store", str(store), *args]
    with contextlib.redirect_stderr(err):  # argparse's usage errors
        try:
            status = main(argv, stdin=io.StringIO(""), stdout=out, stderr=err)
        except SystemExit as exc:
            status = int(exc.code or 0)
    return status, err.getvalue()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["sign-in", "--no-browser"], "--no-browser goes with --web"),
        (["sign-in", "--redirect-url", "myapp://cb"], "--redirect-url goes with --web or --email-link"),
        (["sign-in", "--provider", "google"], "--provider goes with --web"),
        (["sign-in", "--web", "--email-link", JANE], "--email-link does not go with --web"),
        (["sign-in", "--web", "--password", "x"], "--password does not go with --web"),
        (["sign-in", "--web", "--identifier", JANE], "--identifier does not go with --web"),
        (["sign-in", "--web", "--timeout", "0"], "--timeout"),
        (["sign-in", "--web", "--redirect-url", "http://[::1]:8765/cb"], "127.0.0.1"),
    ],
)
def test_options_that_do_not_go_together(
    server: EmulatorServer, store: Path, args: list[str], message: str
) -> None:
    status, stderr = run_here(server, store, *args)
    assert status == 2 and message in stderr


def test_a_redirect_url_hosted_sign_in_refuses(server: EmulatorServer, store: Path) -> None:
    status, stderr = run_here(
        server, store, "sign-in", "--web", "--no-browser", "--redirect-url", "https://app.example.com/cb"
    )
    assert status == 1 and "custom scheme" in stderr and "Traceback" not in stderr


def test_a_busy_port_is_reported(server: EmulatorServer, store: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        status, stderr = run_here(
            server, store, "sign-in", "--web", "--no-browser", "--redirect-url", f"http://127.0.0.1:{port}/cb"
        )
    assert status == 1 and f"cannot listen on 127.0.0.1:{port}" in stderr


def test_an_unlisted_redirect_url_is_reported(
    server: EmulatorServer, store: Path, home: Path, jane: SeededUser
) -> None:
    server_emulator = server.emulator
    server_emulator.redirect_allowlist = ["clerk-fapi://callback"]
    cli = WebSignIn(server, store, home, "--no-browser", "--timeout", "20")
    try:
        url = cli.url(server.url + "/hosted_auth/")
        landed = fill_in(url, follow=True, identifier=JANE, password=PASSWORD)
        assert "rotating_token_nonce" not in str(landed.url)
        result = cli.finish()
    finally:
        cli.kill()
    assert result.status == 1 and "rotating_token_nonce is missing" in result.stderr


def test_provider_goes_straight_to_the_oauth_provider(
    server: EmulatorServer, store: Path, home: Path, jane: SeededUser
) -> None:
    server.emulator.add_external_account(jane.id, "google", JANE)
    cli = WebSignIn(server, store, home, "--no-browser", "--provider", "google", "--json", "--timeout", "20")
    try:
        url = cli.url(server.url + "/oauth/authorize?")
        landed = fill_in(
            url,
            follow=True,
            state=parse_qs(url.split("?", 1)[1])["state"][0],
            decision="allow",
            email_address=JANE,
        )
        assert landed.url.host == "127.0.0.1" and "close this tab" in landed.text
        result = cli.finish()
    finally:
        cli.kill()
    assert result.status == 0, result.stderr
    body = result.json()
    assert body["sign_in"]["status"] == "complete" and body["session"]["identifier"] == JANE


def test_provider_account_without_a_user_becomes_a_new_user(
    server: EmulatorServer, store: Path, home: Path
) -> None:
    server.emulator.sign_up_required = {"email_address"}
    cli = WebSignIn(server, store, home, "--no-browser", "--provider", "github", "--timeout", "20")
    try:
        url = cli.url(server.url + "/oauth/authorize?")
        state = parse_qs(url.split("?", 1)[1])["state"][0]
        fill_in(url, follow=True, state=state, decision="allow", email_address="octo@example.com")
        result = cli.finish()
    finally:
        cli.kill()
    assert result.status == 0, result.stderr
    assert "creating one" in result.stderr and "Signed up: octo@example.com" in result.stdout


def test_provider_denied_is_reported(server: EmulatorServer, store: Path, home: Path) -> None:
    cli = WebSignIn(server, store, home, "--no-browser", "--provider", "google", "--timeout", "20")
    try:
        url = cli.url(server.url + "/oauth/authorize?")
        fill_in(url, follow=True, state=parse_qs(url.split("?", 1)[1])["state"][0], decision="deny")
        result = cli.finish()
    finally:
        cli.kill()
    assert result.status == 1 and "oauth_access_denied" in result.stderr and "Traceback" not in result.stderr
