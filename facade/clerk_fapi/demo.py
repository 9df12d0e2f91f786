"""``python -m clerk_fapi.demo`` (``make demo``): a walk through the documented ``Client``.

Starts the Frontend API emulator on loopback (``python -m clerk_fapi.testing --port 0 --demo-user``) in
a subprocess, or uses one already running (``--frontend-api http://127.0.0.1:PORT``), then:
a new client -> ``create()`` -> sign up a ``+clerk_test`` user (code 424242) -> its sessions and
token claims -> sign in a second user (multi-session) -> switch between the sessions -> end one ->
``destroy()``. The client's state is printed at each step. The emulator is always stopped.
"""

from __future__ import annotations

import argparse
import os
import queue
import secrets
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import IO, Any, Final

from ._client import Client
from ._errors import ClerkError
from ._models import SessionData
from ._token_cache import jwt_claims

__all__ = ["main", "run_demo", "start_emulator"]

TEST_CODE: Final = "424242"
DEMO_USER: Final = "jane+clerk_test@example.com"
DEMO_PASSWORD: Final = "clerk-emulator-1"  # what `python -m clerk_fapi.testing --demo-user` seeds
STARTUP_TIMEOUT: Final = 20.0


class DemoError(Exception):
    """The demo could not run (the emulator did not start, a step did not give what it should)."""


# ----- the emulator in a subprocess ------------------------------------------------------------------------
@contextmanager
def start_emulator(*, demo_user: bool = True, timeout: float = STARTUP_TIMEOUT) -> Iterator[str]:
    """Run ``python -m clerk_fapi.testing --port 0`` and yield its URL; it is stopped on the way out,
    whatever happens (an error, Ctrl-C)."""
    command = [sys.executable, "-m", "clerk_fapi.testing", "--port", "0"]
    if demo_user:
        command.append("--demo-user")
    with tempfile.TemporaryFile(mode="w+") as errors:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        try:
            assert process.stdout is not None
            url = _first_line(process.stdout, timeout)
            if not url.startswith("http://127.0.0.1:"):
                errors.seek(0)
                raise DemoError(f"the emulator did not start: {url or errors.read().strip() or 'no output'}")
            yield url
        finally:
            _stop(process)


def _first_line(stream: IO[str], timeout: float) -> str:
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: lines.put(stream.readline()), daemon=True).start()
    try:
        return lines.get(timeout=timeout).strip()
    except queue.Empty:
        raise DemoError(f"the emulator printed no URL within {timeout:.0f} s") from None


