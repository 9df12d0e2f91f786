"""`clerk-fapi orgs`, `switch-org` and `token --org` against the loopback emulator; and `token` picking the
session by the library's default-session rule."""

from __future__ import annotations

from typing import Any

from clerk_fapi.testing import Emulator, SeededUser

from .conftest import JANE, JOHN, PASSWORD, Run, claims_of

DAY = 24 * 3600


def sign_in(run: Run, identifier: str = JANE) -> dict[str, Any]:
    result = run("--json", "sign-in", "--identifier", identifier, "--password", PASSWORD)
    assert result.status == 0, result.stderr
    data: dict[str, Any] = result.json()
    return data


def active_org(run: Run) -> Any:
    result = run("orgs", "--json")
    assert result.status == 0, result.stderr
    return result.json()["active_organization_id"]


def test_orgs_switch_org_by_slug_and_token_for_an_org(run: Run, emulator: Emulator, jane: SeededUser) -> None:
    acme = emulator.add_organization("Acme Inc", slug="acme", members={jane.id: "org:member"})
    beta = emulator.add_organization("Beta", slug="beta", members={jane.id: "org:admin"})
    session_id = sign_in(run)["session"]["id"]

    listed = run("orgs", "--json")
    assert listed.status == 0, listed.stderr
    data = listed.json()
    assert data["session_id"] == session_id and data["active_organization_id"] is None
    assert [(m["organization"]["slug"], m["role"], m["active"]) for m in data["memberships"]] == [
        ("acme", "org:member", False),
        ("beta", "org:admin", False),
    ]

    switched = run("switch-org", "acme")
    assert switched.status == 0, switched.stderr
    assert "acme" in switched.stdout and acme.id in switched.stdout
    human = run("orgs").stdout.splitlines()  # the active one starred
    assert [line.split()[:2] for line in human if line.startswith("*")] == [["*", "acme"]]
    assert claims_of(run("token").stdout.strip())["o"]["slg"] == "acme"

    # --org mints for another organization (or none) without switching.
    beta_token = run("token", "--org", "beta", "--json").json()
    assert beta_token["organization_id"] == beta.id
    assert claims_of(beta_token["jwt"])["o"] == {"id": beta.id, "slg": "beta", "rol": "admin"}
    assert "o" not in claims_of(run("token", "--org", "personal").stdout.strip())

    unknown = run("switch-org", "nope")
    assert unknown.status == 1 and "'nope'" in unknown.stderr
    assert active_org(run) == acme.id  # neither --org nor the unknown slug changed it

    back = run("switch-org", "personal", "--json")
    assert back.status == 0, back.stderr
    assert back.json()["active_organization"] is None
    assert back.json()["session"]["last_active_organization_id"] is None
    by_id = run("switch-org", beta.id, "--json").json()
    assert by_id["active_organization"] == {"id": beta.id, "name": "Beta", "slug": "beta"}


def test_token_uses_the_default_session_when_the_last_active_one_has_expired(
    run: Run, emulator: Emulator, jane: SeededUser, john: SeededUser
) -> None:
    """The last active session is not signed in any more (expired): ``token`` takes the first
    signed-in session, as ``client.get_token()`` does (clerk-js ``#defaultSession``)."""
    jane_session = sign_in(run, JANE)["session"]["id"]
    emulator.clock.advance(3 * DAY)
    john_session = sign_in(run, JOHN)["session"]["id"]
    assert run("switch", jane_session).status == 0
    emulator.clock.advance(5 * DAY)  # Jane's session (7 days) expires; John's lives on
    result = run("token")
    assert result.status == 0, result.stderr
    assert claims_of(result.stdout.strip())["sid"] == john_session
