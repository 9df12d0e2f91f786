"""The documented ``Client`` object, as ``Client`` (sync) and ``AsyncClient`` (async).

One brain, two shells: :class:`_ClientCore` holds the state, the configuration and every
operation's logic as a *plan* (a generator of :mod:`clerk_fapi._engine` actions). ``Client`` and
``AsyncClient`` only drive plans, one with blocking I/O, the other awaiting; their public methods
are one line each.
"""

from __future__ import annotations

import asyncio
import json
import math
import threading
import time
from collections.abc import Callable, Generator, Mapping
from datetime import UTC, datetime, timedelta
from types import TracebackType
from typing import Any, Final, Generic, Self, TypeVar
from urllib.parse import urlsplit

import anyio
import attrs
import httpx

from . import _raw
from ._auth import (
    AuthState,
    Mode,
    check_sendable,
    frontend_api_from_publishable_key,
    is_development_key,
    normalize_base_url,
    origin_of,
)
from ._convert import (
    client_from_envelope,
    environment_from_generated,
    session_envelope,
    sign_in_envelope,
    sign_up_envelope,
    token_jwt,
)
from ._deadline import bound_sockets, send_async, send_sync
from ._engine import (
    DEFAULT_TIMEOUT,
    BrokenAnswer,
    Engine,
    Flow,
    RetryPolicy,
    Send,
    Sleep,
    aread_answer,
    carried_client,
    read_answer,
    sending,
)
from ._errors import (
    ClerkError,
    ClientClosedError,
    ConfigurationError,
    SignInIncompleteError,
    UnprocessableEntityError,
)
from ._models import (
    EMPTY_STATE,
    ClientState,
    Environment,
    SessionData,
    SessionStatus,
    SignInData,
    SignInStatus,
    SignUpData,
)
from ._resources import UNSET_ORG, AsyncSession, AsyncSignIn, AsyncSignUp, Session, SignIn, SignUp
from ._token_cache import CacheKey, TokenCache
from ._token_store import TokenStore

__all__ = ["DEFAULT_API_VERSION", "AsyncClient", "Client"]

DEFAULT_API_VERSION: Final = "2026-05-12"
# clerk-js: a client whose cookie expires within this window should be touched to extend it.
TOUCH_WINDOW: Final = timedelta(days=8)

T = TypeVar("T")
S = TypeVar("S", bound=SessionData)
SI = TypeVar("SI", bound=SignInData)
SU = TypeVar("SU", bound=SignUpData)

# Which id a prepare step needs, by strategy.
_EMAIL_STRATEGIES: Final = frozenset({"email_code", "email_link", "reset_password_email_code"})
_PHONE_STRATEGIES: Final = frozenset({"phone_code", "reset_password_phone_code"})


class _Unset:
    def __repr__(self) -> str:
        return "<unset>"


_UNSET: Final = _Unset()
TimeoutArg = float | httpx.Timeout | None | _Unset


