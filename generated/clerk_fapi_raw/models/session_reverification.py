from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.reverified_session import ReverifiedSession
    from ..models.sign_in_factor import SignInFactor
    from ..models.verification import Verification


T = TypeVar("T", bound="SessionReverification")


@_attrs_define
class SessionReverification:
    """Proving the identity again within a session (for sensitive actions).

    Attributes:
        object_ (str | Unset): Always `session_reverification`.
        level (str | Unset): Known values: `first_factor`, `second_factor`, `multi_factor`.
        status (str | Unset): Known values: `needs_first_factor`, `needs_second_factor`, `complete`.
        supported_first_factors (list[SignInFactor] | None | Unset):
        supported_second_factors (list[SignInFactor] | None | Unset):
        first_factor_verification (None | Unset | Verification):
        second_factor_verification (None | Unset | Verification):
        session (None | ReverifiedSession | Unset):
    """

    object_: str | Unset = UNSET
    level: str | Unset = UNSET
    status: str | Unset = UNSET
    supported_first_factors: list[SignInFactor] | None | Unset = UNSET
    supported_second_factors: list[SignInFactor] | None | Unset = UNSET
    first_factor_verification: None | Unset | Verification = UNSET
    second_factor_verification: None | Unset | Verification = UNSET
    session: None | ReverifiedSession | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.reverified_session import ReverifiedSession  # noqa: PLC0415
        from ..models.verification import Verification  # noqa: PLC0415

        object_ = self.object_

        level = self.level

        status = self.status

        supported_first_factors: list[dict[str, Any]] | None | Unset
        if isinstance(self.supported_first_factors, Unset):
            supported_first_factors = UNSET
        elif isinstance(self.supported_first_factors, list):
            supported_first_factors = []
            for (
                supported_first_factors_type_0_item_data
            ) in self.supported_first_factors:
                supported_first_factors_type_0_item = (
                    supported_first_factors_type_0_item_data.to_dict()
                )
                supported_first_factors.append(supported_first_factors_type_0_item)

        else:
            supported_first_factors = self.supported_first_factors

        supported_second_factors: list[dict[str, Any]] | None | Unset
        if isinstance(self.supported_second_factors, Unset):
            supported_second_factors = UNSET
        elif isinstance(self.supported_second_factors, list):
            supported_second_factors = []
            for (
                supported_second_factors_type_0_item_data
            ) in self.supported_second_factors:
                supported_second_factors_type_0_item = (
                    supported_second_factors_type_0_item_data.to_dict()
                )
                supported_second_factors.append(supported_second_factors_type_0_item)

        else:
            supported_second_factors = self.supported_second_factors

        first_factor_verification: dict[str, Any] | None | Unset
        if isinstance(self.first_factor_verification, Unset):
            first_factor_verification = UNSET
        elif isinstance(self.first_factor_verification, Verification):
            first_factor_verification = self.first_factor_verification.to_dict()
        else:
            first_factor_verification = self.first_factor_verification

        second_factor_verification: dict[str, Any] | None | Unset
        if isinstance(self.second_factor_verification, Unset):
            second_factor_verification = UNSET
        elif isinstance(self.second_factor_verification, Verification):
            second_factor_verification = self.second_factor_verification.to_dict()
        else:
            second_factor_verification = self.second_factor_verification

        session: dict[str, Any] | None | Unset
        if isinstance(self.session, Unset):
            session = UNSET
        elif isinstance(self.session, ReverifiedSession):
            session = self.session.to_dict()
        else:
            session = self.session

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if object_ is not UNSET:
            field_dict["object"] = object_
        if level is not UNSET:
            field_dict["level"] = level
        if status is not UNSET:
            field_dict["status"] = status
        if supported_first_factors is not UNSET:
            field_dict["supported_first_factors"] = supported_first_factors
        if supported_second_factors is not UNSET:
            field_dict["supported_second_factors"] = supported_second_factors
        if first_factor_verification is not UNSET:
            field_dict["first_factor_verification"] = first_factor_verification
        if second_factor_verification is not UNSET:
            field_dict["second_factor_verification"] = second_factor_verification
        if session is not UNSET:
            field_dict["session"] = session

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reverified_session import ReverifiedSession  # noqa: PLC0415
        from ..models.sign_in_factor import SignInFactor  # noqa: PLC0415
        from ..models.verification import Verification  # noqa: PLC0415

        d = dict(src_dict)
        object_ = d.pop("object", UNSET)

        level = d.pop("level", UNSET)

        status = d.pop("status", UNSET)

        def _parse_supported_first_factors(
            data: object,
        ) -> list[SignInFactor] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                supported_first_factors_type_0 = []
                _supported_first_factors_type_0 = data
                for (
                    supported_first_factors_type_0_item_data
                ) in _supported_first_factors_type_0:
                    supported_first_factors_type_0_item = SignInFactor.from_dict(
                        supported_first_factors_type_0_item_data
                    )

                    supported_first_factors_type_0.append(
                        supported_first_factors_type_0_item
                    )

                return supported_first_factors_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[SignInFactor] | None | Unset, data)

        supported_first_factors = _parse_supported_first_factors(
            d.pop("supported_first_factors", UNSET)
        )

        def _parse_supported_second_factors(
            data: object,
        ) -> list[SignInFactor] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                supported_second_factors_type_0 = []
                _supported_second_factors_type_0 = data
                for (
                    supported_second_factors_type_0_item_data
                ) in _supported_second_factors_type_0:
                    supported_second_factors_type_0_item = SignInFactor.from_dict(
                        supported_second_factors_type_0_item_data
                    )

                    supported_second_factors_type_0.append(
                        supported_second_factors_type_0_item
                    )

                return supported_second_factors_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[SignInFactor] | None | Unset, data)

        supported_second_factors = _parse_supported_second_factors(
            d.pop("supported_second_factors", UNSET)
        )

        def _parse_first_factor_verification(
            data: object,
        ) -> None | Unset | Verification:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                first_factor_verification_type_1 = Verification.from_dict(data)

                return first_factor_verification_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | Verification, data)

        first_factor_verification = _parse_first_factor_verification(
            d.pop("first_factor_verification", UNSET)
        )

        def _parse_second_factor_verification(
            data: object,
        ) -> None | Unset | Verification:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                second_factor_verification_type_1 = Verification.from_dict(data)

                return second_factor_verification_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | Verification, data)

        second_factor_verification = _parse_second_factor_verification(
            d.pop("second_factor_verification", UNSET)
        )

        def _parse_session(data: object) -> None | ReverifiedSession | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                session_type_1 = ReverifiedSession.from_dict(data)

                return session_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReverifiedSession | Unset, data)

        session = _parse_session(d.pop("session", UNSET))

        session_reverification = cls(
            object_=object_,
            level=level,
            status=status,
            supported_first_factors=supported_first_factors,
            supported_second_factors=supported_second_factors,
            first_factor_verification=first_factor_verification,
            second_factor_verification=second_factor_verification,
            session=session,
        )

        session_reverification.additional_properties = d
        return session_reverification

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
