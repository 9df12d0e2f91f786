"""OAuth and enterprise SSO: the provider stand-in (`/oauth/authorize`), FAPI's `/v1/oauth_callback`, and
the parts of `/v1/client/sign_ins` and `/v1/client/sign_ups` that start, finish and transfer browser flows
(the model is in `_oauth.py`)."""

from __future__ import annotations

import dataclasses
import html
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from .. import _forms as forms
from .. import _oauth as oauth
from .._call import Answer, Call
from .._errors import param_missing, param_value_invalid
from .._ids import new_id
from .._models import ATTEMPT_ABANDON_MS, SignIn, SignUp, Verification
from .._sign_in_factors import after_first_factor
from . import sign_ins, sign_ups

if TYPE_CHECKING:
    from .._service import Service

# ----- the provider stand-in and FAPI's callback ------------------------------------------------------
_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>
<body>
<h1>{title}</h1>
<p>{app} wants to sign you in with {provider}.</p>
<form method="post" action="/oauth/authorize">
<input type="hidden" name="state" value="{state}">
<p><label>Email address <input type="email" name="email_address" value="{email}" required></label></p>
<p><label>First name <input type="text" name="first_name" value=""></label></p>
<p><label>Last name <input type="text" name="last_name" value=""></label></p>
<p><button type="submit" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="deny" formnovalidate>Deny</button></p>
</form>
</body></html>
"""


def authorize_page(svc: Service, call: Call) -> Answer:
    """`GET /oauth/authorize` (`?state=...`): the provider's consent page."""
    flow = oauth.find_flow(svc, call.query.get("state"))
    provider = (
        "your company's identity provider"
        if flow.strategy == oauth.ENTERPRISE_SSO
        else oauth.provider_of(flow.strategy)
    )
    page = _PAGE.format(
        title=html.escape(f"Sign in with {provider}"),
        app=html.escape(svc.settings.application_name),
        provider=html.escape(provider),
        state=html.escape(flow.id),
        email=html.escape(flow.login_hint or ""),
    )
    return Answer(
        200, page.encode(), {"Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store"}
    )


def authorize_decision(svc: Service, call: Call) -> Answer:
    """`POST /oauth/authorize`: Allow sends the browser to FAPI's callback with a one-use code, Deny with
    `error=access_denied` (OAuth 2.0)."""
    flow = oauth.find_flow(svc, forms.text(call.form, "state"))
    query: dict[str, str] = {"state": flow.id}
    if forms.text(call.form, "decision") == "allow":
        email = forms.text(call.form, "email_address")
        if email is None or not forms.looks_like_email(email):
            raise param_missing("email_address")
        extra = {"email_address": email}
        for name in ("first_name", "last_name"):
            value = forms.text(call.form, name)
            if value:
                extra[name] = value
        query["code"] = svc.nonces.issue(
            client_id=flow.client_id, kind=oauth.CODE, subject_id=flow.id, extra=extra
        )
    else:
        query["error"] = "access_denied"
    return oauth.see_other(f"{call.issuer}/v1/oauth_callback?{urlencode(query)}")


