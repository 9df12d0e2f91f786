"""Native-mode flows over the in-process transport: sign-up, sign-in (every factor), sessions and tokens."""

from __future__ import annotations

import base64
import json
from typing import Any

import httpx
import pytest
from clerk_fapi.testing import TEST_CODE, Emulator, SeededUser
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from .conftest import PASSWORD, NativeDevice, make_user


def _b64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def verify_jwt(jwt: str, jwks: dict[str, Any]) -> dict[str, Any]:
    """Verify an RS256 JWT with a JWKS as a backend would; return its claims."""
    head, body, sig = jwt.split(".")
    header = json.loads(_b64(head))
    key = next(k for k in jwks["keys"] if k["kid"] == header["kid"])
    public = rsa.RSAPublicNumbers(
        int.from_bytes(_b64(key["e"]), "big"), int.from_bytes(_b64(key["n"]), "big")
    )
    public.public_key().verify(_b64(sig), f"{head}.{body}".encode(), padding.PKCS1v15(), hashes.SHA256())
    assert header["alg"] == "RS256"
    claims: dict[str, Any] = json.loads(_b64(body))
    return claims


def error_code(r: httpx.Response) -> str:
    code: str = r.json()["errors"][0]["code"]
    return code


# ---------------------------------------------------------------- client and envelope
def test_get_client_without_a_client_is_a_null_envelope(native: NativeDevice) -> None:
    r = native.get("/v1/client")
    assert r.status_code == 200
    assert r.json() == {"response": None, "client": None}
    assert "authorization" not in r.headers


def test_post_client_creates_a_client_and_issues_a_token(native: NativeDevice) -> None:
    r = native.post("/v1/client")
    body = r.json()
    assert body["client"] is None
    assert body["response"]["id"].startswith("client_")
    assert body["response"]["sessions"] == []
    assert native.token
    again = native.get("/v1/client").json()
    assert again["response"]["id"] == body["response"]["id"]


def test_put_client_creates_a_fresh_client_each_time(native: NativeDevice) -> None:
    first = native.request("PUT", "/v1/client").json()["response"]["id"]
    second = native.request("PUT", "/v1/client").json()["response"]["id"]
    assert first != second


def test_client_token_rotates_on_every_answer_and_the_latest_works(native: NativeDevice) -> None:
    native.post("/v1/client")
    native.get("/v1/client")
    native.get("/v1/client")
    assert len(set(native.tokens_seen)) == 3
    assert native.get("/v1/client").json()["response"] is not None


def test_forged_client_token_is_401_authentication_invalid(native: NativeDevice) -> None:
    native.post("/v1/client")
    header, body, _sig = native.token.split(".")
    native.token = f"{header}.{body}.forged"
    r = native.get("/v1/client")
    assert r.status_code == 401
    assert error_code(r) == "authentication_invalid"
    assert r.json()["clerk_trace_id"]


def test_garbage_client_token_is_401(native: NativeDevice) -> None:
    native.token = "not-a-token"
    r = native.post("/v1/client/sign_ins", {"identifier": "x@example.com"})
    assert r.status_code == 401
    assert error_code(r) == "authentication_invalid"


def test_strict_rotation_rejects_a_superseded_token(
    http: httpx.Client, emulator: Emulator, native: NativeDevice
) -> None:
    emulator.strict_token_rotation = True
    native.post("/v1/client")
    stale = native.token
    native.get("/v1/client")
    native.token = stale
    assert native.get("/v1/client").status_code == 401


def test_native_api_disabled_is_refused(emulator: Emulator, native: NativeDevice) -> None:
    emulator.native_api_enabled = False
    r = native.get("/v1/client")
    assert r.status_code == 400
    assert error_code(r) == "native_api_disabled"


