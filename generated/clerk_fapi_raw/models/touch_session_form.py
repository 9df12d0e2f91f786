from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TouchSessionForm")


@_attrs_define
class TouchSessionForm:
    """
    Attributes:
        active_organization_id (None | str | Unset): Id or slug of the organization to make active; an empty string
            selects the personal account.
        intent (None | str | Unset): Why the touch was sent. Known values: `focus`, `select_session`, `select_org`.
    """

    active_organization_id: None | str | Unset = UNSET
    intent: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        active_organization_id: None | str | Unset
        if isinstance(self.active_organization_id, Unset):
            active_organization_id = UNSET
        else:
            active_organization_id = self.active_organization_id

        intent: None | str | Unset
        if isinstance(self.intent, Unset):
            intent = UNSET
        else:
            intent = self.intent

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if active_organization_id is not UNSET:
            field_dict["active_organization_id"] = active_organization_id
        if intent is not UNSET:
            field_dict["intent"] = intent

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_active_organization_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        active_organization_id = _parse_active_organization_id(
            d.pop("active_organization_id", UNSET)
        )

        def _parse_intent(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        intent = _parse_intent(d.pop("intent", UNSET))

        touch_session_form = cls(
            active_organization_id=active_organization_id,
            intent=intent,
        )

        touch_session_form.additional_properties = d
        return touch_session_form

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
