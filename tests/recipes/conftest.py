"""Serves the recipe backend (`backend_app.py`) on loopback with uvicorn, verifying the emulator's tokens.

The emulator, the signed-in user and the authed httpx client come from the `clerk_fapi` pytest plugin
(loaded by itself wherever clerk-fapi is installed).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
import uvicorn
from clerk_fapi.testing._verification import VerificationMaterial

from .backend_app import create_app


@pytest.fixture
def backend_url(clerk_verification: VerificationMaterial) -> Iterator[str]:
    """The backend, verifying tokens with the emulator's public key, at http://127.0.0.1:<port>."""
    config = uvicorn.Config(
        create_app(jwt_key=clerk_verification.public_key_pem), host="127.0.0.1", port=0, log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="recipe-backend", daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the backend did not start"
        time.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
