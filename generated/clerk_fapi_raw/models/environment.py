from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.auth_config import AuthConfig
    from ..models.display_config import DisplayConfig


T = TypeVar("T", bound="Environment")


@_attrs_define
class Environment:
    """The parts of the instance's settings a client needs.

    Attributes:
        auth_config (AuthConfig | None | Unset):
        display_config (DisplayConfig | None | Unset):
        maintenance_mode (bool | None | Unset):
    """

    auth_config: AuthConfig | None | Unset = UNSET
    display_config: DisplayConfig | None | Unset = UNSET
    maintenance_mode: bool | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.auth_config import AuthConfig  # noqa: PLC0415
        from ..models.display_config import DisplayConfig  # noqa: PLC0415

        auth_config: dict[str, Any] | None | Unset
        if isinstance(self.auth_config, Unset):
            auth_config = UNSET
        elif isinstance(self.auth_config, AuthConfig):
            auth_config = self.auth_config.to_dict()
        else:
            auth_config = self.auth_config

        display_config: dict[str, Any] | None | Unset
        if isinstance(self.display_config, Unset):
            display_config = UNSET
        elif isinstance(self.display_config, DisplayConfig):
            display_config = self.display_config.to_dict()
        else:
            display_config = self.display_config

        maintenance_mode: bool | None | Unset
        if isinstance(self.maintenance_mode, Unset):
            maintenance_mode = UNSET
        else:
            maintenance_mode = self.maintenance_mode

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if auth_config is not UNSET:
            field_dict["auth_config"] = auth_config
        if display_config is not UNSET:
            field_dict["display_config"] = display_config
        if maintenance_mode is not UNSET:
            field_dict["maintenance_mode"] = maintenance_mode

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.auth_config import AuthConfig  # noqa: PLC0415
        from ..models.display_config import DisplayConfig  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_auth_config(data: object) -> AuthConfig | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                auth_config_type_1 = AuthConfig.from_dict(data)

                return auth_config_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AuthConfig | None | Unset, data)

        auth_config = _parse_auth_config(d.pop("auth_config", UNSET))

        def _parse_display_config(data: object) -> DisplayConfig | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                display_config_type_1 = DisplayConfig.from_dict(data)

                return display_config_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DisplayConfig | None | Unset, data)

        display_config = _parse_display_config(d.pop("display_config", UNSET))

        def _parse_maintenance_mode(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        maintenance_mode = _parse_maintenance_mode(d.pop("maintenance_mode", UNSET))

        environment = cls(
            auth_config=auth_config,
            display_config=display_config,
            maintenance_mode=maintenance_mode,
        )

        environment.additional_properties = d
        return environment

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
