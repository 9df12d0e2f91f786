"""The signed-in user of a session, with its ``/v1/me`` calls: ``User`` (for ``Client``) and
``AsyncUser`` (for ``AsyncClient``).

A user is the read model (:class:`~clerk_fapi._models.UserData`) plus the client it came from and
the session it belongs to: every call names that session (``_clerk_session_id``), applies the
client the answer piggybacks and returns the new user (or the email address, phone number, TOTP...
the call is about). ``session.user`` and ``client.user`` are these. The sync and async classes are
deliberate twins (see :mod:`clerk_fapi._twins`); the logic lives in :mod:`clerk_fapi._ops.user`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING, Any, Self, TypeVar

import attrs

from ._account_models import TOTP, BackupCodes, DeletedObject
from ._models import EmailAddress, PhoneNumber, UserData
from ._ops import organizations as org_ops
from ._ops import user as ops
from ._organizations import OrganizationMembership, Page
from ._sentinel import NOT_GIVEN, NotGiven
from ._twins import documented_by

if TYPE_CHECKING:
    from ._resources import AsyncOrganizationInvitation, AsyncOwner, OrganizationInvitation, Owner

__all__ = ["AsyncUser", "User", "bind_user"]

U = TypeVar("U", bound=UserData)


def bind_user(cls: type[U], data: UserData, owner: object, session_id: str) -> U:
    """``data`` as a user of class ``cls`` (``User``/``AsyncUser``) of ``session_id``, owned by ``owner``."""
    factory: Any = cls
    fields = {f.name: getattr(data, f.name) for f in attrs.fields(UserData)}
    bound: U = factory(**fields, owner=owner, session_id=session_id)
    return bound


class _BoundUser:
    """What the twins share: their session and rebinding a new user to the same owner."""

    __slots__ = ()
    _owner: Any
    _session_id: str

    @property
    def session_id(self) -> str:
        """The id of the session this user was read from; every call acts for it."""
        return self._session_id

    def _bound(self, data: UserData) -> Self:
        return bind_user(type(self), data, self._owner, self._session_id)  # type: ignore[type-var]


@attrs.frozen
class User(_BoundUser, UserData):
    """The user of a session of a :class:`~clerk_fapi.Client` (``session.user``, ``client.user``)."""

    _owner: Owner = attrs.field(repr=False, eq=False, alias="owner", kw_only=True)
    _session_id: str = attrs.field(repr=False, eq=False, alias="session_id", kw_only=True)

    def reload(self) -> User:
        """Fetch the user again (GET /v1/me)."""
        return self._bound(self._owner._run(ops.get(self._owner, self._session_id)))

    def update(
        self,
        *,
        first_name: str | NotGiven | None = NOT_GIVEN,
        last_name: str | NotGiven | None = NOT_GIVEN,
        username: str | NotGiven | None = NOT_GIVEN,
        primary_email_address_id: str | NotGiven | None = NOT_GIVEN,
        primary_phone_number_id: str | NotGiven | None = NOT_GIVEN,
    ) -> User:
        """Change the fields given (PATCH /v1/me); None clears a field. A primary email address or
        phone number must be one of the user's verified ones."""
        fields = {
            "first_name": first_name,
            "last_name": last_name,
            "username": username,
            "primary_email_address_id": primary_email_address_id,
            "primary_phone_number_id": primary_phone_number_id,
        }
        return self._bound(self._owner._run(ops.update(self._owner, self._session_id, fields)))

    def update_metadata(self, unsafe_metadata: dict[str, Any]) -> User:
        """Deep-merge ``unsafe_metadata`` into the user's (PATCH /v1/me/metadata): a None value
        removes its key, keys not named stay as they are."""
        return self._bound(
            self._owner._run(ops.update_metadata(self._owner, self._session_id, unsafe_metadata))
        )

    def delete(self) -> DeletedObject:
        """Delete the user (DELETE /v1/me); its sessions end."""
        return self._owner._run(ops.delete(self._owner, self._session_id))

    def change_password(
        self,
        new_password: str,
        current_password: str | None = None,
        sign_out_of_other_sessions: bool | NotGiven = NOT_GIVEN,
    ) -> User:
        """Set a new password (POST /v1/me/change_password); ``current_password`` is needed when the
        user has one. The passwords are never logged, shown in a repr or put in an error."""
        flow = ops.change_password(
            self._owner, self._session_id, new_password, current_password, sign_out_of_other_sessions
        )
        return self._bound(self._owner._run(flow))

    def create_email_address(self, email_address: str) -> EmailAddress:
        """Add an email address (POST /v1/me/email_addresses); verify it with
        :meth:`prepare_email_address_verification` and :meth:`attempt_email_address_verification`."""
        return self._owner._run(ops.create_email_address(self._owner, self._session_id, email_address))

    def prepare_email_address_verification(
        self, email_address_id: str, strategy: str = "email_code", *, redirect_url: str | NotGiven = NOT_GIVEN
    ) -> EmailAddress:
        """Send a code (or with ``strategy="email_link"`` and ``redirect_url``, a link) to an email
        address of the user."""
        fields = {"strategy": strategy, "redirect_url": redirect_url}
        flow = ops.identification_verification(
            self._owner, self._session_id, "email", "prepare", email_address_id, fields
        )
        result: EmailAddress = self._owner._run(flow)
        return result

    def attempt_email_address_verification(self, email_address_id: str, code: str) -> EmailAddress:
        """Verify an email address of the user with the code sent to it."""
        flow = ops.identification_verification(
            self._owner, self._session_id, "email", "attempt", email_address_id, {"code": code}
        )
        result: EmailAddress = self._owner._run(flow)
        return result

    def delete_email_address(self, email_address_id: str) -> DeletedObject:
        """Remove an email address from the user (DELETE /v1/me/email_addresses/{id})."""
        return self._owner._run(ops.delete_email_address(self._owner, self._session_id, email_address_id))

    def create_phone_number(
        self, phone_number: str, *, reserved_for_second_factor: bool | NotGiven = NOT_GIVEN
    ) -> PhoneNumber:
        """Add a phone number (POST /v1/me/phone_numbers); verify it with
        :meth:`prepare_phone_number_verification` and :meth:`attempt_phone_number_verification`."""
        flow = ops.create_phone_number(
            self._owner, self._session_id, phone_number, reserved_for_second_factor
        )
        return self._owner._run(flow)

    def prepare_phone_number_verification(self, phone_number_id: str) -> PhoneNumber:
        """Send a code by SMS to a phone number of the user."""
        flow = ops.identification_verification(
            self._owner, self._session_id, "phone", "prepare", phone_number_id, {"strategy": "phone_code"}
        )
        result: PhoneNumber = self._owner._run(flow)
        return result

    def attempt_phone_number_verification(self, phone_number_id: str, code: str) -> PhoneNumber:
        """Verify a phone number of the user with the code sent to it."""
        flow = ops.identification_verification(
            self._owner, self._session_id, "phone", "attempt", phone_number_id, {"code": code}
        )
        result: PhoneNumber = self._owner._run(flow)
        return result

    def update_phone_number(
        self,
        phone_number_id: str,
        *,
        reserved_for_second_factor: bool | NotGiven = NOT_GIVEN,
        default_second_factor: bool | NotGiven = NOT_GIVEN,
    ) -> PhoneNumber:
        """Reserve a verified phone number for the second factor, or make it the default one
        (PATCH /v1/me/phone_numbers/{id})."""
        fields = {
            "reserved_for_second_factor": reserved_for_second_factor,
            "default_second_factor": default_second_factor,
        }
        flow = ops.update_phone_number(self._owner, self._session_id, phone_number_id, fields)
        return self._owner._run(flow)

    def delete_phone_number(self, phone_number_id: str) -> DeletedObject:
        """Remove a phone number from the user (DELETE /v1/me/phone_numbers/{id})."""
        return self._owner._run(ops.delete_phone_number(self._owner, self._session_id, phone_number_id))

    def create_totp(self) -> TOTP:
        """Start enrolling an authenticator app (POST /v1/me/totp): the answer holds the secret and
        its ``otpauth://`` URI (neither shown in a repr); finish with :meth:`verify_totp`."""
        return self._owner._run(ops.create_totp(self._owner, self._session_id))

    def verify_totp(self, code: str) -> TOTP:
        """Finish enrolling the authenticator with a code it shows (POST /v1/me/totp/attempt_verification)."""
        return self._owner._run(ops.verify_totp(self._owner, self._session_id, code))

    def delete_totp(self) -> DeletedObject:
        """Remove the user's authenticator app (DELETE /v1/me/totp)."""
        return self._owner._run(ops.delete_totp(self._owner, self._session_id))

    def create_backup_codes(self) -> BackupCodes:
        """A new set of backup codes, replacing any earlier set (POST /v1/me/backup_codes)."""
        return self._owner._run(ops.create_backup_codes(self._owner, self._session_id))

    def organization_memberships(
        self, limit: int = org_ops.DEFAULT_LIMIT, offset: int = 0
    ) -> Page[OrganizationMembership]:
        """One page of the user's organization memberships (GET /v1/me/organization_memberships), as
        :meth:`Session.organization_memberships` of the user's session."""
        return self._owner._run(org_ops.memberships(self._owner, self._session_id, limit, offset))

    def iter_organization_memberships(
        self, page_size: int = org_ops.MAX_LIMIT
    ) -> Iterator[OrganizationMembership]:
        """Every organization membership of the user, a page of ``page_size`` at a time."""
        from ._resources import iter_memberships

        return iter_memberships(self._owner, self._session_id, page_size)

    def organization_invitations(
        self, status: str | None = None, limit: int = org_ops.DEFAULT_LIMIT, offset: int = 0
    ) -> Page[OrganizationInvitation]:
        """One page of the user's organization invitations (GET /v1/me/organization_invitations), only
        those with ``status`` if given; ``invitation.accept()`` accepts one."""
        from ._resources import invitations

        return invitations(self._owner, self._session_id, status, limit, offset)


