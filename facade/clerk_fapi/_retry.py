"""When and how long to wait before sending a call again, and reading the server's dates."""

from __future__ import annotations

import email.utils
import math
import random
import time
from collections.abc import Callable
from datetime import UTC

import attrs
import httpx

from . import _raw
from ._errors import ClerkAPIError, ConfigurationError

__all__ = ["RetryPolicy", "parse_http_date", "parse_retry_after"]


@attrs.frozen
class RetryPolicy:
    """When and how long to wait before sending a call again.

    Reads (GET, PUT, DELETE) and token minting are resent on 408, 425, 429 and 5xx answers and on
    any connection error or timeout. Other POST and PATCH calls are resent only on 429 or when the
    request cannot have reached the server (the connection was never made), so a sign-in attempt is
    never sent twice. The wait honours ``Retry-After`` (seconds or an HTTP date) up to
    ``max_retry_after``, else backs off exponentially with jitter up to ``max_backoff``.
    """

    max_retries: int = 2
    backoff: float = 0.5
    max_backoff: float = 8.0
    max_retry_after: float = 60.0
    retry_statuses: frozenset[int] = frozenset({408, 425, 429, 500, 502, 503, 504})

    def __attrs_post_init__(self) -> None:
        if (
            isinstance(self.max_retries, bool)
            or not isinstance(self.max_retries, int)
            or self.max_retries < 0
        ):
            raise ConfigurationError("RetryPolicy.max_retries must be a whole number >= 0")
        for name in ("backoff", "max_backoff", "max_retry_after"):
            value = getattr(self, name)
            if (
                isinstance(value, bool)
                or not isinstance(value, int | float)
                or not math.isfinite(value)
                or value < 0
            ):
                raise ConfigurationError(f"RetryPolicy.{name} must be a finite number of seconds >= 0")

    def retry_on_status(self, retry_class: str, error: ClerkAPIError) -> bool:
        """Whether an error answer to a call of this retry class is worth sending again."""
        if error.code == "bot_detected":  # a stale testing token: waiting will not help
            return False
        if error.status_code == 429:
            return True
        if retry_class == _raw.UNSAFE:
            return False
        return error.status_code in self.retry_statuses or error.status_code >= 500

    def retry_on_exception(self, retry_class: str, exc: httpx.TransportError) -> bool:
        """Whether a call of this retry class that failed with ``exc`` may be sent again."""
        if retry_class != _raw.UNSAFE:
            return True
        # Only failures that prove the request never left: no connection was made.
        return isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout)

    def delay(self, attempt: int, retry_after: float | None) -> float:
        """Seconds to wait before retry number ``attempt + 1``: ``Retry-After`` (capped), else backoff."""
        if retry_after is not None:
            return max(0.0, min(retry_after, self.max_retry_after))
        ceiling = min(self.max_backoff, self.backoff * float(2**attempt))
        return ceiling / 2 + random.uniform(0.0, ceiling / 2)


def parse_http_date(value: str | None) -> float | None:
    """Unix seconds from an HTTP date (``Date``, ``Retry-After``), or None."""
    if not value:
        return None
    try:
        when = email.utils.parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.timestamp()


def parse_retry_after(value: str | None, now: Callable[[], float] = time.time) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        when = parse_http_date(value)
        if when is None:
            return None
        seconds = when - now()
    if seconds != seconds or seconds in (float("inf"), float("-inf")):
        return None
    return max(0.0, seconds)
