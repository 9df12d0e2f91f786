"""Asking for what is missing: in a terminal a prompt (passwords without echo), otherwise a usage error
naming the option to give."""

from __future__ import annotations

import getpass
from typing import TextIO

from .exits import UsageError

__all__ = ["Prompter"]


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
        """A non-empty answer to ``prompt`` (stripped unless secret); ``UsageError`` naming ``option``
        when stdin is not a terminal or ends."""
        self._require_terminal(option)
        while True:
            if secret:
                try:
                    value = getpass.getpass(f"{prompt}: ", stream=self.stderr)
                except EOFError:
                    raise UsageError(f"no input for {option}") from None
            else:
                value = self._line(f"{prompt}: ", option).rstrip("\r\n").strip()
            if value:
                return value

    def confirm(self, prompt: str, option: str) -> bool:
        """True when the answer to the yes/no ``prompt`` is y or yes."""
        self._require_terminal(option)
        return self._line(f"{prompt} ", option).strip().lower() in ("y", "yes")

    def _require_terminal(self, option: str) -> None:
        if not self.interactive:
            raise UsageError(f"{option} is required (stdin is not a terminal, so it cannot be asked for)")

    def _line(self, prompt: str, option: str) -> str:
        self.stderr.write(prompt)
        self.stderr.flush()
        line = self.stdin.readline()
        if not line:
            raise UsageError(f"no input for {option}")
        return line
