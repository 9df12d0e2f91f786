"""The session-token cache of a client against the in-process emulator: what a resumed client serves and
what ``destroy()`` and signing out leave behind."""

from __future__ import annotations

import email.utils
from collections.abc import Callable

import httpx
import pytest
from clerk_fapi import Client, MemoryTokenStore, NotFoundError
from clerk_fapi._token_cache import jwt_claims
from clerk_fapi.testing import Emulator, SeededUser

from .conftest import PASSWORD, AnyClient, call


class _Dated(httpx.BaseTransport):
    """The emulator in process, each answer stamped with a ``Date`` header from the emulator's clock
    (the real service's answers carry one)."""

    def __init__(self, emu: Emulator) -> None:
        self.emu = emu
        self.inner = emu.transport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        response.headers["Date"] = email.utils.formatdate(self.emu.clock.now_s, usegmt=True)
        return response


def test_a_resumed_client_never_serves_a_session_token_the_server_already_expired() -> None:
    """The server's clock runs an hour ahead of ours; its copy of the session's token expired while
    the client was away; a client resuming from the store must mint a new one, not serve the old."""
    emu = Emulator()
    emu.clock.advance(3600)
    emu.add_user(email_addresses="jane+clerk_test@example.com", password="Correct-Horse-Battery-Staple-91")
    store = MemoryTokenStore()
    with Client(frontend_api="https://fapi.example.test", transport=_Dated(emu), token_store=store) as first:
        old = first.sign_in_with_password("jane+clerk_test@example.com", "Correct-Horse-Battery-Staple-91")
        old_token = old.last_active_token
    emu.clock.advance(120)  # two minutes later, by the server's clock (the token lived 60 s)
    with Client(
        frontend_api="https://fapi.example.test", transport=_Dated(emu), token_store=store
    ) as resumed:
        resumed.reload()
        token = resumed.get_token()
    assert token is not None and token != old_token
    assert (jwt_claims(token) or {})["exp"] > emu.clock.now_s


async def test_destroy_clears_the_token_cache_so_a_kept_session_serves_no_cached_jwt(
    make_client: Callable[..., AnyClient], emu: Emulator, user: SeededUser
) -> None:
    """``destroy()`` ends every session of the client: a ``Session`` the caller kept must ask the server
    (which no longer knows the session) instead of serving the JWT cached before."""
    client = make_client(transport=emu.transport())
    session = await call(client.sign_in_with_password(user.identifier, PASSWORD))
    token = await call(session.get_token())
    assert token is not None and await call(session.get_token()) == token  # served from the cache
    await call(client.destroy())
    emu.reset_counts()
    with pytest.raises(NotFoundError) as info:
        await call(session.get_token())
    assert info.value.code == "resource_not_found"
    assert emu.request_counts[("POST", f"/v1/client/sessions/{session.id}/tokens")] == 1
