"""Errors the emulator answers with, shaped like the Frontend API's `{"errors": [...], "clerk_trace_id"}`.

Handlers raise `FapiError`; the request loop turns it into a body and status. The helpers below name the
codes the real service uses so that handlers do not spell status numbers and codes by hand.
"""

from __future__ import annotations

import json
from typing import Any

from ._ids import new_trace_id


class FapiError(Exception):
    """One Frontend API error answer: HTTP status plus one entry of the `errors` list."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        long_message: str | None = None,
        meta: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.long_message = long_message if long_message is not None else message
        self.meta = meta or {}
        self.headers = headers or {}

    def to_error(self) -> dict[str, Any]:
        return {
            "message": self.message,
            "long_message": self.long_message,
            "code": self.code,
            "meta": self.meta,
        }


def param_unknown(name: str) -> FapiError:
    return FapiError(
        422,
        "form_param_unknown",
        "is unknown",
        f"{name} is not a valid parameter for this request.",
        {"param_name": name},
    )


def param_missing(name: str) -> FapiError:
    return FapiError(
        422, "form_param_missing", "is missing", f"{name} must be included.", {"param_name": name}
    )


def param_invalid(name: str, why: str = "is invalid") -> FapiError:
    return FapiError(422, "form_param_format_invalid", why, f"{name} {why}.", {"param_name": name})


def param_value_invalid(name: str, why: str = "is not an accepted value") -> FapiError:
    return FapiError(422, "form_param_value_invalid", why, f"{name} {why}.", {"param_name": name})


def not_found(what: str = "resource") -> FapiError:
    return FapiError(404, "resource_not_found", "not found", f"No {what} was found with that id.")


def authentication_invalid(why: str = "The request could not be authenticated.") -> FapiError:
    return FapiError(401, "authentication_invalid", "Invalid authentication", why)


def verification_failed() -> FapiError:
    return FapiError(
        422,
        "verification_failed",
        "Too many failed attempts",
        "Too many failed attempts; start again with the same or another method.",
        {"param_name": "code"},
    )


def code_incorrect() -> FapiError:
    return FapiError(
        422,
        "form_code_incorrect",
        "is incorrect",
        "The verification code is incorrect.",
        {"param_name": "code"},
    )


def strategy_invalid(strategy: str) -> FapiError:
    return FapiError(
        422,
        "strategy_for_user_invalid",
        "Invalid verification strategy",
        f"The strategy {strategy} is not available for this account at this step.",
        {"param_name": "strategy"},
    )


def not_prepared(strategy: str) -> FapiError:
    return FapiError(
        400,
        "verification_not_sent",
        "not prepared",
        f"Prepare the {strategy} verification before attempting it.",
        {"param_name": "strategy"},
    )


def ticket_invalid() -> FapiError:
    return FapiError(
        422,
        "ticket_invalid",
        "is invalid",
        "The ticket is invalid or was already used.",
        {"param_name": "ticket"},
    )


def dev_browser_unauthenticated() -> FapiError:
    return FapiError(
        401,
        "dev_browser_unauthenticated",
        "Browser unauthenticated",
        "This development instance needs a dev browser token: create one with POST /v1/dev_browser.",
    )


def too_many_requests(retry_after: int | str) -> FapiError:
    return FapiError(
        429,
        "too_many_requests",
        "Too many requests",
        "Too many requests; retry later.",
        headers={"Retry-After": str(retry_after)},
    )


def internal_error(status: int = 500) -> FapiError:
    return FapiError(status, "internal_clerk_error", "Oops, an unexpected error occurred", "Try again later.")


def body_too_large(max_bytes: int) -> FapiError:
    return FapiError(
        413,
        "request_body_too_large",
        "Request body too large",
        f"A request body may hold at most {max_bytes} bytes.",
        {"max_bytes": max_bytes},
    )


def error_body(error: FapiError) -> bytes:
    """The JSON body of an error answer: the error and a fresh trace id."""
    payload = {"errors": [error.to_error()], "clerk_trace_id": new_trace_id()}
    return json.dumps(payload, separators=(",", ":"), allow_nan=False).encode()
