"""The one place the facade meets the generated layer (``clerk_fapi_raw``).

Every endpoint the facade uses is named here, with its generated module, its form model and its
retry class. The facade builds requests with the generated ``_get_kwargs`` and parses answers with
the generated ``_build_response``, so the wire format stays the generator's; it only sends the
request itself, because sending is where auth, retries and the sync/async split live.

A regeneration that renames a model or a module touches this file and :mod:`clerk_fapi._convert`,
nothing else.
"""

from __future__ import annotations

import functools
import importlib
import json
from collections.abc import Mapping
from types import ModuleType
from typing import TYPE_CHECKING, Any, Final
from urllib.parse import quote

import attrs

from ._errors import ConfigurationError

if TYPE_CHECKING:
    from clerk_fapi_raw import Client as _GeneratedClient
    from clerk_fapi_raw import models as generated_models

# Retry classes (see _engine.RetryPolicy).
IDEMPOTENT: Final = "idempotent"  # GET, PUT, DELETE: safe to resend after any failure
TOKEN: Final = "token"  # token minting: resent like an idempotent call (clerk-js does)
UNSAFE: Final = "unsafe"  # other POST and PATCH: resent only when the server cannot have seen it

_API: Final = "clerk_fapi_raw.api."


@functools.cache
def _module(name: str) -> ModuleType:
    """A generated module, imported on first use (start-up creates none of the generated classes)."""
    return importlib.import_module(name)


def _model(name: str | None) -> type[Any] | None:
    """A generated model class by name; its module is imported on first use."""
    return None if name is None else getattr(_module("clerk_fapi_raw.models"), name)


@functools.cache
def _parser_client() -> _GeneratedClient:
    """The generated parser only reads ``raise_on_unexpected_status`` from its client; one shared
    instance serves every facade client."""
    from clerk_fapi_raw import Client

    return Client(base_url="http://unused.invalid")


@attrs.frozen
class Endpoint:
    """One Frontend API operation as the facade uses it.

    The generated module and models are named, not imported: ``module``, ``form`` and ``result``
    import them the first time a request of this kind is built or its answer parsed.
    """

    name: str
    # The generated module under clerk_fapi_raw.api ("client.get_client"); None: a call openapi.yaml
    # does not cover yet (``client.request``), sent and parsed as plain JSON.
    module_name: str | None = attrs.field(repr=False)
    retry_class: str
    form_name: str | None = attrs.field(default=None, repr=False)
    result_name: str | None = attrs.field(default=None, repr=False)

    @property
    def module(self) -> ModuleType | None:
        """The generated endpoint module (``_get_kwargs``, ``_build_response``)."""
        return None if self.module_name is None else _module(_API + self.module_name)

    @property
    def form(self) -> type[Any] | None:
        """The generated form model of the request body, if it has one."""
        return _model(self.form_name)

    @property
    def result(self) -> type[Any] | None:
        """The generated model of a 2xx answer."""
        return _model(self.result_name)


def _e(
    name: str,
    module: str | ModuleType,
    retry: str,
    form: str | type[Any] | None,
    result: str | type[Any],
) -> Endpoint:
    """An endpoint from its generated module (its path under ``clerk_fapi_raw.api``, or the module
    itself, which is then imported already) and its models (names, or the classes themselves)."""
    return Endpoint(
        name=name,
        module_name=module if isinstance(module, str) else module.__name__.removeprefix(_API),
        retry_class=retry,
        form_name=form if form is None or isinstance(form, str) else form.__name__,
        result_name=result if isinstance(result, str) else result.__name__,
    )


class _ModelNames:
    """``m.ClientEnvelope`` is ``"ClientEnvelope"``: endpoints name their models without importing them."""

    def __getattr__(self, name: str) -> str:
        return name


