"""Where clerk-js (Clerk's reference client) and the facade meet the same situation, they act alike.

Each test names the clerk-js source it follows (paths in github.com/clerk/javascript, under
``packages/``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest
from clerk_fapi import (
    AuthenticationError,
    Client,
    ConfigurationError,
    MemoryTokenStore,
    NotFoundError,
    ServerError,
    UnprocessableEntityError,
)
from clerk_fapi._token_cache import jwt_claims
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


# ----- a client carried by an error answer --------------------------------------------------------
def client_json_on_the_side(emu: Emulator, store: MemoryTokenStore) -> dict[str, Any]:
    """The client as the server has it now (JSON), read with plain httpx as the same device."""
    with httpx.Client(base_url=BASE_URL, transport=emu.transport()) as http:
        response = http.get(
            "/v1/client", params={"_is_native": "1"}, headers={"Authorization": store.get("client") or ""}
        )
    store.set("client", response.headers["authorization"])
    body: dict[str, Any] = response.json()["response"]
    return body


def _error_body(client_json: Any, where: str) -> dict[str, Any]:
    error = {"code": "form_password_incorrect", "message": "Password is incorrect."}
    if where == "client":
        return {"errors": [error], "client": client_json}
    return {"errors": [error], "meta": {"client": client_json}}


@pytest.mark.parametrize("where", ["client", "meta.client"])
async def test_a_client_on_an_error_answer_is_applied(
    signed_in: AnyClient, emu: Emulator, store: MemoryTokenStore, user: SeededUser, where: str
) -> None:
    """clerk-js applies ``responseJSON.client || responseJSON.meta?.client`` from every answer,
    errors included (clerk-js/src/core/resources/Client.ts ``getClientResourceFromPayload``, called
    by Base.ts ``_baseFetch`` before it looks at the status)."""
    client = signed_in
    session_id = client.last_active_session_id
    assert session_id
    end_session_on_the_side(emu, store, session_id)
    server_client = client_json_on_the_side(emu, store)
    emu.inject_fault("/v1/client/sign_ins", method="POST", status=422, body=_error_body(server_client, where))
    with pytest.raises(UnprocessableEntityError):
        await call(client.start_sign_in(user.identifier, password="wrong-" + PASSWORD))
    assert [s.status for s in client.sessions] == ["ended"]
    assert client.last_active_session_id is None
    assert client.updated_at is not None
    assert client.updated_at.timestamp() * 1000 == pytest.approx(server_client["updated_at"], abs=1)


@pytest.mark.parametrize("where", ["client", "meta.client"])
async def test_a_broken_client_on_an_error_answer_leaves_no_partial_state(
    signed_in: AnyClient, emu: Emulator, store: MemoryTokenStore, user: SeededUser, where: str
) -> None:
    """The piggybacked client replaces the state whole or not at all: one session of the wrong shape
    and nothing of it is applied; the error still surfaces as the server's error."""
    client = signed_in
    before = client.state
    server_client = client_json_on_the_side(emu, store)
    server_client["last_active_session_id"] = None
    server_client["sessions"].append({"id": "sess_broken"})  # no status, no user: the wrong shape
    emu.inject_fault("/v1/client/sign_ins", method="POST", status=422, body=_error_body(server_client, where))
    with pytest.raises(UnprocessableEntityError) as raised:
        await call(client.start_sign_in(user.identifier, password="wrong-" + PASSWORD))
    assert raised.value.code == "form_password_incorrect"
    assert client.state is before