def test_api_version_and_testing_token_are_accepted(native: NativeDevice, http: httpx.Client) -> None:
    r = native.get(
        "/v1/environment",
        params={"__clerk_api_version": "2026-05-12", "__clerk_testing_token": "tt_anything"},
    )
    assert r.status_code == 200
    r2 = http.get("/v1/environment", params={"_is_native": "1"}, headers={"clerk-api-version": "2026-05-12"})
    assert r2.status_code == 200
    assert r2.json()["auth_config"]["object"] == "auth_config"


def test_environment_reflects_the_emulator_settings(emulator: Emulator, native: NativeDevice) -> None:
    emulator.single_session_mode = True
    env = native.get("/v1/environment").json()
    assert env["auth_config"]["single_session_mode"] is True
    assert env["display_config"]["instance_environment_type"] == "development"
    assert env["user_settings"]["attributes"]["phone_number"]["required"] is True
    assert "response" not in env


# ---------------------------------------------------------------- sign-up
def test_sign_up_reports_missing_and_unverified_fields_like_the_sample(native: NativeDevice) -> None:
    r = native.post("/v1/client/sign_ups", {"email_address": "new+clerk_test@example.com"})
    sign_up = r.json()["response"]
    assert sign_up["status"] == "missing_requirements"
    assert sign_up["id"].startswith("sua_")
    assert sign_up["required_fields"] == [
        "email_address",
        "first_name",
        "last_name",
        "legal_accepted",
        "password",
        "phone_number",
    ]
    assert sign_up["missing_fields"] == [
        "first_name",
        "last_name",
        "legal_accepted",
        "password",
        "phone_number",
    ]
    assert sign_up["unverified_fields"] == ["email_address"]
    assert r.json()["client"]["sign_up"]["id"] == sign_up["id"]


def test_full_sign_up_with_email_and_phone_verification_creates_user_and_session(
    native: NativeDevice,
) -> None:
    r = native.post(
        "/v1/client/sign_ups",
        {
            "email_address": "new+clerk_test@example.com",
            "phone_number": "+1 555 555 0142",
            "password": PASSWORD,
            "first_name": "New",
            "last_name": "Person",
            "legal_accepted": "true",
            "unsafe_metadata": json.dumps({"plan": "free"}),
            "strategy": "email_code",
        },
    )
    sign_up = r.json()["response"]
    assert sign_up["verifications"]["email_address"]["next_action"] == "needs_attempt"
    assert sign_up["unsafe_metadata"] == {"plan": "free"}
    sid = sign_up["id"]
    r = native.post(
        f"/v1/client/sign_ups/{sid}/attempt_verification", {"strategy": "email_code", "code": TEST_CODE}
    )
    assert r.json()["response"]["unverified_fields"] == ["phone_number"]
    native.post(f"/v1/client/sign_ups/{sid}/prepare_verification", {"strategy": "phone_code"})
    r = native.post(
        f"/v1/client/sign_ups/{sid}/attempt_verification", {"strategy": "phone_code", "code": TEST_CODE}
    )
    body = r.json()
    assert body["response"]["status"] == "complete"
    assert body["response"]["created_user_id"].startswith("user_")
    session_id = body["response"]["created_session_id"]
    assert body["client"]["last_active_session_id"] == session_id
    assert body["client"]["sign_up"] is None
    session = body["client"]["sessions"][0]
    assert session["status"] == "active"
    assert session["user"]["primary_email_address_id"].startswith("idn_")
    assert session["user"]["unsafe_metadata"] == {"plan": "free"}


def test_sign_up_patch_fills_missing_fields(emulator: Emulator, native: NativeDevice) -> None:
    emulator.sign_up_required = {"username", "password"}
    sid = native.post("/v1/client/sign_ups", {"username": "newbie"}).json()["response"]["id"]
    r = native.request("PATCH", f"/v1/client/sign_ups/{sid}", data={"password": PASSWORD})
    assert r.json()["response"]["status"] == "complete"
    assert native.get(f"/v1/client/sign_ups/{sid}").json()["response"]["status"] == "complete"


