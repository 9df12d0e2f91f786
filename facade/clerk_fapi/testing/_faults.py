"""Fault injection: what can go wrong on the way to and from the Frontend API, armed per path for N requests.

A fault is matched against each request's path (exact, or a shell-style pattern such as
`/v1/client/sessions/*/tokens`) and optionally its method; each match uses up one of its `times`.
The core only describes the fault; the transport and the server turn it into the real thing (a closed socket,
a short body, a sleep).
"""

from __future__ import annotations

import fnmatch
import json
import threading
from dataclasses import dataclass, field

from ._ids import new_trace_id

_HTML_PAGE = (
    b"<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head>"
    b"<body><h1>Bad Gateway</h1><p>The upstream server did not answer in time.</p></body></html>"
)

_DEFAULT_CODES = {
    429: ("too_many_requests", "Too many requests", "Too many requests; retry later."),
    500: ("internal_clerk_error", "Oops, an unexpected error occurred", "Try again later."),
    502: ("internal_clerk_error", "Bad gateway", "The service is temporarily unreachable."),
    503: ("service_unavailable", "Service unavailable", "The service is temporarily unavailable."),
}


@dataclass
class Fault:
    """One armed fault. `remaining` counts down as requests match it."""

    path: str
    remaining: int
    method: str | None = None
    status: int | None = None
    body: bytes | None = None
    headers: dict[str, str] = field(default_factory=dict)
    retry_after: int | str | None = None
    drop_connection: bool = False
    delay: float | None = None
    truncate: bool = False
    html: bool = False

    def matches(self, method: str, path: str) -> bool:
        if self.method is not None and self.method.upper() != method.upper():
            return False
        return path == self.path or fnmatch.fnmatchcase(path, self.path)

    @property
    def replaces_answer(self) -> bool:
        """Whether the request never reaches the emulated service (the fault answers instead)."""
        return self.drop_connection or self.status is not None or self.html

    def answer(self) -> tuple[int, dict[str, str], bytes]:
        """Status, headers and body of a fault that answers in place of the service."""
        status = self.status if self.status is not None else 502
        headers = dict(self.headers)
        if self.retry_after is not None:
            headers["Retry-After"] = str(self.retry_after)
        if self.html:
            headers.setdefault("Content-Type", "text/html; charset=utf-8")
            return status, headers, self.body if self.body is not None else _HTML_PAGE
        headers.setdefault("Content-Type", "application/json")
        if self.body is not None:
            return status, headers, self.body
        code, message, long_message = _DEFAULT_CODES.get(
            status, ("internal_clerk_error", "Injected failure", "A failure injected by the emulator.")
        )
        payload = {
            "errors": [{"message": message, "long_message": long_message, "code": code, "meta": {}}],
            "clerk_trace_id": new_trace_id(),
        }
        return status, headers, json.dumps(payload).encode()


class FaultRegistry:
    """The armed faults, first armed first matched."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: list[Fault] = []

    def arm(self, fault: Fault) -> Fault:
        with self._lock:
            self._faults.append(fault)
        return fault

    def take(self, method: str, path: str) -> Fault | None:
        """The first armed fault matching this request, used up by one."""
        with self._lock:
            for fault in self._faults:
                if fault.remaining > 0 and fault.matches(method, path):
                    fault.remaining -= 1
                    if fault.remaining == 0:
                        self._faults.remove(fault)
                    return fault
        return None

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()

    def pending(self) -> list[Fault]:
        with self._lock:
            return list(self._faults)
