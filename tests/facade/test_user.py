"""The signed-in user (``session.user``, ``client.user``) and its /v1/me calls, sync and async, over real
loopback HTTP against the emulator: profile and metadata, email addresses and phone numbers, the password,
TOTP and backup codes, reverification, deleting the account; every call names its session and the client
follows the piggybacked answer."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any
from urllib.parse import parse_qs

import httpx
import pytest
from clerk_fapi import (
    AsyncUser,
    DeletedObject,
    EmailAddress,
    PhoneNumber,
    ReverificationRequiredError,
    SignInIncompleteError,
    UnprocessableEntityError,
    User,
)
from clerk_fapi.testing import Emulator, EmulatorServer, SeededUser, totp_code

from .conftest import PASSWORD, AnyClient, Recorder, call

EMAIL = "ada+clerk_test@example.com"
SECOND_EMAIL = "ada.work+clerk_test@example.com"
PHONE = "+15555550142"
TEST_CODE = "424242"
NEW_PASSWORD = "An0ther-Long-Passphrase-77"


@pytest.fixture
def server(emu: Emulator) -> Iterator[EmulatorServer]:
    with emu.serve(port=0) as served:
        yield served


@pytest.fixture
def ada(emu: Emulator) -> SeededUser:
    return emu.add_user(email_addresses=EMAIL, password=PASSWORD, first_name="Ada", last_name="Lovelace")


@pytest.fixture
async def loopback(
    kind: str, server: EmulatorServer, make_client: Callable[..., AnyClient]
) -> AsyncIterator[tuple[AnyClient, Recorder]]:
    """A client of the parametrized kind talking HTTP to the emulator on 127.0.0.1, its requests kept."""
    transport = Recorder(httpx.HTTPTransport() if kind == "sync" else httpx.AsyncHTTPTransport())
    yield make_client(frontend_api=server.url, transport=transport), transport


async def signed_in(client: AnyClient, identifier: str = EMAIL, password: str = PASSWORD) -> Any:
    """Sign in with a password; the session's user."""
    session = await call(client.sign_in_with_password(identifier, password))
    assert session.user is not None
    return session.user


def form_of(request: httpx.Request) -> dict[str, list[str]]:
    return parse_qs(request.content.decode(), keep_blank_values=True)


async def test_the_user_is_typed_and_every_call_names_its_session(
    loopback: tuple[AnyClient, Recorder], ada: SeededUser, kind: str
) -> None:
    client, recorder = loopback
    user = await signed_in(client)
    assert isinstance(user, User if kind == "sync" else AsyncUser)
    assert isinstance(client.user, type(user)) and client.user.id == ada.id
    session_id = client.last_active_session_id
    assert user.session_id == session_id

    reloaded = await call(user.reload())
    assert (reloaded.id, reloaded.first_name, reloaded.primary_email_address.email_address) == (
        ada.id,
        "Ada",
        EMAIL,
    )
    request = recorder.requests[-1]
    assert (request.method, request.url.path) == ("GET", "/v1/me")
    assert request.url.params["_clerk_session_id"] == session_id
    assert "organization_memberships" in reloaded.extra  # a key the read model has no attribute for, kept


async def test_update_sends_only_the_fields_given_and_the_client_follows(
    loopback: tuple[AnyClient, Recorder], ada: SeededUser
) -> None:
    client, recorder = loopback
    user = await signed_in(client)

    renamed = await call(user.update(first_name="Augusta"))
    assert form_of(recorder.requests[-1]) == {"first_name": ["Augusta"]}
    assert recorder.requests[-1].url.params["_clerk_session_id"] == user.session_id
    assert (renamed.first_name, renamed.last_name) == ("Augusta", "Lovelace")
    # The piggybacked client was applied (the session's user changed) and the rotated token kept.
    assert client.user is not None and client.user.first_name == "Augusta"
    rotated = recorder.responses[-1].headers["authorization"]
    assert rotated and rotated != recorder.requests[-1].headers["authorization"]

    cleared = await call(renamed.update(last_name=None))
    assert form_of(recorder.requests[-1]) == {"last_name": [""]}
    assert (cleared.first_name, cleared.last_name) == ("Augusta", None)
    assert recorder.requests[-1].headers["authorization"] == rotated


