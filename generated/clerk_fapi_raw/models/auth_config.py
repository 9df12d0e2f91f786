from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AuthConfig")


@_attrs_define
class AuthConfig:
    """
    Attributes:
        object_ (str | Unset):
        id (str | Unset):
        single_session_mode (bool | None | Unset):
        test_mode (bool | None | Unset):
        identification_strategies (list[str] | None | Unset):
        first_factors (list[str] | None | Unset):
        second_factors (list[str] | None | Unset):
        email_address_verification_strategies (list[str] | None | Unset):
        cookieless_dev (bool | None | Unset):
        url_based_session_syncing (bool | None | Unset):
        claimed_at (int | None | Unset):
        reverification (bool | None | Unset):
    """

    object_: str | Unset = UNSET
    id: str | Unset = UNSET
    single_session_mode: bool | None | Unset = UNSET
    test_mode: bool | None | Unset = UNSET
    identification_strategies: list[str] | None | Unset = UNSET
    first_factors: list[str] | None | Unset = UNSET
    second_factors: list[str] | None | Unset = UNSET
    email_address_verification_strategies: list[str] | None | Unset = UNSET
    cookieless_dev: bool | None | Unset = UNSET
    url_based_session_syncing: bool | None | Unset = UNSET
    claimed_at: int | None | Unset = UNSET
    reverification: bool | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        object_ = self.object_

        id = self.id

        single_session_mode: bool | None | Unset
        if isinstance(self.single_session_mode, Unset):
            single_session_mode = UNSET
        else:
            single_session_mode = self.single_session_mode

        test_mode: bool | None | Unset
        if isinstance(self.test_mode, Unset):
            test_mode = UNSET
        else:
            test_mode = self.test_mode

        identification_strategies: list[str] | None | Unset
        if isinstance(self.identification_strategies, Unset):
            identification_strategies = UNSET
        elif isinstance(self.identification_strategies, list):
            identification_strategies = self.identification_strategies

        else:
            identification_strategies = self.identification_strategies

        first_factors: list[str] | None | Unset
        if isinstance(self.first_factors, Unset):
            first_factors = UNSET
        elif isinstance(self.first_factors, list):
            first_factors = self.first_factors

        else:
            first_factors = self.first_factors

        second_factors: list[str] | None | Unset
        if isinstance(self.second_factors, Unset):
            second_factors = UNSET
        elif isinstance(self.second_factors, list):
            second_factors = self.second_factors

        else:
            second_factors = self.second_factors

        email_address_verification_strategies: list[str] | None | Unset
        if isinstance(self.email_address_verification_strategies, Unset):
            email_address_verification_strategies = UNSET
        elif isinstance(self.email_address_verification_strategies, list):
            email_address_verification_strategies = (
                self.email_address_verification_strategies
            )

        else:
            email_address_verification_strategies = (
                self.email_address_verification_strategies
            )

        cookieless_dev: bool | None | Unset
        if isinstance(self.cookieless_dev, Unset):
            cookieless_dev = UNSET
        else:
            cookieless_dev = self.cookieless_dev

        url_based_session_syncing: bool | None | Unset
        if isinstance(self.url_based_session_syncing, Unset):
            url_based_session_syncing = UNSET
        else:
            url_based_session_syncing = self.url_based_session_syncing

        claimed_at: int | None | Unset
        if isinstance(self.claimed_at, Unset):
            claimed_at = UNSET
        else:
            claimed_at = self.claimed_at

        reverification: bool | None | Unset
        if isinstance(self.reverification, Unset):
            reverification = UNSET
        else:
            reverification = self.reverification

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if object_ is not UNSET:
            field_dict["object"] = object_
        if id is not UNSET:
            field_dict["id"] = id
        if single_session_mode is not UNSET:
            field_dict["single_session_mode"] = single_session_mode
        if test_mode is not UNSET:
            field_dict["test_mode"] = test_mode
        if identification_strategies is not UNSET:
            field_dict["identification_strategies"] = identification_strategies
        if first_factors is not UNSET:
            field_dict["first_factors"] = first_factors
        if second_factors is not UNSET:
            field_dict["second_factors"] = second_factors
        if email_address_verification_strategies is not UNSET:
            field_dict["email_address_verification_strategies"] = (
                email_address_verification_strategies
            )
        if cookieless_dev is not UNSET:
            field_dict["cookieless_dev"] = cookieless_dev
        if url_based_session_syncing is not UNSET:
            field_dict["url_based_session_syncing"] = url_based_session_syncing
        if claimed_at is not UNSET:
            field_dict["claimed_at"] = claimed_at
        if reverification is not UNSET:
            field_dict["reverification"] = reverification

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        object_ = d.pop("object", UNSET)

        id = d.pop("id", UNSET)

        def _parse_single_session_mode(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        single_session_mode = _parse_single_session_mode(
            d.pop("single_session_mode", UNSET)
        )

        def _parse_test_mode(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        test_mode = _parse_test_mode(d.pop("test_mode", UNSET))

        def _parse_identification_strategies(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                identification_strategies_type_0 = cast(list[str], data)

                return identification_strategies_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        identification_strategies = _parse_identification_strategies(
            d.pop("identification_strategies", UNSET)
        )

        def _parse_first_factors(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                first_factors_type_0 = cast(list[str], data)

                return first_factors_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        first_factors = _parse_first_factors(d.pop("first_factors", UNSET))

        def _parse_second_factors(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                second_factors_type_0 = cast(list[str], data)

                return second_factors_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        second_factors = _parse_second_factors(d.pop("second_factors", UNSET))

        def _parse_email_address_verification_strategies(
            data: object,
        ) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                email_address_verification_strategies_type_0 = cast(list[str], data)

                return email_address_verification_strategies_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        email_address_verification_strategies = (
            _parse_email_address_verification_strategies(
                d.pop("email_address_verification_strategies", UNSET)
            )
        )

        def _parse_cookieless_dev(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        cookieless_dev = _parse_cookieless_dev(d.pop("cookieless_dev", UNSET))

        def _parse_url_based_session_syncing(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        url_based_session_syncing = _parse_url_based_session_syncing(
            d.pop("url_based_session_syncing", UNSET)
        )

        def _parse_claimed_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        claimed_at = _parse_claimed_at(d.pop("claimed_at", UNSET))

        def _parse_reverification(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        reverification = _parse_reverification(d.pop("reverification", UNSET))

        auth_config = cls(
            object_=object_,
            id=id,
            single_session_mode=single_session_mode,
            test_mode=test_mode,
            identification_strategies=identification_strategies,
            first_factors=first_factors,
            second_factors=second_factors,
            email_address_verification_strategies=email_address_verification_strategies,
            cookieless_dev=cookieless_dev,
            url_based_session_syncing=url_based_session_syncing,
            claimed_at=claimed_at,
            reverification=reverification,
        )

        auth_config.additional_properties = d
        return auth_config

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
