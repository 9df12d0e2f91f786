"""Session reverification (``/v1/client/sessions/{id}/verify``): proving the identity again before a
sensitive action that answered ``session_reverification_required``.

``start`` opens it at a level (``first_factor``, ``second_factor``, ``multi_factor``); ``prepare``
and ``attempt`` take the first and the second factor; when the status is ``complete`` the sensitive
call can be made again.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from .. import _raw
from .._account_models import SessionReverification
from .._convert_account import reverification_envelope
from .._engine import Flow
from .._errors import ConfigurationError
from . import Core, call_applying, form_of
from .sessions import find

__all__ = ["LEVELS", "factor", "start"]

LEVELS: Final = ("first_factor", "second_factor", "multi_factor")

_ENDPOINTS: Final = {
    (1, "prepare"): _raw.PREPARE_REVERIFICATION_FIRST_FACTOR,
    (1, "attempt"): _raw.ATTEMPT_REVERIFICATION_FIRST_FACTOR,
    (2, "prepare"): _raw.PREPARE_REVERIFICATION_SECOND_FACTOR,
    (2, "attempt"): _raw.ATTEMPT_REVERIFICATION_SECOND_FACTOR,
}


def start(core: Core, session_id: str, level: str) -> Flow[SessionReverification]:
    """POST /v1/client/sessions/{id}/verify at ``level``."""
    if level not in LEVELS:
        raise ConfigurationError(f"level must be one of {', '.join(LEVELS)}, got {level!r}")
    form = {"level": level}
    return call_applying(core, _raw.START_REVERIFICATION, reverification_envelope, (session_id,), form)


def factor(
    core: Core, session_id: str, which: int, step: str, strategy: str, fields: Mapping[str, Any]
) -> Flow[SessionReverification]:
    """Prepare or attempt the first (``which`` 1) or second (2) factor with ``strategy``. For a code
    sent by email or SMS, the email address or phone number is the user's primary one (for a
    second factor, its default second-factor phone) unless ``email_address_id=`` or
    ``phone_number_id=`` is given."""
    if not isinstance(strategy, str) or not strategy:
        raise ConfigurationError("strategy must be a non-empty string")
    form = form_of(fields)
    form["strategy"] = strategy
    if step == "prepare":
        _fill_target(core, session_id, which, strategy, form)
    return call_applying(core, _ENDPOINTS[(which, step)], reverification_envelope, (session_id,), form)


def _fill_target(core: Core, session_id: str, which: int, strategy: str, form: dict[str, Any]) -> None:
    session = find(core, session_id)
    user = session.user if session else None
    if user is None:
        return
    if strategy == "email_code" and "email_address_id" not in form and user.primary_email_address_id:
        form["email_address_id"] = user.primary_email_address_id
    if strategy == "phone_code" and "phone_number_id" not in form:
        phone_id = user.primary_phone_number_id
        if which == 2:
            second = [p for p in user.phone_numbers if p.reserved_for_second_factor]
            default = next((p for p in second if p.default_second_factor), second[0] if second else None)
            phone_id = default.id if default else None
        if phone_id:
            form["phone_number_id"] = phone_id
