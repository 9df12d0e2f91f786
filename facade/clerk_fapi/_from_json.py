"""The fast path: decoded JSON straight to the read models, for the answers the facade reads most.

:mod:`clerk_fapi._convert` reads an answer through the generated models (``from_dict``, then a
copy into the read models); that path is the reference. This module builds the same read models
from the decoded JSON directly, for answers of the usual shape, and gives up (:class:`Unusual`)
on anything else: a missing required field, a value of another type, a list that is not one, a
float timestamp. :func:`clerk_fapi._answers.parse_answer` then reads the answer through the
reference path, which returns what it returns or raises the error it raises; so a malformed
answer fails exactly as before, and only well-formed answers take the fast path.

What each read-model attribute is filled from is not restated here: the plan of each read model
comes from the same rules the reference path uses (``_convert._rules``: timestamps, type-checked
scalars, ``extra``) and from the generated model's fields (which JSON keys it declares, which are
required). The attributes a converter reshapes (nested models, lists, metadata, the session's
token and tasks) are written out below, each beside the reference function it mirrors. A test
holds both paths to the same result on every real recorded answer and on mutations of them.
"""

from __future__ import annotations

import linecache
from collections.abc import Callable, Mapping
from typing import Any, Final, TypeVar

import attrs
from clerk_fapi_raw import models as generated

from . import _convert
from ._convert import _Fill, _rules
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
    User,
    Verification,
    Web3Wallet,
)

__all__ = ["FAST_CONVERTERS", "Unusual"]

_T = TypeVar("_T")
# The datetimes of one answer by their Unix milliseconds: an answer repeats its timestamps (a user's
# created_at in each of its identifications...), and each is converted once.
_Stamps = dict[int, Any]
_ABSENT: Final[Any] = object()


class Unusual(Exception):
    """The answer has a shape the fast path does not read; the reference path reads it instead."""


# ----- plans: what the reference path's rules say, worked out once per pair of models --------------
@attrs.frozen
class _Plan:
    """How a read model is filled from one generated model's JSON object."""

    cls: type[Any]
    # (JSON key, attribute, type, None allowed, required): type-checked scalars
    scalars: tuple[tuple[str, str, type[Any], bool, bool], ...]
    # (JSON key, attribute, required): timestamps (Unix milliseconds)
    timestamps: tuple[tuple[str, str, bool], ...]
    # JSON keys that fill an attribute (simple or reshaped); every other key goes to ``extra``
    consumed: frozenset[str]
    # JSON keys the generated model declares without an attribute here (the reference path copies
    # a list value of theirs item by item, recursively: an unusual value there is left to it)
    declared_leftovers: tuple[str, ...]
    # the plan as a function (see _compile): read(data, stamps, reshaped=None, **converted)
    read: Callable[..., Any] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "read", _compile(self))


def _json_key(generated_attribute: str) -> str:
    """The JSON key of a generated attribute (the generator renames ``object``, ``type``...)."""
    return generated_attribute[:-1] if generated_attribute.endswith("_") else generated_attribute


def _plan(source: type[Any], cls: type[Any], reshaped: frozenset[str]) -> _Plan:
    """The plan for ``cls`` read from the JSON of ``source``; ``reshaped`` names the attributes the
    converter below fills itself. Any other attribute that is neither a timestamp nor a scalar would
    need a converter: a programming error, reported when the module loads."""
    fields = {
        a.name: a.default is attrs.NOTHING for a in attrs.fields(source) if a.name != "additional_properties"
    }
    scalars = []
    timestamps = []
    consumed = set()
    for rule in _rules(cls):
        if rule.fill is _Fill.EXTRA or rule.source not in fields:
            continue  # no such generated field: the default stands and the key stays in extra
        key = _json_key(rule.source)
        consumed.add(key)
        required = fields[rule.source]
        if rule.name in reshaped:
            continue
        if rule.fill is _Fill.TIMESTAMP:
            timestamps.append((key, rule.name, required))
        elif rule.fill is _Fill.SCALAR and rule.scalar is not None:
            scalars.append((key, rule.name, rule.scalar[0], rule.scalar[1], required))
        else:
            raise TypeError(f"{cls.__name__}.{rule.name} needs a converter in {__name__}")
    leftovers = tuple(_json_key(name) for name in fields if _json_key(name) not in consumed)
    return _Plan(cls, tuple(scalars), tuple(timestamps), frozenset(consumed), leftovers)


