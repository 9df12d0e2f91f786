"""A walk through the documented ``Client`` against the embedded Frontend API emulator (``make demo``).

    python examples/walkthrough.py                    # an emulator of its own on 127.0.0.1
    python examples/walkthrough.py --frontend-api URL # an emulator already running there

A new client -> ``create()`` -> sign up a ``+clerk_test`` user (code 424242) -> its sessions and token
claims -> sign in a second user (multi-session) -> switch between the sessions -> end one ->
``destroy()``, with the client's state at each step.

Each step is a function below. The walkthrough reads the step's own source, prints each statement of
its body and then runs that very statement (an expression's value is printed under it, as the
interactive interpreter does), so what is shown is exactly what runs.
"""

from __future__ import annotations

import argparse
import ast
import base64
import inspect
import json
import secrets
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from types import CodeType
from typing import Any, Final

from clerk_fapi import ClerkAPIError, ClerkError, Client, Session
from clerk_fapi.testing import Emulator

TEST_CODE: Final = "424242"  # the verification code of every +clerk_test identity


@dataclass(frozen=True)
class Person:
    """A test identity; ``repr`` leaves the password out."""

    email: str
    phone: str
    first_name: str
    last_name: str
    password: str = ""

    def __repr__(self) -> str:
        return f"Person({self.email!r}, {self.phone!r})"


# ----- the steps --------------------------------------------------------------------------------------------
def a_new_client(frontend_api: str) -> None:
    client = Client(frontend_api=frontend_api)
    client.reload()  # GET /v1/client: no client token yet, so no client
    client.is_new()
    client.isNew()  # the documented camelCase name
    assert client.is_new(), "a fresh client should be new"
    show(client)


def create(client: Client) -> None:
    client.create()  # PUT /v1/client
    show(client)
    assert not client.is_new(), "create() should give the client an id"


def sign_up_user(client: Client, person: Person) -> None:
    client.get_environment().single_session_mode
    sign_up = client.start_sign_up(
        email_address=person.email,
        phone_number=person.phone,
        first_name=person.first_name,
        last_name=person.last_name,
        password=person.password,
        legal_accepted=True,
    )
    sign_up.status, sign_up.missing_fields, sign_up.unverified_fields
    assert not sign_up.missing_fields, f"the instance wants more fields: {sign_up.missing_fields}"
    sign_up = sign_up.prepare_email_address_verification()
    sign_up = sign_up.attempt_email_address_verification(TEST_CODE)
    sign_up.status, sign_up.unverified_fields
    if "phone_number" in sign_up.unverified_fields:
        sign_up = sign_up.prepare_phone_number_verification()
        sign_up = sign_up.attempt_phone_number_verification(TEST_CODE)
    sign_up.status, sign_up.created_session_id
    assert sign_up.is_complete, f"the sign-up should be complete, not {sign_up.status}"
    session_id = sign_up.created_session_id


def after_sign_up(client: Client, session_id: str) -> None:
    show(client)
    [f"{s.id} ({s.status})" for s in client.sessions]
    [s.id for s in client.activeSessions]
    client.lastActiveSessionId
    when(client.updatedAt)
    assert client.last_active_session_id == session_id, "the new session should be the active one"


def a_session_token(client: Client, session_id: str) -> None:
    session = client.last_active_session
    assert session is not None
    jwt = session.get_token()
    assert jwt is not None
    f"{jwt[:24]}... ({len(jwt)} characters)"
    claims = jwt_claims(jwt)
    for name in ("sid", "sub", "iss", "iat", "exp"):
        value = claims[name]
        print(f"      {name:<4} {value}" + (f"   ({when(value)})" if isinstance(value, int) else ""))
    assert claims["sid"] == session_id, "the token should name the session"
    client.get_token() == jwt  # served from the cache


def sign_in_second_user(client: Client, second: Person) -> None:
    jane = client.sign_in_with_password(second.email, second.password)
    f"{jane.id} ({jane.status})"
    show(client)
    assert len(client.active_sessions) == 2, "both users should be signed in"


