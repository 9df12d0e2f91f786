"""The organization commands: ``orgs`` (the memberships of the default session's user, the active
organization marked) and ``switch-org SLUG|ID|personal``; and what ``token`` shares with them: the
default session (the library's rule, as clerk-js ``#defaultSession``) and ``--org`` resolution."""

from __future__ import annotations

from typing import Any, Final

from .._ops.organizations import carried
from .._ops.tokens import default_session_id
from .._organizations import OrganizationMembership
from .._resources import Session
from .context import Context
from .exits import EXIT_OK, CommandFailed
from .output import session_json, table, user_label

__all__ = ["PERSONAL", "default_session", "organization_id", "orgs", "switch_org"]

PERSONAL: Final = "personal"
"""What ``switch-org`` and ``token --org`` take for the personal account (no organization)."""


def default_session(ctx: Context) -> Session:
    """The session a command acts for: the last active session if it is signed in, else the first
    signed-in one (the rule ``client.get_token()`` follows)."""
    session = ctx.client._find_session(default_session_id(ctx.client))
    if session is None:
        raise CommandFailed("no active session: sign in first (clerk-fapi sign-in)")
    return session


def organization_id(session: Session, wanted: str) -> str | None:
    """The organization id for ``--org`` or ``switch-org``: ``personal`` is None (the personal
    account), an ``org_`` id stays as it is, a slug is looked up among the user's memberships."""
    if wanted == PERSONAL:
        return None
    return session.resolve_organization(wanted)


def _membership_json(membership: OrganizationMembership, active: str | None) -> dict[str, Any]:
    org = membership.organization
    return {
        "id": membership.id,
        "role": membership.role,
        "role_name": membership.role_name,
        "permissions": list(membership.permissions),
        "active": org.id == active,
        "organization": {"id": org.id, "name": org.name, "slug": org.slug},
    }


def orgs(ctx: Context) -> int:
    """``orgs``: every organization membership of the default session's user, the active one marked."""
    session = default_session(ctx)
    active = session.last_active_organization_id
    memberships = list(session.iter_organization_memberships())
    data = {
        "session_id": session.id,
        "active_organization_id": active,
        "memberships": [_membership_json(m, active) for m in memberships],
    }
    rows = [("*" if active is None else "", PERSONAL, "(personal account)", "-", "-")]
    rows += [
        (
            "*" if m.organization.id == active else "",
            m.organization.slug or "-",
            m.organization.name or "-",
            m.organization.id,
            m.role or "-",
        )
        for m in memberships
    ]
    human = f"Organizations of {user_label(session)}\n\n" + table(("", "SLUG", "NAME", "ID", "ROLE"), rows)
    ctx.output.result(human, data)
    return EXIT_OK


def switch_org(ctx: Context) -> int:
    """``switch-org SLUG|ID|personal``: make an organization (or the personal account) the default
    session's active one; an unknown slug fails before anything is sent."""
    session = default_session(ctx)
    target = organization_id(session, ctx.args.organization)
    switched = ctx.client.set_active(session, organization=target)
    active = switched.last_active_organization_id
    org = next((m.organization for m in carried(switched) if m.organization.id == active), None)
    last = ctx.client.last_active_session_id
    data = {
        "client_id": ctx.client.id,
        "session": session_json(switched, last),
        "active_organization": {"id": org.id, "name": org.name, "slug": org.slug} if org else None,
    }
    if active is None:
        human = f"Switched {switched.id} to the personal account"
    else:
        human = f"Switched {switched.id} to {org.slug if org else active} ({active})"
    ctx.output.result(human, data)
    return EXIT_OK
