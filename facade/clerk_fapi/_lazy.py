"""Imports deferred to first use, so that ``from clerk_fapi import Client`` stays cheap.

A client needs the operations of a flow (:mod:`clerk_fapi._ops`), the resources it binds
(:mod:`clerk_fapi._resources`) and, through them, the read models and the parse only once it makes
that call or reads that answer. Methods that run on every request import what they need in their
body; the two helpers here serve names read on hot paths (a cached ``get_token``) and class
attributes, and cost nothing once loaded. Type checkers see ordinary imports (under
``TYPE_CHECKING``) where these are used; see README, Development > Start-up.
"""

from __future__ import annotations

import importlib
from typing import Any, Generic, TypeVar

__all__ = ["LazyAttribute", "LazyModule"]

T = TypeVar("T")


def _load(module: str) -> Any:
    return importlib.import_module(module, __package__)


class LazyModule:
    """Stands for a module in a namespace (a module's ``globals()``) until one of its attributes is
    first read: then the module is imported and takes this stand-in's place under ``name``, so later
    reads reach the module itself. Thread-safe (the import system serialises the import; every thread
    puts the same module in place)."""

    __slots__ = ("_module", "_name", "_namespace", "_submodules")

    def __init__(
        self, namespace: dict[str, Any], name: str, module: str, submodules: tuple[str, ...] = ()
    ) -> None:
        self._namespace = namespace
        self._name = name
        self._module = module
        self._submodules = submodules  # imported too, as ``import anyio.lowlevel`` binds ``anyio``

    def __getattr__(self, attr: str) -> Any:
        for submodule in self._submodules:
            _load(submodule)
        module = _load(self._module)
        if self._namespace.get(self._name) is self:  # not replaced meanwhile (a test's monkeypatch)
            self._namespace[self._name] = module
        return getattr(module, attr)

    def __repr__(self) -> str:
        return f"<{self._module} (not imported yet)>"


def lazy_modules(namespace: dict[str, Any], package: str, names: str) -> tuple[LazyModule, ...]:
    """A :class:`LazyModule` for each submodule of ``package`` (relative to clerk_fapi) in ``names``
    (separated by spaces), standing in ``namespace`` under its own name."""
    return tuple(LazyModule(namespace, name, f"{package}.{name}") for name in names.split())


class LazyAttribute(Generic[T]):
    """A class attribute whose value is ``name`` in ``module``, imported the first time it is read;
    it then replaces this descriptor on the class that defines it."""

    def __init__(self, module: str, name: str) -> None:
        self._module = module
        self._name = name
        self._owner: type[Any] | None = None
        self._attribute = name

    def __set_name__(self, owner: type[Any], attribute: str) -> None:
        self._owner = owner
        self._attribute = attribute

    def __get__(self, instance: object, owner: type[Any] | None = None) -> T:
        value: T = getattr(_load(self._module), self._name)
        if self._owner is not None:
            setattr(self._owner, self._attribute, value)
        return value
