"""The state and configuration both shells share: :class:`_ClientCore`.

``Client`` and ``AsyncClient`` (:mod:`clerk_fapi._client`) are this core plus a driver; the logic
of each operation lives in :mod:`clerk_fapi._ops`, which sees the core through
:class:`clerk_fapi._ops.Core`.
"""

from __future__ import annotations

import math
import threading
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, Final, Generic, TypeVar
from urllib.parse import urlsplit

import attrs
import httpx

from ._auth import (
    AuthState,
    Mode,
    check_sendable,
    frontend_api_from_publishable_key,
    is_development_key,
    normalize_base_url,
    origin_of,
)
from ._errors import ConfigurationError
from ._sentinel import NOT_GIVEN, NotGiven
from ._token_store import TokenStore

# The engine, the read models, the resources and the hosted sign-in are imported when a client is
# created or first needs them (see README, Development > Start-up).
if TYPE_CHECKING:
    from ._engine import RetryPolicy
    from ._models import ClientState, Environment, SessionData, SignInData, SignUpData
    from ._ops.hosted import HostedSignIn
    from ._token_cache import CacheKey

__all__ = ["DEFAULT_API_VERSION", "TimeoutArg"]

DEFAULT_API_VERSION: Final = "2026-05-12"
# clerk-js: a client whose cookie expires within this window should be touched to extend it.
TOUCH_WINDOW: Final = timedelta(days=8)

S = TypeVar("S", bound="SessionData")
SI = TypeVar("SI", bound="SignInData")
SU = TypeVar("SU", bound="SignUpData")

TimeoutArg = float | httpx.Timeout | None | NotGiven


class _BoundSessions(Generic[S]):
    """The sessions of one state snapshot bound to their client, built on first use: every access
    to the sessions of an unchanged state is O(1), and a new snapshot (every state change replaces
    the snapshot) is a new one of these."""

    __slots__ = ("by_id", "last_active", "sessions", "state", "token_keys")

    def __init__(self, state: ClientState, sessions: list[S]) -> None:
        self.state = state
        self.sessions = sessions
        # The first session of each id (as sessions.find), and the cache key of its plain session
        # token (no template, its active organization: what get_token() asks for).
        self.by_id: dict[str, S] = {}
        for session in sessions:
            self.by_id.setdefault(session.id, session)
        self.token_keys: dict[str, CacheKey] = {
            s.id: (s.id, None, s.last_active_organization_id or "") for s in self.by_id.values()
        }
        # The session of last_active_session_id (client.last_active_session, read per request).
        last_id = state.last_active_session_id
        self.last_active: S | None = self.by_id.get(last_id) if last_id else None


