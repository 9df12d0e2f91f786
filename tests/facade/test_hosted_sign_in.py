"""Hosted sign-in (Account Portal + PKCE) with Client and AsyncClient against the emulator: the requests,
the callback checks Clerk's iOS and Android SDKs make, the signed_out retry, and one flow at a time."""

from __future__ import annotations

import base64
import hashlib
import logging
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
import pytest
from clerk_fapi import (
    AuthenticationError,
    CallbackFailedError,
    CallbackParameterError,
    CallbackStateError,
    CallbackURLMismatchError,
    ConfigurationError,
    ExternalVerificationError,
    HostedSignIn,
    HostedSignInInProgressError,
    HostedSignInNotStartedError,
    HostedSignInRedeemError,
    MemoryTokenStore,
    ResponseParseError,
    UnprocessableEntityError,
)
from clerk_fapi.testing import Emulator, SeededUser

from .conftest import BASE_URL, PASSWORD, AnyClient, Recorder, call, sign_in_on_the_side

REDIRECT = "http://127.0.0.1:8765/callback"


def browse(emu: Emulator, flow: HostedSignIn, **form: str) -> str:
    """Fill in the emulator's hosted page as a browser would; the URL it sends the browser back to."""
    with httpx.Client(transport=emu.transport()) as http:
        page = http.get(flow.url)
        assert page.status_code == 200 and "<form" in page.text
        answer = http.post(flow.url, data=form)
    assert answer.status_code == 303, answer.text
    location: str = answer.headers["location"]
    return location


def signed_in_callback(emu: Emulator, flow: HostedSignIn, user: SeededUser) -> str:
    return browse(emu, flow, identifier=user.identifier, password=PASSWORD)


def s256(verifier: str) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()


