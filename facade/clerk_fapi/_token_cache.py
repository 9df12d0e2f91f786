"""The session-token cache (what clerk-js keeps in its ``SessionTokenCache``).

Keyed by session id, template and organization. A token is served while more than
``leeway`` seconds of its life remain; its life is the JWT's ``exp - iat``, counted from when the
token reached us, so a clock difference with the server does not matter. A token that comes with a
session (``last_active_token``) may be older than the answer carrying it: what is left of it is
judged by the server's clock, estimated from the answers' ``Date`` headers and the ``iat`` of
freshly minted tokens (never more than its whole life counted from arrival).
"""

from __future__ import annotations

import base64
import json
import threading
import time
from collections.abc import Callable
from typing import Any, Final

import attrs

DEFAULT_LEEWAY: Final = 10.0

CacheKey = tuple[str, str | None, str | None]


def jwt_claims(token: str) -> dict[str, Any] | None:
    """The claims of a JWT, unverified (None when it is not a JWT)."""
    parts = token.split(".")
    if len(parts) != 3:
        return None
    payload = parts[1] + "=" * (-len(parts[1]) % 4)
    try:
        claims = json.loads(base64.urlsafe_b64decode(payload.encode("ascii")))
    except (ValueError, UnicodeError):
        return None
    return claims if isinstance(claims, dict) else None


def token_lifetime(token: str) -> float | None:
    """``exp - iat`` of a JWT in seconds, or None."""
    claims = jwt_claims(token)
    if claims is None:
        return None
    exp, iat = claims.get("exp"), claims.get("iat")
    if not isinstance(exp, int | float) or not isinstance(iat, int | float) or exp <= iat:
        return None
    return float(exp - iat)


@attrs.frozen
class _Entry:
    jwt: str
    expires: float  # on the monotonic clock


class TokenCache:
    """Thread-safe; the clock is injectable for tests."""

    def __init__(
        self,
        leeway: float = DEFAULT_LEEWAY,
        clock: Callable[[], float] = time.monotonic,
        wall: Callable[[], float] | None = None,
    ) -> None:
        self._entries: dict[CacheKey, _Entry] = {}
        self._last: dict[str, str] = {}
        self._lock = threading.Lock()
        self._leeway = leeway
        self._clock = clock
        self._wall = wall  # None: the module's time.time at each use
        # The server's clock minus ours, from the newest Date header or freshly minted token (a lower
        # bound: both are at most the server's time when the answer reached us).
        self._skew: float | None = None

    def __repr__(self) -> str:
        return f"<TokenCache entries={len(self._entries)}>"

    def _wall_now(self) -> float:
        return self._wall() if self._wall is not None else time.time()

    def observe_server_time(self, server_time: float) -> None:
        """Note the server's clock (an answer's ``Date``, Unix seconds) to judge seeded tokens by."""
        self._skew = server_time - self._wall_now()

    def get(self, key: CacheKey) -> str | None:
        """The cached JWT while more than the leeway of its life remains, else None (a stale one is
        dropped). A hit takes no lock: reading a dict is atomic, and an entry is replaced, never changed."""
        entry = self._entries.get(key)
        if entry is None:
            return None
        if entry.expires - self._clock() <= self._leeway:
            with self._lock:
                if self._entries.get(key) is entry:  # not a fresh one put meanwhile
                    del self._entries[key]
            return None
        return entry.jwt

    def fresh(self, key: CacheKey, min_remaining: float) -> str | None:
        """The cached token for ``key`` while more than ``min_remaining`` seconds of it are left, else
        None; unlike :meth:`get` it removes nothing (an auth that refreshes earlier than the cache's
        leeway asks this)."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is None or entry.expires - self._clock() <= min_remaining:
                return None
            return entry.jwt

    def use_clocks(self, clock: Callable[[], float], wall: Callable[[], float] | None = None) -> None:
        """Measure token lives on ``clock`` (and the server's time on ``wall``) from now on: the
        testing fixtures follow the emulator's settable clock with this."""
        with self._lock:
            self._clock = clock
            self._wall = wall

    def put(self, key: CacheKey, jwt: str, *, remaining: float | None = None, last: bool = True) -> None:
        """Cache ``jwt`` for its lifetime (or ``remaining`` seconds when known better).

        ``last=False`` keeps it out of :meth:`last`: a JWT-template token or one minted for another
        organization than the session's active one is no session token to refresh with.
        """
        life = remaining if remaining is not None else token_lifetime(jwt)
        if remaining is None and life is not None:
            iat = (jwt_claims(jwt) or {}).get("iat")
            if isinstance(iat, int | float):
                self.observe_server_time(float(iat))
        with self._lock:
            if last:
                self._last[key[0]] = jwt
            if life is not None and life > self._leeway:
                self._entries[key] = _Entry(jwt, self._clock() + life)

    def seed(self, key: CacheKey, jwt: str) -> None:
        """Cache a token that came with a session (``last_active_token``), for what is left of it.

        Runs for every answer that carries the client, so the cheap checks come first: a key that is
        already cached (usually with this very token) is left alone without decoding anything, and so
        is a token seen before and not cached then (too little of it was left: less is left now).
        """
        with self._lock:
            if key in self._entries or self._last.get(key[0]) == jwt:
                return
        claims = jwt_claims(jwt) or {}
        exp, iat = claims.get("exp"), claims.get("iat")
        if not isinstance(exp, int | float):
            return
        # The server's "now": at least the token's own iat (so a local clock running behind never
        # stretches it beyond its life from arrival, like put), else ours corrected by the skew.
        server_now = self._wall_now() + (self._skew or 0.0)
        if isinstance(iat, int | float):
            server_now = max(server_now, float(iat))
        self.put(key, jwt, remaining=float(exp) - server_now)

    def last(self, session_id: str) -> str | None:
        """The newest session token seen for the session, fresh or not (for the ``expired_token`` retry)."""
        with self._lock:
            return self._last.get(session_id)

    def clear(self, session_id: str | None = None) -> None:
        with self._lock:
            if session_id is None:
                self._entries.clear()
                self._last.clear()
            else:
                self._last.pop(session_id, None)
                for key in [k for k in self._entries if k[0] == session_id]:
                    del self._entries[key]
