"""Only ``ClerkError`` escapes a call, and a failed call leaves the client as it was.

Each case here once raised something else (``RecursionError``, ``TypeError``, ``httpx.DecodingError``,
``AttributeError`` after the state was replaced, ``UnicodeEncodeError`` on every later call...).
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from clerk_fapi import ClerkAPIError, ClerkError, MemoryTokenStore, ResponseParseError
from clerk_fapi.testing import Emulator, SeededUser

from .conftest import AnyClient, call, sign_in_on_the_side

Answer = Callable[[httpx.Request], httpx.Response]


class Scripted(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """The emulator, unless ``answer`` is set: then every request gets that answer (or raises).
    ``sent`` counts the requests."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.answer: Answer | None = None
        self.sent = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.sent += 1
        if self.answer is not None:
            return self.answer(request)
        response: httpx.Response = self.inner.handle_request(request)
        return response

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.sent += 1
        if self.answer is not None:
            return self.answer(request)
        response: httpx.Response = await self.inner.handle_async_request(request)
        return response


@pytest.fixture
def scripted(emu: Emulator) -> Scripted:
    return Scripted(emu.transport())


@pytest.fixture
async def signed_in(
    make_client: Callable[..., AnyClient],
    scripted: Scripted,
    emu: Emulator,
    store: MemoryTokenStore,
    user: SeededUser,
) -> AnyClient:
    client = make_client(transport=scripted, token_store=store, max_retries=0)
    await call(client.create())
    sign_in_on_the_side(emu, store, user)
    await call(client.reload())
    assert client.sessions
    return client


async def fails_with_state_untouched(
    client: AnyClient, store: MemoryTokenStore, operation: Callable[[], Any], expected: type[ClerkError]
) -> ClerkError:
    """Runs ``operation``; it must raise ``expected`` and change neither the state nor the token."""
    before, token = client.state, store.get("client")
    with pytest.raises(expected) as info:
        await call(operation())
    assert client.state is before
    assert store.get("client") == token
    return info.value


def json_answer(status: int, content: bytes, **headers: str) -> Answer:
    """An answer as a server sends it: the body is streamed, read (and decoded) by the client."""
    return lambda request: httpx.Response(
        status,
        stream=httpx.ByteStream(content),
        headers={"Content-Type": "application/json", "Content-Length": str(len(content)), **headers},
    )


DEEP = b"[" * 100_000 + b"]" * 100_000
DEEP_OBJECT = json.dumps({"response": {"object": "client", "id": "c"}})[:-2].encode() + (
    b', "unsafe_metadata": ' + b'{"a":' * 5_000 + b"1" + b"}" * 5_000 + b"}}"
)


@pytest.mark.parametrize(
    ("status", "content", "expected"),
    [
        (200, DEEP, ResponseParseError),
        (200, DEEP_OBJECT, ResponseParseError),
        (422, DEEP, ClerkAPIError),
        (500, DEEP, ClerkAPIError),
    ],
    ids=["deep_array", "deep_metadata", "deep_error_422", "deep_error_500"],
)
async def test_deeply_nested_json_is_a_clerk_error(
    signed_in: AnyClient,
    scripted: Scripted,
    store: MemoryTokenStore,
    status: int,
    content: bytes,
    expected: type[ClerkError],
) -> None:
    scripted.answer = json_answer(status, content)
    await fails_with_state_untouched(signed_in, store, signed_in.reload, expected)


@pytest.mark.parametrize(
    "errors",
    [
        [{"code": 5, "message": "x"}],
        [{"code": "a"}, {"code": ["b"]}],
        [{"code": "a", "long_message": {"no": "text"}}],
        [{"code": "a", "message": 7}],
    ],
    ids=["code_int", "second_code_list", "long_message_object", "message_int"],
)
async def test_an_error_body_with_non_string_fields_is_a_typed_api_error(
    signed_in: AnyClient, scripted: Scripted, store: MemoryTokenStore, errors: list[dict[str, Any]]
) -> None:
    scripted.answer = json_answer(422, json.dumps({"errors": errors}).encode())
    error = await fails_with_state_untouched(signed_in, store, signed_in.reload, ClerkAPIError)
    assert isinstance(error, ClerkAPIError)
    assert error.status_code == 422
    assert all(isinstance(code, str) for code in error.codes)


@pytest.mark.parametrize("encoding", ["gzip", "deflate"])
@pytest.mark.parametrize("status", [200, 500])
async def test_a_body_that_fails_its_content_encoding_is_a_parse_error(
    signed_in: AnyClient, scripted: Scripted, store: MemoryTokenStore, encoding: str, status: int
) -> None:
    scripted.answer = json_answer(status, b"this is not compressed at all", **{"Content-Encoding": encoding})
    error = await fails_with_state_untouched(signed_in, store, signed_in.reload, ResponseParseError)
    assert "Content-Encoding" in str(error)


