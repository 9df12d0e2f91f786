"""Sessions and organization invitations with their methods, for ``Client`` and ``AsyncClient``.

Each is the read model (``SessionData``, ``OrganizationInvitationData``) plus the client it came
from, its *owner*. A resource sees its owner only through :class:`Owner` (or :class:`AsyncOwner`):
it runs an operation of :mod:`clerk_fapi._ops` (the logic lives there, once) and returns the
updated resource; the client's state follows the server's piggybacked answer. The sync and async
classes are deliberate twins that differ only in ``await``; the sync ones carry the documentation
(see :mod:`clerk_fapi._twins`). Sign-ins and sign-ups, built on the same :class:`Owner` and
:func:`bind`, are in :mod:`clerk_fapi._flow_resources`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any, Protocol, Self, TypeVar

import attrs

from ._account_models import SessionReverification
from ._engine import Flow
from ._models import SessionData, SignInData, SignUpData, UserData
from ._ops import Core, organizations, reverification, sessions
from ._organizations import Organization, OrganizationInvitationData, OrganizationMembership, Page
from ._sentinel import NOT_GIVEN, NotGiven
from ._twins import documented_by
from ._user import AsyncUser, User, bind_user

__all__ = [
    "AsyncOrganizationInvitation",
    "AsyncOwner",
    "AsyncSession",
    "OrganizationInvitation",
    "Owner",
    "Session",
]

T = TypeVar("T")
R = TypeVar("R")


class Owner(Core, Protocol):
    """What a resource of a :class:`~clerk_fapi.Client` sees of it."""

    def _run(self, flow: Flow[T]) -> T:
        """Run an operation to its end and return its result."""
        ...

    def _get_token(
        self, session_id: str, template: str | None, organization_id: str | NotGiven | None, skip_cache: bool
    ) -> str | None:
        """A session token, one request per cache key at a time."""
        ...

    def _cached_token(
        self, session_id: str, template: str | None, organization_id: str | NotGiven | None, skip_cache: bool
    ) -> str | None:
        """The fresh cached JWT of a plain ``get_token()`` on an open client, else None."""
        ...

    def _cached_session_token(self, session_id: str) -> str | None:
        """The fresh cached JWT of a plain ``get_token()`` of this session, else None."""
        ...


class AsyncOwner(Core, Protocol):
    """What a resource of an :class:`~clerk_fapi.AsyncClient` sees of it."""

    async def _run(self, flow: Flow[T]) -> T:
        """Run an operation to its end and return its result."""
        ...

    async def _get_token(
        self, session_id: str, template: str | None, organization_id: str | NotGiven | None, skip_cache: bool
    ) -> str | None:
        """A session token, one request per cache key at a time."""
        ...


def bind(
    cls: type[R],
    data: SessionData | SignInData | SignUpData | OrganizationInvitationData,
    owner: object,
    **private: Any,
) -> R:
    """``data`` as a resource of class ``cls`` (e.g. ``Session``) owned by ``owner``; ``private``
    gives the resource's other private fields (an invitation's ``session_id``)."""
    factory: Any = cls
    fields = {f.alias: getattr(data, f.name) for f in attrs.fields(factory) if not f.name.startswith("_")}
    bound: R = factory(**fields, owner=owner, **private)
    return bound


class _Bound:
    """The part the resources share: rebinding the data an operation returned to the same owner."""

    __slots__ = ()
    _owner: Any

    def _bound(self, data: Any) -> Self:
        cls: Any = type(self)
        private = {
            f.alias: getattr(self, f.name)
            for f in attrs.fields(cls)
            if f.name.startswith("_") and f.name != "_owner"
        }
        return bind(type(self), data, self._owner, **private)


class _SessionShared:
    """What a session does the same way for both clients (no I/O)."""

    __slots__ = ()
    _owner: Any
    id: str

    def resolve_organization(self, organization: str | None) -> str | None:
        """The id of an organization of this session's user, given its id or slug (None or ""
        for the personal account); an unknown slug raises :class:`OrganizationNotFoundError`."""
        return organizations.resolve(self._owner, self.id, organization)


# ----- sessions --------------------------------------------------------------------------------------
@attrs.frozen
class Session(_SessionShared, _Bound, SessionData):
    """A session of a :class:`~clerk_fapi.Client`."""

    # The session's user, with its /v1/me calls (the data the server sent, bound to this session).
    user: User | None = attrs.field(default=None, repr=False)
    _owner: Owner = attrs.field(repr=False, eq=False, alias="owner", kw_only=True)

    def __attrs_post_init__(self) -> None:
        _bind_session_user(self, User)

    def reload(self) -> Session:
        """Fetch this session again (GET /v1/client/sessions/{id})."""
        return self._bound(self._owner._run(sessions.get(self._owner, self.id)))

    def touch(self, organization_id: str | NotGiven | None = NOT_GIVEN) -> Session:
        """Make this the client's last active session; ``organization_id`` switches its organization
        (an id or slug; None or "" = the personal account). A slug is resolved through the user's
        memberships first; one the user has none for raises :class:`OrganizationNotFoundError`
        before anything is sent."""
        return self._bound(self._owner._run(sessions.switch(self._owner, self.id, organization_id, "focus")))

    def end(self) -> Session:
        """Sign this session out (status ``ended``)."""
        return self._bound(self._owner._run(sessions.end(self._owner, self.id, remove=False)))

    def remove(self) -> Session:
        """Remove this session from the client (status ``removed``)."""
        return self._bound(self._owner._run(sessions.end(self._owner, self.id, remove=True)))

    def get_token(
        self,
        template: str | None = None,
        organization_id: str | NotGiven | None = NOT_GIVEN,
        skip_cache: bool = False,
    ) -> str | None:
        """A session JWT (or a JWT from ``template``), served from the cache while it is fresh."""
        owner = self._owner
        # A hit is read straight from the cache (the shortest way: programs call this per request).
        if template is None and organization_id is NOT_GIVEN and not skip_cache:
            cached = owner._cached_session_token(self.id)
            if cached:
                return cached
        return owner._get_token(self.id, template, organization_id, skip_cache)

    def organization_memberships(
        self, limit: int = organizations.DEFAULT_LIMIT, offset: int = 0
    ) -> Page[OrganizationMembership]:
        """One page of the organization memberships of this session's user
        (GET /v1/me/organization_memberships): ``page.data`` and ``page.total_count``."""
        return self._owner._run(organizations.memberships(self._owner, self.id, limit, offset))

    def iter_organization_memberships(
        self, page_size: int = organizations.MAX_LIMIT
    ) -> Iterator[OrganizationMembership]:
        """Every organization membership of this session's user, fetched a page of ``page_size``
        at a time as the iteration goes on."""
        return iter_memberships(self._owner, self.id, page_size)

    def organization_invitations(
        self, status: str | None = None, limit: int = organizations.DEFAULT_LIMIT, offset: int = 0
    ) -> Page[OrganizationInvitation]:
        """One page of the organization invitations of this session's user
        (GET /v1/me/organization_invitations), only those with ``status`` (e.g. ``"pending"``) if given."""
        return invitations(self._owner, self.id, status, limit, offset)

    def create_organization(self, name: str, slug: str | None = None) -> Organization:
        """Create an organization whose admin is this session's user (POST /v1/organizations). It is
        not made active: ``session.touch(organization_id=org.id)`` does that."""
        return self._owner._run(organizations.create(self._owner, self.id, name, slug))

    def start_verification(self, level: str = "second_factor") -> SessionReverification:
        """Start reverifying this session (POST .../verify) at ``level`` (``first_factor``,
        ``second_factor``, ``multi_factor``), as a :class:`ReverificationRequiredError` asks; then
        prepare and attempt the factors its ``status`` names until it is ``complete``, and retry."""
        return self._owner._run(reverification.start(self._owner, self.id, level))

    def prepare_first_factor_verification(self, strategy: str, **fields: Any) -> SessionReverification:
        """Send a code for the first factor of a reverification (``email_code``, ``phone_code``); the
        user's primary email address or phone number unless ``email_address_id=``/``phone_number_id=``."""
        flow = reverification.factor(self._owner, self.id, 1, "prepare", strategy, fields)
        return self._owner._run(flow)

    def attempt_first_factor_verification(self, strategy: str, **fields: Any) -> SessionReverification:
        """Attempt the first factor of a reverification: ``password=`` or ``code=``."""
        flow = reverification.factor(self._owner, self.id, 1, "attempt", strategy, fields)
        return self._owner._run(flow)

    def prepare_second_factor_verification(
        self, strategy: str = "phone_code", **fields: Any
    ) -> SessionReverification:
        """Send a code by SMS for the second factor of a reverification (the default second-factor
        phone unless ``phone_number_id=``)."""
        flow = reverification.factor(self._owner, self.id, 2, "prepare", strategy, fields)
        return self._owner._run(flow)

    def attempt_second_factor_verification(self, strategy: str, code: str) -> SessionReverification:
        """Attempt the second factor of a reverification (``totp``, ``backup_code``, ``phone_code``)."""
        flow = reverification.factor(self._owner, self.id, 2, "attempt", strategy, {"code": code})
        return self._owner._run(flow)


