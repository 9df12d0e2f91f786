"""Promises of the retry policy that ``make mutate`` found unguarded (pure: the policy's decisions)."""

from __future__ import annotations

import httpx
import pytest
from clerk_fapi import ClerkAPIError, Client, ConfigurationError, RetryPolicy
from clerk_fapi._raw import IDEMPOTENT, TOKEN, UNSAFE

REQUEST = httpx.Request("POST", "https://clerk.example.test/v1/client/sign_ins")


@pytest.mark.parametrize("status", [501, 505, 507, 599])
@pytest.mark.parametrize("retry_class", [IDEMPOTENT, TOKEN])
def test_every_5xx_is_retried_for_reads_and_tokens_not_only_the_listed_ones(
    retry_class: str, status: int
) -> None:
    assert status not in RetryPolicy().retry_statuses
    assert RetryPolicy().retry_on_status(retry_class, ClerkAPIError(status))
    assert not RetryPolicy().retry_on_status(UNSAFE, ClerkAPIError(status))


@pytest.mark.parametrize("exc_type", [httpx.ConnectError, httpx.ConnectTimeout])
def test_a_post_is_resent_when_the_connection_was_never_made(exc_type: type[httpx.TransportError]) -> None:
    assert RetryPolicy().retry_on_exception(UNSAFE, exc_type("no connection", request=REQUEST))


@pytest.mark.parametrize("exc_type", [httpx.ReadTimeout, httpx.ReadError, httpx.RemoteProtocolError])
def test_a_post_is_not_resent_once_the_request_may_have_left(exc_type: type[httpx.TransportError]) -> None:
    assert not RetryPolicy().retry_on_exception(UNSAFE, exc_type("cut", request=REQUEST))


@pytest.mark.parametrize(("attempt", "ceiling"), [(0, 0.5), (1, 1.0), (2, 2.0), (3, 4.0), (4, 8.0), (9, 8.0)])
def test_the_backoff_doubles_from_half_a_second_up_to_eight(attempt: int, ceiling: float) -> None:
    policy = RetryPolicy(max_retries=10)
    for _ in range(50):
        assert ceiling / 2 <= policy.delay(attempt, None) <= ceiling


def test_the_backoff_has_jitter() -> None:
    waits = {RetryPolicy().delay(1, None) for _ in range(20)}
    assert len(waits) > 1


def test_a_retry_after_is_capped_at_sixty_seconds_by_default() -> None:
    assert RetryPolicy().delay(0, 3600.0) == 60.0
    assert RetryPolicy().delay(0, 30.0) == 30.0


@pytest.mark.parametrize("name", ["backoff", "max_backoff", "max_retry_after"])
@pytest.mark.parametrize("value", [float("inf"), float("nan")])
def test_retry_waits_must_be_finite(name: str, value: float) -> None:
    with pytest.raises(ConfigurationError, match=name):
        RetryPolicy(**{name: value})


def _retry_after_seen(header: str) -> float | None:
    """The ``retry_after`` of the error a 429 answer with ``Retry-After: header`` raises."""

    def answer(request: httpx.Request) -> httpx.Response:
        body = {"errors": [{"code": "too_many_requests", "message": "slow down"}]}
        return httpx.Response(429, json=body, headers={"Retry-After": header})

    with (
        Client(
            frontend_api="https://clerk.example.test", transport=httpx.MockTransport(answer), max_retries=0
        ) as client,
        pytest.raises(ClerkAPIError) as caught,
    ):
        client.reload()
    assert caught.value.status_code == 429
    return caught.value.retry_after


@pytest.mark.parametrize("header", ["nan", "NaN", "inf", "-inf", "soon", ""])
def test_a_retry_after_that_is_no_number_of_seconds_is_no_wait(header: str) -> None:
    assert _retry_after_seen(header) is None


def test_a_retry_after_in_seconds_or_as_a_date_is_read() -> None:
    assert _retry_after_seen("7") == 7.0
    assert _retry_after_seen(" 7 ") == 7.0
    assert _retry_after_seen("Thu, 01 Jan 1970 00:00:00 GMT") == 0.0  # in the past: no wait, never negative
