"""Where the client token lives between calls (and between runs).

A token store holds a few named secrets: the client token (``client``) and, in browser mode on a
development instance, the dev-browser token (``dev_browser``). The default is in memory; a
:class:`FileTokenStore` lets a CLI or a service resume the same client after a restart.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Final, Protocol, runtime_checkable

from ._errors import TokenStoreError

__all__ = ["CLIENT_TOKEN", "DEV_BROWSER_TOKEN", "FileTokenStore", "MemoryTokenStore", "TokenStore"]

CLIENT_TOKEN: Final = "client"
DEV_BROWSER_TOKEN: Final = "dev_browser"


@runtime_checkable
class TokenStore(Protocol):
    """Holds named secrets. ``set(name, None)`` forgets one."""

    def get(self, name: str) -> str | None: ...

    def set(self, name: str, value: str | None) -> None: ...


class MemoryTokenStore:
    """Tokens in this process only (the default)."""

    def __init__(self, **initial: str) -> None:
        self._values: dict[str, str] = dict(initial)
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"<MemoryTokenStore holding {sorted(self._values)}>"

    def get(self, name: str) -> str | None:
        with self._lock:
            return self._values.get(name)

    def set(self, name: str, value: str | None) -> None:
        with self._lock:
            if value is None:
                self._values.pop(name, None)
            else:
                self._values[name] = value


class FileTokenStore:
    """Tokens in a JSON file, private to the user.

    Writes are atomic (temporary file in the same folder, fsync, rename), the file is created with
    mode 0600, a file that others may write is refused, and a lock file serialises processes that
    share the store.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path).expanduser()
        self._lock_path = self.path.with_name(self.path.name + ".lock")
        self._thread_lock = threading.RLock()

    def __repr__(self) -> str:
        return f"<FileTokenStore {str(self.path)!r}>"

    def get(self, name: str) -> str | None:
        with self._locked():
            return self._read().get(name)

    def set(self, name: str, value: str | None) -> None:
        with self._locked():
            values = self._read()
            if value is None:
                if name not in values:
                    return
                values.pop(name)
            elif values.get(name) == value:
                return
            else:
                values[name] = value
            self._write(values)

    def clear(self) -> None:
        """Forget every token (the file is removed)."""
        with self._locked(), contextlib.suppress(FileNotFoundError):
            self.path.unlink()

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        with self._thread_lock:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
                fd = os.open(self._lock_path, os.O_RDWR | os.O_CREAT, 0o600)
            except OSError as exc:
                raise TokenStoreError(f"cannot open the lock file {self._lock_path}: {exc.strerror}") from exc
            try:
                _lock_fd(fd)
                yield
            finally:
                os.close(fd)  # closing releases the lock

    def _read(self) -> dict[str, str]:
        try:
            fd = os.open(self.path, os.O_RDONLY)
        except FileNotFoundError:
            return {}
        except OSError as exc:
            raise TokenStoreError(f"cannot read the token store {self.path}: {exc.strerror}") from exc
        try:
            handle = os.fdopen(fd, "rb")
        except OSError as exc:  # e.g. the path is a directory
            os.close(fd)
            raise TokenStoreError(f"cannot read the token store {self.path}: {exc.strerror}") from exc
        with handle:
            info = os.fstat(handle.fileno())
            if sys.platform != "win32" and info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
                raise TokenStoreError(
                    f"refusing to read the token store {self.path}: others may write it "
                    f"(mode {stat.S_IMODE(info.st_mode):04o}); run: chmod 600 {self.path}"
                )
            data = handle.read()
        try:
            values = json.loads(data.decode("utf-8")) if data.strip() else {}
        except (UnicodeDecodeError, ValueError) as exc:
            raise TokenStoreError(f"the token store {self.path} is not valid JSON") from exc
        if not isinstance(values, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in values.items()
        ):
            raise TokenStoreError(f"the token store {self.path} does not hold a JSON object of strings")
        return values

    def _write(self, values: dict[str, str]) -> None:
        data = json.dumps(values, indent=2, sort_keys=True).encode("utf-8")
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", dir=self.path.parent)
        except OSError as exc:
            raise TokenStoreError(f"cannot write the token store {self.path}: {exc.strerror}") from exc
        try:
            with os.fdopen(fd, "wb") as handle:
                os.fchmod(handle.fileno(), 0o600)
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self.path)
        except OSError as exc:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise TokenStoreError(f"cannot write the token store {self.path}: {exc.strerror}") from exc
        _fsync_dir(self.path.parent)


def _lock_fd(fd: int) -> None:
    if sys.platform == "win32":  # pragma: no cover - the lock is advisory on POSIX only
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_EX)


def _fsync_dir(path: Path) -> None:
    if sys.platform == "win32":  # pragma: no cover
        return
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
