"""Organization memberships are indexed: rendering a client reads each user's memberships and each
organization's member count without walking every membership of the instance (which made
``GET /v1/client`` grow with the square of its sessions), and what it renders is unchanged."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from typing import Any

import pytest
from clerk_fapi.testing import Emulator, SeededUser
from clerk_fapi.testing._memberships import Memberships
from clerk_fapi.testing._models import Membership

from .conftest import PASSWORD, NativeDevice


def _claims(jwt: str) -> dict[str, Any]:
    payload = jwt.split(".")[1]
    decoded: dict[str, Any] = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    return decoded


@pytest.fixture
def no_full_scans(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Records (and refuses) every walk over all the memberships of the instance."""
    walks: list[str] = []

    def refuse(self: Memberships) -> Iterator[Membership]:
        walks.append("walked every membership")
        raise AssertionError("walked every membership of the instance")

    monkeypatch.setattr(Memberships, "__iter__", refuse)
    return walks


def test_client_session_and_token_read_memberships_without_walking_them_all(
    emulator: Emulator, native: NativeDevice, no_full_scans: list[str]
) -> None:
    users = [
        emulator.add_user(email_addresses=f"m{i}+clerk_test@example.com", password=PASSWORD) for i in range(3)
    ]
    acme = emulator.add_organization("Acme", members={users[0].id: "org:admin", users[1].id: "org:member"})
    globex = emulator.add_organization("Globex", members={users[0].id: "org:member"})
    for seeded in users:
        body = native.sign_in(seeded)
    session_id = body["client"]["last_active_session_id"]
    first = next(s for s in body["client"]["sessions"] if s["user"]["id"] == users[0].id)

    r = native.get("/v1/client")
    assert r.status_code == 200, r.text
    by_user = {
        s["user"]["id"]: s["user"]["organization_memberships"] for s in r.json()["response"]["sessions"]
    }
    shown = [
        (m["organization"]["id"], m["organization"]["members_count"], m["role"]) for m in by_user[users[0].id]
    ]
    assert shown == [(acme.id, 2, "org:admin"), (globex.id, 1, "org:member")]
    assert [m["organization"]["id"] for m in by_user[users[1].id]] == [acme.id]
    assert by_user[users[2].id] == []

    # Touching a session into an organization and minting its token look the membership up too.
    r = native.post(f"/v1/client/sessions/{first['id']}/touch", {"active_organization_id": globex.slug})
    assert r.status_code == 200, r.text
    r = native.post(f"/v1/client/sessions/{first['id']}/tokens", {"organization_id": acme.id})
    assert r.status_code == 200, r.text
    assert _claims(r.json()["jwt"])["o"]["id"] == acme.id
    r = native.post(f"/v1/client/sessions/{session_id}/touch", {"active_organization_id": globex.id})
    assert r.status_code == 404, "the last user is no member of Globex"
    assert no_full_scans == []


def test_the_index_follows_appends_and_removals(emulator: Emulator, user: SeededUser) -> None:
    org = emulator.add_organization("Initech")
    other = emulator.add_organization("Umbrella")
    first = emulator.add_membership(org.id, user.id)
    second = emulator.add_membership(other.id, user.id, "org:admin")
    memberships = emulator._service.memberships
    assert [m.id for m in memberships] == [first, second]
    assert [m.id for m in memberships.of_user(user.id)] == [first, second]
    assert memberships.count(org.id) == 1 and memberships.count("org_none") == 0
    found = memberships.find(other.id, user.id)
    assert found is not None and found.role == "org:admin"

    memberships.remove(memberships.of_organization(org.id)[0])
    assert [m.id for m in memberships.of_user(user.id)] == [second]
    assert memberships.count(org.id) == 0 and memberships.find(org.id, user.id) is None
    assert len(memberships) == 1
    with pytest.raises(ValueError, match=first):
        memberships.remove(Membership(first, org.id, user.id, "org:member", [], 0, 0))
