"""Conversion from the generated models (``clerk_fapi_raw.models``) to the read models.

Fields named alike are copied (read-model attributes declared ``datetime`` from Clerk's Unix
milliseconds, ``str``/``bool``/``int`` ones type-checked, since the generated parser does not check
scalars); each ``*_from_generated`` function gives the attributes that are reshaped, and ``extra``
gets, as JSON, every field the read model has no attribute for. A generated model holding anything
other than what its schema names is a :class:`ShapeError`.
"""

from __future__ import annotations

import enum
import types
import typing
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any, Final, TypeVar, Union

import attrs
from clerk_fapi_raw import models as generated
from clerk_fapi_raw.types import Unset

from ._errors import ErrorDetail
from ._models import (
    EMPTY_STATE,
    ClientState,
    EmailAddress,
    Environment,
    ExternalAccount,
    IdentificationLink,
    Passkey,
    PhoneNumber,
    PublicUserData,
    SessionData,
    SignInData,
    SignInFactor,
    SignUpData,
    SignUpVerifications,
    UserData,
    Verification,
    Web3Wallet,
)
from ._sentinel import NOT_GIVEN


class ShapeError(Exception):
    """A generated model held something other than the model its schema names (e.g. a plain dict)."""

    def __init__(self, where: str, expected: str, got: object) -> None:
        super().__init__(f"{where}: expected {expected}, got {type(got).__name__}")


_T = TypeVar("_T")
_M = TypeVar("_M")


def _opt(value: Any) -> Any:
    """``UNSET`` (field absent) and None both mean "no value" to the facade."""
    return None if isinstance(value, Unset) else value


def ms_to_datetime(value: Any) -> datetime | None:
    """Clerk's integer Unix milliseconds as an aware UTC datetime."""
    if type(value) is not int:  # an int, the usual case, needs no other check
        value = _opt(value)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ShapeError("timestamp", "integer milliseconds", value)
    try:
        return datetime.fromtimestamp(value / 1000, UTC)
    except (OverflowError, OSError, ValueError) as exc:
        raise ShapeError("timestamp", "milliseconds within the datetime range", value) from exc


def _model(value: Any, cls: type[_M], where: str) -> _M | None:
    value = _opt(value)
    if value is None:
        return None
    if not isinstance(value, cls):
        # The generator falls back to the plain dict when a nested model fails to parse.
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


def _declared(hint: Any) -> tuple[Any, bool] | None:
    """For an annotation of one type (optionally ``| None``): that type and whether None is allowed;
    else (a union of several types) None."""
    args = typing.get_args(hint) if typing.get_origin(hint) in (Union, types.UnionType) else (hint,)
    concrete = [a for a in args if a is not type(None)]
    return (concrete[0], len(concrete) != len(args)) if len(concrete) == 1 else None


def _checked(where: str, spec: tuple[type[Any], bool], value: Any) -> Any:
    """The value, if it has the type the read model declares (the generated parser does not check
    scalars); else a ShapeError."""
    kind, nullable = spec
    if value is None and nullable:
        return None
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise ShapeError(where, kind.__name__, value)
    return value


class _Fill(enum.Enum):
    """How a read-model attribute is filled from the generated model's field of the same name."""

    EXTRA = "extra"  # ``extra``: every field the read model has no attribute for, as JSON
    TIMESTAMP = "timestamp"  # declared ``datetime``: from Clerk's Unix milliseconds
    SCALAR = "scalar"  # declared ``str``/``bool``/``int`` (optionally ``| None``): type-checked
    AS_IS = "as_is"  # anything else: copied (or given by the conversion)


@attrs.frozen
class _Rule:
    name: str  # the read model's attribute
    source: str  # the generated model's attribute
    fill: _Fill
    scalar: tuple[type[Any], bool] | None = None  # for SCALAR: the type and whether None is allowed