async def test_a_token_rotated_on_an_answer_with_a_broken_encoding_is_kept(
    signed_in: AnyClient, scripted: Scripted, store: MemoryTokenStore
) -> None:
    scripted.answer = json_answer(
        500, b"not gzip", **{"Content-Encoding": "gzip", "Authorization": "rotated-with-a-broken-body"}
    )
    with pytest.raises(ResponseParseError):
        await call(signed_in.reload())
    assert store.get("client") == "rotated-with-a-broken-body"


@pytest.mark.parametrize(
    "exc",
    [
        httpx.DecodingError("bad body"),
        httpx.TooManyRedirects("loop"),
        httpx.LocalProtocolError("bad request"),
        httpx.RequestError("anything else"),
    ],
    ids=lambda e: type(e).__name__,
)
async def test_every_httpx_request_error_becomes_a_clerk_error(
    signed_in: AnyClient, scripted: Scripted, store: MemoryTokenStore, exc: httpx.RequestError
) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        raise exc

    scripted.answer = answer
    await fails_with_state_untouched(signed_in, store, signed_in.reload, ClerkError)


async def test_an_answer_over_the_size_cap_is_refused_without_reading_it_all(
    signed_in: AnyClient, scripted: Scripted, store: MemoryTokenStore
) -> None:
    from clerk_fapi import MAX_ANSWER_BYTES

    produced = 0

    def chunks() -> Any:
        nonlocal produced
        chunk = b" " * 65536
        while produced < 4 * MAX_ANSWER_BYTES:
            produced += len(chunk)
            yield chunk

    class Endless(httpx.SyncByteStream, httpx.AsyncByteStream):
        def __iter__(self) -> Any:
            return chunks()

        async def __aiter__(self) -> Any:
            for chunk in chunks():
                yield chunk

    scripted.answer = lambda request: httpx.Response(
        200, stream=Endless(), headers={"Content-Type": "application/json"}
    )
    error = await fails_with_state_untouched(signed_in, store, signed_in.reload, ResponseParseError)
    assert "MiB" in str(error)
    assert produced <= MAX_ANSWER_BYTES + 65536


async def test_an_answer_announcing_a_length_over_the_cap_is_refused_before_reading(
    signed_in: AnyClient, scripted: Scripted, store: MemoryTokenStore
) -> None:
    from clerk_fapi import MAX_ANSWER_BYTES

    read = False

    class Announced(httpx.SyncByteStream, httpx.AsyncByteStream):
        def __iter__(self) -> Any:
            nonlocal read
            read = True
            yield b"{}"

        async def __aiter__(self) -> Any:
            nonlocal read
            read = True
            yield b"{}"

    scripted.answer = lambda request: httpx.Response(
        200,
        stream=Announced(),
        headers={"Content-Type": "application/json", "Content-Length": str(MAX_ANSWER_BYTES + 1)},
    )
    await fails_with_state_untouched(signed_in, store, signed_in.reload, ResponseParseError)
    assert read is False


async def test_a_compressed_answer_that_expands_over_the_cap_is_refused(
    signed_in: AnyClient, scripted: Scripted, store: MemoryTokenStore
) -> None:
    from clerk_fapi import MAX_ANSWER_BYTES

    bomb = gzip.compress(b" " * (MAX_ANSWER_BYTES + 1))
    assert len(bomb) < MAX_ANSWER_BYTES // 100
    scripted.answer = json_answer(200, bomb, **{"Content-Encoding": "gzip"})
    await fails_with_state_untouched(signed_in, store, signed_in.reload, ResponseParseError)


async def test_an_answer_just_under_the_cap_is_read(
    signed_in: AnyClient, scripted: Scripted, emu: Emulator, store: MemoryTokenStore
) -> None:
    from clerk_fapi import MAX_ANSWER_BYTES

    good = emu.transport().handle_request(
        httpx.Request(
            "GET",
            "https://fapi.example.test/v1/client?_is_native=1",
            headers={"Authorization": store.get("client") or ""},
        )
    )
    good.read()
    body = good.content
    padded = body[:-1] + b" " * (MAX_ANSWER_BYTES - len(body)) + body[-1:]
    assert len(padded) == MAX_ANSWER_BYTES
    scripted.answer = json_answer(200, padded)
    await call(signed_in.reload())
    assert signed_in.sessions


# ----- wrong shapes are refused, not coerced ------------------------------------------------------
def emulator_answer(emu: Emulator, store: MemoryTokenStore, method: str, path: str) -> dict[str, Any]:
    """What the emulator answers (as JSON) to this device's request, to be bent into a wrong shape."""
    response = emu.transport().handle_request(
        httpx.Request(
            method,
            f"https://fapi.example.test{path}?_is_native=1",
            headers={"Authorization": store.get("client") or ""},
        )
    )
    response.read()
    body: dict[str, Any] = response.json()
    return body


