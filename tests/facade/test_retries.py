"""The retry policy: which calls are resent, on what, how often, and how long the client waits."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any

import pytest
from clerk_fapi import (
    AsyncClient,
    AuthenticationError,
    BadRequestError,
    ClerkAPIError,
    ClerkConnectionError,
    ClerkTimeoutError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    RetryPolicy,
    ServerError,
    UnprocessableEntityError,
)
from clerk_fapi.testing import Emulator, SeededUser

from .conftest import PASSWORD, AnyClient, call


def record_sleeps(client: AnyClient) -> list[float]:
    """Replace the client's wait with one that records the wait and returns at once."""
    waits: list[float] = []
    if isinstance(client, AsyncClient):

        async def fake_async_sleep(seconds: float) -> None:
            waits.append(seconds)

        client._sleep = fake_async_sleep
    else:

        def fake_sleep(seconds: float) -> None:
            waits.append(seconds)

        client._sleep = fake_sleep
    return waits


# (method, path, how to call it on a client that already exists)
IDEMPOTENT_CALLS = [
    ("GET", "/v1/client", "reload"),
    ("PUT", "/v1/client", "create"),
    ("DELETE", "/v1/client/sessions", "remove_sessions"),
    ("DELETE", "/v1/client", "destroy"),
]


@pytest.mark.parametrize("status", [429, 500, 502, 503])
@pytest.mark.parametrize(("method", "path", "operation"), IDEMPOTENT_CALLS)
async def test_idempotent_calls_are_retried_on_retryable_statuses(
    make_client: Callable[..., AnyClient], emu: Emulator, status: int, method: str, path: str, operation: str
) -> None:
    client = make_client(transport=emu.transport())
    await call(client.create())
    emu.reset_counts()
    emu.inject_fault(path, method=method, status=status, times=2, retry_after=0 if status == 429 else None)
    await call(getattr(client, operation)())
    assert emu.request_counts[(method, path)] == 3


@pytest.mark.parametrize(("method", "path", "operation"), IDEMPOTENT_CALLS)
async def test_idempotent_calls_are_retried_on_dropped_connections(
    make_client: Callable[..., AnyClient], emu: Emulator, method: str, path: str, operation: str
) -> None:
    client = make_client(transport=emu.transport())
    await call(client.create())
    emu.reset_counts()
    emu.inject_fault(path, method=method, drop_connection=True, times=2)
    await call(getattr(client, operation)())
    assert emu.request_counts[(method, path)] == 3


async def test_idempotent_call_is_retried_after_a_timeout(
    make_client: Callable[..., AnyClient], emu: Emulator
) -> None:
    client = make_client(transport=emu.transport(), timeout=0.05)
    emu.inject_fault("/v1/client", method="PUT", delay=0.2)
    await call(client.create())
    assert client.id is not None
    assert emu.request_counts[("PUT", "/v1/client")] == 2


async def test_retries_give_up_after_max_retries_with_the_last_error(
    make_client: Callable[..., AnyClient], emu: Emulator
) -> None:
    client = make_client(transport=emu.transport(), max_retries=3)
    emu.inject_fault("/v1/client", status=503, times=10)
    with pytest.raises(ServerError) as info:
        await call(client.reload())
    assert info.value.status_code == 503
    assert emu.request_counts[("GET", "/v1/client")] == 4


async def test_retries_give_up_on_connection_errors_too(
    make_client: Callable[..., AnyClient], emu: Emulator
) -> None:
    client = make_client(transport=emu.transport())
    emu.inject_fault("/v1/client", drop_connection=True, times=10)
    with pytest.raises(ClerkConnectionError):
        await call(client.reload())
    assert emu.request_counts[("GET", "/v1/client")] == 3


@pytest.mark.parametrize(
    ("status", "error_class"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (422, UnprocessableEntityError),
    ],
)
async def test_client_errors_are_never_retried(
    make_client: Callable[..., AnyClient], emu: Emulator, status: int, error_class: type[ClerkAPIError]
) -> None:
    client = make_client(transport=emu.transport())
    emu.inject_fault("/v1/client", status=status, times=5)
    with pytest.raises(ClerkAPIError) as info:
        await call(client.reload())
    assert type(info.value) is error_class
    assert info.value.status_code == status
    assert emu.request_counts[("GET", "/v1/client")] == 1


