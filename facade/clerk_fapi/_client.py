"""The documented ``Client`` object, as ``Client`` (sync) and ``AsyncClient`` (async).

One brain, two shells: :class:`_ClientCore` holds the state, the configuration and every
operation's logic as a *plan* (a generator of :mod:`clerk_fapi._engine` actions). ``Client`` and
``AsyncClient`` only drive plans, one with blocking I/O, the other awaiting; their public methods
are one line each.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Generator
from datetime import UTC, datetime, timedelta
from types import TracebackType
from typing import Any, Final, Self, TypeVar

import attrs
import httpx

from . import _raw
from ._aliases import DocumentedNames
from ._auth import AuthState, Mode, frontend_api_from_publishable_key, is_development_key, normalize_base_url
from ._engine import DEFAULT_TIMEOUT, Engine, Flow, RetryPolicy, Send, Sleep
from ._errors import ConfigurationError
from ._models import (
    EMPTY_STATE,
    ClientState,
    Environment,
    Session,
    SessionStatus,
    SignIn,
    SignUp,
    client_state_from_raw,
    environment_from_raw,
)
from ._token_store import TokenStore

__all__ = ["DEFAULT_API_VERSION", "AsyncClient", "Client"]

DEFAULT_API_VERSION: Final = "2026-05-12"
# clerk-js: a client whose cookie expires within this window should be touched to extend it.
TOUCH_WINDOW: Final = timedelta(days=8)

T = TypeVar("T")


class _Unset:
    def __repr__(self) -> str:
        return "<unset>"


_UNSET: Final = _Unset()
TimeoutArg = float | httpx.Timeout | None | _Unset


class _ClientCore(DocumentedNames):
    """State, configuration and the logic of every operation, shared by both shells."""

    def __init__(
        self,
        *,
        publishable_key: str | None,
        frontend_api: str | None,
        mode: Mode,
        api_version: str | None,
        testing_token: str | None,
        timeout: TimeoutArg,
        max_retries: int,
        retry_policy: RetryPolicy | None,
        token_store: TokenStore | None,
        origin: str | None,
        dev_browser: bool | None,
        injected_http_client: bool,
    ) -> None:
        if frontend_api is not None:
            base_url = normalize_base_url(frontend_api)
        elif publishable_key is not None:
            base_url = "https://" + frontend_api_from_publishable_key(publishable_key)
        else:
            raise ConfigurationError("give publishable_key='pk_...' or frontend_api='https://...'")
        if publishable_key is not None and frontend_api is not None:
            frontend_api_from_publishable_key(publishable_key)  # still validate it
        if dev_browser is None:
            dev_browser = (
                is_development_key(publishable_key)
                if publishable_key is not None
                else base_url.endswith(".clerk.accounts.dev")
            )
        if max_retries < 0:
            raise ConfigurationError("max_retries must be >= 0")
        policy = retry_policy or RetryPolicy()
        if retry_policy is None or max_retries != policy.max_retries:
            policy = attrs.evolve(policy, max_retries=max_retries)
        self._base_url = base_url
        self._engine = Engine(
            base_url=base_url,
            auth=AuthState(
                mode=mode,
                store=token_store,
                dev_browser=dev_browser,
                origin=origin or base_url,
                testing_token=testing_token,
                api_version=api_version,
            ),
            retry=policy,
            timeout=_resolve_timeout(timeout, injected_http_client),
        )
        self._state: ClientState = EMPTY_STATE
        self._environment: Environment | None = None

    def __repr__(self) -> str:
        s = self._state
        return (
            f"<{type(self).__name__} id={s.id} sessions={len(s.sessions)} "
            f"active={len(self.active_sessions)} sign_in={s.sign_in.status if s.sign_in else None} "
            f"sign_up={s.sign_up.status if s.sign_up else None} mode={self.mode} "
            f"frontend_api={self._base_url}>"
        )

    # ----- configuration ---------------------------------------------------------------------------
    @property
    def frontend_api(self) -> str:
        """The base URL requests go to."""
        return self._base_url

    @property
    def mode(self) -> Mode:
        return self._engine.auth.mode

    @property
    def retry_policy(self) -> RetryPolicy:
        return self._engine.retry

    # ----- the documented state --------------------------------------------------------------------
    @property
    def id(self) -> str | None:
        return self._state.id

    @property
    def sessions(self) -> list[Session]:
        """Every session created on this client, whatever its status."""
        return list(self._state.sessions)

    @property
    def active_sessions(self) -> list[Session]:
        """Sessions whose status is ``active``."""
        return [s for s in self._state.sessions if s.status == SessionStatus.ACTIVE]

    @property
    def signed_in_sessions(self) -> list[Session]:
        """Sessions whose status is ``active`` or ``pending`` (signed in, tasks outstanding)."""
        return [s for s in self._state.sessions if s.status in SessionStatus.SIGNED_IN]

    @property
    def last_active_session_id(self) -> str | None:
        return self._state.last_active_session_id

    @property
    def last_active_session(self) -> Session | None:
        """The session whose id is ``last_active_session_id``, or None."""
        wanted = self._state.last_active_session_id
        return next((s for s in self._state.sessions if s.id == wanted), None) if wanted else None

    @property
    def sign_in(self) -> SignIn | None:
        return self._state.sign_in

    @property
    def sign_up(self) -> SignUp | None:
        return self._state.sign_up

    @property
    def created_at(self) -> datetime | None:
        return self._state.created_at

    @property
    def updated_at(self) -> datetime | None:
        return self._state.updated_at

    @property
    def cookie_expires_at(self) -> datetime | None:
        return self._state.cookie_expires_at

    @property
    def last_authentication_strategy(self) -> str | None:
        return self._state.last_authentication_strategy

    @property
    def captcha_bypass(self) -> bool | None:
        return self._state.captcha_bypass

    @property
    def extra(self) -> dict[str, Any]:
        """Fields of the client the server sent that this version does not know."""
        return dict(self._state.extra)

    @property
    def state(self) -> ClientState:
        """The whole current snapshot (immutable)."""
        return self._state

    def is_new(self) -> bool:
        """True while the client has no id (never created, or destroyed)."""
        return self._state.id is None

    def is_eligible_for_touch(self, now: datetime | None = None) -> bool:
        """True when the client's cookie expires within 8 days (clerk-js ``isEligibleForTouch``)."""
        expires = self._state.cookie_expires_at
        if expires is None:
            return False
        return expires - (now or datetime.now(UTC)) < TOUCH_WINDOW

    def reset_sign_in(self) -> None:
        """Forget the sign-in in progress, locally (no request)."""
        self._state = attrs.evolve(self._state, sign_in=None)

    def reset_sign_up(self) -> None:
        """Forget the sign-up in progress, locally (no request)."""
        self._state = attrs.evolve(self._state, sign_up=None)

    def clear_cache(self) -> None:
        """Drop cached values (the environment, session tokens); the next use fetches them again."""
        self._environment = None

    # ----- plans: the logic of each operation, written once ---------------------------------------
    def _apply(self, state: ClientState | None) -> None:
        """Replace the whole snapshot with the server's (a None piggyback leaves it as it is)."""
        if state is not None:
            self._state = state

    def _plan_client(self, endpoint: _raw.Endpoint) -> Flow[ClientState]:
        state = yield from self._engine.call(endpoint, convert=_client_from_envelope)
        self._apply(state)
        return state

    def _plan_destroy(self) -> Flow[None]:
        yield from self._engine.call(_raw.DELETE_CLIENT, convert=lambda parsed: None)
        # What clerk-js does after DELETE /client: every field back to its empty value.
        self._state = EMPTY_STATE
        self._engine.auth.forget_client()
        self.clear_cache()

    def _plan_remove_sessions(self) -> Flow[ClientState]:
        state = yield from self._plan_client(_raw.REMOVE_SESSIONS)
        self.clear_cache()
        return state

    def _plan_environment(self, refresh: bool) -> Flow[Environment]:
        if self._environment is not None and not refresh:
            return self._environment
        environment = yield from self._engine.call(_raw.GET_ENVIRONMENT, convert=environment_from_raw)
        self._environment = environment
        return environment