def session_of(body: dict[str, Any]) -> dict[str, Any]:
    session: dict[str, Any] = body["response"]["sessions"][0]
    return session


CLIENT_SHAPES: dict[str, Callable[[dict[str, Any]], None]] = {
    "jwt_int": lambda b: session_of(b)["last_active_token"].update(jwt=123),
    "jwt_list": lambda b: session_of(b)["last_active_token"].update(jwt=["x"]),
    "sessions_object": lambda b: b["response"].update(sessions={}),
    "sessions_empty_string": lambda b: b["response"].update(sessions=""),
    "email_addresses_object": lambda b: session_of(b)["user"].update(email_addresses={}),
    "factor_age_string": lambda b: session_of(b).update(factor_verification_age="abc"),
    "factor_age_strings": lambda b: session_of(b).update(factor_verification_age=["1", "2"]),
    "metadata_pairs": lambda b: session_of(b)["user"].update(public_metadata=[["a", 1]]),
    "metadata_string": lambda b: session_of(b)["user"].update(unsafe_metadata="{}"),
}


@pytest.mark.parametrize("bend", list(CLIENT_SHAPES.values()), ids=list(CLIENT_SHAPES))
async def test_a_client_of_the_wrong_shape_is_refused_not_coerced(
    signed_in: AnyClient,
    scripted: Scripted,
    emu: Emulator,
    store: MemoryTokenStore,
    bend: Callable[[dict[str, Any]], None],
) -> None:
    body = emulator_answer(emu, store, "GET", "/v1/client")
    bend(body)
    scripted.answer = json_answer(200, json.dumps(body).encode())
    await fails_with_state_untouched(signed_in, store, signed_in.reload, ResponseParseError)


@pytest.mark.parametrize("operation", ["reload", "create", "remove_sessions"])
async def test_a_204_is_not_an_empty_client(
    signed_in: AnyClient, scripted: Scripted, store: MemoryTokenStore, operation: str
) -> None:
    scripted.answer = lambda request: httpx.Response(204)
    await fails_with_state_untouched(signed_in, store, getattr(signed_in, operation), ResponseParseError)
    assert signed_in.sessions


@pytest.mark.parametrize("jwt", [123, ["a.b.c"], {"jwt": "a.b.c"}, True])
async def test_a_token_whose_jwt_is_not_a_string_is_refused(
    signed_in: AnyClient, scripted: Scripted, store: MemoryTokenStore, jwt: object
) -> None:
    scripted.answer = json_answer(200, json.dumps({"object": "token", "jwt": jwt}).encode())
    await fails_with_state_untouched(
        signed_in, store, lambda: signed_in.get_token(skip_cache=True), ResponseParseError
    )
    scripted.answer = None
    assert await call(signed_in.get_token())


@pytest.mark.parametrize(
    ("section", "field", "value"),
    [
        ("auth_config", "first_factors", "abc"),
        ("auth_config", "identification_strategies", {}),
        ("auth_config", "second_factors", [1, 2]),
    ],
)
async def test_an_environment_of_the_wrong_shape_is_refused_and_the_cached_one_kept(
    signed_in: AnyClient,
    scripted: Scripted,
    emu: Emulator,
    store: MemoryTokenStore,
    section: str,
    field: str,
    value: object,
) -> None:
    cached = await call(signed_in.get_environment())
    body = emulator_answer(emu, store, "GET", "/v1/environment")
    body[section][field] = value
    scripted.answer = json_answer(200, json.dumps(body).encode())
    with pytest.raises(ResponseParseError):
        await call(signed_in.get_environment(refresh=True))
    assert await call(signed_in.get_environment()) is cached


# ----- a rotated token that cannot travel back is refused, the previous one kept ------------------
BAD_TOKENS = ["tök-ñ", "a\x01b", "a\x7fb", "日本"]


@pytest.mark.parametrize("token", BAD_TOKENS, ids=["latin1", "control", "delete", "cjk"])
@pytest.mark.parametrize("status", [200, 500])
async def test_a_rotated_client_token_that_is_not_printable_ascii_is_not_stored(
    signed_in: AnyClient, scripted: Scripted, store: MemoryTokenStore, token: str, status: int
) -> None:
    scripted.answer = lambda request: httpx.Response(
        status, headers=[(b"Authorization", token.encode("utf-8"))], json={"response": None, "client": None}
    )
    error = await fails_with_state_untouched(signed_in, store, signed_in.reload, ResponseParseError)
    assert token not in str(error)
    # Every later call still works with the previous token.
    scripted.answer = None
    await call(signed_in.reload())
    assert signed_in.sessions


