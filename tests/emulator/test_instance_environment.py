"""An emulator started from a real instance's environment (`Emulator(environment=...)`, `python -m
clerk_fapi.testing --environment FILE`) enforces that instance's rules: its required sign-up fields, its
identifiers, its first and second factors and its session mode; and lists what it cannot honour.

The environments are real ones: the recorded sample (`samples/get-environment.json`) and the ones in
Clerk's Flutter SDK recordings (`flutter-recordings/`), read from the reference data (never copied)."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from clerk_fapi.testing import Emulator
from conftest import REFERENCE_DIR, reference_location

from .test_server_and_cli import emulator_process

NATIVE = {"_is_native": "1"}
PASSWORD = "Correct-Horse-Battery-Staple-91"


def sample_environment() -> Path:
    return reference_location("CLERK_FAPI_SAMPLES", REFERENCE_DIR / "samples") / "get-environment.json"


def recordings() -> Path:
    return reference_location("CLERK_FAPI_FLUTTER_RECORDINGS", REFERENCE_DIR / "flutter-recordings")


def recorded_flows() -> Iterator[tuple[Path, dict[str, Any]]]:
    for manifest in sorted(recordings().glob("*/*/*/manifest.json")):
        yield manifest.parent, json.loads(manifest.read_text(encoding="utf-8"))


def recorded_environment(flow: Path, manifest: dict[str, Any]) -> Path | None:
    step = next((s for s in manifest["steps"] if s["path"] == "/v1/environment"), None)
    return flow / step["body"] if step else None


def recorded_answers(flow: Path, manifest: dict[str, Any], kind: str) -> Iterator[dict[str, Any]]:
    """The `{object: kind}` resources the flow's answers carry, in order."""
    for step in manifest["steps"]:
        body = json.loads((flow / step["body"]).read_text(encoding="utf-8"))
        found = body.get("response") if isinstance(body, dict) else None
        if isinstance(found, dict) and found.get("object") == kind:
            yield found


def client_trust_flow() -> tuple[Path, dict[str, Any]]:
    return next((f, m) for f, m in recorded_flows() if f.name == "sign_in_with_client_trust")


class Device:
    """A native device on the loopback emulator, sending and keeping its client token."""

    def __init__(self, url: str) -> None:
        self.http = httpx.Client(base_url=url)
        self.token = ""

    def call(self, method: str, path: str, data: dict[str, str] | None = None) -> httpx.Response:
        answer = self.http.request(
            method, path, params=NATIVE, data=data, headers={"Authorization": self.token}
        )
        self.token = answer.headers.get("authorization", self.token)
        return answer


@pytest.fixture
def sample_emulator() -> Emulator:
    return Emulator(environment=sample_environment())


@pytest.fixture
def trust_emulator() -> Emulator:
    flow, manifest = client_trust_flow()
    path = recorded_environment(flow, manifest)
    assert path is not None
    return Emulator(environment=path)


def test_the_served_environment_is_the_recorded_one(sample_emulator: Emulator) -> None:
    recorded = json.loads(sample_environment().read_text(encoding="utf-8"))["body"]
    with sample_emulator.serve() as server:
        served = httpx.get(server.url + "/v1/environment", params=NATIVE).json()
    assert served == recorded


def test_a_sign_up_requires_exactly_the_recorded_fields(sample_emulator: Emulator) -> None:
    recorded = json.loads(sample_environment().read_text(encoding="utf-8"))["body"]
    attributes = recorded["user_settings"]["attributes"]
    required = {n for n, a in attributes.items() if a["enabled"] and a["required"] and n != "web3_wallet"}
    required = (required - {"authenticator_app", "backup_code", "passkey", "ticket"}) | {"legal_accepted"}
    given = {
        "email_address": "jane+clerk_test@example.com",
        "phone_number": "+15555550100",
        "first_name": "Jane",
        "last_name": "Doe",
        "password": PASSWORD,
        "legal_accepted": "true",
    }
    assert set(given) == required  # the recorded instance requires all of these
    with sample_emulator.serve() as server:
        device = Device(server.url)
        for left_out in sorted(required):
            answer = device.call(
                "POST", "/v1/client/sign_ups", {k: v for k, v in given.items() if k != left_out}
            )
            sign_up = answer.json()["response"]
            assert sorted(sign_up["required_fields"]) == sorted(required)
            assert sign_up["status"] == "missing_requirements"
            assert sign_up["missing_fields"] == [left_out], left_out
        # With every field given, what is left is verification only.
        complete = device.call("POST", "/v1/client/sign_ups", given).json()["response"]
        assert complete["missing_fields"] == []
        assert set(complete["unverified_fields"]) == {"email_address", "phone_number"}