def oauth_callback(svc: Service, call: Call) -> Answer:
    """`GET /v1/oauth_callback` (`?state=...&code=...` or `&error=...`): settle the flow and send the browser
    back to the app's redirect URL."""
    flow = oauth.find_flow(svc, call.query.get("state"))
    code = call.query.get("code")
    grant = svc.nonces.redeem(code, kind=oauth.CODE) if code else None
    if grant is None or grant.subject_id != flow.id:
        oauth.fail(flow, oauth.DENIED, "The provider did not allow the sign-in.")
        return oauth.back(flow, {"__clerk_status": "failed", "__clerk_error_code": oauth.DENIED})
    profile = oauth.Profile(
        grant.extra["email_address"], grant.extra.get("first_name"), grant.extra.get("last_name")
    )
    flow.profile = profile
    flow.user_id = oauth.account_user(svc, flow, profile.email_address)
    if flow.kind == "sign_in" and flow.user_id is None:
        flow.verification.status = "transferable"
        flow.verification.error = oauth.error(oauth.NOT_FOUND, "The External Account was not found.")
        return oauth.back(flow, {"__clerk_status": "failed", "__clerk_error_code": oauth.NOT_FOUND})
    if flow.kind == "sign_up" and flow.user_id is not None:
        flow.verification.status = "transferable"
        flow.verification.error = oauth.error(
            oauth.EXISTS, "This external account already belongs to a user."
        )
        return oauth.back(flow, {"__clerk_status": "failed", "__clerk_error_code": oauth.EXISTS})
    if flow.redirect_url is None or not svc.redirects.allows(flow.redirect_url):
        return oauth.back(flow, {})
    kind = oauth.NONCE_SIGN_IN if flow.kind == "sign_in" else oauth.NONCE_SIGN_UP
    nonce = svc.nonces.issue(client_id=flow.client_id, kind=kind, subject_id=flow.attempt_id)
    return oauth.back(flow, {"rotating_token_nonce": nonce})


def start_sign_in(svc: Service, call: Call, sign_in: SignIn, strategy: str) -> Answer:
    """`POST /v1/client/sign_ins` with an OAuth or enterprise SSO strategy: the provider page to open."""
    identifier = forms.text(call.form, "identifier")
    sign_in.identifier = identifier
    sign_in.first_factor_verification = oauth.start(svc, call, "sign_in", sign_in, strategy, identifier)
    return sign_ins._install_sign_in(svc, call, sign_in)


def prepare_sign_in(svc: Service, call: Call, strategy: str) -> Answer:
    """`POST .../prepare_first_factor` with an OAuth or enterprise SSO strategy (what iOS and Android do)."""
    forms.reject_unknown(call.form, sign_ins.PREPARE_FIRST_FIELDS)
    sign_in = sign_ins._current_sign_in(svc, call)
    if sign_in.status == "complete":
        raise sign_ins._wrong_step(sign_in)
    identifier = forms.text(call.form, "oidc_login_hint") or sign_in.identifier
    sign_in.first_factor_verification = oauth.start(svc, call, "sign_in", sign_in, strategy, identifier)
    return sign_ins._sign_in_answer(svc, call, sign_in)


def finish_sign_in(svc: Service, call: Call, sign_in: SignIn) -> None:
    """`GET /v1/client/sign_ins/{id}?rotating_token_nonce=...`: the provider's answer reaches this client."""
    flow = oauth.redeem(svc, call, oauth.NONCE_SIGN_IN, sign_in.id)
    user = svc.users.get(flow.user_id or "")
    if user is None or flow.profile is None:
        raise param_value_invalid("rotating_token_nonce", "does not finish this sign-in")
    sign_in.user_id = user.id
    sign_in.identifier = sign_in.identifier or flow.profile.email_address
    flow.verification.status = "verified"
    oauth.link(svc, flow, user)
    after_first_factor(svc, call, sign_in, user)


def transfer_sign_in(svc: Service, call: Call) -> Answer:
    """`POST /v1/client/sign_ins` with `transfer=true`: sign in the user who owns the external account of
    this client's transferable sign-up."""
    client, now = svc.start_attempt(call, sign_ins.SIGN_IN_CREATE_FIELDS)
    flow = oauth.transferable(svc, client.sign_up_id, "sign_up")
    user = svc.users.get(flow.user_id or "")
    if user is None:
        raise oauth.transfer_invalid()
    sign_in = SignIn(
        id=new_id("sia"),
        client_id=client.id,
        status="needs_first_factor",
        created_at=now,
        abandon_at=now + ATTEMPT_ABANDON_MS,
        identifier=flow.profile.email_address if flow.profile else None,
        user_id=user.id,
        locale=forms.text(call.form, "locale"),
    )
    sign_in.first_factor_verification = oauth.ExternalVerification(flow.strategy, "verified")
    sign_ins._guard_already_signed_in(svc, client, user)
    client.sign_up_id = None
    svc.sign_ins[sign_in.id] = sign_in
    client.sign_in_id = sign_in.id
    after_first_factor(svc, call, sign_in, user)
    return sign_ins._install_sign_in(svc, call, sign_in)