@pytest.mark.parametrize("token", BAD_TOKENS, ids=["latin1", "control", "delete", "cjk"])
async def test_a_rotated_cookie_or_dev_browser_token_that_is_not_printable_ascii_is_not_stored(
    make_client: Callable[..., AnyClient], token: str
) -> None:
    emu = Emulator()
    scripted = Scripted(emu.transport())
    store = MemoryTokenStore()
    client = make_client(
        transport=scripted, token_store=store, mode="browser", dev_browser=True, max_retries=0
    )
    await call(client.create())
    before = (client.state, store.get("client"), store.get("dev_browser"))
    for header in (
        (b"Set-Cookie", b"__client=" + token.encode("utf-8") + b"; Path=/"),
        (b"Clerk-Db-Jwt", token.encode("utf-8")),
    ):
        scripted.answer = lambda request, header=header: httpx.Response(200, headers=[header], json={})  # type: ignore[misc]
        with pytest.raises(ResponseParseError):
            await call(client.reload())
        assert (client.state, store.get("client"), store.get("dev_browser")) == before
    scripted.answer = None
    await call(client.reload())


async def test_a_stored_token_that_cannot_be_sent_is_a_token_store_error(
    make_client: Callable[..., AnyClient], scripted: Scripted
) -> None:
    from clerk_fapi import TokenStoreError

    client = make_client(transport=scripted, token_store=MemoryTokenStore(client="tök"), max_retries=0)
    with pytest.raises(TokenStoreError) as info:
        await call(client.reload())
    assert "tök" not in str(info.value)
    assert scripted.sent == 0


# ----- misuse: a closed client, a second event loop, a store that is not one ------------------------
async def test_a_closed_client_raises_client_closed_error(
    make_client: Callable[..., AnyClient], scripted: Scripted, store: MemoryTokenStore
) -> None:
    from clerk_fapi import AsyncClient, ClientClosedError

    client = make_client(transport=scripted, token_store=store)
    await call(client.create())
    await call(client.aclose() if isinstance(client, AsyncClient) else client.close())
    sent = scripted.sent
    await fails_with_state_untouched(client, store, client.reload, ClientClosedError)
    await fails_with_state_untouched(client, store, client.get_environment, ClientClosedError)
    assert scripted.sent == sent


async def test_a_client_whose_http_client_was_closed_by_its_owner_raises_client_closed_error(
    kind: str, scripted: Scripted, store: MemoryTokenStore
) -> None:
    from clerk_fapi import AsyncClient, Client, ClientClosedError

    client: AnyClient
    if kind == "sync":
        http = httpx.Client(transport=scripted)
        client = Client(frontend_api="https://fapi.example.test", http_client=http, token_store=store)
        await call(client.create())
        http.close()
    else:
        ahttp = httpx.AsyncClient(transport=scripted)
        client = AsyncClient(frontend_api="https://fapi.example.test", http_client=ahttp, token_store=store)
        await call(client.create())
        await ahttp.aclose()
    await fails_with_state_untouched(client, store, client.reload, ClientClosedError)


def test_an_async_client_used_from_a_second_event_loop_raises_a_clerk_error(emu: Emulator) -> None:
    import asyncio

    from clerk_fapi import AsyncClient, ConfigurationError
    from clerk_fapi.testing import EmulatorServer

    with EmulatorServer(emu).start() as server:
        client = AsyncClient(frontend_api=server.url, max_retries=0)
        asyncio.run(client.create())
        before = client.state
        with pytest.raises(ConfigurationError, match="event loop"):
            asyncio.run(client.reload())
        assert client.state is before


@pytest.mark.parametrize(
    "token_store",
    [object(), {"client": "x"}, "a-path-not-a-store"],
    ids=["object", "dict", "string"],
)
def test_a_token_store_without_get_and_set_is_refused_by_the_constructor(token_store: object) -> None:
    from clerk_fapi import AsyncClient, Client, ConfigurationError

    for cls in (Client, AsyncClient):
        with pytest.raises(ConfigurationError, match="token_store"):
            cls(frontend_api="https://fapi.example.test", token_store=token_store)  # type: ignore[arg-type]


async def test_a_store_path_that_is_a_directory_is_a_token_store_error(
    make_client: Callable[..., AnyClient], scripted: Scripted, tmp_path: Any
) -> None:
    from clerk_fapi import FileTokenStore, TokenStoreError

    store = FileTokenStore(tmp_path)
    client = make_client(transport=scripted, token_store=store)
    before = client.state
    with pytest.raises(TokenStoreError):
        await call(client.reload())
    assert client.state is before
    assert scripted.sent == 0
