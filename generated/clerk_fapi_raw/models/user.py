from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.email_address import EmailAddress
    from ..models.external_account import ExternalAccount
    from ..models.passkey import Passkey
    from ..models.phone_number import PhoneNumber
    from ..models.user_public_metadata_type_0 import UserPublicMetadataType0
    from ..models.user_unsafe_metadata_type_0 import UserUnsafeMetadataType0
    from ..models.web_3_wallet import Web3Wallet


T = TypeVar("T", bound="User")


@_attrs_define
class User:
    """The signed-in user.

    Attributes:
        id (str):
        object_ (str | Unset): Always `user`.
        username (None | str | Unset):
        first_name (None | str | Unset):
        last_name (None | str | Unset):
        image_url (None | str | Unset):
        has_image (bool | None | Unset):
        primary_email_address_id (None | str | Unset):
        primary_phone_number_id (None | str | Unset):
        primary_web3_wallet_id (None | str | Unset):
        password_enabled (bool | None | Unset):
        two_factor_enabled (bool | None | Unset):
        totp_enabled (bool | None | Unset):
        backup_code_enabled (bool | None | Unset):
        email_addresses (list[EmailAddress] | Unset):
        phone_numbers (list[PhoneNumber] | Unset):
        web3_wallets (list[Web3Wallet] | Unset):
        external_accounts (list[ExternalAccount] | Unset):
        passkeys (list[Passkey] | Unset):
        public_metadata (None | Unset | UserPublicMetadataType0):
        unsafe_metadata (None | Unset | UserUnsafeMetadataType0):
        external_id (None | str | Unset):
        banned (bool | None | Unset):
        locked (bool | None | Unset):
        lockout_expires_in_seconds (int | None | Unset):
        verification_attempts_remaining (int | None | Unset):
        delete_self_enabled (bool | None | Unset):
        create_organization_enabled (bool | None | Unset):
        create_organizations_limit (int | None | Unset):
        password_last_updated_at (int | None | Unset):
        last_sign_in_at (int | None | Unset):
        last_active_at (int | None | Unset):
        mfa_enabled_at (int | None | Unset):
        mfa_disabled_at (int | None | Unset):
        legal_accepted_at (int | None | Unset):
        profile_image_url (None | str | Unset):
        created_at (int | None | Unset):
        updated_at (int | None | Unset):
    """

    id: str
    object_: str | Unset = UNSET
    username: None | str | Unset = UNSET
    first_name: None | str | Unset = UNSET
    last_name: None | str | Unset = UNSET
    image_url: None | str | Unset = UNSET
    has_image: bool | None | Unset = UNSET
    primary_email_address_id: None | str | Unset = UNSET
    primary_phone_number_id: None | str | Unset = UNSET
    primary_web3_wallet_id: None | str | Unset = UNSET
    password_enabled: bool | None | Unset = UNSET
    two_factor_enabled: bool | None | Unset = UNSET
    totp_enabled: bool | None | Unset = UNSET
    backup_code_enabled: bool | None | Unset = UNSET
    email_addresses: list[EmailAddress] | Unset = UNSET
    phone_numbers: list[PhoneNumber] | Unset = UNSET
    web3_wallets: list[Web3Wallet] | Unset = UNSET
    external_accounts: list[ExternalAccount] | Unset = UNSET
    passkeys: list[Passkey] | Unset = UNSET
    public_metadata: None | Unset | UserPublicMetadataType0 = UNSET
    unsafe_metadata: None | Unset | UserUnsafeMetadataType0 = UNSET
    external_id: None | str | Unset = UNSET
    banned: bool | None | Unset = UNSET
    locked: bool | None | Unset = UNSET
    lockout_expires_in_seconds: int | None | Unset = UNSET
    verification_attempts_remaining: int | None | Unset = UNSET
    delete_self_enabled: bool | None | Unset = UNSET
    create_organization_enabled: bool | None | Unset = UNSET
    create_organizations_limit: int | None | Unset = UNSET
    password_last_updated_at: int | None | Unset = UNSET
    last_sign_in_at: int | None | Unset = UNSET
    last_active_at: int | None | Unset = UNSET
    mfa_enabled_at: int | None | Unset = UNSET
    mfa_disabled_at: int | None | Unset = UNSET
    legal_accepted_at: int | None | Unset = UNSET
    profile_image_url: None | str | Unset = UNSET
    created_at: int | None | Unset = UNSET
    updated_at: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.user_public_metadata_type_0 import UserPublicMetadataType0  # noqa: PLC0415
        from ..models.user_unsafe_metadata_type_0 import UserUnsafeMetadataType0  # noqa: PLC0415

        id = self.id

        object_ = self.object_

        username: None | str | Unset
        if isinstance(self.username, Unset):
            username = UNSET
        else:
            username = self.username

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

        image_url: None | str | Unset
        if isinstance(self.image_url, Unset):
            image_url = UNSET
        else:
            image_url = self.image_url

        has_image: bool | None | Unset
        if isinstance(self.has_image, Unset):
            has_image = UNSET
        else:
            has_image = self.has_image

        primary_email_address_id: None | str | Unset
        if isinstance(self.primary_email_address_id, Unset):
            primary_email_address_id = UNSET
        else:
            primary_email_address_id = self.primary_email_address_id

        primary_phone_number_id: None | str | Unset
        if isinstance(self.primary_phone_number_id, Unset):
            primary_phone_number_id = UNSET
        else:
            primary_phone_number_id = self.primary_phone_number_id

        primary_web3_wallet_id: None | str | Unset
        if isinstance(self.primary_web3_wallet_id, Unset):
            primary_web3_wallet_id = UNSET
        else:
            primary_web3_wallet_id = self.primary_web3_wallet_id

        password_enabled: bool | None | Unset
        if isinstance(self.password_enabled, Unset):
            password_enabled = UNSET
        else:
            password_enabled = self.password_enabled

        two_factor_enabled: bool | None | Unset
        if isinstance(self.two_factor_enabled, Unset):
            two_factor_enabled = UNSET
        else:
            two_factor_enabled = self.two_factor_enabled

        totp_enabled: bool | None | Unset
        if isinstance(self.totp_enabled, Unset):
            totp_enabled = UNSET
        else:
            totp_enabled = self.totp_enabled

        backup_code_enabled: bool | None | Unset
        if isinstance(self.backup_code_enabled, Unset):
            backup_code_enabled = UNSET
        else:
            backup_code_enabled = self.backup_code_enabled

        email_addresses: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.email_addresses, Unset):
            email_addresses = []
            for email_addresses_item_data in self.email_addresses:
                email_addresses_item = email_addresses_item_data.to_dict()
                email_addresses.append(email_addresses_item)

        phone_numbers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.phone_numbers, Unset):
            phone_numbers = []
            for phone_numbers_item_data in self.phone_numbers:
                phone_numbers_item = phone_numbers_item_data.to_dict()
                phone_numbers.append(phone_numbers_item)

        web3_wallets: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.web3_wallets, Unset):
            web3_wallets = []
            for web3_wallets_item_data in self.web3_wallets:
                web3_wallets_item = web3_wallets_item_data.to_dict()
                web3_wallets.append(web3_wallets_item)

        external_accounts: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.external_accounts, Unset):
            external_accounts = []
            for external_accounts_item_data in self.external_accounts:
                external_accounts_item = external_accounts_item_data.to_dict()
                external_accounts.append(external_accounts_item)

        passkeys: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.passkeys, Unset):
            passkeys = []
            for passkeys_item_data in self.passkeys:
                passkeys_item = passkeys_item_data.to_dict()
                passkeys.append(passkeys_item)

        public_metadata: dict[str, Any] | None | Unset
        if isinstance(self.public_metadata, Unset):
            public_metadata = UNSET
        elif isinstance(self.public_metadata, UserPublicMetadataType0):
            public_metadata = self.public_metadata.to_dict()
        else:
            public_metadata = self.public_metadata

        unsafe_metadata: dict[str, Any] | None | Unset
        if isinstance(self.unsafe_metadata, Unset):
            unsafe_metadata = UNSET
        elif isinstance(self.unsafe_metadata, UserUnsafeMetadataType0):
            unsafe_metadata = self.unsafe_metadata.to_dict()
        else:
            unsafe_metadata = self.unsafe_metadata

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        banned: bool | None | Unset
        if isinstance(self.banned, Unset):
            banned = UNSET
        else:
            banned = self.banned

        locked: bool | None | Unset
        if isinstance(self.locked, Unset):
            locked = UNSET
        else:
            locked = self.locked

        lockout_expires_in_seconds: int | None | Unset
        if isinstance(self.lockout_expires_in_seconds, Unset):
            lockout_expires_in_seconds = UNSET
        else:
            lockout_expires_in_seconds = self.lockout_expires_in_seconds

        verification_attempts_remaining: int | None | Unset
        if isinstance(self.verification_attempts_remaining, Unset):
            verification_attempts_remaining = UNSET
        else:
            verification_attempts_remaining = self.verification_attempts_remaining

        delete_self_enabled: bool | None | Unset
        if isinstance(self.delete_self_enabled, Unset):
            delete_self_enabled = UNSET
        else:
            delete_self_enabled = self.delete_self_enabled

        create_organization_enabled: bool | None | Unset
        if isinstance(self.create_organization_enabled, Unset):
            create_organization_enabled = UNSET
        else:
            create_organization_enabled = self.create_organization_enabled

        create_organizations_limit: int | None | Unset
        if isinstance(self.create_organizations_limit, Unset):
            create_organizations_limit = UNSET
        else:
            create_organizations_limit = self.create_organizations_limit

        password_last_updated_at: int | None | Unset
        if isinstance(self.password_last_updated_at, Unset):
            password_last_updated_at = UNSET
        else:
            password_last_updated_at = self.password_last_updated_at

        last_sign_in_at: int | None | Unset
        if isinstance(self.last_sign_in_at, Unset):
            last_sign_in_at = UNSET
        else:
            last_sign_in_at = self.last_sign_in_at

        last_active_at: int | None | Unset
        if isinstance(self.last_active_at, Unset):
            last_active_at = UNSET
        else:
            last_active_at = self.last_active_at

        mfa_enabled_at: int | None | Unset
        if isinstance(self.mfa_enabled_at, Unset):
            mfa_enabled_at = UNSET
        else:
            mfa_enabled_at = self.mfa_enabled_at

        mfa_disabled_at: int | None | Unset
        if isinstance(self.mfa_disabled_at, Unset):
            mfa_disabled_at = UNSET
        else:
            mfa_disabled_at = self.mfa_disabled_at

        legal_accepted_at: int | None | Unset
        if isinstance(self.legal_accepted_at, Unset):
            legal_accepted_at = UNSET
        else:
            legal_accepted_at = self.legal_accepted_at

        profile_image_url: None | str | Unset
        if isinstance(self.profile_image_url, Unset):
            profile_image_url = UNSET
        else:
            profile_image_url = self.profile_image_url

        created_at: int | None | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        else:
            created_at = self.created_at

        updated_at: int | None | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if object_ is not UNSET:
            field_dict["object"] = object_
        if username is not UNSET:
            field_dict["username"] = username
        if first_name is not UNSET:
            field_dict["first_name"] = first_name
        if last_name is not UNSET:
            field_dict["last_name"] = last_name
        if image_url is not UNSET:
            field_dict["image_url"] = image_url
        if has_image is not UNSET:
            field_dict["has_image"] = has_image
        if primary_email_address_id is not UNSET:
            field_dict["primary_email_address_id"] = primary_email_address_id
        if primary_phone_number_id is not UNSET:
            field_dict["primary_phone_number_id"] = primary_phone_number_id
        if primary_web3_wallet_id is not UNSET:
            field_dict["primary_web3_wallet_id"] = primary_web3_wallet_id
        if password_enabled is not UNSET:
            field_dict["password_enabled"] = password_enabled
        if two_factor_enabled is not UNSET:
            field_dict["two_factor_enabled"] = two_factor_enabled
        if totp_enabled is not UNSET:
            field_dict["totp_enabled"] = totp_enabled
        if backup_code_enabled is not UNSET:
            field_dict["backup_code_enabled"] = backup_code_enabled
        if email_addresses is not UNSET:
            field_dict["email_addresses"] = email_addresses
        if phone_numbers is not UNSET:
            field_dict["phone_numbers"] = phone_numbers
        if web3_wallets is not UNSET:
            field_dict["web3_wallets"] = web3_wallets
        if external_accounts is not UNSET:
            field_dict["external_accounts"] = external_accounts
        if passkeys is not UNSET:
            field_dict["passkeys"] = passkeys
        if public_metadata is not UNSET:
            field_dict["public_metadata"] = public_metadata
        if unsafe_metadata is not UNSET:
            field_dict["unsafe_metadata"] = unsafe_metadata
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if banned is not UNSET:
            field_dict["banned"] = banned
        if locked is not UNSET:
            field_dict["locked"] = locked
        if lockout_expires_in_seconds is not UNSET:
            field_dict["lockout_expires_in_seconds"] = lockout_expires_in_seconds
        if verification_attempts_remaining is not UNSET:
            field_dict["verification_attempts_remaining"] = (
                verification_attempts_remaining
            )
        if delete_self_enabled is not UNSET:
            field_dict["delete_self_enabled"] = delete_self_enabled
        if create_organization_enabled is not UNSET:
            field_dict["create_organization_enabled"] = create_organization_enabled
        if create_organizations_limit is not UNSET:
            field_dict["create_organizations_limit"] = create_organizations_limit
        if password_last_updated_at is not UNSET:
            field_dict["password_last_updated_at"] = password_last_updated_at
        if last_sign_in_at is not UNSET:
            field_dict["last_sign_in_at"] = last_sign_in_at
        if last_active_at is not UNSET:
            field_dict["last_active_at"] = last_active_at
        if mfa_enabled_at is not UNSET:
            field_dict["mfa_enabled_at"] = mfa_enabled_at
        if mfa_disabled_at is not UNSET:
            field_dict["mfa_disabled_at"] = mfa_disabled_at
        if legal_accepted_at is not UNSET:
            field_dict["legal_accepted_at"] = legal_accepted_at
        if profile_image_url is not UNSET:
            field_dict["profile_image_url"] = profile_image_url
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.email_address import EmailAddress  # noqa: PLC0415
        from ..models.external_account import ExternalAccount  # noqa: PLC0415
        from ..models.passkey import Passkey  # noqa: PLC0415
        from ..models.phone_number import PhoneNumber  # noqa: PLC0415
        from ..models.user_public_metadata_type_0 import UserPublicMetadataType0  # noqa: PLC0415
        from ..models.user_unsafe_metadata_type_0 import UserUnsafeMetadataType0  # noqa: PLC0415
        from ..models.web_3_wallet import Web3Wallet  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        object_ = d.pop("object", UNSET)

        def _parse_username(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        username = _parse_username(d.pop("username", UNSET))

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

        def _parse_image_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        image_url = _parse_image_url(d.pop("image_url", UNSET))

        def _parse_has_image(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        has_image = _parse_has_image(d.pop("has_image", UNSET))

        def _parse_primary_email_address_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        primary_email_address_id = _parse_primary_email_address_id(
            d.pop("primary_email_address_id", UNSET)
        )

        def _parse_primary_phone_number_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        primary_phone_number_id = _parse_primary_phone_number_id(
            d.pop("primary_phone_number_id", UNSET)
        )

        def _parse_primary_web3_wallet_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        primary_web3_wallet_id = _parse_primary_web3_wallet_id(
            d.pop("primary_web3_wallet_id", UNSET)
        )

        def _parse_password_enabled(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        password_enabled = _parse_password_enabled(d.pop("password_enabled", UNSET))

        def _parse_two_factor_enabled(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        two_factor_enabled = _parse_two_factor_enabled(
            d.pop("two_factor_enabled", UNSET)
        )

        def _parse_totp_enabled(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        totp_enabled = _parse_totp_enabled(d.pop("totp_enabled", UNSET))

        def _parse_backup_code_enabled(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        backup_code_enabled = _parse_backup_code_enabled(
            d.pop("backup_code_enabled", UNSET)
        )

        _email_addresses = d.pop("email_addresses", UNSET)
        email_addresses: list[EmailAddress] | Unset = UNSET
        if _email_addresses is not UNSET:
            email_addresses = []
            for email_addresses_item_data in _email_addresses:
                email_addresses_item = EmailAddress.from_dict(email_addresses_item_data)

                email_addresses.append(email_addresses_item)

        _phone_numbers = d.pop("phone_numbers", UNSET)
        phone_numbers: list[PhoneNumber] | Unset = UNSET
        if _phone_numbers is not UNSET:
            phone_numbers = []
            for phone_numbers_item_data in _phone_numbers:
                phone_numbers_item = PhoneNumber.from_dict(phone_numbers_item_data)

                phone_numbers.append(phone_numbers_item)

        _web3_wallets = d.pop("web3_wallets", UNSET)
        web3_wallets: list[Web3Wallet] | Unset = UNSET
        if _web3_wallets is not UNSET:
            web3_wallets = []
            for web3_wallets_item_data in _web3_wallets:
                web3_wallets_item = Web3Wallet.from_dict(web3_wallets_item_data)

                web3_wallets.append(web3_wallets_item)

        _external_accounts = d.pop("external_accounts", UNSET)
        external_accounts: list[ExternalAccount] | Unset = UNSET
        if _external_accounts is not UNSET:
            external_accounts = []
            for external_accounts_item_data in _external_accounts:
                external_accounts_item = ExternalAccount.from_dict(
                    external_accounts_item_data
                )

                external_accounts.append(external_accounts_item)

        _passkeys = d.pop("passkeys", UNSET)
        passkeys: list[Passkey] | Unset = UNSET
        if _passkeys is not UNSET:
            passkeys = []
            for passkeys_item_data in _passkeys:
                passkeys_item = Passkey.from_dict(passkeys_item_data)

                passkeys.append(passkeys_item)

        def _parse_public_metadata(
            data: object,
        ) -> None | Unset | UserPublicMetadataType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                public_metadata_type_0 = UserPublicMetadataType0.from_dict(data)

                return public_metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UserPublicMetadataType0, data)

        public_metadata = _parse_public_metadata(d.pop("public_metadata", UNSET))

        def _parse_unsafe_metadata(
            data: object,
        ) -> None | Unset | UserUnsafeMetadataType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                unsafe_metadata_type_0 = UserUnsafeMetadataType0.from_dict(data)

                return unsafe_metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UserUnsafeMetadataType0, data)

        unsafe_metadata = _parse_unsafe_metadata(d.pop("unsafe_metadata", UNSET))

        def _parse_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_id = _parse_external_id(d.pop("external_id", UNSET))

        def _parse_banned(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        banned = _parse_banned(d.pop("banned", UNSET))

        def _parse_locked(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        locked = _parse_locked(d.pop("locked", UNSET))

        def _parse_lockout_expires_in_seconds(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        lockout_expires_in_seconds = _parse_lockout_expires_in_seconds(
            d.pop("lockout_expires_in_seconds", UNSET)
        )

        def _parse_verification_attempts_remaining(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        verification_attempts_remaining = _parse_verification_attempts_remaining(
            d.pop("verification_attempts_remaining", UNSET)
        )

        def _parse_delete_self_enabled(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        delete_self_enabled = _parse_delete_self_enabled(
            d.pop("delete_self_enabled", UNSET)
        )

        def _parse_create_organization_enabled(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        create_organization_enabled = _parse_create_organization_enabled(
            d.pop("create_organization_enabled", UNSET)
        )

        def _parse_create_organizations_limit(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        create_organizations_limit = _parse_create_organizations_limit(
            d.pop("create_organizations_limit", UNSET)
        )

        def _parse_password_last_updated_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        password_last_updated_at = _parse_password_last_updated_at(
            d.pop("password_last_updated_at", UNSET)
        )

        def _parse_last_sign_in_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        last_sign_in_at = _parse_last_sign_in_at(d.pop("last_sign_in_at", UNSET))

        def _parse_last_active_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        last_active_at = _parse_last_active_at(d.pop("last_active_at", UNSET))

        def _parse_mfa_enabled_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        mfa_enabled_at = _parse_mfa_enabled_at(d.pop("mfa_enabled_at", UNSET))

        def _parse_mfa_disabled_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        mfa_disabled_at = _parse_mfa_disabled_at(d.pop("mfa_disabled_at", UNSET))

        def _parse_legal_accepted_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        legal_accepted_at = _parse_legal_accepted_at(d.pop("legal_accepted_at", UNSET))

        def _parse_profile_image_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        profile_image_url = _parse_profile_image_url(d.pop("profile_image_url", UNSET))

        def _parse_created_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        created_at = _parse_created_at(d.pop("created_at", UNSET))

        def _parse_updated_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        updated_at = _parse_updated_at(d.pop("updated_at", UNSET))

        user = cls(
            id=id,
            object_=object_,
            username=username,
            first_name=first_name,
            last_name=last_name,
            image_url=image_url,
            has_image=has_image,
            primary_email_address_id=primary_email_address_id,
            primary_phone_number_id=primary_phone_number_id,
            primary_web3_wallet_id=primary_web3_wallet_id,
            password_enabled=password_enabled,
            two_factor_enabled=two_factor_enabled,
            totp_enabled=totp_enabled,
            backup_code_enabled=backup_code_enabled,
            email_addresses=email_addresses,
            phone_numbers=phone_numbers,
            web3_wallets=web3_wallets,
            external_accounts=external_accounts,
            passkeys=passkeys,
            public_metadata=public_metadata,
            unsafe_metadata=unsafe_metadata,
            external_id=external_id,
            banned=banned,
            locked=locked,
            lockout_expires_in_seconds=lockout_expires_in_seconds,
            verification_attempts_remaining=verification_attempts_remaining,
            delete_self_enabled=delete_self_enabled,
            create_organization_enabled=create_organization_enabled,
            create_organizations_limit=create_organizations_limit,
            password_last_updated_at=password_last_updated_at,
            last_sign_in_at=last_sign_in_at,
            last_active_at=last_active_at,
            mfa_enabled_at=mfa_enabled_at,
            mfa_disabled_at=mfa_disabled_at,
            legal_accepted_at=legal_accepted_at,
            profile_image_url=profile_image_url,
            created_at=created_at,
            updated_at=updated_at,
        )

        user.additional_properties = d
        return user

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