# ----- authentication_invalid -----------------------------------------------------------------------
async def test_authentication_invalid_resyncs_the_client_once_and_raises(
    signed_in: AnyClient, emu: Emulator, store: MemoryTokenStore, recorder: Recorder
) -> None:
    """A 401 on a call that carried the client token makes clerk-js fetch the client again
    (clerk-js/src/core/resources/Base.ts ``_baseFetch`` -> clerk.ts ``handleUnauthenticated``:
    ``Client.getOrCreateInstance().fetch()`` then ``updateClient``); iOS does the same for
    ``authentication_invalid`` (ClerkInvalidAuthResponseMiddleware.swift). The call still fails."""
    client = signed_in
    session = client.last_active_session
    assert session is not None and session.status == "active"
    end_session_on_the_side(emu, store, session.id)  # the local state does not know yet
    sent = len(recorder.requests)
    with pytest.raises(AuthenticationError) as raised:
        await call(session.touch())
    assert raised.value.code == "authentication_invalid"
    assert "re-synced" in str(raised.value)
    assert recorder.paths()[sent:] == [
        f"POST /v1/client/sessions/{session.id}/touch",
        "GET /v1/client",
    ]
    assert [s.status for s in client.sessions] == ["ended"]
    assert client.last_active_session_id is None


async def test_a_dead_client_token_is_reported_not_used_silently(
    signed_in: AnyClient, store: MemoryTokenStore, recorder: Recorder
) -> None:
    """A client token the server refuses everywhere: one re-sync, then an error that says what to do."""
    client = signed_in
    session = client.last_active_session
    assert session is not None
    with Client(frontend_api=BASE_URL, transport=Emulator().transport()) as foreign:
        foreign.create()
        store.set("client", foreign._engine.auth.store.get("client"))  # a token of another instance
    sent = len(recorder.requests)
    with pytest.raises(AuthenticationError) as raised:
        await call(session.get_token(skip_cache=True))
    assert "no longer accepts the client token" in str(raised.value)
    assert recorder.paths()[sent:] == [f"POST /v1/client/sessions/{session.id}/tokens", "GET /v1/client"]
    sent = len(recorder.requests)
    with pytest.raises(AuthenticationError, match="no longer accepts the client token"):
        await call(client.reload())
    assert recorder.paths()[sent:] == ["GET /v1/client"]  # a failed re-sync is not re-synced again


async def test_authentication_invalid_without_a_client_token_is_not_resynced(
    make_client: Callable[..., AnyClient], emu: Emulator, recorder: Recorder
) -> None:
    """No client token was sent: nothing to re-sync (clerk-js returns early without a client)."""
    client = make_client(transport=recorder)
    emu.inject_fault(
        "/v1/client/sessions/*", status=401, body={"errors": [{"code": "authentication_invalid"}]}
    )
    with pytest.raises(AuthenticationError):
        await call(client.set_active("sess_unknown"))
    assert recorder.paths() == ["POST /v1/client/sessions/sess_unknown/touch"]


# ----- x-mobile ------------------------------------------------------------------------------------
@pytest.mark.parametrize(("mode", "expected"), [("native", "1"), ("browser", None)])
async def test_native_mode_sends_x_mobile(
    make_client: Callable[..., AnyClient], recorder: Recorder, mode: str, expected: str | None
) -> None:
    """Every native SDK marks its requests with ``x-mobile: 1`` (iOS DependencyContainer.swift,
    Android Constants.kt, Expo's createClerkInstance.ts, Flutter api.dart); clerk-js in a browser
    does not."""
    client = make_client(transport=recorder, mode=mode, dev_browser=False)
    await call(client.create())
    await call(client.reload())
    assert recorder.requests
    assert {r.headers.get("x-mobile") for r in recorder.requests} == {expected}


# ----- the default session ---------------------------------------------------------------------------
def serve_client_json(emu: Emulator, client_json: dict[str, Any]) -> None:
    """The next ``GET /v1/client`` answers ``client_json`` (a state the server would not keep on its own)."""
    emu.inject_fault("/v1/client", method="GET", status=200, body={"response": client_json, "client": None})


@pytest.fixture
async def two_sessions(
    signed_in: AnyClient, emu: Emulator, store: MemoryTokenStore
) -> tuple[AnyClient, str, str]:
    """Jane signed in first, John second (John's session is the last active one)."""
    client = signed_in
    jane = client.last_active_session_id
    john = emu.add_user(email_addresses="john+clerk_test@example.com", password=PASSWORD)
    sign_in_on_the_side(emu, store, john)
    await call(client.reload())
    assert jane and client.last_active_session_id and client.last_active_session_id != jane
    return client, jane, client.last_active_session_id


