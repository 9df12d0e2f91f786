"""What the emulator answers (`Reply`), and the parts every answer shares: CORS headers and error bodies."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ._errors import FapiError, error_body


@dataclass(frozen=True)
class Reply:
    """What the emulator answers: status, headers, body, and how a fault wants it delivered."""

    status: int
    headers: list[tuple[str, str]]
    body: bytes
    # Sleep this long before answering.
    delay: float = 0.0
    # Close the connection without answering.
    drop_connection: bool = False
    # Announce the full Content-Length but send only part of the body, then close.
    truncate: bool = False

    def json(self) -> Any:
        return json.loads(self.body)

    def __repr__(self) -> str:
        # Headers and body carry client tokens, session JWTs and dev-browser tokens: show only their shape.
        names = ", ".join(name for name, _ in self.headers)
        delivery = "".join(
            f", {name}={value!r}"
            for name, value in (
                ("delay", self.delay),
                ("drop_connection", self.drop_connection),
                ("truncate", self.truncate),
            )
            if value
        )
        return f"Reply(status={self.status}, headers=[{names}], body=<{len(self.body)} bytes>{delivery})"


def cors_headers(headers: Mapping[str, str]) -> list[tuple[str, str]]:
    origin = headers.get("origin")
    if not origin:
        return []
    return [("Access-Control-Allow-Origin", origin), ("Access-Control-Allow-Credentials", "true")]


def error_reply(error: FapiError, extra: list[tuple[str, str]]) -> Reply:
    return Reply(
        error.status,
        [("Content-Type", "application/json"), *extra, *error.headers.items()],
        error_body(error),
    )
