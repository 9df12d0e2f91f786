"""httpx logs every request URL at INFO; the secrets this library puts in query strings must not show."""

from __future__ import annotations

import logging
from collections.abc import Callable

import httpx
import pytest
from clerk_fapi import Client
from clerk_fapi._redaction import redact_url
from clerk_fapi.testing import Emulator

from .conftest import BASE_URL, AnyClient, call

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


async def test_httpx_request_log_lines_hold_no_testing_or_dev_browser_token(
    make_client: Callable[..., AnyClient], emu: Emulator, caplog: pytest.LogCaptureFixture
) -> None:
    """Sync and async: the filter keys on the sending context, and httpx logs inside it."""
    client = make_client(
        transport=emu.transport(), mode="browser", dev_browser=True, testing_token=TESTING_TOKEN
    )
    with caplog.at_level(logging.DEBUG):
        await call(client.create())
        await call(client.reload())
    dev_browser_token = client._engine.auth.store.get("dev_browser")
    assert dev_browser_token
    request_lines = [r.getMessage() for r in caplog.records if r.name == "httpx"]
    assert request_lines, "httpx logged no request line: the check would prove nothing"
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert TESTING_TOKEN not in text
    assert dev_browser_token not in text


# Other code's URL, with query parameters named like the ones this library hides: not this library's.
APP_URL = "https://app.example.test/search?expired_token=app-value-1&__clerk_testing_token=app-value-2&q=x"


def _ok(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json={})


async def test_other_codes_httpx_log_records_are_left_as_they_are(
    emu: Emulator, caplog: pytest.LogCaptureFixture
) -> None:
    """Importing (and using) the library does not rewrite the log records of an application's own
    httpx requests, sync or async, even while a client of this library exists and has sent."""
    client = Client(frontend_api=BASE_URL, transport=emu.transport(), testing_token=TESTING_TOKEN)
    with caplog.at_level(logging.INFO, logger="httpx"):
        client.create()
        with httpx.Client(transport=httpx.MockTransport(_ok)) as http:
            http.get(APP_URL)
        async with httpx.AsyncClient(transport=httpx.MockTransport(_ok)) as ahttp:
            await ahttp.get(APP_URL)
    client.close()
    app_records = [r for r in caplog.records if r.name == "httpx" and "app.example.test" in r.getMessage()]
    assert len(app_records) == 2
    for record in app_records:
        assert APP_URL in record.getMessage()
        assert "<redacted>" not in record.getMessage()
    ours = [
        r.getMessage()
        for r in caplog.records
        if r.name == "httpx" and "app.example.test" not in r.getMessage()
    ]
    assert ours and all(TESTING_TOKEN not in line for line in ours)
