"""Fixtures for the facade tests: an emulator, sync and async clients on it, and request recording.

Most behaviours are pinned for both shells: the ``client`` fixture is parametrized over ``Client`` and
``AsyncClient``; a test calls ``await call(client.reload())`` and works with either.
"""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest
from clerk_fapi import AsyncClient, Client, MemoryTokenStore, RetryPolicy
from clerk_fapi.testing import Emulator, SeededUser

BASE_URL = "https://fapi.example.test"
PASSWORD = "Correct-Horse-Battery-Staple-91"
# Retries in tests wait milliseconds, never seconds.
FAST_RETRIES = RetryPolicy(backoff=0.001, max_backoff=0.01, max_retry_after=0.05)

AnyClient = Client | AsyncClient


async def call(value: Any) -> Any:
    """The result of a client method, whether the client is sync or async."""
    if inspect.isawaitable(value):
        return await value
    return value


class Recorder(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Wraps a transport and keeps every request sent and every response received."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.requests: list[httpx.Request] = []
        self.responses: list[httpx.Response] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        response: httpx.Response = self.inner.handle_request(request)
        self.responses.append(response)
        return response

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        response: httpx.Response = await self.inner.handle_async_request(request)
        self.responses.append(response)
        return response

    def paths(self) -> list[str]:
        return [f"{r.method} {r.url.path}" for r in self.requests]


@pytest.fixture
def emu() -> Emulator:
    return Emulator()


@pytest.fixture
def user(emu: Emulator) -> SeededUser:
    return emu.add_user(email_addresses="jane+clerk_test@example.com", password=PASSWORD, first_name="Jane")


@pytest.fixture
def store() -> MemoryTokenStore:
    return MemoryTokenStore()


@pytest.fixture(params=["sync", "async"])
def kind(request: pytest.FixtureRequest) -> str:
    param: str = request.param
    return param


@pytest.fixture
async def make_client(kind: str) -> AsyncIterator[Callable[..., AnyClient]]:
    """Builds clients of the parametrized kind (default: the test frontend API, fast retries); closes them."""
    made: list[AnyClient] = []

    def build(**kwargs: Any) -> AnyClient:
        kwargs.setdefault("frontend_api", BASE_URL)
        kwargs.setdefault("retry_policy", FAST_RETRIES)
        if "max_retries" not in kwargs:
            kwargs["max_retries"] = kwargs["retry_policy"].max_retries
        cls = Client if kind == "sync" else AsyncClient
        client = cls(**kwargs)
        made.append(client)
        return client

    yield build
    for client in made:
        if isinstance(client, AsyncClient):
            await client.aclose()
        else:
            client.close()


@pytest.fixture
def recorder(emu: Emulator) -> Recorder:
    return Recorder(emu.transport())


@pytest.fixture
def client(make_client: Callable[..., AnyClient], recorder: Recorder, store: MemoryTokenStore) -> AnyClient:
    """A native-mode client (sync or async) on the emulator, its requests recorded."""
    return make_client(transport=recorder, token_store=store)


def sign_in_on_the_side(
    emu: Emulator, store: MemoryTokenStore, user: SeededUser, password: str = PASSWORD
) -> str:
    """Sign ``user`` in with plain httpx as the device whose client token is in ``store``.

    The rotated token is written back to the store, so the facade client sharing it sees the session
    on its next ``reload()``. Returns the new session's id.
    """
    with httpx.Client(base_url=BASE_URL, transport=emu.transport()) as http:
        response = http.post(
            "/v1/client/sign_ins",
            params={"_is_native": "1"},
            headers={"Authorization": store.get("client") or ""},
            data={"identifier": user.identifier, "password": password},
        )
    assert response.status_code == 200, response.text
    store.set("client", response.headers["authorization"])
    session_id: str = response.json()["response"]["created_session_id"]
    return session_id


def end_session_on_the_side(emu: Emulator, store: MemoryTokenStore, session_id: str) -> None:
    with httpx.Client(base_url=BASE_URL, transport=emu.transport()) as http:
        response = http.post(
            f"/v1/client/sessions/{session_id}/end",
            params={"_is_native": "1"},
            headers={"Authorization": store.get("client") or ""},
        )
    assert response.status_code == 200, response.text
    store.set("client", response.headers["authorization"])
