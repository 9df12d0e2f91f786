"""An emulator shaped like a real instance: the rules it enforces, read from its `/v1/environment`.

`Emulator(environment=...)` (a path to the JSON that `clerk-fapi environment --json` saved, or the parsed
dict) serves that environment and enforces what it can of it:

- `auth_config.identification_strategies`: which identifiers a sign-in accepts (`email_address`,
  `phone_number`, `username`), and the sign-in's `supported_identifiers`;
- `auth_config.first_factors` / `second_factors`: which strategies a sign-in offers and accepts;
- `user_settings.attributes.<field>.required` and `user_settings.sign_up.legal_consent_enabled`: the
  sign-up's `required_fields` (a sign-up stays `missing_requirements` until they are given); enabled,
  optional attributes and enabled social providers make its `optional_fields`;
- `auth_config.single_session_mode`, `display_config.instance_environment_type` and `application_name`,
  `auth_config.native_settings.api_enabled`;
- `organization_settings.enabled` and `max_allowed_memberships`: seeding organizations and members.

Everything else that would change behaviour and differs from the emulator's own instance is listed by
`unhonoured_settings` (and logged at start-up), never silently ignored. Display settings (names, colours,
URLs, images) are served as they are and change no behaviour.
"""

from __future__ import annotations

import copy
import json
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ._environment import SIGN_UP_FIELDS
from ._environment import _template as template

# What the emulator implements, whatever an environment lists.
IMPLEMENTED_FIRST_FACTORS = frozenset(
    {
        "password",
        "email_code",
        "phone_code",
        "email_link",
        "reset_password_email_code",
        "reset_password_phone_code",
        "ticket",
    }
)
IMPLEMENTED_SECOND_FACTORS = frozenset({"totp", "phone_code", "backup_code"})
# The identification strategies that are typed identifiers (the others are OAuth, passkey, password...).
IDENTIFIER_KINDS = ("email_address", "phone_number", "username")

# Settings the emulator enforces or derives from the ones it enforces (served as they are).
_HONOURED = (
    "auth_config.single_session_mode",
    "auth_config.first_factors",
    "auth_config.second_factors",
    "auth_config.identification_strategies",
    "auth_config.identification_requirements",
    "auth_config.first_name",
    "auth_config.last_name",
    "auth_config.email_address",
    "auth_config.phone_number",
    "auth_config.username",
    "auth_config.password",
    "auth_config.test_mode",
    "auth_config.cookieless_dev",
    "auth_config.url_based_session_syncing",
    "auth_config.claimed_at",
    "auth_config.native_settings.api_enabled",
    "user_settings.sign_up.legal_consent_enabled",
    "organization_settings.enabled",
    "organization_settings.max_allowed_memberships",
)
# Per-attribute settings the emulator honours: `required`, and the factor lists that
# `auth_config.first_factors` / `second_factors` gather (those are enforced).
_ATTRIBUTE_HONOURED = (
    ".required",
    ".used_for_first_factor",
    ".first_factors",
    ".used_for_second_factor",
    ".second_factors",
)
# Served as they are; they change nothing the emulator does.
_COSMETIC_PREFIXES = ("display_config.",)
_COSMETIC_LEAVES = ("id", "object", "logo_url")


class EnvironmentFileError(ValueError):
    """The environment given to the emulator cannot be read or is not a `/v1/environment` answer."""


@dataclass(frozen=True)
class InstanceRules:
    """What an environment makes the emulator do, and what it cannot honour."""

    body: dict[str, Any]
    instance_type: str
    application_name: str | None
    single_session_mode: bool
    native_api_enabled: bool | None
    sign_up_required: frozenset[str]
    sign_up_optional: tuple[str, ...]
    first_factors: frozenset[str]
    second_factors: frozenset[str]
    identifiers: tuple[str, ...]
    organizations_enabled: bool | None
    max_memberships: int | None
    unhonoured: tuple[str, ...]


