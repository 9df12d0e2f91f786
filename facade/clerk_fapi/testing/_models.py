"""The emulator's in-memory state and how each resource is written as Frontend API JSON.

Objects here are plain mutable records; the keys they serialise to follow the real responses recorded in the
reference samples (a user carries every key a real user carries, and so on). Timestamps are integer
milliseconds from the emulator clock.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# How long things live, in milliseconds.
SESSION_LIFETIME_MS = 7 * 24 * 3600 * 1000
SESSION_ABANDON_MS = 30 * 24 * 3600 * 1000
ATTEMPT_ABANDON_MS = 24 * 3600 * 1000
CODE_LIFETIME_MS = 10 * 60 * 1000
IMAGE_URL = "https://img.clerk.com/emulator-default-avatar"

# Session statuses that the client object no longer lists.
HIDDEN_SESSION_STATUSES = frozenset({"removed", "replaced", "revoked", "abandoned"})


@dataclass
class Verification:
    """A verification (of an email, a phone, a password, a code...)."""

    strategy: str
    status: str = "unverified"
    attempts: int | None = None
    expire_at: int | None = None
    # Server-side only: the code that verifies it (never in a repr), and which identification it targets.
    code: str | None = field(default=None, repr=False)
    target_id: str | None = None
    # For a verified email link: the client on which the link was opened.
    verified_at_client: str | None = None

    @property
    def object_name(self) -> str:
        return {
            "password": "verification_password",
            "email_code": "verification_otp",
            "phone_code": "verification_otp",
            "reset_password_email_code": "verification_otp",
            "reset_password_phone_code": "verification_otp",
            "email_link": "verification_email_link",
            "totp": "verification_totp",
            "backup_code": "verification_backup_code",
            "ticket": "verification_ticket",
            "admin": "verification_admin",
        }.get(self.strategy, "verification_" + self.strategy)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"object": self.object_name, "status": self.status, "strategy": self.strategy}
        if self.strategy in ("phone_code", "reset_password_phone_code"):
            out["channel"] = "sms"  # how the code travelled; SMS is the only channel the emulator has
        out.update({"attempts": self.attempts, "expire_at": self.expire_at})
        if self.verified_at_client is not None:
            out["verified_at_client"] = self.verified_at_client
        return out


@dataclass
class EmailAddress:
    id: str
    email_address: str
    # None for an address just added to a user (POST /v1/me/email_addresses) until one is prepared.
    verification: Verification | None
    created_at: int
    updated_at: int

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "object": "email_address",
            "email_address": self.email_address,
            "reserved": False,
            "verification": self.verification.to_json() if self.verification else None,
            "linked_to": [],
            "matches_sso_connection": False,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
        }


@dataclass
class PhoneNumber:
    id: str
    phone_number: str
    # None for a number just added to a user (POST /v1/me/phone_numbers) until one is prepared.
    verification: Verification | None
    created_at: int
    updated_at: int
    reserved_for_second_factor: bool = False
    default_second_factor: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "object": "phone_number",
            "phone_number": self.phone_number,
            "reserved_for_second_factor": self.reserved_for_second_factor,
            "default_second_factor": self.default_second_factor,
            "reserved": False,
            "verification": self.verification.to_json() if self.verification else None,
            "linked_to": [],
            "backup_codes": None,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
        }


@dataclass
class User:
    id: str
    created_at: int
    updated_at: int
    username: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    password: str | None = field(default=None, repr=False)
    password_last_updated_at: int | None = None
    email_addresses: list[EmailAddress] = field(default_factory=list)
    phone_numbers: list[PhoneNumber] = field(default_factory=list)
    primary_email_address_id: str | None = None
    primary_phone_number_id: str | None = None
    totp_secret: str | None = field(default=None, repr=False)
    # A TOTP being enrolled (POST /v1/me/totp), enabled once a code from it is verified.
    pending_totp_secret: str | None = field(default=None, repr=False)
    totp_id: str | None = None
    backup_codes: list[str] = field(default_factory=list, repr=False)
    mfa_enabled_at: int | None = None
    unsafe_metadata: dict[str, Any] = field(default_factory=dict)
    public_metadata: dict[str, Any] = field(default_factory=dict)
    last_sign_in_at: int | None = None
    last_active_at: int | None = None
    legal_accepted_at: int | None = None
    locked: bool = False
    banned: bool = False
    verification_attempts_remaining: int = 100

    @property
    def totp_enabled(self) -> bool:
        return self.totp_secret is not None

    @property
    def backup_code_enabled(self) -> bool:
        return bool(self.backup_codes)

    @property
    def second_factor_phones(self) -> list[PhoneNumber]:
        return [p for p in self.phone_numbers if p.reserved_for_second_factor]

    @property
    def two_factor_enabled(self) -> bool:
        return self.totp_enabled or bool(self.second_factor_phones)

    def primary_email(self) -> EmailAddress | None:
        return next((e for e in self.email_addresses if e.id == self.primary_email_address_id), None)

    def primary_phone(self) -> PhoneNumber | None:
        return next((p for p in self.phone_numbers if p.id == self.primary_phone_number_id), None)

    def identifier(self) -> str:
        """What the real service shows as `public_user_data.identifier`: email, else phone, else username."""
        email = self.primary_email()
        if email:
            return email.email_address
        phone = self.primary_phone()
        if phone:
            return phone.phone_number
        return self.username or ""

    def public_user_data(self) -> dict[str, Any]:
        return {
            "first_name": self.first_name,
            "last_name": self.last_name,
            "image_url": IMAGE_URL,
            "has_image": False,
            "identifier": self.identifier(),
            "username": self.username,
            "profile_image_url": IMAGE_URL,
        }

    def to_json(self, memberships: list[dict[str, Any]]) -> dict[str, Any]:
        return {
            "id": self.id,
            "object": "user",
            "username": self.username,
            "first_name": self.first_name,
            "last_name": self.last_name,
            "locale": None,
            "image_url": IMAGE_URL,
            "has_image": False,
            "primary_email_address_id": self.primary_email_address_id,
            "primary_phone_number_id": self.primary_phone_number_id,
            "primary_web3_wallet_id": None,
            "password_enabled": self.password is not None,
            "two_factor_enabled": self.two_factor_enabled,
            "totp_enabled": self.totp_enabled,
            "backup_code_enabled": self.backup_code_enabled,
            "email_addresses": [e.to_json() for e in self.email_addresses],
            "phone_numbers": [p.to_json() for p in self.phone_numbers],
            "web3_wallets": [],
            "passkeys": [],
            "external_accounts": [],
            "saml_accounts": [],
            "enterprise_accounts": [],
            "password_last_updated_at": self.password_last_updated_at,
            "public_metadata": dict(self.public_metadata),
            "unsafe_metadata": dict(self.unsafe_metadata),
            "external_id": None,
            "last_sign_in_at": self.last_sign_in_at,
            "banned": self.banned,
            "deprovisioned": False,
            "locked": self.locked,
            "lockout_expires_in_seconds": None,
            "verification_attempts_remaining": self.verification_attempts_remaining,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
            "delete_self_enabled": True,
            "bypass_client_trust": False,
            "create_organization_enabled": True,
            "create_organizations_limit": 0,
            "last_active_at": self.last_active_at,
            "mfa_enabled_at": self.mfa_enabled_at,
            "mfa_disabled_at": None,
            "legal_accepted_at": self.legal_accepted_at,
            "profile_image_url": IMAGE_URL,
            "organization_memberships": memberships,
        }


@dataclass
class Organization:
    id: str
    name: str
    slug: str
    created_at: int
    updated_at: int
    public_metadata: dict[str, Any] = field(default_factory=dict)

    def to_json(self, members_count: int, pending_invitations_count: int = 0) -> dict[str, Any]:
        return {
            "object": "organization",
            "id": self.id,
            "name": self.name,
            "slug": self.slug,
            "image_url": IMAGE_URL,
            "has_image": False,
            "members_count": members_count,
            "pending_invitations_count": pending_invitations_count,
            "max_allowed_memberships": 5,
            "admin_delete_enabled": True,
            "public_metadata": dict(self.public_metadata),
            "created_at": self.created_at,
            "updated_at": self.updated_at,
        }


@dataclass
class Membership:
    id: str
    organization_id: str
    user_id: str
    role: str
    permissions: list[str]
    created_at: int
    updated_at: int


@dataclass
class OrganizationInvitation:
    """An invitation to an organization, sent to an email address; its user accepts it through
    `/v1/me/organization_invitations/{id}/accept`."""

    id: str
    organization_id: str
    email_address: str
    role: str
    created_at: int
    updated_at: int
    status: str = "pending"
    expires_at: int | None = None

    def to_json(self, org: Organization) -> dict[str, Any]:
        """The user's view of it (the spec's `OrganizationInvitationUserContext`)."""
        return {
            "object": "organization_invitation",
            "id": self.id,
            "email_address": self.email_address,
            "role": self.role,
            "role_name": role_name(self.role),
            "organization_id": self.organization_id,
            "public_organization_data": {
                "id": org.id,
                "name": org.name,
                "slug": org.slug,
                "image_url": IMAGE_URL,
                "has_image": False,
            },
            "status": self.status,
            "public_metadata": {},
            "url": None,
            "expires_at": self.expires_at,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
        }


def role_name(role: str) -> str:
    """The name a role key is shown with: `org:admin` is `Admin`."""
    return role.removeprefix("org:").replace("_", " ").title()


@dataclass
class Session:
    id: str
    client_id: str
    user_id: str
    status: str
    created_at: int
    updated_at: int
    expire_at: int
    abandon_at: int
    last_active_at: int
    last_active_organization_id: str | None = None
    last_active_token: str | None = field(default=None, repr=False)
    # When the first and second factors were verified (for `factor_verification_age`).
    first_factor_at: int = 0
    second_factor_at: int | None = None
    # JWTs minted for this session (any of them may come back as `expired_token`).
    minted: list[str] = field(default_factory=list, repr=False)
    # Set by `Emulator.require_expired_token`: the next token call answers 422 missing_expired_token.
    needs_expired_token: bool = False


@dataclass
class SignIn:
    id: str
    client_id: str
    status: str
    created_at: int
    abandon_at: int
    identifier: str | None = None
    user_id: str | None = None
    first_factor_verification: Verification | None = None
    second_factor_verification: Verification | None = None
    created_session_id: str | None = None
    # Whether the second step is a client-trust check rather than MFA.
    client_trust: bool = False
    # The browser locale the sign-in was created with (clerk-js sends it), echoed as `locale`.
    locale: str | None = None


@dataclass
class SignUp:
    id: str
    client_id: str
    created_at: int
    abandon_at: int
    status: str = "missing_requirements"
    username: str | None = None
    email_address: str | None = None
    phone_number: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    password: str | None = field(default=None, repr=False)
    unsafe_metadata: dict[str, Any] = field(default_factory=dict)
    legal_accepted_at: int | None = None
    email_verification: Verification | None = None
    phone_verification: Verification | None = None
    created_session_id: str | None = None
    created_user_id: str | None = None
    # Set when the sign-up came with a valid ticket: the email is then already verified.
    ticket_email_verified: bool = False
    # The browser locale the sign-up was created with (clerk-js sends it), echoed as `locale`.
    locale: str | None = None


@dataclass
class Client:
    id: str
    created_at: int
    updated_at: int
    session_ids: list[str] = field(default_factory=list)
    sign_in_id: str | None = None
    sign_up_id: str | None = None
    last_active_session_id: str | None = None
    last_authentication_strategy: str | None = None
    cookie_expires_at: int | None = None
    # Native mode: the latest client token (rotated on every answer) and how many were issued.
    latest_token: str | None = field(default=None, repr=False)
    token_generation: int = 0
    # False once DELETE /v1/client detached it from its device.
    alive: bool = True


@dataclass
class DevBrowser:
    id: str
    token: str = field(repr=False)
    created_at: int
    client_id: str | None = None


@dataclass
class JwtTemplate:
    name: str
    claims: dict[str, Any]
    lifetime: int


@dataclass
class SentCode:
    """A code the emulator would have delivered by email or SMS (its outbox)."""

    to: str
    code: str = field(repr=False)
    strategy: str
    sent_at: int
