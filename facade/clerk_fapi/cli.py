"""The ``clerk-fapi`` command line: a persistent Frontend API client in a shell.

Every run resumes the client kept in a state file (``--store``; by default one file per Frontend API
host in the user's config directory), reloads it from the server, does one thing and saves the
rotated client token again::

    clerk-fapi --frontend-api http://127.0.0.1:8787 sign-in --identifier jane+clerk_test@example.com
    curl -H "Authorization: Bearer $(clerk-fapi token)" https://api.example.com/me

Global options (before or after the command): ``--publishable-key`` (``CLERK_PUBLISHABLE_KEY``),
``--frontend-api`` (``CLERK_FRONTEND_API``), ``--store PATH``, ``--testing-token``
(``CLERK_TESTING_TOKEN``), ``--json``.

Exit status: 0 on success, 1 when the Frontend API (or the network, or the state file) fails, 2 for
usage errors (a bad option, or an input that is missing when stdin is not a terminal), 130 when
interrupted, 141 when the reader of stdout went away (``clerk-fapi token | head -c0``). Never a
traceback: anything unexpected is one line naming the exception's type. Errors go to stderr with
Clerk's error code and trace id; with ``--json`` the error is a JSON object ``{"error": {...}}`` on
stderr.

JSON output (``--json``), one object on stdout; timestamps are ISO 8601 UTC strings or null.
Keys are only ever added, never renamed or removed:

- a *session*: ``id``, ``status``, ``user_id``, ``identifier``, ``first_name``, ``last_name``,
  ``last_active`` (true for the client's last active session), ``last_active_organization_id``,
  ``last_active_at``, ``expire_at``, ``created_at``, ``updated_at``. Never a token.
- a *sign-in*: ``id``, ``status``, ``identifier``, ``first_factors``, ``second_factors`` (strategy
  lists), ``created_session_id``.
- a *sign-up*: ``id``, ``status``, ``email_address``, ``phone_number``, ``username``,
  ``missing_fields``, ``unverified_fields``, ``created_session_id``, ``created_user_id``.
- ``status``: ``frontend_api``, ``store``, ``client_id``, ``is_new``, ``created_at``,
  ``updated_at``, ``last_active_session_id``, ``sessions`` (sessions), ``sign_in`` (a sign-in or
  null), ``sign_up`` (a sign-up or null).
- ``sessions``: ``client_id``, ``last_active_session_id``, ``sessions``.
- ``sign-up``: ``client_id``, ``sign_up``, ``session`` (the new session or null).
- ``sign-in``: ``client_id``, ``sign_in``, ``session`` (the new session or null).
- ``token``: ``jwt``, ``session_id``, ``template``, ``organization_id``, ``expires_at``.
- ``switch``: ``client_id``, ``last_active_session_id``, ``session``.
- ``sign-out``: ``client_id``, ``ended`` (the ids of the sessions signed out), ``last_active_session_id``.
- ``destroy``: ``destroyed`` (the client id, or null when there was none).
- errors (stderr): ``{"error": {"type", "message", "code", "codes", "status_code", "trace_id"}}``.
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import json
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final, TextIO

from ._auth import frontend_api_from_publishable_key, normalize_base_url
from ._client import Client
from ._errors import (
    AuthenticationError,
    ClerkAPIError,
    ClerkConnectionError,
    ClerkError,
    ConfigurationError,
    TokenStoreError,
)
from ._models import SessionData, SignInData, SignInStatus, SignUpData, SignUpStatus
from ._resources import SignIn, SignUp
from ._token_cache import jwt_claims as unverified_claims
from ._token_store import CLIENT_TOKEN, FileTokenStore, compare_and_set
from ._version import __version__

__all__ = [
    "EXIT_API",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_USAGE",
    "build_parser",
    "default_store_path",
    "main",
]

PROG: Final = "clerk-fapi"
EXIT_OK: Final = 0
EXIT_API: Final = 1
EXIT_USAGE: Final = 2
EXIT_INTERRUPTED: Final = 130
EXIT_BROKEN_PIPE: Final = 141  # 128 + SIGPIPE, what a shell reports for a writer whose reader left

ENV_PUBLISHABLE_KEY: Final = "CLERK_PUBLISHABLE_KEY"
ENV_FRONTEND_API: Final = "CLERK_FRONTEND_API"
ENV_TESTING_TOKEN: Final = "CLERK_TESTING_TOKEN"

FIRST_FACTORS: Final = ("password", "email_code", "phone_code")
SECOND_FACTORS: Final = ("totp", "backup_code", "phone_code", "email_code")
# Sign-up fields the command can supply: field -> (option, prompt, secret).
SIGN_UP_FIELDS: Final = {
    "email_address": ("--email", "Email address", False),
    "phone_number": ("--phone", "Phone number", False),
    "username": ("--username", "Username", False),
    "first_name": ("--first-name", "First name", False),
    "last_name": ("--last-name", "Last name", False),
    "password": ("--password", "Password", True),
    "legal_accepted": ("--legal-accepted", "Accept the terms of service and privacy policy? [y/N]", False),
}


class UsageError(Exception):
    """Something the user must give is missing (exit status 2)."""


class CommandFailed(Exception):
    """The command could not do what was asked, for a reason that is not an API error (exit status 1)."""


# ----- where the state lives ---------------------------------------------------------------------------
def config_dir(platform: str | None = None, environ: dict[str, str] | None = None) -> Path:
    """The per-user configuration folder for clerk-fapi on this platform."""
    platform = platform or sys.platform
    env = os.environ if environ is None else environ
    home = Path(env.get("HOME") or Path.home())
    if platform == "win32":
        base = Path(env["APPDATA"]) if env.get("APPDATA") else home / "AppData" / "Roaming"
    elif platform == "darwin":
        base = home / "Library" / "Application Support"
    else:
        xdg = env.get("XDG_CONFIG_HOME", "")
        base = Path(xdg) if xdg and os.path.isabs(xdg) else home / ".config"
    return base / "clerk-fapi"


def default_store_path(
    frontend_api: str, platform: str | None = None, environ: dict[str, str] | None = None
) -> Path:
    """``<config dir>/clerk-fapi/<host>.json``: one state file per Frontend API host (and port)."""
    host = re.sub(r"^[a-z]+://", "", frontend_api).rstrip("/")
    safe = re.sub(r"[^A-Za-z0-9._-]", "_", host) or "default"
    return config_dir(platform, environ) / f"{safe}.json"


# ----- the parser ----------------------------------------------------------------------------------------
def _global_options(parser: argparse.ArgumentParser, *, top: bool) -> None:
    # Defined on the top parser (with real defaults) and on every command (suppressed unless given),
    # so that `clerk-fapi --json token` and `clerk-fapi token --json` both work.
    def default(value: Any) -> Any:
        return value if top else argparse.SUPPRESS

    group = parser.add_argument_group("global options")
    group.add_argument(
        "--publishable-key",
        metavar="KEY",
        default=default(None),
        help=f"the instance's publishable key, pk_test_... or pk_live_... (env {ENV_PUBLISHABLE_KEY})",
    )
    group.add_argument(
        "--frontend-api",
        metavar="URL",
        default=default(None),
        help=f"the Frontend API URL instead of a key, e.g. http://127.0.0.1:8787 (env {ENV_FRONTEND_API})",
    )
    group.add_argument(
        "--store",
        metavar="PATH",
        default=default(None),
        help="the state file holding the client token (default: one file per host in the user's config dir)",
    )
    group.add_argument(
        "--testing-token",
        metavar="TOKEN",
        default=default(None),
        help=f"a Clerk testing token, to pass bot protection in automated runs (env {ENV_TESTING_TOKEN})",
    )
    group.add_argument(
        "--json",
        action="store_true",
        default=default(False),
        help="print machine-readable JSON instead of tables",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="A Clerk Frontend API client on the command line: sign in or up, hold sessions, "
        "and print session tokens. The client is kept between runs in a state file.",
        epilog='example: curl -H "Authorization: Bearer $(clerk-fapi token)" https://api.example.com/',
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _global_options(parser, top=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def command(name: str, help: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help, description=help)
        _global_options(sub, top=False)
        return sub

    command("status", "show the client, its sessions and any sign-in or sign-up in progress")

    sign_up = command("sign-up", "sign a new user up (prompts for what is missing in a terminal)")
    sign_up.add_argument("--email", metavar="ADDRESS", help="email address")
    sign_up.add_argument("--phone", metavar="NUMBER", help="phone number, e.g. +15555550100")
    sign_up.add_argument("--password", help="password (prompted without echo when omitted in a terminal)")
    sign_up.add_argument("--first-name", metavar="NAME")
    sign_up.add_argument("--last-name", metavar="NAME")
    sign_up.add_argument("--username", metavar="NAME")
    sign_up.add_argument(
        "--legal-accepted", action="store_true", default=None, help="accept the terms (when required)"
    )
    sign_up.add_argument(
        "--code", help="the email verification code (and the phone one, unless --phone-code)"
    )
    sign_up.add_argument("--phone-code", metavar="CODE", help="the phone verification code")

    sign_in = command("sign-in", "sign a user in (password or a code, then a second factor if needed)")
    sign_in.add_argument("--identifier", metavar="ID", help="email address, phone number or username")
    sign_in.add_argument("--password", help="password (prompted without echo when omitted in a terminal)")
    sign_in.add_argument("--strategy", choices=FIRST_FACTORS, help="first factor (default: password)")
    sign_in.add_argument("--code", help="the code sent for --strategy email_code or phone_code")
    sign_in.add_argument(
        "--second-factor-strategy",
        choices=SECOND_FACTORS,
        metavar="{" + ",".join(SECOND_FACTORS) + "}",
        help="second factor (default: the first one the account supports)",
    )
    sign_in.add_argument("--second-factor-code", metavar="CODE", help="the second factor code")

    token = command("token", "print a session JWT for the active session (only the JWT, on stdout)")
    token.add_argument("--template", metavar="T", help="a JWT template name")
    token.add_argument("--org", metavar="ID", help="the organization id (or slug) the token is for")
    token.add_argument("--skip-cache", action="store_true", help="mint a new token even if one is fresh")

    command("sessions", "list the client's sessions")

    switch = command("switch", "make another session the active one")
    switch.add_argument("session", metavar="SESSION", help="a session id (or the user identifier of one)")

    sign_out = command("sign-out", "remove every session (the client stays, as clerk-js signOut does)")
    sign_out.add_argument("--session", metavar="ID", help="remove only this session")
    sign_out.add_argument("--all", action="store_true", help="every session (the default, kept for scripts)")

    command("destroy", "delete the client on the server and forget it here")
    return parser


# ----- formatting ----------------------------------------------------------------------------------------
def iso(value: datetime | None) -> str | None:
    if value is None:
        return None
    return value.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def human_time(value: datetime | None) -> str:
    if value is None:
        return "-"
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Columns aligned on the widest cell, two spaces apart."""
    widths = [max(len(str(c)) for c in column) for column in zip(headers, *rows, strict=False)]
    lines = [
        "  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
        for row in (headers, *rows)
    ]
    return "\n".join(lines)


