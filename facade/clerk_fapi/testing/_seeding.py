"""Seeding an emulated instance: the users (and what a test needs to sign them in) a test starts from."""

from __future__ import annotations

import base64
import re
import secrets
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ._forms import check_json, normalize_phone
from ._ids import new_id
from ._models import EmailAddress, PhoneNumber, Verification
from ._service import Service

CUSTOM_PERMISSION = re.compile(r"^org:[a-z0-9_]+:[a-z0-9_]+$")


@dataclass(frozen=True)
class SeededUser:
    """A user created with `Emulator.add_user`, with what a test needs to sign it in."""

    id: str
    email_addresses: tuple[str, ...]
    phone_numbers: tuple[str, ...]
    email_address_ids: tuple[str, ...]
    phone_number_ids: tuple[str, ...]
    username: str | None
    # The secrets a test signs in with; kept out of the repr.
    password: str | None = field(repr=False)
    totp_secret: str | None = field(repr=False)
    backup_codes: tuple[str, ...] = field(repr=False)

    @property
    def identifier(self) -> str:
        """The identifier a sign-in would use: first email, else first phone, else username."""
        if self.email_addresses:
            return self.email_addresses[0]
        if self.phone_numbers:
            return self.phone_numbers[0]
        return self.username or ""


@dataclass(frozen=True)
class SeededOrganization:
    id: str
    name: str
    slug: str


@dataclass(frozen=True)
class UserSeed:
    """What `Emulator.add_user` was asked for, its phone numbers already normalized."""

    emails: list[str]
    phones: list[str]
    username: str | None
    password: str | None
    first_name: str | None
    last_name: str | None
    totp_secret: str | bool | None
    backup_codes: Sequence[str] | bool | None
    mfa: bool | None
    public_metadata: Mapping[str, Any]
    unsafe_metadata: Mapping[str, Any]


def normalized_phones(raw_numbers: Iterable[str]) -> list[str]:
    """Phone numbers in E.164, or a `ValueError` naming the one that is not a phone number."""
    phones = []
    for raw in raw_numbers:
        phone = normalize_phone(raw)
        if phone is None:
            raise ValueError(f"not a phone number: {raw!r}")
        phones.append(phone)
    return phones


def seed_user(svc: Service, seed: UserSeed) -> SeededUser:
    """Create the user `seed` describes, verified by an admin. Callers hold the emulator's lock."""
    if not (seed.emails or seed.phones or seed.username):
        raise ValueError("a user needs an email address, a phone number or a username")
    check_seeded_json("public_metadata", seed.public_metadata)
    check_seeded_json("unsafe_metadata", seed.unsafe_metadata)
    secret, codes = _second_factors(seed)
    wants_phone_mfa = bool(seed.mfa) and secret is None
    if wants_phone_mfa and not seed.phones:
        raise ValueError("mfa=True without a TOTP secret needs a phone number for SMS codes")
    _check_free(svc, seed)
    user = svc.new_user(
        username=seed.username,
        first_name=seed.first_name,
        last_name=seed.last_name,
        password=seed.password,
        totp_secret=secret,
        backup_codes=codes,
        public_metadata=dict(seed.public_metadata),
        unsafe_metadata=dict(seed.unsafe_metadata),
    )
    now = user.created_at
    user.mfa_enabled_at = now if (secret or wants_phone_mfa) else None
    for email in seed.emails:
        user.email_addresses.append(
            EmailAddress(new_id("idn"), email, Verification("admin", "verified"), now, now)
        )
    for i, phone in enumerate(seed.phones):
        second_factor = wants_phone_mfa and i == 0
        user.phone_numbers.append(
            PhoneNumber(
                new_id("idn"),
                phone,
                Verification("admin", "verified"),
                now,
                now,
                reserved_for_second_factor=second_factor,
                default_second_factor=second_factor,
            )
        )
    user.primary_email_address_id = user.email_addresses[0].id if user.email_addresses else None
    user.primary_phone_number_id = user.phone_numbers[0].id if user.phone_numbers else None
    svc.users[user.id] = user
    return SeededUser(
        id=user.id,
        email_addresses=tuple(seed.emails),
        phone_numbers=tuple(seed.phones),
        email_address_ids=tuple(e.id for e in user.email_addresses),
        phone_number_ids=tuple(p.id for p in user.phone_numbers),
        username=seed.username,
        password=seed.password,
        totp_secret=secret,
        backup_codes=tuple(codes),
    )


def _second_factors(seed: UserSeed) -> tuple[str | None, list[str]]:
    """The TOTP secret and backup codes: given, generated (`True`), or none."""
    secret: str | None
    if seed.totp_secret is True:
        secret = base64.b32encode(secrets.token_bytes(20)).decode().rstrip("=")
    else:
        secret = seed.totp_secret or None
    if seed.backup_codes is True:
        return secret, [secrets.token_hex(4) for _ in range(10)]
    return secret, list(seed.backup_codes or [])


def _check_free(svc: Service, seed: UserSeed) -> None:
    for kind, values in (("email_address", seed.emails), ("phone_number", seed.phones)):
        for value in values:
            if svc.identifier_taken(kind, value):
                raise ValueError(f"{value!r} already belongs to a user")
    if seed.username and svc.identifier_taken("username", seed.username):
        raise ValueError(f"username {seed.username!r} is taken")


def check_seeded_json(what: str, value: Mapping[str, Any]) -> None:
    """Seeded JSON must be what a request could have stored: the emulator only ever writes strict JSON."""
    try:
        check_json(dict(value))
    except ValueError as exc:
        raise ValueError(f"{what} {exc}") from None
