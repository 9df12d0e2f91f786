"""``make bench`` works: every case of benchmarks/bench.py runs once on tiny bodies, and the report and plot
are written. Nothing here is timed: speed targets are read from ``make bench``, never asserted in tests."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "bench.py"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("clerk_fapi_bench", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_bodies_hold_the_sessions_asked_for(bench: ModuleType) -> None:
    body = bench.client_body(2)
    sessions = json.loads(body)["response"]["sessions"]
    assert len(sessions) == 2
    grown = json.loads(bench._replicated(body, 5))["response"]["sessions"]
    assert len(grown) == 5
    assert len({s["id"] for s in grown}) == 5, "replicated sessions get fresh ids"
    assert len(json.loads(bench.users_body(body))) == 2


def test_every_case_runs_once_and_the_report_is_written(bench: ModuleType, tmp_path: Path) -> None:
    body = bench.client_body(2)
    one, two = bench.signed_in_client(1), bench.signed_in_client(2)
    cases = [
        bench.parse_case(body, 2),
        bench.peer_case(body, 2),
        bench.reload_case(body, 2),
        bench.async_case(body, tasks=3),
        *bench.loopback_cases(number=1),
        *bench.token_cases(two, 2),
        bench.sessions_case(two, one, 2),
        *bench.startup_cases(),
    ]
    try:
        assert len(cases[0].subject().sessions) == 2
        assert len(cases[2].subject().sessions) == 2, "reload reads the static body"
        assert len(cases[1].subject()) == 2, "the peer parses both users"
        measured = [bench.measure(case, rounds=1, budget=0.0) for case in cases]
    finally:  # servers and clients are closed by the cases' cleanup, which measure() runs
        for case in cases:
            if case.cleanup is not None and not case.ratios:
                case.cleanup()
    assert all(len(case.ratios) == 1 and case.ratios[0] > 0 for case in measured)
    memory = [bench.memory_row(body, 2)]
    assert memory[0][1] > 0 and memory[0][2] > 0
    text = bench.table(measured, memory)
    assert text.count("\n") == len(measured) + len(memory) + 1
    plot = tmp_path / "sessions.png"
    bench.plot({"facade parse": {1: 0.001, 2: 0.002}, "json.loads": {1: 0.0001, 2: 0.0002}}, plot)
    assert plot.read_bytes().startswith(b"\x89PNG")
