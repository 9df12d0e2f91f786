"""Publishable key decoding (FAPI.md §1) and frontend_api normalisation."""

from __future__ import annotations

import base64

import pytest
from clerk_fapi import AsyncClient, ClerkError, Client, ConfigurationError


def _key(prefix: str, text: str) -> str:
    return prefix + base64.b64encode(text.encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("pk_test_Zm9vLWJhci0xMy5jbGVyay5hY2NvdW50cy5kZXYk", "https://foo-bar-13.clerk.accounts.dev"),
        (
            "pk_live_ZmFrZS1jbGVyay10ZXN0LmNsZXJrLmFjY291bnRzLmRldiQ",
            "https://fake-clerk-test.clerk.accounts.dev",
        ),
    ],
)
@pytest.mark.parametrize("cls", [Client, AsyncClient])
def test_publishable_key_decodes_to_the_frontend_api_host(
    cls: type[Client] | type[AsyncClient], key: str, expected: str
) -> None:
    client = cls(publishable_key=key)
    assert client.frontend_api == expected


def test_padded_publishable_key_is_accepted() -> None:
    # Some dashboards copy the key with base64 padding; the host is the same.
    key = _key("pk_test_", "clerk.example.com$")
    padded = "pk_test_" + base64.b64encode(b"clerk.example.com$").decode()
    assert Client(publishable_key=key).frontend_api == "https://clerk.example.com"
    assert Client(publishable_key=padded).frontend_api == "https://clerk.example.com"


INVALID_KEYS = {
    "no dot in the host": "pk_live_aW52YWxpZGtleSQ=",
    "text after the dollar": _key("pk_test_", "clerk.example.com$extra"),
    "two dollars": _key("pk_test_", "clerk.example$.com$"),
    "no dollar": _key("pk_test_", "clerk.example.com"),
    "wrong prefix": _key("sk_test_", "clerk.example.com$"),
    "publishable prefix of another product": _key("pk_prod_", "clerk.example.com$"),
    "not base64": "pk_test_!!!not-base64!!!",
    "empty after the prefix": "pk_test_",
}


@pytest.mark.parametrize("key", list(INVALID_KEYS.values()), ids=list(INVALID_KEYS))
def test_invalid_publishable_key_raises_configuration_error_without_echoing_it(key: str) -> None:
    with pytest.raises(ConfigurationError) as info:
        Client(publishable_key=key)
    message = str(info.value)
    assert "publishable_key" in message
    assert key not in message
    # The encoded part is the secret-looking bit; it must not be quoted either.
    encoded = key.split("_", 2)[-1]
    if len(encoded) > 4:
        assert encoded not in message
    assert isinstance(info.value, ClerkError)


@pytest.mark.parametrize(
    ("key", "problem"),
    [
        ("pk_live_aW52YWxpZGtleSQ=", "host"),
        (_key("pk_test_", "a.b$c"), "$"),
        (_key("sk_test_", "clerk.example.com$"), "pk_test_"),
    ],
)
def test_invalid_publishable_key_message_names_the_problem(key: str, problem: str) -> None:
    with pytest.raises(ConfigurationError, match=problem.replace("$", r"\$")):
        Client(publishable_key=key)


def test_an_invalid_key_is_rejected_even_with_an_explicit_frontend_api() -> None:
    with pytest.raises(ConfigurationError):
        Client(publishable_key="pk_live_aW52YWxpZGtleSQ=", frontend_api="https://clerk.example.com")


def test_neither_key_nor_frontend_api_is_a_configuration_error() -> None:
    with pytest.raises(ConfigurationError):
        Client()


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("https://clerk.example.com", "https://clerk.example.com"),
        ("https://clerk.example.com/", "https://clerk.example.com"),
        ("clerk.example.com", "https://clerk.example.com"),
        ("  https://clerk.example.com  ", "https://clerk.example.com"),
        ("https://clerk.example.com:8443", "https://clerk.example.com:8443"),
        ("http://127.0.0.1:8123", "http://127.0.0.1:8123"),
        ("http://localhost:8123", "http://localhost:8123"),
        ("http://[::1]:8123", "http://[::1]:8123"),
    ],
)
@pytest.mark.parametrize("cls", [Client, AsyncClient])
def test_frontend_api_is_normalised(cls: type[Client] | type[AsyncClient], given: str, expected: str) -> None:
    assert cls(frontend_api=given).frontend_api == expected


@pytest.mark.parametrize(
    "given",
    [
        "http://clerk.example.com",  # plain http off loopback would send the client token in clear
        "http://10.0.0.5:8080",
        "ftp://clerk.example.com",
        "https://clerk.example.com/v1",
        "",
        "https://",
    ],
)
def test_bad_frontend_api_is_a_configuration_error(given: str) -> None:
    with pytest.raises(ConfigurationError):
        Client(frontend_api=given)


@pytest.mark.parametrize("timeout", [None, 0, -1, "5"])
def test_a_timeout_that_would_wait_forever_or_is_not_a_number_is_refused(timeout: object) -> None:
    with pytest.raises(ConfigurationError):
        Client(frontend_api="https://clerk.example.com", timeout=timeout)  # type: ignore[arg-type]


def test_negative_max_retries_is_refused() -> None:
    with pytest.raises(ConfigurationError):
        Client(frontend_api="https://clerk.example.com", max_retries=-1)


def test_http_client_and_transport_together_are_refused() -> None:
    import httpx

    with httpx.Client() as http, pytest.raises(ConfigurationError):
        Client(
            frontend_api="https://clerk.example.com", http_client=http, transport=httpx.MockTransport(print)
        )


def test_a_retry_policy_keeps_its_max_retries_unless_max_retries_is_given() -> None:
    from clerk_fapi import RetryPolicy

    policy = RetryPolicy(max_retries=5, backoff=0.1)
    assert Client(frontend_api="https://clerk.example.com", retry_policy=policy).retry_policy.max_retries == 5
    overridden = Client(frontend_api="https://clerk.example.com", retry_policy=policy, max_retries=0)
    assert overridden.retry_policy.max_retries == 0
    assert overridden.retry_policy.backoff == 0.1
    assert Client(frontend_api="https://clerk.example.com").retry_policy.max_retries == 2


@pytest.mark.parametrize("kwargs", [{"max_retries": -1}, {"backoff": -0.5}, {"max_retry_after": "soon"}])
def test_a_bad_retry_policy_is_a_configuration_error(kwargs: dict[str, object]) -> None:
    from clerk_fapi import ConfigurationError, RetryPolicy

    with pytest.raises(ConfigurationError):
        RetryPolicy(**kwargs)  # type: ignore[arg-type]
