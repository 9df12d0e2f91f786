"""The machinery of the fast path (:mod:`clerk_fapi._from_json`): plans and the JSON value readers.

A plan says how one read model is filled from one generated model's JSON object: which keys are
type-checked scalars, which are timestamps, which go to ``extra``. It is worked out once per pair
of models from the rules the reference path uses (``_convert._rules``) and the generated model's
fields, then compiled into a function. The value readers (objects, optional objects, arrays,
strings, mappings) give up with :class:`Unusual` on anything but the usual shape; the per-model
rules and the answers they read are in :mod:`clerk_fapi._from_json`.
"""

from __future__ import annotations

import linecache
from collections.abc import Callable
from typing import Any, Final, TypeVar

import attrs

from . import _convert
from ._convert import _Fill, _rules

__all__ = ["Unusual"]

_T = TypeVar("_T")
# The datetimes of one answer by their Unix milliseconds: an answer repeats its timestamps (a user's
# created_at in each of its identifications...), and each is converted once.
_Stamps = dict[int, Any]
_ABSENT: Final[Any] = object()


class Unusual(Exception):
    """The answer has a shape the fast path does not read; the reference path reads it instead."""


# ----- plans: what the reference path's rules say, worked out once per pair of models --------------
@attrs.frozen
class _Plan:
    """How a read model is filled from one generated model's JSON object."""

    cls: type[Any]
    # (JSON key, attribute, type, None allowed, required): type-checked scalars
    scalars: tuple[tuple[str, str, type[Any], bool, bool], ...]
    # (JSON key, attribute, required): timestamps (Unix milliseconds)
    timestamps: tuple[tuple[str, str, bool], ...]
    # JSON keys that fill an attribute (simple or reshaped); every other key goes to ``extra``
    consumed: frozenset[str]
    # JSON keys the generated model declares without an attribute here (the reference path copies
    # a list value of theirs item by item, recursively: an unusual value there is left to it)
    declared_leftovers: tuple[str, ...]
    # the plan as a function (see _compile): read(data, stamps, reshaped=None, **converted)
    read: Callable[..., Any] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "read", _compile(self))


def _json_key(generated_attribute: str) -> str:
    """The JSON key of a generated attribute (the generator renames ``object``, ``type``...)."""
    return generated_attribute[:-1] if generated_attribute.endswith("_") else generated_attribute


def _plan(source: type[Any], cls: type[Any], reshaped: frozenset[str]) -> _Plan:
    """The plan for ``cls`` read from the JSON of ``source``; ``reshaped`` names the attributes the
    converter below fills itself. Any other attribute that is neither a timestamp nor a scalar would
    need a converter: a programming error, reported when the module loads."""
    fields = {
        a.name: a.default is attrs.NOTHING for a in attrs.fields(source) if a.name != "additional_properties"
    }
    scalars = []
    timestamps = []
    consumed = set()
    for rule in _rules(cls):
        if rule.fill is _Fill.EXTRA or rule.source not in fields:
            continue  # no such generated field: the default stands and the key stays in extra
        key = _json_key(rule.source)
        consumed.add(key)
        required = fields[rule.source]
        if rule.name in reshaped:
            continue
        if rule.fill is _Fill.TIMESTAMP:
            timestamps.append((key, rule.name, required))
        elif rule.fill is _Fill.SCALAR and rule.scalar is not None:
            scalars.append((key, rule.name, rule.scalar[0], rule.scalar[1], required))
        else:
            raise TypeError(f"{cls.__name__}.{rule.name} needs a converter in clerk_fapi._from_json")
    leftovers = tuple(_json_key(name) for name in fields if _json_key(name) not in consumed)
    return _Plan(cls, tuple(scalars), tuple(timestamps), frozenset(consumed), leftovers)