def fields(pairs: Sequence[tuple[str, str]]) -> str:
    """``Label   value`` lines, the values aligned."""
    width = max(len(label) for label, _ in pairs)
    return "\n".join(f"{label.ljust(width)}  {value}" for label, value in pairs)


def session_json(session: SessionData, last_active_id: str | None) -> dict[str, Any]:
    public = session.public_user_data
    user = session.user
    return {
        "id": session.id,
        "status": session.status,
        "user_id": user.id if user else (public.user_id if public else None),
        "identifier": session.identifier,
        "first_name": (public.first_name if public else None) or (user.first_name if user else None),
        "last_name": (public.last_name if public else None) or (user.last_name if user else None),
        "last_active": session.id == last_active_id,
        "last_active_organization_id": session.last_active_organization_id,
        "last_active_at": iso(session.last_active_at),
        "expire_at": iso(session.expire_at),
        "created_at": iso(session.created_at),
        "updated_at": iso(session.updated_at),
    }


def sign_in_json(sign_in: SignInData | None) -> dict[str, Any] | None:
    if sign_in is None:
        return None
    return {
        "id": sign_in.id,
        "status": sign_in.status,
        "identifier": sign_in.identifier,
        "first_factors": [f.strategy for f in sign_in.supported_first_factors if f.strategy],
        "second_factors": [f.strategy for f in sign_in.supported_second_factors if f.strategy],
        "created_session_id": sign_in.created_session_id,
    }


