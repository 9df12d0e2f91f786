"""The emailed link of the `email_link` strategy: the link itself (`/v1/verify?token=...`, what
`Emulator.last_email_link` hands to tests) and acting as the user who followed it.

A link is made when a sign-in prepares `email_link` (its token is single-use and bound to that sign-in).
Following it verifies the sign-in on the client that started it, which completes it unless a second
factor is needed (the polling device then sees `verified` and a complete sign-in, PROTOCOL.md §3a), and
sends the browser to the `redirect_url` given at prepare time with `__clerk_status=verified` (and
`__clerk_created_session`), or `expired` when the link is past its lifetime. Without a `redirect_url` the
browser gets a short page instead. A used or unknown token answers 400 `verification_link_invalid`
(the emulator's own code: the real answer is not documented).
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from . import _forms as forms
from ._call import Answer, Call
from ._errors import FapiError
from ._models import SignIn, Verification
from ._oauth import attached, see_other, with_query

if TYPE_CHECKING:
    from ._service import Service

NONCE_KIND = "email_link"


@dataclass
class _Link:
    email_address: str
    token: str
    sign_in_id: str


@dataclass
class _Links:
    sent: list[_Link] = field(default_factory=list)


_LINKS: weakref.WeakKeyDictionary[Service, _Links] = weakref.WeakKeyDictionary()


def _links(svc: Service) -> _Links:
    return attached(_LINKS, svc, _Links)


def sent(svc: Service, call: Call, sign_in: SignIn) -> None:
    """Record the link mailed for `sign_in` when it has just prepared `email_link`."""
    v = sign_in.first_factor_verification
    user = svc.users.get(sign_in.user_id) if sign_in.user_id else None
    if v is None or v.strategy != "email_link" or user is None or call.client is None:
        return
    email = next((e for e in user.email_addresses if e.id == v.target_id), None)
    if email is None:
        return
    extra = {}
    redirect_url = forms.text(call.form, "redirect_url")
    if redirect_url is not None:
        extra["redirect_url"] = redirect_url
    token = svc.nonces.issue(client_id=call.client.id, kind=NONCE_KIND, subject_id=sign_in.id, extra=extra)
    _links(svc).sent.append(_Link(email.email_address, token, sign_in.id))


def last_link(svc: Service, email_address: str) -> str | None:
    """The URL of the latest link mailed to `email_address` (on the host of the latest request), or None."""
    wanted = email_address.strip().lower()
    for link in reversed(_links(svc).sent):
        if link.email_address.lower() == wanted:
            return f"{svc.last_issuer}/v1/verify?{urlencode({'token': link.token})}"
    return None


def expire(svc: Service, verification: Verification | None) -> None:
    """An unverified email link past its lifetime is `expired` (what a polling device sees)."""
    if (
        verification is not None
        and verification.strategy == "email_link"
        and verification.status == "unverified"
        and verification.expire_at is not None
        and svc.now() > verification.expire_at
    ):
        verification.status = "expired"


def verify(svc: Service, call: Call) -> Answer:
    """`GET /v1/verify?token=...`: the user followed the link, in any browser."""
    token = call.query.get("token") or ""
    grant = svc.nonces.redeem(token, kind=NONCE_KIND) if token else None
    sign_in = svc.sign_ins.get(grant.subject_id) if grant is not None else None
    if grant is None or sign_in is None:
        raise FapiError(
            400, "verification_link_invalid", "link invalid", "This link is invalid or was already used."
        )
    v = sign_in.first_factor_verification
    user = svc.users.get(sign_in.user_id) if sign_in.user_id else None
    expire(svc, v)
    status = "failed"
    if v is not None and v.strategy == "email_link" and v.status == "expired":
        status = "expired"
    elif v is not None and v.strategy == "email_link" and v.status == "unverified" and user is not None:
        _verify_sign_in(svc, sign_in, v)
        status = "verified"
    params = {"__clerk_status": status}
    if status == "verified" and sign_in.created_session_id:
        params["__clerk_created_session"] = sign_in.created_session_id
    redirect_url = grant.extra.get("redirect_url")
    if redirect_url is None:
        text = {"verified": "You are signed in: return to the app."}.get(status, f"This link is {status}.")
        body = f"<!doctype html><title>Email link</title><p>{text}</p>".encode()
        return Answer(200, body, {"Content-Type": "text/html; charset=utf-8"})
    return see_other(with_query(redirect_url, params))


def _verify_sign_in(svc: Service, sign_in: SignIn, v: Verification) -> None:
    from . import _sign_in_factors

    user = svc.users[sign_in.user_id] if sign_in.user_id else None
    assert user is not None
    v.status = "verified"
    v.verified_at_client = sign_in.client_id  # opened on the device that asked for it
    client = svc.clients[sign_in.client_id]
    fake = Call("POST", "", {}, {}, {}, {}, issuer=svc.last_issuer, client=client)
    _sign_in_factors.after_first_factor(svc, fake, sign_in, user)
    # The device that started the sign-in still shows it, now complete, as it polls: the real
    # service keeps a sign-in verified by a link on its client (recorded Flutter traffic).
    client.sign_in_id = sign_in.id


def complete_email_link(svc: Service, email_address: str) -> bool:
    """Act as the user who clicked the link mailed to `email_address`. True if something was waiting."""
    from .resources import sign_ups

    done = False
    for sign_in in svc.sign_ins.values():
        v = sign_in.first_factor_verification
        user = svc.users.get(sign_in.user_id) if sign_in.user_id else None
        if v is None or v.strategy != "email_link" or v.status != "unverified" or user is None:
            continue
        email = next((e for e in user.email_addresses if e.id == v.target_id), None)
        if email is not None and email.email_address.lower() == email_address.lower():
            _verify_sign_in(svc, sign_in, v)
            done = True
    for sign_up in svc.sign_ups.values():
        v = sign_up.email_verification
        if (
            v is not None
            and v.strategy == "email_link"
            and v.status == "unverified"
            and (sign_up.email_address or "").lower() == email_address.lower()
        ):
            v.status = "verified"
            client = svc.clients[sign_up.client_id]
            sign_ups.settle_sign_up(
                svc, Call("POST", "", {}, {}, {}, {}, issuer=svc.last_issuer, client=client), sign_up
            )
            done = True
    return done
