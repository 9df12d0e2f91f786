"""The URL map of the emulator: every (method, path pattern) it serves and the handler that answers it.

This table is the only place a URL is mapped. A handler lives in `resources/<name>.py`, named after the URL
family it serves; `scope` says what the request loop must know of the calling device before the handler runs.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from ._call import Handler
from ._errors import FapiError, param_value_invalid
from .resources import (
    client,
    dev_browser,
    email_links,
    environment,
    health,
    hosted_auth,
    jwks,
    me,
    oauth,
    organizations,
    reverification,
    second_factors,
    sessions,
    sign_ins,
    sign_ups,
)
from .resources.backend_api import backend_jwks, create_sign_in_token, create_testing_token, list_users


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


_OVERRIDABLE = ("GET", "POST", "PUT", "PATCH", "DELETE")

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
    # Hosted sign-in: create it; the page that stands in for Account Portal (the redeem is POST /v1/client).
    _route("POST", "/v1/client/hosted_auth", hosted_auth.create_hosted_auth),
    _route("GET", hosted_auth.PAGE_PATH, hosted_auth.hosted_page, "public"),
    _route("POST", hosted_auth.PAGE_PATH, hosted_auth.hosted_submit, "public"),
    # Browser pages: the OAuth provider stand-in, FAPI's OAuth callback and email-link verification.
    _route("GET", "/oauth/authorize", oauth.authorize_page, "public"),
    _route("POST", "/oauth/authorize", oauth.authorize_decision, "public"),
    _route("GET", "/v1/oauth_callback", oauth.oauth_callback, "public"),
    _route("GET", "/v1/verify", email_links.verify, "public"),
    # /v1/me (the signed-in user's own account) and /v1/client/sessions/{id}/verify (reverification)
    _route("GET", "/v1/me", me.get_user),
    _route("PATCH", "/v1/me", me.update_user),
    _route("DELETE", "/v1/me", me.delete_user),
    _route("PATCH", "/v1/me/metadata", me.update_metadata),
    _route("POST", "/v1/me/change_password", me.change_password),
    _route("POST", "/v1/me/email_addresses", me.create_email_address),
    _route("GET", "/v1/me/email_addresses/{email_id}", me.get_email_address),
    _route("DELETE", "/v1/me/email_addresses/{email_id}", me.delete_email_address),
    _route("POST", "/v1/me/email_addresses/{email_id}/prepare_verification", me.prepare_email_verification),
    _route("POST", "/v1/me/email_addresses/{email_id}/attempt_verification", me.attempt_email_verification),
    _route("POST", "/v1/me/phone_numbers", me.create_phone_number),
    _route("GET", "/v1/me/phone_numbers/{phone_number_id}", me.get_phone_number),
    _route("PATCH", "/v1/me/phone_numbers/{phone_number_id}", me.update_phone_number),
    _route("DELETE", "/v1/me/phone_numbers/{phone_number_id}", me.delete_phone_number),
    _route(
        "POST", "/v1/me/phone_numbers/{phone_number_id}/prepare_verification", me.prepare_phone_verification
    ),
    _route(
        "POST", "/v1/me/phone_numbers/{phone_number_id}/attempt_verification", me.attempt_phone_verification
    ),
    _route("POST", "/v1/me/totp", second_factors.create_totp),
    _route("DELETE", "/v1/me/totp", second_factors.delete_totp),
    _route("POST", "/v1/me/totp/attempt_verification", second_factors.verify_totp),
    _route("POST", "/v1/me/backup_codes", second_factors.create_backup_codes),
    _route("POST", f"{_SESSION}/verify", reverification.start),
    _route("POST", f"{_SESSION}/verify/prepare_first_factor", reverification.prepare_first_factor),
    _route("POST", f"{_SESSION}/verify/attempt_first_factor", reverification.attempt_first_factor),
    _route("POST", f"{_SESSION}/verify/prepare_second_factor", reverification.prepare_second_factor),
    _route("POST", f"{_SESSION}/verify/attempt_second_factor", reverification.attempt_second_factor),
    # /v1/me/organization_*, /v1/organizations: the organizations of the signed-in user
    _route("GET", "/v1/me/organization_memberships", organizations.list_memberships),
    _route("GET", "/v1/me/organization_invitations", organizations.list_invitations),
    _route("POST", "/v1/me/organization_invitations/{invitation_id}/accept", organizations.accept_invitation),
    _route("POST", "/v1/organizations", organizations.create_organization),
)


# Backend API (requests carrying `Authorization: Bearer sk_...`; see resources/backend_api.py)
BACKEND_ROUTES: tuple[Route, ...] = (
    _route("POST", "/v1/testing_tokens", create_testing_token, "backend"),
    _route("POST", "/v1/sign_in_tokens", create_sign_in_token, "backend"),
    _route("GET", "/v1/users", list_users, "backend"),
    _route("GET", "/v1/jwks", backend_jwks, "backend"),
)


def find_route(method: str, path: str, routes: tuple[Route, ...] = ROUTES) -> tuple[Route, dict[str, str]]:
    """The route for a request and its path parameters, or the 404 or 405 the real service answers."""
    path_exists = False
    for route in routes:
        found = route.pattern.match(path)
        if found:
            if route.method == method:
                return route, found.groupdict()
            path_exists = True
    if path_exists:
        raise FapiError(
            405, "method_not_allowed", "Method not allowed", f"{method} is not allowed on {path}."
        )
    raise FapiError(404, "resource_not_found", "not found", f"There is nothing at {path}.")


def overridden_method(method: str, query: Mapping[str, str], form: dict[str, str]) -> str:
    """The method a request stands for: clerk-js tunnels PATCH, PUT and DELETE through
    `POST ...?_method=...`, and the hosted-auth redeem sends `_method=GET` in the form. Only a POST is
    overridden; `_method` is taken out of the form so that it never reads as an unknown parameter."""
    in_form = form.pop("_method", None)
    if method != "POST":
        return method
    wanted = query.get("_method") or in_form
    if not wanted:
        return method
    if wanted.upper() not in _OVERRIDABLE:
        raise param_value_invalid("_method", f"must be one of {', '.join(_OVERRIDABLE)}")
    return wanted.upper()
