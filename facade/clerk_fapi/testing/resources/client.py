"""`/v1/client`: the device's client (read, create, sign out everywhere); `DELETE /v1/client/sessions`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import _forms as forms
from .. import _views as views
from .._call import Answer, Call
from .._errors import not_found
from .._models import HIDDEN_SESSION_STATUSES, Client
from . import hosted_auth

if TYPE_CHECKING:
    from .._service import Service


def get_client(svc: Service, call: Call) -> Answer:
    """`GET /v1/client`; with `rotating_token_nonce` in the form, the hosted sign-in redeem."""
    if "rotating_token_nonce" in call.form or "code_verifier" in call.form:
        return hosted_auth.redeem(svc, call)
    forms.reject_unknown(call.form, ())
    client = call.client
    if client is None or not client.alive:
        return Answer(200, {"response": None, "client": None})
    return Answer(200, {"response": views.client_json(svc, client), "client": None})


def create_client(svc: Service, call: Call) -> Answer:
    """`PUT /v1/client`, `POST /v1/client`."""
    forms.reject_unknown(call.form, ())
    # The request loop already made the new client (it must hand the device its token).
    client = call.client or svc.new_client()
    call.client = client
    return Answer(200, {"response": views.client_json(svc, client), "client": None})


def delete_client(svc: Service, call: Call) -> Answer:
    """`DELETE /v1/client`."""
    forms.reject_unknown(call.form, ())
    client = _require_client(svc, call)
    for session in svc.active_sessions(client):
        session.status = "ended"
        session.updated_at = svc.now()
    client.sign_in_id = None
    client.sign_up_id = None
    client.last_active_session_id = None
    svc.touch_client(client)
    body = views.client_json(svc, client)
    client.alive = False
    call.clear_client = True
    return Answer(200, {"response": body, "client": None})


def remove_sessions(svc: Service, call: Call) -> Answer:
    """`DELETE /v1/client/sessions`."""
    forms.reject_unknown(call.form, ())
    client = _require_client(svc, call)
    for session_id in client.session_ids:
        session = svc.refresh_session(svc.sessions[session_id])
        if session.status not in HIDDEN_SESSION_STATUSES:
            session.status = "removed"
            session.updated_at = svc.now()
    client.last_active_session_id = None
    svc.touch_client(client)
    return Answer(200, {"response": views.client_json(svc, client), "client": None})


def _require_client(svc: Service, call: Call) -> Client:
    if call.client is None or not call.client.alive:
        raise not_found("client")
    return call.client
