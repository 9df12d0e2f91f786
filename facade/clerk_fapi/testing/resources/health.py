"""`GET /v1/health`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._call import Answer, Call

if TYPE_CHECKING:
    from .._service import Service


def health(svc: Service, call: Call) -> Answer:
    return Answer(200, {"status": "healthy"})
