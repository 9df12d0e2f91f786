"""The emulator's hosted sign-in: POST /v1/client/hosted_auth, the Account Portal stand-in page, and the
redeem (POST /v1/client with `_method=GET`), driven with plain HTTP as a native device and a browser would."""

from __future__ import annotations

import base64
import hashlib
import secrets
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from clerk_fapi.testing import Emulator, SeededUser

from .conftest import PASSWORD, NativeDevice

REDIRECT = "http://127.0.0.1:8765/callback"


def pkce() -> tuple[str, str]:
    verifier = base64.urlsafe_b64encode(secrets.token_bytes(32)).rstrip(b"=").decode()
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    return verifier, challenge


def start(native: NativeDevice, redirect_url: str = REDIRECT, **extra: str) -> tuple[str, str]:
    """A hosted sign-in on the native device's client: (page URL, code verifier)."""
    if not native.token:
        assert native.post("/v1/client").status_code == 200
    verifier, challenge = pkce()
    form = {"redirect_url": redirect_url, "code_challenge": challenge, "state": "st-1", **extra}
    r = native.post("/v1/client/hosted_auth", form)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["response"]["object"] == "hosted_auth" and body["client"]["object"] == "client"
    url: str = body["response"]["url"]
    return url, verifier


def submit(http: httpx.Client, url: str, **form: str) -> httpx.Response:
    return http.post(url, data=form)


def callback_params(response: httpx.Response) -> dict[str, list[str]]:
    assert response.status_code == 303, response.text
    return parse_qs(urlsplit(response.headers["location"]).query)


def redeem(native: NativeDevice, nonce: str, verifier: str) -> httpx.Response:
    return native.post(
        "/v1/client", {"_method": "GET", "rotating_token_nonce": nonce, "code_verifier": verifier}
    )


def test_the_whole_flow(native: NativeDevice, http: httpx.Client, user: SeededUser) -> None:
    url, verifier = start(native)
    assert url.startswith("https://") and "/hosted_auth/hauth_" in url
    page = http.get(url)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert 'name="password"' in page.text and user.identifier in page.text
    answer = submit(http, url, identifier=user.identifier, password=PASSWORD)
    assert answer.headers["location"].startswith(REDIRECT + "?")
    params = callback_params(answer)
    assert params["state"] == ["st-1"] and len(params["rotating_token_nonce"]) == 1
    session_id = params["created_session_id"][0]
    before = native.token
    r = redeem(native, params["rotating_token_nonce"][0], verifier)
    assert r.status_code == 200, r.text
    client = r.json()["response"]
    assert client["object"] == "client" and client["last_active_session_id"] == session_id
    assert [s["id"] for s in client["sessions"]] == [session_id]
    assert native.token and native.token != before
    # The page is single-use too.
    assert http.get(url).status_code == 404
    assert submit(http, url, identifier=user.identifier, password=PASSWORD).status_code == 404


def test_nonces_are_single_use_and_bound_to_the_verifier_and_client(
    emulator: Emulator, native: NativeDevice, http: httpx.Client, user: SeededUser
) -> None:
    url, verifier = start(native)
    nonce = callback_params(submit(http, url, user_id=user.id, code="424242"))["rotating_token_nonce"][0]
    other = NativeDevice(http, native.checked)
    assert other.post("/v1/client").status_code == 200
    refused = redeem(other, nonce, verifier)  # another client: refused, and the nonce is spent
    assert refused.status_code == 422 and refused.json()["errors"][0]["code"] == "form_param_value_invalid"
    assert redeem(native, nonce, verifier).status_code == 422

    url, verifier = start(native)
    nonce = callback_params(submit(http, url, user_id=user.id, code="424242"))["rotating_token_nonce"][0]
    wrong = redeem(native, nonce, pkce()[0])
    assert wrong.status_code == 422 and wrong.json()["errors"][0]["meta"]["param_name"] == "code_verifier"
    assert redeem(native, nonce, verifier).status_code == 422  # spent by the failed attempt
    assert len(emulator.nonces) == 0


def test_an_unlisted_redirect_url_gets_no_nonce(
    emulator: Emulator, native: NativeDevice, http: httpx.Client, user: SeededUser
) -> None:
    emulator.redirect_allowlist = ["myapp://callback"]
    url, _ = start(native, "http://127.0.0.1:9999/cb?keep=1")
    params = callback_params(submit(http, url, identifier=user.identifier, password=PASSWORD))
    assert "rotating_token_nonce" not in params
    assert params["keep"] == ["1"] and params["state"] == ["st-1"] and "created_session_id" in params
    url, _ = start(native, "myapp://callback")
    answer = submit(http, url, identifier=user.identifier, password=PASSWORD)
    assert answer.headers["location"].startswith("myapp://callback?")
    assert "rotating_token_nonce" in callback_params(answer)