def _compile(plan: _Plan) -> Callable[..., Any]:
    """The plan as a function ``read(data, stamps, reshaped=None, **converted)``: ``plan.cls`` from a
    JSON object, its scalars type-checked and its timestamps converted by the plan (each value once per
    answer: ``stamps`` holds the ones converted so far), ``converted`` as
    given, ``extra`` every key no attribute takes (updated with ``reshaped``); Unusual where the
    object is not of the usual shape.

    Written out as source once per plan, as attrs writes its ``__init__``: a loop interpreting the
    plan costs about twice as much, on every object of every answer."""
    lines = ["def read(data, stamps, reshaped=None, **converted):", "    get = data.get"]
    names = []
    for i, (key, name, kind, nullable, required) in enumerate(plan.scalars):
        names.append(name)
        lines += [f"    v{i} = get({key!r})", f"    if type(v{i}) is not {kind.__name__}:"]
        if not nullable:
            lines.append(f"        raise Unusual({key!r})")
        else:
            absent = f" or {key!r} not in data" if required else ""
            lines += [f"        if v{i} is not None{absent}:", f"            raise Unusual({key!r})"]
    first = len(plan.scalars)
    for i, (key, name, required) in enumerate(plan.timestamps, start=first):
        names.append(name)
        lines += [
            f"    v{i} = get({key!r})",
            f"    if v{i} is not None:",
            f"        if type(v{i}) is not int:",  # a float, a string...: left to the reference path
            f"            raise Unusual({key!r})",
            f"        t = stamps.get(v{i})",  # an answer repeats its timestamps: each converted once
            "        if t is None:",
            f"            t = stamps[v{i}] = _convert.ms_to_datetime(v{i})",
            f"        v{i} = t",
        ]
        if required:
            lines += [f"    elif {key!r} not in data:", f"        raise Unusual({key!r})"]
    # Usually every key fills an attribute: the subset test (in C) spares building ``extra`` key by key.
    lines += [
        "    if data.keys() <= consumed:",
        "        extra = {}",
        "    else:",
        "        extra = {k: v for k, v in data.items() if k not in consumed}",
    ]
    for key in plan.declared_leftovers:
        lines += [f"        if type(extra.get({key!r})) is list:", f"            raise Unusual({key!r})"]
    lines += ["    if reshaped:", "        extra.update(reshaped)"]
    arguments = "".join(f"{name}=v{i}, " for i, name in enumerate(names))
    lines.append(f"    return cls({arguments}extra=extra, **converted)")
    source = "\n".join(lines) + "\n"
    filename = f"<{__name__} read {plan.cls.__name__}>"
    namespace: dict[str, Any] = {
        "cls": plan.cls,
        "consumed": plan.consumed,
        "Unusual": Unusual,
        "_convert": _convert,  # looked up at each use: the timestamp conversion is the reference's
    }
    exec(compile(source, filename, "exec"), namespace)  # the source is written above, from the plan
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)  # for tracebacks
    read: Callable[..., Any] = namespace["read"]
    return read


# ----- values -----------------------------------------------------------------------------------------
def _object(value: Any) -> dict[str, Any]:
    """A JSON object, else Unusual."""
    if type(value) is not dict:
        raise Unusual("object")
    return value


def _optional(value: Any, read: Callable[[dict[str, Any], _Stamps], _T], stamps: _Stamps) -> _T | None:
    """None for null (or an absent key), else ``read`` of the JSON object."""
    if value is None or value is _ABSENT:
        return None
    if type(value) is not dict:
        raise Unusual("object")
    return read(value, stamps)


