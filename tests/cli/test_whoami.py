"""``clerk-fapi whoami``: the signed-in user fetched fresh from /v1/me, as a table and as JSON."""

from __future__ import annotations

from clerk_fapi.testing import Emulator, SeededUser

from .conftest import JANE, PASSWORD, Run


def test_whoami_json_shows_the_user_emails_phones_factors_and_organization(
    run: Run, emulator: Emulator
) -> None:
    user = emulator.add_user(
        email_addresses=["ada+clerk_test@example.com", "ada.work+clerk_test@example.com"],
        phone_numbers="+15555550142",
        password=PASSWORD,
        first_name="Ada",
        last_name="Lovelace",
        backup_codes=True,
    )
    emulator.add_organization("Analytical Engines", "engines", members={user.id: "org:admin"})
    assert run("sign-in", "--identifier", "ada+clerk_test@example.com", "--password", PASSWORD).status == 0
    emulator.add_user(email_addresses="other+clerk_test@example.com")  # someone else: never shown

    result = run("--json", "whoami")
    assert result.status == 0, result.stderr
    data = result.json()
    assert (data["user_id"], data["first_name"], data["last_name"]) == (user.id, "Ada", "Lovelace")
    assert data["primary_email_address"] == "ada+clerk_test@example.com"
    assert [(e["email_address"], e["status"], e["primary"]) for e in data["email_addresses"]] == [
        ("ada+clerk_test@example.com", "verified", True),
        ("ada.work+clerk_test@example.com", "verified", False),
    ]
    assert [(p["phone_number"], p["primary"]) for p in data["phone_numbers"]] == [("+15555550142", True)]
    assert data["second_factors"] == {"totp": False, "backup_code": True, "phone_code": []}
    assert data["active_organization_id"] is None  # a member, but the session is on the personal account
    assert data["session_id"].startswith("sess_")


def test_whoami_table_after_a_new_name(run: Run, jane: SeededUser, emulator: Emulator) -> None:
    assert run("sign-in", "--identifier", JANE, "--password", PASSWORD).status == 0
    result = run("whoami")
    assert result.status == 0, result.stderr
    assert "Jane Doe" in result.stdout and jane.id in result.stdout
    assert JANE in result.stdout and "verified" in result.stdout
    assert "Second factors  none" in result.stdout and "personal account" in result.stdout


def test_whoami_without_a_session_fails_clearly(run: Run) -> None:
    result = run("--json", "whoami")
    assert result.status != 0
    assert "sign in first" in result.error()["message"]
