"""Error answers become typed exceptions; bodies that break the contract become ResponseParseError."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from clerk_fapi import (
    AuthenticationError,
    BadRequestError,
    ClerkAPIError,
    ClerkConnectionError,
    ClerkError,
    ClerkTimeoutError,
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseParseError,
    ServerError,
    UnprocessableEntityError,
)
from clerk_fapi.testing import Emulator, SeededUser

from .conftest import PASSWORD, AnyClient, call

ERROR_BODY = {
    "errors": [
        {
            "code": "form_param_unknown",
            "message": "Is unknown",
            "long_message": "first_nam is not a valid parameter for this request.",
            "meta": {"param_name": "first_nam"},
        },
        {
            "code": "form_param_missing",
            "message": "is missing",
            "long_message": "Enter a password.",
            "meta": {},
        },
    ],
    "meta": {},
    "clerk_trace_id": "trace_0123456789abcdef",
}


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (409, ConflictError),
        (422, UnprocessableEntityError),
        (429, RateLimitError),
        (500, ServerError),
        (502, ServerError),
        (503, ServerError),
        (504, ServerError),
        (418, ClerkAPIError),
    ],
)
async def test_each_error_status_maps_to_its_exception_class(
    make_client: Callable[..., AnyClient], emu: Emulator, status: int, cls: type[ClerkAPIError]
) -> None:
    client = make_client(transport=emu.transport(), max_retries=0)
    emu.inject_fault("/v1/client", status=status, body=ERROR_BODY, retry_after=7 if status == 429 else None)
    with pytest.raises(cls) as info:
        await call(client.reload())
    error = info.value
    assert type(error) is cls
    assert isinstance(error, ClerkAPIError) and isinstance(error, ClerkError)
    assert error.status_code == status
    assert error.code == "form_param_unknown"
    assert error.trace_id == "trace_0123456789abcdef"
    if status == 429:
        assert isinstance(error, RateLimitError)
        assert error.retry_after == 7


async def test_api_error_carries_every_error_detail(
    make_client: Callable[..., AnyClient], emu: Emulator
) -> None:
    client = make_client(transport=emu.transport(), max_retries=0)
    emu.inject_fault("/v1/client", status=422, body=ERROR_BODY)
    with pytest.raises(UnprocessableEntityError) as info:
        await call(client.reload())
    error = info.value
    assert [e.code for e in error.errors] == ["form_param_unknown", "form_param_missing"]
    first = error.errors[0]
    assert first.message == "Is unknown"
    assert first.long_message == "first_nam is not a valid parameter for this request."
    assert dict(first.meta) == {"param_name": "first_nam"}
    assert error.retry_after is None
    message = str(error)
    assert "422" in message
    assert "form_param_unknown" in message
    assert "first_nam is not a valid parameter for this request." in message
    assert "trace_0123456789abcdef" in message


async def test_wrong_password_is_unprocessable_with_the_emulators_trace_id(
    client: AnyClient, user: SeededUser
) -> None:
    with pytest.raises(UnprocessableEntityError) as info:
        await call(client.sign_in_with_password(user.identifier, "not-the-password-1"))
    assert info.value.code == "form_password_incorrect"
    assert info.value.trace_id
    assert info.value.trace_id in str(info.value)
    assert "form_password_incorrect" in str(info.value)


async def test_trace_id_falls_back_to_the_response_header(
    make_client: Callable[..., AnyClient], emu: Emulator
) -> None:
    client = make_client(transport=emu.transport(), max_retries=0)
    body = {"errors": [{"code": "resource_not_found", "message": "not found"}]}
    emu.inject_fault("/v1/client", status=404, body=body, headers={"X-Clerk-Trace-Id": "trace_from_header"})
    with pytest.raises(NotFoundError) as info:
        await call(client.reload())
    assert info.value.trace_id == "trace_from_header"


@pytest.mark.parametrize(
    "body",
    [
        # A real bot_detected answer: no long_message, no meta, no trace id.
        {"errors": [{"code": "bot_detected", "message": "Bot traffic detected"}]},
        {"errors": [{}]},
        {"errors": []},
        {"errors": [{"code": "x", "message": None, "long_message": None, "meta": None}]},
        {},
    ],
    ids=["bot_detected", "empty_error", "no_errors", "nulls", "empty_body"],
)
async def test_error_bodies_with_missing_fields_still_give_a_typed_error(
    make_client: Callable[..., AnyClient], emu: Emulator, body: dict[str, Any]
) -> None:
    client = make_client(transport=emu.transport(), max_retries=0)
    emu.inject_fault("/v1/client", status=429, body=body, headers={"Retry-After": "1"})
    with pytest.raises(RateLimitError) as info:
        await call(client.reload())
    assert info.value.status_code == 429
    assert "429" in str(info.value)
    if body.get("errors") and body["errors"][0].get("code"):
        assert info.value.code == body["errors"][0]["code"]
    else:
        assert info.value.code is None


@pytest.mark.parametrize(
    ("content", "content_type"),
    [
        (b"<html><body>502 Bad Gateway</body></html>", "text/html"),
        (b"", "application/json"),
        (b'{"errors": [', "application/json"),
        (b'{"errors": null}', "application/json"),
        (b'{"errors": [null, 5, "x"]}', "application/json"),
        (b'{"errors": [{"code": 5, "meta": "nope"}]}', "application/json"),
        (b'"just a string"', "application/json"),
        (b"[1, 2]", "application/json"),
        (b"\xff\xfe\x00garbage", "application/octet-stream"),
    ],
)
async def test_error_status_with_a_broken_body_is_still_a_typed_api_error(
    make_client: Callable[..., AnyClient], content: bytes, content_type: str
) -> None:
    transport = httpx.MockTransport(
        lambda request: httpx.Response(503, content=content, headers={"Content-Type": content_type})
    )
    client = make_client(transport=transport, max_retries=0)
    with pytest.raises(ServerError) as info:
        await call(client.reload())
    assert info.value.status_code == 503
    assert "503" in str(info.value)


# ----- answers that break the contract ------------------------------------------------------------------
PARSE_FAULTS: dict[str, dict[str, Any]] = {
    "html_200": {"status": 200, "html": True},
    "truncated_json": {"status": 200, "body": '{"response": {"object": "client", "id": "cli'},
    "wrong_shape": {"status": 200, "body": {"response": {"no_id": 1}}},
    "response_is_a_string": {"status": 200, "body": {"response": "client_123"}},
    "sessions_not_a_list": {
        "status": 200,
        "body": {"response": {"object": "client", "id": "c", "sessions": 3}},
    },
    "session_without_status": {
        "status": 200,
        "body": {"response": {"object": "client", "id": "c", "sessions": [{"id": "sess_1"}]}},
    },
    "timestamp_not_a_number": {
        "status": 200,
        "body": {"response": {"object": "client", "id": "c", "sessions": [], "updated_at": "yesterday"}},
    },
    "json_null": {"status": 200, "body": "null"},
    "json_number": {"status": 200, "body": "42"},
    # The contract: GET /v1/client answers {"response": <client or null>, "client": null}; a body
    # without "response" is not "no client".
    "no_response_key": {"status": 200, "body": {}},
    "json_list": {"status": 200, "body": "[]"},
    "client_id_not_a_string": {
        "status": 200,
        "body": {"response": {"object": "client", "id": 5, "sessions": []}},
    },
}


@pytest.mark.parametrize("fault", list(PARSE_FAULTS.values()), ids=list(PARSE_FAULTS))
async def test_a_body_that_breaks_the_contract_is_a_response_parse_error(
    make_client: Callable[..., AnyClient], emu: Emulator, fault: dict[str, Any]
) -> None:
    client = make_client(transport=emu.transport(), max_retries=0)
    await call(client.create())
    emu.inject_fault("/v1/client", method="GET", **fault)
    with pytest.raises(ResponseParseError) as info:
        await call(client.reload())
    error = info.value
    assert error.operation == "GET /v1/client"
    assert error.status_code == 200
    expected_type = "text/html" if fault.get("html") else "application/json"
    assert error.content_type is not None and error.content_type.startswith(expected_type)
    message = str(error)
    assert "GET /v1/client" in message
    assert "200" in message
    assert expected_type in message
    # What broke stays chained for debugging, and the message says why the body was refused.
    assert error.__cause__ is not None
    assert error.reason and error.reason in message


async def test_a_wrong_shape_answer_to_a_sign_in_is_a_parse_error_not_retried(
    client: AnyClient, emu: Emulator, user: SeededUser
) -> None:
    emu.inject_fault("/v1/client/sign_ins", status=200, body={"response": {"no_id": 1}, "client": None})
    with pytest.raises(ResponseParseError) as info:
        await call(client.sign_in_with_password(user.identifier, PASSWORD))
    assert info.value.operation == "POST /v1/client/sign_ins"
    assert emu.request_counts[("POST", "/v1/client/sign_ins")] == 1


async def test_a_body_truncated_by_the_connection_is_a_connection_error(
    make_client: Callable[..., AnyClient], emu: Emulator
) -> None:
    client = make_client(transport=emu.transport(), max_retries=0)
    emu.inject_fault("/v1/client", truncate=True)
    with pytest.raises(ClerkConnectionError) as info:
        await call(client.reload())
    assert not isinstance(info.value, ClerkTimeoutError)
    assert info.value.operation == "GET /v1/client"


async def test_a_dropped_connection_is_a_connection_error(
    make_client: Callable[..., AnyClient], emu: Emulator
) -> None:
    client = make_client(transport=emu.transport(), max_retries=0)
    emu.inject_fault("/v1/client", drop_connection=True)
    with pytest.raises(ClerkConnectionError) as info:
        await call(client.reload())
    assert type(info.value) is ClerkConnectionError
    assert "GET /v1/client" in str(info.value)
    assert isinstance(info.value.__cause__, httpx.TransportError)


async def test_a_delay_longer_than_the_timeout_is_a_timeout_error(
    make_client: Callable[..., AnyClient], emu: Emulator
) -> None:
    client = make_client(transport=emu.transport(), max_retries=0, timeout=0.05)
    emu.inject_fault("/v1/client", delay=0.5)
    with pytest.raises(ClerkTimeoutError) as info:
        await call(client.reload())
    assert isinstance(info.value, ClerkConnectionError)
    assert info.value.operation == "GET /v1/client"


async def test_a_short_delay_within_the_timeout_succeeds(
    make_client: Callable[..., AnyClient], emu: Emulator
) -> None:
    client = make_client(transport=emu.transport(), max_retries=0, timeout=1.0)
    emu.inject_fault("/v1/client", method="PUT", delay=0.02)
    await call(client.create())
    assert client.id is not None


def test_connection_refused_on_loopback_is_a_connection_error() -> None:
    import socket

    from clerk_fapi import Client

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    # Nothing listens on the port now.
    with (
        Client(frontend_api=f"http://127.0.0.1:{port}", max_retries=0) as client,
        pytest.raises(ClerkConnectionError),
    ):
        client.reload()


@pytest.mark.parametrize(
    "exc",
    [
        httpx.ConnectError("refused"),
        httpx.ReadError("reset"),
        httpx.WriteTimeout("slow"),
        httpx.PoolTimeout("pool"),
        httpx.RemoteProtocolError("bad"),
        httpx.ProxyError("proxy"),
        httpx.UnsupportedProtocol("h3"),
    ],
    ids=lambda e: type(e).__name__,
)
async def test_every_httpx_transport_error_becomes_a_clerk_error(
    make_client: Callable[..., AnyClient], exc: httpx.TransportError
) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise exc

    client = make_client(transport=httpx.MockTransport(handler), max_retries=0)
    with pytest.raises(ClerkConnectionError) as info:
        await call(client.reload())
    assert isinstance(info.value, ClerkTimeoutError) is isinstance(exc, httpx.TimeoutException)


@pytest.mark.parametrize(
    "content",
    [
        b"{",
        b"null",
        b'{"response": {"object": "client", "id": "c", "sessions": [null]}}',
        json.dumps(
            {
                "response": {
                    "object": "client",
                    "id": "c",
                    "sessions": [{"id": "s", "status": "active", "user": 5}],
                }
            }
        ).encode(),
        b'{"response": {"object": "client", "id": "c", "sign_in": {"id": 1}}}',
        b'{"response": {"object": "client", "id": "c", "sign_up": "x"}}',
        b'{"response": {"object": "client", "id": "c", "created_at": 1e400}}',
        b'{"response": {"object": "client", "id": "c", "created_at": 99999999999999999999999}}',
    ],
    ids=[
        "truncated",
        "null",
        "null_session",
        "user_not_object",
        "sign_in_id_not_str",
        "sign_up_not_object",
        "timestamp_inf",
        "timestamp_huge",
    ],
)
@pytest.mark.parametrize("operation", ["reload", "create"])
async def test_no_bare_python_exception_escapes_on_a_strange_success_body(
    make_client: Callable[..., AnyClient], content: bytes, operation: str
) -> None:
    transport = httpx.MockTransport(
        lambda request: httpx.Response(200, content=content, headers={"Content-Type": "application/json"})
    )
    client = make_client(transport=transport, max_retries=0)
    # Anything but a ResponseParseError (KeyError, ValueError, JSONDecodeError, TypeError,
    # OverflowError...) fails the test.
    with pytest.raises(ResponseParseError):
        await call(getattr(client, operation)())


ROTATED = "rotated-client-token-that-must-not-show-5b1e"


async def test_api_error_keeps_the_answer_and_shows_none_of_its_credentials(
    make_client: Callable[..., AnyClient], emu: Emulator
) -> None:
    """``error.response`` is the error answer, body read; its headers carry the rotated client token
    (and a cookie), which neither ``str`` nor ``repr`` of the error shows."""
    client = make_client(transport=emu.transport(), max_retries=0)
    emu.inject_fault(
        "/v1/client",
        status=422,
        body=ERROR_BODY,
        headers={"Authorization": ROTATED, "Set-Cookie": f"__client={ROTATED}; Path=/"},
    )
    with pytest.raises(UnprocessableEntityError) as info:
        await call(client.reload())
    error = info.value
    assert isinstance(error.response, httpx.Response)
    assert error.response.status_code == 422
    assert error.response.json() == ERROR_BODY
    assert error.response.headers["authorization"] == ROTATED
    assert error.response.request.url.path == "/v1/client"
    for shown in (str(error), repr(error), repr(info), str(error.args)):
        assert ROTATED not in shown
    assert "form_param_unknown" in repr(error)
