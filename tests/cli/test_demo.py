"""`examples/walkthrough.py` (what `make demo` runs): it walks the documented Client, exits 0, is quick,
always stops the emulator it started, prints exactly the code it runs, and type-checks."""

from __future__ import annotations

import ast
import importlib.util
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from types import ModuleType

import httpx
import pytest
from clerk_fapi.testing import EmulatorServer

from .conftest import clean_env

WALKTHROUGH = Path(__file__).resolve().parents[2] / "examples" / "walkthrough.py"


def load_walkthrough() -> ModuleType:
    spec = importlib.util.spec_from_file_location("walkthrough", WALKTHROUGH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def run_demo(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # The timeout is a hang guard, not a speed check: speed belongs to `make bench`.
    return subprocess.run(
        [sys.executable, str(WALKTHROUGH), *args],
        capture_output=True,
        text=True,
        env=clean_env(home),
        timeout=120,
    )


def test_the_demo_walks_the_documented_client(home: Path) -> None:
    done = run_demo(home)
    assert done.returncode == 0, done.stdout + done.stderr
    out = done.stdout

    # is_new() true at the start and again after destroy(); camelCase names too.
    is_new = re.findall(r">>> client\.(?:is_new|isNew)\(\).*\n\s+(True|False)", out)
    assert is_new[:2] == ["True", "True"] and is_new[-2:] == ["True", "True"]
    assert ">>> client.create()" in out and ">>> client.destroy()" in out
    for documented in ("client.activeSessions", "client.lastActiveSessionId", "client.updatedAt"):
        assert documented in out
    # The sign-up, two sessions, a token with its claims, a switch and an ended session.
    assert "ada+clerk_test@example.com" in out and "424242" in out
    session_ids = set(re.findall(r"sess_[A-Za-z0-9]+", out))
    assert len(session_ids) == 2
    for claim in ("sid", "sub", "iss", "iat", "exp"):
        assert re.search(rf"^\s+{claim}\s+\S+", out, re.MULTILINE), claim
    assert re.search(r"sid\s+sess_", out)
    assert "client.set_active(" in out
    assert re.search(r"sess_\w+ \(ended\)", out)
    # Passwords never shown, nor a whole session token.
    assert "(no password)" not in out and "analytical-engine-1843" not in out
    assert "clerk-emulator-1" not in out
    assert not re.search(r"eyJ[\w-]+\.[\w-]+\.[\w-]+", out)

    # The emulator is gone.
    url = re.search(r"listening on (http://127\.0\.0\.1:\d+)", out)
    assert url is not None
    with pytest.raises(httpx.TransportError):
        httpx.get(url.group(1) + "/v1/environment", timeout=2)


def test_the_demo_prints_the_code_it_runs(home: Path) -> None:
    """Every statement of every step function is printed, in order, from the function's own source."""
    done = run_demo(home)
    assert done.returncode == 0, done.stdout + done.stderr
    shown = [
        line[len("    >>> ") :] if line.startswith("    >>> ") else line[len("    ... ") :]
        for line in done.stdout.splitlines()
        if line.startswith(("    >>> ", "    ... "))
    ]
    source = WALKTHROUGH.read_text(encoding="utf-8")
    module = ast.parse(source)
    functions = {node.name: node for node in module.body if isinstance(node, ast.FunctionDef)}
    steps = [  # the second argument of every `steps.step(title, function, ...)` call in walk()
        call.args[1].id
        for call in ast.walk(functions["walk"])
        if isinstance(call, ast.Call)
        and isinstance(call.func, ast.Attribute)
        and call.func.attr == "step"
        and isinstance(call.args[1], ast.Name)
    ]
    assert len(steps) == 9, steps
    expected: list[str] = []
    for name in steps:
        for statement in functions[name].body:
            segment = ast.get_source_segment(source, statement, padded=True)
            assert segment is not None
            expected += textwrap.dedent(segment).splitlines()
    # Trailing comments are part of the printed line; compare the code itself.
    assert [line.split("  #")[0] for line in shown] == [line.split("  #")[0] for line in expected]


def test_the_demo_on_a_running_emulator(home: Path, server: EmulatorServer) -> None:
    # Twice on the same emulator: the demo picks fresh identities.
    for _ in range(2):
        done = run_demo(home, "--frontend-api", server.url)
        assert done.returncode == 0, done.stdout + done.stderr
        assert f"using the Frontend API at {server.url}" in done.stdout


def test_the_demo_fails_cleanly_on_an_unreachable_frontend_api(home: Path) -> None:
    done = run_demo(home, "--frontend-api", "http://127.0.0.1:9")
    assert done.returncode == 1
    assert "walkthrough failed" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("exception", [RuntimeError, KeyboardInterrupt])
def test_the_emulator_is_stopped_on_error_and_interrupt(exception: type[BaseException]) -> None:
    walkthrough = load_walkthrough()
    seen: list[str] = []
    with pytest.raises(exception), walkthrough.emulator() as url:
        seen.append(url)
        assert httpx.get(url + "/v1/environment", params={"_is_native": "1"}).status_code == 200
        raise exception
    [url] = seen
    with pytest.raises(httpx.TransportError):
        httpx.get(url + "/v1/environment", timeout=2)


def mypy_strict(tmp_path: Path, target: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / "mypy_cache"), str(target)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.slow
def test_the_walkthrough_type_checks(tmp_path: Path) -> None:
    done = mypy_strict(tmp_path, WALKTHROUGH)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Success" in done.stdout


@pytest.mark.slow
def test_the_documented_camelcase_names_type_check(tmp_path: Path) -> None:
    snippet = tmp_path / "documented.py"
    snippet.write_text(
        textwrap.dedent(
            """
            from clerk_fapi import AsyncClient, Client

            def sync(client: Client) -> None:
                print(client.isNew(), client.activeSessions, client.signedInSessions)
                print(client.lastActiveSessionId, client.updatedAt, client.createdAt)
                print(client.signIn, client.signUp)
                for session in client.activeSessions:
                    session.end()  # the alias keeps the bound type: Session, with its methods

            async def asynchronous(client: AsyncClient) -> None:
                print(client.isNew(), client.activeSessions, client.lastActiveSessionId)
                for session in client.activeSessions:
                    await session.end()
            """
        )
    )
    done = mypy_strict(tmp_path, snippet)
    assert done.returncode == 0, done.stdout + done.stderr
