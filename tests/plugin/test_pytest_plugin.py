"""The `clerk_fapi` pytest plugin, used from a temporary project the way a user's backend tests use it:
no conftest.py names it, so its fixtures come from the `pytest11` entry point."""

from __future__ import annotations

import subprocess
import sys

import pytest

# pytest's own fixture for testing plugins: temporary projects run by pytest.
pytest_plugins = ["pytester"]

USER_TESTS = """
import anyio
import httpx
from clerk_backend_api.security import verify_token
from clerk_backend_api.security.types import VerifyTokenOptions
from clerk_fapi import AsyncClient, Client


def test_emulator_and_user(clerk_emulator, clerk_user):
    assert clerk_emulator.url.startswith("http://127.0.0.1:")
    assert clerk_emulator.emulator.user_json(clerk_user.id)["id"] == clerk_user.id


def test_signed_in_clients(clerk_client, clerk_async_client, clerk_user):
    assert isinstance(clerk_client, Client) and clerk_client.last_active_session is not None
    assert isinstance(clerk_async_client, AsyncClient)

    async def main():
        assert await clerk_async_client.get_token()
        user = clerk_async_client.last_active_session.user
        assert user.id == clerk_user.id

    anyio.run(main)


def test_session_token_verifies_with_the_material(clerk_session_token, clerk_verification, clerk_user):
    claims = verify_token(clerk_session_token, VerifyTokenOptions(jwt_key=clerk_verification.public_key_pem))
    assert claims["sub"] == clerk_user.id and claims["iss"] == clerk_verification.issuer
    jwks = httpx.get(clerk_verification.jwks_url).json()
    assert jwks == clerk_verification.jwks


def test_authed_http_clients(clerk_http, clerk_async_http, clerk_session_token):
    def echo(request):
        return httpx.Response(200, json={"auth": request.headers.get("authorization")})

    clerk_http._transport = httpx.MockTransport(echo)
    assert clerk_http.get("http://api.test/me").json()["auth"].startswith("Bearer ey")

    async def main():
        clerk_async_http._transport = httpx.MockTransport(echo)
        response = await clerk_async_http.get("http://api.test/me")
        assert response.json()["auth"].startswith("Bearer ey")

    anyio.run(main)
"""


def test_the_fixtures_come_from_the_entry_point(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_backend=USER_TESTS)
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=4)


def test_the_plugin_can_be_disabled(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_backend="def test_x(clerk_http):\n    pass\n")
    result = pytester.runpytest("-p", "no:cacheprovider", "-p", "no:clerk_fapi")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*fixture 'clerk_http' not found*"])


def test_the_earlier_pytest_plugins_line_still_works(pytester: pytest.Pytester) -> None:
    pytester.makeconftest('pytest_plugins = ["clerk_fapi.testing.pytest_plugin"]\n')
    pytester.makepyfile(
        test_backend="def test_x(fapi_server, clerk_session_token):\n    assert clerk_session_token\n"
    )
    # In a child process: the entry point and the conftest line load the plugin together there.
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)


def _run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_loading_the_plugin_is_cheap() -> None:
    # pytest loads it in every run of every project where clerk-fapi is installed.
    heavy = ("httpx", "cryptography", "clerk_fapi.testing", "clerk_fapi._client", "clerk_fapi_raw")
    loaded = _run(
        "import sys, clerk_fapi.pytest_plugin\n"
        f"print(sorted(m for m in sys.modules if m.startswith({heavy!r})))"
    )
    assert loaded == "[]"


def test_the_plugin_loads_without_the_testing_extra() -> None:
    # Without cryptography (no testing extra) the plugin loads; a fixture says what to install.
    out = _run(
        "import sys\n"
        "sys.modules['cryptography'] = None\n"
        "import clerk_fapi.pytest_plugin as plugin\n"
        "try:\n"
        "    plugin.fapi_emulator.__wrapped__()\n"
        "except ImportError as error:\n"
        "    print(error)\n"
    )
    assert "pip install 'clerk-fapi[testing]'" in out
