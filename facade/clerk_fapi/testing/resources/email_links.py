"""`/v1/verify`: the emailed link of the `email_link` strategy, opened in a browser (see `_email_link.py`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import _email_link
from .._call import Answer, Call

if TYPE_CHECKING:
    from .._service import Service


def verify(svc: Service, call: Call) -> Answer:
    """`GET /v1/verify` (`?token=...`): the user followed the emailed link."""
    return _email_link.verify(svc, call)
