from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreatePhoneNumberForm")


@_attrs_define
class CreatePhoneNumberForm:
    """
    Attributes:
        phone_number (str | Unset):
        reserved_for_second_factor (bool | None | Unset):
    """

    phone_number: str | Unset = UNSET
    reserved_for_second_factor: bool | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        phone_number = self.phone_number

        reserved_for_second_factor: bool | None | Unset
        if isinstance(self.reserved_for_second_factor, Unset):
            reserved_for_second_factor = UNSET
        else:
            reserved_for_second_factor = self.reserved_for_second_factor

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if phone_number is not UNSET:
            field_dict["phone_number"] = phone_number
        if reserved_for_second_factor is not UNSET:
            field_dict["reserved_for_second_factor"] = reserved_for_second_factor

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        phone_number = d.pop("phone_number", UNSET)

        def _parse_reserved_for_second_factor(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        reserved_for_second_factor = _parse_reserved_for_second_factor(
            d.pop("reserved_for_second_factor", UNSET)
        )

        create_phone_number_form = cls(
            phone_number=phone_number,
            reserved_for_second_factor=reserved_for_second_factor,
        )

        create_phone_number_form.additional_properties = d
        return create_phone_number_form

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
