"""Drivers: run an operation (a :data:`~clerk_fapi._engine.Flow`) with blocking I/O or awaiting.

The two drivers are deliberate twins (one blocks, the other awaits); all they do is perform the
actions an operation yields: send a request under the client's send lock, or sleep. The async one
uses only anyio and httpx, so it runs under asyncio and trio alike.
"""

from __future__ import annotations

import threading
from collections.abc import Awaitable, Callable, Generator
from typing import TYPE_CHECKING, Any, TypeVar

import httpx

from ._answers import BrokenAnswer, aread_answer, read_answer
from ._deadline import send_async, send_sync
from ._engine import Flow, Send, Sleep, sending
from ._errors import ClerkError, ClientClosedError

if TYPE_CHECKING:
    import anyio

__all__ = ["check_open", "drive_async", "drive_sync"]

T = TypeVar("T")


def check_open(closed: bool, flow: Flow[Any]) -> None:
    """Refuse to run ``flow`` on a closed client (the flow never starts: nothing ran)."""
    if closed:
        flow.close()
        raise ClientClosedError("the client is closed: create a new one (or use it inside its `with` block)")


def drive_sync(
    flow: Generator[Any, Any, T],
    http: httpx.Client,
    sleep: Callable[[float], None],
    send_lock: threading.Lock,
) -> T:
    """Run ``flow`` to its end with blocking I/O and return its result."""
    reply: Any = None
    try:
        while True:
            action = flow.send(reply)
            if isinstance(action, Send):
                with send_lock:
                    reply = _send_sync(http, action)
            elif isinstance(action, Sleep):
                sleep(action.seconds)
                reply = None
            else:  # pragma: no cover - a programming error
                raise TypeError(f"unknown action {action!r}")
    except StopIteration as stop:
        result: T = stop.value
        return result
    finally:
        flow.close()


async def drive_async(
    flow: Generator[Any, Any, T],
    http: httpx.AsyncClient,
    sleep: Callable[[float], Awaitable[Any]],
    send_lock: anyio.Lock,
) -> T:
    """Run ``flow`` to its end, awaiting its I/O, and return its result."""
    reply: Any = None
    try:
        while True:
            action = flow.send(reply)
            if isinstance(action, Send):
                async with send_lock:
                    reply = await _send_async(http, action)
            elif isinstance(action, Sleep):
                await sleep(action.seconds)
                reply = None
            else:  # pragma: no cover - a programming error
                raise TypeError(f"unknown action {action!r}")
    except StopIteration as stop:
        result: T = stop.value
        return result
    finally:
        flow.close()


def _send_sync(http: httpx.Client, action: Send) -> Any:
    """Build, send (redirects never followed, the attempt bounded by its timeout), read within the
    size cap and absorb one request; the caller holds the send lock."""
    request = action.build()
    try:
        with sending():
            answer = send_sync(http, request, read_answer)
    except httpx.RequestError as exc:
        return exc
    return _absorbed(action, answer)


async def _send_async(http: httpx.AsyncClient, action: Send) -> Any:
    """As :func:`_send_sync`, awaiting."""
    request = action.build()
    try:
        with sending():
            answer = await send_async(http, request, aread_answer)
    except httpx.RequestError as exc:
        return exc
    return _absorbed(action, answer)


def _absorbed(action: Send, answer: httpx.Response | BrokenAnswer) -> Any:
    """``answer`` once its credentials are stored, or the :class:`ClerkError` that refused them."""
    try:
        action.absorb(answer.response if isinstance(answer, BrokenAnswer) else answer)
    except ClerkError as exc:
        return exc
    return answer