def test_sign_up_with_a_taken_email_is_form_identifier_exists(native: NativeDevice, user: SeededUser) -> None:
    r = native.post("/v1/client/sign_ups", {"email_address": user.email_addresses[0]})
    assert r.status_code == 422
    assert error_code(r) == "form_identifier_exists"
    assert r.json()["errors"][0]["meta"]["param_name"] == "email_address"


def test_wrong_code_is_form_code_incorrect_and_attempts_are_limited(
    emulator: Emulator, native: NativeDevice
) -> None:
    sid = native.post(
        "/v1/client/sign_ups", {"email_address": "x+clerk_test@example.com", "strategy": "email_code"}
    ).json()["response"]["id"]
    path = f"/v1/client/sign_ups/{sid}/attempt_verification"
    for _ in range(emulator.max_code_attempts - 1):
        r = native.post(path, {"strategy": "email_code", "code": "000000"})
        assert r.status_code == 422 and error_code(r) == "form_code_incorrect"
    r = native.post(path, {"strategy": "email_code", "code": "000000"})
    assert error_code(r) == "verification_failed"
    # Even the right code no longer works once the verification failed.
    r = native.post(path, {"strategy": "email_code", "code": TEST_CODE})
    assert error_code(r) == "verification_failed"
    state = native.get(f"/v1/client/sign_ups/{sid}").json()["response"]["verifications"]["email_address"]
    assert state["status"] == "failed"
    assert state["attempts"] == emulator.max_code_attempts


def test_non_test_email_needs_the_code_from_the_outbox(emulator: Emulator, native: NativeDevice) -> None:
    sid = native.post(
        "/v1/client/sign_ups", {"email_address": "real@example.com", "strategy": "email_code"}
    ).json()["response"]["id"]
    code = emulator.last_code("real@example.com")
    assert code is not None and len(code) == 6
    if code != TEST_CODE:
        bad = native.post(
            f"/v1/client/sign_ups/{sid}/attempt_verification", {"strategy": "email_code", "code": TEST_CODE}
        )
        assert error_code(bad) == "form_code_incorrect"
    r = native.post(
        f"/v1/client/sign_ups/{sid}/attempt_verification", {"strategy": "email_code", "code": code}
    )
    assert r.json()["response"]["verifications"]["email_address"]["status"] == "verified"


def test_expired_code_is_refused(emulator: Emulator, native: NativeDevice) -> None:
    sid = native.post(
        "/v1/client/sign_ups", {"email_address": "x+clerk_test@example.com", "strategy": "email_code"}
    ).json()["response"]["id"]
    emulator.clock.advance(11 * 60)
    r = native.post(
        f"/v1/client/sign_ups/{sid}/attempt_verification", {"strategy": "email_code", "code": TEST_CODE}
    )
    assert r.status_code == 422
    assert error_code(r) == "verification_expired"


def test_sign_up_ticket_verifies_the_invited_email(emulator: Emulator, native: NativeDevice) -> None:
    emulator.sign_up_required = {"email_address", "password"}
    ticket = emulator.create_invitation_ticket("invited@example.com")
    r = native.post("/v1/client/sign_ups", {"strategy": "ticket", "ticket": ticket, "password": PASSWORD})
    assert r.json()["response"]["status"] == "complete"
    assert r.json()["response"]["email_address"] == "invited@example.com"


def test_malformed_sign_up_fields_are_422(native: NativeDevice) -> None:
    for data, param in (
        ({"legal_accepted": "maybe"}, "legal_accepted"),
        ({"unsafe_metadata": "{not json"}, "unsafe_metadata"),
        ({"email_address": "nope"}, "email_address"),
        ({"phone_number": "12"}, "phone_number"),
        ({"password": "short"}, "password"),
    ):
        r = native.post("/v1/client/sign_ups", data)
        assert r.status_code == 422, (data, r.text)
        assert r.json()["errors"][0]["meta"]["param_name"] == param


