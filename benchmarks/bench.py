"""Side-by-side measurements of what the facade costs, as ratios against baselines run alongside.

Each measurement pairs the facade with the cheapest honest way to get the same result, timed in the
same run on the same machine, so the ratio means something wherever it runs:

- parse: an answer with N sessions through the generated ``from_dict`` alone (baseline) vs the facade
  (generated parse + conversion to read models);
- round trip: ``GET /v1/client`` with plain httpx on the emulator's in-process transport (baseline)
  vs ``Client.reload()`` over the same transport;
- token: a token request with plain httpx (baseline) vs ``Session.get_token()`` served from the cache;
- memory: the peak allocated while holding 200 facade clients (with their state) vs 200 bare
  ``httpx.Client`` objects on one shared transport.

``make bench`` runs it; progress goes to stderr, the table to stdout.
"""

from __future__ import annotations

import gc
import json
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

import httpx
from clerk_fapi import Client
from clerk_fapi._convert import client_from_envelope
from clerk_fapi.testing import Emulator
from clerk_fapi_raw.models import ClientEnvelope

BASE = "https://fapi.bench.test"


def timed(fn: Callable[[], Any], *, repeat: int = 7, number: int = 200) -> float:
    """Median seconds per call over ``repeat`` rounds of ``number`` calls."""
    rounds = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            fn()
        rounds.append((time.perf_counter() - start) / number)
    return statistics.median(rounds)


def progress(message: str) -> None:
    print(f"... {message}", file=sys.stderr, flush=True)


def signed_in_client(emulator: Emulator, users: int) -> tuple[Client, dict[str, Any]]:
    client = Client(frontend_api=BASE, transport=emulator.transport())
    client.create()
    for i in range(users):
        emulator.add_user(email_addresses=f"bench{i}+clerk_test@example.com", password="bench password 1")
        client.sign_in_with_password(f"bench{i}+clerk_test@example.com", "bench password 1")
    raw = httpx.Client(transport=emulator.transport(), base_url=BASE)
    token = client._engine.auth.store.get("client") or ""
    body = raw.get("/v1/client", params={"_is_native": "1"}, headers={"Authorization": token})
    return client, body.json()


def main() -> int:
    emulator = Emulator()
    rows: list[tuple[str, float, float]] = []

    progress("parse: 5 sessions")
    client, body = signed_in_client(emulator, 5)
    baseline = timed(lambda: ClientEnvelope.from_dict(body))
    facade = timed(lambda: client_from_envelope(ClientEnvelope.from_dict(body)))
    rows.append(("parse a client with 5 sessions", baseline, facade))

    progress("round trip: GET /v1/client")
    http = httpx.Client(transport=emulator.transport(), base_url=BASE)
    store = client._engine.auth.store

    def plain_get() -> None:
        response = http.get(
            "/v1/client", params={"_is_native": "1"}, headers={"Authorization": store.get("client") or ""}
        )
        rotated = response.headers.get("authorization")
        if rotated:
            store.set("client", rotated)
        response.json()

    baseline = timed(plain_get, number=100)
    facade = timed(client.reload, number=100)
    rows.append(("GET /v1/client round trip (in process)", baseline, facade))

    progress("token: cached get_token vs a token request")
    session = client.last_active_session
    assert session is not None
    session.get_token()

    def plain_token() -> None:
        http.post(
            f"/v1/client/sessions/{session.id}/tokens",
            params={"_is_native": "1"},
            headers={"Authorization": store.get("client") or ""},
        ).json()

    baseline = timed(plain_token, number=50)
    facade = timed(session.get_token, number=500)
    rows.append(("session token (cached) vs token request", baseline, facade))

    progress("memory: 200 clients on one shared transport")
    transport = emulator.transport()

    def peak(build: Callable[[], Any]) -> float:
        gc.collect()
        tracemalloc.start()
        held = build()
        _, top = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        del held
        return float(top)

    shared = httpx.Client(transport=transport)
    baseline = peak(lambda: [httpx.Client(transport=transport) for _ in range(200)])
    facade = peak(lambda: [Client(frontend_api=BASE, http_client=shared) for _ in range(200)])
    rows.append(("memory of 200 clients (bytes)", baseline, facade))

    print(f"{'measurement':45} {'baseline':>14} {'facade':>14} {'ratio':>8}")
    for name, base, value in rows:
        unit = "" if "bytes" in name else " us"
        scale = 1 if "bytes" in name else 1e6
        print(f"{name:45} {base * scale:>11.1f}{unit:3} {value * scale:>11.1f}{unit:3} {value / base:>8.2f}")
    print(json.dumps({name: round(value / base, 3) for name, base, value in rows}), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