def _stop(process: subprocess.Popen[str]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    if process.stdout is not None:
        process.stdout.close()


# ----- printing ------------------------------------------------------------------------------------------
class Printer:
    def __init__(self, out: IO[str]) -> None:
        self.out = out
        self.step_no = 0

    def line(self, text: str = "") -> None:
        self.out.write(text + "\n")
        self.out.flush()

    def step(self, title: str) -> None:
        self.step_no += 1
        self.line()
        self.line(f"[{self.step_no}] {title}")

    def call(self, code: str, result: object = None) -> None:
        self.line(f"    >>> {code}" + ("" if result is None else f"\n    {result}"))

    def note(self, text: str) -> None:
        self.line(f"    {text}")

    def state(self, client: Client) -> None:
        """The client at a glance: id, is_new(), sessions with status, active_sessions,
        last_active_session_id, updated_at."""
        rows = [
            ("id", client.id or "None"),
            ("is_new()", str(client.is_new())),
            ("sessions", _sessions(client.sessions) or "[]"),
            ("active_sessions", "[" + ", ".join(s.id for s in client.active_sessions) + "]"),
            ("last_active_session_id", client.last_active_session_id or "None"),
            ("updated_at", _when(client.updated_at)),
        ]
        self.line("    client state:")
        for label, value in rows:
            self.line(f"      {label:<23} {value}")


def _when(value: datetime | None) -> str:
    return value.astimezone(UTC).isoformat(timespec="milliseconds") if value else "None"


def _who(session: SessionData) -> str:
    return session.identifier or "?"


def _sessions(sessions: Sequence[SessionData]) -> str:
    return "\n".join(
        ("" if i == 0 else " " * 30) + f"{s.id}  {s.status:<7} {_who(s)}" for i, s in enumerate(sessions)
    )


def _claims(jwt: str) -> dict[str, Any]:
    claims = jwt_claims(jwt)
    _check(claims is not None, "the session token is a JWT")
    assert claims is not None
    return claims


def _check(condition: bool, what: str) -> None:
    if not condition:
        raise DemoError(what)


# ----- the walk ------------------------------------------------------------------------------------------
def run_demo(frontend_api: str, out: IO[str], *, seeded_demo_user: bool) -> None:
    p = Printer(out)
    # Unique identities when the emulator is shared (--frontend-api), fixed ones on our own.
    tag = "" if seeded_demo_user else "-" + secrets.token_hex(3)
    ada_email = f"ada+clerk_test{tag}@example.com"
    ada_phone = "+15555550142" if seeded_demo_user else f"+1555555{secrets.randbelow(100) + 100:04d}"

    with Client(frontend_api=frontend_api) as client:
        p.step("A new client")
        p.call(f'client = Client(frontend_api="{frontend_api}")')
        client.reload()
        p.call("client.reload()   # GET /v1/client: no client token yet, so no client")
        p.call("client.is_new()", client.is_new())
        p.call("client.isNew()    # the documented camelCase name", client.isNew())
        _check(client.is_new(), "a fresh client should be new")
        p.state(client)

        p.step("create()")
        client.create()
        p.call("client.create()   # PUT /v1/client")
        p.state(client)
        _check(not client.is_new(), "create() should give the client an id")

        p.step(f"Sign up {ada_email} (test identity: code {TEST_CODE})")
        environment = client.get_environment()
        p.call("client.get_environment().single_session_mode", environment.single_session_mode)
        sign_up = client.start_sign_up(
            email_address=ada_email,
            phone_number=ada_phone,
            first_name="Ada",
            last_name="Lovelace",
            password="analytical-engine-1843",
            legal_accepted=True,
        )
        p.call(
            f'sign_up = client.start_sign_up(email_address="{ada_email}", phone_number="{ada_phone}",\n'
            '            first_name="Ada", last_name="Lovelace", password="...", legal_accepted=True)',
            f"status={sign_up.status} missing_fields={list(sign_up.missing_fields)} "
            f"unverified_fields={list(sign_up.unverified_fields)}",
        )
        _check(not sign_up.missing_fields, f"the instance wants more fields: {sign_up.missing_fields}")
        sign_up = sign_up.prepare_email_address_verification()
        p.call("sign_up = sign_up.prepare_email_address_verification()")
        sign_up = sign_up.attempt_email_address_verification(TEST_CODE)
        p.call(
            f'sign_up = sign_up.attempt_email_address_verification("{TEST_CODE}")',
            f"status={sign_up.status} unverified_fields={list(sign_up.unverified_fields)}",
        )
        if "phone_number" in sign_up.unverified_fields:
            sign_up = sign_up.prepare_phone_number_verification()
            p.call("sign_up = sign_up.prepare_phone_number_verification()")
            sign_up = sign_up.attempt_phone_number_verification(TEST_CODE)
            p.call(
                f'sign_up = sign_up.attempt_phone_number_verification("{TEST_CODE}")',
                f"status={sign_up.status} created_session_id={sign_up.created_session_id}",
            )
        _check(sign_up.is_complete, f"the sign-up should be complete, not {sign_up.status}")
        ada_session_id = sign_up.created_session_id
        assert ada_session_id is not None

        p.step("The client after the sign-up")
        p.state(client)
        p.call("client.sessions", [f"{s.id} ({s.status})" for s in client.sessions])
        p.call("client.activeSessions", [s.id for s in client.activeSessions])
        p.call("client.lastActiveSessionId", client.lastActiveSessionId)
        p.call("client.updatedAt", _when(client.updatedAt))
        _check(client.last_active_session_id == ada_session_id, "the new session should be the active one")

        p.step("A session token")
        session = client.last_active_session
        assert session is not None
        jwt = session.get_token()
        assert jwt is not None
        p.call("jwt = client.last_active_session.get_token()", f"{jwt[:24]}... ({len(jwt)} characters)")
        claims = _claims(jwt)
        p.note("claims:")
        for name in ("sid", "sub", "iss", "iat", "exp"):
            value = claims.get(name)
            when = f"   ({_when(datetime.fromtimestamp(value, UTC))})" if isinstance(value, int) else ""
            p.note(f"  {name:<4} {value}{when}")
        _check(claims.get("sid") == ada_session_id, "the token should name the session")
        again = client.get_token()
        p.call("client.get_token() == jwt   # served from the cache", again == jwt)

        p.step("Sign in a second user (multi-session)")
        if not seeded_demo_user:
            second_email, second_password = _seed_second_user(frontend_api, tag)
        else:
            second_email, second_password = DEMO_USER, DEMO_PASSWORD
            p.note(f"(the emulator seeded {DEMO_USER} with --demo-user)")
        jane = client.sign_in_with_password(second_email, second_password)
        p.call(f'jane = client.sign_in_with_password("{second_email}", "...")', f"{jane.id} ({jane.status})")
        p.state(client)
        _check(len(client.active_sessions) == 2, "both users should be signed in")

        p.step("Switch between the sessions")
        client.set_active(ada_session_id)
        p.call(f'client.set_active("{ada_session_id}")')
        p.call("client.last_active_session_id", client.last_active_session_id)
        _check(client.last_active_session_id == ada_session_id, "set_active should switch")
        token_claims = _claims(client.get_token() or "")
        p.call('client.get_token()  -> claims["sid"]', token_claims.get("sid"))
        client.set_active(jane)
        p.call("client.set_active(jane)")
        p.call("client.lastActiveSessionId", client.lastActiveSessionId)
        _check(client.last_active_session_id == jane.id, "set_active should switch back")

        p.step("End one session")
        ended = jane.end()
        p.call("jane.end()", f"{ended.id} ({ended.status})")
        p.state(client)
        _check(ended.status == "ended", "the session should be ended")

        p.step("destroy()")
        client.destroy()
        p.call("client.destroy()  # DELETE /v1/client")
        p.call("client.is_new()", client.is_new())
        p.call("client.isNew()", client.isNew())
        p.state(client)
        _check(client.is_new(), "a destroyed client should be new again")


def _seed_second_user(frontend_api: str, tag: str) -> tuple[str, str]:
    """On a shared emulator: sign a second test user up on a throwaway client."""
    email, password = f"grace+clerk_test{tag}@example.com", "compiler-pioneer-1952"
    with Client(frontend_api=frontend_api) as other:
        sign_up = other.start_sign_up(
            email_address=email,
            phone_number=f"+1555555{secrets.randbelow(100) + 100:04d}",
            first_name="Grace",
            last_name="Hopper",
            password=password,
            legal_accepted=True,
        )
        sign_up = sign_up.prepare_email_address_verification().attempt_email_address_verification(TEST_CODE)
        if "phone_number" in sign_up.unverified_fields:
            sign_up = sign_up.prepare_phone_number_verification().attempt_phone_number_verification(TEST_CODE)
        other.destroy()
    return email, password


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m clerk_fapi.demo", description="Walk through the documented Client on the emulator."
    )
    parser.add_argument(
        "--frontend-api",
        metavar="URL",
        help="use an emulator already running at URL instead of starting one",
    )
    args = parser.parse_args(argv)
    out = sys.stdout
    started = time.monotonic()
    try:
        if args.frontend_api:
            out.write(f"==> using the Frontend API at {args.frontend_api}\n")
            run_demo(args.frontend_api, out, seeded_demo_user=False)
        else:
            out.write("==> starting the emulator: python -m clerk_fapi.testing --port 0 --demo-user\n")
            out.flush()
            with start_emulator() as url:
                out.write(f"    listening on {url}\n")
                run_demo(url, out, seeded_demo_user=True)
                out.write("\n==> stopping the emulator\n")
    except (DemoError, ClerkError) as exc:
        sys.stderr.write(f"demo failed: {exc}\n")
        return 1
    except KeyboardInterrupt:
        sys.stderr.write("\ninterrupted\n")
        return 130
    out.write(f"==> done in {time.monotonic() - started:.1f} s\n")
    out.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