def _items(
    value: Any, read: Callable[[dict[str, Any], _Stamps], _T], stamps: _Stamps, nullable: bool
) -> tuple[_T, ...]:
    """A JSON array of objects read one by one; absent is empty, and so is null where the schema
    allows it (``nullable``)."""
    if type(value) is not list:
        if value is _ABSENT or (value is None and nullable):
            return ()
        raise Unusual("array")
    read_items = []
    for item in value:
        if type(item) is not dict:
            raise Unusual("array item")
        read_items.append(read(item, stamps))
    return tuple(read_items)


def _strings(value: Any) -> tuple[str, ...]:
    """``_convert._strings``: a JSON array of strings; absent or null is empty."""
    if type(value) is not list:
        if value is _ABSENT or value is None:
            return ()
        raise Unusual("strings")
    for item in value:
        if type(item) is not str:
            raise Unusual("strings")
    return tuple(value)


def _mapping(value: Any) -> dict[str, Any]:
    """``_convert._mapping``: a copy of a JSON object; absent or null is empty."""
    if type(value) is dict:
        return dict(value)
    if value is _ABSENT or value is None:
        return {}
    raise Unusual("object")


# ----- read models (each mirrors the ``*_from_generated`` function of _convert) ---------------------
_VERIFICATION: Final = _plan(generated.Verification, Verification, frozenset({"error"}))
_SIGN_UP_VERIFICATION: Final = _plan(
    generated.SignUpVerification, Verification, frozenset({"error", "next_action", "supported_strategies"})
)
_ERROR_KEYS: Final = frozenset({"code", "message", "long_message", "meta"})


def _error_detail(data: dict[str, Any], stamps: _Stamps) -> ErrorDetail:
    """``error_detail_from_generated``."""
    text = {}
    for name in ("code", "message", "long_message"):
        value = data.get(name)
        if value is not None and type(value) is not str:
            raise Unusual(name)
        text[name] = value
    extra = {key: value for key, value in data.items() if key not in _ERROR_KEYS}
    return ErrorDetail(**text, meta=_mapping(data.get("meta", _ABSENT)), extra=extra)


def _verification(data: dict[str, Any], stamps: _Stamps) -> Verification:
    """``verification_from_generated`` of a ``Verification``."""
    error = _optional(data.get("error", _ABSENT), _error_detail, stamps)
    result: Verification = _VERIFICATION.read(
        data, stamps, error=error, next_action=None, supported_strategies=None
    )
    return result


def _sign_up_verification(data: dict[str, Any], stamps: _Stamps) -> Verification:
    """``verification_from_generated`` of a ``SignUpVerification``."""
    result: Verification = _SIGN_UP_VERIFICATION.read(
        data,
        stamps,
        error=_optional(data.get("error", _ABSENT), _error_detail, stamps),
        next_action=data.get("next_action"),
        supported_strategies=_strings(data.get("supported_strategies", _ABSENT)),
    )
    return result


_LINK: Final = _plan(generated.IdentificationLink, IdentificationLink, frozenset())
_EMAIL: Final = _plan(generated.EmailAddress, EmailAddress, frozenset({"verification", "linked_to"}))
_PHONE: Final = _plan(
    generated.PhoneNumber, PhoneNumber, frozenset({"verification", "linked_to", "backup_codes"})
)
_WALLET: Final = _plan(generated.Web3Wallet, Web3Wallet, frozenset({"verification"}))
_PASSKEY: Final = _plan(generated.Passkey, Passkey, frozenset({"verification"}))
_ACCOUNT: Final = _plan(
    generated.ExternalAccount, ExternalAccount, frozenset({"verification", "public_metadata"})
)


def _link(data: dict[str, Any], stamps: _Stamps) -> IdentificationLink:
    result: IdentificationLink = _LINK.read(data, stamps)
    return result


def _email(data: dict[str, Any], stamps: _Stamps | None = None) -> EmailAddress:
    """``_identification`` of an email address."""
    stamps = {} if stamps is None else stamps
    result: EmailAddress = _EMAIL.read(
        data,
        stamps,
        verification=_optional(data.get("verification", _ABSENT), _verification, stamps),
        linked_to=_items(data.get("linked_to", _ABSENT), _link, stamps, nullable=True),
    )
    return result