def sign_up_json(sign_up: SignUpData | None) -> dict[str, Any] | None:
    if sign_up is None:
        return None
    return {
        "id": sign_up.id,
        "status": sign_up.status,
        "email_address": sign_up.email_address,
        "phone_number": sign_up.phone_number,
        "username": sign_up.username,
        "missing_fields": list(sign_up.missing_fields),
        "unverified_fields": list(sign_up.unverified_fields),
        "created_session_id": sign_up.created_session_id,
        "created_user_id": sign_up.created_user_id,
    }


def user_label(session: SessionData) -> str:
    public = session.public_user_data
    name = " ".join(p for p in ((public.first_name, public.last_name) if public else ()) if p)
    ident = session.identifier or (session.user.id if session.user else "?")
    return f"{ident} ({name})" if name else ident


def sessions_table(sessions: Sequence[SessionData], last_active_id: str | None) -> str:
    if not sessions:
        return "no sessions"
    rows = [
        (
            "*" if s.id == last_active_id else "",
            s.id,
            s.status,
            user_label(s),
            s.last_active_organization_id or "-",
            human_time(s.last_active_at),
            human_time(s.expire_at),
        )
        for s in sessions
    ]
    return table(("", "SESSION", "STATUS", "USER", "ORGANIZATION", "LAST ACTIVE", "EXPIRES"), rows)


