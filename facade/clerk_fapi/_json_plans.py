"""The machinery of the fast path (:mod:`clerk_fapi._from_json`): plans and the JSON value readers.

A plan says how one read model is filled from one generated model's JSON object: which keys are
type-checked scalars, which are timestamps, which go to ``extra``. It is worked out once per pair
of models from the rules the reference path uses (``_convert._rules``) and the generated model's
fields, then compiled into two functions:

- the general reader, which takes each key on its own (absent keys, every type check spelt out);
- the shaped reader, which the fast path calls. A server sends the objects of one kind with the
  same keys, so the plan compiles, for each set of keys it meets (the object's *shape*), a reader
  of just that shape: each value taken by its key (an absent one is None, as in the general
  reader), the type checks of the present ones, ``extra`` as one dict display in the order of the
  first object of that shape. The nested objects, lists, mappings and strings a plan names
  (:class:`Nested`) are read inside the compiled readers too, with no call per value. A shape the
  general reader would give up on (a required key missing), and any new shape once the plan has
  seen :data:`MAX_SHAPES`, is read by the general reader.

The readers allocate as little as they can: every allocation counts towards the garbage collector's
next run, which is a good part of the cost of reading a large answer. For the same reason a list of
objects is released item by item as it is read (each item replaced by None once its read model is
made): the decoded JSON is the reader's own (``parse_answer`` decodes it for the fast path alone, and
the generated layer reads the answer again from its bytes when the fast path gives up), so a large
answer is never held twice, decoded and read, and the collector has about as many objects to deal
with as ``json.loads`` alone leaves it. Whoever calls a reader hands it the JSON to consume.

The value readers (objects, optional objects, arrays, strings, mappings) give up with
:class:`Unusual` on anything but the usual shape; the per-model rules and the answers they read
are in :mod:`clerk_fapi._from_json`.
"""

from __future__ import annotations

import linecache
import threading
from collections.abc import Callable, Mapping
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
# Shapes remembered per plan; past these, objects of new shapes are read by the general reader.
MAX_SHAPES: Final = 64
# What the shaped reader learns of a shape the general reader refuses (a required key missing, or a
# key that may not be null): objects of that shape are read by the general reader.
_GENERAL: Final[Any] = object()
# The default of a keyword whose attribute defaults to a factory (called when the keyword is not given).
_FACTORY: Final[Any] = object()


class Unusual(Exception):
    """The answer has a shape the fast path does not read; the reference path reads it instead."""


# ----- plans: what the reference path's rules say, worked out once per pair of models --------------
@attrs.frozen
class Nested:
    """How the compiled readers fill a reshaped attribute from its JSON key: ``object`` as
    :func:`_optional` with ``read``; ``items``, a JSON array of objects each read with ``read``
    (absent is empty, and so is null when ``nullable``, as the schema allows); ``mapping`` as
    :func:`_mapping`; ``strings`` as :func:`_strings`."""

    kind: str
    read: Callable[[dict[str, Any], _Stamps], Any] | None = None
    nullable: bool = True


def nested_object(read: Callable[[dict[str, Any], _Stamps], Any]) -> Nested:
    return Nested("object", read)


def nested_items(read: Callable[[dict[str, Any], _Stamps], Any], *, nullable: bool) -> Nested:
    return Nested("items", read, nullable)