def start_sign_up(svc: Service, call: Call, strategy: str) -> Answer:
    """`POST /v1/client/sign_ups` with `strategy=oauth_<provider>`: the provider page to open; any other
    fields are applied as to any sign-up."""
    client, now = svc.start_attempt(call, sign_ups.SIGN_UP_CREATE_FIELDS)
    sign_up = _new_sign_up(call, client.id, now)
    oauth.start(svc, call, "sign_up", sign_up, strategy, forms.text(call.form, "email_address"))
    _apply_other_fields(svc, call, sign_up)
    svc.sign_ups[sign_up.id] = sign_up
    client.sign_up_id = sign_up.id
    return sign_ups._sign_up_answer(svc, call, sign_up)


def finish_sign_up(svc: Service, call: Call, sign_up: SignUp) -> None:
    """`GET /v1/client/sign_ups/{id}?rotating_token_nonce=...`: the provider's profile fills the sign-up,
    which completes when nothing else is missing."""
    flow = oauth.redeem(svc, call, oauth.NONCE_SIGN_UP, sign_up.id)
    if flow.profile is None:
        raise param_value_invalid("rotating_token_nonce", "does not finish this sign-up")
    flow.verification.status = "verified"
    _fill_from_profile(sign_up, flow)
    _settle(svc, call, sign_up, flow)


def transfer_sign_up(svc: Service, call: Call) -> Answer:
    """`POST /v1/client/sign_ups` with `transfer=true`: a new user from the external account of this
    client's transferable sign-in (other fields, e.g. `legal_accepted`, are applied as usual)."""
    client, now = svc.start_attempt(call, sign_ups.SIGN_UP_CREATE_FIELDS)
    source = oauth.transferable(svc, client.sign_in_id, "sign_in")
    sign_up = _new_sign_up(call, client.id, now)
    flow = dataclasses.replace(
        source,
        id=new_id("oaf"),
        kind="sign_up",
        attempt_id=sign_up.id,
        verification=oauth.ExternalVerification(source.strategy, "verified"),
    )
    oauth.state(svc).by_attempt[sign_up.id] = flow
    _apply_other_fields(svc, call, sign_up)
    _fill_from_profile(sign_up, flow)
    svc.sign_ups[sign_up.id] = sign_up
    client.sign_up_id = sign_up.id
    client.sign_in_id = None
    _settle(svc, call, sign_up, flow)
    return sign_ups._sign_up_answer(svc, call, sign_up)


def _new_sign_up(call: Call, client_id: str, now: int) -> SignUp:
    return SignUp(
        id=new_id("sua"),
        client_id=client_id,
        created_at=now,
        abandon_at=now + ATTEMPT_ABANDON_MS,
        locale=forms.text(call.form, "locale"),
    )


def _apply_other_fields(svc: Service, call: Call, sign_up: SignUp) -> None:
    rest = {
        k: v
        for k, v in call.form.items()
        if k not in ("strategy", "redirect_url", "action_complete_redirect_url", "transfer")
        and k not in ("oidc_login_hint", "oidc_prompt")
    }
    sign_ups._apply_sign_up_fields(svc, dataclasses.replace(call, form=rest), sign_up)


def _fill_from_profile(sign_up: SignUp, flow: oauth.ExternalFlow) -> None:
    profile = flow.profile
    assert profile is not None
    sign_up.email_address = sign_up.email_address or profile.email_address
    sign_up.email_verification = Verification(f"from_{flow.strategy}", "verified")
    sign_up.first_name = sign_up.first_name or profile.first_name
    sign_up.last_name = sign_up.last_name or profile.last_name


def _settle(svc: Service, call: Call, sign_up: SignUp, flow: oauth.ExternalFlow) -> None:
    sign_ups.settle_sign_up(svc, call, sign_up)
    if sign_up.created_user_id is not None:
        oauth.link(svc, flow, svc.users[sign_up.created_user_id])
