"""`python -m clerk_fapi.testing --strict-token-rotation`: only the newest client token is accepted."""

from __future__ import annotations

import os
import subprocess
import sys

import httpx


def test_the_command_line_option_turns_strict_rotation_on() -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "clerk_fapi.testing", "--port", "0", "--strict-token-rotation"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert proc.stdout is not None
        url = proc.stdout.readline().strip()
        native = {"_is_native": "1"}
        with httpx.Client(base_url=url) as http:
            first = http.put("/v1/client", params=native).headers["authorization"]
            second = http.get("/v1/client", params=native, headers={"Authorization": first})
            assert second.status_code == 200 and second.headers["authorization"] != first
            again = http.get("/v1/client", params=native, headers={"Authorization": first})
            assert again.status_code == 401
            assert again.json()["errors"][0]["code"] == "authentication_invalid"
            newest = http.get(
                "/v1/client", params=native, headers={"Authorization": second.headers["authorization"]}
            )
            assert newest.status_code == 200
    finally:
        proc.terminate()
        proc.wait(timeout=10)
