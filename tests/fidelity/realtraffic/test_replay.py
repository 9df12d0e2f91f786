"""Real traffic as the regression suite: every flow Clerk's Flutter SDK recorded, replayed through
``Client`` and ``AsyncClient``.

For each recorded step the facade can make, the test calls the facade's public API (``create()``,
``start_sign_in()``, ``sign_in.prepare_first_factor()``, ``sign_up.attempt_verification()``...), and a
mock transport checks the request the facade sends against the recording: method, path, query, the
exact set of form keys and the recorded form values (strategies, codes, identification ids the facade
finds by itself). It serves the recorded answer, with a client token in ``Authorization`` that changes
at every answer (Clerk rotates it; the recordings keep no headers, so the test makes one per step in
the recorded client's name) and checks that the next request echoes the latest. After each step the
facade's state is compared with the client the answer carries: id, ``is_new()``, sessions and their
statuses, active and signed-in sessions, the last active session, ``created_at``/``updated_at``, the
sign-in and sign-up in progress, and each session's user.

Steps the facade cannot make yet are named in ``UNSUPPORTED_REQUESTS`` with the reason; the flows they
leave partly or wholly unreplayed are named in ``PARTIAL_FLOWS`` and ``UNSUPPORTED_FLOWS``, and tests
check those lists against the recordings so they cannot go stale.
"""

from __future__ import annotations

import base64
import inspect
import json
import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qs

import attrs
import httpx
import pytest
from clerk_fapi import AsyncClient, Client

from .reference import RECORDINGS, Flow, Step, flow_names, load_flow, require

BASE_URL = "https://fapi.replay.test"


async def call(value: Any) -> Any:
    """The result of a client method, whether the client is sync or async."""
    return await value if inspect.isawaitable(value) else value


# Requests of the recordings the facade has no call for yet, and why.
UNSUPPORTED_REQUESTS: dict[str, str] = {
    r"^HEAD /v1/health$": "the facade has no health-check call (openapi.yaml does not describe /v1/health)",
}
# Flows with no step the facade can make.
UNSUPPORTED_FLOWS: dict[str, str] = {
    "clerk_api/healthcheck_test/can_test_health": "its one request is HEAD /v1/health",
}
# Flows replayed except some of their steps (the steps before and after them are replayed).
PARTIAL_FLOWS: dict[str, str] = {}

# Form fields whose value the facade finds by itself in the sign-in's supported factors (as clerk-js
# does): the test does not pass them, and checks the value the facade sends against the recording.
FOUND_BY_THE_FACADE = frozenset({"email_address_id", "phone_number_id"})


def unsupported_reason(step: Step) -> str | None:
    request = f"{step.method} {step.path}"
    return next(
        (reason for pattern, reason in UNSUPPORTED_REQUESTS.items() if re.match(pattern, request)), None
    )


def replayed_steps(flow: Flow) -> list[Step]:
    return [step for step in flow.steps if unsupported_reason(step) is None]


REPLAYED = [name for name in flow_names() if name not in UNSUPPORTED_FLOWS]


# ----- the server side: a mock transport serving the recording ----------------------------------
def client_token(client_id: str | None, step: int) -> str:
    """A client token as Clerk's native answers carry it (a JWT naming the client and the rotation).
    Unsigned: the facade never reads it, it only echoes it back."""

    def part(value: dict[str, Any]) -> str:
        return base64.urlsafe_b64encode(json.dumps(value).encode()).rstrip(b"=").decode()

    claims = {"id": client_id, "rotating_token": f"rotation-{step}"}
    return f"{part({'alg': 'RS256', 'typ': 'JWT'})}.{part(claims)}.replay-signature"


def recorded_client(body: Any) -> tuple[bool, dict[str, Any] | None]:
    """Whether the answer carries a client, and the client (None: the answer says there is none)."""
    if not isinstance(body, dict) or "response" not in body:
        return False, None  # the environment: no client
    response = body["response"]
    if isinstance(response, dict) and response.get("object") == "client":
        return True, response
    if body.get("client") is None:
        return False, None  # a piggyback of null leaves the client as it is
    return True, body["client"]


