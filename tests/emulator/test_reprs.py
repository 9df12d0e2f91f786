"""What the emulator hands a test (seeded users, sent codes, replies) never shows a secret in its repr."""

from __future__ import annotations

from clerk_fapi.testing import Emulator

from .conftest import PASSWORD, make_user, native_sign_in


def _shown(value: object) -> str:
    return repr(value) + "\n" + str(value)


def test_a_seeded_user_repr_hides_its_password_totp_secret_and_backup_codes(emulator: Emulator) -> None:
    user = make_user(emulator, totp_secret=True, backup_codes=True)
    assert user.password == PASSWORD and user.totp_secret and len(user.backup_codes) == 10
    shown = _shown(user)
    assert user.id in shown and user.identifier in shown, "the repr still says who it is"
    for secret in (PASSWORD, user.totp_secret, *user.backup_codes):
        assert secret not in shown


def test_sent_codes_and_the_models_behind_them_hide_the_codes(emulator: Emulator) -> None:
    user = make_user(emulator, email_addresses="john@example.com", phone_numbers=(), username="johnny")
    sign_in = native_sign_in(emulator, {"identifier": user.identifier, "strategy": "email_code"})
    assert sign_in.status == 200, sign_in.body
    code = emulator.last_code("john@example.com")
    assert code is not None and len(code) == 6
    assert "john@example.com" in _shown(emulator.sent_codes)
    assert code not in _shown(emulator.sent_codes)
    service = emulator._service
    internal = [service.users[user.id], *service.sign_ins.values(), *service.clients.values()]
    for model in internal:
        shown = _shown(model)
        for secret in (code, PASSWORD):
            assert secret not in shown, type(model).__name__


def test_a_reply_repr_hides_the_tokens_it_carries(emulator: Emulator) -> None:
    user = make_user(emulator)
    reply = native_sign_in(emulator, {"identifier": user.identifier, "password": PASSWORD})
    token = dict(reply.headers)["Authorization"]
    session_id = reply.json()["response"]["created_session_id"]
    minted = emulator.handle(
        "POST",
        f"https://fapi.test/v1/client/sessions/{session_id}/tokens?_is_native=1",
        {"Authorization": token},
    )
    jwt = minted.json()["jwt"]
    for shown in (_shown(reply), _shown(minted)):
        assert "200" in shown
        assert token not in shown and jwt not in shown
    devbrowser = emulator.handle("POST", "https://fapi.test/v1/dev_browser")
    assert devbrowser.json()["id"] not in _shown(devbrowser)
    assert devbrowser.json()["id"] not in _shown(list(emulator._service.dev_browsers.values()))
