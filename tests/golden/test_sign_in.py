"""Sign-in flows over HTTP: password in one call, email code, password as a first factor, second
factors (SMS, TOTP, backup code), password reset, sign-in tickets, and refusals that leave the client as
it was."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs

import pytest
from clerk_fapi import (
    ClerkAPIError,
    SessionStatus,
    SignInIncompleteError,
    SignInStatus,
    UnprocessableEntityError,
    VerificationStatus,
)

from . import constants as c
from .conftest import AnyClient, RequestLog, Stage, call

pytestmark = [pytest.mark.vcr, pytest.mark.block_network]


def form(request_log: RequestLog) -> dict[str, list[str]]:
    """The form fields of the last request sent."""
    return parse_qs(request_log.requests[-1].content.decode(), keep_blank_values=True)


def assert_signed_in(client: AnyClient, sign_in: Any, email: str) -> None:
    """A completed sign-in leaves its new, active session as the client's last active one."""
    assert sign_in.status == SignInStatus.COMPLETE and sign_in.is_complete
    assert sign_in.created_session_id is not None
    assert client.last_active_session_id == sign_in.created_session_id
    session = client.last_active_session
    assert session is not None and session.status == SessionStatus.ACTIVE
    assert session.user is not None and session.user.primary_email_address.email_address == email


async def test_sign_in_with_password_returns_the_new_active_session(client: AnyClient) -> None:
    session = await call(client.sign_in_with_password(c.JANE_EMAIL, c.PASSWORD))

    assert session.status == SessionStatus.ACTIVE
    assert client.last_active_session_id == session.id
    assert [s.id for s in client.active_sessions] == [session.id]
    assert session.user is not None and session.user.first_name == "Jane"
    assert session.public_user_data is not None and session.public_user_data.identifier == c.JANE_EMAIL


async def test_a_wrong_password_raises_and_leaves_the_client_as_it_was(client: AnyClient) -> None:
    await call(client.create())
    before = client.state

    with pytest.raises(UnprocessableEntityError) as raised:
        await call(client.sign_in_with_password(c.JANE_EMAIL, c.WRONG_PASSWORD))

    assert raised.value.status_code == 422 and raised.value.code == "form_password_incorrect"
    assert client.state is before
    assert c.WRONG_PASSWORD not in str(raised.value)


async def test_start_sign_in_with_identifier_and_password_completes_at_once(
    client: AnyClient, request_log: RequestLog
) -> None:
    sign_in = await call(client.start_sign_in(c.JOHN_EMAIL, password=c.PASSWORD))

    assert_signed_in(client, sign_in, c.JOHN_EMAIL)
    assert request_log.paths() == ["/v1/client/sign_ins"]
    assert form(request_log) == {"identifier": [c.JOHN_EMAIL], "password": [c.PASSWORD]}


async def test_email_code_first_factor_prepared_with_the_id_from_supported_factors(
    client: AnyClient, request_log: RequestLog
) -> None:
    sign_in = await call(client.start_sign_in(c.JANE_EMAIL))
    assert sign_in.status == SignInStatus.NEEDS_FIRST_FACTOR
    assert client.sign_in is not None and client.sign_in.id == sign_in.id
    reloaded = await call(sign_in.reload())
    assert reloaded.id == sign_in.id and reloaded.status == SignInStatus.NEEDS_FIRST_FACTOR

    prepared = await call(sign_in.prepare_first_factor("email_code"))

    factor = sign_in.first_factor("email_code")
    assert factor is not None and factor.email_address_id
    assert form(request_log) == {"strategy": ["email_code"], "email_address_id": [factor.email_address_id]}
    verification = prepared.first_factor_verification
    assert verification is not None and verification.strategy == "email_code"
    assert verification.status == VerificationStatus.UNVERIFIED
    assert client.sign_in is not None and client.sign_in.first_factor_verification == verification

    attempted = await call(prepared.attempt_first_factor("email_code", code=c.TEST_CODE))
    assert_signed_in(client, attempted, c.JANE_EMAIL)


async def test_password_first_factor_refuses_a_wrong_password_then_completes(client: AnyClient) -> None:
    sign_in = await call(client.start_sign_in(c.JOHN_EMAIL))
    assert sign_in.first_factor("password") is not None

    with pytest.raises(UnprocessableEntityError) as raised:
        await call(sign_in.attempt_first_factor("password", password=c.WRONG_PASSWORD))
    assert raised.value.code == "form_password_incorrect"
    assert client.sign_in is not None and client.sign_in.status == SignInStatus.NEEDS_FIRST_FACTOR

    attempted = await call(sign_in.attempt_first_factor("password", password=c.PASSWORD))
    assert_signed_in(client, attempted, c.JOHN_EMAIL)


