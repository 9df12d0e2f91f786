"""OAuth and enterprise SSO through the browser, and the transfers between sign-in and sign-up.

The flow Clerk's native SDKs use (PROTOCOL.md §2): start the sign-in (or sign-up) with
``strategy=oauth_<provider>`` or ``enterprise_sso`` and a ``redirect_url``; open the verification's
``external_verification_redirect_url`` in a browser; the browser comes back to ``redirect_url`` with a
``rotating_token_nonce``; reading the sign-in (sign-up) with that nonce brings the result to this
client, and its new session is made active. A callback that says ``external_account_not_found``
(or a verification whose status is ``transferable``) means "create the user": a sign-up with
``transfer=true``; on a sign-up, ``external_account_exists`` means "sign that user in": a sign-in
with ``transfer=true``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from .. import _raw
from .._convert import sign_in_envelope, sign_up_envelope
from .._engine import Flow
from .._external import (
    EXTERNAL_ACCOUNT_EXISTS,
    EXTERNAL_ACCOUNT_NOT_FOUND,
    ExternalVerificationError,
    external_error,
    parse_callback_url,
)
from .._models import SessionData, SignInData, SignUpData, Verification, VerificationStatus
from . import Core, sessions, sign_ins, sign_ups

# Strategies whose verification happens in a browser, at the provider or identity provider.
_EXTERNAL_PREFIXES: Final = ("oauth_", "enterprise_sso", "saml")


def is_external(strategy: object) -> bool:
    """Whether ``strategy`` is verified in a browser (``oauth_*``, ``enterprise_sso``, ``saml``)."""
    return isinstance(strategy, str) and strategy.startswith(_EXTERNAL_PREFIXES)


def external_url(verification: Verification | None) -> str | None:
    """The URL to open in a browser for an external verification, if it has one."""
    return verification.external_verification_redirect_url if verification is not None else None


def start_sign_in(core: Core, fields: Mapping[str, Any]) -> Flow[SignInData]:
    """POST a new sign-in; for an external strategy whose answer carries no URL to open yet,
    prepare the first factor with the same strategy and redirect URLs (what iOS and Android do)."""
    sign_in = yield from sign_ins.start(core, fields)
    strategy = fields.get("strategy")
    if is_external(strategy) and sign_in.external_verification_url is None and not sign_in.is_complete:
        prepare = {k: fields.get(k) for k in ("redirect_url", "action_complete_redirect_url")}
        sign_in = yield from sign_ins.prepare_factor(core, sign_in, 1, str(strategy), prepare)
    return sign_in


def _get(core: Core, endpoint: _raw.Endpoint, convert: Any, attempt_id: str, nonce: str | None) -> Flow[Any]:
    """GET a sign-in or sign-up (with the nonce as ``rotating_token_nonce`` when given) and apply
    the client it carries (the server rotates the client token with the nonce: it is stored)."""
    query = {"rotating_token_nonce": nonce} if nonce is not None else None
    data, state = yield from core._engine.call(endpoint, path=(attempt_id,), query=query, convert=convert)
    core._apply(state)
    return data


def reload_sign_in(core: Core, sign_in_id: str, nonce: str | None) -> Flow[SignInData]:
    """GET the sign-in, with the callback's ``rotating_token_nonce`` when given; a sign-in the
    nonce completed has its session made active."""
    sign_in: SignInData = yield from _get(core, _raw.GET_SIGN_IN, sign_in_envelope, sign_in_id, nonce)
    if nonce is not None and sign_in.is_complete and sign_in.created_session_id:
        yield from activate(core, sign_in.created_session_id)
    return sign_in


def reload_sign_up(core: Core, sign_up_id: str, nonce: str | None) -> Flow[SignUpData]:
    """GET the sign-up, with the callback's ``rotating_token_nonce`` when given; a sign-up the
    nonce completed has its session made active."""
    sign_up: SignUpData = yield from _get(core, _raw.GET_SIGN_UP, sign_up_envelope, sign_up_id, nonce)
    if nonce is not None and sign_up.is_complete and sign_up.created_session_id:
        yield from activate(core, sign_up.created_session_id)
    return sign_up


def handle_sign_in_callback(
    core: Core, sign_in: SignInData, callback_url: str, redirect_url: str | None
) -> Flow[SignInData]:
    """Finish an external sign-in from the URL the browser came back to (see ``SignIn.handle_callback``)."""
    nonce = _nonce_of(sign_in, callback_url, redirect_url)
    result = yield from reload_sign_in(core, sign_in.id, nonce)
    _check_outcome(result, result.first_factor_verification, EXTERNAL_ACCOUNT_NOT_FOUND, nonce)
    return result


def handle_sign_up_callback(
    core: Core, sign_up: SignUpData, callback_url: str, redirect_url: str | None
) -> Flow[SignUpData]:
    """Finish an external sign-up from the URL the browser came back to (see ``SignUp.handle_callback``);
    a sign-up may still miss fields after the nonce (``missing_requirements``), which is not an error."""
    nonce = _nonce_of(sign_up, callback_url, redirect_url)
    result = yield from reload_sign_up(core, sign_up.id, nonce)
    _check_outcome(result, result.verifications.external_account, EXTERNAL_ACCOUNT_EXISTS, nonce)
    return result


def _nonce_of(attempt: SignInData | SignUpData, callback_url: str, redirect_url: str | None) -> str | None:
    """The callback's nonce; a failure it reports is raised with ``attempt`` attached."""
    try:
        return parse_callback_url(callback_url, redirect_url=redirect_url).rotating_token_nonce
    except ExternalVerificationError as exc:
        exc.attempt = attempt
        raise