m = _ModelNames()
GET_CLIENT = _e("GET /v1/client", "client.get_client", IDEMPOTENT, None, m.ClientEnvelope)
PUT_CLIENT = _e("PUT /v1/client", "client.put_client", IDEMPOTENT, None, m.ClientEnvelope)
DELETE_CLIENT = _e("DELETE /v1/client", "client.delete_client", IDEMPOTENT, None, m.ClientEnvelope)
REMOVE_SESSIONS = _e(
    "DELETE /v1/client/sessions", "client.remove_client_sessions", IDEMPOTENT, None, m.ClientEnvelope
)
GET_SESSION = _e("GET /v1/client/sessions/{id}", "sessions.get_session", IDEMPOTENT, None, m.SessionEnvelope)
TOUCH_SESSION = _e(
    "POST /v1/client/sessions/{id}/touch",
    "sessions.touch_session",
    UNSAFE,
    m.TouchSessionForm,
    m.SessionEnvelope,
)
END_SESSION = _e("POST /v1/client/sessions/{id}/end", "sessions.end_session", UNSAFE, None, m.SessionEnvelope)
REMOVE_SESSION = _e(
    "POST /v1/client/sessions/{id}/remove", "sessions.remove_session", UNSAFE, None, m.SessionEnvelope
)
CREATE_TOKEN = _e(
    "POST /v1/client/sessions/{id}/tokens",
    "sessions.create_session_token",
    TOKEN,
    m.SessionTokenForm,
    m.Token,
)
CREATE_TEMPLATE_TOKEN = _e(
    "POST /v1/client/sessions/{id}/tokens/{template}",
    "sessions.create_session_token_from_template",
    TOKEN,
    None,
    m.Token,
)
CREATE_SIGN_IN = _e(
    "POST /v1/client/sign_ins", "sign_ins.create_sign_in", UNSAFE, m.CreateSignInForm, m.SignInEnvelope
)
GET_SIGN_IN = _e("GET /v1/client/sign_ins/{id}", "sign_ins.get_sign_in", IDEMPOTENT, None, m.SignInEnvelope)
PREPARE_FIRST_FACTOR = _e(
    "POST /v1/client/sign_ins/{id}/prepare_first_factor",
    "sign_ins.prepare_sign_in_first_factor",
    UNSAFE,
    m.PrepareFirstFactorForm,
    m.SignInEnvelope,
)
ATTEMPT_FIRST_FACTOR = _e(
    "POST /v1/client/sign_ins/{id}/attempt_first_factor",
    "sign_ins.attempt_sign_in_first_factor",
    UNSAFE,
    m.AttemptFirstFactorForm,
    m.SignInEnvelope,
)
PREPARE_SECOND_FACTOR = _e(
    "POST /v1/client/sign_ins/{id}/prepare_second_factor",
    "sign_ins.prepare_sign_in_second_factor",
    UNSAFE,
    m.PrepareSecondFactorForm,
    m.SignInEnvelope,
)
ATTEMPT_SECOND_FACTOR = _e(
    "POST /v1/client/sign_ins/{id}/attempt_second_factor",
    "sign_ins.attempt_sign_in_second_factor",
    UNSAFE,
    m.AttemptSecondFactorForm,
    m.SignInEnvelope,
)
RESET_PASSWORD = _e(
    "POST /v1/client/sign_ins/{id}/reset_password",
    "sign_ins.reset_sign_in_password",
    UNSAFE,
    m.ResetPasswordForm,
    m.SignInEnvelope,
)
CREATE_SIGN_UP = _e(
    "POST /v1/client/sign_ups", "sign_ups.create_sign_up", UNSAFE, m.CreateSignUpForm, m.SignUpEnvelope
)
GET_SIGN_UP = _e("GET /v1/client/sign_ups/{id}", "sign_ups.get_sign_up", IDEMPOTENT, None, m.SignUpEnvelope)
UPDATE_SIGN_UP = _e(
    "PATCH /v1/client/sign_ups/{id}", "sign_ups.update_sign_up", UNSAFE, m.UpdateSignUpForm, m.SignUpEnvelope
)
PREPARE_VERIFICATION = _e(
    "POST /v1/client/sign_ups/{id}/prepare_verification",
    "sign_ups.prepare_sign_up_verification",
    UNSAFE,
    m.PrepareVerificationForm,
    m.SignUpEnvelope,
)
ATTEMPT_VERIFICATION = _e(
    "POST /v1/client/sign_ups/{id}/attempt_verification",
    "sign_ups.attempt_sign_up_verification",
    UNSAFE,
    m.AttemptVerificationForm,
    m.SignUpEnvelope,
)
GET_ENVIRONMENT = _e("GET /v1/environment", "environment.get_environment", IDEMPOTENT, None, m.Environment)
CREATE_DEV_BROWSER = _e("POST /v1/dev_browser", "dev_browser.create_dev_browser", UNSAFE, None, m.DevBrowser)
# Hosted sign-in: create it, and redeem its nonce (POST /v1/client with _method=GET in the form).
CREATE_HOSTED_AUTH = _e(
    "POST /v1/client/hosted_auth",
    "client.create_hosted_auth",
    UNSAFE,
    m.CreateHostedAuthForm,
    m.HostedAuthEnvelope,
)
POST_CLIENT = _e("POST /v1/client", "client.post_client", UNSAFE, m.RedeemHostedAuthForm, m.ClientEnvelope)
# ----- the signed-in user (/v1/me) and session reverification ------------------------------------------
GET_USER = _e("GET /v1/me", "me.get_user", IDEMPOTENT, None, m.UserEnvelope)
UPDATE_USER = _e("PATCH /v1/me", "me.patch_user", UNSAFE, m.UpdateUserForm, m.UserEnvelope)
DELETE_USER = _e("DELETE /v1/me", "me.delete_user", IDEMPOTENT, None, m.DeletedObjectEnvelope)
UPDATE_USER_METADATA = _e(
    "PATCH /v1/me/metadata", "me.patch_user_metadata", UNSAFE, m.UpdateUserMetadataForm, m.UserEnvelope
)
CHANGE_PASSWORD = _e(
    "POST /v1/me/change_password", "me.change_password", UNSAFE, m.ChangePasswordForm, m.UserEnvelope
)
CREATE_EMAIL_ADDRESS = _e(
    "POST /v1/me/email_addresses",
    "me.create_email_addresses",
    UNSAFE,
    m.CreateEmailAddressForm,
    m.EmailAddressEnvelope,
)
PREPARE_EMAIL_ADDRESS_VERIFICATION = _e(
    "POST /v1/me/email_addresses/{email_id}/prepare_verification",
    "me.send_verification_email",
    UNSAFE,
    m.PrepareEmailAddressVerificationForm,
    m.EmailAddressEnvelope,
)
ATTEMPT_EMAIL_ADDRESS_VERIFICATION = _e(
    "POST /v1/me/email_addresses/{email_id}/attempt_verification",
    "me.verify_email_address",
    UNSAFE,
    m.AttemptIdentificationVerificationForm,
    m.EmailAddressEnvelope,
)
DELETE_EMAIL_ADDRESS = _e(
    "DELETE /v1/me/email_addresses/{email_id}",
    "me.delete_email_address",
    IDEMPOTENT,
    None,
    m.DeletedObjectEnvelope,
)
CREATE_PHONE_NUMBER = _e(
    "POST /v1/me/phone_numbers",
    "me.post_phone_numbers",
    UNSAFE,
    m.CreatePhoneNumberForm,
    m.PhoneNumberEnvelope,
)
PREPARE_PHONE_NUMBER_VERIFICATION = _e(
    "POST /v1/me/phone_numbers/{phone_number_id}/prepare_verification",
    "me.send_verification_sms",
    UNSAFE,
    m.PreparePhoneNumberVerificationForm,
    m.PhoneNumberEnvelope,
)
ATTEMPT_PHONE_NUMBER_VERIFICATION = _e(
    "POST /v1/me/phone_numbers/{phone_number_id}/attempt_verification",
    "me.verify_phone_number",
    UNSAFE,
    m.AttemptIdentificationVerificationForm,
    m.PhoneNumberEnvelope,
)
UPDATE_PHONE_NUMBER = _e(
    "PATCH /v1/me/phone_numbers/{phone_number_id}",
    "me.update_phone_number",
    UNSAFE,
    m.UpdatePhoneNumberForm,
    m.PhoneNumberEnvelope,
)
DELETE_PHONE_NUMBER = _e(
    "DELETE /v1/me/phone_numbers/{phone_number_id}",
    "me.delete_phone_number",
    IDEMPOTENT,
    None,
    m.DeletedObjectEnvelope,
)
CREATE_TOTP = _e("POST /v1/me/totp", "me.post_totp", UNSAFE, None, m.TOTPEnvelope)
VERIFY_TOTP = _e(
    "POST /v1/me/totp/attempt_verification",
    "me.verify_totp",
    UNSAFE,
    m.AttemptIdentificationVerificationForm,
    m.TOTPEnvelope,
)
DELETE_TOTP = _e("DELETE /v1/me/totp", "me.delete_totp", IDEMPOTENT, None, m.DeletedObjectEnvelope)
CREATE_BACKUP_CODES = _e(
    "POST /v1/me/backup_codes", "me.create_backup_codes", UNSAFE, None, m.BackupCodesEnvelope
)
START_REVERIFICATION = _e(
    "POST /v1/client/sessions/{id}/verify",
    "sessions.start_session_reverification",
    UNSAFE,
    m.StartReverificationForm,
    m.SessionReverificationEnvelope,
)
PREPARE_REVERIFICATION_FIRST_FACTOR = _e(
    "POST /v1/client/sessions/{id}/verify/prepare_first_factor",
    "sessions.prepare_session_reverification_first_factor",
    UNSAFE,
    m.ReverificationPrepareFirstFactorForm,
    m.SessionReverificationEnvelope,
)
ATTEMPT_REVERIFICATION_FIRST_FACTOR = _e(
    "POST /v1/client/sessions/{id}/verify/attempt_first_factor",
    "sessions.attempt_session_reverification_first_factor",
    UNSAFE,
    m.ReverificationAttemptFirstFactorForm,
    m.SessionReverificationEnvelope,
)
PREPARE_REVERIFICATION_SECOND_FACTOR = _e(
    "POST /v1/client/sessions/{id}/verify/prepare_second_factor",
    "sessions.prepare_session_reverification_second_factor",
    UNSAFE,
    m.ReverificationPrepareSecondFactorForm,
    m.SessionReverificationEnvelope,
)
ATTEMPT_REVERIFICATION_SECOND_FACTOR = _e(
    "POST /v1/client/sessions/{id}/verify/attempt_second_factor",
    "sessions.attempt_session_reverification_second_factor",
    UNSAFE,
    m.ReverificationAttemptSecondFactorForm,
    m.SessionReverificationEnvelope,
)
# Organizations of the session's user.
GET_ORGANIZATION_MEMBERSHIPS = _e(
    "GET /v1/me/organization_memberships",
    "organizations.get_organization_memberships",
    IDEMPOTENT,
    None,
    m.OrganizationMembershipsEnvelope,
)
GET_ORGANIZATION_INVITATIONS = _e(
    "GET /v1/me/organization_invitations",
    "organizations.get_users_organization_invitations",
    IDEMPOTENT,
    None,
    m.OrganizationInvitationsEnvelope,
)
ACCEPT_ORGANIZATION_INVITATION = _e(
    "POST /v1/me/organization_invitations/{invitation_id}/accept",
    "organizations.accept_organization_invitation",
    UNSAFE,
    None,
    m.OrganizationInvitationEnvelope,
)
CREATE_ORGANIZATION = _e(
    "POST /v1/organizations",
    "organizations.create_organization",
    UNSAFE,
    m.CreateOrganizationForm,
    m.OrganizationEnvelope,
)
del m

