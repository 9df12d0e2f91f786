"""The documented ``Client`` object, as ``Client`` (sync) and ``AsyncClient`` (async).

One brain, two shells: :class:`~clerk_fapi._core._ClientCore` holds the state and the
configuration, :mod:`clerk_fapi._ops` the logic of every operation. ``Client`` and ``AsyncClient``
only drive operations (:mod:`clerk_fapi._drivers`), one with blocking I/O, the other awaiting, and
bind what they return; their public methods are deliberate twins of one or two lines each,
documented once, on ``Client`` (see :mod:`clerk_fapi._twins`).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Awaitable, Callable, Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self, TypeVar

import httpx

from ._core import DEFAULT_API_VERSION, TimeoutArg, _ClientCore
from ._deadline import bound_sockets
from ._errors import ConfigurationError
from ._lazy import LazyAttribute, LazyModule, lazy_modules
from ._sentinel import NOT_GIVEN, NotGiven
from ._twins import documented_by

# What a client needs is imported when it is created (the engine) or by the first use (see
# clerk_fapi._lazy): the operations of each flow, the resources it binds, anyio (AsyncClient only),
# the drivers and the endpoints.
if TYPE_CHECKING:
    import anyio
    import anyio.lowlevel

    from . import _raw
    from ._auth import Mode
    from ._engine import Flow, RetryPolicy
    from ._flow_resources import AsyncSignIn, AsyncSignUp, SignIn, SignUp
    from ._models import Environment, SessionData
    from ._ops import (
        client,
        environment,
        external,
        hosted,
        organizations,
        sessions,
        sign_ins,
        sign_ups,
        tokens,
    )
    from ._organizations import Organization
    from ._resources import AsyncSession, Session
    from ._token_cache import CacheKey
    from ._token_store import TokenStore
    from ._user import AsyncUser, User
else:
    _raw = LazyModule(globals(), "_raw", "._raw")
    anyio = LazyModule(globals(), "anyio", "anyio", ("anyio.lowlevel",))
    client, environment, external, hosted, organizations, sessions, sign_ins, sign_ups, tokens = lazy_modules(
        globals(),
        "._ops",
        "client environment external hosted organizations sessions sign_ins sign_ups tokens",
    )

__all__ = ["DEFAULT_API_VERSION", "AsyncClient", "Client"]

T = TypeVar("T")


def _signed_in_session_id(core: _ClientCore[Any, Any, Any]) -> str:
    """The default session's id, for a call that acts for a signed-in user."""
    session_id = tokens.default_session_id(core)
    if session_id is None:
        raise ConfigurationError("no session is signed in: sign in first")
    return session_id


