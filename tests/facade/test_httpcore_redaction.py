"""httpcore logs every response's headers at DEBUG; over real loopback HTTP (where httpcore runs),
the credentials of this library's answers never show: rotated ``Authorization`` tokens,
``Set-Cookie: __client=...`` and ``Clerk-Db-Jwt``. Other code's requests are logged as before."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from clerk_fapi import AsyncClient, Client, MemoryTokenStore
from clerk_fapi._redaction import sending
from clerk_fapi.testing import Emulator, EmulatorServer

from .conftest import PASSWORD, call


class KeepsEverything(MemoryTokenStore):
    """A memory store that also remembers every value it was ever given."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: set[str] = set()

    def set(self, name: str, value: str | None) -> None:
        if value:
            self.seen.add(value)
        super().set(name, value)


@pytest.fixture(params=["native", "dev-browser", "cookie"])
def setup(request: pytest.FixtureRequest) -> dict[str, Any]:
    mode: str = request.param
    emu = Emulator(instance_type="production" if mode == "cookie" else "development")
    emu.add_user(email_addresses="jane+clerk_test@example.com", password=PASSWORD)
    options: dict[str, Any] = {}
    if mode != "native":
        options = {"mode": "browser", "dev_browser": mode == "dev-browser"}
    return {"emu": emu, "options": options}


@pytest.fixture
def server(setup: dict[str, Any]) -> Iterator[EmulatorServer]:
    with setup["emu"].serve(port=0) as served:
        yield served


async def test_httpcore_debug_logs_hold_none_of_the_credentials(
    kind: str, setup: dict[str, Any], server: EmulatorServer, caplog: pytest.LogCaptureFixture
) -> None:
    store = KeepsEverything()
    cls = Client if kind == "sync" else AsyncClient
    client = cls(frontend_api=server.url, token_store=store, **setup["options"])
    with caplog.at_level(logging.DEBUG):
        session = await call(client.sign_in_with_password("jane+clerk_test@example.com", PASSWORD))
        jwt = await call(session.get_token(skip_cache=True))
        await call(client.reload())
    await call(client.aclose() if isinstance(client, AsyncClient) else client.close())
    header_lines = [
        r.getMessage() for r in caplog.records if "receive_response_headers.complete" in r.getMessage()
    ]
    assert header_lines, "httpcore logged no response headers: the check would prove nothing"
    assert any("<redacted>" in line for line in header_lines)
    secrets = {*store.seen, jwt, PASSWORD}
    assert store.seen  # a client token, a cookie or a dev-browser token
    # The emulator's own server log (same process here) is the emulator's business, not the library's.
    text = "\n".join(r.getMessage() for r in caplog.records if not r.name.startswith("clerk_fapi.testing"))
    leaked = [s for s in secrets if s in text]
    assert leaked == []


def test_other_code_s_requests_are_logged_as_before(
    server: EmulatorServer, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG), httpx.Client() as http:
        token = http.put(server.url + "/v1/client", params={"_is_native": "1"}).headers["authorization"]
    assert any(token in r.getMessage() for r in caplog.records if r.name.startswith("httpcore"))


def test_the_filter_blanks_credential_headers_only_while_this_library_sends() -> None:
    headers = [
        (b"Authorization", b"tok-1"),
        (b"set-cookie", b"__client=tok'2; Path=/"),
        (b"Clerk-Db-Jwt", b"dvb-3\\x00"),
        (b"Content-Type", b"application/json"),
    ]
    message = f"receive_response_headers.complete return_value={(b'HTTP/1.1', 200, b'OK', headers)!r}"

    def filtered() -> str:
        record = logging.LogRecord("httpcore.http11", logging.DEBUG, __file__, 1, message, None, None)
        logging.getLogger("httpcore.http11").filter(record)
        return record.getMessage()

    assert filtered() == message  # someone else's request: untouched
    with sending():
        redacted = filtered()
    assert "tok-1" not in redacted and "tok'2" not in redacted and "dvb-3" not in redacted
    assert redacted.count("<redacted>") == 3 and "application/json" in redacted
