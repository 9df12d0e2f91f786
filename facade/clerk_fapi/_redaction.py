"""Keeping this library's secrets out of httpx's and httpcore's log records, and only those.

httpx logs every request URL at INFO (the query may hold the dev-browser or testing token) and
httpcore logs every response's headers at DEBUG (rotated ``Authorization`` tokens, ``Set-Cookie:
__client=...``, ``Clerk-Db-Jwt``). The filters installed here act only on the records made while
this library sends (:func:`sending`): both libraries log in the sending thread or task, so the
records of other code's requests pass through untouched.
"""

from __future__ import annotations

import logging
import re
from contextvars import ContextVar

import httpx

__all__ = ["redact_url", "sending"]

# Query parameters that carry secrets.
_SECRET_QUERY = re.compile(
    r"(?P<name>__clerk_testing_token|__clerk_db_jwt|__dev_session|expired_token|rotating_token_nonce)=[^&\s\"]*"
)

# A credential header in httpcore's DEBUG record of response headers: (b'Authorization', b'...').
_SECRET_HEADER = re.compile(
    r"""(\(b(['"])(?:authorization|set-cookie|cookie|clerk-db-jwt)\2,\s*b)(['"])(?:\\.|(?!\3).)*\3""",
    re.IGNORECASE,
)

# Set while this library sends a request.
_SENDING: ContextVar[bool] = ContextVar("clerk_fapi_sending", default=False)


class sending:
    """Marks the requests sent inside as this library's: their log records get redacted.

    A class rather than a ``contextlib.contextmanager``: it runs around every request."""

    __slots__ = ("_token",)

    def __enter__(self) -> None:
        self._token = _SENDING.set(True)

    def __exit__(self, *exc_info: object) -> None:
        _SENDING.reset(self._token)


def redact_url(url: object) -> str:
    """A URL as text with the secret query parameters blanked out."""
    return _SECRET_QUERY.sub(lambda m: f"{m.group('name')}=<redacted>", str(url))


class _RedactSecretQuery(logging.Filter):
    """Blanks secret query parameters in httpx's records of this library's requests."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not _SENDING.get():
            return True
        if isinstance(record.args, tuple) and record.args:
            record.args = tuple(
                redact_url(a) if isinstance(a, httpx.URL | str) and "=" in str(a) else a for a in record.args
            )
        if isinstance(record.msg, str) and "=" in record.msg:
            record.msg = redact_url(record.msg)
        return True


class _RedactSecretHeaders(logging.Filter):
    """Blanks the credential headers in httpcore's DEBUG records of this library's requests."""

    def filter(self, record: logging.LogRecord) -> bool:
        if _SENDING.get() and isinstance(record.msg, str) and "(b" in record.msg:
            record.msg = _SECRET_HEADER.sub(r"\1'<redacted>'", record.msg)
        return True


def install_log_redaction() -> None:
    """Adds the filters to httpx's and httpcore's loggers (once; they pass other code's records as is)."""
    filters: tuple[tuple[str, type[logging.Filter]], ...] = (
        ("httpx", _RedactSecretQuery),
        ("httpcore.http11", _RedactSecretHeaders),
        ("httpcore.http2", _RedactSecretHeaders),
    )
    for name, kind in filters:
        target = logging.getLogger(name)
        if not any(isinstance(f, kind) for f in target.filters):
            target.addFilter(kind())
