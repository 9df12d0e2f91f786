"""Keeping secrets out of the emulator's log lines.

Request lines carry credentials in their query (`__clerk_db_jwt`, `__dev_session`, `__clerk_testing_token`,
`expired_token`...) and malformed requests are logged as they came. Every query value is blanked except those
of a few harmless parameters, whatever the spelling of its name; JWT-shaped strings, dev-browser tokens and
`Bearer` credentials are blanked wherever they appear.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

REDACTED = "<redacted>"

# Query parameters whose values say how a request was made, not who made it.
_HARMLESS_PARAMS = frozenset({"_is_native", "_clerk_js_version", "__clerk_api_version", "_method"})
_QUERY_PAIR = re.compile(r"(?<=[?&;])(?P<name>[^=&;\s'\"?#]*)=(?P<value>[^&;\s'\"#]*)")
# Credential headers written out as `Name: value`, and credentials recognisable by their shape.
_HEADER_VALUE = re.compile(
    r"(?i)\b(?P<name>authorization|cookie|set-cookie|clerk-db-jwt)(?P<sep>\s*:\s*)[^\r\n'\"]+"
)
_TOKENS = (
    re.compile(r"(?i)(?<=bearer )\s*[^\s'\"]+"),
    re.compile(r"[\w-]{8,}\.[\w-]{8,}\.[\w-]{8,}"),
    re.compile(r"\bdvb_\w+"),
)


def _blank_value(match: re.Match[str]) -> str:
    name = match.group("name")
    if unquote(name) in _HARMLESS_PARAMS or not match.group("value"):
        return match.group(0)
    return f"{name}={REDACTED}"


def redact(text: str) -> str:
    """`text` (a request line, a URL, a log message) with every credential in it blanked out."""
    text = _QUERY_PAIR.sub(_blank_value, text)
    text = _HEADER_VALUE.sub(lambda m: f"{m.group('name')}{m.group('sep')}{REDACTED}", text)
    for pattern in _TOKENS:
        text = pattern.sub(REDACTED, text)
    return text
