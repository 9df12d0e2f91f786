from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RedeemHostedAuthForm")


@_attrs_define
class RedeemHostedAuthForm:
    """
    Attributes:
        field_method (str | Unset): `GET`: the method-override tunnel of the redeem.
        rotating_token_nonce (str | Unset):
        code_verifier (str | Unset):
    """

    field_method: str | Unset = UNSET
    rotating_token_nonce: str | Unset = UNSET
    code_verifier: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_method = self.field_method

        rotating_token_nonce = self.rotating_token_nonce

        code_verifier = self.code_verifier

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if field_method is not UNSET:
            field_dict["_method"] = field_method
        if rotating_token_nonce is not UNSET:
            field_dict["rotating_token_nonce"] = rotating_token_nonce
        if code_verifier is not UNSET:
            field_dict["code_verifier"] = code_verifier

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        field_method = d.pop("_method", UNSET)

        rotating_token_nonce = d.pop("rotating_token_nonce", UNSET)

        code_verifier = d.pop("code_verifier", UNSET)

        redeem_hosted_auth_form = cls(
            field_method=field_method,
            rotating_token_nonce=rotating_token_nonce,
            code_verifier=code_verifier,
        )

        redeem_hosted_auth_form.additional_properties = d
        return redeem_hosted_auth_form

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
