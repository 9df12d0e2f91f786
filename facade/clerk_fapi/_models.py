"""Read models: the Frontend API's resources as the facade shows them.

Built from the generated models (never from raw JSON): snake_case attributes, timestamps as
UTC-aware ``datetime``, statuses and strategies as plain strings (the ``*Status`` classes name the
known values; an unknown value stays its string), and every field the server sent that the model
has no attribute for in ``extra``, as the JSON the server sent (a field this version does not know
yet, a type tag such as ``object``, the parts of an object an attribute reshapes). Nothing the
server sent is dropped. Values are immutable; a new answer from the server builds new objects.

The conversion from generated models lives in the ``from_raw`` functions at the bottom; together
with :mod:`clerk_fapi._raw` they are the only code that knows the generated layer.
"""

from __future__ import annotations

import functools
import types
import typing
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any, ClassVar, Final, TypeVar, Union

import attrs
from clerk_fapi_raw import models as raw
from clerk_fapi_raw.types import Unset

from ._errors import ErrorDetail

__all__ = [
    "ClientState",
    "EmailAddress",
    "Environment",
    "ExternalAccount",
    "IdentificationLink",
    "Passkey",
    "PhoneNumber",
    "PublicUserData",
    "SessionData",
    "SessionStatus",
    "SignInData",
    "SignInFactor",
    "SignInStatus",
    "SignUpData",
    "SignUpStatus",
    "SignUpVerifications",
    "Strategy",
    "User",
    "Verification",
    "VerificationStatus",
    "Web3Wallet",
]


# ----- known values ------------------------------------------------------------------------------
class SessionStatus:
    """Known session statuses. The server adds values over time; compare with these, never enumerate."""

    ACTIVE: Final = "active"
    PENDING: Final = "pending"
    ENDED: Final = "ended"
    EXPIRED: Final = "expired"
    REMOVED: Final = "removed"
    REPLACED: Final = "replaced"
    REVOKED: Final = "revoked"
    ABANDONED: Final = "abandoned"
    SIGNED_IN: ClassVar[frozenset[str]] = frozenset({ACTIVE, PENDING})


class SignInStatus:
    NEEDS_IDENTIFIER: Final = "needs_identifier"
    NEEDS_FIRST_FACTOR: Final = "needs_first_factor"
    NEEDS_SECOND_FACTOR: Final = "needs_second_factor"
    NEEDS_CLIENT_TRUST: Final = "needs_client_trust"
    NEEDS_NEW_PASSWORD: Final = "needs_new_password"
    NEEDS_PROTECT_CHECK: Final = "needs_protect_check"
    COMPLETE: Final = "complete"
    ABANDONED: Final = "abandoned"


class SignUpStatus:
    MISSING_REQUIREMENTS: Final = "missing_requirements"
    COMPLETE: Final = "complete"
    ABANDONED: Final = "abandoned"


class VerificationStatus:
    UNVERIFIED: Final = "unverified"
    VERIFIED: Final = "verified"
    TRANSFERABLE: Final = "transferable"
    FAILED: Final = "failed"
    EXPIRED: Final = "expired"


class Strategy:
    """Known verification strategies (first factors, second factors, sign-up verifications)."""

    PASSWORD: Final = "password"
    EMAIL_CODE: Final = "email_code"
    EMAIL_LINK: Final = "email_link"
    PHONE_CODE: Final = "phone_code"
    TOTP: Final = "totp"
    BACKUP_CODE: Final = "backup_code"
    TICKET: Final = "ticket"
    PASSKEY: Final = "passkey"
    RESET_PASSWORD_EMAIL_CODE: Final = "reset_password_email_code"
    RESET_PASSWORD_PHONE_CODE: Final = "reset_password_phone_code"


# ----- models ------------------------------------------------------------------------------------
def _extra() -> Any:
    return attrs.field(factory=dict, repr=False, eq=False)


@attrs.frozen
class Verification:
    """The state of proving one factor or identification."""

    status: str | None
    strategy: str | None
    attempts: int | None = None
    expire_at: datetime | None = None
    error: ErrorDetail | None = None
    external_verification_redirect_url: str | None = attrs.field(default=None, repr=False)
    nonce: str | None = attrs.field(default=None, repr=False)
    message: str | None = attrs.field(default=None, repr=False)
    object: str | None = attrs.field(default=None, repr=False)
    # Sign-up verifications only.
    next_action: str | None = None
    supported_strategies: tuple[str, ...] | None = attrs.field(default=None, repr=False)
    extra: Mapping[str, Any] = _extra()

    @property
    def is_verified(self) -> bool:
        return self.status == VerificationStatus.VERIFIED