def test_wrong_credentials_show_the_page_again(
    native: NativeDevice, http: httpx.Client, user: SeededUser
) -> None:
    url, _ = start(native)
    for form in (
        {"identifier": user.identifier, "password": "wrong password"},
        {"identifier": user.identifier, "code": "000000"},
        {"identifier": "nobody@example.com", "password": PASSWORD},
        {},
    ):
        answer = submit(http, url, **form)
        assert answer.status_code == 422 and 'id="error"' in answer.text and "<form" in answer.text
    assert submit(http, url, identifier=user.identifier, password=PASSWORD).status_code == 303


def test_sign_up_mode(native: NativeDevice, http: httpx.Client, user: SeededUser) -> None:
    url, _ = start(native, mode="sign-up")
    assert 'name="email_address"' in http.get(url).text
    taken = submit(http, url, email_address=user.email_addresses[0], password="long-enough-1")
    assert taken.status_code == 422
    assert submit(http, url, email_address="new@example.com", password="short").status_code == 422
    assert submit(http, url, email_address="new@example.com", password="long-enough-1").status_code == 303


def test_a_stale_client_gets_signed_out_and_a_replacement_token(native: NativeDevice) -> None:
    assert native.post("/v1/client").status_code == 200
    stale = native.token
    assert native.request("DELETE", "/v1/client").status_code == 200
    native.token = stale
    _, challenge = pkce()
    r = native.post(
        "/v1/client/hosted_auth", {"redirect_url": REDIRECT, "code_challenge": challenge, "state": "s"}
    )
    assert r.status_code == 401 and r.json()["errors"][0]["code"] == "signed_out"
    assert native.token and native.token != stale
    r = native.post(
        "/v1/client/hosted_auth", {"redirect_url": REDIRECT, "code_challenge": challenge, "state": "s"}
    )
    assert r.status_code == 200


@pytest.mark.parametrize(
    ("form", "code", "param"),
    [
        ({"code_challenge": "x" * 43, "state": "s"}, "form_param_missing", "redirect_url"),
        ({"redirect_url": REDIRECT, "state": "s"}, "form_param_missing", "code_challenge"),
        ({"redirect_url": REDIRECT, "code_challenge": "x" * 43}, "form_param_missing", "state"),
        (
            {"redirect_url": REDIRECT, "code_challenge": "short", "state": "s"},
            "form_param_value_invalid",
            "code_challenge",
        ),
        (
            {"redirect_url": REDIRECT, "code_challenge": "x" * 43, "state": "s", "mode": "x"},
            "form_param_value_invalid",
            "mode",
        ),
        (
            {"redirect_url": "nowhere", "code_challenge": "x" * 43, "state": "s"},
            "form_param_value_invalid",
            "redirect_url",
        ),
        (
            {
                "redirect_url": REDIRECT,
                "code_challenge": "x" * 43,
                "state": "s",
                "code_challenge_method": "S256",
            },
            "form_param_unknown",
            "code_challenge_method",
        ),
    ],
)
def test_bad_hosted_auth_requests(native: NativeDevice, form: dict[str, str], code: str, param: str) -> None:
    assert native.post("/v1/client").status_code == 200
    r = native.post("/v1/client/hosted_auth", form)
    assert r.status_code == 422
    error = r.json()["errors"][0]
    assert error["code"] == code and error["meta"]["param_name"] == param


def test_the_redeem_needs_both_fields(native: NativeDevice) -> None:
    assert native.post("/v1/client").status_code == 200
    r = native.post("/v1/client", {"_method": "GET", "rotating_token_nonce": "n"})
    assert r.status_code == 422 and r.json()["errors"][0]["meta"]["param_name"] == "code_verifier"


def test_the_page_escapes_what_it_shows(emulator: Emulator, native: NativeDevice, http: httpx.Client) -> None:
    emulator.add_user(username="<script>x</script>", password=PASSWORD)
    url, _ = start(native)
    page = http.get(url).text
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert http.get(url.rsplit("/", 1)[0] + "/hauth_unknown").status_code == 404


def test_over_loopback_the_page_url_is_the_servers(emulator: Emulator, user: SeededUser) -> None:
    with emulator.serve() as server, httpx.Client(base_url=server.url) as http:
        native = NativeDevice(http, lambda response: None)  # type: ignore[arg-type]
        url, verifier = start(native)
        assert url.startswith(server.url + "/hosted_auth/")
        params = callback_params(http.post(url, data={"identifier": user.identifier, "password": PASSWORD}))
        assert redeem(native, params["rotating_token_nonce"][0], verifier).status_code == 200