def sign_in_line(sign_in: SignInData | None) -> str:
    if sign_in is None:
        return "none"
    text = f"{sign_in.id} {sign_in.status}"
    if sign_in.identifier:
        text += f" ({sign_in.identifier})"
    if sign_in.status == SignInStatus.NEEDS_SECOND_FACTOR:
        text += "; second factors: " + (
            ", ".join(f.strategy for f in sign_in.supported_second_factors if f.strategy) or "-"
        )
    return text


def sign_up_line(sign_up: SignUpData | None) -> str:
    if sign_up is None:
        return "none"
    who = sign_up.email_address or sign_up.phone_number or sign_up.username
    text = f"{sign_up.id} {sign_up.status}" + (f" ({who})" if who else "")
    if sign_up.missing_fields:
        text += "; missing: " + ", ".join(sign_up.missing_fields)
    if sign_up.unverified_fields:
        text += "; unverified: " + ", ".join(sign_up.unverified_fields)
    return text


def jwt_claims(jwt: str) -> dict[str, Any]:
    """The claims of a JWT, decoded without checking the signature (for display)."""
    claims = unverified_claims(jwt)
    if claims is None:
        raise CommandFailed("the server returned a token that is not a JWT")
    return claims


# ----- input ---------------------------------------------------------------------------------------------
class Prompter:
    """Asks for what is missing when stdin is a terminal; otherwise says which option to give."""

    def __init__(self, stdin: TextIO, stderr: TextIO) -> None:
        self.stdin = stdin
        self.stderr = stderr
        try:
            self.interactive = stdin.isatty()
        except (AttributeError, ValueError):
            self.interactive = False

    def ask(self, prompt: str, option: str, *, secret: bool = False) -> str:
        if not self.interactive:
            raise UsageError(f"{option} is required (stdin is not a terminal, so it cannot be asked for)")
        while True:
            if secret:
                try:
                    value = getpass.getpass(f"{prompt}: ", stream=self.stderr)
                except EOFError:
                    raise UsageError(f"no input for {option}") from None
            else:
                self.stderr.write(f"{prompt}: ")
                self.stderr.flush()
                line = self.stdin.readline()
                if not line:
                    raise UsageError(f"no input for {option}")
                value = line.rstrip("\r\n")
            value = value.strip() if not secret else value
            if value:
                return value

    def confirm(self, prompt: str, option: str) -> bool:
        if not self.interactive:
            raise UsageError(f"{option} is required (stdin is not a terminal, so it cannot be asked for)")
        self.stderr.write(f"{prompt} ")
        self.stderr.flush()
        line = self.stdin.readline()
        if not line:
            raise UsageError(f"no input for {option}")
        return line.strip().lower() in ("y", "yes")