# The generator renames fields whose names Python reserves; the read models keep the wire name.
_RENAMED: Final = frozenset({"object", "type"})
# The rules of each read model, and per (generated class, read model) the generated fields the read
# model has no attribute for, as (generated attribute, JSON key): worked out once per class.
_RULES: dict[type[Any], tuple[_Rule, ...]] = {}
_LEFTOVERS: dict[tuple[type[Any], type[Any]], tuple[tuple[str, str], ...]] = {}


def _rules(cls: type[Any]) -> tuple[_Rule, ...]:
    rules = _RULES.get(cls)
    if rules is None:
        hints = typing.get_type_hints(cls)
        rules = tuple(_rule(field.name, hints[field.name]) for field in attrs.fields(cls))
        _RULES[cls] = rules
    return rules


def _rule(name: str, hint: Any) -> _Rule:
    source = f"{name}_" if name in _RENAMED else name
    declared = _declared(hint)
    if name == "extra":
        return _Rule(name, source, _Fill.EXTRA)
    if declared is not None and declared[0] is datetime:
        return _Rule(name, source, _Fill.TIMESTAMP)
    if declared is not None and declared[0] in (str, bool, int):
        return _Rule(name, source, _Fill.SCALAR, declared)
    return _Rule(name, source, _Fill.AS_IS)


def _leftovers(src_cls: type[Any], cls: type[Any]) -> tuple[tuple[str, str], ...]:
    found = _LEFTOVERS.get((src_cls, cls))
    if found is None:
        consumed = {rule.source for rule in _rules(cls)}
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
    """``cls`` from a generated model: fields named alike are copied by their :class:`_Rule`,
    ``converted`` gives the rest; ``extra`` gets, as JSON, every field the read model has no
    attribute for: the model's unknown fields, the declared ones left over, and ``converted``'s
    ``extra`` (what a reshaped attribute does not hold)."""
    kwargs: dict[str, Any] = {}
    for rule in _rules(cls):
        if rule.fill is _Fill.EXTRA:
            kwargs[rule.name] = _extra_of(src, cls, converted.get(rule.name, {}))
        elif rule.name in converted:
            kwargs[rule.name] = converted[rule.name]
        elif (value := getattr(src, rule.source, NOT_GIVEN)) is not NOT_GIVEN:
            kwargs[rule.name] = _filled(cls, rule, _opt(value))
        # else: the generated model has no such field; the read model's default stands
    return cls(**kwargs)


def _extra_of(src: Any, cls: type[Any], reshaped: Mapping[str, Any]) -> dict[str, Any]:
    extra = dict(src.additional_properties)
    for attribute, key in _leftovers(type(src), cls):
        value = getattr(src, attribute)
        if not isinstance(value, Unset):
            extra[key] = _json(value)
    extra.update(reshaped)
    return extra


def _filled(cls: type[Any], rule: _Rule, value: Any) -> Any:
    if rule.fill is _Fill.TIMESTAMP:
        return ms_to_datetime(value)
    if rule.scalar is not None:
        return _checked(f"{cls.__name__}.{rule.name}", rule.scalar, value)
    return value


def error_detail_from_generated(src: generated.ClerkError) -> ErrorDetail:
    text = {name: _opt(getattr(src, name)) for name in ("code", "message", "long_message")}
    for name, value in text.items():
        if value is not None and not isinstance(value, str):
            raise ShapeError(f"error.{name}", "str", value)
    return ErrorDetail(**text, meta=_mapping(src.meta), extra=dict(src.additional_properties))


def verification_from_generated(src: Any, where: str) -> Verification | None:
    value = _opt(src)
    if value is None:
        return None
    if not isinstance(value, generated.Verification | generated.SignUpVerification):
        raise ShapeError(where, "Verification", value)
    error = _model(value.error, generated.ClerkError, f"{where}.error")
    return _copy(
        value,
        Verification,
        error=error_detail_from_generated(error) if error else None,
        supported_strategies=(
            _strings(value.supported_strategies) if isinstance(value, generated.SignUpVerification) else None
        ),
        next_action=_opt(value.next_action) if isinstance(value, generated.SignUpVerification) else None,
    )