def switch(client: Client, session_id: str, jane: Session) -> None:
    client.set_active(session_id)
    client.last_active_session_id
    assert client.last_active_session_id == session_id, "set_active should switch"
    jwt_claims(client.get_token() or "")["sid"]
    client.set_active(jane)
    client.lastActiveSessionId
    assert client.last_active_session_id == jane.id, "set_active should switch back"


def end_one_session(client: Client, jane: Session) -> None:
    ended = jane.end()
    f"{ended.id} ({ended.status})"
    show(client)
    assert ended.status == "ended", "the session should be ended"


def destroy(client: Client) -> None:
    client.destroy()  # DELETE /v1/client
    client.is_new()
    client.isNew()
    show(client)
    assert client.is_new(), "a destroyed client should be new again"


# ----- what the steps call ----------------------------------------------------------------------------------
def show(client: Client) -> None:
    """The client at a glance: id, is_new(), sessions with their status, active_sessions,
    last_active_session_id, updated_at."""
    sessions = [f"{s.id}  {s.status:<7} {s.identifier or '?'}" for s in client.sessions]
    rows = [
        ("id", client.id or "None"),
        ("is_new()", str(client.is_new())),
        ("sessions", ("\n" + " " * 30).join(sessions) or "[]"),
        ("active_sessions", "[" + ", ".join(s.id for s in client.active_sessions) + "]"),
        ("last_active_session_id", client.last_active_session_id or "None"),
        ("updated_at", when(client.updated_at)),
    ]
    print("    client state:")
    for label, value in rows:
        print(f"      {label:<23} {value}")


def when(value: datetime | int | None) -> str:
    """A timestamp (or seconds since the epoch, as in a JWT) in ISO 8601 UTC."""
    if isinstance(value, int):
        value = datetime.fromtimestamp(value, UTC)
    return value.astimezone(UTC).isoformat(timespec="milliseconds") if value else "None"


def jwt_claims(jwt: str) -> dict[str, Any]:
    """The claims of a session JWT, decoded for display (a backend verifies the signature first)."""
    payload = jwt.split(".")[1]
    claims: dict[str, Any] = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    return claims


# ----- running a step from its own source -------------------------------------------------------------------
def statements(step: Callable[..., None]) -> Iterator[tuple[str, CodeType, bool]]:
    """Each statement of ``step``'s body: its source text (with the comment lines before it), its
    code, and whether it is an expression (whose value is shown)."""
    lines, first_line = inspect.getsourcelines(step)
    source = textwrap.dedent("".join(lines))
    [function] = ast.parse(source).body
    assert isinstance(function, ast.FunctionDef)
    filename = inspect.getsourcefile(step) or "<walkthrough>"
    text_lines = source.splitlines()
    previous_end = function.body[0].lineno - 1
    for statement in function.body:
        assert statement.end_lineno is not None
        text = textwrap.dedent("\n".join(text_lines[previous_end : statement.end_lineno])).strip("\n")
        previous_end = statement.end_lineno
        ast.increment_lineno(statement, first_line - 1)  # tracebacks point into this file
        if isinstance(statement, ast.Expr):
            yield text, compile(ast.Expression(statement.value), filename, "eval"), True
        else:
            yield text, compile(ast.Module([statement], type_ignores=[]), filename, "exec"), False


class Walk:
    """Runs steps one statement at a time in one namespace, as an interactive session would."""

    def __init__(self, **names: Any) -> None:
        self.scope: dict[str, Any] = {**globals(), **names}
        self.number = 0

    def step(self, title: str, body: Callable[..., None], **names: Any) -> None:
        """Print ``title``, then each statement of ``body`` followed by its value, running it."""
        self.number += 1
        print(f"\n[{self.number}] {title}")
        self.scope.update(names)
        missing = [p for p in inspect.signature(body).parameters if p not in self.scope]
        if missing:
            raise RuntimeError(f"step {body.__name__} needs {', '.join(missing)}, which no step has set")
        for text, code, is_expression in statements(body):
            print(textwrap.indent(">>> " + text.replace("\n", "\n... "), "    "))
            if is_expression:
                value = eval(code, self.scope)
                if value is not None:
                    print(f"    {value!r}")
            else:
                exec(code, self.scope)

    def close(self) -> None:
        """Close the client the steps made, if any."""
        client = self.scope.get("client")
        if isinstance(client, Client):
            client.close()