def _client_from_envelope(parsed: Any) -> ClientState:
    """The client of a ``ClientEnvelope``: in ``response``; a null response means no client."""
    client = _raw.UNSET if parsed is None else parsed.response
    if client is None or client is _raw.UNSET:
        return EMPTY_STATE
    return _client_state(client, "response")


def _client_state(client: Any, where: str) -> ClientState:
    from clerk_fapi_raw.models import Client as RawClient

    if not isinstance(client, RawClient):
        from ._models import ShapeError

        raise ShapeError(where, "Client", client)
    return client_state_from_raw(client, where)


def _resolve_timeout(timeout: TimeoutArg, injected: bool) -> httpx.Timeout | None:
    if isinstance(timeout, _Unset):
        # An injected httpx client keeps its own timeout; ours always has one.
        return None if injected else DEFAULT_TIMEOUT
    if timeout is None:
        raise ConfigurationError(
            "timeout=None would wait forever; give a number of seconds or an httpx.Timeout"
        )
    if isinstance(timeout, httpx.Timeout):
        return timeout
    if isinstance(timeout, bool) or not isinstance(timeout, int | float) or timeout <= 0:
        raise ConfigurationError("timeout must be a positive number of seconds or an httpx.Timeout")
    return httpx.Timeout(float(timeout))