def _with_verification(src: Any, cls: type[_T], where: str, **converted: Any) -> _T:
    return _copy(
        src,
        cls,
        verification=verification_from_generated(src.verification, f"{where}.verification"),
        **converted,
    )


def _identification(src: Any, cls: type[_T], where: str) -> _T:
    """An email address or phone number."""
    links = _models(src.linked_to, generated.IdentificationLink, f"{where}.linked_to")
    converted: dict[str, Any] = {"linked_to": tuple(_copy(link, IdentificationLink) for link in links)}
    if hasattr(src, "backup_codes"):
        codes = _opt(src.backup_codes)
        converted["backup_codes"] = _strings(codes) if codes is not None else None
    return _with_verification(src, cls, where, **converted)


def user_from_generated(src: generated.User, where: str = "user") -> UserData:
    return _copy(
        src,
        UserData,
        email_addresses=tuple(
            _identification(e, EmailAddress, f"{where}.email_addresses")
            for e in _models(src.email_addresses, generated.EmailAddress, f"{where}.email_addresses")
        ),
        phone_numbers=tuple(
            _identification(p, PhoneNumber, f"{where}.phone_numbers")
            for p in _models(src.phone_numbers, generated.PhoneNumber, f"{where}.phone_numbers")
        ),
        web3_wallets=tuple(
            _with_verification(w, Web3Wallet, f"{where}.web3_wallets")
            for w in _models(src.web3_wallets, generated.Web3Wallet, f"{where}.web3_wallets")
        ),
        external_accounts=tuple(
            _with_verification(
                a, ExternalAccount, f"{where}.external_accounts", public_metadata=_mapping(a.public_metadata)
            )
            for a in _models(src.external_accounts, generated.ExternalAccount, f"{where}.external_accounts")
        ),
        passkeys=tuple(
            _with_verification(p, Passkey, f"{where}.passkeys")
            for p in _models(src.passkeys, generated.Passkey, f"{where}.passkeys")
        ),
        public_metadata=_mapping(src.public_metadata),
        unsafe_metadata=_mapping(src.unsafe_metadata),
    )


def session_from_generated(src: generated.Session, where: str = "session") -> SessionData:
    user = _model(src.user, generated.User, f"{where}.user")
    public = _model(src.public_user_data, generated.PublicUserData, f"{where}.public_user_data")
    token = _model(src.last_active_token, generated.Token, f"{where}.last_active_token")
    actor = _opt(src.actor)
    tasks = _models(src.tasks, generated.SessionTask, f"{where}.tasks")
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
        user=user_from_generated(user, f"{where}.user") if user else None,
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


def sign_in_from_generated(src: generated.SignIn, where: str = "sign_in") -> SignInData:
    user_data = _model(src.user_data, generated.SignInUserData, f"{where}.user_data")
    return _copy(
        src,
        SignInData,
        supported_identifiers=_strings(src.supported_identifiers),
        supported_first_factors=tuple(
            _copy(f, SignInFactor)
            for f in _models(
                src.supported_first_factors, generated.SignInFactor, f"{where}.supported_first_factors"
            )
        ),
        supported_second_factors=tuple(
            _copy(f, SignInFactor)
            for f in _models(
                src.supported_second_factors, generated.SignInFactor, f"{where}.supported_second_factors"
            )
        ),
        first_factor_verification=verification_from_generated(
            src.first_factor_verification, f"{where}.first_factor_verification"
        ),
        second_factor_verification=verification_from_generated(
            src.second_factor_verification, f"{where}.second_factor_verification"
        ),
        user_data=_mapping(user_data) if user_data else None,
    )


