"""``SessionAuth``: call your own API as the signed-in user, with a session JWT that stays fresh.

An ``httpx.Auth`` (for ``httpx.Client`` and ``httpx.AsyncClient``) that sends
``Authorization: Bearer <session JWT>``, taken from the client's token cache
(:mod:`clerk_fapi._token_cache`) through ``get_token``:

- a token is refreshed ahead of its expiry, as clerk-js does about 15 s before: a token with
  ``leeway`` seconds or less left is never sent;
- concurrent requests (threads or tasks) that find the token stale share one refresh;
- a 401 from your API refreshes the token once and resends the request, for idempotent methods
  only unless configured (``retry_on_401``);
- minting a token has its own retry budget (:class:`TokenRetry`), larger than a single call's
  (clerk-js retries ``getToken`` up to 8 times over about 3 minutes on 5xx, 429 and network errors);
- optionally a background thread (sync) or task (async) keeps the token warm for long-lived
  services, stopped by ``close()`` / leaving the ``with`` block.

No token appears in a ``repr``, a log line or an error message.
"""

from __future__ import annotations

import threading
import time
from collections.abc import AsyncGenerator, Awaitable, Callable, Collection, Generator
from types import TracebackType
from typing import Any, Self

import anyio
import anyio.abc
import anyio.to_thread
import attrs
import httpx

from ._client import AsyncClient, Client
from ._errors import ClerkConnectionError, ClerkError, ConfigurationError, RateLimitError, ServerError
from ._ops import tokens
from ._resources import AsyncSession, Session
from ._sentinel import NOT_GIVEN, NotGiven
from ._token_cache import CacheKey

__all__ = ["DEFAULT_REFRESH_LEEWAY", "IDEMPOTENT_METHODS", "NotSignedInError", "SessionAuth", "TokenRetry"]

DEFAULT_REFRESH_LEEWAY = 15.0
# The background refresh renews a token this much earlier than a request would, so requests never wait.
BACKGROUND_AHEAD = 10.0
# RFC 9110 section 9.2.2: resending one of these has the same effect as sending it once.
IDEMPOTENT_METHODS: frozenset[str] = frozenset({"GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE"})

SessionLike = Client | AsyncClient | Session | AsyncSession


class NotSignedInError(ClerkError):
    """There is no signed-in session to take a token from (the client signed out, or never signed in)."""


def _check_seconds(name: str, value: object, *, positive: bool = False) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not value == value:  # NaN
        raise ConfigurationError(f"{name} must be a number of seconds")
    if value < 0 or (positive and value == 0) or value == float("inf"):
        kind = "positive" if positive else "non-negative"
        raise ConfigurationError(f"{name} must be a {kind} finite number")


@attrs.frozen
class TokenRetry:
    """How minting a session token is retried when the Frontend API is unavailable.

    Up to ``attempts`` calls of ``get_token`` (each with the client's own :class:`RetryPolicy`
    inside), on 5xx, 429 and connection errors only, waiting ``initial_delay`` seconds and doubling up
    to ``max_delay`` between them, and never waiting more than ``budget`` seconds in all: the last
    error is raised then. The defaults follow clerk-js (8 attempts over about 3 minutes).
    """

    attempts: int = 8
    initial_delay: float = 1.0
    max_delay: float = 60.0
    budget: float = 180.0

    def __attrs_post_init__(self) -> None:
        if isinstance(self.attempts, bool) or not isinstance(self.attempts, int) or self.attempts < 1:
            raise ConfigurationError("TokenRetry.attempts must be a whole number >= 1")
        for name in ("initial_delay", "max_delay", "budget"):
            _check_seconds(f"TokenRetry.{name}", getattr(self, name))

    def delays(self) -> Generator[float, None, None]:
        """The waits between attempts: at most ``attempts - 1`` of them, adding up to ``budget`` or less."""
        spent, delay = 0.0, self.initial_delay
        for _ in range(self.attempts - 1):
            wait = min(delay, self.max_delay)
            if spent + wait > self.budget:
                return
            yield wait
            spent += wait
            delay *= 2


def _retryable(error: Exception) -> bool:
    return isinstance(error, ServerError | RateLimitError | ClerkConnectionError)


