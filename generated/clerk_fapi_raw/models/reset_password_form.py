from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ResetPasswordForm")


@_attrs_define
class ResetPasswordForm:
    """
    Attributes:
        password (str):
        sign_out_of_other_sessions (bool | Unset):
    """

    password: str
    sign_out_of_other_sessions: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        password = self.password

        sign_out_of_other_sessions = self.sign_out_of_other_sessions

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "password": password,
            }
        )
        if sign_out_of_other_sessions is not UNSET:
            field_dict["sign_out_of_other_sessions"] = sign_out_of_other_sessions

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        password = d.pop("password")

        sign_out_of_other_sessions = d.pop("sign_out_of_other_sessions", UNSET)

        reset_password_form = cls(
            password=password,
            sign_out_of_other_sessions=sign_out_of_other_sessions,
        )

        reset_password_form.additional_properties = d
        return reset_password_form

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