@attrs.frozen
class SignInFactor:
    """One way to prove the identity in a sign-in (an entry of ``supported_*_factors``)."""

    strategy: str | None
    safe_identifier: str | None = None
    email_address_id: str | None = attrs.field(default=None, repr=False)
    phone_number_id: str | None = attrs.field(default=None, repr=False)
    web3_wallet_id: str | None = attrs.field(default=None, repr=False)
    passkey_id: str | None = attrs.field(default=None, repr=False)
    primary: bool | None = attrs.field(default=None, repr=False)
    default: bool | None = attrs.field(default=None, repr=False)
    extra: Mapping[str, Any] = _extra()


@attrs.frozen
class IdentificationLink:
    """Another identification an email address or phone number is linked to (e.g. an OAuth account)."""

    type: str | None
    id: str | None
    extra: Mapping[str, Any] = _extra()


@attrs.frozen
class EmailAddress:
    id: str
    email_address: str | None
    verification: Verification | None = attrs.field(default=None, repr=False)
    reserved: bool | None = attrs.field(default=None, repr=False)
    linked_to: tuple[IdentificationLink, ...] = attrs.field(default=(), repr=False)
    matches_sso_connection: bool | None = attrs.field(default=None, repr=False)
    created_at: datetime | None = attrs.field(default=None, repr=False)
    updated_at: datetime | None = attrs.field(default=None, repr=False)
    extra: Mapping[str, Any] = _extra()


@attrs.frozen
class PhoneNumber:
    id: str
    phone_number: str | None
    verification: Verification | None = attrs.field(default=None, repr=False)
    reserved_for_second_factor: bool | None = attrs.field(default=None, repr=False)
    default_second_factor: bool | None = attrs.field(default=None, repr=False)
    reserved: bool | None = attrs.field(default=None, repr=False)
    linked_to: tuple[IdentificationLink, ...] = attrs.field(default=(), repr=False)
    # The backup codes, only in the answer that enables them; a secret, never in a repr.
    backup_codes: tuple[str, ...] | None = attrs.field(default=None, repr=False)
    created_at: datetime | None = attrs.field(default=None, repr=False)
    updated_at: datetime | None = attrs.field(default=None, repr=False)
    extra: Mapping[str, Any] = _extra()


@attrs.frozen
class Web3Wallet:
    id: str
    web3_wallet: str | None
    verification: Verification | None = attrs.field(default=None, repr=False)
    created_at: datetime | None = attrs.field(default=None, repr=False)
    updated_at: datetime | None = attrs.field(default=None, repr=False)
    extra: Mapping[str, Any] = _extra()


@attrs.frozen
class ExternalAccount:
    id: str
    provider: str | None
    email_address: str | None = None
    provider_user_id: str | None = attrs.field(default=None, repr=False)
    username: str | None = attrs.field(default=None, repr=False)
    verification: Verification | None = attrs.field(default=None, repr=False)
    identification_id: str | None = attrs.field(default=None, repr=False)
    approved_scopes: str | None = attrs.field(default=None, repr=False)
    first_name: str | None = attrs.field(default=None, repr=False)
    last_name: str | None = attrs.field(default=None, repr=False)
    image_url: str | None = attrs.field(default=None, repr=False)
    public_metadata: Mapping[str, Any] = attrs.field(factory=dict, repr=False)
    created_at: datetime | None = attrs.field(default=None, repr=False)
    updated_at: datetime | None = attrs.field(default=None, repr=False)
    extra: Mapping[str, Any] = _extra()


@attrs.frozen
class Passkey:
    id: str
    name: str | None
    last_used_at: datetime | None = attrs.field(default=None, repr=False)
    verification: Verification | None = attrs.field(default=None, repr=False)
    created_at: datetime | None = attrs.field(default=None, repr=False)
    updated_at: datetime | None = attrs.field(default=None, repr=False)
    extra: Mapping[str, Any] = _extra()


