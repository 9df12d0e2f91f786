"""SessionAuth: the signed-in user's session JWT on requests to your own API, kept fresh.

Token ages are moved with the emulator's clock (the client's token cache follows it), never by sleeping.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import anyio
import httpx
import pytest
from clerk_fapi import (
    AsyncClient,
    Client,
    ConfigurationError,
    NotSignedInError,
    ServerError,
    SessionAuth,
    TokenRetry,
    UnprocessableEntityError,
)
from clerk_fapi.testing import Emulator, SeededUser

from .conftest import BASE_URL, PASSWORD

API = "https://api.example.test"


def _follow(client: Client | AsyncClient, emu: Emulator) -> None:
    def now() -> float:
        return emu.clock.now_ms / 1000

    client._tokens.use_clocks(now, now)


@pytest.fixture
def signed_in(emu: Emulator, user: SeededUser) -> Iterator[Client]:
    emu.clock.freeze()
    with Client(frontend_api=BASE_URL, transport=emu.transport(), max_retries=0) as client:
        _follow(client, emu)
        client.sign_in_with_password(user.identifier, PASSWORD)
        yield client


def mints(emu: Emulator, client: Client | AsyncClient) -> int:
    session_id = client.last_active_session_id
    return emu.request_counts.get(("POST", f"/v1/client/sessions/{session_id}/tokens"), 0)


class Backend:
    """Your API: records the bearer tokens it gets; answers 401 to the tokens in ``refuse``."""

    def __init__(self) -> None:
        self.seen: list[str] = []
        self.refuse: set[str] = set()
        self.refuse_all = False

    def __call__(self, request: httpx.Request) -> httpx.Response:
        token = request.headers.get("authorization", "").removeprefix("Bearer ")
        self.seen.append(token)
        if self.refuse_all or token in self.refuse:
            return httpx.Response(401)
        return httpx.Response(200, json={"ok": True})


def test_refreshes_ahead_of_expiry_never_sending_a_token_within_the_leeway(
    emu: Emulator, signed_in: Client
) -> None:
    backend = Backend()
    with httpx.Client(transport=httpx.MockTransport(backend), auth=SessionAuth(signed_in)) as http:
        http.get(API)
        assert mints(emu, signed_in) == 0  # the token that came with the sign-in is fresh
        emu.clock.advance(44)  # 16 s left: more than the 15 s leeway
        http.get(API)
        assert mints(emu, signed_in) == 0
        assert backend.seen[1] == backend.seen[0]
        emu.clock.advance(2)  # 14 s left: still cached by the client, but within SessionAuth's leeway
        http.get(API)
        assert mints(emu, signed_in) == 1
        assert backend.seen[2] != backend.seen[1]
        emu.clock.advance(120)  # long past its lifetime
        http.get(API)
        assert mints(emu, signed_in) == 2
        assert len(set(backend.seen)) == 3


def test_the_leeway_is_configurable(emu: Emulator, signed_in: Client) -> None:
    backend = Backend()
    with httpx.Client(transport=httpx.MockTransport(backend), auth=SessionAuth(signed_in, leeway=30)) as http:
        emu.clock.advance(31)  # 29 s left
        http.get(API)
    assert mints(emu, signed_in) == 1


def test_threads_share_one_refresh(emu: Emulator, signed_in: Client) -> None:
    auth = SessionAuth(signed_in)
    auth.token()
    emu.clock.advance(120)
    barrier = threading.Barrier(16)
    got: list[str] = []

    def worker() -> None:
        barrier.wait()
        got.append(auth.token())

    threads = [threading.Thread(target=worker) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert mints(emu, signed_in) == 1
    assert len(got) == 16 and len(set(got)) == 1


@pytest.mark.parametrize("anyio_backend", ["asyncio", "trio"])
def test_fifty_tasks_share_one_refresh(emu: Emulator, user: SeededUser, anyio_backend: str) -> None:
    emu.clock.freeze()

    async def main() -> None:
        async with AsyncClient(frontend_api=BASE_URL, transport=emu.transport()) as client:
            _follow(client, emu)
            await client.sign_in_with_password(user.identifier, PASSWORD)
            emu.clock.advance(120)
            backend = Backend()
            async with (
                httpx.AsyncClient(transport=httpx.MockTransport(backend), auth=SessionAuth(client)) as http,
                anyio.create_task_group() as group,
            ):
                for _ in range(50):
                    group.start_soon(http.get, API)
            assert mints(emu, client) == 1
            assert len(backend.seen) == 50 and len(set(backend.seen)) == 1

    anyio.run(main, backend=anyio_backend)


def test_a_sync_client_serves_an_async_http_client(emu: Emulator, signed_in: Client) -> None:
    emu.clock.advance(120)
    backend = Backend()

    async def main() -> None:
        async with (
            httpx.AsyncClient(transport=httpx.MockTransport(backend), auth=SessionAuth(signed_in)) as http,
            anyio.create_task_group() as group,
        ):
            for _ in range(20):
                group.start_soon(http.get, API)

    anyio.run(main)
    assert mints(emu, signed_in) == 1 and len(set(backend.seen)) == 1


def test_a_401_refreshes_once_and_resends_an_idempotent_request(emu: Emulator, signed_in: Client) -> None:
    backend = Backend()
    backend.refuse.add(signed_in.get_token() or "")
    with httpx.Client(transport=httpx.MockTransport(backend), auth=SessionAuth(signed_in)) as http:
        assert http.get(API).status_code == 200
    assert mints(emu, signed_in) == 1
    assert len(backend.seen) == 2 and backend.seen[0] != backend.seen[1]


def test_a_401_is_resent_only_once(emu: Emulator, signed_in: Client) -> None:
    backend = Backend()
    backend.refuse_all = True
    with httpx.Client(transport=httpx.MockTransport(backend), auth=SessionAuth(signed_in)) as http:
        assert http.put(API, content=b"x").status_code == 401
    assert len(backend.seen) == 2 and mints(emu, signed_in) == 1


def test_a_post_is_not_resent_after_a_401_unless_configured(emu: Emulator, signed_in: Client) -> None:
    backend = Backend()
    backend.refuse.add(signed_in.get_token() or "")
    with httpx.Client(transport=httpx.MockTransport(backend), auth=SessionAuth(signed_in)) as http:
        assert http.post(API, json={"a": 1}).status_code == 401
    assert len(backend.seen) == 1 and mints(emu, signed_in) == 0
    auth = SessionAuth(signed_in, retry_on_401={"post"})
    with httpx.Client(transport=httpx.MockTransport(backend), auth=auth) as http:
        response = http.post(API, json={"a": 1})
    assert response.status_code == 200 and len(backend.seen) == 3


def test_minting_retries_within_its_budget_then_raises(emu: Emulator, signed_in: Client) -> None:
    session_id = signed_in.last_active_session_id
    emu.clock.advance(120)
    emu.inject_fault(f"/v1/client/sessions/{session_id}/tokens", times=100, status=503)
    slept: list[float] = []
    auth = SessionAuth(
        signed_in, token_retry=TokenRetry(attempts=8, initial_delay=1, budget=20), sleep=slept.append
    )
    with pytest.raises(ServerError) as raised:
        auth.token()
    assert slept == [1, 2, 4, 8]  # the next wait (16) would pass the 20 s budget
    assert mints(emu, signed_in) == 5
    assert str(signed_in._tokens.last(session_id or "")) not in str(raised.value)


def test_minting_recovers_after_transient_failures(emu: Emulator, signed_in: Client) -> None:
    session_id = signed_in.last_active_session_id
    emu.clock.advance(120)
    emu.inject_fault(f"/v1/client/sessions/{session_id}/tokens", times=2, status=429)
    emu.inject_fault(f"/v1/client/sessions/{session_id}/tokens", times=1, drop_connection=True)
    slept: list[float] = []
    auth = SessionAuth(signed_in, sleep=slept.append)
    assert auth.token()
    assert slept == [1.0, 2.0, 4.0] and mints(emu, signed_in) == 4


def test_the_default_budget_is_clerk_js_s(emu: Emulator) -> None:
    retry = TokenRetry()
    waits = list(retry.delays())
    assert retry.attempts == 8 and len(waits) == 7 and sum(waits) <= retry.budget == 180


def test_a_refusal_is_not_retried(emu: Emulator, signed_in: Client) -> None:
    session_id = signed_in.last_active_session_id
    emu.clock.advance(120)
    emu.inject_fault(f"/v1/client/sessions/{session_id}/tokens", times=1, status=422)
    slept: list[float] = []
    with pytest.raises(UnprocessableEntityError):
        SessionAuth(signed_in, sleep=slept.append).token()
    assert slept == []


def test_background_refresh_keeps_the_token_warm_until_closed(emu: Emulator, signed_in: Client) -> None:
    with SessionAuth(signed_in, background=True, refresh_interval=0.01) as auth:
        thread = auth._thread
        assert thread is not None and thread.is_alive()
        emu.clock.advance(40)  # 20 s left: the background refreshes before the leeway is reached
        deadline = time.monotonic() + 10
        while mints(emu, signed_in) == 0 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert mints(emu, signed_in) == 1
        backend = Backend()
        with httpx.Client(transport=httpx.MockTransport(backend), auth=auth) as http:
            http.get(API)
        assert mints(emu, signed_in) == 1  # the request found a warm token
    assert not thread.is_alive() and auth._thread is None
    emu.clock.advance(120)
    time.sleep(0.05)
    assert mints(emu, signed_in) == 1


def test_background_refresh_is_off_by_default(emu: Emulator, signed_in: Client) -> None:
    auth = SessionAuth(signed_in)
    assert auth._thread is None
    emu.clock.advance(50)
    time.sleep(0.05)
    assert mints(emu, signed_in) == 0


def test_async_background_refresh_runs_inside_async_with(emu: Emulator, user: SeededUser) -> None:
    emu.clock.freeze()

    async def main() -> None:
        with anyio.fail_after(30):  # a task left running would hang here
            await run()

    async def run() -> None:
        async with AsyncClient(frontend_api=BASE_URL, transport=emu.transport()) as client:
            _follow(client, emu)
            await client.sign_in_with_password(user.identifier, PASSWORD)
            async with SessionAuth(client, background=True, refresh_interval=0.01):
                emu.clock.advance(40)
                with anyio.fail_after(10):
                    while mints(emu, client) == 0:
                        await anyio.sleep(0.01)
            emu.clock.advance(120)
            await anyio.sleep(0.05)
            assert mints(emu, client) == 1

    anyio.run(main)


def test_no_token_in_repr_or_errors(emu: Emulator, signed_in: Client) -> None:
    auth = SessionAuth(signed_in, template=None)
    token = auth.token()
    assert token not in repr(auth)
    signed_in.sign_out()
    with pytest.raises(NotSignedInError) as raised:
        auth.token()
    assert token not in str(raised.value)


def test_a_session_auth_stays_on_its_session(emu: Emulator, signed_in: Client) -> None:
    session = signed_in.last_active_session
    assert session is not None
    token = SessionAuth(session).token()
    assert token == signed_in.get_token()


@pytest.mark.parametrize(
    "kwargs",
    [
        {"leeway": -1},
        {"leeway": float("nan")},
        {"refresh_interval": 0},
        {"retry_on_401": "GET"},
        {"template": "t", "organization_id": "org_1"},
    ],
)
def test_bad_settings_are_refused(signed_in: Client, kwargs: dict[str, object]) -> None:
    with pytest.raises(ConfigurationError):
        SessionAuth(signed_in, **kwargs)  # type: ignore[arg-type]


def test_bad_targets_and_budgets_are_refused() -> None:
    with pytest.raises(ConfigurationError):
        SessionAuth("not a client")  # type: ignore[arg-type]
    with pytest.raises(ConfigurationError):
        TokenRetry(attempts=0)
    with pytest.raises(ConfigurationError):
        TokenRetry(budget=-1)
