from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.client import Client
    from ..models.totp import TOTP


T = TypeVar("T", bound="TOTPEnvelope")


@_attrs_define
class TOTPEnvelope:
    """The user's TOTP, with the client piggybacked.

    Attributes:
        response (TOTP): A TOTP authenticator of the user. `secret` and `uri` (`otpauth://totp/...`) are shown when it
            is created; `backup_codes` may come with its verification.
        client (Client | None | Unset):
    """

    response: TOTP
    client: Client | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.client import Client  # noqa: PLC0415

        response = self.response.to_dict()

        client: dict[str, Any] | None | Unset
        if isinstance(self.client, Unset):
            client = UNSET
        elif isinstance(self.client, Client):
            client = self.client.to_dict()
        else:
            client = self.client

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "response": response,
            }
        )
        if client is not UNSET:
            field_dict["client"] = client

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.client import Client  # noqa: PLC0415
        from ..models.totp import TOTP  # noqa: PLC0415

        d = dict(src_dict)
        response = TOTP.from_dict(d.pop("response"))

        def _parse_client(data: object) -> Client | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                client_type_1 = Client.from_dict(data)

                return client_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Client | None | Unset, data)

        client = _parse_client(d.pop("client", UNSET))

        totp_envelope = cls(
            response=response,
            client=client,
        )

        totp_envelope.additional_properties = d
        return totp_envelope

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