@attrs.frozen
class User:
    """The user of a session."""

    id: str
    username: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    primary_email_address_id: str | None = attrs.field(default=None, repr=False)
    primary_phone_number_id: str | None = attrs.field(default=None, repr=False)
    primary_web3_wallet_id: str | None = attrs.field(default=None, repr=False)
    email_addresses: tuple[EmailAddress, ...] = attrs.field(default=(), repr=False)
    phone_numbers: tuple[PhoneNumber, ...] = attrs.field(default=(), repr=False)
    web3_wallets: tuple[Web3Wallet, ...] = attrs.field(default=(), repr=False)
    external_accounts: tuple[ExternalAccount, ...] = attrs.field(default=(), repr=False)
    passkeys: tuple[Passkey, ...] = attrs.field(default=(), repr=False)
    image_url: str | None = attrs.field(default=None, repr=False)
    has_image: bool | None = attrs.field(default=None, repr=False)
    password_enabled: bool | None = attrs.field(default=None, repr=False)
    two_factor_enabled: bool | None = attrs.field(default=None, repr=False)
    totp_enabled: bool | None = attrs.field(default=None, repr=False)
    backup_code_enabled: bool | None = attrs.field(default=None, repr=False)
    public_metadata: Mapping[str, Any] = attrs.field(factory=dict, repr=False)
    unsafe_metadata: Mapping[str, Any] = attrs.field(factory=dict, repr=False)
    external_id: str | None = attrs.field(default=None, repr=False)
    banned: bool | None = attrs.field(default=None, repr=False)
    locked: bool | None = attrs.field(default=None, repr=False)
    lockout_expires_in_seconds: int | None = attrs.field(default=None, repr=False)
    verification_attempts_remaining: int | None = attrs.field(default=None, repr=False)
    delete_self_enabled: bool | None = attrs.field(default=None, repr=False)
    create_organization_enabled: bool | None = attrs.field(default=None, repr=False)
    create_organizations_limit: int | None = attrs.field(default=None, repr=False)
    profile_image_url: str | None = attrs.field(default=None, repr=False)
    password_last_updated_at: datetime | None = attrs.field(default=None, repr=False)
    mfa_enabled_at: datetime | None = attrs.field(default=None, repr=False)
    mfa_disabled_at: datetime | None = attrs.field(default=None, repr=False)
    last_sign_in_at: datetime | None = attrs.field(default=None, repr=False)
    last_active_at: datetime | None = attrs.field(default=None, repr=False)
    legal_accepted_at: datetime | None = attrs.field(default=None, repr=False)
    created_at: datetime | None = attrs.field(default=None, repr=False)
    updated_at: datetime | None = attrs.field(default=None, repr=False)
    extra: Mapping[str, Any] = _extra()

    @property
    def primary_email_address(self) -> EmailAddress | None:
        return next((e for e in self.email_addresses if e.id == self.primary_email_address_id), None)

    @property
    def primary_phone_number(self) -> PhoneNumber | None:
        return next((p for p in self.phone_numbers if p.id == self.primary_phone_number_id), None)

    @property
    def full_name(self) -> str | None:
        name = " ".join(p for p in (self.first_name, self.last_name) if p)
        return name or None


@attrs.frozen
class PublicUserData:
    """What may be shown about a session's user without loading the user."""

    identifier: str | None
    first_name: str | None = None
    last_name: str | None = None
    username: str | None = attrs.field(default=None, repr=False)
    user_id: str | None = attrs.field(default=None, repr=False)
    image_url: str | None = attrs.field(default=None, repr=False)
    has_image: bool | None = attrs.field(default=None, repr=False)
    profile_image_url: str | None = attrs.field(default=None, repr=False)
    extra: Mapping[str, Any] = _extra()


@attrs.frozen
class SessionData:
    """A signed-in (or formerly signed-in) user on this client (the data; see ``Session``)."""

    id: str
    status: str
    user: User | None = attrs.field(default=None, repr=False)
    public_user_data: PublicUserData | None = attrs.field(default=None, repr=False)
    last_active_organization_id: str | None = None
    # The latest session JWT: a secret, never in a repr.
    last_active_token: str | None = attrs.field(default=None, repr=False)
    actor: Mapping[str, Any] | None = attrs.field(default=None, repr=False)
    factor_verification_age: tuple[int, ...] | None = attrs.field(default=None, repr=False)
    tasks: tuple[str, ...] | None = attrs.field(default=None, repr=False)
    expire_at: datetime | None = attrs.field(default=None, repr=False)
    abandon_at: datetime | None = attrs.field(default=None, repr=False)
    last_active_at: datetime | None = attrs.field(default=None, repr=False)
    created_at: datetime | None = attrs.field(default=None, repr=False)
    updated_at: datetime | None = attrs.field(default=None, repr=False)
    extra: Mapping[str, Any] = _extra()

    @property
    def is_active(self) -> bool:
        return self.status == SessionStatus.ACTIVE

    @property
    def is_signed_in(self) -> bool:
        """Active or pending (signed in with tasks outstanding)."""
        return self.status in SessionStatus.SIGNED_IN

    @property
    def identifier(self) -> str | None:
        """The user's identifier (email, phone or username) as the server shows it."""
        return self.public_user_data.identifier if self.public_user_data else None


