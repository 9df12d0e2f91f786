"""Hosted sign-in (Account Portal with PKCE): start it, and complete it from the callback URL.

The contract follows Clerk's iOS, Android and Expo SDKs (the published spec has only empty path items):

1. ``POST /v1/client/hosted_auth`` with ``redirect_url``, ``code_challenge`` (S256, no method sent),
   ``state`` and an optional ``mode`` (``sign-in``/``sign-up``), on a client that has a token. The answer's
   ``object`` must be ``hosted_auth`` and its ``url`` https with a host and no user-info. A 401
   ``signed_out`` carries a replacement client token: the client is re-read (``GET /v1/client``, as iOS
   does) and the request sent once more.
2. The user opens ``url``; the browser comes back to ``redirect_url?state=…&rotating_token_nonce=…&
   created_session_id=…``. The callback must match the redirect URL (scheme, user-info, host, port, path),
   carry ``state`` exactly once and equal to the one sent, and the nonce and session id exactly once and not
   blank.
3. ``POST /v1/client`` with ``_method=GET``, ``rotating_token_nonce`` and ``code_verifier`` redeems the
   nonce: a client (``object`` ``client``) with a rotated token; a cleared token is a failure. The client is
   applied whatever follows (the nonce is spent), then it must hold ``created_session_id``.
4. ``POST /v1/client/sessions/{id}/touch`` (``active_organization_id=""``, ``intent=select_org``) makes it
   the last active session, which the answer must show.

Where this library differs from the SDKs, it says so: it also takes ``http`` redirect URLs on a loopback
host (for a terminal; whether Clerk's servers accept them is unverified), it accepts an ``http`` hosted URL
only on a loopback host and only when the Frontend API itself is one (the emulator), and it reads a
``__clerk_status=failed`` callback as :class:`~clerk_fapi.CallbackFailedError`.

One hosted sign-in is in flight per client at a time (every SDK enforces this): from
``start_hosted_sign_in`` until ``complete_hosted_sign_in`` ends it, well or badly, or
``cancel_hosted_sign_in``. A callback URL that is not the redirect URL leaves the flow in flight (it was not
meant for it, as Android's ``canHandle`` decides); any other outcome of a completion ends it.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import ipaddress
import secrets
import threading
from typing import TYPE_CHECKING, Any, Final, Protocol
from urllib.parse import urlsplit

import attrs

from .. import _raw
from .._callbacks import (
    CallbackStateError,
    CallbackURLMismatchError,
    HostedSignInInProgressError,
    HostedSignInNotStartedError,
    HostedSignInRedeemError,
    callback_query,
    matches_redirect,
    raise_for_failed_status,
    required_parameter,
)
from .._errors import AuthenticationError, ConfigurationError
from .._lazy import lazy_modules
from . import Core, call_applying

# A client is created with its HostedSlot: what the flows need is imported when they run.
if TYPE_CHECKING:
    from .._engine import Flow
    from .._models import ClientState, SessionData
    from . import client, sessions
else:
    client, sessions = lazy_modules(globals(), "._ops", "client sessions")

__all__ = ["MODES", "HostedCore", "HostedSignIn", "HostedSlot", "complete", "start"]

MODES: Final = ("sign-in", "sign-up")
_LOOPBACK_NAMES: Final = ("localhost",)


@attrs.frozen
class HostedSignIn:
    """A hosted sign-in in flight: open :attr:`url` in a browser, then hand the URL the browser is sent
    back to to ``complete_hosted_sign_in``.

    ``state``, ``code_verifier`` and ``code_challenge`` are what the flow sent and will check; they never
    show in ``repr()``."""

    url: str
    redirect_url: str
    mode: str | None
    state: str = attrs.field(repr=False)
    code_verifier: str = attrs.field(repr=False)
    code_challenge: str = attrs.field(repr=False)


class HostedSlot:
    """The one hosted sign-in a client may have in flight. Thread-safe; never held across a request."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._flow: HostedSignIn | None = None
        self._busy = False  # a start or a completion is running

    @property
    def current(self) -> HostedSignIn | None:
        """The hosted sign-in in flight, if any."""
        return self._flow

    def begin_start(self) -> None:
        with self._lock:
            if self._flow is not None or self._busy:
                raise HostedSignInInProgressError(
                    "a hosted sign-in is already in flight on this client: complete it, or call "
                    "cancel_hosted_sign_in() first"
                )
            self._busy = True

    def end_start(self, flow: HostedSignIn | None) -> None:
        with self._lock:
            self._flow, self._busy = flow, False

    def begin_complete(self, callback_url: str) -> HostedSignIn:
        with self._lock:
            flow = self._flow
            if flow is None:
                raise HostedSignInNotStartedError(
                    "no hosted sign-in is in flight on this client: call start_hosted_sign_in() first"
                )
            if self._busy:
                raise HostedSignInInProgressError("this hosted sign-in is already being completed")
            if not matches_redirect(callback_url, flow.redirect_url):
                raise CallbackURLMismatchError(
                    "the callback URL is not the redirect URL the hosted sign-in was started with "
                    "(scheme, host, port and path must be the same); the sign-in is still in flight"
                )
            self._busy = True
            return flow

    def end(self, flow: HostedSignIn | None = None) -> None:
        """End the flow in flight (only ``flow``, when given: a cancelled flow's completion ends nothing)."""
        with self._lock:
            if flow is None or self._flow is flow:
                self._flow, self._busy = None, False


