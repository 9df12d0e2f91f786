"""pytest fixtures for the Frontend API emulator.

Enable with `pytest_plugins = ["clerk_fapi.testing.pytest_plugin"]` in a conftest.py:

- `fapi_emulator`: a fresh `Emulator` for the test (use `.transport()` for in-process httpx clients);
- `fapi_server`: that same emulator served on a loopback port for the test, stopped afterwards
  (`fapi_server.url`, `fapi_server.emulator`).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ._emulator import Emulator
from ._server import EmulatorServer


@pytest.fixture
def fapi_emulator() -> Emulator:
    """A fresh in-memory Frontend API (development instance, native API on)."""
    return Emulator()


@pytest.fixture
def fapi_server(fapi_emulator: Emulator) -> Iterator[EmulatorServer]:
    """`fapi_emulator` served over HTTP on 127.0.0.1 for the duration of the test."""
    with fapi_emulator.serve(port=0) as server:
        yield server
