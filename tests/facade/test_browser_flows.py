"""OAuth, enterprise SSO and email-link sign-ins, sync and async, against the emulator over loopback HTTP.

A plain httpx client plays the browser: it opens the page the sign-in names, answers the provider's
Allow / Deny form and follows the redirects until the app's redirect URL, which it does not open (as a
browser hands a custom-scheme or loopback URL to the app). The library then finishes with that URL.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import httpx
import pytest
from clerk_fapi import (
    AsyncClient,
    CallbackError,
    CallbackFailedError,
    CallbackParameterError,
    CallbackURLMismatchError,
    Client,
    EmailLinkExpiredError,
    EmailLinkTimeoutError,
    ExternalAccountExistsError,
    ExternalAccountNotFoundError,
    ExternalVerificationError,
    MemoryTokenStore,
    UnprocessableEntityError,
    parse_callback_url,
)
from clerk_fapi.testing import Emulator, EmulatorServer, SeededUser

from .conftest import FAST_RETRIES, call

REDIRECT = "http://127.0.0.1:8765/callback"
GOOGLE_EMAIL = "jane.doe@gmail.example"
FAILED = f"{REDIRECT}?__clerk_status=failed&__clerk_error_code="

AnyClient = Client | AsyncClient


@pytest.fixture
def server(emu: Emulator) -> Iterator[EmulatorServer]:
    with emu.serve() as srv:
        yield srv


@pytest.fixture
def browser() -> Iterator[httpx.Client]:
    with httpx.Client(follow_redirects=False, timeout=10) as http:
        yield http


@pytest.fixture
def on_loopback(
    make_client: Callable[..., AnyClient], server: EmulatorServer, store: MemoryTokenStore
) -> AnyClient:
    """A native client (sync or async) talking to the served emulator over real HTTP."""
    return make_client(frontend_api=server.url, token_store=store, retry_policy=FAST_RETRIES)


def through_provider(
    browser: httpx.Client, page_url: str, *, allow: bool = True, email: str = GOOGLE_EMAIL, **names: str
) -> str:
    """Open the provider page, answer it, follow FAPI's redirects; the URL the app is sent back to."""
    page = browser.get(page_url)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "Allow" in page.text and "Deny" in page.text
    form = {"state": httpx.URL(page_url).params["state"], "decision": "allow" if allow else "deny"}
    if allow:
        form.update(email_address=email, **names)
    consent = browser.post(str(httpx.URL(page_url).copy_with(query=None)), data=form)
    assert consent.status_code == 303
    callback = browser.get(consent.headers["location"])
    assert callback.status_code == 303
    location: str = callback.headers["location"]
    return location


def seed_google_user(emu: Emulator, user: SeededUser) -> None:
    emu.add_external_account(user.id, "google", GOOGLE_EMAIL)


# ----- OAuth sign-in ---------------------------------------------------------------------------------
async def test_oauth_sign_in_finishes_with_the_nonce_and_keeps_the_rotated_token(
    emu: Emulator, user: SeededUser, on_loopback: AnyClient, browser: httpx.Client, store: MemoryTokenStore
) -> None:
    seed_google_user(emu, user)
    sign_in = await call(on_loopback.start_sign_in(strategy="oauth_google", redirect_url=REDIRECT))
    assert sign_in.status == "needs_identifier"
    assert sign_in.external_verification_url and "/oauth/authorize" in sign_in.external_verification_url

    back = through_provider(browser, sign_in.external_verification_url)
    assert back.startswith(REDIRECT + "?rotating_token_nonce=")
    token_before = store.get("client")

    done = await call(sign_in.handle_callback(back, redirect_url=REDIRECT))

    assert done.status == "complete" and done.created_session_id
    assert on_loopback.last_active_session_id == done.created_session_id
    assert [s.id for s in on_loopback.active_sessions] == [done.created_session_id]
    # The new session was made active as the native SDKs do it (a touch), once.
    assert emu.request_counts[("POST", f"/v1/client/sessions/{done.created_session_id}/touch")] == 1
    assert store.get("client") not in (None, "", token_before)  # the rotated token was stored
    # The stored token is the one the server accepts now: the session is there on a fresh read.
    await call(on_loopback.reload())
    assert on_loopback.last_active_session_id == done.created_session_id


async def test_a_nonce_works_once(
    emu: Emulator, user: SeededUser, on_loopback: AnyClient, browser: httpx.Client
) -> None:
    seed_google_user(emu, user)
    sign_in = await call(on_loopback.start_sign_in(strategy="oauth_google", redirect_url=REDIRECT))
    nonce = parse_callback_url(through_provider(browser, sign_in.external_verification_url))
    assert nonce.rotating_token_nonce
    await call(sign_in.reload(rotating_token_nonce=nonce.rotating_token_nonce))
    sessions_after_first_use = [s.id for s in on_loopback.sessions]
    with pytest.raises(UnprocessableEntityError) as caught:
        await call(sign_in.reload(rotating_token_nonce=nonce.rotating_token_nonce))
    assert caught.value.code == "form_param_value_invalid"
    assert nonce.rotating_token_nonce not in str(caught.value)
    assert [s.id for s in on_loopback.sessions] == sessions_after_first_use