NESTED_MAPPING: Final = Nested("mapping")
NESTED_STRINGS: Final = Nested("strings")


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
    # (attribute, JSON key, how): the nested objects, lists, mappings and strings the readers fill
    nested: tuple[tuple[str, str, Nested], ...] = ()
    # the plan as functions: read(data, stamps, reshaped=None, **converted), the shaped reader
    # (see _compile_shaped) the fast path calls, and general, the general reader (see _compile)
    read: Callable[..., Any] = attrs.field(init=False, repr=False, eq=False)
    general: Callable[..., Any] = attrs.field(init=False, repr=False, eq=False)
    # what the shaped reader has learnt: the reader of each shape by its keys, and the first shape of
    # each number of keys with its reader (what the shaped reader looks up first, allocating nothing)
    learnt: dict[frozenset[str], Any] = attrs.field(init=False, repr=False, eq=False, factory=dict)
    shapes: dict[int, tuple[frozenset[str], Any]] = attrs.field(
        init=False, repr=False, eq=False, factory=dict
    )

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "general", _compile(self))
        object.__setattr__(self, "read", _compile_shaped(self))

    @property
    def keys(self) -> tuple[str, ...]:
        """The JSON keys of the scalars, then of the timestamps: the order of the readers' values
        (``v0``, ``v1``...)."""
        return tuple(s[0] for s in self.scalars) + tuple(t[0] for t in self.timestamps)

    def learn(self, data: dict[str, Any]) -> Any:
        """The reader of ``data``'s shape (the set of its keys): :data:`_GENERAL` when the general
        reader would give up on any object of that shape (a required key missing, or a key that may
        not be null), else one compiled for the shape (:func:`_compile_shape`), ``extra`` in the
        order of the first object of that shape. Remembered for :data:`MAX_SHAPES` shapes; past
        them, new shapes are read by the general reader."""
        keyset = frozenset(data)
        shaped = self.learnt.get(keyset)
        if shaped is not None:
            return shaped
        if len(self.learnt) >= MAX_SHAPES:
            return _GENERAL
        present = {key for key in self.keys if key in keyset}
        required = {s[0] for s in self.scalars if s[4] or not s[3]} | {t[0] for t in self.timestamps if t[2]}
        shaped = _GENERAL if not required <= present else _compile_shape(self, tuple(data), present)
        with _LEARNING:
            if len(self.learnt) < MAX_SHAPES:
                self.learnt.setdefault(keyset, shaped)
                self.shapes.setdefault(len(keyset), (keyset, shaped))
        return shaped


# Guards what the shaped readers learn (a reader never waits for it: lookups take no lock).
_LEARNING: Final = threading.Lock()


def _json_key(generated_attribute: str) -> str:
    """The JSON key of a generated attribute (the generator renames ``object``, ``type``...)."""
    return generated_attribute[:-1] if generated_attribute.endswith("_") else generated_attribute


def _plan(
    source: type[Any], cls: type[Any], reshaped: frozenset[str], nested: Mapping[str, Nested] | None = None
) -> _Plan:
    """The plan for ``cls`` read from the JSON of ``source``; ``reshaped`` names the attributes the
    converter fills itself, ``nested`` those the readers fill as it says. Any other attribute that is
    neither a timestamp nor a scalar would need a converter: a programming error, reported when the
    module loads."""
    nested = nested or {}
    reshaped = reshaped | frozenset(nested)
    nested_keys: dict[str, str] = {}
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
        if rule.name in nested:
            nested_keys[rule.name] = key
        if rule.name in reshaped:
            continue
        if rule.fill is _Fill.TIMESTAMP:
            timestamps.append((key, rule.name, required))
        elif rule.fill is _Fill.SCALAR and rule.scalar is not None:
            scalars.append((key, rule.name, rule.scalar[0], rule.scalar[1], required))
        else:
            raise TypeError(f"{cls.__name__}.{rule.name} needs a converter in clerk_fapi._from_json")
    leftovers = tuple(_json_key(name) for name in fields if _json_key(name) not in consumed)
    missing = set(nested) - set(nested_keys)
    if missing:
        raise TypeError(f"{cls.__name__}: {sorted(missing)} are not fields of {source.__name__}")
    readers = tuple((name, nested_keys[name], how) for name, how in nested.items())
    return _Plan(cls, tuple(scalars), tuple(timestamps), frozenset(consumed), leftovers, readers)


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
        lines += [f"    v{i} = get({key!r})", *(f"    {line}" for line in _timestamp_lines(i, key))]
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
    namespace: dict[str, Any] = {
        "cls": plan.cls,
        "consumed": plan.consumed,
        "Unusual": Unusual,
        "_convert": _convert,  # looked up at each use: the timestamp conversion is the reference's
    }
    return _exec(lines, f"<{__name__} read {plan.cls.__name__}>", namespace)


def _timestamp_lines(i: int, key: str) -> list[str]:
    """The source turning ``v<i>``, the value of ``key``, into its datetime (None stays None)."""
    return [
        f"if v{i} is not None:",
        f"    if type(v{i}) is not int:",  # a float, a string...: left to the reference path
        f"        raise Unusual({key!r})",
        f"    t = stamps.get(v{i})",  # an answer repeats its timestamps: each converted once
        "    if t is None:",
        f"        t = stamps[v{i}] = _convert.ms_to_datetime(v{i})",
        f"    v{i} = t",
    ]


