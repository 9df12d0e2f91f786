from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateSignInForm")


@_attrs_define
class CreateSignInForm:
    """
    Attributes:
        identifier (str | Unset): Email address, phone number, username...
        password (str | Unset):
        strategy (str | Unset): E.g. `password`, `email_code`, `phone_code`, `ticket`, `oauth_*`, `passkey`.
        ticket (str | Unset):
        redirect_url (str | Unset):
        action_complete_redirect_url (str | Unset):
        transfer (bool | Unset):
        code (str | Unset):
        token (str | Unset):
    """

    identifier: str | Unset = UNSET
    password: str | Unset = UNSET
    strategy: str | Unset = UNSET
    ticket: str | Unset = UNSET
    redirect_url: str | Unset = UNSET
    action_complete_redirect_url: str | Unset = UNSET
    transfer: bool | Unset = UNSET
    code: str | Unset = UNSET
    token: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        identifier = self.identifier

        password = self.password

        strategy = self.strategy

        ticket = self.ticket

        redirect_url = self.redirect_url

        action_complete_redirect_url = self.action_complete_redirect_url

        transfer = self.transfer

        code = self.code

        token = self.token

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if identifier is not UNSET:
            field_dict["identifier"] = identifier
        if password is not UNSET:
            field_dict["password"] = password
        if strategy is not UNSET:
            field_dict["strategy"] = strategy
        if ticket is not UNSET:
            field_dict["ticket"] = ticket
        if redirect_url is not UNSET:
            field_dict["redirect_url"] = redirect_url
        if action_complete_redirect_url is not UNSET:
            field_dict["action_complete_redirect_url"] = action_complete_redirect_url
        if transfer is not UNSET:
            field_dict["transfer"] = transfer
        if code is not UNSET:
            field_dict["code"] = code
        if token is not UNSET:
            field_dict["token"] = token

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        identifier = d.pop("identifier", UNSET)

        password = d.pop("password", UNSET)

        strategy = d.pop("strategy", UNSET)

        ticket = d.pop("ticket", UNSET)

        redirect_url = d.pop("redirect_url", UNSET)

        action_complete_redirect_url = d.pop("action_complete_redirect_url", UNSET)

        transfer = d.pop("transfer", UNSET)

        code = d.pop("code", UNSET)

        token = d.pop("token", UNSET)

        create_sign_in_form = cls(
            identifier=identifier,
            password=password,
            strategy=strategy,
            ticket=ticket,
            redirect_url=redirect_url,
            action_complete_redirect_url=action_complete_redirect_url,
            transfer=transfer,
            code=code,
            token=token,
        )

        create_sign_in_form.additional_properties = d
        return create_sign_in_form

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
