"""Session tokens: the v2 claims of a session (with its active organization) and JWT templates' claims."""

from __future__ import annotations

import re
import secrets
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ._call import Call
from ._models import JwtTemplate, Membership, Organization, Session, User

if TYPE_CHECKING:
    from ._service import Service

_SHORTCODE = re.compile(r"\{\{\s*([a-z_.]+)\s*\}\}")


def mint_jwt(
    svc: Service,
    call: Call,
    session: Session,
    *,
    org_id: str | None,
    template: JwtTemplate | None = None,
) -> str:
    user = svc.users[session.user_id]
    iat = svc.clock.now_s
    lifetime = template.lifetime if template else 60
    claims: dict[str, Any] = {}
    origin = call.headers.get("origin")
    if origin:
        claims["azp"] = origin
    claims.update(
        {
            "exp": iat + lifetime,
            "iat": iat,
            "iss": call.issuer,
            "jti": secrets.token_hex(10),
            "nbf": iat - 10,
            "sub": user.id,
        }
    )
    org = svc.organizations.get(org_id) if org_id else None
    membership = svc.memberships.find(org.id, user.id) if org else None
    if template is None:
        claims.update({"sid": session.id, "sts": session.status, "v": 2, "fva": svc.factor_age(session)})
        if org is not None and membership is not None:
            claims.update(_organization_claims(org, membership))
    else:
        context = _shortcode_context(svc, user, session, org, membership)
        for key, value in template.claims.items():
            if key not in claims:
                claims[key] = _render_claim(value, context)
    jwt = svc.key.sign_jwt(claims)
    session.minted.append(jwt)
    del session.minted[:-20]
    return jwt


def _shortcode_context(
    svc: Service, user: User, session: Session, org: Organization | None, membership: Membership | None
) -> dict[str, Any]:
    email = user.primary_email()
    phone = user.primary_phone()
    return {
        "user.id": user.id,
        "user.first_name": user.first_name,
        "user.last_name": user.last_name,
        "user.username": user.username,
        "user.primary_email_address": email.email_address if email else None,
        "user.primary_phone_number": phone.phone_number if phone else None,
        "user.public_metadata": dict(user.public_metadata),
        "user.unsafe_metadata": dict(user.unsafe_metadata),
        "user.two_factor_enabled": user.two_factor_enabled,
        "session.id": session.id,
        "org.id": org.id if org else None,
        "org.slug": org.slug if org else None,
        "org.name": org.name if org else None,
        "org.role": membership.role if membership else None,
    }


def _organization_claims(org: Organization, membership: Membership) -> dict[str, Any]:
    """The v2 claims of an active organization: `o` and, when the role has custom permissions, `fea`.

    Custom permissions `org:<feature>:<action>` are encoded as the org features (`fea`, in first-seen order),
    the distinct actions (`o.per`) and one bitmask over `per` per feature (`o.fpm`, bit 0 = the first
    action). System permissions (`org:sys_*`) never go into a token.
    """
    features: list[str] = []
    actions: list[str] = []
    masks: dict[str, int] = {}
    for permission in membership.permissions:
        _, feature, action = permission.split(":", 2)
        if feature.startswith("sys_"):
            continue
        if feature not in features:
            features.append(feature)
        if action not in actions:
            actions.append(action)
        masks[feature] = masks.get(feature, 0) | 1 << actions.index(action)
    o: dict[str, Any] = {"id": org.id, "slg": org.slug, "rol": membership.role.removeprefix("org:")}
    if not features:
        return {"o": o}
    o["per"] = ",".join(actions)
    o["fpm"] = ",".join(str(masks[f]) for f in features)
    return {"o": o, "fea": ",".join(f"o:{f}" for f in features)}


def _render_claim(value: Any, context: Mapping[str, Any]) -> Any:
    if isinstance(value, str):
        whole = _SHORTCODE.fullmatch(value.strip())
        if whole:
            return context.get(whole.group(1))
        return _SHORTCODE.sub(
            lambda m: "" if context.get(m.group(1)) is None else str(context[m.group(1)]), value
        )
    if isinstance(value, dict):
        return {k: _render_claim(v, context) for k, v in value.items()}
    if isinstance(value, list):
        return [_render_claim(v, context) for v in value]
    return value