def _check_outcome(
    result: SignInData | SignUpData, verification: Verification | None, transfer_code: str, nonce: str | None
) -> None:
    """Raise what the reloaded attempt says went wrong: a transfer is needed (``transfer_code``), the
    verification carries an error, or (a sign-in, or no nonce came back) it is still unfinished."""
    if verification is not None and verification.status == VerificationStatus.TRANSFERABLE:
        raise external_error(transfer_code, "the external account cannot be used here", attempt=result)
    if verification is not None and verification.error is not None:
        raise external_error(verification.error.code, "the external verification failed", attempt=result)
    if result.is_complete or (nonce is not None and isinstance(result, SignUpData)):
        return
    what = "sign-in" if isinstance(result, SignInData) else "sign-up"
    if nonce is None:
        message = (
            f"the callback brought no rotating_token_nonce and the {what} is {result.status} (Clerk adds "
            "the nonce only for redirect URLs on the instance's allowlist)"
        )
    else:
        message = f"the {what} is {result.status} after the callback"
    raise ExternalVerificationError(None, message, attempt=result)


def transfer_to_sign_up(core: Core, fields: Mapping[str, Any]) -> Flow[SignUpData]:
    """POST a sign-up with ``transfer=true`` (the external account of a transferable sign-in
    becomes a new user); a complete one has its session made active."""
    sign_up = yield from sign_ups.start(core, {**fields, "transfer": True})
    if sign_up.is_complete and sign_up.created_session_id:
        yield from activate(core, sign_up.created_session_id)
    return sign_up


def transfer_to_sign_in(core: Core) -> Flow[SignInData]:
    """POST a sign-in with ``transfer=true`` (the external account of a transferable sign-up
    belongs to a user: sign them in); a complete one has its session made active."""
    sign_in = yield from sign_ins.start(core, {"transfer": True})
    if sign_in.is_complete and sign_in.created_session_id:
        yield from activate(core, sign_in.created_session_id)
    return sign_in


def activate(core: Core, session_id: str) -> Flow[SessionData]:
    """Make the new session the client's active one, as the native SDKs do after a redirect flow
    (touch with ``intent=select_org``, keeping the session's organization, none = personal)."""
    known = sessions.find(core, session_id)
    organization = known.last_active_organization_id if known is not None else None
    return sessions.touch(core, session_id, organization, "select_org")


__all__ = [
    "activate",
    "external_url",
    "handle_sign_in_callback",
    "handle_sign_up_callback",
    "is_external",
    "reload_sign_in",
    "reload_sign_up",
    "start_sign_in",
    "transfer_to_sign_in",
    "transfer_to_sign_up",
]
