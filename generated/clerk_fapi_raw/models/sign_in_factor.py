from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SignInFactor")


@_attrs_define
class SignInFactor:
    """One way to prove the identity in a sign-in.

    Attributes:
        strategy (str | Unset): E.g. `password`, `email_code`, `phone_code`, `email_link`, `reset_password_email_code`,
            `reset_password_phone_code`, `totp`, `backup_code`, `passkey`, `ticket`, `oauth_*`, `web3_*`.
        safe_identifier (None | str | Unset):
        email_address_id (None | str | Unset):
        phone_number_id (None | str | Unset):
        web3_wallet_id (None | str | Unset):
        passkey_id (None | str | Unset):
        primary (bool | None | Unset):
        default (bool | None | Unset):
    """

    strategy: str | Unset = UNSET
    safe_identifier: None | str | Unset = UNSET
    email_address_id: None | str | Unset = UNSET
    phone_number_id: None | str | Unset = UNSET
    web3_wallet_id: None | str | Unset = UNSET
    passkey_id: None | str | Unset = UNSET
    primary: bool | None | Unset = UNSET
    default: bool | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        strategy = self.strategy

        safe_identifier: None | str | Unset
        if isinstance(self.safe_identifier, Unset):
            safe_identifier = UNSET
        else:
            safe_identifier = self.safe_identifier

        email_address_id: None | str | Unset
        if isinstance(self.email_address_id, Unset):
            email_address_id = UNSET
        else:
            email_address_id = self.email_address_id

        phone_number_id: None | str | Unset
        if isinstance(self.phone_number_id, Unset):
            phone_number_id = UNSET
        else:
            phone_number_id = self.phone_number_id

        web3_wallet_id: None | str | Unset
        if isinstance(self.web3_wallet_id, Unset):
            web3_wallet_id = UNSET
        else:
            web3_wallet_id = self.web3_wallet_id

        passkey_id: None | str | Unset
        if isinstance(self.passkey_id, Unset):
            passkey_id = UNSET
        else:
            passkey_id = self.passkey_id

        primary: bool | None | Unset
        if isinstance(self.primary, Unset):
            primary = UNSET
        else:
            primary = self.primary

        default: bool | None | Unset
        if isinstance(self.default, Unset):
            default = UNSET
        else:
            default = self.default

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if strategy is not UNSET:
            field_dict["strategy"] = strategy
        if safe_identifier is not UNSET:
            field_dict["safe_identifier"] = safe_identifier
        if email_address_id is not UNSET:
            field_dict["email_address_id"] = email_address_id
        if phone_number_id is not UNSET:
            field_dict["phone_number_id"] = phone_number_id
        if web3_wallet_id is not UNSET:
            field_dict["web3_wallet_id"] = web3_wallet_id
        if passkey_id is not UNSET:
            field_dict["passkey_id"] = passkey_id
        if primary is not UNSET:
            field_dict["primary"] = primary
        if default is not UNSET:
            field_dict["default"] = default

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        strategy = d.pop("strategy", UNSET)

        def _parse_safe_identifier(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        safe_identifier = _parse_safe_identifier(d.pop("safe_identifier", UNSET))

        def _parse_email_address_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email_address_id = _parse_email_address_id(d.pop("email_address_id", UNSET))

        def _parse_phone_number_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone_number_id = _parse_phone_number_id(d.pop("phone_number_id", UNSET))

        def _parse_web3_wallet_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        web3_wallet_id = _parse_web3_wallet_id(d.pop("web3_wallet_id", UNSET))

        def _parse_passkey_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        passkey_id = _parse_passkey_id(d.pop("passkey_id", UNSET))

        def _parse_primary(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        primary = _parse_primary(d.pop("primary", UNSET))

        def _parse_default(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        default = _parse_default(d.pop("default", UNSET))

        sign_in_factor = cls(
            strategy=strategy,
            safe_identifier=safe_identifier,
            email_address_id=email_address_id,
            phone_number_id=phone_number_id,
            web3_wallet_id=web3_wallet_id,
            passkey_id=passkey_id,
            primary=primary,
            default=default,
        )

        sign_in_factor.additional_properties = d
        return sign_in_factor

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
