"""The real traffic these tests replay: Clerk's Flutter SDK recordings and the reference samples.

Both live outside the repository, in ``../shared/reference/`` (``CLERK_FAPI_RECORDINGS`` and
``CLERK_FAPI_SAMPLES`` point elsewhere). Where they are missing the tests that need them skip with the
reason, except under ``CI=true``, where missing reference data is a failure.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import attrs
import pytest

REFERENCE_DIR = Path(__file__).resolve().parents[4] / "shared" / "reference"
RECORDINGS = Path(os.environ.get("CLERK_FAPI_RECORDINGS") or REFERENCE_DIR / "flutter-recordings")
SAMPLES = Path(os.environ.get("CLERK_FAPI_SAMPLES") or REFERENCE_DIR / "samples")

# Samples were sanitised: "%%DATETIME N%%" means N hours from the recording time; on the wire
# timestamps are integer milliseconds, and any will do.
_DATETIME_PLACEHOLDER = re.compile(r"%%DATETIME (-?\d+)%%")
_BASE_MS = 1_767_225_600_000  # 2026-01-01T00:00:00Z
_HOUR_MS = 3_600_000


def require(location: Path) -> Path:
    """``location``, skipping the test when it is absent (failing it under ``CI=true``)."""
    if not location.exists():
        reason = f"reference data not found at {location}"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{reason}; CI=true requires it", pytrace=False)
        pytest.skip(reason)
    return location


@attrs.frozen
class Step:
    """One request of a recorded flow and the answer it got."""

    number: int
    method: str
    path: str
    query: dict[str, str]
    form_keys: frozenset[str]
    form_values: dict[str, str]
    status: int
    body_file: Path

    def body(self) -> Any:
        return json.loads(self.body_file.read_text(encoding="utf-8"))


@attrs.frozen
class Flow:
    """A recorded flow: its folder name (``clerk_auth/sign_in_test/sign_in_with_password``) and steps."""

    name: str
    steps: tuple[Step, ...]
    context: dict[str, str]
    api_version: str | None


def flow_names() -> list[str]:
    """Every recorded flow, by folder (empty when the recordings are absent: the tests then skip)."""
    if not RECORDINGS.is_dir():
        return []
    return sorted(str(p.parent.relative_to(RECORDINGS)) for p in RECORDINGS.glob("**/manifest.json"))


def load_flow(name: str) -> Flow:
    folder = require(RECORDINGS) / name
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    steps = tuple(
        Step(
            number=i,
            method=s["method"],
            path=s["path"],
            query=dict(s.get("query") or {}),
            form_keys=frozenset(s.get("form_keys") or ()),
            form_values=dict(s.get("form_values") or {}),
            status=int(s["status"]),
            body_file=folder / s["body"],
        )
        for i, s in enumerate(manifest["steps"], start=1)
    )
    return Flow(
        name=name,
        steps=steps,
        context=dict(manifest.get("context") or {}),
        api_version=manifest.get("recorded_with_clerk_api_version"),
    )


def sample_files() -> list[Path]:
    return sorted(SAMPLES.glob("*.json")) if SAMPLES.is_dir() else []


def _to_wire(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _to_wire(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_to_wire(item) for item in value]
    if isinstance(value, str) and (match := _DATETIME_PLACEHOLDER.fullmatch(value)):
        return _BASE_MS + int(match.group(1)) * _HOUR_MS
    return value


def load_sample(path: Path) -> tuple[str | None, str | None, Any]:
    """A sample's method and path (when its key names them) and its body in wire form."""
    document = json.loads(path.read_text(encoding="utf-8"))
    if isinstance(document, dict) and set(document) == {"key", "body"}:
        method, request_path = document["key"].split(" ")[:2]
        return method, request_path, _to_wire(document["body"])
    return None, None, _to_wire(document)