@pytest.mark.parametrize(("jane_status", "john_status"), [("active", "ended"), ("pending", "expired")])
async def test_the_default_session_is_the_first_signed_in_one_when_the_last_active_is_not(
    two_sessions: tuple[AnyClient, str, str],
    emu: Emulator,
    store: MemoryTokenStore,
    recorder: Recorder,
    jane_status: str,
    john_status: str,
) -> None:
    """clerk-js picks ``last_active_session_id`` only when that session is signed in, else the first
    signed-in session (``active`` or ``pending``), else none (clerk-js/src/core/clerk.ts
    ``#defaultSession``; Client.ts ``signedInSessions``)."""
    client, jane, john = two_sessions
    state = client_json_on_the_side(emu, store)
    for session in state["sessions"]:
        session["status"] = jane_status if session["id"] == jane else john_status
        session["last_active_token"] = None
    state["last_active_session_id"] = john
    serve_client_json(emu, state)
    await call(client.reload())
    token = await call(client.get_token())
    assert (jwt_claims(token) or {}).get("sid") == jane
    await call(client.get_token(skip_cache=True))
    assert recorder.paths()[-1] == f"POST /v1/client/sessions/{jane}/tokens"


async def test_get_token_without_a_signed_in_session_is_none(
    two_sessions: tuple[AnyClient, str, str], emu: Emulator, store: MemoryTokenStore, recorder: Recorder
) -> None:
    """Signed out, clerk-js's ``getToken()`` answers null without a request
    (react/src/hooks/utils.ts ``createGetToken``: ``if (!isomorphicClerk.session) return null``)."""
    client, _, john = two_sessions
    state = client_json_on_the_side(emu, store)
    for session in state["sessions"]:
        session["status"] = "ended"
    state["last_active_session_id"] = john
    serve_client_json(emu, state)
    await call(client.reload())
    sent = len(recorder.requests)
    assert await call(client.get_token()) is None
    assert await call(client.get_token(template="any")) is None
    assert len(recorder.requests) == sent
    await call(client.destroy())
    assert await call(client.get_token()) is None  # no client at all: the same


# ----- sign_out --------------------------------------------------------------------------------------
async def test_sign_out_removes_every_session_and_keeps_the_client(
    two_sessions: tuple[AnyClient, str, str], store: MemoryTokenStore, recorder: Recorder
) -> None:
    """clerk-js ``signOut()`` without a session id calls ``client.removeSessions()`` and keeps the
    client, which Client Trust uses to recognise a returning device (clerk-js/src/core/clerk.ts
    ``signOut``)."""
    client, _, _ = two_sessions
    client_id, token = client.id, store.get("client")
    sent = len(recorder.requests)
    returned = await call(client.sign_out())
    assert returned is client
    assert recorder.paths()[sent:] == ["DELETE /v1/client/sessions"]
    assert client.id == client_id and not client.is_new() and store.get("client")
    assert client.signed_in_sessions == [] and client.last_active_session_id is None
    assert token  # the device keeps a client token all along
    assert await call(client.get_token()) is None


async def test_sign_out_of_one_session_removes_only_it(
    two_sessions: tuple[AnyClient, str, str], recorder: Recorder
) -> None:
    """``signOut({sessionId})`` with several signed-in sessions removes that one (``session.remove()``)."""
    client, jane, john = two_sessions
    sent = len(recorder.requests)
    await call(client.sign_out(session_id=jane))
    assert recorder.paths()[sent:] == [f"POST /v1/client/sessions/{jane}/remove"]
    assert [s.id for s in client.signed_in_sessions] == [john]


