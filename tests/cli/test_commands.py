"""Every command of the real `clerk-fapi` script against the emulator on loopback: human and JSON output,
resuming from the state file between runs, exit statuses and error reporting."""

from __future__ import annotations

import base64
import json
import os
import stat
from pathlib import Path
from typing import Any

import pytest
from clerk_fapi.testing import Emulator, EmulatorServer, SeededUser
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from .conftest import JANE, JOHN, PASSWORD, Run, claims_of

SESSION_KEYS = {
    "id",
    "status",
    "user_id",
    "identifier",
    "first_name",
    "last_name",
    "last_active",
    "last_active_organization_id",
    "last_active_at",
    "expire_at",
    "created_at",
    "updated_at",
}
STATUS_KEYS = {
    "frontend_api",
    "store",
    "client_id",
    "is_new",
    "created_at",
    "updated_at",
    "last_active_session_id",
    "sessions",
    "sign_in",
    "sign_up",
}
SIGN_IN_KEYS = {"id", "status", "identifier", "first_factors", "second_factors", "created_session_id"}
ERROR_KEYS = {"type", "message", "code", "codes", "status_code", "trace_id"}


def sign_in(run: Run, identifier: str = JANE, password: str = PASSWORD) -> dict[str, Any]:
    result = run("--json", "sign-in", "--identifier", identifier, "--password", password)
    assert result.status == 0, result.stderr
    data: dict[str, Any] = result.json()
    return data


def _b64(value: str) -> bytes:
    return base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))


def verify_rs256(jwt: str, jwks: dict[str, Any]) -> None:
    header_b64, payload_b64, signature_b64 = jwt.split(".")
    header = json.loads(_b64(header_b64))
    assert header["alg"] == "RS256"
    key = next(k for k in jwks["keys"] if k["kid"] == header["kid"])
    public = rsa.RSAPublicNumbers(
        int.from_bytes(_b64(key["e"]), "big"), int.from_bytes(_b64(key["n"]), "big")
    ).public_key()
    public.verify(
        _b64(signature_b64), f"{header_b64}.{payload_b64}".encode(), padding.PKCS1v15(), hashes.SHA256()
    )


# ----- status ----------------------------------------------------------------------------------------------
def test_status_of_a_new_client(run: Run, server: EmulatorServer, store: Path) -> None:
    human = run("status")
    assert human.status == 0, human.stderr
    assert "none yet" in human.stdout
    assert "no sessions" in human.stdout
    assert server.url in human.stdout and str(store) in human.stdout

    data = run("status", "--json").json()
    assert set(data) == STATUS_KEYS
    assert data["is_new"] is True
    assert data["client_id"] is None
    assert data["sessions"] == [] and data["sign_in"] is None and data["sign_up"] is None
    assert data["frontend_api"] == server.url
    assert data["store"] == str(store)


def test_status_after_sign_in_shows_the_client_and_its_session(run: Run, jane: SeededUser) -> None:
    signed = sign_in(run)
    data = run("--json", "status").json()
    assert data["is_new"] is False
    assert data["client_id"] == signed["client_id"]
    assert data["created_at"].endswith("Z") and data["updated_at"].endswith("Z")
    assert data["last_active_session_id"] == signed["session"]["id"]
    [session] = data["sessions"]
    assert set(session) == SESSION_KEYS
    assert session["status"] == "active"
    assert session["identifier"] == JANE
    assert session["user_id"] == jane.id
    assert session["last_active"] is True

    human = run("status").stdout
    assert signed["client_id"] in human
    assert signed["session"]["id"] in human
    assert "active" in human and JANE in human and "Jane Doe" in human


def test_status_shows_a_sign_in_in_progress(run: Run, emulator: Emulator) -> None:
    emulator.add_user(email_addresses="mfa+clerk_test@example.com", password=PASSWORD, totp_secret=True)
    started = run("sign-in", "--identifier", "mfa+clerk_test@example.com", "--password", PASSWORD)
    assert started.status == 2  # the second factor code is missing and stdin is not a terminal
    assert "--second-factor-code" in started.stderr

    data = run("--json", "status").json()
    assert set(data["sign_in"]) == SIGN_IN_KEYS
    assert data["sign_in"]["status"] == "needs_second_factor"
    assert "totp" in data["sign_in"]["second_factors"]
    human = run("status").stdout
    assert "needs_second_factor" in human and "totp" in human


