"""Sync and async twins (``Client``/``AsyncClient``, ``Session``/``AsyncSession``...): one surface,
documented once.

The async twin of a class mirrors every public method of the sync one, with the same parameters
and ``async``; the two cannot share their bodies (one calls, the other awaits), so each is one line
that hands an operation of :mod:`clerk_fapi._ops` to its client. Their documentation is written once,
on the sync twin: :func:`documented_by` gives each public method of the async twin its sync twin's
docstring. A test holds the twins to the same methods, parameters and docstrings.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any, Final, TypeVar

__all__ = ["ASYNC_NAMES", "documented_by"]

C = TypeVar("C", bound=type[Any])

ASYNC_NAMES: Final = {"aclose": "close"}
"""Async methods whose sync twin has another name."""


def documented_by(sync_cls: type[Any]) -> Callable[[C], C]:
    """A class decorator for the async twin of ``sync_cls``: each public method without a docstring
    takes its sync twin's; a public method without a sync twin is a :class:`TypeError`."""

    def decorate(async_cls: C) -> C:
        for name, member in vars(async_cls).items():
            if name.startswith("_") or not inspect.isfunction(member):
                continue
            twin = getattr(sync_cls, ASYNC_NAMES.get(name, name), None)
            if twin is None:
                raise TypeError(f"{async_cls.__name__}.{name} has no twin in {sync_cls.__name__}")
            if member.__doc__ is None:
                member.__doc__ = twin.__doc__
        return async_cls

    return decorate
