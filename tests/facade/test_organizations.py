"""Organizations of a session's user through ``Client`` and ``AsyncClient``, over loopback HTTP against
the emulator: typed memberships page by page, invitations and accepting one, creating an organization,
``_clerk_session_id`` on every call, and switching the active organization by slug."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from clerk_fapi import (
    AsyncClient,
    ConfigurationError,
    Organization,
    OrganizationMembership,
    OrganizationNotFoundError,
    Page,
    SignInIncompleteError,
    UnprocessableEntityError,
)
from clerk_fapi._token_cache import jwt_claims
from clerk_fapi.testing import Emulator, SeededUser
from clerk_fapi.testing._server import EmulatorServer

from .conftest import PASSWORD, AnyClient, call


class Sent(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Real HTTP transports (sync and async) that keep every request they send."""

    def __init__(self) -> None:
        self._sync = httpx.HTTPTransport()
        self._async = httpx.AsyncHTTPTransport()
        self.requests: list[httpx.Request] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return self._sync.handle_request(request)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return await self._async.handle_async_request(request)

    def close(self) -> None:
        self._sync.close()

    async def aclose(self) -> None:
        await self._async.aclose()


@pytest.fixture
def server(emu: Emulator) -> Iterator[EmulatorServer]:
    with emu.serve(port=0) as served:
        yield served


@pytest.fixture
def sent() -> Sent:
    return Sent()


@pytest.fixture
async def signed_in(
    make_client: Callable[..., AnyClient], server: EmulatorServer, sent: Sent, user: SeededUser
) -> AnyClient:
    client = make_client(frontend_api=server.url, transport=sent)
    await call(client.sign_in_with_password(user.identifier, PASSWORD))
    return client


def session_of(client: AnyClient) -> Any:
    session = client.last_active_session
    assert session is not None
    return session


def acted_for(request: httpx.Request) -> str | None:
    return request.url.params.get("_clerk_session_id")


# ----- memberships -------------------------------------------------------------------------------------
async def test_memberships_are_typed_pages_and_iterate_every_page(
    signed_in: AnyClient, emu: Emulator, user: SeededUser, sent: Sent
) -> None:
    for i in range(5):
        emu.add_organization(f"Team {i}", slug=f"team-{i}", members={user.id: "org:member"})
    session = session_of(signed_in)
    page = await call(session.organization_memberships(limit=2, offset=1))
    assert isinstance(page, Page)
    assert page.total_count == 5 and len(page) == 2 and page.next_offset == 3
    first = page.data[0]
    assert isinstance(first, OrganizationMembership) and isinstance(first.organization, Organization)
    assert first.organization.slug == "team-1" and first.role == "org:member"
    assert first.permissions == ("org:sys_memberships:read",)
    assert first.created_at is not None and first.organization.created_at is not None
    request = sent.requests[-1]
    assert request.url.path == "/v1/me/organization_memberships"
    assert dict(request.url.params) == {
        "_is_native": "1",
        "_clerk_session_id": session.id,
        "limit": "2",
        "offset": "1",
        "paginated": "true",
    }

    before = len(sent.requests)
    if isinstance(signed_in, AsyncClient):
        every = [m async for m in session.iter_organization_memberships(page_size=2)]
    else:
        every = list(session.iter_organization_memberships(page_size=2))
    assert [m.organization.slug for m in every] == [f"team-{i}" for i in range(5)]
    walked = sent.requests[before:]
    assert [(r.url.params["offset"], r.url.params["limit"]) for r in walked] == [
        ("0", "2"),
        ("2", "2"),
        ("4", "2"),
    ]
    assert {acted_for(r) for r in walked} == {session.id}


@pytest.mark.parametrize(("limit", "offset"), [(0, 0), (501, 0), (10, -1), (True, 0), ("5", 0)])
async def test_out_of_range_paging_is_refused_before_sending(
    signed_in: AnyClient, sent: Sent, limit: Any, offset: Any
) -> None:
    before = len(sent.requests)
    with pytest.raises(ConfigurationError, match=r"limit|offset"):
        await call(session_of(signed_in).organization_memberships(limit=limit, offset=offset))
    assert len(sent.requests) == before


# ----- creating an organization ---------------------------------------------------------------------------
async def test_create_organization_makes_the_user_admin_without_activating_it(
    signed_in: AnyClient, sent: Sent
) -> None:
    session = session_of(signed_in)
    org = await call(signed_in.create_organization("Acme Inc", slug="acme"))
    assert isinstance(org, Organization) and (org.name, org.slug) == ("Acme Inc", "acme")
    request = sent.requests[-1]
    assert f"{request.method} {request.url.path}" == "POST /v1/organizations"
    assert acted_for(request) == session.id
    assert dict(httpx.QueryParams(request.content.decode())) == {"name": "Acme Inc", "slug": "acme"}
    # The piggybacked client carries the new membership (admin); the active organization is unchanged.
    session = session_of(signed_in)
    assert session.last_active_organization_id is None
    memberships = (await call(session.organization_memberships())).data
    assert [(m.organization.id, m.role) for m in memberships] == [(org.id, "org:admin")]


