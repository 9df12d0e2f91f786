"""Sessions and session tokens over HTTP: set_active / touch / reload / end / remove, organizations,
templates, the token cache (one request per token lifetime, one request for concurrent callers) and the
``missing_expired_token`` retry."""

from __future__ import annotations

import asyncio
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from urllib.parse import parse_qs

import pytest
from clerk_fapi import AsyncClient, AuthenticationError, SessionStatus
from clerk_fapi._token_cache import DEFAULT_LEEWAY, jwt_claims

from . import constants as c
from .conftest import AnyClient, RequestLog, Stage, call

pytestmark = [pytest.mark.vcr, pytest.mark.block_network]


def claims(token: str | None) -> dict[str, Any]:
    assert token is not None
    decoded = jwt_claims(token)
    assert decoded is not None, "not a JWT"
    return decoded


async def sign_in(client: AnyClient, email: str = c.JANE_EMAIL) -> Any:
    return await call(client.sign_in_with_password(email, c.PASSWORD))


async def test_set_active_and_touch_switch_the_last_active_session(client: AnyClient) -> None:
    jane = await sign_in(client, c.JANE_EMAIL)
    john = await sign_in(client, c.JOHN_EMAIL)
    assert client.last_active_session_id == john.id
    assert {s.id for s in client.active_sessions} == {jane.id, john.id}

    selected = await call(client.set_active(jane))
    assert selected.id == jane.id and client.last_active_session_id == jane.id
    assert client.last_active_session is not None and client.last_active_session.id == jane.id

    by_id = await call(client.set_active(john.id))
    assert by_id.id == john.id and client.last_active_session_id == john.id

    touched = await call(jane.touch())
    assert touched.id == jane.id and touched.status == SessionStatus.ACTIVE
    assert client.last_active_session_id == jane.id
    assert touched.last_active_at is not None and touched.last_active_at >= jane.last_active_at


async def test_session_reload_end_and_remove_update_the_client(
    client: AnyClient, request_log: RequestLog
) -> None:
    jane = await sign_in(client, c.JANE_EMAIL)
    john = await sign_in(client, c.JOHN_EMAIL)

    reloaded = await call(john.reload())
    assert reloaded.id == john.id and reloaded.status == SessionStatus.ACTIVE
    assert reloaded.user is not None and reloaded.user.primary_email_address.email_address == c.JOHN_EMAIL

    ended = await call(john.end())
    assert ended.status == SessionStatus.ENDED
    assert {s.id: s.status for s in client.sessions}[john.id] == SessionStatus.ENDED
    assert [s.id for s in client.active_sessions] == [jane.id]
    assert client.last_active_session_id == jane.id  # the server moves on to the remaining session
    # end() dropped john's cached token: asking again reaches the server, which refuses an ended session.
    with pytest.raises(AuthenticationError):
        await call(john.get_token())
    assert request_log.count("POST", f"/sessions/{john.id}/tokens") == 1

    removed = await call(jane.remove())
    assert removed.status == SessionStatus.REMOVED
    assert client.active_sessions == [] and client.last_active_session_id is None
    assert jane.id not in {s.id for s in client.sessions}


async def test_tokens_carry_the_session_and_user_and_templates_render_claims(
    client: AnyClient, request_log: RequestLog
) -> None:
    session = await sign_in(client)
    token = await call(session.get_token())
    assert claims(token)["sid"] == session.id
    assert claims(token)["sub"] == session.user.id
    assert claims(token)["exp"] > claims(token)["iat"]
    assert await call(client.get_token()) == token  # the last active session's, from the cache

    templated = await call(session.get_token(template=c.TEMPLATE))
    assert claims(templated)["uid"] == session.user.id
    assert claims(templated)["email"] == c.JANE_EMAIL
    assert request_log.paths("POST", "/tokens") == [f"/v1/client/sessions/{session.id}/tokens/{c.TEMPLATE}"]
    assert await call(client.get_token(template=c.TEMPLATE)) == templated


