from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PrepareSecondFactorForm")


@_attrs_define
class PrepareSecondFactorForm:
    """
    Attributes:
        strategy (str): E.g. `phone_code`, `email_code`, `email_link`.
        phone_number_id (str | Unset):
        email_address_id (str | Unset):
        redirect_url (str | Unset):
    """

    strategy: str
    phone_number_id: str | Unset = UNSET
    email_address_id: str | Unset = UNSET
    redirect_url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        strategy = self.strategy

        phone_number_id = self.phone_number_id

        email_address_id = self.email_address_id

        redirect_url = self.redirect_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "strategy": strategy,
            }
        )
        if phone_number_id is not UNSET:
            field_dict["phone_number_id"] = phone_number_id
        if email_address_id is not UNSET:
            field_dict["email_address_id"] = email_address_id
        if redirect_url is not UNSET:
            field_dict["redirect_url"] = redirect_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        strategy = d.pop("strategy")

        phone_number_id = d.pop("phone_number_id", UNSET)

        email_address_id = d.pop("email_address_id", UNSET)

        redirect_url = d.pop("redirect_url", UNSET)

        prepare_second_factor_form = cls(
            strategy=strategy,
            phone_number_id=phone_number_id,
            email_address_id=email_address_id,
            redirect_url=redirect_url,
        )

        prepare_second_factor_form.additional_properties = d
        return prepare_second_factor_form

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
