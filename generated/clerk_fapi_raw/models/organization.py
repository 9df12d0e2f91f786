from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.organization_public_metadata_type_0 import (
        OrganizationPublicMetadataType0,
    )


T = TypeVar("T", bound="Organization")


@_attrs_define
class Organization:
    """
    Attributes:
        id (str):
        object_ (str | Unset): Always `organization`.
        name (None | str | Unset):
        slug (None | str | Unset):
        image_url (None | str | Unset):
        has_image (bool | None | Unset):
        members_count (int | None | Unset):
        pending_invitations_count (int | None | Unset):
        max_allowed_memberships (int | None | Unset):
        admin_delete_enabled (bool | None | Unset):
        public_metadata (None | OrganizationPublicMetadataType0 | Unset):
        created_at (int | None | Unset):
        updated_at (int | None | Unset):
    """

    id: str
    object_: str | Unset = UNSET
    name: None | str | Unset = UNSET
    slug: None | str | Unset = UNSET
    image_url: None | str | Unset = UNSET
    has_image: bool | None | Unset = UNSET
    members_count: int | None | Unset = UNSET
    pending_invitations_count: int | None | Unset = UNSET
    max_allowed_memberships: int | None | Unset = UNSET
    admin_delete_enabled: bool | None | Unset = UNSET
    public_metadata: None | OrganizationPublicMetadataType0 | Unset = UNSET
    created_at: int | None | Unset = UNSET
    updated_at: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.organization_public_metadata_type_0 import (
            OrganizationPublicMetadataType0,  # noqa: PLC0415
        )

        id = self.id

        object_ = self.object_

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        slug: None | str | Unset
        if isinstance(self.slug, Unset):
            slug = UNSET
        else:
            slug = self.slug

        image_url: None | str | Unset
        if isinstance(self.image_url, Unset):
            image_url = UNSET
        else:
            image_url = self.image_url

        has_image: bool | None | Unset
        if isinstance(self.has_image, Unset):
            has_image = UNSET
        else:
            has_image = self.has_image

        members_count: int | None | Unset
        if isinstance(self.members_count, Unset):
            members_count = UNSET
        else:
            members_count = self.members_count

        pending_invitations_count: int | None | Unset
        if isinstance(self.pending_invitations_count, Unset):
            pending_invitations_count = UNSET
        else:
            pending_invitations_count = self.pending_invitations_count

        max_allowed_memberships: int | None | Unset
        if isinstance(self.max_allowed_memberships, Unset):
            max_allowed_memberships = UNSET
        else:
            max_allowed_memberships = self.max_allowed_memberships

        admin_delete_enabled: bool | None | Unset
        if isinstance(self.admin_delete_enabled, Unset):
            admin_delete_enabled = UNSET
        else:
            admin_delete_enabled = self.admin_delete_enabled

        public_metadata: dict[str, Any] | None | Unset
        if isinstance(self.public_metadata, Unset):
            public_metadata = UNSET
        elif isinstance(self.public_metadata, OrganizationPublicMetadataType0):
            public_metadata = self.public_metadata.to_dict()
        else:
            public_metadata = self.public_metadata

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
        if name is not UNSET:
            field_dict["name"] = name
        if slug is not UNSET:
            field_dict["slug"] = slug
        if image_url is not UNSET:
            field_dict["image_url"] = image_url
        if has_image is not UNSET:
            field_dict["has_image"] = has_image
        if members_count is not UNSET:
            field_dict["members_count"] = members_count
        if pending_invitations_count is not UNSET:
            field_dict["pending_invitations_count"] = pending_invitations_count
        if max_allowed_memberships is not UNSET:
            field_dict["max_allowed_memberships"] = max_allowed_memberships
        if admin_delete_enabled is not UNSET:
            field_dict["admin_delete_enabled"] = admin_delete_enabled
        if public_metadata is not UNSET:
            field_dict["public_metadata"] = public_metadata
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.organization_public_metadata_type_0 import (
            OrganizationPublicMetadataType0,  # noqa: PLC0415
        )

        d = dict(src_dict)
        id = d.pop("id")

        object_ = d.pop("object", UNSET)

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_slug(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        slug = _parse_slug(d.pop("slug", UNSET))

        def _parse_image_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        image_url = _parse_image_url(d.pop("image_url", UNSET))

        def _parse_has_image(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        has_image = _parse_has_image(d.pop("has_image", UNSET))

        def _parse_members_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        members_count = _parse_members_count(d.pop("members_count", UNSET))

        def _parse_pending_invitations_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        pending_invitations_count = _parse_pending_invitations_count(
            d.pop("pending_invitations_count", UNSET)
        )

        def _parse_max_allowed_memberships(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_allowed_memberships = _parse_max_allowed_memberships(
            d.pop("max_allowed_memberships", UNSET)
        )

        def _parse_admin_delete_enabled(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        admin_delete_enabled = _parse_admin_delete_enabled(
            d.pop("admin_delete_enabled", UNSET)
        )

        def _parse_public_metadata(
            data: object,
        ) -> None | OrganizationPublicMetadataType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                public_metadata_type_0 = OrganizationPublicMetadataType0.from_dict(data)

                return public_metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrganizationPublicMetadataType0 | Unset, data)

        public_metadata = _parse_public_metadata(d.pop("public_metadata", UNSET))

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

        organization = cls(
            id=id,
            object_=object_,
            name=name,
            slug=slug,
            image_url=image_url,
            has_image=has_image,
            members_count=members_count,
            pending_invitations_count=pending_invitations_count,
            max_allowed_memberships=max_allowed_memberships,
            admin_delete_enabled=admin_delete_enabled,
            public_metadata=public_metadata,
            created_at=created_at,
            updated_at=updated_at,
        )

        organization.additional_properties = d
        return organization

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
