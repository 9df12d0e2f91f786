"""Package: the wheel ships both packages with their ``py.typed`` markers and nothing else, and it installs
and imports in a fresh virtual environment.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("clerk_fapi", "clerk_fapi_raw")


def run(command: list[str], cwd: Path | None = None) -> str:
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    run([sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(REPO_ROOT)])
    wheels = sorted(out.glob("clerk_fapi-*.whl"))
    assert len(wheels) == 1, f"expected one wheel, found {wheels}"
    return wheels[0]


@pytest.mark.slow
def test_wheel_ships_both_packages_typed_and_nothing_else(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    for package in PACKAGES:
        assert f"{package}/__init__.py" in names, f"{package} is missing from the wheel"
        assert f"{package}/py.typed" in names, f"{package}/py.typed is missing from the wheel"
    dist_info = "-".join(wheel.name.split("-")[:2]) + ".dist-info"
    top_levels = {name.split("/", 1)[0] for name in names}
    assert top_levels == {*PACKAGES, dist_info}, f"unexpected top-level entries: {sorted(top_levels)}"
    unwanted = [
        name
        for name in names
        if "__pycache__" in name
        or name.endswith((".pyc", ".pyo"))
        or any(
            part in {".ruff_cache", ".mypy_cache", ".pytest_cache", "tests", "cassettes"}
            for part in name.split("/")
        )
    ]
    assert not unwanted, f"the wheel carries files it should not: {unwanted}"


@pytest.mark.slow
def test_wheel_installs_and_imports_in_a_fresh_venv(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", str(venv)])
    python = venv / "bin" / "python"
    run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(wheel)])
    code = (
        "import clerk_fapi, clerk_fapi_raw, clerk_fapi_raw.models, clerk_fapi_raw.client;"
        "print(clerk_fapi.__file__);print(clerk_fapi_raw.__file__);print(clerk_fapi.__version__)"
    )
    clerk_fapi_file, raw_file, version = run([str(python), "-c", code], cwd=tmp_path).split()
    # Imported from the fresh venv, not from the working tree.
    for imported in (clerk_fapi_file, raw_file):
        assert Path(imported).resolve().is_relative_to(venv.resolve()), imported
    assert version, "clerk_fapi has no __version__"
