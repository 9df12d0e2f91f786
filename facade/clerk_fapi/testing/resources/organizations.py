"""`/v1/me/organization_memberships`, `/v1/me/organization_invitations` (list, accept) and
`/v1/organizations` (create): the organizations of the signed-in user.

Each acts for the session named by the `_clerk_session_id` query parameter (iOS, Android and clerk-js
send it; PROTOCOL §4), else for the client's last active session, as the `/v1/me` calls do
(`me.acting`). Answers are enveloped with the client piggybacked; lists are `{data, total_count}`
pages, the memberships a bare array unless `paginated=true` (the spec's `oneOf`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .. import _forms as forms
from .. import _views as views
from .._call import Answer, Call
from .._errors import FapiError, not_found, param_invalid, param_missing
from .._ids import new_id
from .._models import Organization, User
from .me import acting

if TYPE_CHECKING:
    from .._service import Service

# The spec's LimitParameter and OffsetParameter.
DEFAULT_LIMIT = 10
MAX_LIMIT = 500
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _paging(call: Call) -> tuple[int, int]:
    limit = _integer(call, "limit", DEFAULT_LIMIT)
    offset = _integer(call, "offset", 0)
    if not 1 <= limit <= MAX_LIMIT:
        raise param_invalid("limit", f"must be between 1 and {MAX_LIMIT}")
    if offset < 0:
        raise param_invalid("offset", "must be 0 or more")
    return limit, offset


def _integer(call: Call, name: str, default: int) -> int:
    raw = call.query.get(name)
    if raw is None or raw == "":
        return default
    if not re.fullmatch(r"-?[0-9]{1,9}", raw):
        raise param_invalid(name, "must be an integer")
    return int(raw)


def list_memberships(svc: Service, call: Call) -> Answer:
    """`GET /v1/me/organization_memberships`."""
    forms.reject_unknown(call.form, ())
    _, user = acting(svc, call)
    limit, offset = _paging(call)
    everything = [views.membership_json(svc, m) for m in svc.user_memberships(user.id)]
    page = everything[offset : offset + limit]
    paginated = call.query.get("paginated") == "true"
    return views.envelope(svc, call, {"data": page, "total_count": len(everything)} if paginated else page)


def _invitations_of(svc: Service, user: User) -> list[tuple[str, str]]:
    """(invitation id, organization id) of every invitation sent to one of the user's verified emails."""
    emails = {
        e.email_address.lower()
        for e in user.email_addresses
        if e.verification is not None and e.verification.status == "verified"
    }
    return [(i.id, i.organization_id) for i in svc.invitations.values() if i.email_address in emails]


def list_invitations(svc: Service, call: Call) -> Answer:
    """`GET /v1/me/organization_invitations` (`status` filters)."""
    forms.reject_unknown(call.form, ())
    _, user = acting(svc, call)
    limit, offset = _paging(call)
    status = call.query.get("status") or None
    everything = [
        svc.invitations[i].to_json(svc.organizations[org_id])
        for i, org_id in _invitations_of(svc, user)
        if status is None or svc.invitations[i].status == status
    ]
    page = {"data": everything[offset : offset + limit], "total_count": len(everything)}
    return views.envelope(svc, call, page)


def accept_invitation(svc: Service, call: Call) -> Answer:
    """`POST /v1/me/organization_invitations/{invitation_id}/accept`: the user becomes a member."""
    forms.reject_unknown(call.form, ())
    _, user = acting(svc, call)
    invitation_id = call.params["invitation_id"]
    if invitation_id not in {i for i, _ in _invitations_of(svc, user)}:
        raise not_found("organization invitation")
    invitation = svc.invitations[invitation_id]
    if invitation.status != "pending":
        raise not_found("pending organization invitation")
    if svc.memberships.find(invitation.organization_id, user.id) is None:
        svc.add_membership(invitation.organization_id, user.id, invitation.role)
    invitation.status = "accepted"
    invitation.updated_at = svc.now()
    assert call.client is not None
    svc.touch_client(call.client)
    return views.envelope(svc, call, invitation.to_json(svc.organizations[invitation.organization_id]))


def create_organization(svc: Service, call: Call) -> Answer:
    """`POST /v1/organizations`: the session's user becomes its admin. The session's active
    organization does not change (clients touch the session to activate it)."""
    forms.reject_unknown(call.form, ("name", "slug"))
    _, user = acting(svc, call)
    name = (forms.text(call.form, "name") or "").strip()
    if not name:
        raise param_missing("name")
    slug = forms.text(call.form, "slug") or re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "org"
    if not SLUG.match(slug):
        raise param_invalid("slug", "must contain only lowercase letters, digits and dashes")
    if any(o.slug == slug for o in svc.organizations.values()):
        raise FapiError(
            422,
            "form_identifier_exists",
            "That slug is taken. Please try another.",
            "That slug is taken. Please try another.",
            {"param_name": "slug"},
        )
    now = svc.now()
    org = Organization(new_id("org"), name, slug, now, now)
    svc.organizations[org.id] = org
    svc.add_membership(org.id, user.id, "org:admin")
    assert call.client is not None
    svc.touch_client(call.client)
    return views.envelope(svc, call, views.organization_json(svc, org))
