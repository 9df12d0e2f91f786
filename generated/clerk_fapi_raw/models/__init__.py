"""Contains all the data models used in inputs/outputs"""

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
from .external_account_public_metadata_type_0 import ExternalAccountPublicMetadataType0
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
from .prepare_email_address_verification_form import PrepareEmailAddressVerificationForm
from .prepare_first_factor_form import PrepareFirstFactorForm
from .prepare_phone_number_verification_form import PreparePhoneNumberVerificationForm
from .prepare_second_factor_form import PrepareSecondFactorForm
from .prepare_verification_form import PrepareVerificationForm
from .public_organization_data import PublicOrganizationData
from .public_user_data import PublicUserData
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
