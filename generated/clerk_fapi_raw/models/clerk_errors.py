from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.clerk_error import ClerkError
    from ..models.clerk_errors_meta_type_0 import ClerkErrorsMetaType0


T = TypeVar("T", bound="ClerkErrors")


@_attrs_define
class ClerkErrors:
    """The body of every error answer.

    Attributes:
        errors (list[ClerkError] | Unset):
        meta (ClerkErrorsMetaType0 | None | Unset):
        clerk_trace_id (None | str | Unset): Quote it to Clerk support.
    """

    errors: list[ClerkError] | Unset = UNSET
    meta: ClerkErrorsMetaType0 | None | Unset = UNSET
    clerk_trace_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.clerk_errors_meta_type_0 import ClerkErrorsMetaType0  # noqa: PLC0415

        errors: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.errors, Unset):
            errors = []
            for errors_item_data in self.errors:
                errors_item = errors_item_data.to_dict()
                errors.append(errors_item)

        meta: dict[str, Any] | None | Unset
        if isinstance(self.meta, Unset):
            meta = UNSET
        elif isinstance(self.meta, ClerkErrorsMetaType0):
            meta = self.meta.to_dict()
        else:
            meta = self.meta

        clerk_trace_id: None | str | Unset
        if isinstance(self.clerk_trace_id, Unset):
            clerk_trace_id = UNSET
        else:
            clerk_trace_id = self.clerk_trace_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if errors is not UNSET:
            field_dict["errors"] = errors
        if meta is not UNSET:
            field_dict["meta"] = meta
        if clerk_trace_id is not UNSET:
            field_dict["clerk_trace_id"] = clerk_trace_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.clerk_error import ClerkError  # noqa: PLC0415
        from ..models.clerk_errors_meta_type_0 import ClerkErrorsMetaType0  # noqa: PLC0415

        d = dict(src_dict)
        _errors = d.pop("errors", UNSET)
        errors: list[ClerkError] | Unset = UNSET
        if _errors is not UNSET:
            errors = []
            for errors_item_data in _errors:
                errors_item = ClerkError.from_dict(errors_item_data)

                errors.append(errors_item)

        def _parse_meta(data: object) -> ClerkErrorsMetaType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                meta_type_0 = ClerkErrorsMetaType0.from_dict(data)

                return meta_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ClerkErrorsMetaType0 | None | Unset, data)

        meta = _parse_meta(d.pop("meta", UNSET))

        def _parse_clerk_trace_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        clerk_trace_id = _parse_clerk_trace_id(d.pop("clerk_trace_id", UNSET))

        clerk_errors = cls(
            errors=errors,
            meta=meta,
            clerk_trace_id=clerk_trace_id,
        )

        clerk_errors.additional_properties = d
        return clerk_errors

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
