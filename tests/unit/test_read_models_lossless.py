"""Read models keep every field the server sent: a field openapi.yaml declares is an attribute or in
``extra``, never dropped on the way from the generated model to the facade's model."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

import attrs
from clerk_fapi import _convert
from clerk_fapi._convert import (
    client_from_envelope,
    environment_from_generated,
    session_from_generated,
    user_from_generated,
)
from clerk_fapi._models import IdentificationLink
from clerk_fapi_raw import models as raw

MS = 1_796_198_846_874
WHEN = datetime.fromtimestamp(MS / 1000, tz=UTC)
LINK = {"type": "oauth_google", "id": "idn_linked"}


def verification() -> dict[str, Any]:
    return {"object": "verification_otp", "status": "verified", "strategy": "email_code", "attempts": 1}


def user_body() -> dict[str, Any]:
    return {
        "id": "user_1",
        "object": "user",
        "password_last_updated_at": MS,
        "lockout_expires_in_seconds": 600,
        "verification_attempts_remaining": 100,
        "delete_self_enabled": True,
        "create_organization_enabled": True,
        "create_organizations_limit": 3,
        "mfa_enabled_at": MS,
        "mfa_disabled_at": None,
        "profile_image_url": "https://img.example.test/p.png",
        "email_addresses": [
            {
                "id": "idn_e",
                "object": "email_address",
                "email_address": "a@example.test",
                "verification": verification(),
                "linked_to": [LINK],
                "matches_sso_connection": False,
            }
        ],
        "phone_numbers": [
            {
                "id": "idn_p",
                "object": "phone_number",
                "phone_number": "+15555550100",
                "reserved": False,
                "linked_to": [],
                "backup_codes": ["c1", "c2"],
            }
        ],
        "web3_wallets": [
            {
                "id": "idn_w",
                "object": "web3_wallet",
                "web3_wallet": "0xabc",
                "created_at": MS,
                "updated_at": MS,
            }
        ],
        "external_accounts": [
            {
                "id": "eac_1",
                "object": "external_account",
                "provider": "oauth_google",
                "identification_id": "idn_linked",
                "approved_scopes": "email profile",
                "first_name": "Ada",
                "last_name": "Lovelace",
                "image_url": "https://img.example.test/g.png",
                "public_metadata": {"k": "v"},
                "created_at": MS,
                "updated_at": MS,
            }
        ],
        "passkeys": [
            {
                "id": "pk_1",
                "object": "passkey",
                "name": "laptop",
                "verification": verification(),
                "created_at": MS,
                "updated_at": MS,
            }
        ],
        "saml_accounts": [],
        "bypass_client_trust": False,
    }


def test_declared_user_fields_are_typed_attributes() -> None:
    user = user_from_generated(raw.User.from_dict(user_body()))
    assert user.password_last_updated_at == WHEN
    assert user.password_last_updated_at.tzinfo is UTC
    assert user.lockout_expires_in_seconds == 600
    assert user.verification_attempts_remaining == 100
    assert user.delete_self_enabled is True
    assert user.create_organization_enabled is True
    assert user.create_organizations_limit == 3
    assert user.mfa_enabled_at == WHEN
    assert user.mfa_disabled_at is None
    assert user.profile_image_url == "https://img.example.test/p.png"


def test_declared_identification_fields_are_typed_attributes() -> None:
    user = user_from_generated(raw.User.from_dict(user_body()))
    email = user.email_addresses[0]
    assert email.linked_to == (IdentificationLink(type="oauth_google", id="idn_linked"),)
    assert email.matches_sso_connection is False
    phone = user.phone_numbers[0]
    assert phone.reserved is False
    assert phone.linked_to == ()
    assert phone.backup_codes == ("c1", "c2")
    wallet = user.web3_wallets[0]
    assert (wallet.created_at, wallet.updated_at) == (WHEN, WHEN)
    account = user.external_accounts[0]
    assert account.identification_id == "idn_linked"
    assert account.approved_scopes == "email profile"
    assert (account.first_name, account.last_name) == ("Ada", "Lovelace")
    assert account.image_url == "https://img.example.test/g.png"
    assert account.public_metadata == {"k": "v"}
    assert (account.created_at, account.updated_at) == (WHEN, WHEN)
    passkey = user.passkeys[0]
    assert passkey.verification is not None and passkey.verification.is_verified
    assert (passkey.created_at, passkey.updated_at) == (WHEN, WHEN)


def test_fields_without_an_attribute_are_kept_in_extra() -> None:
    """Declared fields the read model has no attribute for (the ``object`` type tag) and undeclared ones
    (``saml_accounts``) both land in ``extra``, as the JSON the server sent."""
    user = user_from_generated(raw.User.from_dict(user_body()))
    assert user.extra == {"object": "user", "saml_accounts": [], "bypass_client_trust": False}
    assert user.email_addresses[0].extra == {"object": "email_address"}
    assert user.email_addresses[0].verification is not None
    assert user.email_addresses[0].verification.object == "verification_otp"


def test_reshaped_session_fields_keep_what_the_attribute_does_not_hold() -> None:
    """``last_active_token`` is the JWT and ``tasks`` the task keys; the rest of those objects stays in
    the session's ``extra`` under the same key."""
    body = {
        "id": "sess_1",
        "object": "session",
        "status": "active",
        "last_active_token": {"object": "token", "jwt": "a.b.c"},
        "tasks": [{"key": "choose-organization", "since": 5}],
    }
    session = session_from_generated(raw.Session.from_dict(body))
    assert session.last_active_token == "a.b.c"
    assert session.tasks == ("choose-organization",)
    assert session.extra == {
        "object": "session",
        "last_active_token": {"object": "token"},
        "tasks": [{"since": 5}],
    }


def test_client_and_environment_keep_unmodelled_fields() -> None:
    state = client_from_envelope(
        raw.ClientEnvelope.from_dict({"response": {"id": "client_1", "object": "client"}, "client": None})
    )
    assert state.extra == {"object": "client"}
    environment = environment_from_generated(
        raw.Environment.from_dict(
            {
                "auth_config": {"object": "auth_config", "single_session_mode": True},
                "display_config": {"application_name": "App"},
                "maintenance_mode": False,
                "user_settings": {"attributes": {}},
            }
        )
    )
    assert environment.single_session_mode is True
    assert environment.extra == {
        "auth_config": {"object": "auth_config", "single_session_mode": True},
        "display_config": {"application_name": "App"},
        "user_settings": {"attributes": {}},
    }


@attrs.frozen
class _Stamped:
    """A read model whose timestamp is not named ``*_at`` and whose ``*_at`` field is no timestamp."""

    seen: datetime | None = None
    noted_at: str | None = None
    extra: Mapping[str, Any] = attrs.field(factory=dict)


@attrs.define
class _Generated:
    seen: int
    noted_at: str
    additional_properties: dict[str, Any] = attrs.field(factory=dict)


def test_timestamps_are_the_fields_declared_datetime_whatever_their_name() -> None:
    stamped = _convert._copy(_Generated(seen=MS, noted_at="at noon"), _Stamped)
    assert stamped == _Stamped(seen=WHEN, noted_at="at noon")
