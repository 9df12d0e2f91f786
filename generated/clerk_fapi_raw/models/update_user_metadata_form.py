from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="UpdateUserMetadataForm")


@_attrs_define
class UpdateUserMetadataForm:
    """
    Attributes:
        unsafe_metadata (str): A JSON object, serialized; deep-merged into the user's `unsafe_metadata`.
    """

    unsafe_metadata: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        unsafe_metadata = self.unsafe_metadata

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "unsafe_metadata": unsafe_metadata,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        unsafe_metadata = d.pop("unsafe_metadata")

        update_user_metadata_form = cls(
            unsafe_metadata=unsafe_metadata,
        )

        update_user_metadata_form.additional_properties = d
        return update_user_metadata_form

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
