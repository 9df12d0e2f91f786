"""The emulator writes its answers as ``json.dumps`` would, byte for byte, while making the arrays that grow
with the instance (a client's sessions) one item at a time (``clerk_fapi.testing._json_out``)."""

from __future__ import annotations

import json
import weakref
from typing import Any

import httpx
import pytest
from clerk_fapi.testing import Emulator
from clerk_fapi.testing._json_out import LazyArray, encode


def dumps(body: Any) -> bytes:
    return json.dumps(body, separators=(",", ":"), allow_nan=False).encode()


def made_whole(value: Any) -> Any:
    """``value`` with every LazyArray made into a list."""
    if isinstance(value, LazyArray):
        return [made_whole(item) for item in value]
    if isinstance(value, dict):
        return {key: made_whole(item) for key, item in value.items()}
    if isinstance(value, list):
        return [made_whole(item) for item in value]
    return value


BODIES: list[Any] = [
    {"response": {"sessions": LazyArray([1, 2, 3], lambda n: {"id": f"sess_{n}", "n": n})}, "client": None},
    {"sessions": LazyArray([], lambda n: n), "other": [LazyArray(["a"], str.upper)]},
    LazyArray(["é", "日本", "\u2028", "\0"], lambda s: {"name": s, "again": s}),
    {"outer": LazyArray([2, 3], lambda n: {"inner": LazyArray(list(range(n)), lambda i: [i, None, True])})},
    # Strings shaped like the placeholders, before and after the arrays they could be taken for.
    {"a": "\0" + "0" * 32 + ":0", "b": LazyArray([1], lambda n: n), "c": '"\\u0000x:0"', "d": "\0x:0"},
    {"big": 2**70, "float": 0.1, "nested": {"deep": [{"x": LazyArray([1.5], lambda f: f)}]}},
]


@pytest.mark.parametrize("body", BODIES, ids=range(len(BODIES)))
def test_the_bytes_are_json_dumps_of_the_whole_body(body: Any) -> None:
    assert encode(body) == dumps(made_whole(body))


def test_what_json_dumps_refuses_is_refused_alike() -> None:
    with pytest.raises(ValueError, match="JSON compliant"):
        encode({"x": LazyArray([1], lambda n: float("nan"))})
    with pytest.raises(TypeError, match="not JSON serializable"):
        encode({"x": LazyArray([1], lambda n: object())})
    with pytest.raises(TypeError, match="set"):
        encode({"x": {1, 2}})


class _Item(dict[str, Any]):
    """A JSON object that can be watched (dict subclasses take weak references)."""


def test_the_items_are_made_and_dropped_one_at_a_time() -> None:
    alive: list[weakref.ref[_Item]] = []
    most = 0

    def make(n: int) -> _Item:
        nonlocal most
        most = max(most, sum(1 for ref in alive if ref() is not None))
        item = _Item(id=n, payload=list(range(20)))
        alive.append(weakref.ref(item))
        return item

    encode({"sessions": LazyArray(list(range(50)), make)})
    assert len(alive) == 50
    # The item being made, and the one before it (the encoder's loop still names it), at most.
    assert most <= 1


def test_a_client_with_many_sessions_is_answered_whole() -> None:
    """``GET /v1/client`` lists every signed-in session, in order, in JSON as the real service writes it."""
    emulator = Emulator()
    http = httpx.Client(transport=emulator.transport(), base_url="https://fapi.example.test")
    token = http.post("/v1/client", params={"_is_native": "1"}).headers["authorization"]
    for i in range(12):
        emulator.add_user(email_addresses=f"user{i}+clerk_test@example.com", password="a-long-password-1")
        answer = http.post(
            "/v1/client/sign_ins",
            params={"_is_native": "1"},
            headers={"Authorization": token},
            data={
                "strategy": "password",
                "identifier": f"user{i}+clerk_test@example.com",
                "password": "a-long-password-1",
            },
        )
        token = answer.raise_for_status().headers.get("authorization") or token
    got = http.get("/v1/client", params={"_is_native": "1"}, headers={"Authorization": token})
    raw = got.raise_for_status().content
    body = json.loads(raw)
    sessions = body["response"]["sessions"]
    assert [s["public_user_data"]["identifier"] for s in sessions] == [
        f"user{i}+clerk_test@example.com" for i in range(12)
    ]
    assert raw == dumps(body)  # compact, as json.dumps writes it
    http.close()