def with_params(url: str, **changes: str | list[str] | None) -> str:
    """``url`` with some query parameters replaced (a list repeats one, None drops it)."""
    parts = urlsplit(url)
    query = {k: v for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
    for name, value in changes.items():
        if value is None:
            query.pop(name, None)
        else:
            query[name] = value if isinstance(value, list) else [value]
    return parts._replace(query=urlencode(query, doseq=True)).geturl()


async def test_hosted_sign_in_end_to_end(
    client: AnyClient, emu: Emulator, user: SeededUser, recorder: Recorder
) -> None:
    flow = await call(client.start_hosted_sign_in(REDIRECT))
    assert client.hosted_sign_in is flow
    assert urlsplit(flow.url).scheme == "https" and flow.url.startswith(BASE_URL + "/hosted_auth/")
    assert len(flow.code_verifier) == 43 and flow.code_challenge == s256(flow.code_verifier)
    sent = dict(httpx.QueryParams(recorder.requests[-1].content.decode()))
    assert sent == {"redirect_url": REDIRECT, "code_challenge": flow.code_challenge, "state": flow.state}

    callback = signed_in_callback(emu, flow, user)
    nonce = parse_qs(urlsplit(callback).query)["rotating_token_nonce"][0]
    session = await call(client.complete_hosted_sign_in(callback))

    assert session.status == "active" and session.user is not None and session.user.id == user.id
    assert client.last_active_session_id == session.id
    assert [s.id for s in client.active_sessions] == [session.id]
    assert client.hosted_sign_in is None
    assert recorder.paths() == [
        "POST /v1/client",  # no client token yet: make a client first
        "POST /v1/client/hosted_auth",
        "POST /v1/client",  # the redeem
        f"POST /v1/client/sessions/{session.id}/touch",
    ]
    redeem = recorder.requests[2]
    assert "_method" not in redeem.url.params
    assert dict(httpx.QueryParams(redeem.content.decode())) == {
        "_method": "GET",
        "rotating_token_nonce": nonce,
        "code_verifier": flow.code_verifier,
    }
    touch = dict(httpx.QueryParams(recorder.requests[3].content.decode()))
    assert touch == {"active_organization_id": "", "intent": "select_org"}
    # The redeem rotated the client token and the client kept the newest one.
    tokens = [r.headers.get("authorization") for r in recorder.responses]
    assert all(tokens) and len(set(tokens)) == len(tokens)
    assert await call(client.get_token()) is not None


async def test_a_custom_scheme_and_mode_are_sent_as_given(
    client: AnyClient, emu: Emulator, user: SeededUser, recorder: Recorder
) -> None:
    emu.redirect_allowlist = ["myapp://callback"]
    flow = await call(client.start_hosted_sign_in("myapp://callback", mode="sign-in"))
    sent = dict(httpx.QueryParams(recorder.requests[-1].content.decode()))
    assert sent["mode"] == "sign-in" and sent["redirect_url"] == "myapp://callback"
    callback = signed_in_callback(emu, flow, user)
    assert callback.startswith("myapp://callback?")
    session = await call(client.complete_hosted_sign_in(callback))
    assert client.last_active_session_id == session.id


async def test_sign_up_mode_creates_the_user_on_the_page(client: AnyClient, emu: Emulator) -> None:
    flow = await call(client.start_hosted_sign_in(REDIRECT, mode="sign-up"))
    callback = browse(emu, flow, email_address="new+clerk_test@example.com", password="a-long-password")
    session = await call(client.complete_hosted_sign_in(callback))
    assert session.user is not None
    assert [e.email_address for e in session.user.email_addresses] == ["new+clerk_test@example.com"]


async def test_the_code_424242_signs_in_from_the_page(
    client: AnyClient, emu: Emulator, user: SeededUser
) -> None:
    flow = await call(client.start_hosted_sign_in(REDIRECT))
    session = await call(client.complete_hosted_sign_in(browse(emu, flow, user_id=user.id, code="424242")))
    assert session.user is not None and session.user.id == user.id


async def test_secrets_stay_out_of_repr_and_logs(
    client: AnyClient, emu: Emulator, user: SeededUser, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    flow = await call(client.start_hosted_sign_in(REDIRECT))
    callback = signed_in_callback(emu, flow, user)
    nonce = parse_qs(urlsplit(callback).query)["rotating_token_nonce"][0]
    for secret in (flow.state, flow.code_verifier, flow.code_challenge):
        assert secret not in repr(flow) and secret not in str(flow)
    await call(client.complete_hosted_sign_in(callback))
    logged = caplog.text + "".join(str(r.args) for r in caplog.records)
    for secret in (flow.state, flow.code_verifier, nonce):
        assert secret not in logged


async def test_one_hosted_sign_in_at_a_time(client: AnyClient, emu: Emulator, user: SeededUser) -> None:
    first = await call(client.start_hosted_sign_in(REDIRECT))
    with pytest.raises(HostedSignInInProgressError):
        await call(client.start_hosted_sign_in(REDIRECT))
    assert client.hosted_sign_in is first
    client.cancel_hosted_sign_in()
    assert client.hosted_sign_in is None
    with pytest.raises(HostedSignInNotStartedError):
        await call(client.complete_hosted_sign_in(signed_in_callback(emu, first, user)))
    second = await call(client.start_hosted_sign_in(REDIRECT))
    session = await call(client.complete_hosted_sign_in(signed_in_callback(emu, second, user)))
    assert client.last_active_session_id == session.id


async def test_completing_without_a_flow_is_a_typed_error(client: AnyClient, recorder: Recorder) -> None:
    with pytest.raises(HostedSignInNotStartedError):
        await call(
            client.complete_hosted_sign_in(REDIRECT + "?state=a&rotating_token_nonce=b&created_session_id=c")
        )
    assert recorder.requests == []


@pytest.mark.parametrize(
    "other",
    [
        "http://127.0.0.1:8766/callback",
        "http://127.0.0.1/callback",
        "http://localhost:8765/callback",
        "http://127.0.0.1:8765/callback/",
        "http://127.0.0.1:8765/other",
        "https://127.0.0.1:8765/callback",
        "http://user@127.0.0.1:8765/callback",
        "myapp://callback",
        "not a url",
    ],
)
async def test_a_callback_for_another_url_leaves_the_flow_in_flight(
    client: AnyClient, emu: Emulator, user: SeededUser, recorder: Recorder, other: str
) -> None:
    flow = await call(client.start_hosted_sign_in(REDIRECT))
    callback = signed_in_callback(emu, flow, user)
    sent = len(recorder.requests)
    with pytest.raises(CallbackURLMismatchError):
        await call(client.complete_hosted_sign_in(other + "?" + urlsplit(callback).query))
    assert len(recorder.requests) == sent and client.hosted_sign_in is flow
    # Scheme and host compare case-insensitively, as the SDKs do; the query and fragment are not compared.
    upper = "HTTP://127.0.0.1:8765/callback?" + urlsplit(callback).query + "#frag"
    session = await call(client.complete_hosted_sign_in(upper))
    assert client.last_active_session_id == session.id


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"state": None}, "missing"),
        ({"state": ["a", "b"]}, "more than once"),
        ({"state": "forged"}, "not the one"),
    ],
)
async def test_a_bad_state_ends_the_flow_before_anything_is_sent(
    client: AnyClient,
    emu: Emulator,
    user: SeededUser,
    recorder: Recorder,
    change: dict[str, Any],
    problem: str,
) -> None:
    flow = await call(client.start_hosted_sign_in(REDIRECT))
    callback = signed_in_callback(emu, flow, user)
    sent = len(recorder.requests)
    with pytest.raises(CallbackStateError, match=problem) as caught:
        await call(client.complete_hosted_sign_in(with_params(callback, **change)))
    assert flow.state not in str(caught.value)
    assert len(recorder.requests) == sent and client.hosted_sign_in is None
    with pytest.raises(HostedSignInNotStartedError):
        await call(client.complete_hosted_sign_in(callback))


