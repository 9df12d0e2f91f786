"""Promises of the session-token cache that ``make mutate`` found unguarded (pure: fake clocks, fake JWTs)."""

from __future__ import annotations

import base64
import json

from clerk_fapi._token_cache import TokenCache

KEY = ("sess_1", None, "")
WALL = 1_000_000.0  # the local wall clock, equal to the server's


def fake_jwt(**claims: object) -> str:
    def b64(value: object) -> str:
        return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")

    return f"{b64({'alg': 'none'})}.{b64(claims)}.sig"


class Clock:
    """A monotonic clock the test moves by hand, and the wall clock moving with it."""

    now = 1000.0

    def monotonic(self) -> float:
        return self.now

    def wall(self) -> float:
        return WALL + self.now


def test_a_stale_token_does_not_keep_the_next_last_active_token_out() -> None:
    clock = Clock()
    cache = TokenCache(leeway=10, clock=clock.monotonic, wall=clock.wall)
    cache.put(KEY, fake_jwt(iat=0, exp=60, n="minted"))
    clock.now += 55  # only 5 s of its life left: no longer served
    assert cache.get(KEY) is None
    seeded = fake_jwt(iat=clock.wall(), exp=clock.wall() + 60, n="seeded")
    cache.seed(KEY, seeded)  # the session's fresh last_active_token
    assert cache.get(KEY) == seeded


def test_a_token_too_short_lived_to_cache_does_not_keep_a_seeded_token_out() -> None:
    clock = Clock()
    cache = TokenCache(leeway=10, clock=clock.monotonic, wall=clock.wall)
    cache.put(KEY, fake_jwt(iat=0, exp=5, n="short"))  # not cached: no longer than the leeway
    seeded = fake_jwt(iat=clock.wall(), exp=clock.wall() + 60, n="seeded")
    cache.seed(KEY, seeded)
    assert cache.get(KEY) == seeded


def test_a_token_put_with_last_false_is_never_the_last_session_token() -> None:
    cache = TokenCache(clock=Clock().monotonic)
    session_token = fake_jwt(iat=0, exp=60, n="session")
    cache.put(KEY, session_token)
    template_token = fake_jwt(iat=0, exp=60, n="template")
    cache.put(("sess_1", "tpl", ""), template_token, last=False)
    assert cache.get(("sess_1", "tpl", "")) == template_token  # cached all the same
    assert cache.last("sess_1") == session_token
    cache.put(("sess_2", "tpl", ""), template_token, last=False)
    assert cache.last("sess_2") is None
