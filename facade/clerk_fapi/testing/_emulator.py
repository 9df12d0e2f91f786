"""`Emulator`: a stateful, in-memory Frontend API as a pure request -> reply function, plus its control API.

`Emulator.handle` takes a method, URL, headers and body and returns a `Reply`; it never raises and never
answers 5xx unless a fault was injected (an unexpected bug answers 500 `internal_clerk_error`, which the fuzz
tests look for). Everything is guarded by one lock, so one emulator can serve many threads. The transports in
`_transport.py` and the loopback server in `_server.py` are thin shells over `handle`. This module holds the
state and the control API (seeding, codes, faults); the request loop is in `_request_loop.py` and the
instance settings' properties in `_settings_api.py`.
"""

from __future__ import annotations

import json
import logging
import os
import re
import secrets
import threading
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ._call import DEFAULT_SECRET_KEY, DEFAULT_SIGN_UP_REQUIRED, Settings
from ._clock import Clock
from ._crypto import totp
from ._device import DeviceGate
from ._email_link import complete_email_link
from ._email_link import last_link as last_email_link
from ._faults import Fault, FaultRegistry
from ._forms import normalize_phone
from ._ids import new_id
from ._instance import InstanceRules, load_environment, rules_from
from ._models import JwtTemplate, Organization, OrganizationInvitation, SentCode
from ._oauth import add_external_account
from ._redirects import NonceStore, RedirectAllowlist
from ._reply import Reply
from ._request_loop import RequestLoop
from ._routes import ROUTES
from ._seeding import (
    CUSTOM_PERMISSION,
    SeededOrganization,
    SeededUser,
    UserSeed,
    check_seeded_json,
    normalized_phones,
    seed_user,
)
from ._service import Service
from ._settings_api import InstanceSettings, allowlist, checked_instance_type, minutes_or_none
from ._views import user_json

if TYPE_CHECKING:
    from ._server import EmulatorServer
    from ._transport import EmulatorTransport

# `ROUTES`, `Reply` and the seeded records live in their own modules; importing them from here still works.
__all__ = ["ROUTES", "Emulator", "Reply", "SeededOrganization", "SeededUser"]

# Start-up warnings: the settings of `Emulator(environment=...)` that the emulator cannot honour.
environment_log = logging.getLogger("clerk_fapi.testing.environment")


def _checked_secret_key(key: str) -> str:
    if not isinstance(key, str) or not key.startswith("sk_") or len(key) < 8 or not key.isprintable():
        raise ValueError("secret_key must look like a Clerk secret key: sk_test_... or sk_live_...")
    return key


