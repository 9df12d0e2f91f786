"""``AsyncClient`` under trio as under asyncio: real HTTP on loopback, retries that sleep, get_token
callers that overlap and still share one request, and the one-event-loop rule."""

from __future__ import annotations

import asyncio

import pytest
import trio
from clerk_fapi import AsyncClient, ConfigurationError
from clerk_fapi.testing import Emulator, EmulatorServer, SeededUser

from .conftest import FAST_RETRIES, PASSWORD


def test_a_sign_in_and_get_token_flow_runs_under_trio(emu: Emulator, user: SeededUser) -> None:
    callers = 8

    async def main(url: str) -> None:
        async with AsyncClient(frontend_api=url, retry_policy=FAST_RETRIES) as client:
            emu.inject_fault("/v1/client", method="GET", status=503)  # retried after a trio sleep
            await client.reload()
            session = await client.sign_in_with_password(user.identifier, PASSWORD)
            client.clear_cache()  # the sign-in's last_active_token was cached: start empty
            emu.reset_counts()
            # A slow token answer: every caller is waiting while the first one's request is out.
            emu.inject_fault(f"/v1/client/sessions/{session.id}/tokens", delay=0.2)
            tokens: list[str | None] = []

            async def caller() -> None:
                tokens.append(await session.get_token())

            async with trio.open_nursery() as nursery:
                for _ in range(callers):
                    nursery.start_soon(caller)
            assert len(tokens) == callers
            assert len(set(tokens)) == 1 and tokens[0]
            assert emu.request_counts[("POST", f"/v1/client/sessions/{session.id}/tokens")] == 1
            assert await client.get_token() == tokens[0]  # served from the cache

    with EmulatorServer(emu).start() as server:
        trio.run(main, server.url)


@pytest.mark.parametrize("first", ["trio", "asyncio"])
def test_an_async_client_used_from_a_second_event_loop_under_trio_raises_a_clerk_error(
    emu: Emulator, first: str
) -> None:
    with EmulatorServer(emu).start() as server:
        client = AsyncClient(frontend_api=server.url, max_retries=0)
        if first == "trio":
            trio.run(client.create)
        else:
            asyncio.run(client.create())
        before = client.state
        with pytest.raises(ConfigurationError, match="event loop"):
            trio.run(client.reload)
        assert client.state is before
