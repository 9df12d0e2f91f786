"""Fault injection, each kind, through the in-process transport (sync and async) and over loopback."""

from __future__ import annotations

import time
from collections.abc import Iterator

import httpx
import pytest
from clerk_fapi.testing import Emulator, EmulatorServer

from .conftest import Checked

PATH = "/v1/environment"
PARAMS = {"_is_native": "1"}


@pytest.fixture(params=["transport", "loopback"])
def base(request: pytest.FixtureRequest, emulator: Emulator) -> Iterator[dict[str, object]]:
    """httpx.Client keyword arguments reaching the emulator in process or over a loopback socket."""
    if request.param == "transport":
        yield {"base_url": "https://fapi.test", "transport": emulator.transport()}
    else:
        with emulator.serve(port=0) as server:
            yield {"base_url": server.url}


@pytest.mark.parametrize("status", [429, 500, 502, 503])
def test_status_faults_answer_instead_of_the_service(
    emulator: Emulator, base: dict[str, object], checked: Checked, status: int
) -> None:
    emulator.inject_fault(PATH, status=status, times=2, retry_after=7 if status == 429 else None)
    with httpx.Client(**base) as http:  # type: ignore[arg-type]
        for _ in range(2):
            r = http.get(PATH, params=PARAMS)
            assert r.status_code == status
            checked(r)
            assert r.json()["clerk_trace_id"]
            if status == 429:
                assert r.headers["retry-after"] == "7"
                assert r.json()["errors"][0]["code"] == "too_many_requests"
        assert http.get(PATH, params=PARAMS).status_code == 200
    assert emulator.request_counts[("GET", PATH)] == 3


def test_fault_with_custom_body_and_method_filter(emulator: Emulator, base: dict[str, object]) -> None:
    emulator.inject_fault(
        "/v1/client*", method="POST", status=503, body={"errors": []}, headers={"X-Why": "maintenance"}
    )
    with httpx.Client(**base) as http:  # type: ignore[arg-type]
        assert http.get("/v1/client", params=PARAMS).status_code == 200
        r = http.post("/v1/client", params=PARAMS)
        assert r.status_code == 503 and r.json() == {"errors": []} and r.headers["x-why"] == "maintenance"


def test_dropped_connection(emulator: Emulator, base: dict[str, object]) -> None:
    emulator.inject_fault(PATH, drop_connection=True)
    with httpx.Client(**base) as http:  # type: ignore[arg-type]
        with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
            http.get(PATH, params=PARAMS)
        assert http.get(PATH, params=PARAMS).status_code == 200


def test_truncated_body(emulator: Emulator, base: dict[str, object]) -> None:
    emulator.inject_fault(PATH, truncate=True)
    with httpx.Client(**base) as http:  # type: ignore[arg-type]
        with pytest.raises(httpx.RemoteProtocolError):
            http.get(PATH, params=PARAMS)
        assert http.get(PATH, params=PARAMS).status_code == 200


def test_html_body(emulator: Emulator, base: dict[str, object]) -> None:
    emulator.inject_fault(PATH, html=True)
    with httpx.Client(**base) as http:  # type: ignore[arg-type]
        r = http.get(PATH, params=PARAMS)
        assert r.status_code == 502
        assert r.headers["content-type"].startswith("text/html")
        assert r.text.lstrip().startswith("<!DOCTYPE html>")


def test_delay_slows_the_answer_and_a_short_timeout_cuts_it(
    emulator: Emulator, base: dict[str, object]
) -> None:
    emulator.inject_fault(PATH, delay=0.3)
    with httpx.Client(**base) as http:  # type: ignore[arg-type]
        started = time.monotonic()
        assert http.get(PATH, params=PARAMS).status_code == 200
        assert time.monotonic() - started >= 0.3
    emulator.inject_fault(PATH, delay=2.0)
    with httpx.Client(**base, timeout=0.2) as http:  # type: ignore[arg-type]
        started = time.monotonic()
        with pytest.raises(httpx.ReadTimeout):
            http.get(PATH, params=PARAMS)
        assert time.monotonic() - started < 1.9


def test_faults_are_used_up_in_order_and_can_be_cleared(emulator: Emulator) -> None:
    emulator.inject_fault(PATH, status=500)
    emulator.inject_fault(PATH, status=502)
    emulator.inject_fault(PATH, status=503, times=5)
    assert emulator.handle("GET", f"https://x{PATH}?_is_native=1").status == 500
    assert emulator.handle("GET", f"https://x{PATH}?_is_native=1").status == 502
    assert emulator.handle("GET", f"https://x{PATH}?_is_native=1").status == 503
    emulator.clear_faults()
    assert emulator.handle("GET", f"https://x{PATH}?_is_native=1").status == 200


async def test_async_transport_faults(emulator: Emulator) -> None:
    emulator.inject_fault(PATH, drop_connection=True)
    emulator.inject_fault(PATH, truncate=True)
    emulator.inject_fault(PATH, status=429, retry_after=3)
    emulator.inject_fault(PATH, delay=1.0)
    async with httpx.AsyncClient(base_url="https://fapi.test", transport=emulator.transport()) as http:
        with pytest.raises(httpx.RemoteProtocolError):
            await http.get(PATH, params=PARAMS)
        with pytest.raises(httpx.RemoteProtocolError):
            await http.get(PATH, params=PARAMS)
        r = await http.get(PATH, params=PARAMS)
        assert r.status_code == 429 and r.headers["retry-after"] == "3"
        with pytest.raises(httpx.ReadTimeout):
            await http.get(PATH, params=PARAMS, timeout=0.1)
        assert (await http.get(PATH, params=PARAMS)).status_code == 200


def test_loopback_server_binds_loopback_only(emulator: Emulator) -> None:
    with pytest.raises(ValueError):
        EmulatorServer(emulator, host="0.0.0.0")
