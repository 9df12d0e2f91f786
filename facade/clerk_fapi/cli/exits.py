"""Exit statuses and the two failures a command raises that are not the library's own errors."""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at start-up (see README, Development)
if TYPE_CHECKING:
    from typing import Final

__all__ = [
    "EXIT_API",
    "EXIT_BROKEN_PIPE",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_USAGE",
    "PROG",
    "CommandFailed",
    "UsageError",
]

PROG: Final = "clerk-fapi"
EXIT_OK: Final = 0
EXIT_API: Final = 1
EXIT_USAGE: Final = 2
EXIT_INTERRUPTED: Final = 130
EXIT_BROKEN_PIPE: Final = 141  # 128 + SIGPIPE, what a shell reports for a writer whose reader left


class UsageError(Exception):
    """Something the user must give is missing (exit status 2)."""


class CommandFailed(Exception):
    """The command could not do what was asked, for a reason that is not an API error (exit status 1)."""
