"""clerk_fapi: a Python client for Clerk's Frontend API.

The documented ``Client`` object (the sessions on one device and any sign-in or sign-up in
progress), sync and async::

    from clerk_fapi import Client

    with Client(publishable_key="pk_test_...") as client:
        client.reload()
        print(client.is_new(), client.active_sessions)

Everything users need is importable from here; the generated raw layer (``clerk_fapi_raw``) is an
implementation detail.

The names are loaded on first use (PEP 562 ``__getattr__``): ``import clerk_fapi`` and the
command line's ``--help`` do not pay for httpx and the generated models until something needs them.
"""

from __future__ import annotations

import importlib

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at start-up (see README, Development)
if TYPE_CHECKING:
    from typing import Any

    from ._account_models import TOTP, BackupCodes, DeletedObject, ReverificationStatus, SessionReverification
    from ._answers import MAX_ANSWER_BYTES
    from ._callbacks import (
        CallbackError,
        CallbackFailedError,
        CallbackParameterError,
        CallbackStateError,
        CallbackURLMismatchError,
        HostedSignInError,
        HostedSignInInProgressError,
        HostedSignInNotStartedError,
        HostedSignInRedeemError,
    )
    from ._client import DEFAULT_API_VERSION, AsyncClient, Client
    from ._errors import (
        AuthenticationError,
        BadRequestError,
        ClerkAPIError,
        ClerkConnectionError,
        ClerkError,
        ClerkTimeoutError,
        ClientClosedError,
        ConfigurationError,
        ConflictError,
        ErrorDetail,
        NotFoundError,
        OrganizationNotFoundError,
        PermissionDeniedError,
        RateLimitError,
        ResponseParseError,
        ReverificationRequiredError,
        ServerError,
        SignInIncompleteError,
        TokenStoreError,
        UnprocessableEntityError,
    )
    from ._external import (
        EmailLinkError,
        EmailLinkExpiredError,
        EmailLinkTimeoutError,
        ExternalAccountExistsError,
        ExternalAccountNotFoundError,
        ExternalVerificationError,
        RedirectCallback,
        parse_callback_url,
    )
    from ._flow_resources import AsyncSignIn, AsyncSignUp, SignIn, SignUp
    from ._models import (
        ClientState,
        EmailAddress,
        Environment,
        ExternalAccount,
        IdentificationLink,
        Passkey,
        PhoneNumber,
        PublicUserData,
        SessionData,
        SessionStatus,
        SignInData,
        SignInFactor,
        SignInStatus,
        SignUpData,
        SignUpStatus,
        SignUpVerifications,
        Strategy,
        UserData,
        Verification,
        VerificationStatus,
        Web3Wallet,
    )
    from ._ops.hosted import HostedSignIn
    from ._organizations import (
        InvitationStatus,
        Organization,
        OrganizationInvitationData,
        OrganizationMembership,
        Page,
        PublicOrganizationData,
    )
    from ._requests_auth import RequestsSessionAuth
    from ._resources import AsyncOrganizationInvitation, AsyncSession, OrganizationInvitation, Session
    from ._retry import RetryPolicy
    from ._session_auth import NotSignedInError, SessionAuth, TokenRetry
    from ._token_store import FileTokenStore, MemoryTokenStore, TokenStore
    from ._user import AsyncUser, User
    from ._version import __version__

