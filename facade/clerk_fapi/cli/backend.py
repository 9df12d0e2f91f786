"""The command line's use of a secret key (``CLERK_SECRET_KEY``): a testing token fetched for every run,
and ``sign-in --as EMAIL``, a sign-in with a sign-in token as ``@clerk/testing`` does it.

Both go through :mod:`clerk_fapi.backend` (the ``backend`` extra). The secret key is read from the
environment only (never an option, which would show in the process list), and never printed.
"""

from __future__ import annotations

import os
from typing import TextIO

from ..backend import ENV_SECRET_KEY
from .context import Context
from .exits import PROG, UsageError
from .output import sign_in_json

__all__ = ["sign_in_as", "testing_token_from_secret_key"]

# sign-in options that make no sense with --as (the sign-in token is the whole first factor).
_EXCLUSIVE = ("identifier", "password", "strategy", "code", "second_factor_strategy", "second_factor_code")


def testing_token_from_secret_key(stderr: TextIO) -> str | None:
    """A fresh testing token when ``CLERK_SECRET_KEY`` is set, else None. Without the ``backend``
    extra the run goes on without one, and says so on stderr."""
    if not os.environ.get(ENV_SECRET_KEY, "").strip():
        return None
    from ..backend import BackendExtraMissingError, testing_token

    try:
        return testing_token()
    except BackendExtraMissingError as exc:
        stderr.write(f"{PROG}: note: {ENV_SECRET_KEY} is set but no testing token was fetched: {exc}\n")
        return None


def sign_in_as(ctx: Context) -> int:
    """``sign-in --as EMAIL_OR_USER_ID``: find the user, make a sign-in token, sign in with the ticket."""
    given = [f"--{name.replace('_', '-')}" for name in _EXCLUSIVE if getattr(ctx.args, name) is not None]
    if given:
        raise UsageError(f"--as signs in with a sign-in token; it cannot be combined with {', '.join(given)}")
    from ..backend import Backend

    with Backend() as backend:
        backend.sign_in_as(ctx.args.as_user, client=ctx.client)
    attempt = ctx.client.sign_in
    session_id = attempt.created_session_id if attempt is not None else ctx.client.last_active_session_id
    return ctx.signed_in("Signed in", "sign_in", sign_in_json(attempt), session_id)
