"""`clerk_fapi.backend`: testing tokens and sign-in-as through `clerk-backend-api`, against the emulator's
Backend API on loopback; and the secret key never leaks (repr, errors, logs at any level)."""

from __future__ import annotations

import builtins
import logging
from typing import Any

import pytest
from clerk_fapi import Client
from clerk_fapi.backend import (
    Backend,
    BackendExtraMissingError,
    SecretKeyMissingError,
    SecretKeyRejectedError,
    UserNotFoundError,
    sign_in_as,
)
from clerk_fapi.backend import testing_token as new_testing_token
from clerk_fapi.testing import Emulator, EmulatorServer, SeededUser

from .conftest import SECRET_KEY


def test_testing_token_from_the_environment(
    server: EmulatorServer, monkeypatch: pytest.MonkeyPatch, emulator: Emulator
) -> None:
    monkeypatch.setenv("CLERK_SECRET_KEY", SECRET_KEY)
    monkeypatch.setenv("CLERK_API_URL", server.url)
    token = new_testing_token()
    with Client(frontend_api=server.url, testing_token=token) as client:
        client.reload()
    assert emulator.testing_token_requests >= 1


def test_sign_in_as_by_email_and_by_id(server: EmulatorServer, jane: SeededUser, emulator: Emulator) -> None:
    client = sign_in_as(
        "JANE@example.com", secret_key=SECRET_KEY, api_url=server.url, frontend_api=server.url
    )
    with client:
        session = client.last_active_session
        assert session is not None and session.user is not None and session.user.id == jane.id
        assert session.get_token()
    # The new client sent a testing token with its requests, as @clerk/testing does.
    assert emulator.testing_token_requests >= 1
    with Backend(SECRET_KEY, api_url=server.url + "/v1/") as backend, Client(frontend_api=server.url) as mine:
        assert backend.sign_in_as(jane.id, client=mine) is mine
        assert [s.user.id for s in mine.sessions if s.user] == [jane.id]


def test_unknown_user_is_a_typed_error(server: EmulatorServer) -> None:
    with (
        Backend(SECRET_KEY, api_url=server.url) as backend,
        pytest.raises(UserNotFoundError, match="nobody@"),
    ):
        backend.sign_in_as("nobody@example.com", frontend_api=server.url)


def test_missing_or_malformed_key_is_a_typed_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CLERK_SECRET_KEY", raising=False)
    with pytest.raises(SecretKeyMissingError, match="CLERK_SECRET_KEY"):
        Backend()
    monkeypatch.setenv("CLERK_SECRET_KEY", "pk_test_not_a_secret_key")
    with pytest.raises(SecretKeyMissingError) as caught:
        Backend()
    assert "pk_test_not_a_secret_key" not in str(caught.value)


def test_missing_extra_is_a_typed_error(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_sdk(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "clerk_backend_api" or name.startswith("clerk_backend_api."):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_sdk)
    with pytest.raises(BackendExtraMissingError, match=r"clerk-fapi\[backend\]"):
        Backend(SECRET_KEY)


def test_the_secret_key_never_leaks(
    server: EmulatorServer, jane: SeededUser, caplog: pytest.LogCaptureFixture
) -> None:
    wrong = "sk_test_wrong_but_still_secret_42"
    caplog.set_level(logging.DEBUG)  # the root logger: httpx, httpcore, the SDK, this library
    seen: list[str] = []
    with Backend(SECRET_KEY, api_url=server.url) as backend:
        seen.append(repr(backend))
        token = backend.testing_token()
        seen.append(repr(token))
        assert token.token not in repr(token)
        client = backend.sign_in_as("jane@example.com", frontend_api=server.url)
        client.close()
    with Backend(wrong, api_url=server.url) as refused, pytest.raises(SecretKeyRejectedError) as caught:
        refused.testing_token()
    seen += [str(caught.value), repr(caught.value), repr(refused)]
    # No SDK exception is chained: its raw_response holds the request, Authorization header and all.
    assert caught.value.__cause__ is None and caught.value.__context__ is None
    seen += [r.getMessage() for r in caught_records(caplog)]
    assert any("HTTP Request" in line for line in seen), "the logs were not captured"
    for text in seen:
        assert SECRET_KEY not in text and wrong not in text, text


def caught_records(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    records = list(caplog.records)
    assert records, "nothing was logged at DEBUG: the check would prove nothing"
    return records