@attrs.define
class RecordedServer:
    """Serves one recorded step at a time and checks the request the facade sends for it."""

    flow: Flow
    step: Step | None = None
    requests_for_step: int = 0
    last_token: str = ""  # before the first answer the facade sends an empty Authorization
    failures: list[str] = attrs.field(factory=list)

    def expect(self, step: Step) -> None:
        self.step, self.requests_for_step = step, 0

    def handle(self, request: httpx.Request) -> httpx.Response:
        step = self.step
        assert step is not None, f"request {request.method} {request.url.path} with no step expected"
        self.requests_for_step += 1
        where = f"{self.flow.name} step {step.number} ({step.method} {step.path})"
        assert self.requests_for_step == 1, f"{where}: the facade sent a second request for one step"
        # Clerk's native SDKs create the client with POST /v1/client; the facade's create() uses PUT
        # (both are "create a client" in the spec, with the same answer).
        method = "PUT" if (step.method, step.path) == ("POST", "/v1/client") else step.method
        assert (request.method, request.url.path) == (method, step.path), where
        query = dict(request.url.params)
        # Native mode: the facade marks every request with _is_native=1 (the manifests' `query` holds
        # the request's own parameters only); everything else must be as recorded.
        assert query.pop("_is_native", None) == "1", where
        assert query == step.query, where
        form = {k: v[0] for k, v in parse_qs(request.content.decode(), keep_blank_values=True).items()}
        assert set(form) == step.form_keys, f"{where}: form keys {sorted(form)} != {sorted(step.form_keys)}"
        for key, value in step.form_values.items():
            assert form[key] == value, f"{where}: form field {key} is not the recorded value"
        assert request.headers["authorization"] == self.last_token, f"{where}: not the latest client token"
        # The recordings were made with the API version the Flutter SDK sent (2024-10-01 or 2025-11-10);
        # the facade is created with that version (its default is newer) and must send it.
        assert request.headers["clerk-api-version"] == self.flow.api_version, where
        body = step.body()
        has_client, client = recorded_client(body)
        headers = {"content-type": "application/json"}
        if has_client:
            self.last_token = client_token(client["id"] if client else None, step.number)
            headers["authorization"] = self.last_token
        return httpx.Response(step.status, content=step.body_file.read_bytes(), headers=headers)


# ----- the client side: the facade's public API for each recorded request ------------------------
@attrs.define
class Driver:
    """Makes each recorded request through the facade's public API, as an application would."""

    client: Client | AsyncClient
    flow: Flow
    sign_in: Any = None
    sign_up: Any = None

    def value(self, step: Step, key: str) -> Any:
        """The value the application passes for a form field: the recorded one where the recording
        shows it, else the flow's identity."""
        if key in step.form_values:
            return step.form_values[key]
        context = self.flow.context
        if key == "identifier":
            # The identifier the sign-in was started with, as the recorded answer names it.
            return step.body()["response"]["identifier"]
        if key == "legal_accepted":
            return True
        if key == "email_address":
            return context["email"]
        if key == "phone_number":
            return context["phone"]
        return context[key]  # first_name, last_name, username, password, code

    def fields(self, step: Step, *leave_out: str) -> dict[str, Any]:
        skip = {"strategy", *leave_out} | FOUND_BY_THE_FACADE
        return {key: self.value(step, key) for key in sorted(step.form_keys - skip)}

    async def make(self, step: Step) -> Any:
        client = self.client
        action = step.path.rsplit("/", 1)[-1]
        strategy = step.form_values.get("strategy")
        match (step.method, step.path):
            case ("POST", "/v1/client"):
                return await call(client.create())
            case ("GET", "/v1/client"):
                return await call(client.reload())
            case ("GET", "/v1/environment"):
                return await call(client.get_environment(refresh=True))
            case ("POST", "/v1/client/sign_ins"):
                self.sign_in = await call(client.start_sign_in(**self.fields(step)))
                return self.sign_in
            case ("POST", "/v1/client/sign_ups"):
                self.sign_up = await call(client.start_sign_up(**self.fields(step), strategy=strategy))
                return self.sign_up
            case ("PATCH", path) if path.startswith("/v1/client/sign_ups/"):
                self.sign_up = await call(self.sign_up.update(**self.fields(step), strategy=strategy))
                return self.sign_up
        if step.path.startswith("/v1/client/sign_ins/"):
            method: Callable[..., Any] = getattr(self.sign_in, action)
            self.sign_in = await call(method(strategy, **self.fields(step)))
            return self.sign_in
        if step.path.startswith("/v1/client/sign_ups/") and action == "prepare_verification":
            self.sign_up = await call(self.sign_up.prepare_verification(strategy))
            return self.sign_up
        if step.path.startswith("/v1/client/sign_ups/") and action == "attempt_verification":
            self.sign_up = await call(self.sign_up.attempt_verification(strategy, self.value(step, "code")))
            return self.sign_up
        if step.path.startswith("/v1/me"):
            return await self.make_me(step)
        raise AssertionError(f"{self.flow.name}: no facade call for {step.method} {step.path}")

    async def make_me(self, step: Step) -> Any:
        """A /v1/me step, through the user of the client's default session (``client.user``)."""
        user = self.client.user
        assert user is not None, f"{self.flow.name}: no signed-in user for {step.method} {step.path}"
        assert user.session_id == step.query["_clerk_session_id"], self.flow.name
        parts = step.path.split("/")[3:]  # after /v1/me
        match (step.method, parts):
            case ("GET", []):
                return await call(user.reload())
            case ("PATCH", []):
                return await call(user.update(**self.fields(step)))
            case ("DELETE", []):
                return await call(user.delete())
            case ("POST", ["email_addresses"]):
                address = step.body()["response"]["email_address"]
                return await call(user.create_email_address(address))
            case ("POST", ["phone_numbers"]):
                number = step.body()["response"]["phone_number"]
                return await call(user.create_phone_number(number))
            case ("DELETE", ["email_addresses", email_id]):
                return await call(user.delete_email_address(email_id))
            case ("DELETE", ["phone_numbers", phone_id]):
                return await call(user.delete_phone_number(phone_id))
            case ("POST", ["email_addresses", email_id, "prepare_verification"]):
                return await call(
                    user.prepare_email_address_verification(email_id, step.form_values["strategy"])
                )
            case ("POST", ["email_addresses", email_id, "attempt_verification"]):
                return await call(user.attempt_email_address_verification(email_id, self.value(step, "code")))
            case ("POST", ["phone_numbers", phone_id, "prepare_verification"]):
                assert step.form_values["strategy"] == "phone_code", self.flow.name
                return await call(user.prepare_phone_number_verification(phone_id))
            case ("POST", ["phone_numbers", phone_id, "attempt_verification"]):
                return await call(user.attempt_phone_number_verification(phone_id, self.value(step, "code")))
        raise AssertionError(f"{self.flow.name}: no facade call for {step.method} {step.path}")


