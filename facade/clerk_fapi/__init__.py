"""clerk_fapi: a Python client for Clerk's Frontend API.

The documented ``Client`` object (the sessions on one device and any sign-in or sign-up in
progress), sync and async::

    from clerk_fapi import Client

    with Client(publishable_key="pk_test_...") as client:
        client.reload()
        print(client.is_new(), client.active_sessions)

Everything users need is importable from here; the generated raw layer (``clerk_fapi_raw``) is an
implementation detail.
"""

from ._answers import MAX_ANSWER_BYTES
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
    PermissionDeniedError,
    RateLimitError,
    ResponseParseError,
    ServerError,
    SignInIncompleteError,
    TokenStoreError,
    UnprocessableEntityError,
)
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
    User,
    Verification,
    VerificationStatus,
    Web3Wallet,
)
from ._resources import AsyncSession, AsyncSignIn, AsyncSignUp, Session, SignIn, SignUp
from ._retry import RetryPolicy
from ._token_store import FileTokenStore, MemoryTokenStore, TokenStore
from ._version import __version__

__all__ = [
    "DEFAULT_API_VERSION",
    "MAX_ANSWER_BYTES",
    "AsyncClient",
    "AsyncSession",
    "AsyncSignIn",
    "AsyncSignUp",
    "AuthenticationError",
    "BadRequestError",
    "ClerkAPIError",
    "ClerkConnectionError",
    "ClerkError",
    "ClerkTimeoutError",
    "Client",
    "ClientClosedError",
    "ClientState",
    "ConfigurationError",
    "ConflictError",
    "EmailAddress",
    "Environment",
    "ErrorDetail",
    "ExternalAccount",
    "FileTokenStore",
    "IdentificationLink",
    "MemoryTokenStore",
    "NotFoundError",
    "Passkey",
    "PermissionDeniedError",
    "PhoneNumber",
    "PublicUserData",
    "RateLimitError",
    "ResponseParseError",
    "RetryPolicy",
    "ServerError",
    "Session",
    "SessionData",
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
    "TokenStore",
    "TokenStoreError",
    "UnprocessableEntityError",
    "User",
    "Verification",
    "VerificationStatus",
    "Web3Wallet",
    "__version__",
]
