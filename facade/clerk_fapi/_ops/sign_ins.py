"""Sign-ins (/v1/client/sign_ins): start, fetch, prepare and attempt factors, reset the password;
and the one-call password sign-in."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from .. import _raw
from .._convert import sign_in_envelope
from .._engine import Flow
from .._errors import SignInIncompleteError
from .._models import SessionData, SignInData, SignInStatus
from . import Core, call_applying, form_of, sessions

# Which id a prepare step needs, by strategy.
_EMAIL_STRATEGIES: Final = frozenset({"email_code", "email_link", "reset_password_email_code"})
_PHONE_STRATEGIES: Final = frozenset({"phone_code", "reset_password_phone_code"})


def start(core: Core, fields: Mapping[str, Any]) -> Flow[SignInData]:
    """POST a new sign-in with ``fields`` (None values left out)."""
    return call_applying(core, _raw.CREATE_SIGN_IN, sign_in_envelope, (), form_of(fields))


def get(core: Core, sign_in_id: str) -> Flow[SignInData]:
    """GET the sign-in."""
    return call_applying(core, _raw.GET_SIGN_IN, sign_in_envelope, (sign_in_id,), None)


def prepare_factor(
    core: Core, sign_in: SignInData, step: int, strategy: str, fields: Mapping[str, Any]
) -> Flow[SignInData]:
    """Prepare the first (``step`` 1) or second (2) factor ``strategy``."""
    form = form_of(fields)
    form["strategy"] = strategy
    factor = sign_in.first_factor(strategy) if step == 1 else sign_in.second_factor(strategy)
    if factor is not None:
        # clerk-js finds the id the prepare step needs among the supported factors.
        if strategy in _EMAIL_STRATEGIES and factor.email_address_id:
            form.setdefault("email_address_id", factor.email_address_id)
        if strategy in _PHONE_STRATEGIES and factor.phone_number_id:
            form.setdefault("phone_number_id", factor.phone_number_id)
    endpoint = _raw.PREPARE_FIRST_FACTOR if step == 1 else _raw.PREPARE_SECOND_FACTOR
    return call_applying(core, endpoint, sign_in_envelope, (sign_in.id,), form)


def attempt_factor(
    core: Core, sign_in_id: str, step: int, strategy: str, fields: Mapping[str, Any]
) -> Flow[SignInData]:
    """Attempt the first (``step`` 1) or second (2) factor ``strategy``."""
    form = form_of(fields)
    form["strategy"] = strategy
    endpoint = _raw.ATTEMPT_FIRST_FACTOR if step == 1 else _raw.ATTEMPT_SECOND_FACTOR
    return call_applying(core, endpoint, sign_in_envelope, (sign_in_id,), form)


def reset_password(core: Core, sign_in_id: str, password: str, sign_out: bool) -> Flow[SignInData]:
    """Set a new password on a sign-in that needs one."""
    form = {"password": password, "sign_out_of_other_sessions": sign_out}
    return call_applying(core, _raw.RESET_PASSWORD, sign_in_envelope, (sign_in_id,), form)


def with_password(core: Core, identifier: str, password: str) -> Flow[SessionData]:
    """Sign in with an identifier and a password; the new session, or :class:`SignInIncompleteError`."""
    sign_in = yield from start(core, {"identifier": identifier, "password": password})
    if sign_in.status == SignInStatus.NEEDS_FIRST_FACTOR and sign_in.first_factor("password"):
        # Instances that do not take the password with the identifier: attempt it next.
        sign_in = yield from attempt_factor(core, sign_in.id, 1, "password", {"password": password})
    if sign_in.status != SignInStatus.COMPLETE or not sign_in.created_session_id:
        raise _incomplete(sign_in)
    session = sessions.find(core, sign_in.created_session_id)
    if session is None:
        session = yield from sessions.get(core, sign_in.created_session_id)
    return session


_NEXT_STEP: Final = {
    SignInStatus.NEEDS_FIRST_FACTOR: "a first factor: sign_in.attempt_first_factor(strategy, ...)",
    SignInStatus.NEEDS_SECOND_FACTOR: "a second factor: sign_in.attempt_second_factor(strategy, code=...)",
    SignInStatus.NEEDS_NEW_PASSWORD: "a new password: sign_in.reset_password(new_password)",
    SignInStatus.NEEDS_CLIENT_TRUST: "client trust: sign_in.prepare_second_factor(...), then attempt it",
    SignInStatus.NEEDS_IDENTIFIER: "an identifier",
}


def _incomplete(sign_in: SignInData) -> SignInIncompleteError:
    step = _NEXT_STEP.get(sign_in.status, f"another step (status {sign_in.status})")
    strategies = [f.strategy for f in sign_in.supported_second_factors if f.strategy]
    if sign_in.status == SignInStatus.NEEDS_SECOND_FACTOR and strategies:
        step += f"; supported: {', '.join(strategies)}"
    return SignInIncompleteError(sign_in.status, sign_in, f"the sign-in is not complete: it needs {step}")