async def test_sms_second_factor_after_sign_in_with_password_names_the_step(
    client: AnyClient, request_log: RequestLog
) -> None:
    with pytest.raises(SignInIncompleteError) as raised:
        await call(client.sign_in_with_password(c.SMS_MFA_EMAIL, c.PASSWORD))
    assert raised.value.status == SignInStatus.NEEDS_SECOND_FACTOR
    assert "second factor" in str(raised.value) and "phone_code" in str(raised.value)
    assert client.active_sessions == []
    sign_in = client.sign_in
    assert sign_in is not None and sign_in.status == SignInStatus.NEEDS_SECOND_FACTOR

    prepared = await call(sign_in.prepare_second_factor("phone_code"))
    factor = sign_in.second_factor("phone_code")
    assert factor is not None and form(request_log)["phone_number_id"] == [factor.phone_number_id]
    verification = prepared.second_factor_verification
    assert verification is not None and verification.strategy == "phone_code"
    assert verification.status == VerificationStatus.UNVERIFIED

    attempted = await call(prepared.attempt_second_factor("phone_code", code=c.TEST_CODE))
    assert_signed_in(client, attempted, c.SMS_MFA_EMAIL)


@pytest.mark.emulator_only
async def test_totp_second_factor_completes_the_sign_in(client: AnyClient, stage: Stage) -> None:
    sign_in = await call(client.start_sign_in(c.TOTP_EMAIL, password=c.PASSWORD))
    assert sign_in.status == SignInStatus.NEEDS_SECOND_FACTOR
    assert sign_in.second_factor("totp") is not None

    attempted = await call(sign_in.attempt_second_factor("totp", code=stage.totp_code()))

    assert_signed_in(client, attempted, c.TOTP_EMAIL)
    assert attempted.second_factor_verification.status == VerificationStatus.VERIFIED


@pytest.mark.emulator_only
async def test_backup_code_second_factor_completes_the_sign_in(client: AnyClient, kind: str) -> None:
    sign_in = await call(client.start_sign_in(c.BACKUP_EMAIL, password=c.PASSWORD))
    assert sign_in.second_factor("backup_code") is not None

    attempted = await call(sign_in.attempt_second_factor("backup_code", code=c.BACKUP_CODES[kind]))

    assert_signed_in(client, attempted, c.BACKUP_EMAIL)
    assert attempted.second_factor_verification.strategy == "backup_code"


async def test_reset_password_by_email_code_signs_in_with_the_new_password(
    new_client: Any, kind: str
) -> None:
    email = c.reset_email(kind)
    client = new_client()
    sign_in = await call(client.start_sign_in(email))
    prepared = await call(sign_in.prepare_first_factor("reset_password_email_code"))
    assert prepared.first_factor_verification.strategy == "reset_password_email_code"
    verified = await call(prepared.attempt_first_factor("reset_password_email_code", code=c.TEST_CODE))
    assert verified.status == SignInStatus.NEEDS_NEW_PASSWORD

    done = await call(verified.reset_password(c.NEW_PASSWORD, sign_out_of_other_sessions=True))

    assert_signed_in(client, done, email)
    other = new_client()
    with pytest.raises(UnprocessableEntityError):
        await call(other.sign_in_with_password(email, c.PASSWORD))
    session = await call(other.sign_in_with_password(email, c.NEW_PASSWORD))
    assert session.status == SessionStatus.ACTIVE and other.last_active_session_id == session.id


@pytest.mark.emulator_only
async def test_sign_in_ticket_completes_without_a_password(
    client: AnyClient, stage: Stage, request_log: RequestLog
) -> None:
    ticket = stage.sign_in_ticket(c.TICKET_EMAIL)

    sign_in = await call(client.start_sign_in(strategy="ticket", ticket=ticket))

    assert_signed_in(client, sign_in, c.TICKET_EMAIL)
    assert form(request_log) == {"strategy": ["ticket"], "ticket": [ticket]}


@pytest.mark.emulator_only
async def test_single_session_mode_refuses_a_second_sign_in(client: AnyClient, stage: Stage) -> None:
    with stage.single_session_mode():
        jane = await call(client.sign_in_with_password(c.JANE_EMAIL, c.PASSWORD))
        before = client.state
        with pytest.raises(ClerkAPIError) as raised:
            await call(client.sign_in_with_password(c.JOHN_EMAIL, c.PASSWORD))
    assert raised.value.code == "session_exists"
    assert client.state is before and client.last_active_session_id == jane.id
