"""Fixtures for the command-line tests: an emulator on loopback and the real console script run against it.

The emulator runs in this process (so tests can seed users and read the codes it "sends"); the CLI always
runs as a subprocess (`python -m clerk_fapi ...`, or the installed `clerk-fapi` entry point), with its state
file in `tmp_path` and a HOME of its own, so nothing touches the user's config directory.
"""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from clerk_fapi.testing import Emulator, EmulatorServer, SeededUser

PASSWORD = "Correct-Horse-Battery-Staple-91"
JANE = "jane+clerk_test@example.com"
JOHN = "john+clerk_test@example.com"
TEST_CODE = "424242"
ENTRY_POINT = Path(sys.executable).parent / ("clerk-fapi.exe" if sys.platform == "win32" else "clerk-fapi")


@dataclass
class Result:
    status: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        return json.loads(self.stdout)

    def error(self) -> dict[str, Any]:
        """The JSON error object a `--json` run writes to stderr."""
        err: dict[str, Any] = json.loads(self.stderr.strip().splitlines()[-1])["error"]
        return err


Run = Callable[..., Result]


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment of a CLI run: no CLERK_* variables from outside, a private HOME and config dir."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLERK_") and k != "XDG_CONFIG_HOME"}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"), PYTHONUNBUFFERED="1")
    env.update(extra)
    return env


def claims_of(jwt: str) -> dict[str, Any]:
    payload = jwt.split(".")[1]
    claims: dict[str, Any] = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    return claims


@pytest.fixture
def emulator() -> Emulator:
    return Emulator()


@pytest.fixture
def server(emulator: Emulator) -> Iterator[EmulatorServer]:
    with emulator.serve(port=0) as served:
        yield served


@pytest.fixture
def home(tmp_path: Path) -> Path:
    path = tmp_path / "home"
    path.mkdir()
    return path


@pytest.fixture
def store(tmp_path: Path) -> Path:
    return tmp_path / "state" / "clerk.json"


@pytest.fixture
def jane(emulator: Emulator) -> SeededUser:
    return emulator.add_user(
        email_addresses=JANE, password=PASSWORD, first_name="Jane", last_name="Doe", username="jane"
    )


@pytest.fixture
def john(emulator: Emulator) -> SeededUser:
    return emulator.add_user(email_addresses=JOHN, password=PASSWORD, first_name="John", last_name="Roe")


ZYGOTE = Path(__file__).with_name("cli_zygote.py")
FRESH = os.environ.get("CLERK_FAPI_TEST_CLI_FRESH") == "1"


@pytest.fixture(scope="session")
def zygote() -> Iterator[subprocess.Popen[str] | None]:
    """A warm `python -m clerk_fapi` (see cli_zygote.py) shared by this worker's runs; None when
    CLERK_FAPI_TEST_CLI_FRESH=1 asks for a fresh interpreter per run."""
    if FRESH:
        yield None
        return
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLERK_")}
    process = subprocess.Popen(
        [sys.executable, str(ZYGOTE)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env
    )
    assert process.stdout is not None and process.stdout.readline().strip() == '{"ready": true}'
    yield process
    assert process.stdin is not None
    process.stdin.close()
    process.wait(timeout=30)


def _forked_run(
    process: subprocess.Popen[str],
    workdir: Path,
    argv: list[str],
    env: dict[str, str],
    stdin: str,
    timeout: float,
) -> Result:
    streams = {name: workdir / name for name in ("stdin", "stdout", "stderr")}
    streams["stdin"].write_text(stdin, encoding="utf-8")
    request = {"argv": argv, "env": env, "cwd": os.getcwd(), "timeout": timeout}
    request.update({name: str(path) for name, path in streams.items()})
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write(json.dumps(request) + "\n")
    process.stdin.flush()
    status = json.loads(process.stdout.readline())["status"]
    if status == -9:
        raise subprocess.TimeoutExpired(argv, timeout)
    return Result(
        status,
        streams["stdout"].read_text(encoding="utf-8"),
        streams["stderr"].read_text(encoding="utf-8"),
    )


@pytest.fixture
def run(
    server: EmulatorServer,
    store: Path,
    home: Path,
    zygote: subprocess.Popen[str] | None,
    tmp_path_factory: pytest.TempPathFactory,
) -> Run:
    """`run("status", "--json")`: the CLI against the loopback emulator with the test's state file.

    `stdin` is text for a non-terminal stdin (default: empty); `entry_point=True` runs the installed
    `clerk-fapi` script instead of `python -m clerk_fapi`; `connect=False` leaves out --frontend-api and
    --store; `env` adds environment variables.
    """

    def invoke(
        *args: str,
        stdin: str = "",
        entry_point: bool = False,
        connect: bool = True,
        env: dict[str, str] | None = None,
        timeout: float = 30,
    ) -> Result:
        command = [str(ENTRY_POINT)] if entry_point else [sys.executable, "-m", "clerk_fapi"]
        if connect:
            command += ["--frontend-api", server.url, "--store", str(store)]
        if zygote is not None and not entry_point:
            workdir = tmp_path_factory.mktemp("cli-run")
            env_of_run = clean_env(home, **(env or {}))
            return _forked_run(zygote, workdir, [*command[3:], *args], env_of_run, stdin, timeout)
        done = subprocess.run(
            [*command, *args],
            input=stdin,
            capture_output=True,
            text=True,
            env=clean_env(home, **(env or {})),
            timeout=timeout,
        )
        return Result(done.returncode, done.stdout, done.stderr)

    return invoke
