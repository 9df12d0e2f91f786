"""``read_answer`` leaves a streamed answer as httpx's own ``Response.read()`` would: the decoded body in
``content``, ``text`` and ``json()``, the status and headers as they came (pins the httpx in use)."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator

import httpx
import pytest
from clerk_fapi._answers import BrokenAnswer, read_answer

BODY = {"response": {"object": "client", "sessions": []}, "client": None}


class _Chunks(httpx.SyncByteStream):
    """A body that arrives in chunks and is not read until someone iterates it (like a socket's)."""

    def __init__(self, data: bytes) -> None:
        self._data = data

    def __iter__(self) -> Iterator[bytes]:
        for i in range(0, len(self._data), 7):
            yield self._data[i : i + 7]


@pytest.mark.parametrize("encoding", [None, "gzip"])
def test_the_read_answer_holds_the_decoded_body(encoding: str | None) -> None:
    raw = json.dumps(BODY).encode()
    headers = {"Content-Type": "application/json", "X-Clerk-Trace-Id": "trace"}
    if encoding:
        raw = gzip.compress(raw)
        headers["Content-Encoding"] = encoding
    transport = httpx.MockTransport(lambda request: httpx.Response(200, stream=_Chunks(raw), headers=headers))
    with httpx.Client(transport=transport) as http:
        streamed = http.send(http.build_request("GET", "https://fapi.example.test/v1/client"), stream=True)
        answer = read_answer(streamed)
        streamed.close()
    assert not isinstance(answer, BrokenAnswer)
    assert streamed.is_stream_consumed
    assert answer.status_code == 200
    assert answer.headers["x-clerk-trace-id"] == "trace"
    assert answer.content == json.dumps(BODY).encode()
    assert answer.json() == BODY
    assert json.loads(answer.text) == BODY
    assert answer.request.url.path == "/v1/client"
