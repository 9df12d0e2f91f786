"""Behaviours the recorded real traffic showed (see tests/fidelity/test_flutter_parity.py), pinned here too so
that they hold where the recordings are not available."""

from __future__ import annotations

import httpx
from clerk_fapi.testing import TEST_CODE, Emulator, SeededUser

from .conftest import NativeDevice


def _strategies(body: dict[str, object]) -> list[str]:
    response = body["response"]
    assert isinstance(response, dict)
    return [f["strategy"] for f in response["supported_first_factors"]]


def test_health_answers_get_and_head(http: httpx.Client) -> None:
    got = http.get("/v1/health")
    assert got.status_code == 200 and got.json() == {"status": "healthy"}
    head = http.head("/v1/health")
    assert head.status_code == 200 and head.content == b""


def test_the_reset_password_factor_follows_the_identifier(native: NativeDevice, user: SeededUser) -> None:
    by_phone = native.post("/v1/client/sign_ins", {"identifier": user.phone_numbers[0]}).json()
    assert "reset_password_phone_code" in _strategies(by_phone)
    assert "reset_password_email_code" not in _strategies(by_phone)
    sign_in_id = by_phone["response"]["id"]
    r = native.post(
        f"/v1/client/sign_ins/{sign_in_id}/prepare_first_factor", {"strategy": "reset_password_phone_code"}
    )
    assert r.status_code == 200, r.text
    verification = r.json()["response"]["first_factor_verification"]
    assert verification["strategy"] == "reset_password_phone_code" and verification["channel"] == "sms"
    r = native.post(
        f"/v1/client/sign_ins/{sign_in_id}/attempt_first_factor",
        {"strategy": "reset_password_phone_code", "code": TEST_CODE},
    )
    assert r.json()["response"]["status"] == "needs_new_password"
    by_email = native.post("/v1/client/sign_ins", {"identifier": user.email_addresses[0]}).json()
    assert "reset_password_email_code" in _strategies(by_email)
    assert "reset_password_phone_code" not in _strategies(by_email)


def test_phone_code_verifications_say_the_code_went_by_sms(native: NativeDevice, user: SeededUser) -> None:
    sign_in = native.post("/v1/client/sign_ins", {"identifier": user.phone_numbers[0]}).json()["response"]
    r = native.post(f"/v1/client/sign_ins/{sign_in['id']}/prepare_first_factor", {"strategy": "phone_code"})
    assert r.json()["response"]["first_factor_verification"]["channel"] == "sms"
    r = native.post(f"/v1/client/sign_ins/{sign_in['id']}/prepare_first_factor", {"strategy": "email_code"})
    assert "channel" not in r.json()["response"]["first_factor_verification"]


def test_a_sign_in_completed_by_an_email_link_stays_on_its_client(
    emulator: Emulator, native: NativeDevice, user: SeededUser
) -> None:
    sign_in = native.post("/v1/client/sign_ins", {"identifier": user.email_addresses[0]}).json()["response"]
    native.post(
        f"/v1/client/sign_ins/{sign_in['id']}/prepare_first_factor",
        {"strategy": "email_link", "redirect_url": "https://app.example.test/verified"},
    )
    assert emulator.complete_email_link(user.email_addresses[0])
    client = native.get("/v1/client").json()["response"]
    assert client["sign_in"]["id"] == sign_in["id"]
    assert client["sign_in"]["status"] == "complete"
    verification = client["sign_in"]["first_factor_verification"]
    assert verification["status"] == "verified" and verification["verified_at_client"] == client["id"]
    assert [s["status"] for s in client["sessions"]] == ["active"]