async def test_sign_out_of_the_only_signed_in_session_removes_all(
    signed_in: AnyClient, recorder: Recorder
) -> None:
    """clerk-js: ``if (!opts.sessionId || this.client.signedInSessions.length === 1)`` removes every
    session; with nothing on the client, ``signOut`` sends nothing."""
    client = signed_in
    session_id = client.last_active_session_id
    sent = len(recorder.requests)
    await call(client.sign_out(session_id=session_id))
    assert recorder.paths()[sent:] == ["DELETE /v1/client/sessions"]
    assert client.sessions == [] and not client.is_new()
    await call(client.sign_out())
    await call(client.sign_out(session_id=session_id))
    assert len(recorder.requests) == sent + 1


# ----- set_active(organization=slug) -------------------------------------------------------------------
async def test_set_active_resolves_an_organization_slug_from_the_memberships(
    client: AnyClient, emu: Emulator, user: SeededUser, recorder: Recorder
) -> None:
    """clerk-js ``setActive({organization})`` sends an id: a value that is not an ``org_`` id is looked
    up among ``session.user.organizationMemberships`` by slug (clerk-js/src/core/clerk.ts
    ``setActive``; shared/src/internal/clerk-js/organization.ts ``isOrganizationId``)."""
    org = emu.add_organization("Acme Inc", slug="acme", members={user.id: "org:admin"})
    await call(client.create())
    session = await call(client.sign_in_with_password(user.identifier, PASSWORD))
    active = await call(client.set_active(session, organization="acme"))
    assert recorder.requests[-1].url.path.endswith("/touch")
    assert dict(httpx.QueryParams(recorder.requests[-1].content.decode()))["active_organization_id"] == org.id
    assert active.last_active_organization_id == org.id
    await call(client.set_active(session.id, organization=None))  # the personal account
    assert client.last_active_session is not None
    assert client.last_active_session.last_active_organization_id is None
    await call(client.set_active(session.id, organization=org.id))  # an id goes as it is
    assert client.last_active_session.last_active_organization_id == org.id


async def test_set_active_with_a_slug_outside_the_memberships_is_a_clear_error(
    client: AnyClient, emu: Emulator, user: SeededUser, recorder: Recorder
) -> None:
    emu.add_organization("Other", slug="other")  # the user is no member
    await call(client.create())
    session = await call(client.sign_in_with_password(user.identifier, PASSWORD))
    sent = len(recorder.requests)
    with pytest.raises(ConfigurationError, match=r"'other'.*memberships"):
        await call(client.set_active(session, organization="other"))
    with pytest.raises(ConfigurationError, match="not both"):
        await call(client.set_active(session, organization_id="org_1", organization="acme"))
    assert len(recorder.requests) == sent


