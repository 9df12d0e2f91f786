"""The readers compiled per shape (``clerk_fapi._json_plans``) give what the general reader gives, for
any key order, for shapes of as many keys, past the number of shapes remembered, and whatever keys the
server chose for ``extra``."""

from __future__ import annotations

from typing import Any

import pytest
from clerk_fapi import _json_plans
from clerk_fapi._json_plans import MAX_SHAPES, Unusual, _plan
from clerk_fapi._models import PublicUserData
from clerk_fapi_raw import models as generated

PUBLIC_USER = {
    "first_name": "Jane",
    "last_name": None,
    "image_url": "https://img.example/1",
    "has_image": False,
    "identifier": "jane@example.com",
    "username": None,
    "profile_image_url": "https://img.example/1",
    "object": "public_user_data",
}


def fresh_plan() -> Any:
    """A plan of its own (the module's plans remember the shapes of every test)."""
    return _plan(generated.PublicUserData, PublicUserData, frozenset())


def read_both(plan: Any, data: dict[str, Any]) -> tuple[Any, Any]:
    return plan.read(data, {}), plan.general(data, {})


def test_a_shape_is_compiled_once_and_reads_as_the_general_reader() -> None:
    plan = fresh_plan()
    for _ in range(3):
        shaped, general = read_both(plan, dict(PUBLIC_USER))
        assert shaped == general and shaped.extra == general.extra == {"object": "public_user_data"}
    assert len(plan.learnt) == 1


def test_another_key_order_reads_the_same() -> None:
    plan = fresh_plan()
    read_both(plan, dict(PUBLIC_USER))
    reordered = dict(reversed(list(PUBLIC_USER.items())))
    shaped, general = read_both(plan, reordered)
    assert shaped == general and shaped.extra == general.extra
    assert len(plan.learnt) == 1


def test_shapes_of_as_many_keys_each_read_as_the_general_reader() -> None:
    plan = fresh_plan()
    other = {k: v for k, v in PUBLIC_USER.items() if k != "username"} | {"locale": "fr"}
    assert len(other) == len(PUBLIC_USER)
    for data in [PUBLIC_USER, other, PUBLIC_USER, other]:
        shaped, general = read_both(plan, dict(data))
        assert shaped == general and shaped.extra == general.extra
    assert len(plan.learnt) == 2


def test_past_the_shapes_remembered_the_general_reader_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    plan = fresh_plan()
    for i in range(MAX_SHAPES):
        read_both(plan, PUBLIC_USER | {f"added_{i}": i})
    assert len(plan.learnt) == MAX_SHAPES
    compiled: list[Any] = []
    monkeypatch.setattr(_json_plans, "_compile_shape", lambda *args: compiled.append(args))
    shaped, general = read_both(plan, PUBLIC_USER | {"one_more": True})
    assert shaped == general and shaped.extra["one_more"] is True
    assert compiled == [] and len(plan.learnt) == MAX_SHAPES


def test_the_servers_keys_are_values_never_source() -> None:
    plan = fresh_plan()
    odd = {'a"}) or __import__("os").getcwd() #': 1, "line\nbreak": 2, "\\": 3, "'": 4}
    shaped, general = read_both(plan, PUBLIC_USER | odd)
    assert shaped == general and shaped.extra == general.extra == {"object": "public_user_data", **odd}


def test_a_shape_the_general_reader_refuses_is_refused() -> None:
    plan = fresh_plan()
    wrong = PUBLIC_USER | {"has_image": "no"}
    with pytest.raises(Unusual):
        plan.read(wrong, {})
    with pytest.raises(Unusual):
        plan.general(wrong, {})
