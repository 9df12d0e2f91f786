"""Where the emulator may send a browser back to, and the single-use nonces it hands out on the way.

`RedirectAllowlist` models the instance's redirect-URL allowlist (Dashboard or BAPI `/redirect_urls`).
Clerk's docs say rotating-token nonces are "passed only to the whitelisted URLs", and Expo's SSO hook says
the redirect URL must be allowlisted for the `rotating_token_nonce` to be included; the exact matching rules
of the real service are not documented, so the rules here are the emulator's own, stated plainly:

- an entry without a trailing `*` matches a URL whose scheme, host, port and path are equal to the entry's
  (scheme and host compared case-insensitively, a missing port equal to the scheme's default port, an empty
  path equal to `/` for http and https); the query and the fragment are ignored;
- an entry ending in `*` matches every URL whose canonical form (`scheme://host[:port]/path`, query and
  fragment dropped, scheme and host lower-cased) starts with the entry's text before the `*`;
- a URL with user-info (`user@host`), without a scheme, or with an unparsable port matches nothing.

`NonceStore` models the `rotating_token_nonce` a browser brings back from hosted sign-in or an OAuth
callback: each nonce is bound to one client, one purpose (`kind`) and one subject (a session, a sign-in, ...)
and can be redeemed once. iOS calls it a "single-use rotating token nonce"; that the real service enforces
single use is inferred, not documented.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from urllib.parse import urlsplit

__all__ = [
    "DEFAULT_CALLBACK_URL",
    "DEFAULT_CUSTOM_SCHEME",
    "DEFAULT_REDIRECT_ALLOWLIST",
    "Grant",
    "HostedAuthRequest",
    "NonceStore",
    "RedirectAllowlist",
]

# The custom scheme the emulator allows out of the box: the CLI's paste-back default `clerk-fapi://callback`,
# shaped like the native SDKs' defaults (`{bundleId}://callback` on iOS).
DEFAULT_CUSTOM_SCHEME = "clerk-fapi"
DEFAULT_CALLBACK_URL = f"{DEFAULT_CUSTOM_SCHEME}://callback"
# Loopback on any port and path, plus the default custom-scheme callback.
DEFAULT_REDIRECT_ALLOWLIST: tuple[str, ...] = (
    "http://127.0.0.1:*",
    "http://localhost:*",
    f"{DEFAULT_CUSTOM_SCHEME}://*",
)

_DEFAULT_PORTS = {"http": 80, "https": 443}


@dataclass(frozen=True)
class _Parts:
    scheme: str
    host: str
    port: int | None
    explicit_port: bool
    path: str

    def canonical(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        port = f":{self.port}" if self.explicit_port else ""
        return f"{self.scheme}://{host}{port}{self.path}"


def _parts(url: str) -> _Parts | None:
    """The parts an allowlist compares, or None for a URL that can match nothing."""
    try:
        split = urlsplit(url.strip())
        port = split.port
    except ValueError:
        return None
    if not split.scheme or "@" in split.netloc:
        return None
    scheme = split.scheme.lower()
    host = (split.hostname or "").lower()
    explicit = port is not None
    if port is None:
        port = _DEFAULT_PORTS.get(scheme)
    path = split.path
    if not path and scheme in _DEFAULT_PORTS:
        path = "/"
    return _Parts(scheme, host, port, explicit, path)


class RedirectAllowlist:
    """The redirect URLs the emulated instance accepts for nonces (see the module docstring for the rules).

    `RedirectAllowlist()` allows loopback http on any port (`127.0.0.1`, `localhost`) and the default custom
    scheme `clerk-fapi://`; pass `entries` to replace that list (an empty list allows nothing, `["*"]` allows
    every URL)."""

    def __init__(self, entries: Iterable[str] | None = None) -> None:
        self._entries: tuple[str, ...] = tuple(DEFAULT_REDIRECT_ALLOWLIST if entries is None else entries)
        for entry in self._entries:
            if not isinstance(entry, str) or not entry.strip():
                raise ValueError("redirect allowlist entries must be non-empty strings")

    @property
    def entries(self) -> tuple[str, ...]:
        """The configured entries, in order."""
        return self._entries

    def allows(self, url: str) -> bool:
        """Whether the instance would send a nonce to `url`."""
        wanted = _parts(url)
        if wanted is None:
            return False
        return any(self._matches(entry, wanted) for entry in self._entries)

    @staticmethod
    def _matches(entry: str, wanted: _Parts) -> bool:
        entry = entry.strip()
        if entry.endswith("*"):
            prefix = entry[:-1]
            head, sep, rest = prefix.partition("://")
            if sep:  # the scheme and host of a prefix compare case-insensitively, like the URL's
                host, slash, path = rest.partition("/")
                prefix = f"{head.lower()}://{host.lower()}{slash}{path}"
            return wanted.canonical().startswith(prefix)
        allowed = _parts(entry)
        return allowed is not None and (
            (allowed.scheme, allowed.host, allowed.port, allowed.path)
            == (wanted.scheme, wanted.host, wanted.port, wanted.path)
        )

    def __repr__(self) -> str:
        return f"RedirectAllowlist({list(self._entries)!r})"


@dataclass(frozen=True)
class Grant:
    """What a redeemed nonce stood for: the client it was issued to, its purpose and its subject."""

    client_id: str
    kind: str
    subject_id: str
    extra: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))


class NonceStore:
    """Single-use nonces, each bound to a `Grant`. Thread-safe.

    `now` (milliseconds) and `lifetime_ms` make nonces expire; by default they live until redeemed."""

    def __init__(self, *, now: Callable[[], int] | None = None, lifetime_ms: int | None = None) -> None:
        if lifetime_ms is not None and (now is None or lifetime_ms <= 0):
            raise ValueError("lifetime_ms needs a clock (`now`) and must be positive")
        self._now = now
        self._lifetime_ms = lifetime_ms
        self._lock = threading.Lock()
        self._pending: dict[str, tuple[Grant, int | None]] = {}

    def issue(
        self, *, client_id: str, kind: str, subject_id: str, extra: Mapping[str, str] | None = None
    ) -> str:
        """A new nonce that `redeem(nonce, kind=kind)` turns into this grant, once."""
        grant = Grant(client_id, kind, subject_id, MappingProxyType(dict(extra or {})))
        expires = None
        if self._lifetime_ms is not None and self._now is not None:
            expires = self._now() + self._lifetime_ms
        nonce = secrets.token_urlsafe(32)
        with self._lock:
            self._pending[nonce] = (grant, expires)
        return nonce

    def redeem(self, nonce: str, *, kind: str) -> Grant | None:
        """The grant behind `nonce`, consuming it; None for an unknown, used or expired nonce.

        A nonce presented for another `kind` is not consumed and gives None."""
        with self._lock:
            held = self._pending.get(nonce)
            if held is None or held[0].kind != kind:
                return None
            del self._pending[nonce]
        grant, expires = held
        if expires is not None and self._now is not None and self._now() >= expires:
            return None
        return grant

    def discard_client(self, client_id: str) -> None:
        """Forget every unredeemed nonce issued to `client_id` (the client was signed out or replaced)."""
        with self._lock:
            for nonce in [n for n, (g, _) in self._pending.items() if g.client_id == client_id]:
                del self._pending[nonce]

    def __len__(self) -> int:
        with self._lock:
            return len(self._pending)

    def __repr__(self) -> str:
        return f"NonceStore(pending={len(self)})"


@dataclass
class HostedAuthRequest:
    """One `POST /v1/client/hosted_auth`: who asked, where to send the browser back, and what to check."""

    id: str
    client_id: str
    redirect_url: str
    code_challenge: str = field(repr=False)
    state: str = field(repr=False)
    mode: str
    created_at: int
    used: bool = False