# ---------------------------------------------------------------- sign-in
def test_identifier_and_password_complete_in_one_step(
    native: NativeDevice, user: SeededUser, emulator: Emulator
) -> None:
    body = native.sign_in(user)
    sign_in = body["response"]
    assert sign_in["status"] == "complete"
    assert sign_in["id"].startswith("sia_")
    assert sign_in["first_factor_verification"]["strategy"] == "password"
    session = body["client"]["sessions"][0]
    assert session["id"] == sign_in["created_session_id"]
    assert session["last_active_token"]["object"] == "token"
    claims = verify_jwt(session["last_active_token"]["jwt"], emulator.jwks())
    assert claims["sub"] == user.id and claims["sid"] == session["id"]


def test_identifier_first_then_password(native: NativeDevice, user: SeededUser) -> None:
    r = native.post("/v1/client/sign_ins", {"identifier": user.username})
    sign_in = r.json()["response"]
    assert sign_in["status"] == "needs_first_factor"
    strategies = [f["strategy"] for f in sign_in["supported_first_factors"]]
    assert strategies[0] == "password" and "email_code" in strategies and "phone_code" in strategies
    r = native.post(
        f"/v1/client/sign_ins/{sign_in['id']}/attempt_first_factor",
        {"strategy": "password", "password": PASSWORD},
    )
    assert r.json()["response"]["status"] == "complete"
    assert r.json()["client"]["sign_in"] is None


def test_wrong_password_is_form_password_incorrect(native: NativeDevice, user: SeededUser) -> None:
    r = native.post("/v1/client/sign_ins", {"identifier": user.identifier, "password": "wrong-password"})
    assert r.status_code == 422
    assert error_code(r) == "form_password_incorrect"
    assert r.json()["clerk_trace_id"]
    # The sign-in stays in progress on the client.
    assert native.get("/v1/client").json()["response"]["sign_in"]["status"] == "needs_first_factor"


def test_unknown_identifier_is_form_identifier_not_found(native: NativeDevice) -> None:
    r = native.post("/v1/client/sign_ins", {"identifier": "nobody@example.com"})
    assert r.status_code == 422
    assert error_code(r) == "form_identifier_not_found"


def test_unknown_form_field_is_form_param_unknown_with_its_name(
    native: NativeDevice, user: SeededUser
) -> None:
    r = native.post("/v1/client/sign_ins", {"identifier": user.identifier, "email_address": "x"})
    assert r.status_code == 422
    err = r.json()["errors"][0]
    assert err["code"] == "form_param_unknown"
    assert err["meta"] == {"param_name": "email_address"}
    r = native.post("/v1/client", {"anything": "1"})
    assert r.json()["errors"][0]["meta"]["param_name"] == "anything"


@pytest.mark.parametrize("strategy", ["email_code", "phone_code"])
def test_code_first_factor(native: NativeDevice, user: SeededUser, strategy: str) -> None:
    sid = native.post("/v1/client/sign_ins", {"identifier": user.identifier}).json()["response"]["id"]
    r = native.post(f"/v1/client/sign_ins/{sid}/prepare_first_factor", {"strategy": strategy})
    verification = r.json()["response"]["first_factor_verification"]
    assert verification == {**verification, "strategy": strategy, "status": "unverified", "attempts": 0}
    r = native.post(
        f"/v1/client/sign_ins/{sid}/attempt_first_factor", {"strategy": strategy, "code": TEST_CODE}
    )
    assert r.json()["response"]["status"] == "complete"


def test_attempt_without_prepare_is_refused(native: NativeDevice, user: SeededUser) -> None:
    sid = native.post("/v1/client/sign_ins", {"identifier": user.identifier}).json()["response"]["id"]
    r = native.post(
        f"/v1/client/sign_ins/{sid}/attempt_first_factor", {"strategy": "email_code", "code": "1"}
    )
    assert r.status_code == 400
    r = native.post(f"/v1/client/sign_ins/{sid}/prepare_first_factor", {})
    assert r.status_code == 422 and error_code(r) == "form_param_missing"


