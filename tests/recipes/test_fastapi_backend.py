"""Recipe: test your FastAPI backend as a signed-in user, offline, with the emulator's real RS256 tokens.

`clerk_emulator` (a running emulator), `clerk_user`, `clerk_http` (an httpx client whose requests carry
the user's session JWT through `SessionAuth`) and `clerk_verification` (the key the backend verifies
with) are fixtures of the `clerk_fapi` pytest plugin.
"""

from __future__ import annotations

import logging
import time

import httpx
import pytest
from clerk_fapi import Client, SessionAuth
from clerk_fapi.testing import EmulatorServer, SeededUser

TOKEN_LIFETIME = 60  # the emulator's session tokens, as Clerk's


def test_the_backend_sees_the_signed_in_user(
    clerk_http: httpx.Client, backend_url: str, clerk_user: SeededUser
) -> None:
    response = clerk_http.get(f"{backend_url}/me")
    assert response.status_code == 200
    assert response.json()["user_id"] == clerk_user.id


def test_the_backend_refuses_requests_without_a_token(backend_url: str) -> None:
    assert httpx.get(f"{backend_url}/me").status_code == 401


def test_the_backend_refuses_a_forged_token(clerk_session_token: str, backend_url: str) -> None:
    header, payload, signature = clerk_session_token.split(".")
    forged = f"{header}.{payload}.{signature[::-1]}"
    response = httpx.get(f"{backend_url}/me", headers={"Authorization": f"Bearer {forged}"})
    assert response.status_code == 401


def test_a_post_carries_the_token_too(
    clerk_http: httpx.Client, backend_url: str, clerk_user: SeededUser
) -> None:
    assert clerk_http.post(f"{backend_url}/notes").json() == {"owner": clerk_user.id}


class TestTokensOlderThanTheirLifetime:
    """The test moves the emulator's clock past a token's lifetime and keeps calling: SessionAuth
    refreshes the token without the test noticing.

    The backend checks `exp`/`iat` with the real clock, so the emulator's clock starts one lifetime
    behind it (less a few seconds) and is then moved forward to the present: the first token is
    valid for the backend until then, and the refreshed one is not from its future.
    """

    @pytest.fixture
    def clerk_emulator(self, clerk_emulator: EmulatorServer) -> EmulatorServer:
        clerk_emulator.emulator.clock.set(time.time() - (TOKEN_LIFETIME - 2))
        return clerk_emulator

    def test_an_expired_token_is_refreshed_without_the_test_noticing(
        self, clerk_emulator: EmulatorServer, clerk_http: httpx.Client, backend_url: str
    ) -> None:
        first = clerk_http.get(f"{backend_url}/me").json()
        clerk_emulator.emulator.clock.advance(TOKEN_LIFETIME)  # the first token is now past its `exp`
        assert clerk_emulator.emulator.clock.now_s >= first["exp"]
        second = clerk_http.get(f"{backend_url}/me").json()
        assert second["session_id"] == first["session_id"]
        assert second["iat"] >= first["exp"]  # a new token, minted after the first one expired


def test_no_token_in_any_log_line(
    clerk_client: Client, backend_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    # A leeway close to the whole lifetime mints a token for each request: every path that handles one runs.
    with caplog.at_level(logging.DEBUG), httpx.Client(auth=SessionAuth(clerk_client, leeway=59.5)) as http:
        http.get(f"{backend_url}/me")
        http.post(f"{backend_url}/notes")
        token = clerk_client.get_token()
        response = httpx.get(f"{backend_url}/me", headers={"Authorization": "Bearer not-a-jwt"})
    assert response.status_code == 401
    assert caplog.records, "nothing was logged at DEBUG: the check would prove nothing"
    assert token and token not in caplog.text
    assert token.split(".")[2] not in caplog.text