def _bind_session_user(session: Any, cls: type[UserData]) -> None:
    """Give a session resource its user as ``cls`` (``User``/``AsyncUser``) bound to the session."""
    data = session.user
    if data is not None and not isinstance(data, cls):
        object.__setattr__(session, "user", bind_user(cls, data, session._owner, session.id))


@documented_by(Session)
@attrs.frozen
class AsyncSession(_SessionShared, _Bound, SessionData):
    """A session of an :class:`~clerk_fapi.AsyncClient`."""

    user: AsyncUser | None = attrs.field(default=None, repr=False)
    _owner: AsyncOwner = attrs.field(repr=False, eq=False, alias="owner", kw_only=True)

    def __attrs_post_init__(self) -> None:
        _bind_session_user(self, AsyncUser)

    async def reload(self) -> AsyncSession:
        return self._bound(await self._owner._run(sessions.get(self._owner, self.id)))

    async def touch(self, organization_id: str | NotGiven | None = NOT_GIVEN) -> AsyncSession:
        return self._bound(
            await self._owner._run(sessions.switch(self._owner, self.id, organization_id, "focus"))
        )

    async def end(self) -> AsyncSession:
        return self._bound(await self._owner._run(sessions.end(self._owner, self.id, remove=False)))

    async def remove(self) -> AsyncSession:
        return self._bound(await self._owner._run(sessions.end(self._owner, self.id, remove=True)))

    async def get_token(
        self,
        template: str | None = None,
        organization_id: str | NotGiven | None = NOT_GIVEN,
        skip_cache: bool = False,
    ) -> str | None:
        return await self._owner._get_token(self.id, template, organization_id, skip_cache)

    async def organization_memberships(
        self, limit: int = organizations.DEFAULT_LIMIT, offset: int = 0
    ) -> Page[OrganizationMembership]:
        return await self._owner._run(organizations.memberships(self._owner, self.id, limit, offset))

    async def iter_organization_memberships(
        self, page_size: int = organizations.MAX_LIMIT
    ) -> AsyncIterator[OrganizationMembership]:
        async for membership in aiter_memberships(self._owner, self.id, page_size):
            yield membership

    async def organization_invitations(
        self, status: str | None = None, limit: int = organizations.DEFAULT_LIMIT, offset: int = 0
    ) -> Page[AsyncOrganizationInvitation]:
        return await ainvitations(self._owner, self.id, status, limit, offset)

    async def create_organization(self, name: str, slug: str | None = None) -> Organization:
        return await self._owner._run(organizations.create(self._owner, self.id, name, slug))

    async def start_verification(self, level: str = "second_factor") -> SessionReverification:
        return await self._owner._run(reverification.start(self._owner, self.id, level))

    async def prepare_first_factor_verification(self, strategy: str, **fields: Any) -> SessionReverification:
        flow = reverification.factor(self._owner, self.id, 1, "prepare", strategy, fields)
        return await self._owner._run(flow)

    async def attempt_first_factor_verification(self, strategy: str, **fields: Any) -> SessionReverification:
        flow = reverification.factor(self._owner, self.id, 1, "attempt", strategy, fields)
        return await self._owner._run(flow)

    async def prepare_second_factor_verification(
        self, strategy: str = "phone_code", **fields: Any
    ) -> SessionReverification:
        flow = reverification.factor(self._owner, self.id, 2, "prepare", strategy, fields)
        return await self._owner._run(flow)

    async def attempt_second_factor_verification(self, strategy: str, code: str) -> SessionReverification:
        flow = reverification.factor(self._owner, self.id, 2, "attempt", strategy, {"code": code})
        return await self._owner._run(flow)


