"""The command line never prints a traceback: a reader that stops reading, a broken store, anything."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from clerk_fapi.testing import EmulatorServer, SeededUser

from .conftest import ENTRY_POINT, JANE, PASSWORD, Run, clean_env

TRACEBACK_MARKS = ("Traceback", "BrokenPipeError", "Exception ignored", "Error:")


def no_traceback(stderr: str) -> None:
    for mark in TRACEBACK_MARKS:
        assert mark not in stderr, stderr


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX shell pipeline")
@pytest.mark.parametrize("buffered", [True, False], ids=["buffered", "unbuffered"])
@pytest.mark.parametrize("command", [["token"], ["status", "--json"], ["sessions"]])
def test_a_reader_that_stops_reading_gets_no_traceback(
    run: Run,
    server: EmulatorServer,
    store: Path,
    home: Path,
    jane: SeededUser,
    buffered: bool,
    command: list[str],
) -> None:
    assert run("--json", "sign-in", "--identifier", JANE, "--password", PASSWORD).status == 0
    cli = [str(ENTRY_POINT), "--frontend-api", server.url, "--store", str(store), *command]
    env = clean_env(home)
    if buffered:
        env.pop("PYTHONUNBUFFERED", None)
    # `clerk-fapi token | head -c0`: head exits at once, the CLI then writes into a closed pipe.
    done = subprocess.run(
        ["sh", "-c", f"{shlex.join(cli)} | head -c0"],
        capture_output=True,
        text=True,
        env=env,
        timeout=30,
    )
    no_traceback(done.stderr)
    assert done.stdout == ""


def test_a_pipe_closed_before_the_cli_writes_gives_no_traceback(
    run: Run, server: EmulatorServer, store: Path, home: Path, jane: SeededUser
) -> None:
    assert run("--json", "sign-in", "--identifier", JANE, "--password", PASSWORD).status == 0
    read_end, write_end = os.pipe()
    os.close(read_end)  # nobody will ever read
    try:
        done = subprocess.run(
            [str(ENTRY_POINT), "--frontend-api", server.url, "--store", str(store), "token"],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            env=clean_env(home),
            timeout=30,
        )
    finally:
        os.close(write_end)
    no_traceback(done.stderr)
    assert done.returncode != 0


def test_a_store_path_that_is_a_directory_is_an_error_message(run: Run, store: Path) -> None:
    store.mkdir(parents=True)
    result = run("status")
    no_traceback(result.stderr)
    assert result.status == 1
    assert "token store" in result.stderr


def test_a_stored_token_that_cannot_be_sent_is_an_error_message(run: Run, store: Path) -> None:
    store.parent.mkdir(parents=True)
    store.write_text(json.dumps({"client": "tök"}), encoding="utf-8")
    store.chmod(0o600)
    result = run("status")
    no_traceback(result.stderr)
    assert result.status == 1
    assert "tök" not in result.stderr


@pytest.mark.parametrize("as_json", [False, True], ids=["human", "json"])
def test_an_unexpected_exception_is_one_line_that_does_not_quote_it(
    monkeypatch: pytest.MonkeyPatch, server: EmulatorServer, store: Path, as_json: bool
) -> None:
    import io

    from clerk_fapi import cli
    from clerk_fapi.cli import commands

    def broken(app: object) -> int:
        raise RuntimeError("internal detail with a secret-looking value sk_live_0123")

    monkeypatch.setitem(commands.COMMANDS, "status", broken)
    out, err = io.StringIO(), io.StringIO()
    argv = ["--frontend-api", server.url, "--store", str(store), *(["--json"] if as_json else []), "status"]
    status = cli.main(argv, stdout=out, stderr=err)
    assert status == cli.EXIT_API
    no_traceback(err.getvalue())
    assert "RuntimeError" in err.getvalue()
    assert "sk_live_0123" not in err.getvalue()
    assert len(err.getvalue().strip().splitlines()) == 1
