"""`GET|PATCH /v1/environment`: the instance's settings (the body is built in `_environment.py`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import _forms as forms
from .._call import Answer, Call
from .._environment import build_environment

if TYPE_CHECKING:
    from .._service import Service


def environment(svc: Service, call: Call) -> Answer:
    """`GET /v1/environment`, `PATCH /v1/environment`."""
    forms.reject_unknown(call.form, ())
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