def test_reset_password_flow(native: NativeDevice, user: SeededUser) -> None:
    sid = native.post("/v1/client/sign_ins", {"identifier": user.identifier}).json()["response"]["id"]
    native.post(f"/v1/client/sign_ins/{sid}/prepare_first_factor", {"strategy": "reset_password_email_code"})
    r = native.post(
        f"/v1/client/sign_ins/{sid}/attempt_first_factor",
        {"strategy": "reset_password_email_code", "code": TEST_CODE},
    )
    assert r.json()["response"]["status"] == "needs_new_password"
    r = native.post(
        f"/v1/client/sign_ins/{sid}/reset_password",
        {"password": "brand-new-password", "sign_out_of_other_sessions": "true"},
    )
    assert r.json()["response"]["status"] == "complete"
    other = NativeDevice(native.http, native.checked)
    assert (
        other.post(
            "/v1/client/sign_ins", {"identifier": user.identifier, "password": "brand-new-password"}
        ).status_code
        == 200
    )


def test_ticket_sign_in(emulator: Emulator, native: NativeDevice, user: SeededUser) -> None:
    ticket = emulator.create_sign_in_ticket(user.id)
    r = native.post("/v1/client/sign_ins", {"strategy": "ticket", "ticket": ticket})
    assert r.json()["response"]["status"] == "complete"
    again = NativeDevice(native.http, native.checked).post(
        "/v1/client/sign_ins", {"strategy": "ticket", "ticket": ticket}
    )
    assert again.status_code == 422 and error_code(again) == "ticket_invalid"


def test_email_link_completes_when_the_link_is_followed(
    emulator: Emulator, native: NativeDevice, user: SeededUser
) -> None:
    sid = native.post("/v1/client/sign_ins", {"identifier": user.identifier}).json()["response"]["id"]
    r = native.post(f"/v1/client/sign_ins/{sid}/prepare_first_factor", {"strategy": "email_link"})
    assert r.json()["response"]["first_factor_verification"]["object"] == "verification_email_link"
    assert emulator.complete_email_link(user.email_addresses[0])
    reloaded = native.get(f"/v1/client/sign_ins/{sid}").json()["response"]
    assert reloaded["first_factor_verification"]["status"] == "verified"
    assert reloaded["status"] == "complete"


def test_totp_second_factor(emulator: Emulator, native: NativeDevice) -> None:
    mfa_user = make_user(
        emulator,
        email_addresses="mfa+clerk_test@example.com",
        phone_numbers=(),
        username="mfauser",
        totp_secret=True,
        backup_codes=["11111111", "22222222"],
    )
    body = native.sign_in(mfa_user)
    sign_in = body["response"]
    assert sign_in["status"] == "needs_second_factor"
    assert {f["strategy"] for f in sign_in["supported_second_factors"]} == {"totp", "backup_code"}
    path = f"/v1/client/sign_ins/{sign_in['id']}/attempt_second_factor"
    bad = native.post(
        path,
        {
            "strategy": "totp",
            "code": "000000" if emulator.totp_code(mfa_user.totp_secret or "") != "000000" else "111111",
        },
    )
    assert bad.status_code == 422 and error_code(bad) == "form_code_incorrect"
    r = native.post(path, {"strategy": "totp", "code": emulator.totp_code(mfa_user.totp_secret or "")})
    assert r.json()["response"]["status"] == "complete"
    session = r.json()["client"]["sessions"][0]
    assert session["factor_verification_age"] == [0, 0]
    assert session["user"]["two_factor_enabled"] is True and session["user"]["totp_enabled"] is True


