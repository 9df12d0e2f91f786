"""Token stores under contention and on hostile file systems: compare-and-set, bounded lock waits,
special files, foreign owners, open folders and leftover temporary files."""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from clerk_fapi import FileTokenStore, MemoryTokenStore, TokenStoreError
from clerk_fapi._token_store import compare_and_set

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes and locks")


class GetSetOnly:
    """A caller's store with only the protocol's two methods."""

    def __init__(self) -> None:
        self.values: dict[str, str] = {}

    def get(self, name: str) -> str | None:
        return self.values.get(name)

    def set(self, name: str, value: str | None) -> None:
        if value is None:
            self.values.pop(name, None)
        else:
            self.values[name] = value


@pytest.mark.parametrize("kind", ["memory", "file", "get-set-only"])
def test_compare_and_set_writes_only_over_the_expected_value(kind: str, tmp_path: Path) -> None:
    store = {"memory": MemoryTokenStore, "get-set-only": GetSetOnly}.get(
        kind, lambda: FileTokenStore(tmp_path / "state.json")
    )()
    store.set("client", "newer")
    assert compare_and_set(store, "client", "older", None) is False
    assert store.get("client") == "newer"
    assert compare_and_set(store, "client", "newer", None) is True
    assert store.get("client") is None
    assert compare_and_set(store, "client", None, "first") is True
    assert store.get("client") == "first"


def test_file_compare_and_set_is_atomic_across_threads_and_store_objects(tmp_path: Path) -> None:
    """50 threads, each with its own store object on one file, race to replace the same value: one wins."""
    path = tmp_path / "state.json"
    FileTokenStore(path).set("client", "shared")
    wins: list[int] = []
    start = threading.Barrier(50)

    def contend(n: int) -> None:
        store = FileTokenStore(path)
        start.wait()
        if store.compare_and_set("client", "shared", f"winner-{n}"):
            wins.append(n)

    threads = [threading.Thread(target=contend, args=(n,)) for n in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(wins) == 1
    assert FileTokenStore(path).get("client") == f"winner-{wins[0]}"


# ----- bounded lock waits and special files ----------------------------------------------------------
def test_a_lock_held_elsewhere_is_waited_for_a_bounded_time_then_refused(tmp_path: Path) -> None:
    import fcntl

    path = tmp_path / "state.json"
    FileTokenStore(path).set("client", "tok")
    holder = os.open(str(path) + ".lock", os.O_RDWR)
    fcntl.flock(holder, fcntl.LOCK_EX)  # another process (another open file) holds the lock
    try:
        started = time.monotonic()
        with pytest.raises(TokenStoreError, match="lock"):
            FileTokenStore(path, lock_timeout=0.3).get("client")
        assert time.monotonic() - started < 5
    finally:
        os.close(holder)
    assert FileTokenStore(path, lock_timeout=0.3).get("client") == "tok"  # free again


@pytest.mark.parametrize("kind", ["fifo", "directory", "lock-fifo"])
def test_a_store_path_that_is_not_a_regular_file_is_refused_at_once(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "state.json"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "directory":
        path.mkdir()
    else:
        os.mkfifo(str(path) + ".lock")
    started = time.monotonic()
    with pytest.raises(TokenStoreError, match="not a regular file"):
        FileTokenStore(path).get("client")
    with pytest.raises(TokenStoreError, match="not a regular file"):
        FileTokenStore(path).set("client", "tok")
    assert time.monotonic() - started < 2


# ----- owners, open folders, leftovers ---------------------------------------------------------------
def test_a_store_owned_by_another_user_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "state.json"
    FileTokenStore(path).set("client", "tok")
    real_uid = os.getuid()
    monkeypatch.setattr(os, "getuid", lambda: real_uid + 4242)  # we are now someone else
    with pytest.raises(TokenStoreError, match="owned by another user"):
        FileTokenStore(path).get("client")


def test_a_store_in_a_world_writable_folder_without_the_sticky_bit_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "open"
    folder.mkdir()
    os.chmod(folder, 0o777)
    with pytest.raises(TokenStoreError, match="world-writable"):
        FileTokenStore(folder / "state.json").set("client", "tok")
    os.chmod(folder, 0o1777)  # like /tmp: others cannot replace our files
    store = FileTokenStore(folder / "state.json")
    store.set("client", "tok")
    assert store.get("client") == "tok"


def test_stale_temporary_files_of_an_interrupted_write_are_removed(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    FileTokenStore(path).set("client", "tok-1")
    leftover = tmp_path / ".state.json.k1ll3d"  # what a writer killed before its rename leaves
    leftover.write_text('{"client": "half"}')
    unrelated = tmp_path / ".other.json.abc"
    unrelated.write_text("{}")
    FileTokenStore(path).set("client", "tok-2")
    assert not leftover.exists() and unrelated.exists()
    assert FileTokenStore(path).get("client") == "tok-2"


def _rewrite_for_ever(path: str, ready: Any) -> None:
    store = FileTokenStore(path)
    ready.set()
    n = 0
    while True:
        n += 1
        store.set("client", f"tok-{n}-" + "x" * 4000)


def test_writers_killed_mid_write_leave_a_valid_store_and_no_leftovers(tmp_path: Path) -> None:
    """30 rounds: a process rewriting the store is killed with SIGKILL at a random moment; the next
    write finds a valid file and removes whatever the killed one left behind."""
    path = tmp_path / "state.json"
    context = multiprocessing.get_context("fork")
    for _ in range(30):
        ready = context.Event()
        writer = context.Process(target=_rewrite_for_ever, args=(str(path), ready))
        writer.start()
        assert ready.wait(10)
        time.sleep(random.uniform(0.001, 0.03))
        os.kill(writer.pid or 0, signal.SIGKILL)
        writer.join()
        store = FileTokenStore(path)
        value = store.get("client")
        assert value is None or value.startswith("tok-") or value == "after-the-kill"
        store.set("client", "after-the-kill")
        assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".state.json.")] == []
        assert FileTokenStore(path).get("client") == "after-the-kill"
