"""How the emulator writes its JSON answers, with the arrays that grow with the instance (a client's
sessions) made and encoded one item at a time.

An answer is otherwise built whole as dicts and lists, then encoded. For a client with a thousand
sessions that is some twenty thousand objects alive at once, which the garbage collector finds alive
run after run, and whose full collections then cost in proportion to everything the process holds:
the cost of an answer grew faster than its size. A :class:`LazyArray` holds the items and the function
that makes each one's JSON value; :func:`encode` makes, encodes and drops them one by one, so only one
session's objects are alive at a time. The bytes are exactly those of ``json.dumps`` of the same body
with every array made whole.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Generic, TypeVar

T = TypeVar("T")

_SEPARATORS = (",", ":")


class LazyArray(Generic[T]):
    """A JSON array of ``make(item)`` for each of ``items``, each made when it is encoded (or iterated)."""

    __slots__ = ("_items", "_make")

    def __init__(self, items: Sequence[T], make: Callable[[T], Any]) -> None:
        self._items = items
        self._make = make

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[Any]:
        for item in self._items:
            yield self._make(item)

    def __repr__(self) -> str:
        return f"LazyArray({len(self._items)} items)"


def encode(body: Any) -> bytes:
    """``json.dumps(body, separators=(",", ":"), allow_nan=False)`` as UTF-8 bytes, each
    :class:`LazyArray` in ``body`` encoded item by item. Raises what ``json.dumps`` raises (ValueError
    for NaN or infinity, TypeError for a value JSON has no type for)."""
    # Each array is first written as a string holding a NUL and a random nonce, then spliced in: no
    # string of the body can be that string (it would have to hold the nonce, drawn after it was made).
    return _text(body, secrets.token_hex(16)).encode()


def _text(value: Any, nonce: str) -> str:
    lazy: list[LazyArray[Any]] = []

    def placeholder(found: Any) -> str:
        if not isinstance(found, LazyArray):
            raise TypeError(f"Object of type {type(found).__name__} is not JSON serializable")
        lazy.append(found)
        return f"\0{nonce}:{len(lazy) - 1}"

    text = json.dumps(value, separators=_SEPARATORS, allow_nan=False, default=placeholder)
    for index, array in enumerate(lazy):
        mark = json.dumps(f"\0{nonce}:{index}")
        items = "[" + ",".join(_text(item, nonce) for item in array) + "]"
        text = text.replace(mark, items, 1)
    return text
