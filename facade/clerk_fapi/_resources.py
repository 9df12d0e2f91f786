"""Sessions, sign-ins and sign-ups with their methods, for ``Client`` and ``AsyncClient``.

Each is the read model (``SessionData``, ``SignInData``, ``SignUpData``) plus the client it came
from. A method asks its client to run the operation's plan (the logic lives once, in the client
core) and returns the updated resource; the client's state follows the server's piggybacked
answer. The sync and async classes differ only in ``await``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from ._models import SessionData, SignInData, SignUpData

if TYPE_CHECKING:
    from ._client import AsyncClient, Client

__all__ = ["UNSET_ORG", "AsyncSession", "AsyncSignIn", "AsyncSignUp", "Session", "SignIn", "SignUp"]


class _UnsetOrg:
    def __repr__(self) -> str:
        return "<keep the active organization>"


UNSET_ORG: Any = _UnsetOrg()
"""``organization_id`` left out: keep the session's active organization."""


# ----- sessions --------------------------------------------------------------------------------------
@attrs.frozen
class Session(SessionData):
    """A session of a :class:`~clerk_fapi.Client`."""

    _owner: Client = attrs.field(default=None, repr=False, eq=False, alias="owner")

    def reload(self) -> Session:
        """Fetch this session again (GET /v1/client/sessions/{id})."""
        return self._owner._run(self._owner._plan_get_session(self.id))

    def touch(self, organization_id: str | None = UNSET_ORG) -> Session:
        """Make this the client's last active session; ``organization_id`` switches its organization
        (an id or slug; None or "" = the personal account)."""
        return self._owner._run(self._owner._plan_touch(self.id, organization_id, "focus"))

    def end(self) -> Session:
        """Sign this session out (status ``ended``)."""
        return self._owner._run(self._owner._plan_end_session(self.id, remove=False))

    def remove(self) -> Session:
        """Remove this session from the client (status ``removed``)."""
        return self._owner._run(self._owner._plan_end_session(self.id, remove=True))

    def get_token(
        self, template: str | None = None, organization_id: str | None = UNSET_ORG, skip_cache: bool = False
    ) -> str | None:
        """A session JWT (or a JWT from ``template``), served from the cache while it is fresh."""
        return self._owner._get_token(self.id, template, organization_id, skip_cache)


@attrs.frozen
class AsyncSession(SessionData):
    """A session of an :class:`~clerk_fapi.AsyncClient`."""

    _owner: AsyncClient = attrs.field(default=None, repr=False, eq=False, alias="owner")

    async def reload(self) -> AsyncSession:
        return await self._owner._run(self._owner._plan_get_session(self.id))

    async def touch(self, organization_id: str | None = UNSET_ORG) -> AsyncSession:
        return await self._owner._run(self._owner._plan_touch(self.id, organization_id, "focus"))

    async def end(self) -> AsyncSession:
        return await self._owner._run(self._owner._plan_end_session(self.id, remove=False))

    async def remove(self) -> AsyncSession:
        return await self._owner._run(self._owner._plan_end_session(self.id, remove=True))

    async def get_token(
        self, template: str | None = None, organization_id: str | None = UNSET_ORG, skip_cache: bool = False
    ) -> str | None:
        return await self._owner._get_token(self.id, template, organization_id, skip_cache)


# ----- sign-ins --------------------------------------------------------------------------------------
@attrs.frozen
class SignIn(SignInData):
    """A sign-in of a :class:`~clerk_fapi.Client`."""

    _owner: Client = attrs.field(default=None, repr=False, eq=False, alias="owner")

    def reload(self) -> SignIn:
        return self._owner._run(self._owner._plan_sign_in_get(self.id))

    def prepare_first_factor(self, strategy: str, **fields: Any) -> SignIn:
        """Send a code or link for ``strategy``; the email/phone id is found among
        ``supported_first_factors`` unless given (``email_address_id=``, ``phone_number_id=``)."""
        return self._owner._run(self._owner._plan_prepare_factor(self, 1, strategy, fields))

    def attempt_first_factor(self, strategy: str, **fields: Any) -> SignIn:
        """Attempt ``strategy`` with ``code=`` or ``password=`` (or ``ticket=``...)."""
        return self._owner._run(self._owner._plan_attempt_factor(self.id, 1, strategy, fields))

    def prepare_second_factor(self, strategy: str, **fields: Any) -> SignIn:
        return self._owner._run(self._owner._plan_prepare_factor(self, 2, strategy, fields))

    def attempt_second_factor(self, strategy: str, **fields: Any) -> SignIn:
        """Attempt ``strategy`` (``totp``, ``backup_code``, ``phone_code``, ``email_code``) with ``code=``."""
        return self._owner._run(self._owner._plan_attempt_factor(self.id, 2, strategy, fields))

    def reset_password(self, password: str, sign_out_of_other_sessions: bool = False) -> SignIn:
        """Set a new password on a sign-in whose status is ``needs_new_password``."""
        return self._owner._run(
            self._owner._plan_reset_password(self.id, password, sign_out_of_other_sessions)
        )