# ----- resuming ------------------------------------------------------------------------------------------
def test_every_run_resumes_the_client_from_the_store(run: Run, store: Path, jane: SeededUser) -> None:
    signed = sign_in(run)
    assert store.exists()
    assert stat.S_IMODE(store.stat().st_mode) == 0o600
    assert json.loads(store.read_text())["client"]  # the client token, kept for the next run
    for _ in range(2):
        again = run("--json", "sessions").json()
        assert again["client_id"] == signed["client_id"]
        assert [s["id"] for s in again["sessions"]] == [signed["session"]["id"]]
    assert stat.S_IMODE(store.stat().st_mode) == 0o600


def test_a_store_others_may_write_is_refused(run: Run, store: Path, jane: SeededUser) -> None:
    sign_in(run)
    os.chmod(store, 0o666)
    result = run("status")
    assert result.status == 1
    assert "refusing" in result.stderr and "chmod 600" in result.stderr
    assert result.stdout == ""


def test_a_stale_client_token_is_forgotten_with_a_warning(run: Run, store: Path) -> None:
    store.parent.mkdir(parents=True)
    store.write_text(json.dumps({"client": "not-a-token-this-instance-issued"}))
    os.chmod(store, 0o600)
    result = run("status", "--json")
    assert result.status == 0, result.stderr
    assert result.json()["is_new"] is True
    human = run("status")
    assert "warning" not in human.stderr  # forgotten once, not at every run
    assert "client" not in json.loads(store.read_text() or "{}")


# ----- sign-in -------------------------------------------------------------------------------------------
def test_sign_in_with_password(run: Run, jane: SeededUser) -> None:
    human = run("sign-in", "--identifier", JANE, "--password", PASSWORD)
    assert human.status == 0, human.stderr
    assert "Signed in" in human.stdout and JANE in human.stdout
    assert PASSWORD not in human.stdout + human.stderr


def test_sign_in_json_shape(run: Run, jane: SeededUser) -> None:
    data = sign_in(run)
    assert set(data) == {"client_id", "sign_in", "session"}
    assert set(data["sign_in"]) == SIGN_IN_KEYS
    assert data["sign_in"]["status"] == "complete"
    assert data["sign_in"]["created_session_id"] == data["session"]["id"]
    assert data["session"]["status"] == "active" and data["session"]["last_active"] is True
    assert data["client_id"].startswith("client_")


def test_wrong_password_is_an_api_error(run: Run, jane: SeededUser) -> None:
    result = run("sign-in", "--identifier", JANE, "--password", "not-the-password-9")
    assert result.status == 1
    assert result.stdout == ""
    assert "form_password_incorrect" in result.stderr
    assert "clerk_trace_id" in result.stderr
    assert "HTTP 422" in result.stderr
    assert "not-the-password-9" not in result.stderr

    as_json = run("--json", "sign-in", "--identifier", JANE, "--password", "not-the-password-9")
    assert as_json.status == 1 and as_json.stdout == ""
    error = as_json.error()
    assert set(error) == ERROR_KEYS
    assert error["code"] == "form_password_incorrect"
    assert error["status_code"] == 422
    assert error["trace_id"]


def test_unknown_identifier(run: Run) -> None:
    result = run("sign-in", "--identifier", "nobody+clerk_test@example.com", "--password", PASSWORD)
    assert result.status == 1
    assert "form_identifier_not_found" in result.stderr


def test_sign_in_with_an_email_code(run: Run, jane: SeededUser) -> None:
    result = run("--json", "sign-in", "--identifier", JANE, "--strategy", "email_code", "--code", "424242")
    assert result.status == 0, result.stderr
    assert result.json()["session"]["identifier"] == JANE
    assert "a code was sent" not in result.stdout  # progress goes to stderr, never stdout


def test_sign_in_with_a_phone_code(run: Run, emulator: Emulator) -> None:
    emulator.add_user(phone_numbers="+15555550123", password=PASSWORD)
    result = run("sign-in", "--identifier", "+15555550123", "--strategy", "phone_code", "--code", "424242")
    assert result.status == 0, result.stderr
    assert "Signed in" in result.stdout


