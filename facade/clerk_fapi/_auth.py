"""Who the client is: the publishable key, the client token and how it travels.

Native mode (the default): every request carries ``_is_native=1``, ``x-mobile: 1`` and
``Authorization: <client token>`` (empty before there is one); every answer may carry a rotated
token in its ``Authorization`` header, stored at once and echoed back verbatim.

Browser mode: the client token is the ``__client`` cookie, sent with an ``Origin`` header; on
development instances a dev-browser token travels as the ``__clerk_db_jwt`` query parameter instead,
obtained from ``POST /v1/dev_browser`` and replaced by any ``Clerk-Db-Jwt`` answer header.

:class:`AuthState` is pure bookkeeping (no I/O of its own beyond the token store): the request
engine asks it to decorate each request and hands it each answer's headers.
"""

from __future__ import annotations

import base64
import binascii
import ipaddress
import re
import urllib.request
from collections.abc import MutableMapping
from email.message import Message
from http.cookiejar import CookieJar, DefaultCookiePolicy
from typing import Final, Literal
from urllib.parse import urlsplit

import httpx

from ._errors import ConfigurationError, TokenStoreError
from ._token_store import CLIENT_TOKEN, DEV_BROWSER_TOKEN, MemoryTokenStore, TokenStore

Mode = Literal["native", "browser"]

CLIENT_COOKIE: Final = "__client"
DEV_BROWSER_QUERY: Final = "__clerk_db_jwt"
DEV_BROWSER_HEADER: Final = "clerk-db-jwt"
TESTING_TOKEN_QUERY: Final = "__clerk_testing_token"
API_VERSION_HEADER: Final = "clerk-api-version"
MOBILE_HEADER: Final = "x-mobile"


def frontend_api_from_publishable_key(key: str) -> str:
    """The Frontend API host encoded in a publishable key (``pk_test_...`` or ``pk_live_...``).

    The part after the prefix is unpadded base64 of ``"<host>$"``.
    """
    if not isinstance(key, str):
        raise ConfigurationError("publishable_key must be a string")
    prefix = next((p for p in ("pk_test_", "pk_live_") if key.startswith(p)), None)
    if prefix is None:
        raise ConfigurationError("publishable_key must start with pk_test_ or pk_live_")
    encoded = key[len(prefix) :]
    try:
        decoded = base64.b64decode(encoded + "=" * (-len(encoded) % 4), validate=True).decode("utf-8")
    except (binascii.Error, ValueError) as exc:
        raise ConfigurationError("publishable_key is not valid base64 after its prefix") from exc
    if decoded.count("$") != 1 or not decoded.endswith("$"):
        raise ConfigurationError("publishable_key does not decode to '<host>$'")
    host = decoded[:-1]
    if "." not in host or any(c in host for c in "/ ?#@"):
        raise ConfigurationError("publishable_key does not decode to a host name")
    try:
        check_base_url("https://" + host)
    except ConfigurationError as exc:
        raise ConfigurationError(f"publishable_key does not decode to a usable host: {exc}") from None
    return host


def is_development_key(key: str) -> bool:
    return key.startswith("pk_test_")


# A scheme before the host ("javascript:", "data:"), not a port ("localhost:8080").
_OTHER_SCHEME: Final = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:(?![0-9]*(?:/|$))")


def normalize_base_url(frontend_api: str) -> str:
    """A base URL from ``https://host``, ``host``, ``http://127.0.0.1:PORT`` or a proxy URL with a
    path (``https://app.example.com/__clerk``), without a trailing slash.

    Everything the first request would trip on is refused here: control characters and spaces,
    another scheme, credentials, a bad port, a host name IDNA or DNS cannot use.
    """
    if not isinstance(frontend_api, str):
        raise ConfigurationError("frontend_api must be a string")
    value = frontend_api.strip()
    if not value:
        raise ConfigurationError("frontend_api must not be empty")
    if "@" in value:
        # Never repeated in a message: the part before the @ is a user name and password.
        raise ConfigurationError("frontend_api must not hold credentials (user:password@host)")
    if not value.isprintable() or any(c.isspace() for c in value):
        raise ConfigurationError("frontend_api must not hold spaces or control characters")
    if "://" not in value and not _OTHER_SCHEME.match(value):
        value = "https://" + value
    try:
        parts = urlsplit(value)
    except ValueError as exc:
        raise ConfigurationError(f"frontend_api is not a URL ({exc})") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigurationError(f"frontend_api must be an http(s) URL or a host name, got {frontend_api!r}")
    if parts.scheme == "http" and not _is_loopback(parts.hostname):
        raise ConfigurationError(
            "frontend_api may use plain http only for a loopback host (127.0.0.1, localhost)"
        )
    if parts.query or parts.fragment:
        raise ConfigurationError("frontend_api must not have a query or a fragment")
    path = parts.path.rstrip("/")
    if path.endswith("/v1"):
        raise ConfigurationError("frontend_api must not end in /v1 (the /v1 prefix is added by the library)")
    check_base_url(f"{parts.scheme}://{parts.netloc}")
    # A path is a proxy's prefix (e.g. https://app.example.com/__clerk): requests go to <path>/v1/...
    return f"{parts.scheme}://{parts.netloc}{path}"


