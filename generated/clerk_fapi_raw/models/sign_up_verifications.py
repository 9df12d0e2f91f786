from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.sign_up_verification import SignUpVerification


T = TypeVar("T", bound="SignUpVerifications")


@_attrs_define
class SignUpVerifications:
    """
    Attributes:
        email_address (None | SignUpVerification | Unset):
        phone_number (None | SignUpVerification | Unset):
        web3_wallet (None | SignUpVerification | Unset):
        external_account (None | SignUpVerification | Unset):
    """

    email_address: None | SignUpVerification | Unset = UNSET
    phone_number: None | SignUpVerification | Unset = UNSET
    web3_wallet: None | SignUpVerification | Unset = UNSET
    external_account: None | SignUpVerification | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.sign_up_verification import SignUpVerification  # noqa: PLC0415

        email_address: dict[str, Any] | None | Unset
        if isinstance(self.email_address, Unset):
            email_address = UNSET
        elif isinstance(self.email_address, SignUpVerification):
            email_address = self.email_address.to_dict()
        else:
            email_address = self.email_address

        phone_number: dict[str, Any] | None | Unset
        if isinstance(self.phone_number, Unset):
            phone_number = UNSET
        elif isinstance(self.phone_number, SignUpVerification):
            phone_number = self.phone_number.to_dict()
        else:
            phone_number = self.phone_number

        web3_wallet: dict[str, Any] | None | Unset
        if isinstance(self.web3_wallet, Unset):
            web3_wallet = UNSET
        elif isinstance(self.web3_wallet, SignUpVerification):
            web3_wallet = self.web3_wallet.to_dict()
        else:
            web3_wallet = self.web3_wallet

        external_account: dict[str, Any] | None | Unset
        if isinstance(self.external_account, Unset):
            external_account = UNSET
        elif isinstance(self.external_account, SignUpVerification):
            external_account = self.external_account.to_dict()
        else:
            external_account = self.external_account

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if email_address is not UNSET:
            field_dict["email_address"] = email_address
        if phone_number is not UNSET:
            field_dict["phone_number"] = phone_number
        if web3_wallet is not UNSET:
            field_dict["web3_wallet"] = web3_wallet
        if external_account is not UNSET:
            field_dict["external_account"] = external_account

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sign_up_verification import SignUpVerification  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_email_address(data: object) -> None | SignUpVerification | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                email_address_type_1 = SignUpVerification.from_dict(data)

                return email_address_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SignUpVerification | Unset, data)

        email_address = _parse_email_address(d.pop("email_address", UNSET))

        def _parse_phone_number(data: object) -> None | SignUpVerification | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                phone_number_type_1 = SignUpVerification.from_dict(data)

                return phone_number_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SignUpVerification | Unset, data)

        phone_number = _parse_phone_number(d.pop("phone_number", UNSET))

        def _parse_web3_wallet(data: object) -> None | SignUpVerification | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                web3_wallet_type_1 = SignUpVerification.from_dict(data)

                return web3_wallet_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SignUpVerification | Unset, data)

        web3_wallet = _parse_web3_wallet(d.pop("web3_wallet", UNSET))

        def _parse_external_account(data: object) -> None | SignUpVerification | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                external_account_type_1 = SignUpVerification.from_dict(data)

                return external_account_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SignUpVerification | Unset, data)

        external_account = _parse_external_account(d.pop("external_account", UNSET))

        sign_up_verifications = cls(
            email_address=email_address,
            phone_number=phone_number,
            web3_wallet=web3_wallet,
            external_account=external_account,
        )

        sign_up_verifications.additional_properties = d
        return sign_up_verifications

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
