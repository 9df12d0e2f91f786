# ruff: noqa: F811 - the imported fixtures are parameters of the tests below
"""What the constructor accepts, the first call can use: bad keys, URLs and values are refused at once.

Each value here used to be accepted, then fail the first call with ``httpx.InvalidURL``,
``UnicodeEncodeError``, ``idna`` errors or a socket error, or be used as is (an infinite timeout).
"""

from __future__ import annotations

import base64
import math
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from clerk_fapi import AsyncClient, Client, ConfigurationError, MemoryTokenStore, RetryPolicy

from .conftest import AnyClient, call

# Fixtures shared with the sibling module (pytest finds them by name in this module's namespace).
from .test_only_clerk_errors import Scripted, scripted, signed_in  # noqa: F401

BAD_HOSTS = {
    "nul": "exa\x00mple.com",
    "newline": "exa\nmple.com",
    "tab": "example.com\t.evil",
    "space": "ex ample.com",
    "port_too_big": "example.com:99999",
    "port_zero": "example.com:0",
    "port_not_a_number": "example.com:abc",
    "bad_idna": "xn--a.com",
    "snowman_empty_label": "\u2603..com",
    "empty_label": "clerk..example.com",
    "label_too_long": "a" * 64 + ".example.com",
    "host_too_long": ".".join(["a" * 60] * 5) + ".com",
    "unclosed_ipv6": "[::1",
    "surrogate": "clerk\ud800.example.com",
}


@pytest.mark.parametrize("host", list(BAD_HOSTS.values()), ids=list(BAD_HOSTS))
@pytest.mark.parametrize("cls", [Client, AsyncClient])
def test_a_frontend_api_the_first_call_would_reject_is_refused_by_the_constructor(
    cls: type[Client] | type[AsyncClient], host: str
) -> None:
    with pytest.raises(ConfigurationError):
        cls(frontend_api="https://" + host)


@pytest.mark.parametrize("host", list(BAD_HOSTS.values()), ids=list(BAD_HOSTS))
def test_a_publishable_key_for_a_host_the_first_call_would_reject_is_refused(host: str) -> None:
    encoded = base64.b64encode((host + "$").encode("utf-8", "surrogatepass")).decode().rstrip("=")
    with pytest.raises(ConfigurationError):
        Client("pk_test_" + encoded)


@pytest.mark.parametrize(
    "given",
    ["javascript:alert(1)", "data:text/html,hi", "file:///etc/passwd", "about:blank", "ws://127.0.0.1:1"],
)
def test_a_frontend_api_with_another_scheme_is_refused(given: str) -> None:
    with pytest.raises(ConfigurationError, match="http"):
        Client(frontend_api=given)


@pytest.mark.parametrize(
    "given",
    [
        "https://user:hunter2-secret@clerk.example.com",
        "https://:hunter2-secret@clerk.example.com",
        "hunter2-secret@x.io",
    ],
)
def test_an_error_about_a_frontend_api_with_credentials_does_not_repeat_them(given: str) -> None:
    with pytest.raises(ConfigurationError) as info:
        Client(frontend_api=given)
    assert "hunter2-secret" not in str(info.value)
    assert "hunter2-secret" not in repr(info.value)
    assert "credentials" in str(info.value)


def test_an_internationalised_host_name_is_accepted() -> None:
    client = Client(frontend_api="https://bücher.example")
    assert httpx.URL(client.frontend_api + "/v1/client").host == "bücher.example"


@pytest.mark.parametrize(
    "timeout",
    [
        math.inf,
        -math.inf,
        math.nan,
        httpx.Timeout(math.inf),
        httpx.Timeout(5.0, read=math.nan),
        httpx.Timeout(5.0, connect=-1.0),
    ],
    ids=["inf", "minus_inf", "nan", "timeout_inf", "timeout_read_nan", "timeout_connect_negative"],
)
def test_a_timeout_that_is_not_a_finite_positive_number_is_refused(timeout: object) -> None:
    with pytest.raises(ConfigurationError, match="timeout"):
        Client(frontend_api="https://clerk.example.com", timeout=timeout)  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["api_version", "origin", "testing_token"])
