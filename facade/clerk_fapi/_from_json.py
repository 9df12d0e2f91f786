"""The fast path: decoded JSON straight to the read models, for the answers the facade reads most.

:mod:`clerk_fapi._convert` reads an answer through the generated models (``from_dict``, then a
copy into the read models); that path is the reference. This module builds the same read models
from the decoded JSON directly, for answers of the usual shape, and gives up (:class:`Unusual`)
on anything else: a missing required field, a value of another type, a list that is not one, a
float timestamp. :func:`clerk_fapi._answers.parse_answer` then reads the answer through the
reference path, which returns what it returns or raises the error it raises; so a malformed
answer fails exactly as before, and only well-formed answers take the fast path. The plans and
the JSON value readers this module builds on are in :mod:`clerk_fapi._json_plans`.

What each read-model attribute is filled from is not restated here: the plan of each read model
comes from the same rules the reference path uses (``_convert._rules``: timestamps, type-checked
scalars, ``extra``) and from the generated model's fields (which JSON keys it declares, which are
required). The attributes a converter reshapes (nested models, lists, metadata, the session's
token and tasks) are written out below, each beside the reference function it mirrors. A test
holds both paths to the same result on every real recorded answer and on mutations of them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Final, TypeVar

from clerk_fapi_raw import models as generated

from . import _convert
from ._errors import ErrorDetail
from ._json_plans import (
    _ABSENT,
    NESTED_MAPPING,
    NESTED_STRINGS,
    Unusual,
    _mapping,
    _object,
    _optional,
    _plan,
    _Stamps,
    _strings,
    nested_items,
    nested_object,
)
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


# ----- read models (each mirrors the ``*_from_generated`` function of _convert) ---------------------
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


# ``verification_from_generated`` of a ``Verification`` (no next action or strategies: the defaults)
_VERIFICATION: Final = _plan(
    generated.Verification, Verification, frozenset(), {"error": nested_object(_error_detail)}
)
_verification: Final = _VERIFICATION.read
_SIGN_UP_VERIFICATION: Final = _plan(
    generated.SignUpVerification,
    Verification,
    frozenset({"next_action"}),
    {"error": nested_object(_error_detail), "supported_strategies": NESTED_STRINGS},
)


def _sign_up_verification(data: dict[str, Any], stamps: _Stamps) -> Verification:
    """``verification_from_generated`` of a ``SignUpVerification``."""
    result: Verification = _SIGN_UP_VERIFICATION.read(data, stamps, next_action=data.get("next_action"))
    return result


# ``_identification`` and the like: what each read model nests is read by its plan's readers.
_VERIFIED: Final = nested_object(_verification)
_LINK: Final = _plan(generated.IdentificationLink, IdentificationLink, frozenset())
_LINKED_TO: Final = nested_items(_LINK.read, nullable=True)
_EMAIL: Final = _plan(
    generated.EmailAddress, EmailAddress, frozenset(), {"verification": _VERIFIED, "linked_to": _LINKED_TO}
)
_PHONE: Final = _plan(
    generated.PhoneNumber,
    PhoneNumber,
    frozenset({"backup_codes"}),
    {"verification": _VERIFIED, "linked_to": _LINKED_TO},
)
_WALLET: Final = _plan(generated.Web3Wallet, Web3Wallet, frozenset(), {"verification": _VERIFIED})
_PASSKEY: Final = _plan(generated.Passkey, Passkey, frozenset(), {"verification": _VERIFIED})
_ACCOUNT: Final = _plan(
    generated.ExternalAccount,
    ExternalAccount,
    frozenset(),
    {"verification": _VERIFIED, "public_metadata": NESTED_MAPPING},
)


def _email(data: dict[str, Any], stamps: _Stamps | None = None) -> EmailAddress:
    """``_identification`` of an email address."""
    result: EmailAddress = _EMAIL.read(data, {} if stamps is None else stamps)
    return result


def _phone(data: dict[str, Any], stamps: _Stamps | None = None) -> PhoneNumber:
    """``_identification`` of a phone number (its backup codes, when sent, included)."""
    codes = data.get("backup_codes")
    result: PhoneNumber = _PHONE.read(
        data,
        {} if stamps is None else stamps,
        backup_codes=_strings(codes) if codes is not None else None,
    )
    return result


# ``user_from_generated`` (its lists are not nullable in the schema: null is Unusual)
_USER: Final = _plan(
    generated.User,
    User,
    frozenset(),
    {
        "email_addresses": nested_items(_EMAIL.read, nullable=False),
        "phone_numbers": nested_items(_phone, nullable=False),
        "web3_wallets": nested_items(_WALLET.read, nullable=False),
        "external_accounts": nested_items(_ACCOUNT.read, nullable=False),
        "passkeys": nested_items(_PASSKEY.read, nullable=False),
        "public_metadata": NESTED_MAPPING,
        "unsafe_metadata": NESTED_MAPPING,
    },
)


def user(data: dict[str, Any], stamps: _Stamps | None = None) -> User:
    """``user_from_generated``."""
    result: User = _USER.read(data, {} if stamps is None else stamps)
    return result


_PUBLIC_USER: Final = _plan(generated.PublicUserData, PublicUserData, frozenset())
_SESSION: Final = _plan(
    generated.Session,
    SessionData,
    frozenset({"last_active_token", "actor", "tasks", "factor_verification_age"}),
    {"user": nested_object(_USER.read), "public_user_data": nested_object(_PUBLIC_USER.read)},
)


_INT: Final = frozenset({int})


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
    if age is not None and (type(age) is not list or not set(map(type, age)) <= _INT):
        raise Unusual("factor_verification_age")
    actor = get("actor")
    result: SessionData = _SESSION.read(
        data,
        stamps,
        reshaped,
        last_active_token=jwt or None,
        actor=dict(_object(actor)) if actor is not None else None,
        tasks=tasks,
        factor_verification_age=tuple(age) if age is not None else None,
    )
    return result


_FACTOR: Final = _plan(generated.SignInFactor, SignInFactor, frozenset())
_FACTORS: Final = nested_items(_FACTOR.read, nullable=True)
_SIGN_IN: Final = _plan(
    generated.SignIn,
    SignInData,
    frozenset({"user_data"}),
    {
        "supported_identifiers": NESTED_STRINGS,
        "supported_first_factors": _FACTORS,
        "supported_second_factors": _FACTORS,
        "first_factor_verification": _VERIFIED,
        "second_factor_verification": _VERIFIED,
    },
)


def sign_in(data: dict[str, Any], stamps: _Stamps | None = None) -> SignInData:
    """``sign_in_from_generated``."""
    user_data = data.get("user_data")
    result: SignInData = _SIGN_IN.read(
        data,
        {} if stamps is None else stamps,
        user_data=dict(_object(user_data)) if user_data is not None else None,
    )
    return result


_SIGN_UP_LISTS: Final = ("required_fields", "optional_fields", "missing_fields", "unverified_fields")
_SIGN_UP: Final = _plan(
    generated.SignUp,
    SignUpData,
    frozenset({"verifications"}),
    {
        **dict.fromkeys(_SIGN_UP_LISTS, NESTED_STRINGS),
        "unsafe_metadata": NESTED_MAPPING,
        "public_metadata": NESTED_MAPPING,
    },
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
    verifications = _optional(data.get("verifications", _ABSENT), _sign_up_verifications, stamps)
    result: SignUpData = _SIGN_UP.read(
        data,
        stamps,
        verifications=verifications if verifications is not None else SignUpVerifications(),
    )
    return result


# ``client_state_from_generated`` (``sessions`` is not nullable in the schema)
_CLIENT: Final = _plan(
    generated.Client,
    ClientState,
    frozenset(),
    {
        "sessions": nested_items(session, nullable=False),
        "sign_in": nested_object(sign_in),
        "sign_up": nested_object(sign_up),
    },
)


def client_state(data: dict[str, Any], stamps: _Stamps | None = None) -> ClientState:
    """``client_state_from_generated``."""
    result: ClientState = _CLIENT.read(data, {} if stamps is None else stamps)
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
"""Each converter of the reference path (a generated model in) with its fast twin (decoded JSON in,
which it consumes: the lists of objects in it are emptied as they are read, see :mod:`._json_plans`)."""
