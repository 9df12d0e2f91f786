"""Fixtures for the secret-key tests: an emulator with its own secret key, on loopback, and a seeded user."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from clerk_fapi.testing import Emulator, EmulatorServer, SeededUser

SECRET_KEY = "sk_test_backend_api_emulator_key"


@pytest.fixture
def emulator() -> Emulator:
    return Emulator(secret_key=SECRET_KEY)


@pytest.fixture
def jane(emulator: Emulator) -> SeededUser:
    return emulator.add_user(
        email_addresses=["jane@example.com", "jane.doe@example.com"],
        phone_numbers="+15555550100",
        username="jane",
        password="correct horse 1",
        first_name="Jane",
        last_name="Doe",
    )


@pytest.fixture
def server(emulator: Emulator) -> Iterator[EmulatorServer]:
    with emulator.serve(port=0) as served:
        yield served
