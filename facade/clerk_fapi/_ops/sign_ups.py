"""Sign-ups (/v1/client/sign_ups): start, fetch, update, prepare and attempt verifications."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .. import _raw
from .._convert import sign_up_envelope
from .._engine import Flow
from .._models import SignUpData
from . import Core, call_applying, form_of


def start(core: Core, fields: Mapping[str, Any]) -> Flow[SignUpData]:
    """POST a new sign-up with ``fields`` (None values left out)."""
    return call_applying(core, _raw.CREATE_SIGN_UP, sign_up_envelope, (), form_of(fields))


def get(core: Core, sign_up_id: str) -> Flow[SignUpData]:
    """GET the sign-up."""
    return call_applying(core, _raw.GET_SIGN_UP, sign_up_envelope, (sign_up_id,), None)


def update(core: Core, sign_up_id: str, fields: Mapping[str, Any]) -> Flow[SignUpData]:
    """PATCH the sign-up with ``fields``."""
    return call_applying(core, _raw.UPDATE_SIGN_UP, sign_up_envelope, (sign_up_id,), form_of(fields))


def verification(
    core: Core, sign_up_id: str, step: str, strategy: str, fields: Mapping[str, Any]
) -> Flow[SignUpData]:
    """Prepare (``step`` "prepare") or attempt ("attempt") the verification ``strategy``."""
    form = form_of(fields)
    form["strategy"] = strategy
    endpoint = _raw.PREPARE_VERIFICATION if step == "prepare" else _raw.ATTEMPT_VERIFICATION
    return call_applying(core, endpoint, sign_up_envelope, (sign_up_id,), form)