def _phone(data: dict[str, Any], stamps: _Stamps | None = None) -> PhoneNumber:
    """``_identification`` of a phone number (its backup codes, when sent, included)."""
    stamps = {} if stamps is None else stamps
    codes = data.get("backup_codes")
    result: PhoneNumber = _PHONE.read(
        data,
        stamps,
        verification=_optional(data.get("verification", _ABSENT), _verification, stamps),
        linked_to=_items(data.get("linked_to", _ABSENT), _link, stamps, nullable=True),
        backup_codes=_strings(codes) if codes is not None else None,
    )
    return result


def _wallet(data: dict[str, Any], stamps: _Stamps) -> Web3Wallet:
    result: Web3Wallet = _WALLET.read(
        data, stamps, verification=_optional(data.get("verification", _ABSENT), _verification, stamps)
    )
    return result


def _passkey(data: dict[str, Any], stamps: _Stamps) -> Passkey:
    result: Passkey = _PASSKEY.read(
        data, stamps, verification=_optional(data.get("verification", _ABSENT), _verification, stamps)
    )
    return result


def _account(data: dict[str, Any], stamps: _Stamps) -> ExternalAccount:
    result: ExternalAccount = _ACCOUNT.read(
        data,
        stamps,
        verification=_optional(data.get("verification", _ABSENT), _verification, stamps),
        public_metadata=_mapping(data.get("public_metadata", _ABSENT)),
    )
    return result


_USER_LISTS: Final = ("email_addresses", "phone_numbers", "web3_wallets", "external_accounts", "passkeys")
_USER: Final = _plan(generated.User, User, frozenset({*_USER_LISTS, "public_metadata", "unsafe_metadata"}))


def user(data: dict[str, Any], stamps: _Stamps | None = None) -> User:
    """``user_from_generated`` (its lists are not nullable in the schema: null is Unusual)."""
    stamps = {} if stamps is None else stamps
    get = data.get
    result: User = _USER.read(
        data,
        stamps,
        email_addresses=_items(get("email_addresses", _ABSENT), _email, stamps, nullable=False),
        phone_numbers=_items(get("phone_numbers", _ABSENT), _phone, stamps, nullable=False),
        web3_wallets=_items(get("web3_wallets", _ABSENT), _wallet, stamps, nullable=False),
        external_accounts=_items(get("external_accounts", _ABSENT), _account, stamps, nullable=False),
        passkeys=_items(get("passkeys", _ABSENT), _passkey, stamps, nullable=False),
        public_metadata=_mapping(get("public_metadata", _ABSENT)),
        unsafe_metadata=_mapping(get("unsafe_metadata", _ABSENT)),
    )
    return result


_PUBLIC_USER: Final = _plan(generated.PublicUserData, PublicUserData, frozenset())
_SESSION: Final = _plan(
    generated.Session,
    SessionData,
    frozenset({"user", "public_user_data", "last_active_token", "actor", "tasks", "factor_verification_age"}),
)


def _public_user(data: dict[str, Any], stamps: _Stamps) -> PublicUserData:
    result: PublicUserData = _PUBLIC_USER.read(data, stamps)
    return result


