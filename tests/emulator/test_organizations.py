"""The emulator's organization endpoints over loopback HTTP, each answer validated against Clerk's published
spec: `/v1/me/organization_memberships` (paginated and bare), `/v1/me/organization_invitations` and accept,
`POST /v1/organizations`; `_clerk_session_id` picks the session a call acts for; an organization token's
v2 `o` claim names the active organization."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from clerk_fapi.testing import Emulator

from .conftest import Checked, NativeDevice, make_user
from .spec_check import Spec


@pytest.fixture
def device(emulator: Emulator, spec: Spec) -> Iterator[NativeDevice]:
    with emulator.serve(port=0) as server, httpx.Client(base_url=server.url) as http:
        yield NativeDevice(http, Checked(spec))


def signed_in(device: NativeDevice, emulator: Emulator, **user: Any) -> tuple[str, str]:
    """Sign a new user in on the device; (user id, session id)."""
    seeded = make_user(emulator, **user)
    body = device.sign_in(seeded)
    session_id: str = body["response"]["created_session_id"]
    return seeded.id, session_id


def claims(jwt: str) -> dict[str, Any]:
    payload = jwt.split(".")[1]
    decoded: dict[str, Any] = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    return decoded


def test_creating_an_organization_makes_the_creator_admin_and_leaves_the_active_one(
    device: NativeDevice, emulator: Emulator
) -> None:
    _, session_id = signed_in(device, emulator)
    r = device.post("/v1/organizations", {"name": "Acme Inc"}, params={"_clerk_session_id": session_id})
    assert r.status_code == 200, r.text
    org = r.json()["response"]
    assert (org["object"], org["name"], org["slug"], org["members_count"]) == (
        "organization",
        "Acme Inc",
        "acme-inc",
        1,
    )
    session = next(s for s in r.json()["client"]["sessions"] if s["id"] == session_id)
    assert session["last_active_organization_id"] is None
    [membership] = session["user"]["organization_memberships"]
    assert (membership["organization"]["id"], membership["role"]) == (org["id"], "org:admin")
    assert "org:sys_memberships:manage" in membership["permissions"]
    # Activating it is a touch; the session token then carries the organization's v2 claims.
    touched = device.post(
        f"/v1/client/sessions/{session_id}/touch", {"active_organization_id": org["id"]}
    ).json()["response"]
    o = claims(touched["last_active_token"]["jwt"])["o"]
    assert (o["id"], o["slg"], o["rol"]) == (org["id"], "acme-inc", "admin")
    assert device.checked.validated >= 3


@pytest.mark.parametrize(
    ("form", "code"),
    [
        ({}, "form_param_missing"),
        ({"name": "X", "slug": "Not A Slug"}, "form_param_format_invalid"),
        ({"name": "X", "colour": "red"}, "form_param_unknown"),
    ],
)
def test_creating_an_organization_checks_its_form(
    device: NativeDevice, emulator: Emulator, form: dict[str, str], code: str
) -> None:
    _, session_id = signed_in(device, emulator)
    r = device.post("/v1/organizations", form, params={"_clerk_session_id": session_id})
    assert r.status_code == 422 and r.json()["errors"][0]["code"] == code


def test_a_taken_slug_is_refused(device: NativeDevice, emulator: Emulator) -> None:
    emulator.add_organization("Acme", slug="acme")
    _, session_id = signed_in(device, emulator)
    r = device.post(
        "/v1/organizations", {"name": "Acme", "slug": "acme"}, params={"_clerk_session_id": session_id}
    )
    assert r.status_code == 422
    assert r.json()["errors"][0]["code"] == "form_identifier_exists"
    assert r.json()["errors"][0]["meta"]["param_name"] == "slug"


def test_memberships_page_with_limit_and_offset_or_come_as_a_bare_array(
    device: NativeDevice, emulator: Emulator
) -> None:
    user_id, session_id = signed_in(device, emulator)
    for i in range(3):
        emulator.add_organization(f"Team {i}", slug=f"team-{i}", members={user_id: "org:member"})
    query = {"_clerk_session_id": session_id}
    page = device.get("/v1/me/organization_memberships", params={**query, "paginated": "true", "limit": "2"})
    assert page.status_code == 200, page.text
    body = page.json()["response"]
    assert body["total_count"] == 3 and [m["organization"]["slug"] for m in body["data"]] == [
        "team-0",
        "team-1",
    ]
    assert page.json()["client"]["id"]
    rest = device.get(
        "/v1/me/organization_memberships", params={**query, "paginated": "true", "limit": "2", "offset": "2"}
    ).json()["response"]
    assert [m["organization"]["slug"] for m in rest["data"]] == ["team-2"] and rest["total_count"] == 3
    bare = device.get("/v1/me/organization_memberships", params=query).json()["response"]
    assert isinstance(bare, list) and len(bare) == 3
    for bad in ({"limit": "0"}, {"limit": "501"}, {"offset": "-1"}, {"limit": "ten"}):
        r = device.get("/v1/me/organization_memberships", params={**query, **bad})
        assert r.status_code == 422, bad
    assert device.checked.validated >= 3


def test_clerk_session_id_picks_the_session_a_call_acts_for(device: NativeDevice, emulator: Emulator) -> None:
    jane_id, jane_session = signed_in(device, emulator)
    bob_id, bob_session = signed_in(
        device, emulator, email_addresses="bob+clerk_test@example.com", phone_numbers=[], username="bob"
    )
    emulator.add_organization("Jane's", slug="janes", members={jane_id: "org:admin"})
    emulator.add_organization("Bob's", slug="bobs", members={bob_id: "org:admin"})

    def slugs(params: dict[str, str]) -> list[str]:
        r = device.get("/v1/me/organization_memberships", params=params)
        assert r.status_code == 200, r.text
        return [m["organization"]["slug"] for m in r.json()["response"]]

    assert slugs({"_clerk_session_id": jane_session}) == ["janes"]
    assert slugs({"_clerk_session_id": bob_session}) == ["bobs"]
    assert slugs({}) == ["bobs"]  # without it: the client's last active session
    created = device.post("/v1/organizations", {"name": "New"}, params={"_clerk_session_id": jane_session})
    assert created.status_code == 200
    assert slugs({"_clerk_session_id": jane_session}) == ["janes", "new"]
    assert slugs({"_clerk_session_id": bob_session}) == ["bobs"]
    assert (
        device.get("/v1/me/organization_memberships", params={"_clerk_session_id": "sess_other"}).status_code
        == 404
    )


def test_me_routes_need_a_signed_in_session(device: NativeDevice, emulator: Emulator) -> None:
    device.post("/v1/client")
    r = device.get("/v1/me/organization_memberships")
    assert r.status_code == 401 and r.json()["errors"][0]["code"] == "authentication_invalid"


def test_invitations_list_filter_and_accept(device: NativeDevice, emulator: Emulator) -> None:
    _, session_id = signed_in(device, emulator)
    acme = emulator.add_organization("Acme", slug="acme")
    other = emulator.add_organization("Other", slug="other")
    invitation_id = emulator.add_organization_invitation(acme.id, "jane+clerk_test@example.com", "org:admin")
    emulator.add_organization_invitation(other.id, "JANE+clerk_test@example.com", status="expired")
    emulator.add_organization_invitation(other.id, "not-jane@example.com")
    query = {"_clerk_session_id": session_id}
    listed = device.get("/v1/me/organization_invitations", params=query).json()["response"]
    assert listed["total_count"] == 2
    pending = device.get("/v1/me/organization_invitations", params={**query, "status": "pending"})
    [invitation] = pending.json()["response"]["data"]
    assert (invitation["id"], invitation["status"], invitation["public_organization_data"]["slug"]) == (
        invitation_id,
        "pending",
        "acme",
    )
    accepted = device.post(f"/v1/me/organization_invitations/{invitation_id}/accept", params=query)
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["response"]["status"] == "accepted"
    session = next(s for s in accepted.json()["client"]["sessions"] if s["id"] == session_id)
    [membership] = session["user"]["organization_memberships"]
    assert (membership["organization"]["slug"], membership["role"]) == ("acme", "org:admin")
    counts = (
        membership["organization"]["members_count"],
        membership["organization"]["pending_invitations_count"],
    )
    assert counts == (1, 0)  # the accepted invitation is no longer pending
    emulator.add_organization_invitation(acme.id, "someone+clerk_test@example.com")
    [listed_membership] = device.get("/v1/me/organization_memberships", params=query).json()["response"]
    assert listed_membership["organization"]["pending_invitations_count"] == 1
    again = device.post(f"/v1/me/organization_invitations/{invitation_id}/accept", params=query)
    assert again.status_code == 404
    stranger = emulator.add_organization_invitation(other.id, "not-jane@example.com")
    assert device.post(f"/v1/me/organization_invitations/{stranger}/accept", params=query).status_code == 404
    assert device.checked.validated >= 4
