"""The commands that read or change the client's sessions: ``status``, ``sessions``, ``token``,
``switch``, ``sign-out`` and ``destroy``; and :data:`COMMANDS`, every command by name. The sign-in and
sign-up flows are in :mod:`.sign_in` and :mod:`.sign_up`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, Final

from .._token_cache import jwt_claims as unverified_claims
from .context import Context
from .environment import environment
from .exits import EXIT_OK, CommandFailed, UsageError
from .orgs import default_session, organization_id, orgs, switch_org
from .output import (
    fields,
    human_time,
    iso,
    session_json,
    sessions_table,
    sign_in_json,
    sign_in_line,
    sign_up_json,
    sign_up_line,
    user_label,
)
from .sign_in import sign_in
from .sign_up import sign_up
from .whoami import whoami

__all__ = ["COMMANDS", "destroy", "jwt_claims", "sessions", "sign_out", "status", "switch", "token"]


def status(ctx: Context) -> int:
    """``status``: the client, its sessions and any sign-in or sign-up in progress."""
    c = ctx.client
    last = c.last_active_session_id
    data = {
        "frontend_api": c.frontend_api,
        "store": str(ctx.store_path),
        "client_id": c.id,
        "is_new": c.is_new(),
        "created_at": iso(c.created_at),
        "updated_at": iso(c.updated_at),
        "last_active_session_id": last,
        "sessions": [session_json(s, last) for s in c.sessions],
        "sign_in": sign_in_json(c.sign_in),
        "sign_up": sign_up_json(c.sign_up),
    }
    pairs = [
        ("Frontend API", c.frontend_api),
        ("Store", str(ctx.store_path)),
        ("Client", c.id or "none yet (sign in or sign up to create one)"),
        ("Created", human_time(c.created_at)),
        ("Updated", human_time(c.updated_at)),
        ("Active session", last or "none"),
        ("Sign-in", sign_in_line(c.sign_in)),
        ("Sign-up", sign_up_line(c.sign_up)),
    ]
    ctx.output.result(fields(pairs) + "\n\n" + sessions_table(c.sessions, last), data)
    return EXIT_OK


def sessions(ctx: Context) -> int:
    """``sessions``: the client's sessions as a table."""
    c = ctx.client
    last = c.last_active_session_id
    data = {
        "client_id": c.id,
        "last_active_session_id": last,
        "sessions": [session_json(s, last) for s in c.sessions],
    }
    ctx.output.result(sessions_table(c.sessions, last), data)
    return EXIT_OK


def jwt_claims(jwt: str) -> dict[str, Any]:
    """The claims of a JWT, decoded without checking the signature (for display)."""
    claims = unverified_claims(jwt)
    if claims is None:
        raise CommandFailed("the server returned a token that is not a JWT")
    return claims


def token(ctx: Context) -> int:
    """``token``: the default session's JWT alone on stdout (with its details under ``--json``): the
    last active session if it is signed in, else the first signed-in one, as ``client.get_token()``.
    ``--org`` takes an id, a slug or ``personal``."""
    a = ctx.args
    session = default_session(ctx)
    kwargs: dict[str, Any] = {"template": a.template, "skip_cache": a.skip_cache}
    org_id = None
    if a.org is not None:
        kwargs["organization_id"] = org_id = organization_id(session, a.org)
    jwt = session.get_token(**kwargs)
    if not jwt:
        raise CommandFailed(f"the session {session.id} has no token (status {session.status})")
    if not ctx.output.json:
        ctx.output.raw(jwt)
        return EXIT_OK
    exp = jwt_claims(jwt).get("exp")
    data = {
        "jwt": jwt,
        "session_id": session.id,
        "template": a.template,
        "organization_id": org_id,
        "expires_at": iso(datetime.fromtimestamp(exp, UTC)) if isinstance(exp, int) else None,
    }
    ctx.output.result("", data)
    return EXIT_OK


def switch(ctx: Context) -> int:
    """``switch SESSION``: make the session with this id (or user identifier) the active one."""
    wanted: str = ctx.args.session
    signed_in = [s for s in ctx.client.sessions if s.is_signed_in]
    target = ctx.session_by_id(wanted)
    if target is None:
        by_identifier = [s for s in signed_in if (s.identifier or "").lower() == wanted.lower()]
        if len(by_identifier) == 1:
            target = by_identifier[0]
    if target is None:
        choices = ", ".join(f"{s.id} ({s.identifier})" for s in signed_in) or "none"
        raise CommandFailed(f"no session {wanted!r} on this client; signed-in sessions: {choices}")
    session = ctx.client.set_active(target.id)
    last = ctx.client.last_active_session_id
    data = {
        "client_id": ctx.client.id,
        "last_active_session_id": last,
        "session": session_json(session, last),
    }
    ctx.output.result(f"Switched to {session.id}: {user_label(session)}", data)
    return EXIT_OK


def sign_out(ctx: Context) -> int:
    """``sign-out``: end every signed-in session, or only ``--session ID``; the client stays."""
    c = ctx.client
    target = ctx.args.session
    if ctx.args.all and target:
        raise UsageError("give --session ID or --all, not both")
    before = {s.id for s in c.signed_in_sessions}
    if not before:
        raise CommandFailed("no active session to sign out of")
    if target is not None and target not in before:
        raise CommandFailed(f"no signed-in session {target!r} on this client")
    c.sign_out(session_id=target)
    ended = sorted(before - {s.id for s in c.signed_in_sessions})
    human = f"Removed {len(ended)} session(s)" + (f": {', '.join(ended)}" if ended else "")
    if c.last_active_session_id:
        human += f"\nActive session now: {c.last_active_session_id}"
    data = {"client_id": c.id, "ended": ended, "last_active_session_id": c.last_active_session_id}
    ctx.output.result(human, data)
    return EXIT_OK


def destroy(ctx: Context) -> int:
    """``destroy``: delete the client on the server; the state file forgets it."""
    client_id = ctx.client.id
    if client_id is None:
        ctx.output.result("No client to destroy", {"destroyed": None})
        return EXIT_OK
    ctx.client.destroy()
    ctx.output.result(f"Destroyed client {client_id}", {"destroyed": client_id})
    return EXIT_OK


COMMANDS: Final[dict[str, Callable[[Context], int]]] = {
    "status": status,
    "sessions": sessions,
    "sign-up": sign_up,
    "sign-in": sign_in,
    "token": token,
    "switch": switch,
    "sign-out": sign_out,
    "destroy": destroy,
    "environment": environment,
    "orgs": orgs,
    "switch-org": switch_org,
    "whoami": whoami,
}
