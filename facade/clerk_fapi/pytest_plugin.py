"""pytest fixtures for testing your own backend against the Frontend API emulator.

pytest loads this plugin by itself wherever clerk-fapi is installed (the ``pytest11`` entry point named
``clerk_fapi``); turn it off with ``-p no:clerk_fapi``. Its fixtures need the ``testing`` extra
(``pip install 'clerk-fapi[testing]'``); without it the plugin still loads (it imports nothing heavy
until a fixture runs) and a fixture that needs the extra says what to install.

- ``fapi_emulator``: a fresh :class:`~clerk_fapi.testing.Emulator` for the test (``.transport()`` for
  in-process httpx clients); ``fapi_server``: that emulator on a loopback port (``.url``, ``.emulator``).
- ``clerk_emulator``: the running emulator (``fapi_server``): ``clerk_emulator.url``,
  ``clerk_emulator.emulator`` (its ``clock`` ages tokens without sleeping).
- ``clerk_user``: a seeded user (``.id``, ``.identifier``, ``.password``).
- ``clerk_client`` / ``clerk_async_client``: a :class:`~clerk_fapi.Client` / ``AsyncClient`` signed
  in as ``clerk_user``; their token caches measure time on the emulator's clock.
- ``clerk_session_token``: a fresh session JWT of that user.
- ``clerk_http`` / ``clerk_async_http``: an ``httpx.Client`` / ``httpx.AsyncClient`` with
  :class:`~clerk_fapi.SessionAuth`: every request carries a fresh ``Authorization: Bearer <JWT>``.
- ``clerk_verification``: what your backend verifies the tokens with (``jwks_url``, ``public_key_pem``,
  ``issuer``, ``jwks``), so it checks real RS256 signatures.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    import httpx

    from . import AsyncClient, Client
    from .testing import Emulator, EmulatorServer, SeededUser
    from .testing._verification import VerificationMaterial

CLERK_USER_EMAIL = "user+clerk_test@example.com"
CLERK_USER_PASSWORD = "Clerk-Test-Password-4242"


@pytest.fixture
def fapi_emulator() -> Emulator:
    """A fresh in-memory Frontend API (development instance, native API on)."""
    from .testing import Emulator

    return Emulator()


@pytest.fixture
def fapi_server(fapi_emulator: Emulator) -> Iterator[EmulatorServer]:
    """`fapi_emulator` served over HTTP on 127.0.0.1 for the duration of the test."""
    with fapi_emulator.serve(port=0) as server:
        yield server


@pytest.fixture
def clerk_emulator(fapi_server: EmulatorServer) -> EmulatorServer:
    """The emulator running on loopback for this test (``.url``, ``.emulator``)."""
    return fapi_server


@pytest.fixture
def clerk_user(clerk_emulator: EmulatorServer) -> SeededUser:
    """A user seeded in the emulator, with an email (a ``+clerk_test`` one) and a password."""
    return clerk_emulator.emulator.add_user(
        email_addresses=CLERK_USER_EMAIL, password=CLERK_USER_PASSWORD, first_name="Clerk", last_name="Test"
    )


def _follow_emulator_clock(client: Client | AsyncClient, emulator: Emulator) -> None:
    """Measure the client's token lives on the emulator's clock, so moving it ages them on both sides."""

    def now() -> float:
        return emulator.clock.now_ms / 1000

    client._tokens.use_clocks(now, now)


@pytest.fixture
def clerk_client(clerk_emulator: EmulatorServer, clerk_user: SeededUser) -> Iterator[Client]:
    """A ``Client`` on the emulator, signed in as ``clerk_user``."""
    from . import Client

    with Client(frontend_api=clerk_emulator.url) as client:
        _follow_emulator_clock(client, clerk_emulator.emulator)
        client.sign_in_with_password(clerk_user.identifier, clerk_user.password or "")
        yield client


@pytest.fixture
def clerk_async_client(clerk_emulator: EmulatorServer, clerk_client: Client) -> AsyncClient:
    """An ``AsyncClient`` on the emulator, signed in as ``clerk_user`` (the same client as
    ``clerk_client``: they share its client token). Usable from any event loop the test runs."""
    from . import AsyncClient

    client = AsyncClient(frontend_api=clerk_emulator.url, token_store=clerk_client._engine.auth.store)
    _follow_emulator_clock(client, clerk_emulator.emulator)
    client._apply(clerk_client.state)  # the signed-in state, without a request (no event loop here)
    return client


@pytest.fixture
def clerk_session_token(clerk_client: Client) -> str:
    """A fresh session JWT of ``clerk_user`` (RS256, verifiable with ``clerk_verification``)."""
    token = clerk_client.get_token(skip_cache=True)
    assert token is not None, "the emulator minted no token for a signed-in session"
    return token


@pytest.fixture
def clerk_http(clerk_client: Client) -> Iterator[httpx.Client]:
    """An ``httpx.Client`` whose requests carry a fresh session JWT (``SessionAuth``)."""
    import httpx

    from ._session_auth import SessionAuth

    with SessionAuth(clerk_client) as auth, httpx.Client(auth=auth) as http:
        yield http


@pytest.fixture
def clerk_async_http(clerk_async_client: AsyncClient) -> Iterator[httpx.AsyncClient]:
    """An ``httpx.AsyncClient`` whose requests carry a fresh session JWT (``SessionAuth``); its
    connections close with the test's event loop."""
    import httpx

    from ._session_auth import SessionAuth

    yield httpx.AsyncClient(auth=SessionAuth(clerk_async_client))


@pytest.fixture
def clerk_verification(clerk_emulator: EmulatorServer) -> VerificationMaterial:
    """How a backend under test verifies the emulator's tokens: ``jwks_url``, ``public_key_pem``
    (for ``jwt_key`` / ``CLERK_JWT_KEY``), ``issuer`` and the ``jwks`` itself."""
    from .testing._verification import verification_material

    return verification_material(clerk_emulator)
