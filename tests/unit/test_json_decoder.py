"""The fast path's JSON decoder (msgspec's with the ``speedups`` extra, else ``json.loads``) changes the
speed of reading an answer, never its result: where it decodes, it gives what ``json.loads`` gives, type
for type; what it refuses is read by the generated layer, as every answer was before it."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from clerk_fapi import _answers, _convert, _raw
from clerk_fapi._answers import decode_json, parse_answer
from clerk_fapi._errors import ResponseParseError

msgspec = pytest.importorskip("msgspec", reason="the speedups extra (msgspec) is not installed")

SESSION_USER = {
    "object": "user",
    "id": "user_1",
    "email_addresses": [],
    "phone_numbers": [],
    "web3_wallets": [],
    "external_accounts": [],
    "passkeys": [],
    "created_at": 1700000000000,
    "updated_at": 1700000000000,
}


def client_body(metadata: str) -> bytes:
    """A ``GET /v1/client`` answer whose user's public metadata is the JSON text ``metadata``."""
    user = json.dumps(SESSION_USER)[:-1] + f', "public_metadata": {metadata}}}'
    session = (
        '{"object": "session", "id": "sess_1", "status": "active", "last_active_token": null,'
        f' "created_at": 1700000000000, "updated_at": 1700000000000, "user": {user}}}'
    )
    return (
        '{"response": {"object": "client", "id": "client_1", "sessions": [' + session + "],"
        ' "sign_in": null, "sign_up": null, "last_active_session_id": "sess_1",'
        ' "created_at": 1700000000000, "updated_at": 1700000000000}, "client": null}'
    ).encode()


# JSON msgspec decodes: it must give exactly what json.loads gives.
DECODED = [
    '{"big": 18446744073709551616, "small": -9223372036854775809, "huge": 123456789012345678901234567890}',
    '{"float": 1.0000000000000002, "tiny": 5e-324, "negative_zero": -0.0, "int_zero": -0}',
    '{"twice": 1, "other": 0, "twice": 2}',
    '{"escapes": "\\u00e9\\ud83d\\ude00\\n\\"", "raw": "é😀", "control": "\\u0000"}',
    '{"nested": [[{"a": [true, false, null]}]], "empty": {}, "list": []}',
]
# JSON json.loads takes and msgspec refuses: the generated layer reads it, as before.
REFUSED = [
    '{"lone": "\\ud800"}',
    '{"nan": NaN}',
    '{"beyond": 1e400}',
    '{"infinity": -Infinity}',
]


def exact(value: Any) -> Any:
    """``value`` with every scalar tagged by its type (``1`` is not ``1.0``, nor ``True``)."""
    if isinstance(value, dict):
        return {k: exact(v) for k, v in value.items()}, list(value)
    if isinstance(value, list):
        return [exact(v) for v in value]
    return type(value).__name__, repr(value)


def read(body: bytes) -> Any:
    response = httpx.Response(200, content=body, headers={"content-type": "application/json"})
    return parse_answer(_raw.GET_CLIENT, response, _convert.client_from_envelope)


def test_msgspec_is_the_decoder_in_use() -> None:
    assert decode_json is not json.loads
    assert decode_json(b'{"a": [1, 2.5, "x"]}') == {"a": [1, 2.5, "x"]}


@pytest.mark.parametrize("metadata", DECODED)
def test_what_msgspec_decodes_is_what_json_loads_gives(metadata: str) -> None:
    body = client_body(metadata)
    assert exact(decode_json(body)) == exact(json.loads(body))


@pytest.mark.parametrize("metadata", DECODED + REFUSED)
def test_the_answer_reads_the_same_with_either_decoder(
    metadata: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    body = client_body(metadata)
    with_msgspec = read(body).sessions[0].user.public_metadata
    monkeypatch.setattr(_answers, "decode_json", json.loads)
    with_json = read(body).sessions[0].user.public_metadata
    assert exact(with_msgspec) == exact(with_json) == exact(json.loads(metadata))


@pytest.mark.parametrize("metadata", REFUSED)
def test_what_msgspec_refuses_is_a_value_error(metadata: str) -> None:
    with pytest.raises(ValueError):
        decode_json(client_body(metadata))


@pytest.mark.parametrize("body", [b"", b"{", b'{"response": ', b"\xff\xfe{}", b"[1, 2"])
def test_a_broken_body_is_the_same_parse_error_with_either_decoder(
    body: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(ResponseParseError) as with_msgspec:
        read(body)
    monkeypatch.setattr(_answers, "decode_json", json.loads)
    with pytest.raises(ResponseParseError) as with_json:
        read(body)
    assert str(with_msgspec.value) == str(with_json.value)
