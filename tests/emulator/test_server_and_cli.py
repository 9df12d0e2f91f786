"""The loopback server, the pytest fixtures and `python -m clerk_fapi.testing`."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
from clerk_fapi.testing import TEST_CODE, Emulator, EmulatorServer

from .conftest import PASSWORD, Checked, make_user


def test_fapi_emulator_fixture_is_a_fresh_emulator(fapi_emulator: Emulator) -> None:
    assert isinstance(fapi_emulator, Emulator)
    assert fapi_emulator.request_counts == {}


def test_fapi_server_fixture_serves_its_emulator(
    fapi_server: EmulatorServer, fapi_emulator: Emulator
) -> None:
    assert fapi_server.emulator is fapi_emulator
    assert fapi_server.url.startswith("http://127.0.0.1:")
    r = httpx.get(fapi_server.url + "/.well-known/jwks.json")
    assert r.json() == fapi_emulator.jwks()


def test_native_sign_in_and_token_over_loopback(fapi_server: EmulatorServer, checked: Checked) -> None:
    user = make_user(fapi_server.emulator)
    with httpx.Client(base_url=fapi_server.url) as http:
        r = http.post(
            "/v1/client/sign_ins",
            params={"_is_native": "1"},
            headers={"Authorization": ""},
            data={"identifier": user.identifier, "password": PASSWORD},
        )
        checked(r)
        token = r.headers["authorization"]
        sid = r.json()["response"]["created_session_id"]
        t = http.post(
            f"/v1/client/sessions/{sid}/tokens", params={"_is_native": "1"}, headers={"Authorization": token}
        )
        checked(t)
        assert t.status_code == 200 and t.json()["jwt"].count(".") == 2
    assert fapi_server.emulator.request_counts[("POST", "/v1/client/sign_ins")] == 1


def test_dev_browser_sign_up_over_loopback(fapi_server: EmulatorServer, checked: Checked) -> None:
    fapi_server.emulator.sign_up_required = {"email_address"}
    with httpx.Client(base_url=fapi_server.url) as http:
        db = http.post("/v1/dev_browser").json()["id"]
        r = http.post(
            "/v1/client/sign_ups",
            params={"__clerk_db_jwt": db},
            data={"email_address": "loop+clerk_test@example.com", "strategy": "email_code"},
        )
        checked(r)
        sid = r.json()["response"]["id"]
        r = http.post(
            f"/v1/client/sign_ups/{sid}/attempt_verification",
            params={"__clerk_db_jwt": db},
            data={"strategy": "email_code", "code": TEST_CODE},
        )
        checked(r)
        assert r.json()["response"]["status"] == "complete"
        assert r.headers["clerk-db-jwt"] == db


def test_server_stops_on_exit() -> None:
    with Emulator().serve(port=0) as server:
        url = server.url
        assert httpx.get(url + "/.well-known/jwks.json").status_code == 200
    try:
        httpx.get(url + "/.well-known/jwks.json", timeout=1)
    except httpx.TransportError:
        pass
    else:
        raise AssertionError("the server still answers after the with-block")


@contextmanager
def emulator_process(*flags: str, stderr: list[str] | None = None) -> Iterator[str]:
    """`python -m clerk_fapi.testing --port 0 FLAGS` as a child process: yields the URL it prints, then
    terminates it and checks it exited cleanly; its stderr lines are added to `stderr` when given."""
    # The child imports clerk_fapi.testing from wherever this test process found it.
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "clerk_fapi.testing", "--port", "0", *flags],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert proc.stdout is not None
        url = proc.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:"), url
        yield url
    finally:
        proc.terminate()
        code = proc.wait(timeout=10)
    errors = proc.stderr.read() if proc.stderr else ""
    if stderr is not None:
        stderr.extend(errors.splitlines())
    assert code == 0, errors or code


def test_command_line_prints_the_url_and_serves_until_terminated() -> None:
    with emulator_process("--demo-user") as url:
        r = httpx.post(
            url + "/v1/client/sign_ins",
            params={"_is_native": "1"},
            headers={"Authorization": ""},
            data={"identifier": "jane+clerk_test@example.com", "password": "clerk-emulator-1"},
        )
        assert r.status_code == 200
        assert r.json()["response"]["status"] == "complete"


def test_the_command_line_option_turns_strict_rotation_on() -> None:
    native = {"_is_native": "1"}
    with emulator_process("--strict-token-rotation") as url, httpx.Client(base_url=url) as http:
        first = http.put("/v1/client", params=native).headers["authorization"]
        second = http.get("/v1/client", params=native, headers={"Authorization": first})
        assert second.status_code == 200 and second.headers["authorization"] != first
        again = http.get("/v1/client", params=native, headers={"Authorization": first})
        assert again.status_code == 401
        assert again.json()["errors"][0]["code"] == "authentication_invalid"
        newest = http.get(
            "/v1/client", params=native, headers={"Authorization": second.headers["authorization"]}
        )
        assert newest.status_code == 200
