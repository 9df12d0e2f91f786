"""Sessions, sign-ins and sign-ups with their methods, for ``Client`` and ``AsyncClient``.

Each is the read model (``SessionData``, ``SignInData``, ``SignUpData``) plus the client it came
from, its *owner*. A resource sees its owner only through :class:`Owner` (or :class:`AsyncOwner`):
it runs an operation of :mod:`clerk_fapi._ops` (the logic lives there, once) and returns the
updated resource; the client's state follows the server's piggybacked answer. The sync and async
classes are deliberate twins that differ only in ``await``; the sync ones carry the documentation
(see :mod:`clerk_fapi._twins`).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any, Protocol, Self, TypeVar

import attrs

from ._account_models import SessionReverification
from ._engine import Flow
from ._models import SessionData, SignInData, SignUpData, UserData
from ._ops import Core, email_link, external, organizations, reverification, sessions, sign_ins, sign_ups
from ._organizations import Organization, OrganizationInvitationData, OrganizationMembership, Page
from ._sentinel import NOT_GIVEN, NotGiven
from ._twins import documented_by
from ._user import AsyncUser, User, bind_user

__all__ = [
    "AsyncOrganizationInvitation",
    "AsyncOwner",
    "AsyncSession",
    "AsyncSignIn",
    "AsyncSignUp",
    "OrganizationInvitation",
    "Owner",
    "Session",
    "SignIn",
    "SignUp",
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


# ----- sign-ins --------------------------------------------------------------------------------------
@attrs.frozen
class SignIn(_Bound, SignInData):
    """A sign-in of a :class:`~clerk_fapi.Client`."""

    _owner: Owner = attrs.field(repr=False, eq=False, alias="owner", kw_only=True)

    def reload(self, rotating_token_nonce: str | None = None) -> SignIn:
        """Fetch this sign-in again (GET /v1/client/sign_ins/{id}). With the ``rotating_token_nonce``
        an OAuth or enterprise SSO callback brought back, this finishes that sign-in on this client:
        the rotated client token is stored and, when the sign-in is complete, its new session is
        made active (see also :meth:`handle_callback`)."""
        flow = external.reload_sign_in(self._owner, self.id, rotating_token_nonce)
        return self._bound(self._owner._run(flow))

    def handle_callback(self, callback_url: str, *, redirect_url: str | None = None) -> SignIn:
        """Finish an OAuth or enterprise SSO sign-in from the URL the browser came back to: its
        ``rotating_token_nonce`` is redeemed (:meth:`reload`) and the new session made active.
        Raises :class:`ExternalAccountNotFoundError` when no user has the external account (then
        :meth:`transfer_to_sign_up`), :class:`ExternalVerificationError` for any other failure
        (``__clerk_status=failed&__clerk_error_code=...``, a provider ``error``, no nonce), and
        :class:`CallbackError` for a URL that cannot be read (or, with ``redirect_url``, that
        does not lead to it)."""
        flow = external.handle_sign_in_callback(self._owner, self, callback_url, redirect_url)
        return self._bound(self._owner._run(flow))

    def transfer_to_sign_up(self, **fields: Any) -> SignUp:
        """Create the user from the external account of this transferable sign-in (POST
        /v1/client/sign_ups with ``transfer=true`` and any other sign-up ``fields``, e.g.
        ``legal_accepted=True``); a complete sign-up has its session made active."""
        return bind(SignUp, self._owner._run(external.transfer_to_sign_up(self._owner, fields)), self._owner)

    def wait_for_email_link(
        self, timeout: float = email_link.DEFAULT_TIMEOUT, interval: float = email_link.DEFAULT_INTERVAL
    ) -> SignIn:
        """After ``prepare_first_factor("email_link", redirect_url=...)``, wait until the link is
        followed: the sign-in is read every ``interval`` seconds (one request at a time, as clerk-js
        polls) until its verification is ``verified`` (a complete sign-in has its session made
        active), or ``transferable`` (then :meth:`transfer_to_sign_up`). Raises
        :class:`EmailLinkExpiredError` when the link expired and :class:`EmailLinkTimeoutError`
        after ``timeout`` seconds."""
        flow = email_link.wait_sign_in(self._owner, self.id, timeout, interval)
        return self._bound(self._owner._run(flow))

    def prepare_first_factor(self, strategy: str, **fields: Any) -> SignIn:
        """Send a code or link for ``strategy``; the email/phone id is found among
        ``supported_first_factors`` unless given (``email_address_id=``, ``phone_number_id=``)."""
        return self._bound(self._owner._run(sign_ins.prepare_factor(self._owner, self, 1, strategy, fields)))

    def attempt_first_factor(self, strategy: str, **fields: Any) -> SignIn:
        """Attempt ``strategy`` with ``code=`` or ``password=`` (or ``ticket=``...)."""
        flow = sign_ins.attempt_factor(self._owner, self.id, 1, strategy, fields)
        return self._bound(self._owner._run(flow))

    def prepare_second_factor(self, strategy: str, **fields: Any) -> SignIn:
        """Send a code for the second factor ``strategy`` (``phone_code``, ``email_code``), e.g. when
        the status is ``needs_second_factor`` or ``needs_client_trust``; the email/phone id is found
        among ``supported_second_factors`` unless given."""
        return self._bound(self._owner._run(sign_ins.prepare_factor(self._owner, self, 2, strategy, fields)))

    def attempt_second_factor(self, strategy: str, **fields: Any) -> SignIn:
        """Attempt ``strategy`` (``totp``, ``backup_code``, ``phone_code``, ``email_code``) with ``code=``."""
        flow = sign_ins.attempt_factor(self._owner, self.id, 2, strategy, fields)
        return self._bound(self._owner._run(flow))

    def reset_password(self, password: str, sign_out_of_other_sessions: bool = False) -> SignIn:
        """Set a new password on a sign-in whose status is ``needs_new_password``."""
        flow = sign_ins.reset_password(self._owner, self.id, password, sign_out_of_other_sessions)
        return self._bound(self._owner._run(flow))


@documented_by(SignIn)
@attrs.frozen
class AsyncSignIn(_Bound, SignInData):
    """A sign-in of an :class:`~clerk_fapi.AsyncClient`."""

    _owner: AsyncOwner = attrs.field(repr=False, eq=False, alias="owner", kw_only=True)

    async def reload(self, rotating_token_nonce: str | None = None) -> AsyncSignIn:
        flow = external.reload_sign_in(self._owner, self.id, rotating_token_nonce)
        return self._bound(await self._owner._run(flow))

    async def handle_callback(self, callback_url: str, *, redirect_url: str | None = None) -> AsyncSignIn:
        flow = external.handle_sign_in_callback(self._owner, self, callback_url, redirect_url)
        return self._bound(await self._owner._run(flow))

    async def transfer_to_sign_up(self, **fields: Any) -> AsyncSignUp:
        data = await self._owner._run(external.transfer_to_sign_up(self._owner, fields))
        return bind(AsyncSignUp, data, self._owner)

    async def wait_for_email_link(
        self, timeout: float = email_link.DEFAULT_TIMEOUT, interval: float = email_link.DEFAULT_INTERVAL
    ) -> AsyncSignIn:
        flow = email_link.wait_sign_in(self._owner, self.id, timeout, interval)
        return self._bound(await self._owner._run(flow))

    async def prepare_first_factor(self, strategy: str, **fields: Any) -> AsyncSignIn:
        flow = sign_ins.prepare_factor(self._owner, self, 1, strategy, fields)
        return self._bound(await self._owner._run(flow))

    async def attempt_first_factor(self, strategy: str, **fields: Any) -> AsyncSignIn:
        flow = sign_ins.attempt_factor(self._owner, self.id, 1, strategy, fields)
        return self._bound(await self._owner._run(flow))

    async def prepare_second_factor(self, strategy: str, **fields: Any) -> AsyncSignIn:
        flow = sign_ins.prepare_factor(self._owner, self, 2, strategy, fields)
        return self._bound(await self._owner._run(flow))

    async def attempt_second_factor(self, strategy: str, **fields: Any) -> AsyncSignIn:
        flow = sign_ins.attempt_factor(self._owner, self.id, 2, strategy, fields)
        return self._bound(await self._owner._run(flow))

    async def reset_password(self, password: str, sign_out_of_other_sessions: bool = False) -> AsyncSignIn:
        flow = sign_ins.reset_password(self._owner, self.id, password, sign_out_of_other_sessions)
        return self._bound(await self._owner._run(flow))


# ----- sign-ups --------------------------------------------------------------------------------------
@attrs.frozen
class SignUp(_Bound, SignUpData):
    """A sign-up of a :class:`~clerk_fapi.Client`."""

    _owner: Owner = attrs.field(repr=False, eq=False, alias="owner", kw_only=True)

    def reload(self, rotating_token_nonce: str | None = None) -> SignUp:
        """Fetch this sign-up again (GET /v1/client/sign_ups/{id}). With the ``rotating_token_nonce``
        an OAuth callback brought back, this finishes that sign-up on this client: the rotated
        client token is stored and a complete sign-up has its new session made active."""
        flow = external.reload_sign_up(self._owner, self.id, rotating_token_nonce)
        return self._bound(self._owner._run(flow))

    def handle_callback(self, callback_url: str, *, redirect_url: str | None = None) -> SignUp:
        """Finish a sign-up started with ``strategy="oauth_..."`` from the URL the browser came
        back to (as :meth:`SignIn.handle_callback`). Raises :class:`ExternalAccountExistsError`
        when a user has the external account already (then :meth:`transfer_to_sign_in`),
        :class:`ExternalVerificationError` for any other failure. The sign-up may still miss
        fields (``missing_fields``): :meth:`update` them."""
        flow = external.handle_sign_up_callback(self._owner, self, callback_url, redirect_url)
        return self._bound(self._owner._run(flow))

    def transfer_to_sign_in(self) -> SignIn:
        """Sign in the user who owns the external account of this transferable sign-up (POST
        /v1/client/sign_ins with ``transfer=true``); a complete sign-in has its session made active."""
        return bind(SignIn, self._owner._run(external.transfer_to_sign_in(self._owner)), self._owner)

    def wait_for_email_link(
        self, timeout: float = email_link.DEFAULT_TIMEOUT, interval: float = email_link.DEFAULT_INTERVAL
    ) -> SignUp:
        """After ``prepare_verification("email_link", redirect_url=...)``, wait until the link is
        followed (as :meth:`SignIn.wait_for_email_link`); a complete sign-up has its session made
        active."""
        flow = email_link.wait_sign_up(self._owner, self.id, timeout, interval)
        return self._bound(self._owner._run(flow))

    def update(self, **fields: Any) -> SignUp:
        """Add or change fields (PATCH); ``unsafe_metadata`` may be a dict."""
        return self._bound(self._owner._run(sign_ups.update(self._owner, self.id, fields)))

    def prepare_verification(self, strategy: str, **fields: Any) -> SignUp:
        """Send a code or link to verify an identifier of the sign-up (``email_code``,
        ``email_link``, ``phone_code``)."""
        flow = sign_ups.verification(self._owner, self.id, "prepare", strategy, fields)
        return self._bound(self._owner._run(flow))

    def attempt_verification(self, strategy: str, code: str, **fields: Any) -> SignUp:
        """Verify an identifier of the sign-up with the ``code`` that was sent for ``strategy``."""
        fields["code"] = code
        flow = sign_ups.verification(self._owner, self.id, "attempt", strategy, fields)
        return self._bound(self._owner._run(flow))

    def prepare_email_address_verification(self, strategy: str = "email_code") -> SignUp:
        """Send a code (or with ``strategy="email_link"``, a link) to the sign-up's email address."""
        return self.prepare_verification(strategy)

    def attempt_email_address_verification(self, code: str) -> SignUp:
        """Verify the sign-up's email address with the ``code`` sent to it."""
        return self.attempt_verification("email_code", code)

    def prepare_phone_number_verification(self) -> SignUp:
        """Send a code to the sign-up's phone number."""
        return self.prepare_verification("phone_code")

    def attempt_phone_number_verification(self, code: str) -> SignUp:
        """Verify the sign-up's phone number with the ``code`` sent to it."""
        return self.attempt_verification("phone_code", code)


