"""`POST /v1/dev_browser`: the token a browser on a development instance identifies itself with."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import _forms as forms
from .._call import Answer, Call
from .._errors import (
    FapiError,
)
from .._ids import new_id, new_secret
from .._models import (
    DevBrowser,
)

if TYPE_CHECKING:
    from .._service import Service


def create_dev_browser(svc: Service, call: Call) -> Answer:
    """`POST /v1/dev_browser`."""
    forms.reject_unknown(call.form, ())
    if svc.settings.instance_type != "development":
        raise FapiError(
            400,
            "dev_browser_not_supported",
            "not a development instance",
            "Dev browsers exist on development instances only.",
        )
    now = svc.now()
    browser = DevBrowser(id=new_id("dvb"), token="dvb_" + new_secret(24), created_at=now)
    svc.dev_browsers[browser.token] = browser
    return Answer(
        200,
        {
            "object": "dev_browser",
            "id": browser.token,
            "instance_id": svc.key.kid,
            "client_id": None,
            "created_at": now,
            "updated_at": now,
        },
    )
