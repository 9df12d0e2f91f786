"""Reading request input the way the Frontend API does: urlencoded forms with typed, validated fields.

Malformed input must come back as a 4xx with an error body, never as an exception escaping the request loop,
so every parser here raises `FapiError`.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping
from typing import Any, NoReturn
from urllib.parse import parse_qsl

from ._errors import FapiError, param_invalid, param_missing, param_unknown

_PHONE_JUNK = re.compile(r"[\s\-().]")
_PHONE_SHAPE = re.compile(r"^\+[1-9]\d{6,14}$")
# The fictional North American numbers reserved for tests: +1 XXX 555-0100 to 555-0199.
_TEST_PHONE = re.compile(r"^\+1\d{3}55501\d{2}$")
_EMAIL_SHAPE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# How deep stored JSON (metadata, template claims) may nest; deeper is refused, never a crash.
MAX_JSON_DEPTH = 100


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


def _refuse_constant(constant: str) -> NoReturn:
    raise ValueError(f"{constant} is not a JSON number")


def _finite_float(literal: str) -> float:
    number = float(literal)
    if not math.isfinite(number):
        raise ValueError("the number is out of range")
    return number


def check_json(value: Any) -> None:
    """Raise `ValueError` unless `value` is JSON the emulator can keep and write back as strict JSON:
    null, booleans, strings, integers, finite floats, lists and string-keyed objects, at most
    `MAX_JSON_DEPTH` levels deep. Walks iteratively, so depth alone never overflows the stack."""
    pending: list[tuple[Any, int]] = [(value, 1)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, dict | list | tuple):
            if depth > MAX_JSON_DEPTH:
                raise ValueError(f"nests deeper than {MAX_JSON_DEPTH} levels")
            if isinstance(item, dict):
                if not all(isinstance(key, str) for key in item):
                    raise ValueError("has an object key that is not a string")
                item = list(item.values())
            pending.extend((child, depth + 1) for child in item)
        elif isinstance(item, float):
            if not math.isfinite(item):
                raise ValueError("has a number that is not finite (NaN or infinity)")
        elif item is not None and not isinstance(item, str | int):
            raise ValueError(f"has a {type(item).__name__}, which is not JSON")


def json_object(form: Mapping[str, str], name: str) -> dict[str, Any] | None:
    """A JSON object field, in strict JSON: `NaN`, infinities and absurd nesting are format errors."""
    value = text(form, name)
    if value is None:
        return None
    try:
        parsed = json.loads(value, parse_constant=_refuse_constant, parse_float=_finite_float)
    except (ValueError, RecursionError) as exc:
        raise param_invalid(name, "must be a JSON object") from exc
    if not isinstance(parsed, dict):
        raise param_invalid(name, "must be a JSON object")
    try:
        check_json(parsed)  # parsed strictly, so only its depth can be wrong
    except ValueError as exc:
        raise param_invalid(name, f"must not nest more than {MAX_JSON_DEPTH} levels deep") from exc
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