async def test_update_metadata_is_a_deep_merge_patch(
    loopback: tuple[AnyClient, Recorder], ada: SeededUser
) -> None:
    client, recorder = loopback
    user = await signed_in(client)
    user = await call(user.update_metadata({"theme": {"mode": "dark", "size": 12}, "beta": True}))
    assert recorder.requests[-1].url.path == "/v1/me/metadata"
    user = await call(user.update_metadata({"theme": {"size": None, "font": "serif"}, "beta": None}))
    assert user.unsafe_metadata == {"theme": {"mode": "dark", "font": "serif"}}
    assert client.user is not None and client.user.unsafe_metadata == user.unsafe_metadata


async def test_add_verify_make_primary_and_delete_an_email_address_and_a_phone_number(
    loopback: tuple[AnyClient, Recorder], ada: SeededUser
) -> None:
    client, _ = loopback
    user = await signed_in(client)
    first_email_id = user.primary_email_address_id

    email = await call(user.create_email_address(SECOND_EMAIL))
    assert isinstance(email, EmailAddress) and email.email_address == SECOND_EMAIL
    assert email.verification is None  # nothing prepared yet, as Clerk answers
    email = await call(user.prepare_email_address_verification(email.id))
    assert email.verification is not None and email.verification.status == "unverified"
    email = await call(user.attempt_email_address_verification(email.id, TEST_CODE))
    assert email.verification is not None and email.verification.is_verified
    user = await call(user.update(primary_email_address_id=email.id))
    assert user.primary_email_address is not None and user.primary_email_address.email_address == SECOND_EMAIL
    deleted = await call(user.delete_email_address(first_email_id))
    assert deleted == DeletedObject(object="email_address", id=first_email_id, deleted=True)
    assert client.user is not None
    assert [e.email_address for e in client.user.email_addresses] == [SECOND_EMAIL]

    phone = await call(user.create_phone_number(PHONE))
    assert isinstance(phone, PhoneNumber) and phone.verification is None
    await call(user.prepare_phone_number_verification(phone.id))
    phone = await call(user.attempt_phone_number_verification(phone.id, TEST_CODE))
    assert phone.verification is not None and phone.verification.is_verified
    user = await call(user.reload())
    assert user.primary_phone_number_id == phone.id  # the first verified phone becomes primary
    deleted = await call(user.delete_phone_number(phone.id))
    assert (deleted.object, deleted.id, deleted.deleted) == ("phone_number", phone.id, True)
    assert client.user is not None and client.user.phone_numbers == ()


async def test_a_wrong_code_is_a_typed_error_and_changes_nothing(
    loopback: tuple[AnyClient, Recorder], ada: SeededUser
) -> None:
    client, _ = loopback
    user = await signed_in(client)
    email = await call(user.create_email_address(SECOND_EMAIL))
    await call(user.prepare_email_address_verification(email.id))
    with pytest.raises(UnprocessableEntityError) as caught:
        await call(user.attempt_email_address_verification(email.id, "000000"))
    assert caught.value.code == "form_code_incorrect"
    assert "000000" not in str(caught.value)
    with pytest.raises(UnprocessableEntityError, match="form_param_value_invalid"):
        await call(user.update(primary_email_address_id=email.id))  # not verified
    reloaded = await call(user.reload())
    assert reloaded.primary_email_address_id == user.primary_email_address_id


