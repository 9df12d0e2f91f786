"""Hosted sign-in: `POST /v1/client/hosted_auth`, its redeem (`POST /v1/client` with `_method=GET`), and a
small stand-in for Clerk's Account Portal page (`/hosted_auth/{id}`) that a real browser can fill in.

The endpoints are undocumented (the published spec has empty path items); their shape follows Clerk's iOS,
Android and Expo SDKs. What the real service does beyond what the SDKs send and check is the emulator's own
choice, stated here:

- `POST /v1/client/hosted_auth` needs a live client; without one it answers 401 `signed_out` and hands the
  device a replacement client token (what the SDKs' retry expects). `code_challenge` must look like an S256
  challenge (43 base64url characters), `mode` be `sign-in` or `sign-up`. Any redirect URL is taken; only an
  allowlisted one (`Emulator.redirect_allowlist`) gets a `rotating_token_nonce` back.
- The page signs a seeded user in with their password or the code 424242 (`mode=sign-up` creates a user from
  an email address and a password), then redirects (303) to the redirect URL with `state`,
  `created_session_id` and, when allowlisted, `rotating_token_nonce`. Each page serves one sign-in.
- The redeem consumes the nonce (single use), checks that it was issued to the calling client and that
  `code_verifier` hashes to the challenge, then moves the created session onto the calling client and makes
  it the last active one. A spent, unknown or foreign nonce, or a wrong verifier, is 422
  `form_param_value_invalid` (the real code is unknown).
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
import secrets
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from .. import _forms as forms
from .. import _views as views
from .._call import Answer, Call
from .._errors import FapiError, param_missing, param_value_invalid
from .._ids import new_id
from .._redirects import HostedAuthRequest
from .._seeding import UserSeed, seed_user

if TYPE_CHECKING:
    from .._models import User
    from .._service import Service

HOSTED_AUTH_FIELDS = ("redirect_url", "code_challenge", "state", "mode")
REDEEM_FIELDS = ("rotating_token_nonce", "code_verifier")
NONCE_KIND = "hosted_auth"
PAGE_PATH = "/hosted_auth/{hosted_auth_id}"
HOSTED_CODE = "424242"
_CHALLENGE = re.compile(r"^[A-Za-z0-9_-]{43}$")
_MODES = ("sign-in", "sign-up")


def create_hosted_auth(svc: Service, call: Call) -> Answer:
    """`POST /v1/client/hosted_auth`."""
    forms.reject_unknown(call.form, HOSTED_AUTH_FIELDS)
    client = call.client
    if client is None or not client.alive:
        # A stale or missing client: a replacement client, whose token the device gets with the 401.
        call.client = svc.new_client()
        raise FapiError(
            401,
            "signed_out",
            "Signed out",
            "This client is signed out; a new client token was issued. Retry with it.",
        )
    redirect_url = _required(call, "redirect_url")
    challenge = _required(call, "code_challenge")
    state = _required(call, "state")
    mode = forms.text(call.form, "mode") or "sign-in"
    if mode not in _MODES:
        raise param_value_invalid("mode", "must be sign-in or sign-up")
    if not _CHALLENGE.match(challenge):
        raise param_value_invalid("code_challenge", "must be an S256 challenge (43 base64url characters)")
    try:
        parts = urlsplit(redirect_url)
    except ValueError:
        raise param_value_invalid("redirect_url", "is not a valid URL") from None
    if not parts.scheme or "://" not in redirect_url:
        raise param_value_invalid("redirect_url", "is not a valid URL")
    request = HostedAuthRequest(
        id=new_id("hauth"),
        client_id=client.id,
        redirect_url=redirect_url,
        code_challenge=challenge,
        state=state,
        mode=mode,
        created_at=svc.now(),
    )
    svc.hosted_auths[request.id] = request
    url = call.issuer + PAGE_PATH.format(hosted_auth_id=request.id)
    body = {"object": "hosted_auth", "url": url}
    return Answer(200, {"response": body, "client": views.client_json(svc, client)})


def redeem(svc: Service, call: Call) -> Answer:
    """`POST /v1/client` with `_method=GET`, `rotating_token_nonce` and `code_verifier`."""
    forms.reject_unknown(call.form, REDEEM_FIELDS)
    nonce = _required(call, "rotating_token_nonce")
    verifier = _required(call, "code_verifier")
    client = call.client
    grant = svc.nonces.redeem(nonce, kind=NONCE_KIND)
    if grant is None or client is None or grant.client_id != client.id:
        raise param_value_invalid("rotating_token_nonce", "is unknown, already used or not for this client")
    if not secrets.compare_digest(_s256(verifier), grant.extra.get("code_challenge", "")):
        raise param_value_invalid("code_verifier", "does not match the code challenge")
    session = svc.sessions.get(grant.subject_id)
    if session is None or svc.refresh_session(session).status not in ("active", "pending"):
        raise param_value_invalid("rotating_token_nonce", "names a session that is no longer signed in")
    svc.ensure_can_sign_in(client)
    previous = svc.clients.get(session.client_id)
    if previous is not None and session.id in previous.session_ids:
        previous.session_ids.remove(session.id)
    session.client_id = client.id
    client.session_ids.append(session.id)
    client.last_active_session_id = session.id
    svc.touch_client(client)
    return Answer(200, {"response": views.client_json(svc, client), "client": None})


def hosted_page(svc: Service, call: Call) -> Answer:
    """`GET /hosted_auth/{hosted_auth_id}`: the sign-in (or sign-up) form."""
    request = svc.hosted_auths.get(call.params["hosted_auth_id"])
    if request is None or request.used:
        return _gone()
    return _page(svc, request, None, 200)


def hosted_submit(svc: Service, call: Call) -> Answer:
    """`POST /hosted_auth/{hosted_auth_id}`: sign the user in, send the browser back to the redirect URL."""
    request = svc.hosted_auths.get(call.params["hosted_auth_id"])
    if request is None or request.used:
        return _gone()
    user = _sign_up(svc, call) if request.mode == "sign-up" else _sign_in(svc, call)
    if isinstance(user, str):
        return _page(svc, request, user, 422)
    request.used = True
    holder = svc.new_client()  # the browser's own client (Account Portal's), until the redeem moves it
    session = svc.create_session(call, holder, user, second_factor=False, strategy=None)
    params = {"state": request.state}
    if svc.redirects.allows(request.redirect_url):
        params["rotating_token_nonce"] = svc.nonces.issue(
            client_id=request.client_id,
            kind=NONCE_KIND,
            subject_id=session.id,
            extra={"code_challenge": request.code_challenge, "hosted_auth_id": request.id},
        )
    params["created_session_id"] = session.id
    return Answer(
        303, None, {"Location": with_query(request.redirect_url, params), "Cache-Control": "no-store"}
    )


def with_query(url: str, params: dict[str, str]) -> str:
    """`url` with `params` added to its query (its own parameters kept first)."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True) + list(params.items())
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), parts.fragment))


