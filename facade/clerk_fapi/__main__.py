"""``python -m clerk_fapi`` and the ``clerk-fapi`` console script: see :mod:`clerk_fapi.cli`."""

from __future__ import annotations

from collections.abc import Sequence

from .cli import main as _run

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``) and return its exit status."""
    return _run(list(argv) if argv is not None else None)


if __name__ == "__main__":
    raise SystemExit(main())