def origin_of(base_url: str) -> str:
    """``scheme://host[:port]`` of a base URL (without a proxy path): what an Origin header carries."""
    parts = urlsplit(base_url)
    return f"{parts.scheme}://{parts.netloc}"


def check_base_url(base: str) -> None:
    """Refuse a base URL httpx, IDNA or DNS would refuse on the first request: a bad port, a host
    that does not encode, a label over 63 or a name over 253 characters."""
    try:
        parts = urlsplit(base)
        port = parts.port
        url = httpx.URL(base + "/v1/client")
        host = url.raw_host.decode("ascii")
        url.host  # noqa: B018 - decoding an "xn--" label can fail too, and httpx does it on use
    except (httpx.InvalidURL, ValueError) as exc:
        # ValueError covers urlsplit's bad ports and brackets and the idna package's errors.
        raise ConfigurationError(f"frontend_api is not a usable URL ({type(exc).__name__}: {exc})") from None
    if port == 0:
        raise ConfigurationError("frontend_api has port 0")
    if not host.startswith("[") and not _is_ip(host):
        labels = host.rstrip(".").split(".")
        if len(host) > 253 or any(not label or len(label) > 63 for label in labels):
            raise ConfigurationError(
                "frontend_api has a host name DNS cannot resolve (an empty label, a label over 63 "
                "characters or a name over 253)"
            )


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class BadCredential(ValueError):
    """An answer handed back a credential that could not be sent again (nothing was stored)."""


def is_sendable(token: str) -> bool:
    """True for a token that can travel in a header, a cookie or a query: printable ASCII."""
    return token.isascii() and token.isprintable()


# The longest header or query value the constructor takes (api_version, origin, testing_token).
MAX_HEADER_VALUE_CHARS: Final = 4096


def check_sendable(name: str, value: str | None, limit: int = MAX_HEADER_VALUE_CHARS) -> None:
    """Refuse a configured header or query value that could not be sent (never quoted: it may be
    a secret): printable ASCII only (no CR, LF or NUL), at most ``limit`` characters."""
    if value is None:
        return
    if not isinstance(value, str):
        raise ConfigurationError(f"{name} must be a string")
    if not is_sendable(value):
        raise ConfigurationError(f"{name} must be printable ASCII (no line breaks or control characters)")
    if len(value) > limit:
        raise ConfigurationError(f"{name} is longer than {limit} characters")


