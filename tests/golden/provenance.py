"""Where a cassette comes from, as its ``<test>.notes.json`` states it in ``source``.

``emulator@<commit>``: recorded against the emulator (``clerk_fapi.testing``) as it is in that commit of
this repository; ``instance@<host>``: recorded against the real Clerk instance whose Frontend API is
``<host>``. ``make record`` writes it; ``test_provenance.py`` checks it against each cassette's hosts.
"""

from __future__ import annotations

import functools
import re
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[2]
EMULATOR = "facade/clerk_fapi/testing"
EMULATOR_SOURCE = re.compile(r"emulator@(?P<commit>[0-9a-f]{40})")
INSTANCE_SOURCE = re.compile(r"instance@(?P<host>[a-z0-9.-]+)")


def _git(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, check=False)


def emulator_source() -> str:
    """``emulator@<HEAD>``; refused while the emulator has changes not committed (the commit would not
    say which emulator recorded)."""
    head = _git("rev-parse", "HEAD")
    if head.returncode != 0:
        raise RuntimeError(f"recording needs the git checkout of the repository: {head.stderr.strip()}")
    changed = _git("status", "--porcelain", "--", EMULATOR).stdout.strip()
    if changed:
        raise RuntimeError(
            f"commit the emulator's changes before recording (a cassette names the commit it was recorded"
            f" at):\n{changed}"
        )
    return f"emulator@{head.stdout.strip()}"


def instance_source(frontend_api: str) -> str:
    """``instance@<host>`` for the instance whose Frontend API is ``frontend_api``."""
    return f"instance@{urlsplit(frontend_api).hostname}"


@functools.cache
def commit_exists(commit: str) -> bool | None:
    """Whether this repository holds ``commit``; None where history cannot tell: outside a git
    checkout (an unpacked sdist) or in a shallow clone, which lacks older commits."""
    if _git("rev-parse", "--git-dir").returncode != 0:
        return None
    if _git("rev-parse", "--is-shallow-repository").stdout.strip() == "true":
        return None
    return _git("cat-file", "-e", f"{commit}^{{commit}}").returncode == 0
