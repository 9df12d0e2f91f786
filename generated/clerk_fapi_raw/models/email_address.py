from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.identification_link import IdentificationLink
    from ..models.verification import Verification


T = TypeVar("T", bound="EmailAddress")


@_attrs_define
class EmailAddress:
    """
    Attributes:
        id (str):
        object_ (str | Unset): Always `email_address`.
        email_address (str | Unset):
        reserved (bool | None | Unset):
        verification (None | Unset | Verification):
        linked_to (list[IdentificationLink] | None | Unset):
        matches_sso_connection (bool | None | Unset):
        created_at (int | None | Unset):
        updated_at (int | None | Unset):
    """

    id: str
    object_: str | Unset = UNSET
    email_address: str | Unset = UNSET
    reserved: bool | None | Unset = UNSET
    verification: None | Unset | Verification = UNSET
    linked_to: list[IdentificationLink] | None | Unset = UNSET
    matches_sso_connection: bool | None | Unset = UNSET
    created_at: int | None | Unset = UNSET
    updated_at: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.verification import Verification  # noqa: PLC0415

        id = self.id

        object_ = self.object_

        email_address = self.email_address

        reserved: bool | None | Unset
        if isinstance(self.reserved, Unset):
            reserved = UNSET
        else:
            reserved = self.reserved

        verification: dict[str, Any] | None | Unset
        if isinstance(self.verification, Unset):
            verification = UNSET
        elif isinstance(self.verification, Verification):
            verification = self.verification.to_dict()
        else:
            verification = self.verification

        linked_to: list[dict[str, Any]] | None | Unset
        if isinstance(self.linked_to, Unset):
            linked_to = UNSET
        elif isinstance(self.linked_to, list):
            linked_to = []
            for linked_to_type_0_item_data in self.linked_to:
                linked_to_type_0_item = linked_to_type_0_item_data.to_dict()
                linked_to.append(linked_to_type_0_item)

        else:
            linked_to = self.linked_to

        matches_sso_connection: bool | None | Unset
        if isinstance(self.matches_sso_connection, Unset):
            matches_sso_connection = UNSET
        else:
            matches_sso_connection = self.matches_sso_connection

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
        if reserved is not UNSET:
            field_dict["reserved"] = reserved
        if verification is not UNSET:
            field_dict["verification"] = verification
        if linked_to is not UNSET:
            field_dict["linked_to"] = linked_to
        if matches_sso_connection is not UNSET:
            field_dict["matches_sso_connection"] = matches_sso_connection
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.identification_link import IdentificationLink  # noqa: PLC0415
        from ..models.verification import Verification  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        object_ = d.pop("object", UNSET)

        email_address = d.pop("email_address", UNSET)

        def _parse_reserved(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        reserved = _parse_reserved(d.pop("reserved", UNSET))

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

        def _parse_linked_to(data: object) -> list[IdentificationLink] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                linked_to_type_0 = []
                _linked_to_type_0 = data
                for linked_to_type_0_item_data in _linked_to_type_0:
                    linked_to_type_0_item = IdentificationLink.from_dict(
                        linked_to_type_0_item_data
                    )

                    linked_to_type_0.append(linked_to_type_0_item)

                return linked_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[IdentificationLink] | None | Unset, data)

        linked_to = _parse_linked_to(d.pop("linked_to", UNSET))

        def _parse_matches_sso_connection(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        matches_sso_connection = _parse_matches_sso_connection(
            d.pop("matches_sso_connection", UNSET)
        )

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

        email_address = cls(
            id=id,
            object_=object_,
            email_address=email_address,
            reserved=reserved,
            verification=verification,
            linked_to=linked_to,
            matches_sso_connection=matches_sso_connection,
            created_at=created_at,
            updated_at=updated_at,
        )

        email_address.additional_properties = d
        return email_address

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
