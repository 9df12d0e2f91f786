"""The ``clerk-fapi`` command line: a persistent Frontend API client in a shell.

Every run resumes the client kept in a state file (``--store``; by default one file per Frontend API
host in the user's config directory), reloads it from the server, does one thing and saves the
rotated client token again::

    clerk-fapi --frontend-api http://127.0.0.1:8787 sign-in --identifier jane+clerk_test@example.com
    curl -H "Authorization: Bearer $(clerk-fapi token)" https://api.example.com/me

Global options (before or after the command): ``--publishable-key`` (``CLERK_PUBLISHABLE_KEY``),
``--frontend-api`` (``CLERK_FRONTEND_API``), ``--store PATH``, ``--testing-token``
(``CLERK_TESTING_TOKEN``), ``--json``.

With ``CLERK_SECRET_KEY`` set (and the ``backend`` extra), every run fetches a testing token through the
Backend API (``CLERK_API_URL``, default ``https://api.clerk.com``), and ``sign-in --as EMAIL`` signs a user in
with a sign-in token (see :mod:`.backend`). The secret key is read from the environment only.

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
- ``token``: ``jwt``, ``session_id``, ``template``, ``organization_id`` (the id ``--org`` resolved
  to), ``expires_at``.
- ``switch``: ``client_id``, ``last_active_session_id``, ``session``.
- ``sign-out``: ``client_id``, ``ended`` (the ids of the sessions signed out), ``last_active_session_id``.
- ``destroy``: ``destroyed`` (the client id, or null when there was none).
- ``environment``: the whole ``GET /v1/environment`` answer, as the server sent it.
- ``orgs``: ``session_id``, ``active_organization_id``, ``memberships`` (each ``id``, ``role``,
  ``role_name``, ``permissions``, ``active``, ``organization`` with ``id``, ``name``, ``slug``).
- ``switch-org``: ``client_id``, ``session``, ``active_organization`` (``id``, ``name``, ``slug``;
  null for the personal account).
- ``whoami``: ``user_id``, ``session_id``, ``first_name``, ``last_name``, ``username``,
  ``primary_email_address``, ``primary_phone_number``, ``email_addresses`` (``id``, ``email_address``,
  ``status``, ``primary``), ``phone_numbers`` (the same with ``phone_number`` and
  ``reserved_for_second_factor``), ``password_enabled``, ``two_factor_enabled``, ``second_factors``
  (``totp``, ``backup_code``, ``phone_code``: the second-factor numbers), ``active_organization_id``.
- errors (stderr): ``{"error": {"type", "message", "code", "codes", "status_code", "trace_id"}}``.

The package: :mod:`.parser` (options and commands), :mod:`.commands` (status, sessions, token, switch,
sign-out, destroy), :mod:`.orgs` (orgs, switch-org), :mod:`.sign_in` and :mod:`.sign_up` (the flows),
:mod:`.whoami` (the user), :mod:`.output` (tables, JSON and errors), :mod:`.prompting` (asking in a
terminal), :mod:`.store` (the state file) and :mod:`.runner` (one run, from arguments to exit status).
"""

from __future__ import annotations

from collections.abc import Sequence

from .exits import EXIT_API, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE
from .parser import build_parser, parse_args

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at start-up (see README, Development)
if TYPE_CHECKING:
    from typing import TextIO

    from .store import default_store_path

__all__ = [
    "EXIT_API",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_USAGE",
    "build_parser",
    "default_store_path",
    "main",
]


def main(
    argv: Sequence[str] | None = None,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Run ``clerk-fapi`` with ``argv`` (default: ``sys.argv[1:]``); returns the exit status.

    The arguments are parsed before the client is imported, so ``--help``, ``--version`` and usage
    errors answer without loading httpx and the generated models.
    """
    parser = build_parser()
    args = parse_args(parser, argv)  # exits 0 on --help/--version, 2 on a usage error
    from .runner import run

    return run(args, parser, stdin=stdin, stdout=stdout, stderr=stderr)


def __getattr__(name: str) -> object:
    """``default_store_path``, loaded on first use (it needs the client)."""
    if name == "default_store_path":
        from .store import default_store_path

        return default_store_path
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
