"""An offline, stateful emulator of Clerk's Frontend API, for tests, demos and benchmarks.

It is faithful to the real service (envelopes, error codes and statuses, native and browser modes, the dev
browser, test identities, RS256 session tokens published at `/.well-known/jwks.json`), not to this library's
client. It needs the `testing` extra (`pip install clerk-fapi[testing]`).

In process, through httpx::

    import httpx
    from clerk_fapi.testing import Emulator

    emulator = Emulator()
    user = emulator.add_user(email_addresses="jane+clerk_test@example.com", password="correct horse 1")
    http = httpx.Client(base_url="https://fapi.example.test", transport=emulator.transport())
    r = http.post("/v1/client/sign_ins", params={"_is_native": "1"}, headers={"Authorization": ""},
                  data={"identifier": user.identifier, "password": user.password})
    token = r.headers["Authorization"]      # the client token; send it back (and keep the newest)

On loopback::

    with emulator.serve(port=0) as server:
        httpx.get(server.url + "/v1/environment", params={"_is_native": "1"})

From a shell: ``python -m clerk_fapi.testing --port 0 [--demo-user] [--single-session]`` prints the URL.

In pytest: the ``clerk_fapi`` plugin (loaded by itself) gives the ``fapi_emulator`` and
``fapi_server`` fixtures.

Control: ``add_user``, ``add_organization`` / ``add_membership``, ``add_jwt_template``,
``create_sign_in_ticket``, ``single_session_mode``, ``instance_type``, ``native_api_enabled``,
``sign_up_required``, ``strict_token_rotation`` (only the newest client token is accepted),
``clock`` (``now_ms``, ``set``, ``advance``), ``request_counts`` / ``reset_counts``,
``inject_fault``, ``sent_codes`` / ``last_code``, ``complete_email_link``, ``require_expired_token``,
``redirect_allowlist`` (``RedirectAllowlist``: which redirect URLs get a nonce), ``nonces`` (``NonceStore``).
``Emulator(environment=...)`` (a saved ``/v1/environment``) enforces that instance's identifiers, factors,
sign-up fields and session mode, and lists what it cannot honour in ``unhonoured_settings``.
The Backend API endpoints test helpers need (``/v1/testing_tokens``, ``/v1/sign_in_tokens``, ``/v1/users``,
``/v1/jwks``) answer requests carrying ``Authorization: Bearer <secret_key>`` (``Emulator(secret_key=...)``,
default ``sk_test_clerk_fapi_emulator``); ``testing_token_requests`` counts Frontend API requests that carried
one of its testing tokens.
Test identities (``+clerk_test`` emails, ``+1 XXX 555-01XX`` phones) verify with ``424242`` on development
instances; other codes can be read from ``last_code``. ``totp_code(secret, at=None)`` is the RFC 6238 code an
authenticator app shows for a TOTP secret (``emulator.totp_code(secret)`` at the emulator clock's time);
``reverification_max_age`` (minutes) makes sensitive ``/v1/me`` calls ask for reverification.
"""

from __future__ import annotations

from ._call import DEFAULT_SIGN_UP_REQUIRED
from ._clock import Clock
from ._crypto import totp_code
from ._emulator import Emulator
from ._faults import Fault
from ._models import SentCode
from ._redirects import DEFAULT_CALLBACK_URL, Grant, NonceStore, RedirectAllowlist
from ._reply import Reply
from ._seeding import SeededOrganization, SeededUser
from ._server import EmulatorServer
from ._service import TEST_CODE
from ._transport import EmulatorTransport

__all__ = [
    "DEFAULT_CALLBACK_URL",
    "DEFAULT_SIGN_UP_REQUIRED",
    "TEST_CODE",
    "Clock",
    "Emulator",
    "EmulatorServer",
    "EmulatorTransport",
    "Fault",
    "Grant",
    "NonceStore",
    "RedirectAllowlist",
    "Reply",
    "SeededOrganization",
    "SeededUser",
    "SentCode",
    "totp_code",
]
