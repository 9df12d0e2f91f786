"""Token stores under contention and on hostile file systems: compare-and-set, bounded lock waits,
special files, foreign owners, open folders and leftover temporary files."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest
from clerk_fapi import FileTokenStore, MemoryTokenStore
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