def test_an_email_code_sign_in_resumes_in_a_second_run(run: Run, emulator: Emulator) -> None:
    email = "real.person@example.com"  # not a test identity: the code must be read from the "outbox"
    emulator.add_user(email_addresses=email, password=PASSWORD)
    first = run("sign-in", "--identifier", email, "--strategy", "email_code")
    assert first.status == 2
    assert "--code is required" in first.stderr
    assert "a code was sent" in first.stderr
    code = emulator.last_code(email)
    assert code is not None
    second = run("--json", "sign-in", "--strategy", "email_code", "--code", code)
    assert second.status == 0, second.stderr
    assert second.json()["session"]["identifier"] == email


def test_wrong_email_code(run: Run, jane: SeededUser) -> None:
    result = run("sign-in", "--identifier", JANE, "--strategy", "email_code", "--code", "000000")
    assert result.status == 1
    assert "form_code_incorrect" in result.stderr


def test_sign_in_with_a_totp_second_factor(run: Run, emulator: Emulator) -> None:
    user = emulator.add_user(
        email_addresses="mfa+clerk_test@example.com", password=PASSWORD, totp_secret=True
    )
    assert user.totp_secret is not None
    code = emulator.totp_code(user.totp_secret)
    result = run(
        "--json",
        "sign-in",
        "--identifier",
        "mfa+clerk_test@example.com",
        "--password",
        PASSWORD,
        "--second-factor-code",
        code,
    )
    assert result.status == 0, result.stderr
    assert result.json()["sign_in"]["status"] == "complete"


def test_a_second_factor_resumes_in_a_second_run(run: Run, emulator: Emulator) -> None:
    user = emulator.add_user(
        email_addresses="mfa+clerk_test@example.com",
        password=PASSWORD,
        totp_secret=True,
        backup_codes=["abcd1234"],
    )
    first = run("sign-in", "--identifier", user.identifier, "--password", PASSWORD)
    assert first.status == 2 and "--second-factor-code" in first.stderr
    wrong = run("sign-in", "--second-factor-strategy", "phone_code", "--second-factor-code", "123456")
    assert wrong.status == 1 and "does not offer phone_code" in wrong.stderr
    done = run("sign-in", "--second-factor-strategy", "backup_code", "--second-factor-code", "abcd1234")
    assert done.status == 0, done.stderr
    assert "Signed in" in done.stdout


def test_sign_in_with_an_sms_second_factor(run: Run, emulator: Emulator) -> None:
    emulator.add_user(
        email_addresses="sms+clerk_test@example.com",
        phone_numbers="+15555550177",
        password=PASSWORD,
        mfa=True,
    )
    result = run(
        "sign-in",
        "--identifier",
        "sms+clerk_test@example.com",
        "--password",
        PASSWORD,
        "--second-factor-strategy",
        "phone_code",
        "--second-factor-code",
        "424242",
    )
    assert result.status == 0, result.stderr
    assert "a code was sent" in result.stderr


def test_sign_in_inputs_missing_without_a_terminal(run: Run, jane: SeededUser) -> None:
    no_identifier = run("sign-in", "--password", PASSWORD)
    assert no_identifier.status == 2
    assert "--identifier is required" in no_identifier.stderr
    no_password = run("sign-in", "--identifier", JANE)
    assert no_password.status == 2
    assert "--password is required" in no_password.stderr
    code_without_strategy = run("sign-in", "--identifier", JANE, "--code", "424242")
    assert code_without_strategy.status == 2
    assert "--strategy" in code_without_strategy.stderr


def test_sign_in_twice_as_the_same_user(run: Run, jane: SeededUser) -> None:
    sign_in(run)
    again = run("sign-in", "--identifier", JANE, "--password", PASSWORD)
    assert again.status == 1
    assert "identifier_already_signed_in" in again.stderr


# ----- token ---------------------------------------------------------------------------------------------
def test_token_prints_only_a_jwt(
    run: Run, server: EmulatorServer, emulator: Emulator, jane: SeededUser
) -> None:
    session_id = sign_in(run)["session"]["id"]
    result = run("token")
    assert result.status == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.endswith("\n") and result.stdout.count("\n") == 1
    jwt = result.stdout.strip()
    assert jwt.count(".") == 2
    verify_rs256(jwt, emulator.jwks())
    claims = claims_of(jwt)
    assert claims["sid"] == session_id
    assert claims["sub"] == jane.id
    assert claims["iss"] == server.url
    assert claims["exp"] > claims["iat"]