# ----- the sync shell --------------------------------------------------------------------------------
class Client(_ClientCore["Session", "SignIn", "SignUp"]):
    """A Clerk Frontend API client (blocking I/O).

    ``Client(publishable_key="pk_test_...")`` or ``Client(frontend_api="https://clerk.example.com")``.
    Use it as a context manager, or call :meth:`close`.
    """

    def __init__(
        self,
        publishable_key: str | None = None,
        *,
        frontend_api: str | None = None,
        mode: Mode = "native",
        api_version: str | None = DEFAULT_API_VERSION,
        testing_token: str | None = None,
        timeout: TimeoutArg = NOT_GIVEN,
        max_retries: int | None = None,
        retry_policy: RetryPolicy | None = None,
        token_store: TokenStore | None = None,
        http_client: httpx.Client | None = None,
        transport: httpx.BaseTransport | None = None,
        origin: str | None = None,
        dev_browser: bool | None = None,
    ) -> None:
        if http_client is not None and transport is not None:
            raise ConfigurationError("give http_client or transport, not both")
        super().__init__(
            publishable_key=publishable_key,
            frontend_api=frontend_api,
            mode=mode,
            api_version=api_version,
            testing_token=testing_token,
            timeout=timeout,
            max_retries=max_retries,
            retry_policy=retry_policy,
            token_store=token_store,
            origin=origin,
            dev_browser=dev_browser,
            injected_http_client=http_client is not None,
        )
        from ._engine import DEFAULT_TIMEOUT

        self._owns_http = http_client is None
        self._http = http_client or httpx.Client(transport=transport, timeout=DEFAULT_TIMEOUT)
        bound_sockets(self._http)
        self._sleep: Callable[[float], None] = time.sleep
        # Calls sharing this client are sent one at a time (see Send); get_token's per-key locks are
        # always taken before it, never while it is held.
        self._send_lock = threading.Lock()
        self._token_locks: dict[CacheKey, threading.Lock] = {}
        self._token_locks_guard = threading.Lock()

    if TYPE_CHECKING:
        _session_cls = Session
        _sign_in_cls = SignIn
        _sign_up_cls = SignUp
    else:  # the resources (and the read models under them) are imported when the first is bound
        _session_cls = LazyAttribute("._resources", "Session")
        _sign_in_cls = LazyAttribute("._flow_resources", "SignIn")
        _sign_up_cls = LazyAttribute("._flow_resources", "SignUp")

    @property
    def user(self) -> User | None:
        """The user of the default session (the last active one if it is signed in, else the first
        signed-in one), with its /v1/me calls; None when no session is signed in."""
        session = self._find_session(tokens.default_session_id(self))
        return session.user if session else None

    def _run(self, flow: Flow[T]) -> T:
        from ._drivers import check_open, drive_sync

        check_open(self._closed or self._http.is_closed, flow)
        return drive_sync(flow, self._http, self._sleep, self._send_lock)

    def _get_token(
        self, session_id: str, template: str | None, organization_id: str | NotGiven | None, skip_cache: bool
    ) -> str | None:
        if cached := self._cached_token(session_id, template, organization_id, skip_cache):
            return cached  # a hit: no lock, no flow
        key = tokens.key(self, session_id, template, organization_id)
        with self._token_locks_guard:
            lock = self._token_locks.setdefault(key, threading.Lock())
        # One request per key at a time: callers that waited find the fresh token in the cache.
        with lock:
            return self._run(tokens.get_token(self, session_id, template, organization_id, skip_cache))

    def reload(self) -> Self:
        """Fetch the client from the server (GET /v1/client)."""
        self._run(client.fetch(self, _raw.GET_CLIENT))
        return self

    def create(self) -> Self:
        """Create a new client on the server (PUT /v1/client) and return it."""
        self._run(client.fetch(self, _raw.PUT_CLIENT))
        return self

    def destroy(self) -> None:
        """End every session and delete the client (DELETE /v1/client), then reset locally."""
        self._run(client.destroy(self))

    def remove_sessions(self) -> Self:
        """Remove every session but keep the client (DELETE /v1/client/sessions)."""
        self._run(client.remove_sessions(self))
        return self

    def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        form: Mapping[str, Any] | None = None,
    ) -> Any:
        """Call a Frontend API endpoint that this library does not wrap yet (``path`` as
        ``/v1/...``), with the client's credentials, retries and errors. Returns the whole decoded
        JSON body (with its ``response`` and ``client`` parts when the answer is enveloped; None
        for an empty body); a client it carries (``client`` or ``meta.client``) is applied."""
        return self._run(client.request(self, method, path, params, form))

    def sign_out(self, session_id: str | None = None) -> Self:
        """Sign out as clerk-js ``signOut()`` does: remove every session and keep the client
        (DELETE /v1/client/sessions); with ``session_id``, remove that session only
        (POST .../remove), unless it is the only one signed in. Nothing is sent without sessions,
        nor for a session id that is not signed in."""
        self._run(client.sign_out(self, session_id))
        return self

    def get_environment(self, *, refresh: bool = False) -> Environment:
        """The instance's settings (GET /v1/environment), cached until :meth:`clear_cache`."""
        return self._run(environment.get(self, refresh))

    def start_sign_in(
        self,
        identifier: str | None = None,
        *,
        password: str | None = None,
        strategy: str | None = None,
        ticket: str | None = None,
        **fields: Any,
    ) -> SignIn:
        """Start a sign-in (POST /v1/client/sign_ins). An identifier with a password may complete it.
        With ``strategy="oauth_<provider>"`` (or ``"enterprise_sso"`` and an ``identifier``) and a
        ``redirect_url``, the sign-in's :attr:`~SignInData.external_verification_url` is the page to
        open in a browser; finish with :meth:`SignIn.handle_callback` (see the README)."""
        fields.update(identifier=identifier, password=password, strategy=strategy, ticket=ticket)
        return self._bind_sign_in(self._run(external.start_sign_in(self, fields)))

    def sign_in_with_password(self, identifier: str, password: str) -> Session:
        """Sign in in one call and return the new session; raises :class:`SignInIncompleteError`
        (saying which step is needed) when the sign-in needs more, e.g. a second factor."""
        return self._bind_session(self._run(sign_ins.with_password(self, identifier, password)))

    def start_sign_up(self, **fields: Any) -> SignUp:
        """Start a sign-up (POST /v1/client/sign_ups) with any of its fields; with
        ``strategy="oauth_<provider>"`` and ``redirect_url``, its
        :attr:`~SignUpData.external_verification_url` is the page to open in a browser."""
        return self._bind_sign_up(self._run(sign_ups.start(self, fields)))

    def start_hosted_sign_in(self, redirect_url: str, mode: str | None = None) -> hosted.HostedSignIn:
        """Start a hosted sign-in (Account Portal with PKCE, POST /v1/client/hosted_auth): open the
        returned ``url`` in a browser, then pass the URL the browser is sent back to (``redirect_url``
        with ``state``, ``rotating_token_nonce`` and ``created_session_id``) to
        :meth:`complete_hosted_sign_in`. ``redirect_url`` is a custom scheme (``myapp://callback``) or
        http on a loopback host; ``mode`` is ``"sign-in"`` (the default) or ``"sign-up"``. One hosted
        sign-in at a time: :class:`HostedSignInInProgressError` otherwise."""
        return self._run(hosted.start(self, redirect_url, mode))

    def complete_hosted_sign_in(self, callback_url: str) -> Session:
        """Finish the hosted sign-in in flight from the URL the browser was sent back to: check it
        (a :class:`CallbackError` says what is wrong), redeem its nonce with the PKCE verifier
        (POST /v1/client), and make the created session active; returns it."""
        return self._bind_session(self._run(hosted.complete(self, callback_url)))

    def set_active(
        self,
        session: SessionData | str,
        organization_id: str | NotGiven | None = NOT_GIVEN,
        *,
        organization: str | NotGiven | None = NOT_GIVEN,
    ) -> Session:
        """Make ``session`` (or the session with this id) the last active one, optionally selecting
        an organization (None or "" = the personal account). ``organization`` takes an id or a
        slug; a slug is resolved from the user's memberships, as clerk-js does."""
        flow = sessions.set_active(self, session, organization_id, organization)
        return self._bind_session(self._run(flow))

    def get_token(
        self,
        template: str | None = None,
        organization_id: str | NotGiven | None = NOT_GIVEN,
        skip_cache: bool = False,
    ) -> str | None:
        """A JWT for the default session (see :meth:`Session.get_token`): the last active session if
        it is signed in, else the first signed-in one. None, without a request, when no session is
        signed in (as clerk-js's ``getToken()`` when signed out)."""
        session_id = tokens.default_session_id(self)
        if session_id is None:
            return None
        return self._get_token(session_id, template, organization_id, skip_cache)

    def create_organization(self, name: str, slug: str | None = None) -> Organization:
        """Create an organization whose admin is the user of the default session (see
        :meth:`get_token`), as :meth:`Session.create_organization`; :class:`ConfigurationError`
        without a request when no session is signed in."""
        return self._run(organizations.create(self, _signed_in_session_id(self), name, slug))

    def close(self) -> None:
        """Close the HTTP connections (unless the http_client was given by the caller); later calls
        raise :class:`ClientClosedError`."""
        self._closed = True
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


