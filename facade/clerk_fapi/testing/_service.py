"""The state of one emulated instance and what every endpoint shares (lookups, codes, new sessions).

`Service` knows nothing of HTTP: the endpoints in `resources/` (one module per URL family, mapped in
`_routes.py`) receive it with a `Call` (who the client is, the path parameters and the decoded form) and
return an `Answer` (status and JSON). Authentication of the device (native token, dev browser, cookie),
faults and counters live one level up, in `Emulator`.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from typing import Any, TypeVar

from . import _forms as forms
from . import _session_tokens as session_tokens
from ._call import DEFAULT_SIGN_UP_REQUIRED, Answer, Call, Settings
from ._clock import Clock
from ._crypto import SigningKey
from ._errors import FapiError, code_incorrect, not_found, param_missing, verification_failed
from ._ids import new_id
from ._memberships import Memberships
from ._models import (
    CODE_LIFETIME_MS,
    SESSION_ABANDON_MS,
    SESSION_LIFETIME_MS,
    Client,
    DevBrowser,
    JwtTemplate,
    Membership,
    Organization,
    OrganizationInvitation,
    SentCode,
    Session,
    SignIn,
    SignUp,
    User,
    Verification,
)
from ._redirects import HostedAuthRequest, NonceStore, RedirectAllowlist

__all__ = ["DEFAULT_SIGN_UP_REQUIRED", "TEST_CODE", "Answer", "Call", "Service", "Settings"]

# What a client owns, found by an id from the path.
_Owned = TypeVar("_Owned", Session, SignIn, SignUp)

TEST_CODE = "424242"
MIN_PASSWORD_LENGTH = 8


class Service:
    """State of one emulated instance plus the steps its endpoints share. Callers hold the emulator's lock."""

    def __init__(
        self,
        clock: Clock,
        settings: Settings,
        *,
        redirects: RedirectAllowlist | None = None,
        nonces: NonceStore | None = None,
    ) -> None:
        self.clock = clock
        self.settings = settings
        # Where a browser may be sent back with a nonce, and the single-use nonces handed out.
        self.redirects = redirects if redirects is not None else RedirectAllowlist()
        self.nonces = nonces if nonces is not None else NonceStore()
        self.hosted_auths: dict[str, HostedAuthRequest] = {}
        self.key = SigningKey(new_id("ins"))
        self.users: dict[str, User] = {}
        self.clients: dict[str, Client] = {}
        self.sessions: dict[str, Session] = {}
        self.sign_ins: dict[str, SignIn] = {}
        self.sign_ups: dict[str, SignUp] = {}
        self.organizations: dict[str, Organization] = {}
        self.memberships = Memberships()
        self.invitations: dict[str, OrganizationInvitation] = {}
        self.templates: dict[str, JwtTemplate] = {}
        self.dev_browsers: dict[str, DevBrowser] = {}
        self.tickets: dict[str, str] = {}
        # Backend API: when a sign-in token's ticket expires (ms), and each testing token's expiry (s).
        self.ticket_expiry: dict[str, int] = {}
        self.testing_tokens: dict[str, int] = {}
        self.outbox: list[SentCode] = []
        # Session reverifications in progress, by session id (see resources/reverification.py).
        self.reverifications: dict[str, Any] = {}
        # The issuer of the latest request, for tokens minted outside a request (`complete_email_link`).
        self.last_issuer = "http://127.0.0.1"

    def now(self) -> int:
        return self.clock.now_ms

    def find_user(self, identifier: str) -> User | None:
        wanted = identifier.strip().lower()
        phone = forms.normalize_phone(identifier)
        for user in self.users.values():
            if any(e.email_address.lower() == wanted for e in user.email_addresses):
                return user
            if phone and any(p.phone_number == phone for p in user.phone_numbers):
                return user
            if user.username and user.username.lower() == wanted:
                return user
        return None

    def identifier_taken(self, kind: str, value: str) -> bool:
        for user in self.users.values():
            if kind == "email_address" and any(
                e.email_address.lower() == value.lower() for e in user.email_addresses
            ):
                return True
            if kind == "phone_number" and any(p.phone_number == value for p in user.phone_numbers):
                return True
            if kind == "username" and user.username and user.username.lower() == value.lower():
                return True
        return False

    def user_memberships(self, user_id: str) -> list[Membership]:
        return self.memberships.of_user(user_id)

    def add_membership(
        self, organization_id: str, user_id: str, role: str, permissions: Sequence[str] = ()
    ) -> Membership:
        """Make a user a member with `role`: the role's system permissions (`org:sys_*`) come with it,
        `permissions` adds custom ones."""
        now = self.now()
        granted = (
            ["org:sys_memberships:manage", "org:sys_memberships:read", "org:sys_profile:manage"]
            if role == "org:admin"
            else ["org:sys_memberships:read"]
        )
        granted += [p for p in permissions if p not in granted]
        membership = Membership(new_id("orgmem"), organization_id, user_id, role, granted, now, now)
        self.memberships.append(membership)
        return membership

    def find_organization(self, id_or_slug: str) -> Organization | None:
        org = self.organizations.get(id_or_slug)
        if org is None:
            org = next((o for o in self.organizations.values() if o.slug == id_or_slug), None)
        return org

    def refresh_session(self, session: Session) -> Session:
        """Let time pass: past `expire_at` a live session is `expired`, past `abandon_at` `abandoned`."""
        if session.status in ("active", "pending"):
            now = self.now()
            if now >= session.abandon_at:
                session.status = "abandoned"
            elif now >= session.expire_at:
                session.status = "expired"
        return session

    def client_session(self, call: Call, session_id: str) -> Session:
        return self.refresh_session(self.owned_by_client(call, self.sessions.get(session_id), "session"))

    @staticmethod
    def owned_by_client(call: Call, found: _Owned | None, what: str) -> _Owned:
        """`found`, if it belongs to the calling device's client; else the 404 the real service answers."""
        if call.client is None or found is None or found.client_id != call.client.id:
            raise not_found(what)
        return found

    def start_attempt(self, call: Call, fields: tuple[str, ...]) -> tuple[Client, int]:
        """The checks that open a sign-in or a sign-up: known fields, and room for one more session.
        Returns the client (the request loop made one if the device had none) and the time."""
        forms.reject_unknown(call.form, fields)
        forms.boolean(call.form, "transfer")
        client = call.client
        assert client is not None
        self.ensure_can_sign_in(client)
        return client, self.now()

    def active_sessions(self, client: Client) -> list[Session]:
        return [
            s
            for s in (self.refresh_session(self.sessions[i]) for i in client.session_ids)
            if s.status in ("active", "pending")
        ]

    def factor_age(self, session: Session) -> list[int]:
        first, second = session.first_factor_at, session.second_factor_at
        now = self.now()
        return [max(0, (now - first) // 60000), -1 if second is None else max(0, (now - second) // 60000)]

    def new_client(self) -> Client:
        now = self.now()
        client = Client(id=new_id("client"), created_at=now, updated_at=now)
        self.clients[client.id] = client
        return client

    def new_user(self, *, password: str | None, **fields: Any) -> User:
        """A new user (not yet stored), created now; `fields` are the rest of `User`'s."""
        now = self.now()
        return User(
            id=new_id("user"),
            created_at=now,
            updated_at=now,
            password=password,
            password_last_updated_at=now if password else None,
            **fields,
        )

    def touch_client(self, client: Client) -> None:
        client.updated_at = self.now()

    def send_code(self, to: str, strategy: str, test_identity: bool) -> str:
        code = TEST_CODE if test_identity else f"{secrets.randbelow(1_000_000):06d}"
        self.outbox.append(SentCode(to=to, code=code, strategy=strategy, sent_at=self.now()))
        return code

    def is_test_identity(self, value: str) -> bool:
        if self.settings.instance_type != "development":
            return False
        return forms.is_test_email(value) if forms.looks_like_email(value) else forms.is_test_phone(value)

    def code_verification(self, strategy: str, to: str, target_id: str | None) -> Verification:
        code = self.send_code(to, strategy, self.is_test_identity(to))
        return Verification(
            strategy=strategy,
            status="unverified",
            attempts=0,
            expire_at=self.now() + CODE_LIFETIME_MS,
            code=code,
            target_id=target_id,
        )

    def check_code(self, verification: Verification, code: str | None) -> None:
        """Count one attempt at `verification` and raise the real error when it fails."""
        if verification.status == "verified":
            raise FapiError(
                400,
                "verification_already_verified",
                "already verified",
                "This verification has already been verified.",
            )
        if verification.status == "failed":
            raise verification_failed()
        if verification.expire_at is not None and self.now() > verification.expire_at:
            verification.status = "expired"
            raise FapiError(422, "verification_expired", "expired", "This verification has expired.")
        if code is None:
            raise param_missing("code")
        verification.attempts = (verification.attempts or 0) + 1
        if verification.code is not None and secrets.compare_digest(code, verification.code):
            verification.status = "verified"
            return
        if verification.attempts >= self.settings.max_code_attempts:
            verification.status = "failed"
            raise verification_failed()
        raise code_incorrect()

    def create_session(
        self, call: Call, client: Client, user: User, *, second_factor: bool, strategy: str | None
    ) -> Session:
        now = self.now()
        session = Session(
            id=new_id("sess"),
            client_id=client.id,
            user_id=user.id,
            status="active",
            created_at=now,
            updated_at=now,
            expire_at=now + SESSION_LIFETIME_MS,
            abandon_at=now + SESSION_ABANDON_MS,
            last_active_at=now,
        )
        session.first_factor_at = now
        session.second_factor_at = now if second_factor else None
        self.sessions[session.id] = session
        client.session_ids.append(session.id)
        client.last_active_session_id = session.id
        user.last_sign_in_at = now
        user.last_active_at = now
        session.last_active_token = session_tokens.mint_jwt(self, call, session, org_id=None)
        self.touch_client(client)
        return session

    def ensure_can_sign_in(self, client: Client) -> None:
        if self.settings.single_session_mode and self.active_sessions(client):
            raise FapiError(
                400,
                "session_exists",
                "Session already exists",
                "This instance allows one signed-in account at a time, and this client already has one.",
            )


def copy_verified(v: Verification) -> Verification:
    return Verification(v.strategy, "verified", attempts=v.attempts, expire_at=v.expire_at)


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise FapiError(
            422,
            "form_password_length_too_short",
            "is too short",
            f"Passwords must be {MIN_PASSWORD_LENGTH} characters or more.",
            {"param_name": "password"},
        )
