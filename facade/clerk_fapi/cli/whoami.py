"""``clerk-fapi whoami``: the signed-in user of the active session, fetched fresh (GET /v1/me): names,
email addresses, phone numbers, second factors and the active organization."""

from __future__ import annotations

from typing import Any

from .._models import EmailAddress, PhoneNumber, UserData
from .context import Context
from .exits import EXIT_OK, CommandFailed
from .output import fields, table

__all__ = ["whoami", "whoami_json"]


def whoami(ctx: Context) -> int:
    """``whoami``: who the active session is signed in as (with ``--json``, every detail as an object)."""
    session = ctx.client.last_active_session
    if session is None or not session.is_signed_in or session.user is None:
        raise CommandFailed("no active session: sign in first (clerk-fapi sign-in)")
    user = session.user.reload()
    organization_id = session.last_active_organization_id
    data = whoami_json(user, session.id, organization_id)
    factors = data["second_factors"]
    second = [name for name in ("totp", "backup_code") if factors[name]]
    second += [f"phone_code ({p})" for p in factors["phone_code"]]
    pairs = [
        ("User", user.id),
        ("Name", user.full_name or "-"),
        ("Username", user.username or "-"),
        ("Session", session.id),
        ("Organization", organization_id or "personal account"),
        ("Second factors", ", ".join(second) or "none"),
    ]
    rows = [_row("email", e, user.primary_email_address_id) for e in user.email_addresses]
    rows += [_row("phone", p, user.primary_phone_number_id) for p in user.phone_numbers]
    human = fields(pairs)
    if rows:
        human += "\n\n" + table(("KIND", "IDENTIFIER", "STATUS", "PRIMARY", "ID"), rows)
    ctx.output.result(human, data)
    return EXIT_OK


def whoami_json(user: UserData, session_id: str, organization_id: str | None) -> dict[str, Any]:
    """The ``--json`` object of ``whoami`` (keys are only ever added)."""
    return {
        "user_id": user.id,
        "session_id": session_id,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "username": user.username,
        "primary_email_address": _primary(user.primary_email_address, "email_address"),
        "primary_phone_number": _primary(user.primary_phone_number, "phone_number"),
        "email_addresses": [
            {
                "id": e.id,
                "email_address": e.email_address,
                "status": _status(e),
                "primary": e.id == user.primary_email_address_id,
            }
            for e in user.email_addresses
        ],
        "phone_numbers": [
            {
                "id": p.id,
                "phone_number": p.phone_number,
                "status": _status(p),
                "primary": p.id == user.primary_phone_number_id,
                "reserved_for_second_factor": bool(p.reserved_for_second_factor),
            }
            for p in user.phone_numbers
        ],
        "password_enabled": user.password_enabled,
        "two_factor_enabled": user.two_factor_enabled,
        "second_factors": {
            "totp": bool(user.totp_enabled),
            "backup_code": bool(user.backup_code_enabled),
            "phone_code": [p.phone_number for p in user.phone_numbers if p.reserved_for_second_factor],
        },
        "active_organization_id": organization_id,
    }


def _status(identification: EmailAddress | PhoneNumber) -> str:
    verification = identification.verification
    return (verification.status if verification else None) or "unverified"


def _primary(identification: EmailAddress | PhoneNumber | None, attribute: str) -> str | None:
    return getattr(identification, attribute) if identification is not None else None


def _row(kind: str, identification: EmailAddress | PhoneNumber, primary_id: str | None) -> list[str]:
    value = (
        identification.email_address
        if isinstance(identification, EmailAddress)
        else identification.phone_number
    )
    return [
        kind,
        value or "",
        _status(identification),
        "yes" if identification.id == primary_id else "",
        identification.id,
    ]
