"""The stand-ins of clerk_fapi._lazy import their module on first use, then get out of the way."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from clerk_fapi._lazy import LazyAttribute, LazyModule, lazy_modules


@pytest.fixture
def probes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Two importable modules nothing has imported yet (``probe_a``, ``probe_b``)."""
    names = ["probe_a", "probe_b"]
    for name in names:
        (tmp_path / f"{name}.py").write_text(f"NAME = {name!r}\nVALUE = object()\n", encoding="utf-8")
        monkeypatch.delitem(sys.modules, name, raising=False)
    monkeypatch.syspath_prepend(str(tmp_path))
    yield names
    for name in names:
        sys.modules.pop(name, None)


def test_a_module_is_imported_on_first_read_and_takes_the_stand_in_s_place(probes: list[str]) -> None:
    namespace: dict[str, Any] = {}
    namespace["probe"] = LazyModule(namespace, "probe", "probe_a")
    assert "probe_a" not in sys.modules
    assert "probe_a" in repr(namespace["probe"])
    assert namespace["probe"].NAME == "probe_a"
    assert namespace["probe"] is sys.modules["probe_a"]


def test_a_stand_in_replaced_meanwhile_stays_replaced(probes: list[str]) -> None:
    """A test's monkeypatch (or any rebinding) wins over the stand-in's own."""
    namespace: dict[str, Any] = {}
    stand_in = LazyModule(namespace, "probe", "probe_a")
    namespace["probe"] = "patched"
    assert stand_in.NAME == "probe_a"
    assert namespace["probe"] == "patched"


def test_submodules_are_imported_with_the_module(probes: list[str]) -> None:
    namespace: dict[str, Any] = {}
    namespace["probe"] = LazyModule(namespace, "probe", "probe_a", ("probe_b",))
    assert namespace["probe"].NAME == "probe_a"
    assert "probe_b" in sys.modules


def test_lazy_modules_stands_in_for_each_named_submodule() -> None:
    namespace: dict[str, Any] = {}
    client, tokens = lazy_modules(namespace, "._ops", "client tokens")
    namespace.update(client=client, tokens=tokens)
    assert callable(namespace["tokens"].default_session_id)
    assert namespace["tokens"] is sys.modules["clerk_fapi._ops.tokens"]
    assert isinstance(namespace["client"], LazyModule)  # not read yet


def test_a_class_attribute_is_imported_on_first_read_and_replaces_the_descriptor(probes: list[str]) -> None:
    class Owner:
        value: Any = LazyAttribute("probe_a", "VALUE")

    class Child(Owner):
        pass

    assert "probe_a" not in sys.modules
    assert Child().value is sys.modules["probe_a"].VALUE
    assert vars(Owner)["value"] is sys.modules["probe_a"].VALUE
    assert "value" not in vars(Child)
