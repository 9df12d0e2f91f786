"""The URL map of the emulator: every (method, path pattern) it serves and the handler that answers it.

This table is the only place a URL is mapped. A handler lives in `resources/<name>.py`, named after the URL
family it serves; `scope` says what the request loop must know of the calling device before the handler runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ._call import Handler
from .resources import client, dev_browser, environment, health, jwks, sessions, sign_ins, sign_ups


@dataclass(frozen=True)
class Route:
    method: str
    pattern: re.Pattern[str]
    handler: Handler
    # "public": no device needed; "environment": dev-browser check only;
    # "client": the device's client, if any;
    # "lazy": create a client when the device has none; "create": always a new client.
    scope: str


def _route(method: str, path: str, handler: Handler, scope: str = "client") -> Route:
    regex = "^" + re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", path) + "$"
    return Route(method, re.compile(regex), handler, scope)


_SESSION = "/v1/client/sessions/{session_id}"
_SIGN_IN = "/v1/client/sign_ins/{sign_in_id}"
_SIGN_UP = "/v1/client/sign_ups/{sign_up_id}"

ROUTES: tuple[Route, ...] = (
    _route("GET", "/.well-known/jwks.json", jwks.jwks, "public"),
    _route("GET", "/v1/jwks", jwks.jwks, "public"),
    _route("GET", "/v1/health", health.health, "public"),
    _route("POST", "/v1/dev_browser", dev_browser.create_dev_browser, "public"),
    _route("GET", "/v1/environment", environment.environment, "environment"),
    _route("PATCH", "/v1/environment", environment.environment, "environment"),
    _route("GET", "/v1/client", client.get_client),
    _route("PUT", "/v1/client", client.create_client, "create"),
    _route("POST", "/v1/client", client.create_client, "create"),
    _route("DELETE", "/v1/client", client.delete_client),
    _route("DELETE", "/v1/client/sessions", client.remove_sessions),
    _route("GET", _SESSION, sessions.get_session),
    _route("POST", f"{_SESSION}/touch", sessions.touch_session),
    _route("POST", f"{_SESSION}/end", sessions.end_session),
    _route("POST", f"{_SESSION}/remove", sessions.remove_session),
    _route("POST", f"{_SESSION}/tokens", sessions.create_token),
    _route("POST", f"{_SESSION}/tokens/{{template_name}}", sessions.create_template_token),
    _route("POST", "/v1/client/sign_ins", sign_ins.create_sign_in, "lazy"),
    _route("GET", _SIGN_IN, sign_ins.get_sign_in),
    _route("POST", f"{_SIGN_IN}/prepare_first_factor", sign_ins.prepare_first_factor),
    _route("POST", f"{_SIGN_IN}/attempt_first_factor", sign_ins.attempt_first_factor),
    _route("POST", f"{_SIGN_IN}/prepare_second_factor", sign_ins.prepare_second_factor),
    _route("POST", f"{_SIGN_IN}/attempt_second_factor", sign_ins.attempt_second_factor),
    _route("POST", f"{_SIGN_IN}/reset_password", sign_ins.reset_password),
    _route("POST", "/v1/client/sign_ups", sign_ups.create_sign_up, "lazy"),
    _route("GET", _SIGN_UP, sign_ups.get_sign_up),
    _route("PATCH", _SIGN_UP, sign_ups.update_sign_up),
    _route("POST", f"{_SIGN_UP}/prepare_verification", sign_ups.prepare_verification),
    _route("POST", f"{_SIGN_UP}/attempt_verification", sign_ups.attempt_verification),
)