@pytest.mark.parametrize("name", ["rotating_token_nonce", "created_session_id"])
@pytest.mark.parametrize(
    ("value", "problem"), [(None, "missing"), ("", "empty"), (" ", "empty"), (["x", "y"], "more")]
)
async def test_nonce_and_session_id_must_be_given_once_and_not_blank(
    client: AnyClient,
    emu: Emulator,
    user: SeededUser,
    recorder: Recorder,
    name: str,
    value: Any,
    problem: str,
) -> None:
    flow = await call(client.start_hosted_sign_in(REDIRECT))
    callback = signed_in_callback(emu, flow, user)
    sent = len(recorder.requests)
    with pytest.raises(CallbackParameterError, match=problem) as caught:
        await call(client.complete_hosted_sign_in(with_params(callback, **{name: value})))
    assert caught.value.parameter == name
    assert len(recorder.requests) == sent and client.hosted_sign_in is None


async def test_a_failed_callback_is_a_typed_error(client: AnyClient, recorder: Recorder) -> None:
    await call(client.start_hosted_sign_in(REDIRECT))
    sent = len(recorder.requests)
    with pytest.raises(CallbackFailedError) as caught:
        await call(
            client.complete_hosted_sign_in(
                REDIRECT + "?__clerk_status=failed&__clerk_error_code=oauth_access_denied"
            )
        )
    assert caught.value.code == "oauth_access_denied"
    assert len(recorder.requests) == sent and client.hosted_sign_in is None
    assert isinstance(caught.value, ExternalVerificationError)  # as OAuth callbacks raise it
    await call(client.start_hosted_sign_in(REDIRECT))
    with pytest.raises(CallbackFailedError) as caught:
        await call(client.complete_hosted_sign_in(REDIRECT + "?__clerk_status=failed"))
    assert caught.value.code is None
    await call(client.start_hosted_sign_in(REDIRECT))
    with pytest.raises(CallbackFailedError) as caught:  # a code that is not a code is not echoed
        await call(
            client.complete_hosted_sign_in(REDIRECT + "?__clerk_status=failed&__clerk_error_code=%3Cb%3E")
        )
    assert caught.value.code is None and "<b>" not in str(caught.value)