class _ClientCore(Generic[S, SI, SU]):
    """State, configuration and the logic of every operation, shared by both shells."""

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
                else (urlsplit(base_url).hostname or "").endswith(".clerk.accounts.dev")
            )
        # max_retries, when given, overrides the policy's (2 by default).
        for name, value in (
            ("api_version", api_version),
            ("origin", origin),
            ("testing_token", testing_token),
        ):
            check_sendable(name, value)
        if max_retries is not None and (
            isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 0
        ):
            raise ConfigurationError("max_retries must be a whole number >= 0")
        policy = retry_policy or RetryPolicy()
        if max_retries is not None:
            policy = attrs.evolve(policy, max_retries=max_retries)
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
            retry=policy,
            timeout=_resolve_timeout(timeout, injected_http_client),
            on_client=self._apply,
        )
        self._state: ClientState = EMPTY_STATE
        self._state_lock = threading.Lock()  # held only while a snapshot is compared and replaced
        self._closed = False
        self._environment: Environment | None = None
        self._tokens = TokenCache()
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
        return self._engine.auth.mode

    @property
    def retry_policy(self) -> RetryPolicy:
        return self._engine.retry

    # ----- the documented state --------------------------------------------------------------------
    @property
    def id(self) -> str | None:
        return self._state.id

    @property
    def sessions(self) -> list[S]:
        """Every session created on this client, whatever its status."""
        return [self._bind_session(s) for s in self._state.sessions]

    @property
    def active_sessions(self) -> list[S]:
        """Sessions whose status is ``active``."""
        return [self._bind_session(s) for s in self._state.sessions if s.status == SessionStatus.ACTIVE]

    @property
    def signed_in_sessions(self) -> list[S]:
        """Sessions whose status is ``active`` or ``pending`` (signed in, tasks outstanding)."""
        return [self._bind_session(s) for s in self._state.sessions if s.status in SessionStatus.SIGNED_IN]

    @property
    def last_active_session_id(self) -> str | None:
        return self._state.last_active_session_id

    @property
    def last_active_session(self) -> S | None:
        """The session whose id is ``last_active_session_id``, or None."""
        return self._find_session(self._state.last_active_session_id)

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
        cls: Any = self._session_cls
        bound: S = cls(**_data_fields(data, SessionData), owner=self)
        return bound

    def _bind_sign_in(self, data: SignInData) -> SI:
        cls: Any = self._sign_in_cls
        bound: SI = cls(**_data_fields(data, SignInData), owner=self)
        return bound

    def _bind_sign_up(self, data: SignUpData) -> SU:
        cls: Any = self._sign_up_cls
        bound: SU = cls(**_data_fields(data, SignUpData), owner=self)
        return bound

    def _find_session(self, session_id: str | None) -> S | None:
        data = next((s for s in self._state.sessions if s.id == session_id), None) if session_id else None
        return self._bind_session(data) if data else None

    # ----- plans: the logic of each operation, written once ---------------------------------------
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
        for session in state.sessions:
            if session.last_active_token and session.status in SessionStatus.SIGNED_IN:
                key = (session.id, None, session.last_active_organization_id or "")
                self._tokens.seed(key, session.last_active_token)

    def _plan_client(self, endpoint: _raw.Endpoint) -> Flow[ClientState]:
        state = yield from self._engine.call(endpoint, convert=client_from_envelope)
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

    def _plan_sign_out(self, session_id: str | None) -> Flow[None]:
        """clerk.ts ``signOut``: every session removed (the client stays: Client Trust recognises
        the device by it), or with ``session_id`` and other sessions signed in, that one only."""
        if not self._state.sessions:
            return
        signed_in = [s.id for s in self._state.sessions if s.status in SessionStatus.SIGNED_IN]
        if session_id is None or len(signed_in) == 1:
            yield from self._plan_remove_sessions()
        elif session_id in signed_in:
            yield from self._plan_end_session(session_id, remove=True)

    # sessions
    def _plan_session_call(
        self, endpoint: _raw.Endpoint, session_id: str, form: Mapping[str, Any] | None = None
    ) -> Flow[S]:
        session, state = yield from self._engine.call(
            endpoint, path=(session_id,), form=form, convert=session_envelope
        )
        self._apply(state)
        return self._bind_session(session)

    def _plan_get_session(self, session_id: str) -> Flow[S]:
        return self._plan_session_call(_raw.GET_SESSION, session_id)

    def _plan_touch(self, session_id: str, organization_id: str | None, intent: str | None) -> Flow[S]:
        form: dict[str, Any] = {}
        if organization_id is not UNSET_ORG:
            form["active_organization_id"] = organization_id or None  # None is sent as "": personal
        if intent:
            form["intent"] = intent
        return self._plan_session_call(_raw.TOUCH_SESSION, session_id, form)

    def _plan_end_session(self, session_id: str, *, remove: bool) -> Flow[S]:
        session = yield from self._plan_session_call(
            _raw.REMOVE_SESSION if remove else _raw.END_SESSION, session_id
        )
        self._tokens.clear(session_id)
        return session

    def _plan_set_active(
        self, session: SessionData | str, organization_id: str | None, organization: str | None
    ) -> Flow[S]:
        session_id = session if isinstance(session, str) else getattr(session, "id", None)
        if not isinstance(session_id, str):
            raise ConfigurationError("set_active takes a session or a session id")
        if organization is not UNSET_ORG:
            if organization_id is not UNSET_ORG:
                raise ConfigurationError("give organization_id or organization, not both")
            organization_id = self._organization_id(session_id, organization)
        intent = "select_session" if organization_id is UNSET_ORG else "select_org"
        return self._plan_touch(session_id, organization_id, intent)

    def _organization_id(self, session_id: str, organization: str | None) -> str | None:
        """An organization id from an id or a slug, as clerk.ts ``setActive`` resolves it: an
        ``org_`` id (or None/"" for the personal account) as it is, a slug from the memberships of
        the session's user (the server expects an id)."""
        if not organization or organization.startswith("org_"):
            return organization
        session = next((s for s in self._state.sessions if s.id == session_id), None)
        memberships = session.user.extra.get("organization_memberships") if session and session.user else None
        for membership in memberships if isinstance(memberships, list) else ():
            org = membership.get("organization") if isinstance(membership, Mapping) else None
            if (
                isinstance(org, Mapping)
                and org.get("slug") == organization
                and isinstance(org.get("id"), str)
            ):
                org_id: str = org["id"]
                return org_id
        raise ConfigurationError(
            f"no organization with the slug {organization!r} among the memberships of the user of "
            f"session {session_id} (give an organization id, or reload() if the membership is new)"
        )

    def _token_key(self, session_id: str, template: str | None, organization_id: str | None) -> CacheKey:
        if organization_id is UNSET_ORG:
            return (session_id, template, self._active_org(session_id))
        return (session_id, template, organization_id or "")

    def _plan_get_token(
        self, session_id: str, template: str | None, organization_id: str | None, skip_cache: bool
    ) -> Flow[str | None]:
        key = self._token_key(session_id, template, organization_id)
        if not skip_cache and (cached := self._tokens.get(key)):
            return cached
        form: dict[str, Any] | None = None
        path: tuple[str, ...]
        if template is None:
            endpoint, path = _raw.CREATE_TOKEN, (session_id,)
            if organization_id is not UNSET_ORG:
                form = {"organization_id": organization_id or None}  # None is sent as "": personal
        else:
            if organization_id is not UNSET_ORG:
                raise ConfigurationError(
                    "a template token is minted for the session's active organization; "
                    "switch it with session.touch(organization_id=...) instead of passing organization_id"
                )
            endpoint, path = _raw.CREATE_TEMPLATE_TOKEN, (session_id, template)
        try:
            jwt = yield from self._engine.call(endpoint, path=path, form=form, convert=token_jwt)
        except UnprocessableEntityError as error:
            # The session's token expired: clerk-js sends the last one back once to refresh it.
            expired = self._tokens.last(session_id) or self._last_active_token(session_id)
            if error.code != "missing_expired_token" or not expired:
                raise
            jwt = yield from self._engine.call(
                endpoint, path=path, form=form, query={"expired_token": expired}, convert=token_jwt
            )
        if jwt:
            # clerk-js keeps only a session token of the active organization as ``lastActiveToken``
            # (Session.ts, #dispatchTokenEvents), the one its expired_token retry sends.
            self._tokens.put(key, jwt, last=template is None and key[2] == self._active_org(session_id))
        return jwt

    def _active_org(self, session_id: str) -> str:
        session = next((s for s in self._state.sessions if s.id == session_id), None)
        return (session.last_active_organization_id if session else None) or ""

    def _last_active_token(self, session_id: str) -> str | None:
        session = next((s for s in self._state.sessions if s.id == session_id), None)
        return session.last_active_token if session else None

    def _default_session_id(self) -> str | None:
        """clerk-js's default session (clerk.ts ``#defaultSession``): the last active session if it
        is signed in, else the first signed-in one, else None."""
        signed_in = [s.id for s in self._state.sessions if s.status in SessionStatus.SIGNED_IN]
        last = self._state.last_active_session_id
        return last if last in signed_in else next(iter(signed_in), None)

    # sign-ins
    def _plan_sign_in_call(
        self, endpoint: _raw.Endpoint, path: tuple[str, ...], form: Mapping[str, Any] | None
    ) -> Flow[SI]:
        sign_in, state = yield from self._engine.call(
            endpoint, path=path, form=form, convert=sign_in_envelope
        )
        self._apply(state)
        return self._bind_sign_in(sign_in)

    def _plan_start_sign_in(self, fields: Mapping[str, Any]) -> Flow[SI]:
        return self._plan_sign_in_call(_raw.CREATE_SIGN_IN, (), _form(fields))

    def _plan_sign_in_get(self, sign_in_id: str) -> Flow[SI]:
        return self._plan_sign_in_call(_raw.GET_SIGN_IN, (sign_in_id,), None)

    def _plan_prepare_factor(
        self, sign_in: SignInData, step: int, strategy: str, fields: Mapping[str, Any]
    ) -> Flow[SI]:
        form = _form(fields)
        form["strategy"] = strategy
        factor = sign_in.first_factor(strategy) if step == 1 else sign_in.second_factor(strategy)
        if factor is not None:
            # clerk-js finds the id the prepare step needs among the supported factors.
            if strategy in _EMAIL_STRATEGIES and factor.email_address_id:
                form.setdefault("email_address_id", factor.email_address_id)
            if strategy in _PHONE_STRATEGIES and factor.phone_number_id:
                form.setdefault("phone_number_id", factor.phone_number_id)
        endpoint = _raw.PREPARE_FIRST_FACTOR if step == 1 else _raw.PREPARE_SECOND_FACTOR
        return self._plan_sign_in_call(endpoint, (sign_in.id,), form)

    def _plan_attempt_factor(
        self, sign_in_id: str, step: int, strategy: str, fields: Mapping[str, Any]
    ) -> Flow[SI]:
        form = _form(fields)
        form["strategy"] = strategy
        endpoint = _raw.ATTEMPT_FIRST_FACTOR if step == 1 else _raw.ATTEMPT_SECOND_FACTOR
        return self._plan_sign_in_call(endpoint, (sign_in_id,), form)

    def _plan_reset_password(self, sign_in_id: str, password: str, sign_out: bool) -> Flow[SI]:
        form = {"password": password, "sign_out_of_other_sessions": sign_out}
        return self._plan_sign_in_call(_raw.RESET_PASSWORD, (sign_in_id,), form)

    def _plan_sign_in_with_password(self, identifier: str, password: str) -> Flow[S]:
        sign_in = yield from self._plan_start_sign_in({"identifier": identifier, "password": password})
        if sign_in.status == SignInStatus.NEEDS_FIRST_FACTOR and sign_in.first_factor("password"):
            # Instances that do not take the password with the identifier: attempt it next.
            sign_in = yield from self._plan_attempt_factor(sign_in.id, 1, "password", {"password": password})
        if sign_in.status != SignInStatus.COMPLETE or not sign_in.created_session_id:
            raise _incomplete(sign_in)
        session = self._find_session(sign_in.created_session_id)
        if session is None:
            session = yield from self._plan_get_session(sign_in.created_session_id)
        return session

    # sign-ups
    def _plan_sign_up_call(
        self, endpoint: _raw.Endpoint, path: tuple[str, ...], form: Mapping[str, Any] | None
    ) -> Flow[SU]:
        sign_up, state = yield from self._engine.call(
            endpoint, path=path, form=form, convert=sign_up_envelope
        )
        self._apply(state)
        return self._bind_sign_up(sign_up)

    def _plan_start_sign_up(self, fields: Mapping[str, Any]) -> Flow[SU]:
        return self._plan_sign_up_call(_raw.CREATE_SIGN_UP, (), _form(fields))

    def _plan_sign_up_get(self, sign_up_id: str) -> Flow[SU]:
        return self._plan_sign_up_call(_raw.GET_SIGN_UP, (sign_up_id,), None)

    def _plan_sign_up_update(self, sign_up_id: str, fields: Mapping[str, Any]) -> Flow[SU]:
        return self._plan_sign_up_call(_raw.UPDATE_SIGN_UP, (sign_up_id,), _form(fields))

    def _plan_sign_up_verification(
        self, sign_up_id: str, step: str, strategy: str, fields: Mapping[str, Any]
    ) -> Flow[SU]:
        form = _form(fields)
        form["strategy"] = strategy
        endpoint = _raw.PREPARE_VERIFICATION if step == "prepare" else _raw.ATTEMPT_VERIFICATION
        return self._plan_sign_up_call(endpoint, (sign_up_id,), form)

    def _plan_request(
        self,
        method: str,
        path: str,
        params: Mapping[str, Any] | None,
        form: Mapping[str, Any] | None,
    ) -> Flow[Any]:
        endpoint = _raw.untyped_endpoint(method, path)
        body, state = yield from self._engine.call(
            endpoint,
            form=form,
            query=params,
            convert=lambda parsed: (parsed, carried_client(parsed) if isinstance(parsed, dict) else None),
        )
        self._apply(state)
        return body

    def _plan_environment(self, refresh: bool) -> Flow[Environment]:
        if self._environment is not None and not refresh:
            return self._environment
        environment = yield from self._engine.call(_raw.GET_ENVIRONMENT, convert=environment_from_generated)
        self._environment = environment
        return environment


