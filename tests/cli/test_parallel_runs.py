"""Parallel runs on one state file: a run that finds its token rejected forgets only that token.

Run A sends a dead client token; while its answer is on the way, run B signs in and writes a new,
valid token to the same file. A's 401 must not erase B's token: A resumes B's signed-in client.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
from clerk_fapi import Client, FileTokenStore, MemoryTokenStore
from clerk_fapi.testing import Emulator, EmulatorServer, SeededUser

from .conftest import JANE, PASSWORD, clean_env


def _dead_token() -> str:
    """A client token signed by another instance: the emulator answers 401 authentication_invalid."""
    other = Emulator()
    with httpx.Client(base_url="https://fapi.example.test", transport=other.transport()) as http:
        token: str = http.put("/v1/client", params={"_is_native": "1"}).headers["authorization"]
    return token


def _wait_for(condition: object, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.01)


def test_a_rejected_token_never_erases_a_newer_one_written_by_another_run(
    emulator: Emulator, server: EmulatorServer, store: Path, home: Path, jane: SeededUser
) -> None:
    store.parent.mkdir(parents=True)
    store.write_text(json.dumps({"client": _dead_token()}))
    os.chmod(store, 0o600)
    # A's GET /v1/client is answered (401) only after 1.5 s: time for B to sign in and write its token.
    emulator.inject_fault("/v1/client", method="GET", delay=1.5)
    command = [sys.executable, "-m", "clerk_fapi", "--frontend-api", server.url, "--store", str(store)]
    run_a = subprocess.Popen(
        [*command, "status", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=clean_env(home),
    )
    try:
        _wait_for(lambda: emulator.request_counts.get(("GET", "/v1/client"), 0) >= 1)
        with Client(frontend_api=server.url, token_store=MemoryTokenStore()) as run_b:
            session = run_b.sign_in_with_password(JANE, PASSWORD)
            newer = run_b._engine.auth.store.get("client")
        assert newer
        FileTokenStore(store).set("client", newer)
        out, err = run_a.communicate(timeout=30)
    finally:
        if run_a.poll() is None:
            run_a.kill()
            run_a.wait()
    assert run_a.returncode == 0, err
    status = json.loads(out)
    assert status["is_new"] is False
    assert status["last_active_session_id"] == session.id  # A resumed B's signed-in client
    assert "warning" not in err
    with Client(frontend_api=server.url, token_store=FileTokenStore(store)) as check:
        assert check.reload().last_active_session_id == session.id
