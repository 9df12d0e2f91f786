"""Session tokens (POST /v1/client/sessions/{id}/tokens[/{template}]), served from the cache while
fresh, and which session ``get_token`` uses by default."""

from __future__ import annotations

from typing import Any

from .. import _raw
from .._convert import token_jwt
from .._engine import Flow
from .._errors import ConfigurationError, UnprocessableEntityError
from .._models import SessionStatus
from .._sentinel import NotGiven
from .._token_cache import CacheKey
from . import Core
from .sessions import find


def key(
    core: Core, session_id: str, template: str | None, organization_id: str | NotGiven | None
) -> CacheKey:
    """The cache key of a token: the session, the template and the organization ("" = personal)."""
    if isinstance(organization_id, NotGiven):
        return (session_id, template, _active_org(core, session_id))
    return (session_id, template, organization_id or "")


def get_token(
    core: Core,
    session_id: str,
    template: str | None,
    organization_id: str | NotGiven | None,
    skip_cache: bool,
) -> Flow[str | None]:
    """A JWT from the cache, else from the server (sending the expired one back once if asked)."""
    cache_key = key(core, session_id, template, organization_id)
    if not skip_cache and (cached := core._tokens.get(cache_key)):
        return cached
    form: dict[str, Any] | None = None
    path: tuple[str, ...]
    if template is None:
        endpoint, path = _raw.CREATE_TOKEN, (session_id,)
        if not isinstance(organization_id, NotGiven):
            form = {"organization_id": organization_id or None}  # None is sent as "": personal
    else:
        if not isinstance(organization_id, NotGiven):
            raise ConfigurationError(
                "a template token is minted for the session's active organization; "
                "switch it with session.touch(organization_id=...) instead of passing organization_id"
            )
        endpoint, path = _raw.CREATE_TEMPLATE_TOKEN, (session_id, template)
    try:
        jwt = yield from core._engine.call(endpoint, path=path, form=form, convert=token_jwt)
    except UnprocessableEntityError as error:
        # The session's token expired: clerk-js sends the last one back once to refresh it.
        expired = core._tokens.last(session_id) or _last_active_token(core, session_id)
        if error.code != "missing_expired_token" or not expired:
            raise
        jwt = yield from core._engine.call(
            endpoint, path=path, form=form, query={"expired_token": expired}, convert=token_jwt
        )
    if jwt:
        # clerk-js keeps only a session token of the active organization as ``lastActiveToken``
        # (Session.ts, #dispatchTokenEvents), the one its expired_token retry sends.
        last = template is None and cache_key[2] == _active_org(core, session_id)
        core._tokens.put(cache_key, jwt, last=last)
    return jwt


def default_session_id(core: Core) -> str | None:
    """clerk-js's default session (clerk.ts ``#defaultSession``): the last active session if it
    is signed in, else the first signed-in one, else None."""
    signed_in = [s.id for s in core._state.sessions if s.status in SessionStatus.SIGNED_IN]
    last = core._state.last_active_session_id
    return last if last in signed_in else next(iter(signed_in), None)


def _active_org(core: Core, session_id: str) -> str:
    session = find(core, session_id)
    return (session.last_active_organization_id if session else None) or ""


def _last_active_token(core: Core, session_id: str) -> str | None:
    session = find(core, session_id)
    return session.last_active_token if session else None
