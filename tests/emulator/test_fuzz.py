"""Property-based fuzzing: generated and malformed requests never get a 5xx (no faults armed) nor raise."""

from __future__ import annotations

import contextlib
import json
import logging
import re
import socket
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest
from clerk_fapi.testing import Emulator
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import PASSWORD, make_user, native_sign_in, strict_json

EMULATOR = Emulator()
USER = make_user(EMULATOR, totp_secret=True, backup_codes=["12345678"])
_boot = native_sign_in(EMULATOR, {"identifier": USER.identifier, "password": PASSWORD})
TOKEN = dict(_boot.headers)["Authorization"]
SIGN_IN_ID = _boot.json()["response"]["id"]
DEV_BROWSER = EMULATOR.handle("POST", "https://fapi.test/v1/dev_browser").json()["id"]

IDS = st.sampled_from([SIGN_IN_ID, "sess_x", "sua_y", "..", "%00", "", "a" * 300, "sia_" + "Z" * 27])
SEGMENTS = st.one_of(IDS, st.text(min_size=0, max_size=20))
PATHS = st.one_of(
    st.sampled_from(
        [
            "/v1/client",
            "/v1/client/sessions",
            "/v1/environment",
            "/v1/dev_browser",
            "/.well-known/jwks.json",
            "/v1/client/sign_ins",
            "/v1/client/sign_ups",
            "/",
            "/v1",
            "//v1//client",
        ]
    ),
    st.builds(lambda s: f"/v1/client/sessions/{s}", SEGMENTS),
    st.builds(
        lambda s, a: f"/v1/client/sessions/{s}/{a}",
        SEGMENTS,
        st.sampled_from(["touch", "end", "remove", "tokens", "tokens/tpl", "nope"]),
    ),
    st.builds(
        lambda s, a: f"/v1/client/sign_ins/{s}/{a}",
        SEGMENTS,
        st.sampled_from(
            [
                "prepare_first_factor",
                "attempt_first_factor",
                "prepare_second_factor",
                "attempt_second_factor",
                "reset_password",
                "",
            ]
        ),
    ),
    st.builds(
        lambda s, a: f"/v1/client/sign_ups/{s}/{a}",
        SEGMENTS,
        st.sampled_from(["prepare_verification", "attempt_verification", ""]),
    ),
    st.text(max_size=40).map(lambda t: "/" + t),
)
FIELDS = st.sampled_from(
    [
        "identifier",
        "password",
        "strategy",
        "code",
        "ticket",
        "email_address",
        "phone_number",
        "username",
        "first_name",
        "unsafe_metadata",
        "legal_accepted",
        "transfer",
        "organization_id",
        "active_organization_id",
        "intent",
        "sign_out_of_other_sessions",
        "email_address_id",
        "phone_number_id",
        "email_address_or_phone_number",
    ]
) | st.text(max_size=10)
VALUES = st.one_of(
    st.sampled_from(
        [
            "",
            "true",
            "false",
            "maybe",
            "totp",
            "backup_code",
            "email_code",
            "phone_code",
            "password",
            "ticket",
            "reset_password_email_code",
            "email_link",
            "424242",
            USER.identifier,
            PASSWORD,
            "{}",
            "[]",
            "{bad",
            "+15555550100",
            "x@y.z",
            "select_org",
        ]
    ),
    st.text(max_size=30),
)
FORMS = st.dictionaries(FIELDS, VALUES, max_size=6).map(lambda d: urlencode(d).encode())
BODIES = st.one_of(FORMS, st.binary(max_size=60), st.just(json.dumps({"identifier": 1}).encode()))
QUERIES = st.dictionaries(
    st.sampled_from(
        [
            "_is_native",
            "__clerk_db_jwt",
            "__dev_session",
            "expired_token",
            "__clerk_api_version",
            "__clerk_testing_token",
            "x",
        ]
    ),
    st.sampled_from(["1", "true", "0", "", DEV_BROWSER, "garbage"]) | st.text(max_size=8),
    max_size=3,
)
HEADERS = st.fixed_dictionaries(
    {},
    optional={
        "Authorization": st.sampled_from(["", TOKEN, "Bearer", "Bearer " + TOKEN, "a.b.c", "x"])
        | st.text(max_size=20),
        "Origin": st.sampled_from(["https://example.com", ""]),
        "Cookie": st.sampled_from(["__client=" + TOKEN, "__client=bad", "===;;;", ""]),
        "Content-Type": st.sampled_from(
            ["application/x-www-form-urlencoded", "application/json", "text/plain"]
        ),
        "clerk-api-version": st.sampled_from(["2026-05-12", "banana"]),
    },
)
METHODS = st.sampled_from(
    ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "TRACE", "get", "BREW"]
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(method=METHODS, path=PATHS, query=QUERIES, headers=HEADERS, body=BODIES)
def test_no_request_gets_a_5xx_or_an_exception(
    method: str, path: str, query: dict[str, str], headers: dict[str, str], body: bytes
) -> None:
    url = "https://fapi.test" + path.replace("?", "%3F").replace("#", "%23")
    if query:
        url += "?" + urlencode(query)
    reply = EMULATOR.handle(method, url, headers, body)
    assert 200 <= reply.status < 500, (reply.status, reply.body[:300])
    if reply.body:
        payload: Any = strict_json(reply.body)
        if reply.status >= 400:
            assert payload["errors"][0]["code"] and payload["clerk_trace_id"]


