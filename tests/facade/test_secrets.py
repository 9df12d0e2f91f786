"""No secret (client token, dev-browser token, testing token, session JWT, password) in a repr,
an exception message or a log record, at any level of the ``clerk_fapi`` logger."""

from __future__ import annotations

import logging
from collections.abc import Callable

import pytest
from clerk_fapi import (
    ClerkConnectionError,
    MemoryTokenStore,
    ResponseParseError,
    ServerError,
    UnprocessableEntityError,
)
from clerk_fapi.testing import Emulator, SeededUser

from .conftest import PASSWORD, AnyClient, Recorder, call

TESTING_TOKEN = "tt_S3cr3tTestingTokenValue_0123456789"
PK_TEST = "pk_test_Zm9vLWJhci0xMy5jbGVyay5hY2NvdW50cy5kZXYk"


def _record_text(record: logging.LogRecord) -> str:
    return " ".join([record.getMessage(), str(record.args), str(record.exc_text or ""), str(record.exc_info)])


def _assert_clean(texts: list[str], secrets: set[str]) -> None:
    secrets = {s for s in secrets if s and len(s) >= 8}
    assert secrets, "the flow must have produced secrets to look for"
    for text in texts:
        for secret in secrets:
            assert secret not in text, f"a secret leaked into: {text[:200]!r}"


async def test_native_flow_with_failures_and_retries_leaks_no_secret(
    make_client: Callable[..., AnyClient],
    emu: Emulator,
    user: SeededUser,
    caplog: pytest.LogCaptureFixture,
) -> None:
    store = MemoryTokenStore()
    recorder = Recorder(emu.transport())
    client = make_client(transport=recorder, token_store=store, testing_token=TESTING_TOKEN)
    texts: list[str] = []
    with caplog.at_level(logging.DEBUG, logger="clerk_fapi"):
        await call(client.reload())
        await call(client.create())
        emu.inject_fault("/v1/client/sign_ins", status=429, retry_after=0)
        session = await call(client.sign_in_with_password(user.identifier, PASSWORD))
        jwt = await call(session.get_token())
        assert jwt and jwt.count(".") == 2
        emu.inject_fault("/v1/client", method="GET", status=503, times=1)
        emu.inject_fault("/v1/client", method="GET", drop_connection=True, times=1)
        await call(client.reload())
        for fault, raises in (
            ({"status": 500}, ServerError),
            ({"drop_connection": True}, ClerkConnectionError),
            ({"status": 200, "html": True}, ResponseParseError),
        ):
            emu.inject_fault("/v1/client", method="GET", times=5, **fault)
            with pytest.raises(raises) as info:
                await call(client.reload())
            texts += [str(info.value), repr(info.value), str(info.value.__cause__)]
            emu.clear_faults()
        # Another account: the signed-in one would be refused as already signed in, before its password.
        other = emu.add_user(email_addresses="john+clerk_test@example.com", password=PASSWORD)
        with pytest.raises(UnprocessableEntityError) as info:
            await call(client.sign_in_with_password(other.identifier, PASSWORD + "-wrong"))
        assert info.value.code == "form_password_incorrect"
        texts += [str(info.value), repr(info.value)]
        texts += [repr(client), str(client), repr(client.sessions), repr(client.last_active_session)]
        texts += [repr(client.state), repr(session), repr(store)]
        await call(client.destroy())
    assert any(r.levelno == logging.WARNING for r in caplog.records), "retries should have been logged"
    texts += [_record_text(r) for r in caplog.records]
    client_tokens = {r.headers.get("authorization", "") for r in recorder.responses}
    _assert_clean(texts, {*client_tokens, TESTING_TOKEN, jwt, PASSWORD, PASSWORD + "-wrong"})


async def test_dev_browser_flow_leaks_no_secret(
    make_client: Callable[..., AnyClient], emu: Emulator, caplog: pytest.LogCaptureFixture
) -> None:
    store = MemoryTokenStore(dev_browser="dvb_a_stale_dev_browser_token_0123456789")
    client = make_client(
        frontend_api=None,
        publishable_key=PK_TEST,
        mode="browser",
        transport=emu.transport(),
        token_store=store,
        testing_token=TESTING_TOKEN,
    )
    texts: list[str] = []
    with caplog.at_level(logging.DEBUG, logger="clerk_fapi"):
        await call(client.create())  # 401 dev_browser_unauthenticated, a new dev browser, then success
        new_dev_browser = store.get("dev_browser")
        emu.inject_fault("/v1/client", method="GET", drop_connection=True, times=5)
        with pytest.raises(ClerkConnectionError) as info:
            await call(client.reload())
        texts += [str(info.value), repr(info.value), str(info.value.__cause__)]
        texts += [repr(client), repr(store)]
    texts += [_record_text(r) for r in caplog.records]
    assert caplog.records, "the dev-browser refresh and the retries should have been logged"
    secrets = {"dvb_a_stale_dev_browser_token_0123456789", new_dev_browser or "", TESTING_TOKEN}
    _assert_clean(texts, secrets)


def test_invalid_publishable_key_is_not_in_the_error() -> None:
    from clerk_fapi import Client, ConfigurationError

    key = "pk_live_" + "c2VjcmV0LXNlY3JldC1zZWNyZXQtbm8tZG90JA"
    with pytest.raises(ConfigurationError) as info:
        Client(publishable_key=key)
    assert key not in str(info.value)
    assert key[8:] not in str(info.value)
