"""Read models of the signed-in user's own objects (``/v1/me``) and of session reverification.

What the account calls answer besides the user itself: a TOTP authenticator, a new set of backup
codes, what a ``DELETE`` removed, and the state of proving the identity again within a session. Same
conventions as :mod:`clerk_fapi._models` (immutable, snake_case, UTC-aware timestamps, statuses as
plain strings, every field without an attribute in ``extra``); converted from the generated models by
:mod:`clerk_fapi._convert_account`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any, Final

import attrs

from ._models import SessionData, SignInFactor, Verification, _extra, _pick_factor

__all__ = [
    "TOTP",
    "BackupCodes",
    "DeletedObject",
    "ReverificationStatus",
    "SessionReverification",
]


@attrs.frozen
class DeletedObject:
    """What a ``DELETE`` removed (an email address, a phone number, the TOTP, the user)."""

    object: str | None
    id: str | None = None
    deleted: bool | None = None
    slug: str | None = attrs.field(default=None, repr=False)
    extra: Mapping[str, Any] = _extra()


@attrs.frozen
class TOTP:
    """A TOTP authenticator of the user. ``secret`` and ``uri`` (``otpauth://totp/...``, holding the
    secret) come once, when it is created; both are secrets, never in a repr."""

    id: str | None
    verified: bool | None = None
    secret: str | None = attrs.field(default=None, repr=False)
    uri: str | None = attrs.field(default=None, repr=False)
    # Backup codes that may come with the verification: secrets, never in a repr.
    backup_codes: tuple[str, ...] | None = attrs.field(default=None, repr=False)
    object: str | None = attrs.field(default=None, repr=False)
    created_at: datetime | None = attrs.field(default=None, repr=False)
    updated_at: datetime | None = attrs.field(default=None, repr=False)
    extra: Mapping[str, Any] = _extra()


@attrs.frozen
class BackupCodes:
    """A new set of backup codes (each works once as a second factor); secrets, never in a repr."""

    id: str | None
    codes: tuple[str, ...] = attrs.field(default=(), repr=False)
    object: str | None = attrs.field(default=None, repr=False)
    created_at: datetime | None = attrs.field(default=None, repr=False)
    updated_at: datetime | None = attrs.field(default=None, repr=False)
    extra: Mapping[str, Any] = _extra()


class ReverificationStatus:
    """Known statuses of a session reverification."""

    NEEDS_FIRST_FACTOR: Final = "needs_first_factor"
    NEEDS_SECOND_FACTOR: Final = "needs_second_factor"
    COMPLETE: Final = "complete"


@attrs.frozen
class SessionReverification:
    """Proving the identity again within a session, before a sensitive action (``status`` says
    what is still needed: ``needs_first_factor``, ``needs_second_factor``, ``complete``)."""

    level: str | None
    status: str | None
    supported_first_factors: tuple[SignInFactor, ...] = attrs.field(default=(), repr=False)
    supported_second_factors: tuple[SignInFactor, ...] = attrs.field(default=(), repr=False)
    first_factor_verification: Verification | None = attrs.field(default=None, repr=False)
    second_factor_verification: Verification | None = attrs.field(default=None, repr=False)
    session: SessionData | None = attrs.field(default=None, repr=False)
    object: str | None = attrs.field(default=None, repr=False)
    extra: Mapping[str, Any] = _extra()

    @property
    def is_complete(self) -> bool:
        return self.status == ReverificationStatus.COMPLETE

    def first_factor(self, strategy: str) -> SignInFactor | None:
        """The supported first factor for ``strategy`` (the primary one when there are several)."""
        return _pick_factor(self.supported_first_factors, strategy)

    def second_factor(self, strategy: str) -> SignInFactor | None:
        """The supported second factor for ``strategy``."""
        return _pick_factor(self.supported_second_factors, strategy)
