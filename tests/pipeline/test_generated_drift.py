"""Drift: the committed ``generated/clerk_fapi_raw`` is exactly what ``make generate`` makes of openapi.yaml.

The test regenerates into a temporary folder with the Makefile's command and compares every file byte for
byte, both ways. A failure means openapi.yaml (or the generator config or a pinned tool) changed without
regenerating: run ``make generate`` and commit the result.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
COMMITTED = REPO_ROOT / "generated" / "clerk_fapi_raw"
VENV_BIN = Path(sys.executable).parent


def package_files(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` by relative path, ignoring ``__pycache__`` folders."""
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and "__pycache__" not in path.relative_to(root).parts
    }


def regenerate(output: Path) -> None:
    """Run the generator exactly as ``make generate`` does, with the venv's (pinned) ruff first on PATH.

    The working directory is the temporary folder's parent, outside the tree, so no ruff configuration of
    the repository can apply (the post hooks also run ruff with ``--isolated``).
    """
    env = dict(os.environ, PATH=f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    command = [
        str(VENV_BIN / "openapi-python-client"),
        "generate",
        "--path",
        str(REPO_ROOT / "openapi.yaml"),
        "--config",
        str(REPO_ROOT / "generated" / "config.yaml"),
        "--custom-template-path",
        str(REPO_ROOT / "generated" / "templates"),
        "--meta",
        "none",
        "--output-path",
        str(output),
        "--overwrite",
    ]
    result = subprocess.run(command, cwd=output.parent, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"generation failed:\n{result.stdout}\n{result.stderr}"


@pytest.mark.slow
def test_generated_is_up_to_date(tmp_path: Path) -> None:
    fresh = tmp_path / "clerk_fapi_raw"
    regenerate(fresh)

    leftovers = sorted(p.relative_to(tmp_path).as_posix() for p in fresh.rglob(".ruff_cache"))
    assert not leftovers, f"generation left ruff caches behind: {leftovers}"

    expected, actual = package_files(fresh), package_files(COMMITTED)
    missing = sorted(expected.keys() - actual.keys())
    extra = sorted(actual.keys() - expected.keys())
    changed = sorted(name for name in expected.keys() & actual.keys() if expected[name] != actual[name])
    problems = (
        [f"missing from generated/: {name}" for name in missing]
        + [f"not produced by the generator: {name}" for name in extra]
        + [f"differs: {name}" for name in changed]
    )
    assert not problems, (
        "generated/clerk_fapi_raw is out of date with openapi.yaml; run make generate\n  "
        + "\n  ".join(problems)
    )