# ----- organizations (shared by sessions and users) --------------------------------------------------
def iter_memberships(owner: Owner, session_id: str, page_size: int) -> Iterator[OrganizationMembership]:
    """Every organization membership of a session's user, a page of ``page_size`` at a time."""
    offset: int | None = 0
    while offset is not None:
        page = owner._run(organizations.memberships(owner, session_id, page_size, offset))
        yield from page.data
        offset = page.next_offset


async def aiter_memberships(
    owner: AsyncOwner, session_id: str, page_size: int
) -> AsyncIterator[OrganizationMembership]:
    """:func:`iter_memberships` for an :class:`~clerk_fapi.AsyncClient`."""
    offset: int | None = 0
    while offset is not None:
        page = await owner._run(organizations.memberships(owner, session_id, page_size, offset))
        for membership in page.data:
            yield membership
        offset = page.next_offset


def invitations(
    owner: Owner, session_id: str, status: str | None, limit: int, offset: int
) -> Page[OrganizationInvitation]:
    """One page of a session's user's invitations, each bound to ``owner`` and the session."""
    page = owner._run(organizations.invitations(owner, session_id, status, limit, offset))
    return _bound_page(OrganizationInvitation, page, owner, session_id)


async def ainvitations(
    owner: AsyncOwner, session_id: str, status: str | None, limit: int, offset: int
) -> Page[AsyncOrganizationInvitation]:
    """:func:`invitations` for an :class:`~clerk_fapi.AsyncClient`."""
    page = await owner._run(organizations.invitations(owner, session_id, status, limit, offset))
    return _bound_page(AsyncOrganizationInvitation, page, owner, session_id)


