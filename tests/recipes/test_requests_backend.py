"""Recipe: the same backend called with `requests` (`RequestsSessionAuth`, the `requests` extra)."""

from __future__ import annotations

import requests
from clerk_fapi import Client, RequestsSessionAuth
from clerk_fapi._ops import tokens
from clerk_fapi._sentinel import NOT_GIVEN
from clerk_fapi.testing import SeededUser


def _cache_a_refused_token(client: Client, token: str) -> None:
    session_id = client.last_active_session_id or ""
    header, payload, signature = token.split(".")
    key = tokens.key(client, session_id, None, NOT_GIVEN)
    client._tokens.put(key, f"{header}.{payload}.{signature[::-1]}", remaining=60)


def test_requests_carries_the_token(clerk_client: Client, backend_url: str, clerk_user: SeededUser) -> None:
    response = requests.get(f"{backend_url}/me", auth=RequestsSessionAuth(clerk_client), timeout=10)
    assert response.status_code == 200 and response.json()["user_id"] == clerk_user.id


def test_requests_resends_a_get_once_after_a_401(clerk_client: Client, backend_url: str) -> None:
    _cache_a_refused_token(clerk_client, clerk_client.get_token() or "")
    response = requests.get(f"{backend_url}/me", auth=RequestsSessionAuth(clerk_client), timeout=10)
    assert response.status_code == 200
    assert [r.status_code for r in response.history] == [401]


def test_requests_does_not_resend_a_post(clerk_client: Client, backend_url: str) -> None:
    _cache_a_refused_token(clerk_client, clerk_client.get_token() or "")
    response = requests.post(f"{backend_url}/notes", auth=RequestsSessionAuth(clerk_client), timeout=10)
    assert response.status_code == 401 and response.history == []
