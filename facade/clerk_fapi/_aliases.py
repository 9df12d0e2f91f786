"""The names of Clerk's documentation (``signIn``, ``activeSessions``, ``isNew()``...).

Thin aliases of the snake_case API, defined here once, so code written from the documentation
runs on both ``Client`` and ``AsyncClient``.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from ._models import SessionData, SignInData, SignUpData


class _Documented(Protocol):
    """What the client class this is mixed into provides."""

    @property
    def sign_in(self: _Documented) -> SignInData | None: ...
    @property
    def sign_up(self: _Documented) -> SignUpData | None: ...
    @property
    def active_sessions(self: _Documented) -> list[SessionData]: ...
    @property
    def signed_in_sessions(self: _Documented) -> list[SessionData]: ...
    @property
    def last_active_session_id(self: _Documented) -> str | None: ...
    @property
    def updated_at(self: _Documented) -> datetime | None: ...
    @property
    def created_at(self: _Documented) -> datetime | None: ...
    def is_new(self: _Documented) -> bool: ...


class DocumentedNames:
    """camelCase aliases; each one returns exactly what its snake_case twin returns."""

    @property
    def signIn(self: _Documented) -> SignInData | None:
        return self.sign_in

    @property
    def signUp(self: _Documented) -> SignUpData | None:
        return self.sign_up

    @property
    def activeSessions(self: _Documented) -> list[SessionData]:
        return self.active_sessions

    @property
    def signedInSessions(self: _Documented) -> list[SessionData]:
        return self.signed_in_sessions

    @property
    def lastActiveSessionId(self: _Documented) -> str | None:
        return self.last_active_session_id

    @property
    def updatedAt(self: _Documented) -> datetime | None:
        return self.updated_at

    @property
    def createdAt(self: _Documented) -> datetime | None:
        return self.created_at

    def isNew(self: _Documented) -> bool:
        return self.is_new()
