from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.clerk_error_meta_type_0 import ClerkErrorMetaType0


T = TypeVar("T", bound="ClerkError")


@_attrs_define
class ClerkError:
    """One error. Real errors may lack any field (a `bot_detected` error has no `long_message`).

    Attributes:
        code (None | str | Unset): Machine-readable code, e.g. `form_identifier_not_found`, `form_password_incorrect`,
            `form_param_unknown`, `form_code_incorrect`, `form_identifier_exists`, `session_exists`, `resource_not_found`,
            `authentication_invalid`, `dev_browser_unauthenticated`, `missing_expired_token`, `too_many_requests`,
            `bot_detected`, `native_api_disabled`.
        message (None | str | Unset):
        long_message (None | str | Unset):
        meta (ClerkErrorMetaType0 | None | Unset): Details, e.g. `param_name` for form errors.
    """

    code: None | str | Unset = UNSET
    message: None | str | Unset = UNSET
    long_message: None | str | Unset = UNSET
    meta: ClerkErrorMetaType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.clerk_error_meta_type_0 import ClerkErrorMetaType0  # noqa: PLC0415

        code: None | str | Unset
        if isinstance(self.code, Unset):
            code = UNSET
        else:
            code = self.code

        message: None | str | Unset
        if isinstance(self.message, Unset):
            message = UNSET
        else:
            message = self.message

        long_message: None | str | Unset
        if isinstance(self.long_message, Unset):
            long_message = UNSET
        else:
            long_message = self.long_message

        meta: dict[str, Any] | None | Unset
        if isinstance(self.meta, Unset):
            meta = UNSET
        elif isinstance(self.meta, ClerkErrorMetaType0):
            meta = self.meta.to_dict()
        else:
            meta = self.meta

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if code is not UNSET:
            field_dict["code"] = code
        if message is not UNSET:
            field_dict["message"] = message
        if long_message is not UNSET:
            field_dict["long_message"] = long_message
        if meta is not UNSET:
            field_dict["meta"] = meta

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.clerk_error_meta_type_0 import ClerkErrorMetaType0  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        code = _parse_code(d.pop("code", UNSET))

        def _parse_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        message = _parse_message(d.pop("message", UNSET))

        def _parse_long_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        long_message = _parse_long_message(d.pop("long_message", UNSET))

        def _parse_meta(data: object) -> ClerkErrorMetaType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                meta_type_0 = ClerkErrorMetaType0.from_dict(data)

                return meta_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ClerkErrorMetaType0 | None | Unset, data)

        meta = _parse_meta(d.pop("meta", UNSET))

        clerk_error = cls(
            code=code,
            message=message,
            long_message=long_message,
            meta=meta,
        )

        clerk_error.additional_properties = d
        return clerk_error

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
