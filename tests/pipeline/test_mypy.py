"""Type check: mypy passes over the facade and the generated raw layer, with the project's configuration.

The configuration (``[tool.mypy]`` in pyproject.toml) names the folders; this runs it as ``make typecheck``
does, so a regeneration that breaks typing fails the test suite, not only the lint step.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_mypy_passes() -> None:
    # The default cache (.mypy_cache, git-ignored) is shared with `make typecheck`, which runs just before.
    command = [sys.executable, "-m", "mypy"]
    result = subprocess.run(command, cwd=REPO_ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"mypy failed (exit {result.returncode}):\n{result.stdout}{result.stderr}"
    assert "Success" in result.stdout, result.stdout
