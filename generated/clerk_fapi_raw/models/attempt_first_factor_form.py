from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AttemptFirstFactorForm")


@_attrs_define
class AttemptFirstFactorForm:
    """
    Attributes:
        strategy (str): E.g. `password`, `email_code`, `phone_code`, `reset_password_email_code`, `ticket`.
        code (str | Unset):
        password (str | Unset):
        signature (str | Unset):
        token (str | Unset):
        ticket (str | Unset):
    """

    strategy: str
    code: str | Unset = UNSET
    password: str | Unset = UNSET
    signature: str | Unset = UNSET
    token: str | Unset = UNSET
    ticket: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        strategy = self.strategy

        code = self.code

        password = self.password

        signature = self.signature

        token = self.token

        ticket = self.ticket

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "strategy": strategy,
            }
        )
        if code is not UNSET:
            field_dict["code"] = code
        if password is not UNSET:
            field_dict["password"] = password
        if signature is not UNSET:
            field_dict["signature"] = signature
        if token is not UNSET:
            field_dict["token"] = token
        if ticket is not UNSET:
            field_dict["ticket"] = ticket

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        strategy = d.pop("strategy")

        code = d.pop("code", UNSET)

        password = d.pop("password", UNSET)

        signature = d.pop("signature", UNSET)

        token = d.pop("token", UNSET)

        ticket = d.pop("ticket", UNSET)

        attempt_first_factor_form = cls(
            strategy=strategy,
            code=code,
            password=password,
            signature=signature,
            token=token,
            ticket=ticket,
        )

        attempt_first_factor_form.additional_properties = d
        return attempt_first_factor_form

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