class Emulator(InstanceSettings, RequestLoop):
    """An in-memory Clerk Frontend API. See the package docstring for usage."""

    def __init__(
        self,
        *,
        instance_type: str = "development",
        single_session_mode: bool = False,
        native_api_enabled: bool = True,
        sign_up_required: Iterable[str] = DEFAULT_SIGN_UP_REQUIRED,
        client_trust: bool = False,
        max_code_attempts: int = 3,
        strict_token_rotation: bool = False,
        application_name: str = "clerk-fapi emulator",
        secret_key: str = DEFAULT_SECRET_KEY,
        environment: str | os.PathLike[str] | Mapping[str, Any] | None = None,
        redirect_allowlist: Iterable[str] | RedirectAllowlist | None = None,
        nonce_lifetime_ms: int | None = None,
        reverification_max_age: int | None = None,
    ) -> None:
        """The keyword arguments set the instance; with `environment` (a `/v1/environment` answer: a path to
        its JSON, or the parsed dict) the instance type, application name, single-session mode, native API,
        sign-up fields, identifiers and factors come from it instead (see `_instance.py`); the settings it
        names that the emulator cannot honour are in `unhonoured_settings` and logged as a warning."""
        self._instance: InstanceRules | None = None
        self.unhonoured_settings: tuple[str, ...] = ()
        if environment is not None:
            rules = rules_from(load_environment(environment))
            self._instance = rules
            self.unhonoured_settings = rules.unhonoured
            instance_type = rules.instance_type
            single_session_mode = rules.single_session_mode
            sign_up_required = rules.sign_up_required
            application_name = rules.application_name or application_name
            if rules.native_api_enabled is not None:
                native_api_enabled = bool(rules.native_api_enabled)
            for line in rules.unhonoured:
                environment_log.warning(
                    "the emulator does not honour this setting of the environment: %s", line
                )
        checked_instance_type(instance_type)
        self._lock = threading.RLock()
        self.clock = Clock()
        self._settings = Settings(
            instance_type=instance_type,
            single_session_mode=single_session_mode,
            native_api_enabled=native_api_enabled,
            sign_up_required=frozenset(sign_up_required),
            client_trust=client_trust,
            max_code_attempts=max_code_attempts,
            application_name=application_name,
            secret_key=_checked_secret_key(secret_key),
            reverification_max_age=minutes_or_none(reverification_max_age),
        )
        if self._instance is not None:
            self._settings.environment = self._instance.body
            self._settings.first_factors = self._instance.first_factors
            self._settings.second_factors = self._instance.second_factors
            self._settings.identifiers = self._instance.identifiers
            self._settings.sign_up_optional = self._instance.sign_up_optional
        self._testing_token_requests = 0
        self._service = Service(
            self.clock,
            self._settings,
            redirects=allowlist(redirect_allowlist),
            nonces=NonceStore(now=lambda: self.clock.now_ms, lifetime_ms=nonce_lifetime_ms),
        )
        self._devices = DeviceGate(self._service)
        self._faults = FaultRegistry()
        self._counts: Counter[tuple[str, str]] = Counter()
        self.strict_token_rotation = strict_token_rotation

    # ------------------------------------------------------------------ seeding
    def add_user(
        self,
        *,
        email_addresses: str | Sequence[str] = (),
        phone_numbers: str | Sequence[str] = (),
        username: str | None = None,
        password: str | None = None,
        first_name: str | None = None,
        last_name: str | None = None,
        totp_secret: str | bool | None = None,
        backup_codes: Sequence[str] | bool | None = None,
        mfa: bool | None = None,
        public_metadata: Mapping[str, Any] | None = None,
        unsafe_metadata: Mapping[str, Any] | None = None,
    ) -> SeededUser:
        """Create a user. `totp_secret=True` / `backup_codes=True` generate them; `mfa=True` without TOTP
        makes the primary phone a second factor (SMS codes)."""
        wanted = UserSeed(
            emails=[email_addresses] if isinstance(email_addresses, str) else list(email_addresses),
            phones=normalized_phones([phone_numbers] if isinstance(phone_numbers, str) else phone_numbers),
            username=username,
            password=password,
            first_name=first_name,
            last_name=last_name,
            totp_secret=totp_secret,
            backup_codes=backup_codes,
            mfa=mfa,
            public_metadata=public_metadata or {},
            unsafe_metadata=unsafe_metadata or {},
        )
        with self._lock:
            return seed_user(self._service, wanted)

    def add_organization(
        self, name: str, slug: str | None = None, *, members: Mapping[str, str] | None = None
    ) -> SeededOrganization:
        """Create an organization; `members` maps user ids to roles (`org:admin`, `org:member`)."""
        if self._instance is not None and self._instance.organizations_enabled is False:
            raise ValueError("organizations are disabled in this emulator's environment")
        with self._lock:
            now = self.clock.now_ms
            org_slug = slug or re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "org"
            org = Organization(new_id("org"), name, org_slug, now, now)
            self._service.organizations[org.id] = org
        for user_id, role in (members or {}).items():
            self.add_membership(org.id, user_id, role)
        return SeededOrganization(org.id, org.name, org.slug)

    def add_membership(
        self,
        organization_id: str,
        user_id: str,
        role: str = "org:member",
        *,
        permissions: Sequence[str] = (),
    ) -> str:
        """Make a user a member of an organization with `role`. The role's system permissions
        (`org:sys_*`) come with it; `permissions` adds custom ones, each `org:<feature>:<action>`."""
        for permission in permissions:
            if not CUSTOM_PERMISSION.match(permission) or permission.startswith("org:sys_"):
                raise ValueError(
                    f"not a custom permission: {permission!r} (expected org:<feature>:<action>, "
                    "lowercase, and not a system permission org:sys_*)"
                )
        with self._lock:
            svc = self._service
            if organization_id not in svc.organizations:
                raise KeyError(organization_id)
            if user_id not in svc.users:
                raise KeyError(user_id)
            limit = self._instance.max_memberships if self._instance is not None else None
            members = svc.memberships.count(organization_id)
            if isinstance(limit, int) and limit > 0 and members >= limit:
                raise ValueError(f"the environment allows {limit} members per organization")
            return svc.add_membership(organization_id, user_id, role, permissions).id

    def add_organization_invitation(
        self, organization_id: str, email_address: str, role: str = "org:member", *, status: str = "pending"
    ) -> str:
        """Invite `email_address` to an organization with `role` (what an admin does through the Backend
        API); the user holding that address sees it in `GET /v1/me/organization_invitations` and may accept
        it. Returns the invitation id."""
        with self._lock:
            if organization_id not in self._service.organizations:
                raise KeyError(organization_id)
            now = self.clock.now_ms
            invitation = OrganizationInvitation(
                new_id("orginv"), organization_id, email_address.strip().lower(), role, now, now, status
            )
            self._service.invitations[invitation.id] = invitation
            return invitation.id

    def add_jwt_template(self, name: str, claims: Mapping[str, Any], lifetime: int = 60) -> None:
        """A JWT template: `claims` may use shortcodes such as `{{user.id}}` or `{{org.slug}}`."""
        check_seeded_json("claims", claims)
        with self._lock:
            self._service.templates[name] = JwtTemplate(name, dict(claims), int(lifetime))

    def create_sign_in_ticket(self, user_id: str) -> str:
        """A one-use ticket (as the Backend API's sign-in tokens) for `strategy=ticket` sign-ins."""
        with self._lock:
            if user_id not in self._service.users:
                raise KeyError(user_id)
            ticket = "tkt_" + secrets.token_urlsafe(24)
            self._service.tickets[ticket] = user_id
            return ticket

    def create_invitation_ticket(self, email_address: str) -> str:
        """A one-use invitation ticket: a sign-up with it gets `email_address`, already verified."""
        with self._lock:
            ticket = "tkt_" + secrets.token_urlsafe(24)
            self._service.tickets[ticket] = email_address
            return ticket

    def complete_email_link(self, email_address: str) -> bool:
        """Act as if the user clicked the email link sent to `email_address`."""
        with self._lock:
            return complete_email_link(self._service, email_address)

    def last_email_link(self, email_address: str) -> str | None:
        """The URL of the latest sign-in email link sent to `email_address` (`.../v1/verify?token=...`, on
        the host of the latest request), or None; open it (any HTTP client will do) to act as the user."""
        with self._lock:
            return last_email_link(self._service, email_address)

    def add_external_account(self, user_id: str, provider: str, email_address: str) -> str:
        """Link an account at an OAuth `provider` (`google`, `github`...) with this email address to a user:
        an OAuth sign-in with it then finishes; any other account at the provider is transferable."""
        with self._lock:
            return add_external_account(self._service, user_id, provider, email_address)

    def require_expired_token(self, session_id: str) -> None:
        """Make the next token request of this session answer 422 `missing_expired_token` unless it carries
        one of the session's earlier JWTs as `expired_token`."""
        with self._lock:
            self._service.sessions[session_id].needs_expired_token = True

    def backup_codes(self, user_id: str) -> list[str]:
        """The backup codes the user has not used yet."""
        with self._lock:
            return list(self._service.users[user_id].backup_codes)

    def totp_code(self, secret: str, *, offset_steps: int = 0) -> str:
        """The TOTP code for `secret` at the emulator clock's current time."""
        return totp(secret, self.clock.now_s + 30 * offset_steps)

    # ------------------------------------------------------------------ inspection
    @property
    def sent_codes(self) -> list[SentCode]:
        """Every code the emulator would have emailed or texted, oldest first."""
        with self._lock:
            return list(self._service.outbox)

    def last_code(self, to: str) -> str | None:
        """The latest code sent to an email address or phone number."""
        phone = normalize_phone(to)
        with self._lock:
            for sent in reversed(self._service.outbox):
                if sent.to.lower() == to.lower() or (phone is not None and sent.to == phone):
                    return sent.code
        return None

    def user_json(self, user_id: str) -> dict[str, Any]:
        """The user as the Frontend API would show it."""
        with self._lock:
            return user_json(self._service, self._service.users[user_id])

    def session_status(self, session_id: str) -> str:
        with self._lock:
            return self._service.refresh_session(self._service.sessions[session_id]).status

    def jwks(self) -> dict[str, Any]:
        """The JSON Web Key Set that verifies the session tokens."""
        return {"keys": [self._service.key.jwk()]}

    @property
    def request_counts(self) -> dict[tuple[str, str], int]:
        """Requests received so far, keyed by (METHOD, path)."""
        with self._lock:
            return dict(self._counts)

    def reset_counts(self) -> None:
        with self._lock:
            self._counts.clear()

    # ------------------------------------------------------------------ faults
    def inject_fault(
        self,
        path: str,
        *,
        times: int = 1,
        status: int | None = None,
        body: bytes | str | Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        retry_after: int | str | None = None,
        drop_connection: bool = False,
        delay: float | None = None,
        truncate: bool = False,
        html: bool = False,
        method: str | None = None,
    ) -> Fault:
        """Make the next `times` requests to `path` (exact or a `*` pattern) fail.

        `status` (with an optional `body`, `headers`, `retry_after`) answers in the service's place; `html`
        answers an HTML error page (502 unless `status` says otherwise); `drop_connection` closes without an
        answer; `delay` waits that many seconds before answering; `truncate` sends the real answer cut short.
        """
        if times < 1:
            raise ValueError("times must be at least 1")
        raw: bytes | None
        if body is None:
            raw = None
        elif isinstance(body, bytes):
            raw = body
        elif isinstance(body, str):
            raw = body.encode()
        else:
            raw = json.dumps(dict(body), allow_nan=False).encode()
        if status == 429 and retry_after is None and not (headers and "Retry-After" in headers):
            retry_after = 1
        return self._faults.arm(
            Fault(
                path=path,
                remaining=times,
                method=method,
                status=status,
                body=raw,
                headers=dict(headers or {}),
                retry_after=retry_after,
                drop_connection=drop_connection,
                delay=delay,
                truncate=truncate,
                html=html,
            )
        )

    def clear_faults(self) -> None:
        self._faults.clear()

    # ------------------------------------------------------------------ shells
    def transport(self) -> EmulatorTransport:
        """An httpx transport (sync and async) that answers from this emulator without a socket."""
        from ._transport import EmulatorTransport

        return EmulatorTransport(self)

    def serve(
        self, port: int = 0, host: str = "127.0.0.1", *, connection_timeout: float | None = None
    ) -> EmulatorServer:
        """Serve this emulator over HTTP on loopback; use as a context manager (`with emu.serve() as srv`).

        `connection_timeout` (default 30 s) bounds how long a connection may take to deliver each request."""
        from ._server import DEFAULT_CONNECTION_TIMEOUT, EmulatorServer

        timeout = DEFAULT_CONNECTION_TIMEOUT if connection_timeout is None else connection_timeout
        return EmulatorServer(self, port=port, host=host, connection_timeout=timeout)
