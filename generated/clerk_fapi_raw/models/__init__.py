"""Contains all the data models used in inputs/outputs

Each model's module is imported on first use of its name (PEP 562), so importing this package, or one
model module, does not create every model class.
"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .attempt_first_factor_form import AttemptFirstFactorForm
    from .attempt_second_factor_form import AttemptSecondFactorForm
    from .attempt_verification_form import AttemptVerificationForm
    from .auth_config import AuthConfig
    from .clerk_error import ClerkError
    from .clerk_error_meta_type_0 import ClerkErrorMetaType0
    from .clerk_errors import ClerkErrors
    from .clerk_errors_meta_type_0 import ClerkErrorsMetaType0
    from .client import Client
    from .client_envelope import ClientEnvelope
    from .create_hosted_auth_form import CreateHostedAuthForm
    from .create_sign_in_form import CreateSignInForm
    from .create_sign_up_form import CreateSignUpForm
    from .dev_browser import DevBrowser
    from .display_config import DisplayConfig
    from .email_address import EmailAddress
    from .environment import Environment
    from .external_account import ExternalAccount
    from .external_account_public_metadata_type_0 import (
        ExternalAccountPublicMetadataType0,
    )
    from .hosted_auth import HostedAuth
    from .hosted_auth_envelope import HostedAuthEnvelope
    from .identification_link import IdentificationLink
    from .passkey import Passkey
    from .phone_number import PhoneNumber
    from .prepare_first_factor_form import PrepareFirstFactorForm
    from .prepare_second_factor_form import PrepareSecondFactorForm
    from .prepare_verification_form import PrepareVerificationForm
    from .public_user_data import PublicUserData
    from .redeem_hosted_auth_form import RedeemHostedAuthForm
    from .reset_password_form import ResetPasswordForm
    from .session import Session
    from .session_actor_type_0 import SessionActorType0
    from .session_envelope import SessionEnvelope
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
    from .token import Token
    from .touch_session_form import TouchSessionForm
    from .update_sign_up_form import UpdateSignUpForm
    from .user import User
    from .user_public_metadata_type_0 import UserPublicMetadataType0
    from .user_unsafe_metadata_type_0 import UserUnsafeMetadataType0
    from .verification import Verification
    from .web_3_wallet import Web3Wallet

# Where each model lives: the name -> its module, relative to this package.
_MODULES: dict[str, str] = {
    "AttemptFirstFactorForm": ".attempt_first_factor_form",
    "AttemptSecondFactorForm": ".attempt_second_factor_form",
    "AttemptVerificationForm": ".attempt_verification_form",
    "AuthConfig": ".auth_config",
    "ClerkError": ".clerk_error",
    "ClerkErrorMetaType0": ".clerk_error_meta_type_0",
    "ClerkErrors": ".clerk_errors",
    "ClerkErrorsMetaType0": ".clerk_errors_meta_type_0",
    "Client": ".client",
    "ClientEnvelope": ".client_envelope",
    "CreateHostedAuthForm": ".create_hosted_auth_form",
    "CreateSignInForm": ".create_sign_in_form",
    "CreateSignUpForm": ".create_sign_up_form",
    "DevBrowser": ".dev_browser",
    "DisplayConfig": ".display_config",
    "EmailAddress": ".email_address",
    "Environment": ".environment",
    "ExternalAccount": ".external_account",
    "ExternalAccountPublicMetadataType0": ".external_account_public_metadata_type_0",
    "HostedAuth": ".hosted_auth",
    "HostedAuthEnvelope": ".hosted_auth_envelope",
    "IdentificationLink": ".identification_link",
    "Passkey": ".passkey",
    "PhoneNumber": ".phone_number",
    "PrepareFirstFactorForm": ".prepare_first_factor_form",
    "PrepareSecondFactorForm": ".prepare_second_factor_form",
    "PrepareVerificationForm": ".prepare_verification_form",
    "PublicUserData": ".public_user_data",
    "RedeemHostedAuthForm": ".redeem_hosted_auth_form",
    "ResetPasswordForm": ".reset_password_form",
    "Session": ".session",
    "SessionActorType0": ".session_actor_type_0",
    "SessionEnvelope": ".session_envelope",
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
    "Token": ".token",
    "TouchSessionForm": ".touch_session_form",
    "UpdateSignUpForm": ".update_sign_up_form",
    "User": ".user",
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
    "AttemptSecondFactorForm",
    "AttemptVerificationForm",
    "AuthConfig",
    "ClerkError",
    "ClerkErrorMetaType0",
    "ClerkErrors",
    "ClerkErrorsMetaType0",
    "Client",
    "ClientEnvelope",
    "CreateHostedAuthForm",
    "CreateSignInForm",
    "CreateSignUpForm",
    "DevBrowser",
    "DisplayConfig",
    "EmailAddress",
    "Environment",
    "ExternalAccount",
    "ExternalAccountPublicMetadataType0",
    "HostedAuth",
    "HostedAuthEnvelope",
    "IdentificationLink",
    "Passkey",
    "PhoneNumber",
    "PrepareFirstFactorForm",
    "PrepareSecondFactorForm",
    "PrepareVerificationForm",
    "PublicUserData",
    "RedeemHostedAuthForm",
    "ResetPasswordForm",
    "Session",
    "SessionActorType0",
    "SessionEnvelope",
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
    "Token",
    "TouchSessionForm",
    "UpdateSignUpForm",
    "User",
    "UserPublicMetadataType0",
    "UserUnsafeMetadataType0",
    "Verification",
    "Web3Wallet",
)
