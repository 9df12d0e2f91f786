"""@clerk/clerk-js drives the emulator through each flow, in native mode (as @clerk/expo) and in browser mode
(jsdom, dev browser). `flows.cjs` checks what clerk-js sees; these tests check what each flow left in the
emulator, through its own inspection API."""

from __future__ import annotations

from typing import Any

from .conftest import InteropRun, require_node
from .conftest import jwt_claims as claims

require_node()


def assert_signed_in(run: InteropRun, data: dict[str, Any], user_key: str) -> None:
    """The flow ended with the seeded user's session active, and the token clerk-js got is that session's."""
    user_id = run.seeds.users[user_key].id
    assert data["user_id"] == user_id
    assert run.emulator.session_status(data["session_id"]) == "active"
    token_claims = claims(data["token"])
    assert (token_claims["sub"], token_claims["sid"]) == (user_id, data["session_id"])


# The only error answers a flow may get: the ones it provokes on purpose.
PROVOKED_ERRORS = {
    "sign_in_password": ["POST /v1/client/sign_ins -> 422 form_identifier_not_found"],
    "reset_password": ["POST /v1/client/sign_ins -> 422 form_password_incorrect"],
}


def test_no_flow_got_an_error_answer_it_did_not_ask_for(interop_run: InteropRun) -> None:
    """clerk-js falls back quietly on some errors (an environment it cannot update, a token it cannot
    refresh); a flow that succeeded that way still hit an emulator incompatibility."""
    for flow in interop_run.results:
        interop_run.flow(flow)
    got = {flow: result["failed_answers"] for flow, result in interop_run.results.items()}
    assert got == {flow: PROVOKED_ERRORS.get(flow, []) for flow in interop_run.results}


def test_load(interop_run: InteropRun) -> None:
    data = interop_run.flow("load")
    # clerk-js read the emulator's environment (a failed environment request leaves these empty).
    assert data["application_name"] == "clerk-fapi emulator"
    assert data["instance_type"] == "development"


def test_sign_up_with_test_code(interop_run: InteropRun) -> None:
    data = interop_run.flow("sign_up")
    wanted = interop_run.seeds.sign_up
    user = interop_run.emulator.user_json(data["user_id"])
    assert [e["email_address"] for e in user["email_addresses"]] == [wanted["email"]]
    assert user["email_addresses"][0]["verification"]["status"] == "verified"
    assert (user["first_name"], user["last_name"]) == (wanted["first_name"], wanted["last_name"])
    assert user["password_enabled"] is True
    assert interop_run.emulator.session_status(data["session_id"]) == "active"
    assert claims(data["token"])["sub"] == data["user_id"]


def test_sign_in_with_password(interop_run: InteropRun) -> None:
    data = interop_run.flow("sign_in_password")
    assert_signed_in(interop_run, data, "password")
    # The device reloaded (app restart, page reload) is still signed in to the same session.
    reloaded = claims(data["reloaded_token"])
    assert (reloaded["sub"], reloaded["sid"]) == (data["user_id"], data["session_id"])


def test_sign_in_with_email_code(interop_run: InteropRun) -> None:
    data = interop_run.flow("sign_in_email_code")
    assert_signed_in(interop_run, data, "email_code")
    address = interop_run.seeds.users["email_code"].identifier
    assert [c.strategy for c in interop_run.emulator.sent_codes if c.to == address] == ["email_code"]


def test_totp_second_factor(interop_run: InteropRun) -> None:
    data = interop_run.flow("totp_second_factor")
    assert_signed_in(interop_run, data, "totp")
    # Both factors were verified just now: fva is [first factor age, second factor age] in minutes.
    assert claims(data["token"])["fva"] == [0, 0]


def test_reset_password(interop_run: InteropRun) -> None:
    # flows.cjs also checked, on a second device, that the old password is refused and the new one works.
    data = interop_run.flow("reset_password")
    assert_signed_in(interop_run, data, "reset")
    address = interop_run.seeds.users["reset"].identifier
    sent = [c.strategy for c in interop_run.emulator.sent_codes if c.to == address]
    assert sent == ["reset_password_email_code"]


def test_sign_in_with_ticket(interop_run: InteropRun) -> None:
    data = interop_run.flow("ticket")
    assert data["user_id"] == interop_run.seeds.ticket_user.id
    assert interop_run.emulator.session_status(data["session_id"]) == "active"


def test_multi_session(interop_run: InteropRun) -> None:
    data = interop_run.flow("multi_session")
    first, second = interop_run.seeds.users["password"].id, interop_run.seeds.users["second"].id
    # Both were signed in at once; then signOut({sessionId}) removed the first one only.
    statuses = {s: interop_run.emulator.session_status(s) for s in data["session_ids"]}
    signed_out = data["signed_out_session_id"]
    assert statuses == {s: "removed" if s == signed_out else "active" for s in data["session_ids"]}
    assert claims(data["first_token"])["sub"] == first
    assert claims(data["second_token"])["sub"] == second
    assert sorted([claims(data["first_token"])["sid"], claims(data["second_token"])["sid"]]) == sorted(
        data["session_ids"]
    )


def test_set_active_with_and_without_organization(interop_run: InteropRun) -> None:
    data = interop_run.flow("organizations")
    assert data["user_id"] == interop_run.seeds.users["org_member"].id
    assert interop_run.emulator.session_status(data["session_id"]) == "active"
    tokens = data["tokens"]
    assert {claims(t)["sid"] for t in (tokens["org_active"], tokens["plain"], tokens["organization"])} == {
        data["session_id"]
    }


def test_sign_out(interop_run: InteropRun) -> None:
    data = interop_run.flow("sign_out")
    # signOut() removes every session of the client (DELETE /v1/client/sessions).
    assert interop_run.emulator.session_status(data["session_id"]) == "removed"


def test_destroy_client(interop_run: InteropRun) -> None:
    data = interop_run.flow("destroy")
    # client.destroy() (DELETE /v1/client) ends the client's sessions with it.
    assert interop_run.emulator.session_status(data["session_id"]) == "ended"