# ----- the sync shell --------------------------------------------------------------------------------
class Client(_ClientCore):
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
        timeout: TimeoutArg = _UNSET,
        max_retries: int = 2,
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
        self._owns_http = http_client is None
        self._http = http_client or httpx.Client(transport=transport, timeout=DEFAULT_TIMEOUT)
        self._sleep: Callable[[float], None] = time.sleep

    def _run(self, flow: Flow[T]) -> T:
        return _drive_sync(flow, self._http, self._sleep)

    def reload(self) -> Self:
        """Fetch the client from the server (GET /v1/client)."""
        self._run(self._plan_client(_raw.GET_CLIENT))
        return self

    def create(self) -> Self:
        """Create a new client on the server (PUT /v1/client) and return it."""
        self._run(self._plan_client(_raw.PUT_CLIENT))
        return self

    def destroy(self) -> None:
        """End every session and delete the client (DELETE /v1/client), then reset locally."""
        self._run(self._plan_destroy())

    def remove_sessions(self) -> Self:
        """Remove every session but keep the client (DELETE /v1/client/sessions)."""
        self._run(self._plan_remove_sessions())
        return self

    def get_environment(self, *, refresh: bool = False) -> Environment:
        """The instance's settings (GET /v1/environment), cached until :meth:`clear_cache`."""
        return self._run(self._plan_environment(refresh))

    def close(self) -> None:
        """Close the HTTP connections (unless the http_client was given by the caller)."""
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


# ----- the async shell -------------------------------------------------------------------------------
class AsyncClient(_ClientCore):
    """A Clerk Frontend API client (asyncio). The same surface as :class:`Client`, awaitable."""

    def __init__(
        self,
        publishable_key: str | None = None,
        *,
        frontend_api: str | None = None,
        mode: Mode = "native",
        api_version: str | None = DEFAULT_API_VERSION,
        testing_token: str | None = None,
        timeout: TimeoutArg = _UNSET,
        max_retries: int = 2,
        retry_policy: RetryPolicy | None = None,
        token_store: TokenStore | None = None,
        http_client: httpx.AsyncClient | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
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
        self._owns_http = http_client is None
        self._http = http_client or httpx.AsyncClient(transport=transport, timeout=DEFAULT_TIMEOUT)
        self._sleep: Callable[[float], Any] = asyncio.sleep

    async def _run(self, flow: Flow[T]) -> T:
        return await _drive_async(flow, self._http, self._sleep)

    async def reload(self) -> Self:
        """Fetch the client from the server (GET /v1/client)."""
        await self._run(self._plan_client(_raw.GET_CLIENT))
        return self

    async def create(self) -> Self:
        """Create a new client on the server (PUT /v1/client) and return it."""
        await self._run(self._plan_client(_raw.PUT_CLIENT))
        return self

    async def destroy(self) -> None:
        """End every session and delete the client (DELETE /v1/client), then reset locally."""
        await self._run(self._plan_destroy())

    async def remove_sessions(self) -> Self:
        """Remove every session but keep the client (DELETE /v1/client/sessions)."""
        await self._run(self._plan_remove_sessions())
        return self

    async def get_environment(self, *, refresh: bool = False) -> Environment:
        """The instance's settings (GET /v1/environment), cached until :meth:`clear_cache`."""
        return await self._run(self._plan_environment(refresh))

    async def aclose(self) -> None:
        """Close the HTTP connections (unless the http_client was given by the caller)."""
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()


# ----- drivers ---------------------------------------------------------------------------------------
def _drive_sync(flow: Generator[Any, Any, T], http: httpx.Client, sleep: Callable[[float], None]) -> T:
    reply: Any = None
    try:
        while True:
            action = flow.send(reply)
            if isinstance(action, Send):
                try:
                    reply = http.send(action.request)
                except httpx.TransportError as exc:
                    reply = exc
            elif isinstance(action, Sleep):
                sleep(action.seconds)
                reply = None
            else:  # pragma: no cover - a programming error
                raise TypeError(f"unknown action {action!r}")
    except StopIteration as stop:
        result: T = stop.value
        return result
    finally:
        flow.close()


async def _drive_async(
    flow: Generator[Any, Any, T], http: httpx.AsyncClient, sleep: Callable[[float], Any]
) -> T:
    reply: Any = None
    try:
        while True:
            action = flow.send(reply)
            if isinstance(action, Send):
                try:
                    reply = await http.send(action.request)
                except httpx.TransportError as exc:
                    reply = exc
            elif isinstance(action, Sleep):
                await sleep(action.seconds)
                reply = None
            else:  # pragma: no cover - a programming error
                raise TypeError(f"unknown action {action!r}")
    except StopIteration as stop:
        result: T = stop.value
        return result
    finally:
        flow.close()