# ----- the commands -------------------------------------------------------------------------------------
class App:
    """One run: the parsed options, a resumed client and where output goes."""

    def __init__(
        self,
        args: argparse.Namespace,
        client: Client,
        store_path: Path,
        stdout: TextIO,
        stderr: TextIO,
        prompter: Prompter,
    ) -> None:
        self.args = args
        self.client = client
        self.store_path = store_path
        self.stdout = stdout
        self.stderr = stderr
        self.prompter = prompter
        self.json: bool = bool(args.json)

    def out(self, human: str, data: dict[str, Any]) -> None:
        if self.json:
            self.stdout.write(json.dumps(data, indent=2, sort_keys=True) + "\n")
        else:
            self.stdout.write(human.rstrip("\n") + "\n")
        self.stdout.flush()

    def progress(self, text: str) -> None:
        """Informational lines (codes sent...) on stderr, so stdout holds only the result."""
        if not self.json:
            self.stderr.write(text + "\n")
            self.stderr.flush()

    def session_by_id(self, session_id: str | None) -> SessionData | None:
        return next((s for s in self.client.sessions if s.id == session_id), None)

    # status
    def status(self) -> int:
        c = self.client
        last = c.last_active_session_id
        data = {
            "frontend_api": c.frontend_api,
            "store": str(self.store_path),
            "client_id": c.id,
            "is_new": c.is_new(),
            "created_at": iso(c.created_at),
            "updated_at": iso(c.updated_at),
            "last_active_session_id": last,
            "sessions": [session_json(s, last) for s in c.sessions],
            "sign_in": sign_in_json(c.sign_in),
            "sign_up": sign_up_json(c.sign_up),
        }
        pairs = [
            ("Frontend API", c.frontend_api),
            ("Store", str(self.store_path)),
            ("Client", c.id or "none yet (sign in or sign up to create one)"),
            ("Created", human_time(c.created_at)),
            ("Updated", human_time(c.updated_at)),
            ("Active session", last or "none"),
            ("Sign-in", sign_in_line(c.sign_in)),
            ("Sign-up", sign_up_line(c.sign_up)),
        ]
        human = fields(pairs) + "\n\n" + sessions_table(c.sessions, last)
        self.out(human, data)
        return EXIT_OK

    # sessions
    def sessions(self) -> int:
        c = self.client
        last = c.last_active_session_id
        data = {
            "client_id": c.id,
            "last_active_session_id": last,
            "sessions": [session_json(s, last) for s in c.sessions],
        }
        self.out(sessions_table(c.sessions, last), data)
        return EXIT_OK

    # sign-up
    def sign_up(self) -> int:
        a = self.args
        given: dict[str, Any] = {
            "email_address": a.email,
            "phone_number": a.phone,
            "username": a.username,
            "first_name": a.first_name,
            "last_name": a.last_name,
            "password": a.password,
            "legal_accepted": True if a.legal_accepted else None,
        }
        given = {k: v for k, v in given.items() if v is not None}
        current = self.client.sign_up
        identities = ("email_address", "phone_number", "username")
        if (
            current is not None
            and current.status == SignUpStatus.MISSING_REQUIREMENTS
            and all(getattr(current, k) in (None, given[k]) for k in identities if k in given)
        ):
            # Go on with the sign-up in progress (a second run with what was missing, or the code sent).
            self.progress(f"continuing sign-up {current.id}")
            changed = {k: v for k, v in given.items() if getattr(current, k, None) != v}
            sign_up = current.update(**changed) if changed else current
        else:
            if not any(k in given for k in identities):
                given["email_address"] = self.prompter.ask("Email address", "--email")
            sign_up = self.client.start_sign_up(**given)
        sign_up = self._complete_sign_up_fields(sign_up)
        sign_up = self._verify_sign_up(sign_up)
        if sign_up.status != SignUpStatus.COMPLETE:
            raise CommandFailed(
                f"the sign-up {sign_up.id} is not complete ({sign_up_line(sign_up)}); "
                "run `clerk-fapi sign-up` again with what is missing"
            )
        return self._signed_in("Signed up", "sign_up", sign_up_json(sign_up), sign_up.created_session_id)

    def _complete_sign_up_fields(self, sign_up: SignUp) -> SignUp:
        missing = [f for f in sign_up.missing_fields if f in SIGN_UP_FIELDS]
        unknown = [f for f in sign_up.missing_fields if f not in SIGN_UP_FIELDS]
        if unknown:
            raise CommandFailed(
                f"the instance requires fields this command cannot supply: {', '.join(unknown)}"
            )
        if not missing:
            return sign_up
        if not self.prompter.interactive:
            options = ", ".join(SIGN_UP_FIELDS[f][0] for f in missing)
            raise UsageError(
                f"the instance also requires {options} (sign-up {sign_up.id} is in progress; "
                "run `clerk-fapi sign-up` again with them)"
            )
        values: dict[str, Any] = {}
        for name in missing:
            option, prompt, secret = SIGN_UP_FIELDS[name]
            if name == "legal_accepted":
                if not self.prompter.confirm(prompt, option):
                    raise UsageError("the terms must be accepted to sign up")
                values[name] = True
            else:
                values[name] = self.prompter.ask(prompt, option, secret=secret)
        return sign_up.update(**values)

    def _verify_sign_up(self, sign_up: SignUp) -> SignUp:
        steps = (
            ("email_address", "email_code", sign_up.email_address, self.args.code, "--code"),
            (
                "phone_number",
                "phone_code",
                sign_up.phone_number,
                self.args.phone_code or self.args.code,
                "--phone-code",
            ),
        )
        for field, strategy, target, code, option in steps:
            if field not in sign_up.unverified_fields:
                continue
            verification = getattr(sign_up.verifications, field)
            prepared = (
                verification is not None
                and verification.strategy == strategy
                and (verification.status == "unverified")
            )
            if not prepared:
                sign_up = sign_up.prepare_verification(strategy)
                self.progress(f"a verification code was sent to {target}")
            if code is None:
                code = self.prompter.ask(f"Code sent to {target}", option)
            sign_up = sign_up.attempt_verification(strategy, code)
        return sign_up

    # sign-in
    def sign_in(self) -> int:
        a = self.args
        current = self.client.sign_in
        resumable = (
            current is not None
            and current.status
            in (
                SignInStatus.NEEDS_FIRST_FACTOR,
                SignInStatus.NEEDS_SECOND_FACTOR,
                SignInStatus.NEEDS_CLIENT_TRUST,
            )
            and a.identifier is None
        )
        if resumable and current is not None:
            self.progress(f"continuing sign-in {current.id} ({current.status})")
            sign_in = current
        else:
            identifier = a.identifier or self.prompter.ask("Email, phone or username", "--identifier")
            sign_in = self._first_factor_start(identifier)
        if sign_in.status == SignInStatus.NEEDS_FIRST_FACTOR:
            sign_in = self._first_factor(sign_in)
        if sign_in.status in (SignInStatus.NEEDS_SECOND_FACTOR, SignInStatus.NEEDS_CLIENT_TRUST):
            sign_in = self._second_factor(sign_in)
        if sign_in.status == SignInStatus.NEEDS_NEW_PASSWORD:
            raise CommandFailed(
                f"the sign-in {sign_in.id} needs a new password (reset it in the application first)"
            )
        if sign_in.status != SignInStatus.COMPLETE:
            raise CommandFailed(f"the sign-in {sign_in.id} is not complete: {sign_in.status}")
        return self._signed_in("Signed in", "sign_in", sign_in_json(sign_in), sign_in.created_session_id)

    def _first_factor_strategy(self) -> str:
        a = self.args
        if a.strategy:
            return str(a.strategy)
        if a.password is not None or a.code is None:
            return "password"
        raise UsageError("--code needs --strategy email_code or --strategy phone_code")

    def _first_factor_start(self, identifier: str) -> SignIn:
        strategy = self._first_factor_strategy()
        if strategy == "password":
            password = self.args.password or self.prompter.ask("Password", "--password", secret=True)
            return self.client.start_sign_in(identifier, password=password)
        return self.client.start_sign_in(identifier)

    def _first_factor(self, sign_in: SignIn) -> SignIn:
        strategy = self._first_factor_strategy()
        if strategy == "password":
            password = self.args.password or self.prompter.ask("Password", "--password", secret=True)
            return sign_in.attempt_first_factor("password", password=password)
        verification = sign_in.first_factor_verification
        if not (verification and verification.strategy == strategy and verification.status == "unverified"):
            factor = sign_in.first_factor(strategy)
            if factor is None:
                offered = ", ".join(f.strategy for f in sign_in.supported_first_factors if f.strategy)
                raise CommandFailed(f"this account cannot sign in with {strategy} (it offers: {offered})")
            sign_in = sign_in.prepare_first_factor(strategy)
            self.progress(f"a code was sent to {factor.safe_identifier or sign_in.identifier}")
        code = self.args.code or self.prompter.ask("Code", "--code")
        return sign_in.attempt_first_factor(strategy, code=code)

    def _second_factor(self, sign_in: SignIn) -> SignIn:
        offered = [f.strategy for f in sign_in.supported_second_factors if f.strategy]
        strategy = self.args.second_factor_strategy
        if strategy is None:
            preferred = [s for s in SECOND_FACTORS if s in offered]
            if not preferred:
                raise CommandFailed(
                    f"the sign-in needs a second factor this command does not know ({', '.join(offered)})"
                )
            strategy = preferred[0]
        elif strategy not in offered:
            raise CommandFailed(
                f"this account does not offer {strategy} as a second factor (it offers: {', '.join(offered)})"
            )
        self.progress(f"a second factor is needed: {strategy} (offered: {', '.join(offered)})")
        if strategy in ("phone_code", "email_code"):
            verification = sign_in.second_factor_verification
            if not (
                verification and verification.strategy == strategy and verification.status == "unverified"
            ):
                sign_in = sign_in.prepare_second_factor(strategy)
                factor = sign_in.second_factor(strategy)
                self.progress(f"a code was sent to {factor.safe_identifier if factor else 'the account'}")
        prompt = {"totp": "Authenticator code", "backup_code": "Backup code"}.get(strategy, "Code")
        code = self.args.second_factor_code or self.prompter.ask(prompt, "--second-factor-code")
        return sign_in.attempt_second_factor(strategy, code=code)

    def _signed_in(self, verb: str, key: str, resource: dict[str, Any] | None, session_id: str | None) -> int:
        session = self.session_by_id(session_id)
        last = self.client.last_active_session_id
        data = {
            "client_id": self.client.id,
            key: resource,
            "session": session_json(session, last) if session else None,
        }
        who = user_label(session) if session else "?"
        self.out(f"{verb}: {who}\nSession {session_id} is {session.status if session else 'unknown'}", data)
        return EXIT_OK

    # token
    def token(self) -> int:
        a = self.args
        session = self.client.last_active_session
        if session is None or not session.is_signed_in:
            raise CommandFailed("no active session: sign in first (clerk-fapi sign-in)")
        kwargs: dict[str, Any] = {"template": a.template, "skip_cache": a.skip_cache}
        if a.org is not None:
            kwargs["organization_id"] = a.org
        jwt = session.get_token(**kwargs)
        if not jwt:
            raise CommandFailed(f"the session {session.id} has no token (status {session.status})")
        if self.json:
            exp = jwt_claims(jwt).get("exp")
            self.out(
                "",
                {
                    "jwt": jwt,
                    "session_id": session.id,
                    "template": a.template,
                    "organization_id": a.org,
                    "expires_at": iso(datetime.fromtimestamp(exp, UTC)) if isinstance(exp, int) else None,
                },
            )
        else:
            self.stdout.write(jwt + "\n")
            self.stdout.flush()
        return EXIT_OK

    # switch
    def switch(self) -> int:
        wanted: str = self.args.session
        signed_in = [s for s in self.client.sessions if s.is_signed_in]
        target = next((s for s in self.client.sessions if s.id == wanted), None)
        if target is None:
            by_identifier = [s for s in signed_in if (s.identifier or "").lower() == wanted.lower()]
            if len(by_identifier) == 1:
                target = by_identifier[0]
        if target is None:
            choices = ", ".join(f"{s.id} ({s.identifier})" for s in signed_in) or "none"
            raise CommandFailed(f"no session {wanted!r} on this client; signed-in sessions: {choices}")
        session = self.client.set_active(target.id)
        last = self.client.last_active_session_id
        data = {
            "client_id": self.client.id,
            "last_active_session_id": last,
            "session": session_json(session, last),
        }
        self.out(f"Switched to {session.id}: {user_label(session)}", data)
        return EXIT_OK

    # sign-out
    def sign_out(self) -> int:
        c = self.client
        target = self.args.session
        if self.args.all and target:
            raise UsageError("give --session ID or --all, not both")
        before = {s.id for s in c.signed_in_sessions}
        if not before:
            raise CommandFailed("no active session to sign out of")
        if target is not None and target not in before:
            raise CommandFailed(f"no signed-in session {target!r} on this client")
        c.sign_out(session_id=target)
        ended = sorted(before - {s.id for s in c.signed_in_sessions})
        human = f"Removed {len(ended)} session(s)" + (f": {', '.join(ended)}" if ended else "")
        if c.last_active_session_id:
            human += f"\nActive session now: {c.last_active_session_id}"
        data = {"client_id": c.id, "ended": ended, "last_active_session_id": c.last_active_session_id}
        self.out(human, data)
        return EXIT_OK

    # destroy
    def destroy(self) -> int:
        client_id = self.client.id
        if client_id is None:
            self.out("No client to destroy", {"destroyed": None})
            return EXIT_OK
        self.client.destroy()
        self.out(f"Destroyed client {client_id}", {"destroyed": client_id})
        return EXIT_OK


