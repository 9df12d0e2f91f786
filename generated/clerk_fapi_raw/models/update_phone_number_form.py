from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdatePhoneNumberForm")


@_attrs_define
class UpdatePhoneNumberForm:
    """
    Attributes:
        reserved_for_second_factor (bool | None | Unset):
        default_second_factor (bool | None | Unset):
    """

    reserved_for_second_factor: bool | None | Unset = UNSET
    default_second_factor: bool | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        reserved_for_second_factor: bool | None | Unset
        if isinstance(self.reserved_for_second_factor, Unset):
            reserved_for_second_factor = UNSET
        else:
            reserved_for_second_factor = self.reserved_for_second_factor

        default_second_factor: bool | None | Unset
        if isinstance(self.default_second_factor, Unset):
            default_second_factor = UNSET
        else:
            default_second_factor = self.default_second_factor

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if reserved_for_second_factor is not UNSET:
            field_dict["reserved_for_second_factor"] = reserved_for_second_factor
        if default_second_factor is not UNSET:
            field_dict["default_second_factor"] = default_second_factor

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_reserved_for_second_factor(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        reserved_for_second_factor = _parse_reserved_for_second_factor(
            d.pop("reserved_for_second_factor", UNSET)
        )

        def _parse_default_second_factor(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        default_second_factor = _parse_default_second_factor(
            d.pop("default_second_factor", UNSET)
        )

        update_phone_number_form = cls(
            reserved_for_second_factor=reserved_for_second_factor,
            default_second_factor=default_second_factor,
        )

        update_phone_number_form.additional_properties = d
        return update_phone_number_form

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
