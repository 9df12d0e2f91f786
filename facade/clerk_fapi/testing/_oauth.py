"""OAuth and enterprise SSO through a browser, and the transfers between sign-in and sign-up (PROTOCOL.md §2).

The emulator plays three parts. FAPI: a sign-in or sign-up created with `strategy=oauth_<provider>` (one of
the instance's enabled social connections) or `enterprise_sso` (with an email identifier) and a
`redirect_url` gets a verification whose `external_verification_redirect_url` is the provider stand-in's
page. The provider: `/oauth/authorize` shows the account that will sign in and an Allow / Deny choice, then
sends the browser to FAPI's `/v1/oauth_callback` with a one-use code (or `error=access_denied`). FAPI again:
the callback sends the browser to the app's `redirect_url` with a `rotating_token_nonce` (only when that URL
is on the instance's redirect allowlist), or with `__clerk_status=failed&__clerk_error_code=...`:
`external_account_not_found` when a sign-in meets an external account no user has (the sign-in is then
`transferable`), `external_account_exists` when a sign-up meets one a user has, `oauth_access_denied` on
Deny. Reading the sign-in (sign-up) with the nonce finishes it on the client that started it; the nonce
works once, for that client and that attempt.

What is the emulator's own (no evidence settles it): the provider page, the code's shape, the status of a
freshly created OAuth sign-in (`needs_identifier`), that a used or foreign nonce answers 422
`form_param_value_invalid`, that a URL off the allowlist still gets the redirect (without a nonce), that an
enterprise SSO sign-in is accepted for any email domain, and the `account_transfer_invalid` answer to a
transfer with nothing transferable.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import urlencode, urlsplit, urlunsplit

from . import _forms as forms
from ._call import Answer, Call
from ._environment import OAUTH_STRATEGIES
from ._errors import FapiError, param_missing, param_value_invalid
from ._ids import new_id
from ._models import SignIn, SignUp, User, Verification

if TYPE_CHECKING:
    from ._service import Service

ENTERPRISE_SSO = "enterprise_sso"
NOT_FOUND = "external_account_not_found"
EXISTS = "external_account_exists"
DENIED = "oauth_access_denied"
NONCE_SIGN_IN = "oauth_sign_in"
NONCE_SIGN_UP = "oauth_sign_up"
CODE = "oauth_code"


def is_external(strategy: str | None) -> bool:
    """A strategy verified in a browser: an enabled `oauth_*` social connection, or `enterprise_sso`."""
    return strategy == ENTERPRISE_SSO or strategy in OAUTH_STRATEGIES


def looks_external(strategy: str | None) -> bool:
    """A strategy of the browser kind, enabled or not (an `oauth_*` that is not enabled is refused)."""
    return strategy is not None and (strategy.startswith("oauth_") or strategy in (ENTERPRISE_SSO, "saml"))


@dataclass
class ExternalVerification(Verification):
    """A verification that happens at a provider: it shows the page to open and, once it failed, why."""

    external_verification_redirect_url: str | None = None
    error: dict[str, Any] | None = None

    @property
    def object_name(self) -> str:
        return "verification_oauth" if self.strategy.startswith("oauth_") else "verification_saml"

    def to_json(self) -> dict[str, Any]:
        out = super().to_json()
        out["external_verification_redirect_url"] = self.external_verification_redirect_url
        out["error"] = self.error
        return out


@dataclass
class ExternalAccount:
    """An account at a provider, linked to a user of the instance."""

    id: str
    provider: str
    email_address: str
    user_id: str


@dataclass
class Profile:
    """What the provider told about the person who allowed the sign-in."""

    email_address: str
    first_name: str | None = None
    last_name: str | None = None


@dataclass
class ExternalFlow:
    """One trip through the provider, for one sign-in or sign-up."""

    id: str
    kind: str  # "sign_in" or "sign_up"
    attempt_id: str
    client_id: str
    strategy: str
    redirect_url: str | None
    login_hint: str | None
    verification: ExternalVerification
    profile: Profile | None = None
    user_id: str | None = None  # the user the external account belongs to, once known


@dataclass
class OAuthState:
    """What the emulated instance holds for browser flows (kept beside the `Service`)."""

    accounts: list[ExternalAccount] = field(default_factory=list)
    flows: dict[str, ExternalFlow] = field(default_factory=dict)
    by_attempt: dict[str, ExternalFlow] = field(default_factory=dict)


S = TypeVar("S")


def attached(registry: weakref.WeakKeyDictionary[Service, S], svc: Service, make: Callable[[], S]) -> S:
    """The value `registry` holds beside this instance (made on first use, gone with the instance)."""
    found = registry.get(svc)
    if found is None:
        found = registry[svc] = make()
    return found


_STATES: weakref.WeakKeyDictionary[Service, OAuthState] = weakref.WeakKeyDictionary()


def state(svc: Service) -> OAuthState:
    """The browser-flow state of this instance."""
    return attached(_STATES, svc, OAuthState)


def provider_of(strategy: str) -> str:
    return strategy.removeprefix("oauth_")


def add_external_account(svc: Service, user_id: str, provider: str, email_address: str) -> str:
    """Link an account at `provider` (`google`, `github`... or `oauth_google`) to a user; its id."""
    if user_id not in svc.users:
        raise KeyError(user_id)
    account = ExternalAccount(new_id("eac"), provider_of(provider), email_address.strip().lower(), user_id)
    state(svc).accounts.append(account)
    return account.id


def account_user(svc: Service, flow: ExternalFlow, email: str) -> str | None:
    """The user this external identity belongs to: for OAuth a linked account of that provider; for
    enterprise SSO the user with that email address (the identity provider vouches for it)."""
    wanted = email.strip().lower()
    if flow.strategy == ENTERPRISE_SSO:
        user = svc.find_user(wanted)
        return user.id if user is not None else None
    provider = provider_of(flow.strategy)
    held = state(svc)
    for account in held.accounts:
        if account.provider == provider and account.email_address == wanted and account.user_id in svc.users:
            return account.user_id
    # A sign-up made from this external account, completed since (by any step), brought a new user.
    for other in held.by_attempt.values():
        sign_up = svc.sign_ups.get(other.attempt_id) if other.kind == "sign_up" else None
        if (
            sign_up is not None
            and sign_up.created_user_id in svc.users
            and other.profile is not None
            and other.strategy == flow.strategy
            and other.profile.email_address.lower() == wanted
        ):
            return sign_up.created_user_id
    return None


# ----- starting a flow (from the sign-in and sign-up endpoints) -----------------------------------------
def start(
    svc: Service, call: Call, kind: str, attempt: SignIn | SignUp, strategy: str, identifier: str | None
) -> ExternalVerification:
    """A new trip through the provider for `attempt`: its verification, pointing at the provider page."""
    if not is_external(strategy):
        raise param_value_invalid("strategy", "is not an enabled social connection")
    if strategy == ENTERPRISE_SSO and (identifier is None or not forms.looks_like_email(identifier)):
        raise param_missing("identifier")
    assert call.client is not None
    flow_id = new_id("oaf")
    verification = ExternalVerification(
        strategy,
        "unverified",
        attempts=None,
        expire_at=svc.now() + 10 * 60 * 1000,
        external_verification_redirect_url=f"{call.issuer}/oauth/authorize?{urlencode({'state': flow_id})}",
    )
    flow = ExternalFlow(
        id=flow_id,
        kind=kind,
        attempt_id=attempt.id,
        client_id=call.client.id,
        strategy=strategy,
        redirect_url=forms.text(call.form, "redirect_url"),
        login_hint=forms.text(call.form, "oidc_login_hint") or identifier,
        verification=verification,
    )
    held = state(svc)
    held.flows[flow.id] = flow
    held.by_attempt[attempt.id] = flow
    return verification


def find_flow(svc: Service, flow_id: str | None) -> ExternalFlow:
    found = state(svc).flows.get(flow_id or "")
    if found is None:
        raise FapiError(400, "oauth_state_invalid", "invalid state", "This sign-in link is unknown or over.")
    return found


def see_other(location: str) -> Answer:
    return Answer(303, None, {"Location": location, "Cache-Control": "no-store"})


def with_query(url: str, params: dict[str, str]) -> str:
    """`url` with `params` added to its query."""
    parts = urlsplit(url)
    query = "&".join(q for q in (parts.query, urlencode(params)) if q)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, parts.fragment))


def fail(flow: ExternalFlow, code: str, message: str) -> None:
    flow.verification.status = "failed"
    flow.verification.error = error(code, message)


def error(code: str, message: str) -> dict[str, Any]:
    return {"code": code, "message": message, "long_message": message, "meta": {}}


def back(flow: ExternalFlow, params: dict[str, str]) -> Answer:
    if flow.redirect_url is None:
        body = b"<!doctype html><title>Done</title><p>You can close this page.</p>"
        return Answer(200, body, {"Content-Type": "text/html; charset=utf-8"})
    return see_other(with_query(flow.redirect_url, params))


# ----- finishing on the device -----------------------------------------------------------------------
def redeem(svc: Service, call: Call, kind: str, attempt_id: str) -> ExternalFlow:
    """The flow the query's `rotating_token_nonce` finishes for this client and attempt (the nonce is
    used up); 422 for a nonce that is unknown, used, or not this client's or attempt's."""
    nonce = call.query.get("rotating_token_nonce") or ""
    grant = svc.nonces.redeem(nonce, kind=kind) if nonce else None
    flow = state(svc).by_attempt.get(attempt_id)
    if (
        grant is None
        or call.client is None
        or grant.client_id != call.client.id
        or grant.subject_id != attempt_id
        or flow is None
    ):
        raise param_value_invalid("rotating_token_nonce", "is invalid, expired or already used")
    return flow


def link(svc: Service, flow: ExternalFlow, user: User) -> None:
    """Link the flow's external account to `user` (a new user made from it, or the one signing in)."""
    if flow.strategy == ENTERPRISE_SSO or flow.profile is None:
        return
    held = state(svc)
    provider = provider_of(flow.strategy)
    email = flow.profile.email_address.lower()
    if not any(a.provider == provider and a.email_address == email for a in held.accounts):
        held.accounts.append(ExternalAccount(new_id("eac"), provider, email, user.id))


def transferable(svc: Service, attempt_id: str | None, kind: str) -> ExternalFlow:
    """The client's sign-in (sign-up) flow that is `transferable`; 400 `account_transfer_invalid` if none."""
    flow = state(svc).by_attempt.get(attempt_id or "")
    if (
        flow is None
        or flow.kind != kind
        or flow.verification.status != "transferable"
        or flow.profile is None
    ):
        raise transfer_invalid()
    return flow


def sign_up_external_json(svc: Service, sign_up: SignUp) -> dict[str, Any] | None:
    """The sign-up's `verifications.external_account`, or None when it did not come from a provider."""
    flow = state(svc).by_attempt.get(sign_up.id)
    if flow is None or flow.kind != "sign_up":
        return None
    return flow.verification.to_json()


def transfer_invalid() -> FapiError:
    return FapiError(
        400,
        "account_transfer_invalid",
        "nothing to transfer",
        "There is no transferable sign-in or sign-up on this client.",
    )
