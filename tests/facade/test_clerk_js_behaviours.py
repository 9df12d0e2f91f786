"""Where clerk-js (Clerk's reference client) and the facade meet the same situation, they act alike.

Each test names the clerk-js source it follows (paths in github.com/clerk/javascript, under
``packages/``).
"""

from __future__ import annotations

import pytest
from clerk_fapi.testing import Emulator, SeededUser

from .conftest import PASSWORD, AnyClient, Recorder, call


@pytest.fixture
async def signed_in(client: AnyClient, user: SeededUser) -> AnyClient:
    await call(client.create())
    await call(client.sign_in_with_password(user.identifier, PASSWORD))
    return client


# ----- the expired_token retry --------------------------------------------------------------------
@pytest.mark.parametrize("other", ["template", "other_organization"])
async def test_expired_token_retry_sends_the_last_session_token(
    signed_in: AnyClient, emu: Emulator, user: SeededUser, recorder: Recorder, other: str
) -> None:
    """clerk-js retries ``missing_expired_token`` with ``this.lastActiveToken``
    (clerk-js/src/core/resources/Session.ts, ``#createTokenResolver``), which only a session token
    for the session's active organization updates (``#dispatchTokenEvents``, called when
    ``!template && organizationId === this.lastActiveOrganizationId``): never a JWT-template token
    or one minted for another organization."""
    client = signed_in
    session = client.last_active_session
    assert session is not None
    session_token = await call(session.get_token(skip_cache=True))
    if other == "template":
        emu.add_jwt_template("backend", {"aud": "api"})
        minted = await call(session.get_token(template="backend"))
    else:
        org = emu.add_organization("Acme", members={user.id: "org:member"})
        minted = await call(session.get_token(organization_id=org.id))
    assert minted and minted != session_token
    emu.require_expired_token(session.id)
    assert await call(session.get_token(skip_cache=True))
    retry = recorder.requests[-1]
    assert recorder.responses[-2].status_code == 422
    assert retry.url.params["expired_token"] == session_token
