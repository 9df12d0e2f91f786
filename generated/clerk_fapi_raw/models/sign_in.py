from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.sign_in_factor import SignInFactor
    from ..models.sign_in_user_data import SignInUserData
    from ..models.verification import Verification


T = TypeVar("T", bound="SignIn")


@_attrs_define
class SignIn:
    """A sign-in attempt in progress or finished.

    Attributes:
        id (str):
        status (str): Known values: `needs_identifier`, `needs_first_factor`, `needs_second_factor`,
            `needs_client_trust`, `needs_new_password`, `needs_protect_check`, `complete`, `abandoned`.
        object_ (str | Unset): Always `sign_in_attempt`.
        supported_identifiers (list[str] | None | Unset): E.g. `email_address`, `phone_number`, `username`,
            `web3_wallet`, `passkey`, `password`.
        supported_first_factors (list[SignInFactor] | None | Unset):
        supported_second_factors (list[SignInFactor] | None | Unset):
        first_factor_verification (None | Unset | Verification):
        second_factor_verification (None | Unset | Verification):
        identifier (None | str | Unset):
        user_data (None | SignInUserData | Unset):
        created_session_id (None | str | Unset):
        abandon_at (int | None | Unset):
        client_trust_state (None | str | Unset): Known values: `pending`, `new`, `known`.
    """

    id: str
    status: str
    object_: str | Unset = UNSET
    supported_identifiers: list[str] | None | Unset = UNSET
    supported_first_factors: list[SignInFactor] | None | Unset = UNSET
    supported_second_factors: list[SignInFactor] | None | Unset = UNSET
    first_factor_verification: None | Unset | Verification = UNSET
    second_factor_verification: None | Unset | Verification = UNSET
    identifier: None | str | Unset = UNSET
    user_data: None | SignInUserData | Unset = UNSET
    created_session_id: None | str | Unset = UNSET
    abandon_at: int | None | Unset = UNSET
    client_trust_state: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.sign_in_user_data import SignInUserData  # noqa: PLC0415
        from ..models.verification import Verification  # noqa: PLC0415

        id = self.id

        status = self.status

        object_ = self.object_

        supported_identifiers: list[str] | None | Unset
        if isinstance(self.supported_identifiers, Unset):
            supported_identifiers = UNSET
        elif isinstance(self.supported_identifiers, list):
            supported_identifiers = self.supported_identifiers

        else:
            supported_identifiers = self.supported_identifiers

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

        identifier: None | str | Unset
        if isinstance(self.identifier, Unset):
            identifier = UNSET
        else:
            identifier = self.identifier

        user_data: dict[str, Any] | None | Unset
        if isinstance(self.user_data, Unset):
            user_data = UNSET
        elif isinstance(self.user_data, SignInUserData):
            user_data = self.user_data.to_dict()
        else:
            user_data = self.user_data

        created_session_id: None | str | Unset
        if isinstance(self.created_session_id, Unset):
            created_session_id = UNSET
        else:
            created_session_id = self.created_session_id

        abandon_at: int | None | Unset
        if isinstance(self.abandon_at, Unset):
            abandon_at = UNSET
        else:
            abandon_at = self.abandon_at

        client_trust_state: None | str | Unset
        if isinstance(self.client_trust_state, Unset):
            client_trust_state = UNSET
        else:
            client_trust_state = self.client_trust_state

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
            }
        )
        if object_ is not UNSET:
            field_dict["object"] = object_
        if supported_identifiers is not UNSET:
            field_dict["supported_identifiers"] = supported_identifiers
        if supported_first_factors is not UNSET:
            field_dict["supported_first_factors"] = supported_first_factors
        if supported_second_factors is not UNSET:
            field_dict["supported_second_factors"] = supported_second_factors
        if first_factor_verification is not UNSET:
            field_dict["first_factor_verification"] = first_factor_verification
        if second_factor_verification is not UNSET:
            field_dict["second_factor_verification"] = second_factor_verification
        if identifier is not UNSET:
            field_dict["identifier"] = identifier
        if user_data is not UNSET:
            field_dict["user_data"] = user_data
        if created_session_id is not UNSET:
            field_dict["created_session_id"] = created_session_id
        if abandon_at is not UNSET:
            field_dict["abandon_at"] = abandon_at
        if client_trust_state is not UNSET:
            field_dict["client_trust_state"] = client_trust_state

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sign_in_factor import SignInFactor  # noqa: PLC0415
        from ..models.sign_in_user_data import SignInUserData  # noqa: PLC0415
        from ..models.verification import Verification  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        status = d.pop("status")

        object_ = d.pop("object", UNSET)

        def _parse_supported_identifiers(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                supported_identifiers_type_0 = cast(list[str], data)

                return supported_identifiers_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        supported_identifiers = _parse_supported_identifiers(
            d.pop("supported_identifiers", UNSET)
        )

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

        def _parse_identifier(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        identifier = _parse_identifier(d.pop("identifier", UNSET))

        def _parse_user_data(data: object) -> None | SignInUserData | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                user_data_type_1 = SignInUserData.from_dict(data)

                return user_data_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SignInUserData | Unset, data)

        user_data = _parse_user_data(d.pop("user_data", UNSET))

        def _parse_created_session_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        created_session_id = _parse_created_session_id(
            d.pop("created_session_id", UNSET)
        )

        def _parse_abandon_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        abandon_at = _parse_abandon_at(d.pop("abandon_at", UNSET))

        def _parse_client_trust_state(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        client_trust_state = _parse_client_trust_state(
            d.pop("client_trust_state", UNSET)
        )

        sign_in = cls(
            id=id,
            status=status,
            object_=object_,
            supported_identifiers=supported_identifiers,
            supported_first_factors=supported_first_factors,
            supported_second_factors=supported_second_factors,
            first_factor_verification=first_factor_verification,
            second_factor_verification=second_factor_verification,
            identifier=identifier,
            user_data=user_data,
            created_session_id=created_session_id,
            abandon_at=abandon_at,
            client_trust_state=client_trust_state,
        )

        sign_in.additional_properties = d
        return sign_in

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