# Where each public name lives, loaded by __getattr__ on first use.
_LAZY: dict[str, str] = {
    "EmailLinkError": "._external",
    "EmailLinkExpiredError": "._external",
    "EmailLinkTimeoutError": "._external",
    "ExternalAccountExistsError": "._external",
    "ExternalAccountNotFoundError": "._external",
    "ExternalVerificationError": "._external",
    "RedirectCallback": "._external",
    "parse_callback_url": "._external",
    "AsyncClient": "._client",
    "AsyncOrganizationInvitation": "._resources",
    "AsyncSession": "._resources",
    "AsyncSignIn": "._flow_resources",
    "AsyncSignUp": "._flow_resources",
    "AsyncUser": "._user",
    "BackupCodes": "._account_models",
    "AuthenticationError": "._errors",
    "BadRequestError": "._errors",
    "CallbackError": "._callbacks",
    "CallbackFailedError": "._callbacks",
    "CallbackParameterError": "._callbacks",
    "CallbackStateError": "._callbacks",
    "CallbackURLMismatchError": "._callbacks",
    "ClerkAPIError": "._errors",
    "ClerkConnectionError": "._errors",
    "ClerkError": "._errors",
    "ClerkTimeoutError": "._errors",
    "Client": "._client",
    "ClientClosedError": "._errors",
    "ClientState": "._models",
    "ConfigurationError": "._errors",
    "ConflictError": "._errors",
    "DEFAULT_API_VERSION": "._client",
    "DeletedObject": "._account_models",
    "EmailAddress": "._models",
    "Environment": "._models",
    "ErrorDetail": "._errors",
    "ExternalAccount": "._models",
    "FileTokenStore": "._token_store",
    "HostedSignIn": "._ops.hosted",
    "HostedSignInError": "._callbacks",
    "HostedSignInInProgressError": "._callbacks",
    "HostedSignInNotStartedError": "._callbacks",
    "HostedSignInRedeemError": "._callbacks",
    "IdentificationLink": "._models",
    "InvitationStatus": "._organizations",
    "MAX_ANSWER_BYTES": "._answers",
    "MemoryTokenStore": "._token_store",
    "NotFoundError": "._errors",
    "NotSignedInError": "._session_auth",
    "Organization": "._organizations",
    "OrganizationInvitation": "._resources",
    "OrganizationInvitationData": "._organizations",
    "OrganizationMembership": "._organizations",
    "OrganizationNotFoundError": "._errors",
    "Page": "._organizations",
    "Passkey": "._models",
    "PermissionDeniedError": "._errors",
    "PhoneNumber": "._models",
    "PublicOrganizationData": "._organizations",
    "PublicUserData": "._models",
    "RateLimitError": "._errors",
    "RequestsSessionAuth": "._requests_auth",
    "ResponseParseError": "._errors",
    "ReverificationRequiredError": "._errors",
    "ReverificationStatus": "._account_models",
    "RetryPolicy": "._retry",
    "ServerError": "._errors",
    "Session": "._resources",
    "SessionAuth": "._session_auth",
    "SessionData": "._models",
    "SessionReverification": "._account_models",
    "SessionStatus": "._models",
    "SignIn": "._flow_resources",
    "SignInData": "._models",
    "SignInFactor": "._models",
    "SignInIncompleteError": "._errors",
    "SignInStatus": "._models",
    "SignUp": "._flow_resources",
    "SignUpData": "._models",
    "SignUpStatus": "._models",
    "SignUpVerifications": "._models",
    "Strategy": "._models",
    "TokenRetry": "._session_auth",
    "TOTP": "._account_models",
    "TokenStore": "._token_store",
    "TokenStoreError": "._errors",
    "UnprocessableEntityError": "._errors",
    "User": "._user",
    "UserData": "._models",
    "Verification": "._models",
    "VerificationStatus": "._models",
    "Web3Wallet": "._models",
    "__version__": "._version",
}

__all__ = [
    "DEFAULT_API_VERSION",
    "MAX_ANSWER_BYTES",
    "TOTP",
    "AsyncClient",
    "AsyncOrganizationInvitation",
    "AsyncSession",
    "AsyncSignIn",
    "AsyncSignUp",
    "AsyncUser",
    "AuthenticationError",
    "BackupCodes",
    "BadRequestError",
    "CallbackError",
    "CallbackFailedError",
    "CallbackParameterError",
    "CallbackStateError",
    "CallbackURLMismatchError",
    "ClerkAPIError",
    "ClerkConnectionError",
    "ClerkError",
    "ClerkTimeoutError",
    "Client",
    "ClientClosedError",
    "ClientState",
    "ConfigurationError",
    "ConflictError",
    "DeletedObject",
    "EmailAddress",
    "EmailLinkError",
    "EmailLinkExpiredError",
    "EmailLinkTimeoutError",
    "Environment",
    "ErrorDetail",
    "ExternalAccount",
    "ExternalAccountExistsError",
    "ExternalAccountNotFoundError",
    "ExternalVerificationError",
    "FileTokenStore",
    "HostedSignIn",
    "HostedSignInError",
    "HostedSignInInProgressError",
    "HostedSignInNotStartedError",
    "HostedSignInRedeemError",
    "IdentificationLink",
    "InvitationStatus",
    "MemoryTokenStore",
    "NotFoundError",
    "NotSignedInError",
    "Organization",
    "OrganizationInvitation",
    "OrganizationInvitationData",
    "OrganizationMembership",
    "OrganizationNotFoundError",
    "Page",
    "Passkey",
    "PermissionDeniedError",
    "PhoneNumber",
    "PublicOrganizationData",
    "PublicUserData",
    "RateLimitError",
    "RedirectCallback",
    "RequestsSessionAuth",
    "ResponseParseError",
    "RetryPolicy",
    "ReverificationRequiredError",
    "ReverificationStatus",
    "ServerError",
    "Session",
    "SessionAuth",
    "SessionData",
    "SessionReverification",
    "SessionStatus",
    "SignIn",
    "SignInData",
    "SignInFactor",
    "SignInIncompleteError",
    "SignInStatus",
    "SignUp",
    "SignUpData",
    "SignUpStatus",
    "SignUpVerifications",
    "Strategy",
    "TokenRetry",
    "TokenStore",
    "TokenStoreError",
    "UnprocessableEntityError",
    "User",
    "UserData",
    "Verification",
    "VerificationStatus",
    "Web3Wallet",
    "__version__",
    "parse_callback_url",
]


def __getattr__(name: str) -> Any:
    """Load a public name from its module on first use and keep it here (PEP 562)."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The public names, loaded or not, and the module's own."""
    return sorted(set(globals()) | set(__all__))
