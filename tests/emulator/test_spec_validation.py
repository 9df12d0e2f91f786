"""The spec validation used by every flow test really rejects bodies that break the published schemas."""

from __future__ import annotations

import json

import pytest
from clerk_fapi.testing import Emulator

from .spec_check import Spec
from .spec_errata import ERRATA


def test_a_valid_client_body_passes_and_a_broken_one_fails(spec: Spec) -> None:
    emulator = Emulator()
    reply = emulator.handle("POST", "https://fapi.test/v1/client?_is_native=1", {"Authorization": ""})
    spec.validate("POST", "/v1/client", reply.status, reply.body)
    broken = reply.json()
    del broken["response"]["id"]
    with pytest.raises(AssertionError, match="id"):
        spec.validate("POST", "/v1/client", 200, json.dumps(broken).encode())


def test_an_unknown_session_status_is_refused(spec: Spec) -> None:
    body = {"object": "token"}  # token answers need a jwt string when present
    spec.validate("POST", "/v1/client/sessions/sess_1/tokens", 200, json.dumps(body).encode())
    error = {"errors": [{"message": "m", "code": "c"}]}  # long_message is required by the spec
    with pytest.raises(AssertionError):
        spec.validate("GET", "/v1/client", 401, json.dumps(error).encode())


def test_every_erratum_names_its_evidence() -> None:
    assert ERRATA
    for erratum in ERRATA:
        assert erratum.evidence and erratum.what and erratum.schema
