"""What Clerk's JavaScript SDK puts on the wire, and real FAPI accepts: the emulator must accept it too.

clerk-js never sends PATCH, PUT or DELETE: it sends `POST …?_method=PATCH|PUT|DELETE`, and the native
hosted-auth redeem sends `_method=GET` in the form of `POST /v1/client`. It adds `locale` and `timezone` to
sign-in and sign-up creation, `tab_state` and an empty `organization_id` to token requests, the `x-mobile`
header, `_clerk_js_version`, and the API version as the `__clerk_api_version` query parameter.
"""

from __future__ import annotations

import base64
import json
from typing import Any

import httpx
import pytest
from clerk_fapi.testing import TEST_CODE, Emulator, SeededUser

from .conftest import PASSWORD, Checked, DevBrowserDevice, NativeDevice

NEW_EMAIL = "new+clerk_test@example.com"


def error_code(r: httpx.Response) -> str:
    code: str = r.json()["errors"][0]["code"]
    return code


def claims_of(jwt: str) -> dict[str, Any]:
    body = jwt.split(".")[1]
    claims: dict[str, Any] = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    return claims


# ---------------------------------------------------------------- _method override
def test_post_client_with_method_delete_ends_the_client_instead_of_creating_one(
    emulator: Emulator, native: NativeDevice, user: SeededUser
) -> None:
    signed_in = native.sign_in(user)
    client_id = signed_in["client"]["id"]
    session_id = signed_in["client"]["last_active_session_id"]
    r = native.post("/v1/client", params={"_method": "DELETE"})
    assert r.status_code == 200, r.text
    assert r.json()["response"]["id"] == client_id
    assert r.headers["authorization"] == ""
    assert native.get("/v1/client").json() == {"response": None, "client": None}
    assert emulator.session_status(session_id) == "ended"


def test_sign_up_update_through_method_patch(native: NativeDevice) -> None:
    created = native.post("/v1/client/sign_ups", {"email_address": "old+clerk_test@example.com"})
    sign_up_id = created.json()["response"]["id"]
    r = native.post(
        f"/v1/client/sign_ups/{sign_up_id}", {"email_address": NEW_EMAIL}, params={"_method": "PATCH"}
    )
    assert r.status_code == 200, r.text
    assert r.json()["response"]["email_address"] == NEW_EMAIL


def test_remove_all_sessions_through_method_delete(native: NativeDevice, user: SeededUser) -> None:
    native.sign_in(user)
    r = native.post("/v1/client/sessions", params={"_method": "DELETE"})
    assert r.status_code == 200, r.text
    assert r.json()["response"]["sessions"] == []


def test_method_put_on_client_creates_a_fresh_client(native: NativeDevice) -> None:
    first = native.post("/v1/client").json()["response"]["id"]
    second = native.post("/v1/client", params={"_method": "PUT"}).json()["response"]["id"]
    assert second != first


def test_post_client_with_method_get_in_the_form_reads_the_client(
    native: NativeDevice, user: SeededUser
) -> None:
    client_id = native.sign_in(user)["client"]["id"]
    r = native.post("/v1/client", {"_method": "GET"})
    assert r.status_code == 200, r.text
    assert r.json()["response"]["id"] == client_id
    assert len(r.json()["response"]["sessions"]) == 1


def test_method_override_works_in_dev_browser_mode(
    http: httpx.Client, checked: Checked, user: SeededUser
) -> None:
    browser = DevBrowserDevice(http, checked)
    r = browser.request("POST", "/v1/client/sign_ins", {"identifier": user.identifier, "password": PASSWORD})
    assert r.json()["response"]["status"] == "complete"
    r = http.post("/v1/client", params={"__clerk_db_jwt": browser.db_jwt, "_method": "DELETE"})
    assert r.status_code == 200, r.text
    assert browser.request("GET", "/v1/client").json()["response"] is None


