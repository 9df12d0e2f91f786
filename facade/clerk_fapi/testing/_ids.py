"""Identifiers shaped like Clerk's: a type prefix, an underscore, then 27 base62 characters."""

from __future__ import annotations

import secrets
import string

_ALPHABET = string.ascii_letters + string.digits
_ID_LENGTH = 27
# Random bytes below this bound map evenly onto the alphabet (b % 62); the others are drawn again.
_EVEN_BELOW = 256 - 256 % len(_ALPHABET)


def new_id(prefix: str) -> str:
    """A fresh random id such as `client_2abc...` (27 random characters, as Clerk's KSUID-based ids).

    The characters come from one read of the system's random source (rarely two), each uniform over
    the alphabet, rather than one read per character."""
    chars: list[str] = []
    while len(chars) < _ID_LENGTH:
        chars += [_ALPHABET[b % len(_ALPHABET)] for b in secrets.token_bytes(32) if b < _EVEN_BELOW]
    return prefix + "_" + "".join(chars[:_ID_LENGTH])


def new_trace_id() -> str:
    """A `clerk_trace_id`: 32 lower-case hex digits."""
    return secrets.token_hex(16)


def new_secret(length: int = 32) -> str:
    """An opaque random string for tokens and tickets."""
    return secrets.token_urlsafe(length)
