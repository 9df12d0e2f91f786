from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.organization_invitation_public_metadata_type_0 import (
        OrganizationInvitationPublicMetadataType0,
    )
    from ..models.public_organization_data import PublicOrganizationData


T = TypeVar("T", bound="OrganizationInvitation")


@_attrs_define
class OrganizationInvitation:
    """An invitation of the user to an organization (the user's view of it).

    Attributes:
        id (str):
        object_ (str | Unset): Always `organization_invitation`.
        email_address (None | str | Unset):
        role (None | str | Unset):
        role_name (None | str | Unset):
        organization_id (None | str | Unset):
        public_organization_data (None | PublicOrganizationData | Unset):
        status (None | str | Unset): Known values: `pending`, `accepted`, `revoked`, `expired`, `completed`.
        public_metadata (None | OrganizationInvitationPublicMetadataType0 | Unset):
        url (None | str | Unset):
        expires_at (int | None | Unset):
        created_at (int | None | Unset):
        updated_at (int | None | Unset):
    """

    id: str
    object_: str | Unset = UNSET
    email_address: None | str | Unset = UNSET
    role: None | str | Unset = UNSET
    role_name: None | str | Unset = UNSET
    organization_id: None | str | Unset = UNSET
    public_organization_data: None | PublicOrganizationData | Unset = UNSET
    status: None | str | Unset = UNSET
    public_metadata: None | OrganizationInvitationPublicMetadataType0 | Unset = UNSET
    url: None | str | Unset = UNSET
    expires_at: int | None | Unset = UNSET
    created_at: int | None | Unset = UNSET
    updated_at: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.organization_invitation_public_metadata_type_0 import (
            OrganizationInvitationPublicMetadataType0,  # noqa: PLC0415
        )
        from ..models.public_organization_data import PublicOrganizationData  # noqa: PLC0415

        id = self.id

        object_ = self.object_

        email_address: None | str | Unset
        if isinstance(self.email_address, Unset):
            email_address = UNSET
        else:
            email_address = self.email_address

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

        organization_id: None | str | Unset
        if isinstance(self.organization_id, Unset):
            organization_id = UNSET
        else:
            organization_id = self.organization_id

        public_organization_data: dict[str, Any] | None | Unset
        if isinstance(self.public_organization_data, Unset):
            public_organization_data = UNSET
        elif isinstance(self.public_organization_data, PublicOrganizationData):
            public_organization_data = self.public_organization_data.to_dict()
        else:
            public_organization_data = self.public_organization_data

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        public_metadata: dict[str, Any] | None | Unset
        if isinstance(self.public_metadata, Unset):
            public_metadata = UNSET
        elif isinstance(
            self.public_metadata, OrganizationInvitationPublicMetadataType0
        ):
            public_metadata = self.public_metadata.to_dict()
        else:
            public_metadata = self.public_metadata

        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url

        expires_at: int | None | Unset
        if isinstance(self.expires_at, Unset):
            expires_at = UNSET
        else:
            expires_at = self.expires_at

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
        if email_address is not UNSET:
            field_dict["email_address"] = email_address
        if role is not UNSET:
            field_dict["role"] = role
        if role_name is not UNSET:
            field_dict["role_name"] = role_name
        if organization_id is not UNSET:
            field_dict["organization_id"] = organization_id
        if public_organization_data is not UNSET:
            field_dict["public_organization_data"] = public_organization_data
        if status is not UNSET:
            field_dict["status"] = status
        if public_metadata is not UNSET:
            field_dict["public_metadata"] = public_metadata
        if url is not UNSET:
            field_dict["url"] = url
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.organization_invitation_public_metadata_type_0 import (
            OrganizationInvitationPublicMetadataType0,  # noqa: PLC0415
        )
        from ..models.public_organization_data import PublicOrganizationData  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        object_ = d.pop("object", UNSET)

        def _parse_email_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email_address = _parse_email_address(d.pop("email_address", UNSET))

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

        def _parse_organization_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        organization_id = _parse_organization_id(d.pop("organization_id", UNSET))

        def _parse_public_organization_data(
            data: object,
        ) -> None | PublicOrganizationData | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                public_organization_data_type_1 = PublicOrganizationData.from_dict(data)

                return public_organization_data_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PublicOrganizationData | Unset, data)

        public_organization_data = _parse_public_organization_data(
            d.pop("public_organization_data", UNSET)
        )

        def _parse_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_public_metadata(
            data: object,
        ) -> None | OrganizationInvitationPublicMetadataType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                public_metadata_type_0 = (
                    OrganizationInvitationPublicMetadataType0.from_dict(data)
                )

                return public_metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrganizationInvitationPublicMetadataType0 | Unset, data)

        public_metadata = _parse_public_metadata(d.pop("public_metadata", UNSET))

        def _parse_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        url = _parse_url(d.pop("url", UNSET))

        def _parse_expires_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        expires_at = _parse_expires_at(d.pop("expires_at", UNSET))

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

        organization_invitation = cls(
            id=id,
            object_=object_,
            email_address=email_address,
            role=role,
            role_name=role_name,
            organization_id=organization_id,
            public_organization_data=public_organization_data,
            status=status,
            public_metadata=public_metadata,
            url=url,
            expires_at=expires_at,
            created_at=created_at,
            updated_at=updated_at,
        )

        organization_invitation.additional_properties = d
        return organization_invitation

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
