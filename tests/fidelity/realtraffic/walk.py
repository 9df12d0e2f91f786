"""Reading a real answer the way the facade does, and walking the result back to the answer's keys.

``read(method, path, status, body)`` parses a body through the facade's own path: the generated
parser and converter of the endpoint the client calls for that request (``_raw.parse`` and the
``convert`` the client passes), the engine's error mapping for an error answer, and the read-model
converters for the resources the facade has no endpoint for yet (``/v1/me``). The result is a
:class:`View` of what the facade holds under each of the answer's top-level keys.

``lost(body, view)`` walks the JSON and the facade's objects side by side and lists every key, at any
depth, that is neither an attribute (with the same value: timestamps as the same instant) nor in the
object's ``extra`` (with the same JSON).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

import attrs
import httpx
from clerk_fapi import _convert, _convert_account, _models, _raw
from clerk_fapi._answers import api_error
from clerk_fapi_raw import models as raw

# How the facade converts each generated envelope, as the client does (``convert=`` in _client.py).
CONVERTERS: dict[type[Any], Callable[[Any], Any]] = {
    raw.ClientEnvelope: _convert.client_from_envelope,
    raw.SessionEnvelope: _convert.session_envelope,
    raw.SignInEnvelope: _convert.sign_in_envelope,
    raw.SignUpEnvelope: _convert.sign_up_envelope,
    raw.Environment: _convert.environment_from_generated,
    raw.UserEnvelope: _convert_account.user_envelope,
    raw.EmailAddressEnvelope: _convert_account.email_address_envelope,
    raw.PhoneNumberEnvelope: _convert_account.phone_number_envelope,
    raw.DeletedObjectEnvelope: _convert_account.deleted_object_envelope,
    raw.TOTPEnvelope: _convert_account.totp_envelope,
    raw.BackupCodesEnvelope: _convert_account.backup_codes_envelope,
    raw.SessionReverificationEnvelope: _convert_account.reverification_envelope,
}

# Resources of the endpoints the facade has no call for yet, by their ``object``: the read model the
# facade has for them.
RESOURCE_READERS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "client": lambda d: _convert.client_state_from_generated(raw.Client.from_dict(d)),
    "session": lambda d: _convert.session_from_generated(raw.Session.from_dict(d)),
    "user": lambda d: _convert.user_from_generated(raw.User.from_dict(d)),
    "email_address": lambda d: _convert._identification(
        raw.EmailAddress.from_dict(d), _models.EmailAddress, "response"
    ),
    "phone_number": lambda d: _convert._identification(
        raw.PhoneNumber.from_dict(d), _models.PhoneNumber, "response"
    ),
}

# Attributes that hold one key of a nested object (the session JWT of ``last_active_token``, the
# ``key`` of each task); the object's other keys are in the parent's ``extra`` under the same name.
RESHAPED: dict[tuple[type[Any], str], str] = {
    (_models.SessionData, "last_active_token"): "jwt",
    (_models.SessionData, "tasks"): "key",
}

_ENDPOINTS = [
    (e, re.compile("^" + re.sub(r"\\\{[^}]*\\\}", "[^/]+", re.escape(e.name.split(" ", 1)[1])) + "$"))
    for e in vars(_raw).values()
    if isinstance(e, _raw.Endpoint)
]


@attrs.frozen
class View:
    """What the facade holds for each top-level key of an answer that is not itself a read model."""

    fields: Mapping[str, Any]


def endpoint_for(method: str, path: str) -> _raw.Endpoint | None:
    """The facade's endpoint for a recorded request; None when the facade has no call for it."""
    if (method, path) == ("POST", "/v1/client"):
        # Clerk's native SDKs create the client with POST; the facade's create is PUT (both are
        # "create a client" in the spec, with the same answer).
        method = "PUT"
    found = [e for e, pattern in _ENDPOINTS if e.name.startswith(f"{method} ") and pattern.match(path)]
    assert len(found) <= 1, f"{method} {path} matches {[e.name for e in found]}"
    return found[0] if found else None