async def test_create_organization_with_a_taken_slug_is_the_servers_error(signed_in: AnyClient) -> None:
    await call(signed_in.create_organization("Acme", slug="acme"))
    with pytest.raises(UnprocessableEntityError) as caught:
        await call(signed_in.create_organization("Acme again", slug="acme"))
    assert caught.value.code == "form_identifier_exists"


async def test_create_organization_needs_a_name_and_a_signed_in_session(
    make_client: Callable[..., AnyClient], server: EmulatorServer, signed_in: AnyClient, sent: Sent
) -> None:
    before = len(sent.requests)
    with pytest.raises(ConfigurationError, match="name"):
        await call(signed_in.create_organization("  "))
    assert len(sent.requests) == before
    fresh = make_client(frontend_api=server.url)
    with pytest.raises(ConfigurationError, match="signed in"):
        await call(fresh.create_organization("Acme"))


# ----- invitations -----------------------------------------------------------------------------------------
async def test_invitations_list_by_status_and_accepting_one_makes_a_membership(
    signed_in: AnyClient, emu: Emulator, user: SeededUser, sent: Sent
) -> None:
    acme = emu.add_organization("Acme", slug="acme")
    other = emu.add_organization("Other", slug="other")
    invitation_id = emu.add_organization_invitation(acme.id, "jane+clerk_test@example.com", "org:admin")
    emu.add_organization_invitation(other.id, "jane+clerk_test@example.com", status="revoked")
    emu.add_organization_invitation(other.id, "someone-else@example.com")
    session = session_of(signed_in)
    every = await call(session.organization_invitations())
    assert every.total_count == 2
    pending = await call(session.organization_invitations(status="pending"))
    assert sent.requests[-1].url.params["status"] == "pending"
    assert acted_for(sent.requests[-1]) == session.id
    assert [(i.id, i.status, i.role) for i in pending] == [(invitation_id, "pending", "org:admin")]
    invitation = pending.data[0]
    assert invitation.public_organization_data is not None
    assert invitation.public_organization_data.slug == "acme"

    accepted = await call(invitation.accept())
    assert accepted.status == "accepted" and type(accepted) is type(invitation)
    request = sent.requests[-1]
    assert request.url.path == f"/v1/me/organization_invitations/{invitation_id}/accept"
    assert acted_for(request) == session.id
    # The piggybacked client's user carries the membership: the slug resolves without a request.
    assert session_of(signed_in).resolve_organization("acme") == acme.id


# ----- _clerk_session_id: the session each call acts for ------------------------------------------------
async def test_each_call_acts_for_its_own_session_on_a_multi_session_client(
    signed_in: AnyClient, emu: Emulator, user: SeededUser, sent: Sent
) -> None:
    jane = session_of(signed_in)
    bob_user = emu.add_user(email_addresses="bob+clerk_test@example.com", password=PASSWORD)
    emu.add_organization("Bob's", slug="bobs", members={bob_user.id: "org:admin"})
    emu.add_organization("Jane's", slug="janes", members={user.id: "org:member"})
    bob = await call(signed_in.sign_in_with_password(bob_user.identifier, PASSWORD))
    assert signed_in.last_active_session_id == bob.id
    # Jane's session is not the last active one: its calls still read Jane's organizations.
    janes = await call(jane.organization_memberships())
    assert [m.organization.slug for m in janes.data] == ["janes"]
    assert acted_for(sent.requests[-1]) == jane.id
    bobs = await call(bob.organization_memberships())
    assert [m.organization.slug for m in bobs.data] == ["bobs"]
    assert acted_for(sent.requests[-1]) == bob.id


# ----- switching by slug --------------------------------------------------------------------------------
async def test_touch_and_set_active_switch_by_slug_and_back_to_personal(
    signed_in: AnyClient, emu: Emulator, user: SeededUser, sent: Sent
) -> None:
    """clerk-js ``setActive({organization})`` looks a slug up in ``session.user.organizationMemberships``
    and sends the id (clerk-js/src/core/clerk.ts)."""
    emu.add_organization("Acme", slug="acme", members={user.id: "org:member"})
    await call(signed_in.reload())  # the client's user now carries the membership
    session = session_of(signed_in)
    acme_id = session.resolve_organization("acme")
    assert acme_id is not None and acme_id.startswith("org_")
    touched = await call(session.touch(organization_id="acme"))
    touch = sent.requests[-1]
    assert touch.url.path.endswith("/touch")
    assert dict(httpx.QueryParams(touch.content.decode()))["active_organization_id"] == acme_id
    assert touched.last_active_organization_id == acme_id
    token = await call(touched.get_token(skip_cache=True))
    claims = jwt_claims(token)
    assert claims is not None and claims["o"]["slg"] == "acme" and claims["o"]["id"] == acme_id
    personal = await call(signed_in.set_active(session.id, organization=None))
    assert personal.last_active_organization_id is None
    assert dict(httpx.QueryParams(sent.requests[-1].content.decode()))["active_organization_id"] == ""
    again = await call(signed_in.set_active(session, organization="acme"))
    assert again.last_active_organization_id == acme_id


