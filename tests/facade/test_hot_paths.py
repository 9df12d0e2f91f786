"""The paths a program walks on every request stay cheap without changing what they return.

``client.sessions`` (and ``last_active_session``, ``active_sessions``...) binds the sessions of a state
snapshot once: later reads of the same state bind nothing, and every state change (an answer, a local
reset, a destroy) binds the new state's sessions. A cached ``get_token()`` is served without a request,
for the session's current organization, and never from a closed client. No test here measures time.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import attrs
import pytest
from clerk_fapi import ClerkError, ClientClosedError, MemoryTokenStore, SessionStatus, _resources
from clerk_fapi.testing import Emulator, SeededUser

from .conftest import AnyClient, Recorder, call, end_session_on_the_side, sign_in_on_the_side


@pytest.fixture
def binds(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The ids of the sessions bound to a client, in order, from here on (the client core imports
    ``bind`` from the resources when it binds, so it finds this one)."""
    bound: list[str] = []
    original = _resources.bind

    def counting(cls: Any, data: Any, owner: object) -> Any:
        if hasattr(data, "status") and hasattr(data, "last_active_token"):
            bound.append(data.id)
        return original(cls, data, owner)

    monkeypatch.setattr(_resources, "bind", counting)
    yield bound


async def signed_in(client: AnyClient, emu: Emulator, store: MemoryTokenStore, user: SeededUser) -> Any:
    """The client created, ``user`` signed in on the side and the client reloaded: its session."""
    await call(client.create())
    sign_in_on_the_side(emu, store, user)
    await call(client.reload())
    session = client.last_active_session
    assert session is not None
    return session


async def test_sessions_of_one_state_are_bound_once(
    client: AnyClient, emu: Emulator, store: MemoryTokenStore, user: SeededUser, binds: list[str]
) -> None:
    await call(client.create())
    session_id = sign_in_on_the_side(emu, store, user)
    await call(client.reload())
    first = client.sessions
    assert binds == [session_id]
    again = client.sessions
    assert [s.id for s in again] == [session_id] and again is not first
    assert client.last_active_session is first[0]
    assert client.active_sessions == first and client.signed_in_sessions == first
    assert binds == [session_id], "reading the same state again bound its sessions again"


async def test_every_state_change_binds_the_new_state(
    client: AnyClient, emu: Emulator, store: MemoryTokenStore, user: SeededUser, binds: list[str]
) -> None:
    await call(client.create())
    session_id = sign_in_on_the_side(emu, store, user)
    await call(client.reload())
    assert client.sessions[0].status == SessionStatus.ACTIVE
    end_session_on_the_side(emu, store, session_id)
    await call(client.reload())  # an answer: a new snapshot
    assert client.sessions[0].status == SessionStatus.ENDED
    assert client.last_active_session is None or client.last_active_session.status == SessionStatus.ENDED
    assert binds == [session_id, session_id]
    client.reset_sign_in()  # a local change: a new snapshot too
    assert [s.id for s in client.sessions] == [session_id]
    assert binds == [session_id] * 3
    await call(client.destroy())
    assert client.sessions == [] and client.last_active_session is None


async def test_a_cached_token_is_served_without_a_request(
    client: AnyClient, emu: Emulator, store: MemoryTokenStore, user: SeededUser, recorder: Recorder
) -> None:
    session = await signed_in(client, emu, store, user)
    token = await call(session.get_token())
    sent = len(recorder.paths())
    assert await call(session.get_token()) == token
    last = client.last_active_session
    assert last is not None and await call(last.get_token()) == token
    assert await call(client.get_token()) == token
    assert len(recorder.paths()) == sent
    fresh = await call(session.get_token(skip_cache=True))
    assert len(recorder.paths()) == sent + 1 and isinstance(fresh, str)


async def test_a_cached_token_follows_the_session_s_organization(
    client: AnyClient, emu: Emulator, store: MemoryTokenStore, user: SeededUser, recorder: Recorder
) -> None:
    """The key of a plain ``get_token()`` is the session's active organization in the current state: a
    token cached for the personal account is not served once the state says another organization."""
    session = await signed_in(client, emu, store, user)
    await call(session.get_token())
    state = client.state
    # (without its last_active_token, which _apply would cache for the new organization)
    moved = attrs.evolve(
        state.sessions[0], last_active_organization_id="org_elsewhere", last_active_token=None
    )
    client._apply(attrs.evolve(state, sessions=(moved,)))
    sent = len(recorder.paths())
    with contextlib.suppress(ClerkError):  # the emulator may refuse it: what matters is that it was asked
        await call(session.get_token())
    assert len(recorder.paths()) > sent, "a token cached for another organization was served"


async def test_a_closed_client_serves_no_cached_token(
    client: AnyClient, emu: Emulator, store: MemoryTokenStore, user: SeededUser
) -> None:
    session = await signed_in(client, emu, store, user)
    await call(session.get_token())
    await call(client.aclose() if hasattr(client, "aclose") else client.close())
    with pytest.raises(ClientClosedError):
        await call(session.get_token())