async def test_oauth_sign_in_transfers_to_a_sign_up(
    emu: Emulator, on_loopback: AnyClient, browser: httpx.Client
) -> None:
    emu.sign_up_required = {"email_address", "first_name", "last_name"}
    sign_in = await call(on_loopback.start_sign_in(strategy="oauth_google", redirect_url=REDIRECT))
    back = through_provider(
        browser, sign_in.external_verification_url, email="newcomer@gmail.example", first_name="New"
    )
    assert back == f"{REDIRECT}?__clerk_status=failed&__clerk_error_code=external_account_not_found"

    with pytest.raises(ExternalAccountNotFoundError) as caught:
        await call(sign_in.handle_callback(back))
    assert caught.value.code == "external_account_not_found"
    # The sign-in itself says so too (what iOS reads): its verification is transferable.
    reloaded = await call(sign_in.reload())
    assert reloaded.first_factor_verification.status == "transferable"

    sign_up = await call(sign_in.transfer_to_sign_up())
    assert sign_up.status == "missing_requirements" and sign_up.missing_fields == ("last_name",)
    sign_up = await call(sign_up.update(last_name="Comer"))
    assert sign_up.status == "complete"
    assert sign_up.email_address == "newcomer@gmail.example"
    assert sign_up.verifications.external_account.status == "verified"
    # The next Google sign-in of the new user finishes at once: the account is linked now.
    again = await call(on_loopback.start_sign_in(strategy="oauth_google", redirect_url=REDIRECT))
    back = through_provider(browser, again.external_verification_url, email="newcomer@gmail.example")
    done = await call(again.handle_callback(back))
    assert done.status == "complete"


async def test_a_denied_callback_is_a_typed_error(
    emu: Emulator, user: SeededUser, on_loopback: AnyClient, browser: httpx.Client
) -> None:
    seed_google_user(emu, user)
    sign_in = await call(on_loopback.start_sign_in(strategy="oauth_google", redirect_url=REDIRECT))
    back = through_provider(browser, sign_in.external_verification_url, allow=False)
    assert back == f"{REDIRECT}?__clerk_status=failed&__clerk_error_code=oauth_access_denied"
    with pytest.raises(ExternalVerificationError) as caught:
        await call(sign_in.handle_callback(back))
    assert type(caught.value) is CallbackFailedError  # as hosted sign-in raises for the same answer
    assert caught.value.code == "oauth_access_denied"
    assert caught.value.attempt is not None and caught.value.attempt.id == sign_in.id
    assert on_loopback.sessions == []


async def test_a_redirect_url_off_the_allowlist_gets_no_nonce(
    emu: Emulator, user: SeededUser, on_loopback: AnyClient, browser: httpx.Client
) -> None:
    seed_google_user(emu, user)
    emu.redirect_allowlist = ["myapp://callback"]
    sign_in = await call(on_loopback.start_sign_in(strategy="oauth_google", redirect_url=REDIRECT))
    back = through_provider(browser, sign_in.external_verification_url)
    assert back == REDIRECT
    with pytest.raises(ExternalVerificationError, match="allowlist"):
        await call(sign_in.handle_callback(back))
    assert on_loopback.sessions == []


# ----- enterprise SSO --------------------------------------------------------------------------------
async def test_enterprise_sso_sign_in(
    emu: Emulator, user: SeededUser, on_loopback: AnyClient, browser: httpx.Client
) -> None:
    sign_in = await call(
        on_loopback.start_sign_in(user.identifier, strategy="enterprise_sso", redirect_url=REDIRECT)
    )
    assert sign_in.first_factor_verification.strategy == "enterprise_sso"
    page = browser.get(sign_in.external_verification_url)
    assert user.identifier in page.text  # the identity provider is told who signs in
    back = through_provider(browser, sign_in.external_verification_url, email=user.identifier)
    done = await call(sign_in.handle_callback(back, redirect_url=REDIRECT))
    assert done.status == "complete"
    assert on_loopback.last_active_session.user.id == user.id


# ----- sign-up first ---------------------------------------------------------------------------------
async def test_oauth_sign_up_finishes_with_the_nonce(
    emu: Emulator, on_loopback: AnyClient, browser: httpx.Client
) -> None:
    emu.sign_up_required = {"email_address"}
    sign_up = await call(on_loopback.start_sign_up(strategy="oauth_github", redirect_url=REDIRECT))
    assert sign_up.verifications.external_account.status == "unverified"
    back = through_provider(browser, sign_up.external_verification_url, email="octo@example.com")
    done = await call(sign_up.handle_callback(back, redirect_url=REDIRECT))
    assert done.status == "complete" and done.email_address == "octo@example.com"
    assert on_loopback.last_active_session_id == done.created_session_id


