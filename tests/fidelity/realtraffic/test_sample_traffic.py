"""Real traffic: recorded Frontend API answers parse through the generated models without losing anything.

Each sample in ``../shared/reference/samples`` (or ``CLERK_FAPI_SAMPLES``) is turned back into wire form
(``"%%DATETIME N%%"`` placeholders become integer milliseconds), parsed with the model of the operation
that answered it, and must come back unchanged from ``to_dict()``: unknown fields land in
``additional_properties``, nothing is dropped or retyped. The parsed tree must hold models, never the raw
dicts the generator silently falls back to when a nested parse fails. Then values the server may add
tomorrow (an unknown status, strategy or field) are injected and must parse too.
"""

from __future__ import annotations

import copy
import functools
import json
import os
import re
from pathlib import Path
from typing import Any

import attrs
import pytest
import yaml
from clerk_fapi_raw import models

REPO_ROOT = Path(__file__).resolve().parents[3]
DEFAULT_SAMPLES = REPO_ROOT.parent / "shared" / "reference" / "samples"
SAMPLES = Path(os.environ.get("CLERK_FAPI_SAMPLES") or DEFAULT_SAMPLES)
SAMPLE_FILES = sorted(SAMPLES.glob("*.json")) if SAMPLES.is_dir() else []

# "%%DATETIME N%%" means N hours from the recording time; any integer milliseconds would do.
DATETIME_PLACEHOLDER = re.compile(r"%%DATETIME (-?\d+)%%")
BASE_MS = 1_767_225_600_000  # 2026-01-01T00:00:00Z
HOUR_MS = 3_600_000
# Un-keyed samples are recognised by the `object` of their `response`.
ENVELOPE_BY_OBJECT = {
    "client": "ClientEnvelope",
    "session": "SessionEnvelope",
    "sign_in_attempt": "SignInEnvelope",
    "sign_up_attempt": "SignUpEnvelope",
}


def to_wire(value: Any) -> Any:
    """Undo the recording's sanitising of timestamps: a DATETIME placeholder becomes integer milliseconds."""
    if isinstance(value, dict):
        return {key: to_wire(item) for key, item in value.items()}
    if isinstance(value, list):
        return [to_wire(item) for item in value]
    if isinstance(value, str) and (match := DATETIME_PLACEHOLDER.fullmatch(value)):
        return BASE_MS + int(match.group(1)) * HOUR_MS
    return value


def load_sample(path: Path) -> tuple[str | None, Any]:
    """The sample's key (``"POST /v1/client/sign_ins identifier"``) if it has one, and its wire-form body."""
    document = json.loads(path.read_text(encoding="utf-8"))
    if isinstance(document, dict) and set(document) == {"key", "body"}:
        return document["key"], to_wire(document["body"])
    return None, to_wire(document)


@functools.cache
def success_schemas() -> tuple[tuple[str, re.Pattern[str], str], ...]:
    """``(method, path pattern, schema name)`` of every operation's 200 answer in openapi.yaml."""
    spec = yaml.safe_load((REPO_ROOT / "openapi.yaml").read_text(encoding="utf-8"))
    found = []
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if method == "parameters":
                continue
            ref = operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
            pattern = re.compile("^" + re.sub(r"\\\{[^}]*\\\}", "[^/]+", re.escape(path)) + "$")
            found.append((method.upper(), pattern, ref.rsplit("/", 1)[-1]))
    return tuple(found)


def model_for(key: str | None, body: Any) -> type[Any]:
    """The generated model that parses ``body``: from the operation named in ``key``, else from its shape."""
    if key is not None:
        method, path = key.split(" ")[:2]
        names = [name for m, pattern, name in success_schemas() if m == method and pattern.match(path)]
        assert len(names) == 1, f"sample key {key!r} matches {len(names)} operations of openapi.yaml"
        name = names[0]
    elif "errors" in body:
        name = "ClerkErrors"
    elif "response" in body:
        name = ENVELOPE_BY_OBJECT[body["response"]["object"]]
    elif body.get("object") == "token":
        name = "Token"
    elif "auth_config" in body:
        name = "Environment"
    else:
        raise AssertionError(f"cannot tell which model parses this sample: {sorted(body)}")
    model: type[Any] = getattr(models, name)
    return model


def raw_dicts(value: Any, where: str = "$") -> list[str]:
    """Places in a parsed tree where a plain dict sits in a model's field (a nested parse that failed).

    ``additional_properties`` hold raw JSON by design and are not searched; no generated field is typed
    as a plain dict, so any other dict is a fallback.
    """
    if isinstance(value, dict):
        return [where]
    if isinstance(value, list):
        return [found for index, item in enumerate(value) for found in raw_dicts(item, f"{where}[{index}]")]
    if attrs.has(type(value)):
        return [
            found
            for attribute in attrs.fields(type(value))
            if attribute.name != "additional_properties"
            for found in raw_dicts(getattr(value, attribute.name), f"{where}.{attribute.name}")
        ]
    return []


