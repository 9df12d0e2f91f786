"""The client itself (/v1/client): fetch, create, destroy, remove its sessions, sign out; and
``request``, any other endpoint with the client's credentials."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .. import _raw
from .._answers import carried_client
from .._convert import client_from_envelope
from .._engine import Flow
from .._models import ClientState, SessionStatus
from . import Core, sessions


def fetch(core: Core, endpoint: _raw.Endpoint) -> Flow[ClientState]:
    """GET (reload) or PUT (create) the client and apply the answer."""
    state = yield from core._engine.call(endpoint, convert=client_from_envelope)
    core._apply(state)
    return state


def destroy(core: Core) -> Flow[None]:
    """DELETE /v1/client, then what clerk-js does after it: every field back to its empty value."""
    yield from core._engine.call(_raw.DELETE_CLIENT, convert=lambda parsed: None)
    core._reset()


def remove_sessions(core: Core) -> Flow[ClientState]:
    """DELETE /v1/client/sessions: every session removed, the client kept."""
    state = yield from fetch(core, _raw.REMOVE_SESSIONS)
    core.clear_cache()
    return state


def sign_out(core: Core, session_id: str | None) -> Flow[None]:
    """clerk.ts ``signOut``: every session removed (the client stays: Client Trust recognises
    the device by it), or with ``session_id`` and other sessions signed in, that one only."""
    if not core._state.sessions:
        return
    signed_in = [s.id for s in core._state.sessions if s.status in SessionStatus.SIGNED_IN]
    if session_id is None or len(signed_in) == 1:
        yield from remove_sessions(core)
    elif session_id in signed_in:
        yield from sessions.end(core, session_id, remove=True)


def request(
    core: Core,
    method: str,
    path: str,
    params: Mapping[str, Any] | None,
    form: Mapping[str, Any] | None,
) -> Flow[Any]:
    """Any endpoint: the decoded body; a client it carries is applied."""
    endpoint = _raw.untyped_endpoint(method, path)
    body, state = yield from core._engine.call(
        endpoint,
        form=form,
        query=params,
        convert=lambda parsed: (parsed, carried_client(parsed) if isinstance(parsed, dict) else None),
    )
    core._apply(state)
    return body