def test_recorded_sign_ups_have_the_fields_the_emulator_derives(sample_emulator: Emulator) -> None:
    """Each recorded sign-up's required and optional fields are what the emulator, started from the
    environment recorded in the same flow, answers."""
    checked = 0
    for flow, manifest in recorded_flows():
        env_path = recorded_environment(flow, manifest)
        recorded = next(recorded_answers(flow, manifest, "sign_up_attempt"), None)
        if env_path is None or recorded is None:
            continue
        emulator = Emulator(environment=env_path)
        with emulator.serve() as server:
            sign_up = Device(server.url).call("POST", "/v1/client/sign_ups").json()["response"]
        assert sorted(sign_up["required_fields"]) == sorted(recorded["required_fields"]), flow
        assert sorted(sign_up["optional_fields"]) == sorted(recorded["optional_fields"]), flow
        checked += 1
    assert checked >= 4


def test_the_recorded_client_trust_instance_offers_exactly_its_strategies(trust_emulator: Emulator) -> None:
    flow, manifest = client_trust_flow()
    recorded = next(recorded_answers(flow, manifest, "sign_in_attempt"))
    trust_emulator.add_user(
        email_addresses="jane+clerk_test@example.com", phone_numbers="+15555550100", password=PASSWORD
    )
    with trust_emulator.serve() as server:
        device = Device(server.url)
        started = device.call("POST", "/v1/client/sign_ins", {"identifier": "jane+clerk_test@example.com"})
        sign_in = started.json()["response"]
        assert sign_in["supported_identifiers"] == recorded["supported_identifiers"]
        offered = {f["strategy"] for f in sign_in["supported_first_factors"]}
        assert offered == {f["strategy"] for f in recorded["supported_first_factors"]}
        # The user has a phone, but this instance has no phone_code (nor email_link) first factor.
        for strategy in ("phone_code", "email_link"):
            refused = device.call(
                "POST", f"/v1/client/sign_ins/{sign_in['id']}/prepare_first_factor", {"strategy": strategy}
            )
            assert refused.status_code == 422
            body = refused.json()
            assert set(body) == {"errors", "clerk_trace_id"}
            assert set(body["errors"][0]) == {"message", "long_message", "code", "meta"}
            assert body["errors"][0]["code"] == "strategy_for_user_invalid"
            assert body["errors"][0]["meta"] == {"param_name": "strategy"}
        # Phone numbers are no identifier of this instance.
        by_phone = device.call("POST", "/v1/client/sign_ins", {"identifier": "+15555550100"})
        assert by_phone.status_code == 422
        assert by_phone.json()["errors"][0]["code"] == "form_identifier_not_found"
        # Single-session mode, as recorded: a second sign-in on the same client is refused.
        done = device.call(
            "POST", "/v1/client/sign_ins", {"identifier": "jane+clerk_test@example.com", "password": PASSWORD}
        )
        assert done.json()["response"]["status"] == "complete"
        again = device.call(
            "POST", "/v1/client/sign_ins", {"identifier": "jane+clerk_test@example.com", "password": PASSWORD}
        )
        assert again.json()["errors"][0]["code"] == "session_exists"


