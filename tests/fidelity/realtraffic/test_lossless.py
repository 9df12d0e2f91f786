"""Every real answer read by the facade loses nothing: each key, at every depth, is an attribute with the
same value or in ``extra`` with the same JSON; a key the server adds later, anywhere, lands in ``extra``.

The answers are every body of the Flutter SDK's recorded flows and every reference sample (see
``reference.py``), read as the facade reads them (see ``walk.py``).
"""

from __future__ import annotations

import copy
import itertools
from pathlib import Path
from typing import Any

import pytest
from clerk_fapi import _convert
from clerk_fapi_raw import models as raw

from .reference import RECORDINGS, SAMPLES, flow_names, load_flow, load_sample, require, sample_files
from .walk import View, lost, read

INJECTED = "zz_field_added_later"


def real_answers() -> list[tuple[str, str | None, str | None, int, Any]]:
    """(name, method, path, status, body) of every JSON object answer in the reference data."""
    answers = []
    for name in flow_names():
        for step in load_flow(name).steps:
            body = step.body()
            if isinstance(body, dict):  # HEAD /v1/health answers an empty string: no keys to keep
                answers.append((f"{name}/{step.body_file.name}", step.method, step.path, step.status, body))
    for path in sample_files():
        method, request_path, body = load_sample(path)
        status = 400 if "errors" in body else 200
        answers.append((f"samples/{path.name}", method, request_path, status, body))
    return answers


ANSWERS = real_answers()


def inject(value: Any, counter: itertools.count[int], top: bool = False) -> Any:
    """A copy of ``value`` with a new key in every object below the top level, and at the top level
    too when ``top`` (an envelope or an error body is not a read model with ``extra``; see the README)."""
    if isinstance(value, dict):
        copied = {key: inject(item, counter, True) for key, item in value.items()}
        if top:
            copied[f"{INJECTED}_{next(counter)}"] = {"nested": [1, "two"]}
        return copied
    if isinstance(value, list):
        return [inject(item, counter, True) for item in value]
    return value


def test_reference_data_is_there() -> None:
    require(RECORDINGS)
    require(SAMPLES)
    assert len(flow_names()) == 26


@pytest.mark.parametrize(("name", "method", "path", "status", "body"), ANSWERS, ids=[a[0] for a in ANSWERS])
def test_real_answer_loses_nothing(
    name: str, method: str | None, path: str | None, status: int, body: Any
) -> None:
    assert lost(body, read(method, path, status, body)) == []


@pytest.mark.parametrize(("name", "method", "path", "status", "body"), ANSWERS, ids=[a[0] for a in ANSWERS])
def test_fields_added_later_land_in_extra(
    name: str, method: str | None, path: str | None, status: int, body: Any
) -> None:
    top_is_a_read_model = not isinstance(read(method, path, status, body), View)
    injected = inject(body, itertools.count(), top=top_is_a_read_model)
    assert lost(injected, read(method, path, status, injected)) == []


# ----- the walk itself must find what is lost -----------------------------------------------------
USER = {
    "id": "user_1",
    "object": "user",
    "mfa_enabled_at": 1_796_198_846_874,
    "email_addresses": [{"id": "idn_1", "email_address": "a@example.test", "linked_to": []}],
}


def test_walk_finds_a_dropped_field() -> None:
    user = _convert.user_from_generated(raw.User.from_dict(USER))
    assert lost(USER, user) == []
    body = copy.deepcopy(USER)
    body["email_addresses"][0]["brand_new"] = True
    # A user read without the new field (as a facade that drops it would).
    assert lost(body, user) == ["$.email_addresses[0].brand_new"]


def test_walk_finds_a_changed_value() -> None:
    user = _convert.user_from_generated(raw.User.from_dict(USER))
    body = copy.deepcopy(USER)
    body["mfa_enabled_at"] += 1000
    body["object"] = "not_a_user"
    assert lost(body, user) == ["$.object (changed in extra)", "$.mfa_enabled_at (int became datetime)"]


def test_walk_checks_reshaped_attributes() -> None:
    body = {"id": "sess_1", "status": "active", "last_active_token": {"object": "token", "jwt": "a.b.c"}}
    session = _convert.session_from_generated(raw.Session.from_dict(body))
    assert lost(body, session) == []
    body["last_active_token"] = {"object": "token", "jwt": "x.y.z", "new": 1}
    assert lost(body, session) == ["$.last_active_token.jwt", "$.last_active_token.new"]


def test_walk_checks_envelopes_key_by_key() -> None:
    view = View({"response": None})
    assert lost({"response": None, "client": None}, view) == ["$.client"]


def test_injection_reaches_every_depth() -> None:
    body = {"response": {"a": [{"b": {}}]}, "client": None}
    injected = inject(body, itertools.count())
    assert set(injected) == {"response", "client"}
    assert f"{INJECTED}_3" in inject(body, itertools.count(), top=True)
    assert f"{INJECTED}_2" in injected["response"]
    assert f"{INJECTED}_1" in injected["response"]["a"][0]
    assert f"{INJECTED}_0" in injected["response"]["a"][0]["b"]


def test_every_answer_file_is_walked() -> None:
    """No body of the reference data is left out of the walk but the empty health answer."""
    require(RECORDINGS)
    bodies = {str(p.relative_to(RECORDINGS)) for p in RECORDINGS.glob("**/[0-9][0-9][0-9].json")}
    walked = {a[0] for a in ANSWERS if not a[0].startswith("samples/")}
    assert bodies - walked == {"clerk_api/healthcheck_test/can_test_health/001.json"}
    assert len([a for a in ANSWERS if a[0].startswith("samples/")]) == len(list(Path(SAMPLES).glob("*.json")))
