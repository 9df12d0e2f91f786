"""Read models: the Frontend API's resources as the facade shows them.

Built from the generated models (never from decoded JSON): snake_case attributes, timestamps as
UTC-aware ``datetime``, statuses and strategies as plain strings (the ``*Status`` classes name the
known values; an unknown value stays its string), and every field the server sent that the model
has no attribute for in ``extra``, as the JSON the server sent (a field this version does not know
yet, a type tag such as ``object``, the parts of an object an attribute reshapes). Nothing the
server sent is dropped. Values are immutable; a new answer from the server builds new objects.

The signed-in user's own objects (``/v1/me``: TOTP, backup codes, what a ``DELETE`` removed) and
session reverification live in :mod:`clerk_fapi._account_models`.

The conversion from the generated models lives in :mod:`clerk_fapi._convert`; together with
:mod:`clerk_fapi._raw` it is the only code that knows the generated layer.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any, ClassVar, Final

import attrs

from ._errors import ErrorDetail

__all__ = [
    "ClientState",
    "EmailAddress",
    "Environment",
    "ExternalAccount",
    "IdentificationLink",
    "Passkey",
    "PhoneNumber",
    "PublicUserData",
    "SessionData",
    "SessionStatus",
    "SignInData",
    "SignInFactor",
    "SignInStatus",
    "SignUpData",
    "SignUpStatus",
    "SignUpVerifications",
    "Strategy",
    "User",
    "UserData",
    "Verification",
    "VerificationStatus",
    "Web3Wallet",
]


# ----- known values ------------------------------------------------------------------------------
class SessionStatus:
    """Known session statuses. The server adds values over time; compare with these, never enumerate."""

    ACTIVE: Final = "active"
    PENDING: Final = "pending"
    ENDED: Final = "ended"
    EXPIRED: Final = "expired"
    REMOVED: Final = "removed"
    REPLACED: Final = "replaced"
    REVOKED: Final = "revoked"
    ABANDONED: Final = "abandoned"
    SIGNED_IN: ClassVar[frozenset[str]] = frozenset({ACTIVE, PENDING})


class SignInStatus:
    NEEDS_IDENTIFIER: Final = "needs_identifier"
    NEEDS_FIRST_FACTOR: Final = "needs_first_factor"
    NEEDS_SECOND_FACTOR: Final = "needs_second_factor"
    NEEDS_CLIENT_TRUST: Final = "needs_client_trust"
    NEEDS_NEW_PASSWORD: Final = "needs_new_password"
    NEEDS_PROTECT_CHECK: Final = "needs_protect_check"
    COMPLETE: Final = "complete"
    ABANDONED: Final = "abandoned"


class SignUpStatus:
    MISSING_REQUIREMENTS: Final = "missing_requirements"
    COMPLETE: Final = "complete"
    ABANDONED: Final = "abandoned"


class VerificationStatus:
    UNVERIFIED: Final = "unverified"
    VERIFIED: Final = "verified"
    TRANSFERABLE: Final = "transferable"
    FAILED: Final = "failed"
    EXPIRED: Final = "expired"


class Strategy:
    """Known verification strategies (first factors, second factors, sign-up verifications)."""

    PASSWORD: Final = "password"
    EMAIL_CODE: Final = "email_code"
    EMAIL_LINK: Final = "email_link"
    PHONE_CODE: Final = "phone_code"
    TOTP: Final = "totp"
    BACKUP_CODE: Final = "backup_code"
    TICKET: Final = "ticket"
    PASSKEY: Final = "passkey"
    RESET_PASSWORD_EMAIL_CODE: Final = "reset_password_email_code"
    RESET_PASSWORD_PHONE_CODE: Final = "reset_password_phone_code"


# ----- models ------------------------------------------------------------------------------------
def _extra() -> Any:
    return attrs.field(factory=dict, repr=False, eq=False)


@attrs.frozen(slots=False)
class Verification:
    """The state of proving one factor or identification."""

    status: str | None
    strategy: str | None
    attempts: int | None = None
    expire_at: datetime | None = None
    error: ErrorDetail | None = None
    external_verification_redirect_url: str | None = attrs.field(default=None, repr=False)
    nonce: str | None = attrs.field(default=None, repr=False)
    message: str | None = attrs.field(default=None, repr=False)
    object: str | None = attrs.field(default=None, repr=False)
    # Sign-up verifications only.
    next_action: str | None = None
    supported_strategies: tuple[str, ...] | None = attrs.field(default=None, repr=False)
    extra: Mapping[str, Any] = _extra()

    @property
    def is_verified(self) -> bool:
        return self.status == VerificationStatus.VERIFIED


@attrs.frozen(slots=False)
class SignInFactor:
    """One way to prove the identity in a sign-in (an entry of ``supported_*_factors``)."""

    strategy: str | None
    safe_identifier: str | None = None
    email_address_id: str | None = attrs.field(default=None, repr=False)
    phone_number_id: str | None = attrs.field(default=None, repr=False)
    web3_wallet_id: str | None = attrs.field(default=None, repr=False)
    passkey_id: str | None = attrs.field(default=None, repr=False)
    primary: bool | None = attrs.field(default=None, repr=False)
    default: bool | None = attrs.field(default=None, repr=False)
    extra: Mapping[str, Any] = _extra()


@attrs.frozen(slots=False)
class IdentificationLink:
    """Another identification an email address or phone number is linked to (e.g. an OAuth account)."""

    type: str | None
    id: str | None
    extra: Mapping[str, Any] = _extra()


@attrs.frozen(slots=False)
class EmailAddress:
    id: str
    email_address: str | None
    verification: Verification | None = attrs.field(default=None, repr=False)
    reserved: bool | None = attrs.field(default=None, repr=False)
    linked_to: tuple[IdentificationLink, ...] = attrs.field(default=(), repr=False)
    matches_sso_connection: bool | None = attrs.field(default=None, repr=False)
    created_at: datetime | None = attrs.field(default=None, repr=False)
    updated_at: datetime | None = attrs.field(default=None, repr=False)
    extra: Mapping[str, Any] = _extra()


@attrs.frozen(slots=False)
class PhoneNumber:
    id: str
    phone_number: str | None
    verification: Verification | None = attrs.field(default=None, repr=False)
    reserved_for_second_factor: bool | None = attrs.field(default=None, repr=False)
    default_second_factor: bool | None = attrs.field(default=None, repr=False)
    reserved: bool | None = attrs.field(default=None, repr=False)
    linked_to: tuple[IdentificationLink, ...] = attrs.field(default=(), repr=False)
    # The backup codes, only in the answer that enables them; a secret, never in a repr.
    backup_codes: tuple[str, ...] | None = attrs.field(default=None, repr=False)
    created_at: datetime | None = attrs.field(default=None, repr=False)
    updated_at: datetime | None = attrs.field(default=None, repr=False)
    extra: Mapping[str, Any] = _extra()


@attrs.frozen(slots=False)
class Web3Wallet:
    id: str
    web3_wallet: str | None
    verification: Verification | None = attrs.field(default=None, repr=False)
    created_at: datetime | None = attrs.field(default=None, repr=False)
    updated_at: datetime | None = attrs.field(default=None, repr=False)
    extra: Mapping[str, Any] = _extra()


@attrs.frozen(slots=False)
class ExternalAccount:
    id: str
    provider: str | None
    email_address: str | None = None
    provider_user_id: str | None = attrs.field(default=None, repr=False)
    username: str | None = attrs.field(default=None, repr=False)
    verification: Verification | None = attrs.field(default=None, repr=False)
    identification_id: str | None = attrs.field(default=None, repr=False)
    approved_scopes: str | None = attrs.field(default=None, repr=False)
    first_name: str | None = attrs.field(default=None, repr=False)
    last_name: str | None = attrs.field(default=None, repr=False)
    image_url: str | None = attrs.field(default=None, repr=False)
    public_metadata: Mapping[str, Any] = attrs.field(factory=dict, repr=False)
    created_at: datetime | None = attrs.field(default=None, repr=False)
    updated_at: datetime | None = attrs.field(default=None, repr=False)
    extra: Mapping[str, Any] = _extra()


@attrs.frozen(slots=False)
class Passkey:
    id: str
    name: str | None
    last_used_at: datetime | None = attrs.field(default=None, repr=False)
    verification: Verification | None = attrs.field(default=None, repr=False)
    created_at: datetime | None = attrs.field(default=None, repr=False)
    updated_at: datetime | None = attrs.field(default=None, repr=False)
    extra: Mapping[str, Any] = _extra()


@attrs.frozen(slots=False)
class UserData:
    """The user of a session (the data; see ``User``, which adds the ``/v1/me`` calls)."""

    id: str
    username: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    primary_email_address_id: str | None = attrs.field(default=None, repr=False)
    primary_phone_number_id: str | None = attrs.field(default=None, repr=False)
    primary_web3_wallet_id: str | None = attrs.field(default=None, repr=False)
    email_addresses: tuple[EmailAddress, ...] = attrs.field(default=(), repr=False)
    phone_numbers: tuple[PhoneNumber, ...] = attrs.field(default=(), repr=False)
    web3_wallets: tuple[Web3Wallet, ...] = attrs.field(default=(), repr=False)
    external_accounts: tuple[ExternalAccount, ...] = attrs.field(default=(), repr=False)
    passkeys: tuple[Passkey, ...] = attrs.field(default=(), repr=False)
    image_url: str | None = attrs.field(default=None, repr=False)
    has_image: bool | None = attrs.field(default=None, repr=False)
    password_enabled: bool | None = attrs.field(default=None, repr=False)
    two_factor_enabled: bool | None = attrs.field(default=None, repr=False)
    totp_enabled: bool | None = attrs.field(default=None, repr=False)
    backup_code_enabled: bool | None = attrs.field(default=None, repr=False)
    public_metadata: Mapping[str, Any] = attrs.field(factory=dict, repr=False)
    unsafe_metadata: Mapping[str, Any] = attrs.field(factory=dict, repr=False)
    external_id: str | None = attrs.field(default=None, repr=False)
    banned: bool | None = attrs.field(default=None, repr=False)
    locked: bool | None = attrs.field(default=None, repr=False)
    lockout_expires_in_seconds: int | None = attrs.field(default=None, repr=False)
    verification_attempts_remaining: int | None = attrs.field(default=None, repr=False)
    delete_self_enabled: bool | None = attrs.field(default=None, repr=False)
    create_organization_enabled: bool | None = attrs.field(default=None, repr=False)
    create_organizations_limit: int | None = attrs.field(default=None, repr=False)
    profile_image_url: str | None = attrs.field(default=None, repr=False)
    password_last_updated_at: datetime | None = attrs.field(default=None, repr=False)
    mfa_enabled_at: datetime | None = attrs.field(default=None, repr=False)
    mfa_disabled_at: datetime | None = attrs.field(default=None, repr=False)
    last_sign_in_at: datetime | None = attrs.field(default=None, repr=False)
    last_active_at: datetime | None = attrs.field(default=None, repr=False)
    legal_accepted_at: datetime | None = attrs.field(default=None, repr=False)
    created_at: datetime | None = attrs.field(default=None, repr=False)
    updated_at: datetime | None = attrs.field(default=None, repr=False)
    extra: Mapping[str, Any] = _extra()

    @property
    def primary_email_address(self) -> EmailAddress | None:
        return next((e for e in self.email_addresses if e.id == self.primary_email_address_id), None)

    @property
    def primary_phone_number(self) -> PhoneNumber | None:
        return next((p for p in self.phone_numbers if p.id == self.primary_phone_number_id), None)

    @property
    def full_name(self) -> str | None:
        name = " ".join(p for p in (self.first_name, self.last_name) if p)
        return name or None


User = UserData
"""The read model under its earlier name (``clerk_fapi.User`` is the resource, a ``UserData``)."""


@attrs.frozen(slots=False)
class PublicUserData:
    """What may be shown about a session's user without loading the user."""

    identifier: str | None
    first_name: str | None = None
    last_name: str | None = None
    username: str | None = attrs.field(default=None, repr=False)
    user_id: str | None = attrs.field(default=None, repr=False)
    image_url: str | None = attrs.field(default=None, repr=False)
    has_image: bool | None = attrs.field(default=None, repr=False)
    profile_image_url: str | None = attrs.field(default=None, repr=False)
    extra: Mapping[str, Any] = _extra()


