"""The retry policy on its own: the documented defaults and the waits it chooses (README, Retries)."""

from __future__ import annotations

import pytest
from clerk_fapi import AsyncClient, Client, RetryPolicy


@pytest.mark.parametrize("cls", [Client, AsyncClient])
def test_default_retry_policy(cls: type[Client] | type[AsyncClient]) -> None:
    policy = cls(frontend_api="https://clerk.example.com").retry_policy
    assert policy.max_retries == 2
    assert policy.max_retry_after == 60.0  # a Retry-After is honoured, capped at 60 s
    assert (policy.backoff, policy.max_backoff) == (0.5, 8.0)  # 0.5 s doubling, capped at 8 s
    assert set(policy.retry_statuses) == {408, 425, 429, 500, 502, 503, 504}


@pytest.mark.parametrize(
    ("retry_after", "wait"),
    [(0.0, 0.0), (5.0, 5.0), (60.0, 60.0), (61.0, 60.0), (3600.0, 60.0), (-10.0, 0.0)],
)
def test_a_retry_after_is_waited_up_to_the_cap(retry_after: float, wait: float) -> None:
    for attempt in (0, 1, 5):
        assert RetryPolicy().delay(attempt, retry_after) == wait
    assert RetryPolicy(max_retry_after=2.0).delay(0, retry_after) == min(wait, 2.0)


def test_without_a_retry_after_the_wait_doubles_with_jitter_up_to_max_backoff() -> None:
    policy = RetryPolicy()
    for attempt in range(8):
        ceiling = min(8.0, 0.5 * 2**attempt)
        waits = [policy.delay(attempt, None) for _ in range(200)]
        assert all(ceiling / 2 <= w <= ceiling for w in waits), (attempt, min(waits), max(waits))
        assert len(set(waits)) > 1  # jittered, not a fixed wait
