"""What goes on the wire: native mode, browser mode (dev browser, production cookie), shared pools."""

from __future__ import annotations

import json
from collections.abc import Callable
from urllib.parse import parse_qs

import httpx
import pytest
from clerk_fapi import AsyncClient, AuthenticationError, BadRequestError, Client, MemoryTokenStore
from clerk_fapi.testing import Emulator, SeededUser

from .conftest import BASE_URL, PASSWORD, AnyClient, Recorder, call

PK_TEST = "pk_test_Zm9vLWJhci0xMy5jbGVyay5hY2NvdW50cy5kZXYk"


def query(request: httpx.Request) -> dict[str, list[str]]:
    return parse_qs(request.url.query.decode(), keep_blank_values=True)


# ----- native mode -----------------------------------------------------------------------------------
async def test_native_requests_carry_is_native_and_api_version(
    client: AnyClient, recorder: Recorder, emu: Emulator, user: SeededUser
) -> None:
    await call(client.reload())
    await call(client.create())
    await call(client.sign_in_with_password(user.identifier, PASSWORD))
    await call(client.reload())
    assert len(recorder.requests) == 4
    for request in recorder.requests:
        assert query(request)["_is_native"] == ["1"]
        assert request.headers["clerk-api-version"] == "2026-05-12"
        assert "__clerk_db_jwt" not in query(request)
        assert "cookie" not in request.headers
        assert "__clerk_testing_token" not in query(request)


async def test_native_authorization_is_empty_first_then_echoes_each_rotated_token_verbatim(
    client: AnyClient, recorder: Recorder, store: MemoryTokenStore, user: SeededUser
) -> None:
    await call(client.reload())  # no client yet: no token comes back
    await call(client.create())
    await call(client.sign_in_with_password(user.identifier, PASSWORD))
    await call(client.reload())
    await call(client.remove_sessions())
    first = recorder.requests[0]
    assert "authorization" in first.headers
    assert first.headers["authorization"] == ""
    assert recorder.requests[1].headers["authorization"] == ""
    rotated = [r.headers.get("authorization") for r in recorder.responses]
    assert rotated[0] is None
    tokens = [t for t in rotated[1:]]
    assert all(tokens) and len(set(tokens)) == len(tokens), "the emulator rotates the token on every answer"
    for request, previous_token in zip(recorder.requests[2:], tokens, strict=False):
        assert request.headers["authorization"] == previous_token
    assert store.get("client") == tokens[-1]


async def test_bearer_prefixed_token_is_echoed_verbatim(make_client: Callable[..., AnyClient]) -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["authorization"])
        body = {"response": {"object": "client", "id": "client_1", "sessions": []}, "client": None}
        return httpx.Response(200, json=body, headers={"Authorization": f"Bearer  tok-{len(seen)} "})

    client = make_client(transport=httpx.MockTransport(handler))
    await call(client.reload())
    await call(client.reload())
    await call(client.reload())
    # The stored value is the header value (surrounding whitespace is not part of it).
    assert seen == ["", "Bearer  tok-1", "Bearer  tok-2"]


@pytest.mark.parametrize("cleared", ["", "Bearer"])
async def test_an_empty_or_bare_bearer_authorization_answer_clears_the_token(
    make_client: Callable[..., AnyClient], cleared: str
) -> None:
    answers = iter(["tok-1", cleared, "tok-3"])
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["authorization"])
        body = {"response": {"object": "client", "id": "client_1", "sessions": []}, "client": None}
        return httpx.Response(200, json=body, headers={"Authorization": next(answers)})

    store = MemoryTokenStore()
    client = make_client(transport=httpx.MockTransport(handler), token_store=store)
    await call(client.reload())
    await call(client.reload())
    assert store.get("client") is None
    await call(client.reload())
    assert seen == ["", "tok-1", ""]


async def test_testing_token_is_sent_as_query_parameter_on_every_request(
    make_client: Callable[..., AnyClient], recorder: Recorder
) -> None:
    client = make_client(transport=recorder, testing_token="tt_secret_testing_value")
    await call(client.reload())
    await call(client.create())
    await call(client.get_environment())
    assert len(recorder.requests) == 3
    for request in recorder.requests:
        assert query(request)["__clerk_testing_token"] == ["tt_secret_testing_value"]


async def test_api_version_can_be_changed_or_left_out(
    make_client: Callable[..., AnyClient], recorder: Recorder
) -> None:
    await call(make_client(transport=recorder, api_version="2025-04-10").reload())
    await call(make_client(transport=recorder, api_version=None).reload())
    assert recorder.requests[0].headers["clerk-api-version"] == "2025-04-10"
    assert "clerk-api-version" not in recorder.requests[1].headers


