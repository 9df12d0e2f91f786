"""A failed call leaves the client exactly as it was; a token rotated on an error answer is not lost."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest
from clerk_fapi import (
    ClerkConnectionError,
    ClerkError,
    MemoryTokenStore,
    RateLimitError,
    ResponseParseError,
    ServerError,
    UnprocessableEntityError,
)
from clerk_fapi.testing import Emulator, SeededUser

from .conftest import BASE_URL, PASSWORD, AnyClient, Recorder, call, sign_in_on_the_side

FAILURES: dict[str, dict[str, Any]] = {
    "server_error": {"status": 500},
    "unprocessable": {"status": 422},
    "rate_limited": {"status": 429, "retry_after": 0},
    "html": {"status": 200, "html": True},
    "truncated_json": {"status": 200, "body": '{"response": {"object": "client", "id": "cli'},
    "wrong_shape": {"status": 200, "body": {"response": {"no_id": 1}}},
    "nested_wrong_shape": {
        "status": 200,
        "body": {"response": {"object": "client", "id": "c", "sessions": [{"id": "s"}]}},
    },
    "dropped_connection": {"drop_connection": True},
    "truncated_by_connection": {"truncate": True},
    # Not JSON-null and not a client: must not be read as "the device has no client".
    "no_response_key": {"status": 200, "body": {}},
}
# The error each failure raises, whichever call it hits.
RAISES: dict[str, type[ClerkError]] = {
    "server_error": ServerError,
    "unprocessable": UnprocessableEntityError,
    "rate_limited": RateLimitError,
    "html": ResponseParseError,
    "truncated_json": ResponseParseError,
    "wrong_shape": ResponseParseError,
    "nested_wrong_shape": ResponseParseError,
    "dropped_connection": ClerkConnectionError,
    "truncated_by_connection": ClerkConnectionError,
    "no_response_key": ResponseParseError,
}


@pytest.fixture
async def signed_in(client: AnyClient, emu: Emulator, store: MemoryTokenStore, user: SeededUser) -> AnyClient:
    await call(client.create())
    sign_in_on_the_side(emu, store, user)
    await call(client.reload())
    assert client.sessions
    return client


CALLS = [
    ("GET", "/v1/client", "reload"),
    ("PUT", "/v1/client", "create"),
    ("DELETE", "/v1/client", "destroy"),
    ("DELETE", "/v1/client/sessions", "remove_sessions"),
]
# A 2xx JSON answer to DELETE /v1/client means the client is gone, whatever its body says: destroy()
# resets locally then (as clerk-js does), so those combinations are not failures.
_DESTROY_SUCCEEDS = {"wrong_shape", "nested_wrong_shape", "no_response_key"}
FAILED_CALLS = [
    pytest.param(fault, RAISES[name], method, path, operation, id=f"{operation}-{name}")
    for method, path, operation in CALLS
    for name, fault in FAILURES.items()
    if not (operation == "destroy" and name in _DESTROY_SUCCEEDS)
]


@pytest.mark.parametrize(("fault", "raises", "method", "path", "operation"), FAILED_CALLS)
async def test_a_failed_call_leaves_the_state_untouched(
    signed_in: AnyClient,
    emu: Emulator,
    fault: dict[str, Any],
    raises: type[ClerkError],
    method: str,
    path: str,
    operation: str,
) -> None:
    client = signed_in
    before = client.state
    before_id, before_sessions = client.id, client.sessions
    emu.inject_fault(path, method=method, times=10, **fault)
    with pytest.raises(raises):
        await call(getattr(client, operation)())
    assert client.state is before
    assert client.id == before_id
    assert client.sessions == before_sessions
    assert client.is_new() is False


async def test_a_failed_sign_in_leaves_the_state_untouched(
    signed_in: AnyClient, emu: Emulator, user: SeededUser
) -> None:
    client = signed_in
    before = client.state
    # Another account: the signed-in one would be refused as already signed in, before its password.
    other = emu.add_user(email_addresses="john+clerk_test@example.com", password=PASSWORD)
    with pytest.raises(UnprocessableEntityError) as info:
        await call(client.sign_in_with_password(other.identifier, "wrong-" + PASSWORD))
    assert info.value.code == "form_password_incorrect"
    assert client.state is before


async def test_a_token_rotated_on_an_error_answer_is_stored_and_sent_next(
    make_client: Callable[..., AnyClient], emu: Emulator, store: MemoryTokenStore, recorder: Recorder
) -> None:
    client = make_client(transport=recorder, token_store=store, max_retries=0)
    await call(client.create())
    # A fresh, valid token for the same client, as the server would rotate it.
    with httpx.Client(base_url=BASE_URL, transport=emu.transport()) as http:
        rotated = http.get(
            "/v1/client", params={"_is_native": "1"}, headers={"Authorization": store.get("client") or ""}
        ).headers["authorization"]
    assert rotated != store.get("client")
    emu.inject_fault("/v1/client", method="GET", status=500, headers={"Authorization": rotated})
    before = client.state
    with pytest.raises(ServerError):
        await call(client.reload())
    assert client.state is before
    assert store.get("client") == rotated
    await call(client.reload())
    assert recorder.requests[-1].headers["authorization"] == rotated
    assert client.id == before.id


@pytest.mark.parametrize(
    ("fault", "raises"),
    [
        ({"status": 200, "html": True}, ResponseParseError),
        ({"status": 200, "body": {"response": {"no_id": 1}}}, ResponseParseError),
        ({"status": 422}, UnprocessableEntityError),
    ],
    ids=["html", "wrong_shape", "unprocessable"],
)
async def test_a_token_rotated_on_an_unparseable_answer_is_stored(
    make_client: Callable[..., AnyClient],
    store: MemoryTokenStore,
    fault: dict[str, Any],
    raises: type[ClerkError],
) -> None:
    emu = Emulator()
    client = make_client(transport=emu.transport(), token_store=store, max_retries=0)
    await call(client.create())
    emu.inject_fault("/v1/client", method="GET", headers={"Authorization": "rotated-on-failure"}, **fault)
    with pytest.raises(raises):
        await call(client.reload())
    assert store.get("client") == "rotated-on-failure"


async def test_retried_call_keeps_the_token_rotated_by_the_failed_attempt(
    make_client: Callable[..., AnyClient], emu: Emulator, store: MemoryTokenStore, recorder: Recorder
) -> None:
    client = make_client(transport=recorder, token_store=store)
    await call(client.create())
    with httpx.Client(base_url=BASE_URL, transport=emu.transport()) as http:
        rotated = http.get(
            "/v1/client", params={"_is_native": "1"}, headers={"Authorization": store.get("client") or ""}
        ).headers["authorization"]
    emu.inject_fault("/v1/client", method="GET", status=503, headers={"Authorization": rotated})
    await call(client.reload())
    # The retry carried the token the 503 handed back.
    assert recorder.requests[-1].headers["authorization"] == rotated
    assert recorder.responses[-1].status_code == 200


async def test_local_state_survives_a_failure_after_a_successful_call(
    signed_in: AnyClient, emu: Emulator, user: SeededUser
) -> None:
    # A success replaces the snapshot; the failure after it changes nothing.
    client = signed_in
    await call(client.reload())
    good = client.state
    emu.inject_fault("/v1/client", method="GET", status=200, body={"response": {"object": "client"}})
    with pytest.raises(ResponseParseError):
        await call(client.reload())
    assert client.state is good
    assert client.last_active_session is not None
    assert client.last_active_session.id == good.last_active_session_id
    assert client.last_active_session.identifier == user.identifier
