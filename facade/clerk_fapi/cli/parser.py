"""The ``clerk-fapi`` argument parser: the global options, defined once, and one sub-parser per command.

The global options live in one parent parser shared by the top parser and every command, so that
``clerk-fapi --json token`` and ``clerk-fapi token --json`` both work. Their defaults are suppressed
there (a command must not overwrite what was given before it) and supplied once, by :func:`parse_args`.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from .._version import __version__
from .exits import PROG

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at start-up (see README, Development)
if TYPE_CHECKING:
    from typing import Any, Final

__all__ = [
    "ENV_FRONTEND_API",
    "ENV_PUBLISHABLE_KEY",
    "ENV_TESTING_TOKEN",
    "FIRST_FACTORS",
    "GLOBAL_DEFAULTS",
    "SECOND_FACTORS",
    "build_parser",
    "parse_args",
]

ENV_PUBLISHABLE_KEY: Final = "CLERK_PUBLISHABLE_KEY"
ENV_FRONTEND_API: Final = "CLERK_FRONTEND_API"
ENV_TESTING_TOKEN: Final = "CLERK_TESTING_TOKEN"

FIRST_FACTORS: Final = ("password", "email_code", "phone_code")
SECOND_FACTORS: Final = ("totp", "backup_code", "phone_code", "email_code")

# The value of each global option when it is given neither before nor after the command.
GLOBAL_DEFAULTS: Final[dict[str, Any]] = {
    "publishable_key": None,
    "frontend_api": None,
    "store": None,
    "testing_token": None,
    "json": False,
}


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter, as wide as ``shutil.get_terminal_size()`` would make it, without importing
    shutil (and with it bz2, lzma and zlib) on every start-up: a quarter of ``--help``'s own time."""

    def __init__(
        self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None
    ) -> None:
        super().__init__(
            prog, indent_increment, max_help_position, _columns() - 2 if width is None else width
        )


def _columns() -> int:
    """The terminal's width by ``shutil.get_terminal_size``'s rules: $COLUMNS, else stdout's, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns if columns > 0 else 80


def _global_options() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(
        add_help=False, argument_default=argparse.SUPPRESS, formatter_class=_HelpFormatter
    )
    group = parent.add_argument_group("global options")
    group.add_argument(
        "--publishable-key",
        metavar="KEY",
        help=f"the instance's publishable key, pk_test_... or pk_live_... (env {ENV_PUBLISHABLE_KEY})",
    )
    group.add_argument(
        "--frontend-api",
        metavar="URL",
        help=f"the Frontend API URL instead of a key, e.g. http://127.0.0.1:8787 (env {ENV_FRONTEND_API})",
    )
    group.add_argument(
        "--store",
        metavar="PATH",
        help="the state file holding the client token (default: one file per host in the user's config dir)",
    )
    group.add_argument(
        "--testing-token",
        metavar="TOKEN",
        help=f"a Clerk testing token, to pass bot protection in automated runs (env {ENV_TESTING_TOKEN})",
    )
    group.add_argument("--json", action="store_true", help="print machine-readable JSON instead of tables")
    return parent


def _version_option() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False, formatter_class=_HelpFormatter)
    parent.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parent


def build_parser() -> argparse.ArgumentParser:
    """The parser of ``clerk-fapi``'s command line; parse with :func:`parse_args` to get the defaults."""
    common = _global_options()
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="A Clerk Frontend API client on the command line: sign in or up, hold sessions, "
        "and print session tokens. The client is kept between runs in a state file.",
        epilog='example: curl -H "Authorization: Bearer $(clerk-fapi token)" https://api.example.com/',
        parents=[_version_option(), common],
        formatter_class=_HelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def command(name: str, help: str) -> argparse.ArgumentParser:
        return commands.add_parser(
            name, help=help, description=help, parents=[common], formatter_class=_HelpFormatter
        )

    command("status", "show the client, its sessions and any sign-in or sign-up in progress")
    _sign_up_options(command("sign-up", "sign a new user up (prompts for what is missing in a terminal)"))
    _sign_in_options(
        command("sign-in", "sign a user in (password or a code, then a second factor if needed)")
    )
    _token_options(command("token", "print a session JWT for the active session (only the JWT, on stdout)"))
    command("sessions", "list the client's sessions")
    switch = command("switch", "make another session the active one")
    switch.add_argument("session", metavar="SESSION", help="a session id (or the user identifier of one)")
    sign_out = command("sign-out", "remove every session (the client stays, as clerk-js signOut does)")
    sign_out.add_argument("--session", metavar="ID", help="remove only this session")
    sign_out.add_argument("--all", action="store_true", help="every session (the default, kept for scripts)")
    command("destroy", "delete the client on the server and forget it here")
    command("environment", "show the instance's settings; --json prints the whole /v1/environment")
    # organizations (bodies in cli/orgs.py)
    command("orgs", "list the organizations of the signed-in user, the active one marked")
    switch_org = command("switch-org", "make an organization (or the personal account) the active one")
    switch_org.add_argument(
        "organization", metavar="SLUG|ID|personal", help="an organization slug or id, or personal"
    )
    # The signed-in user (/v1/me).
    command("whoami", "show the signed-in user: emails, phones, second factors, active organization")
    return parser


