"""Reading request input the way the Frontend API does: urlencoded forms with typed, validated fields.

Malformed input must come back as a 4xx with an error body, never as an exception escaping the request loop,
so every parser here raises `FapiError`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import parse_qsl

from ._errors import FapiError, param_invalid, param_missing, param_unknown

_PHONE_JUNK = re.compile(r"[\s\-().]")
_PHONE_SHAPE = re.compile(r"^\+[1-9]\d{6,14}$")
# The fictional North American numbers reserved for tests: +1 XXX 555-0100 to 555-0199.
_TEST_PHONE = re.compile(r"^\+1\d{3}55501\d{2}$")
_EMAIL_SHAPE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def parse_form(body: bytes) -> dict[str, str]:
    """Decode an `application/x-www-form-urlencoded` body; repeated keys keep the last value."""
    if not body:
        return {}
    try:
        text = body.decode("utf-8")
        pairs = parse_qsl(text, keep_blank_values=True, strict_parsing=False, errors="strict")
    except (UnicodeDecodeError, ValueError) as exc:
        raise FapiError(
            400,
            "malformed_request",
            "Malformed request body",
            "The request body is not valid urlencoded UTF-8.",
        ) from exc
    form: dict[str, str] = {}
    for key, value in pairs:
        form[key] = value
    return form


def reject_unknown(form: Mapping[str, str], allowed: Iterable[str]) -> None:
    allowed_set = set(allowed)
    for key in form:
        if key not in allowed_set:
            raise param_unknown(key)


def text(form: Mapping[str, str], name: str) -> str | None:
    """A string field; absent and empty (the wire form of null) both read as None."""
    value = form.get(name)
    return value if value else None


def required_text(form: Mapping[str, str], name: str) -> str:
    value = text(form, name)
    if value is None:
        raise param_missing(name)
    return value


def boolean(form: Mapping[str, str], name: str) -> bool | None:
    value = form.get(name)
    if value is None or value == "":
        return None
    lowered = value.lower()
    if lowered in ("true", "1"):
        return True
    if lowered in ("false", "0"):
        return False
    raise param_invalid(name, "must be true or false")


def json_object(form: Mapping[str, str], name: str) -> dict[str, Any] | None:
    value = text(form, name)
    if value is None:
        return None
    try:
        parsed = json.loads(value)
    except ValueError as exc:
        raise param_invalid(name, "must be a JSON object") from exc
    if not isinstance(parsed, dict):
        raise param_invalid(name, "must be a JSON object")
    return parsed


def normalize_phone(raw: str) -> str | None:
    """E.164 form of a phone number, or None if it cannot be one."""
    cleaned = _PHONE_JUNK.sub("", raw)
    if cleaned.startswith("00"):
        cleaned = "+" + cleaned[2:]
    if not cleaned.startswith("+") and cleaned.isdigit() and len(cleaned) == 10:
        cleaned = "+1" + cleaned
    return cleaned if _PHONE_SHAPE.match(cleaned) else None


def phone_field(form: Mapping[str, str], name: str) -> str | None:
    value = text(form, name)
    if value is None:
        return None
    phone = normalize_phone(value)
    if phone is None:
        raise param_invalid(name, "is not a valid phone number")
    return phone


def email_field(form: Mapping[str, str], name: str) -> str | None:
    value = text(form, name)
    if value is None:
        return None
    if not _EMAIL_SHAPE.match(value):
        raise param_invalid(name, "must be a valid email address")
    return value


def is_test_email(email: str) -> bool:
    return "+clerk_test" in email.split("@", 1)[0].lower()


def is_test_phone(phone: str) -> bool:
    return bool(_TEST_PHONE.match(phone))


def looks_like_email(value: str) -> bool:
    return "@" in value