async def test_native_api_disabled_is_an_api_error(client: AnyClient, emu: Emulator) -> None:
    emu.native_api_enabled = False
    with pytest.raises(BadRequestError) as info:
        await call(client.reload())
    assert info.value.status_code == 400
    assert info.value.code == "native_api_disabled"


# ----- browser mode: development instance (dev browser) -------------------------------------------
async def test_pk_test_browser_mode_creates_a_dev_browser_first_and_sends_it_on_every_request(
    make_client: Callable[..., AnyClient], recorder: Recorder, emu: Emulator
) -> None:
    store = MemoryTokenStore()
    client = make_client(
        frontend_api=None, publishable_key=PK_TEST, mode="browser", transport=recorder, token_store=store
    )
    await call(client.reload())
    await call(client.create())
    await call(client.reload())
    assert recorder.paths() == ["POST /v1/dev_browser", "GET /v1/client", "PUT /v1/client", "GET /v1/client"]
    assert str(recorder.requests[0].url).startswith("https://foo-bar-13.clerk.accounts.dev/v1/dev_browser")
    db_jwt = recorder.responses[0].json()["id"]
    assert store.get("dev_browser") == db_jwt
    for request in recorder.requests[1:]:
        assert query(request)["__clerk_db_jwt"] == [db_jwt]
        assert "_is_native" not in query(request)
    assert "__clerk_db_jwt" not in query(recorder.requests[0])
    assert client.id is not None
    assert emu.request_counts[("POST", "/v1/dev_browser")] == 1


async def test_browser_mode_gets_a_dev_browser_after_401_dev_browser_unauthenticated(
    make_client: Callable[..., AnyClient], recorder: Recorder
) -> None:
    # A frontend_api that does not look like a development host: no dev browser up front.
    client = make_client(mode="browser", transport=recorder)
    await call(client.create())
    assert recorder.paths() == ["PUT /v1/client", "POST /v1/dev_browser", "PUT /v1/client"]
    assert recorder.responses[0].status_code == 401
    assert recorder.responses[0].json()["errors"][0]["code"] == "dev_browser_unauthenticated"
    assert client.id is not None
    await call(client.reload())
    assert recorder.paths()[-1] == "GET /v1/client"
    assert recorder.responses[-1].status_code == 200


async def test_a_dev_browser_the_server_forgot_is_refreshed_once_and_the_call_succeeds(
    make_client: Callable[..., AnyClient], recorder: Recorder, emu: Emulator
) -> None:
    store = MemoryTokenStore(dev_browser="dvb_the_server_never_heard_of_this")
    client = make_client(
        frontend_api=None, publishable_key=PK_TEST, mode="browser", transport=recorder, token_store=store
    )
    await call(client.create())
    assert recorder.paths() == ["PUT /v1/client", "POST /v1/dev_browser", "PUT /v1/client"]
    new_token = recorder.responses[1].json()["id"]
    assert query(recorder.requests[0])["__clerk_db_jwt"] == ["dvb_the_server_never_heard_of_this"]
    assert query(recorder.requests[2])["__clerk_db_jwt"] == [new_token]
    assert store.get("dev_browser") == new_token
    assert client.id is not None


async def test_dev_browser_is_refreshed_only_once_per_call(
    make_client: Callable[..., AnyClient], emu: Emulator
) -> None:
    body = {"errors": [{"code": "dev_browser_unauthenticated", "message": "m", "long_message": "lm"}]}
    emu.inject_fault("/v1/client", status=401, body=body, times=5)
    client = make_client(
        frontend_api=None, publishable_key=PK_TEST, mode="browser", transport=emu.transport()
    )
    with pytest.raises(AuthenticationError) as info:
        await call(client.reload())
    assert info.value.code == "dev_browser_unauthenticated"
    # One dev browser up front, one refresh, no loop.
    assert emu.request_counts[("POST", "/v1/dev_browser")] == 2
    assert emu.request_counts[("GET", "/v1/client")] == 2


async def test_clerk_db_jwt_answer_header_replaces_the_dev_browser_token(
    make_client: Callable[..., AnyClient],
) -> None:
    seen: list[str | None] = []

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v1/dev_browser":
            return httpx.Response(200, json={"object": "dev_browser", "id": "dvb_first"})
        seen.append(query(request).get("__clerk_db_jwt", [None])[0])
        body = {"response": {"object": "client", "id": "client_1", "sessions": []}, "client": None}
        return httpx.Response(200, json=body, headers={"Clerk-Db-Jwt": f"dvb_next_{len(seen)}"})

    store = MemoryTokenStore()
    client = make_client(
        frontend_api=None,
        publishable_key=PK_TEST,
        mode="browser",
        transport=httpx.MockTransport(handler),
        token_store=store,
    )
    await call(client.reload())
    await call(client.reload())
    await call(client.reload())
    assert seen == ["dvb_first", "dvb_next_1", "dvb_next_2"]
    assert store.get("dev_browser") == "dvb_next_3"


