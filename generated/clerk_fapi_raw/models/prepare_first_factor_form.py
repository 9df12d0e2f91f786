from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PrepareFirstFactorForm")


@_attrs_define
class PrepareFirstFactorForm:
    """
    Attributes:
        strategy (str): E.g. `email_code`, `phone_code`, `email_link`, `reset_password_email_code`,
            `reset_password_phone_code`, `passkey`, `oauth_*`.
        email_address_id (str | Unset):
        phone_number_id (str | Unset):
        web3_wallet_id (str | Unset):
        passkey_id (str | Unset):
        redirect_url (str | Unset):
        action_complete_redirect_url (str | Unset):
    """

    strategy: str
    email_address_id: str | Unset = UNSET
    phone_number_id: str | Unset = UNSET
    web3_wallet_id: str | Unset = UNSET
    passkey_id: str | Unset = UNSET
    redirect_url: str | Unset = UNSET
    action_complete_redirect_url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        strategy = self.strategy

        email_address_id = self.email_address_id

        phone_number_id = self.phone_number_id

        web3_wallet_id = self.web3_wallet_id

        passkey_id = self.passkey_id

        redirect_url = self.redirect_url

        action_complete_redirect_url = self.action_complete_redirect_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "strategy": strategy,
            }
        )
        if email_address_id is not UNSET:
            field_dict["email_address_id"] = email_address_id
        if phone_number_id is not UNSET:
            field_dict["phone_number_id"] = phone_number_id
        if web3_wallet_id is not UNSET:
            field_dict["web3_wallet_id"] = web3_wallet_id
        if passkey_id is not UNSET:
            field_dict["passkey_id"] = passkey_id
        if redirect_url is not UNSET:
            field_dict["redirect_url"] = redirect_url
        if action_complete_redirect_url is not UNSET:
            field_dict["action_complete_redirect_url"] = action_complete_redirect_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        strategy = d.pop("strategy")

        email_address_id = d.pop("email_address_id", UNSET)

        phone_number_id = d.pop("phone_number_id", UNSET)

        web3_wallet_id = d.pop("web3_wallet_id", UNSET)

        passkey_id = d.pop("passkey_id", UNSET)

        redirect_url = d.pop("redirect_url", UNSET)

        action_complete_redirect_url = d.pop("action_complete_redirect_url", UNSET)

        prepare_first_factor_form = cls(
            strategy=strategy,
            email_address_id=email_address_id,
            phone_number_id=phone_number_id,
            web3_wallet_id=web3_wallet_id,
            passkey_id=passkey_id,
            redirect_url=redirect_url,
            action_complete_redirect_url=action_complete_redirect_url,
        )

        prepare_first_factor_form.additional_properties = d
        return prepare_first_factor_form

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
