"""FileTokenStore: private, atomic, shared safely between processes, and a client resumes from it."""

from __future__ import annotations

import json
import multiprocessing
import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from clerk_fapi import FileTokenStore, MemoryTokenStore, TokenStore, TokenStoreError
from clerk_fapi.testing import Emulator, SeededUser

from .conftest import PASSWORD, AnyClient, call

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


def test_set_then_get_round_trips_and_none_forgets(tmp_path: Path) -> None:
    store = FileTokenStore(tmp_path / "state.json")
    assert store.get("client") is None
    store.set("client", "tok-1")
    store.set("dev_browser", "dvb-1")
    assert store.get("client") == "tok-1"
    assert FileTokenStore(tmp_path / "state.json").get("dev_browser") == "dvb-1"
    store.set("client", None)
    assert store.get("client") is None
    assert json.loads((tmp_path / "state.json").read_text()) == {"dev_browser": "dvb-1"}
    assert isinstance(store, TokenStore) and isinstance(MemoryTokenStore(), TokenStore)


def test_file_is_created_with_mode_0600_whatever_the_umask(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        store = FileTokenStore(tmp_path / "sub" / "state.json")
        store.set("client", "tok")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "sub" / "state.json").stat().st_mode) == 0o600


def test_write_replaces_the_file_by_rename(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    store = FileTokenStore(path)
    store.set("client", "tok-1")
    first_inode = path.stat().st_ino
    store.set("client", "tok-2")
    assert path.stat().st_ino != first_inode, "written in place, not via a temporary file and a rename"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    leftovers = [p.name for p in tmp_path.iterdir() if p.name not in ("state.json", "state.json.lock")]
    assert leftovers == []


def test_a_failed_write_leaves_the_old_file_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "state.json"
    store = FileTokenStore(path)
    store.set("client", "tok-1")

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(TokenStoreError):
        store.set("client", "tok-2")
    monkeypatch.undo()
    assert json.loads(path.read_text()) == {"client": "tok-1"}
    assert store.get("client") == "tok-1"
    leftovers = [p.name for p in tmp_path.iterdir() if p.name not in ("state.json", "state.json.lock")]
    assert leftovers == []


@pytest.mark.parametrize("mode", [0o620, 0o602, 0o666, 0o660])
def test_a_file_others_can_write_is_refused(tmp_path: Path, mode: int) -> None:
    path = tmp_path / "state.json"
    store = FileTokenStore(path)
    store.set("client", "tok-secret-value")
    path.chmod(mode)
    with pytest.raises(TokenStoreError) as info:
        store.get("client")
    assert "tok-secret-value" not in str(info.value)
    assert str(path) in str(info.value)
    with pytest.raises(TokenStoreError):
        store.set("client", "tok-2")


def test_a_group_readable_but_not_writable_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    path.write_text('{"client": "tok"}')
    path.chmod(0o640)
    assert FileTokenStore(path).get("client") == "tok"


@pytest.mark.parametrize(
    "content",
    [b"{not json", b'{"client": "tok"', b"[1, 2]", b'{"client": 5}', b"\xff\xfe\x00", b'"text"'],
)
def test_an_unreadable_file_is_a_token_store_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "state.json"
    path.write_bytes(content)
    path.chmod(0o600)
    with pytest.raises(TokenStoreError) as info:
        FileTokenStore(path).get("client")
    assert str(path) in str(info.value)


def test_an_empty_file_is_an_empty_store(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    path.write_bytes(b"")
    path.chmod(0o600)
    assert FileTokenStore(path).get("client") is None


def test_repr_shows_no_token(tmp_path: Path) -> None:
    store = FileTokenStore(tmp_path / "state.json")
    store.set("client", "tok-very-secret-123")
    assert "tok-very-secret-123" not in repr(store)
    memory = MemoryTokenStore(client="tok-very-secret-456")
    assert "tok-very-secret-456" not in repr(memory)


def _hammer(path: str, worker: int, count: int) -> None:
    store = FileTokenStore(path)
    for i in range(count):
        store.set(f"w{worker}-{i}", f"value-{worker}-{i}")
        store.set("shared", f"w{worker}-{i}")


def test_two_processes_hammering_set_never_corrupt_or_lose_writes(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    count = 40
    ctx = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    workers = [ctx.Process(target=_hammer, args=(str(path), w, count)) for w in range(2)]
    for p in workers:
        p.start()
    reader = FileTokenStore(path)
    reads = 0
    while any(p.is_alive() for p in workers):
        # Every read in between sees a whole JSON object.
        reader.get("shared")
        reads += 1
    for p in workers:
        p.join(timeout=20)
        assert p.exitcode == 0
    values = json.loads(path.read_text())
    for w in range(2):
        for i in range(count):
            assert values[f"w{w}-{i}"] == f"value-{w}-{i}", (
                "a read-modify-write lost another process's update"
            )
    assert values["shared"] in {f"w{w}-{count - 1}" for w in range(2)}
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert reads > 0


async def test_a_new_client_on_a_file_store_resumes_the_same_client(
    make_client: Callable[..., AnyClient], emu: Emulator, user: SeededUser, tmp_path: Path
) -> None:
    path = tmp_path / "clerk" / "state.json"
    first = make_client(transport=emu.transport(), token_store=FileTokenStore(path))
    await call(first.create())
    session = await call(first.sign_in_with_password(user.identifier, PASSWORD))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    second = make_client(transport=emu.transport(), token_store=FileTokenStore(path))
    assert second.is_new()
    await call(second.reload())
    assert second.id == first.id
    assert [s.id for s in second.sessions] == [session.id]
    assert second.last_active_session_id == session.id


async def test_browser_mode_keeps_the_dev_browser_token_in_the_file_store(
    make_client: Callable[..., AnyClient], emu: Emulator, tmp_path: Path
) -> None:
    path = tmp_path / "state.json"
    pk_test = "pk_test_Zm9vLWJhci0xMy5jbGVyay5hY2NvdW50cy5kZXYk"
    first = make_client(
        frontend_api=None,
        publishable_key=pk_test,
        mode="browser",
        transport=emu.transport(),
        token_store=FileTokenStore(path),
    )
    await call(first.create())
    assert json.loads(path.read_text()).get("dev_browser", "").startswith("dvb_")
    second = make_client(
        frontend_api=None,
        publishable_key=pk_test,
        mode="browser",
        transport=emu.transport(),
        token_store=FileTokenStore(path),
    )
    await call(second.reload())
    assert second.id == first.id
    assert emu.request_counts[("POST", "/v1/dev_browser")] == 1


async def test_destroy_forgets_the_client_token_in_the_file_store(
    make_client: Callable[..., AnyClient], emu: Emulator, tmp_path: Path
) -> None:
    path = tmp_path / "state.json"
    client = make_client(transport=emu.transport(), token_store=FileTokenStore(path))
    await call(client.create())
    assert "client" in json.loads(path.read_text())
    await call(client.destroy())
    assert "client" not in json.loads(path.read_text())
    fresh = make_client(transport=emu.transport(), token_store=FileTokenStore(path))
    await call(fresh.reload())
    assert fresh.is_new()


async def test_a_refused_store_surfaces_as_token_store_error_from_a_call(
    make_client: Callable[..., AnyClient], emu: Emulator, tmp_path: Path
) -> None:
    path = tmp_path / "state.json"
    path.write_text("{}")
    path.chmod(0o666)
    client = make_client(transport=emu.transport(), token_store=FileTokenStore(path))
    with pytest.raises(TokenStoreError):
        await call(client.reload())