async def test_max_retries_zero_turns_retries_off(
    make_client: Callable[..., AnyClient], emu: Emulator
) -> None:
    client = make_client(transport=emu.transport(), max_retries=0)
    emu.inject_fault("/v1/client", status=500, times=5)
    with pytest.raises(ServerError):
        await call(client.reload())
    assert emu.request_counts[("GET", "/v1/client")] == 1
    emu.clear_faults()
    emu.inject_fault("/v1/client", drop_connection=True, times=5)
    with pytest.raises(ClerkConnectionError):
        await call(client.reload())
    assert emu.request_counts[("GET", "/v1/client")] == 2
    emu.clear_faults()
    emu.inject_fault("/v1/client", status=429, times=5)
    with pytest.raises(RateLimitError):
        await call(client.reload())
    assert emu.request_counts[("GET", "/v1/client")] == 3


async def test_max_retries_argument_overrides_the_policy(
    emu: Emulator, make_client: Callable[..., Any]
) -> None:
    client = make_client(
        transport=emu.transport(), retry_policy=RetryPolicy(max_retries=5, backoff=0.001), max_retries=1
    )
    assert client.retry_policy.max_retries == 1
    emu.inject_fault("/v1/client", status=500, times=5)
    with pytest.raises(ServerError):
        await call(client.reload())
    assert emu.request_counts[("GET", "/v1/client")] == 2


# ----- POST: never sent twice unless the server cannot have acted on it ---------------------------
async def test_sign_in_post_is_not_retried_on_500(client: AnyClient, emu: Emulator, user: SeededUser) -> None:
    emu.inject_fault("/v1/client/sign_ins", status=500, times=2)
    with pytest.raises(ServerError):
        await call(client.sign_in_with_password(user.identifier, PASSWORD))
    assert emu.request_counts[("POST", "/v1/client/sign_ins")] == 1


@pytest.mark.parametrize("status", [502, 503, 504])
async def test_sign_in_post_is_not_retried_on_gateway_errors(
    client: AnyClient, emu: Emulator, user: SeededUser, status: int
) -> None:
    emu.inject_fault("/v1/client/sign_ins", status=status, times=2)
    with pytest.raises(ServerError):
        await call(client.sign_in_with_password(user.identifier, PASSWORD))
    assert emu.request_counts[("POST", "/v1/client/sign_ins")] == 1


async def test_sign_in_post_is_not_retried_on_a_dropped_connection(
    client: AnyClient, emu: Emulator, user: SeededUser
) -> None:
    emu.inject_fault("/v1/client/sign_ins", drop_connection=True, times=2)
    with pytest.raises(ClerkConnectionError):
        await call(client.sign_in_with_password(user.identifier, PASSWORD))
    assert emu.request_counts[("POST", "/v1/client/sign_ins")] == 1


async def test_sign_in_post_is_not_retried_after_a_read_timeout(
    make_client: Callable[..., AnyClient], emu: Emulator, user: SeededUser
) -> None:
    client = make_client(transport=emu.transport(), timeout=0.05)
    emu.inject_fault("/v1/client/sign_ins", delay=0.2)
    with pytest.raises(ClerkTimeoutError):
        await call(client.sign_in_with_password(user.identifier, PASSWORD))
    assert emu.request_counts[("POST", "/v1/client/sign_ins")] == 1


async def test_sign_in_post_is_retried_on_429(client: AnyClient, emu: Emulator, user: SeededUser) -> None:
    emu.inject_fault("/v1/client/sign_ins", status=429, retry_after=0, times=1)
    session = await call(client.sign_in_with_password(user.identifier, PASSWORD))
    assert session.id == client.last_active_session_id
    assert emu.request_counts[("POST", "/v1/client/sign_ins")] == 2


async def test_bot_detected_429_is_not_retried(client: AnyClient, emu: Emulator) -> None:
    body = {"errors": [{"code": "bot_detected", "message": "Bot traffic detected"}]}
    emu.inject_fault("/v1/client", status=429, body=body, times=5)
    with pytest.raises(RateLimitError) as info:
        await call(client.reload())
    assert info.value.code == "bot_detected"
    assert emu.request_counts[("GET", "/v1/client")] == 1


