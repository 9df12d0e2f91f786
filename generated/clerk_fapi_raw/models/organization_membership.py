from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.organization import Organization
    from ..models.organization_membership_public_metadata_type_0 import (
        OrganizationMembershipPublicMetadataType0,
    )
    from ..models.public_user_data import PublicUserData


T = TypeVar("T", bound="OrganizationMembership")


@_attrs_define
class OrganizationMembership:
    """The membership of a user in an organization, with the role and its permissions.

    Attributes:
        id (str):
        object_ (str | Unset): Always `organization_membership`.
        role (None | str | Unset): E.g. `org:admin`, `org:member`.
        role_name (None | str | Unset):
        permissions (list[str] | None | Unset):
        public_metadata (None | OrganizationMembershipPublicMetadataType0 | Unset):
        organization (None | Organization | Unset):
        public_user_data (None | PublicUserData | Unset):
        created_at (int | None | Unset):
        updated_at (int | None | Unset):
    """

    id: str
    object_: str | Unset = UNSET
    role: None | str | Unset = UNSET
    role_name: None | str | Unset = UNSET
    permissions: list[str] | None | Unset = UNSET
    public_metadata: None | OrganizationMembershipPublicMetadataType0 | Unset = UNSET
    organization: None | Organization | Unset = UNSET
    public_user_data: None | PublicUserData | Unset = UNSET
    created_at: int | None | Unset = UNSET
    updated_at: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.organization import Organization  # noqa: PLC0415
        from ..models.organization_membership_public_metadata_type_0 import (
            OrganizationMembershipPublicMetadataType0,  # noqa: PLC0415
        )
        from ..models.public_user_data import PublicUserData  # noqa: PLC0415

        id = self.id

        object_ = self.object_

        role: None | str | Unset
        if isinstance(self.role, Unset):
            role = UNSET
        else:
            role = self.role

        role_name: None | str | Unset
        if isinstance(self.role_name, Unset):
            role_name = UNSET
        else:
            role_name = self.role_name

        permissions: list[str] | None | Unset
        if isinstance(self.permissions, Unset):
            permissions = UNSET
        elif isinstance(self.permissions, list):
            permissions = self.permissions

        else:
            permissions = self.permissions

        public_metadata: dict[str, Any] | None | Unset
        if isinstance(self.public_metadata, Unset):
            public_metadata = UNSET
        elif isinstance(
            self.public_metadata, OrganizationMembershipPublicMetadataType0
        ):
            public_metadata = self.public_metadata.to_dict()
        else:
            public_metadata = self.public_metadata

        organization: dict[str, Any] | None | Unset
        if isinstance(self.organization, Unset):
            organization = UNSET
        elif isinstance(self.organization, Organization):
            organization = self.organization.to_dict()
        else:
            organization = self.organization

        public_user_data: dict[str, Any] | None | Unset
        if isinstance(self.public_user_data, Unset):
            public_user_data = UNSET
        elif isinstance(self.public_user_data, PublicUserData):
            public_user_data = self.public_user_data.to_dict()
        else:
            public_user_data = self.public_user_data

        created_at: int | None | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        else:
            created_at = self.created_at

        updated_at: int | None | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if object_ is not UNSET:
            field_dict["object"] = object_
        if role is not UNSET:
            field_dict["role"] = role
        if role_name is not UNSET:
            field_dict["role_name"] = role_name
        if permissions is not UNSET:
            field_dict["permissions"] = permissions
        if public_metadata is not UNSET:
            field_dict["public_metadata"] = public_metadata
        if organization is not UNSET:
            field_dict["organization"] = organization
        if public_user_data is not UNSET:
            field_dict["public_user_data"] = public_user_data
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.organization import Organization  # noqa: PLC0415
        from ..models.organization_membership_public_metadata_type_0 import (
            OrganizationMembershipPublicMetadataType0,  # noqa: PLC0415
        )
        from ..models.public_user_data import PublicUserData  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        object_ = d.pop("object", UNSET)

        def _parse_role(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        role = _parse_role(d.pop("role", UNSET))

        def _parse_role_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        role_name = _parse_role_name(d.pop("role_name", UNSET))

        def _parse_permissions(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                permissions_type_0 = cast(list[str], data)

                return permissions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        permissions = _parse_permissions(d.pop("permissions", UNSET))

        def _parse_public_metadata(
            data: object,
        ) -> None | OrganizationMembershipPublicMetadataType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                public_metadata_type_0 = (
                    OrganizationMembershipPublicMetadataType0.from_dict(data)
                )

                return public_metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrganizationMembershipPublicMetadataType0 | Unset, data)

        public_metadata = _parse_public_metadata(d.pop("public_metadata", UNSET))

        def _parse_organization(data: object) -> None | Organization | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                organization_type_1 = Organization.from_dict(data)

                return organization_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Organization | Unset, data)

        organization = _parse_organization(d.pop("organization", UNSET))

        def _parse_public_user_data(data: object) -> None | PublicUserData | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                public_user_data_type_1 = PublicUserData.from_dict(data)

                return public_user_data_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PublicUserData | Unset, data)

        public_user_data = _parse_public_user_data(d.pop("public_user_data", UNSET))

        def _parse_created_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        created_at = _parse_created_at(d.pop("created_at", UNSET))

        def _parse_updated_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        updated_at = _parse_updated_at(d.pop("updated_at", UNSET))

        organization_membership = cls(
            id=id,
            object_=object_,
            role=role,
            role_name=role_name,
            permissions=permissions,
            public_metadata=public_metadata,
            organization=organization,
            public_user_data=public_user_data,
            created_at=created_at,
            updated_at=updated_at,
        )

        organization_membership.additional_properties = d
        return organization_membership

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