async def test_organization_selection_scopes_tokens(client: AnyClient, request_log: RequestLog) -> None:
    session = await sign_in(client)
    assert "o" not in claims(await call(session.get_token()))

    selected = await call(client.set_active(session, organization_id=c.ORG_SLUG))
    org_id = selected.last_active_organization_id
    assert org_id is not None and org_id.startswith("org_")
    assert client.last_active_session is not None
    assert client.last_active_session.last_active_organization_id == org_id
    # The slug is resolved through the user's memberships; the touch sends the id (clerk-js setActive).
    touch_form = parse_qs(request_log.requests[-1].content.decode())
    assert touch_form == {"active_organization_id": [org_id], "intent": ["select_org"]}

    org_claims = claims(await call(client.get_token()))
    assert org_claims["o"]["id"] == org_id and org_claims["o"]["slg"] == c.ORG_SLUG
    assert org_claims["o"]["rol"] == "admin"
    personal = claims(await call(session.get_token(organization_id=None)))
    assert personal["sid"] == session.id and "o" not in personal

    back = await call(selected.touch(organization_id=None))  # "" on the wire: the personal account
    assert back.last_active_organization_id is None
    assert "o" not in claims(await call(client.get_token()))


async def test_token_cache_makes_one_request_per_token_lifetime(
    client: AnyClient, request_log: RequestLog
) -> None:
    session = await sign_in(client)
    seeded = session.last_active_token
    # The session came with a fresh token: however often it is asked for, no request is made.
    for _ in range(25):
        assert await call(session.get_token()) == seeded
    assert request_log.count("POST", "/tokens") == 0

    fresh = await call(session.get_token(skip_cache=True))
    assert fresh != seeded and request_log.count("POST", "/tokens") == 1
    for _ in range(25):
        assert await call(session.get_token()) == fresh
    assert request_log.count("POST", "/tokens") == 1

    # A template token lives SHORT_TEMPLATE_LIFETIME seconds: cached until only the leeway is left.
    short = await call(session.get_token(template=c.SHORT_TEMPLATE))
    assert claims(short)["exp"] - claims(short)["iat"] == c.SHORT_TEMPLATE_LIFETIME
    for _ in range(25):
        assert await call(session.get_token(template=c.SHORT_TEMPLATE)) == short
    assert request_log.count("POST", f"/tokens/{c.SHORT_TEMPLATE}") == 1
    time.sleep(c.SHORT_TEMPLATE_LIFETIME - DEFAULT_LEEWAY + 0.2)
    renewed = await call(session.get_token(template=c.SHORT_TEMPLATE))
    assert renewed != short
    assert request_log.count("POST", f"/tokens/{c.SHORT_TEMPLATE}") == 2
    assert await call(session.get_token(template=c.SHORT_TEMPLATE)) == renewed
    assert request_log.count("POST", "/tokens") == 3


async def test_concurrent_get_token_callers_share_one_request(
    client: AnyClient, request_log: RequestLog
) -> None:
    session = await sign_in(client)
    # The token request is held long enough that every caller asks while it is in flight (replay
    # answers at once: without the hold the callers would never overlap).
    request_log.delays["/tokens"] = 0.3
    if isinstance(client, AsyncClient):
        tokens = await asyncio.gather(*(session.get_token(template=c.TEMPLATE) for _ in range(8)))
    else:
        start = threading.Barrier(8)

        def get_token(_: int) -> str | None:
            start.wait()  # all callers ask at once
            return session.get_token(template=c.TEMPLATE)

        with ThreadPoolExecutor(max_workers=8) as pool:
            tokens = list(pool.map(get_token, range(8)))
    assert len(set(tokens)) == 1 and claims(tokens[0])["uid"] == session.user.id
    assert request_log.count("POST", "/tokens") == 1


@pytest.mark.emulator_only
async def test_missing_expired_token_is_retried_once_with_the_last_token(
    client: AnyClient, request_log: RequestLog, stage: Stage
) -> None:
    session = await sign_in(client)
    stage.require_expired_token(session.id)

    token = await call(session.get_token(skip_cache=True))

    assert claims(token)["sid"] == session.id and token != session.last_active_token
    first, retry = request_log.requests[-2:]
    assert first.url.path == retry.url.path == f"/v1/client/sessions/{session.id}/tokens"
    assert "expired_token" not in parse_qs(first.url.query.decode())
    assert parse_qs(retry.url.query.decode())["expired_token"] == [session.last_active_token]
    assert await call(session.get_token()) == token  # and the answer is cached
    assert request_log.count("POST", "/tokens") == 2
