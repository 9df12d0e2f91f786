"""``environment``: the instance's settings (``GET /v1/environment``). With ``--json`` the whole answer,
as the server sent it, so that ``clerk-fapi environment --json > instance.json`` saves it for
``python -m clerk_fapi.testing --environment instance.json``."""

from __future__ import annotations

from typing import Any

from .._ops import environment as environment_ops
from .context import Context
from .exits import EXIT_OK
from .output import fields

__all__ = ["environment"]


def environment(ctx: Context) -> int:
    """``environment``: a summary of the instance's settings, or (``--json``) the whole environment."""
    env = ctx.client._run(environment_ops.as_json(ctx.client))
    auth: dict[str, Any] = env.get("auth_config") or {}
    display: dict[str, Any] = env.get("display_config") or {}
    attributes: dict[str, Any] = (env.get("user_settings") or {}).get("attributes") or {}
    required = sorted(n for n, a in attributes.items() if a.get("enabled") and a.get("required"))
    if ((env.get("user_settings") or {}).get("sign_up") or {}).get("legal_consent_enabled"):
        required = sorted([*required, "legal_accepted"])
    pairs = [
        ("Application", str(display.get("application_name") or "-")),
        ("Instance", str(display.get("instance_environment_type") or "-")),
        ("Single session", str(auth.get("single_session_mode"))),
        ("Identifiers", ", ".join(auth.get("identification_strategies") or []) or "-"),
        ("First factors", ", ".join(auth.get("first_factors") or []) or "-"),
        ("Second factors", ", ".join(auth.get("second_factors") or []) or "-"),
        ("Required fields", ", ".join(required) or "-"),
    ]
    ctx.output.result(fields(pairs), env)
    return EXIT_OK
