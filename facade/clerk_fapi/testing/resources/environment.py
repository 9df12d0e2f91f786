"""`GET|PATCH /v1/environment`: the instance's settings (the body is built in `_environment.py`)."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from .. import _forms as forms
from .._call import Answer, Call, Settings
from .._environment import SIGN_UP_FIELDS, build_environment

if TYPE_CHECKING:
    from .._service import Service


def environment(svc: Service, call: Call) -> Answer:
    """`GET /v1/environment`, `PATCH /v1/environment`."""
    forms.reject_unknown(call.form, ())
    if svc.settings.environment is not None:
        return Answer(200, instance_environment(svc.settings))
    return Answer(
        200,
        build_environment(
            instance_type=svc.settings.instance_type,
            single_session_mode=svc.settings.single_session_mode,
            sign_up_required=svc.settings.sign_up_required,
            native_api_enabled=svc.settings.native_api_enabled,
            application_name=svc.settings.application_name,
            home_url=call.issuer,
        ),
    )


def instance_environment(settings: Settings) -> dict[str, Any]:
    """The environment the emulator was started from, with the settings changed since then."""
    assert settings.environment is not None
    env = copy.deepcopy(settings.environment)
    env["auth_config"]["single_session_mode"] = settings.single_session_mode
    display = env.setdefault("display_config", {})
    display["instance_environment_type"] = settings.instance_type
    for name, attribute in (env["user_settings"].get("attributes") or {}).items():
        if name in SIGN_UP_FIELDS and isinstance(attribute, dict):
            attribute["required"] = bool(attribute.get("enabled")) and name in settings.sign_up_required
    sign_up = env["user_settings"].get("sign_up")
    if isinstance(sign_up, dict):
        sign_up["legal_consent_enabled"] = "legal_accepted" in settings.sign_up_required
    native = env["auth_config"].get("native_settings")
    if isinstance(native, dict):
        native["api_enabled"] = settings.native_api_enabled
    return env
