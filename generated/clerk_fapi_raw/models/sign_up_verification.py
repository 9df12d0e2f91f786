from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.clerk_error import ClerkError


T = TypeVar("T", bound="SignUpVerification")


@_attrs_define
class SignUpVerification:
    """A verification of a sign-up field, with what to do next.

    Attributes:
        object_ (None | str | Unset):
        status (str | Unset): Known values: `unverified`, `verified`, `transferable`, `failed`, `expired`.
        strategy (None | str | Unset):
        attempts (int | None | Unset):
        expire_at (int | None | Unset):
        error (ClerkError | None | Unset):
        external_verification_redirect_url (None | str | Unset):
        nonce (None | str | Unset):
        message (None | str | Unset):
        next_action (None | str | Unset): Known values: `needs_prepare`, `needs_attempt`, `` (nothing to do).
        supported_strategies (list[str] | None | Unset):
    """

    object_: None | str | Unset = UNSET
    status: str | Unset = UNSET
    strategy: None | str | Unset = UNSET
    attempts: int | None | Unset = UNSET
    expire_at: int | None | Unset = UNSET
    error: ClerkError | None | Unset = UNSET
    external_verification_redirect_url: None | str | Unset = UNSET
    nonce: None | str | Unset = UNSET
    message: None | str | Unset = UNSET
    next_action: None | str | Unset = UNSET
    supported_strategies: list[str] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.clerk_error import ClerkError  # noqa: PLC0415

        object_: None | str | Unset
        if isinstance(self.object_, Unset):
            object_ = UNSET
        else:
            object_ = self.object_

        status = self.status

        strategy: None | str | Unset
        if isinstance(self.strategy, Unset):
            strategy = UNSET
        else:
            strategy = self.strategy

        attempts: int | None | Unset
        if isinstance(self.attempts, Unset):
            attempts = UNSET
        else:
            attempts = self.attempts

        expire_at: int | None | Unset
        if isinstance(self.expire_at, Unset):
            expire_at = UNSET
        else:
            expire_at = self.expire_at

        error: dict[str, Any] | None | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        elif isinstance(self.error, ClerkError):
            error = self.error.to_dict()
        else:
            error = self.error

        external_verification_redirect_url: None | str | Unset
        if isinstance(self.external_verification_redirect_url, Unset):
            external_verification_redirect_url = UNSET
        else:
            external_verification_redirect_url = self.external_verification_redirect_url

        nonce: None | str | Unset
        if isinstance(self.nonce, Unset):
            nonce = UNSET
        else:
            nonce = self.nonce

        message: None | str | Unset
        if isinstance(self.message, Unset):
            message = UNSET
        else:
            message = self.message

        next_action: None | str | Unset
        if isinstance(self.next_action, Unset):
            next_action = UNSET
        else:
            next_action = self.next_action

        supported_strategies: list[str] | None | Unset
        if isinstance(self.supported_strategies, Unset):
            supported_strategies = UNSET
        elif isinstance(self.supported_strategies, list):
            supported_strategies = self.supported_strategies

        else:
            supported_strategies = self.supported_strategies

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if object_ is not UNSET:
            field_dict["object"] = object_
        if status is not UNSET:
            field_dict["status"] = status
        if strategy is not UNSET:
            field_dict["strategy"] = strategy
        if attempts is not UNSET:
            field_dict["attempts"] = attempts
        if expire_at is not UNSET:
            field_dict["expire_at"] = expire_at
        if error is not UNSET:
            field_dict["error"] = error
        if external_verification_redirect_url is not UNSET:
            field_dict["external_verification_redirect_url"] = (
                external_verification_redirect_url
            )
        if nonce is not UNSET:
            field_dict["nonce"] = nonce
        if message is not UNSET:
            field_dict["message"] = message
        if next_action is not UNSET:
            field_dict["next_action"] = next_action
        if supported_strategies is not UNSET:
            field_dict["supported_strategies"] = supported_strategies

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.clerk_error import ClerkError  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_object_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        object_ = _parse_object_(d.pop("object", UNSET))

        status = d.pop("status", UNSET)

        def _parse_strategy(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        strategy = _parse_strategy(d.pop("strategy", UNSET))

        def _parse_attempts(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        attempts = _parse_attempts(d.pop("attempts", UNSET))

        def _parse_expire_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        expire_at = _parse_expire_at(d.pop("expire_at", UNSET))

        def _parse_error(data: object) -> ClerkError | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                error_type_1 = ClerkError.from_dict(data)

                return error_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ClerkError | None | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        def _parse_external_verification_redirect_url(
            data: object,
        ) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_verification_redirect_url = _parse_external_verification_redirect_url(
            d.pop("external_verification_redirect_url", UNSET)
        )

        def _parse_nonce(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        nonce = _parse_nonce(d.pop("nonce", UNSET))

        def _parse_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        message = _parse_message(d.pop("message", UNSET))

        def _parse_next_action(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_action = _parse_next_action(d.pop("next_action", UNSET))

        def _parse_supported_strategies(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                supported_strategies_type_0 = cast(list[str], data)

                return supported_strategies_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        supported_strategies = _parse_supported_strategies(
            d.pop("supported_strategies", UNSET)
        )

        sign_up_verification = cls(
            object_=object_,
            status=status,
            strategy=strategy,
            attempts=attempts,
            expire_at=expire_at,
            error=error,
            external_verification_redirect_url=external_verification_redirect_url,
            nonce=nonce,
            message=message,
            next_action=next_action,
            supported_strategies=supported_strategies,
        )

        sign_up_verification.additional_properties = d
        return sign_up_verification

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