def parse_losslessly(model: type[Any], body: dict[str, Any]) -> Any:
    """Parse ``body`` with ``model``, asserting it is all models and round-trips to the same JSON."""
    parsed = model.from_dict(body)
    assert isinstance(parsed, model)
    fallbacks = raw_dicts(parsed)
    assert not fallbacks, (
        f"{model.__name__}: raw dicts where models belong (a nested parse failed): {fallbacks}"
    )
    assert parsed.to_dict() == body, f"{model.__name__} lost or changed fields in the round trip"
    return parsed


def sample(samples_dir: Path, name: str) -> tuple[type[Any], dict[str, Any]]:
    key, body = load_sample(samples_dir / name)
    return model_for(key, body), body


def test_samples_are_present(samples_dir: Path) -> None:
    assert sorted(samples_dir.glob("*.json")), f"no samples in {samples_dir}"


def test_no_timestamp_placeholder_survives_conversion(samples_dir: Path) -> None:
    for path in sorted(samples_dir.glob("*.json")):
        assert "%%DATETIME" not in json.dumps(load_sample(path)[1]), path.name


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=[path.name for path in SAMPLE_FILES])
def test_sample_parses_into_models_without_losing_a_field(samples_dir: Path, path: Path) -> None:
    key, body = load_sample(path)
    parse_losslessly(model_for(key, body), body)


def test_key_finds_the_operation_model() -> None:
    """Guards the sample-to-model mapping the tests above rely on."""
    assert model_for("POST /v1/client/sign_ins identifier", {}) is models.SignInEnvelope
    assert model_for("POST /v1/client/sign_ins/sia_1/attempt_first_factor x", {}) is models.SignInEnvelope
    assert model_for("GET /v1/environment", {}) is models.Environment
    assert model_for(None, {"errors": []}) is models.ClerkErrors
    assert model_for(None, {"response": {"object": "client"}, "client": None}) is models.ClientEnvelope


def test_raw_dict_fallback_is_detected(samples_dir: Path) -> None:
    """Guards the walk: a nested value the generator kept as a dict must be reported."""
    model, body = sample(samples_dir, "attempt-first-factor-complete.json")
    parsed = model.from_dict(body)
    parsed.client.sessions[0].user = {"id": "user_kept_as_dict"}
    assert raw_dicts(parsed) == ["$.client.sessions[0].user"]


def test_unknown_session_status_parses(samples_dir: Path) -> None:
    model, body = sample(samples_dir, "attempt-first-factor-complete.json")
    body["client"]["sessions"][0]["status"] = "brand_new_status"
    parsed = parse_losslessly(model, body)
    assert parsed.client.sessions[0].status == "brand_new_status"


def test_unknown_sign_in_status_strategy_and_identifier_parse(samples_dir: Path) -> None:
    model, body = sample(samples_dir, "prepare-second-factor-needs-client-trust.json")
    sign_in = body["response"]
    sign_in["status"] = "needs_brand_new_step"
    sign_in["supported_identifiers"].append("brand_new_identifier")
    sign_in["supported_first_factors"][0]["strategy"] = "brand_new_strategy"
    sign_in["second_factor_verification"]["status"] = "brand_new_verification_status"
    sign_in["second_factor_verification"]["strategy"] = "brand_new_strategy"
    parsed = parse_losslessly(model, body)
    assert parsed.response.status == "needs_brand_new_step"
    assert parsed.response.supported_identifiers[-1] == "brand_new_identifier"
    assert parsed.response.supported_first_factors[0].strategy == "brand_new_strategy"
    assert parsed.response.second_factor_verification.status == "brand_new_verification_status"


def test_unknown_sign_up_values_parse(samples_dir: Path) -> None:
    model, body = sample(samples_dir, "post-sign-ups-missing-requirements.json")
    body["response"]["status"] = "brand_new_sign_up_status"
    verification = body["response"]["verifications"]["email_address"]
    verification["next_action"] = "brand_new_action"
    verification["supported_strategies"].append("brand_new_strategy")
    parsed = parse_losslessly(model, body)
    assert parsed.response.status == "brand_new_sign_up_status"
    assert parsed.response.verifications.email_address.next_action == "brand_new_action"


def test_unknown_fields_are_kept_at_top_level_and_nested(samples_dir: Path) -> None:
    model, body = sample(samples_dir, "attempt-first-factor-complete.json")
    extra = {"brand_new": [1, "two", {"three": None}]}
    body["brand_new_top_level_field"] = copy.deepcopy(extra)
    body["client"]["sessions"][0]["user"]["brand_new_user_field"] = copy.deepcopy(extra)
    body["response"]["first_factor_verification"]["brand_new_verification_field"] = True
    parsed = parse_losslessly(model, body)
    assert parsed.additional_properties["brand_new_top_level_field"] == extra
    assert parsed.client.sessions[0].user.additional_properties["brand_new_user_field"] == extra
    assert (
        parsed.response.first_factor_verification.additional_properties["brand_new_verification_field"]
        is True
    )


def test_null_in_nullable_fields_parses(samples_dir: Path) -> None:
    model, body = sample(samples_dir, "attempt-first-factor-complete.json")
    session = body["client"]["sessions"][0]
    for name in (
        "user",
        "public_user_data",
        "last_active_token",
        "tasks",
        "factor_verification_age",
        "actor",
    ):
        session[name] = None
    body["response"]["first_factor_verification"] = None
    parsed = parse_losslessly(model, body)
    assert parsed.client.sessions[0].user is None