def read(method: str | None, path: str | None, status: int, body: Any) -> Any:
    """The facade's reading of one answer (see the module docstring)."""
    endpoint = endpoint_for(method, path) if method and path else None
    response = httpx.Response(status, json=body)
    if status >= 400 or (isinstance(body, dict) and "errors" in body):
        error = api_error(endpoint or _raw.GET_CLIENT, response)
        return View({"errors": error.errors, "clerk_trace_id": error.trace_id})
    if endpoint is None:
        if isinstance(body, dict) and set(body) <= {"response", "client"}:
            resource = body["response"]
            client = body.get("client")
            return View(
                {
                    "response": RESOURCE_READERS[resource["object"]](resource),
                    "client": RESOURCE_READERS["client"](client) if client is not None else None,
                }
            )
        if isinstance(body, dict) and "auth_config" in body:
            endpoint = _raw.GET_ENVIRONMENT
        else:
            raise AssertionError(f"no way to read a {type(body).__name__} answer to {method} {path}")
    assert endpoint.result is not None
    converted = CONVERTERS[endpoint.result](_raw.parse(endpoint, response))
    if endpoint.result is raw.ClientEnvelope:
        # The client is the resource itself; the envelope's `client` beside it is null.
        return View({"response": converted, "client": None})
    if isinstance(converted, tuple):
        resource, client = converted
        return View({"response": resource, "client": client})
    return converted


def _same_scalar(value: Any, held: Any) -> bool:
    if isinstance(held, datetime):
        return held == _convert.ms_to_datetime(value)
    if value is None:
        # The facade reads a null collection as an empty one (``_opt``); a null object as None.
        return held is None or held == () or held == {} or held is _models.EMPTY_STATE
    return type(value) is type(held) and bool(value == held)


def lost(value: Any, held: Any, where: str = "$") -> list[str]:
    """Where the JSON ``value`` has a key (or value) the facade's ``held`` does not keep."""
    if isinstance(held, View):
        return _lost_in_object(value, held.fields, {}, type(held), where)
    if attrs.has(type(held)) and isinstance(value, dict):
        names = {f.name: getattr(held, f.name) for f in attrs.fields(type(held)) if f.name != "extra"}
        return _lost_in_object(value, names, getattr(held, "extra", {}), type(held), where)
    if isinstance(held, tuple) and isinstance(value, list):
        if len(held) != len(value):
            return [f"{where} ({len(value)} items became {len(held)})"]
        return [
            found
            for i, (v, h) in enumerate(zip(value, held, strict=True))
            for found in lost(v, h, f"{where}[{i}]")
        ]
    if isinstance(held, Mapping) and isinstance(value, dict):
        return [] if dict(held) == value else [f"{where} (mapping changed)"]
    if not _same_scalar(value, held):
        return [f"{where} ({type(value).__name__} became {type(held).__name__})"]
    return []


def _lost_in_object(
    value: dict[str, Any], names: Mapping[str, Any], extra: Mapping[str, Any], cls: type[Any], where: str
) -> list[str]:
    found: list[str] = []
    for key, item in value.items():
        here = f"{where}.{key}"
        inner = RESHAPED.get((cls, key))
        if inner is not None:
            found += _lost_reshaped(item, names[key], extra.get(key), inner, here)
        elif key in names:
            found += lost(item, names[key], here)
        elif key in extra:
            if extra[key] != item:
                found.append(f"{here} (changed in extra)")
        else:
            found.append(here)
    return found


def _lost_reshaped(value: Any, held: Any, rest: Any, inner: str, where: str) -> list[str]:
    """An attribute holding ``inner`` of an object (or of each object of a list), the rest in extra."""
    if value is None:
        return [] if held is None and rest is None else [f"{where} (null became a value)"]
    many = isinstance(value, list)
    items, helds = (value, held) if many else ([value], (held,))
    rests = rest if many else [rest]
    if rests is None:
        rests = [None] * len(items)
    if len(helds) != len(items) or len(rests) != len(items):
        return [f"{where} (items changed)"]
    found = []
    for i, (item, h, r) in enumerate(zip(items, helds, rests, strict=True)):
        here = f"{where}[{i}]" if many else where
        if not _same_scalar(item.get(inner), h):
            found.append(f"{here}.{inner}")
        others = {k: v for k, v in item.items() if k != inner}
        if others != (r or {}):
            found += [f"{here}.{k}" for k in sorted(others) if k not in (r or {})] or [f"{here} (changed)"]
    return found
