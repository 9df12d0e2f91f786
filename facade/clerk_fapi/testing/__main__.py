"""`python -m clerk_fapi.testing`: run the Frontend API emulator on a loopback port until interrupted.

The first line on stdout is the base URL (`http://127.0.0.1:<port>`), flushed at once so that a parent process
can read it; with `--port 0` the system picks a free port.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from collections.abc import Sequence
from types import FrameType

from ._call import DEFAULT_SECRET_KEY
from ._emulator import Emulator


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m clerk_fapi.testing", description="Clerk Frontend API emulator"
    )
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (0 picks a free one)")
    parser.add_argument(
        "--instance-type",
        choices=("development", "production"),
        default="development",
        help="kind of instance",
    )
    parser.add_argument(
        "--single-session", action="store_true", help="allow one signed-in account per client"
    )
    parser.add_argument(
        "--strict-token-rotation",
        action="store_true",
        help="accept only the newest client token of each client (older rotated ones get 401)",
    )
    parser.add_argument(
        "--demo-user",
        action="store_true",
        help="seed jane+clerk_test@example.com (+15555550100, username jane), password 'clerk-emulator-1'",
    )
    parser.add_argument(
        "--environment",
        metavar="FILE",
        help="a real instance's /v1/environment (clerk-fapi environment --json > FILE): the emulator "
        "enforces its identifiers, factors, sign-up fields and session mode; what it cannot honour is "
        "listed on stderr",
    )
    parser.add_argument(
        "--secret-key",
        metavar="KEY",
        help=f"the secret key its Backend API endpoints accept (default {DEFAULT_SECRET_KEY})",
    )
    args = parser.parse_args(argv)
    # The settings the emulator cannot honour are printed below, once, rather than logged as well.
    logging.getLogger("clerk_fapi.testing.environment").setLevel(logging.ERROR)
    try:
        emulator = Emulator(
            instance_type=args.instance_type,
            single_session_mode=args.single_session,
            strict_token_rotation=args.strict_token_rotation,
            environment=args.environment,
            secret_key=args.secret_key or DEFAULT_SECRET_KEY,
        )
    except ValueError as exc:  # EnvironmentFileError among them
        parser.error(str(exc))
    if args.environment is not None and (args.instance_type != "development" or args.single_session):
        print("note: --instance-type and --single-session are taken from --environment", file=sys.stderr)
    for line in emulator.unhonoured_settings:
        print(f"not honoured: {line}", file=sys.stderr, flush=True)
    if args.demo_user:
        emulator.add_user(
            email_addresses="jane+clerk_test@example.com",
            phone_numbers="+15555550100",
            username="jane",
            password="clerk-emulator-1",
            first_name="Jane",
            last_name="Doe",
        )
    server = emulator.serve(port=args.port)
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    with server:
        print(server.url, flush=True)
        if args.demo_user:
            print("demo user: jane+clerk_test@example.com / clerk-emulator-1", file=sys.stderr, flush=True)
        stop.wait()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