class HostedCore(Core, Protocol):
    """What the hosted sign-in operations see of a client: a :class:`Core` with its :class:`HostedSlot`."""

    @property
    def _hosted(self) -> HostedSlot: ...


def check_redirect_url(redirect_url: object) -> str:
    """``redirect_url`` if hosted sign-in can use it: a custom scheme (``myapp://callback``), as Clerk's
    SDKs require, or ``http`` on a loopback host; https and other hosts are refused."""
    if not isinstance(redirect_url, str) or not redirect_url or redirect_url != redirect_url.strip():
        raise ConfigurationError("redirect_url must be a non-empty URL without surrounding spaces")
    try:
        parts = urlsplit(redirect_url)
        parts.port  # noqa: B018 - a bad port raises
    except ValueError:
        raise ConfigurationError("redirect_url is not a valid URL") from None
    scheme = parts.scheme.lower()
    if "://" not in redirect_url or not scheme:
        raise ConfigurationError("redirect_url must be an absolute URL such as myapp://callback")
    if scheme == "https" or (scheme == "http" and not is_loopback(parts.hostname or "")):
        raise ConfigurationError(
            "redirect_url must use a custom scheme (such as myapp://callback) or http on a loopback host "
            "(http://127.0.0.1:PORT/...); Clerk's SDKs refuse https callbacks for hosted sign-in"
        )
    if parts.username is not None or parts.password is not None:
        raise ConfigurationError("redirect_url must not carry user-info")
    return redirect_url


def is_loopback(host: str) -> bool:
    """Whether ``host`` (as ``urlsplit`` gives it, without brackets) is a loopback host."""
    if host.lower() in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def pkce_pair() -> tuple[str, str]:
    """A PKCE ``(code_verifier, code_challenge)``: the verifier base64url of 32 random bytes (43
    characters, as iOS), the challenge base64url without padding of its SHA-256 (S256)."""
    verifier = _b64url(secrets.token_bytes(32))
    return verifier, _b64url(hashlib.sha256(verifier.encode("ascii")).digest())


