"""Promises of the token stores that ``make mutate`` found unguarded."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from clerk_fapi import ConfigurationError, FileTokenStore


@pytest.mark.parametrize("lock_timeout", [0, 0.0, -1, float("inf"), float("nan"), True, "5"])
def test_lock_timeout_must_be_a_positive_finite_number(tmp_path: Path, lock_timeout: object) -> None:
    with pytest.raises(ConfigurationError, match="lock_timeout"):
        FileTokenStore(tmp_path / "state.json", lock_timeout=lock_timeout)  # type: ignore[arg-type]


def test_a_small_positive_lock_timeout_is_accepted(tmp_path: Path) -> None:
    assert FileTokenStore(tmp_path / "state.json", lock_timeout=0.01).lock_timeout == 0.01


def test_setting_the_value_already_stored_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    store = FileTokenStore(path)
    store.set("client", "tok")
    before = os.stat(path)
    store.set("client", "tok")
    store.set("dev_browser", None)  # forgetting what is not there
    after = os.stat(path)
    # Every write renames a new file over the store: the same inode means no write happened.
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert store.get("client") == "tok"