@attrs.frozen(slots=False)
class SessionData:
    """A signed-in (or formerly signed-in) user on this client (the data; see ``Session``)."""

    id: str
    status: str
    user: UserData | None = attrs.field(default=None, repr=False)
    public_user_data: PublicUserData | None = attrs.field(default=None, repr=False)
    last_active_organization_id: str | None = None
    # The latest session JWT: a secret, never in a repr.
    last_active_token: str | None = attrs.field(default=None, repr=False)
    actor: Mapping[str, Any] | None = attrs.field(default=None, repr=False)
    factor_verification_age: tuple[int, ...] | None = attrs.field(default=None, repr=False)
    tasks: tuple[str, ...] | None = attrs.field(default=None, repr=False)
    expire_at: datetime | None = attrs.field(default=None, repr=False)
    abandon_at: datetime | None = attrs.field(default=None, repr=False)
    last_active_at: datetime | None = attrs.field(default=None, repr=False)
    created_at: datetime | None = attrs.field(default=None, repr=False)
    updated_at: datetime | None = attrs.field(default=None, repr=False)
    extra: Mapping[str, Any] = _extra()

    @property
    def is_active(self) -> bool:
        return self.status == SessionStatus.ACTIVE

    @property
    def is_signed_in(self) -> bool:
        """Active or pending (signed in with tasks outstanding)."""
        return self.status in SessionStatus.SIGNED_IN

    @property
    def identifier(self) -> str | None:
        """The user's identifier (email, phone or username) as the server shows it."""
        return self.public_user_data.identifier if self.public_user_data else None