COMMANDS: Final[dict[str, Callable[[App], int]]] = {
    "status": App.status,
    "sessions": App.sessions,
    "sign-up": App.sign_up,
    "sign-in": App.sign_in,
    "token": App.token,
    "switch": App.switch,
    "sign-out": App.sign_out,
    "destroy": App.destroy,
}


# ----- running -------------------------------------------------------------------------------------------
def error_json(exc: BaseException) -> dict[str, Any]:
    info: dict[str, Any] = {"type": type(exc).__name__, "message": str(exc)}
    if isinstance(exc, ClerkAPIError):
        info.update(
            code=exc.code,
            codes=list(exc.codes),
            status_code=exc.status_code,
            trace_id=exc.trace_id,
            message=exc.long_message or str(exc),
        )
    return {"error": info}


def describe_api_error(exc: ClerkAPIError) -> str:
    text = f"{exc.code or 'error'}: {exc.long_message or 'the Frontend API answered an error'}"
    details = [f"HTTP {exc.status_code}"]
    if len(exc.codes) > 1:
        details.append("also " + ", ".join(exc.codes[1:]))
    if exc.trace_id:
        details.append(f"clerk_trace_id {exc.trace_id}")
    return f"{text} ({'; '.join(details)})"


def _fail(stderr: TextIO, as_json: bool, exc: BaseException, text: str, status: int) -> int:
    if as_json:
        stderr.write(json.dumps(error_json(exc), sort_keys=True) + "\n")
    else:
        stderr.write(f"{PROG}: error: {text}\n")
    stderr.flush()
    return status