@documented_by(SignUp)
@attrs.frozen
class AsyncSignUp(_Bound, SignUpData):
    """A sign-up of an :class:`~clerk_fapi.AsyncClient`."""

    _owner: AsyncOwner = attrs.field(repr=False, eq=False, alias="owner", kw_only=True)

    async def reload(self, rotating_token_nonce: str | None = None) -> AsyncSignUp:
        flow = external.reload_sign_up(self._owner, self.id, rotating_token_nonce)
        return self._bound(await self._owner._run(flow))

    async def handle_callback(self, callback_url: str, *, redirect_url: str | None = None) -> AsyncSignUp:
        flow = external.handle_sign_up_callback(self._owner, self, callback_url, redirect_url)
        return self._bound(await self._owner._run(flow))

    async def transfer_to_sign_in(self) -> AsyncSignIn:
        data = await self._owner._run(external.transfer_to_sign_in(self._owner))
        return bind(AsyncSignIn, data, self._owner)

    async def wait_for_email_link(
        self, timeout: float = email_link.DEFAULT_TIMEOUT, interval: float = email_link.DEFAULT_INTERVAL
    ) -> AsyncSignUp:
        flow = email_link.wait_sign_up(self._owner, self.id, timeout, interval)
        return self._bound(await self._owner._run(flow))

    async def update(self, **fields: Any) -> AsyncSignUp:
        return self._bound(await self._owner._run(sign_ups.update(self._owner, self.id, fields)))

    async def prepare_verification(self, strategy: str, **fields: Any) -> AsyncSignUp:
        flow = sign_ups.verification(self._owner, self.id, "prepare", strategy, fields)
        return self._bound(await self._owner._run(flow))

    async def attempt_verification(self, strategy: str, code: str, **fields: Any) -> AsyncSignUp:
        fields["code"] = code
        flow = sign_ups.verification(self._owner, self.id, "attempt", strategy, fields)
        return self._bound(await self._owner._run(flow))

    async def prepare_email_address_verification(self, strategy: str = "email_code") -> AsyncSignUp:
        return await self.prepare_verification(strategy)

    async def attempt_email_address_verification(self, code: str) -> AsyncSignUp:
        return await self.attempt_verification("email_code", code)

    async def prepare_phone_number_verification(self) -> AsyncSignUp:
        return await self.prepare_verification("phone_code")

    async def attempt_phone_number_verification(self, code: str) -> AsyncSignUp:
        return await self.attempt_verification("phone_code", code)


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