@attrs.frozen(slots=False)
class SignInData:
    """A sign-in attempt in progress or finished (the data; see ``SignIn``)."""

    id: str
    status: str
    identifier: str | None = None
    supported_identifiers: tuple[str, ...] = attrs.field(default=(), repr=False)
    supported_first_factors: tuple[SignInFactor, ...] = attrs.field(default=(), repr=False)
    supported_second_factors: tuple[SignInFactor, ...] = attrs.field(default=(), repr=False)
    first_factor_verification: Verification | None = attrs.field(default=None, repr=False)
    second_factor_verification: Verification | None = attrs.field(default=None, repr=False)
    user_data: Mapping[str, Any] | None = attrs.field(default=None, repr=False)
    created_session_id: str | None = None
    client_trust_state: str | None = attrs.field(default=None, repr=False)
    abandon_at: datetime | None = attrs.field(default=None, repr=False)
    extra: Mapping[str, Any] = _extra()

    @property
    def is_complete(self) -> bool:
        return self.status == SignInStatus.COMPLETE

    def first_factor(self, strategy: str) -> SignInFactor | None:
        """The supported first factor for ``strategy`` (the primary one when there are several)."""
        return _pick_factor(self.supported_first_factors, strategy)

    def second_factor(self, strategy: str) -> SignInFactor | None:
        return _pick_factor(self.supported_second_factors, strategy)

    @property
    def external_verification_url(self) -> str | None:
        """The page to open in a browser for an OAuth or enterprise SSO sign-in (the first factor's
        ``external_verification_redirect_url``), or None."""
        v = self.first_factor_verification
        return v.external_verification_redirect_url if v is not None else None