async def test_change_password_keeps_the_passwords_out_of_reprs_errors_and_logs(
    loopback: tuple[AnyClient, Recorder],
    ada: SeededUser,
    make_client: Callable[..., AnyClient],
    server: EmulatorServer,
    caplog: pytest.LogCaptureFixture,
) -> None:
    client, recorder = loopback
    caplog.set_level(logging.DEBUG)
    user = await signed_in(client)
    with pytest.raises(UnprocessableEntityError) as caught:
        await call(user.change_password(NEW_PASSWORD, current_password="Not-The-Password-1"))
    assert caught.value.code == "form_password_incorrect"
    changed = await call(user.change_password(NEW_PASSWORD, current_password=PASSWORD))
    assert form_of(recorder.requests[-1]).keys() == {"new_password", "current_password"}
    assert changed.password_enabled is True
    for text in (str(caught.value), repr(caught.value), repr(changed), repr(user), caplog.text):
        assert NEW_PASSWORD not in text and PASSWORD not in text and "Not-The-Password-1" not in text

    other = make_client(frontend_api=server.url)
    assert (await signed_in(other, EMAIL, NEW_PASSWORD)).id == ada.id
    with pytest.raises(UnprocessableEntityError):
        await call(make_client(frontend_api=server.url).sign_in_with_password(EMAIL, PASSWORD))


async def test_totp_enrolment_then_sign_in_with_password_and_totp(
    loopback: tuple[AnyClient, Recorder], ada: SeededUser, emu: Emulator
) -> None:
    client, _ = loopback
    user = await signed_in(client)
    totp = await call(user.create_totp())
    assert totp.secret and totp.uri and totp.uri.startswith("otpauth://totp/")
    assert totp.secret in totp.uri and totp.verified is False
    assert totp.secret not in repr(totp)
    wrong = "000000" if emu.totp_code(totp.secret) != "000000" else "111111"
    with pytest.raises(UnprocessableEntityError, match="form_code_incorrect"):
        await call(user.verify_totp(wrong))
    assert client.user is not None and not client.user.totp_enabled
    verified = await call(user.verify_totp(emu.totp_code(totp.secret)))
    assert verified.verified is True and verified.secret is None
    assert client.user is not None and client.user.totp_enabled and client.user.two_factor_enabled

    await call(client.sign_out())
    assert client.user is None
    with pytest.raises(SignInIncompleteError) as caught:
        await call(client.sign_in_with_password(EMAIL, PASSWORD))
    assert caught.value.status == "needs_second_factor"
    sign_in = client.sign_in
    assert sign_in is not None and sign_in.second_factor("totp") is not None
    done = await call(sign_in.attempt_second_factor("totp", code=emu.totp_code(totp.secret)))
    assert done.status == "complete"
    assert client.user is not None and client.user.id == ada.id

    deleted = await call(client.user.delete_totp())
    assert (deleted.object, deleted.deleted) == ("totp", True)
    assert client.user is not None and not client.user.totp_enabled


async def test_backup_codes_work_once_as_a_second_factor(
    loopback: tuple[AnyClient, Recorder], ada: SeededUser, emu: Emulator
) -> None:
    client, _ = loopback
    user = await signed_in(client)
    totp = await call(user.create_totp())
    assert totp.secret is not None
    await call(user.verify_totp(emu.totp_code(totp.secret)))
    codes = await call(user.create_backup_codes())
    assert len(codes.codes) == 10 and len(set(codes.codes)) == 10
    assert not any(code in repr(codes) for code in codes.codes)
    assert client.user is not None and client.user.backup_code_enabled

    for attempt in range(2):
        await call(client.sign_out())
        with pytest.raises(SignInIncompleteError):
            await call(client.sign_in_with_password(EMAIL, PASSWORD))
        sign_in = client.sign_in
        assert sign_in is not None
        if attempt == 0:
            done = await call(sign_in.attempt_second_factor("backup_code", code=codes.codes[0]))
            assert done.status == "complete"
        else:
            with pytest.raises(UnprocessableEntityError, match="form_code_incorrect"):
                await call(sign_in.attempt_second_factor("backup_code", code=codes.codes[0]))


