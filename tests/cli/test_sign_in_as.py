"""`clerk-fapi sign-in --as EMAIL` with CLERK_SECRET_KEY: a sign-in token made through clerk-backend-api
against the emulator's Backend API, and a testing token fetched for every run; the key is never printed."""

from __future__ import annotations

from clerk_fapi.testing import Emulator, EmulatorServer

from .conftest import Run, claims_of

# Each run imports clerk-backend-api and makes Backend API calls before the Frontend API ones: on a loaded
# machine that takes longer than the default guard against a hung child (not a speed assertion).
HANG_GUARD_S = 120


def test_sign_in_as_jane(run: Run, emulator: Emulator, server: EmulatorServer) -> None:
    jane = emulator.add_user(email_addresses="jane@example.com", first_name="Jane", last_name="Doe")
    env = {"CLERK_SECRET_KEY": emulator.secret_key, "CLERK_API_URL": server.url}
    signed_in = run("--json", "sign-in", "--as", "jane@example.com", env=env, timeout=HANG_GUARD_S)
    assert signed_in.status == 0, signed_in.stderr
    session = signed_in.json()["session"]
    assert session["user_id"] == jane.id and session["status"] == "active"
    # Every run fetched a testing token and sent it to the Frontend API.
    assert emulator.testing_token_requests >= 1
    token = run("token", env=env, timeout=HANG_GUARD_S)
    assert token.status == 0, token.stderr
    assert claims_of(token.stdout.strip())["sub"] == jane.id
    for result in (signed_in, token):
        assert emulator.secret_key not in result.stdout + result.stderr


def test_wrong_or_missing_secret_key(run: Run, emulator: Emulator, server: EmulatorServer) -> None:
    emulator.add_user(email_addresses="jane@example.com")
    wrong = "sk_test_this_is_not_the_key_987"
    refused = run(
        "sign-in",
        "--as",
        "jane@example.com",
        env={"CLERK_SECRET_KEY": wrong, "CLERK_API_URL": server.url},
        timeout=HANG_GUARD_S,
    )
    assert refused.status == 1
    assert "refused the secret key" in refused.stderr and wrong not in refused.stderr + refused.stdout
    missing = run(
        "sign-in", "--as", "jane@example.com", env={"CLERK_API_URL": server.url}, timeout=HANG_GUARD_S
    )
    assert missing.status == 1 and "CLERK_SECRET_KEY" in missing.stderr
    nobody = run(
        "sign-in",
        "--as",
        "nobody@example.com",
        env={"CLERK_SECRET_KEY": emulator.secret_key, "CLERK_API_URL": server.url},
        timeout=HANG_GUARD_S,
    )
    assert nobody.status == 1 and "no user with email address 'nobody@example.com'" in nobody.stderr


def test_as_excludes_the_other_sign_in_options(run: Run, server: EmulatorServer, emulator: Emulator) -> None:
    env = {"CLERK_SECRET_KEY": emulator.secret_key, "CLERK_API_URL": server.url}
    mixed = run("sign-in", "--as", "jane@example.com", "--password", "x", env=env, timeout=HANG_GUARD_S)
    assert mixed.status == 2 and "--password" in mixed.stderr
