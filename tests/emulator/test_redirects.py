"""The emulator's redirect allowlist and its single-use nonces."""

from __future__ import annotations

import threading

import pytest
from clerk_fapi.testing import DEFAULT_CALLBACK_URL, Emulator, Grant, NonceStore, RedirectAllowlist


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8765/callback",
        "http://127.0.0.1:1/",
        "http://127.0.0.1:49152/cb?state=x#frag",
        "http://localhost:3000/anything/deeper",
        "HTTP://LOCALHOST:3000/x",
        DEFAULT_CALLBACK_URL,
        "clerk-fapi://callback?state=1",
    ],
)
def test_default_allows_loopback_on_any_port_and_the_default_scheme(url: str) -> None:
    assert RedirectAllowlist().allows(url)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/callback",  # no explicit port: not the `127.0.0.1:` prefix
        "https://127.0.0.1:8765/callback",
        "http://127.0.0.1.evil.example:80/",
        "http://127.0.0.1:8765@evil.example/",  # user-info: the real host is evil.example
        "http://user@127.0.0.1:8765/",
        "http://127.0.0.1:notaport/",
        "http://10.0.0.1:8765/",
        "https://example.com/callback",
        "myapp://callback",
        "//127.0.0.1:8765/",
        "",
    ],
)
def test_default_refuses_other_urls(url: str) -> None:
    assert not RedirectAllowlist().allows(url)


def test_exact_entries_compare_scheme_host_port_and_path_and_ignore_the_query() -> None:
    allow = RedirectAllowlist(["https://app.example.com/sso-callback", "myapp://callback"])
    assert allow.allows("https://app.example.com/sso-callback")
    assert allow.allows("https://APP.example.com:443/sso-callback?x=1#y")
    assert allow.allows("myapp://callback?state=abc")
    assert not allow.allows("https://app.example.com/sso-callback/more")
    assert not allow.allows("https://app.example.com/sso-callbac")
    assert not allow.allows("https://app.example.com:8443/sso-callback")
    assert not allow.allows("http://app.example.com/sso-callback")
    assert not allow.allows("https://other.example.com/sso-callback")
    assert not allow.allows("myapp://callback/extra")
    assert not allow.allows("myapp://other")


def test_default_ports_and_empty_paths_are_equal_to_their_explicit_forms() -> None:
    allow = RedirectAllowlist(["https://app.example.com"])
    assert allow.allows("https://app.example.com/")
    assert allow.allows("https://app.example.com:443")
    assert not allow.allows("https://app.example.com/x")


def test_prefix_entries_and_allow_all_and_allow_none() -> None:
    allow = RedirectAllowlist(["https://app.example.com/auth/*"])
    assert allow.allows("https://app.example.com/auth/callback")
    assert allow.allows("https://App.Example.com/auth/?q")
    assert not allow.allows("https://app.example.com/other")
    assert not allow.allows("https://app.example.com.evil.example/auth/x")
    assert RedirectAllowlist(["*"]).allows("https://anything.example/")
    assert not RedirectAllowlist(["*"]).allows("http://u@anything.example/")
    assert not RedirectAllowlist([]).allows("http://127.0.0.1:8765/")


def test_ipv6_loopback_can_be_listed() -> None:
    allow = RedirectAllowlist(["http://[::1]:*"])
    assert allow.allows("http://[::1]:8765/cb")
    assert not RedirectAllowlist().allows("http://[::1]:8765/cb")


def test_blank_entries_are_refused() -> None:
    with pytest.raises(ValueError):
        RedirectAllowlist(["  "])


def test_a_nonce_redeems_once_into_its_grant() -> None:
    store = NonceStore()
    nonce = store.issue(client_id="client_1", kind="hosted_auth", subject_id="sess_1", extra={"cc": "abc"})
    assert len(nonce) >= 40
    grant = store.redeem(nonce, kind="hosted_auth")
    assert grant == Grant("client_1", "hosted_auth", "sess_1", {"cc": "abc"})
    assert grant is not None and grant.extra["cc"] == "abc"
    assert store.redeem(nonce, kind="hosted_auth") is None
    assert store.redeem("not-a-nonce", kind="hosted_auth") is None
    assert len(store) == 0


def test_nonces_are_distinct_and_their_grants_immutable() -> None:
    store = NonceStore()
    extra = {"k": "v"}
    nonces = {store.issue(client_id="c", kind="oauth", subject_id="sia_1", extra=extra) for _ in range(50)}
    assert len(nonces) == 50
    extra["k"] = "changed"  # the grant keeps what was issued
    grant = store.redeem(next(iter(nonces)), kind="oauth")
    assert grant is not None and grant.extra["k"] == "v"
    with pytest.raises(TypeError):
        grant.extra["k"] = "x"  # type: ignore[index]
    with pytest.raises(AttributeError):
        grant.subject_id = "other"  # type: ignore[misc]


def test_a_nonce_for_another_kind_gives_nothing_and_stays_redeemable() -> None:
    store = NonceStore()
    nonce = store.issue(client_id="c", kind="oauth", subject_id="sia_1")
    assert store.redeem(nonce, kind="hosted_auth") is None
    grant = store.redeem(nonce, kind="oauth")
    assert grant is not None and grant.subject_id == "sia_1" and dict(grant.extra) == {}


def test_nonces_expire_with_the_clock_when_given_a_lifetime() -> None:
    now = [1_000]
    store = NonceStore(now=lambda: now[0], lifetime_ms=500)
    early = store.issue(client_id="c", kind="k", subject_id="s")
    late = store.issue(client_id="c", kind="k", subject_id="s")
    now[0] += 499
    assert store.redeem(early, kind="k") is not None
    now[0] += 1
    assert store.redeem(late, kind="k") is None
    with pytest.raises(ValueError):
        NonceStore(lifetime_ms=10)


def test_discard_client_forgets_only_that_clients_nonces() -> None:
    store = NonceStore()
    mine = store.issue(client_id="c1", kind="k", subject_id="s")
    theirs = store.issue(client_id="c2", kind="k", subject_id="s")
    store.discard_client("c1")
    assert store.redeem(mine, kind="k") is None
    assert store.redeem(theirs, kind="k") is not None


def test_concurrent_redeems_let_exactly_one_win() -> None:
    store = NonceStore()
    nonce = store.issue(client_id="c", kind="k", subject_id="s")
    wins: list[Grant] = []
    barrier = threading.Barrier(8)

    def attempt() -> None:
        barrier.wait()
        grant = store.redeem(nonce, kind="k")
        if grant is not None:
            wins.append(grant)

    threads = [threading.Thread(target=attempt) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(wins) == 1


def test_the_emulator_holds_and_configures_both() -> None:
    emulator = Emulator(redirect_allowlist=["myapp://callback"], nonce_lifetime_ms=1_000)
    assert emulator.redirect_allowlist.allows("myapp://callback")
    assert not emulator.redirect_allowlist.allows("http://127.0.0.1:8765/")
    emulator.redirect_allowlist = None
    assert emulator.redirect_allowlist.allows("http://127.0.0.1:8765/")
    emulator.redirect_allowlist = RedirectAllowlist(["https://x.example/cb"])
    assert emulator.redirect_allowlist.entries == ("https://x.example/cb",)
    emulator.clock.freeze()
    nonce = emulator.nonces.issue(client_id="c", kind="k", subject_id="s")
    emulator.clock.advance(1.0)
    assert emulator.nonces.redeem(nonce, kind="k") is None
    assert "pending" in repr(emulator.nonces) and nonce not in repr(emulator.nonces)
    assert "x.example" in repr(emulator.redirect_allowlist)
