"""httpx logs every request URL at INFO; the secrets this library puts in query strings must not show."""

from __future__ import annotations

import logging

import pytest
from clerk_fapi import Client
from clerk_fapi._redaction import redact_url
from clerk_fapi.testing import Emulator

from .conftest import BASE_URL

TESTING_TOKEN = "testing-token-that-must-not-be-logged-7f3a"


def test_redact_url_blanks_every_secret_query_parameter() -> None:
    url = (
        "https://x.test/v1/client?_is_native=1&__clerk_testing_token=abc&__clerk_db_jwt=def"
        "&__dev_session=ghi&expired_token=jkl"
    )
    redacted = redact_url(url)
    assert "_is_native=1" in redacted
    for secret in ("abc", "def", "ghi", "jkl"):
        assert secret not in redacted
    assert redacted.count("<redacted>") == 4


def test_httpx_request_log_lines_hold_no_testing_or_dev_browser_token(
    emu: Emulator, caplog: pytest.LogCaptureFixture
) -> None:
    client = Client(
        frontend_api=BASE_URL,
        transport=emu.transport(),
        mode="browser",
        dev_browser=True,
        testing_token=TESTING_TOKEN,
    )
    with caplog.at_level(logging.DEBUG):
        client.create()
        client.reload()
    dev_browser_token = client._engine.auth.store.get("dev_browser")
    assert dev_browser_token
    request_lines = [r.getMessage() for r in caplog.records if r.name == "httpx"]
    assert request_lines, "httpx logged no request line: the check would prove nothing"
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert TESTING_TOKEN not in text
    assert dev_browser_token not in text
