"""What the command line prints: tables and lines for people, JSON objects for scripts, and errors.

Results go to stdout, progress and errors to stderr. The JSON keys are documented in
:mod:`clerk_fapi.cli`; they are only ever added, never renamed or removed.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any, TextIO

from .._errors import ClerkAPIError
from .._models import SessionData, SignInData, SignInFactor, SignInStatus, SignUpData
from .exits import PROG

__all__ = [
    "Output",
    "describe_api_error",
    "error_json",
    "fields",
    "human_time",
    "iso",
    "session_json",
    "sessions_table",
    "sign_in_json",
    "sign_in_line",
    "sign_up_json",
    "sign_up_line",
    "strategies",
    "table",
    "user_label",
]


class Output:
    """Where one run writes: its result on stdout (a table or a JSON object), the rest on stderr."""

    def __init__(self, stdout: TextIO, stderr: TextIO, *, as_json: bool) -> None:
        self.stdout = stdout
        self.stderr = stderr
        self.json = as_json

    def result(self, human: str, data: dict[str, Any]) -> None:
        """The command's result: ``data`` as JSON with ``--json``, else the ``human`` text."""
        if self.json:
            self.stdout.write(json.dumps(data, indent=2, sort_keys=True) + "\n")
        else:
            self.stdout.write(human.rstrip("\n") + "\n")
        self.stdout.flush()

    def raw(self, text: str) -> None:
        """``text`` alone on a line of stdout (the JWT of ``token``, for ``$(clerk-fapi token)``)."""
        self.stdout.write(text + "\n")
        self.stdout.flush()

    def progress(self, text: str) -> None:
        """Informational lines (codes sent...) on stderr, so stdout holds only the result."""
        if not self.json:
            self.stderr.write(text + "\n")
            self.stderr.flush()

    def error(self, exc: BaseException, text: str, status: int) -> int:
        """Report a failure on stderr (``text``, or ``exc`` as a JSON object) and return ``status``."""
        if self.json:
            self.stderr.write(json.dumps(error_json(exc), sort_keys=True) + "\n")
        else:
            self.stderr.write(f"{PROG}: error: {text}\n")
        self.stderr.flush()
        return status