# ----- comparing the facade's state with the recorded client --------------------------------------
def ms(value: int | None) -> datetime | None:
    return None if value is None else datetime.fromtimestamp(value / 1000, tz=UTC)


def check_user(user: Any, recorded: dict[str, Any], where: str) -> None:
    assert user.id == recorded["id"], where
    for name in (
        "first_name",
        "last_name",
        "username",
        "primary_email_address_id",
        "primary_phone_number_id",
    ):
        assert getattr(user, name) == recorded[name], f"{where}.{name}"
    for name in ("password_enabled", "two_factor_enabled", "image_url", "has_image"):
        assert getattr(user, name) == recorded[name], f"{where}.{name}"
    assert user.updated_at == ms(recorded["updated_at"]), f"{where}.updated_at"
    assert user.last_sign_in_at == ms(recorded["last_sign_in_at"]), f"{where}.last_sign_in_at"
    # An address or number just added has no verification yet (null) until one is prepared.
    emails = [(e.id, e.email_address, e.verification and e.verification.status) for e in user.email_addresses]
    assert emails == [
        (e["id"], e["email_address"], e["verification"] and e["verification"]["status"])
        for e in recorded["email_addresses"]
    ], f"{where}.email_addresses"
    phones = [(p.id, p.phone_number, p.verification and p.verification.status) for p in user.phone_numbers]
    assert phones == [
        (p["id"], p["phone_number"], p["verification"] and p["verification"]["status"])
        for p in recorded["phone_numbers"]
    ], f"{where}.phone_numbers"
    primary = next(e for e in recorded["email_addresses"] if e["id"] == recorded["primary_email_address_id"])
    assert user.primary_email_address.email_address == primary["email_address"], f"{where} primary email"


def check_state(client: Client | AsyncClient, recorded: dict[str, Any] | None, where: str) -> None:
    """The facade's client after a step, against the client the recording holds at that point."""
    if recorded is None:
        assert client.is_new(), where
        assert client.id is None and client.sessions == [] and client.sign_in is None, where
        return
    assert not client.is_new(), where
    assert client.id == recorded["id"], where
    assert client.created_at == ms(recorded["created_at"]), f"{where}: created_at"
    assert client.updated_at == ms(recorded["updated_at"]), f"{where}: updated_at"
    sessions = recorded["sessions"]
    assert [(s.id, s.status) for s in client.sessions] == [(s["id"], s["status"]) for s in sessions], where
    active = [s["id"] for s in sessions if s["status"] == "active"]
    assert [s.id for s in client.active_sessions] == active, f"{where}: active sessions"
    signed_in = [s["id"] for s in sessions if s["status"] in ("active", "pending")]
    assert [s.id for s in client.signed_in_sessions] == signed_in, f"{where}: signed-in sessions"
    assert client.last_active_session_id == recorded["last_active_session_id"], where
    last = client.last_active_session
    assert (last.id if last else None) == recorded["last_active_session_id"], where
    for session, raw_session in zip(client.sessions, sessions, strict=True):
        here = f"{where}: session {raw_session['id']}"
        assert session.updated_at == ms(raw_session["updated_at"]), here
        assert session.expire_at == ms(raw_session.get("expire_at")), here
        token = raw_session.get("last_active_token")
        assert session.last_active_token == (token["jwt"] if token else None), here
        assert session.identifier == raw_session["public_user_data"]["identifier"], here
        if raw_session.get("user") is None:
            assert session.user is None, here
        else:
            check_user(session.user, raw_session["user"], f"{here}.user")
    for name in ("sign_in", "sign_up"):
        mine, theirs = getattr(client, name), recorded[name]
        assert ((mine.id, mine.status) if mine else None) == (
            (theirs["id"], theirs["status"]) if theirs else None
        ), f"{where}: {name}"


