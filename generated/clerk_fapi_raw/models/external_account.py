from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.external_account_public_metadata_type_0 import (
        ExternalAccountPublicMetadataType0,
    )
    from ..models.verification import Verification


T = TypeVar("T", bound="ExternalAccount")


@_attrs_define
class ExternalAccount:
    """An account at an OAuth provider linked to the user.

    Attributes:
        id (str):
        object_ (str | Unset): E.g. `external_account`, `google_account`.
        provider (None | str | Unset):
        identification_id (None | str | Unset):
        provider_user_id (None | str | Unset):
        approved_scopes (None | str | Unset):
        email_address (None | str | Unset):
        first_name (None | str | Unset):
        last_name (None | str | Unset):
        image_url (None | str | Unset):
        username (None | str | Unset):
        public_metadata (ExternalAccountPublicMetadataType0 | None | Unset):
        verification (None | Unset | Verification):
        created_at (int | None | Unset):
        updated_at (int | None | Unset):
    """

    id: str
    object_: str | Unset = UNSET
    provider: None | str | Unset = UNSET
    identification_id: None | str | Unset = UNSET
    provider_user_id: None | str | Unset = UNSET
    approved_scopes: None | str | Unset = UNSET
    email_address: None | str | Unset = UNSET
    first_name: None | str | Unset = UNSET
    last_name: None | str | Unset = UNSET
    image_url: None | str | Unset = UNSET
    username: None | str | Unset = UNSET
    public_metadata: ExternalAccountPublicMetadataType0 | None | Unset = UNSET
    verification: None | Unset | Verification = UNSET
    created_at: int | None | Unset = UNSET
    updated_at: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.external_account_public_metadata_type_0 import (
            ExternalAccountPublicMetadataType0,  # noqa: PLC0415
        )
        from ..models.verification import Verification  # noqa: PLC0415

        id = self.id

        object_ = self.object_

        provider: None | str | Unset
        if isinstance(self.provider, Unset):
            provider = UNSET
        else:
            provider = self.provider

        identification_id: None | str | Unset
        if isinstance(self.identification_id, Unset):
            identification_id = UNSET
        else:
            identification_id = self.identification_id

        provider_user_id: None | str | Unset
        if isinstance(self.provider_user_id, Unset):
            provider_user_id = UNSET
        else:
            provider_user_id = self.provider_user_id

        approved_scopes: None | str | Unset
        if isinstance(self.approved_scopes, Unset):
            approved_scopes = UNSET
        else:
            approved_scopes = self.approved_scopes

        email_address: None | str | Unset
        if isinstance(self.email_address, Unset):
            email_address = UNSET
        else:
            email_address = self.email_address

        first_name: None | str | Unset
        if isinstance(self.first_name, Unset):
            first_name = UNSET
        else:
            first_name = self.first_name

        last_name: None | str | Unset
        if isinstance(self.last_name, Unset):
            last_name = UNSET
        else:
            last_name = self.last_name

        image_url: None | str | Unset
        if isinstance(self.image_url, Unset):
            image_url = UNSET
        else:
            image_url = self.image_url

        username: None | str | Unset
        if isinstance(self.username, Unset):
            username = UNSET
        else:
            username = self.username

        public_metadata: dict[str, Any] | None | Unset
        if isinstance(self.public_metadata, Unset):
            public_metadata = UNSET
        elif isinstance(self.public_metadata, ExternalAccountPublicMetadataType0):
            public_metadata = self.public_metadata.to_dict()
        else:
            public_metadata = self.public_metadata

        verification: dict[str, Any] | None | Unset
        if isinstance(self.verification, Unset):
            verification = UNSET
        elif isinstance(self.verification, Verification):
            verification = self.verification.to_dict()
        else:
            verification = self.verification

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
        if provider is not UNSET:
            field_dict["provider"] = provider
        if identification_id is not UNSET:
            field_dict["identification_id"] = identification_id
        if provider_user_id is not UNSET:
            field_dict["provider_user_id"] = provider_user_id
        if approved_scopes is not UNSET:
            field_dict["approved_scopes"] = approved_scopes
        if email_address is not UNSET:
            field_dict["email_address"] = email_address
        if first_name is not UNSET:
            field_dict["first_name"] = first_name
        if last_name is not UNSET:
            field_dict["last_name"] = last_name
        if image_url is not UNSET:
            field_dict["image_url"] = image_url
        if username is not UNSET:
            field_dict["username"] = username
        if public_metadata is not UNSET:
            field_dict["public_metadata"] = public_metadata
        if verification is not UNSET:
            field_dict["verification"] = verification
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.external_account_public_metadata_type_0 import (
            ExternalAccountPublicMetadataType0,  # noqa: PLC0415
        )
        from ..models.verification import Verification  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        object_ = d.pop("object", UNSET)

        def _parse_provider(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        provider = _parse_provider(d.pop("provider", UNSET))

        def _parse_identification_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        identification_id = _parse_identification_id(d.pop("identification_id", UNSET))

        def _parse_provider_user_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        provider_user_id = _parse_provider_user_id(d.pop("provider_user_id", UNSET))

        def _parse_approved_scopes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        approved_scopes = _parse_approved_scopes(d.pop("approved_scopes", UNSET))

        def _parse_email_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email_address = _parse_email_address(d.pop("email_address", UNSET))

        def _parse_first_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        first_name = _parse_first_name(d.pop("first_name", UNSET))

        def _parse_last_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_name = _parse_last_name(d.pop("last_name", UNSET))

        def _parse_image_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        image_url = _parse_image_url(d.pop("image_url", UNSET))

        def _parse_username(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        username = _parse_username(d.pop("username", UNSET))

        def _parse_public_metadata(
            data: object,
        ) -> ExternalAccountPublicMetadataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                public_metadata_type_0 = ExternalAccountPublicMetadataType0.from_dict(
                    data
                )

                return public_metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ExternalAccountPublicMetadataType0 | None | Unset, data)

        public_metadata = _parse_public_metadata(d.pop("public_metadata", UNSET))

        def _parse_verification(data: object) -> None | Unset | Verification:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                verification_type_1 = Verification.from_dict(data)

                return verification_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | Verification, data)

        verification = _parse_verification(d.pop("verification", UNSET))

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

        external_account = cls(
            id=id,
            object_=object_,
            provider=provider,
            identification_id=identification_id,
            provider_user_id=provider_user_id,
            approved_scopes=approved_scopes,
            email_address=email_address,
            first_name=first_name,
            last_name=last_name,
            image_url=image_url,
            username=username,
            public_metadata=public_metadata,
            verification=verification,
            created_at=created_at,
            updated_at=updated_at,
        )

        external_account.additional_properties = d
        return external_account

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