def start(core: HostedCore, redirect_url: str, mode: str | None) -> Flow[HostedSignIn]:
    """Create a hosted sign-in and return it, in flight on ``core``."""
    check_redirect_url(redirect_url)
    if mode is not None and mode not in MODES:
        raise ConfigurationError(f"mode must be None, 'sign-in' or 'sign-up', got {mode!r}")
    if core._engine.auth.mode != "native":
        raise ConfigurationError("hosted sign-in is for native clients (mode='native')")
    core._hosted.begin_start()
    flow: HostedSignIn | None = None
    try:
        verifier, challenge = pkce_pair()
        state = _b64url(secrets.token_bytes(16))
        if not core._engine.auth.has_client_token:
            # The endpoint needs an existing client: the native SDKs make one with POST /v1/client.
            yield from client.fetch(core, _raw.POST_CLIENT)
        form: dict[str, Any] = {"redirect_url": redirect_url, "code_challenge": challenge, "state": state}
        if mode is not None:
            form["mode"] = mode
        try:
            url = yield from _create(core, form)
        except AuthenticationError as error:
            if error.code != "signed_out":
                raise
            # The 401 handed back a replacement client token (already stored): re-read the client with
            # it, as iOS does, and send the same request once more.
            yield from client.fetch(core, _raw.GET_CLIENT)
            url = yield from _create(core, form)
        flow = HostedSignIn(url, redirect_url, mode, state, verifier, challenge)
        return flow
    finally:
        core._hosted.end_start(flow)


def _create(core: HostedCore, form: dict[str, Any]) -> Flow[str]:
    convert = functools.partial(_hosted_url, core._engine.base_url)
    return call_applying(core, _raw.CREATE_HOSTED_AUTH, convert, form=form)


def _hosted_url(base_url: str, parsed: Any) -> tuple[str, ClientState | None]:
    from .._convert import ShapeError
    from .._convert_account import hosted_auth_envelope

    (kind, url), state = hosted_auth_envelope(parsed)
    if kind != "hosted_auth":
        raise ShapeError("response.object", "'hosted_auth'", kind)
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - a bad port raises
    except ValueError:
        raise ShapeError("response.url", "a URL", url) from None
    scheme = parts.scheme.lower()
    on_loopback_emulator = (
        scheme == "http"
        and is_loopback(parts.hostname or "")
        and urlsplit(base_url).scheme == "http"
        and is_loopback(urlsplit(base_url).hostname or "")
    )
    if (
        not parts.hostname
        or parts.username is not None
        or parts.password is not None
        or (scheme != "https" and not on_loopback_emulator)
    ):
        raise ShapeError("response.url", "an https URL with a host and no user-info", url)
    return url, state


def complete(core: HostedCore, callback_url: str) -> Flow[SessionData]:
    """Check the callback, redeem its nonce, and make the created session the active one."""
    if not isinstance(callback_url, str):
        raise ConfigurationError("callback_url must be the URL (a string) the browser was sent back to")
    flow = core._hosted.begin_complete(callback_url)
    try:
        query = callback_query(callback_url)
        raise_for_failed_status(query)
        _check_state(query.get("state", []), flow.state)
        nonce = required_parameter(query, "rotating_token_nonce")
        session_id = required_parameter(query, "created_session_id")
        form = {"field_method": "GET", "rotating_token_nonce": nonce, "code_verifier": flow.code_verifier}
        redeemed = yield from core._engine.call(_raw.POST_CLIENT, form=form, convert=_redeemed_client)
        # The nonce is spent and the token rotated: the redeemed client is the client now, whatever follows.
        core._apply(redeemed)
        if not core._engine.auth.has_client_token:
            raise HostedSignInRedeemError("the redeem answer cleared the client token")
        if not any(s.id == session_id for s in redeemed.sessions):
            raise HostedSignInRedeemError("the redeemed client does not hold the session the callback named")
        session = yield from sessions.touch(core, session_id, None, "select_org")
        if core._state.last_active_session_id != session_id:
            raise HostedSignInRedeemError("the created session did not become the client's active session")
        return session
    finally:
        core._hosted.end(flow)


def _check_state(states: list[str], sent: str) -> None:
    """The callback's ``state`` must be given once and equal the one sent (compared in constant time)."""
    if len(states) == 1 and secrets.compare_digest(states[0].encode(), sent.encode()):
        return
    problem = "missing" if not states else "given more than once" if len(states) > 1 else "not the one sent"
    raise CallbackStateError(f"the callback URL's state is {problem}: it does not belong to this sign-in")


def _redeemed_client(parsed: Any) -> ClientState:
    from .._convert import ShapeError, client_from_envelope

    state = client_from_envelope(parsed)
    if state.id is None or state.extra.get("object") != "client":
        raise ShapeError("response", "a client (object 'client')", state.extra.get("object"))
    return state