class _ClientCore(Generic[S, SI, SU]):
    """State, configuration and the documented properties, shared by both shells."""

    _session_cls: type[S]
    _sign_in_cls: type[SI]
    _sign_up_cls: type[SU]

    def __init__(
        self,
        *,
        publishable_key: str | None,
        frontend_api: str | None,
        mode: Mode,
        api_version: str | None,
        testing_token: str | None,
        timeout: TimeoutArg,
        max_retries: int | None,
        retry_policy: RetryPolicy | None,
        token_store: TokenStore | None,
        origin: str | None,
        dev_browser: bool | None,
        injected_http_client: bool,
    ) -> None:
        from ._engine import Engine
        from ._models import EMPTY_STATE
        from ._ops.hosted import HostedSlot
        from ._token_cache import TokenCache

        base_url = _base_url(publishable_key, frontend_api)
        if dev_browser is None:
            dev_browser = (
                is_development_key(publishable_key)
                if publishable_key is not None
                else (urlsplit(base_url).hostname or "").endswith(".clerk.accounts.dev")
            )
        for name, value in (
            ("api_version", api_version),
            ("origin", origin),
            ("testing_token", testing_token),
        ):
            check_sendable(name, value)
        self._base_url = base_url
        self._engine = Engine(
            base_url=base_url,
            auth=AuthState(
                mode=mode,
                store=token_store,
                dev_browser=dev_browser,
                origin=origin or origin_of(base_url),
                testing_token=testing_token,
                api_version=api_version,
            ),
            retry=_retry_policy(max_retries, retry_policy),
            timeout=_resolve_timeout(timeout, injected_http_client),
            on_client=self._apply,
        )
        self._state: ClientState = EMPTY_STATE
        self._bound_sessions: _BoundSessions[S] = _BoundSessions(EMPTY_STATE, [])
        self._state_lock = threading.Lock()  # held only while a snapshot is compared and replaced
        self._closed = False
        self._environment: Environment | None = None
        self._tokens = TokenCache()
        self._hosted = HostedSlot()  # the hosted sign-in in flight, if any (see _ops.hosted)
        self._engine.on_server_time = self._tokens.observe_server_time

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
        """``"native"`` (a client token in the Authorization header) or ``"browser"`` (cookies)."""
        return self._engine.auth.mode

    @property
    def retry_policy(self) -> RetryPolicy:
        """How failed requests are retried (attempts, backoff, honoured ``Retry-After``)."""
        return self._engine.retry

    # ----- the documented state --------------------------------------------------------------------
    @property
    def id(self) -> str | None:
        """The client's id, or None while it is new (never created, or destroyed)."""
        return self._state.id

    @property
    def sessions(self) -> list[S]:
        """Every session created on this client, whatever its status."""
        bound = self._bound_sessions
        if bound.state is not self._state:
            bound = self._bind_sessions()
        return bound.sessions.copy()

    @property
    def active_sessions(self) -> list[S]:
        """Sessions whose status is ``active``."""
        from ._models import SessionStatus

        return [s for s in self._bind_sessions().sessions if s.status == SessionStatus.ACTIVE]

    @property
    def signed_in_sessions(self) -> list[S]:
        """Sessions whose status is ``active`` or ``pending`` (signed in, tasks outstanding)."""
        from ._models import SessionStatus

        return [s for s in self._bind_sessions().sessions if s.status in SessionStatus.SIGNED_IN]

    @property
    def last_active_session_id(self) -> str | None:
        """The id of the session last made active on this client, or None."""
        return self._state.last_active_session_id

    @property
    def last_active_session(self) -> S | None:
        """The session whose id is ``last_active_session_id``, or None."""
        bound = self._bound_sessions
        if bound.state is not self._state:
            bound = self._bind_sessions()
        return bound.last_active

    @property
    def sign_in(self) -> SI | None:
        """The sign-in in progress (or the last one), or None."""
        data = self._state.sign_in
        return self._bind_sign_in(data) if data else None

    @property
    def sign_up(self) -> SU | None:
        """The sign-up in progress (or the last one), or None."""
        data = self._state.sign_up
        return self._bind_sign_up(data) if data else None

    @property
    def created_at(self) -> datetime | None:
        """When the server created the client (UTC), or None."""
        return self._state.created_at

    @property
    def updated_at(self) -> datetime | None:
        """When the server last changed the client (UTC), or None."""
        return self._state.updated_at

    @property
    def cookie_expires_at(self) -> datetime | None:
        """When the client's cookie (and so the client token) expires (UTC), or None."""
        return self._state.cookie_expires_at

    @property
    def last_authentication_strategy(self) -> str | None:
        """The strategy of the last completed sign-in or sign-up (e.g. ``password``), or None."""
        return self._state.last_authentication_strategy

    @property
    def captcha_bypass(self) -> bool | None:
        """Whether the server lets this client skip the bot check, as it says, or None."""
        return self._state.captcha_bypass

    @property
    def extra(self) -> dict[str, Any]:
        """Fields of the client the server sent that have no attribute here, as JSON (see ``ClientState``)."""
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

    @property
    def hosted_sign_in(self) -> HostedSignIn | None:
        """The hosted sign-in in flight on this client (see ``start_hosted_sign_in``), or None."""
        return self._hosted.current

    def cancel_hosted_sign_in(self) -> None:
        """Forget the hosted sign-in in flight, locally (no request); its callback can no longer complete."""
        self._hosted.end()

    def clear_cache(self) -> None:
        """Drop cached values (the environment, session tokens); the next use fetches them again."""
        self._environment = None
        self._tokens.clear()

    # ----- the documentation's names: thin aliases, so code written from Clerk's docs runs -------
    @property
    def signIn(self) -> SI | None:
        """Alias of :attr:`sign_in`."""
        return self.sign_in

    @property
    def signUp(self) -> SU | None:
        """Alias of :attr:`sign_up`."""
        return self.sign_up

    @property
    def activeSessions(self) -> list[S]:
        """Alias of :attr:`active_sessions`."""
        return self.active_sessions

    @property
    def signedInSessions(self) -> list[S]:
        """Alias of :attr:`signed_in_sessions`."""
        return self.signed_in_sessions

    @property
    def lastActiveSessionId(self) -> str | None:
        """Alias of :attr:`last_active_session_id`."""
        return self.last_active_session_id

    @property
    def updatedAt(self) -> datetime | None:
        """Alias of :attr:`updated_at`."""
        return self.updated_at

    @property
    def createdAt(self) -> datetime | None:
        """Alias of :attr:`created_at`."""
        return self.created_at

    def isNew(self) -> bool:
        """Alias of :meth:`is_new`."""
        return self.is_new()

    # ----- binding data to this client -------------------------------------------------------------
    def _bind_session(self, data: SessionData) -> S:
        from ._resources import bind

        return bind(self._session_cls, data, self)

    def _bind_sign_in(self, data: SignInData) -> SI:
        from ._resources import bind

        return bind(self._sign_in_cls, data, self)

    def _bind_sign_up(self, data: SignUpData) -> SU:
        from ._resources import bind

        return bind(self._sign_up_cls, data, self)

    def _bind_sessions(self) -> _BoundSessions[S]:
        """The sessions of the current state, bound to this client (built once per state)."""
        bound = self._bound_sessions
        state = self._state
        if bound.state is not state:
            bound = _BoundSessions(state, [self._bind_session(s) for s in state.sessions])
            self._bound_sessions = bound
        return bound

    def _find_session(self, session_id: str | None) -> S | None:
        """The session with this id in the current state, bound to this client, or None."""
        return self._bind_sessions().by_id.get(session_id) if session_id else None

    def _cached_token(
        self, session_id: str, template: str | None, organization_id: str | NotGiven | None, skip_cache: bool
    ) -> str | None:
        """The fresh cached JWT of a plain ``get_token()`` on an open client, found in O(1); None
        for any other call (a template, an organization, ``skip_cache``), which takes the whole way
        (its lock, the cache again, the server)."""
        if skip_cache or template is not None or organization_id is not NOT_GIVEN:
            return None
        return self._cached_session_token(session_id)

    def _cached_session_token(self, session_id: str) -> str | None:
        """The fresh cached JWT of a plain ``get_token()`` (no template, the session's organization,
        the cache allowed) on an open client, found in O(1); else None."""
        if self._closed:
            return None
        bound = self._bound_sessions
        if bound.state is not self._state:
            bound = self._bind_sessions()
        key = bound.token_keys.get(session_id)
        return self._tokens.get(key) if key is not None else None

    # ----- what operations change (see clerk_fapi._ops.Core) ----------------------------------------
    def _apply(self, state: ClientState | None) -> None:
        """Replace the whole snapshot with the server's (a None piggyback leaves it as it is).

        An older snapshot of the same client (an earlier ``updated_at``, e.g. the answer of a call
        that finished after a later one on another thread) never replaces a newer one.
        """
        if state is None:
            return
        with self._state_lock:
            current = self._state
            if (
                state.id == current.id
                and state.updated_at is not None
                and current.updated_at is not None
                and state.updated_at < current.updated_at
            ):
                return
            self._state = state
        from ._models import SessionStatus

        for session in state.sessions:
            if session.last_active_token and session.status in SessionStatus.SIGNED_IN:
                key = (session.id, None, session.last_active_organization_id or "")
                self._tokens.seed(key, session.last_active_token)

    def _reset(self) -> None:
        """What clerk-js does after DELETE /client: every field back to its empty value."""
        from ._models import EMPTY_STATE

        self._state = EMPTY_STATE
        self._engine.auth.forget_client()
        self.clear_cache()