def test_token_with_global_options_after_the_command(run: Run, jane: SeededUser) -> None:
    session_id = sign_in(run)["session"]["id"]
    data = run("token", "--json").json()
    assert set(data) == {"jwt", "session_id", "template", "organization_id", "expires_at"}
    assert data["session_id"] == session_id
    assert claims_of(data["jwt"])["sid"] == session_id
    assert data["expires_at"].endswith("Z")
    assert data["template"] is None and data["organization_id"] is None


def test_token_skip_cache_mints_a_new_one(run: Run, jane: SeededUser) -> None:
    sign_in(run)
    first = run("token").stdout.strip()
    fresh = run("token", "--skip-cache").stdout.strip()
    assert claims_of(first)["jti"] != claims_of(fresh)["jti"]


def test_token_from_a_template(run: Run, emulator: Emulator, jane: SeededUser) -> None:
    emulator.add_jwt_template("api", {"aud": "my-api", "email": "{{user.primary_email_address}}"})
    sign_in(run)
    result = run("token", "--template", "api")
    assert result.status == 0, result.stderr
    claims = claims_of(result.stdout.strip())
    assert claims["aud"] == "my-api"
    assert claims["sub"] == jane.id


def test_token_for_an_organization(run: Run, emulator: Emulator, jane: SeededUser) -> None:
    org = emulator.add_organization("Acme", members={jane.id: "org:admin"})
    sign_in(run)
    result = run("token", "--org", org.id)
    assert result.status == 0, result.stderr
    claims = claims_of(result.stdout.strip())
    assert claims["o"]["id"] == org.id
    assert claims["o"]["rol"] == "admin"


def test_token_without_a_session(run: Run) -> None:
    result = run("token")
    assert result.status == 1
    assert result.stdout == ""
    assert "no active session" in result.stderr


def test_unknown_template_is_an_api_error(run: Run, jane: SeededUser) -> None:
    sign_in(run)
    result = run("token", "--template", "missing")
    assert result.status == 1
    assert result.stdout == ""
    assert "error:" in result.stderr


# ----- sessions, switch, sign-out, destroy ---------------------------------------------------------------
def test_sessions_switch_and_sign_out(run: Run, jane: SeededUser, john: SeededUser) -> None:
    first = sign_in(run, JANE)["session"]["id"]
    second = sign_in(run, JOHN)["session"]["id"]

    table = run("sessions")
    assert table.status == 0
    lines = table.stdout.splitlines()
    assert lines[0].split() == ["SESSION", "STATUS", "USER", "ORGANIZATION", "LAST", "ACTIVE", "EXPIRES"]
    assert any(line.startswith("*") and second in line for line in lines)  # the active one is starred
    assert any(first in line and not line.startswith("*") for line in lines)
    column = lines[0].index("STATUS")
    assert all(line[column : column + 6] == "active" for line in lines[1:])  # aligned columns

    listing = run("--json", "sessions").json()
    assert set(listing) == {"client_id", "last_active_session_id", "sessions"}
    assert listing["last_active_session_id"] == second
    assert {s["id"] for s in listing["sessions"]} == {first, second}

    switched = run("--json", "switch", first).json()
    assert set(switched) == {"client_id", "last_active_session_id", "session"}
    assert switched["last_active_session_id"] == first and switched["session"]["id"] == first
    assert claims_of(run("token").stdout.strip())["sid"] == first

    by_identifier = run("switch", JOHN)
    assert by_identifier.status == 0 and f"Switched to {second}" in by_identifier.stdout

    unknown = run("switch", "sess_nope")
    assert unknown.status == 1 and "no session 'sess_nope'" in unknown.stderr

    out = run("--json", "sign-out", "--session", second).json()
    assert set(out) == {"client_id", "ended", "last_active_session_id"}
    assert out["ended"] == [second]
    statuses = {s["id"]: s["status"] for s in run("--json", "sessions").json()["sessions"]}
    assert statuses.get(second, "removed") == "removed" and statuses[first] == "active"
    unknown = run("sign-out", "--session", second)
    assert unknown.status == 1 and f"no signed-in session {second!r}" in unknown.stderr

    client_id = run("--json", "status").json()["client_id"]
    everything = run("sign-out")  # as clerk-js signOut(): every session, and the client stays
    assert everything.status == 0 and f"Removed 1 session(s): {first}" in everything.stdout
    status = run("--json", "status").json()
    assert status["last_active_session_id"] is None and status["client_id"] == client_id
    assert run("token").status == 1
    nothing = run("sign-out")
    assert nothing.status == 1 and "no active session" in nothing.stderr


