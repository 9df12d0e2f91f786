"""Every identity, password and code the cassette tests use, in one place.

The tests import them from here, and ``test_cassettes_hold_no_secrets`` scans every cassette for each
secret below, so a scrubbing gap shows up as a failing test rather than as a leaked value.
"""

from __future__ import annotations

from typing import Final

# ----- identities seeded on the emulator (and expected on a real instance, see conftest.py) -----------
JANE_EMAIL: Final = "jane+clerk_test@example.com"
JANE_PHONE: Final = "+15555550100"
JOHN_EMAIL: Final = "john+clerk_test@example.com"
TOTP_EMAIL: Final = "totp+clerk_test@example.com"
BACKUP_EMAIL: Final = "backup+clerk_test@example.com"
SMS_MFA_EMAIL: Final = "sms-mfa+clerk_test@example.com"
SMS_MFA_PHONE: Final = "+15555550101"
TICKET_EMAIL: Final = "ticket+clerk_test@example.com"


def reset_email(kind: str) -> str:
    """The user whose password the reset-password test changes (one per shell: it changes state)."""
    return f"reset-{kind}+clerk_test@example.com"


def sign_up_email(test: str, kind: str) -> str:
    return f"signup-{test}-{kind}+clerk_test@example.com"


def sign_up_phone(test_index: int, kind: str) -> str:
    """A fictional +1 XXX 555-01XX number (verifies with the test code); unique per test and shell."""
    return f"+1555555{110 + 2 * test_index + (kind == 'async'):04d}"


ORG_NAME: Final = "Acme Cassettes"
ORG_SLUG: Final = "acme-cassettes"
TEMPLATE: Final = "cassette-template"
SHORT_TEMPLATE: Final = "cassette-short"
# Just above the cache's 10 s leeway: a token of this template is served from the cache for ~1 s.
SHORT_TEMPLATE_LIFETIME: Final = 11

# ----- secrets: scrubbed from every cassette, and scanned for ----------------------------------------
PASSWORD: Final = "Cassette-Pass-7Kq2-Jane"
NEW_PASSWORD: Final = "Cassette-Reset-9Wd4-New"
SIGN_UP_PASSWORD: Final = "Cassette-SignUp-3Hx8-Pw"
WRONG_PASSWORD: Final = "Cassette-Wrong-5Tz1-Pw"
TEST_CODE: Final = "424242"  # the fixed code of +clerk_test emails and 555-01XX phones
WRONG_CODE: Final = "135790"
TOTP_SECRET: Final = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU"
BACKUP_CODES: Final = {"sync": "bkq7x2m9", "async": "bkz4w8n3"}
# What the emulator recordings send as the testing token (a real one comes from CLERK_TESTING_TOKEN).
FAKE_TESTING_TOKEN: Final = "ttk-cassette-fake-3f9a7c1e5d"

SECRETS: Final[tuple[str, ...]] = (
    PASSWORD,
    NEW_PASSWORD,
    SIGN_UP_PASSWORD,
    WRONG_PASSWORD,
    TEST_CODE,
    WRONG_CODE,
    TOTP_SECRET,
    *BACKUP_CODES.values(),
    FAKE_TESTING_TOKEN,
)
