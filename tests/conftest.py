"""Shared fixtures: where the repository, our spec and the reference data live (tests/pipeline checks our
spec, tests/fidelity holds it to Clerk's published one and to recorded traffic).

The reference data (Clerk's published spec, recorded traffic) lives outside the repository. Where it is
missing the tests that need it skip with the reason, except under ``CI=true``, where a missing reference
is a failure: the CI run must prove conformance, not quietly skip it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO_ROOT = Path(__file__).resolve().parents[1]
REFERENCE_DIR = REPO_ROOT.parent / "shared" / "reference"


def reference_location(env_var: str, default: Path) -> Path:
    """Return the reference file or folder named by ``env_var`` (else ``default``), skipping when absent.

    Under ``CI=true`` an absent reference fails the test instead of skipping it.
    """
    location = Path(os.environ.get(env_var) or default)
    if not location.exists():
        reason = f"reference data not found at {location} (set {env_var} to its location)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{reason}; CI=true requires it", pytrace=False)
        pytest.skip(reason)
    return location


def load_yaml(path: Path) -> dict[str, Any]:
    """Load a YAML document that must be a mapping."""
    with path.open(encoding="utf-8") as handle:
        document = yaml.safe_load(handle)
    assert isinstance(document, dict), f"{path} is not a YAML mapping"
    return document


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def our_spec_path() -> Path:
    """Our spec; ``CLERK_FAPI_SPEC`` points the tests at a modified copy (to check that they catch it)."""
    return Path(os.environ.get("CLERK_FAPI_SPEC") or REPO_ROOT / "openapi.yaml")


@pytest.fixture(scope="session")
def our_spec(our_spec_path: Path) -> dict[str, Any]:
    return load_yaml(our_spec_path)


@pytest.fixture(scope="session")
def upstream_spec() -> dict[str, Any]:
    path = reference_location("CLERK_FAPI_UPSTREAM_SPEC", REFERENCE_DIR / "clerk-fapi-2026-05-12.yml")
    return load_yaml(path)


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return reference_location("CLERK_FAPI_SAMPLES", REFERENCE_DIR / "samples")
