"""What every command is given: the parsed options, the resumed client, its state file, and where
output and prompts go."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import attrs

from .._client import Client
from .._models import SessionData, Verification
from .exits import EXIT_OK
from .output import Output, session_json, user_label
from .prompting import Prompter

__all__ = ["Context", "code_pending"]


@attrs.define(frozen=True)
class Context:
    """One run: the parsed options, a resumed client and where output goes."""

    args: argparse.Namespace
    client: Client
    store_path: Path
    output: Output
    prompter: Prompter

    def session_by_id(self, session_id: str | None) -> SessionData | None:
        """The client's session with this id, or None."""
        return next((s for s in self.client.sessions if s.id == session_id), None)

    def signed_in(self, verb: str, key: str, resource: dict[str, Any] | None, session_id: str | None) -> int:
        """The result of a finished sign-in or sign-up: who is signed in, in which session."""
        session = self.session_by_id(session_id)
        last = self.client.last_active_session_id
        data = {
            "client_id": self.client.id,
            key: resource,
            "session": session_json(session, last) if session else None,
        }
        who = user_label(session) if session else "?"
        status = session.status if session else "unknown"
        self.output.result(f"{verb}: {who}\nSession {session_id} is {status}", data)
        return EXIT_OK


def code_pending(verification: Verification | None, strategy: str) -> bool:
    """True when a code for ``strategy`` was already sent and awaits its attempt (no new one is sent)."""
    return (
        verification is not None and verification.strategy == strategy and verification.status == "unverified"
    )