def sign_up_from_generated(src: generated.SignUp, where: str = "sign_up") -> SignUpData:
    verifications = _model(src.verifications, generated.SignUpVerifications, f"{where}.verifications")
    if verifications is None:
        converted = SignUpVerifications()
    else:
        converted = SignUpVerifications(
            **{
                name: verification_from_generated(
                    getattr(verifications, name), f"{where}.verifications.{name}"
                )
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


def client_state_from_generated(src: generated.Client, where: str = "client") -> ClientState:
    sign_in = _model(src.sign_in, generated.SignIn, f"{where}.sign_in")
    sign_up = _model(src.sign_up, generated.SignUp, f"{where}.sign_up")
    return _copy(
        src,
        ClientState,
        sessions=tuple(
            session_from_generated(s, f"{where}.sessions[{i}]")
            for i, s in enumerate(_models(src.sessions, generated.Session, f"{where}.sessions"))
        ),
        sign_in=sign_in_from_generated(sign_in, f"{where}.sign_in") if sign_in else None,
        sign_up=sign_up_from_generated(sign_up, f"{where}.sign_up") if sign_up else None,
    )


def answered(parsed: _M | None, cls: type[_M]) -> _M:
    """The generated model of an answer's body; None (a 204 answer, no body) is a ShapeError."""
    if not isinstance(parsed, cls):
        raise ShapeError("body", cls.__name__, parsed)
    return parsed


def client_from_envelope(parsed: Any) -> ClientState:
    """The client of a ``ClientEnvelope``: in ``response``; a null response means no client."""
    parsed = answered(parsed, generated.ClientEnvelope)  # a 204 answer: no body is not "no client"
    if isinstance(parsed.response, Unset):
        # Only an explicit null means "no client"; a body without `response` breaks the contract.
        raise ShapeError("response", "Client or null", parsed.response)
    client = _model(parsed.response, generated.Client, "response")
    return client_state_from_generated(client, "response") if client is not None else EMPTY_STATE


def _envelope(
    parsed: Any, envelope: type[Any], resource_cls: type[_M], convert: Callable[[_M, str], _T]
) -> tuple[_T, ClientState | None]:
    parsed = answered(parsed, envelope)
    resource = _model(parsed.response, resource_cls, "response")
    if resource is None:
        raise ShapeError("response", resource_cls.__name__, None)
    client = _model(parsed.client, generated.Client, "client")
    return convert(resource, "response"), client_state_from_generated(client, "client") if client else None


def session_envelope(parsed: Any) -> tuple[SessionData, ClientState | None]:
    """A session answer: the session and the piggybacked client (None when the server sent none)."""
    return _envelope(parsed, generated.SessionEnvelope, generated.Session, session_from_generated)


def sign_in_envelope(parsed: Any) -> tuple[SignInData, ClientState | None]:
    return _envelope(parsed, generated.SignInEnvelope, generated.SignIn, sign_in_from_generated)


def sign_up_envelope(parsed: Any) -> tuple[SignUpData, ClientState | None]:
    return _envelope(parsed, generated.SignUpEnvelope, generated.SignUp, sign_up_from_generated)


def _jwt(token: Any, where: str) -> str | None:
    jwt = _opt(token.jwt)
    if jwt is not None and not isinstance(jwt, str):
        raise ShapeError(f"{where}.jwt", "str", jwt)
    return jwt or None


def token_jwt(parsed: Any) -> str | None:
    """The JWT of a token answer (None when it holds none)."""
    return _jwt(answered(parsed, generated.Token), "token")


def dev_browser_token(parsed: Any) -> str:
    """The token of a new dev browser: its ``id``."""
    return str(answered(parsed, generated.DevBrowser).id)


def environment_from_generated(src: generated.Environment | None) -> Environment:
    """The environment answer as the facade shows it."""
    src = answered(src, generated.Environment)
    auth = _model(src.auth_config, generated.AuthConfig, "environment.auth_config")
    display = _model(src.display_config, generated.DisplayConfig, "environment.display_config")
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