def _init_arguments(plan: _Plan, namespace: dict[str, Any]) -> tuple[list[str], list[str], list[str]]:
    """For the plan's readers: the read model's ``__init__`` arguments in its order (``v<i>`` for the
    plan's values, the attribute's name for the others, ``extra``), the keywords a caller may give
    (with their defaults, put in ``namespace``) and those whose default is a factory."""
    filled = {name: f"v{i}" for i, name in enumerate(s[1] for s in (*plan.scalars, *plan.timestamps))}
    nested = {name for name, _key, _how in plan.nested}
    keywords = []
    factories = []
    arguments = []
    for field in attrs.fields(plan.cls):
        if not field.init:
            continue
        if field.name == "extra":
            value = "extra"
        elif field.name in filled:
            value = filled[field.name]
        elif field.name in nested:
            value = field.name
        else:
            value = field.alias
            if field.default is attrs.NOTHING:
                keywords.append(value)
            elif isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
                keywords.append(f"{value}=FACTORY")
                factories.append(value)
                namespace[f"factory_{value}"] = field.default.factory
            else:
                keywords.append(f"{value}=default_{value}")
                namespace[f"default_{value}"] = field.default
        arguments.append(f"{field.alias}={value}" if field.kw_only else value)
    return arguments, keywords, factories


def _compile_shaped(plan: _Plan) -> Callable[..., Any]:
    """The plan's shaped reader, ``read(data, stamps, reshaped=None, **converted)``: what the general
    reader (:func:`_compile`) returns, read by the reader compiled for ``data``'s shape when the plan
    has one (see the module's docstring); the general reader reads the others. ``converted`` may
    name any attribute the plan does not fill; those not given take their defaults, as they do in
    the general reader. The shape is found without allocating (a lookup by the number of keys, then
    a comparison of the key sets): every allocation counts towards the garbage collector's next run."""
    namespace: dict[str, Any] = {
        "shapes": plan.shapes,
        "learn": plan.learn,
        "general": plan.general,
        "GENERAL": _GENERAL,
        "FACTORY": _FACTORY,
        "ABSENT": _ABSENT,
        "Unusual": Unusual,
    }
    for name, _key, how in plan.nested:
        namespace[f"nested_{name}"] = how.read
    _arguments, keywords, factories = _init_arguments(plan, namespace)
    given = [k.split("=")[0] for k in keywords] + sorted(name for name, _key, _how in plan.nested)
    passed = "".join(f", {n}" for n in given)
    signature = ", ".join(["data", "stamps", "reshaped=None", *(["*", *keywords] if keywords else [])])
    lines = [f"def read({signature}):"]
    for name in factories:
        lines += [f"    if {name} is FACTORY:", f"        {name} = factory_{name}()"]
    lines += _nested_lines(plan)
    lines += [
        "    known = shapes.get(len(data))",
        "    if known is not None and data.keys() == known[0]:",
        "        shaped = known[1]",
        "    else:",
        "        shaped = learn(data)",
        "    if shaped is GENERAL:",
        f"        return general(data, stamps, reshaped{''.join(f', {n}={n}' for n in given)})",
        f"    return shaped(data, stamps, reshaped{passed})",
    ]
    return _exec(lines, f"<{__name__} shaped read {plan.cls.__name__}>", namespace)


