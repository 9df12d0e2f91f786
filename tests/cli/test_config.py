"""Configuration of the command line, in process: where the state file goes on each platform, the
environment variables, and what reaches the wire (the testing token). The transport is the emulator's
in-process one, so a publishable key for a real-looking host works offline."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import httpx
import pytest
from clerk_fapi import Client, cli
from clerk_fapi.cli import commands, context, output, runner
from clerk_fapi.testing import Emulator

HOST = "foo-bar-13.clerk.accounts.dev"
KEY = "pk_test_Zm9vLWJhci0xMy5jbGVyay5hY2NvdW50cy5kZXYk"


@pytest.mark.parametrize(
    ("platform", "environ", "expected"),
    [
        ("linux", {"HOME": "/home/u", "XDG_CONFIG_HOME": "/xdg"}, "/xdg/clerk-fapi/{host}.json"),
        ("linux", {"HOME": "/home/u"}, "/home/u/.config/clerk-fapi/{host}.json"),
        (
            "linux",
            {"HOME": "/home/u", "XDG_CONFIG_HOME": "relative"},
            "/home/u/.config/clerk-fapi/{host}.json",
        ),
        ("darwin", {"HOME": "/Users/u"}, "/Users/u/Library/Application Support/clerk-fapi/{host}.json"),
        ("win32", {"HOME": "/h", "APPDATA": "/appdata"}, "/appdata/clerk-fapi/{host}.json"),
        ("win32", {"HOME": "/h"}, "/h/AppData/Roaming/clerk-fapi/{host}.json"),
    ],
)
def test_default_store_path(platform: str, environ: dict[str, str], expected: str) -> None:
    path = cli.default_store_path(f"https://{HOST}", platform=platform, environ=environ)
    assert path == Path(expected.format(host=HOST))


def test_one_store_per_host_and_port() -> None:
    env = {"HOME": "/h"}
    loopback = cli.default_store_path("http://127.0.0.1:8787", platform="linux", environ=env)
    assert loopback.name == "127.0.0.1_8787.json"
    assert loopback != cli.default_store_path("http://127.0.0.1:8788", platform="linux", environ=env)


class Recorder(httpx.BaseTransport):
    def __init__(self, inner: httpx.BaseTransport) -> None:
        self.inner = inner
        self.requests: list[httpx.Request] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return self.inner.handle_request(request)


@pytest.fixture
def wire(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Recorder:
    """Every Client the CLI builds talks to an in-process emulator through this recorder."""
    recorder = Recorder(Emulator().transport())
    made: list[dict[str, Any]] = []

    def factory(*args: Any, **kwargs: Any) -> Client:
        made.append(kwargs)
        return Client(*args, transport=recorder, **kwargs)

    monkeypatch.setattr(runner, "Client", factory)
    for name in ("CLERK_PUBLISHABLE_KEY", "CLERK_FRONTEND_API", "CLERK_TESTING_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    return recorder


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = cli.main(list(argv), stdin=io.StringIO(), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def test_publishable_key_from_the_environment(
    wire: Recorder, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("CLERK_PUBLISHABLE_KEY", KEY)
    status, out, err = run("--json", "status")
    assert status == 0, err
    data = json.loads(out)
    assert data["frontend_api"] == f"https://{HOST}"
    assert data["store"] == str(tmp_path / "xdg" / "clerk-fapi" / f"{HOST}.json")
    assert {r.url.host for r in wire.requests} == {HOST}
    assert all(r.url.params.get("_is_native") == "1" for r in wire.requests)


def test_the_option_wins_over_the_environment(wire: Recorder, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLERK_FRONTEND_API", "https://env.example.test")
    status, out, _ = run("--frontend-api", "https://option.example.test", "status", "--json")
    assert status == 0
    assert json.loads(out)["frontend_api"] == "https://option.example.test"


@pytest.mark.parametrize("where", ["option", "environment"])
def test_the_testing_token_is_sent(wire: Recorder, monkeypatch: pytest.MonkeyPatch, where: str) -> None:
    args = ["--publishable-key", KEY, "status"]
    if where == "option":
        args[0:0] = ["--testing-token", "tt_123"]
    else:
        monkeypatch.setenv("CLERK_TESTING_TOKEN", "tt_123")
    status, out, _ = run(*args)
    assert status == 0
    assert wire.requests
    assert all(r.url.params.get("__clerk_testing_token") == "tt_123" for r in wire.requests)
    assert "tt_123" not in out


def test_the_store_option(wire: Recorder, tmp_path: Path) -> None:
    store = tmp_path / "elsewhere" / "state.json"
    status, out, _ = run("--publishable-key", KEY, "--store", str(store), "--json", "status")
    assert status == 0
    assert json.loads(out)["store"] == str(store)


def test_usage_errors_exit_2(wire: Recorder) -> None:
    with pytest.raises(SystemExit) as missing:
        run("status")
    assert missing.value.code == 2
    with pytest.raises(SystemExit) as bad_key:
        run("--publishable-key", "pk_live_aW52YWxpZGtleSQ=", "status")
    assert bad_key.value.code == 2
    with pytest.raises(SystemExit) as not_loopback:
        run("--frontend-api", "http://example.com", "status")
    assert not_loopback.value.code == 2


def test_keyboard_interrupt_exits_130(wire: Recorder, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(ctx: context.Context) -> int:
        raise KeyboardInterrupt

    monkeypatch.setitem(commands.COMMANDS, "status", interrupted)
    status, out, _ = run("--publishable-key", KEY, "status")
    assert status == cli.EXIT_INTERRUPTED
    assert out == ""


def test_table_aligns_columns() -> None:
    text = output.table(("A", "LONGER"), [("wide cell", "x"), ("y", "z")])
    lines = text.splitlines()
    assert lines == ["A          LONGER", "wide cell  x", "y          z"]


def test_python_dash_m_main_returns_the_status(wire: Recorder) -> None:
    from clerk_fapi.__main__ import main

    assert main(["--publishable-key", KEY, "status", "--json"]) == 0