def _data_fields(data: Any, cls: type[Any]) -> dict[str, Any]:
    return {f.alias: getattr(data, f.name) for f in attrs.fields(cls)}


def _form(fields: Mapping[str, Any]) -> dict[str, Any]:
    """Form fields from keyword arguments: None means "not given"; metadata dicts become JSON."""
    form: dict[str, Any] = {}
    for name, value in fields.items():
        if value is None:
            continue
        if name == "unsafe_metadata" and not isinstance(value, str):
            try:
                value = json.dumps(value)
            except (TypeError, ValueError) as exc:
                raise ConfigurationError(f"unsafe_metadata must be JSON-serialisable: {exc}") from exc
        form[name] = value
    return form


_NEXT_STEP: Final = {
    SignInStatus.NEEDS_FIRST_FACTOR: "a first factor: sign_in.attempt_first_factor(strategy, ...)",
    SignInStatus.NEEDS_SECOND_FACTOR: "a second factor: sign_in.attempt_second_factor(strategy, code=...)",
    SignInStatus.NEEDS_NEW_PASSWORD: "a new password: sign_in.reset_password(new_password)",
    SignInStatus.NEEDS_CLIENT_TRUST: "client trust: sign_in.prepare_second_factor(...), then attempt it",
    SignInStatus.NEEDS_IDENTIFIER: "an identifier",
}