async def test_an_unknown_slug_is_a_typed_error_naming_it_and_nothing_is_sent(
    signed_in: AnyClient, emu: Emulator, sent: Sent
) -> None:
    emu.add_organization("Other", slug="other")  # the user is no member
    session = session_of(signed_in)
    before = len(sent.requests)
    for attempt in (
        lambda: session.touch(organization_id="other"),
        lambda: signed_in.set_active(session, organization="other"),
        lambda: session.resolve_organization("nope"),
    ):
        with pytest.raises(OrganizationNotFoundError) as caught:
            await call(attempt())
        assert caught.value.organization in ("other", "nope")
        assert repr(caught.value.organization) in str(caught.value)
    assert len(sent.requests) == before
    assert session_of(signed_in).last_active_organization_id is None


# ----- end to end -----------------------------------------------------------------------------------------
async def test_from_a_new_user_to_an_organization_token_by_slug(
    make_client: Callable[..., AnyClient], server: EmulatorServer, emu: Emulator, sent: Sent
) -> None:
    """A user of the emulator adds and verifies a second email, enrolls TOTP, signs out, signs back in
    with password + TOTP, creates an organization, switches to it by slug, and gets a token whose
    ``o.slg`` is that slug."""
    email, second, slug = "grace+clerk_test@example.com", "grace.work+clerk_test@example.com", "hopper-labs"
    seeded = emu.add_user(email_addresses=email, password=PASSWORD, first_name="Grace")
    client = make_client(frontend_api=server.url, transport=sent)

    user = (await call(client.sign_in_with_password(email, PASSWORD))).user
    added = await call(user.create_email_address(second))
    await call(user.prepare_email_address_verification(added.id))
    verified = await call(user.attempt_email_address_verification(added.id, "424242"))
    assert verified.verification is not None and verified.verification.is_verified
    totp = await call(user.create_totp())
    assert totp.secret is not None
    await call(user.verify_totp(emu.totp_code(totp.secret)))
    assert client.user is not None and client.user.totp_enabled

    await call(client.sign_out())
    assert client.last_active_session is None
    with pytest.raises(SignInIncompleteError) as caught:
        await call(client.sign_in_with_password(email, PASSWORD))
    assert caught.value.status == "needs_second_factor"
    assert client.sign_in is not None
    done = await call(client.sign_in.attempt_second_factor("totp", code=emu.totp_code(totp.secret)))
    assert done.status == "complete"
    user = client.user
    assert user is not None and user.id == seeded.id
    assert {e.email_address for e in user.email_addresses} == {email, second}

    org = await call(client.create_organization("Hopper Labs", slug=slug))
    memberships = await call(user.organization_memberships())
    assert [(m.organization.id, m.role) for m in memberships] == [(org.id, "org:admin")]
    assert acted_for(sent.requests[-1]) == client.last_active_session_id

    session = session_of(client)
    switched = await call(session.touch(organization_id=slug))  # the slug, never the id
    assert dict(httpx.QueryParams(sent.requests[-1].content.decode()))["active_organization_id"] == org.id
    assert switched.last_active_organization_id == org.id
    token = await call(client.get_token())
    claims = jwt_claims(token)
    assert claims is not None and claims["sub"] == seeded.id
    assert claims["o"]["slg"] == slug and claims["o"]["id"] == org.id and claims["o"]["rol"] == "admin"


async def test_user_organization_calls_act_for_the_users_session(
    signed_in: AnyClient, emu: Emulator, user: SeededUser, sent: Sent
) -> None:
    emu.add_organization("Acme", slug="acme", members={user.id: "org:member"})
    invitation_id = emu.add_organization_invitation(
        emu.add_organization("Beta", slug="beta").id, "jane+clerk_test@example.com"
    )
    me = signed_in.user
    assert me is not None
    page = await call(me.organization_memberships(limit=1))
    assert [m.organization.slug for m in page] == ["acme"] and page.total_count == 1
    assert acted_for(sent.requests[-1]) == me.session_id
    if isinstance(signed_in, AsyncClient):
        every = [m async for m in me.iter_organization_memberships()]
    else:
        every = list(me.iter_organization_memberships())
    assert [m.organization.slug for m in every] == ["acme"]
    [invitation] = (await call(me.organization_invitations(status="pending"))).data
    assert invitation.id == invitation_id
    await call(invitation.accept())
    assert acted_for(sent.requests[-1]) == me.session_id
    assert session_of(signed_in).resolve_organization("beta") is not None