@attrs.frozen
class SignInData:
    """A sign-in attempt in progress or finished (the data; see ``SignIn``)."""

    id: str
    status: str
    identifier: str | None = None
    supported_identifiers: tuple[str, ...] = attrs.field(default=(), repr=False)
    supported_first_factors: tuple[SignInFactor, ...] = attrs.field(default=(), repr=False)
    supported_second_factors: tuple[SignInFactor, ...] = attrs.field(default=(), repr=False)
    first_factor_verification: Verification | None = attrs.field(default=None, repr=False)
    second_factor_verification: Verification | None = attrs.field(default=None, repr=False)
    user_data: Mapping[str, Any] | None = attrs.field(default=None, repr=False)
    created_session_id: str | None = None
    client_trust_state: str | None = attrs.field(default=None, repr=False)
    abandon_at: datetime | None = attrs.field(default=None, repr=False)
    extra: Mapping[str, Any] = _extra()

    @property
    def is_complete(self) -> bool:
        return self.status == SignInStatus.COMPLETE

    def first_factor(self, strategy: str) -> SignInFactor | None:
        """The supported first factor for ``strategy`` (the primary one when there are several)."""
        return _pick_factor(self.supported_first_factors, strategy)

    def second_factor(self, strategy: str) -> SignInFactor | None:
        return _pick_factor(self.supported_second_factors, strategy)


def _pick_factor(factors: tuple[SignInFactor, ...], strategy: str) -> SignInFactor | None:
    matching = [f for f in factors if f.strategy == strategy]
    return next((f for f in matching if f.primary), matching[0] if matching else None)


@attrs.frozen
class SignUpVerifications:
    email_address: Verification | None = None
    phone_number: Verification | None = None
    web3_wallet: Verification | None = None
    external_account: Verification | None = None
    extra: Mapping[str, Any] = _extra()


@attrs.frozen
class SignUpData:
    """A sign-up attempt in progress or finished (the data; see ``SignUp``)."""

    id: str
    status: str
    required_fields: tuple[str, ...] = attrs.field(default=(), repr=False)
    optional_fields: tuple[str, ...] = attrs.field(default=(), repr=False)
    missing_fields: tuple[str, ...] = ()
    unverified_fields: tuple[str, ...] = ()
    verifications: SignUpVerifications = attrs.field(factory=SignUpVerifications, repr=False)
    username: str | None = attrs.field(default=None, repr=False)
    email_address: str | None = None
    phone_number: str | None = attrs.field(default=None, repr=False)
    web3_wallet: str | None = attrs.field(default=None, repr=False)
    first_name: str | None = attrs.field(default=None, repr=False)
    last_name: str | None = attrs.field(default=None, repr=False)
    password_enabled: bool | None = attrs.field(default=None, repr=False)
    unsafe_metadata: Mapping[str, Any] = attrs.field(factory=dict, repr=False)
    public_metadata: Mapping[str, Any] = attrs.field(factory=dict, repr=False)
    custom_action: bool | None = attrs.field(default=None, repr=False)
    external_id: str | None = attrs.field(default=None, repr=False)
    created_session_id: str | None = None
    created_user_id: str | None = attrs.field(default=None, repr=False)
    abandon_at: datetime | None = attrs.field(default=None, repr=False)
    legal_accepted_at: datetime | None = attrs.field(default=None, repr=False)
    extra: Mapping[str, Any] = _extra()

    @property
    def is_complete(self) -> bool:
        return self.status == SignUpStatus.COMPLETE


@attrs.frozen
class Environment:
    """The parts of the instance's settings a client needs."""

    instance_type: str | None
    application_name: str | None = None
    single_session_mode: bool | None = None
    test_mode: bool | None = None
    identification_strategies: tuple[str, ...] = attrs.field(default=(), repr=False)
    first_factors: tuple[str, ...] = attrs.field(default=(), repr=False)
    second_factors: tuple[str, ...] = attrs.field(default=(), repr=False)
    maintenance_mode: bool | None = attrs.field(default=None, repr=False)
    extra: Mapping[str, Any] = _extra()

    @property
    def is_development(self) -> bool:
        return self.instance_type == "development"


@attrs.frozen
class ClientState:
    """One snapshot of the client, replaced whole by every answer (never patched)."""

    id: str | None = None
    sessions: tuple[SessionData, ...] = ()
    sign_in: SignInData | None = None
    sign_up: SignUpData | None = None
    last_active_session_id: str | None = None
    last_authentication_strategy: str | None = None
    cookie_expires_at: datetime | None = None
    captcha_bypass: bool | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    extra: Mapping[str, Any] = _extra()


EMPTY_STATE: Final = ClientState()


# ----- conversion from the generated models ------------------------------------------------------
class ShapeError(Exception):
    """A generated model held something other than the model its schema names (e.g. a raw dict)."""

    def __init__(self, where: str, expected: str, got: object) -> None:
        super().__init__(f"{where}: expected {expected}, got {type(got).__name__}")


