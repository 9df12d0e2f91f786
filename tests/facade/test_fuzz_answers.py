"""Fuzzing the engine with bad answers: only ``ClerkError`` escapes, and a failed call changes nothing.

Every example signs a client in (a good answer), then sends one operation a bad answer drawn by
hypothesis: a good answer with one value replaced or removed anywhere in its JSON, random JSON,
random bytes, deeply nested JSON, a broken ``Content-Encoding``, strange headers (a rotated token
of any text, ``Retry-After``, content types) on any status, or an httpx exception. The call must
succeed or raise a ``ClerkError``; when it raises, the client's state is the very same snapshot and
the stored token is the previous one, or the rotated one the answer carried when it can be sent.
"""

from __future__ import annotations

import asyncio
import copy
import functools
import gzip
import json
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from clerk_fapi import AsyncClient, ClerkAPIError, ClerkError, Client, MemoryTokenStore
from clerk_fapi.testing import Emulator
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import BASE_URL, PASSWORD, call

# How many bad answers each test tries (the README quotes these figures).
SYNC_EXAMPLES = 1200
ASYNC_EXAMPLES = 300
BROWSER_EXAMPLES = 300
FUZZ = settings(
    max_examples=SYNC_EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@functools.cache
def good_answers() -> dict[str, Any]:
    """One real answer (JSON) of the emulator per kind of call, for a signed-in native client."""
    emu = Emulator()
    emu.add_user(email_addresses="fuzz+clerk_test@example.com", password=PASSWORD, first_name="Fuzz")
    bodies: dict[str, Any] = {}

    def keep(request: httpx.Request) -> httpx.Response:
        response = emu.transport().handle_request(request)
        response.read()
        bodies[kind_of(request)] = response.json()
        return response

    with Client(frontend_api=BASE_URL, transport=httpx.MockTransport(keep)) as client:
        client.start_sign_in("fuzz+clerk_test@example.com")
        client.start_sign_up(email_address="new+clerk_test@example.com")
        session = client.sign_in_with_password("fuzz+clerk_test@example.com", PASSWORD)
        client.reload()
        client.get_environment()
        session.get_token(skip_cache=True)
        session.touch()
    return bodies


def kind_of(request: httpx.Request) -> str:
    path = request.url.path
    for suffix in ("/tokens", "/environment", "/sign_ins", "/sign_ups", "/touch"):
        if path.endswith(suffix):
            return suffix
    return "/client"


# ----- bad answers ---------------------------------------------------------------------------------
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
texts = st.text(max_size=40) | st.sampled_from(["", "Bearer", "bearer ", "tök", "a\x01b", "x" * 300])
statuses = st.sampled_from([200, 201, 204, 302, 400, 401, 403, 404, 409, 422, 429, 500, 503]) | st.integers(
    100, 599
)
COOKIE_VALUES = ["rotated", "", "tök", "a b", 'q"uoted']
COOKIE_ATTRIBUTES = [
    "Path=/",
    "Path=/elsewhere",
    "Domain=example.test",
    "Domain=other.example",
    "Max-Age=0",
    "Max-Age=-1",
    "Max-Age=3600",
    "Max-Age=abc",
    "Expires=Thu, 01 Jan 1970 00:00:00 GMT",
    "Expires=not a date",
    "Secure",
    "HttpOnly",
]
EXCEPTIONS = [
    httpx.ConnectError("refused"),
    httpx.ReadTimeout("slow"),
    httpx.RemoteProtocolError("bad"),
    httpx.ReadError("reset"),
    httpx.DecodingError("bad body"),
    httpx.TooManyRedirects("loop"),
    httpx.UnsupportedProtocol("h3"),
]


def paths_of(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += paths_of(item, (*prefix, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found += paths_of(item, (*prefix, i))
    return found


@st.composite
def mutated(draw: st.DrawFn, body: Any) -> Any:
    """``body`` with one value anywhere replaced by random JSON, or removed."""
    body = copy.deepcopy(body)
    path = draw(st.sampled_from(paths_of(body)[1:] or [()]))
    if not path:
        return draw(json_values)
    parent = functools.reduce(lambda node, key: node[key], path[:-1], body)
    if draw(st.booleans()) and isinstance(parent, dict):
        del parent[path[-1]]
    else:
        parent[path[-1]] = draw(json_values)
    return body


Drawn = tuple[str, Any, int, list[tuple[bytes, bytes]]]


@st.composite
def answers(draw: st.DrawFn) -> Drawn:
    """(kind, body or exception, status, extra headers): ``body`` is built per request."""
    kind = draw(st.sampled_from(["mutated", "json", "bytes", "deep", "encoding", "headers", "exception"]))
    status = draw(statuses)
    headers: list[tuple[bytes, bytes]] = []
    if draw(st.booleans()):
        headers.append((b"Authorization", draw(texts).encode("utf-8")))
    if draw(st.booleans()):
        headers.append((b"Retry-After", draw(texts | st.integers(-10, 10**12).map(str)).encode("utf-8")))
    if draw(st.booleans()):
        cookie = draw(st.sampled_from(COOKIE_VALUES) | texts)
        attributes = draw(st.lists(st.sampled_from(COOKIE_ATTRIBUTES), max_size=3))
        headers.append((b"Set-Cookie", "; ".join([f"__client={cookie}", *attributes]).encode("utf-8")))
    if draw(st.booleans()):
        headers.append((b"Content-Type", draw(st.sampled_from([b"application/json", b"text/html", b"x/y"]))))
    if kind == "exception":
        return kind, draw(st.sampled_from(EXCEPTIONS)), status, headers
    if kind == "mutated":
        return kind, draw(st.data()), draw(st.sampled_from([200, 200, 200, 422, 500])), headers
    if kind == "json":
        return kind, json.dumps(draw(json_values)).encode(), status, headers
    if kind == "bytes":
        return kind, draw(st.binary(max_size=200)), status, headers
    if kind == "deep":
        depth = draw(st.integers(500, 50_000))
        return kind, b'{"response":' + b"[" * depth + b"]" * depth + b"}", status, headers
    if kind == "encoding":
        encoding = draw(st.sampled_from([b"gzip", b"deflate", b"br", b"identity", b"x-unknown"]))
        headers.append((b"Content-Encoding", encoding))
        content = draw(st.binary(max_size=64) | st.just(gzip.compress(b'{"response": null}')))
        return kind, content, draw(statuses), headers
    return kind, None, status, headers  # "headers": the good body with strange headers


def make_answer(
    drawn: tuple[str, Any, int, list[tuple[bytes, bytes]]],
) -> Callable[[httpx.Request], httpx.Response]:
    kind, body, status, headers = drawn

    def answer(request: httpx.Request) -> httpx.Response:
        good = good_answers()[kind_of(request)]
        if kind == "exception":
            raise body
        if kind == "mutated":
            content = json.dumps(body.draw(mutated(good))).encode()
        elif kind == "headers":
            content = json.dumps(good).encode()
        else:
            content = body
        SENT[:] = [content]
        return httpx.Response(status, headers=headers, stream=httpx.ByteStream(content))

    return answer


# The body of the last bad answer served (what the check compares a replaced state with).
SENT: list[bytes] = []


def carried_client(content: bytes) -> dict[str, Any] | None:
    """The client an error body carries (``client`` or ``meta.client``), as the JSON sent."""
    try:
        body = json.loads(content)
    except (ValueError, RecursionError):
        return None
    if not isinstance(body, dict):
        return None
    meta = body.get("meta")
    found = body.get("client") or (meta.get("client") if isinstance(meta, dict) else None)
    return found if isinstance(found, dict) else None


# ----- the operations and what "nothing changed" means -------------------------------------------
OPERATIONS: dict[str, Callable[[Any], Any]] = {
    "reload": lambda c: c.reload(),
    "create": lambda c: c.create(),
    "remove_sessions": lambda c: c.remove_sessions(),
    "get_environment": lambda c: c.get_environment(refresh=True),
    "get_token": lambda c: c.get_token(skip_cache=True),
    "touch": lambda c: c.last_active_session.touch(),
    "start_sign_in": lambda c: c.start_sign_in("fuzz+clerk_test@example.com"),
    "start_sign_up": lambda c: c.start_sign_up(email_address="new+clerk_test@example.com"),
}


def expected_token(previous: str | None, headers: list[tuple[bytes, bytes]], kind: str) -> set[str | None]:
    """The tokens the store may hold after a failed call: the previous one, or the rotated one."""
    allowed: set[str | None] = {previous}
    rotated = [v for k, v in headers if k == b"Authorization"]
    if rotated and kind != "exception":
        text = rotated[-1].decode("utf-8").strip()
        if text.isascii() and text.isprintable():
            allowed.add(None if text.lower() in ("", "bearer") else text)
    return allowed


class Scripted(httpx.BaseTransport, httpx.AsyncBaseTransport):
    def __init__(self) -> None:
        self.answer: Callable[[httpx.Request], httpx.Response] = self.good

    @staticmethod
    def good(request: httpx.Request) -> httpx.Response:
        content = json.dumps(good_answers()[kind_of(request)]).encode()
        headers = {"Authorization": "good-token", "Set-Cookie": "__client=good-token; Path=/"}
        return httpx.Response(200, headers=headers, content=content)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self.answer(request)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return self.answer(request)


def check(
    client: Any, store: MemoryTokenStore, drawn: Any, before: Any, env: Any, token: Any, outcome: Any
) -> None:
    if isinstance(outcome, ClerkError):
        if client.state is not before:
            # The one allowed change: an error answer that carries a client (client or meta.client)
            # replaces the state with that client, whole (clerk-js and Flutter apply it too).
            carried = carried_client(SENT[0]) if SENT else None
            assert isinstance(outcome, ClerkAPIError), f"{type(outcome).__name__} changed the state"
            assert carried is not None, "the state changed but the error answer carried no client"
            assert client.state.id == carried["id"]
            # A mutated carried client may lack (or null) updated_at and sessions: the state then holds none.
            held = client.state.updated_at
            assert (None if held is None else int(held.timestamp() * 1000)) == carried.get("updated_at")
            assert len(client.state.sessions) == len(carried.get("sessions") or [])
        assert client._environment is env
        if client.mode == "native":
            assert store.get("client") in expected_token(token, drawn[3], drawn[0])
        else:  # browser mode: the previous cookie, or one the answer set, deleted, but always sendable
            stored = store.get("client")
            assert stored is None or (stored.isascii() and stored.isprintable())
    elif isinstance(outcome, BaseException):
        raise AssertionError(f"{type(outcome).__name__} escaped: {outcome!r}") from outcome


RAN = {"sync": 0, "async": 0, "browser": 0}


Setup = tuple[asyncio.AbstractEventLoop, Any, Scripted, MemoryTokenStore]


@pytest.fixture(scope="module")
def sync_client() -> Iterator[Setup]:
    loop = asyncio.new_event_loop()
    transport, store = Scripted(), MemoryTokenStore()
    with Client(frontend_api=BASE_URL, transport=transport, token_store=store, max_retries=0) as client:
        client.get_environment()
        yield loop, client, transport, store
    loop.close()


@pytest.fixture(scope="module")
def browser_client() -> Iterator[Setup]:
    loop = asyncio.new_event_loop()
    transport, store = Scripted(), MemoryTokenStore()
    with Client(
        frontend_api=BASE_URL,
        transport=transport,
        token_store=store,
        max_retries=0,
        mode="browser",
        dev_browser=False,
    ) as client:
        client.get_environment()
        yield loop, client, transport, store
    loop.close()


@pytest.fixture(scope="module")
def async_client() -> Iterator[Setup]:
    loop = asyncio.new_event_loop()
    transport, store = Scripted(), MemoryTokenStore()
    client = AsyncClient(frontend_api=BASE_URL, transport=transport, token_store=store, max_retries=0)
    loop.run_until_complete(client.get_environment())
    yield loop, client, transport, store
    loop.run_until_complete(client.aclose())
    loop.close()


def run_example(setup: Setup, drawn: Drawn, operation: str) -> None:
    """A fresh signed-in snapshot, then one operation with the bad answer; then the promise."""
    loop, client, transport, store = setup

    async def scenario() -> None:
        transport.answer = transport.good
        await call(client.reload())
        before, env, token = client.state, client._environment, store.get("client")
        transport.answer = make_answer(drawn)
        SENT.clear()
        try:
            await call(OPERATIONS[operation](client))
            outcome: BaseException | None = None
        except Exception as exc:
            outcome = exc
        check(client, store, drawn, before, env, token, outcome)
        if operation == "get_environment" and outcome is None:
            transport.answer = transport.good
            await call(client.get_environment(refresh=True))

    loop.run_until_complete(scenario())


@FUZZ
@given(drawn=answers(), operation=st.sampled_from(sorted(OPERATIONS)))
def test_only_clerk_errors_escape_and_a_failed_call_changes_nothing(
    sync_client: Setup, drawn: Drawn, operation: str
) -> None:
    run_example(sync_client, drawn, operation)
    RAN["sync"] += 1


@settings(FUZZ, max_examples=ASYNC_EXAMPLES)
@given(drawn=answers(), operation=st.sampled_from(sorted(OPERATIONS)))
def test_the_async_client_holds_the_same_promise(async_client: Setup, drawn: Drawn, operation: str) -> None:
    run_example(async_client, drawn, operation)
    RAN["async"] += 1


@settings(FUZZ, max_examples=BROWSER_EXAMPLES)
@given(drawn=answers(), operation=st.sampled_from(sorted(OPERATIONS)))
def test_browser_mode_holds_the_same_promise(browser_client: Setup, drawn: Drawn, operation: str) -> None:
    run_example(browser_client, drawn, operation)
    RAN["browser"] += 1


def test_the_fuzz_tests_ran_every_example() -> None:
    # Runs after the two above (file order): a filter or a health check must not have cut them short.
    assert RAN["sync"] in (0, *range(SYNC_EXAMPLES, 10 * SYNC_EXAMPLES))
    assert RAN["async"] in (0, *range(ASYNC_EXAMPLES, 10 * ASYNC_EXAMPLES))
    assert RAN["browser"] in (0, *range(BROWSER_EXAMPLES, 10 * BROWSER_EXAMPLES))
