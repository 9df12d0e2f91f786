"""The emulated Frontend API itself: the state of an instance and the logic of every endpoint.

`Service` knows nothing of HTTP transports: it receives a `Call` (who the client is, the path parameters and
the decoded form) and returns an `Answer` (status and JSON). Authentication of the device (native token,
dev browser, cookie), faults and counters live one level up, in `Emulator`.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from . import _forms as forms
from ._clock import Clock
from ._crypto import SigningKey, totp_matches
from ._environment import OAUTH_STRATEGIES, SIGN_UP_FIELDS, build_environment
from ._errors import FapiError, authentication_invalid, not_found, param_missing, param_value_invalid
from ._ids import new_id, new_secret
from ._models import (
    ATTEMPT_ABANDON_MS,
    CODE_LIFETIME_MS,
    HIDDEN_SESSION_STATUSES,
    SESSION_ABANDON_MS,
    SESSION_LIFETIME_MS,
    Client,
    DevBrowser,
    EmailAddress,
    JwtTemplate,
    Membership,
    Organization,
    PhoneNumber,
    SentCode,
    Session,
    SignIn,
    SignUp,
    User,
    Verification,
)

TEST_CODE = "424242"
SUPPORTED_IDENTIFIERS = ["email_address", "passkey", "password", "phone_number", "username"]
MIN_PASSWORD_LENGTH = 8

# What clerk-js adds when it creates a sign-in or a sign-up: the browser's locale (echoed back as `locale`)
# and the device's time zone (accepted, not shown).
CLIENT_CONTEXT_FIELDS = ("locale", "timezone")
SIGN_IN_CREATE_FIELDS = (
    "strategy",
    "identifier",
    "password",
    "ticket",
    "redirect_url",
    "action_complete_redirect_url",
    "transfer",
    "code",
    "token",
    "oidc_login_hint",
    "oidc_prompt",
    "proof_token",
    "trusted_device_id",
    *CLIENT_CONTEXT_FIELDS,
)
PREPARE_FIRST_FIELDS = (
    "strategy",
    "email_address_id",
    "phone_number_id",
    "proof_token",
    "web3_wallet_id",
    "passkey_id",
    "trusted_device_id",
    "redirect_url",
    "action_complete_redirect_url",
    "oidc_login_hint",
    "oidc_prompt",
)
ATTEMPT_FIRST_FIELDS = (
    "strategy",
    "code",
    "password",
    "signature",
    "token",
    "ticket",
    "public_key_credential",
    "trusted_device_id",
    "client_data",
    "algorithm",
)
PREPARE_SECOND_FIELDS = ("strategy", "phone_number_id", "proof_token", "email_address_id", "redirect_url")
ATTEMPT_SECOND_FIELDS = ("strategy", "code")
RESET_PASSWORD_FIELDS = ("password", "sign_out_of_other_sessions")
SIGN_UP_UPDATE_FIELDS = (
    "password",
    "first_name",
    "last_name",
    "username",
    "email_address",
    "phone_number",
    "email_address_or_phone_number",
    "unsafe_metadata",
    "strategy",
    "redirect_url",
    "action_complete_redirect_url",
    "ticket",
    "web3_wallet",
    "token",
    "code",
    "legal_accepted",
    "oidc_login_hint",
    "oidc_prompt",
    "proof_token",
)
SIGN_UP_CREATE_FIELDS = (
    *SIGN_UP_UPDATE_FIELDS,
    "transfer",
    "captcha_token",
    "captcha_error",
    "captcha_widget_type",
    *CLIENT_CONTEXT_FIELDS,
)
PREPARE_VERIFICATION_FIELDS = (
    "strategy",
    "redirect_url",
    "action_complete_redirect_url",
    "oidc_login_hint",
    "oidc_prompt",
    "proof_token",
)
ATTEMPT_VERIFICATION_FIELDS = ("strategy", "code", "signature", "token")
TOUCH_FIELDS = ("active_organization_id", "intent")
# `tab_state` (whether the browser tab is visible) is sent by clerk-js with every token request.
TOKEN_FIELDS = ("organization_id", "tab_state")

DEFAULT_SIGN_UP_REQUIRED = frozenset(
    {"email_address", "first_name", "last_name", "legal_accepted", "password", "phone_number"}
)
_SHORTCODE = re.compile(r"\{\{\s*([a-z_.]+)\s*\}\}")


@dataclass
class Call:
    """One request as the service sees it."""

    method: str
    path: str
    params: dict[str, str]
    form: dict[str, str]
    query: dict[str, str]
    headers: dict[str, str]
    issuer: str
    client: Client | None = None
    # Set by handlers: the device's client token must be cleared (DELETE /v1/client).
    clear_client: bool = False


@dataclass
class Answer:
    status: int
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Settings:
    instance_type: str = "development"
    single_session_mode: bool = False
    native_api_enabled: bool = True
    sign_up_required: frozenset[str] = DEFAULT_SIGN_UP_REQUIRED
    client_trust: bool = False
    max_code_attempts: int = 3
    application_name: str = "clerk-fapi emulator"


class Service:
    """State of one emulated instance plus its endpoint logic. Callers hold the emulator's lock."""

    def __init__(self, clock: Clock, settings: Settings) -> None:
        self.clock = clock
        self.settings = settings
        self.key = SigningKey(new_id("ins"))
        self.users: dict[str, User] = {}
        self.clients: dict[str, Client] = {}
        self.sessions: dict[str, Session] = {}
        self.sign_ins: dict[str, SignIn] = {}
        self.sign_ups: dict[str, SignUp] = {}
        self.organizations: dict[str, Organization] = {}
        self.memberships: list[Membership] = []
        self.templates: dict[str, JwtTemplate] = {}
        self.dev_browsers: dict[str, DevBrowser] = {}
        self.tickets: dict[str, str] = {}
        self.outbox: list[SentCode] = []
        # The issuer of the latest request, for tokens minted outside a request (`complete_email_link`).
        self.last_issuer = "http://127.0.0.1"

    # ------------------------------------------------------------------ lookups
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
        return [m for m in self.memberships if m.user_id == user_id]

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
        client = call.client
        session = self.sessions.get(session_id)
        if client is None or session is None or session.client_id != client.id:
            raise not_found("session")
        return self.refresh_session(session)

    def active_sessions(self, client: Client) -> list[Session]:
        return [
            s
            for s in (self.refresh_session(self.sessions[i]) for i in client.session_ids)
            if s.status in ("active", "pending")
        ]

    # ------------------------------------------------------------------ serialisation
    def memberships_json(self, user: User) -> list[dict[str, Any]]:
        out = []
        for m in self.user_memberships(user.id):
            org = self.organizations[m.organization_id]
            count = sum(1 for x in self.memberships if x.organization_id == org.id)
            out.append(
                {
                    "object": "organization_membership",
                    "id": m.id,
                    "public_metadata": {},
                    "role": m.role,
                    "role_name": m.role.removeprefix("org:").replace("_", " ").title(),
                    "permissions": list(m.permissions),
                    "created_at": m.created_at,
                    "updated_at": m.updated_at,
                    "organization": org.to_json(count),
                }
            )
        return out

    def user_json(self, user: User) -> dict[str, Any]:
        return user.to_json(self.memberships_json(user))

    def session_json(self, session: Session) -> dict[str, Any]:
        self.refresh_session(session)
        user = self.users[session.user_id]
        return {
            "object": "session",
            "id": session.id,
            "status": session.status,
            "expire_at": session.expire_at,
            "abandon_at": session.abandon_at,
            "last_active_at": session.last_active_at,
            "last_active_organization_id": session.last_active_organization_id,
            "actor": None,
            "user": self.user_json(user),
            "public_user_data": user.public_user_data(),
            "factor_verification_age": self.factor_age(session),
            "tasks": None,
            "created_at": session.created_at,
            "updated_at": session.updated_at,
            "last_active_token": (
                {"object": "token", "jwt": session.last_active_token} if session.last_active_token else None
            ),
        }

    def factor_age(self, session: Session) -> list[int]:
        first, second = session.first_factor_at, session.second_factor_at
        now = self.now()
        return [max(0, (now - first) // 60000), -1 if second is None else max(0, (now - second) // 60000)]

    def factors_for(
        self, user: User, *, second: bool = False, identifier: str | None = None
    ) -> list[dict[str, Any]]:
        """The factors a sign-in of `user` offers. The reset-password factor follows the identifier: a
        sign-in started with a phone number resets by SMS code, any other by email code."""
        out: list[dict[str, Any]] = []
        if second:
            if user.totp_enabled:
                out.append({"strategy": "totp"})
            for phone in user.second_factor_phones:
                out.append(
                    {
                        "strategy": "phone_code",
                        "safe_identifier": phone.phone_number,
                        "phone_number_id": phone.id,
                        "default": phone.default_second_factor,
                    }
                )
            if user.backup_code_enabled:
                out.append({"strategy": "backup_code"})
            return out
        if user.password is not None:
            out.append({"strategy": "password"})
        for phone in user.phone_numbers:
            out.append(
                {
                    "strategy": "phone_code",
                    "safe_identifier": phone.phone_number,
                    "phone_number_id": phone.id,
                    "primary": phone.id == user.primary_phone_number_id,
                }
            )
        phone_used = forms.normalize_phone(identifier) if identifier else None
        reset_phones = [p for p in user.phone_numbers if phone_used and p.phone_number == phone_used]
        email_strategies = ("email_code", "email_link") + (
            () if reset_phones else ("reset_password_email_code",)
        )
        for strategy in email_strategies:
            for email in user.email_addresses:
                out.append(
                    {
                        "strategy": strategy,
                        "safe_identifier": email.email_address,
                        "email_address_id": email.id,
                        "primary": email.id == user.primary_email_address_id,
                    }
                )
        for phone in reset_phones:
            out.append(
                {
                    "strategy": "reset_password_phone_code",
                    "safe_identifier": phone.phone_number,
                    "phone_number_id": phone.id,
                    "primary": phone.id == user.primary_phone_number_id,
                }
            )
        return out

    def client_trust_factors(self, user: User) -> list[dict[str, Any]]:
        email = user.primary_email()
        if email is None:
            return []
        return [
            {
                "strategy": "email_code",
                "safe_identifier": email.email_address,
                "email_address_id": email.id,
                "primary": True,
            }
        ]

    def sign_in_json(self, sign_in: SignIn) -> dict[str, Any]:
        user = self.users.get(sign_in.user_id) if sign_in.user_id else None
        first: list[dict[str, Any]] | None = None
        second: list[dict[str, Any]] | None = None
        if user is not None and sign_in.status not in ("complete", "needs_identifier"):
            first = self.factors_for(user, identifier=sign_in.identifier)
            if sign_in.status == "needs_second_factor":
                second = self.factors_for(user, second=True)
            elif sign_in.status == "needs_client_trust":
                second = self.client_trust_factors(user)
        return {
            "object": "sign_in_attempt",
            "id": sign_in.id,
            "status": sign_in.status,
            "supported_identifiers": list(SUPPORTED_IDENTIFIERS),
            "supported_first_factors": first,
            "supported_second_factors": second,
            "first_factor_verification": (
                sign_in.first_factor_verification.to_json() if sign_in.first_factor_verification else None
            ),
            "second_factor_verification": (
                sign_in.second_factor_verification.to_json() if sign_in.second_factor_verification else None
            ),
            "identifier": sign_in.identifier,
            "user_data": None,
            "created_session_id": sign_in.created_session_id,
            "abandon_at": sign_in.abandon_at,
            "locale": sign_in.locale,
        }

    def sign_up_required(self) -> list[str]:
        return sorted(self.settings.sign_up_required)

    def sign_up_optional(self) -> list[str]:
        optional = [
            f for f in SIGN_UP_FIELDS if f not in self.settings.sign_up_required and f != "legal_accepted"
        ]
        return sorted([*OAUTH_STRATEGIES, *optional])

    def sign_up_missing(self, sign_up: SignUp) -> list[str]:
        values = {
            "email_address": sign_up.email_address,
            "phone_number": sign_up.phone_number,
            "username": sign_up.username,
            "first_name": sign_up.first_name,
            "last_name": sign_up.last_name,
            "password": sign_up.password,
            "legal_accepted": sign_up.legal_accepted_at,
        }
        return [f for f in self.sign_up_required() if values.get(f) is None]

    def sign_up_unverified(self, sign_up: SignUp) -> list[str]:
        out = []
        if sign_up.email_address is not None and not (
            sign_up.ticket_email_verified
            or (sign_up.email_verification is not None and sign_up.email_verification.status == "verified")
        ):
            out.append("email_address")
        if sign_up.phone_number is not None and not (
            sign_up.phone_verification is not None and sign_up.phone_verification.status == "verified"
        ):
            out.append("phone_number")
        return out

    @staticmethod
    def _sign_up_verification_json(v: Verification | None, strategies: list[str]) -> dict[str, Any] | None:
        if v is None:
            return None
        out = v.to_json()
        out["next_action"] = "needs_attempt" if v.status == "unverified" else ""
        out["supported_strategies"] = strategies
        return out

    def sign_up_json(self, sign_up: SignUp) -> dict[str, Any]:
        email_v = sign_up.email_verification
        if email_v is None and sign_up.ticket_email_verified:
            email_v = Verification("ticket", "verified", attempts=None, expire_at=None)
        return {
            "object": "sign_up_attempt",
            "id": sign_up.id,
            "status": sign_up.status,
            "required_fields": self.sign_up_required(),
            "optional_fields": self.sign_up_optional(),
            "missing_fields": self.sign_up_missing(sign_up),
            "unverified_fields": self.sign_up_unverified(sign_up),
            "verifications": {
                "email_address": self._sign_up_verification_json(
                    email_v,
                    ["email_code"] if email_v is None or email_v.strategy != "email_link" else ["email_link"],
                ),
                "phone_number": self._sign_up_verification_json(sign_up.phone_verification, ["phone_code"]),
                "web3_wallet": None,
                "external_account": None,
            },
            "username": sign_up.username,
            "email_address": sign_up.email_address,
            "phone_number": sign_up.phone_number,
            "web3_wallet": None,
            "password_enabled": sign_up.password is not None,
            "first_name": sign_up.first_name,
            "last_name": sign_up.last_name,
            "unsafe_metadata": dict(sign_up.unsafe_metadata),
            "public_metadata": {},
            "custom_action": False,
            "external_id": None,
            "created_session_id": sign_up.created_session_id,
            "created_user_id": sign_up.created_user_id,
            "abandon_at": sign_up.abandon_at,
            "legal_accepted_at": sign_up.legal_accepted_at,
            "locale": sign_up.locale,
        }

    def client_json(self, client: Client) -> dict[str, Any]:
        sessions = [self.refresh_session(self.sessions[i]) for i in client.session_ids]
        sign_in = self.sign_ins.get(client.sign_in_id) if client.sign_in_id else None
        sign_up = self.sign_ups.get(client.sign_up_id) if client.sign_up_id else None
        return {
            "object": "client",
            "id": client.id,
            "sessions": [self.session_json(s) for s in sessions if s.status not in HIDDEN_SESSION_STATUSES],
            "sign_in": self.sign_in_json(sign_in) if sign_in else None,
            "sign_up": self.sign_up_json(sign_up) if sign_up else None,
            "last_active_session_id": client.last_active_session_id,
            "last_authentication_strategy": client.last_authentication_strategy,
            "cookie_expires_at": client.cookie_expires_at,
            "captcha_bypass": False,
            "created_at": client.created_at,
            "updated_at": client.updated_at,
        }

    def envelope(self, call: Call, resource: dict[str, Any] | None, *, piggyback: bool = True) -> Answer:
        client = call.client
        return Answer(
            200,
            {
                "response": resource,
                "client": self.client_json(client)
                if piggyback and client is not None and client.alive
                else None,
            },
        )

    # ------------------------------------------------------------------ mutation helpers
    def new_client(self) -> Client:
        now = self.now()
        client = Client(id=new_id("client"), created_at=now, updated_at=now)
        self.clients[client.id] = client
        return client

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
            raise _verification_failed()
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
            raise _verification_failed()
        raise FapiError(
            422,
            "form_code_incorrect",
            "is incorrect",
            "The verification code is incorrect.",
            {"param_name": "code"},
        )

    def mint_jwt(
        self,
        call: Call,
        session: Session,
        *,
        org_id: str | None,
        template: JwtTemplate | None = None,
    ) -> str:
        user = self.users[session.user_id]
        iat = self.clock.now_s
        lifetime = template.lifetime if template else 60
        claims: dict[str, Any] = {}
        origin = call.headers.get("origin")
        if origin:
            claims["azp"] = origin
        claims.update(
            {
                "exp": iat + lifetime,
                "iat": iat,
                "iss": call.issuer,
                "jti": secrets.token_hex(10),
                "nbf": iat - 10,
                "sub": user.id,
            }
        )
        org = self.organizations.get(org_id) if org_id else None
        membership = next(
            (m for m in self.memberships if org and m.organization_id == org.id and m.user_id == user.id),
            None,
        )
        if template is None:
            claims.update({"sid": session.id, "sts": session.status, "v": 2, "fva": self.factor_age(session)})
            if org is not None and membership is not None:
                claims.update(_organization_claims(org, membership))
        else:
            context = self._shortcode_context(user, session, org, membership)
            for key, value in template.claims.items():
                if key not in claims:
                    claims[key] = _render_claim(value, context)
        jwt = self.key.sign_jwt(claims)
        session.minted.append(jwt)
        del session.minted[:-20]
        return jwt

    def _shortcode_context(
        self, user: User, session: Session, org: Organization | None, membership: Membership | None
    ) -> dict[str, Any]:
        email = user.primary_email()
        phone = user.primary_phone()
        return {
            "user.id": user.id,
            "user.first_name": user.first_name,
            "user.last_name": user.last_name,
            "user.username": user.username,
            "user.primary_email_address": email.email_address if email else None,
            "user.primary_phone_number": phone.phone_number if phone else None,
            "user.public_metadata": dict(user.public_metadata),
            "user.unsafe_metadata": dict(user.unsafe_metadata),
            "user.two_factor_enabled": user.two_factor_enabled,
            "session.id": session.id,
            "org.id": org.id if org else None,
            "org.slug": org.slug if org else None,
            "org.name": org.name if org else None,
            "org.role": membership.role if membership else None,
        }

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
        session.last_active_token = self.mint_jwt(call, session, org_id=None)
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

    # ------------------------------------------------------------------ environment / client
    def environment(self, call: Call) -> Answer:
        forms.reject_unknown(call.form, ())
        return Answer(
            200,
            build_environment(
                instance_type=self.settings.instance_type,
                single_session_mode=self.settings.single_session_mode,
                sign_up_required=self.settings.sign_up_required,
                native_api_enabled=self.settings.native_api_enabled,
                application_name=self.settings.application_name,
                home_url=call.issuer,
            ),
        )

    def health(self, call: Call) -> Answer:
        return Answer(200, {"status": "healthy"})

    def jwks(self, call: Call) -> Answer:
        return Answer(200, {"keys": [self.key.jwk()]})

    def get_client(self, call: Call) -> Answer:
        forms.reject_unknown(call.form, ())
        client = call.client
        if client is None or not client.alive:
            return Answer(200, {"response": None, "client": None})
        return Answer(200, {"response": self.client_json(client), "client": None})

    def create_client(self, call: Call) -> Answer:
        forms.reject_unknown(call.form, ())
        # The request loop already made the new client (it must hand the device its token).
        client = call.client or self.new_client()
        call.client = client
        return Answer(200, {"response": self.client_json(client), "client": None})

    def delete_client(self, call: Call) -> Answer:
        forms.reject_unknown(call.form, ())
        client = self._require_client(call)
        for session in self.active_sessions(client):
            session.status = "ended"
            session.updated_at = self.now()
        client.sign_in_id = None
        client.sign_up_id = None
        client.last_active_session_id = None
        self.touch_client(client)
        body = self.client_json(client)
        client.alive = False
        call.clear_client = True
        return Answer(200, {"response": body, "client": None})

    def remove_sessions(self, call: Call) -> Answer:
        forms.reject_unknown(call.form, ())
        client = self._require_client(call)
        for session_id in client.session_ids:
            session = self.refresh_session(self.sessions[session_id])
            if session.status not in HIDDEN_SESSION_STATUSES:
                session.status = "removed"
                session.updated_at = self.now()
        client.last_active_session_id = None
        self.touch_client(client)
        return Answer(200, {"response": self.client_json(client), "client": None})

    def _require_client(self, call: Call) -> Client:
        if call.client is None or not call.client.alive:
            raise not_found("client")
        return call.client

    # ------------------------------------------------------------------ sessions
    def get_session(self, call: Call) -> Answer:
        forms.reject_unknown(call.form, ())
        session = self.client_session(call, call.params["session_id"])
        return self.envelope(call, self.session_json(session))

    def _require_live(self, session: Session) -> None:
        if session.status not in ("active", "pending"):
            raise authentication_invalid(f"The session is {session.status}.")

    def touch_session(self, call: Call) -> Answer:
        forms.reject_unknown(call.form, TOUCH_FIELDS)
        session = self.client_session(call, call.params["session_id"])
        self._require_live(session)
        intent = forms.text(call.form, "intent")
        if intent is not None and intent not in ("focus", "select_session", "select_org"):
            raise param_value_invalid("intent")
        if "active_organization_id" in call.form:
            session.last_active_organization_id = self._resolve_org(
                session, call.form["active_organization_id"]
            )
        now = self.now()
        session.last_active_at = now
        session.updated_at = now
        self.users[session.user_id].last_active_at = now
        session.last_active_token = self.mint_jwt(call, session, org_id=session.last_active_organization_id)
        assert call.client is not None
        call.client.last_active_session_id = session.id
        self.touch_client(call.client)
        return self.envelope(call, self.session_json(session))

    def _resolve_org(self, session: Session, raw: str) -> str | None:
        if raw == "":
            return None
        org = self.find_organization(raw)
        if org is None or not any(
            m.organization_id == org.id and m.user_id == session.user_id for m in self.memberships
        ):
            raise FapiError(
                404,
                "resource_not_found",
                "not found",
                "No organization with that id or slug has this user as a member.",
                {"param_name": "organization_id"},
            )
        return org.id

    def end_session(self, call: Call) -> Answer:
        return self._finish_session(call, "ended")

    def remove_session(self, call: Call) -> Answer:
        return self._finish_session(call, "removed")

    def _finish_session(self, call: Call, status: str) -> Answer:
        forms.reject_unknown(call.form, ())
        session = self.client_session(call, call.params["session_id"])
        if session.status in ("active", "pending") or status == "removed":
            session.status = status
            session.updated_at = self.now()
        client = call.client
        assert client is not None
        if client.last_active_session_id == session.id:
            others = self.active_sessions(client)
            client.last_active_session_id = others[-1].id if others else None
        self.touch_client(client)
        return self.envelope(call, self.session_json(session))

    def create_token(self, call: Call) -> Answer:
        forms.reject_unknown(call.form, TOKEN_FIELDS)
        session = self.client_session(call, call.params["session_id"])
        self._require_live(session)
        self._check_expired_token(call, session)
        if "organization_id" in call.form:
            org_id = self._resolve_org(session, call.form["organization_id"])
        else:
            org_id = session.last_active_organization_id
        jwt = self.mint_jwt(call, session, org_id=org_id)
        if org_id == session.last_active_organization_id:
            session.last_active_token = jwt
        return Answer(200, {"object": "token", "jwt": jwt})

    def create_template_token(self, call: Call) -> Answer:
        forms.reject_unknown(call.form, TOKEN_FIELDS)
        session = self.client_session(call, call.params["session_id"])
        self._require_live(session)
        template = self.templates.get(call.params["template_name"])
        if template is None:
            raise not_found("JWT template")
        self._check_expired_token(call, session)
        if "organization_id" in call.form:
            org_id = self._resolve_org(session, call.form["organization_id"])
        else:
            org_id = session.last_active_organization_id
        return Answer(
            200, {"object": "token", "jwt": self.mint_jwt(call, session, org_id=org_id, template=template)}
        )

    def _check_expired_token(self, call: Call, session: Session) -> None:
        if not session.needs_expired_token:
            return
        if call.query.get("expired_token") in session.minted:
            session.needs_expired_token = False
            return
        raise FapiError(
            422,
            "missing_expired_token",
            "Missing expired token",
            "Send the last session token as the expired_token query parameter.",
        )

    # ------------------------------------------------------------------ sign-in
    def _current_sign_in(self, call: Call) -> SignIn:
        sign_in = self.sign_ins.get(call.params["sign_in_id"])
        if call.client is None or sign_in is None or sign_in.client_id != call.client.id:
            raise not_found("sign-in")
        return sign_in

    def _sign_in_answer(self, call: Call, sign_in: SignIn) -> Answer:
        assert call.client is not None
        self.touch_client(call.client)
        return self.envelope(call, self.sign_in_json(sign_in))

    def create_sign_in(self, call: Call) -> Answer:
        forms.reject_unknown(call.form, SIGN_IN_CREATE_FIELDS)
        forms.boolean(call.form, "transfer")
        client = call.client
        assert client is not None
        self.ensure_can_sign_in(client)
        now = self.now()
        sign_in = SignIn(
            id=new_id("sia"),
            client_id=client.id,
            status="needs_identifier",
            created_at=now,
            abandon_at=now + ATTEMPT_ABANDON_MS,
            locale=forms.text(call.form, "locale"),
        )
        strategy = forms.text(call.form, "strategy")
        identifier = forms.text(call.form, "identifier")
        password = forms.text(call.form, "password")
        if strategy == "ticket" or (strategy is None and forms.text(call.form, "ticket")):
            ticket = forms.text(call.form, "ticket")
            if ticket is None:
                raise param_missing("ticket")
            user_id = self.tickets.pop(ticket, None)
            if user_id is None or user_id not in self.users:
                raise FapiError(
                    422,
                    "ticket_invalid",
                    "is invalid",
                    "The ticket is invalid or was already used.",
                    {"param_name": "ticket"},
                )
            user = self.users[user_id]
            self._guard_already_signed_in(client, user)
            sign_in.user_id = user.id
            sign_in.identifier = user.identifier()
            sign_in.first_factor_verification = Verification(
                "ticket", "verified", attempts=None, expire_at=None
            )
            self._after_first_factor(call, sign_in, user)
            return self._install_sign_in(call, sign_in)
        if strategy is not None and strategy not in (
            "password",
            "email_code",
            "phone_code",
            "email_link",
            "reset_password_email_code",
            "reset_password_phone_code",
        ):
            raise param_value_invalid("strategy", "is not a supported strategy")
        if identifier is None:
            if strategy is not None or password is not None:
                raise param_missing("identifier")
            return self._install_sign_in(call, sign_in)
        found = self.find_user(identifier)
        if found is None:
            raise FapiError(
                422,
                "form_identifier_not_found",
                "Couldn't find your account.",
                "No account matches this identifier.",
                {"param_name": "identifier"},
            )
        user = found
        self._guard_already_signed_in(client, user)
        sign_in.user_id = user.id
        sign_in.identifier = identifier
        sign_in.status = "needs_first_factor"
        if strategy == "password" and password is None:
            raise param_missing("password")
        self._install_sign_in(call, sign_in)
        if password is not None and strategy in (None, "password"):
            self._attempt_password(call, sign_in, user, password)
        elif strategy in (
            "email_code",
            "phone_code",
            "email_link",
            "reset_password_email_code",
            "reset_password_phone_code",
        ):
            self._prepare_first(sign_in, user, strategy, None, None, identifier)
        return self._sign_in_answer(call, sign_in)

    def _guard_already_signed_in(self, client: Client, user: User) -> None:
        if any(s.user_id == user.id for s in self.active_sessions(client)):
            raise FapiError(
                400,
                "identifier_already_signed_in",
                "already signed in",
                "This account is already signed in on this client.",
            )

    def _install_sign_in(self, call: Call, sign_in: SignIn) -> Answer:
        assert call.client is not None
        self.sign_ins[sign_in.id] = sign_in
        call.client.sign_in_id = sign_in.id
        if sign_in.status == "complete":
            call.client.sign_in_id = None
        return self._sign_in_answer(call, sign_in)

    def _attempt_password(self, call: Call, sign_in: SignIn, user: User, password: str) -> None:
        if user.locked:
            raise FapiError(
                403, "user_locked", "Account locked", "This account is locked after too many attempts."
            )
        verification = sign_in.first_factor_verification
        if verification is None or verification.strategy != "password":
            verification = Verification("password", "unverified", attempts=0, expire_at=None)
            sign_in.first_factor_verification = verification
        verification.attempts = (verification.attempts or 0) + 1
        if user.password is None or not secrets.compare_digest(user.password, password):
            user.verification_attempts_remaining = max(0, user.verification_attempts_remaining - 1)
            if user.verification_attempts_remaining == 0:
                user.locked = True
            raise FapiError(
                422,
                "form_password_incorrect",
                "Password is incorrect.",
                "The password is incorrect. Try again, or use another method.",
                {"param_name": "password"},
            )
        verification.status = "verified"
        self._after_first_factor(call, sign_in, user)

    def _after_first_factor(self, call: Call, sign_in: SignIn, user: User) -> None:
        if user.two_factor_enabled:
            sign_in.status = "needs_second_factor"
            return
        if (
            self.settings.client_trust
            and sign_in.first_factor_verification is not None
            and (sign_in.first_factor_verification.strategy == "password")
        ):
            assert call.client is not None
            known = any(self.sessions[i].user_id == user.id for i in call.client.session_ids)
            if not known and user.primary_email() is not None:
                sign_in.status = "needs_client_trust"
                sign_in.client_trust = True
                return
        self._complete_sign_in(call, sign_in, user, second_factor=False)

    def _complete_sign_in(self, call: Call, sign_in: SignIn, user: User, *, second_factor: bool) -> None:
        client = call.client
        assert client is not None
        strategy = sign_in.first_factor_verification.strategy if sign_in.first_factor_verification else None
        session = self.create_session(call, client, user, second_factor=second_factor, strategy=strategy)
        sign_in.status = "complete"
        sign_in.created_session_id = session.id
        if client.sign_in_id == sign_in.id:
            client.sign_in_id = None

    def _prepare_first(
        self,
        sign_in: SignIn,
        user: User,
        strategy: str,
        email_address_id: str | None,
        phone_number_id: str | None,
        identifier: str | None,
    ) -> None:
        if strategy in ("phone_code", "reset_password_phone_code"):
            phone = self._pick(
                user.phone_numbers,
                "phone_number_id",
                phone_number_id,
                identifier,
                user.primary_phone_number_id,
            )
            if phone is None:
                raise _strategy_invalid(strategy)
            sign_in.first_factor_verification = self.code_verification(strategy, phone.phone_number, phone.id)
            return
        email = self._pick(
            user.email_addresses,
            "email_address_id",
            email_address_id,
            identifier,
            user.primary_email_address_id,
        )
        if email is None:
            raise _strategy_invalid(strategy)
        if strategy == "email_link":
            sign_in.first_factor_verification = Verification(
                "email_link",
                "unverified",
                attempts=None,
                expire_at=self.now() + CODE_LIFETIME_MS,
                target_id=email.id,
            )
            return
        sign_in.first_factor_verification = self.code_verification(strategy, email.email_address, email.id)

    @staticmethod
    def _pick(
        items: list[Any], param: str, wanted_id: str | None, identifier: str | None, primary_id: str | None
    ) -> Any | None:
        """The identification a factor targets: the one asked for, else the one used, else the primary."""
        if wanted_id is not None:
            found = next((i for i in items if i.id == wanted_id), None)
            if found is None:
                raise param_value_invalid(param, "does not belong to this user")
            return found
        if identifier is not None:
            for item in items:
                value = item.email_address if isinstance(item, EmailAddress) else item.phone_number
                if value.lower() == identifier.lower() or value == forms.normalize_phone(identifier):
                    return item
        return next((i for i in items if i.id == primary_id), items[0] if items else None)

    def get_sign_in(self, call: Call) -> Answer:
        forms.reject_unknown(call.form, ())
        return self._sign_in_answer(call, self._current_sign_in(call))

    def prepare_first_factor(self, call: Call) -> Answer:
        forms.reject_unknown(call.form, PREPARE_FIRST_FIELDS)
        sign_in = self._current_sign_in(call)
        strategy = forms.required_text(call.form, "strategy")
        user = self._sign_in_user(sign_in)
        if sign_in.status != "needs_first_factor":
            raise _wrong_step(sign_in)
        offered = {f["strategy"] for f in self.factors_for(user, identifier=sign_in.identifier)}
        if strategy not in offered or strategy == "password":
            raise _strategy_invalid(strategy)
        self._prepare_first(
            sign_in,
            user,
            strategy,
            forms.text(call.form, "email_address_id"),
            forms.text(call.form, "phone_number_id"),
            None,
        )
        return self._sign_in_answer(call, sign_in)

    def _sign_in_user(self, sign_in: SignIn) -> User:
        user = self.users.get(sign_in.user_id) if sign_in.user_id else None
        if user is None:
            raise FapiError(
                422,
                "sign_in_identifier_missing",
                "identifier is missing",
                "Identify the user before verifying a factor.",
                {"param_name": "identifier"},
            )
        return user

    def attempt_first_factor(self, call: Call) -> Answer:
        forms.reject_unknown(call.form, ATTEMPT_FIRST_FIELDS)
        sign_in = self._current_sign_in(call)
        strategy = forms.required_text(call.form, "strategy")
        user = self._sign_in_user(sign_in)
        if sign_in.status != "needs_first_factor":
            raise _wrong_step(sign_in)
        if strategy == "password":
            self._attempt_password(call, sign_in, user, forms.required_text(call.form, "password"))
            return self._sign_in_answer(call, sign_in)
        verification = sign_in.first_factor_verification
        if verification is None or verification.strategy != strategy or verification.code is None:
            raise _not_prepared(strategy)
        self.check_code(verification, forms.text(call.form, "code"))
        if strategy.startswith("reset_password_"):
            sign_in.status = "needs_new_password"
        else:
            self._after_first_factor(call, sign_in, user)
        return self._sign_in_answer(call, sign_in)

    def prepare_second_factor(self, call: Call) -> Answer:
        forms.reject_unknown(call.form, PREPARE_SECOND_FIELDS)
        sign_in = self._current_sign_in(call)
        user = self._sign_in_user(sign_in)
        if sign_in.status not in ("needs_second_factor", "needs_client_trust"):
            raise _wrong_step(sign_in)
        strategy = forms.text(call.form, "strategy") or "phone_code"
        if strategy == "phone_code" and sign_in.status == "needs_second_factor":
            phone_id = forms.text(call.form, "phone_number_id")
            phones = user.second_factor_phones
            phone = (
                next((p for p in phones if p.id == phone_id), None)
                if phone_id
                else (phones[0] if phones else None)
            )
            if phone is None:
                raise _strategy_invalid(strategy)
            sign_in.second_factor_verification = self.code_verification(
                "phone_code", phone.phone_number, phone.id
            )
        elif strategy == "email_code" and sign_in.status == "needs_client_trust":
            email = user.primary_email()
            wanted = forms.text(call.form, "email_address_id")
            if email is None or (wanted is not None and wanted != email.id):
                raise _strategy_invalid(strategy)
            sign_in.second_factor_verification = self.code_verification(
                "email_code", email.email_address, email.id
            )
        else:
            raise _strategy_invalid(strategy)
        return self._sign_in_answer(call, sign_in)

    def attempt_second_factor(self, call: Call) -> Answer:
        forms.reject_unknown(call.form, ATTEMPT_SECOND_FIELDS)
        sign_in = self._current_sign_in(call)
        user = self._sign_in_user(sign_in)
        if sign_in.status not in ("needs_second_factor", "needs_client_trust"):
            raise _wrong_step(sign_in)
        strategy = forms.required_text(call.form, "strategy")
        code = forms.text(call.form, "code")
        if strategy == "totp" and user.totp_secret and sign_in.status == "needs_second_factor":
            verification = Verification("totp", "unverified", attempts=0, expire_at=None)
            previous = sign_in.second_factor_verification
            if previous is not None and previous.strategy == "totp":
                verification = previous
            sign_in.second_factor_verification = verification
            if code is None:
                raise param_missing("code")
            verification.attempts = (verification.attempts or 0) + 1
            if not totp_matches(user.totp_secret, code, self.clock.now_s):
                raise _code_incorrect()
            verification.status = "verified"
        elif strategy == "backup_code" and user.backup_codes and sign_in.status == "needs_second_factor":
            verification = Verification("backup_code", "unverified", attempts=1, expire_at=None)
            sign_in.second_factor_verification = verification
            if code is None:
                raise param_missing("code")
            if code not in user.backup_codes:
                raise _code_incorrect()
            user.backup_codes.remove(code)  # each backup code works once
            verification.status = "verified"
        elif strategy in ("phone_code", "email_code"):
            pending = sign_in.second_factor_verification
            if pending is None or pending.strategy != strategy or pending.code is None:
                raise _not_prepared(strategy)
            self.check_code(pending, code)
        else:
            raise _strategy_invalid(strategy)
        self._complete_sign_in(call, sign_in, user, second_factor=not sign_in.client_trust)
        return self._sign_in_answer(call, sign_in)

    def reset_password(self, call: Call) -> Answer:
        forms.reject_unknown(call.form, RESET_PASSWORD_FIELDS)
        sign_in = self._current_sign_in(call)
        password = forms.required_text(call.form, "password")
        sign_out_others = forms.boolean(call.form, "sign_out_of_other_sessions")
        user = self._sign_in_user(sign_in)
        if sign_in.status != "needs_new_password":
            raise _wrong_step(sign_in)
        _check_password(password)
        user.password = password
        user.password_last_updated_at = self.now()
        user.updated_at = self.now()
        if sign_out_others:
            for session in self.sessions.values():
                if session.user_id == user.id and session.status in ("active", "pending"):
                    session.status = "revoked"
                    session.updated_at = self.now()
        if user.two_factor_enabled:
            sign_in.status = "needs_second_factor"
        else:
            self._complete_sign_in(call, sign_in, user, second_factor=False)
        return self._sign_in_answer(call, sign_in)

    # ------------------------------------------------------------------ sign-up
    def _current_sign_up(self, call: Call) -> SignUp:
        sign_up = self.sign_ups.get(call.params["sign_up_id"])
        if call.client is None or sign_up is None or sign_up.client_id != call.client.id:
            raise not_found("sign-up")
        return sign_up

    def create_sign_up(self, call: Call) -> Answer:
        forms.reject_unknown(call.form, SIGN_UP_CREATE_FIELDS)
        forms.boolean(call.form, "transfer")
        client = call.client
        assert client is not None
        self.ensure_can_sign_in(client)
        now = self.now()
        sign_up = SignUp(
            id=new_id("sua"),
            client_id=client.id,
            created_at=now,
            abandon_at=now + ATTEMPT_ABANDON_MS,
            locale=forms.text(call.form, "locale"),
        )
        self._apply_sign_up_fields(call, sign_up)
        self.sign_ups[sign_up.id] = sign_up
        client.sign_up_id = sign_up.id
        self._settle_sign_up(call, sign_up)
        return self._sign_up_answer(call, sign_up)

    def update_sign_up(self, call: Call) -> Answer:
        forms.reject_unknown(call.form, SIGN_UP_UPDATE_FIELDS)
        sign_up = self._current_sign_up(call)
        if sign_up.status != "missing_requirements":
            raise FapiError(
                400, "sign_up_not_in_progress", "sign-up is over", f"This sign-up is {sign_up.status}."
            )
        self._apply_sign_up_fields(call, sign_up)
        self._settle_sign_up(call, sign_up)
        return self._sign_up_answer(call, sign_up)

    def _sign_up_answer(self, call: Call, sign_up: SignUp) -> Answer:
        assert call.client is not None
        self.touch_client(call.client)
        return self.envelope(call, self.sign_up_json(sign_up))

    def _apply_sign_up_fields(self, call: Call, sign_up: SignUp) -> None:
        form = call.form
        # Validate everything before changing anything, so that a rejected request leaves no trace.
        email = forms.email_field(form, "email_address")
        phone = forms.phone_field(form, "phone_number")
        either = forms.text(form, "email_address_or_phone_number")
        if either is not None:
            if forms.looks_like_email(either):
                email = forms.email_field(form, "email_address_or_phone_number")
            else:
                phone = forms.phone_field(form, "email_address_or_phone_number")
        username = forms.text(form, "username")
        password = forms.text(form, "password")
        metadata = forms.json_object(form, "unsafe_metadata")
        legal = forms.boolean(form, "legal_accepted")
        strategy = forms.text(form, "strategy")
        ticket = forms.text(form, "ticket")
        if username is not None and not (4 <= len(username) <= 64):
            raise FapiError(
                422,
                "form_username_invalid_length",
                "length is invalid",
                "A username has between 4 and 64 characters.",
                {"param_name": "username"},
            )
        if password is not None:
            _check_password(password)
        for kind, value in (("email_address", email), ("phone_number", phone), ("username", username)):
            if value is not None and self.identifier_taken(kind, value):
                raise FapiError(
                    422,
                    "form_identifier_exists",
                    "is taken",
                    f"That {kind.replace('_', ' ')} is taken. Please try another.",
                    {"param_name": kind},
                )
        if strategy is not None and strategy not in ("email_code", "phone_code", "email_link", "ticket"):
            raise param_value_invalid("strategy", "is not a supported strategy")
        ticket_email: str | None = None
        if ticket is not None or strategy == "ticket":
            if ticket is None:
                raise param_missing("ticket")
            ticket_email = self.tickets.pop(ticket, None)
            if ticket_email is None or not forms.looks_like_email(ticket_email):
                raise FapiError(
                    422,
                    "ticket_invalid",
                    "is invalid",
                    "The ticket is invalid or was already used.",
                    {"param_name": "ticket"},
                )
        if ticket_email is not None:
            email = ticket_email
            sign_up.ticket_email_verified = True
        if email is not None and email != sign_up.email_address:
            sign_up.email_address = email
            sign_up.email_verification = None
        elif "email_address" in form and form["email_address"] == "":
            sign_up.email_address = None
            sign_up.email_verification = None
        if phone is not None and phone != sign_up.phone_number:
            sign_up.phone_number = phone
            sign_up.phone_verification = None
        elif "phone_number" in form and form["phone_number"] == "":
            sign_up.phone_number = None
            sign_up.phone_verification = None
        for name in ("username", "first_name", "last_name", "password"):
            if name in form:
                setattr(sign_up, name, form[name] or None)
        if metadata is not None:
            sign_up.unsafe_metadata = metadata
        if legal is not None:
            sign_up.legal_accepted_at = self.now() if legal else None
        wants_email = strategy in ("email_code", "email_link") and sign_up.email_address is not None
        wants_phone = strategy == "phone_code" and sign_up.phone_number is not None
        if strategy is not None and (wants_email or wants_phone):
            self._prepare_sign_up(sign_up, strategy)

    def _prepare_sign_up(self, sign_up: SignUp, strategy: str) -> None:
        if strategy in ("email_code", "email_link"):
            if sign_up.email_address is None:
                raise param_missing("email_address")
            if strategy == "email_link":
                sign_up.email_verification = Verification(
                    "email_link", "unverified", attempts=None, expire_at=self.now() + CODE_LIFETIME_MS
                )
            else:
                sign_up.email_verification = self.code_verification("email_code", sign_up.email_address, None)
        elif strategy == "phone_code":
            if sign_up.phone_number is None:
                raise param_missing("phone_number")
            sign_up.phone_verification = self.code_verification("phone_code", sign_up.phone_number, None)
        else:
            raise param_value_invalid("strategy", "is not a supported strategy")

    def _settle_sign_up(self, call: Call, sign_up: SignUp) -> None:
        """Complete the sign-up once nothing is missing or unverified: create the user and a session."""
        if sign_up.status != "missing_requirements":
            return
        if self.sign_up_missing(sign_up) or self.sign_up_unverified(sign_up):
            return
        if sign_up.email_address is None and sign_up.phone_number is None and sign_up.username is None:
            return
        client = call.client
        assert client is not None
        now = self.now()
        user = User(
            id=new_id("user"),
            created_at=now,
            updated_at=now,
            username=sign_up.username,
            first_name=sign_up.first_name,
            last_name=sign_up.last_name,
            password=sign_up.password,
            password_last_updated_at=now if sign_up.password else None,
            unsafe_metadata=dict(sign_up.unsafe_metadata),
            legal_accepted_at=sign_up.legal_accepted_at,
        )
        if sign_up.email_address is not None:
            v = sign_up.email_verification or Verification(
                "ticket", "verified", attempts=None, expire_at=None
            )
            email = EmailAddress(new_id("idn"), sign_up.email_address, _copy_verified(v), now, now)
            user.email_addresses.append(email)
            user.primary_email_address_id = email.id
        if sign_up.phone_number is not None:
            v = sign_up.phone_verification or Verification(
                "phone_code", "verified", attempts=0, expire_at=now
            )
            phone = PhoneNumber(new_id("idn"), sign_up.phone_number, _copy_verified(v), now, now)
            user.phone_numbers.append(phone)
            user.primary_phone_number_id = phone.id
        self.users[user.id] = user
        session = self.create_session(call, client, user, second_factor=False, strategy=None)
        sign_up.status = "complete"
        sign_up.created_user_id = user.id
        sign_up.created_session_id = session.id
        client.sign_up_id = None

    def get_sign_up(self, call: Call) -> Answer:
        forms.reject_unknown(call.form, ())
        return self._sign_up_answer(call, self._current_sign_up(call))

    def prepare_verification(self, call: Call) -> Answer:
        forms.reject_unknown(call.form, PREPARE_VERIFICATION_FIELDS)
        sign_up = self._current_sign_up(call)
        strategy = forms.required_text(call.form, "strategy")
        if sign_up.status != "missing_requirements":
            raise FapiError(
                400, "sign_up_not_in_progress", "sign-up is over", f"This sign-up is {sign_up.status}."
            )
        self._prepare_sign_up(sign_up, strategy)
        return self._sign_up_answer(call, sign_up)

    def attempt_verification(self, call: Call) -> Answer:
        forms.reject_unknown(call.form, ATTEMPT_VERIFICATION_FIELDS)
        sign_up = self._current_sign_up(call)
        strategy = forms.required_text(call.form, "strategy")
        if sign_up.status != "missing_requirements":
            raise FapiError(
                400, "sign_up_not_in_progress", "sign-up is over", f"This sign-up is {sign_up.status}."
            )
        if strategy == "email_code":
            verification = sign_up.email_verification
        elif strategy == "phone_code":
            verification = sign_up.phone_verification
        else:
            raise param_value_invalid("strategy", "is not a strategy that takes a code")
        if verification is None or verification.strategy != strategy or verification.code is None:
            raise _not_prepared(strategy)
        self.check_code(verification, forms.text(call.form, "code"))
        self._settle_sign_up(call, sign_up)
        return self._sign_up_answer(call, sign_up)

    # ------------------------------------------------------------------ dev browser
    def create_dev_browser(self, call: Call) -> Answer:
        forms.reject_unknown(call.form, ())
        if self.settings.instance_type != "development":
            raise FapiError(
                400,
                "dev_browser_not_supported",
                "not a development instance",
                "Dev browsers exist on development instances only.",
            )
        now = self.now()
        browser = DevBrowser(id=new_id("dvb"), token="dvb_" + new_secret(24), created_at=now)
        self.dev_browsers[browser.token] = browser
        return Answer(
            200,
            {
                "object": "dev_browser",
                "id": browser.token,
                "instance_id": self.key.kid,
                "client_id": None,
                "created_at": now,
                "updated_at": now,
            },
        )

    # ------------------------------------------------------------------ control helpers
    def complete_email_link(self, email_address: str) -> bool:
        """Act as the user who clicked the link mailed to `email_address`. True if something was waiting."""
        done = False
        for sign_in in self.sign_ins.values():
            v = sign_in.first_factor_verification
            user = self.users.get(sign_in.user_id) if sign_in.user_id else None
            if v is None or v.strategy != "email_link" or v.status != "unverified" or user is None:
                continue
            email = next((e for e in user.email_addresses if e.id == v.target_id), None)
            if email is not None and email.email_address.lower() == email_address.lower():
                v.status = "verified"
                v.verified_at_client = sign_in.client_id  # opened on the device that asked for it
                client = self.clients[sign_in.client_id]
                fake = Call("POST", "", {}, {}, {}, {}, issuer=self.last_issuer, client=client)
                self._after_first_factor(fake, sign_in, user)
                # The device that started the sign-in still shows it, now complete, as it polls: the real
                # service keeps a sign-in verified by a link on its client (recorded Flutter traffic).
                client.sign_in_id = sign_in.id
                done = True
        for sign_up in self.sign_ups.values():
            v = sign_up.email_verification
            if (
                v is not None
                and v.strategy == "email_link"
                and v.status == "unverified"
                and (sign_up.email_address or "").lower() == email_address.lower()
            ):
                v.status = "verified"
                client = self.clients[sign_up.client_id]
                self._settle_sign_up(
                    Call("POST", "", {}, {}, {}, {}, issuer=self.last_issuer, client=client), sign_up
                )
                done = True
        return done


def _organization_claims(org: Organization, membership: Membership) -> dict[str, Any]:
    """The v2 claims of an active organization: `o` and, when the role has custom permissions, `fea`.

    Custom permissions `org:<feature>:<action>` are encoded as the org features (`fea`, in first-seen order),
    the distinct actions (`o.per`) and one bitmask over `per` per feature (`o.fpm`, bit 0 = the first
    action). System permissions (`org:sys_*`) never go into a token.
    """
    features: list[str] = []
    actions: list[str] = []
    masks: dict[str, int] = {}
    for permission in membership.permissions:
        _, feature, action = permission.split(":", 2)
        if feature.startswith("sys_"):
            continue
        if feature not in features:
            features.append(feature)
        if action not in actions:
            actions.append(action)
        masks[feature] = masks.get(feature, 0) | 1 << actions.index(action)
    o: dict[str, Any] = {"id": org.id, "slg": org.slug, "rol": membership.role.removeprefix("org:")}
    if not features:
        return {"o": o}
    o["per"] = ",".join(actions)
    o["fpm"] = ",".join(str(masks[f]) for f in features)
    return {"o": o, "fea": ",".join(f"o:{f}" for f in features)}


def _render_claim(value: Any, context: Mapping[str, Any]) -> Any:
    if isinstance(value, str):
        whole = _SHORTCODE.fullmatch(value.strip())
        if whole:
            return context.get(whole.group(1))
        return _SHORTCODE.sub(
            lambda m: "" if context.get(m.group(1)) is None else str(context[m.group(1)]), value
        )
    if isinstance(value, dict):
        return {k: _render_claim(v, context) for k, v in value.items()}
    if isinstance(value, list):
        return [_render_claim(v, context) for v in value]
    return value


def _copy_verified(v: Verification) -> Verification:
    return Verification(v.strategy, "verified", attempts=v.attempts, expire_at=v.expire_at)


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise FapiError(
            422,
            "form_password_length_too_short",
            "is too short",
            f"Passwords must be {MIN_PASSWORD_LENGTH} characters or more.",
            {"param_name": "password"},
        )


def _verification_failed() -> FapiError:
    return FapiError(
        422,
        "verification_failed",
        "Too many failed attempts",
        "Too many failed attempts; start again with the same or another method.",
        {"param_name": "code"},
    )


def _code_incorrect() -> FapiError:
    return FapiError(
        422,
        "form_code_incorrect",
        "is incorrect",
        "The verification code is incorrect.",
        {"param_name": "code"},
    )


def _strategy_invalid(strategy: str) -> FapiError:
    return FapiError(
        422,
        "strategy_for_user_invalid",
        "Invalid verification strategy",
        f"The strategy {strategy} is not available for this account at this step.",
        {"param_name": "strategy"},
    )


def _not_prepared(strategy: str) -> FapiError:
    return FapiError(
        400,
        "verification_not_sent",
        "not prepared",
        f"Prepare the {strategy} verification before attempting it.",
        {"param_name": "strategy"},
    )


def _wrong_step(sign_in: SignIn) -> FapiError:
    return FapiError(400, "sign_in_wrong_step", "not at this step", f"This sign-in is {sign_in.status}.")


Handler = Callable[[Service, Call], Answer]
