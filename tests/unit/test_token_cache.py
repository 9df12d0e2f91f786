"""The session-token cache, with a fake clock: lifetimes from the JWT, the leeway, seeding, clearing."""

from __future__ import annotations

import base64
import json
import time

import pytest
from clerk_fapi._token_cache import TokenCache, jwt_claims, token_lifetime


def fake_jwt(**claims: object) -> str:
    def b64(value: object) -> str:
        return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")

    return f"{b64({'alg': 'none'})}.{b64(claims)}.sig"


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


KEY = ("sess_1", None, "")


def test_claims_and_lifetime_come_from_the_jwt_payload() -> None:
    token = fake_jwt(sid="sess_1", iat=100, exp=160)
    assert jwt_claims(token) == {"sid": "sess_1", "iat": 100, "exp": 160}
    assert token_lifetime(token) == 60
    assert jwt_claims("not-a-jwt") is None
    assert jwt_claims("a.%%%.c") is None
    assert token_lifetime(fake_jwt(iat=100)) is None
    assert token_lifetime(fake_jwt(iat=100, exp=100)) is None


def test_a_token_is_served_until_only_the_leeway_of_its_life_remains() -> None:
    clock = FakeClock()
    cache = TokenCache(leeway=10, clock=clock)
    token = fake_jwt(iat=0, exp=60)  # the life counts from when it arrived, not from iat
    cache.put(KEY, token)
    clock.now += 49
    assert cache.get(KEY) == token
    clock.now += 1  # 10 s left: no longer served
    assert cache.get(KEY) is None


def test_a_token_too_short_lived_for_the_leeway_is_not_cached_but_remembered_as_last() -> None:
    cache = TokenCache(leeway=10, clock=FakeClock())
    token = fake_jwt(iat=0, exp=5)
    cache.put(KEY, token)
    assert cache.get(KEY) is None
    assert cache.last("sess_1") == token


def test_keys_separate_templates_and_organizations() -> None:
    cache = TokenCache(clock=FakeClock())
    plain, template, org = (
        fake_jwt(iat=0, exp=60, n=1),
        fake_jwt(iat=0, exp=60, n=2),
        fake_jwt(iat=0, exp=60, n=3),
    )
    cache.put(("sess_1", None, ""), plain)
    cache.put(("sess_1", "tpl", ""), template)
    cache.put(("sess_1", None, "org_1"), org)
    assert cache.get(("sess_1", None, "")) == plain
    assert cache.get(("sess_1", "tpl", "")) == template
    assert cache.get(("sess_1", None, "org_1")) == org
    assert cache.get(("sess_2", None, "")) is None


def test_seeding_uses_what_is_left_of_the_token_by_the_wall_clock() -> None:
    cache = TokenCache(leeway=10)
    now = time.time()
    fresh = fake_jwt(iat=int(now) - 20, exp=int(now) + 40)
    stale = fake_jwt(iat=int(now) - 70, exp=int(now) - 10)
    cache.seed(KEY, fresh)
    cache.seed(("sess_2", None, ""), stale)
    assert cache.get(KEY) == fresh
    assert cache.get(("sess_2", None, "")) is None


def test_seeding_never_replaces_a_token_already_cached() -> None:
    cache = TokenCache()
    now = time.time()
    minted = fake_jwt(iat=int(now), exp=int(now) + 60, n="minted")
    cache.put(KEY, minted)
    cache.seed(KEY, fake_jwt(iat=int(now), exp=int(now) + 60, n="seed"))
    assert cache.get(KEY) == minted


def test_a_stale_token_seeded_again_is_not_decoded_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every answer carrying the client seeds its sessions' tokens: one seen before and found stale
    is not decoded again (it is staler now), while a new token for the session still is."""
    from clerk_fapi import _token_cache

    decoded: list[str] = []

    def counting_claims(token: str) -> dict[str, object] | None:
        decoded.append(token)
        return jwt_claims(token)

    monkeypatch.setattr(_token_cache, "jwt_claims", counting_claims)
    cache = TokenCache(leeway=10)
    now = int(time.time())
    stale = fake_jwt(iat=now - 70, exp=now - 10)
    for _ in range(3):
        cache.seed(KEY, stale)
    assert decoded == [stale]
    assert cache.get(KEY) is None
    fresh = fake_jwt(iat=now - 5, exp=now + 55)
    cache.seed(KEY, fresh)
    assert decoded == [stale, fresh]
    assert cache.get(KEY) == fresh


@pytest.mark.parametrize("session_id", ["sess_1", None])
def test_clear_drops_one_session_or_everything(session_id: str | None) -> None:
    cache = TokenCache(clock=FakeClock())
    cache.put(("sess_1", None, ""), fake_jwt(iat=0, exp=60))
    cache.put(("sess_2", None, ""), fake_jwt(iat=0, exp=60))
    cache.clear(session_id)
    assert cache.get(("sess_1", None, "")) is None
    assert cache.last("sess_1") is None
    assert (cache.get(("sess_2", None, "")) is None) == (session_id is None)


class SkewedWall:
    """The local wall clock, ``behind`` seconds behind the server's, moving with the fake monotonic clock."""

    def __init__(self, clock: FakeClock, server_start: float, behind: float) -> None:
        self.clock = clock
        self.start = clock.now
        self.server_start = server_start
        self.behind = behind

    def server(self) -> float:
        return self.server_start + (self.clock.now - self.start)

    def __call__(self) -> float:
        return self.server() - self.behind


def test_seeding_with_the_local_clock_behind_counts_the_life_from_arrival_like_put() -> None:
    clock = FakeClock()
    wall = SkewedWall(clock, server_start=1_700_000_000, behind=3600)
    cache = TokenCache(leeway=10, clock=clock, wall=wall)
    now = int(wall.server())
    token = fake_jwt(iat=now, exp=now + 60)  # fresh by the server's clock, "an hour away" by ours
    cache.seed(KEY, token)
    clock.now += 49
    assert cache.get(KEY) == token
    clock.now += 1
    assert cache.get(KEY) is None  # 60 s after it arrived, not an hour


def test_seeding_an_old_token_with_the_local_clock_behind_never_serves_it_expired() -> None:
    clock = FakeClock()
    wall = SkewedWall(clock, server_start=1_700_000_000, behind=3600)
    cache = TokenCache(leeway=10, clock=clock, wall=wall)
    minted_at = int(wall.server())
    cache.put(("sess_1", "tpl", ""), fake_jwt(iat=minted_at, exp=minted_at + 60, n="minted"))
    old = fake_jwt(iat=minted_at, exp=minted_at + 60, n="old")
    clock.now += 120  # the server's copy of the session's token has expired meanwhile
    cache.seed(KEY, old)
    assert cache.get(KEY) is None