def _base_url(publishable_key: str | None, frontend_api: str | None) -> str:
    if frontend_api is not None:
        base_url = normalize_base_url(frontend_api)
        if publishable_key is not None:
            frontend_api_from_publishable_key(publishable_key)  # still validate it
        return base_url
    if publishable_key is not None:
        return "https://" + frontend_api_from_publishable_key(publishable_key)
    raise ConfigurationError("give publishable_key='pk_...' or frontend_api='https://...'")


def _retry_policy(max_retries: int | None, retry_policy: RetryPolicy | None) -> RetryPolicy:
    """The policy, with ``max_retries``, when given, overriding its (2 by default)."""
    from ._engine import RetryPolicy

    policy = retry_policy or RetryPolicy()
    if max_retries is None:
        return policy
    if isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 0:
        raise ConfigurationError("max_retries must be a whole number >= 0")
    return attrs.evolve(policy, max_retries=max_retries)


def _resolve_timeout(timeout: TimeoutArg, injected: bool) -> httpx.Timeout | None:
    from ._engine import DEFAULT_TIMEOUT

    if isinstance(timeout, NotGiven):
        # An injected httpx client keeps its own timeout; ours always has one.
        return None if injected else DEFAULT_TIMEOUT
    if timeout is None:
        raise ConfigurationError(
            "timeout=None would wait forever; give a number of seconds or an httpx.Timeout"
        )
    if isinstance(timeout, httpx.Timeout):
        if not all(_positive(v) for v in timeout.as_dict().values() if v is not None):
            raise ConfigurationError(
                "every timeout of an httpx.Timeout must be a finite number of seconds > 0"
            )
        return timeout
    if not _positive(timeout):
        raise ConfigurationError("timeout must be a finite number of seconds > 0 or an httpx.Timeout")
    return httpx.Timeout(float(timeout))


def _positive(value: object) -> bool:
    return (
        not isinstance(value, bool) and isinstance(value, int | float) and math.isfinite(value) and value > 0
    )
