"""Session tokens in the v2 shape the real service issues (the only one since 2025-04).

Claims: `v: 2`, `sts` (session status), `fva` (minutes since the first and second factor), `azp` only when the
request carried an `Origin`, and the active organization as `o: {id, slg, rol, per, fpm}` with the
org-scoped features in the top-level `fea`. `rol` is the role without its `org:` prefix; `per` lists the
permission actions and each number of `fpm` is, for one org feature of `fea` (in order), a bitmask over `per`
(bit 0 = the first action). System permissions (`org:sys_*`) never appear in a token.
"""

from __future__ import annotations

from typing import Any

import pytest
from clerk_fapi.testing import Emulator, SeededUser

from .conftest import NativeDevice
from .test_native_flows import verify_jwt

ORIGIN = "https://app.example.test"


def decoded_org_permissions(claims: dict[str, Any]) -> list[str]:
    """The organization permissions a v2 token stands for, decoded as Clerk's SDKs decode them."""
    org = claims.get("o")
    if not org or not org.get("per") or not org.get("fpm"):
        return []
    features = [
        entry.split(":", 1)[1] for entry in claims.get("fea", "").split(",") if "o" in entry.split(":", 1)[0]
    ]
    actions = org["per"].split(",")
    masks = [int(x) for x in org["fpm"].split(",")]
    return [
        f"org:{feature}:{action}"
        for feature, mask in zip(features, masks, strict=False)
        for bit, action in enumerate(actions)
        if mask >> bit & 1
    ]


def _session(native: NativeDevice, user: SeededUser) -> str:
    session_id: str = native.sign_in(user)["client"]["last_active_session_id"]
    return session_id


def _token(native: NativeDevice, session_id: str, **kw: Any) -> str:
    r = native.post(f"/v1/client/sessions/{session_id}/tokens", **kw)
    assert r.status_code == 200, r.text
    jwt: str = r.json()["jwt"]
    return jwt


def test_a_personal_session_token_has_exactly_the_v2_default_claims(
    emulator: Emulator, native: NativeDevice, user: SeededUser
) -> None:
    sid = _session(native, user)
    claims = verify_jwt(_token(native, sid), emulator.jwks())
    assert set(claims) == {"exp", "fva", "iat", "iss", "jti", "nbf", "sid", "sts", "sub", "v"}
    assert claims["v"] == 2
    assert claims["sts"] == "active"
    assert claims["fva"] == [0, -1]
    assert claims["sid"] == sid and claims["sub"] == user.id


def test_azp_is_the_origin_and_only_present_when_one_was_sent(
    emulator: Emulator, native: NativeDevice, user: SeededUser
) -> None:
    sid = _session(native, user)
    native_claims = verify_jwt(_token(native, sid), emulator.jwks())
    assert "azp" not in native_claims
    r = native.http.post(
        f"/v1/client/sessions/{sid}/tokens",
        params={"_is_native": "1"},
        headers={"Authorization": native.token, "Origin": ORIGIN},
    )
    assert r.status_code == 200, r.text
    assert verify_jwt(r.json()["jwt"], emulator.jwks())["azp"] == ORIGIN


def test_the_session_tokens_in_client_answers_are_v2_too(
    emulator: Emulator, native: NativeDevice, user: SeededUser
) -> None:
    body = native.sign_in(user)
    jwt = body["client"]["sessions"][0]["last_active_token"]["jwt"]
    claims = verify_jwt(jwt, emulator.jwks())
    assert claims["v"] == 2 and claims["sts"] == "active"


def test_fva_counts_minutes_since_each_factor(
    emulator: Emulator, native: NativeDevice, user: SeededUser
) -> None:
    sid = _session(native, user)
    emulator.clock.advance(7 * 60)
    assert verify_jwt(_token(native, sid), emulator.jwks())["fva"] == [7, -1]


def test_an_active_organization_is_the_o_claim_without_v1_keys_or_system_permissions(
    emulator: Emulator, native: NativeDevice, user: SeededUser
) -> None:
    org = emulator.add_organization("Acme Inc", members={user.id: "org:admin"})
    sid = _session(native, user)
    claims = verify_jwt(_token(native, sid, data={"organization_id": org.id}), emulator.jwks())
    assert claims["o"] == {"id": org.id, "slg": org.slug, "rol": "admin"}
    assert not {"org_id", "org_slug", "org_role", "org_permissions"} & set(claims)
    assert "sys_" not in str(claims)
    assert decoded_org_permissions(claims) == []


def test_custom_permissions_are_encoded_as_features_actions_and_bitmasks(
    emulator: Emulator, native: NativeDevice, user: SeededUser
) -> None:
    org = emulator.add_organization("Acme Inc")
    emulator.add_membership(
        org.id,
        user.id,
        "org:billing_manager",
        permissions=["org:invoices:read", "org:invoices:manage", "org:reports:read", "org:projects:manage"],
    )
    sid = _session(native, user)
    claims = verify_jwt(_token(native, sid, data={"organization_id": org.id}), emulator.jwks())
    assert claims["o"]["rol"] == "billing_manager"
    assert claims["fea"] == "o:invoices,o:reports,o:projects"
    assert claims["o"]["per"] == "read,manage"
    assert claims["o"]["fpm"] == "3,1,2"
    assert sorted(decoded_org_permissions(claims)) == [
        "org:invoices:manage",
        "org:invoices:read",
        "org:projects:manage",
        "org:reports:read",
    ]
    assert "sys_" not in str(claims)


def test_the_membership_still_lists_system_permissions(emulator: Emulator, user: SeededUser) -> None:
    org = emulator.add_organization("Acme Inc")
    emulator.add_membership(org.id, user.id, "org:admin", permissions=["org:invoices:read"])
    membership = emulator.user_json(user.id)["organization_memberships"][0]
    assert "org:sys_memberships:manage" in membership["permissions"]
    assert "org:invoices:read" in membership["permissions"]


@pytest.mark.parametrize("bad", ["invoices:read", "org:invoices", "org:sys_profile:manage", "org:Inv:read"])
def test_a_malformed_or_system_custom_permission_is_refused_when_seeding(
    emulator: Emulator, user: SeededUser, bad: str
) -> None:
    org = emulator.add_organization("Acme Inc")
    with pytest.raises(ValueError, match="permission"):
        emulator.add_membership(org.id, user.id, "org:member", permissions=[bad])


def test_touching_into_an_organization_puts_it_in_last_active_token(
    emulator: Emulator, native: NativeDevice, user: SeededUser
) -> None:
    org = emulator.add_organization("Acme Inc", members={user.id: "org:member"})
    sid = _session(native, user)
    r = native.post(f"/v1/client/sessions/{sid}/touch", {"active_organization_id": org.id})
    jwt = r.json()["response"]["last_active_token"]["jwt"]
    claims = verify_jwt(jwt, emulator.jwks())
    assert claims["o"] == {"id": org.id, "slg": org.slug, "rol": "member"}
    personal = verify_jwt(_token(native, sid, data={"organization_id": ""}), emulator.jwks())
    assert "o" not in personal and "fea" not in personal