def _frontend_api(publishable_key: str | None, frontend_api: str | None) -> str:
    if frontend_api is not None:
        return normalize_base_url(frontend_api)
    assert publishable_key is not None
    return "https://" + frontend_api_from_publishable_key(publishable_key)


@contextmanager
def _client(
    args: argparse.Namespace, parser: argparse.ArgumentParser
) -> Iterator[tuple[Client, FileTokenStore]]:
    publishable_key = args.publishable_key or os.environ.get(ENV_PUBLISHABLE_KEY) or None
    frontend_api = args.frontend_api or os.environ.get(ENV_FRONTEND_API) or None
    testing_token = args.testing_token or os.environ.get(ENV_TESTING_TOKEN) or None
    if publishable_key is None and frontend_api is None:
        parser.error(
            f"give --publishable-key (or set {ENV_PUBLISHABLE_KEY}) "
            f"or --frontend-api (or set {ENV_FRONTEND_API})"
        )
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


def _resume(client: Client, store: FileTokenStore, stderr: TextIO, quiet: bool) -> None:
    """``reload()``; a client token the server no longer accepts is forgotten (with a warning).

    Only that very token: another run sharing the store may have written a newer one meanwhile,
    which is kept (compare-and-set under the store's lock) and resumed instead.
    """
    sent = store.get(CLIENT_TOKEN)
    try:
        client.reload()
    except AuthenticationError as exc:
        if exc.code != "authentication_invalid" or sent is None:
            raise
        if not compare_and_set(store, CLIENT_TOKEN, sent, None):
            client.reload()  # another run stored a newer token: resume with it
            return
        if not quiet:
            stderr.write(
                f"{PROG}: warning: the stored client is no longer valid ({exc.code}); starting a new one\n"
            )
        client.reload()


