"""The emulator's browser side, over loopback HTTP: the OAuth provider page, FAPI's OAuth callback, the
nonce it hands out (single-use, bound to the client and the attempt that asked for it) and the
email-link page `/v1/verify`."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from clerk_fapi.testing import Emulator, EmulatorServer

REDIRECT = "clerk-fapi://callback"
EMAIL = "ann+clerk_test@example.com"


@pytest.fixture
def emu() -> Emulator:
    emulator = Emulator()
    user = emulator.add_user(email_addresses=EMAIL, password="Correct-Horse-Battery-Staple-91")
    emulator.add_external_account(user.id, "google", "ann@gmail.example")
    return emulator


@pytest.fixture
def server(emu: Emulator) -> Iterator[EmulatorServer]:
    with emu.serve() as srv:
        yield srv


class Device:
    """A native device: its own client token, echoed and rotated."""

    def __init__(self, base_url: str) -> None:
        self.http = httpx.Client(base_url=base_url, params={"_is_native": "1"}, timeout=10)
        self.token = ""

    def send(self, method: str, path: str, **kwargs: object) -> httpx.Response:
        answer = self.http.request(method, path, headers={"Authorization": self.token}, **kwargs)  # type: ignore[arg-type]
        self.token = answer.headers.get("authorization", self.token)
        return answer


def start_external(device: Device, strategy: str) -> httpx.Response:
    return device.send("POST", "/v1/client/sign_ins", data={"strategy": strategy, "redirect_url": REDIRECT})


def oauth_nonce(server: EmulatorServer, device: Device) -> tuple[str, str]:
    """Start a Google sign-in on `device`, allow it in a browser; the sign-in id and the nonce."""
    started = device.send(
        "POST", "/v1/client/sign_ins", data={"strategy": "oauth_google", "redirect_url": REDIRECT}
    )
    assert started.status_code == 200, started.text
    sign_in = started.json()["response"]
    url = sign_in["first_factor_verification"]["external_verification_redirect_url"]
    with httpx.Client(timeout=10) as browser:
        page = browser.get(url)
        assert page.headers["content-type"].startswith("text/html")
        consent = browser.post(
            f"{server.url}/oauth/authorize",
            data={
                "state": httpx.URL(url).params["state"],
                "decision": "allow",
                "email_address": "ann@gmail.example",
            },
        )
        back = browser.get(consent.headers["location"]).headers["location"]
    assert back.startswith(REDIRECT + "?rotating_token_nonce=")
    return sign_in["id"], httpx.URL(back).params["rotating_token_nonce"]


def test_the_nonce_finishes_the_sign_in_once_and_only_for_its_client(server: EmulatorServer) -> None:
    device, other = Device(server.url), Device(server.url)
    sign_in_id, nonce = oauth_nonce(server, device)
    assert other.send("POST", "/v1/client").status_code == 200
    # Another client cannot use it (and does not use it up).
    stolen = other.send("GET", f"/v1/client/sign_ins/{sign_in_id}", params={"rotating_token_nonce": nonce})
    assert stolen.status_code == 404  # not its sign-in
    before = device.token
    done = device.send("GET", f"/v1/client/sign_ins/{sign_in_id}", params={"rotating_token_nonce": nonce})
    assert done.status_code == 200 and done.json()["response"]["status"] == "complete"
    assert device.token != before  # the answer rotated the client token
    again = device.send("GET", f"/v1/client/sign_ins/{sign_in_id}", params={"rotating_token_nonce": nonce})
    assert again.status_code == 422
    assert again.json()["errors"][0]["meta"]["param_name"] == "rotating_token_nonce"


def test_a_nonce_for_another_attempt_is_refused(server: EmulatorServer) -> None:
    device = Device(server.url)
    first_id, nonce = oauth_nonce(server, device)
    second_id, _ = oauth_nonce(server, device)
    wrong = device.send("GET", f"/v1/client/sign_ins/{second_id}", params={"rotating_token_nonce": nonce})
    assert wrong.status_code == 422
    assert first_id != second_id


def test_unknown_provider_state_and_disabled_provider_are_refused(server: EmulatorServer) -> None:
    with httpx.Client(timeout=10) as browser:
        assert browser.get(f"{server.url}/oauth/authorize", params={"state": "oaf_nope"}).status_code == 400
        assert browser.get(f"{server.url}/v1/oauth_callback", params={"state": "oaf_nope"}).status_code == 400
    device = Device(server.url)
    refused = device.send(
        "POST", "/v1/client/sign_ins", data={"strategy": "oauth_myspace", "redirect_url": REDIRECT}
    )
    assert refused.status_code == 422 and refused.json()["errors"][0]["meta"]["param_name"] == "strategy"
    missing = device.send(
        "POST", "/v1/client/sign_ins", data={"strategy": "enterprise_sso", "redirect_url": REDIRECT}
    )
    assert missing.status_code == 422 and missing.json()["errors"][0]["meta"]["param_name"] == "identifier"


def test_an_email_link_works_once_and_redirects_with_the_status(
    emu: Emulator, server: EmulatorServer
) -> None:
    device = Device(server.url)
    sign_in = device.send("POST", "/v1/client/sign_ins", data={"identifier": EMAIL}).json()["response"]
    prepared = device.send(
        "POST",
        f"/v1/client/sign_ins/{sign_in['id']}/prepare_first_factor",
        data={"strategy": "email_link", "redirect_url": "https://app.example/done"},
    )
    assert prepared.status_code == 200
    link = emu.last_email_link(EMAIL)
    assert link is not None and link.startswith(f"{server.url}/v1/verify?token=")
    opened = httpx.get(link)
    assert opened.status_code == 303
    location = httpx.URL(opened.headers["location"])
    assert location.params["__clerk_status"] == "verified"
    polled = device.send("GET", f"/v1/client/sign_ins/{sign_in['id']}").json()["response"]
    assert polled["status"] == "complete"
    assert location.params["__clerk_created_session"] == polled["created_session_id"]
    assert httpx.get(link).status_code == 400  # used up
    assert emu.last_email_link("nobody@example.com") is None
