"""For each flow the real samples record, the emulator's answer carries every key the real answer carries.

Samples live in `../shared/reference/samples/` (next to the spec); their sanitised values
(`"%%DATETIME -4%%"`,
`CLIENT_ID`...) stand in for real ones, so only keys are compared, recursively.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from clerk_fapi.testing import Emulator

from .conftest import BASE_URL, PASSWORD, Checked, NativeDevice, make_user
from .spec_check import spec_path

# Keys that exist in a sample only because of its sanitiser, with the reason.
SANITISER_ARTEFACTS = {
    # The sanitiser replaced the key `user_api_keys_enabled` (it contains "user") by the placeholder USER_ID.
    ("api_keys_settings", "USER_ID"),
}


def samples_dir() -> Path:
    path = spec_path().parent / "samples"
    if not path.is_dir():
        pytest.skip(f"reference samples not found at {path}")
    return path


def load_sample(name: str) -> Any:
    data = json.loads((samples_dir() / f"{name}.json").read_text())
    return data["body"] if isinstance(data, dict) and "body" in data and "key" in data else data


def missing_keys(sample: Any, ours: Any, path: str = "") -> list[str]:
    """Keys present in `sample` but absent from `ours`, as slash paths."""
    out: list[str] = []
    if isinstance(sample, dict):
        if not isinstance(ours, dict):
            return [f"{path or '/'} (ours is {type(ours).__name__})"]
        for key, value in sample.items():
            parent = path.rsplit("/", 1)[-1]
            if (parent, key) in SANITISER_ARTEFACTS:
                continue
            if key not in ours:
                out.append(f"{path}/{key}")
            else:
                out += missing_keys(value, ours[key], f"{path}/{key}")
    elif isinstance(sample, list) and sample and isinstance(ours, list):
        for i, item in enumerate(sample[: len(ours)]):
            out += missing_keys(item, ours[i], f"{path}/{i}")
    elif isinstance(sample, list) and sample and not isinstance(ours, list):
        out.append(f"{path} (ours is {type(ours).__name__})")
    return out


def _device(emulator: Emulator, checked: Checked) -> NativeDevice:
    return NativeDevice(httpx.Client(base_url=BASE_URL, transport=emulator.transport()), checked)


def flow_post_client(emulator: Emulator, device: NativeDevice) -> Any:
    return device.post("/v1/client").json()


def flow_post_sign_ins_needs_first_factor(emulator: Emulator, device: NativeDevice) -> Any:
    user = make_user(emulator)
    return device.post("/v1/client/sign_ins", {"identifier": user.identifier}).json()


def flow_get_client_sign_in_in_progress(emulator: Emulator, device: NativeDevice) -> Any:
    user = make_user(emulator)
    sid = device.post("/v1/client/sign_ins", {"identifier": user.identifier}).json()["response"]["id"]
    device.post(f"/v1/client/sign_ins/{sid}/prepare_first_factor", {"strategy": "email_link"})
    return device.get("/v1/client").json()


def flow_attempt_first_factor_complete(emulator: Emulator, device: NativeDevice) -> Any:
    user = make_user(emulator)
    sid = device.post("/v1/client/sign_ins", {"identifier": user.identifier}).json()["response"]["id"]
    return device.post(
        f"/v1/client/sign_ins/{sid}/attempt_first_factor", {"strategy": "password", "password": PASSWORD}
    ).json()


def flow_post_sign_ups_missing_requirements(emulator: Emulator, device: NativeDevice) -> Any:
    return device.post(
        "/v1/client/sign_ups",
        {
            "email_address": "user-x+clerk_test@somedomain.com",
            "first_name": "User",
            "last_name": "X",
            "legal_accepted": "true",
            "password": PASSWORD,
            "phone_number": "+15555550136",
            "strategy": "email_code",
            "username": "user-x",
        },
    ).json()


def flow_prepare_second_factor_needs_client_trust(emulator: Emulator, device: NativeDevice) -> Any:
    emulator.client_trust = True
    user = make_user(emulator, phone_numbers=())
    sid = device.post("/v1/client/sign_ins", {"identifier": user.identifier}).json()["response"]["id"]
    device.post(
        f"/v1/client/sign_ins/{sid}/attempt_first_factor", {"strategy": "password", "password": PASSWORD}
    )
    return device.post(
        f"/v1/client/sign_ins/{sid}/prepare_second_factor",
        {"strategy": "email_code", "email_address_id": user.email_address_ids[0]},
    ).json()


def flow_get_environment(emulator: Emulator, device: NativeDevice) -> Any:
    return device.get("/v1/environment").json()


def flow_error_form_param_unknown(emulator: Emulator, device: NativeDevice) -> Any:
    user = make_user(emulator)
    r = device.post("/v1/client/sign_ins", {"identifier": user.identifier, "email_address": user.identifier})
    assert r.status_code == 422
    return r.json()


FLOWS: dict[str, Callable[[Emulator, NativeDevice], Any]] = {
    "post-client": flow_post_client,
    "get-client-sign-in-in-progress": flow_get_client_sign_in_in_progress,
    "post-sign-ins-needs-first-factor": flow_post_sign_ins_needs_first_factor,
    "attempt-first-factor-complete": flow_attempt_first_factor_complete,
    "post-sign-ups-missing-requirements": flow_post_sign_ups_missing_requirements,
    "prepare-second-factor-needs-client-trust": flow_prepare_second_factor_needs_client_trust,
    "get-environment": flow_get_environment,
    "error-form-param-unknown": flow_error_form_param_unknown,
}


@pytest.mark.parametrize("name", sorted(FLOWS))
def test_answer_has_every_key_of_the_real_sample(name: str, checked: Checked) -> None:
    sample = load_sample(name)
    emulator = Emulator()
    ours = FLOWS[name](emulator, _device(emulator, checked))
    assert missing_keys(sample, ours) == []


@pytest.mark.parametrize(
    "name",
    [
        "attempt-first-factor-complete",
        "post-sign-ups-missing-requirements",
        "prepare-second-factor-needs-client-trust",
        "post-sign-ins-needs-first-factor",
    ],
)
def test_answer_matches_the_sample_status_and_shape(name: str, checked: Checked) -> None:
    sample = load_sample(name)
    emulator = Emulator()
    ours = FLOWS[name](emulator, _device(emulator, checked))
    assert ours["response"]["status"] == sample["response"]["status"]
    assert ours["response"]["object"] == sample["response"]["object"]
    for key in ("created_at", "updated_at"):
        assert isinstance(ours["client"][key], int)


def test_key_comparison_detects_a_missing_key() -> None:
    assert missing_keys({"a": {"b": 1, "c": [{"d": 1}]}}, {"a": {"b": 2, "c": [{}]}}) == ["/a/c/0/d"]