class AuthState:
    """The client's credentials and how they are put on requests and read back from answers."""

    def __init__(
        self,
        *,
        mode: Mode,
        store: TokenStore | None,
        dev_browser: bool,
        origin: str | None,
        testing_token: str | None,
        api_version: str | None,
    ) -> None:
        if mode not in ("native", "browser"):
            raise ConfigurationError("mode must be 'native' or 'browser'")
        if store is not None and not all(callable(getattr(store, m, None)) for m in ("get", "set")):
            raise ConfigurationError(
                "token_store must have get(name) and set(name, value) methods (see TokenStore)"
            )
        self.mode: Mode = mode
        self.store: TokenStore = store if store is not None else MemoryTokenStore()
        self.dev_browser = dev_browser and mode == "browser"
        self.origin = origin
        self._testing_token = testing_token
        self.api_version = api_version

    def __repr__(self) -> str:
        return (
            f"<AuthState mode={self.mode} dev_browser={self.dev_browser} has_token={self.has_client_token}>"
        )

    @property
    def has_client_token(self) -> bool:
        return bool(self.store.get(CLIENT_TOKEN))

    @property
    def needs_dev_browser(self) -> bool:
        return self.dev_browser and not self.store.get(DEV_BROWSER_TOKEN)

    def decorate(self, headers: MutableMapping[str, str], params: MutableMapping[str, str]) -> None:
        """Put the credentials and the cross-cutting parameters on one request."""
        if self.api_version:
            headers[API_VERSION_HEADER] = self.api_version
        if self._testing_token:
            params[TESTING_TOKEN_QUERY] = self._testing_token
        token = self._stored(CLIENT_TOKEN)
        if self.mode == "native":
            params["_is_native"] = "1"
            headers[MOBILE_HEADER] = "1"  # as every native SDK sends it (iOS, Android, Expo, Flutter)
            headers["Authorization"] = token
            return
        if self.origin:
            headers["Origin"] = self.origin
        if token:
            headers["Cookie"] = f"{CLIENT_COOKIE}={token}"
        db_jwt = self._stored(DEV_BROWSER_TOKEN)
        if self.dev_browser and db_jwt:
            params[DEV_BROWSER_QUERY] = db_jwt

    def _stored(self, name: str) -> str:
        token = self.store.get(name) or ""
        if not is_sendable(token):
            raise TokenStoreError(
                f"the stored {name} token is not printable ASCII, so it cannot be sent; "
                f"sign in again after clearing the token store"
            )
        return token

    def absorb(self, response: httpx.Response) -> None:
        """Store every credential an answer hands back (before its body is even looked at).

        A credential that could not be sent back (not printable ASCII) raises :class:`BadCredential`
        and nothing of this answer is stored: the previous tokens stay.
        """
        headers = response.headers
        updates: dict[str, str | None] = {}
        if self.mode == "native" and "authorization" in headers:
            value = headers["authorization"].strip()
            # An empty value or a bare scheme means the server cleared the token.
            updates[CLIENT_TOKEN] = None if value.lower() in ("", "bearer") else value
        if self.mode == "browser":
            cookie = _client_cookie(headers.get_list("set-cookie"), str(response.request.url))
            if cookie is not None:
                updates[CLIENT_TOKEN] = cookie or None
        if DEV_BROWSER_HEADER in headers and self.mode == "browser":
            updates[DEV_BROWSER_TOKEN] = headers[DEV_BROWSER_HEADER] or None
        for name, update in updates.items():
            if update is not None and not is_sendable(update):
                raise BadCredential(
                    f"the answer handed back a {name} token that is not printable ASCII; "
                    f"it was not stored and the previous one is kept"
                )
        for name, update in updates.items():
            self.store.set(name, update)

    def set_dev_browser_token(self, token: str | None) -> None:
        self.store.set(DEV_BROWSER_TOKEN, token)

    def forget_client(self) -> None:
        """Drop the client token (after the client was destroyed)."""
        self.store.set(CLIENT_TOKEN, None)


def _client_cookie(set_cookies: list[str], url: str) -> str | None:
    """The ``__client`` value a browser would keep from these Set-Cookie headers of an answer to
    ``url`` ("" when it deleted the cookie), or None when they leave it as it is.

    Each header goes through ``http.cookiejar``, as a browser applies it: a cookie for another
    domain (or a public suffix) is refused, one whose Path does not cover ``/v1/client`` would not
    be sent to us, and ``Max-Age`` <= 0 or a past ``Expires`` deletes it.
    """
    found: str | None = None
    for set_cookie in set_cookies:
        if set_cookie.split(";", 1)[0].split("=", 1)[0].strip() != CLIENT_COOKIE:
            continue
        sent = _cookie_sent_back(set_cookie, url)
        if sent is None:
            # Not sent back: refused, or expired. It is a deletion when the same cookie, unexpired,
            # would have been sent back.
            unexpired = ";".join(
                part
                for part in set_cookie.split(";")
                if part.split("=", 1)[0].strip().lower() not in ("max-age", "expires")
            )
            if _cookie_sent_back(unexpired, url) is not None:
                found = ""
        else:
            found = sent
    return found


class _SetCookieAnswer:
    """The part of a ``urllib`` response ``CookieJar.extract_cookies`` reads: its headers."""

    def __init__(self, set_cookie: str) -> None:
        self._headers = Message()
        self._headers["Set-Cookie"] = set_cookie

    def info(self) -> Message:
        return self._headers


# Loopback http (the only plain http a client accepts) is a secure context to browsers.
_COOKIE_POLICY: Final = DefaultCookiePolicy(secure_protocols=("https", "wss", "http"))


def _cookie_sent_back(set_cookie: str, url: str) -> str | None:
    """The ``__client`` value a browser would send to ``/v1/client`` after this one Set-Cookie."""
    jar = CookieJar(_COOKIE_POLICY)
    jar.extract_cookies(_SetCookieAnswer(set_cookie), urllib.request.Request(url))  # type: ignore[arg-type]
    parts = urlsplit(url)
    probe = urllib.request.Request(f"{parts.scheme}://{parts.netloc}/v1/client")
    jar.add_cookie_header(probe)
    for pair in (probe.get_header("Cookie") or "").split(";"):
        name, _, value = pair.strip().partition("=")
        if name == CLIENT_COOKIE:
            return value
    return None
