"""Organizations of a session's user: memberships (``GET /v1/me/organization_memberships``, paginated),
invitations (``GET /v1/me/organization_invitations``, ``POST .../{id}/accept``), creating one
(``POST /v1/organizations``), and resolving an organization id or slug to the id a touch takes.

Every call carries ``_clerk_session_id`` of the session it acts for, as iOS, Android and clerk-js send
it (PROTOCOL §4), so that a client with several sessions reads the right user.
"""

from __future__ import annotations

from typing import Any, Final

from .. import _raw
from .._convert import ShapeError
from .._convert_account import (
    invitation_envelope,
    invitation_page,
    membership_page,
    memberships_from_json,
    organization_envelope,
)
from .._engine import Flow
from .._errors import ConfigurationError, OrganizationNotFoundError, ResponseParseError
from .._models import SessionData
from .._organizations import Organization, OrganizationInvitationData, OrganizationMembership, Page
from . import Core

__all__ = [
    "DEFAULT_LIMIT",
    "MAX_LIMIT",
    "accept_invitation",
    "carried",
    "create",
    "invitations",
    "memberships",
    "resolve",
]

# The server's page size when none is sent, and the largest it takes (spec: LimitParameter).
DEFAULT_LIMIT: Final = 10
MAX_LIMIT: Final = 500


def _session(session_id: str) -> dict[str, str]:
    """The query naming the session a call acts for."""
    return {_raw.SESSION_ID_PARAM: session_id}


def _paging(limit: int, offset: int) -> dict[str, Any]:
    """``limit`` and ``offset`` as the spec bounds them, checked before anything is sent."""
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_LIMIT:
        raise ConfigurationError(f"limit must be an integer from 1 to {MAX_LIMIT}, got {limit!r}")
    if isinstance(offset, bool) or not isinstance(offset, int) or offset < 0:
        raise ConfigurationError(f"offset must be an integer of 0 or more, got {offset!r}")
    return {"limit": limit, "offset": offset}


def memberships(core: Core, session_id: str, limit: int, offset: int) -> Flow[Page[OrganizationMembership]]:
    """One page of the user's memberships; ``paginated=true`` asks for ``{data, total_count}``."""
    query = {**_session(session_id), **_paging(limit, offset), "paginated": True}
    page, state = yield from core._engine.call(
        _raw.GET_ORGANIZATION_MEMBERSHIPS, query=query, convert=membership_page(offset, limit)
    )
    core._apply(state)
    return page


def invitations(
    core: Core, session_id: str, status: str | None, limit: int, offset: int
) -> Flow[Page[OrganizationInvitationData]]:
    """One page of the user's invitations, only those with ``status`` when given."""
    if status is not None and (not isinstance(status, str) or not status):
        raise ConfigurationError(f"status must be a non-empty string such as 'pending', got {status!r}")
    query = {**_session(session_id), **_paging(limit, offset), "status": status}
    page, state = yield from core._engine.call(
        _raw.GET_ORGANIZATION_INVITATIONS, query=query, convert=invitation_page(offset, limit)
    )
    core._apply(state)
    return page


def accept_invitation(core: Core, session_id: str, invitation_id: str) -> Flow[OrganizationInvitationData]:
    """Accept an invitation; the user's new membership arrives with the piggybacked client."""
    invitation, state = yield from core._engine.call(
        _raw.ACCEPT_ORGANIZATION_INVITATION,
        path=(invitation_id,),
        query=_session(session_id),
        convert=invitation_envelope,
    )
    core._apply(state)
    return invitation


def create(core: Core, session_id: str, name: str, slug: str | None) -> Flow[Organization]:
    """Create an organization whose admin is the session's user. It is not made active: touch the
    session with its id for that (PROTOCOL §4)."""
    if not isinstance(name, str) or not name.strip():
        raise ConfigurationError("an organization needs a non-empty name")
    if slug is not None and (not isinstance(slug, str) or not slug):
        raise ConfigurationError(f"slug must be a non-empty string or None, got {slug!r}")
    form: dict[str, Any] = {"name": name}
    if slug is not None:
        form["slug"] = slug
    org, state = yield from core._engine.call(
        _raw.CREATE_ORGANIZATION,
        query=_session(session_id),
        form=form,
        convert=organization_envelope,
    )
    core._apply(state)
    return org


def carried(session: SessionData | None) -> tuple[OrganizationMembership, ...]:
    """The memberships the client carries for a session's user (the user's
    ``organization_memberships``), typed; none without a session or a user."""
    raw = session.user.extra.get("organization_memberships") if session and session.user else None
    try:
        return memberships_from_json(raw)
    except ShapeError as exc:
        raise ResponseParseError(
            "the client's user.organization_memberships", 200, "application/json", str(exc)
        ) from None


def resolve(core: Core, session_id: str, organization: str | None) -> str | None:
    """The organization id a touch or a token takes, from an id or a slug.

    As clerk-js ``setActive({organization})`` does: None or "" is the personal account, an ``org_``
    id is sent as it is, and a slug is looked up among the memberships of the session's user that
    the client carries (:func:`carried`). Where clerk-js falls back to the personal account for a
    slug it does not find, this raises :class:`OrganizationNotFoundError` naming the slug, before
    anything is sent.
    """
    if organization is None or organization == "":
        return None
    if not isinstance(organization, str):
        raise ConfigurationError(
            f"an organization is an id, a slug or None, got {type(organization).__name__}"
        )
    if organization.startswith("org_"):
        return organization
    session = next((s for s in core._state.sessions if s.id == session_id), None)
    found = next((m.organization.id for m in carried(session) if m.organization.slug == organization), None)
    if found is None:
        raise OrganizationNotFoundError(organization, session_id)
    return found
