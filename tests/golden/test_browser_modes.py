"""Browser mode over HTTP: the dev browser of a development instance (``__clerk_db_jwt``, ``Clerk-Db-Jwt``)
and the ``__client`` cookie of a production instance, with the touch window it implies."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import parse_qs

import pytest
from clerk_fapi import SessionStatus

from . import constants as c
from .conftest import RequestLog, call

pytestmark = [pytest.mark.vcr, pytest.mark.block_network]


async def test_dev_browser_is_created_first_and_identifies_the_client(
    new_client: object, request_log: RequestLog
) -> None:
    client = new_client(mode="browser", dev_browser=True)  # type: ignore[operator]

    await call(client.create())
    session = await call(client.sign_in_with_password(c.JANE_EMAIL, c.PASSWORD))
    client_id = client.id
    await call(client.reload())

    assert client.id == client_id and client.last_active_session_id == session.id
    assert session.status == SessionStatus.ACTIVE
    first, *others = request_log.requests
    assert (first.method, first.url.path) == ("POST", "/v1/dev_browser")
    tokens = {parse_qs(r.url.query.decode())["__clerk_db_jwt"][0] for r in others}
    assert len(tokens) == 1, "every later request carries the one dev-browser token"
    assert all("_is_native" not in parse_qs(r.url.query.decode()) for r in request_log.requests)


@pytest.mark.emulator_only  # a production instance
async def test_production_cookie_client_and_its_touch_window(
    new_client: object, request_log: RequestLog
) -> None:
    client = new_client(production=True, mode="browser")  # type: ignore[operator]

    session = await call(client.sign_in_with_password(c.JANE_EMAIL, c.PASSWORD))
    await call(client.reload())

    assert client.last_active_session_id == session.id
    assert "cookie" not in request_log.requests[0].headers
    assert request_log.requests[-1].headers["cookie"].startswith("__client=")
    assert request_log.requests[-1].headers["origin"] == client.frontend_api
    expires = client.cookie_expires_at
    assert expires is not None and expires.tzinfo is not None
    assert client.is_eligible_for_touch(now=expires - timedelta(days=7))
    assert not client.is_eligible_for_touch(now=expires - timedelta(days=9))