# ----- browser mode: production instance (the __client cookie) ----------------------------------------
async def test_production_browser_mode_uses_the_client_cookie_and_origin(
    make_client: Callable[..., AnyClient], recorder: Recorder, emu: Emulator, user: SeededUser
) -> None:
    emu.instance_type = "production"
    store = MemoryTokenStore()
    client = make_client(
        mode="browser",
        dev_browser=False,
        transport=recorder,
        token_store=store,
        origin="https://app.example.com",
    )
    await call(client.reload())
    await call(client.create())
    created = client.id
    await call(client.reload())
    assert client.id == created
    assert recorder.paths() == ["GET /v1/client", "PUT /v1/client", "GET /v1/client"]
    for request in recorder.requests:
        assert request.headers["origin"] == "https://app.example.com"
        assert "_is_native" not in query(request)
        assert "__clerk_db_jwt" not in query(request)
        assert not request.headers.get("authorization")
    assert "cookie" not in recorder.requests[0].headers
    cookie = store.get("client")
    assert cookie
    assert recorder.requests[2].headers["cookie"] == f"__client={cookie}"
    assert emu.request_counts.get(("POST", "/v1/dev_browser")) is None


async def test_production_browser_mode_origin_defaults_to_the_frontend_api(
    make_client: Callable[..., AnyClient], recorder: Recorder, emu: Emulator
) -> None:
    emu.instance_type = "production"
    client = make_client(mode="browser", dev_browser=False, transport=recorder)
    await call(client.create())
    assert recorder.requests[0].headers["origin"] == BASE_URL
    assert client.id is not None


async def test_production_destroy_clears_the_cookie(
    make_client: Callable[..., AnyClient], emu: Emulator
) -> None:
    emu.instance_type = "production"
    store = MemoryTokenStore()
    client = make_client(mode="browser", dev_browser=False, transport=emu.transport(), token_store=store)
    await call(client.create())
    assert store.get("client")
    await call(client.destroy())
    assert store.get("client") is None
    assert client.is_new()


# ----- one connection pool, many clients ---------------------------------------------------------------
def test_two_sync_clients_on_one_injected_http_client_keep_separate_tokens(
    emu: Emulator, user: SeededUser
) -> None:
    with httpx.Client(transport=emu.transport()) as http:
        store_a, store_b = MemoryTokenStore(), MemoryTokenStore()
        a = Client(frontend_api=BASE_URL, http_client=http, token_store=store_a)
        b = Client(frontend_api=BASE_URL, http_client=http, token_store=store_b)
        a.create()
        b.create()
        a.sign_in_with_password(user.identifier, PASSWORD)
        a.reload()
        b.reload()
        assert a.id and b.id and a.id != b.id
        assert len(a.sessions) == 1
        assert b.sessions == []
        assert store_a.get("client") != store_b.get("client")
        a.close()
        b.close()
        assert not http.is_closed


async def test_two_async_clients_on_one_injected_http_client_keep_separate_tokens(
    emu: Emulator, user: SeededUser
) -> None:
    async with httpx.AsyncClient(transport=emu.transport()) as http:
        a = AsyncClient(frontend_api=BASE_URL, http_client=http)
        b = AsyncClient(frontend_api=BASE_URL, http_client=http)
        await a.create()
        await b.create()
        await b.sign_in_with_password(user.identifier, PASSWORD)
        await a.reload()
        await b.reload()
        assert a.id and b.id and a.id != b.id
        assert a.sessions == []
        assert len(b.sessions) == 1
        await a.aclose()
        assert not http.is_closed


def test_injected_http_client_cookie_jar_does_not_leak_between_browser_clients(emu: Emulator) -> None:
    # Production browser mode: the __client cookie must come from each client's own store,
    # not from the shared httpx cookie jar.
    emu.instance_type = "production"
    with httpx.Client(transport=emu.transport()) as http:
        a = Client(frontend_api=BASE_URL, http_client=http, mode="browser", dev_browser=False)
        b = Client(frontend_api=BASE_URL, http_client=http, mode="browser", dev_browser=False)
        a.create()
        b.reload()
        assert b.is_new(), "b must not see a's client through a shared cookie jar"
        b.create()
        a.reload()
        assert a.id != b.id


def test_request_bodies_are_form_encoded(emu: Emulator, user: SeededUser) -> None:
    recorder = Recorder(emu.transport())
    with Client(frontend_api=BASE_URL, transport=recorder) as client:
        client.sign_in_with_password(user.identifier, PASSWORD)
    sign_in = recorder.requests[0]
    assert sign_in.headers["content-type"].startswith("application/x-www-form-urlencoded")
    assert parse_qs(sign_in.content.decode()) == {"identifier": [user.identifier], "password": [PASSWORD]}
    with pytest.raises(json.JSONDecodeError):
        json.loads(sign_in.content)