def test_backup_code_second_factor_is_single_use(emulator: Emulator, native: NativeDevice) -> None:
    mfa_user = make_user(emulator, totp_secret=True, backup_codes=["11111111", "22222222"])
    sid = native.sign_in(mfa_user)["response"]["id"]
    r = native.post(
        f"/v1/client/sign_ins/{sid}/attempt_second_factor", {"strategy": "backup_code", "code": "11111111"}
    )
    assert r.json()["response"]["status"] == "complete"
    other = NativeDevice(native.http, native.checked)
    sid2 = other.sign_in(mfa_user)["response"]["id"]
    r = other.post(
        f"/v1/client/sign_ins/{sid2}/attempt_second_factor", {"strategy": "backup_code", "code": "11111111"}
    )
    assert r.status_code == 422 and error_code(r) == "form_code_incorrect"


def test_phone_code_second_factor(emulator: Emulator, native: NativeDevice) -> None:
    mfa_user = make_user(emulator, mfa=True)
    sign_in = native.sign_in(mfa_user)["response"]
    assert sign_in["supported_second_factors"][0]["strategy"] == "phone_code"
    sid = sign_in["id"]
    r = native.post(f"/v1/client/sign_ins/{sid}/prepare_second_factor", {"strategy": "phone_code"})
    assert r.json()["response"]["second_factor_verification"]["status"] == "unverified"
    r = native.post(
        f"/v1/client/sign_ins/{sid}/attempt_second_factor", {"strategy": "phone_code", "code": TEST_CODE}
    )
    assert r.json()["response"]["status"] == "complete"


def test_client_trust_asks_for_an_email_code_second_factor(
    emulator: Emulator, native: NativeDevice, user: SeededUser
) -> None:
    emulator.client_trust = True
    sign_in = native.sign_in(user)["response"]
    assert sign_in["status"] == "needs_client_trust"
    sid = sign_in["id"]
    r = native.post(
        f"/v1/client/sign_ins/{sid}/prepare_second_factor",
        {"strategy": "email_code", "email_address_id": user.email_address_ids[0]},
    )
    assert r.json()["response"]["second_factor_verification"]["strategy"] == "email_code"
    r = native.post(
        f"/v1/client/sign_ins/{sid}/attempt_second_factor", {"strategy": "email_code", "code": TEST_CODE}
    )
    assert r.json()["response"]["status"] == "complete"


def test_single_session_mode_refuses_a_second_sign_in(
    emulator: Emulator, native: NativeDevice, user: SeededUser
) -> None:
    emulator.single_session_mode = True
    native.sign_in(user)
    other = make_user(
        emulator, email_addresses="bob+clerk_test@example.com", phone_numbers=(), username="bobby"
    )
    r = native.post("/v1/client/sign_ins", {"identifier": other.identifier, "password": PASSWORD})
    assert r.status_code == 400
    assert error_code(r) == "session_exists"


def test_multi_session_mode_keeps_both_sessions(
    emulator: Emulator, native: NativeDevice, user: SeededUser
) -> None:
    native.sign_in(user)
    other = make_user(
        emulator, email_addresses="bob+clerk_test@example.com", phone_numbers=(), username="bobby"
    )
    body = native.sign_in(other)
    assert [s["status"] for s in body["client"]["sessions"]] == ["active", "active"]
    assert body["client"]["last_active_session_id"] == body["response"]["created_session_id"]


def test_lockout_after_too_many_wrong_passwords(
    emulator: Emulator, native: NativeDevice, user: SeededUser
) -> None:
    for _ in range(100):
        native.post("/v1/client/sign_ins", {"identifier": user.identifier, "password": "wrong-password"})
    r = native.post("/v1/client/sign_ins", {"identifier": user.identifier, "password": PASSWORD})
    assert r.status_code == 403
    assert error_code(r) == "user_locked"


# ---------------------------------------------------------------- sessions and tokens
def _signed_in(native: NativeDevice, user: SeededUser) -> str:
    session_id: str = native.sign_in(user)["response"]["created_session_id"]
    return session_id


