"""A warm command line for the CLI tests: Python started and the library imported once, a fork per command.

Each `clerk-fapi` run in these tests is a real process with its own environment, working directory and
standard streams (files), running the same `clerk_fapi.__main__.main`; only the interpreter start-up and the
imports are shared, forked from this process. The entry-point tests still start the installed console script
from scratch, and `CLERK_FAPI_TEST_CLI_FRESH=1` makes every run a fresh `python -m clerk_fapi`.

Protocol (one JSON object per line): the request on stdin, {"argv", "env", "cwd", "stdin", "stdout",
"stderr", "timeout"} (the last three stream entries are file paths); the answer on stdout, {"status"}.
This process stays single-threaded, so forking it is safe.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import os
import pkgutil
import signal
import sys
import time
import traceback


def _warm() -> None:
    """Import every module a command may need, so the forked runs find them loaded."""
    import clerk_fapi

    for module in pkgutil.walk_packages(clerk_fapi.__path__, "clerk_fapi."):
        if module.name.startswith(("clerk_fapi.testing", "clerk_fapi.pytest_plugin")):
            continue
        # An optional extra may be missing (requests, clerk-backend-api): its modules are imported when used.
        with contextlib.suppress(ImportError):
            importlib.import_module(module.name)


def _child(request: dict[str, object]) -> int:
    from clerk_fapi.__main__ import main

    os.chdir(str(request["cwd"]))
    env = request["env"]
    assert isinstance(env, dict)
    os.environ.clear()
    os.environ.update(env)
    for fd, key, flags in (
        (0, "stdin", os.O_RDONLY),
        (1, "stdout", os.O_WRONLY | os.O_CREAT | os.O_TRUNC),
        (2, "stderr", os.O_WRONLY | os.O_CREAT | os.O_TRUNC),
    ):
        opened = os.open(str(request[key]), flags, 0o600)
        os.dup2(opened, fd)
        os.close(opened)
    sys.stdin = open(0, encoding="utf-8", closefd=False)  # noqa: SIM115
    sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
    sys.stderr = open(2, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
    argv = request["argv"]
    assert isinstance(argv, list)
    sys.argv = [os.path.join(os.path.dirname(sys.modules["clerk_fapi"].__file__ or ""), "__main__.py"), *argv]
    try:
        return main()
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)


def _run(request: dict[str, object]) -> int:
    pid = os.fork()
    if pid == 0:
        status = 1
        try:
            status = _child(request)
        except BaseException:
            traceback.print_exc()
        finally:
            for stream in (sys.stdout, sys.stderr):
                with contextlib.suppress(Exception):
                    stream.flush()
            os._exit(status & 0xFF)
    timeout = request.get("timeout")
    deadline = time.monotonic() + float(timeout) if isinstance(timeout, (int, float)) else None
    while True:
        done, wait_status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(wait_status)
        if deadline is not None and time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            return -signal.SIGKILL
        time.sleep(0.002)


def serve() -> None:
    """Answer requests until stdin closes."""
    _warm()
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        print(json.dumps({"status": _run(json.loads(line))}), flush=True)


if __name__ == "__main__":
    serve()