def check_result(result: Any, body: Any, where: str) -> None:
    """What the facade call returned, against the recorded answer's resource."""
    response = body.get("response") if isinstance(body, dict) else None
    if isinstance(response, dict) and response.get("object") in ("sign_in_attempt", "sign_up_attempt"):
        assert (result.id, result.status) == (response["id"], response["status"]), where
        missing = response.get("missing_fields")
        if missing is not None:
            assert list(result.missing_fields) == missing, where
            assert list(result.unverified_fields) == response["unverified_fields"], where
        if response.get("created_session_id"):
            assert result.created_session_id == response["created_session_id"], where
    elif isinstance(response, dict) and response.get("deleted") is True:
        assert (result.object, result.id, result.deleted) == (response["object"], response["id"], True), where
    elif isinstance(response, dict) and response.get("object") == "user":
        check_user(result, response, where)
    elif isinstance(response, dict) and response.get("object") in ("email_address", "phone_number"):
        value = response[response["object"]]
        assert (result.id, getattr(result, response["object"])) == (response["id"], value), where
        recorded = response["verification"]
        status = result.verification.status if result.verification else None
        assert status == (recorded["status"] if recorded else None), where
    elif isinstance(body, dict) and "auth_config" in body:
        assert result.instance_type == body["display_config"]["instance_environment_type"], where
        assert result.single_session_mode == body["auth_config"]["single_session_mode"], where


# ----- the replay -----------------------------------------------------------------------------------
def new_client(kind: type[Client] | type[AsyncClient], flow: Flow, server: RecordedServer) -> Any:
    transport = httpx.MockTransport(server.handle)
    return kind(frontend_api=BASE_URL, transport=transport, api_version=flow.api_version, max_retries=0)


async def replay(kind: type[Client] | type[AsyncClient], name: str) -> int:
    """Replay one flow; the number of steps replayed."""
    flow = load_flow(name)
    server = RecordedServer(flow)
    client = new_client(kind, flow, server)
    driver = Driver(client, flow)
    expected: dict[str, Any] | None = None
    check_state(client, expected, f"{name} before the first step")
    steps = replayed_steps(flow)
    for step in steps:
        where = f"{name} step {step.number} ({step.method} {step.path})"
        server.expect(step)
        result = await driver.make(step)
        assert server.requests_for_step == 1, f"{where}: the facade sent no request"
        body = step.body()
        has_client, client_body = recorded_client(body)
        if has_client:
            expected = client_body
        check_state(client, expected, where)
        check_result(result, body, where)
    await call(client.aclose() if isinstance(client, AsyncClient) else client.close())
    return len(steps)


def test_recordings_are_there() -> None:
    require(RECORDINGS)
    assert len(flow_names()) == 26


@pytest.mark.parametrize("name", REPLAYED)
async def test_flow_replays_sync(name: str) -> None:
    assert await replay(Client, name) > 0


@pytest.mark.parametrize("name", REPLAYED)
async def test_flow_replays_async(name: str) -> None:
    assert await replay(AsyncClient, name) > 0


def test_unsupported_lists_match_the_recordings() -> None:
    """The named lists are exactly the flows the replay leaves out, wholly or in part."""
    require(RECORDINGS)
    flows = {name: load_flow(name) for name in flow_names()}
    none_replayed = {name for name, flow in flows.items() if not replayed_steps(flow)}
    some_left_out = {
        name
        for name, flow in flows.items()
        if replayed_steps(flow) and len(replayed_steps(flow)) < len(flow.steps)
    }
    assert none_replayed == set(UNSUPPORTED_FLOWS)
    assert some_left_out == set(PARTIAL_FLOWS)
    used = {
        pattern
        for flow in flows.values()
        for step in flow.steps
        for pattern in UNSUPPORTED_REQUESTS
        if re.match(pattern, f"{step.method} {step.path}")
    }
    assert used == set(UNSUPPORTED_REQUESTS), "a reason in UNSUPPORTED_REQUESTS matches no recorded request"
