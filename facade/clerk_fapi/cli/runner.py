"""One run of ``clerk-fapi`` once its arguments are parsed: build and resume the client, run the
command, and turn every failure into its exit status and one line on stderr (never a traceback)."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from .._auth import frontend_api_from_publishable_key, normalize_base_url
from .._client import Client
from .._errors import ClerkAPIError, ClerkConnectionError, ClerkError, ConfigurationError
from .._token_store import FileTokenStore
from .backend import testing_token_from_secret_key
from .commands import COMMANDS
from .context import Context
from .exits import EXIT_API, EXIT_BROKEN_PIPE, EXIT_INTERRUPTED, EXIT_USAGE, CommandFailed, UsageError
from .output import Output, describe_api_error
from .parser import ENV_FRONTEND_API, ENV_PUBLISHABLE_KEY, ENV_TESTING_TOKEN
from .prompting import Prompter
from .store import default_store_path, resume

__all__ = ["run"]


def run(
    args: argparse.Namespace,
    parser: argparse.ArgumentParser,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Run the command ``args`` names (parsed by ``parser``); returns the exit status."""
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    output = Output(stdout, stderr, as_json=bool(args.json))
    try:
        with _client(args, parser, stderr) as (client, store):
            resume(client, store, stderr, output.json)
            ctx = Context(args, client, store.path, output, Prompter(stdin, stderr))
            status = COMMANDS[args.command](ctx)
            stdout.flush()  # here, where a reader that went away is caught, not at exit
            return status
    except UsageError as exc:
        return output.error(exc, str(exc), EXIT_USAGE)
    except ClerkAPIError as exc:
        return output.error(exc, describe_api_error(exc), EXIT_API)
    except ClerkConnectionError as exc:
        return output.error(exc, f"cannot reach the Frontend API: {exc}", EXIT_API)
    except (CommandFailed, ClerkError) as exc:  # TokenStoreError among them: the state file failed
        return output.error(exc, str(exc), EXIT_API)
    except KeyboardInterrupt:
        stderr.write("\n")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return _reader_gone(stdout)
    except Exception as exc:  # never a traceback: name what broke, not its text (it may quote a secret)
        text = f"unexpected error ({type(exc).__name__}); please report it"
        return output.error(ClerkError(text), text, EXIT_API)


def _frontend_api(publishable_key: str | None, frontend_api: str | None) -> str:
    """The base URL the client will use, by the library's own rules (for the default state file)."""
    if frontend_api is not None:
        return normalize_base_url(frontend_api)
    assert publishable_key is not None
    return "https://" + frontend_api_from_publishable_key(publishable_key)


@contextmanager
def _client(
    args: argparse.Namespace, parser: argparse.ArgumentParser, stderr: TextIO
) -> Iterator[tuple[Client, FileTokenStore]]:
    """A native-mode client configured from the options and environment, and its state file."""
    publishable_key = args.publishable_key or os.environ.get(ENV_PUBLISHABLE_KEY) or None
    frontend_api = args.frontend_api or os.environ.get(ENV_FRONTEND_API) or None
    testing_token = args.testing_token or os.environ.get(ENV_TESTING_TOKEN) or None
    if publishable_key is None and frontend_api is None:
        parser.error(
            f"give --publishable-key (or set {ENV_PUBLISHABLE_KEY}) "
            f"or --frontend-api (or set {ENV_FRONTEND_API})"
        )
    if testing_token is None:
        testing_token = testing_token_from_secret_key(stderr)
    try:
        base_url = _frontend_api(publishable_key, frontend_api)
        store = FileTokenStore(Path(args.store).expanduser() if args.store else default_store_path(base_url))
        client = Client(
            publishable_key=publishable_key,
            frontend_api=frontend_api,
            token_store=store,
            testing_token=testing_token,
            mode="native",
        )
    except ConfigurationError as exc:
        parser.error(str(exc))
    try:
        yield client, store
    finally:
        client.close()


def _reader_gone(stdout: TextIO) -> int:
    """The reader of stdout went away (``clerk-fapi token | head -c0``): stop quietly, as a program
    killed by SIGPIPE does, and point stdout at /dev/null so the final flush cannot fail again."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stdout.fileno())
        os.close(devnull)
    return EXIT_BROKEN_PIPE