def parse_args(parser: argparse.ArgumentParser, argv: Sequence[str] | None) -> argparse.Namespace:
    """``parser.parse_args(argv)`` with the global options' defaults; exits 2 on a usage error."""
    return parser.parse_args(argv, namespace=argparse.Namespace(**GLOBAL_DEFAULTS))


def _sign_up_options(sign_up: argparse.ArgumentParser) -> None:
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


def _sign_in_options(sign_in: argparse.ArgumentParser) -> None:
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
    sign_in.add_argument(
        "--as",
        dest="as_user",
        metavar="EMAIL_OR_USER_ID",
        help="sign this user in with a sign-in token made with the secret key in CLERK_SECRET_KEY "
        "(Backend API at CLERK_API_URL, default https://api.clerk.com; needs clerk-fapi[backend])",
    )
    _email_link_options(sign_in)
    # Sign-in through the browser (hosted sign-in; the body is in cli/web.py); --redirect-url and --timeout
    # are shared with --email-link.
    web = sign_in.add_argument_group("sign in through the browser")
    web.add_argument(
        "--web", action="store_true", help="sign in in the browser (hosted sign-in, Account Portal with PKCE)"
    )
    web.add_argument("--no-browser", action="store_true", help="with --web: print the URL to open elsewhere")
    web.add_argument(
        "--provider",
        metavar="NAME",
        help="with --web: go straight to this OAuth provider (google, github...) instead of the hosted page",
    )


def _token_options(token: argparse.ArgumentParser) -> None:
    token.add_argument("--template", metavar="T", help="a JWT template name")
    token.add_argument(
        "--org", metavar="SLUG|ID", help="the organization (slug or id, or personal) the token is for"
    )
    token.add_argument("--skip-cache", action="store_true", help="mint a new token even if one is fresh")


def _email_link_options(sign_in: argparse.ArgumentParser) -> None:
    link = sign_in.add_argument_group("email link")
    link.add_argument(
        "--email-link",
        metavar="ADDRESS",
        help="mail a sign-in link to ADDRESS and wait until it is opened in any browser",
    )
    link.add_argument(
        "--redirect-url",
        metavar="URL",
        help="where the link sends the browser after it is opened; with --web, where the browser comes back: "
        "http://127.0.0.1:PORT/... is caught by a one-shot listener (default: a free port), any other URL "
        "(e.g. myapp://callback) is pasted back from the address bar",
    )
    link.add_argument(
        "--timeout", type=_seconds, default=600.0, metavar="SECONDS", help="how long to wait (default 600)"
    )
    link.add_argument(
        "--poll-interval",
        type=_seconds,
        default=1.0,
        metavar="SECONDS",
        help="how often to check whether the link was opened (default 1)",
    )


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not 0 < value < float("inf"):
        raise argparse.ArgumentTypeError(f"must be a positive number of seconds: {text!r}")
    return value