async def test_an_unlisted_redirect_url_gets_no_nonce(
    client: AnyClient, emu: Emulator, user: SeededUser
) -> None:
    emu.redirect_allowlist = ["myapp://callback"]
    flow = await call(client.start_hosted_sign_in(REDIRECT))
    callback = signed_in_callback(emu, flow, user)
    assert "rotating_token_nonce" not in callback and "created_session_id" in callback
    with pytest.raises(CallbackParameterError) as caught:
        await call(client.complete_hosted_sign_in(callback))
    assert caught.value.parameter == "rotating_token_nonce"
    assert client.active_sessions == []


async def test_a_replayed_callback_is_refused_by_the_server(
    client: AnyClient, emu: Emulator, user: SeededUser
) -> None:
    flow = await call(client.start_hosted_sign_in(REDIRECT))
    callback = signed_in_callback(emu, flow, user)
    await call(client.complete_hosted_sign_in(callback))
    # A second flow fed the first callback with this flow's state: the spent nonce is refused.
    second = await call(client.start_hosted_sign_in(REDIRECT))
    with pytest.raises(UnprocessableEntityError) as caught:
        await call(client.complete_hosted_sign_in(with_params(callback, state=second.state)))
    assert caught.value.code == "form_param_value_invalid"
    assert client.hosted_sign_in is None


async def test_signed_out_is_retried_once_with_the_replacement_token(
    client: AnyClient, emu: Emulator, user: SeededUser, store: MemoryTokenStore, recorder: Recorder
) -> None:
    await call(client.create())
    sign_in_on_the_side(emu, store, user)
    stale = store.get("client")
    with httpx.Client(base_url=BASE_URL, transport=emu.transport()) as http:
        gone = http.delete("/v1/client", params={"_is_native": "1"}, headers={"Authorization": stale or ""})
    assert gone.status_code == 200
    store.set("client", stale)  # the device never saw the deletion: its token names a dead client
    recorder.requests.clear()
    recorder.responses.clear()

    flow = await call(client.start_hosted_sign_in(REDIRECT))

    assert recorder.paths() == [
        "POST /v1/client/hosted_auth",
        "GET /v1/client",
        "POST /v1/client/hosted_auth",
    ]
    assert recorder.responses[0].status_code == 401
    replacement = recorder.responses[0].headers["authorization"]
    assert replacement and replacement != stale
    assert recorder.requests[1].headers["authorization"] == replacement
    session = await call(client.complete_hosted_sign_in(signed_in_callback(emu, flow, user)))
    assert client.last_active_session_id == session.id


async def test_signed_out_twice_is_raised_and_nothing_stays_in_flight(
    client: AnyClient, emu: Emulator, recorder: Recorder
) -> None:
    await call(client.create())
    body = {"errors": [{"code": "signed_out", "message": "Signed out"}]}
    emu.inject_fault("/v1/client/hosted_auth", times=2, status=401, body=body)
    with pytest.raises(AuthenticationError) as caught:
        await call(client.start_hosted_sign_in(REDIRECT))
    assert caught.value.code == "signed_out"
    assert [p for p in recorder.paths() if "hosted_auth" in p] == ["POST /v1/client/hosted_auth"] * 2
    assert client.hosted_sign_in is None
    assert isinstance(await call(client.start_hosted_sign_in(REDIRECT)), HostedSignIn)


@pytest.mark.parametrize(
    "answer",
    [
        {"object": "something_else", "url": BASE_URL + "/hosted_auth/x"},
        {"url": BASE_URL + "/hosted_auth/x"},
        {"object": "hosted_auth", "url": "http://accounts.example.com/sign-in"},
        {"object": "hosted_auth", "url": "https://user:pw@accounts.example.com/sign-in"},
        {"object": "hosted_auth", "url": "https:///no-host"},
        {"object": "hosted_auth", "url": "javascript:alert(1)"},
    ],
)
async def test_a_hosted_url_the_sdks_refuse_is_refused(
    client: AnyClient, emu: Emulator, answer: dict[str, str]
) -> None:
    await call(client.create())
    emu.inject_fault("/v1/client/hosted_auth", status=200, body={"response": answer, "client": None})
    with pytest.raises(ResponseParseError):
        await call(client.start_hosted_sign_in(REDIRECT))
    assert client.hosted_sign_in is None


