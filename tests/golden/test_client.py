"""The documented Client object over HTTP: create, reload, destroy, remove_sessions, the local-only
resets, the environment and cache, and the documented state (snake_case and camelCase)."""

from __future__ import annotations

from datetime import datetime

import pytest
from clerk_fapi import AuthenticationError, SignInStatus

from . import constants as c
from .conftest import AnyClient, RequestLog, call

pytestmark = [pytest.mark.vcr, pytest.mark.block_network]


async def test_create_gives_a_new_client_an_id_and_reload_keeps_it(
    client: AnyClient, request_log: RequestLog
) -> None:
    assert client.is_new() and client.isNew()
    await call(client.reload())  # no client on the server yet: the answer is null
    assert client.is_new() and client.id is None

    returned = await call(client.create())

    assert returned is client
    assert not client.is_new() and not client.isNew()
    assert client.id is not None and client.id.startswith("client_")
    assert isinstance(client.created_at, datetime) and client.created_at.tzinfo is not None
    assert client.createdAt == client.created_at and client.updatedAt == client.updated_at
    assert client.sessions == [] and client.sign_in is None and client.sign_up is None
    created_id = client.id
    await call(client.reload())
    assert client.id == created_id
    assert [f"{r.method} {r.url.path}" for r in request_log.requests] == [
        "GET /v1/client",
        "PUT /v1/client",
        "GET /v1/client",
    ]


async def test_destroy_resets_client_state_and_forgets_the_client_token(
    client: AnyClient, request_log: RequestLog
) -> None:
    session = await call(client.sign_in_with_password(c.JANE_EMAIL, c.PASSWORD))
    assert not client.is_new() and client.last_active_session_id == session.id

    await call(client.destroy())

    assert client.is_new()
    assert client.id is None and client.sessions == [] and client.active_sessions == []
    assert client.sign_in is None and client.sign_up is None
    assert client.last_active_session_id is None and client.last_active_session is None
    assert client.created_at is None and client.updated_at is None
    assert client.last_authentication_strategy is None and client.cookie_expires_at is None
    # The next request carries no client token, so the server knows no client.
    await call(client.reload())
    assert request_log.requests[-1].headers["authorization"] == ""
    assert client.is_new()


async def test_remove_sessions_keeps_the_client_and_clears_sessions_and_token_cache(
    client: AnyClient, request_log: RequestLog
) -> None:
    session = await call(client.sign_in_with_password(c.JANE_EMAIL, c.PASSWORD))
    assert await call(session.get_token())  # served from the session's last_active_token
    assert request_log.count("POST", "/tokens") == 0
    client_id = client.id

    returned = await call(client.remove_sessions())

    assert returned is client and client.id == client_id and not client.is_new()
    assert client.sessions == []  # the server no longer lists removed sessions
    assert client.active_sessions == [] and client.signed_in_sessions == []
    assert client.last_active_session_id is None
    # The cached token is gone: asking again goes to the server, which refuses a removed session.
    with pytest.raises(AuthenticationError):
        await call(session.get_token())
    assert request_log.count("POST", "/tokens") == 1


async def test_reset_sign_in_and_reset_sign_up_are_local_until_reload(
    client: AnyClient, request_log: RequestLog, kind: str
) -> None:
    sign_in = await call(client.start_sign_in(c.JANE_EMAIL))
    sign_up = await call(client.start_sign_up(email_address=c.sign_up_email("reset-local", kind)))
    assert client.sign_in is not None and client.sign_in.id == sign_in.id
    assert client.signIn is not None and client.signIn.id == sign_in.id
    assert client.sign_up is not None and client.sign_up.id == sign_up.id == client.signUp.id
    sent = len(request_log.requests)

    client.reset_sign_in()
    assert client.sign_in is None and client.sign_up is not None
    client.reset_sign_up()
    assert client.sign_up is None and client.signUp is None

    assert len(request_log.requests) == sent, "resets send no request"
    await call(client.reload())  # the server still has both
    assert client.sign_in is not None and client.sign_in.id == sign_in.id
    assert client.sign_in.status == SignInStatus.NEEDS_FIRST_FACTOR
    assert client.sign_up is not None and client.sign_up.id == sign_up.id


async def test_environment_and_tokens_are_cached_until_clear_cache(
    client: AnyClient, request_log: RequestLog
) -> None:
    environment = await call(client.get_environment())
    assert environment.instance_type == "development" and environment.is_development
    assert "email_address" in environment.identification_strategies
    assert await call(client.get_environment()) is environment
    assert request_log.count("GET", "/v1/environment") == 1
    session = await call(client.sign_in_with_password(c.JANE_EMAIL, c.PASSWORD))
    token = await call(session.get_token())
    assert request_log.count("POST", "/tokens") == 0

    client.clear_cache()

    assert await call(client.get_environment()) == environment
    assert request_log.count("GET", "/v1/environment") == 2
    fresh = await call(session.get_token())
    assert request_log.count("POST", "/tokens") == 1 and fresh != token
    await call(client.get_environment(refresh=True))
    assert request_log.count("GET", "/v1/environment") == 3


async def test_native_client_state_properties_and_documented_aliases(
    client: AnyClient, request_log: RequestLog
) -> None:
    jane = await call(client.sign_in_with_password(c.JANE_EMAIL, c.PASSWORD))
    john = await call(client.sign_in_with_password(c.JOHN_EMAIL, c.PASSWORD))

    assert [s.id for s in client.sessions] == [jane.id, john.id]
    assert [s.id for s in client.active_sessions] == [jane.id, john.id]
    assert [s.id for s in client.activeSessions] == [jane.id, john.id]
    assert [s.id for s in client.signed_in_sessions] == [s.id for s in client.signedInSessions]
    assert client.last_active_session_id == client.lastActiveSessionId == john.id
    assert client.last_active_session is not None and client.last_active_session.id == john.id
    assert client.last_active_session.user is not None
    assert client.last_active_session.user.primary_email_address.email_address == c.JOHN_EMAIL
    assert isinstance(client.updated_at, datetime) and client.updatedAt == client.updated_at
    # The recorded instance bypasses no captcha for this client (clerk-js reads the same field).
    assert client.captcha_bypass is False
    # Native clients have no cookie, so nothing to touch.
    assert client.cookie_expires_at is None and client.is_eligible_for_touch() is False
