"""`/v1/client/sessions/{session_id}`: read, touch, end and remove a session, and mint its tokens
(`.../tokens`, `.../tokens/{template_name}`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import _forms as forms
from .. import _session_tokens as session_tokens
from .. import _views as views
from .._call import Answer, Call
from .._errors import FapiError, authentication_invalid, not_found, param_value_invalid
from .._models import Session

if TYPE_CHECKING:
    from .._service import Service

TOUCH_FIELDS = ("active_organization_id", "intent")

# `tab_state` (whether the browser tab is visible) is sent by clerk-js with every token request.
TOKEN_FIELDS = ("organization_id", "tab_state")


def get_session(svc: Service, call: Call) -> Answer:
    """`GET /v1/client/sessions/{session_id}`."""
    forms.reject_unknown(call.form, ())
    session = svc.client_session(call, call.params["session_id"])
    return views.envelope(svc, call, views.session_json(svc, session))


def _live_session(svc: Service, call: Call, fields: tuple[str, ...]) -> Session:
    """The session named in the path, which must still be active or pending."""
    forms.reject_unknown(call.form, fields)
    session = svc.client_session(call, call.params["session_id"])
    if session.status not in ("active", "pending"):
        raise authentication_invalid(f"The session is {session.status}.")
    return session


def touch_session(svc: Service, call: Call) -> Answer:
    """`POST /v1/client/sessions/{session_id}/touch`."""
    session = _live_session(svc, call, TOUCH_FIELDS)
    intent = forms.text(call.form, "intent")
    if intent is not None and intent not in ("focus", "select_session", "select_org"):
        raise param_value_invalid("intent")
    if "active_organization_id" in call.form:
        session.last_active_organization_id = _resolve_org(svc, session, call.form["active_organization_id"])
    now = svc.now()
    session.last_active_at = now
    session.updated_at = now
    svc.users[session.user_id].last_active_at = now
    session.last_active_token = session_tokens.mint_jwt(
        svc, call, session, org_id=session.last_active_organization_id
    )
    assert call.client is not None
    call.client.last_active_session_id = session.id
    svc.touch_client(call.client)
    return views.envelope(svc, call, views.session_json(svc, session))


def _resolve_org(svc: Service, session: Session, raw: str) -> str | None:
    if raw == "":
        return None
    org = svc.find_organization(raw)
    if org is None or svc.memberships.find(org.id, session.user_id) is None:
        raise FapiError(
            404,
            "resource_not_found",
            "not found",
            "No organization with that id or slug has this user as a member.",
            {"param_name": "organization_id"},
        )
    return org.id


def end_session(svc: Service, call: Call) -> Answer:
    """`POST /v1/client/sessions/{session_id}/end`."""
    return _finish_session(svc, call, "ended")


def remove_session(svc: Service, call: Call) -> Answer:
    """`POST /v1/client/sessions/{session_id}/remove`."""
    return _finish_session(svc, call, "removed")


def _finish_session(svc: Service, call: Call, status: str) -> Answer:
    forms.reject_unknown(call.form, ())
    session = svc.client_session(call, call.params["session_id"])
    if session.status in ("active", "pending") or status == "removed":
        session.status = status
        session.updated_at = svc.now()
    client = call.client
    assert client is not None
    if client.last_active_session_id == session.id:
        others = svc.active_sessions(client)
        client.last_active_session_id = others[-1].id if others else None
    svc.touch_client(client)
    return views.envelope(svc, call, views.session_json(svc, session))


def create_token(svc: Service, call: Call) -> Answer:
    """`POST /v1/client/sessions/{session_id}/tokens`."""
    session = _live_session(svc, call, TOKEN_FIELDS)
    _check_expired_token(svc, call, session)
    org_id = _token_org(svc, call, session)
    jwt = session_tokens.mint_jwt(svc, call, session, org_id=org_id)
    if org_id == session.last_active_organization_id:
        session.last_active_token = jwt
    return Answer(200, {"object": "token", "jwt": jwt})


def create_template_token(svc: Service, call: Call) -> Answer:
    """`POST /v1/client/sessions/{session_id}/tokens/{template_name}`."""
    session = _live_session(svc, call, TOKEN_FIELDS)
    template = svc.templates.get(call.params["template_name"])
    if template is None:
        raise not_found("JWT template")
    _check_expired_token(svc, call, session)
    org_id = _token_org(svc, call, session)
    return Answer(
        200,
        {
            "object": "token",
            "jwt": session_tokens.mint_jwt(svc, call, session, org_id=org_id, template=template),
        },
    )


def _token_org(svc: Service, call: Call, session: Session) -> str | None:
    """The organization a token is for: the one asked for (`""` for none), else the session's active one."""
    if "organization_id" in call.form:
        return _resolve_org(svc, session, call.form["organization_id"])
    return session.last_active_organization_id


def _check_expired_token(svc: Service, call: Call, session: Session) -> None:
    if not session.needs_expired_token:
        return
    if call.query.get("expired_token") in session.minted:
        session.needs_expired_token = False
        return
    raise FapiError(
        422,
        "missing_expired_token",
        "Missing expired token",
        "Send the last session token as the expired_token query parameter.",
    )