def session(data: dict[str, Any], stamps: _Stamps | None = None) -> SessionData:
    """``session_from_generated``: the token's JWT and the task keys as attributes, the rest of
    those objects in ``extra``."""
    stamps = {} if stamps is None else stamps
    get = data.get
    reshaped: dict[str, Any] = {}
    jwt: str | None = None
    token = get("last_active_token")
    if token is not None:
        jwt = _object(token).get("jwt", _ABSENT)
        if jwt is not None and type(jwt) is not str:
            raise Unusual("last_active_token.jwt")
        if len(token) > 1:
            reshaped["last_active_token"] = {k: v for k, v in token.items() if k != "jwt"}
    tasks: tuple[str, ...] | None = None
    listed = get("tasks")
    if listed is not None:
        if type(listed) is not list:
            raise Unusual("tasks")
        keys = []
        for task in listed:
            key = _object(task).get("key")
            if type(key) is not str:
                raise Unusual("tasks.key")
            keys.append(key)
        tasks = tuple(keys)
        if any(len(task) > 1 for task in listed):
            reshaped["tasks"] = [{k: v for k, v in task.items() if k != "key"} for task in listed]
    age = get("factor_verification_age")
    if age is not None and (type(age) is not list or any(type(minutes) is not int for minutes in age)):
        raise Unusual("factor_verification_age")
    actor = get("actor")
    result: SessionData = _SESSION.read(
        data,
        stamps,
        reshaped,
        user=_optional(get("user", _ABSENT), user, stamps),
        public_user_data=_optional(get("public_user_data", _ABSENT), _public_user, stamps),
        last_active_token=jwt or None,
        actor=dict(_object(actor)) if actor is not None else None,
        tasks=tasks,
        factor_verification_age=tuple(age) if age is not None else None,
    )
    return result


_FACTOR: Final = _plan(generated.SignInFactor, SignInFactor, frozenset())
_SIGN_IN: Final = _plan(
    generated.SignIn,
    SignInData,
    frozenset(
        {
            "supported_identifiers",
            "supported_first_factors",
            "supported_second_factors",
            "first_factor_verification",
            "second_factor_verification",
            "user_data",
        }
    ),
)


def _factor(data: dict[str, Any], stamps: _Stamps) -> SignInFactor:
    result: SignInFactor = _FACTOR.read(data, stamps)
    return result


def sign_in(data: dict[str, Any], stamps: _Stamps | None = None) -> SignInData:
    """``sign_in_from_generated``."""
    stamps = {} if stamps is None else stamps
    get = data.get
    user_data = get("user_data")
    result: SignInData = _SIGN_IN.read(
        data,
        stamps,
        supported_identifiers=_strings(get("supported_identifiers", _ABSENT)),
        supported_first_factors=_items(
            get("supported_first_factors", _ABSENT), _factor, stamps, nullable=True
        ),
        supported_second_factors=_items(
            get("supported_second_factors", _ABSENT), _factor, stamps, nullable=True
        ),
        first_factor_verification=_optional(get("first_factor_verification", _ABSENT), _verification, stamps),
        second_factor_verification=_optional(
            get("second_factor_verification", _ABSENT), _verification, stamps
        ),
        user_data=dict(_object(user_data)) if user_data is not None else None,
    )
    return result


_SIGN_UP_LISTS: Final = ("required_fields", "optional_fields", "missing_fields", "unverified_fields")
_SIGN_UP: Final = _plan(
    generated.SignUp,
    SignUpData,
    frozenset({*_SIGN_UP_LISTS, "verifications", "unsafe_metadata", "public_metadata"}),
)
_VERIFIED_THINGS: Final = ("email_address", "phone_number", "web3_wallet", "external_account")


def _sign_up_verifications(data: dict[str, Any], stamps: _Stamps) -> SignUpVerifications:
    return SignUpVerifications(
        **{
            name: _optional(data.get(name, _ABSENT), _sign_up_verification, stamps)
            for name in _VERIFIED_THINGS
        },
        extra={k: v for k, v in data.items() if k not in _VERIFIED_THINGS},
    )


def sign_up(data: dict[str, Any], stamps: _Stamps | None = None) -> SignUpData:
    """``sign_up_from_generated``."""
    stamps = {} if stamps is None else stamps
    get = data.get
    verifications = _optional(get("verifications", _ABSENT), _sign_up_verifications, stamps)
    result: SignUpData = _SIGN_UP.read(
        data,
        stamps,
        **{name: _strings(get(name, _ABSENT)) for name in _SIGN_UP_LISTS},
        verifications=verifications if verifications is not None else SignUpVerifications(),
        unsafe_metadata=_mapping(get("unsafe_metadata", _ABSENT)),
        public_metadata=_mapping(get("public_metadata", _ABSENT)),
    )
    return result