def test_method_override_is_only_honoured_on_post(native: NativeDevice, user: SeededUser) -> None:
    client_id = native.sign_in(user)["client"]["id"]
    r = native.get("/v1/client", params={"_method": "DELETE"})
    assert r.status_code == 200
    assert r.json()["response"]["id"] == client_id
    assert native.get("/v1/client").json()["response"]["id"] == client_id


def test_an_unknown_method_override_is_a_clear_error(native: NativeDevice) -> None:
    r = native.post("/v1/client", params={"_method": "TELEPORT"})
    assert r.status_code == 422
    assert error_code(r) == "form_param_value_invalid"
    assert r.json()["errors"][0]["meta"] == {"param_name": "_method"}


def test_method_override_to_a_method_the_path_lacks_is_405(native: NativeDevice) -> None:
    r = native.post("/v1/client/sign_ins", params={"_method": "DELETE"})
    assert r.status_code == 405


# ---------------------------------------------------------------- locale and timezone
def test_sign_in_creation_accepts_locale_and_timezone_and_echoes_locale(
    native: NativeDevice, user: SeededUser
) -> None:
    r = native.post(
        "/v1/client/sign_ins",
        {"identifier": user.identifier, "locale": "fr-FR", "timezone": "Europe/Paris"},
    )
    assert r.status_code == 200, r.text
    assert r.json()["response"]["locale"] == "fr-FR"
    assert r.json()["client"]["sign_in"]["locale"] == "fr-FR"


def test_sign_up_creation_accepts_locale_and_timezone_and_echoes_locale(native: NativeDevice) -> None:
    r = native.post(
        "/v1/client/sign_ups",
        {"email_address": NEW_EMAIL, "locale": "de-DE", "timezone": "Europe/Berlin"},
    )
    assert r.status_code == 200, r.text
    assert r.json()["response"]["locale"] == "de-DE"


def test_locale_stays_null_when_not_sent(native: NativeDevice, user: SeededUser) -> None:
    r = native.post("/v1/client/sign_ins", {"identifier": user.identifier, "timezone": "UTC"})
    assert r.status_code == 200, r.text
    assert r.json()["response"]["locale"] is None


def test_really_unknown_parameters_are_still_form_param_unknown(native: NativeDevice) -> None:
    r = native.post("/v1/client/sign_ins", {"identifier": "x@example.com", "favourite_colour": "blue"})
    assert r.status_code == 422
    body = r.json()
    assert set(body) == {"errors", "clerk_trace_id"}
    error = body["errors"][0]
    assert set(error) == {"message", "long_message", "code", "meta"}
    assert error["code"] == "form_param_unknown"
    assert error["meta"] == {"param_name": "favourite_colour"}
    assert error["long_message"] == "favourite_colour is not a valid parameter for this request."


def test_timezone_is_not_accepted_where_clerk_js_does_not_send_it(
    native: NativeDevice, user: SeededUser
) -> None:
    r = native.post("/v1/client/sign_ins", {"identifier": user.identifier})
    sign_in_id = r.json()["response"]["id"]
    r = native.post(f"/v1/client/sign_ins/{sign_in_id}/attempt_first_factor", {"timezone": "UTC"})
    assert r.status_code == 422
    assert error_code(r) == "form_param_unknown"


# ---------------------------------------------------------------- token requests
def _signed_in_session(emulator: Emulator, native: NativeDevice, user: SeededUser) -> tuple[str, str]:
    org = emulator.add_organization("Acme", members={user.id: "org:admin"})
    body = native.sign_in(user)
    session_id: str = body["client"]["last_active_session_id"]
    r = native.post(f"/v1/client/sessions/{session_id}/touch", {"active_organization_id": org.id})
    assert r.status_code == 200, r.text
    return session_id, org.id