_T = TypeVar("_T")
_M = TypeVar("_M")


def _opt(value: Any) -> Any:
    """``UNSET`` (field absent) and None both mean "no value" to the facade."""
    return None if isinstance(value, Unset) else value


def ms_to_datetime(value: Any) -> datetime | None:
    """Clerk's integer Unix milliseconds as an aware UTC datetime."""
    value = _opt(value)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ShapeError("timestamp", "integer milliseconds", value)
    try:
        return datetime.fromtimestamp(value / 1000, tz=UTC)
    except (OverflowError, OSError, ValueError) as exc:
        raise ShapeError("timestamp", "milliseconds within the datetime range", value) from exc


def _model(value: Any, cls: type[_M], where: str) -> _M | None:
    value = _opt(value)
    if value is None:
        return None
    if not isinstance(value, cls):
        # The generator falls back to the raw dict when a nested model fails to parse.
        raise ShapeError(where, cls.__name__, value)
    return value


def _models(values: Any, cls: type[_M], where: str) -> list[_M]:
    values = _list(values, where)
    return [m for i, v in enumerate(values) if (m := _model(v, cls, f"{where}[{i}]")) is not None]


def _list(values: Any, where: str, item: type[Any] | None = None) -> list[Any]:
    """A JSON array (None when absent or null is empty), its items of type ``item`` when given;
    anything else (a string, an object) is a ShapeError, never iterated into a list."""
    values = _opt(values)
    if values is None:
        return []
    if not isinstance(values, list):
        raise ShapeError(where, "list", values)
    if item is not None:
        for i, value in enumerate(values):
            if not isinstance(value, item) or (item is int and isinstance(value, bool)):
                raise ShapeError(f"{where}[{i}]", item.__name__, value)
    return values


def _strings(values: Any, where: str = "list of strings") -> tuple[str, ...]:
    return tuple(_list(values, where, str))


def _mapping(value: Any) -> dict[str, Any]:
    value = _opt(value)
    if value is None:
        return {}
    if hasattr(value, "to_dict"):
        return dict(value.to_dict())
    if not isinstance(value, Mapping):
        raise ShapeError("object", "JSON object", value)
    return dict(value)


def _scalar_type(hint: Any) -> tuple[type[Any], bool] | None:
    """For a ``str``/``bool``/``int`` annotation (optionally ``| None``): the type and whether None is
    allowed; else None."""
    args = typing.get_args(hint) if typing.get_origin(hint) in (Union, types.UnionType) else (hint,)
    concrete = [a for a in args if a is not type(None)]
    if len(concrete) == 1 and concrete[0] in (str, bool, int):
        return concrete[0], len(concrete) != len(args)
    return None


def _checked(where: str, spec: tuple[type[Any], bool], value: Any) -> Any:
    """The value, if it has the type the read model declares (the generated parser does not check
    scalars); else a ShapeError."""
    kind, nullable = spec
    if value is None:
        if nullable:
            return None
        raise ShapeError(where, kind.__name__, value)
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise ShapeError(where, kind.__name__, value)
    return value


# How each field of a read model is filled from the generated model, worked out once per class.
_EXTRA, _TIME, _SCALAR, _PLAIN = range(4)
_MISSING: Final = object()
_PLANS: dict[type[Any], list[tuple[str, str, int, Any]]] = {}
# The generator renames fields whose names Python reserves; the read models keep the wire name.
_RENAMED: Final = frozenset({"object", "type"})
# Per (generated class, read model): the generated fields the read model has no attribute for, as
# (generated attribute, JSON key). Their values go to ``extra``.
_LEFTOVERS: dict[tuple[type[Any], type[Any]], tuple[tuple[str, str], ...]] = {}


def _plan(cls: type[Any]) -> list[tuple[str, str, int, Any]]:
    plan = _PLANS.get(cls)
    if plan is None:
        hints = typing.get_type_hints(cls)
        plan = []
        for field in attrs.fields(cls):
            name = field.name
            source = f"{name}_" if name in _RENAMED else name
            if name == "extra":
                plan.append((name, source, _EXTRA, None))
            elif name.endswith("_at"):
                plan.append((name, source, _TIME, None))
            elif (spec := _scalar_type(hints[name])) is not None:
                plan.append((name, source, _SCALAR, (f"{cls.__name__}.{name}", spec)))
            else:
                plan.append((name, source, _PLAIN, None))
        _PLANS[cls] = plan
    return plan