def _bound_page(
    cls: type[R], page: Page[OrganizationInvitationData], owner: object, session_id: str
) -> Page[R]:
    return Page(
        tuple(bind(cls, item, owner, session_id=session_id) for item in page.data),
        page.total_count,
        offset=page.offset,
        limit=page.limit,
    )


@attrs.frozen
class OrganizationInvitation(_Bound, OrganizationInvitationData):
    """An invitation of a session's user to an organization, from a :class:`~clerk_fapi.Client`."""

    _owner: Owner = attrs.field(repr=False, eq=False, alias="owner", kw_only=True)
    # The session the invitation was listed for: accepting it acts for the same session.
    _session_id: str = attrs.field(repr=False, eq=False, alias="session_id", kw_only=True)

    def accept(self) -> OrganizationInvitation:
        """Accept the invitation (POST /v1/me/organization_invitations/{id}/accept): the user becomes
        a member; the client's user carries the new membership."""
        flow = organizations.accept_invitation(self._owner, self._session_id, self.id)
        return self._bound(self._owner._run(flow))


@documented_by(OrganizationInvitation)
@attrs.frozen
class AsyncOrganizationInvitation(_Bound, OrganizationInvitationData):
    """An invitation of a session's user to an organization, from an :class:`~clerk_fapi.AsyncClient`."""

    _owner: AsyncOwner = attrs.field(repr=False, eq=False, alias="owner", kw_only=True)
    _session_id: str = attrs.field(repr=False, eq=False, alias="session_id", kw_only=True)

    async def accept(self) -> AsyncOrganizationInvitation:
        flow = organizations.accept_invitation(self._owner, self._session_id, self.id)
        return self._bound(await self._owner._run(flow))
