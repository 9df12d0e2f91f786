"""The emulator never answers 500 for JSON it was given, and never writes `NaN` or `Infinity`.

Deep nesting and non-finite numbers in `unsafe_metadata` are form errors (422 `form_param_format_invalid`,
nothing stored); seeding helpers refuse what a request could not have stored.
"""

from __future__ import annotations

import base64
import json
from typing import Any
from urllib.parse import urlencode

import pytest
from clerk_fapi.testing import Emulator, Reply

from .conftest import PASSWORD, make_user, native_sign_in, strict_json

MAX_DEPTH = 100
SIGN_UPS = "https://fapi.test/v1/client/sign_ups"


def _nested(depth: int) -> dict[str, Any]:
    """A JSON object `depth` levels deep (the outer object counts as one)."""
    value: dict[str, Any] = {"leaf": 1}
    for _ in range(depth - 1):
        value = {"k": value}
    return value


def _patch_metadata(emulator: Emulator, metadata: str) -> tuple[Reply, Reply]:
    """Create a sign-up with known metadata, try to replace it, and read the sign-up back."""
    created = emulator.handle(
        "POST",
        SIGN_UPS + "?_is_native=1",
        {"Authorization": ""},
        urlencode({"unsafe_metadata": '{"v":1}'}).encode(),
    )
    token = dict(created.headers)["Authorization"]
    url = f"{SIGN_UPS}/{created.json()['response']['id']}?_is_native=1"
    patched = emulator.handle(
        "PATCH", url, {"Authorization": token}, urlencode({"unsafe_metadata": metadata}).encode()
    )
    token = dict(patched.headers).get("Authorization", token)
    return patched, emulator.handle("GET", url, {"Authorization": token})


@pytest.mark.parametrize(
    "metadata",
    [
        "[" * 100_000 + "]" * 100_000,
        '{"k":' * 100_000 + "1" + "}" * 100_000,
        '{"k":' * 990 + "1" + "}" * 990,
        json.dumps(_nested(MAX_DEPTH + 1)),
        '{"a": NaN}',
        '{"a": [Infinity]}',
        '{"a": {"b": -Infinity}}',
        '{"a": 1e999}',
        '{"a": -1e400}',
    ],
    ids=["array-100k", "object-100k", "object-990", "object-101", "nan", "inf", "-inf", "1e999", "-1e400"],
)
def test_deep_or_non_finite_metadata_is_a_form_error_and_changes_nothing(metadata: str) -> None:
    emulator = Emulator()
    patched, after = _patch_metadata(emulator, metadata)
    assert patched.status == 422, patched.body[:200]
    error = strict_json(patched.body)["errors"][0]
    assert error["code"] == "form_param_format_invalid"
    assert error["meta"]["param_name"] == "unsafe_metadata"
    assert strict_json(after.body)["response"]["unsafe_metadata"] == {"v": 1}


def test_metadata_as_deep_as_allowed_is_stored_and_echoed() -> None:
    emulator = Emulator()
    deepest = _nested(MAX_DEPTH)
    patched, after = _patch_metadata(emulator, json.dumps(deepest))
    assert patched.status == 200, patched.body[:200]
    assert strict_json(after.body)["response"]["unsafe_metadata"] == deepest


def test_the_deepest_metadata_still_fits_in_a_template_token() -> None:
    emulator = Emulator()
    deepest = _nested(MAX_DEPTH)
    user = make_user(emulator, unsafe_metadata=deepest)
    emulator.add_jwt_template("meta", {"nested": {"meta": "{{user.unsafe_metadata}}"}})
    signed_in = native_sign_in(emulator, {"identifier": user.identifier, "password": PASSWORD})
    session_id = signed_in.json()["response"]["created_session_id"]
    minted = emulator.handle(
        "POST",
        f"https://fapi.test/v1/client/sessions/{session_id}/tokens/meta?_is_native=1",
        {"Authorization": dict(signed_in.headers)["Authorization"]},
    )
    assert minted.status == 200, minted.body[:200]
    claims = minted.json()["jwt"].split(".")[1]
    assert (
        json.loads(base64.urlsafe_b64decode(claims + "=" * (-len(claims) % 4)))["nested"]["meta"] == deepest
    )


@pytest.mark.parametrize(
    "bad",
    [{"a": float("nan")}, {"a": [float("inf")]}, _nested(MAX_DEPTH + 1), {"a": {1: "x"}}, {"a": {1, 2}}],
    ids=["nan", "inf", "deep", "int-key", "set"],
)
def test_seeding_refuses_json_that_could_not_be_written_back(bad: dict[str, Any]) -> None:
    emulator = Emulator()
    with pytest.raises(ValueError, match="unsafe_metadata"):
        make_user(emulator, unsafe_metadata=bad)
    with pytest.raises(ValueError, match="public_metadata"):
        make_user(emulator, public_metadata=bad)
    with pytest.raises(ValueError, match="claims"):
        emulator.add_jwt_template("t", bad)
    assert make_user(emulator).id  # nothing half-seeded: the identifiers are still free


def test_a_fault_body_is_strict_json_too() -> None:
    emulator = Emulator()
    with pytest.raises(ValueError):
        emulator.inject_fault("/v1/client", status=500, body={"a": float("nan")})
    emulator.inject_fault("/v1/client", status=500, body=b'{"a": NaN}')  # bytes are sent as given
