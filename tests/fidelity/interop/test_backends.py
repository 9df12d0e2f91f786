"""Clerk's backend SDKs accept the session tokens clerk-js got from the emulator, networkless, with the
instance's public key: `@clerk/backend` (`verifyToken`, `authenticateRequest`, in Node) and
`clerk-backend-api` (`verify_token`, `authenticate_request`, in Python)."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from clerk_backend_api.security import authenticate_request, verify_token
from clerk_backend_api.security.types import (
    AuthenticateRequestOptions,
    TokenVerificationError,
    VerifyTokenOptions,
)
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicNumbers

from .conftest import PUBLISHABLE_KEY, InteropRun, jwt_claims, require_node

require_node()

BROWSER_ORIGIN = "http://localhost:3000"
OTHER_ORIGIN = "https://elsewhere.example"


@dataclass(frozen=True)
class Issued:
    """A token clerk-js got, and whose it should be."""

    name: str
    token: str
    user_id: str
    session_id: str | None  # None for a JWT template token
    org_id: str | None


def _pem(jwks: dict[str, Any]) -> str:
    """The PEM public key of the (single) JWK, as the Dashboard shows it for networkless verification."""
    (key,) = jwks["keys"]

    def number(field: str) -> int:
        raw = key[field]
        return int.from_bytes(base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)), "big")

    public = RSAPublicNumbers(number("e"), number("n")).public_key()
    return public.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    ).decode()


def _issued(run: InteropRun) -> list[Issued]:
    users = run.seeds.users
    out = []
    for flow, user_id in (
        ("sign_up", None),
        ("sign_in_password", users["password"].id),
        ("sign_in_email_code", users["email_code"].id),
        ("totp_second_factor", users["totp"].id),
        ("reset_password", users["reset"].id),
        ("ticket", run.seeds.ticket_user.id),
    ):
        data = run.flow(flow)
        out.append(Issued(flow, data["token"], user_id or data["user_id"], data["session_id"], None))
    reloaded = run.flow("sign_in_password")
    out.append(
        Issued("reloaded", reloaded["reloaded_token"], users["password"].id, reloaded["session_id"], None)
    )
    multi = run.flow("multi_session")
    for key, user in (("first_token", users["password"]), ("second_token", users["second"])):
        out.append(Issued(f"multi_session.{key}", multi[key], user.id, jwt_claims(multi[key])["sid"], None))
    org = run.flow("organizations")
    org_id = run.seeds.organization.id
    tokens = org["tokens"]
    out += [
        Issued("org.org_active", tokens["org_active"], org["user_id"], org["session_id"], org_id),
        Issued("org.plain", tokens["plain"], org["user_id"], org["session_id"], None),
        Issued("org.organization", tokens["organization"], org["user_id"], org["session_id"], org_id),
        Issued("org.template", tokens["template"], org["user_id"], None, None),
    ]
    return out


@dataclass(frozen=True)
class Verdicts:
    run: InteropRun
    pem: str
    issued: list[Issued]
    node: dict[str, dict[str, Any]]

    def sessions(self) -> Iterator[Issued]:
        return (i for i in self.issued if i.session_id is not None)


@pytest.fixture(scope="session")
def verdicts(interop_run: InteropRun) -> Verdicts:
    """Every token of a mode's run, verified once by @clerk/backend (plain, then with authorized parties)."""
    pem = _pem(interop_run.emulator.jwks())
    issued = _issued(interop_run)
    jobs = [{"name": i.name, "token": i.token} for i in issued]
    jobs.append({"name": "forged", "token": _forged(interop_run.flow("sign_in_password")["token"])})
    for i in issued:
        if i.session_id is not None:
            jobs.append({"name": f"{i.name}@ours", "token": i.token, "authorized_parties": [BROWSER_ORIGIN]})
            jobs.append({"name": f"{i.name}@other", "token": i.token, "authorized_parties": [OTHER_ORIGIN]})
    job_path = interop_run.workdir / "verify-job.json"
    results_path = interop_run.workdir / "verify-results.json"
    job = {"jwt_key": pem, "publishable_key": PUBLISHABLE_KEY, "tokens": jobs}
    job["results_path"] = str(results_path)
    job_path.write_text(json.dumps(job))
    interop_run.node.run("verify.cjs", job_path)
    return Verdicts(interop_run, pem, issued, json.loads(results_path.read_text()))


def _python_state(token: str, pem: str, parties: list[str] | None = None) -> Any:
    request = httpx.Request("GET", f"{BROWSER_ORIGIN}/api/me", headers={"Authorization": f"Bearer {token}"})
    return authenticate_request(request, AuthenticateRequestOptions(jwt_key=pem, authorized_parties=parties))


def test_node_backend_verifies_session_tokens(verdicts: Verdicts) -> None:
    for issued in verdicts.sessions():
        result = verdicts.node[issued.name]
        assert "verify_error" not in result, (issued.name, result.get("verify_error"))
        assert (result["claims"]["sub"], result["claims"]["sid"]) == (issued.user_id, issued.session_id)
        assert result["request_state"]["is_signed_in"], (issued.name, result["request_state"])
        auth = result["auth"]
        assert (auth["user_id"], auth["session_id"], auth["org_id"]) == (
            issued.user_id,
            issued.session_id,
            issued.org_id,
        ), issued.name