async def test_an_old_verification_asks_for_reverification_at_the_first_factor(
    loopback: tuple[AnyClient, Recorder], ada: SeededUser, emu: Emulator
) -> None:
    client, _ = loopback
    emu.reverification_max_age = 10
    user = await signed_in(client)
    await call(user.create_email_address(SECOND_EMAIL))  # fresh: allowed
    emu.clock.advance(11 * 60)
    with pytest.raises(ReverificationRequiredError) as caught:
        await call(user.create_email_address("third+clerk_test@example.com"))
    assert (caught.value.status_code, caught.value.level, caught.value.after_minutes) == (
        403,
        "first_factor",
        10,
    )
    assert (await call(user.update(first_name="Augusta"))).first_name == "Augusta"  # not sensitive

    session = client.last_active_session
    assert session is not None
    started = await call(session.start_verification(caught.value.level))
    assert (started.level, started.status) == ("first_factor", "needs_first_factor")
    assert started.first_factor("password") is not None
    done = await call(session.attempt_first_factor_verification("password", password=PASSWORD))
    assert done.is_complete and done.session is not None and done.session.id == session.id
    email = await call(user.create_email_address("third+clerk_test@example.com"))
    assert email.email_address == "third+clerk_test@example.com"


async def test_reverification_of_a_user_with_totp_takes_the_second_factor(
    loopback: tuple[AnyClient, Recorder], emu: Emulator
) -> None:
    client, _ = loopback
    seeded = emu.add_user(email_addresses=EMAIL, password=PASSWORD, totp_secret=True)
    assert seeded.totp_secret is not None
    emu.reverification_max_age = 5
    with pytest.raises(SignInIncompleteError):
        await call(client.sign_in_with_password(EMAIL, PASSWORD))
    assert client.sign_in is not None
    await call(client.sign_in.attempt_second_factor("totp", code=emu.totp_code(seeded.totp_secret)))
    emu.clock.advance(6 * 60)
    user = client.user
    assert user is not None
    with pytest.raises(ReverificationRequiredError) as caught:
        await call(user.change_password(NEW_PASSWORD, current_password=PASSWORD))
    assert caught.value.level == "second_factor"
    session = client.last_active_session
    assert session is not None
    started = await call(session.start_verification("second_factor"))
    assert started.status == "needs_second_factor" and started.second_factor("totp") is not None
    done = await call(
        session.attempt_second_factor_verification("totp", emu.totp_code(seeded.totp_secret, offset_steps=1))
    )
    assert done.is_complete
    assert (await call(user.change_password(NEW_PASSWORD, current_password=PASSWORD))).id == seeded.id


async def test_deleting_the_user_ends_its_session(
    loopback: tuple[AnyClient, Recorder], ada: SeededUser
) -> None:
    client, _ = loopback
    user = await signed_in(client)
    deleted = await call(user.delete())
    assert deleted == DeletedObject(object="user", id=ada.id, deleted=True)
    assert client.user is None and client.signed_in_sessions == []


async def test_calls_without_a_session_are_refused_before_sending(
    loopback: tuple[AnyClient, Recorder],
) -> None:
    from clerk_fapi import ConfigurationError

    client, recorder = loopback
    assert client.user is None
    from clerk_fapi._ops import user as user_ops

    with pytest.raises(ConfigurationError, match="session"):
        await call(client._run(user_ops.get(client, "")))
    assert recorder.requests == []


def test_totp_code_follows_rfc_6238() -> None:
    # RFC 6238 appendix B: the SHA-1 key "12345678901234567890" at T=59 s gives 94287082 (8 digits).
    secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
    assert totp_code(secret, at=59) == "287082"
    assert totp_code(secret, at=1111111109) == "081804"
    assert len(totp_code(secret)) == 6
