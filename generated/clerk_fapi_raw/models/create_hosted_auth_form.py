from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateHostedAuthForm")


@_attrs_define
class CreateHostedAuthForm:
    """
    Attributes:
        redirect_url (str): Where the browser is sent back with the nonce.
        code_challenge (str): base64url (no padding) of the SHA-256 of the PKCE code verifier (S256; no method is sent).
        state (str): Echoed back in the callback; the client checks it.
        mode (str | Unset): Known values: `sign-in` (the default), `sign-up`.
    """

    redirect_url: str
    code_challenge: str
    state: str
    mode: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        redirect_url = self.redirect_url

        code_challenge = self.code_challenge

        state = self.state

        mode = self.mode

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "redirect_url": redirect_url,
                "code_challenge": code_challenge,
                "state": state,
            }
        )
        if mode is not UNSET:
            field_dict["mode"] = mode

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        redirect_url = d.pop("redirect_url")

        code_challenge = d.pop("code_challenge")

        state = d.pop("state")

        mode = d.pop("mode", UNSET)

        create_hosted_auth_form = cls(
            redirect_url=redirect_url,
            code_challenge=code_challenge,
            state=state,
            mode=mode,
        )

        create_hosted_auth_form.additional_properties = d
        return create_hosted_auth_form

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