async def test_oauth_sign_up_of_a_known_account_transfers_to_a_sign_in(
    emu: Emulator, user: SeededUser, on_loopback: AnyClient, browser: httpx.Client
) -> None:
    seed_google_user(emu, user)
    sign_up = await call(on_loopback.start_sign_up(strategy="oauth_google", redirect_url=REDIRECT))
    back = through_provider(browser, sign_up.external_verification_url)
    assert back.endswith("__clerk_error_code=external_account_exists")
    with pytest.raises(ExternalAccountExistsError):
        await call(sign_up.handle_callback(back))
    sign_in = await call(sign_up.transfer_to_sign_in())
    assert sign_in.status == "complete"
    assert on_loopback.last_active_session.user.id == user.id


# ----- email links -----------------------------------------------------------------------------------
def follow_link_on_sleep(
    client: AnyClient, emu: Emulator, email: str, *, on: int = 2, advance_ms: int = 0
) -> list[float]:
    """Replace the client's sleep: record each wait, and at wait number ``on`` follow the email link
    (or, with ``advance_ms``, let that much time pass instead). Returns the recorded waits."""
    waits: list[float] = []

    def act() -> None:
        if len(waits) != on:
            return
        if advance_ms:
            emu.clock.advance(advance_ms / 1000)
            return
        link = emu.last_email_link(email)
        assert link is not None
        answer = httpx.get(link, follow_redirects=False)
        assert answer.status_code == 303
        assert "__clerk_status=verified" in answer.headers["location"]

    if isinstance(client, AsyncClient):

        async def fake_async_sleep(seconds: float) -> None:
            waits.append(seconds)
            act()

        client._sleep = fake_async_sleep
    else:

        def fake_sleep(seconds: float) -> None:
            waits.append(seconds)
            act()

        client._sleep = fake_sleep
    return waits


async def test_email_link_sign_in_waits_for_the_link_then_activates_the_session(
    emu: Emulator, user: SeededUser, on_loopback: AnyClient
) -> None:
    sign_in = await call(on_loopback.start_sign_in(user.identifier))
    sign_in = await call(
        sign_in.prepare_first_factor("email_link", redirect_url="https://app.example/verified")
    )
    assert sign_in.first_factor_verification.strategy == "email_link"
    waits = follow_link_on_sleep(on_loopback, emu, user.identifier, on=2)
    emu.reset_counts()

    done = await call(sign_in.wait_for_email_link(timeout=30, interval=0.25))

    assert done.status == "complete"
    assert on_loopback.last_active_session_id == done.created_session_id
    # One read per wait plus the first, one at a time, each wait the interval.
    assert waits == [0.25, 0.25]
    assert emu.request_counts[("GET", f"/v1/client/sign_ins/{sign_in.id}")] == 3


async def test_email_link_expiry_is_a_typed_error(
    emu: Emulator, user: SeededUser, on_loopback: AnyClient
) -> None:
    sign_in = await call(on_loopback.start_sign_in(user.identifier))
    sign_in = await call(sign_in.prepare_first_factor("email_link", redirect_url="https://app.example/v"))
    follow_link_on_sleep(on_loopback, emu, user.identifier, on=1, advance_ms=11 * 60 * 1000)
    with pytest.raises(EmailLinkExpiredError):
        await call(sign_in.wait_for_email_link(timeout=30, interval=0.01))
    # The expired link no longer signs anyone in.
    link = emu.last_email_link(user.identifier)
    assert link is not None
    assert "__clerk_status=expired" in httpx.get(link).headers["location"]
    assert on_loopback.sessions == []


async def test_email_link_wait_times_out(emu: Emulator, user: SeededUser, on_loopback: AnyClient) -> None:
    sign_in = await call(on_loopback.start_sign_in(user.identifier))
    sign_in = await call(sign_in.prepare_first_factor("email_link", redirect_url="https://app.example/v"))
    with pytest.raises(EmailLinkTimeoutError):
        await call(sign_in.wait_for_email_link(timeout=0.05, interval=0.01))
    assert on_loopback.sessions == []


# ----- the callback URL ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("url", "error"),
    [
        (f"{REDIRECT}?rotating_token_nonce=a&rotating_token_nonce=b", CallbackParameterError),
        (f"{REDIRECT}?rotating_token_nonce=", CallbackParameterError),
        ("http://127.0.0.1:8766/callback?rotating_token_nonce=a", CallbackURLMismatchError),
        (
            f"{REDIRECT}?__clerk_status=failed&__clerk_error_code=external_account_not_found",
            ExternalAccountNotFoundError,
        ),
        (
            f"{REDIRECT}?__clerk_status=failed&__clerk_error_code=external_account_exists",
            ExternalAccountExistsError,
        ),
        (f"{REDIRECT}?error=access_denied&error_description=no", CallbackFailedError),
        ("", CallbackError),
    ],
)
def test_callback_urls_that_cannot_finish_a_flow(url: str, error: type[Exception]) -> None:
    with pytest.raises(error) as caught:
        parse_callback_url(url, redirect_url=REDIRECT)
    assert type(caught.value) is error
    assert "rotating_token_nonce=a" not in str(caught.value)


def test_a_callback_with_a_nonce_reads_it() -> None:
    callback = parse_callback_url(f"{REDIRECT}?rotating_token_nonce=n0nce&x=1", redirect_url=REDIRECT)
    assert callback.rotating_token_nonce == "n0nce"
    assert "n0nce" not in repr(callback)