def _sign_in(svc: Service, call: Call) -> User | str:
    """The user the form names, if its password or code is right; else what to tell the user."""
    chosen = forms.text(call.form, "user_id")
    identifier = (forms.text(call.form, "identifier") or "").strip()
    user = svc.users.get(chosen) if chosen else svc.find_user(identifier) if identifier else None
    if user is None:
        return "Pick a user, or type an email address, phone number or username you were seeded with."
    password = forms.text(call.form, "password")
    code = (forms.text(call.form, "code") or "").strip()
    if password is not None and user.password is not None and secrets.compare_digest(password, user.password):
        return user
    if code and secrets.compare_digest(code, HOSTED_CODE):
        return user
    return "That password or code is not right (the code is 424242)."


def _sign_up(svc: Service, call: Call) -> User | str:
    email = (forms.text(call.form, "email_address") or "").strip()
    password = forms.text(call.form, "password") or ""
    if not forms.looks_like_email(email):
        return "Type an email address."
    if len(password) < 8:
        return "Choose a password of 8 characters or more."
    if svc.identifier_taken("email_address", email):
        return "That email address is taken; sign in instead."
    seeded = seed_user(
        svc,
        UserSeed(
            emails=[email],
            phones=[],
            username=None,
            password=password,
            first_name=None,
            last_name=None,
            totp_secret=None,
            backup_codes=None,
            mfa=None,
            public_metadata={},
            unsafe_metadata={},
        ),
    )
    return svc.users[seeded.id]


def _s256(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode("utf-8", "replace")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def _required(call: Call, name: str) -> str:
    value = forms.text(call.form, name)
    if value is None:
        raise param_missing(name)
    return value


def _page(svc: Service, request: HostedAuthRequest, error: str | None, status: int) -> Answer:
    app = html.escape(svc.settings.application_name)
    action = html.escape(PAGE_PATH.format(hosted_auth_id=request.id))
    notice = f'<p id="error" role="alert">{html.escape(error)}</p>' if error else ""
    if request.mode == "sign-up":
        title = f"Create your account for {app}"
        fields = (
            '<label>Email address <input id="email_address" name="email_address" type="email"></label>\n'
            '<label>Password <input id="password" name="password" type="password"></label>\n'
        )
    else:
        title = f"Sign in to {app}"
        options = "".join(
            f'<option value="{html.escape(u.id)}">{html.escape(u.identifier() or u.id)}</option>'
            for u in svc.users.values()
        )
        fields = (
            f'<label>Account <select id="user_id" name="user_id"><option value="">(type it below)</option>'
            f"{options}</select></label>\n"
            '<label>Or email, phone or username <input id="identifier" name="identifier"></label>\n'
            '<label>Password <input id="password" name="password" type="password"></label>\n'
            '<label>Or code <input id="code" name="code" inputmode="numeric" placeholder="424242"></label>\n'
        )
    page = (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{title}</title></head>\n<body>\n<h1>{title}</h1>\n{notice}\n"
        f'<form id="hosted" method="post" action="{action}">\n{fields}'
        '<button id="submit" type="submit">Continue</button>\n</form>\n</body></html>\n'
    )
    return _html(status, page)


def _gone() -> Answer:
    page = (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Link expired</title></head>\n'
        "<body><h1>This sign-in link is no longer valid</h1><p>Start again from your app.</p></body></html>\n"
    )
    return _html(404, page)


def _html(status: int, page: str) -> Answer:
    return Answer(
        status,
        page.encode("utf-8"),
        {"Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store"},
    )
