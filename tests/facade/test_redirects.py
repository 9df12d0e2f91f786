"""Redirects are never followed, even with a caller's http_client that follows them.

A 307/308 keeps the method and body: following one would re-post the sign-in form, password
included, to whatever host the answer names.
"""

from __future__ import annotations

import httpx
import pytest
from clerk_fapi import AsyncClient, ClerkAPIError, Client
from clerk_fapi.testing import Emulator

from .conftest import BASE_URL, PASSWORD, call

OTHER_HOST = "https://elsewhere.example.test"


def _redirecting(emu: Emulator, status: int, seen_elsewhere: list[httpx.Request]) -> httpx.MockTransport:
    inner = emu.transport()

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.host != httpx.URL(BASE_URL).host:
            request.read()
            seen_elsewhere.append(request)
            return httpx.Response(200, json={"response": None, "client": None})
        if request.url.path == "/v1/client/sign_ins":
            return httpx.Response(status, headers={"Location": OTHER_HOST + "/v1/client/sign_ins?x=1"})
        return inner.handle_request(request)

    return httpx.MockTransport(handler)


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
async def test_a_redirect_is_a_clear_error_and_the_password_never_leaves(
    kind: str, emu: Emulator, status: int
) -> None:
    emu.add_user(email_addresses="jane+clerk_test@example.com", password=PASSWORD)
    seen: list[httpx.Request] = []
    transport = _redirecting(emu, status, seen)
    client: Client | AsyncClient
    if kind == "sync":
        client = Client(
            frontend_api=BASE_URL, http_client=httpx.Client(transport=transport, follow_redirects=True)
        )
    else:
        client = AsyncClient(
            frontend_api=BASE_URL,
            http_client=httpx.AsyncClient(transport=transport, follow_redirects=True),
        )
    with pytest.raises(ClerkAPIError) as caught:
        await call(client.sign_in_with_password("jane+clerk_test@example.com", PASSWORD))
    assert seen == []
    assert caught.value.status_code == status
    message = str(caught.value)
    assert "redirect" in message and "elsewhere.example.test" in message
    assert "x=1" not in message  # the target's query is not repeated