# ----- how long the client waits -----------------------------------------------------------------------
async def test_retry_after_in_seconds_is_honoured(
    make_client: Callable[..., AnyClient], emu: Emulator
) -> None:
    client = make_client(transport=emu.transport(), retry_policy=RetryPolicy(max_retry_after=60))
    waits = record_sleeps(client)
    emu.inject_fault("/v1/client", status=429, retry_after=3, times=1)
    emu.inject_fault("/v1/client", status=503, retry_after="7", times=1)
    await call(client.reload())
    assert waits == [3.0, 7.0]


async def test_retry_after_as_an_http_date_is_honoured(
    make_client: Callable[..., AnyClient], emu: Emulator
) -> None:
    client = make_client(transport=emu.transport(), retry_policy=RetryPolicy(max_retry_after=60))
    waits = record_sleeps(client)
    when = datetime.now(UTC) + timedelta(seconds=20)
    emu.inject_fault("/v1/client", status=429, retry_after=format_datetime(when, usegmt=True))
    await call(client.reload())
    assert len(waits) == 1
    assert 17.0 <= waits[0] <= 20.5


async def test_retry_after_in_the_past_does_not_wait(
    make_client: Callable[..., AnyClient], emu: Emulator
) -> None:
    client = make_client(transport=emu.transport())
    waits = record_sleeps(client)
    when = datetime.now(UTC) - timedelta(minutes=5)
    emu.inject_fault("/v1/client", status=503, retry_after=format_datetime(when, usegmt=True))
    await call(client.reload())
    assert waits == [0.0]


@pytest.mark.parametrize("retry_after", [3600, "86400"])
async def test_retry_after_is_capped_by_max_retry_after(
    make_client: Callable[..., AnyClient], emu: Emulator, retry_after: int | str
) -> None:
    client = make_client(transport=emu.transport(), retry_policy=RetryPolicy(max_retry_after=5))
    waits = record_sleeps(client)
    emu.inject_fault("/v1/client", status=429, retry_after=retry_after)
    await call(client.reload())
    assert waits == [5.0]


async def test_retry_after_http_date_is_capped_too(
    make_client: Callable[..., AnyClient], emu: Emulator
) -> None:
    client = make_client(transport=emu.transport(), retry_policy=RetryPolicy(max_retry_after=2))
    waits = record_sleeps(client)
    when = datetime.now(UTC) + timedelta(hours=3)
    emu.inject_fault("/v1/client", status=429, retry_after=format_datetime(when, usegmt=True))
    await call(client.reload())
    assert waits == [2.0]


async def test_unparseable_retry_after_falls_back_to_capped_backoff(
    make_client: Callable[..., AnyClient], emu: Emulator
) -> None:
    policy = RetryPolicy(backoff=0.5, max_backoff=0.75, max_retry_after=60, max_retries=4)
    client = make_client(transport=emu.transport(), retry_policy=policy)
    waits = record_sleeps(client)
    emu.inject_fault("/v1/client", status=429, retry_after="soon", times=4)
    await call(client.reload())
    assert len(waits) == 4
    assert all(0 < w <= 0.75 for w in waits)


async def test_backoff_without_retry_after_grows_and_is_capped(
    make_client: Callable[..., AnyClient], emu: Emulator
) -> None:
    policy = RetryPolicy(backoff=1.0, max_backoff=3.0, max_retries=5)
    client = make_client(transport=emu.transport(), retry_policy=policy)
    waits = record_sleeps(client)
    emu.inject_fault("/v1/client", status=500, times=5)
    await call(client.reload())
    assert len(waits) == 5
    # Jittered within [ceiling/2, ceiling] where ceiling = min(max_backoff, backoff * 2**attempt).
    for attempt, wait in enumerate(waits):
        ceiling = min(3.0, 1.0 * 2**attempt)
        assert ceiling / 2 <= wait <= ceiling, (attempt, wait)


async def test_connection_error_retries_wait_a_backoff(
    make_client: Callable[..., AnyClient], emu: Emulator
) -> None:
    policy = RetryPolicy(backoff=0.2, max_backoff=0.2)
    client = make_client(transport=emu.transport(), retry_policy=policy)
    waits = record_sleeps(client)
    emu.inject_fault("/v1/client", drop_connection=True, times=2)
    await call(client.reload())
    assert len(waits) == 2 and all(0.1 <= w <= 0.2 for w in waits)
