"""Where the command line keeps its client between runs, and how a run resumes it."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import TextIO

from .._client import Client
from .._errors import AuthenticationError
from .._token_store import CLIENT_TOKEN, FileTokenStore, compare_and_set
from .exits import PROG

__all__ = ["config_dir", "default_store_path", "resume"]


def config_dir(platform: str | None = None, environ: dict[str, str] | None = None) -> Path:
    """The per-user configuration folder for clerk-fapi on this platform."""
    platform = platform or sys.platform
    env = os.environ if environ is None else environ
    home = Path(env.get("HOME") or Path.home())
    if platform == "win32":
        base = Path(env["APPDATA"]) if env.get("APPDATA") else home / "AppData" / "Roaming"
    elif platform == "darwin":
        base = home / "Library" / "Application Support"
    else:
        xdg = env.get("XDG_CONFIG_HOME", "")
        base = Path(xdg) if xdg and os.path.isabs(xdg) else home / ".config"
    return base / "clerk-fapi"


def default_store_path(
    frontend_api: str, platform: str | None = None, environ: dict[str, str] | None = None
) -> Path:
    """``<config dir>/clerk-fapi/<host>.json``: one state file per Frontend API host (and port)."""
    host = re.sub(r"^[a-z]+://", "", frontend_api).rstrip("/")
    safe = re.sub(r"[^A-Za-z0-9._-]", "_", host) or "default"
    return config_dir(platform, environ) / f"{safe}.json"


def resume(client: Client, store: FileTokenStore, stderr: TextIO, quiet: bool) -> None:
    """``reload()``; a client token the server no longer accepts is forgotten (with a warning).

    Only that very token: another run sharing the store may have written a newer one meanwhile,
    which is kept (compare-and-set under the store's lock) and resumed instead.
    """
    sent = store.get(CLIENT_TOKEN)
    try:
        client.reload()
    except AuthenticationError as exc:
        if exc.code != "authentication_invalid" or sent is None:
            raise
        if not compare_and_set(store, CLIENT_TOKEN, sent, None):
            client.reload()  # another run stored a newer token: resume with it
            return
        if not quiet:
            stderr.write(
                f"{PROG}: warning: the stored client is no longer valid ({exc.code}); starting a new one\n"
            )
        client.reload()
