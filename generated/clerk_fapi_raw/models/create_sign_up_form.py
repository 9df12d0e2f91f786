from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateSignUpForm")


@_attrs_define
class CreateSignUpForm:
    """
    Attributes:
        email_address (str | Unset):
        phone_number (str | Unset):
        email_address_or_phone_number (str | Unset):
        username (str | Unset):
        password (str | Unset):
        first_name (str | Unset):
        last_name (str | Unset):
        unsafe_metadata (str | Unset): A JSON object, serialized.
        legal_accepted (bool | Unset):
        strategy (str | Unset): E.g. `email_code`, `phone_code`, `ticket`, `oauth_*`.
        ticket (str | Unset):
        transfer (bool | Unset):
        redirect_url (str | Unset):
        action_complete_redirect_url (str | Unset):
        code (str | Unset):
        token (str | Unset):
        web3_wallet (str | Unset):
    """

    email_address: str | Unset = UNSET
    phone_number: str | Unset = UNSET
    email_address_or_phone_number: str | Unset = UNSET
    username: str | Unset = UNSET
    password: str | Unset = UNSET
    first_name: str | Unset = UNSET
    last_name: str | Unset = UNSET
    unsafe_metadata: str | Unset = UNSET
    legal_accepted: bool | Unset = UNSET
    strategy: str | Unset = UNSET
    ticket: str | Unset = UNSET
    transfer: bool | Unset = UNSET
    redirect_url: str | Unset = UNSET
    action_complete_redirect_url: str | Unset = UNSET
    code: str | Unset = UNSET
    token: str | Unset = UNSET
    web3_wallet: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        email_address = self.email_address

        phone_number = self.phone_number

        email_address_or_phone_number = self.email_address_or_phone_number

        username = self.username

        password = self.password

        first_name = self.first_name

        last_name = self.last_name

        unsafe_metadata = self.unsafe_metadata

        legal_accepted = self.legal_accepted

        strategy = self.strategy

        ticket = self.ticket

        transfer = self.transfer

        redirect_url = self.redirect_url

        action_complete_redirect_url = self.action_complete_redirect_url

        code = self.code

        token = self.token

        web3_wallet = self.web3_wallet

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if email_address is not UNSET:
            field_dict["email_address"] = email_address
        if phone_number is not UNSET:
            field_dict["phone_number"] = phone_number
        if email_address_or_phone_number is not UNSET:
            field_dict["email_address_or_phone_number"] = email_address_or_phone_number
        if username is not UNSET:
            field_dict["username"] = username
        if password is not UNSET:
            field_dict["password"] = password
        if first_name is not UNSET:
            field_dict["first_name"] = first_name
        if last_name is not UNSET:
            field_dict["last_name"] = last_name
        if unsafe_metadata is not UNSET:
            field_dict["unsafe_metadata"] = unsafe_metadata
        if legal_accepted is not UNSET:
            field_dict["legal_accepted"] = legal_accepted
        if strategy is not UNSET:
            field_dict["strategy"] = strategy
        if ticket is not UNSET:
            field_dict["ticket"] = ticket
        if transfer is not UNSET:
            field_dict["transfer"] = transfer
        if redirect_url is not UNSET:
            field_dict["redirect_url"] = redirect_url
        if action_complete_redirect_url is not UNSET:
            field_dict["action_complete_redirect_url"] = action_complete_redirect_url
        if code is not UNSET:
            field_dict["code"] = code
        if token is not UNSET:
            field_dict["token"] = token
        if web3_wallet is not UNSET:
            field_dict["web3_wallet"] = web3_wallet

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email_address = d.pop("email_address", UNSET)

        phone_number = d.pop("phone_number", UNSET)

        email_address_or_phone_number = d.pop("email_address_or_phone_number", UNSET)

        username = d.pop("username", UNSET)

        password = d.pop("password", UNSET)

        first_name = d.pop("first_name", UNSET)

        last_name = d.pop("last_name", UNSET)

        unsafe_metadata = d.pop("unsafe_metadata", UNSET)

        legal_accepted = d.pop("legal_accepted", UNSET)

        strategy = d.pop("strategy", UNSET)

        ticket = d.pop("ticket", UNSET)

        transfer = d.pop("transfer", UNSET)

        redirect_url = d.pop("redirect_url", UNSET)

        action_complete_redirect_url = d.pop("action_complete_redirect_url", UNSET)

        code = d.pop("code", UNSET)

        token = d.pop("token", UNSET)

        web3_wallet = d.pop("web3_wallet", UNSET)

        create_sign_up_form = cls(
            email_address=email_address,
            phone_number=phone_number,
            email_address_or_phone_number=email_address_or_phone_number,
            username=username,
            password=password,
            first_name=first_name,
            last_name=last_name,
            unsafe_metadata=unsafe_metadata,
            legal_accepted=legal_accepted,
            strategy=strategy,
            ticket=ticket,
            transfer=transfer,
            redirect_url=redirect_url,
            action_complete_redirect_url=action_complete_redirect_url,
            code=code,
            token=token,
            web3_wallet=web3_wallet,
        )

        create_sign_up_form.additional_properties = d
        return create_sign_up_form

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
