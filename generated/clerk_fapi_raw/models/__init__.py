"""Contains all the data models used in inputs/outputs

Each model's module is imported on first use of its name (PEP 562), so importing this package, or one
model module, does not create every model class.
"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .attempt_first_factor_form import AttemptFirstFactorForm
    from .attempt_identification_verification_form import (
        AttemptIdentificationVerificationForm,
    )
    from .attempt_second_factor_form import AttemptSecondFactorForm
    from .attempt_verification_form import AttemptVerificationForm
    from .auth_config import AuthConfig
    from .backup_codes import BackupCodes
    from .backup_codes_envelope import BackupCodesEnvelope
    from .change_password_form import ChangePasswordForm
    from .clerk_error import ClerkError
    from .clerk_error_meta_type_0 import ClerkErrorMetaType0
    from .clerk_errors import ClerkErrors
    from .clerk_errors_meta_type_0 import ClerkErrorsMetaType0
    from .client import Client
    from .client_envelope import ClientEnvelope
    from .create_email_address_form import CreateEmailAddressForm
    from .create_hosted_auth_form import CreateHostedAuthForm
    from .create_organization_form import CreateOrganizationForm
    from .create_phone_number_form import CreatePhoneNumberForm
    from .create_sign_in_form import CreateSignInForm
    from .create_sign_up_form import CreateSignUpForm
    from .deleted_object import DeletedObject
    from .deleted_object_envelope import DeletedObjectEnvelope
    from .dev_browser import DevBrowser
    from .display_config import DisplayConfig
    from .email_address import EmailAddress
    from .email_address_envelope import EmailAddressEnvelope
    from .environment import Environment
    from .external_account import ExternalAccount
    from .external_account_public_metadata_type_0 import (
        ExternalAccountPublicMetadataType0,
    )
    from .hosted_auth import HostedAuth
    from .hosted_auth_envelope import HostedAuthEnvelope
    from .identification_link import IdentificationLink
    from .organization import Organization
    from .organization_envelope import OrganizationEnvelope
    from .organization_invitation import OrganizationInvitation
    from .organization_invitation_envelope import OrganizationInvitationEnvelope
    from .organization_invitation_page import OrganizationInvitationPage
    from .organization_invitation_public_metadata_type_0 import (
        OrganizationInvitationPublicMetadataType0,
    )
    from .organization_invitations_envelope import OrganizationInvitationsEnvelope
    from .organization_membership import OrganizationMembership
    from .organization_membership_page import OrganizationMembershipPage
    from .organization_membership_public_metadata_type_0 import (
        OrganizationMembershipPublicMetadataType0,
    )
    from .organization_memberships_envelope import OrganizationMembershipsEnvelope
    from .organization_public_metadata_type_0 import OrganizationPublicMetadataType0
    from .passkey import Passkey
    from .phone_number import PhoneNumber
    from .phone_number_envelope import PhoneNumberEnvelope
    from .prepare_email_address_verification_form import (
        PrepareEmailAddressVerificationForm,
    )
    from .prepare_first_factor_form import PrepareFirstFactorForm
    from .prepare_phone_number_verification_form import (
        PreparePhoneNumberVerificationForm,
    )
    from .prepare_second_factor_form import PrepareSecondFactorForm
    from .prepare_verification_form import PrepareVerificationForm
    from .public_organization_data import PublicOrganizationData
    from .public_user_data import PublicUserData
    from .redeem_hosted_auth_form import RedeemHostedAuthForm
    from .reset_password_form import ResetPasswordForm
    from .reverification_attempt_first_factor_form import (
        ReverificationAttemptFirstFactorForm,
    )
    from .reverification_attempt_second_factor_form import (
        ReverificationAttemptSecondFactorForm,
    )
    from .reverification_prepare_first_factor_form import (
        ReverificationPrepareFirstFactorForm,
    )
    from .reverification_prepare_second_factor_form import (
        ReverificationPrepareSecondFactorForm,
    )
    from .reverified_session import ReverifiedSession
    from .reverified_session_actor_type_0 import ReverifiedSessionActorType0
    from .session import Session
    from .session_actor_type_0 import SessionActorType0
    from .session_envelope import SessionEnvelope
    from .session_reverification import SessionReverification
    from .session_reverification_envelope import SessionReverificationEnvelope
    from .session_task import SessionTask
    from .session_token_form import SessionTokenForm
    from .sign_in import SignIn
    from .sign_in_envelope import SignInEnvelope
    from .sign_in_factor import SignInFactor
    from .sign_in_user_data import SignInUserData
    from .sign_up import SignUp
    from .sign_up_envelope import SignUpEnvelope
    from .sign_up_public_metadata_type_0 import SignUpPublicMetadataType0
    from .sign_up_unsafe_metadata_type_0 import SignUpUnsafeMetadataType0
    from .sign_up_verification import SignUpVerification
    from .sign_up_verifications import SignUpVerifications
    from .start_reverification_form import StartReverificationForm
    from .token import Token
    from .totp import TOTP
    from .totp_envelope import TOTPEnvelope
    from .touch_session_form import TouchSessionForm
    from .update_phone_number_form import UpdatePhoneNumberForm
    from .update_sign_up_form import UpdateSignUpForm
    from .update_user_form import UpdateUserForm
    from .update_user_metadata_form import UpdateUserMetadataForm
    from .user import User
    from .user_envelope import UserEnvelope
    from .user_public_metadata_type_0 import UserPublicMetadataType0
    from .user_unsafe_metadata_type_0 import UserUnsafeMetadataType0
    from .verification import Verification
    from .web_3_wallet import Web3Wallet

# Where each model lives: the name -> its module, relative to this package.
_MODULES: dict[str, str] = {
    "AttemptFirstFactorForm": ".attempt_first_factor_form",
    "AttemptIdentificationVerificationForm": ".attempt_identification_verification_form",
    "AttemptSecondFactorForm": ".attempt_second_factor_form",
    "AttemptVerificationForm": ".attempt_verification_form",
    "AuthConfig": ".auth_config",
    "BackupCodes": ".backup_codes",
    "BackupCodesEnvelope": ".backup_codes_envelope",
    "ChangePasswordForm": ".change_password_form",
    "ClerkError": ".clerk_error",
    "ClerkErrorMetaType0": ".clerk_error_meta_type_0",
    "ClerkErrors": ".clerk_errors",
    "ClerkErrorsMetaType0": ".clerk_errors_meta_type_0",
    "Client": ".client",
    "ClientEnvelope": ".client_envelope",
    "CreateEmailAddressForm": ".create_email_address_form",
    "CreateHostedAuthForm": ".create_hosted_auth_form",
    "CreateOrganizationForm": ".create_organization_form",
    "CreatePhoneNumberForm": ".create_phone_number_form",
    "CreateSignInForm": ".create_sign_in_form",
    "CreateSignUpForm": ".create_sign_up_form",
    "DeletedObject": ".deleted_object",
    "DeletedObjectEnvelope": ".deleted_object_envelope",
    "DevBrowser": ".dev_browser",
    "DisplayConfig": ".display_config",
    "EmailAddress": ".email_address",
    "EmailAddressEnvelope": ".email_address_envelope",
    "Environment": ".environment",
    "ExternalAccount": ".external_account",
    "ExternalAccountPublicMetadataType0": ".external_account_public_metadata_type_0",
    "HostedAuth": ".hosted_auth",
    "HostedAuthEnvelope": ".hosted_auth_envelope",
    "IdentificationLink": ".identification_link",
    "Organization": ".organization",
    "OrganizationEnvelope": ".organization_envelope",
    "OrganizationInvitation": ".organization_invitation",
    "OrganizationInvitationEnvelope": ".organization_invitation_envelope",
    "OrganizationInvitationPage": ".organization_invitation_page",
    "OrganizationInvitationPublicMetadataType0": ".organization_invitation_public_metadata_type_0",
    "OrganizationInvitationsEnvelope": ".organization_invitations_envelope",
    "OrganizationMembership": ".organization_membership",
    "OrganizationMembershipPage": ".organization_membership_page",
    "OrganizationMembershipPublicMetadataType0": ".organization_membership_public_metadata_type_0",
    "OrganizationMembershipsEnvelope": ".organization_memberships_envelope",
    "OrganizationPublicMetadataType0": ".organization_public_metadata_type_0",
    "Passkey": ".passkey",
    "PhoneNumber": ".phone_number",
    "PhoneNumberEnvelope": ".phone_number_envelope",
    "PrepareEmailAddressVerificationForm": ".prepare_email_address_verification_form",
    "PrepareFirstFactorForm": ".prepare_first_factor_form",
    "PreparePhoneNumberVerificationForm": ".prepare_phone_number_verification_form",
    "PrepareSecondFactorForm": ".prepare_second_factor_form",
    "PrepareVerificationForm": ".prepare_verification_form",
    "PublicOrganizationData": ".public_organization_data",
    "PublicUserData": ".public_user_data",
    "RedeemHostedAuthForm": ".redeem_hosted_auth_form",
    "ResetPasswordForm": ".reset_password_form",
    "ReverificationAttemptFirstFactorForm": ".reverification_attempt_first_factor_form",
    "ReverificationAttemptSecondFactorForm": ".reverification_attempt_second_factor_form",
    "ReverificationPrepareFirstFactorForm": ".reverification_prepare_first_factor_form",
    "ReverificationPrepareSecondFactorForm": ".reverification_prepare_second_factor_form",
    "ReverifiedSession": ".reverified_session",
    "ReverifiedSessionActorType0": ".reverified_session_actor_type_0",
    "Session": ".session",
    "SessionActorType0": ".session_actor_type_0",
    "SessionEnvelope": ".session_envelope",
    "SessionReverification": ".session_reverification",
    "SessionReverificationEnvelope": ".session_reverification_envelope",
    "SessionTask": ".session_task",
    "SessionTokenForm": ".session_token_form",
    "SignIn": ".sign_in",
    "SignInEnvelope": ".sign_in_envelope",
    "SignInFactor": ".sign_in_factor",
    "SignInUserData": ".sign_in_user_data",
    "SignUp": ".sign_up",
    "SignUpEnvelope": ".sign_up_envelope",
    "SignUpPublicMetadataType0": ".sign_up_public_metadata_type_0",
    "SignUpUnsafeMetadataType0": ".sign_up_unsafe_metadata_type_0",
    "SignUpVerification": ".sign_up_verification",
    "SignUpVerifications": ".sign_up_verifications",
    "StartReverificationForm": ".start_reverification_form",
    "Token": ".token",
    "TOTP": ".totp",
    "TOTPEnvelope": ".totp_envelope",
    "TouchSessionForm": ".touch_session_form",
    "UpdatePhoneNumberForm": ".update_phone_number_form",
    "UpdateSignUpForm": ".update_sign_up_form",
    "UpdateUserForm": ".update_user_form",
    "UpdateUserMetadataForm": ".update_user_metadata_form",
    "User": ".user",
    "UserEnvelope": ".user_envelope",
    "UserPublicMetadataType0": ".user_public_metadata_type_0",
    "UserUnsafeMetadataType0": ".user_unsafe_metadata_type_0",
    "Verification": ".verification",
    "Web3Wallet": ".web_3_wallet",
}


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_MODULES))


__all__ = (
    "AttemptFirstFactorForm",
    "AttemptIdentificationVerificationForm",
    "AttemptSecondFactorForm",
    "AttemptVerificationForm",
    "AuthConfig",
    "BackupCodes",
    "BackupCodesEnvelope",
    "ChangePasswordForm",
    "ClerkError",
    "ClerkErrorMetaType0",
    "ClerkErrors",
    "ClerkErrorsMetaType0",
    "Client",
    "ClientEnvelope",
    "CreateEmailAddressForm",
    "CreateHostedAuthForm",
    "CreateOrganizationForm",
    "CreatePhoneNumberForm",
    "CreateSignInForm",
    "CreateSignUpForm",
    "DeletedObject",
    "DeletedObjectEnvelope",
    "DevBrowser",
    "DisplayConfig",
    "EmailAddress",
    "EmailAddressEnvelope",
    "Environment",
    "ExternalAccount",
    "ExternalAccountPublicMetadataType0",
    "HostedAuth",
    "HostedAuthEnvelope",
    "IdentificationLink",
    "Organization",
    "OrganizationEnvelope",
    "OrganizationInvitation",
    "OrganizationInvitationEnvelope",
    "OrganizationInvitationPage",
    "OrganizationInvitationPublicMetadataType0",
    "OrganizationInvitationsEnvelope",
    "OrganizationMembership",
    "OrganizationMembershipPage",
    "OrganizationMembershipPublicMetadataType0",
    "OrganizationMembershipsEnvelope",
    "OrganizationPublicMetadataType0",
    "Passkey",
    "PhoneNumber",
    "PhoneNumberEnvelope",
    "PrepareEmailAddressVerificationForm",
    "PrepareFirstFactorForm",
    "PreparePhoneNumberVerificationForm",
    "PrepareSecondFactorForm",
    "PrepareVerificationForm",
    "PublicOrganizationData",
    "PublicUserData",
    "RedeemHostedAuthForm",
    "ResetPasswordForm",
    "ReverificationAttemptFirstFactorForm",
    "ReverificationAttemptSecondFactorForm",
    "ReverificationPrepareFirstFactorForm",
    "ReverificationPrepareSecondFactorForm",
    "ReverifiedSession",
    "ReverifiedSessionActorType0",
    "Session",
    "SessionActorType0",
    "SessionEnvelope",
    "SessionReverification",
    "SessionReverificationEnvelope",
    "SessionTask",
    "SessionTokenForm",
    "SignIn",
    "SignInEnvelope",
    "SignInFactor",
    "SignInUserData",
    "SignUp",
    "SignUpEnvelope",
    "SignUpPublicMetadataType0",
    "SignUpUnsafeMetadataType0",
    "SignUpVerification",
    "SignUpVerifications",
    "StartReverificationForm",
    "Token",
    "TOTP",
    "TOTPEnvelope",
    "TouchSessionForm",
    "UpdatePhoneNumberForm",
    "UpdateSignUpForm",
    "UpdateUserForm",
    "UpdateUserMetadataForm",
    "User",
    "UserEnvelope",
    "UserPublicMetadataType0",
    "UserUnsafeMetadataType0",
    "Verification",
    "Web3Wallet",
)
