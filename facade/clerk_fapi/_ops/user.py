"""The signed-in user (``/v1/me``): the user, its email addresses and phone numbers, its password
and second factors.

Every call names the session it acts for in the query ``_clerk_session_id`` (clerk-js, iOS and
Android do; the server picks the user from it) and applies the client the answer piggybacks, so a
rotated token or a changed session is never lost.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from .. import _raw
from .._account_models import TOTP, BackupCodes, DeletedObject
from .._convert_account import (
    backup_codes_envelope,
    deleted_object_envelope,
    email_address_envelope,
    phone_number_envelope,
    totp_envelope,
    user_envelope,
)
from .._engine import Flow
from .._errors import ConfigurationError
from .._models import ClientState, EmailAddress, PhoneNumber, UserData
from .._sentinel import NotGiven
from . import Core

__all__ = [
    "change_password",
    "create_backup_codes",
    "create_email_address",
    "create_phone_number",
    "create_totp",
    "delete",
    "delete_email_address",
    "delete_phone_number",
    "delete_totp",
    "get",
    "identification_verification",
    "update",
    "update_metadata",
    "update_phone_number",
    "verify_totp",
]

D = TypeVar("D")

# What ``update`` sends: the fields PATCH /v1/me takes (metadata has its own call since 2026-05-12).
UPDATABLE = ("first_name", "last_name", "username", "primary_email_address_id", "primary_phone_number_id")


def call(
    core: Core,
    session_id: str,
    endpoint: _raw.Endpoint,
    convert: Callable[[Any], tuple[D, ClientState | None]],
    path: tuple[str, ...] = (),
    form: Mapping[str, Any] | None = None,
) -> Flow[D]:
    """One ``/v1/me`` call for the session ``session_id``: apply the piggybacked client, return the
    resource."""
    if not isinstance(session_id, str) or not session_id:
        raise ConfigurationError("a /v1/me call needs the id of a signed-in session")
    query = {_raw.SESSION_ID_PARAM: session_id}
    data, state = yield from core._engine.call(endpoint, path=path, form=form, query=query, convert=convert)
    core._apply(state)
    return data


def given(fields: Mapping[str, Any]) -> dict[str, Any]:
    """The fields that were given (``NOT_GIVEN`` left out; None is sent, and means "clear it")."""
    return {name: value for name, value in fields.items() if not isinstance(value, NotGiven)}


def get(core: Core, session_id: str) -> Flow[UserData]:
    """GET /v1/me."""
    return call(core, session_id, _raw.GET_USER, user_envelope)


def update(core: Core, session_id: str, fields: Mapping[str, Any]) -> Flow[UserData]:
    """PATCH /v1/me with the fields given."""
    form = given(fields)
    if not form:
        raise ConfigurationError(f"update() needs at least one of: {', '.join(UPDATABLE)}")
    return call(core, session_id, _raw.UPDATE_USER, user_envelope, form=form)


def update_metadata(core: Core, session_id: str, unsafe_metadata: Mapping[str, Any]) -> Flow[UserData]:
    """PATCH /v1/me/metadata: ``unsafe_metadata`` is a merge patch (a None value removes a key)."""
    if not isinstance(unsafe_metadata, Mapping):
        raise ConfigurationError("unsafe_metadata must be a mapping (a JSON object)")
    try:
        patch = json.dumps(dict(unsafe_metadata))
    except (TypeError, ValueError) as exc:
        raise ConfigurationError(f"unsafe_metadata must be JSON-serialisable: {exc}") from exc
    form = {"unsafe_metadata": patch}
    return call(core, session_id, _raw.UPDATE_USER_METADATA, user_envelope, form=form)


def delete(core: Core, session_id: str) -> Flow[DeletedObject]:
    """DELETE /v1/me: the user is deleted and its sessions end (the piggybacked client says so)."""
    deleted = yield from call(core, session_id, _raw.DELETE_USER, deleted_object_envelope)
    core._tokens.clear(session_id)
    return deleted


def change_password(
    core: Core,
    session_id: str,
    new_password: str,
    current_password: str | None,
    sign_out_of_other_sessions: bool | NotGiven,
) -> Flow[UserData]:
    """POST /v1/me/change_password (the passwords are never logged nor put in an error)."""
    if not isinstance(new_password, str) or not new_password:
        raise ConfigurationError("new_password must be a non-empty string")
    if current_password is not None and not isinstance(current_password, str):
        raise ConfigurationError("current_password must be a string or None")
    if not isinstance(sign_out_of_other_sessions, bool | NotGiven):
        raise ConfigurationError("sign_out_of_other_sessions must be True or False")
    form = given(
        {
            "new_password": new_password,
            "current_password": current_password if current_password is not None else NotGiven(),
            "sign_out_of_other_sessions": sign_out_of_other_sessions,
        }
    )
    return call(core, session_id, _raw.CHANGE_PASSWORD, user_envelope, form=form)


# ----- email addresses and phone numbers ------------------------------------------------------------
def create_email_address(core: Core, session_id: str, email_address: str) -> Flow[EmailAddress]:
    """POST /v1/me/email_addresses."""
    form = {"email_address": _text("email_address", email_address)}
    return call(core, session_id, _raw.CREATE_EMAIL_ADDRESS, email_address_envelope, form=form)


def delete_email_address(core: Core, session_id: str, email_address_id: str) -> Flow[DeletedObject]:
    """DELETE /v1/me/email_addresses/{id}."""
    return call(core, session_id, _raw.DELETE_EMAIL_ADDRESS, deleted_object_envelope, (email_address_id,))


def create_phone_number(
    core: Core, session_id: str, phone_number: str, reserved_for_second_factor: bool | NotGiven
) -> Flow[PhoneNumber]:
    """POST /v1/me/phone_numbers."""
    form = given(
        {
            "phone_number": _text("phone_number", phone_number),
            "reserved_for_second_factor": reserved_for_second_factor,
        }
    )
    return call(core, session_id, _raw.CREATE_PHONE_NUMBER, phone_number_envelope, form=form)


def update_phone_number(
    core: Core, session_id: str, phone_number_id: str, fields: Mapping[str, Any]
) -> Flow[PhoneNumber]:
    """PATCH /v1/me/phone_numbers/{id} (``reserved_for_second_factor``, ``default_second_factor``)."""
    form = given(fields)
    if not form:
        raise ConfigurationError(
            "update_phone_number() needs reserved_for_second_factor or default_second_factor"
        )
    return call(
        core, session_id, _raw.UPDATE_PHONE_NUMBER, phone_number_envelope, (phone_number_id,), form=form
    )


def delete_phone_number(core: Core, session_id: str, phone_number_id: str) -> Flow[DeletedObject]:
    """DELETE /v1/me/phone_numbers/{id}."""
    return call(core, session_id, _raw.DELETE_PHONE_NUMBER, deleted_object_envelope, (phone_number_id,))


_VERIFICATION_ENDPOINTS: dict[tuple[str, str], tuple[_raw.Endpoint, Callable[[Any], Any]]] = {
    ("email", "prepare"): (_raw.PREPARE_EMAIL_ADDRESS_VERIFICATION, email_address_envelope),
    ("email", "attempt"): (_raw.ATTEMPT_EMAIL_ADDRESS_VERIFICATION, email_address_envelope),
    ("phone", "prepare"): (_raw.PREPARE_PHONE_NUMBER_VERIFICATION, phone_number_envelope),
    ("phone", "attempt"): (_raw.ATTEMPT_PHONE_NUMBER_VERIFICATION, phone_number_envelope),
}


def identification_verification(
    core: Core, session_id: str, kind: str, step: str, identification_id: str, fields: Mapping[str, Any]
) -> Flow[Any]:
    """Prepare (``step`` "prepare": ``strategy``...) or attempt ("attempt": ``code``) the verification
    of an email address (``kind`` "email") or a phone number ("phone")."""
    endpoint, convert = _VERIFICATION_ENDPOINTS[(kind, step)]
    return call(core, session_id, endpoint, convert, (identification_id,), form=given(fields))


# ----- second factors -------------------------------------------------------------------------------
def create_totp(core: Core, session_id: str) -> Flow[TOTP]:
    """POST /v1/me/totp: a new, unverified TOTP with its secret and otpauth URI."""
    return call(core, session_id, _raw.CREATE_TOTP, totp_envelope)


def verify_totp(core: Core, session_id: str, code: str) -> Flow[TOTP]:
    """POST /v1/me/totp/attempt_verification."""
    form = {"code": _text("code", code)}
    return call(core, session_id, _raw.VERIFY_TOTP, totp_envelope, form=form)


def delete_totp(core: Core, session_id: str) -> Flow[DeletedObject]:
    """DELETE /v1/me/totp."""
    return call(core, session_id, _raw.DELETE_TOTP, deleted_object_envelope)


def create_backup_codes(core: Core, session_id: str) -> Flow[BackupCodes]:
    """POST /v1/me/backup_codes."""
    return call(core, session_id, _raw.CREATE_BACKUP_CODES, backup_codes_envelope)


def _text(name: str, value: Any) -> str:
    if not isinstance(value, str) or not value:
        raise ConfigurationError(f"{name} must be a non-empty string")
    return value