def test_python_backend_verifies_session_tokens(verdicts: Verdicts) -> None:
    for issued in verdicts.sessions():
        payload = verify_token(issued.token, VerifyTokenOptions(jwt_key=verdicts.pem))
        assert (payload["sub"], payload["sid"]) == (issued.user_id, issued.session_id), issued.name
        state = _python_state(issued.token, verdicts.pem)
        assert state.is_signed_in, (issued.name, state.reason)
        assert state.payload is not None and state.payload["sid"] == issued.session_id


def test_both_backends_verify_the_template_token(verdicts: Verdicts) -> None:
    (template,) = [i for i in verdicts.issued if i.session_id is None]
    seeded = verdicts.run.seeds.users["org_member"]
    wanted = {"sub": seeded.id, "uid": seeded.id, "email": seeded.identifier, "org": None}
    node_claims = verdicts.node[template.name]["claims"]
    assert {k: node_claims.get(k) for k in wanted} == wanted
    payload = verify_token(template.token, VerifyTokenOptions(jwt_key=verdicts.pem))
    assert {k: payload.get(k) for k in wanted} == wanted


def test_organization_claims_read_by_the_backends(verdicts: Verdicts) -> None:
    org = verdicts.run.seeds.organization
    for name in ("org.org_active", "org.organization"):
        auth = verdicts.node[name]["auth"]
        assert (auth["org_id"], auth["org_slug"], auth["org_role"]) == (org.id, org.slug, "org:admin")
        assert auth["has_admin_role"] is True
    assert verdicts.node["org.plain"]["auth"]["org_id"] is None


def _forged(token: str) -> str:
    """The token with another subject and its original signature."""
    head, _, signature = token.split(".")
    claims = jwt_claims(token)
    claims["sub"] = "user_someone_else"
    forged_payload = base64.urlsafe_b64encode(json.dumps(claims).encode()).decode().rstrip("=")
    return f"{head}.{forged_payload}.{signature}"


def test_tampered_token_is_refused_by_both_backends(verdicts: Verdicts) -> None:
    # The backends do check the emulator's signatures: its token with another subject fails.
    forged = _forged(verdicts.run.flow("sign_in_password")["token"])
    node = verdicts.node["forged"]
    assert "claims" not in node and node["verify_error"], node
    assert node["request_state"]["is_signed_in"] is False
    assert not _python_state(forged, verdicts.pem).is_signed_in
    with pytest.raises(TokenVerificationError):
        verify_token(forged, VerifyTokenOptions(jwt_key=verdicts.pem))


def test_authorized_parties(verdicts: Verdicts) -> None:
    """Browser-mode tokens name the page's origin in `azp`; native-mode tokens have no `azp` (no Origin was
    sent), so backends configured with authorized parties refuse them, as they refuse real ones."""
    browser = verdicts.run.mode == "browser"
    for issued in verdicts.sessions():
        assert jwt_claims(issued.token).get("azp") == (BROWSER_ORIGIN if browser else None), issued.name
        ours, other = verdicts.node[f"{issued.name}@ours"], verdicts.node[f"{issued.name}@other"]
        assert ours["request_state"]["is_signed_in"] is browser, (issued.name, ours["request_state"])
        assert other["request_state"]["reason"] == "token-invalid-authorized-parties", issued.name
        python_ours = _python_state(issued.token, verdicts.pem, [BROWSER_ORIGIN])
        assert python_ours.is_signed_in is browser, issued.name
        assert not _python_state(issued.token, verdicts.pem, [OTHER_ORIGIN]).is_signed_in, issued.name


def test_tokens_have_the_v2_shape(verdicts: Verdicts) -> None:
    """The shape the real service has issued since 2025-04, as both backends read it."""
    org = verdicts.run.seeds.organization
    for issued in verdicts.sessions():
        token_claims = jwt_claims(issued.token)
        assert (token_claims["v"], token_claims["sts"]) == (2, "active"), issued.name
        assert not any(k.startswith("org_") for k in token_claims), (issued.name, sorted(token_claims))
        if issued.org_id is None:
            assert "o" not in token_claims, issued.name
        else:
            assert {k: token_claims["o"][k] for k in ("id", "slg", "rol")} == {
                "id": org.id,
                "slg": org.slug,
                "rol": "admin",
            }, issued.name
        assert type(_python_state(issued.token, verdicts.pem).to_auth()).__name__ == "SessionAuthObjectV2"
        assert verdicts.node[issued.name]["auth"]["session_status"] == "active", issued.name


def test_system_permissions_never_reach_an_app(verdicts: Verdicts) -> None:
    # The member is an org:admin, which holds org:sys_profile:manage; Clerk keeps system permissions out of
    # session tokens, so `auth.has()` for one is false in an app, while the role check holds.
    for name in ("org.org_active", "org.organization"):
        auth = verdicts.node[name]["auth"]
        assert auth["has_sys_profile_manage"] is False, name
        assert not [p for p in auth["org_permissions"] or [] if p.startswith("org:sys_")], name