async def test_a_redeem_that_clears_the_token_fails(
    client: AnyClient, emu: Emulator, user: SeededUser, store: MemoryTokenStore
) -> None:
    await call(client.create())
    flow = await call(client.start_hosted_sign_in(REDIRECT))
    callback = signed_in_callback(emu, flow, user)
    session_id = parse_qs(urlsplit(callback).query)["created_session_id"][0]
    session = {"object": "session", "id": session_id, "status": "active"}
    body = {"response": {"object": "client", "id": client.id, "sessions": [session]}, "client": None}
    emu.inject_fault("/v1/client", method="POST", status=200, body=body, headers={"Authorization": "Bearer"})
    with pytest.raises(HostedSignInRedeemError, match="cleared"):
        await call(client.complete_hosted_sign_in(callback))
    assert store.get("client") is None and client.hosted_sign_in is None


async def test_a_redeemed_client_without_the_created_session_fails(
    client: AnyClient, emu: Emulator, user: SeededUser, recorder: Recorder
) -> None:
    flow = await call(client.start_hosted_sign_in(REDIRECT))
    callback = signed_in_callback(emu, flow, user)
    with pytest.raises(HostedSignInRedeemError, match="does not hold"):
        await call(client.complete_hosted_sign_in(with_params(callback, created_session_id="sess_other")))
    # The nonce was spent: the redeemed client (with the real session) is applied all the same.
    assert len(client.sessions) == 1 and not any("touch" in p for p in recorder.paths())
    assert client.hosted_sign_in is None


async def test_a_redeem_answer_that_is_not_a_client_fails(
    client: AnyClient, emu: Emulator, user: SeededUser
) -> None:
    await call(client.create())
    flow = await call(client.start_hosted_sign_in(REDIRECT))
    callback = signed_in_callback(emu, flow, user)
    emu.inject_fault("/v1/client", method="POST", status=200, body={"response": None, "client": None})
    with pytest.raises(ResponseParseError):
        await call(client.complete_hosted_sign_in(callback))
    assert client.id is not None and client.hosted_sign_in is None


@pytest.mark.parametrize(
    "redirect_url",
    [
        "https://app.example.com/callback",
        "http://app.example.com:8765/callback",
        "http://10.0.0.1:8765/callback",
        " myapp://callback",
        "myapp://callback\n",
        "",
        "callback",
        "myapp:callback",
        "http://127.0.0.1:99999/x",
        "myapp://user@callback",
    ],
)
async def test_redirect_urls_hosted_sign_in_cannot_use_are_refused_before_sending(
    client: AnyClient, recorder: Recorder, redirect_url: str
) -> None:
    with pytest.raises(ConfigurationError):
        await call(client.start_hosted_sign_in(redirect_url))
    assert recorder.requests == [] and client.hosted_sign_in is None


@pytest.mark.parametrize(
    "redirect_url", ["http://localhost:1/x", "http://[::1]:8080/cb", "com.example.app://callback"]
)
async def test_loopback_and_custom_schemes_are_taken(client: AnyClient, redirect_url: str) -> None:
    flow = await call(client.start_hosted_sign_in(redirect_url))
    assert flow.redirect_url == redirect_url


async def test_bad_mode_and_browser_mode_are_refused(
    make_client: Callable[..., AnyClient], emu: Emulator
) -> None:
    native = make_client(transport=emu.transport())
    with pytest.raises(ConfigurationError, match="mode"):
        await call(native.start_hosted_sign_in(REDIRECT, mode="signin"))
    browser = make_client(transport=emu.transport(), mode="browser", dev_browser=False)
    with pytest.raises(ConfigurationError, match="native"):
        await call(browser.start_hosted_sign_in(REDIRECT))