def test_second_factors_follow_the_environment(trust_emulator: Emulator) -> None:
    """The recorded client-trust instance has no second factor: a user with TOTP signs in without one. An
    instance with TOTP only offers and accepts TOTP, not the user's backup codes."""
    trust_emulator.add_user(
        email_addresses="jane+clerk_test@example.com", password=PASSWORD, totp_secret=True
    )
    with trust_emulator.serve() as server:
        done = Device(server.url).call(
            "POST", "/v1/client/sign_ins", {"identifier": "jane+clerk_test@example.com", "password": PASSWORD}
        )
        assert done.json()["response"]["status"] == "complete"
    recorded = json.loads(sample_environment().read_text(encoding="utf-8"))["body"]
    recorded["auth_config"]["second_factors"] = ["totp"]
    totp_only = Emulator(environment=recorded)
    user = totp_only.add_user(
        email_addresses="john+clerk_test@example.com", password=PASSWORD, totp_secret=True, backup_codes=True
    )
    assert user.totp_secret is not None and user.backup_codes
    with totp_only.serve() as server:
        device = Device(server.url)
        sign_in = device.call(
            "POST", "/v1/client/sign_ins", {"identifier": "john+clerk_test@example.com", "password": PASSWORD}
        ).json()["response"]
        assert sign_in["status"] == "needs_second_factor"
        assert [f["strategy"] for f in sign_in["supported_second_factors"]] == ["totp"]
        path = f"/v1/client/sign_ins/{sign_in['id']}"
        backup = {"strategy": "backup_code", "code": user.backup_codes[0]}
        refused = device.call("POST", path + "/attempt_second_factor", backup)
        assert refused.status_code == 422
        assert refused.json()["errors"][0]["code"] == "strategy_for_user_invalid"
        code = totp_only.totp_code(user.totp_secret)
        done = device.call("POST", path + "/attempt_second_factor", {"strategy": "totp", "code": code})
        assert done.json()["response"]["status"] == "complete"


def test_settings_it_cannot_honour_are_listed_and_logged(caplog: pytest.LogCaptureFixture) -> None:
    flow, manifest = client_trust_flow()
    path = recorded_environment(flow, manifest)
    assert path is not None
    recorded = json.loads(path.read_text(encoding="utf-8"))
    assert recorded["auth_config"]["reverification"] is True
    with caplog.at_level(logging.WARNING, logger="clerk_fapi.testing.environment"):
        emulator = Emulator(environment=path)
    listed = emulator.unhonoured_settings
    assert "auth_config.reverification=true" in listed
    assert "user_settings.sign_up.captcha_enabled=true" in listed
    assert "user_settings.attributes.phone_number.enabled=false" in listed
    assert any(line.startswith("auth_config.first_factors:") and "oauth_google" in line for line in listed)
    # Enforced settings are not listed.
    assert not any(
        line.startswith(("auth_config.single_session_mode", "auth_config.second_factors=")) for line in listed
    )
    assert [r.getMessage().split(": ", 1)[1] for r in caplog.records] == list(listed)


def test_a_bad_environment_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="cannot read"):
        Emulator(environment=tmp_path / "missing.json")
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    with pytest.raises(ValueError, match="not JSON"):
        Emulator(environment=tmp_path / "bad.json")
    with pytest.raises(ValueError, match="no auth_config"):
        Emulator(environment={"user_settings": {}})


def test_the_command_line_lists_what_it_cannot_honour() -> None:
    flow, manifest = client_trust_flow()
    path = recorded_environment(flow, manifest)
    lines: list[str] = []
    with emulator_process("--environment", str(path), stderr=lines) as url:
        served = httpx.get(url + "/v1/environment", params=NATIVE).json()
        assert served["auth_config"]["single_session_mode"] is True
    assert "not honoured: auth_config.reverification=true" in lines
    assert not any("WARNING" in line for line in lines)  # listed once, not logged as well


def test_organization_settings_bound_seeding() -> None:
    recorded = json.loads(sample_environment().read_text(encoding="utf-8"))["body"]
    recorded["organization_settings"] = {"enabled": False, "max_allowed_memberships": 5}
    with pytest.raises(ValueError, match="organizations are disabled"):
        Emulator(environment=recorded).add_organization("Acme")
    recorded["organization_settings"] = {"enabled": True, "max_allowed_memberships": 2}
    emulator = Emulator(environment=recorded)
    org = emulator.add_organization("Acme")
    users = [emulator.add_user(email_addresses=f"u{i}+clerk_test@example.com") for i in range(3)]
    emulator.add_membership(org.id, users[0].id, "org:admin")
    emulator.add_membership(org.id, users[1].id)
    with pytest.raises(ValueError, match="2 members per organization"):
        emulator.add_membership(org.id, users[2].id)