def test_session_token_claims_and_lifetime(
    emulator: Emulator, native: NativeDevice, user: SeededUser
) -> None:
    sid = _signed_in(native, user)
    r = native.post(f"/v1/client/sessions/{sid}/tokens")
    body = r.json()
    assert body["object"] == "token" and set(body) == {"object", "jwt"}
    claims = verify_jwt(body["jwt"], native.get("/.well-known/jwks.json").json())
    assert claims["sid"] == sid and claims["sub"] == user.id
    assert claims["iss"] == "https://happy-hippo-1.clerk.accounts.dev"
    assert claims["exp"] == claims["iat"] + 60
    assert claims["nbf"] <= claims["iat"]
    session = native.get(f"/v1/client/sessions/{sid}").json()["response"]
    assert session["last_active_token"]["jwt"] == body["jwt"]


def test_template_token_has_its_own_claims_and_lifetime(
    emulator: Emulator, native: NativeDevice, user: SeededUser
) -> None:
    emulator.add_jwt_template(
        "backend", {"email": "{{user.primary_email_address}}", "aud": "api"}, lifetime=300
    )
    sid = _signed_in(native, user)
    r = native.post(f"/v1/client/sessions/{sid}/tokens/backend")
    claims = verify_jwt(r.json()["jwt"], emulator.jwks())
    assert claims["email"] == user.email_addresses[0] and claims["aud"] == "api"
    assert claims["exp"] - claims["iat"] == 300
    missing = native.post(f"/v1/client/sessions/{sid}/tokens/nope")
    assert missing.status_code == 404 and error_code(missing) == "resource_not_found"


def test_organization_parameter_and_touch(emulator: Emulator, native: NativeDevice, user: SeededUser) -> None:
    org = emulator.add_organization("Acme Inc", members={user.id: "org:admin"})
    sid = _signed_in(native, user)
    personal = verify_jwt(native.post(f"/v1/client/sessions/{sid}/tokens").json()["jwt"], emulator.jwks())
    assert "o" not in personal
    r = native.post(
        f"/v1/client/sessions/{sid}/touch", {"active_organization_id": org.slug, "intent": "select_org"}
    )
    assert r.json()["response"]["last_active_organization_id"] == org.id
    active = verify_jwt(native.post(f"/v1/client/sessions/{sid}/tokens").json()["jwt"], emulator.jwks())
    assert active["o"]["id"] == org.id and active["o"]["rol"] == "admin"
    # organization_id="" asks for the personal account without switching the session.
    explicit = verify_jwt(
        native.post(f"/v1/client/sessions/{sid}/tokens", {"organization_id": ""}).json()["jwt"],
        emulator.jwks(),
    )
    assert "o" not in explicit
    assert (
        native.get(f"/v1/client/sessions/{sid}").json()["response"]["last_active_organization_id"] == org.id
    )
    r = native.post(f"/v1/client/sessions/{sid}/touch", {"active_organization_id": ""})
    assert r.json()["response"]["last_active_organization_id"] is None
    bad = native.post(f"/v1/client/sessions/{sid}/touch", {"intent": "dance"})
    assert bad.status_code == 422


def test_end_and_remove_sessions(emulator: Emulator, native: NativeDevice, user: SeededUser) -> None:
    sid = _signed_in(native, user)
    r = native.post(f"/v1/client/sessions/{sid}/end")
    assert r.json()["response"]["status"] == "ended"
    assert r.json()["client"]["sessions"][0]["status"] == "ended"
    assert r.json()["client"]["last_active_session_id"] is None
    token = native.post(f"/v1/client/sessions/{sid}/tokens")
    assert token.status_code == 401 and error_code(token) == "authentication_invalid"
    r = native.post(f"/v1/client/sessions/{sid}/remove")
    assert r.json()["response"]["status"] == "removed"
    assert r.json()["client"]["sessions"] == []


def test_unknown_session_is_resource_not_found(native: NativeDevice, user: SeededUser) -> None:
    _signed_in(native, user)
    r = native.get("/v1/client/sessions/sess_doesnotexist")
    assert r.status_code == 404 and error_code(r) == "resource_not_found"


