"""Browser mode honours Set-Cookie attributes as a browser would (``http.cookiejar`` semantics).

A ``__client`` cookie for another domain or another path is not one the browser would send us, so
it is not stored; ``Max-Age`` <= 0 or an ``Expires`` in the past deletes the cookie.
"""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest
from clerk_fapi import ClerkAPIError, MemoryTokenStore
from clerk_fapi.testing import Emulator

from .conftest import AnyClient, call
from .test_only_clerk_errors import Scripted


def production() -> Emulator:
    """A production instance: browser mode keeps the client in the ``__client`` cookie."""
    emu = Emulator()
    emu.instance_type = "production"
    return emu


# (Set-Cookie header, what is stored afterwards: "kept" = the previous token, None = deleted, else the value)
CASES: dict[str, tuple[str, str | None]] = {
    "plain": ("__client=fresh; Path=/; HttpOnly; SameSite=Lax", "fresh"),
    "max_age_positive": ("__client=fresh; Path=/; Max-Age=3600", "fresh"),
    "parent_domain": ("__client=fresh; Domain=example.test; Path=/", "fresh"),
    "parent_domain_dotted": ("__client=fresh; Domain=.example.test; Path=/", "fresh"),
    "secure_on_https": ("__client=fresh; Path=/; Secure", "fresh"),
    "default_path_covers_v1_client": ("__client=fresh", "fresh"),
    "path_v1": ("__client=fresh; Path=/v1", "fresh"),
    "expires_future": ("__client=fresh; Path=/; Expires=Fri, 01 Jan 2100 00:00:00 GMT", "fresh"),
    "other_domain": ("__client=evil; Domain=other.example; Path=/", "kept"),
    "sibling_domain": ("__client=evil; Domain=accounts.example.test; Path=/", "kept"),
    "top_level_domain": ("__client=evil; Domain=.test; Path=/", "kept"),
    "other_path": ("__client=elsewhere; Path=/somewhere-else", "kept"),
    "other_path_deleted": ("__client=; Path=/somewhere-else; Max-Age=0", "kept"),
    "other_domain_deleted": ("__client=; Domain=other.example; Path=/; Max-Age=0", "kept"),
    "max_age_zero": ("__client=; Path=/; Max-Age=0", None),
    "max_age_negative": ("__client=still-a-value; Path=/; Max-Age=-1", None),
    "expires_past": ("__client=still-a-value; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT", None),
    "parent_domain_deleted": ("__client=x; Domain=example.test; Path=/; Max-Age=-5", None),
    "other_cookie": ("__session=abc; Path=/", "kept"),
}


@pytest.mark.parametrize(("set_cookie", "expected"), list(CASES.values()), ids=list(CASES))
async def test_set_cookie_attributes_are_honoured(
    make_client: Callable[..., AnyClient], set_cookie: str, expected: str | None
) -> None:
    scripted = Scripted(production().transport())
    store = MemoryTokenStore()
    client = make_client(
        transport=scripted, token_store=store, mode="browser", dev_browser=False, max_retries=0
    )
    await call(client.create())
    previous = store.get("client")
    assert previous
    before = client.state
    scripted.answer = lambda request: httpx.Response(
        500, headers={"Set-Cookie": set_cookie}, json={"errors": []}
    )
    with pytest.raises(ClerkAPIError):
        await call(client.reload())
    assert client.state is before
    assert store.get("client") == (previous if expected == "kept" else expected)


async def test_the_last_client_cookie_of_an_answer_wins(make_client: Callable[..., AnyClient]) -> None:
    scripted = Scripted(production().transport())
    store = MemoryTokenStore()
    client = make_client(
        transport=scripted, token_store=store, mode="browser", dev_browser=False, max_retries=0
    )
    await call(client.create())
    scripted.answer = lambda request: httpx.Response(
        500,
        headers=[
            ("Set-Cookie", "__client=first; Path=/"),
            ("Set-Cookie", "__client=evil; Domain=other.example; Path=/"),
            ("Set-Cookie", "__client=second; Path=/"),
        ],
        json={"errors": []},
    )
    with pytest.raises(ClerkAPIError):
        await call(client.reload())
    assert store.get("client") == "second"
