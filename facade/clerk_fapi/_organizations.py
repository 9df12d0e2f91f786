"""Read models of organizations: an organization, the user's membership in it, an invitation to
one, and a page of a paginated list (``{data, total_count}``).

Built from the generated models by :mod:`clerk_fapi._convert`, like every read model (see
:mod:`clerk_fapi._models`): every field the server sent that the model has no attribute for is in
``extra``. The invitation resource with ``accept()`` is in :mod:`clerk_fapi._resources`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import datetime
from typing import Any, Final, Generic, TypeVar

import attrs

from ._models import PublicUserData, _extra

__all__ = [
    "InvitationStatus",
    "Organization",
    "OrganizationInvitationData",
    "OrganizationMembership",
    "Page",
    "PublicOrganizationData",
]

T = TypeVar("T")


class InvitationStatus:
    """Known invitation statuses (the spec's list); compare with these, never enumerate."""

    PENDING: Final = "pending"
    ACCEPTED: Final = "accepted"
    REVOKED: Final = "revoked"
    EXPIRED: Final = "expired"
    COMPLETED: Final = "completed"


@attrs.frozen
class Organization:
    """An organization the user belongs to (or has just created)."""

    id: str
    name: str | None = None
    slug: str | None = None
    image_url: str | None = attrs.field(default=None, repr=False)
    has_image: bool | None = attrs.field(default=None, repr=False)
    members_count: int | None = attrs.field(default=None, repr=False)
    pending_invitations_count: int | None = attrs.field(default=None, repr=False)
    max_allowed_memberships: int | None = attrs.field(default=None, repr=False)
    admin_delete_enabled: bool | None = attrs.field(default=None, repr=False)
    public_metadata: Mapping[str, Any] = attrs.field(factory=dict, repr=False)
    created_at: datetime | None = attrs.field(default=None, repr=False)
    updated_at: datetime | None = attrs.field(default=None, repr=False)
    extra: Mapping[str, Any] = _extra()


@attrs.frozen
class OrganizationMembership:
    """The user's membership in an organization: the organization, the role (``org:admin``,
    ``org:member`` or a custom one) and the role's permissions (``org:<feature>:<action>``)."""

    id: str
    organization: Organization
    role: str | None = None
    role_name: str | None = attrs.field(default=None, repr=False)
    permissions: tuple[str, ...] = attrs.field(default=(), repr=False)
    public_metadata: Mapping[str, Any] = attrs.field(factory=dict, repr=False)
    public_user_data: PublicUserData | None = attrs.field(default=None, repr=False)
    created_at: datetime | None = attrs.field(default=None, repr=False)
    updated_at: datetime | None = attrs.field(default=None, repr=False)
    extra: Mapping[str, Any] = _extra()

    def has_permission(self, permission: str) -> bool:
        """Whether the role grants ``permission`` (e.g. ``org:sys_memberships:manage``)."""
        return permission in self.permissions


@attrs.frozen
class PublicOrganizationData:
    """What an invitation shows of its organization."""

    id: str
    name: str | None = None
    slug: str | None = None
    image_url: str | None = attrs.field(default=None, repr=False)
    has_image: bool | None = attrs.field(default=None, repr=False)
    extra: Mapping[str, Any] = _extra()


@attrs.frozen
class OrganizationInvitationData:
    """An invitation of the user to an organization (the data; see ``OrganizationInvitation``)."""

    id: str
    status: str | None = None
    email_address: str | None = attrs.field(default=None, repr=False)
    role: str | None = None
    role_name: str | None = attrs.field(default=None, repr=False)
    organization_id: str | None = None
    public_organization_data: PublicOrganizationData | None = attrs.field(default=None, repr=False)
    public_metadata: Mapping[str, Any] = attrs.field(factory=dict, repr=False)
    url: str | None = attrs.field(default=None, repr=False)
    expires_at: datetime | None = attrs.field(default=None, repr=False)
    created_at: datetime | None = attrs.field(default=None, repr=False)
    updated_at: datetime | None = attrs.field(default=None, repr=False)
    extra: Mapping[str, Any] = _extra()


@attrs.frozen
class Page(Generic[T]):
    """One page of a paginated list: ``data`` (this page's items, in the server's order) and
    ``total_count`` (how many there are in all). Iterating a page iterates its ``data``."""

    data: tuple[T, ...]
    total_count: int
    # Where this page starts and how many it asked for, so that ``next_offset`` can say where the
    # next one starts.
    offset: int = 0
    limit: int | None = None

    @property
    def next_offset(self) -> int | None:
        """The offset of the next page, or None when this is the last one."""
        end = self.offset + len(self.data)
        return end if self.data and end < self.total_count else None

    def __iter__(self) -> Iterator[T]:
        return iter(self.data)

    def __len__(self) -> int:
        return len(self.data)
