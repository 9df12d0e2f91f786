"""A session (/v1/client/sessions/{id}): fetch, touch, end, remove; and ``set_active``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .. import _raw
from .._convert import session_envelope
from .._engine import Flow
from .._errors import ConfigurationError
from .._models import SessionData
from .._sentinel import NotGiven
from . import Core, call_applying, organizations


def _call(
    core: Core, endpoint: _raw.Endpoint, session_id: str, form: Mapping[str, Any] | None = None
) -> Flow[SessionData]:
    return call_applying(core, endpoint, session_envelope, (session_id,), form)


def get(core: Core, session_id: str) -> Flow[SessionData]:
    """GET the session."""
    return _call(core, _raw.GET_SESSION, session_id)


def touch(
    core: Core, session_id: str, organization_id: str | NotGiven | None, intent: str | None
) -> Flow[SessionData]:
    """Make the session the last active one; an ``organization_id`` (None: personal) switches it."""
    form: dict[str, Any] = {}
    if not isinstance(organization_id, NotGiven):
        form["active_organization_id"] = organization_id or None  # None is sent as "": personal
    if intent:
        form["intent"] = intent
    return _call(core, _raw.TOUCH_SESSION, session_id, form)


def end(core: Core, session_id: str, *, remove: bool) -> Flow[SessionData]:
    """End (status ``ended``) or remove (status ``removed``) the session; its tokens are dropped."""
    session = yield from _call(core, _raw.REMOVE_SESSION if remove else _raw.END_SESSION, session_id)
    core._tokens.clear(session_id)
    return session


def set_active(
    core: Core,
    session: SessionData | str,
    organization_id: str | NotGiven | None,
    organization: str | NotGiven | None,
) -> Flow[SessionData]:
    """clerk.ts ``setActive``: touch the session, selecting an organization by id or slug."""
    session_id = session if isinstance(session, str) else getattr(session, "id", None)
    if not isinstance(session_id, str):
        raise ConfigurationError("set_active takes a session or a session id")
    if not isinstance(organization, NotGiven):
        if not isinstance(organization_id, NotGiven):
            raise ConfigurationError("give organization_id or organization, not both")
        organization_id = organization
    intent = "select_session" if isinstance(organization_id, NotGiven) else "select_org"
    return switch(core, session_id, organization_id, intent)


def switch(
    core: Core, session_id: str, organization: str | NotGiven | None, intent: str | None
) -> Flow[SessionData]:
    """Touch the session, first resolving ``organization`` (an id or a slug, None or "" for the
    personal account) to the id the server takes (:func:`.organizations.resolve`): an unknown slug
    raises before anything is sent."""
    organization_id: str | NotGiven | None = organization
    if not isinstance(organization, NotGiven):
        organization_id = organizations.resolve(core, session_id, organization)
    return (yield from touch(core, session_id, organization_id, intent))


def find(core: Core, session_id: str | None) -> SessionData | None:
    """The session with this id in the client's state, or None."""
    if not session_id:
        return None
    return next((s for s in core._state.sessions if s.id == session_id), None)