# ----- a Frontend API behind a proxy path ------------------------------------------------------------
class ProxyPath(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """A proxy that serves the Frontend API under ``prefix`` (and nothing outside it)."""

    def __init__(self, inner: Any, prefix: str) -> None:
        self.inner, self.prefix = inner, prefix

    def _forward(self, request: httpx.Request) -> httpx.Request | None:
        if not request.url.path.startswith(self.prefix + "/v1/"):
            return None
        url = request.url.copy_with(path=request.url.path.removeprefix(self.prefix))
        return httpx.Request(request.method, url, headers=request.headers, content=request.content)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        forwarded = self._forward(request)
        return self.inner.handle_request(forwarded) if forwarded else httpx.Response(404)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        forwarded = self._forward(request)
        return await self.inner.handle_async_request(forwarded) if forwarded else httpx.Response(404)


@pytest.mark.parametrize("mode", ["native", "browser"])
async def test_a_frontend_api_behind_a_proxy_path(
    make_client: Callable[..., AnyClient], emu: Emulator, user: SeededUser, mode: str
) -> None:
    """clerk-js with ``proxyUrl`` sends ``<proxy path>/v1/...`` (clerk-js/src/core/fapiClient.ts
    ``buildUrl``); iOS takes a proxy URL with a path the same way. The Origin stays an origin."""
    recorder = Recorder(ProxyPath(emu.transport(), "/__clerk"))
    client = make_client(
        frontend_api="https://app.example.com/__clerk/", transport=recorder, mode=mode, dev_browser=False
    )
    assert client.frontend_api == "https://app.example.com/__clerk"
    await call(client.create())
    session = await call(client.sign_in_with_password(user.identifier, PASSWORD))
    assert await call(session.get_token(skip_cache=True))
    assert all(r.url.path.startswith("/__clerk/v1/") for r in recorder.requests)
    assert all(r.url.host == "app.example.com" for r in recorder.requests)
    if mode == "browser":
        assert {r.headers["origin"] for r in recorder.requests} == {"https://app.example.com"}


@pytest.mark.parametrize(
    "given",
    ["https://app.example.com/__clerk?x=1", "https://app.example.com/__clerk#f", "https://a.example/v1"],
)
def test_a_proxy_path_with_a_query_a_fragment_or_v1_is_refused(given: str) -> None:
    with pytest.raises(ConfigurationError):
        Client(frontend_api=given)


# ----- the escape hatch: client.request ------------------------------------------------------------
async def test_request_sends_with_the_client_credentials_and_applies_the_piggybacked_client(
    two_sessions: tuple[AnyClient, str, str], emu: Emulator, store: MemoryTokenStore, recorder: Recorder
) -> None:
    """``client.request`` goes through the same engine as every wrapped call: the client token, the
    rotated token stored, the piggybacked client applied (as clerk-js Base.ts ``_baseFetch`` does)."""
    client, jane, john = two_sessions
    end_session_on_the_side(emu, store, jane)  # the local state does not know yet
    token_before = store.get("client")
    body = await call(client.request("GET", f"/v1/client/sessions/{john}"))
    sent = recorder.requests[-1]
    assert sent.headers["authorization"] == token_before and sent.url.params["_is_native"] == "1"
    assert store.get("client") == recorder.responses[-1].headers["authorization"]
    assert body["response"]["object"] == "session" and body["response"]["id"] == john
    assert {s.id: s.status for s in client.sessions}[jane] == "ended"  # from body["client"]
    touched = await call(
        client.request("POST", f"/v1/client/sessions/{john}/touch", form={"active_organization_id": None})
    )
    assert dict(httpx.QueryParams(recorder.requests[-1].content.decode())) == {"active_organization_id": ""}
    assert touched["response"]["last_active_organization_id"] is None
    token = await call(client.request("POST", f"/v1/client/sessions/{john}/tokens"))
    assert set(token) >= {"object", "jwt"}  # a bare body comes back as it is


async def test_request_retries_and_raises_like_a_wrapped_call(
    signed_in: AnyClient, emu: Emulator, recorder: Recorder
) -> None:
    client = signed_in
    emu.inject_fault("/v1/client", method="GET", status=503)
    body = await call(client.request("GET", "/v1/client", params={"extra": True}))
    assert body["response"]["id"] == client.id
    assert [r.status_code for r in recorder.responses[-2:]] == [503, 200]
    assert recorder.requests[-1].url.params["extra"] == "true"
    emu.inject_fault("/v1/client/sign_ins", method="POST", status=503)
    with pytest.raises(ServerError):  # a POST that may have reached the server is not resent
        await call(client.request("POST", "/v1/client/sign_ins", form={"identifier": "x"}))
    assert recorder.paths()[-1] == "POST /v1/client/sign_ins" and recorder.responses[-1].status_code == 503
    with pytest.raises(NotFoundError):
        await call(client.request("GET", "/v1/client/sessions/sess_missing"))


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "v1/client"),
        ("GET", "https://evil.example/v1/client"),
        ("GET", "/v1/client?x=1"),
        ("TRACE", "/v1/x"),
    ],
)
async def test_request_refuses_what_is_not_a_frontend_api_call(
    client: AnyClient, recorder: Recorder, method: str, path: str
) -> None:
    with pytest.raises(ConfigurationError):
        await call(client.request(method, path))
    assert recorder.requests == []