def _compile_shape(plan: _Plan, order: tuple[str, ...], present: set[str]) -> Callable[..., Any]:
    """The reader of the objects whose keys are ``order`` (none missing that the general reader
    requires, none null that it refuses as null): what the general reader returns, with each value
    taken by its key, each absent one None, the type checks of the present ones and ``extra`` as one
    dict display (the keys for it, which the server chose, are given to the function as values,
    never written into its source)."""
    namespace: dict[str, Any] = {"cls": plan.cls, "Unusual": Unusual, "_convert": _convert}
    arguments, keywords, _factories = _init_arguments(plan, namespace)
    given = [k.split("=")[0] for k in keywords] + sorted(name for name, _key, _how in plan.nested)
    extra_keys = [k for k in order if k not in plan.consumed]
    names = [f"e{i}" for i in range(len(extra_keys))]
    lines = [
        f"def make({', '.join(names)}):",
        f"    def read(data, stamps, reshaped{''.join(f', {n}' for n in given)}):",
    ]
    body = []
    for i, (key, _name, kind, nullable, _required) in enumerate(plan.scalars):
        if key not in present:
            body.append(f"v{i} = None")
            continue
        alternative = f" and v{i} is not None" if nullable else ""
        body += [f"v{i} = data[{key!r}]", f"if type(v{i}) is not {kind.__name__}{alternative}:"]
        body.append(f"    raise Unusual({key!r})")
    for i, (key, _name, _required) in enumerate(plan.timestamps, start=len(plan.scalars)):
        if key not in present:
            body.append(f"v{i} = None")
            continue
        body += [f"v{i} = data[{key!r}]", *_timestamp_lines(i, key)]
    body.append(f"extra = {{{', '.join(f'{n}: data[{n}]' for n in names)}}}")
    for name, key in zip(names, extra_keys, strict=True):
        if key in plan.declared_leftovers:
            body += [f"if type(data[{name}]) is list:", f"    raise Unusual({name})"]
    body += ["if reshaped:", "    extra.update(reshaped)", f"return cls({', '.join(arguments)})"]
    lines += [f"        {line}" for line in body]
    lines.append("    return read")
    make = _exec(lines, f"<{__name__} read {plan.cls.__name__} of {len(order)} keys>", namespace, "make")
    shaped: Callable[..., Any] = make(*extra_keys)  # the server's keys, as values
    return shaped


def _nested_lines(plan: _Plan) -> list[str]:
    """The source reading the plan's nested attributes into locals of their names, as :class:`Nested`
    says (what the value readers do, written out: no call per value)."""
    lines = []
    for name, key, how in plan.nested:
        if how.kind == "object":
            lines += [
                f"    n = data.get({key!r})",
                "    if n is None:",
                f"        {name} = None",
                "    elif type(n) is dict:",
                f"        {name} = nested_{name}(n, stamps)",
                "    else:",
                f"        raise Unusual({key!r})",
            ]
        elif how.kind == "items":
            absent = "n is ABSENT or n is None" if how.nullable else "n is ABSENT"
            lines += [
                f"    n = data.get({key!r}, ABSENT)",
                "    if type(n) is list:",
                "        if n:",
                "            items = []",
                "            for i in range(len(n)):",
                "                item = n[i]",
                "                if type(item) is not dict:",
                f"                    raise Unusual({key!r})",
                "                n[i] = None",
                f"                items.append(nested_{name}(item, stamps))",
                f"            {name} = tuple(items)",
                "        else:",
                f"            {name} = ()",
                f"    elif {absent}:",
                f"        {name} = ()",
                "    else:",
                f"        raise Unusual({key!r})",
            ]
        elif how.kind == "mapping":
            lines += [
                f"    {name} = data.get({key!r})",
                f"    if type({name}) is not dict:",
                f"        if {name} is not None:",
                f"            raise Unusual({key!r})",
                f"        {name} = {{}}",
            ]
        elif how.kind == "strings":
            lines += [
                f"    n = data.get({key!r})",
                "    if type(n) is list:",
                "        for item in n:",
                "            if type(item) is not str:",
                f"                raise Unusual({key!r})",
                f"        {name} = tuple(n)",
                "    elif n is None:",
                f"        {name} = ()",
                "    else:",
                f"        raise Unusual({key!r})",
            ]
        else:  # pragma: no cover - a programming error
            raise TypeError(f"unknown nested kind {how.kind!r}")
    return lines


def _exec(
    lines: list[str], filename: str, namespace: dict[str, Any], name: str = "read"
) -> Callable[..., Any]:
    """The function ``name`` that ``lines`` define, compiled in ``namespace`` (its source kept for
    tracebacks)."""
    source = "\n".join(lines) + "\n"
    exec(compile(source, filename, "exec"), namespace)  # the source is written from a plan
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    defined: Callable[..., Any] = namespace[name]
    return defined


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
    """``_convert._mapping``: a JSON object; absent or null is empty. Not copied: the decoded answer is
    the parse's own (nothing else holds it), as are the values that go to ``extra``."""
    if type(value) is dict:
        return value
    if value is _ABSENT or value is None:
        return {}
    raise Unusual("object")
