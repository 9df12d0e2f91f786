"""`clerk-fapi sign-up`: every field the instance requires, email and phone verification, resuming."""

from __future__ import annotations

from clerk_fapi.testing import DEFAULT_SIGN_UP_REQUIRED, Emulator

from .conftest import Run

EMAIL = "ada+clerk_test@example.com"
PHONE = "+15555550142"
SIGN_UP_KEYS = {
    "id",
    "status",
    "email_address",
    "phone_number",
    "username",
    "missing_fields",
    "unverified_fields",
    "created_session_id",
    "created_user_id",
}
EVERYTHING = (
    "--email",
    EMAIL,
    "--phone",
    PHONE,
    "--password",
    "analytical-engine-1843",
    "--first-name",
    "Ada",
    "--last-name",
    "Lovelace",
    "--legal-accepted",
    "--code",
    "424242",
)


def test_the_options_cover_the_default_instance() -> None:
    assert set(DEFAULT_SIGN_UP_REQUIRED) <= {
        "email_address",
        "phone_number",
        "password",
        "first_name",
        "last_name",
        "legal_accepted",
        "username",
    }


def test_sign_up_with_every_option(run: Run) -> None:
    result = run("--json", "sign-up", *EVERYTHING)
    assert result.status == 0, result.stderr
    data = result.json()
    assert set(data) == {"client_id", "sign_up", "session"}
    assert set(data["sign_up"]) == SIGN_UP_KEYS
    assert data["sign_up"]["status"] == "complete"
    assert data["sign_up"]["unverified_fields"] == [] and data["sign_up"]["missing_fields"] == []
    session = data["session"]
    assert session["id"] == data["sign_up"]["created_session_id"]
    assert session["user_id"] == data["sign_up"]["created_user_id"]
    assert session["status"] == "active" and session["last_active"] is True
    assert "analytical-engine-1843" not in result.stdout + result.stderr
    # The new session is there on the next run, and gives tokens.
    assert run("--json", "status").json()["last_active_session_id"] == session["id"]
    assert run("token").status == 0


def test_sign_up_human_output(run: Run) -> None:
    result = run("sign-up", *EVERYTHING)
    assert result.status == 0, result.stderr
    assert "Signed up" in result.stdout and EMAIL in result.stdout and "Ada Lovelace" in result.stdout
    assert f"a verification code was sent to {EMAIL}" in result.stderr
    assert f"a verification code was sent to {PHONE}" in result.stderr


def test_missing_fields_without_a_terminal_then_resume(run: Run) -> None:
    first = run("sign-up", "--email", EMAIL, "--password", "analytical-engine-1843", "--code", "424242")
    assert first.status == 2
    for option in ("--phone", "--first-name", "--last-name", "--legal-accepted"):
        assert option in first.stderr
    in_progress = run("--json", "status").json()["sign_up"]
    assert in_progress["status"] == "missing_requirements" and in_progress["email_address"] == EMAIL

    # A second run with the rest goes on with the sign-up in progress.
    second = run(
        "--json",
        "sign-up",
        "--phone",
        PHONE,
        "--first-name",
        "Ada",
        "--last-name",
        "Lovelace",
        "--legal-accepted",
        "--code",
        "424242",
    )
    assert second.status == 0, second.stderr
    assert second.stderr == ""  # progress lines are for humans, not --json runs
    data = second.json()["sign_up"]
    assert data["id"] == in_progress["id"]
    assert data["status"] == "complete" and data["email_address"] == EMAIL and data["phone_number"] == PHONE


def test_another_email_starts_a_new_sign_up(run: Run, emulator: Emulator) -> None:
    emulator.sign_up_required = {"email_address", "first_name"}
    first = run("--json", "sign-up", "--email", EMAIL)
    assert first.status == 2
    old = run("--json", "status").json()["sign_up"]["id"]
    other = run(
        "--json",
        "sign-up",
        "--email",
        "bob+clerk_test@example.com",
        "--first-name",
        "Bob",
        "--code",
        "424242",
    )
    assert other.status == 0, other.stderr
    assert other.json()["sign_up"]["id"] != old
    assert other.json()["sign_up"]["email_address"] == "bob+clerk_test@example.com"


def test_a_sign_up_in_progress_is_continued(run: Run, emulator: Emulator) -> None:
    emulator.sign_up_required = {"email_address", "password", "first_name"}
    started = run("sign-up", "--email", EMAIL, "--password", "analytical-engine-1843")
    assert started.status == 2 and "--first-name" in started.stderr
    continued = run("sign-up", "--first-name", "Ada", "--code", "424242")
    assert continued.status == 0, continued.stderr
    assert "continuing sign-up" in continued.stderr and "Signed up" in continued.stdout
    data = run("--json", "status").json()
    assert data["sign_up"] is None
    [session] = data["sessions"]
    assert session["identifier"] == EMAIL and session["first_name"] == "Ada"


def test_a_sign_up_in_progress_continued_json(run: Run, emulator: Emulator) -> None:
    emulator.sign_up_required = {"email_address", "password", "first_name"}
    assert run("sign-up", "--email", EMAIL, "--password", "analytical-engine-1843").status == 2
    continued = run("--json", "sign-up", "--email", EMAIL, "--first-name", "Ada", "--code", "424242")
    assert continued.status == 0, continued.stderr
    data = continued.json()
    assert data["sign_up"]["email_address"] == EMAIL and data["sign_up"]["status"] == "complete"


def test_a_code_for_a_real_address_resumes_in_a_second_run(run: Run, emulator: Emulator) -> None:
    emulator.sign_up_required = {"email_address"}
    email = "grace@example.com"  # not a test identity
    first = run("sign-up", "--email", email)
    assert first.status == 2
    assert f"a verification code was sent to {email}" in first.stderr and "--code is required" in first.stderr
    code = emulator.last_code(email)
    assert code is not None
    done = run("--json", "sign-up", "--code", code)
    assert done.status == 0, done.stderr
    assert done.json()["sign_up"]["status"] == "complete"
    assert len([c for c in emulator.sent_codes if c.to == email]) == 1  # not sent a second time


def test_no_identifier_without_a_terminal(run: Run) -> None:
    result = run("sign-up")
    assert result.status == 2
    assert "--email is required" in result.stderr


def test_wrong_code(run: Run) -> None:
    args = list(EVERYTHING)
    args[args.index("424242")] = "111111"
    result = run("sign-up", *args)
    assert result.status == 1
    assert "form_code_incorrect" in result.stderr


def test_a_taken_email(run: Run, emulator: Emulator) -> None:
    emulator.add_user(email_addresses=EMAIL, password="whatever-password-1")
    result = run("--json", "sign-up", *EVERYTHING)
    assert result.status == 1
    assert result.error()["code"] == "form_identifier_exists"


def test_a_short_password(run: Run) -> None:
    args = list(EVERYTHING)
    args[args.index("analytical-engine-1843")] = "short"
    result = run("sign-up", *args)
    assert result.status == 1
    assert "form_password_length_too_short" in result.stderr
