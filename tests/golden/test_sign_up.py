"""Sign-up flows over HTTP: everything at once then the email and phone conveniences; step by step with
update / reload / the generic verification calls; a wrong code refused without touching the client."""

from __future__ import annotations

from urllib.parse import parse_qs

import pytest
from clerk_fapi import (
    SessionStatus,
    SignUpData,
    SignUpStatus,
    UnprocessableEntityError,
    VerificationStatus,
)

from . import constants as c
from .conftest import AnyClient, RequestLog, call

pytestmark = [pytest.mark.vcr, pytest.mark.block_network]


def assert_signed_up(client: AnyClient, sign_up: SignUpData, email: str) -> None:
    """A completed sign-up leaves its new user's active session as the client's last active one."""
    assert sign_up.status == SignUpStatus.COMPLETE
    session_id = sign_up.created_session_id
    assert session_id is not None and client.last_active_session_id == session_id
    session = client.last_active_session
    assert session is not None and session.status == SessionStatus.ACTIVE
    assert session.user is not None and session.user.id == sign_up.created_user_id
    assert session.user.primary_email_address.email_address == email
    assert client.sign_up is None  # the server clears the finished sign-up


async def test_sign_up_with_every_field_then_email_and_phone_codes(
    client: AnyClient, request_log: RequestLog, kind: str
) -> None:
    email, phone = c.sign_up_email("all-fields", kind), c.sign_up_phone(0, kind)
    sign_up = await call(
        client.start_sign_up(
            email_address=email,
            phone_number=phone,
            password=c.SIGN_UP_PASSWORD,
            first_name="Sam",
            last_name="Signup",
            legal_accepted=True,
        )
    )
    assert sign_up.status == SignUpStatus.MISSING_REQUIREMENTS
    assert sign_up.missing_fields == ()
    assert set(sign_up.unverified_fields) == {"email_address", "phone_number"}
    assert client.sign_up is not None and client.sign_up.id == sign_up.id

    sign_up = await call(sign_up.prepare_email_address_verification())
    assert sign_up.verifications.email_address is not None
    assert sign_up.verifications.email_address.status == VerificationStatus.UNVERIFIED
    sign_up = await call(sign_up.attempt_email_address_verification(c.TEST_CODE))
    assert sign_up.verifications.email_address.status == VerificationStatus.VERIFIED
    assert sign_up.unverified_fields == ("phone_number",)

    sign_up = await call(sign_up.prepare_phone_number_verification())
    assert parse_qs(request_log.requests[-1].content.decode()) == {"strategy": ["phone_code"]}
    sign_up = await call(sign_up.attempt_phone_number_verification(c.TEST_CODE))

    assert sign_up.verifications.phone_number.status == VerificationStatus.VERIFIED
    assert_signed_up(client, sign_up, email)
    user = client.last_active_session.user
    assert user.first_name == "Sam" and user.phone_numbers[0].phone_number == phone


async def test_sign_up_step_by_step_with_update_reload_and_generic_verification(
    client: AnyClient, request_log: RequestLog, kind: str
) -> None:
    email, phone = c.sign_up_email("step-by-step", kind), c.sign_up_phone(1, kind)
    sign_up = await call(client.start_sign_up(email_address=email))
    assert {"password", "first_name", "last_name", "phone_number"} <= set(sign_up.missing_fields)

    sign_up = await call(
        sign_up.update(
            phone_number=phone,
            password=c.SIGN_UP_PASSWORD,
            first_name="Step",
            last_name="Wise",
            legal_accepted=True,
            unsafe_metadata={"plan": "pro", "seats": 3},
        )
    )
    sent = parse_qs(request_log.requests[-1].content.decode())
    assert request_log.requests[-1].method == "PATCH"
    assert sent["unsafe_metadata"] == ['{"plan": "pro", "seats": 3}'] and sent["legal_accepted"] == ["true"]
    assert sign_up.missing_fields == () and sign_up.unsafe_metadata == {"plan": "pro", "seats": 3}
    reloaded = await call(sign_up.reload())
    assert reloaded.id == sign_up.id and reloaded.first_name == "Step"
    assert set(reloaded.unverified_fields) == {"email_address", "phone_number"}

    for strategy in ("email_code", "phone_code"):
        sign_up = await call(sign_up.prepare_verification(strategy))
        sign_up = await call(sign_up.attempt_verification(strategy, c.TEST_CODE))

    assert_signed_up(client, sign_up, email)
    assert client.last_active_session.user.unsafe_metadata == {"plan": "pro", "seats": 3}


async def test_a_wrong_code_is_refused_and_leaves_the_sign_up_as_it_was(client: AnyClient, kind: str) -> None:
    sign_up = await call(
        client.start_sign_up(
            email_address=c.sign_up_email("wrong-code", kind),
            phone_number=c.sign_up_phone(2, kind),
            password=c.SIGN_UP_PASSWORD,
            first_name="Wrong",
            last_name="Code",
            legal_accepted=True,
        )
    )
    sign_up = await call(sign_up.prepare_email_address_verification())
    before = client.state

    with pytest.raises(UnprocessableEntityError) as raised:
        await call(sign_up.attempt_email_address_verification(c.WRONG_CODE))

    assert raised.value.code == "form_code_incorrect"
    assert client.state is before
    assert client.sign_up is not None and client.sign_up.status == SignUpStatus.MISSING_REQUIREMENTS
    assert c.WRONG_CODE not in str(raised.value)
    sign_up = await call(sign_up.attempt_email_address_verification(c.TEST_CODE))
    assert sign_up.verifications.email_address.status == VerificationStatus.VERIFIED