@pytest.mark.parametrize(
    "value",
    ["2026-05-12\r\nX-Injected: 1", "a\x00b", "é-version", "a\ud800", "x" * 10_000],
    ids=["crlf", "nul", "non_ascii", "surrogate", "over_long"],
)
def test_a_header_or_query_value_that_cannot_be_sent_is_refused(name: str, value: str) -> None:
    with pytest.raises(ConfigurationError, match=name):
        Client(frontend_api="https://clerk.example.com", **{name: value})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"max_retry_after": math.inf},
        {"max_retry_after": math.nan},
        {"backoff": math.nan},
        {"max_backoff": math.inf},
        {"backoff": math.inf},
    ],
    ids=["max_retry_after_inf", "max_retry_after_nan", "backoff_nan", "max_backoff_inf", "backoff_inf"],
)
def test_a_retry_policy_with_a_wait_that_is_not_finite_is_refused(kwargs: dict[str, float]) -> None:
    with pytest.raises(ConfigurationError, match="RetryPolicy"):
        RetryPolicy(**kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"timeout": 2.5},
        {"timeout": httpx.Timeout(5.0, connect=1.0)},
        {
            "api_version": "2025-11-10",
            "origin": "https://app.example.com",
            "testing_token": "1713792000-AbC_d",
        },
    ],
    ids=["float_timeout", "httpx_timeout", "header_values"],
)
def test_good_values_are_still_accepted(kwargs: dict[str, object]) -> None:
    Client(frontend_api="https://clerk.example.com", **kwargs)  # type: ignore[arg-type]


# ----- ids and form values are checked before anything is sent ----------------------------------
async def refused_before_sending(
    client: AnyClient, scripted: Scripted, store: MemoryTokenStore, operation: Callable[[], Any]
) -> ConfigurationError:
    before, token, sent = client.state, store.get("client"), scripted.sent
    with pytest.raises(ConfigurationError) as info:
        await call(operation())
    assert scripted.sent == sent
    assert client.state is before
    assert store.get("client") == token
    return info.value


@pytest.mark.parametrize("template", [".", "..", "", "a\ud800", "t" * 1000])
async def test_a_template_name_httpx_would_normalise_or_cannot_send_is_refused(
    signed_in: AnyClient, scripted: Scripted, store: MemoryTokenStore, template: str
) -> None:
    error = await refused_before_sending(
        signed_in, scripted, store, lambda: signed_in.get_token(template=template)
    )
    assert "template" in str(error)


@pytest.mark.parametrize("session_id", [".", "..", "", "s\udfff", "s" * 1000])
async def test_a_session_id_httpx_would_normalise_or_cannot_send_is_refused(
    signed_in: AnyClient, scripted: Scripted, store: MemoryTokenStore, session_id: str
) -> None:
    await refused_before_sending(signed_in, scripted, store, lambda: signed_in.set_active(session_id))


async def test_a_dot_id_sent_by_the_server_is_not_normalised_away(
    signed_in: AnyClient, scripted: Scripted, store: MemoryTokenStore
) -> None:
    import attrs

    session = signed_in.sessions[0]
    dotted = signed_in._bind_session(attrs.evolve(session, id=".."))  # as if the server had sent it
    await refused_before_sending(signed_in, scripted, store, lambda: dotted.get_token(skip_cache=True))


@pytest.mark.parametrize(
    "fields",
    [
        {"identifier": "jane\ud800@example.com"},
        {"identifier": "jane@example.com", "password": "p\udfffw"},
        {"identifier": "x" * 70_000 + "@example.com"},
        {"identifier": "jane@example.com", "password": "p" * 70_000},
    ],
    ids=["identifier_surrogate", "password_surrogate", "identifier_over_long", "password_over_long"],
)
async def test_a_form_value_that_cannot_be_sent_is_refused_and_not_quoted(
    signed_in: AnyClient, scripted: Scripted, store: MemoryTokenStore, fields: dict[str, str]
) -> None:
    fields = dict(fields)
    identifier = fields.pop("identifier")
    error = await refused_before_sending(
        signed_in, scripted, store, lambda: signed_in.start_sign_in(identifier, **fields)
    )
    assert "jane" not in str(error) and "pw" not in str(error)


@pytest.mark.parametrize("value", ["x\ud800", "y" * 70_000])
async def test_a_sign_up_field_that_cannot_be_sent_is_refused(
    signed_in: AnyClient, scripted: Scripted, store: MemoryTokenStore, value: str
) -> None:
    await refused_before_sending(
        signed_in, scripted, store, lambda: signed_in.start_sign_up(first_name=value)
    )


@pytest.mark.parametrize("session", [123, None, object()], ids=["int", "none", "object"])
async def test_set_active_with_something_that_is_not_a_session_is_refused(
    signed_in: AnyClient, scripted: Scripted, store: MemoryTokenStore, session: object
) -> None:
    await refused_before_sending(signed_in, scripted, store, lambda: signed_in.set_active(session))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "key",
    [
        "pk_test_\x00abc",
        "pk_test_Y2xlcmsuZXhhbXBsZS5jb20k\n",
        "pk_test_é",
        "pk_test_\ud800",
        "pk_live_" + "A" * 100_000,
    ],
    ids=["nul", "newline", "non_ascii", "surrogate", "over_long"],
)
def test_a_publishable_key_with_control_or_non_ascii_characters_is_refused(key: str) -> None:
    with pytest.raises(ConfigurationError) as info:
        Client(key)
    assert key not in str(info.value)
