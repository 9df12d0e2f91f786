"""Browser mode: the dev browser on development instances and the `__client` cookie on production ones."""

from __future__ import annotations

import httpx
import pytest
from clerk_fapi.testing import TEST_CODE, Emulator, SeededUser

from .conftest import BASE_URL, PASSWORD, Checked, DevBrowserDevice


def test_dev_browser_is_created_bare_and_identifies_the_client(
    http: httpx.Client, checked: Checked, user: SeededUser
) -> None:
    created = http.post("/v1/dev_browser")
    assert created.status_code == 200
    assert "response" not in created.json() and created.json()["id"]
    device = DevBrowserDevice(http, checked)
    r = device.request("POST", "/v1/client/sign_ins", {"identifier": user.identifier, "password": PASSWORD})
    assert r.status_code == 200
    assert r.headers["clerk-db-jwt"] == device.db_jwt
    assert "authorization" not in r.headers
    client = device.request("GET", "/v1/client").json()["response"]
    assert client["sessions"][0]["user"]["id"] == user.id


def test_requests_without_a_dev_browser_are_401_dev_browser_unauthenticated(
    http: httpx.Client, checked: Checked
) -> None:
    for params in ({}, {"__clerk_db_jwt": "dvb_unknown"}):
        r = http.get("/v1/client", params=params)
        checked(r)
        assert r.status_code == 401
        assert r.json()["errors"][0]["code"] == "dev_browser_unauthenticated"
    env = http.get("/v1/environment")
    assert env.status_code == 401


def test_legacy_dev_session_parameter_is_accepted(http: httpx.Client, checked: Checked) -> None:
    device = DevBrowserDevice(http, checked, legacy_param=True)
    r = device.request("GET", "/v1/environment")
    assert r.status_code == 200


def test_dev_browser_sign_up_with_test_identities(
    emulator: Emulator, http: httpx.Client, checked: Checked
) -> None:
    emulator.sign_up_required = {"email_address", "password"}
    device = DevBrowserDevice(http, checked)
    r = device.request(
        "POST",
        "/v1/client/sign_ups",
        {"email_address": "ann+clerk_test@example.com", "password": PASSWORD, "strategy": "email_code"},
    )
    sid = r.json()["response"]["id"]
    r = device.request(
        "POST",
        f"/v1/client/sign_ups/{sid}/attempt_verification",
        {"strategy": "email_code", "code": TEST_CODE},
    )
    assert r.json()["response"]["status"] == "complete"


def test_two_dev_browsers_are_two_clients(http: httpx.Client, checked: Checked, user: SeededUser) -> None:
    one = DevBrowserDevice(http, checked)
    two = DevBrowserDevice(http, checked)
    one.request("POST", "/v1/client/sign_ins", {"identifier": user.identifier, "password": PASSWORD})
    assert two.request("GET", "/v1/client").json()["response"] is None


@pytest.fixture
def production() -> Emulator:
    return Emulator(instance_type="production")


def test_production_cookie_flow(production: Emulator, checked: Checked) -> None:
    user = production.add_user(email_addresses="ann@example.com", password=PASSWORD)
    with httpx.Client(
        base_url="https://clerk.example.com",
        transport=production.transport(),
        headers={"Origin": "https://example.com"},
    ) as http:
        created = http.put("/v1/client")
        checked(created)
        assert "__client=" in created.headers["set-cookie"]
        assert "HttpOnly" in created.headers["set-cookie"] and "Secure" in created.headers["set-cookie"]
        assert created.json()["response"]["cookie_expires_at"] is not None
        r = http.post("/v1/client/sign_ins", data={"identifier": user.identifier, "password": PASSWORD})
        checked(r)
        assert r.json()["response"]["status"] == "complete"
        assert r.headers["access-control-allow-origin"] == "https://example.com"
        sid = r.json()["response"]["created_session_id"]
        t = http.post(f"/v1/client/sessions/{sid}/tokens")
        checked(t)
        assert t.status_code == 200
        out = http.delete("/v1/client")
        checked(out)
        assert "Max-Age=0" in out.headers["set-cookie"]
        assert http.get("/v1/client").json() == {"response": None, "client": None}


def test_production_requires_an_origin(production: Emulator, checked: Checked) -> None:
    with httpx.Client(base_url="https://clerk.example.com", transport=production.transport()) as http:
        r = http.get("/v1/client")
        checked(r)
        assert r.status_code == 403
        assert r.json()["errors"][0]["code"] == "origin_invalid"


def test_production_has_no_dev_browser_and_no_test_codes(production: Emulator, checked: Checked) -> None:
    with httpx.Client(base_url=BASE_URL, transport=production.transport()) as http:
        assert http.post("/v1/dev_browser").status_code == 400
        r = http.post(
            "/v1/client/sign_ups",
            params={"_is_native": "1"},
            data={"email_address": "x+clerk_test@example.com", "strategy": "email_code"},
        )
        checked(r)
        token = r.headers["authorization"]
        sid = r.json()["response"]["id"]
        code = production.last_code("x+clerk_test@example.com")
        assert code is not None
        if code != TEST_CODE:
            bad = http.post(
                f"/v1/client/sign_ups/{sid}/attempt_verification",
                params={"_is_native": "1"},
                headers={"Authorization": token},
                data={"strategy": "email_code", "code": TEST_CODE},
            )
            checked(bad)
            assert bad.json()["errors"][0]["code"] == "form_code_incorrect"
