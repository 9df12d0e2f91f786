"""The parse guard turns what a malformed answer raises into ResponseParseError, and nothing else:
a programming error in a converter surfaces as itself, not disguised as a bad answer."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NoReturn

import httpx
import pytest
from clerk_fapi import Client, ResponseParseError, _convert, _raw
from clerk_fapi._answers import parse_answer
from clerk_fapi.testing import Emulator

from .conftest import BASE_URL

NO_CLIENT = {"response": None, "client": None}


def answer(body: Any, status: int = 200) -> httpx.Response:
    request = httpx.Request("GET", BASE_URL + "/v1/client")
    return httpx.Response(status, json=body, request=request)


def divides_by_zero(parsed: Any) -> NoReturn:
    raise ZeroDivisionError("division by zero")


def misspells_a_name(parsed: Any) -> Any:
    return undefined_name  # type: ignore[name-defined]  # noqa: F821


def misspells_an_attribute(parsed: Any) -> Any:
    return parsed.respnse


def adds_text_to_a_number(parsed: Any) -> Any:
    return len(parsed.to_dict()) + "1"


def looks_up_a_missing_key(parsed: Any) -> Any:
    return parsed.to_dict()["no_such_key"]


BUGS: list[tuple[Callable[[Any], Any], type[BaseException]]] = [
    (divides_by_zero, ZeroDivisionError),
    (misspells_a_name, NameError),
    (misspells_an_attribute, AttributeError),
    (adds_text_to_a_number, TypeError),
    (looks_up_a_missing_key, KeyError),
]


@pytest.mark.parametrize(("convert", "raised"), BUGS, ids=[bug.__name__ for bug, _ in BUGS])
def test_a_bug_in_a_converter_surfaces_as_itself(
    convert: Callable[[Any], Any], raised: type[BaseException]
) -> None:
    with pytest.raises(raised) as info:
        parse_answer(_raw.GET_CLIENT, answer(NO_CLIENT), convert)
    assert not isinstance(info.value, ResponseParseError)


@pytest.mark.parametrize(
    "body",
    [
        {"response": {"object": "client", "sessions": "not a list"}, "client": None},
        {"response": {"object": "client", "sessions": [{"object": "session"}]}, "client": None},
        [1, 2, 3],
        "a string",
    ],
    ids=["wrong_type", "missing_required_field", "array", "string"],
)
def test_a_malformed_answer_is_a_response_parse_error(body: Any) -> None:
    with pytest.raises(ResponseParseError):
        parse_answer(_raw.GET_CLIENT, answer(body), _convert.client_from_envelope)


def test_a_body_that_is_not_json_is_a_response_parse_error() -> None:
    response = httpx.Response(200, content=b"<html>", request=httpx.Request("GET", BASE_URL + "/v1/client"))
    with pytest.raises(ResponseParseError, match="not JSON"):
        parse_answer(_raw.GET_CLIENT, response, _convert.client_from_envelope)


def test_a_bug_deep_in_the_conversion_surfaces_through_the_client(
    emu: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A converter helper with a bug (here the timestamp conversion) fails the call with that bug."""
    client = Client(frontend_api=BASE_URL, transport=emu.transport())
    client.create()

    def broken_timestamp(value: Any) -> Any:
        return value + "ms"  # a bug: int + str

    monkeypatch.setattr(_convert, "ms_to_datetime", broken_timestamp)
    with pytest.raises(TypeError):
        client.reload()
    client.close()
