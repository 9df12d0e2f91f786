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
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Final, Protocol, runtime_checkable

from ._errors import ConfigurationError, TokenStoreError

__all__ = [
    "CLIENT_TOKEN",
    "DEV_BROWSER_TOKEN",
    "FileTokenStore",
    "MemoryTokenStore",
    "TokenStore",
    "compare_and_set",
]

DEFAULT_LOCK_TIMEOUT: Final = 10.0
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
        self._lock = threading.RLock()

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

    def compare_and_set(self, name: str, expected: str | None, value: str | None) -> bool:
        """Set ``name`` to ``value`` only while it holds ``expected``; True when it did."""
        with self._lock:
            if self._values.get(name) != expected:
                return False
            self.set(name, value)
            return True


class FileTokenStore:
    """Tokens in a JSON file, private to the user.

    Writes are atomic (temporary file in the same folder, fsync, rename; the leftovers of a write
    that was killed are removed), the file is created with mode 0600, and a lock file serialises
    processes that share the store; the lock is waited for at most ``lock_timeout`` seconds. Refused
    with :class:`TokenStoreError`: a file others may write or another user owns, a folder anyone may
    write without the sticky bit, and a path (or lock file) that is not a regular file.
    """

    def __init__(self, path: str | os.PathLike[str], *, lock_timeout: float = DEFAULT_LOCK_TIMEOUT) -> None:
        if (
            isinstance(lock_timeout, bool)
            or not isinstance(lock_timeout, int | float)
            or not 0 < lock_timeout < float("inf")
        ):
            raise ConfigurationError("lock_timeout must be a positive, finite number of seconds")
        self.path = Path(path).expanduser()
        self._lock_path = self.path.with_name(self.path.name + ".lock")
        self._thread_lock = threading.RLock()
        self.lock_timeout = float(lock_timeout)

    def __repr__(self) -> str:
        return f"<FileTokenStore {str(self.path)!r}>"

    def get(self, name: str) -> str | None:
        with self._locked():
            return self._read().get(name)

    def set(self, name: str, value: str | None) -> None:
        with self._locked():
            self._update(self._read(), name, value)

    def compare_and_set(self, name: str, expected: str | None, value: str | None) -> bool:
        """Set ``name`` to ``value`` only while it holds ``expected`` (checked and written under the
        lock, so another process's newer token is never overwritten); True when it did."""
        with self._locked():
            values = self._read()
            if values.get(name) != expected:
                return False
            self._update(values, name, value)
            return True

    def _remove_leftovers(self) -> None:
        """Temporary files of a write that never reached its rename (the writer was killed).

        Runs under the lock, when no write of the store is under way, so every one is stale.
        """
        prefix = f".{self.path.name}."
        with contextlib.suppress(OSError), os.scandir(self.path.parent) as entries:
            for entry in entries:
                if entry.name.startswith(prefix) and entry.is_file(follow_symlinks=False):
                    with contextlib.suppress(OSError):
                        os.unlink(entry.path)

    def clear(self) -> None:
        """Forget every token (the file is removed)."""
        with self._locked(), contextlib.suppress(FileNotFoundError):
            self.path.unlink()

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        deadline = time.monotonic() + self.lock_timeout
        if not self._thread_lock.acquire(timeout=self.lock_timeout):
            raise self._busy()
        try:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
                self._check_folder()
                fd = os.open(self._lock_path, os.O_RDWR | os.O_CREAT | os.O_NONBLOCK, 0o600)
            except OSError as exc:
                raise TokenStoreError(f"cannot open the lock file {self._lock_path}: {exc.strerror}") from exc
            try:
                _require_regular(os.fstat(fd), self._lock_path)
                if not _lock_fd(fd, deadline):
                    raise self._busy()
                yield
            finally:
                os.close(fd)  # closing releases the lock
        finally:
            self._thread_lock.release()

    def _busy(self) -> TokenStoreError:
        return TokenStoreError(
            f"the token store {self.path} stayed locked for {self.lock_timeout:g}s "
            f"(another process holds {self._lock_path})"
        )

    def _check_folder(self) -> None:
        if sys.platform == "win32":  # pragma: no cover
            return
        info = os.stat(self.path.parent)
        if info.st_mode & stat.S_IWOTH and not info.st_mode & stat.S_ISVTX:
            raise TokenStoreError(
                f"refusing the token store {self.path}: its folder is world-writable without the "
                "sticky bit, so anyone could replace the file"
            )

    def _read(self) -> dict[str, str]:
        try:
            # O_NONBLOCK: opening a FIFO must not wait for a writer (it is refused just below).
            fd = os.open(self.path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        except FileNotFoundError:
            return {}
        except OSError as exc:
            raise TokenStoreError(f"cannot read the token store {self.path}: {exc.strerror}") from exc
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            os.close(fd)
            _require_regular(info, self.path)
        with os.fdopen(fd, "rb") as handle:
            if sys.platform != "win32" and info.st_uid != os.getuid():
                raise TokenStoreError(
                    f"refusing to read the token store {self.path}: it is owned by another user "
                    f"(uid {info.st_uid})"
                )
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

    def _update(self, values: dict[str, str], name: str, value: str | None) -> None:
        """Write ``values`` with ``name`` set to ``value`` (nothing is written when nothing changes)."""
        self._remove_leftovers()
        if value is None:
            if name not in values:
                return
            values.pop(name)
        elif values.get(name) == value:
            return
        else:
            values[name] = value
        self._write(values)

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


def compare_and_set(store: TokenStore, name: str, expected: str | None, value: str | None) -> bool:
    """Set ``name`` to ``value`` only while ``store`` holds ``expected``; True when it did.

    Atomic for stores with a ``compare_and_set`` method (both stores here); for a store with only
    ``get`` and ``set`` it is a check then a write.
    """
    method = getattr(store, "compare_and_set", None)
    if callable(method):
        return bool(method(name, expected, value))
    if store.get(name) != expected:
        return False
    store.set(name, value)
    return True


def _require_regular(info: os.stat_result, path: Path) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise TokenStoreError(f"refusing the token store {path}: it is not a regular file")


def _lock_fd(fd: int, deadline: float) -> bool:
    """Take the lock, polling until ``deadline`` (monotonic); False when it stayed busy."""
    if sys.platform == "win32":  # pragma: no cover - the lock is advisory on POSIX only
        return True
    import fcntl

    pause = 0.001
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if time.monotonic() >= deadline:
                return False
            time.sleep(pause)
            pause = min(pause * 2, 0.05)


def _fsync_dir(path: Path) -> None:
    if sys.platform == "win32":  # pragma: no cover
        return
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