def _leftovers(src_cls: type[Any], cls: type[Any]) -> tuple[tuple[str, str], ...]:
    found = _LEFTOVERS.get((src_cls, cls))
    if found is None:
        consumed = {source for _, source, _, _ in _plan(cls)}
        found = tuple(
            (a.name, a.name[:-1] if a.name.endswith("_") else a.name)
            for a in attrs.fields(src_cls)
            if a.name != "additional_properties" and a.name not in consumed
        )
        _LEFTOVERS[(src_cls, cls)] = found
    return found


def _json(value: Any) -> Any:
    """A generated value back in the JSON form the server sent."""
    if isinstance(value, list):
        return [_json(v) for v in value]
    to_dict = getattr(value, "to_dict", None)
    return to_dict() if to_dict is not None else value


def _copy(src: Any, cls: type[_T], **converted: Any) -> _T:
    """``cls`` from a generated model: fields named alike are copied (``*_at`` as datetimes, scalars
    type-checked), ``converted`` gives the rest; ``extra`` gets, as JSON, every field the read model
    has no attribute for: the model's unknown fields, the declared ones left over, and ``converted``'s
    ``extra`` (what a reshaped attribute does not hold)."""
    kwargs: dict[str, Any] = {}
    for name, source, kind, spec in _plan(cls):
        if kind == _EXTRA:
            extra = dict(src.additional_properties)
            for attribute, key in _leftovers(type(src), cls):
                value = getattr(src, attribute)
                if not isinstance(value, Unset):
                    extra[key] = _json(value)
            extra.update(converted.get(name, ()))
            kwargs[name] = extra
            continue
        if name in converted:
            kwargs[name] = converted[name]
            continue
        value = getattr(src, source, _MISSING)
        if value is _MISSING:
            continue  # the generated model has no such field: the read model's default
        if isinstance(value, Unset):
            value = None
        if kind == _TIME:
            kwargs[name] = ms_to_datetime(value)
        elif kind == _SCALAR:
            kwargs[name] = _checked(spec[0], spec[1], value)
        else:
            kwargs[name] = value
    return cls(**kwargs)


def check_not_coerced(parsed: Any, body: Any) -> None:
    """Raise ShapeError where the generated parser made a list of something that was not one.

    It reads a JSON array of objects with a ``for`` loop, so an empty object or an empty string
    (other values fail to parse) would silently become ``[]``: wherever the body holds one of those,
    the parsed model must not hold a list.
    """
    for path in _empty_values(body):
        node: Any = parsed
        for key in path:
            node = _child(node, key)
            if node is None:
                break
        if isinstance(node, list):
            where = "body" + "".join(f"[{k}]" if isinstance(k, int) else f".{k}" for k in path)
            raise ShapeError(where, "list", functools.reduce(lambda n, k: n[k], path, body))


def _empty_values(body: Any) -> list[tuple[Any, ...]]:
    """The paths of the empty objects and empty strings in a JSON body (iteratively: bodies run on
    every call, and deep ones must not recurse)."""
    found: list[tuple[Any, ...]] = []
    stack: list[tuple[tuple[Any, ...], Any]] = [((), body)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, dict):
            if not value and path:
                found.append(path)
            stack.extend(((*path, k), v) for k, v in value.items() if v == "" or isinstance(v, dict | list))
        elif isinstance(value, list):
            stack.extend(
                ((*path, i), v) for i, v in enumerate(value) if v == "" or isinstance(v, dict | list)
            )
        elif value == "":
            found.append(path)
    return found


def _may_hold_empty(value: Any) -> bool:
    return value == "" or isinstance(value, dict | list)


def _child(node: Any, key: Any) -> Any:
    """The generated model's value at a JSON key (or list index), or None."""
    if isinstance(key, int):
        return node[key] if isinstance(node, list) and key < len(node) else None
    if isinstance(node, dict):
        return node.get(key)
    for name in (key, f"{key}_"):  # the generator renames keys such as `object`
        if isinstance(name, str) and name.isidentifier() and (value := getattr(node, name, None)) is not None:
            return value
    extra = getattr(node, "additional_properties", None)
    return extra.get(key) if isinstance(extra, dict) else None


def error_detail_from_raw(src: raw.ClerkError) -> ErrorDetail:
    text = {name: _opt(getattr(src, name)) for name in ("code", "message", "long_message")}
    for name, value in text.items():
        if value is not None and not isinstance(value, str):
            raise ShapeError(f"error.{name}", "str", value)
    return ErrorDetail(**text, meta=_mapping(src.meta), extra=dict(src.additional_properties))


