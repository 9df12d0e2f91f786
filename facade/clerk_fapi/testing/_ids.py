"""Identifiers shaped like Clerk's: a type prefix, an underscore, then 27 base62 characters."""

from __future__ import annotations

import secrets
import string

_ALPHABET = string.ascii_letters + string.digits


def new_id(prefix: str) -> str:
    """A fresh random id such as `client_2abc...` (27 random characters, as Clerk's KSUID-based ids)."""
    return prefix + "_" + "".join(secrets.choice(_ALPHABET) for _ in range(27))


def new_trace_id() -> str:
    """A `clerk_trace_id`: 32 lower-case hex digits."""
    return secrets.token_hex(16)


def new_secret(length: int = 32) -> str:
    """An opaque random string for tokens and tickets."""
    return secrets.token_urlsafe(length)
