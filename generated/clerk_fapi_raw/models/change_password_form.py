from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ChangePasswordForm")


@_attrs_define
class ChangePasswordForm:
    """
    Attributes:
        current_password (None | str | Unset):
        new_password (str | Unset):
        sign_out_of_other_sessions (bool | None | Unset):
    """

    current_password: None | str | Unset = UNSET
    new_password: str | Unset = UNSET
    sign_out_of_other_sessions: bool | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        current_password: None | str | Unset
        if isinstance(self.current_password, Unset):
            current_password = UNSET
        else:
            current_password = self.current_password

        new_password = self.new_password

        sign_out_of_other_sessions: bool | None | Unset
        if isinstance(self.sign_out_of_other_sessions, Unset):
            sign_out_of_other_sessions = UNSET
        else:
            sign_out_of_other_sessions = self.sign_out_of_other_sessions

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if current_password is not UNSET:
            field_dict["current_password"] = current_password
        if new_password is not UNSET:
            field_dict["new_password"] = new_password
        if sign_out_of_other_sessions is not UNSET:
            field_dict["sign_out_of_other_sessions"] = sign_out_of_other_sessions

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_current_password(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        current_password = _parse_current_password(d.pop("current_password", UNSET))

        new_password = d.pop("new_password", UNSET)

        def _parse_sign_out_of_other_sessions(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        sign_out_of_other_sessions = _parse_sign_out_of_other_sessions(
            d.pop("sign_out_of_other_sessions", UNSET)
        )

        change_password_form = cls(
            current_password=current_password,
            new_password=new_password,
            sign_out_of_other_sessions=sign_out_of_other_sessions,
        )

        change_password_form.additional_properties = d
        return change_password_form

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