def _incomplete(sign_in: SignInData) -> SignInIncompleteError:
    step = _NEXT_STEP.get(sign_in.status, f"another step (status {sign_in.status})")
    strategies = [f.strategy for f in sign_in.supported_second_factors if f.strategy]
    if sign_in.status == SignInStatus.NEEDS_SECOND_FACTOR and strategies:
        step += f"; supported: {', '.join(strategies)}"
    return SignInIncompleteError(sign_in.status, sign_in, f"the sign-in is not complete: it needs {step}")


def _resolve_timeout(timeout: TimeoutArg, injected: bool) -> httpx.Timeout | None:
    if isinstance(timeout, _Unset):
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


# ----- the sync shell --------------------------------------------------------------------------------
class Client(_ClientCore[Session, SignIn, SignUp]):
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
        self._owns_http = http_client is None
        self._http = http_client or httpx.Client(transport=transport, timeout=DEFAULT_TIMEOUT)
        bound_sockets(self._http)
        self._sleep: Callable[[float], None] = time.sleep
        # Calls sharing this client are sent one at a time (see Send); get_token's per-key locks are
        # always taken before it, never while it is held.
        self._send_lock = threading.Lock()
        self._token_locks: dict[CacheKey, threading.Lock] = {}
        self._token_locks_guard = threading.Lock()

    _session_cls = Session
    _sign_in_cls = SignIn
    _sign_up_cls = SignUp

    def _run(self, flow: Flow[T]) -> T:
        _check_open(self._closed or self._http.is_closed, flow)
        return _drive_sync(flow, self._http, self._sleep, self._send_lock)

    def _get_token(
        self, session_id: str, template: str | None, organization_id: str | None, skip_cache: bool
    ) -> str | None:
        key = self._token_key(session_id, template, organization_id)
        with self._token_locks_guard:
            lock = self._token_locks.setdefault(key, threading.Lock())
        # One request per key at a time: callers that waited find the fresh token in the cache.
        with lock:
            return self._run(self._plan_get_token(session_id, template, organization_id, skip_cache))

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
        return self._run(self._plan_request(method, path, params, form))

    def sign_out(self, session_id: str | None = None) -> Self:
        """Sign out as clerk-js ``signOut()`` does: remove every session and keep the client
        (DELETE /v1/client/sessions); with ``session_id``, remove that session only
        (POST .../remove), unless it is the only one signed in. Nothing is sent without sessions,
        nor for a session id that is not signed in."""
        self._run(self._plan_sign_out(session_id))
        return self

    def get_environment(self, *, refresh: bool = False) -> Environment:
        """The instance's settings (GET /v1/environment), cached until :meth:`clear_cache`."""
        return self._run(self._plan_environment(refresh))

    def start_sign_in(
        self,
        identifier: str | None = None,
        *,
        password: str | None = None,
        strategy: str | None = None,
        ticket: str | None = None,
        **fields: Any,
    ) -> SignIn:
        """Start a sign-in (POST /v1/client/sign_ins). An identifier with a password may complete it."""
        fields.update(identifier=identifier, password=password, strategy=strategy, ticket=ticket)
        return self._run(self._plan_start_sign_in(fields))

    def sign_in_with_password(self, identifier: str, password: str) -> Session:
        """Sign in in one call and return the new session; raises :class:`SignInIncompleteError`
        (saying which step is needed) when the sign-in needs more, e.g. a second factor."""
        return self._run(self._plan_sign_in_with_password(identifier, password))

    def start_sign_up(self, **fields: Any) -> SignUp:
        """Start a sign-up (POST /v1/client/sign_ups) with any of its fields."""
        return self._run(self._plan_start_sign_up(fields))

    def set_active(
        self,
        session: SessionData | str,
        organization_id: str | None = UNSET_ORG,
        *,
        organization: str | None = UNSET_ORG,
    ) -> Session:
        """Make ``session`` (or the session with this id) the last active one, optionally selecting
        an organization (None or "" = the personal account). ``organization`` takes an id or a
        slug; a slug is resolved from the user's memberships, as clerk-js does."""
        return self._run(self._plan_set_active(session, organization_id, organization))

    def get_token(
        self, template: str | None = None, organization_id: str | None = UNSET_ORG, skip_cache: bool = False
    ) -> str | None:
        """A JWT for the default session (see :meth:`Session.get_token`): the last active session if
        it is signed in, else the first signed-in one. None, without a request, when no session is
        signed in (as clerk-js's ``getToken()`` when signed out)."""
        session_id = self._default_session_id()
        if session_id is None:
            return None
        return self._get_token(session_id, template, organization_id, skip_cache)

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
class AsyncClient(_ClientCore[AsyncSession, AsyncSignIn, AsyncSignUp]):
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
        max_retries: int | None = None,
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
        self._send_lock = anyio.Lock()  # as Client's: tasks sharing this client send one at a time
        self._token_locks: dict[CacheKey, asyncio.Lock] = {}
        self._loop: asyncio.AbstractEventLoop | None = None

    _session_cls = AsyncSession
    _sign_in_cls = AsyncSignIn
    _sign_up_cls = AsyncSignUp

    async def _run(self, flow: Flow[T]) -> T:
        _check_open(self._closed or self._http.is_closed, flow)
        self._check_loop()
        return await _drive_async(flow, self._http, self._sleep, self._send_lock)

    def _check_loop(self) -> None:
        """Refuse a call from another event loop than the first call's (the connections and locks
        belong to that loop)."""
        loop = asyncio.get_running_loop()
        if self._loop is None:
            self._loop = loop
        if self._loop is not loop:
            raise ConfigurationError(
                "this AsyncClient was first used in another event loop; use one AsyncClient per event loop"
            )

    async def _get_token(
        self, session_id: str, template: str | None, organization_id: str | None, skip_cache: bool
    ) -> str | None:
        self._check_loop()
        key = self._token_key(session_id, template, organization_id)
        lock = self._token_locks.setdefault(key, asyncio.Lock())
        # One request per key at a time: tasks that waited find the fresh token in the cache.
        async with lock:
            return await self._run(self._plan_get_token(session_id, template, organization_id, skip_cache))

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

    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        form: Mapping[str, Any] | None = None,
    ) -> Any:
        """Call an endpoint this library does not wrap yet (see :meth:`Client.request`)."""
        return await self._run(self._plan_request(method, path, params, form))

    async def sign_out(self, session_id: str | None = None) -> Self:
        """Sign out as clerk-js ``signOut()`` does (see :meth:`Client.sign_out`)."""
        await self._run(self._plan_sign_out(session_id))
        return self

    async def get_environment(self, *, refresh: bool = False) -> Environment:
        """The instance's settings (GET /v1/environment), cached until :meth:`clear_cache`."""
        return await self._run(self._plan_environment(refresh))

    async def start_sign_in(
        self,
        identifier: str | None = None,
        *,
        password: str | None = None,
        strategy: str | None = None,
        ticket: str | None = None,
        **fields: Any,
    ) -> AsyncSignIn:
        """Start a sign-in (POST /v1/client/sign_ins). An identifier with a password may complete it."""
        fields.update(identifier=identifier, password=password, strategy=strategy, ticket=ticket)
        return await self._run(self._plan_start_sign_in(fields))

    async def sign_in_with_password(self, identifier: str, password: str) -> AsyncSession:
        """Sign in in one call and return the new session (see :meth:`Client.sign_in_with_password`)."""
        return await self._run(self._plan_sign_in_with_password(identifier, password))

    async def start_sign_up(self, **fields: Any) -> AsyncSignUp:
        """Start a sign-up (POST /v1/client/sign_ups) with any of its fields."""
        return await self._run(self._plan_start_sign_up(fields))

    async def set_active(
        self,
        session: SessionData | str,
        organization_id: str | None = UNSET_ORG,
        *,
        organization: str | None = UNSET_ORG,
    ) -> AsyncSession:
        """Make ``session`` the last active one (see :meth:`Client.set_active`)."""
        return await self._run(self._plan_set_active(session, organization_id, organization))

    async def get_token(
        self, template: str | None = None, organization_id: str | None = UNSET_ORG, skip_cache: bool = False
    ) -> str | None:
        """A JWT for the default session, or None when no session is signed in (see
        :meth:`Client.get_token`)."""
        session_id = self._default_session_id()
        if session_id is None:
            return None
        return await self._get_token(session_id, template, organization_id, skip_cache)

    async def aclose(self) -> None:
        """Close the HTTP connections (unless the http_client was given by the caller); later calls
        raise :class:`ClientClosedError`."""
        self._closed = True
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()


