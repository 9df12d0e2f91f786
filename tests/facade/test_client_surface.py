"""The documented Client surface (issue 4, FAPI.md §6), for Client and AsyncClient alike."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from clerk_fapi import AsyncClient, Client, MemoryTokenStore, SessionStatus
from clerk_fapi.testing import Emulator, SeededUser

from .conftest import (
    BASE_URL,
    PASSWORD,
    AnyClient,
    Recorder,
    call,
    end_session_on_the_side,
    sign_in_on_the_side,
)

# Every field FAPI.md §6 says destroy() resets, with its empty value.
RESET_BY_DESTROY = {
    "id": None,
    "sessions": [],
    "active_sessions": [],
    "signed_in_sessions": [],
    "sign_in": None,
    "sign_up": None,
    "last_active_session_id": None,
    "last_active_session": None,
    "last_authentication_strategy": None,
    "cookie_expires_at": None,
    "created_at": None,
    "updated_at": None,
}


async def test_is_new_before_and_after_create(client: AnyClient, emu: Emulator) -> None:
    assert client.is_new() is True
    assert client.id is None
    result = await call(client.create())
    assert result is client
    assert client.is_new() is False
    assert client.id is not None and client.id.startswith("client_")
    assert isinstance(client.created_at, datetime) and client.created_at.tzinfo is not None
    assert emu.request_counts[("PUT", "/v1/client")] == 1


async def test_reload_on_a_fresh_device_stays_new(client: AnyClient, emu: Emulator) -> None:
    result = await call(client.reload())
    assert result is client
    assert client.is_new() is True
    assert client.sessions == []
    assert emu.request_counts[("GET", "/v1/client")] == 1
    # GET /v1/client never creates a client.
    assert ("PUT", "/v1/client") not in emu.request_counts


async def test_reload_after_create_shows_the_same_client(client: AnyClient) -> None:
    await call(client.create())
    created_id = client.id
    await call(client.reload())
    assert client.id == created_id


async def test_reload_shows_a_session_signed_in_elsewhere_on_the_same_device(
    client: AnyClient, emu: Emulator, store: MemoryTokenStore, user: SeededUser
) -> None:
    await call(client.create())
    session_id = sign_in_on_the_side(emu, store, user)
    await call(client.reload())
    assert [s.id for s in client.sessions] == [session_id]
    assert client.last_active_session_id == session_id
    assert client.last_active_session is not None and client.last_active_session.id == session_id
    assert client.last_active_session.status == SessionStatus.ACTIVE


async def test_destroy_resets_every_documented_field_and_is_new_again(
    client: AnyClient, emu: Emulator, store: MemoryTokenStore, user: SeededUser
) -> None:
    await call(client.create())
    session_id = sign_in_on_the_side(emu, store, user)
    await call(client.reload())
    assert client.sessions and client.last_active_session_id and client.updated_at
    assert await call(client.destroy()) is None
    for name, empty in RESET_BY_DESTROY.items():
        assert getattr(client, name) == empty, name
    assert client.is_new() is True
    assert client.isNew() is True
    assert emu.request_counts[("DELETE", "/v1/client")] == 1
    # On the server the session is over, and the device no longer holds the old client's token.
    assert emu.session_status(session_id) == "ended"
    assert store.get("client") is None
    await call(client.reload())
    assert client.is_new() is True


async def test_remove_sessions_keeps_the_client_and_removes_its_sessions(
    client: AnyClient, emu: Emulator, store: MemoryTokenStore, user: SeededUser
) -> None:
    await call(client.create())
    client_id = client.id
    session_id = sign_in_on_the_side(emu, store, user)
    await call(client.reload())
    assert len(client.active_sessions) == 1
    result = await call(client.remove_sessions())
    assert result is client
    assert client.id == client_id
    assert client.active_sessions == []
    assert client.last_active_session_id is None
    assert client.last_active_session is None
    assert emu.request_counts[("DELETE", "/v1/client/sessions")] == 1
    assert emu.session_status(session_id) == "removed"


async def test_reset_sign_in_and_reset_sign_up_are_local(
    client: AnyClient, emu: Emulator, store: MemoryTokenStore, user: SeededUser
) -> None:
    await call(client.create())
    with httpx.Client(base_url=BASE_URL, transport=emu.transport()) as http:
        # A sign-in that stops at the first factor, and a sign-up with missing fields.
        r = http.post(
            "/v1/client/sign_ins",
            params={"_is_native": "1"},
            headers={"Authorization": store.get("client") or ""},
            data={"identifier": user.identifier},
        )
        assert r.status_code == 200, r.text
        store.set("client", r.headers["authorization"])
        r = http.post(
            "/v1/client/sign_ups",
            params={"_is_native": "1"},
            headers={"Authorization": store.get("client") or ""},
            data={"email_address": "new+clerk_test@example.com"},
        )
        assert r.status_code == 200, r.text
        store.set("client", r.headers["authorization"])
    await call(client.reload())
    assert client.sign_in is not None and client.sign_up is not None
    sign_up_before = client.sign_up
    state_before = client.state
    before = emu.request_counts
    client.reset_sign_in()
    assert client.sign_in is None
    assert client.signIn is None
    assert client.sign_up == sign_up_before
    assert client.state.sign_up is state_before.sign_up
    client.reset_sign_up()
    assert client.sign_up is None
    assert client.signUp is None
    assert emu.request_counts == before


def _mock_client(body: dict[str, Any]) -> httpx.MockTransport:
    return httpx.MockTransport(lambda request: httpx.Response(200, json=body))


@pytest.mark.parametrize(
    ("expires_in", "eligible"),
    [
        (timedelta(days=7, hours=23), True),
        (timedelta(hours=1), True),
        (timedelta(days=8, hours=1), False),
        (timedelta(days=365), False),
    ],
)
async def test_is_eligible_for_touch_when_the_cookie_expires_within_8_days(
    make_client: Callable[..., AnyClient],
    emu: Emulator,
    user: SeededUser,
    expires_in: timedelta,
    eligible: bool,
) -> None:
    body = _client_json_with_statuses(emu, user, ["active"])
    now = datetime.now(UTC)
    body["response"]["cookie_expires_at"] = int((now + expires_in).timestamp() * 1000)
    client = make_client(transport=_mock_client(body))
    await call(client.reload())
    expires = client.cookie_expires_at
    assert expires is not None and expires.tzinfo is not None
    assert abs(expires - (now + expires_in)) < timedelta(seconds=1)
    # Defaults to the current time ...
    assert client.is_eligible_for_touch() is eligible
    # ... or is judged at a given time.
    assert client.is_eligible_for_touch(now=expires - timedelta(days=9)) is False
    assert client.is_eligible_for_touch(now=expires - timedelta(days=7)) is True


async def test_not_eligible_for_touch_without_cookie_expiry(client: AnyClient) -> None:
    await call(client.create())
    assert client.cookie_expires_at is None
    assert client.is_eligible_for_touch() is False


async def test_camel_case_aliases_return_what_the_snake_case_names_return(
    client: AnyClient, emu: Emulator, store: MemoryTokenStore, user: SeededUser
) -> None:
    await call(client.create())
    sign_in_on_the_side(emu, store, user)
    await call(client.reload())
    assert client.sessions  # non-trivial state, so equal values mean something
    assert client.signIn == client.sign_in
    assert client.signUp == client.sign_up
    assert client.activeSessions == client.active_sessions
    assert client.activeSessions != []
    assert client.lastActiveSessionId == client.last_active_session_id is not None
    assert client.updatedAt == client.updated_at is not None
    assert client.isNew() is client.is_new() is False


def _client_json_with_statuses(emu: Emulator, user: SeededUser, statuses: list[str]) -> dict[str, Any]:
    """A real client body from the emulator, with one session per status (ids sess_0, sess_1...)."""
    store = MemoryTokenStore()
    sign_in_on_the_side(emu, store, user)
    with httpx.Client(base_url=BASE_URL, transport=emu.transport()) as http:
        body = http.get(
            "/v1/client", params={"_is_native": "1"}, headers={"Authorization": store.get("client") or ""}
        ).json()
    template = body["response"]["sessions"][0]
    sessions = [dict(template, id=f"sess_{i}", status=status) for i, status in enumerate(statuses)]
    body["response"]["sessions"] = sessions
    return body


@pytest.mark.parametrize("last_active", ["sess_1", "sess_0", None, "sess_gone"])
async def test_active_vs_signed_in_sessions_vs_last_active_session(
    make_client: Callable[..., AnyClient], emu: Emulator, user: SeededUser, last_active: str | None
) -> None:
    statuses = ["active", "pending", "ended", "some_future_status", "active"]
    body = _client_json_with_statuses(emu, user, statuses)
    body["response"]["last_active_session_id"] = last_active
    client = make_client(transport=_mock_client(body))
    await call(client.reload())
    assert [s.status for s in client.sessions] == statuses
    assert [s.id for s in client.active_sessions] == ["sess_0", "sess_4"]
    assert [s.id for s in client.signed_in_sessions] == ["sess_0", "sess_1", "sess_4"]
    assert client.signedInSessions == client.signed_in_sessions
    assert client.last_active_session_id == last_active
    if last_active in (None, "sess_gone"):
        assert client.last_active_session is None
    else:
        assert client.last_active_session is not None
        assert client.last_active_session.id == last_active


async def test_active_sessions_exclude_ended_sessions_from_the_emulator(
    client: AnyClient, emu: Emulator, store: MemoryTokenStore, user: SeededUser
) -> None:
    other = emu.add_user(email_addresses="john+clerk_test@example.com", password=PASSWORD)
    await call(client.create())
    first = sign_in_on_the_side(emu, store, user)
    second = sign_in_on_the_side(emu, store, other)
    end_session_on_the_side(emu, store, first)
    await call(client.reload())
    assert {s.id: s.status for s in client.sessions} == {first: "ended", second: "active"}
    assert [s.id for s in client.active_sessions] == [second]
    assert [s.id for s in client.signed_in_sessions] == [second]
    assert client.last_active_session is not None and client.last_active_session.id == second


async def test_sessions_list_is_a_copy(
    client: AnyClient, emu: Emulator, store: MemoryTokenStore, user: SeededUser
) -> None:
    await call(client.create())
    sign_in_on_the_side(emu, store, user)
    await call(client.reload())
    client.sessions.clear()
    assert len(client.sessions) == 1


async def test_unknown_client_fields_are_kept_in_extra(
    make_client: Callable[..., AnyClient], emu: Emulator, user: SeededUser
) -> None:
    body = _client_json_with_statuses(emu, user, ["active"])
    body["response"]["brand_new_field"] = {"x": 1}
    client = make_client(transport=_mock_client(body))
    await call(client.reload())
    assert client.extra["brand_new_field"] == {"x": 1}


# ----- context managers and closing ------------------------------------------------------------------
def test_sync_context_manager_closes_its_own_http_client(emu: Emulator) -> None:
    with Client(frontend_api=BASE_URL, transport=emu.transport()) as client:
        client.reload()
        http = client._http
        assert not http.is_closed
    assert http.is_closed


def test_sync_close_leaves_an_injected_http_client_open(emu: Emulator) -> None:
    with httpx.Client(base_url=BASE_URL, transport=emu.transport()) as http:
        with Client(frontend_api=BASE_URL, http_client=http) as client:
            client.reload()
        client.close()
        assert not http.is_closed
        # Still usable by its owner.
        assert http.get("/v1/environment", params={"_is_native": "1"}).status_code == 200


async def test_async_context_manager_closes_its_own_http_client(emu: Emulator) -> None:
    async with AsyncClient(frontend_api=BASE_URL, transport=emu.transport()) as client:
        await client.reload()
        http = client._http
        assert not http.is_closed
    assert http.is_closed


async def test_async_aclose_leaves_an_injected_http_client_open(emu: Emulator) -> None:
    async with httpx.AsyncClient(base_url=BASE_URL, transport=emu.transport()) as http:
        async with AsyncClient(frontend_api=BASE_URL, http_client=http) as client:
            await client.reload()
        await client.aclose()
        assert not http.is_closed
        assert (await http.get("/v1/environment", params={"_is_native": "1"})).status_code == 200


def test_sync_close_without_context_manager(recorder: Recorder) -> None:
    client = Client(frontend_api=BASE_URL, transport=recorder)
    client.reload()
    client.close()
    assert client._http.is_closed


def test_repr_is_useful(emu: Emulator) -> None:
    with Client(frontend_api=BASE_URL, transport=emu.transport()) as client:
        client.create()
        text = repr(client)
    assert text.startswith("<Client ")
    assert str(client.id) in text
    assert BASE_URL in text


def test_environment_is_fetched_once_and_cached_until_clear_cache(emu: Emulator) -> None:
    with Client(frontend_api=BASE_URL, transport=emu.transport()) as client:
        first = client.get_environment()
        assert client.get_environment() is first
        assert emu.request_counts[("GET", "/v1/environment")] == 1
        client.clear_cache()
        client.get_environment()
        assert emu.request_counts[("GET", "/v1/environment")] == 2
