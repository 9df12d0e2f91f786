"""Sessions, sign-ins and sign-ups with their methods, for ``Client`` and ``AsyncClient``.

Each is the read model (``SessionData``, ``SignInData``, ``SignUpData``) plus the client it came
from, its *owner*. A resource sees its owner only through :class:`Owner` (or :class:`AsyncOwner`):
it runs an operation of :mod:`clerk_fapi._ops` (the logic lives there, once) and returns the
updated resource; the client's state follows the server's piggybacked answer. The sync and async
classes are deliberate twins that differ only in ``await``; the sync ones carry the documentation
(see :mod:`clerk_fapi._twins`).
"""

from __future__ import annotations

from typing import Any, Protocol, Self, TypeVar

import attrs

from ._engine import Flow
from ._models import SessionData, SignInData, SignUpData
from ._ops import Core, sessions, sign_ins, sign_ups
from ._sentinel import NOT_GIVEN, NotGiven
from ._twins import documented_by

__all__ = ["AsyncOwner", "AsyncSession", "AsyncSignIn", "AsyncSignUp", "Owner", "Session", "SignIn", "SignUp"]

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


def bind(cls: type[R], data: SessionData | SignInData | SignUpData, owner: object) -> R:
    """``data`` as a resource of class ``cls`` (e.g. ``Session``) owned by ``owner``."""
    factory: Any = cls
    fields = {f.alias: getattr(data, f.name) for f in attrs.fields(factory) if f.name != "_owner"}
    bound: R = factory(**fields, owner=owner)
    return bound


class _Bound:
    """The part the resources share: rebinding the data an operation returned to the same owner."""

    __slots__ = ()
    _owner: Any

    def _bound(self, data: Any) -> Self:
        return bind(type(self), data, self._owner)


# ----- sessions --------------------------------------------------------------------------------------
@attrs.frozen
class Session(_Bound, SessionData):
    """A session of a :class:`~clerk_fapi.Client`."""

    _owner: Owner = attrs.field(repr=False, eq=False, alias="owner", kw_only=True)

    def reload(self) -> Session:
        """Fetch this session again (GET /v1/client/sessions/{id})."""
        return self._bound(self._owner._run(sessions.get(self._owner, self.id)))

    def touch(self, organization_id: str | NotGiven | None = NOT_GIVEN) -> Session:
        """Make this the client's last active session; ``organization_id`` switches its organization
        (an id or slug; None or "" = the personal account)."""
        return self._bound(self._owner._run(sessions.touch(self._owner, self.id, organization_id, "focus")))

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
        cached = owner._cached_token(self.id, template, organization_id, skip_cache)
        return cached or owner._get_token(self.id, template, organization_id, skip_cache)


@documented_by(Session)
@attrs.frozen
class AsyncSession(_Bound, SessionData):
    """A session of an :class:`~clerk_fapi.AsyncClient`."""

    _owner: AsyncOwner = attrs.field(repr=False, eq=False, alias="owner", kw_only=True)

    async def reload(self) -> AsyncSession:
        return self._bound(await self._owner._run(sessions.get(self._owner, self.id)))

    async def touch(self, organization_id: str | NotGiven | None = NOT_GIVEN) -> AsyncSession:
        return self._bound(
            await self._owner._run(sessions.touch(self._owner, self.id, organization_id, "focus"))
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


# ----- sign-ins --------------------------------------------------------------------------------------
@attrs.frozen
class SignIn(_Bound, SignInData):
    """A sign-in of a :class:`~clerk_fapi.Client`."""

    _owner: Owner = attrs.field(repr=False, eq=False, alias="owner", kw_only=True)

    def reload(self) -> SignIn:
        """Fetch this sign-in again (GET /v1/client/sign_ins/{id})."""
        return self._bound(self._owner._run(sign_ins.get(self._owner, self.id)))

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

    async def reload(self) -> AsyncSignIn:
        return self._bound(await self._owner._run(sign_ins.get(self._owner, self.id)))

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

    def reload(self) -> SignUp:
        """Fetch this sign-up again (GET /v1/client/sign_ups/{id})."""
        return self._bound(self._owner._run(sign_ups.get(self._owner, self.id)))

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

    async def reload(self) -> AsyncSignUp:
        return self._bound(await self._owner._run(sign_ups.get(self._owner, self.id)))

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