def _pick_factor(factors: tuple[SignInFactor, ...], strategy: str) -> SignInFactor | None:
    matching = [f for f in factors if f.strategy == strategy]
    return next((f for f in matching if f.primary), matching[0] if matching else None)


@attrs.frozen(slots=False)
class SignUpVerifications:
    email_address: Verification | None = None
    phone_number: Verification | None = None
    web3_wallet: Verification | None = None
    external_account: Verification | None = None
    extra: Mapping[str, Any] = _extra()


@attrs.frozen(slots=False)
class SignUpData:
    """A sign-up attempt in progress or finished (the data; see ``SignUp``)."""

    id: str
    status: str
    required_fields: tuple[str, ...] = attrs.field(default=(), repr=False)
    optional_fields: tuple[str, ...] = attrs.field(default=(), repr=False)
    missing_fields: tuple[str, ...] = ()
    unverified_fields: tuple[str, ...] = ()
    verifications: SignUpVerifications = attrs.field(factory=SignUpVerifications, repr=False)
    username: str | None = attrs.field(default=None, repr=False)
    email_address: str | None = None
    phone_number: str | None = attrs.field(default=None, repr=False)
    web3_wallet: str | None = attrs.field(default=None, repr=False)
    first_name: str | None = attrs.field(default=None, repr=False)
    last_name: str | None = attrs.field(default=None, repr=False)
    password_enabled: bool | None = attrs.field(default=None, repr=False)
    unsafe_metadata: Mapping[str, Any] = attrs.field(factory=dict, repr=False)
    public_metadata: Mapping[str, Any] = attrs.field(factory=dict, repr=False)
    custom_action: bool | None = attrs.field(default=None, repr=False)
    external_id: str | None = attrs.field(default=None, repr=False)
    created_session_id: str | None = None
    created_user_id: str | None = attrs.field(default=None, repr=False)
    abandon_at: datetime | None = attrs.field(default=None, repr=False)
    legal_accepted_at: datetime | None = attrs.field(default=None, repr=False)
    extra: Mapping[str, Any] = _extra()

    @property
    def is_complete(self) -> bool:
        return self.status == SignUpStatus.COMPLETE

    @property
    def external_verification_url(self) -> str | None:
        """The page to open in a browser for a sign-up started with ``strategy="oauth_..."`` (the
        external account verification's ``external_verification_redirect_url``), or None."""
        v = self.verifications.external_account
        return v.external_verification_redirect_url if v is not None else None


@attrs.frozen(slots=False)
class Environment:
    """The parts of the instance's settings a client needs."""

    instance_type: str | None
    application_name: str | None = None
    single_session_mode: bool | None = None
    test_mode: bool | None = None
    identification_strategies: tuple[str, ...] = attrs.field(default=(), repr=False)
    first_factors: tuple[str, ...] = attrs.field(default=(), repr=False)
    second_factors: tuple[str, ...] = attrs.field(default=(), repr=False)
    maintenance_mode: bool | None = attrs.field(default=None, repr=False)
    extra: Mapping[str, Any] = _extra()

    @property
    def is_development(self) -> bool:
        return self.instance_type == "development"


@attrs.frozen(slots=False)
class ClientState:
    """One snapshot of the client, replaced whole by every answer (never patched)."""

    id: str | None = None
    sessions: tuple[SessionData, ...] = ()
    sign_in: SignInData | None = None
    sign_up: SignUpData | None = None
    last_active_session_id: str | None = None
    last_authentication_strategy: str | None = None
    cookie_expires_at: datetime | None = None
    captcha_bypass: bool | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    extra: Mapping[str, Any] = _extra()


EMPTY_STATE: Final = ClientState()
