from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.sign_up_public_metadata_type_0 import SignUpPublicMetadataType0
    from ..models.sign_up_unsafe_metadata_type_0 import SignUpUnsafeMetadataType0
    from ..models.sign_up_verifications import SignUpVerifications


T = TypeVar("T", bound="SignUp")


@_attrs_define
class SignUp:
    """A sign-up attempt in progress or finished.

    Attributes:
        id (str):
        status (str): Known values: `missing_requirements`, `complete`, `abandoned`.
        object_ (str | Unset): Always `sign_up_attempt`.
        required_fields (list[str] | None | Unset):
        optional_fields (list[str] | None | Unset):
        missing_fields (list[str] | None | Unset):
        unverified_fields (list[str] | None | Unset):
        verifications (None | SignUpVerifications | Unset):
        username (None | str | Unset):
        email_address (None | str | Unset):
        phone_number (None | str | Unset):
        web3_wallet (None | str | Unset):
        password_enabled (bool | None | Unset):
        first_name (None | str | Unset):
        last_name (None | str | Unset):
        unsafe_metadata (None | SignUpUnsafeMetadataType0 | Unset):
        public_metadata (None | SignUpPublicMetadataType0 | Unset):
        custom_action (bool | None | Unset):
        external_id (None | str | Unset):
        created_session_id (None | str | Unset):
        created_user_id (None | str | Unset):
        abandon_at (int | None | Unset):
        legal_accepted_at (int | None | Unset):
    """

    id: str
    status: str
    object_: str | Unset = UNSET
    required_fields: list[str] | None | Unset = UNSET
    optional_fields: list[str] | None | Unset = UNSET
    missing_fields: list[str] | None | Unset = UNSET
    unverified_fields: list[str] | None | Unset = UNSET
    verifications: None | SignUpVerifications | Unset = UNSET
    username: None | str | Unset = UNSET
    email_address: None | str | Unset = UNSET
    phone_number: None | str | Unset = UNSET
    web3_wallet: None | str | Unset = UNSET
    password_enabled: bool | None | Unset = UNSET
    first_name: None | str | Unset = UNSET
    last_name: None | str | Unset = UNSET
    unsafe_metadata: None | SignUpUnsafeMetadataType0 | Unset = UNSET
    public_metadata: None | SignUpPublicMetadataType0 | Unset = UNSET
    custom_action: bool | None | Unset = UNSET
    external_id: None | str | Unset = UNSET
    created_session_id: None | str | Unset = UNSET
    created_user_id: None | str | Unset = UNSET
    abandon_at: int | None | Unset = UNSET
    legal_accepted_at: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.sign_up_public_metadata_type_0 import SignUpPublicMetadataType0  # noqa: PLC0415
        from ..models.sign_up_unsafe_metadata_type_0 import SignUpUnsafeMetadataType0  # noqa: PLC0415
        from ..models.sign_up_verifications import SignUpVerifications  # noqa: PLC0415

        id = self.id

        status = self.status

        object_ = self.object_

        required_fields: list[str] | None | Unset
        if isinstance(self.required_fields, Unset):
            required_fields = UNSET
        elif isinstance(self.required_fields, list):
            required_fields = self.required_fields

        else:
            required_fields = self.required_fields

        optional_fields: list[str] | None | Unset
        if isinstance(self.optional_fields, Unset):
            optional_fields = UNSET
        elif isinstance(self.optional_fields, list):
            optional_fields = self.optional_fields

        else:
            optional_fields = self.optional_fields

        missing_fields: list[str] | None | Unset
        if isinstance(self.missing_fields, Unset):
            missing_fields = UNSET
        elif isinstance(self.missing_fields, list):
            missing_fields = self.missing_fields

        else:
            missing_fields = self.missing_fields

        unverified_fields: list[str] | None | Unset
        if isinstance(self.unverified_fields, Unset):
            unverified_fields = UNSET
        elif isinstance(self.unverified_fields, list):
            unverified_fields = self.unverified_fields

        else:
            unverified_fields = self.unverified_fields

        verifications: dict[str, Any] | None | Unset
        if isinstance(self.verifications, Unset):
            verifications = UNSET
        elif isinstance(self.verifications, SignUpVerifications):
            verifications = self.verifications.to_dict()
        else:
            verifications = self.verifications

        username: None | str | Unset
        if isinstance(self.username, Unset):
            username = UNSET
        else:
            username = self.username

        email_address: None | str | Unset
        if isinstance(self.email_address, Unset):
            email_address = UNSET
        else:
            email_address = self.email_address

        phone_number: None | str | Unset
        if isinstance(self.phone_number, Unset):
            phone_number = UNSET
        else:
            phone_number = self.phone_number

        web3_wallet: None | str | Unset
        if isinstance(self.web3_wallet, Unset):
            web3_wallet = UNSET
        else:
            web3_wallet = self.web3_wallet

        password_enabled: bool | None | Unset
        if isinstance(self.password_enabled, Unset):
            password_enabled = UNSET
        else:
            password_enabled = self.password_enabled

        first_name: None | str | Unset
        if isinstance(self.first_name, Unset):
            first_name = UNSET
        else:
            first_name = self.first_name

        last_name: None | str | Unset
        if isinstance(self.last_name, Unset):
            last_name = UNSET
        else:
            last_name = self.last_name

        unsafe_metadata: dict[str, Any] | None | Unset
        if isinstance(self.unsafe_metadata, Unset):
            unsafe_metadata = UNSET
        elif isinstance(self.unsafe_metadata, SignUpUnsafeMetadataType0):
            unsafe_metadata = self.unsafe_metadata.to_dict()
        else:
            unsafe_metadata = self.unsafe_metadata

        public_metadata: dict[str, Any] | None | Unset
        if isinstance(self.public_metadata, Unset):
            public_metadata = UNSET
        elif isinstance(self.public_metadata, SignUpPublicMetadataType0):
            public_metadata = self.public_metadata.to_dict()
        else:
            public_metadata = self.public_metadata

        custom_action: bool | None | Unset
        if isinstance(self.custom_action, Unset):
            custom_action = UNSET
        else:
            custom_action = self.custom_action

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        created_session_id: None | str | Unset
        if isinstance(self.created_session_id, Unset):
            created_session_id = UNSET
        else:
            created_session_id = self.created_session_id

        created_user_id: None | str | Unset
        if isinstance(self.created_user_id, Unset):
            created_user_id = UNSET
        else:
            created_user_id = self.created_user_id

        abandon_at: int | None | Unset
        if isinstance(self.abandon_at, Unset):
            abandon_at = UNSET
        else:
            abandon_at = self.abandon_at

        legal_accepted_at: int | None | Unset
        if isinstance(self.legal_accepted_at, Unset):
            legal_accepted_at = UNSET
        else:
            legal_accepted_at = self.legal_accepted_at

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
        if required_fields is not UNSET:
            field_dict["required_fields"] = required_fields
        if optional_fields is not UNSET:
            field_dict["optional_fields"] = optional_fields
        if missing_fields is not UNSET:
            field_dict["missing_fields"] = missing_fields
        if unverified_fields is not UNSET:
            field_dict["unverified_fields"] = unverified_fields
        if verifications is not UNSET:
            field_dict["verifications"] = verifications
        if username is not UNSET:
            field_dict["username"] = username
        if email_address is not UNSET:
            field_dict["email_address"] = email_address
        if phone_number is not UNSET:
            field_dict["phone_number"] = phone_number
        if web3_wallet is not UNSET:
            field_dict["web3_wallet"] = web3_wallet
        if password_enabled is not UNSET:
            field_dict["password_enabled"] = password_enabled
        if first_name is not UNSET:
            field_dict["first_name"] = first_name
        if last_name is not UNSET:
            field_dict["last_name"] = last_name
        if unsafe_metadata is not UNSET:
            field_dict["unsafe_metadata"] = unsafe_metadata
        if public_metadata is not UNSET:
            field_dict["public_metadata"] = public_metadata
        if custom_action is not UNSET:
            field_dict["custom_action"] = custom_action
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if created_session_id is not UNSET:
            field_dict["created_session_id"] = created_session_id
        if created_user_id is not UNSET:
            field_dict["created_user_id"] = created_user_id
        if abandon_at is not UNSET:
            field_dict["abandon_at"] = abandon_at
        if legal_accepted_at is not UNSET:
            field_dict["legal_accepted_at"] = legal_accepted_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sign_up_public_metadata_type_0 import SignUpPublicMetadataType0  # noqa: PLC0415
        from ..models.sign_up_unsafe_metadata_type_0 import SignUpUnsafeMetadataType0  # noqa: PLC0415
        from ..models.sign_up_verifications import SignUpVerifications  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        status = d.pop("status")

        object_ = d.pop("object", UNSET)

        def _parse_required_fields(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                required_fields_type_0 = cast(list[str], data)

                return required_fields_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        required_fields = _parse_required_fields(d.pop("required_fields", UNSET))

        def _parse_optional_fields(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                optional_fields_type_0 = cast(list[str], data)

                return optional_fields_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        optional_fields = _parse_optional_fields(d.pop("optional_fields", UNSET))

        def _parse_missing_fields(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                missing_fields_type_0 = cast(list[str], data)

                return missing_fields_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        missing_fields = _parse_missing_fields(d.pop("missing_fields", UNSET))

        def _parse_unverified_fields(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                unverified_fields_type_0 = cast(list[str], data)

                return unverified_fields_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        unverified_fields = _parse_unverified_fields(d.pop("unverified_fields", UNSET))

        def _parse_verifications(data: object) -> None | SignUpVerifications | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                verifications_type_1 = SignUpVerifications.from_dict(data)

                return verifications_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SignUpVerifications | Unset, data)

        verifications = _parse_verifications(d.pop("verifications", UNSET))

        def _parse_username(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        username = _parse_username(d.pop("username", UNSET))

        def _parse_email_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email_address = _parse_email_address(d.pop("email_address", UNSET))

        def _parse_phone_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone_number = _parse_phone_number(d.pop("phone_number", UNSET))

        def _parse_web3_wallet(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        web3_wallet = _parse_web3_wallet(d.pop("web3_wallet", UNSET))

        def _parse_password_enabled(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        password_enabled = _parse_password_enabled(d.pop("password_enabled", UNSET))

        def _parse_first_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        first_name = _parse_first_name(d.pop("first_name", UNSET))

        def _parse_last_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_name = _parse_last_name(d.pop("last_name", UNSET))

        def _parse_unsafe_metadata(
            data: object,
        ) -> None | SignUpUnsafeMetadataType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                unsafe_metadata_type_0 = SignUpUnsafeMetadataType0.from_dict(data)

                return unsafe_metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SignUpUnsafeMetadataType0 | Unset, data)

        unsafe_metadata = _parse_unsafe_metadata(d.pop("unsafe_metadata", UNSET))

        def _parse_public_metadata(
            data: object,
        ) -> None | SignUpPublicMetadataType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                public_metadata_type_0 = SignUpPublicMetadataType0.from_dict(data)

                return public_metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SignUpPublicMetadataType0 | Unset, data)

        public_metadata = _parse_public_metadata(d.pop("public_metadata", UNSET))

        def _parse_custom_action(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        custom_action = _parse_custom_action(d.pop("custom_action", UNSET))

        def _parse_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_id = _parse_external_id(d.pop("external_id", UNSET))

        def _parse_created_session_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        created_session_id = _parse_created_session_id(
            d.pop("created_session_id", UNSET)
        )

        def _parse_created_user_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        created_user_id = _parse_created_user_id(d.pop("created_user_id", UNSET))

        def _parse_abandon_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        abandon_at = _parse_abandon_at(d.pop("abandon_at", UNSET))

        def _parse_legal_accepted_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        legal_accepted_at = _parse_legal_accepted_at(d.pop("legal_accepted_at", UNSET))

        sign_up = cls(
            id=id,
            status=status,
            object_=object_,
            required_fields=required_fields,
            optional_fields=optional_fields,
            missing_fields=missing_fields,
            unverified_fields=unverified_fields,
            verifications=verifications,
            username=username,
            email_address=email_address,
            phone_number=phone_number,
            web3_wallet=web3_wallet,
            password_enabled=password_enabled,
            first_name=first_name,
            last_name=last_name,
            unsafe_metadata=unsafe_metadata,
            public_metadata=public_metadata,
            custom_action=custom_action,
            external_id=external_id,
            created_session_id=created_session_id,
            created_user_id=created_user_id,
            abandon_at=abandon_at,
            legal_accepted_at=legal_accepted_at,
        )

        sign_up.additional_properties = d
        return sign_up

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