@attrs.frozen
class AsyncSignIn(SignInData):
    """A sign-in of an :class:`~clerk_fapi.AsyncClient`."""

    _owner: AsyncClient = attrs.field(default=None, repr=False, eq=False, alias="owner")

    async def reload(self) -> AsyncSignIn:
        return await self._owner._run(self._owner._plan_sign_in_get(self.id))

    async def prepare_first_factor(self, strategy: str, **fields: Any) -> AsyncSignIn:
        return await self._owner._run(self._owner._plan_prepare_factor(self, 1, strategy, fields))

    async def attempt_first_factor(self, strategy: str, **fields: Any) -> AsyncSignIn:
        return await self._owner._run(self._owner._plan_attempt_factor(self.id, 1, strategy, fields))

    async def prepare_second_factor(self, strategy: str, **fields: Any) -> AsyncSignIn:
        return await self._owner._run(self._owner._plan_prepare_factor(self, 2, strategy, fields))

    async def attempt_second_factor(self, strategy: str, **fields: Any) -> AsyncSignIn:
        return await self._owner._run(self._owner._plan_attempt_factor(self.id, 2, strategy, fields))

    async def reset_password(self, password: str, sign_out_of_other_sessions: bool = False) -> AsyncSignIn:
        return await self._owner._run(
            self._owner._plan_reset_password(self.id, password, sign_out_of_other_sessions)
        )


# ----- sign-ups --------------------------------------------------------------------------------------
@attrs.frozen
class SignUp(SignUpData):
    """A sign-up of a :class:`~clerk_fapi.Client`."""

    _owner: Client = attrs.field(default=None, repr=False, eq=False, alias="owner")

    def reload(self) -> SignUp:
        return self._owner._run(self._owner._plan_sign_up_get(self.id))

    def update(self, **fields: Any) -> SignUp:
        """Add or change fields (PATCH); ``unsafe_metadata`` may be a dict."""
        return self._owner._run(self._owner._plan_sign_up_update(self.id, fields))

    def prepare_verification(self, strategy: str, **fields: Any) -> SignUp:
        return self._owner._run(self._owner._plan_sign_up_verification(self.id, "prepare", strategy, fields))

    def attempt_verification(self, strategy: str, code: str, **fields: Any) -> SignUp:
        fields["code"] = code
        return self._owner._run(self._owner._plan_sign_up_verification(self.id, "attempt", strategy, fields))

    def prepare_email_address_verification(self, strategy: str = "email_code") -> SignUp:
        return self.prepare_verification(strategy)

    def attempt_email_address_verification(self, code: str) -> SignUp:
        return self.attempt_verification("email_code", code)

    def prepare_phone_number_verification(self) -> SignUp:
        return self.prepare_verification("phone_code")

    def attempt_phone_number_verification(self, code: str) -> SignUp:
        return self.attempt_verification("phone_code", code)


@attrs.frozen
class AsyncSignUp(SignUpData):
    """A sign-up of an :class:`~clerk_fapi.AsyncClient`."""

    _owner: AsyncClient = attrs.field(default=None, repr=False, eq=False, alias="owner")

    async def reload(self) -> AsyncSignUp:
        return await self._owner._run(self._owner._plan_sign_up_get(self.id))

    async def update(self, **fields: Any) -> AsyncSignUp:
        return await self._owner._run(self._owner._plan_sign_up_update(self.id, fields))

    async def prepare_verification(self, strategy: str, **fields: Any) -> AsyncSignUp:
        return await self._owner._run(
            self._owner._plan_sign_up_verification(self.id, "prepare", strategy, fields)
        )

    async def attempt_verification(self, strategy: str, code: str, **fields: Any) -> AsyncSignUp:
        fields["code"] = code
        return await self._owner._run(
            self._owner._plan_sign_up_verification(self.id, "attempt", strategy, fields)
        )

    async def prepare_email_address_verification(self, strategy: str = "email_code") -> AsyncSignUp:
        return await self.prepare_verification(strategy)

    async def attempt_email_address_verification(self, code: str) -> AsyncSignUp:
        return await self.attempt_verification("email_code", code)

    async def prepare_phone_number_verification(self) -> AsyncSignUp:
        return await self.prepare_verification("phone_code")

    async def attempt_phone_number_verification(self, code: str) -> AsyncSignUp:
        return await self.attempt_verification("phone_code", code)
