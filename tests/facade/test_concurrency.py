"""One client shared by many threads (or tasks), against an emulator that accepts only the newest
client token: calls that carry the token never race each other's rotations, the client's snapshot
never goes back in time, and concurrent ``get_token`` callers still share one request per key."""

from __future__ import annotations

import asyncio
import logging
import threading
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from clerk_fapi import AsyncClient, Client, MemoryTokenStore
from clerk_fapi.testing import Emulator, SeededUser

from .conftest import BASE_URL, FAST_RETRIES, PASSWORD

THREADS, OPERATIONS, TASKS = 50, 20, 200
# get_token callers, and how long each token answer takes: long enough that every caller asks while the
# first request is still in flight, so callers that do not wait for it would send their own.
CALLERS, TOKEN_DELAY = 16, 0.3


@pytest.fixture
def strict() -> Emulator:
    emu = Emulator(strict_token_rotation=True)
    emu.add_jwt_template("tpl", {"uid": "{{user.id}}"})
    return emu


def _user(emu: Emulator) -> SeededUser:
    return emu.add_user(email_addresses="jane+clerk_test@example.com", password=PASSWORD)


def _operation(client: Client, n: int) -> object:
    """One of the calls a service makes, every one of them carrying (and rotating) the client token."""
    session = client.last_active_session
    assert session is not None
    match n % 5:
        case 0:
            return client.reload()
        case 1:
            return session.touch()
        case 2:
            return session.get_token(skip_cache=True)
        case 3:
            return client.get_token(template="tpl")
        case _:
            return session.reload()


async def _async_operation(client: AsyncClient, n: int) -> object:
    session = client.last_active_session
    assert session is not None
    match n % 5:
        case 0:
            return await client.reload()
        case 1:
            return await session.touch()
        case 2:
            return await session.get_token(skip_cache=True)
        case 3:
            return await client.get_token(template="tpl")
        case _:
            return await session.reload()


def test_threads_sharing_one_client_never_race_the_token_rotation(strict: Emulator) -> None:
    user = _user(strict)
    with Client(frontend_api=BASE_URL, transport=strict.transport(), retry_policy=FAST_RETRIES) as client:
        client.sign_in_with_password(user.identifier, PASSWORD)
        failures: list[BaseException] = []

        def work(worker: int) -> None:
            for n in range(OPERATIONS):
                try:
                    _operation(client, worker + n)
                except Exception as exc:  # every failure is collected and reported
                    failures.append(exc)

        with ThreadPoolExecutor(max_workers=THREADS) as pool:
            list(pool.map(work, range(THREADS)))
        assert failures == []
        assert client.reload().last_active_session_id is not None


class _OnTheWire(httpx.AsyncBaseTransport):
    """The in-process emulator, but every request yields to the other tasks while it is "on the wire"."""

    def __init__(self, emu: Emulator) -> None:
        self.inner = emu.transport()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await asyncio.sleep(0)
        response = await self.inner.handle_async_request(request)
        await asyncio.sleep(0)
        return response


async def test_tasks_sharing_one_async_client_never_race_the_token_rotation(strict: Emulator) -> None:
    user = _user(strict)
    async with AsyncClient(
        frontend_api=BASE_URL, transport=_OnTheWire(strict), retry_policy=FAST_RETRIES
    ) as client:
        await client.sign_in_with_password(user.identifier, PASSWORD)
        results = await asyncio.gather(
            *(_async_operation(client, n) for n in range(TASKS)), return_exceptions=True
        )
        assert [r for r in results if isinstance(r, BaseException)] == []
        assert (await client.reload()).last_active_session_id is not None


def _slow_tokens(emu: Emulator) -> None:
    """Every token answer (any session, with or without a template) waits ``TOKEN_DELAY`` seconds."""
    emu.inject_fault("/v1/client/sessions/*/tokens*", method="POST", delay=TOKEN_DELAY, times=CALLERS)


def test_concurrent_get_token_callers_still_share_one_request_per_key(strict: Emulator) -> None:
    user = _user(strict)
    with Client(frontend_api=BASE_URL, transport=strict.transport()) as client:
        session = client.sign_in_with_password(user.identifier, PASSWORD)
        client.clear_cache()  # the sign-in's last_active_token was cached: start empty
        strict.reset_counts()
        _slow_tokens(strict)
        start = threading.Barrier(CALLERS)

        def get_token(n: int) -> str | None:
            start.wait()  # all callers ask at once
            return session.get_token(template="tpl" if n % 2 else None)

        with ThreadPoolExecutor(max_workers=CALLERS) as pool:
            tokens = list(pool.map(get_token, range(CALLERS)))
        assert len(set(tokens)) == 2  # one per key
        counts = strict.request_counts
        assert counts[("POST", f"/v1/client/sessions/{session.id}/tokens/tpl")] == 1
        assert counts[("POST", f"/v1/client/sessions/{session.id}/tokens")] == 1


async def test_concurrent_async_get_token_callers_still_share_one_request_per_key(strict: Emulator) -> None:
    user = _user(strict)
    async with AsyncClient(frontend_api=BASE_URL, transport=strict.transport()) as client:
        session = await client.sign_in_with_password(user.identifier, PASSWORD)
        client.clear_cache()
        strict.reset_counts()
        _slow_tokens(strict)
        tokens = await asyncio.gather(
            *(session.get_token(template="tpl" if n % 2 else None) for n in range(CALLERS))
        )
        assert len(set(tokens)) == 2
        counts = strict.request_counts
        assert counts[("POST", f"/v1/client/sessions/{session.id}/tokens/tpl")] == 1
        assert counts[("POST", f"/v1/client/sessions/{session.id}/tokens")] == 1


class _PauseAfterAnswer(logging.Handler):
    """Holds the first thread whose GET /v1/client answer arrived, until told to go on."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.arrived = threading.Event()
        self.go_on = threading.Event()
        self.held = False

    def handle(self, record: logging.LogRecord) -> bool:
        self.emit(record)  # without the handler's lock: other threads keep logging meanwhile
        return True

    def emit(self, record: logging.LogRecord) -> None:
        if not self.held and record.getMessage().startswith("GET /v1/client -> HTTP 200"):
            self.held = True
            self.arrived.set()
            self.go_on.wait(10)


def test_an_older_snapshot_never_replaces_a_newer_one(emu: Emulator, user: SeededUser) -> None:
    """A reload's answer is applied after a later touch's: the client keeps the touch's newer state."""
    with Client(frontend_api=BASE_URL, transport=emu.transport(), token_store=MemoryTokenStore()) as client:
        session = client.sign_in_with_password(user.identifier, PASSWORD)
        pause = _PauseAfterAnswer()
        engine_log = logging.getLogger("clerk_fapi")
        engine_log.addHandler(pause)
        old_level = engine_log.level
        engine_log.setLevel(logging.DEBUG)
        try:
            reloading = threading.Thread(target=client.reload)
            reloading.start()
            assert pause.arrived.wait(10)
            emu.clock.advance(5)
            touched = session.touch()  # a newer snapshot, applied while the reload's answer waits
            newest = client.updated_at
            assert newest is not None and touched.id == session.id
            pause.go_on.set()
            reloading.join(10)
        finally:
            engine_log.removeHandler(pause)
            engine_log.setLevel(old_level)
        assert client.updated_at == newest
