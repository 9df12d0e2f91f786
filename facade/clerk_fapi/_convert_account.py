"""Conversion of the answers of the account calls: the signed-in user's own objects (``/v1/me``),
session reverification, organizations, and the hosted sign-in (Account Portal) answer.

Same rules as :mod:`clerk_fapi._convert` (fields named alike copied, timestamps from Clerk's Unix
milliseconds, scalars type-checked, every field without an attribute in ``extra``), whose private
helpers it shares; a generated model holding anything other than what its schema names is a
:class:`~clerk_fapi._convert.ShapeError`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from clerk_fapi_raw import models as generated

from ._account_models import TOTP, BackupCodes, DeletedObject, SessionReverification
from ._convert import (
    ShapeError,
    _checked,
    _copy,
    _envelope,
    _identification,
    _jwt,
    _list,
    _mapping,
    _model,
    _models,
    _opt,
    _strings,
    answered,
    client_state_from_generated,
    user_from_generated,
    verification_from_generated,
)
from ._models import (
    ClientState,
    EmailAddress,
    PhoneNumber,
    PublicUserData,
    SessionData,
    SignInFactor,
    UserData,
)
from ._organizations import (
    Organization,
    OrganizationInvitationData,
    OrganizationMembership,
    Page,
    PublicOrganizationData,
)

_T = TypeVar("_T")
_M = TypeVar("_M")


# ----- the signed-in user's own objects (/v1/me) and session reverification ---------------------------
def user_envelope(parsed: Any) -> tuple[UserData, ClientState | None]:
    """A user answer (``/v1/me``): the user and the piggybacked client."""
    return _envelope(parsed, generated.UserEnvelope, generated.User, user_from_generated)


def email_address_envelope(parsed: Any) -> tuple[EmailAddress, ClientState | None]:
    return _envelope(
        parsed,
        generated.EmailAddressEnvelope,
        generated.EmailAddress,
        lambda src, where: _identification(src, EmailAddress, where),
    )


def phone_number_envelope(parsed: Any) -> tuple[PhoneNumber, ClientState | None]:
    return _envelope(
        parsed,
        generated.PhoneNumberEnvelope,
        generated.PhoneNumber,
        lambda src, where: _identification(src, PhoneNumber, where),
    )


def deleted_object_envelope(parsed: Any) -> tuple[DeletedObject, ClientState | None]:
    return _envelope(
        parsed,
        generated.DeletedObjectEnvelope,
        generated.DeletedObject,
        lambda src, where: _copy(src, DeletedObject),
    )


def _totp(src: generated.TOTP, where: str) -> TOTP:
    codes = _opt(src.backup_codes)
    return _copy(
        src, TOTP, backup_codes=_strings(codes, f"{where}.backup_codes") if codes is not None else None
    )


def totp_envelope(parsed: Any) -> tuple[TOTP, ClientState | None]:
    return _envelope(parsed, generated.TOTPEnvelope, generated.TOTP, _totp)


def backup_codes_envelope(parsed: Any) -> tuple[BackupCodes, ClientState | None]:
    return _envelope(
        parsed,
        generated.BackupCodesEnvelope,
        generated.BackupCodes,
        lambda src, where: _copy(src, BackupCodes, codes=_strings(src.codes, f"{where}.codes")),
    )


def _factors(values: Any, where: str) -> tuple[SignInFactor, ...]:
    return tuple(_copy(f, SignInFactor) for f in _models(values, generated.SignInFactor, where))


def _reverified_session(src: generated.ReverifiedSession, where: str) -> SessionData:
    """The session of a reverification: its base fields (no user; the client carries the whole session)."""
    token = _model(src.last_active_token, generated.Token, f"{where}.last_active_token")
    actor = _opt(src.actor)
    tasks = _models(src.tasks, generated.SessionTask, f"{where}.tasks")
    return _copy(
        src,
        SessionData,
        last_active_token=_jwt(token, f"{where}.last_active_token") if token else None,
        actor=_mapping(actor) if actor is not None else None,
        tasks=tuple(str(_opt(t.key)) for t in tasks) if _opt(src.tasks) is not None else None,
    )


def _reverification(src: generated.SessionReverification, where: str) -> SessionReverification:
    session = _model(src.session, generated.ReverifiedSession, f"{where}.session")
    return _copy(
        src,
        SessionReverification,
        supported_first_factors=_factors(src.supported_first_factors, f"{where}.supported_first_factors"),
        supported_second_factors=_factors(src.supported_second_factors, f"{where}.supported_second_factors"),
        first_factor_verification=verification_from_generated(
            src.first_factor_verification, f"{where}.first_factor_verification"
        ),
        second_factor_verification=verification_from_generated(
            src.second_factor_verification, f"{where}.second_factor_verification"
        ),
        session=_reverified_session(session, f"{where}.session") if session else None,
    )


def reverification_envelope(parsed: Any) -> tuple[SessionReverification, ClientState | None]:
    return _envelope(
        parsed, generated.SessionReverificationEnvelope, generated.SessionReverification, _reverification
    )


# ----- organizations -----------------------------------------------------------------------------
def organization_from_generated(src: generated.Organization, where: str = "organization") -> Organization:
    return _copy(src, Organization, public_metadata=_mapping(src.public_metadata))


def membership_from_generated(
    src: generated.OrganizationMembership, where: str = "organization_membership"
) -> OrganizationMembership:
    org = _model(src.organization, generated.Organization, f"{where}.organization")
    if org is None:
        raise ShapeError(f"{where}.organization", "Organization", None)
    public = _model(src.public_user_data, generated.PublicUserData, f"{where}.public_user_data")
    return _copy(
        src,
        OrganizationMembership,
        organization=organization_from_generated(org, f"{where}.organization"),
        permissions=_strings(src.permissions, f"{where}.permissions"),
        public_metadata=_mapping(src.public_metadata),
        public_user_data=_copy(public, PublicUserData) if public else None,
    )


def invitation_from_generated(
    src: generated.OrganizationInvitation, where: str = "organization_invitation"
) -> OrganizationInvitationData:
    public = _model(
        src.public_organization_data, generated.PublicOrganizationData, f"{where}.public_organization_data"
    )
    return _copy(
        src,
        OrganizationInvitationData,
        public_organization_data=_copy(public, PublicOrganizationData) if public else None,
        public_metadata=_mapping(src.public_metadata),
    )


def memberships_from_json(
    values: Any, where: str = "user.organization_memberships"
) -> tuple[OrganizationMembership, ...]:
    """The memberships a user object carries (``organization_memberships``, kept as JSON in the
    user's ``extra``), typed; absent or null is none."""
    converted = []
    for i, value in enumerate(_list(values, where)):
        if not isinstance(value, Mapping):
            raise ShapeError(f"{where}[{i}]", "JSON object", value)
        try:
            parsed = generated.OrganizationMembership.from_dict(value)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ShapeError(f"{where}[{i}]", "OrganizationMembership", value) from exc
        converted.append(membership_from_generated(parsed, f"{where}[{i}]"))
    return tuple(converted)


def _page(
    parsed: Any,
    envelope: type[Any],
    page_cls: type[Any],
    item_cls: type[_M],
    convert: Callable[[_M, str], _T],
    offset: int,
    limit: int | None,
) -> tuple[Page[_T], ClientState | None]:
    parsed = answered(parsed, envelope)
    page = _model(parsed.response, page_cls, "response")
    if page is None:
        raise ShapeError("response", page_cls.__name__, None)
    items = [
        convert(item, f"response.data[{i}]")
        for i, item in enumerate(_models(page.data, item_cls, "response.data"))
    ]
    total = _opt(page.total_count)
    total = len(items) + offset if total is None else _checked("response.total_count", (int, False), total)
    client = _model(parsed.client, generated.Client, "client")
    state = client_state_from_generated(client, "client") if client else None
    return Page(tuple(items), total, offset=offset, limit=limit), state


def membership_page(
    offset: int, limit: int | None
) -> Callable[[Any], tuple[Page[OrganizationMembership], ClientState | None]]:
    """The converter of a ``GET /v1/me/organization_memberships?paginated=true`` answer."""
    return lambda parsed: _page(
        parsed,
        generated.OrganizationMembershipsEnvelope,
        generated.OrganizationMembershipPage,
        generated.OrganizationMembership,
        membership_from_generated,
        offset,
        limit,
    )


def invitation_page(
    offset: int, limit: int | None
) -> Callable[[Any], tuple[Page[OrganizationInvitationData], ClientState | None]]:
    """The converter of a ``GET /v1/me/organization_invitations`` answer."""
    return lambda parsed: _page(
        parsed,
        generated.OrganizationInvitationsEnvelope,
        generated.OrganizationInvitationPage,
        generated.OrganizationInvitation,
        invitation_from_generated,
        offset,
        limit,
    )


def invitation_envelope(parsed: Any) -> tuple[OrganizationInvitationData, ClientState | None]:
    return _envelope(
        parsed,
        generated.OrganizationInvitationEnvelope,
        generated.OrganizationInvitation,
        invitation_from_generated,
    )


def organization_envelope(parsed: Any) -> tuple[Organization, ClientState | None]:
    return _envelope(
        parsed, generated.OrganizationEnvelope, generated.Organization, organization_from_generated
    )


# ----- hosted sign-in (Account Portal) ----------------------------------------------------------
def hosted_auth_envelope(parsed: Any) -> tuple[tuple[str | None, str], ClientState | None]:
    """A hosted-auth answer: its ``object`` and ``url``, and the piggybacked client."""
    return _envelope(parsed, generated.HostedAuthEnvelope, generated.HostedAuth, _hosted_auth)


def _hosted_auth(src: generated.HostedAuth, where: str) -> tuple[str | None, str]:
    kind, url = _opt(src.object_), src.url
    if kind is not None and not isinstance(kind, str):
        raise ShapeError(f"{where}.object", "str", kind)
    if not isinstance(url, str):
        raise ShapeError(f"{where}.url", "str", url)
    return kind, url
