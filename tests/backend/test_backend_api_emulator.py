"""The emulator's Backend API endpoints, driven by Clerk's own Backend API SDK (`clerk-backend-api`) over
loopback HTTP: the SDK parses every answer into its own models, so the shapes are the real ones."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from clerk_backend_api import Clerk, models
from clerk_backend_api.security import verify_token
from clerk_backend_api.security.types import VerifyTokenOptions
from clerk_fapi import ClerkAPIError, Client
from clerk_fapi.testing import Emulator, EmulatorServer, SeededUser

from .conftest import SECRET_KEY


@pytest.fixture
def sdk(server: EmulatorServer) -> Iterator[Clerk]:
    with Clerk(bearer_auth=SECRET_KEY, server_url=server.url + "/v1") as clerk:
        yield clerk


def test_testing_token_is_a_real_sdk_model_and_the_frontend_api_accepts_it(
    emulator: Emulator, server: EmulatorServer, sdk: Clerk
) -> None:
    token = sdk.testing_tokens.create()
    assert isinstance(token, models.TestingToken)
    assert token.object == models.TestingTokenObject.TESTING_TOKEN
    assert token.expires_at > emulator.clock.now_ms // 1000
    with Client(frontend_api=server.url, testing_token=token.token, mode="native") as client:
        client.reload()
    assert emulator.testing_token_requests >= 1
    before = emulator.testing_token_requests
    with Client(frontend_api=server.url, testing_token="not-issued-here", mode="native") as client:
        client.reload()
    assert emulator.testing_token_requests == before


def test_users_list_filters_by_repeated_email_address(
    sdk: Clerk, jane: SeededUser, emulator: Emulator
) -> None:
    john = emulator.add_user(email_addresses="john@example.com", password="correct horse 2")
    found = sdk.users.list(request={"email_address": ["JANE.DOE@example.com"]})
    assert [u.id for u in found] == [jane.id]
    assert isinstance(found[0], models.User)
    assert found[0].first_name == "Jane" and found[0].username == "jane"
    assert {e.email_address for e in found[0].email_addresses} == {"jane@example.com", "jane.doe@example.com"}
    both = sdk.users.list(request={"email_address": ["jane@example.com", "john@example.com"]})
    assert {u.id for u in both} == {jane.id, john.id}
    assert sdk.users.list(request={"email_address": ["nobody@example.com"]}) == []
    assert [u.id for u in sdk.users.list(request={"user_id": [john.id]})] == [john.id]


def test_sign_in_token_signs_in_once_with_strategy_ticket(
    sdk: Clerk, jane: SeededUser, server: EmulatorServer, emulator: Emulator
) -> None:
    created = sdk.sign_in_tokens.create(request={"user_id": jane.id, "expires_in_seconds": 300})
    assert isinstance(created, models.SignInToken)
    assert created.status == models.SignInTokenStatus.PENDING and created.user_id == jane.id
    assert created.token
    with Client(frontend_api=server.url, mode="native") as client:
        attempt = client.start_sign_in(strategy="ticket", ticket=created.token)
        assert attempt.status == "complete"
        session = client.last_active_session
        assert session is not None and session.user is not None and session.user.id == jane.id
        jwt = session.get_token()
    # The Backend API's JWKS verifies the session token with the SDK's own verifier.
    claims = verify_token(jwt, VerifyTokenOptions(secret_key=SECRET_KEY, api_url=server.url))
    assert claims["sub"] == jane.id
    with Client(frontend_api=server.url, mode="native") as other, pytest.raises(ClerkAPIError) as reused:
        other.start_sign_in(strategy="ticket", ticket=created.token)
    assert reused.value.code == "ticket_invalid"


def test_expired_sign_in_token_is_refused(
    sdk: Clerk, jane: SeededUser, server: EmulatorServer, emulator: Emulator
) -> None:
    created = sdk.sign_in_tokens.create(request={"user_id": jane.id, "expires_in_seconds": 60})
    emulator.clock.advance(61)
    with Client(frontend_api=server.url, mode="native") as client, pytest.raises(ClerkAPIError) as expired:
        client.start_sign_in(strategy="ticket", ticket=created.token)
    assert expired.value.code == "ticket_invalid"


def test_sign_in_token_for_an_unknown_user_is_a_clerk_error(sdk: Clerk) -> None:
    with pytest.raises(models.ClerkErrors) as caught:
        sdk.sign_in_tokens.create(request={"user_id": "user_unknown", "expires_in_seconds": 300})
    assert caught.value.status_code == 404
    assert caught.value.data.errors[0].code == "resource_not_found"


def test_backend_jwks_matches_the_frontend_jwks(sdk: Clerk, server: EmulatorServer) -> None:
    backend = sdk.jwks.get_jwks()
    assert isinstance(backend, models.Jwks)
    public = httpx.get(server.url + "/v1/jwks").json()
    assert [k.kid for k in backend.keys or []] == [k["kid"] for k in public["keys"]]


@pytest.mark.parametrize("key", ["sk_test_not_the_emulators", "sk_live_backend_api_emulator_key"])
def test_a_wrong_secret_key_is_refused_with_clerk_key_invalid(server: EmulatorServer, key: str) -> None:
    with Clerk(bearer_auth=key, server_url=server.url + "/v1") as clerk:
        for call in (clerk.testing_tokens.create, clerk.jwks.get_jwks):
            with pytest.raises(models.SDKError) as caught:
                call()
            assert caught.value.status_code == 401
            assert caught.value.raw_response.json()["errors"][0]["code"] == "clerk_key_invalid"


def test_without_a_secret_key_the_backend_paths_are_not_served(server: EmulatorServer) -> None:
    for method, path in (
        ("POST", "/v1/testing_tokens"),
        ("POST", "/v1/sign_in_tokens"),
        ("GET", "/v1/users"),
    ):
        answer = httpx.request(method, server.url + path)
        assert answer.status_code == 404, path
    # The public key set stays public on the Frontend API.
    assert httpx.get(server.url + "/v1/jwks").status_code == 200


def test_default_secret_key_and_bad_ones_at_construction() -> None:
    assert Emulator().secret_key == "sk_test_clerk_fapi_emulator"
    for bad in ("", "pk_test_abc", "sk_", "sk_test with space\n"):
        with pytest.raises(ValueError, match="secret key"):
            Emulator(secret_key=bad)


def test_backend_routes_are_unique_and_named_in_their_handlers_docstrings() -> None:
    from clerk_fapi.testing._routes import BACKEND_ROUTES

    seen = [(r.method, r.pattern.pattern.strip("^$")) for r in BACKEND_ROUTES]
    assert len(seen) == len(set(seen))
    for route, (method, path) in zip(BACKEND_ROUTES, seen, strict=True):
        assert f"`{method} {path}`" in (route.handler.__doc__ or ""), route.handler.__name__