@documented_by(User)
@attrs.frozen
class AsyncUser(_BoundUser, UserData):
    """The user of a session of an :class:`~clerk_fapi.AsyncClient`."""

    _owner: AsyncOwner = attrs.field(repr=False, eq=False, alias="owner", kw_only=True)
    _session_id: str = attrs.field(repr=False, eq=False, alias="session_id", kw_only=True)

    async def reload(self) -> AsyncUser:
        return self._bound(await self._owner._run(ops.get(self._owner, self._session_id)))

    async def update(
        self,
        *,
        first_name: str | NotGiven | None = NOT_GIVEN,
        last_name: str | NotGiven | None = NOT_GIVEN,
        username: str | NotGiven | None = NOT_GIVEN,
        primary_email_address_id: str | NotGiven | None = NOT_GIVEN,
        primary_phone_number_id: str | NotGiven | None = NOT_GIVEN,
    ) -> AsyncUser:
        fields = {
            "first_name": first_name,
            "last_name": last_name,
            "username": username,
            "primary_email_address_id": primary_email_address_id,
            "primary_phone_number_id": primary_phone_number_id,
        }
        return self._bound(await self._owner._run(ops.update(self._owner, self._session_id, fields)))

    async def update_metadata(self, unsafe_metadata: dict[str, Any]) -> AsyncUser:
        flow = ops.update_metadata(self._owner, self._session_id, unsafe_metadata)
        return self._bound(await self._owner._run(flow))

    async def delete(self) -> DeletedObject:
        return await self._owner._run(ops.delete(self._owner, self._session_id))

    async def change_password(
        self,
        new_password: str,
        current_password: str | None = None,
        sign_out_of_other_sessions: bool | NotGiven = NOT_GIVEN,
    ) -> AsyncUser:
        flow = ops.change_password(
            self._owner, self._session_id, new_password, current_password, sign_out_of_other_sessions
        )
        return self._bound(await self._owner._run(flow))

    async def create_email_address(self, email_address: str) -> EmailAddress:
        return await self._owner._run(ops.create_email_address(self._owner, self._session_id, email_address))

    async def prepare_email_address_verification(
        self, email_address_id: str, strategy: str = "email_code", *, redirect_url: str | NotGiven = NOT_GIVEN
    ) -> EmailAddress:
        fields = {"strategy": strategy, "redirect_url": redirect_url}
        flow = ops.identification_verification(
            self._owner, self._session_id, "email", "prepare", email_address_id, fields
        )
        result: EmailAddress = await self._owner._run(flow)
        return result

    async def attempt_email_address_verification(self, email_address_id: str, code: str) -> EmailAddress:
        flow = ops.identification_verification(
            self._owner, self._session_id, "email", "attempt", email_address_id, {"code": code}
        )
        result: EmailAddress = await self._owner._run(flow)
        return result

    async def delete_email_address(self, email_address_id: str) -> DeletedObject:
        flow = ops.delete_email_address(self._owner, self._session_id, email_address_id)
        return await self._owner._run(flow)

    async def create_phone_number(
        self, phone_number: str, *, reserved_for_second_factor: bool | NotGiven = NOT_GIVEN
    ) -> PhoneNumber:
        flow = ops.create_phone_number(
            self._owner, self._session_id, phone_number, reserved_for_second_factor
        )
        return await self._owner._run(flow)

    async def prepare_phone_number_verification(self, phone_number_id: str) -> PhoneNumber:
        flow = ops.identification_verification(
            self._owner, self._session_id, "phone", "prepare", phone_number_id, {"strategy": "phone_code"}
        )
        result: PhoneNumber = await self._owner._run(flow)
        return result

    async def attempt_phone_number_verification(self, phone_number_id: str, code: str) -> PhoneNumber:
        flow = ops.identification_verification(
            self._owner, self._session_id, "phone", "attempt", phone_number_id, {"code": code}
        )
        result: PhoneNumber = await self._owner._run(flow)
        return result

    async def update_phone_number(
        self,
        phone_number_id: str,
        *,
        reserved_for_second_factor: bool | NotGiven = NOT_GIVEN,
        default_second_factor: bool | NotGiven = NOT_GIVEN,
    ) -> PhoneNumber:
        fields = {
            "reserved_for_second_factor": reserved_for_second_factor,
            "default_second_factor": default_second_factor,
        }
        flow = ops.update_phone_number(self._owner, self._session_id, phone_number_id, fields)
        return await self._owner._run(flow)

    async def delete_phone_number(self, phone_number_id: str) -> DeletedObject:
        flow = ops.delete_phone_number(self._owner, self._session_id, phone_number_id)
        return await self._owner._run(flow)

    async def create_totp(self) -> TOTP:
        return await self._owner._run(ops.create_totp(self._owner, self._session_id))

    async def verify_totp(self, code: str) -> TOTP:
        return await self._owner._run(ops.verify_totp(self._owner, self._session_id, code))

    async def delete_totp(self) -> DeletedObject:
        return await self._owner._run(ops.delete_totp(self._owner, self._session_id))

    async def create_backup_codes(self) -> BackupCodes:
        return await self._owner._run(ops.create_backup_codes(self._owner, self._session_id))

    async def organization_memberships(
        self, limit: int = org_ops.DEFAULT_LIMIT, offset: int = 0
    ) -> Page[OrganizationMembership]:
        return await self._owner._run(org_ops.memberships(self._owner, self._session_id, limit, offset))

    async def iter_organization_memberships(
        self, page_size: int = org_ops.MAX_LIMIT
    ) -> AsyncIterator[OrganizationMembership]:
        from ._resources import aiter_memberships

        async for membership in aiter_memberships(self._owner, self._session_id, page_size):
            yield membership

    async def organization_invitations(
        self, status: str | None = None, limit: int = org_ops.DEFAULT_LIMIT, offset: int = 0
    ) -> Page[AsyncOrganizationInvitation]:
        from ._resources import ainvitations

        return await ainvitations(self._owner, self._session_id, status, limit, offset)