def _check_open(closed: bool, flow: Flow[Any]) -> None:
    if closed:
        flow.close()  # never started: nothing ran
        raise ClientClosedError("the client is closed: create a new one (or use it inside its `with` block)")


# ----- drivers ---------------------------------------------------------------------------------------
def _drive_sync(
    flow: Generator[Any, Any, T],
    http: httpx.Client,
    sleep: Callable[[float], None],
    send_lock: threading.Lock,
) -> T:
    reply: Any = None
    try:
        while True:
            action = flow.send(reply)
            if isinstance(action, Send):
                with send_lock:
                    reply = _send_sync(http, action)
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
    flow: Generator[Any, Any, T],
    http: httpx.AsyncClient,
    sleep: Callable[[float], Any],
    send_lock: anyio.Lock,
) -> T:
    reply: Any = None
    try:
        while True:
            action = flow.send(reply)
            if isinstance(action, Send):
                async with send_lock:
                    reply = await _send_async(http, action)
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


def _send_sync(http: httpx.Client, action: Send) -> Any:
    """Build, send (redirects never followed, the attempt bounded by its timeout), read within the
    size cap and absorb one request; the caller holds the send lock."""
    request = action.build()
    try:
        with sending():
            answer = send_sync(http, request, read_answer)
    except httpx.RequestError as exc:
        return exc
    return _absorbed(action, answer)


async def _send_async(http: httpx.AsyncClient, action: Send) -> Any:
    """As :func:`_send_sync`, awaiting."""
    request = action.build()
    try:
        with sending():
            answer = await send_async(http, request, aread_answer)
    except httpx.RequestError as exc:
        return exc
    return _absorbed(action, answer)


def _absorbed(action: Send, answer: httpx.Response | BrokenAnswer) -> Any:
    """``answer`` once its credentials are stored, or the :class:`ClerkError` that refused them."""
    try:
        action.absorb(answer.response if isinstance(answer, BrokenAnswer) else answer)
    except ClerkError as exc:
        return exc
    return answer