def verification_from_raw(src: Any, where: str) -> Verification | None:
    value = _opt(src)
    if value is None:
        return None
    if not isinstance(value, raw.Verification | raw.SignUpVerification):
        raise ShapeError(where, "Verification", value)
    error = _model(value.error, raw.ClerkError, f"{where}.error")
    return _copy(
        value,
        Verification,
        error=error_detail_from_raw(error) if error else None,
        supported_strategies=(
            _strings(value.supported_strategies) if isinstance(value, raw.SignUpVerification) else None
        ),
        next_action=_opt(value.next_action) if isinstance(value, raw.SignUpVerification) else None,
    )


def _with_verification(src: Any, cls: type[_T], where: str, **converted: Any) -> _T:
    return _copy(
        src, cls, verification=verification_from_raw(src.verification, f"{where}.verification"), **converted
    )


def _identification(src: Any, cls: type[_T], where: str) -> _T:
    """An email address or phone number."""
    links = _models(src.linked_to, raw.IdentificationLink, f"{where}.linked_to")
    converted: dict[str, Any] = {"linked_to": tuple(_copy(link, IdentificationLink) for link in links)}
    if hasattr(src, "backup_codes"):
        codes = _opt(src.backup_codes)
        converted["backup_codes"] = _strings(codes) if codes is not None else None
    return _with_verification(src, cls, where, **converted)


def user_from_raw(src: raw.User, where: str = "user") -> User:
    return _copy(
        src,
        User,
        email_addresses=tuple(
            _identification(e, EmailAddress, f"{where}.email_addresses")
            for e in _models(src.email_addresses, raw.EmailAddress, f"{where}.email_addresses")
        ),
        phone_numbers=tuple(
            _identification(p, PhoneNumber, f"{where}.phone_numbers")
            for p in _models(src.phone_numbers, raw.PhoneNumber, f"{where}.phone_numbers")
        ),
        web3_wallets=tuple(
            _with_verification(w, Web3Wallet, f"{where}.web3_wallets")
            for w in _models(src.web3_wallets, raw.Web3Wallet, f"{where}.web3_wallets")
        ),
        external_accounts=tuple(
            _with_verification(
                a, ExternalAccount, f"{where}.external_accounts", public_metadata=_mapping(a.public_metadata)
            )
            for a in _models(src.external_accounts, raw.ExternalAccount, f"{where}.external_accounts")
        ),
        passkeys=tuple(
            _with_verification(p, Passkey, f"{where}.passkeys")
            for p in _models(src.passkeys, raw.Passkey, f"{where}.passkeys")
        ),
        public_metadata=_mapping(src.public_metadata),
        unsafe_metadata=_mapping(src.unsafe_metadata),
    )


def session_from_raw(src: raw.Session, where: str = "session") -> SessionData:
    user = _model(src.user, raw.User, f"{where}.user")
    public = _model(src.public_user_data, raw.PublicUserData, f"{where}.public_user_data")
    token = _model(src.last_active_token, raw.Token, f"{where}.last_active_token")
    actor = _opt(src.actor)
    tasks = _models(src.tasks, raw.SessionTask, f"{where}.tasks")
    age = _opt(src.factor_verification_age)
    # The attributes hold the JWT and the task keys; the rest of those objects stays in ``extra``.
    reshaped: dict[str, Any] = {}
    if token is not None and (rest := _without(token.to_dict(), "jwt")):
        reshaped["last_active_token"] = rest
    task_rests = [_without(t.to_dict(), "key") for t in tasks]
    if any(task_rests):
        reshaped["tasks"] = task_rests
    return _copy(
        src,
        SessionData,
        user=user_from_raw(user, f"{where}.user") if user else None,
        public_user_data=_copy(public, PublicUserData) if public else None,
        last_active_token=_jwt(token, f"{where}.last_active_token") if token else None,
        actor=_mapping(actor) if actor is not None else None,
        tasks=tuple(str(_opt(t.key)) for t in tasks) if _opt(src.tasks) is not None else None,
        factor_verification_age=(
            tuple(_list(age, f"{where}.factor_verification_age", int)) if age is not None else None
        ),
        extra=reshaped,
    )


def _without(json: dict[str, Any], key: str) -> dict[str, Any]:
    json.pop(key, None)
    return json


def sign_in_from_raw(src: raw.SignIn, where: str = "sign_in") -> SignInData:
    user_data = _model(src.user_data, raw.SignInUserData, f"{where}.user_data")
    return _copy(
        src,
        SignInData,
        supported_identifiers=_strings(src.supported_identifiers),
        supported_first_factors=tuple(
            _copy(f, SignInFactor)
            for f in _models(
                src.supported_first_factors, raw.SignInFactor, f"{where}.supported_first_factors"
            )
        ),
        supported_second_factors=tuple(
            _copy(f, SignInFactor)
            for f in _models(
                src.supported_second_factors, raw.SignInFactor, f"{where}.supported_second_factors"
            )
        ),
        first_factor_verification=verification_from_raw(
            src.first_factor_verification, f"{where}.first_factor_verification"
        ),
        second_factor_verification=verification_from_raw(
            src.second_factor_verification, f"{where}.second_factor_verification"
        ),
        user_data=_mapping(user_data) if user_data else None,
    )