def _compile(plan: _Plan) -> Callable[..., Any]:
    """The plan as a function ``read(data, stamps, reshaped=None, **converted)``: ``plan.cls`` from a
    JSON object, its scalars type-checked and its timestamps converted by the plan (each value once per
    answer: ``stamps`` holds the ones converted so far), ``converted`` as
    given, ``extra`` every key no attribute takes (updated with ``reshaped``); Unusual where the
    object is not of the usual shape.

    Written out as source once per plan, as attrs writes its ``__init__``: a loop interpreting the
    plan costs about twice as much, on every object of every answer."""
    lines = ["def read(data, stamps, reshaped=None, **converted):", "    get = data.get"]
    names = []
    for i, (key, name, kind, nullable, required) in enumerate(plan.scalars):
        names.append(name)
        lines += [f"    v{i} = get({key!r})", f"    if type(v{i}) is not {kind.__name__}:"]
        if not nullable:
            lines.append(f"        raise Unusual({key!r})")
        else:
            absent = f" or {key!r} not in data" if required else ""
            lines += [f"        if v{i} is not None{absent}:", f"            raise Unusual({key!r})"]
    first = len(plan.scalars)
    for i, (key, name, required) in enumerate(plan.timestamps, start=first):
        names.append(name)
        lines += [
            f"    v{i} = get({key!r})",
            f"    if v{i} is not None:",
            f"        if type(v{i}) is not int:",  # a float, a string...: left to the reference path
            f"            raise Unusual({key!r})",
            f"        t = stamps.get(v{i})",  # an answer repeats its timestamps: each converted once
            "        if t is None:",
            f"            t = stamps[v{i}] = _convert.ms_to_datetime(v{i})",
            f"        v{i} = t",
        ]
        if required:
            lines += [f"    elif {key!r} not in data:", f"        raise Unusual({key!r})"]
    # Usually every key fills an attribute: the subset test (in C) spares building ``extra`` key by key.
    lines += [
        "    if data.keys() <= consumed:",
        "        extra = {}",
        "    else:",
        "        extra = {k: v for k, v in data.items() if k not in consumed}",
    ]
    for key in plan.declared_leftovers:
        lines += [f"        if type(extra.get({key!r})) is list:", f"            raise Unusual({key!r})"]
    lines += ["    if reshaped:", "        extra.update(reshaped)"]
    arguments = "".join(f"{name}=v{i}, " for i, name in enumerate(names))
    lines.append(f"    return cls({arguments}extra=extra, **converted)")
    source = "\n".join(lines) + "\n"
    filename = f"<{__name__} read {plan.cls.__name__}>"
    namespace: dict[str, Any] = {
        "cls": plan.cls,
        "consumed": plan.consumed,
        "Unusual": Unusual,
        "_convert": _convert,  # looked up at each use: the timestamp conversion is the reference's
    }
    exec(compile(source, filename, "exec"), namespace)  # the source is written above, from the plan
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)  # for tracebacks
    read: Callable[..., Any] = namespace["read"]
    return read


# ----- values -----------------------------------------------------------------------------------------
def _object(value: Any) -> dict[str, Any]:
    """A JSON object, else Unusual."""
    if type(value) is not dict:
        raise Unusual("object")
    return value


def _optional(value: Any, read: Callable[[dict[str, Any], _Stamps], _T], stamps: _Stamps) -> _T | None:
    """None for null (or an absent key), else ``read`` of the JSON object."""
    if value is None or value is _ABSENT:
        return None
    if type(value) is not dict:
        raise Unusual("object")
    return read(value, stamps)


def _items(
    value: Any, read: Callable[[dict[str, Any], _Stamps], _T], stamps: _Stamps, nullable: bool
) -> tuple[_T, ...]:
    """A JSON array of objects read one by one; absent is empty, and so is null where the schema
    allows it (``nullable``)."""
    if type(value) is not list:
        if value is _ABSENT or (value is None and nullable):
            return ()
        raise Unusual("array")
    read_items = []
    for item in value:
        if type(item) is not dict:
            raise Unusual("array item")
        read_items.append(read(item, stamps))
    return tuple(read_items)


def _strings(value: Any) -> tuple[str, ...]:
    """``_convert._strings``: a JSON array of strings; absent or null is empty."""
    if type(value) is not list:
        if value is _ABSENT or value is None:
            return ()
        raise Unusual("strings")
    for item in value:
        if type(item) is not str:
            raise Unusual("strings")
    return tuple(value)


def _mapping(value: Any) -> dict[str, Any]:
    """``_convert._mapping``: a copy of a JSON object; absent or null is empty."""
    if type(value) is dict:
        return dict(value)
    if value is _ABSENT or value is None:
        return {}
    raise Unusual("object")