# The query parameter naming the session a /v1/me call acts for; the facade adds it to the request
# the generated layer builds (openapi.yaml leaves cross-cutting parameters out of the operations).
SESSION_ID_PARAM: Final = "_clerk_session_id"


def form_fields(endpoint: Endpoint) -> frozenset[str]:
    """The form fields an endpoint takes, as the generated form model declares them."""
    form = endpoint.form
    if form is None:
        return frozenset()
    return frozenset(a.name for a in attrs.fields(form) if a.name != "additional_properties")


def request_kwargs(
    endpoint: Endpoint,
    path: tuple[str, ...] = (),
    form: Mapping[str, Any] | None = None,
    query: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The generated ``_get_kwargs`` for one call: method, relative url, params, headers, form data.

    ``form`` keys must be fields of the endpoint's form model; None values are sent as empty
    strings (Clerk's way of saying null), keys left out are not sent.
    """
    module = endpoint.module
    if module is None:
        return _untyped_kwargs(endpoint, form, query)
    session_id = (query or {}).get(SESSION_ID_PARAM)
    call_kwargs: dict[str, Any] = {
        k: v for k, v in (query or {}).items() if v is not None and k != SESSION_ID_PARAM
    }
    form_model = endpoint.form
    if form_model is not None:
        fields = dict(form or {})
        unknown = sorted(set(fields) - form_fields(endpoint))
        if unknown:
            raise ConfigurationError(
                f"{endpoint.name} does not take the field(s) {', '.join(unknown)}; "
                f"it takes: {', '.join(sorted(form_fields(endpoint)))}"
            )
        call_kwargs["body"] = form_model(**fields)
    elif form:
        raise ConfigurationError(f"{endpoint.name} takes no form fields")
    kwargs: dict[str, Any] = module._get_kwargs(*path, **call_kwargs)
    if session_id is not None:
        kwargs["params"] = {**(kwargs.get("params") or {}), SESSION_ID_PARAM: session_id}
    return kwargs


def parse(endpoint: Endpoint, response: Any) -> Any:
    """The generated model parsed from a 2xx answer (raises whatever the generated parser raises);
    for an untyped endpoint, the decoded JSON (None for an empty body)."""
    module = endpoint.module
    if module is None:
        return response.json() if response.content else None
    return module._build_response(client=_parser_client(), response=response).parsed


def untyped_endpoint(method: str, path: str) -> Endpoint:
    """An endpoint openapi.yaml does not cover yet, for ``client.request``: ``path`` is the whole
    Frontend API path (``/v1/...``). GET, PUT and DELETE are retried as reads, POST and PATCH as
    calls that must not be sent twice."""
    verb = method.upper() if isinstance(method, str) else ""
    if verb not in ("GET", "POST", "PUT", "PATCH", "DELETE"):
        raise ConfigurationError(f"method must be GET, POST, PUT, PATCH or DELETE, got {method!r}")
    if (
        not isinstance(path, str)
        or not path.startswith("/v1/")
        or any(c in path for c in "?#")
        or ".." in path
    ):
        raise ConfigurationError(
            f"path must be a Frontend API path such as '/v1/me', without a query (use params=), got {path!r}"
        )
    retry = UNSAFE if verb in ("POST", "PATCH") else IDEMPOTENT
    return Endpoint(name=f"{verb} {path}", module_name=None, retry_class=retry)


def _untyped_kwargs(
    endpoint: Endpoint, form: Mapping[str, Any] | None, query: Mapping[str, Any] | None
) -> dict[str, Any]:
    method, url = endpoint.name.split(" ", 1)
    kwargs: dict[str, Any] = {
        "method": method.lower(),
        "url": quote(url, safe="/-_.~:@"),
        "params": {k: v for k, v in (query or {}).items() if v is not None},
        "headers": {"Content-Type": "application/x-www-form-urlencoded"},
    }
    if form is not None:
        kwargs["data"] = {name: _form_value(name, value) for name, value in form.items()}
    return kwargs


def _form_value(name: str, value: Any) -> Any:
    """A form value as Clerk takes it: None as "" (null), booleans as true/false, objects as JSON."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str | int | float):
        return str(value)
    if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
        return list(value)
    try:
        return json.dumps(value)
    except (TypeError, ValueError) as exc:
        raise ConfigurationError(f"form field {name!r} cannot be sent: {type(value).__name__}") from exc


def parse_errors(body: Any) -> generated_models.ClerkErrors:
    """The generated error model from an error body already decoded from JSON."""
    errors: generated_models.ClerkErrors = _module("clerk_fapi_raw.models").ClerkErrors.from_dict(body)
    return errors


def parse_client(body: Any) -> generated_models.Client:
    """The generated client model from a client object already decoded from JSON (one carried by
    an error answer as ``client`` or ``meta.client``)."""
    client: generated_models.Client = _module("clerk_fapi_raw.models").Client.from_dict(body)
    return client


__all__ = [
    "Endpoint",
    "form_fields",
    "parse",
    "parse_client",
    "parse_errors",
    "request_kwargs",
    "untyped_endpoint",
]