def test_sign_out_removes_every_session_and_keeps_the_client(
    run: Run, jane: SeededUser, john: SeededUser
) -> None:
    first = sign_in(run, JANE)
    second = sign_in(run, JOHN)
    out = run("--json", "sign-out").json()
    assert sorted(out["ended"]) == sorted([first["session"]["id"], second["session"]["id"]])
    assert out["client_id"] == first["client_id"] and out["last_active_session_id"] is None
    assert run("--json", "sign-out", "--all", "--session", "sess_x").status == 2


def test_destroy(run: Run, store: Path, jane: SeededUser) -> None:
    client_id = sign_in(run)["client_id"]
    human = run("destroy")
    assert human.status == 0 and f"Destroyed client {client_id}" in human.stdout
    assert "client" not in json.loads(store.read_text() or "{}")  # the token is forgotten too
    status = run("--json", "status").json()
    assert status["is_new"] is True and status["sessions"] == []
    again = run("--json", "destroy")
    assert again.status == 0 and again.json() == {"destroyed": None}
    # A new client after that: sign in again works.
    assert sign_in(run)["client_id"] != client_id


def test_destroy_json(run: Run, jane: SeededUser) -> None:
    client_id = sign_in(run)["client_id"]
    assert run("--json", "destroy").json() == {"destroyed": client_id}


# ----- usage and connection errors -----------------------------------------------------------------------
def test_no_frontend_api_is_a_usage_error(run: Run) -> None:
    result = run("status", connect=False)
    assert result.status == 2
    assert "--publishable-key" in result.stderr and "CLERK_FRONTEND_API" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("frobnicate",),
        ("sign-in", "--strategy", "carrier_pigeon"),
        ("token", "--unknown"),
        ("switch",),
        (),
    ],
)
def test_argparse_usage_errors(run: Run, args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.status == 2
    assert "usage:" in result.stderr
    assert result.stdout == ""


def test_invalid_publishable_key_is_a_usage_error(run: Run) -> None:
    result = run("status", connect=False, env={"CLERK_PUBLISHABLE_KEY": "pk_test_bm90LWEtaG9zdA"})
    assert result.status == 2
    assert "publishable_key" in result.stderr


def test_frontend_api_from_the_environment_and_the_default_store(
    run: Run, server: EmulatorServer, home: Path
) -> None:
    result = run("--json", "status", connect=False, env={"CLERK_FRONTEND_API": server.url})
    assert result.status == 0, result.stderr
    expected = home / ".config" / "clerk-fapi" / f"127.0.0.1_{server.port}.json"
    assert result.json()["store"] == str(expected)


def test_unreachable_frontend_api(run: Run, tmp_path: Path) -> None:
    import socket

    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = run("status", connect=False, env={"CLERK_FRONTEND_API": f"http://127.0.0.1:{port}"}, timeout=60)
    assert result.status == 1
    assert "cannot reach the Frontend API" in result.stderr


# ----- the installed entry point -------------------------------------------------------------------------
def test_the_installed_console_script(run: Run, jane: SeededUser) -> None:
    version = run("--version", entry_point=True, connect=False)
    assert version.status == 0 and version.stdout.startswith("clerk-fapi ")
    signed = run("--json", "sign-in", "--identifier", JANE, "--password", PASSWORD, entry_point=True).json()
    jwt = run("token", entry_point=True).stdout.strip()
    assert claims_of(jwt)["sid"] == signed["session"]["id"]
    # The two entry points share the state file.
    assert run("--json", "status").json()["client_id"] == signed["client_id"]


def test_help_lists_every_command(run: Run) -> None:
    result = run("--help", connect=False)
    assert result.status == 0
    for command in ("status", "sign-up", "sign-in", "token", "sessions", "switch", "sign-out", "destroy"):
        assert command in result.stdout


def test_sign_in_on_an_untrusted_client_asks_for_an_email_code(run: Run, emulator: Emulator) -> None:
    emulator.client_trust = True
    emulator.add_user(email_addresses=JANE, password=PASSWORD)
    result = run(
        "--json", "sign-in", "--identifier", JANE, "--password", PASSWORD, "--second-factor-code", "424242"
    )
    assert result.status == 0, result.stderr
    assert result.json()["sign_in"]["status"] == "complete"
