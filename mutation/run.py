"""``make mutate``: apply each hand-listed mutant of ``mutants.py`` and run the tests that guard it.

Each mutant names a symbol (``TokenCache.get``, ``parse_retry_after``), an exact source snippet inside
it and its replacement. The symbol is looked up by name in every module of ``facade/clerk_fapi`` (the
emulator aside), so the list survives code moving between modules. The working tree is never
modified: the package is copied to a temporary folder, the copy is mutated and put first on
``PYTHONPATH``, and the mutant's tests run in a fresh ``pytest`` process. A failing run kills the
mutant; a run that passes lets it survive.

The exit status is 1 when a mutant that is not listed as equivalent survives, when a snippet is
missing, or when the unmutated baseline fails.
"""

from __future__ import annotations

import argparse
import ast
import concurrent.futures
import functools
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from mutants import MUTANTS, TESTS_BY_AREA, Mutant

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "facade" / "clerk_fapi"
TESTS = ROOT / "tests"
SKIPPED_DIRS = {"testing", "__pycache__"}


def _modules() -> Iterator[Path]:
    for path in sorted(PACKAGE.rglob("*.py")):
        if not SKIPPED_DIRS & set(path.relative_to(PACKAGE).parts[:-1]):
            yield path


@functools.cache
def _parsed() -> tuple[tuple[Path, ast.Module], ...]:
    return tuple((path, ast.parse(path.read_text(encoding="utf-8"))) for path in _modules())


def _find(body: list[ast.stmt], names: list[str]) -> ast.stmt | None:
    for node in body:
        if isinstance(node, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.name == names[0]:
            if len(names) == 1:
                return node
            return _find(node.body, names[1:])
    return None


def locate(symbol: str) -> tuple[Path, int, int]:
    """The module defining ``symbol`` (``Class.method`` or a function) and its source lines (1-based)."""
    found = []
    for path, tree in _parsed():
        node = _find(tree.body, symbol.split("."))
        if node is not None and node.end_lineno is not None:
            found.append((path, node.lineno, node.end_lineno))
    if len(found) != 1:
        where = ", ".join(str(p.relative_to(ROOT)) for p, _, _ in found) or "no module"
        raise LookupError(f"{symbol} is defined in {where} (expected exactly one module)")
    return found[0]


def mutated_source(mutant: Mutant) -> tuple[Path, str]:
    """The module of ``mutant`` and its text with the snippet replaced (LookupError when it is not
    found exactly once inside the symbol)."""
    path, first, last = locate(mutant.symbol)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    segment = "".join(lines[first - 1 : last])
    count = segment.count(mutant.before)
    if count != 1:
        raise LookupError(
            f"mutant {mutant.id}: its snippet occurs {count} times in {mutant.symbol} "
            f"({path.relative_to(ROOT)}); update mutation/mutants.py"
        )
    segment = segment.replace(mutant.before, mutant.after)
    return path, "".join(lines[: first - 1]) + segment + "".join(lines[last:])


def test_files(patterns: list[str]) -> list[str]:
    """The test files of an area, found by file name wherever the test layers put them, in the order of
    ``patterns`` (the fast ones first: with ``-x`` a killed mutant's run stops at its first failure)."""
    files = list(dict.fromkeys(str(p) for name in patterns for p in sorted(TESTS.rglob(name))))
    if not files:
        raise LookupError(f"no test file matches {patterns}")
    return files


def run_tests(replacement: tuple[Path, str] | None, files: list[str], timeout: float) -> tuple[str, float]:
    """Run ``files`` against a copy of the package (with ``replacement`` written into it)."""
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="clerk-fapi-mutant-") as tmp:
        copy = Path(tmp) / "clerk_fapi"
        shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
        if replacement is not None:
            path, text = replacement
            (copy / path.relative_to(PACKAGE)).write_text(text, encoding="utf-8")
        env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [tmp, os.environ.get("PYTHONPATH")]))
        where = subprocess.run(
            [sys.executable, "-c", "import clerk_fapi; print(clerk_fapi.__file__)"],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        if not where.startswith(tmp):
            raise RuntimeError(f"the tests would import {where}, not the mutated copy")
        command = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *files]
        try:
            result = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return "killed (timeout)", time.monotonic() - started
    outcome = {0: "survived", 1: "killed"}.get(result.returncode, f"error (pytest exit {result.returncode})")
    return outcome, time.monotonic() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("ids", nargs="*", help="run only these mutants")
    parser.add_argument("--jobs", type=int, default=2, help="mutants run at once (default 2)")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per mutant run (default 300)")
    parser.add_argument("--list", action="store_true", help="check that every mutant applies, run nothing")
    args = parser.parse_args(argv)

    mutants = [m for m in MUTANTS if not args.ids or m.id in args.ids]
    try:
        plans = [(m, mutated_source(m), test_files(TESTS_BY_AREA[m.area])) for m in mutants]
    except LookupError as exc:
        print(f"mutate: {exc}", file=sys.stderr)
        return 1
    if args.list:
        for mutant, (path, _), files in plans:
            tests = ", ".join(Path(f).name for f in files)
            print(f"{mutant.id:28} {path.relative_to(ROOT)} :: {mutant.symbol}  [{tests}]")
        return 0

    every_file = sorted({f for _, _, files in plans for f in files})
    print(f"==> baseline: {len(every_file)} test files against the unmutated copy", flush=True)
    outcome, seconds = run_tests(None, every_file, args.timeout)
    if outcome != "survived":
        print(f"mutate: the baseline run did not pass ({outcome}); fix the tests first", file=sys.stderr)
        return 1
    print(f"    passed in {seconds:.0f}s", flush=True)

    results: dict[str, str] = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        futures = {
            pool.submit(run_tests, source, files, args.timeout): mutant for mutant, source, files in plans
        }
        for future in concurrent.futures.as_completed(futures):
            mutant = futures[future]
            outcome, seconds = future.result()
            results[mutant.id] = outcome
            note = "  (listed as equivalent)" if mutant.equivalent else ""
            print(f"{outcome:17} {seconds:5.0f}s  {mutant.id}{note}", flush=True)

    killed = [m for m in mutants if results[m.id].startswith("killed")]
    errors = [m for m in mutants if results[m.id].startswith("error")]
    survivors = [m for m in mutants if results[m.id] == "survived"]
    unexpected = [m for m in survivors if not m.equivalent]
    equivalent = [m for m in mutants if m.equivalent]
    real = len(mutants) - len(equivalent)
    real_killed = len([m for m in killed if not m.equivalent])
    print()
    print(f"killed {len(killed)} of {len(mutants)} mutants ({100 * len(killed) / max(1, len(mutants)):.0f}%)")
    print(
        f"of the {real} not listed as equivalent: killed {real_killed} "
        f"({100 * real_killed / max(1, real):.0f}%)"
    )
    for mutant in [m for m in survivors if m.equivalent]:
        print(f"  survived, equivalent: {mutant.id}: {mutant.equivalent}")
    for mutant in [m for m in killed if m.equivalent]:
        print(f"  killed although listed as equivalent (update mutants.py): {mutant.id}")
    for mutant in unexpected:
        print(f"  SURVIVED: {mutant.id} in {mutant.symbol}: {mutant.promise}")
    for mutant in errors:
        print(f"  ERROR: {mutant.id}: {results[mutant.id]}")
    return 1 if unexpected or errors else 0


if __name__ == "__main__":
    sys.exit(main())