@settings(max_examples=50, deadline=None)
@given(data=st.dictionaries(FIELDS, VALUES, max_size=8))
def test_every_sign_up_form_answers_200_or_422(data: dict[str, str]) -> None:
    emulator = EMULATOR
    reply = emulator.handle(
        "POST",
        "https://fapi.test/v1/client/sign_ups?_is_native=1",
        {"Authorization": ""},
        urlencode(data).encode(),
    )
    assert reply.status in (200, 400, 422), reply.body[:300]


# JSON texts as a client might send them as `unsafe_metadata`: any shape and number (NaN and infinities
# included, as Python writes them), nested a little or absurdly deep, or just broken.
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=12,
)
METADATA = st.one_of(
    st.dictionaries(st.text(max_size=6), JSON_VALUES, max_size=4).map(json.dumps),
    st.builds(
        lambda depth, opener, closer, leaf: '{"k":' + opener * depth + leaf + closer * depth + "}",
        st.integers(min_value=1, max_value=20_000),
        st.sampled_from(["[", '{"a":', "[1,"]),
        st.sampled_from(["]", "}", "]"]),
        st.sampled_from(["1", "NaN", "Infinity", "-Infinity", "1e999", '"x"', ""]),
    ),
    st.sampled_from(['{"a": NaN}', '{"a": -Infinity}', '{"a": 1e400}', '{"a": ' + "9" * 5000 + "}"]),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(metadata=METADATA, update=st.booleans())
def test_any_unsafe_metadata_answers_200_or_a_422_in_strict_json(metadata: str, update: bool) -> None:
    path = "https://fapi.test/v1/client/sign_ups"
    form = urlencode({"unsafe_metadata": metadata}).encode()
    if update:
        created = EMULATOR.handle("POST", path + "?_is_native=1", {"Authorization": ""})
        assert created.status == 200
        token = dict(created.headers)["Authorization"]
        reply = EMULATOR.handle(
            "PATCH", f"{path}/{created.json()['response']['id']}?_is_native=1", {"Authorization": token}, form
        )
    else:
        reply = EMULATOR.handle("POST", path + "?_is_native=1", {"Authorization": ""}, form)
    payload = strict_json(reply.body)
    assert reply.status in (200, 422), (reply.status, reply.body[:300])
    if reply.status == 422:
        error = payload["errors"][0]
        assert error["code"] == "form_param_format_invalid"
        assert error["meta"]["param_name"] == "unsafe_metadata"
    else:
        assert payload["response"]["unsafe_metadata"] == json.loads(metadata)


LINE_ENDS = st.sampled_from(["\r\n", "\n"])
HEADER_VALUES = (
    st.sampled_from(["chunked", "100-continue", "close", "keep-alive", "-1", "1e3", " 7", TOKEN])
    | st.integers(min_value=-5, max_value=10**15).map(str)
    | st.text(max_size=30)
)
RAW_HEADERS = st.lists(
    st.tuples(
        st.sampled_from(
            ["Content-Length", "Transfer-Encoding", "Authorization", "Cookie", "Host", "Expect", "Connection"]
        )
        | st.text(max_size=12),
        HEADER_VALUES,
    ),
    max_size=5,
)
# Announced body sizes: none, small, either side of the server's cap, absurd.
CONTENT_LENGTHS = st.none() | st.sampled_from([0, 5, 1024 * 1024, 1024 * 1024 + 1, 10**12, 2**63]).map(str)
RAW_REQUESTS = st.one_of(
    st.builds(
        lambda method, path, version, length, headers, end, body: (
            f"{method} {path} {version}{end}".encode()
            + (f"Content-Length: {length}{end}".encode() if length is not None else b"")
            + b"".join(f"{name}: {value}{end}".encode() for name, value in headers)
            + end.encode()
            + body
        ),
        METHODS | st.text(max_size=6),
        PATHS | st.just("/v1/environment?_is_native=1"),
        st.just("HTTP/1.1") | st.sampled_from(["HTTP/1.0", "HTTP/9.9", "", "HTTP/1.1 junk", "HTTP/1.1\x00"]),
        CONTENT_LENGTHS,
        RAW_HEADERS,
        LINE_ENDS,
        st.binary(max_size=80),
    ),
    st.binary(max_size=200),
)


def test_raw_bytes_on_the_socket_never_get_a_5xx_nor_an_error_in_the_server_log(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG, logger="clerk_fapi.testing")
    with Emulator().serve(port=0, connection_timeout=10) as server:

        @settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
        @given(request=RAW_REQUESTS)
        def exchange(request: bytes) -> None:
            with socket.create_connection(("127.0.0.1", server.port), timeout=20) as sock:
                sock.sendall(request)
                sock.shutdown(socket.SHUT_WR)
                answer = b""
                with contextlib.suppress(ConnectionResetError):
                    while chunk := sock.recv(65536):
                        answer += chunk
            statuses = re.findall(rb"^HTTP/1\.[01] (\d{3}) ", answer, flags=re.MULTILINE)
            # 505 is the protocol's answer to an HTTP version the server does not speak.
            assert all(not status.startswith(b"5") or status == b"505" for status in statuses), answer[:300]

        exchange()
        after = httpx.get(server.url + "/v1/environment", params={"_is_native": "1"}, timeout=20)
        assert after.status_code == 200
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert not errors, errors[:3]