# ----- the async shell -------------------------------------------------------------------------------
@documented_by(Client)
class AsyncClient(_ClientCore["AsyncSession", "AsyncSignIn", "AsyncSignUp"]):
    """A Clerk Frontend API client (asyncio or trio). The same surface as :class:`Client`, awaitable."""

    def __init__(
        self,
        publishable_key: str | None = None,
        *,
        frontend_api: str | None = None,
        mode: Mode = "native",
        api_version: str | None = DEFAULT_API_VERSION,
        testing_token: str | None = None,
        timeout: TimeoutArg = NOT_GIVEN,
        max_retries: int | None = None,
        retry_policy: RetryPolicy | None = None,
        token_store: TokenStore | None = None,
        http_client: httpx.AsyncClient | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        origin: str | None = None,
        dev_browser: bool | None = None,
    ) -> None:
        # A deliberate twin of Client.__init__ (only the httpx types differ): the public signature
        # is spelled out on each shell; tests/facade/test_twins.py holds the two to the same parameters.
        if http_client is not None and transport is not None:
            raise ConfigurationError("give http_client or transport, not both")
        super().__init__(
            publishable_key=publishable_key,
            frontend_api=frontend_api,
            mode=mode,
            api_version=api_version,
            testing_token=testing_token,
            timeout=timeout,
            max_retries=max_retries,
            retry_policy=retry_policy,
            token_store=token_store,
            origin=origin,
            dev_browser=dev_browser,
            injected_http_client=http_client is not None,
        )
        from ._engine import DEFAULT_TIMEOUT

        self._owns_http = http_client is None
        self._http = http_client or httpx.AsyncClient(transport=transport, timeout=DEFAULT_TIMEOUT)
        self._sleep: Callable[[float], Awaitable[Any]] = anyio.sleep
        self._send_lock = anyio.Lock()  # as Client's: tasks sharing this client send one at a time
        self._token_locks: dict[CacheKey, anyio.Lock] = {}
        self._loop: anyio.lowlevel.EventLoopToken | None = None  # the first call's (asyncio or trio)

    if TYPE_CHECKING:
        _session_cls = AsyncSession
        _sign_in_cls = AsyncSignIn
        _sign_up_cls = AsyncSignUp
    else:
        _session_cls = LazyAttribute("._resources", "AsyncSession")
        _sign_in_cls = LazyAttribute("._flow_resources", "AsyncSignIn")
        _sign_up_cls = LazyAttribute("._flow_resources", "AsyncSignUp")

    @property
    def user(self) -> AsyncUser | None:
        """The user of the default session (the last active one if it is signed in, else the first
        signed-in one), with its /v1/me calls; None when no session is signed in."""
        session = self._find_session(tokens.default_session_id(self))
        return session.user if session else None

    async def _run(self, flow: Flow[T]) -> T:
        from ._drivers import check_open, drive_async

        check_open(self._closed or self._http.is_closed, flow)
        self._check_loop()
        return await drive_async(flow, self._http, self._sleep, self._send_lock)

    def _check_loop(self) -> None:
        """Refuse a call from another event loop than the first call's (the connections and locks
        belong to that loop), whichever async library runs it."""
        loop = anyio.lowlevel.current_token()
        if self._loop is None:
            self._loop = loop
        if self._loop != loop:
            raise ConfigurationError(
                "this AsyncClient was first used in another event loop; use one AsyncClient per event loop"
            )

    async def _get_token(
        self, session_id: str, template: str | None, organization_id: str | NotGiven | None, skip_cache: bool
    ) -> str | None:
        self._check_loop()
        if cached := self._cached_token(session_id, template, organization_id, skip_cache):
            return cached  # a hit: no lock, no flow
        key = tokens.key(self, session_id, template, organization_id)
        lock = self._token_locks.setdefault(key, anyio.Lock())
        # One request per key at a time: tasks that waited find the fresh token in the cache.
        async with lock:
            return await self._run(tokens.get_token(self, session_id, template, organization_id, skip_cache))

    async def reload(self) -> Self:
        await self._run(client.fetch(self, _raw.GET_CLIENT))
        return self

    async def create(self) -> Self:
        await self._run(client.fetch(self, _raw.PUT_CLIENT))
        return self

    async def destroy(self) -> None:
        await self._run(client.destroy(self))

    async def remove_sessions(self) -> Self:
        await self._run(client.remove_sessions(self))
        return self

    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        form: Mapping[str, Any] | None = None,
    ) -> Any:
        return await self._run(client.request(self, method, path, params, form))

    async def sign_out(self, session_id: str | None = None) -> Self:
        await self._run(client.sign_out(self, session_id))
        return self

    async def get_environment(self, *, refresh: bool = False) -> Environment:
        return await self._run(environment.get(self, refresh))

    async def start_sign_in(
        self,
        identifier: str | None = None,
        *,
        password: str | None = None,
        strategy: str | None = None,
        ticket: str | None = None,
        **fields: Any,
    ) -> AsyncSignIn:
        fields.update(identifier=identifier, password=password, strategy=strategy, ticket=ticket)
        return self._bind_sign_in(await self._run(external.start_sign_in(self, fields)))

    async def sign_in_with_password(self, identifier: str, password: str) -> AsyncSession:
        return self._bind_session(await self._run(sign_ins.with_password(self, identifier, password)))

    async def start_sign_up(self, **fields: Any) -> AsyncSignUp:
        return self._bind_sign_up(await self._run(sign_ups.start(self, fields)))

    async def start_hosted_sign_in(self, redirect_url: str, mode: str | None = None) -> hosted.HostedSignIn:
        return await self._run(hosted.start(self, redirect_url, mode))

    async def complete_hosted_sign_in(self, callback_url: str) -> AsyncSession:
        return self._bind_session(await self._run(hosted.complete(self, callback_url)))

    async def set_active(
        self,
        session: SessionData | str,
        organization_id: str | NotGiven | None = NOT_GIVEN,
        *,
        organization: str | NotGiven | None = NOT_GIVEN,
    ) -> AsyncSession:
        flow = sessions.set_active(self, session, organization_id, organization)
        return self._bind_session(await self._run(flow))

    async def get_token(
        self,
        template: str | None = None,
        organization_id: str | NotGiven | None = NOT_GIVEN,
        skip_cache: bool = False,
    ) -> str | None:
        session_id = tokens.default_session_id(self)
        if session_id is None:
            return None
        return await self._get_token(session_id, template, organization_id, skip_cache)

    async def create_organization(self, name: str, slug: str | None = None) -> Organization:
        return await self._run(organizations.create(self, _signed_in_session_id(self), name, slug))

    async def aclose(self) -> None:
        self._closed = True
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()
