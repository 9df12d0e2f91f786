"""The email-link waiter against Clerk's real answers: the sign-in states of a recorded email-link flow
(Flutter's ``sign_in_with_email_link``: still unverified, still unverified, then verified and complete)
served, in order, to ``wait_for_email_link``, which must stop exactly at the recorded completion and make
the recorded session active."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from clerk_fapi import AsyncClient, Client, _raw
from clerk_fapi._convert import sign_in_envelope

from .reference import RECORDINGS, load_flow, require

FLOW = "clerk_auth/sign_in_test/sign_in_with_email_link"


def recorded_polls() -> list[dict[str, Any]]:
    """The recorded clients the device read while it waited for the link (after the link was sent)."""
    require(RECORDINGS / FLOW)
    flow = load_flow(FLOW)
    steps = flow.steps
    sent = next(i for i, s in enumerate(steps) if s.path.endswith("/prepare_first_factor"))
    polls = [s.body()["response"] for s in steps[sent + 1 :] if s.method == "GET" and s.path == "/v1/client"]
    assert len(polls) >= 2 and polls[-1]["sign_in"]["status"] == "complete"
    return polls


class RecordedServer:
    """Answers the waiter's reads of the sign-in with the recorded states, and the touch of the session."""

    def __init__(self, polls: list[dict[str, Any]]) -> None:
        self.polls = polls
        self.reads = 0
        self.touched: list[str] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        headers = {"Authorization": f"rotated-{self.reads}"}
        client = self.polls[min(self.reads, len(self.polls) - 1)]
        if request.method == "GET" and "/v1/client/sign_ins/" in request.url.path:
            self.reads += 1
            body = {"response": client["sign_in"], "client": client}
            return httpx.Response(200, json=body, headers=headers)
        if request.method == "POST" and request.url.path.endswith("/touch"):
            session_id = request.url.path.split("/")[-2]
            self.touched.append(session_id)
            session = next(s for s in client["sessions"] if s["id"] == session_id)
            return httpx.Response(200, json={"response": session, "client": client}, headers=headers)
        return httpx.Response(404, json={"errors": [{"code": "resource_not_found"}]})


@pytest.mark.parametrize("kind", ["sync", "async"])
async def test_the_waiter_stops_at_the_recorded_completion(kind: str) -> None:
    polls = recorded_polls()
    server = RecordedServer(polls)
    sign_in_id = polls[0]["sign_in"]["id"]
    expected_session = polls[-1]["sign_in"]["created_session_id"]
    transport = httpx.MockTransport(server)
    if kind == "sync":
        client: Any = Client(frontend_api="https://fapi.example.test", transport=transport)
        client._sleep = lambda seconds: None
        sign_in = client._bind_sign_in(_sign_in_data(client, polls[0]))
        done = sign_in.wait_for_email_link(timeout=30, interval=0.01)
        client.close()
    else:
        async_transport = httpx.MockTransport(server)
        client = AsyncClient(frontend_api="https://fapi.example.test", transport=async_transport)

        async def no_sleep(seconds: float) -> None:
            return None

        client._sleep = no_sleep
        sign_in = client._bind_sign_in(_sign_in_data(client, polls[0]))
        done = await sign_in.wait_for_email_link(timeout=30, interval=0.01)
        await client.aclose()
    assert server.reads == len(polls)  # one read per recorded state, none after the completion
    assert done.status == "complete" and done.created_session_id == expected_session
    assert done.first_factor_verification.status == "verified"
    assert server.touched == [expected_session]
    assert sign_in.id == sign_in_id


def _sign_in_data(client: Any, recorded_client: dict[str, Any]) -> Any:
    """The recorded sign-in as the library reads it (parsed and converted as any answer is)."""
    response = httpx.Response(
        200,
        content=json.dumps({"response": recorded_client["sign_in"], "client": recorded_client}).encode(),
        headers={"Content-Type": "application/json"},
        request=httpx.Request("GET", "https://fapi.example.test/v1/client/sign_ins/x"),
    )
    data, _ = sign_in_envelope(_raw.parse(_raw.GET_SIGN_IN, response))
    return data