_CLIENT: Final = _plan(generated.Client, ClientState, frozenset({"sessions", "sign_in", "sign_up"}))


def client_state(data: dict[str, Any], stamps: _Stamps | None = None) -> ClientState:
    """``client_state_from_generated`` (``sessions`` is not nullable in the schema)."""
    stamps = {} if stamps is None else stamps
    get = data.get
    result: ClientState = _CLIENT.read(
        data,
        stamps,
        sessions=_items(get("sessions", _ABSENT), session, stamps, nullable=False),
        sign_in=_optional(get("sign_in", _ABSENT), sign_in, stamps),
        sign_up=_optional(get("sign_up", _ABSENT), sign_up, stamps),
    )
    return result


# ----- answers (each the fast twin of a converter the operations pass to the engine) -----------------
def client_from_envelope(body: Any) -> ClientState:
    """``_convert.client_from_envelope``: the client in ``response``; null means no client."""
    envelope = _object(body)
    if envelope.get("client") is not None:
        # Never read by the converter, but the reference parser still checks it: left to that path.
        raise Unusual("client")
    response = envelope.get("response", _ABSENT)
    if response is _ABSENT:
        raise Unusual("response")
    return EMPTY_STATE if response is None else client_state(_object(response), {})


def _envelope(body: Any, read: Callable[[dict[str, Any], _Stamps], _T]) -> tuple[_T, ClientState | None]:
    envelope = _object(body)
    stamps: _Stamps = {}
    resource = read(_object(envelope.get("response")), stamps)
    return resource, _optional(envelope.get("client", _ABSENT), client_state, stamps)


def session_envelope(body: Any) -> tuple[SessionData, ClientState | None]:
    """``_convert.session_envelope``."""
    return _envelope(body, session)


def sign_in_envelope(body: Any) -> tuple[SignInData, ClientState | None]:
    """``_convert.sign_in_envelope``."""
    return _envelope(body, sign_in)


def sign_up_envelope(body: Any) -> tuple[SignUpData, ClientState | None]:
    """``_convert.sign_up_envelope``."""
    return _envelope(body, sign_up)


def token_jwt(body: Any) -> str | None:
    """``_convert.token_jwt``: the JWT of a token answer (None when it holds none)."""
    jwt = _object(body).get("jwt", _ABSENT)
    if jwt is not None and type(jwt) is not str:
        raise Unusual("jwt")
    return jwt or None


_ENVIRONMENT: Final = _plan(
    generated.Environment,
    Environment,
    frozenset(
        {
            "instance_type",
            "application_name",
            "single_session_mode",
            "test_mode",
            "identification_strategies",
            "first_factors",
            "second_factors",
        }
    ),
)


def environment(body: Any) -> Environment:
    """``_convert.environment_from_generated``: the settings a client needs, the rest in ``extra``."""
    data = _object(body)
    auth = data.get("auth_config")
    display = data.get("display_config")
    auth = _object(auth) if auth is not None else {}
    display = _object(display) if display is not None else {}
    result: Environment = _ENVIRONMENT.read(
        data,
        {},
        instance_type=display.get("instance_environment_type"),
        application_name=display.get("application_name"),
        single_session_mode=auth.get("single_session_mode"),
        test_mode=auth.get("test_mode"),
        identification_strategies=_strings(auth.get("identification_strategies", _ABSENT)),
        first_factors=_strings(auth.get("first_factors", _ABSENT)),
        second_factors=_strings(auth.get("second_factors", _ABSENT)),
    )
    return result


FAST_CONVERTERS: Final[Mapping[Callable[[Any], Any], Callable[[Any], Any]]] = {
    _convert.client_from_envelope: client_from_envelope,
    _convert.session_envelope: session_envelope,
    _convert.sign_in_envelope: sign_in_envelope,
    _convert.sign_up_envelope: sign_up_envelope,
    _convert.token_jwt: token_jwt,
    _convert.environment_from_generated: environment,
}
"""Each converter of the reference path (a generated model in) with its fast twin (decoded JSON in)."""