def test_missing_expired_token_then_retry_with_it(
    emulator: Emulator, native: NativeDevice, user: SeededUser
) -> None:
    sid = _signed_in(native, user)
    last = native.get(f"/v1/client/sessions/{sid}").json()["response"]["last_active_token"]["jwt"]
    emulator.require_expired_token(sid)
    r = native.post(f"/v1/client/sessions/{sid}/tokens")
    assert r.status_code == 422 and error_code(r) == "missing_expired_token"
    r = native.post(f"/v1/client/sessions/{sid}/tokens", params={"expired_token": last})
    assert r.status_code == 200


def test_session_expires_with_the_clock(emulator: Emulator, native: NativeDevice, user: SeededUser) -> None:
    sid = _signed_in(native, user)
    emulator.clock.advance(8 * 24 * 3600)
    assert native.get(f"/v1/client/sessions/{sid}").json()["response"]["status"] == "expired"
    assert native.post(f"/v1/client/sessions/{sid}/tokens").status_code == 401


def test_tokens_use_the_emulator_clock(emulator: Emulator, native: NativeDevice, user: SeededUser) -> None:
    emulator.clock.set(1_800_000_000)
    sid = _signed_in(native, user)
    claims = verify_jwt(native.post(f"/v1/client/sessions/{sid}/tokens").json()["jwt"], emulator.jwks())
    assert claims["iat"] == 1_800_000_000
    assert native.get("/v1/client").json()["response"]["created_at"] == 1_800_000_000_000


def test_delete_client_ends_sessions_and_clears_the_token(native: NativeDevice, user: SeededUser) -> None:
    sid = _signed_in(native, user)
    r = native.request("DELETE", "/v1/client")
    assert r.status_code == 200
    assert r.json()["response"]["sessions"][0]["status"] == "ended"
    assert r.headers["authorization"] == ""
    assert native.token == ""
    assert native.get("/v1/client").json() == {"response": None, "client": None}
    assert sid


def test_delete_client_sessions_removes_them_but_keeps_the_client(
    native: NativeDevice, user: SeededUser
) -> None:
    _signed_in(native, user)
    client_id = native.get("/v1/client").json()["response"]["id"]
    r = native.request("DELETE", "/v1/client/sessions")
    assert r.json()["response"]["sessions"] == []
    assert native.get("/v1/client").json()["response"]["id"] == client_id


def test_request_counts_track_method_and_path(emulator: Emulator, native: NativeDevice) -> None:
    native.get("/v1/client")
    native.get("/v1/client")
    native.post("/v1/client")
    assert emulator.request_counts[("GET", "/v1/client")] == 2
    assert emulator.request_counts[("POST", "/v1/client")] == 1
    emulator.reset_counts()
    assert emulator.request_counts == {}


def test_unknown_path_and_method_are_4xx(native: NativeDevice) -> None:
    assert native.get("/v1/nothing-here").status_code == 404
    assert native.request("PATCH", "/v1/client").status_code == 405


async def test_async_transport_drives_a_sign_in(
    ahttp: httpx.AsyncClient, emulator: Emulator, user: SeededUser, spec: Any
) -> None:
    r = await ahttp.post(
        "/v1/client/sign_ins",
        params={"_is_native": "1"},
        headers={"Authorization": ""},
        data={"identifier": user.identifier, "password": PASSWORD},
    )
    spec.validate("POST", "/v1/client/sign_ins", r.status_code, r.content)
    token = r.headers["authorization"]
    sid = r.json()["response"]["created_session_id"]
    t = await ahttp.post(
        f"/v1/client/sessions/{sid}/tokens", params={"_is_native": "1"}, headers={"Authorization": token}
    )
    spec.validate("POST", f"/v1/client/sessions/{sid}/tokens", t.status_code, t.content)
    assert verify_jwt(t.json()["jwt"], emulator.jwks())["sid"] == sid
