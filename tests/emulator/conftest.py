"""Fixtures for the emulator tests: emulators, devices in each client mode, and spec validation of answers.

Every device below hands each answer it receives to `checked`. The behaviour tests need no reference data:
when the published spec is present, `checked` also validates each body against it (see `spec_check.py`), so a
flow test is then a conformance test of each body it touches too. Tests about the spec itself ask for the
`spec` fixture, which skips without the file (and fails under `CI=true`).
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest
from clerk_fapi.testing import Emulator, Reply, SeededUser
from clerk_fapi.testing.pytest_plugin import fapi_emulator, fapi_server  # noqa: F401  (re-exported fixtures)

from .spec_check import Spec, find_spec, load_spec

BASE_URL = "https://happy-hippo-1.clerk.accounts.dev"
PASSWORD = "correct-horse-battery"


@pytest.fixture(scope="session")
def spec() -> Spec:
    return load_spec()


@pytest.fixture(scope="session")
def optional_spec() -> Spec | None:
    """The spec when present, else None: schema validation wraps the behaviour tests, never gates them."""
    return find_spec()


class Checked:
    """Checks each answer a device receives; with a spec, also validates its body against the spec."""

    def __init__(self, spec: Spec | None) -> None:
        self.spec = spec
        self.validated = 0

    def __call__(self, response: httpx.Response) -> None:
        response.read()
        if response.status_code == 204:
            assert response.content == b"", "a 204 must have no body"
            return
        if self.spec is None:
            return
        self.spec.validate(
            response.request.method, response.request.url.path, response.status_code, response.content
        )
        self.validated += 1


class NativeDevice:
    """A native-mode device: `_is_native=1`, the client token in `Authorization`, rotated on every answer."""

    def __init__(self, http: httpx.Client, checked: Checked) -> None:
        self.http = http
        self.checked = checked
        self.token = ""
        self.tokens_seen: list[str] = []

    def request(
        self, method: str, path: str, data: dict[str, Any] | None = None, params: dict[str, str] | None = None
    ) -> httpx.Response:
        query = {"_is_native": "1", **(params or {})}
        response = self.http.request(
            method, path, params=query, data=data, headers={"Authorization": self.token}
        )
        self.checked(response)
        if "authorization" in response.headers:
            self.token = response.headers["authorization"]
            self.tokens_seen.append(self.token)
        return response

    def get(self, path: str, **kw: Any) -> httpx.Response:
        return self.request("GET", path, **kw)

    def post(self, path: str, data: dict[str, Any] | None = None, **kw: Any) -> httpx.Response:
        return self.request("POST", path, data=data, **kw)

    def sign_in(self, user: SeededUser, password: str = PASSWORD) -> dict[str, Any]:
        r = self.post("/v1/client/sign_ins", {"identifier": user.identifier, "password": password})
        assert r.status_code == 200, r.text
        body: dict[str, Any] = r.json()
        return body


class DevBrowserDevice:
    """A browser on a development instance: a dev-browser token as `__clerk_db_jwt`."""

    def __init__(self, http: httpx.Client, checked: Checked, legacy_param: bool = False) -> None:
        self.http = http
        self.checked = checked
        self.param = "__dev_session" if legacy_param else "__clerk_db_jwt"
        r = http.post("/v1/dev_browser")
        assert r.status_code == 200, r.text
        self.db_jwt: str = r.json()["id"]

    def request(self, method: str, path: str, data: dict[str, Any] | None = None) -> httpx.Response:
        response = self.http.request(method, path, params={self.param: self.db_jwt}, data=data)
        self.checked(response)
        if "clerk-db-jwt" in response.headers:
            self.db_jwt = response.headers["clerk-db-jwt"]
        return response


def make_user(emulator: Emulator, **kw: Any) -> SeededUser:
    defaults: dict[str, Any] = {
        "email_addresses": "jane+clerk_test@example.com",
        "phone_numbers": "+15555550105",
        "username": "janedoe",
        "password": PASSWORD,
        "first_name": "Jane",
        "last_name": "Doe",
    }
    defaults.update(kw)
    return emulator.add_user(**defaults)


def strict_json(body: bytes) -> Any:
    """Parse as JSON proper: `NaN`, `Infinity` and `-Infinity` are not JSON, so seeing one fails the test."""

    def refuse(constant: str) -> Any:
        raise AssertionError(f"the emulator wrote {constant}, which is not JSON")

    return json.loads(body, parse_constant=refuse)


def native_sign_in(emulator: Emulator, form: dict[str, str]) -> Reply:
    """Start a sign-in on a new native client straight through `Emulator.handle`."""
    return emulator.handle(
        "POST",
        "https://fapi.test/v1/client/sign_ins?_is_native=1",
        {"Authorization": ""},
        urlencode(form).encode(),
    )


@pytest.fixture
def emulator() -> Emulator:
    return Emulator()


@pytest.fixture
def checked(optional_spec: Spec | None) -> Checked:
    return Checked(optional_spec)


@pytest.fixture
def http(emulator: Emulator) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=BASE_URL, transport=emulator.transport()) as client:
        yield client


@pytest.fixture
async def ahttp(emulator: Emulator) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=BASE_URL, transport=emulator.transport()) as client:
        yield client


@pytest.fixture
def native(http: httpx.Client, checked: Checked) -> NativeDevice:
    return NativeDevice(http, checked)


@pytest.fixture
def user(emulator: Emulator) -> SeededUser:
    return make_user(emulator)
