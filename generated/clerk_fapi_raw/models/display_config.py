from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="DisplayConfig")


@_attrs_define
class DisplayConfig:
    """
    Attributes:
        object_ (str | Unset):
        id (str | Unset):
        instance_environment_type (None | str | Unset): Known values: `development`, `staging`, `production`.
        application_name (None | str | Unset):
        preferred_sign_in_strategy (None | str | Unset):
        home_url (None | str | Unset):
        sign_in_url (None | str | Unset):
        sign_up_url (None | str | Unset):
        user_profile_url (None | str | Unset):
        after_sign_in_url (None | str | Unset):
        after_sign_up_url (None | str | Unset):
        support_email (None | str | Unset):
        branded (bool | None | Unset):
        clerk_js_version (None | str | Unset):
        show_devmode_warning (bool | None | Unset):
    """

    object_: str | Unset = UNSET
    id: str | Unset = UNSET
    instance_environment_type: None | str | Unset = UNSET
    application_name: None | str | Unset = UNSET
    preferred_sign_in_strategy: None | str | Unset = UNSET
    home_url: None | str | Unset = UNSET
    sign_in_url: None | str | Unset = UNSET
    sign_up_url: None | str | Unset = UNSET
    user_profile_url: None | str | Unset = UNSET
    after_sign_in_url: None | str | Unset = UNSET
    after_sign_up_url: None | str | Unset = UNSET
    support_email: None | str | Unset = UNSET
    branded: bool | None | Unset = UNSET
    clerk_js_version: None | str | Unset = UNSET
    show_devmode_warning: bool | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        object_ = self.object_

        id = self.id

        instance_environment_type: None | str | Unset
        if isinstance(self.instance_environment_type, Unset):
            instance_environment_type = UNSET
        else:
            instance_environment_type = self.instance_environment_type

        application_name: None | str | Unset
        if isinstance(self.application_name, Unset):
            application_name = UNSET
        else:
            application_name = self.application_name

        preferred_sign_in_strategy: None | str | Unset
        if isinstance(self.preferred_sign_in_strategy, Unset):
            preferred_sign_in_strategy = UNSET
        else:
            preferred_sign_in_strategy = self.preferred_sign_in_strategy

        home_url: None | str | Unset
        if isinstance(self.home_url, Unset):
            home_url = UNSET
        else:
            home_url = self.home_url

        sign_in_url: None | str | Unset
        if isinstance(self.sign_in_url, Unset):
            sign_in_url = UNSET
        else:
            sign_in_url = self.sign_in_url

        sign_up_url: None | str | Unset
        if isinstance(self.sign_up_url, Unset):
            sign_up_url = UNSET
        else:
            sign_up_url = self.sign_up_url

        user_profile_url: None | str | Unset
        if isinstance(self.user_profile_url, Unset):
            user_profile_url = UNSET
        else:
            user_profile_url = self.user_profile_url

        after_sign_in_url: None | str | Unset
        if isinstance(self.after_sign_in_url, Unset):
            after_sign_in_url = UNSET
        else:
            after_sign_in_url = self.after_sign_in_url

        after_sign_up_url: None | str | Unset
        if isinstance(self.after_sign_up_url, Unset):
            after_sign_up_url = UNSET
        else:
            after_sign_up_url = self.after_sign_up_url

        support_email: None | str | Unset
        if isinstance(self.support_email, Unset):
            support_email = UNSET
        else:
            support_email = self.support_email

        branded: bool | None | Unset
        if isinstance(self.branded, Unset):
            branded = UNSET
        else:
            branded = self.branded

        clerk_js_version: None | str | Unset
        if isinstance(self.clerk_js_version, Unset):
            clerk_js_version = UNSET
        else:
            clerk_js_version = self.clerk_js_version

        show_devmode_warning: bool | None | Unset
        if isinstance(self.show_devmode_warning, Unset):
            show_devmode_warning = UNSET
        else:
            show_devmode_warning = self.show_devmode_warning

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if object_ is not UNSET:
            field_dict["object"] = object_
        if id is not UNSET:
            field_dict["id"] = id
        if instance_environment_type is not UNSET:
            field_dict["instance_environment_type"] = instance_environment_type
        if application_name is not UNSET:
            field_dict["application_name"] = application_name
        if preferred_sign_in_strategy is not UNSET:
            field_dict["preferred_sign_in_strategy"] = preferred_sign_in_strategy
        if home_url is not UNSET:
            field_dict["home_url"] = home_url
        if sign_in_url is not UNSET:
            field_dict["sign_in_url"] = sign_in_url
        if sign_up_url is not UNSET:
            field_dict["sign_up_url"] = sign_up_url
        if user_profile_url is not UNSET:
            field_dict["user_profile_url"] = user_profile_url
        if after_sign_in_url is not UNSET:
            field_dict["after_sign_in_url"] = after_sign_in_url
        if after_sign_up_url is not UNSET:
            field_dict["after_sign_up_url"] = after_sign_up_url
        if support_email is not UNSET:
            field_dict["support_email"] = support_email
        if branded is not UNSET:
            field_dict["branded"] = branded
        if clerk_js_version is not UNSET:
            field_dict["clerk_js_version"] = clerk_js_version
        if show_devmode_warning is not UNSET:
            field_dict["show_devmode_warning"] = show_devmode_warning

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        object_ = d.pop("object", UNSET)

        id = d.pop("id", UNSET)

        def _parse_instance_environment_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        instance_environment_type = _parse_instance_environment_type(
            d.pop("instance_environment_type", UNSET)
        )

        def _parse_application_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        application_name = _parse_application_name(d.pop("application_name", UNSET))

        def _parse_preferred_sign_in_strategy(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        preferred_sign_in_strategy = _parse_preferred_sign_in_strategy(
            d.pop("preferred_sign_in_strategy", UNSET)
        )

        def _parse_home_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        home_url = _parse_home_url(d.pop("home_url", UNSET))

        def _parse_sign_in_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sign_in_url = _parse_sign_in_url(d.pop("sign_in_url", UNSET))

        def _parse_sign_up_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sign_up_url = _parse_sign_up_url(d.pop("sign_up_url", UNSET))

        def _parse_user_profile_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        user_profile_url = _parse_user_profile_url(d.pop("user_profile_url", UNSET))

        def _parse_after_sign_in_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        after_sign_in_url = _parse_after_sign_in_url(d.pop("after_sign_in_url", UNSET))

        def _parse_after_sign_up_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        after_sign_up_url = _parse_after_sign_up_url(d.pop("after_sign_up_url", UNSET))

        def _parse_support_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        support_email = _parse_support_email(d.pop("support_email", UNSET))

        def _parse_branded(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        branded = _parse_branded(d.pop("branded", UNSET))

        def _parse_clerk_js_version(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        clerk_js_version = _parse_clerk_js_version(d.pop("clerk_js_version", UNSET))

        def _parse_show_devmode_warning(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        show_devmode_warning = _parse_show_devmode_warning(
            d.pop("show_devmode_warning", UNSET)
        )

        display_config = cls(
            object_=object_,
            id=id,
            instance_environment_type=instance_environment_type,
            application_name=application_name,
            preferred_sign_in_strategy=preferred_sign_in_strategy,
            home_url=home_url,
            sign_in_url=sign_in_url,
            sign_up_url=sign_up_url,
            user_profile_url=user_profile_url,
            after_sign_in_url=after_sign_in_url,
            after_sign_up_url=after_sign_up_url,
            support_email=support_email,
            branded=branded,
            clerk_js_version=clerk_js_version,
            show_devmode_warning=show_devmode_warning,
        )

        display_config.additional_properties = d
        return display_config

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