def load_environment(source: str | os.PathLike[str] | Mapping[str, Any]) -> dict[str, Any]:
    """The environment from a file or a dict. A recorded `{"key": ..., "body": {...}}` is unwrapped."""
    if isinstance(source, Mapping):
        loaded: Any = copy.deepcopy(dict(source))
        where = "the environment dict"
    else:
        path = Path(source)
        where = str(path)
        try:
            loaded = json.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise EnvironmentFileError(f"cannot read the environment file {where}: {exc.strerror}") from None
        except ValueError as exc:
            raise EnvironmentFileError(f"the environment file {where} is not JSON: {exc}") from None
    if isinstance(loaded, dict) and "auth_config" not in loaded and isinstance(loaded.get("body"), dict):
        loaded = loaded["body"]
    if not isinstance(loaded, dict):
        raise EnvironmentFileError(f"{where} is not a JSON object")
    for key in ("auth_config", "user_settings"):
        if not isinstance(loaded.get(key), dict):
            raise EnvironmentFileError(
                f"{where} is not a /v1/environment answer: it has no {key} object "
                "(save one with: clerk-fapi environment --json > instance.json)"
            )
    return loaded


def rules_from(env: dict[str, Any]) -> InstanceRules:
    """The rules an environment sets, and the settings the emulator cannot honour."""
    auth = env["auth_config"]
    users = env["user_settings"]
    attributes: dict[str, Any] = users.get("attributes") or {}
    display = env.get("display_config") or {}
    required = {
        name
        for name in SIGN_UP_FIELDS
        if name != "legal_accepted"
        and (attributes.get(name) or {}).get("enabled")
        and (attributes.get(name) or {}).get("required")
    }
    if (users.get("sign_up") or {}).get("legal_consent_enabled"):
        required.add("legal_accepted")
    optional_fields = [
        name
        for name in SIGN_UP_FIELDS
        if name != "legal_accepted" and name not in required and (attributes.get(name) or {}).get("enabled")
    ]
    social = [name for name, entry in (users.get("social") or {}).items() if (entry or {}).get("enabled")]
    strategies = [str(s) for s in auth.get("identification_strategies") or []]
    first = frozenset(str(s) for s in auth.get("first_factors") or [])
    second = frozenset(str(s) for s in auth.get("second_factors") or [])
    orgs = env.get("organization_settings")
    native = auth.get("native_settings")
    unhonoured = list(_differences(env))
    missing_first = sorted(first - IMPLEMENTED_FIRST_FACTORS)
    if missing_first:
        unhonoured.append(
            f"auth_config.first_factors: not implemented by the emulator: {', '.join(missing_first)}"
        )
    missing_second = sorted(second - IMPLEMENTED_SECOND_FACTORS)
    if missing_second:
        unhonoured.append(
            f"auth_config.second_factors: not implemented by the emulator: {', '.join(missing_second)}"
        )
    instance_type = display.get("instance_environment_type") or "development"
    if instance_type not in ("development", "production"):
        unhonoured.append(f"display_config.instance_environment_type={instance_type!r}: run as development")
        instance_type = "development"
    return InstanceRules(
        body=env,
        instance_type=instance_type,
        application_name=display.get("application_name"),
        single_session_mode=bool(auth.get("single_session_mode")),
        native_api_enabled=native.get("api_enabled") if isinstance(native, dict) else None,
        sign_up_required=frozenset(required),
        sign_up_optional=tuple(sorted([*social, *optional_fields])),
        first_factors=first,
        second_factors=second,
        identifiers=tuple(s for s in strategies if not s.startswith("oauth_")),
        organizations_enabled=orgs.get("enabled") if isinstance(orgs, dict) else None,
        max_memberships=orgs.get("max_allowed_memberships") if isinstance(orgs, dict) else None,
        unhonoured=tuple(unhonoured),
    )


def _leaves(value: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    if isinstance(value, dict) and value:
        for key, item in value.items():
            yield from _leaves(item, f"{path}.{key}" if path else str(key))
    else:
        yield path, value


_ABSENT = object()


def _at(tree: Any, path: str) -> Any:
    for key in path.split("."):
        if not isinstance(tree, dict) or key not in tree:
            return _ABSENT
        tree = tree[key]
    return tree


def _differences(env: dict[str, Any]) -> Iterator[str]:
    """`path=value` for each behavioural setting that differs from the emulator's own instance and that
    the emulator does not enforce."""
    mine = template()
    for path, value in _leaves(env):
        if (
            path in _HONOURED
            or path.startswith(_COSMETIC_PREFIXES)
            or path.rsplit(".", 1)[-1] in _COSMETIC_LEAVES
        ):
            continue
        if path.startswith("user_settings.attributes.") and path.endswith(_ATTRIBUTE_HONOURED):
            continue
        if _at(mine, path) != value:
            yield f"{path}={json.dumps(value)}"
