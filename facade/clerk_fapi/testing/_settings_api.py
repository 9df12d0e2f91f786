"""The instance settings of `Emulator` as properties: the instance type, single-session mode, the
native API, client trust, required sign-up fields, the redirect allowlist, reverification and the keys.
Each setter takes the emulator's lock, so a setting never changes under a request being answered.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable

from ._call import Settings
from ._redirects import NonceStore, RedirectAllowlist
from ._service import Service

_INSTANCE_TYPES = ("development", "production")


class InstanceSettings:
    """The settings properties of `Emulator`, which sets up the state named below."""

    _lock: threading.RLock
    _settings: Settings
    _service: Service
    _testing_token_requests: int

    @property
    def instance_type(self) -> str:
        return self._settings.instance_type

    @instance_type.setter
    def instance_type(self, value: str) -> None:
        with self._lock:
            self._settings.instance_type = checked_instance_type(value)

    @property
    def single_session_mode(self) -> bool:
        return self._settings.single_session_mode

    @single_session_mode.setter
    def single_session_mode(self, value: bool) -> None:
        with self._lock:
            self._settings.single_session_mode = bool(value)

    @property
    def native_api_enabled(self) -> bool:
        return self._settings.native_api_enabled

    @native_api_enabled.setter
    def native_api_enabled(self, value: bool) -> None:
        with self._lock:
            self._settings.native_api_enabled = bool(value)

    @property
    def client_trust(self) -> bool:
        """When on, a password sign-in on a client the user never signed in on asks for an email code."""
        return self._settings.client_trust

    @client_trust.setter
    def client_trust(self, value: bool) -> None:
        with self._lock:
            self._settings.client_trust = bool(value)

    @property
    def sign_up_required(self) -> frozenset[str]:
        return self._settings.sign_up_required

    @sign_up_required.setter
    def sign_up_required(self, fields: Iterable[str]) -> None:
        with self._lock:
            self._settings.sign_up_required = frozenset(fields)

    @property
    def redirect_allowlist(self) -> RedirectAllowlist:
        """The redirect URLs that get a `rotating_token_nonce` (loopback and `clerk-fapi://` by default)."""
        return self._service.redirects

    @redirect_allowlist.setter
    def redirect_allowlist(self, value: Iterable[str] | RedirectAllowlist | None) -> None:
        with self._lock:
            self._service.redirects = allowlist(value)

    @property
    def nonces(self) -> NonceStore:
        """The single-use nonces handed out by hosted sign-in and OAuth callbacks."""
        return self._service.nonces

    @property
    def max_code_attempts(self) -> int:
        return self._settings.max_code_attempts

    @property
    def secret_key(self) -> str:
        """The secret key Backend API requests must carry (default `sk_test_clerk_fapi_emulator`)."""
        return self._settings.secret_key

    @property
    def testing_token_requests(self) -> int:
        """Frontend API requests so far that carried a valid testing token issued by this emulator."""
        with self._lock:
            return self._testing_token_requests

    @property
    def reverification_max_age(self) -> int | None:
        """Minutes after which a session's first (and, for a user with one, second) factor
        verification is too old for a sensitive /v1/me action (changing the password, an email
        address, a phone number, a primary identifier, the username or a second factor): the
        answer is then 403 `session_reverification_required`. None (the default): never."""
        return self._settings.reverification_max_age

    @reverification_max_age.setter
    def reverification_max_age(self, minutes: int | None) -> None:
        with self._lock:
            self._settings.reverification_max_age = minutes_or_none(minutes)


def allowlist(value: Iterable[str] | RedirectAllowlist | None) -> RedirectAllowlist:
    return value if isinstance(value, RedirectAllowlist) else RedirectAllowlist(value)


def minutes_or_none(minutes: int | None) -> int | None:
    if minutes is None:
        return None
    if isinstance(minutes, bool) or not isinstance(minutes, int) or minutes < 0:
        raise ValueError("reverification_max_age must be a whole number of minutes >= 0, or None")
    return minutes


def checked_instance_type(value: str) -> str:
    if value not in _INSTANCE_TYPES:
        raise ValueError(f"instance_type must be one of {_INSTANCE_TYPES}")
    return value
