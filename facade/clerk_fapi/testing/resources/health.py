"""`GET /v1/health`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._call import Answer, Call

if TYPE_CHECKING:
    from .._service import Service


def health(svc: Service, call: Call) -> Answer:
    """`GET /v1/health`."""
    return Answer(200, {"status": "healthy"})