def test_token_request_accepts_tab_state(emulator: Emulator, native: NativeDevice, user: SeededUser) -> None:
    session_id, org_id = _signed_in_session(emulator, native, user)
    r = native.post(f"/v1/client/sessions/{session_id}/tokens", {"tab_state": "visible"})
    assert r.status_code == 200, r.text
    assert claims_of(r.json()["jwt"])["o"]["id"] == org_id


def test_empty_organization_id_on_a_token_request_means_the_personal_workspace(
    emulator: Emulator, native: NativeDevice, user: SeededUser
) -> None:
    session_id, _org_id = _signed_in_session(emulator, native, user)
    r = native.post(
        f"/v1/client/sessions/{session_id}/tokens", {"organization_id": "", "tab_state": "hidden"}
    )
    assert r.status_code == 200, r.text
    assert "o" not in claims_of(r.json()["jwt"])


def test_template_token_request_accepts_tab_state(
    emulator: Emulator, native: NativeDevice, user: SeededUser
) -> None:
    emulator.add_jwt_template("backend", {"uid": "{{user.id}}"})
    session_id = native.sign_in(user)["client"]["last_active_session_id"]
    r = native.post(f"/v1/client/sessions/{session_id}/tokens/backend", {"tab_state": "visible"})
    assert r.status_code == 200, r.text
    assert claims_of(r.json()["jwt"])["uid"] == user.id


# ---------------------------------------------------------------- headers and query parameters
@pytest.mark.parametrize(
    ("params", "headers"),
    [
        ({"_clerk_js_version": "5.99.0"}, {}),
        ({"__clerk_api_version": "2025-11-10"}, {}),
        ({}, {"clerk-api-version": "2025-11-10"}),
        ({}, {"x-mobile": "1"}),
    ],
)
def test_clerk_js_query_parameters_and_headers_are_accepted(
    http: httpx.Client, user: SeededUser, params: dict[str, str], headers: dict[str, str]
) -> None:
    query = {"_is_native": "1", **params}
    r = http.post("/v1/client/sign_ins", params=query, headers=headers, data={"identifier": user.identifier})
    assert r.status_code == 200, r.text
    token = r.headers["authorization"]
    r = http.post(
        "/v1/client/sign_ins",
        params=query,
        headers={**headers, "Authorization": token},
        data={"identifier": user.identifier, "password": PASSWORD},
    )
    assert r.status_code == 200, r.text
    assert r.json()["response"]["status"] == "complete"


# ---------------------------------------------------------------- environment
def test_patch_environment_answers_like_get(native: NativeDevice, http: httpx.Client) -> None:
    got = native.get("/v1/environment")
    patched = http.patch(
        "/v1/environment", params={"_is_native": "1"}, headers={"Origin": "https://app.example.test"}
    )
    assert patched.status_code == 200, patched.text
    assert patched.json() == got.json()


def test_patch_environment_through_method_override(native: NativeDevice) -> None:
    r = native.post("/v1/environment", params={"_method": "PATCH"})
    assert r.status_code == 200, r.text
    assert "auth_config" in r.json()


def test_sign_up_with_locale_completes_with_the_test_code(native: NativeDevice) -> None:
    r = native.post(
        "/v1/client/sign_ups",
        {
            "email_address": NEW_EMAIL,
            "password": PASSWORD,
            "first_name": "Ada",
            "last_name": "Lovelace",
            "phone_number": "+15555550123",
            "legal_accepted": "true",
            "locale": "en-GB",
            "timezone": "Europe/London",
        },
    )
    sign_up_id = r.json()["response"]["id"]
    for strategy in ("email_code", "phone_code"):
        native.post(f"/v1/client/sign_ups/{sign_up_id}/prepare_verification", {"strategy": strategy})
        r = native.post(
            f"/v1/client/sign_ups/{sign_up_id}/attempt_verification",
            {"strategy": strategy, "code": TEST_CODE},
        )
        assert r.status_code == 200, r.text
    assert r.json()["response"]["status"] == "complete"
    assert r.json()["response"]["locale"] == "en-GB"
