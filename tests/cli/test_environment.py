"""`clerk-fapi environment`: the instance's settings; `--json` saves the whole `/v1/environment`, which an
emulator started with `environment=` (or `--environment`) then serves and enforces."""

from __future__ import annotations

import json
import re
from pathlib import Path

import httpx
from clerk_fapi.testing import Emulator
from conftest import REFERENCE_DIR, reference_location

from .conftest import Run


def test_environment_json_round_trips_through_the_emulator(run: Run, tmp_path: Path) -> None:
    sample = reference_location("CLERK_FAPI_SAMPLES", REFERENCE_DIR / "samples") / "get-environment.json"
    recorded = json.loads(sample.read_text(encoding="utf-8"))["body"]
    with Emulator(environment=recorded).serve() as real_like:
        saved = run("environment", "--json", "--frontend-api", real_like.url, connect=False)
    assert saved.status == 0, saved.stderr
    assert json.loads(saved.stdout) == recorded
    instance = tmp_path / "instance.json"
    instance.write_text(saved.stdout, encoding="utf-8")
    with Emulator(environment=instance).serve() as emulator:
        served = httpx.get(emulator.url + "/v1/environment", params={"_is_native": "1"}).json()
    assert served == recorded


def test_environment_summary(run: Run, emulator: Emulator) -> None:
    emulator.single_session_mode = True
    shown = run("environment")
    assert shown.status == 0, shown.stderr
    assert re.search(r"^Single session +True$", shown.stdout, re.M), shown.stdout
    first = re.search(r"^First factors +(.+)$", shown.stdout, re.M)
    assert first is not None and "password" in first.group(1).split(", ")