def sign_up_from_raw(src: raw.SignUp, where: str = "sign_up") -> SignUpData:
    verifications = _model(src.verifications, raw.SignUpVerifications, f"{where}.verifications")
    if verifications is None:
        converted = SignUpVerifications()
    else:
        converted = SignUpVerifications(
            **{
                name: verification_from_raw(getattr(verifications, name), f"{where}.verifications.{name}")
                for name in ("email_address", "phone_number", "web3_wallet", "external_account")
            },
            extra=dict(verifications.additional_properties),
        )
    return _copy(
        src,
        SignUpData,
        required_fields=_strings(src.required_fields),
        optional_fields=_strings(src.optional_fields),
        missing_fields=_strings(src.missing_fields),
        unverified_fields=_strings(src.unverified_fields),
        verifications=converted,
        unsafe_metadata=_mapping(src.unsafe_metadata),
        public_metadata=_mapping(src.public_metadata),
    )


def client_state_from_raw(src: raw.Client, where: str = "client") -> ClientState:
    sign_in = _model(src.sign_in, raw.SignIn, f"{where}.sign_in")
    sign_up = _model(src.sign_up, raw.SignUp, f"{where}.sign_up")
    return _copy(
        src,
        ClientState,
        sessions=tuple(
            session_from_raw(s, f"{where}.sessions[{i}]")
            for i, s in enumerate(_models(src.sessions, raw.Session, f"{where}.sessions"))
        ),
        sign_in=sign_in_from_raw(sign_in, f"{where}.sign_in") if sign_in else None,
        sign_up=sign_up_from_raw(sign_up, f"{where}.sign_up") if sign_up else None,
    )


def client_from_envelope(parsed: Any) -> ClientState:
    """The client of a ``ClientEnvelope``: in ``response``; a null response means no client."""
    if parsed is None:  # a 204 answer: no body is not "no client"
        raise ShapeError("body", "ClientEnvelope", parsed)
    if isinstance(parsed.response, Unset):
        # Only an explicit null means "no client"; a body without `response` breaks the contract.
        raise ShapeError("response", "Client or null", parsed.response)
    client = _model(parsed.response, raw.Client, "response")
    return client_state_from_raw(client, "response") if client is not None else EMPTY_STATE


def _envelope(
    parsed: Any, raw_cls: type[_M], convert: Callable[[_M, str], _T]
) -> tuple[_T, ClientState | None]:
    resource = _model(parsed.response, raw_cls, "response")
    if resource is None:
        raise ShapeError("response", raw_cls.__name__, None)
    client = _model(parsed.client, raw.Client, "client")
    return convert(resource, "response"), client_state_from_raw(client, "client") if client else None


def session_envelope(parsed: Any) -> tuple[SessionData, ClientState | None]:
    """A session answer: the session and the piggybacked client (None when the server sent none)."""
    return _envelope(parsed, raw.Session, session_from_raw)


def sign_in_envelope(parsed: Any) -> tuple[SignInData, ClientState | None]:
    return _envelope(parsed, raw.SignIn, sign_in_from_raw)


def sign_up_envelope(parsed: Any) -> tuple[SignUpData, ClientState | None]:
    return _envelope(parsed, raw.SignUp, sign_up_from_raw)


def _jwt(token: Any, where: str) -> str | None:
    jwt = _opt(token.jwt)
    if jwt is not None and not isinstance(jwt, str):
        raise ShapeError(f"{where}.jwt", "str", jwt)
    return jwt or None


def token_jwt(parsed: Any) -> str | None:
    return _jwt(parsed, "token")


def environment_from_raw(src: raw.Environment) -> Environment:
    auth = _model(src.auth_config, raw.AuthConfig, "environment.auth_config")
    display = _model(src.display_config, raw.DisplayConfig, "environment.display_config")
    return _copy(
        src,
        Environment,
        instance_type=_opt(display.instance_environment_type) if display else None,
        application_name=_opt(display.application_name) if display else None,
        single_session_mode=_opt(auth.single_session_mode) if auth else None,
        test_mode=_opt(auth.test_mode) if auth else None,
        identification_strategies=_strings(auth.identification_strategies) if auth else (),
        first_factors=_strings(auth.first_factors) if auth else (),
        second_factors=_strings(auth.second_factors) if auth else (),
    )