# ----- values ---------------------------------------------------------------------------------------------
def iso(value: datetime | None) -> str | None:
    """ISO 8601 UTC to the second (``2026-05-12T10:00:00Z``), or None."""
    if value is None:
        return None
    return value.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def human_time(value: datetime | None) -> str:
    """``2026-05-12 10:00:00 UTC``, or ``-``."""
    if value is None:
        return "-"
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Columns aligned on the widest cell, two spaces apart."""
    widths = [max(len(str(c)) for c in column) for column in zip(headers, *rows, strict=False)]
    lines = [
        "  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
        for row in (headers, *rows)
    ]
    return "\n".join(lines)


def fields(pairs: Sequence[tuple[str, str]]) -> str:
    """``Label   value`` lines, the values aligned."""
    width = max(len(label) for label, _ in pairs)
    return "\n".join(f"{label.ljust(width)}  {value}" for label, value in pairs)


def strategies(factors: Sequence[SignInFactor]) -> list[str]:
    """The strategy names of sign-in factors, in order."""
    return [f.strategy for f in factors if f.strategy]


# ----- JSON -----------------------------------------------------------------------------------------------
def session_json(session: SessionData, last_active_id: str | None) -> dict[str, Any]:
    """A *session* object (never a token)."""
    public = session.public_user_data
    user = session.user
    return {
        "id": session.id,
        "status": session.status,
        "user_id": user.id if user else (public.user_id if public else None),
        "identifier": session.identifier,
        "first_name": (public.first_name if public else None) or (user.first_name if user else None),
        "last_name": (public.last_name if public else None) or (user.last_name if user else None),
        "last_active": session.id == last_active_id,
        "last_active_organization_id": session.last_active_organization_id,
        "last_active_at": iso(session.last_active_at),
        "expire_at": iso(session.expire_at),
        "created_at": iso(session.created_at),
        "updated_at": iso(session.updated_at),
    }


def sign_in_json(sign_in: SignInData | None) -> dict[str, Any] | None:
    """A *sign-in* object, or None."""
    if sign_in is None:
        return None
    return {
        "id": sign_in.id,
        "status": sign_in.status,
        "identifier": sign_in.identifier,
        "first_factors": strategies(sign_in.supported_first_factors),
        "second_factors": strategies(sign_in.supported_second_factors),
        "created_session_id": sign_in.created_session_id,
    }


def sign_up_json(sign_up: SignUpData | None) -> dict[str, Any] | None:
    """A *sign-up* object, or None."""
    if sign_up is None:
        return None
    return {
        "id": sign_up.id,
        "status": sign_up.status,
        "email_address": sign_up.email_address,
        "phone_number": sign_up.phone_number,
        "username": sign_up.username,
        "missing_fields": list(sign_up.missing_fields),
        "unverified_fields": list(sign_up.unverified_fields),
        "created_session_id": sign_up.created_session_id,
        "created_user_id": sign_up.created_user_id,
    }


def error_json(exc: BaseException) -> dict[str, Any]:
    """``{"error": {...}}``: the exception's type and message, and Clerk's codes for an API error."""
    info: dict[str, Any] = {"type": type(exc).__name__, "message": str(exc)}
    if isinstance(exc, ClerkAPIError):
        info.update(
            code=exc.code,
            codes=list(exc.codes),
            status_code=exc.status_code,
            trace_id=exc.trace_id,
            message=exc.long_message or str(exc),
        )
    return {"error": info}


# ----- text -----------------------------------------------------------------------------------------------
def describe_api_error(exc: ClerkAPIError) -> str:
    """``code: long message (HTTP 422; also other_code; clerk_trace_id ...)``."""
    text = f"{exc.code or 'error'}: {exc.long_message or 'the Frontend API answered an error'}"
    details = [f"HTTP {exc.status_code}"]
    if len(exc.codes) > 1:
        details.append("also " + ", ".join(exc.codes[1:]))
    if exc.trace_id:
        details.append(f"clerk_trace_id {exc.trace_id}")
    return f"{text} ({'; '.join(details)})"


def user_label(session: SessionData) -> str:
    """``identifier (First Last)``, or the identifier (or user id) alone."""
    public = session.public_user_data
    name = " ".join(p for p in ((public.first_name, public.last_name) if public else ()) if p)
    ident = session.identifier or (session.user.id if session.user else "?")
    return f"{ident} ({name})" if name else ident


def sessions_table(sessions: Sequence[SessionData], last_active_id: str | None) -> str:
    """The sessions as a table, the last active one starred; ``no sessions`` when there are none."""
    if not sessions:
        return "no sessions"
    rows = [
        (
            "*" if s.id == last_active_id else "",
            s.id,
            s.status,
            user_label(s),
            s.last_active_organization_id or "-",
            human_time(s.last_active_at),
            human_time(s.expire_at),
        )
        for s in sessions
    ]
    return table(("", "SESSION", "STATUS", "USER", "ORGANIZATION", "LAST ACTIVE", "EXPIRES"), rows)


def sign_in_line(sign_in: SignInData | None) -> str:
    """A sign-in on one line: id, status, identifier and the second factors it waits for."""
    if sign_in is None:
        return "none"
    text = f"{sign_in.id} {sign_in.status}"
    if sign_in.identifier:
        text += f" ({sign_in.identifier})"
    if sign_in.status == SignInStatus.NEEDS_SECOND_FACTOR:
        text += "; second factors: " + (", ".join(strategies(sign_in.supported_second_factors)) or "-")
    return text


def sign_up_line(sign_up: SignUpData | None) -> str:
    """A sign-up on one line: id, status, who, and what is missing or unverified."""
    if sign_up is None:
        return "none"
    who = sign_up.email_address or sign_up.phone_number or sign_up.username
    text = f"{sign_up.id} {sign_up.status}" + (f" ({who})" if who else "")
    if sign_up.missing_fields:
        text += "; missing: " + ", ".join(sign_up.missing_fields)
    if sign_up.unverified_fields:
        text += "; unverified: " + ", ".join(sign_up.unverified_fields)
    return text
