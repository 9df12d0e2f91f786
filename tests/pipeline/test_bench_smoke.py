"""``make bench`` works: every case of benchmarks/bench.py runs once on tiny bodies, and the report and plot
are written. Nothing here is timed: speed targets are read from ``make bench``, never asserted in tests."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import httpx
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
        bench.parse_case(body, 2, stdlib=True),
    ]
    try:
        assert len(cases[0].subject().sessions) == 2
        assert cases[-1].subject() == cases[0].subject(), "the decoder changes the speed, not the result"
        assert bench.decoder_in_use() in ("json.loads", "msgspec (the speedups extra)")
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
    fit = bench.measure_fit(bench.emulator_scaling_fit((1, 3), number=1), rounds=2)
    assert len(fit.exponents) == 2 and all(len(times) == 2 for times in fit.times.values())
    text = bench.table(measured, memory, [fit])
    assert text.count("\n") == len(measured) + len(memory) + 2 + 1
    assert "exponent" in text and "1 → 3 only" in text
    plot = tmp_path / "sessions.png"
    bench.plot({"facade parse": {1: 0.001, 2: 0.002}, "json.loads": {1: 0.0001, 2: 0.0002}}, plot)
    assert plot.read_bytes().startswith(b"\x89PNG")


def test_the_exponent_is_the_slope_on_log_log_axes(bench: ModuleType) -> None:
    assert bench.fitted_exponent({1: 2.0, 10: 20.0, 100: 200.0}) == pytest.approx(1.0)
    assert bench.fitted_exponent({1: 1.0, 10: 100.0, 100: 10_000.0}) == pytest.approx(2.0)
    assert bench.fitted_exponent({1: 5.0, 1000: 5.0}) == pytest.approx(0.0)


def test_seeded_emulator_signs_in_every_user_each_a_member(bench: ModuleType) -> None:
    emulator, token = bench.seeded_emulator(12)
    with httpx.Client(transport=emulator.transport(), base_url=bench.BASE) as http:
        answer = http.get("/v1/client", params={"_is_native": "1"}, headers={"Authorization": token})
    sessions = answer.raise_for_status().json()["response"]["sessions"]
    assert len(sessions) == 12 and len({s["user"]["id"] for s in sessions}) == 12
    assert all(len(s["user"]["organization_memberships"]) == 1 for s in sessions)


def test_the_readme_table_is_refreshed_in_place_between_the_markers(
    bench: ModuleType, tmp_path: Path
) -> None:
    """On a copy of the README: the block between the markers is replaced, every other byte kept."""
    real = BENCH.parents[1] / "README.md"
    copy = tmp_path / "README.md"
    copy.write_bytes(real.read_bytes())
    before = copy.read_text(encoding="utf-8")
    head = before.split(bench.README_BEGIN)[0]
    tail = before.split(bench.README_END)[1]
    bench.refresh_readme(copy, "One run: today.\n\n| case |\n| --- |\n")
    after = copy.read_text(encoding="utf-8")
    assert (
        after == f"{head}{bench.README_BEGIN}\nOne run: today.\n\n| case |\n| --- |\n{bench.README_END}{tail}"
    )
    bench.refresh_readme(copy, "Second run.")
    assert (
        copy.read_text(encoding="utf-8")
        == f"{head}{bench.README_BEGIN}\nSecond run.\n{bench.README_END}{tail}"
    )
    assert real.read_text(encoding="utf-8") == before, "the real README is never written"


@pytest.mark.parametrize(
    "text",
    ["no markers at all\n", "<!-- bench:end -->\n<!-- bench:begin -->\n", "<!-- bench:begin -->\n" * 2],
)
def test_a_readme_without_one_ordered_pair_of_markers_is_left_alone(
    bench: ModuleType, tmp_path: Path, text: str
) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match="bench:begin"):
        bench.refresh_readme(readme, "table")
    assert readme.read_text(encoding="utf-8") == text
