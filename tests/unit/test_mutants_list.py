"""The mutant list of ``make mutate`` still fits the code: every snippet is found once in its symbol,
every mutated module compiles, and every area has its tests. Fails when code it names moves or changes,
so the list is updated with the code rather than discovered stale at the next mutation run."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

RUN = Path(__file__).resolve().parents[2] / "mutation" / "run.py"


def _runner() -> ModuleType:
    spec = importlib.util.spec_from_file_location("clerk_fapi_mutation_run", RUN)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


runner = _runner()


@pytest.mark.parametrize("mutant", runner.MUTANTS, ids=lambda m: m.id)
def test_each_mutant_applies_to_its_symbol_and_compiles(mutant: object) -> None:
    path, text = runner.mutated_source(mutant)
    assert text != path.read_text(encoding="utf-8")
    compile(text, str(path), "exec")
    assert runner.test_files(runner.TESTS_BY_AREA[mutant.area])  # type: ignore[attr-defined]


def test_mutant_ids_are_unique_and_each_names_its_promise() -> None:
    ids = [m.id for m in runner.MUTANTS]
    assert len(ids) == len(set(ids))
    assert all(m.promise and m.before != m.after for m in runner.MUTANTS)
