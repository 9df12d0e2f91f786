"""The loopback server's log never carries a secret: tokens in query strings and headers are redacted."""

from __future__ import annotations

import logging
import socket

import httpx
import pytest
from clerk_fapi.testing import Emulator, EmulatorServer

from .conftest import PASSWORD, make_user

SERVER_LOGGER = "clerk_fapi.testing.server"


def _raw_exchange(server: EmulatorServer, data: bytes) -> bytes:
    """Send raw bytes on a fresh connection and read until the server closes it."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        sock.sendall(data)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def test_request_lines_in_the_server_log_carry_no_secret(caplog: pytest.LogCaptureFixture) -> None:
    emulator = Emulator()
    user = make_user(emulator)
    caplog.set_level(logging.DEBUG)
    with emulator.serve(port=0) as server, httpx.Client(base_url=server.url) as http:
        db_jwt = http.post("/v1/dev_browser").json()["id"]
        signed_in = http.post(
            "/v1/client/sign_ins",
            params={"_is_native": "1"},
            headers={"Authorization": ""},
            data={"identifier": user.identifier, "password": PASSWORD},
        )
        client_token = signed_in.headers["authorization"]
        session_id = signed_in.json()["response"]["created_session_id"]
        jwt = http.post(
            f"/v1/client/sessions/{session_id}/tokens",
            params={"_is_native": "1"},
            headers={"Authorization": client_token},
        ).json()["jwt"]
        testing_token = "1713877200-testingTokenSecretValue"
        http.get("/v1/environment", params={"__clerk_db_jwt": db_jwt, "__clerk_testing_token": testing_token})
        http.get("/v1/client", params={"__dev_session": db_jwt})
        http.post(
            f"/v1/client/sessions/{session_id}/tokens",
            params={"_is_native": "1", "expired_token": jwt},
            headers={"Authorization": client_token},
        )
        # The same names percent-encoded, and a request line so malformed that the server logs it as an error.
        encoded_name = f"GET /v1/client?%5F%5Fclerk_db_jwt={db_jwt} HTTP/1.1\r\nConnection: close\r\n\r\n"
        _raw_exchange(server, encoded_name.encode())
        _raw_exchange(server, f"GET /v1/client?__clerk_db_jwt={db_jwt} HTTP/1.1 junk\r\n\r\n".encode())
        _raw_exchange(server, f"GET /v1/client?__clerk_db_jwt={db_jwt} HTTP/9.9\r\n\r\n".encode())
        _raw_exchange(server, f"BREW /v1/x?expired_token={jwt}\r\n\r\n".encode())
        _raw_exchange(
            server,
            f"GET /v1/client?_is_native=1 HTTP/1.1\r\nAuthorization: {client_token}\r\n"
            "Content-Length: nope\r\n\r\n".encode(),
        )
    server_lines = [r.getMessage() for r in caplog.records if r.name.startswith("clerk_fapi.testing")]
    assert len(server_lines) >= 8, server_lines
    log_text = "\n".join(server_lines)
    assert "/v1/environment" in log_text and "_is_native=1" in log_text, "the log still says what was asked"
    for secret in (db_jwt, testing_token, jwt, client_token, PASSWORD):
        assert secret not in log_text, f"a secret leaked into the server log: {secret[:12]}..."
    # Nor any fragment long enough to be useful.
    for secret in (db_jwt, jwt, client_token):
        for i in range(0, len(secret) - 24, 8):
            assert secret[i : i + 24] not in log_text


def test_an_unexpected_failure_is_logged_without_the_request_secrets(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    emulator = Emulator()

    def explode(*args: object, **kwargs: object) -> object:
        raise RuntimeError("boom")

    monkeypatch.setattr(emulator, "_answer", explode)
    caplog.set_level(logging.DEBUG)
    secret = "secretDevBrowserTokenValue12345"
    reply = emulator.handle("GET", f"http://127.0.0.1/v1/client?__clerk_db_jwt={secret}&_is_native=1")
    assert reply.status == 500
    assert caplog.records, "the failure is logged"
    assert secret not in caplog.text
    assert "/v1/client" in caplog.text