class SessionAuth(httpx.Auth):
    """Authenticate requests to your own API as the signed-in user (``Authorization: Bearer <JWT>``).

    ``SessionAuth(client)`` follows the client's default session (the last active one);
    ``SessionAuth(session)`` stays on that session. ``template`` asks for a JWT-template token;
    ``organization_id`` a token for that organization (None or "": the personal account). A sync
    ``Client``/``Session`` works with ``httpx.Client`` and ``httpx.AsyncClient`` (minting then runs in
    a worker thread); an ``AsyncClient``/``AsyncSession`` works with ``httpx.AsyncClient`` only.

    ``leeway``: a token with this many seconds or less left is refreshed before it is sent (15, as
    clerk-js). ``retry_on_401``: the methods resent once with a new token after a 401 (default: the
    idempotent ones; POST and PATCH are not). ``token_retry``: the retry budget for minting.
    ``background=True`` keeps the token warm: every ``refresh_interval`` seconds it renews a token with
    less than ``leeway`` + 10 s (+ the interval) left, so requests find a fresh one.
    """

    requires_request_body = True  # so a request with a body can be resent after a 401

    def __init__(
        self,
        session_or_client: SessionLike,
        template: str | None = None,
        organization_id: str | NotGiven | None = NOT_GIVEN,
        *,
        leeway: float = DEFAULT_REFRESH_LEEWAY,
        retry_on_401: Collection[str] = IDEMPOTENT_METHODS,
        token_retry: TokenRetry | None = None,
        background: bool = False,
        refresh_interval: float = 5.0,
        sleep: Callable[[float], None] = time.sleep,
        async_sleep: Callable[[float], Awaitable[Any]] = anyio.sleep,
    ) -> None:
        owner: object = session_or_client
        self._session_id: str | None = None
        if isinstance(session_or_client, Session | AsyncSession):
            owner, self._session_id = session_or_client._owner, session_or_client.id
        if not isinstance(owner, Client | AsyncClient):
            raise ConfigurationError("SessionAuth takes a Client, AsyncClient, Session or AsyncSession")
        self._owner: Client | AsyncClient = owner
        if template is not None and not isinstance(organization_id, NotGiven):
            raise ConfigurationError("a template token is minted for the session's active organization")
        _check_seconds("leeway", leeway)
        _check_seconds("refresh_interval", refresh_interval, positive=True)
        if isinstance(retry_on_401, str):
            raise ConfigurationError("retry_on_401 takes a collection of methods, e.g. {'GET', 'POST'}")
        self._template = template
        self._organization_id = organization_id
        self._leeway = float(leeway)
        self._retry_on_401 = frozenset(method.upper() for method in retry_on_401)
        self._token_retry = token_retry or TokenRetry()
        self._refresh_interval = float(refresh_interval)
        self._sleep = sleep
        self._async_sleep = async_sleep
        # One refresh at a time; callers that waited find the new token in the cache.
        self._thread_lock = threading.Lock()
        self._task_lock = anyio.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._task_group: anyio.abc.TaskGroup | None = None
        self._background = background
        if background and isinstance(self._owner, Client):
            self.start_background()

    def __repr__(self) -> str:
        kind = "session" if self._session_id else "client"
        return f"<SessionAuth {kind} template={self._template!r} leeway={self._leeway}>"

    @property
    def retry_on_401(self) -> frozenset[str]:
        """The methods resent once with a new token after a 401."""
        return self._retry_on_401

    # ----- which token ------------------------------------------------------------------------------
    def _key(self) -> tuple[str, CacheKey]:
        session_id = self._session_id or tokens.default_session_id(self._owner)
        if session_id is None:
            raise NotSignedInError("no signed-in session to authenticate with: sign in first")
        return session_id, tokens.key(self._owner, session_id, self._template, self._organization_id)

    def _cached(self, stale: str | None) -> tuple[str, str | None]:
        """The session id and the cached token if it has more than the leeway left (and is not ``stale``)."""
        session_id, key = self._key()
        jwt = self._owner._tokens.fresh(key, self._leeway)
        return session_id, (None if jwt is None or jwt == stale else jwt)

    # ----- sync ---------------------------------------------------------------------------------------
    def token(self, *, stale: str | None = None) -> str:
        """A session JWT with more than the leeway left, minted when needed (blocking). ``stale``: a
        token your API refused; a different one is returned."""
        owner = self._owner
        if not isinstance(owner, Client):
            raise ConfigurationError("an AsyncClient's SessionAuth needs httpx.AsyncClient (use atoken())")
        _, jwt = self._cached(stale)
        if jwt is not None:
            return jwt
        with self._thread_lock:
            session_id, jwt = self._cached(stale)
            if jwt is not None:
                return jwt
            delays = self._token_retry.delays()
            while True:
                try:
                    minted = owner._get_token(session_id, self._template, self._organization_id, True)
                    break
                except Exception as error:
                    wait = next(delays, None) if _retryable(error) else None
                    if wait is None:
                        raise
                    self._sleep(wait)
        if not minted:
            raise NotSignedInError("the session is no longer signed in")
        return minted

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        """httpx's hook: add the token, and on a 401 refresh it and resend once (if the method allows)."""
        sent = self.token()
        request.headers["Authorization"] = f"Bearer {sent}"
        response = yield request
        if response.status_code == 401 and request.method.upper() in self._retry_on_401:
            request.headers["Authorization"] = f"Bearer {self.token(stale=sent)}"
            yield request

    # ----- async --------------------------------------------------------------------------------------
    async def atoken(self, *, stale: str | None = None) -> str:
        """The async twin of :meth:`token`; a sync client's token is minted in a worker thread."""
        owner = self._owner
        if isinstance(owner, Client):
            return await anyio.to_thread.run_sync(lambda: self.token(stale=stale))
        _, jwt = self._cached(stale)
        if jwt is not None:
            return jwt
        async with self._task_lock:
            session_id, jwt = self._cached(stale)
            if jwt is not None:
                return jwt
            delays = self._token_retry.delays()
            while True:
                try:
                    minted = await owner._get_token(session_id, self._template, self._organization_id, True)
                    break
                except Exception as error:
                    wait = next(delays, None) if _retryable(error) else None
                    if wait is None:
                        raise
                    await self._async_sleep(wait)
        if not minted:
            raise NotSignedInError("the session is no longer signed in")
        return minted

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        """httpx's async hook (see :meth:`sync_auth_flow`)."""
        sent = await self.atoken()
        request.headers["Authorization"] = f"Bearer {sent}"
        response = yield request
        if response.status_code == 401 and request.method.upper() in self._retry_on_401:
            request.headers["Authorization"] = f"Bearer {await self.atoken(stale=sent)}"
            yield request

    # ----- background refresh -------------------------------------------------------------------------
    def start_background(self) -> None:
        """Start the background refresh thread (a sync client's); :meth:`close` stops it."""
        if not isinstance(self._owner, Client):
            raise ConfigurationError("an AsyncClient's background refresh runs in `async with auth:`")
        if self._thread is None:
            self._stop.clear()
            thread = threading.Thread(target=self._run_thread, name="clerk-session-refresh", daemon=True)
            self._thread = thread
            thread.start()

    def _due(self) -> tuple[str, bool]:
        """The session id, and whether its token would enter the leeway before the next check."""
        session_id, key = self._key()
        ahead = self._leeway + BACKGROUND_AHEAD + self._refresh_interval
        return session_id, self._owner._tokens.fresh(key, ahead) is None

    def _run_thread(self) -> None:
        owner = self._owner
        assert isinstance(owner, Client)
        while not self._stop.is_set():
            try:
                if self._due()[1]:
                    with self._thread_lock:
                        session_id, due = self._due()
                        if due:
                            owner._get_token(session_id, self._template, self._organization_id, True)
            except ClerkError:
                pass  # the next check (or request) tries again; a request reports what is wrong
            self._stop.wait(self._refresh_interval)

    async def _run_task(self) -> None:
        owner = self._owner
        assert isinstance(owner, AsyncClient)
        while True:
            try:
                if self._due()[1]:
                    async with self._task_lock:
                        session_id, due = self._due()
                        if due:
                            await owner._get_token(session_id, self._template, self._organization_id, True)
            except ClerkError:
                pass  # as the thread's
            await anyio.sleep(self._refresh_interval)

    def close(self) -> None:
        """Stop the background refresh thread, if any, waiting up to 10 s for a refresh under way
        (the client stays open: it is yours)."""
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(timeout=10)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    async def __aenter__(self) -> Self:
        """Start the background task when asked for (``background=True`` with an ``AsyncClient``)."""
        if self._background and isinstance(self._owner, AsyncClient) and self._task_group is None:
            group = anyio.create_task_group()
            await group.__aenter__()
            group.start_soon(self._run_task, name="clerk-session-refresh")
            self._task_group = group
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        group, self._task_group = self._task_group, None
        if group is not None:
            group.cancel_scope.cancel()
            await group.__aexit__(None, None, None)
        self.close()