def walk(frontend_api: str, *, shared: bool) -> None:
    """Every step, against the Frontend API at ``frontend_api`` (``shared``: other runs use it too,
    so the identities are fresh ones and the second user is signed up first on a throwaway client)."""
    tag = "-" + secrets.token_hex(3) if shared else ""
    ada_phone, jane_phone = free_phones(frontend_api) if shared else ("+15555550142", "+15555550100")
    ada = Person(f"ada+clerk_test{tag}@example.com", ada_phone, "Ada", "Lovelace", "analytical-engine-1843")
    jane = Person(f"jane+clerk_test{tag}@example.com", jane_phone, "Jane", "Doe", "clerk-emulator-1")
    if shared:
        with Client(frontend_api=frontend_api) as other:
            sign_up_user(other, jane)
            other.destroy()
    steps = Walk(frontend_api=frontend_api)
    try:
        steps.step("A new client", a_new_client)
        steps.step("create()", create)
        steps.step(f"Sign up {ada.email} (test identity: code {TEST_CODE})", sign_up_user, person=ada)
        steps.step("The client after the sign-up", after_sign_up)
        steps.step("A session token", a_session_token)
        steps.step(f"Sign in a second user, {jane.email} (multi-session)", sign_in_second_user, second=jane)
        steps.step("Switch between the sessions", switch)
        steps.step("End one session", end_one_session)
        steps.step("destroy()", destroy)
    finally:
        steps.close()


def free_phones(frontend_api: str) -> tuple[str, str]:
    """Two +1 555 555 01xx test numbers no user holds yet on a shared Frontend API: there are only 100,
    so random picks would collide with earlier runs; each candidate is tried on a throwaway sign-up."""
    free: list[str] = []
    with Client(frontend_api=frontend_api) as probe:
        for last in secrets.SystemRandom().sample(range(100, 200), 100):
            number = f"+1555555{last:04d}"
            try:
                probe.start_sign_up(phone_number=number)
            except ClerkAPIError as error:
                if error.code == "form_identifier_exists":
                    continue
                raise
            free.append(number)
            if len(free) == 2:
                return free[0], free[1]
    raise RuntimeError("every +1 555 555 01xx test number is taken on this Frontend API")


@contextmanager
def emulator() -> Iterator[str]:
    """The emulator embedded in ``clerk_fapi.testing``, served on 127.0.0.1 with ``jane+clerk_test``
    seeded; yields its URL and stops it on the way out, whatever happens."""
    emulated = Emulator()
    emulated.add_user(
        email_addresses="jane+clerk_test@example.com",
        phone_numbers="+15555550100",
        password="clerk-emulator-1",
        first_name="Jane",
        last_name="Doe",
    )
    with emulated.serve(port=0) as server:
        yield server.url


def main(argv: list[str] | None = None) -> int:
    """Run the walkthrough; 0 when every step did what it shows, 1 when one did not."""
    parser = argparse.ArgumentParser(description="Walk through the documented Client on the emulator.")
    parser.add_argument("--frontend-api", metavar="URL", help="use an emulator already running at URL")
    args = parser.parse_args(argv)
    started = time.monotonic()
    try:
        if args.frontend_api:
            print(f"==> using the Frontend API at {args.frontend_api}")
            walk(args.frontend_api, shared=True)
        else:
            with emulator() as url:
                print(f"==> the embedded emulator (clerk_fapi.testing), listening on {url}")
                walk(url, shared=False)
                print("\n==> stopping the emulator")
    except (AssertionError, ClerkError) as exc:
        print(f"walkthrough failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        return 130
    print(f"==> done in {time.monotonic() - started:.1f} s", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