def main(
    argv: Sequence[str] | None = None,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Run ``clerk-fapi`` with ``argv`` (default: ``sys.argv[1:]``); returns the exit status."""
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    parser = build_parser()
    args = parser.parse_args(argv)  # exits 2 on a usage error
    as_json = bool(args.json)
    try:
        with _client(args, parser) as (client, store):
            _resume(client, store, stderr, as_json)
            app = App(args, client, store.path, stdout, stderr, Prompter(stdin, stderr))
            status = COMMANDS[args.command](app)
            stdout.flush()  # here, where a reader that went away is caught, not at exit
            return status
    except UsageError as exc:
        return _fail(stderr, as_json, exc, str(exc), EXIT_USAGE)
    except ClerkAPIError as exc:
        return _fail(stderr, as_json, exc, describe_api_error(exc), EXIT_API)
    except ClerkConnectionError as exc:
        return _fail(stderr, as_json, exc, f"cannot reach the Frontend API: {exc}", EXIT_API)
    except TokenStoreError as exc:
        return _fail(stderr, as_json, exc, str(exc), EXIT_API)
    except (CommandFailed, ClerkError) as exc:
        return _fail(stderr, as_json, exc, str(exc), EXIT_API)
    except KeyboardInterrupt:
        stderr.write("\n")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return _reader_gone(stdout)
    except Exception as exc:  # never a traceback: name what broke, not its text (it may quote a secret)
        text = f"unexpected error ({type(exc).__name__}); please report it"
        return _fail(stderr, as_json, ClerkError(text), text, EXIT_API)


def _reader_gone(stdout: TextIO) -> int:
    """The reader of stdout went away (``clerk-fapi token | head -c0``): stop quietly, as a program
    killed by SIGPIPE does, and point stdout at /dev/null so the final flush cannot fail again."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stdout.fileno())
        os.close(devnull)
    return EXIT_BROKEN_PIPE
