"""Test helpers with a secret key, the way ``@clerk/testing`` does it, through Clerk's Backend API SDK.

Needs the ``backend`` extra (``pip install 'clerk-fapi[backend]'``, which brings ``clerk-backend-api``)::

    from clerk_fapi.backend import Backend

    with Backend() as backend:                      # the secret key from CLERK_SECRET_KEY
        token = backend.testing_token()             # POST /v1/testing_tokens
        client = backend.sign_in_as("jane@example.com", publishable_key="pk_test_...")
        jwt = client.last_active_session.get_token()

``sign_in_as`` finds the user (``GET /v1/users?email_address=``, or by id for ``user_...``), creates a
sign-in token (``POST /v1/sign_in_tokens``, 300 seconds, as ``@clerk/testing``) and signs in on the
Frontend API with ``strategy=ticket``, on a client that sends a fresh testing token as
``__clerk_testing_token`` with every request.

The Backend API is ``https://api.clerk.com`` unless ``api_url`` (or ``CLERK_API_URL``) names another, such
as the emulator's own URL. The secret key is only ever handed to ``clerk-backend-api``: it is never printed,
logged, stored, or put in a ``repr`` or an error message.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from types import TracebackType
from typing import TYPE_CHECKING, Any, Final, Self

import attrs

from ._errors import ClerkError, ConfigurationError

if TYPE_CHECKING:
    from clerk_backend_api import Clerk

    from ._client import Client

__all__ = [
    "DEFAULT_API_URL",
    "ENV_API_URL",
    "ENV_SECRET_KEY",
    "SIGN_IN_TOKEN_SECONDS",
    "Backend",
    "BackendAPIError",
    "BackendError",
    "BackendExtraMissingError",
    "SecretKeyMissingError",
    "SecretKeyRejectedError",
    "TestingToken",
    "UserNotFoundError",
    "sign_in_as",
    "testing_token",
]

ENV_SECRET_KEY: Final = "CLERK_SECRET_KEY"
ENV_API_URL: Final = "CLERK_API_URL"
DEFAULT_API_URL: Final = "https://api.clerk.com"
# @clerk/testing's sign-in tokens live five minutes; they are used at once.
SIGN_IN_TOKEN_SECONDS: Final = 300
_TIMEOUT_MS: Final = 30_000


class BackendError(ClerkError):
    """A Backend API helper failed (see the subclasses)."""


class BackendExtraMissingError(BackendError, ImportError):
    """``clerk-backend-api`` is not installed: ``pip install 'clerk-fapi[backend]'``."""


class SecretKeyMissingError(BackendError, ConfigurationError):
    """No secret key was given and ``CLERK_SECRET_KEY`` is unset, empty, or not a secret key."""


class SecretKeyRejectedError(BackendError):
    """The Backend API refused the secret key (HTTP 401, ``clerk_key_invalid``)."""


class UserNotFoundError(BackendError):
    """No user has the email address or id ``sign_in_as`` was given."""


class BackendAPIError(BackendError):
    """Any other error answer of the Backend API, or no answer at all."""

    def __init__(self, message: str, *, status_code: int | None = None, code: str | None = None) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.code = code


@attrs.frozen
class TestingToken:
    """A testing token: Frontend API requests carry it as ``__clerk_testing_token``."""

    __test__ = False  # not a pytest test class

    token: str = attrs.field(repr=False)
    expires_at: datetime


def _import_sdk() -> Any:
    try:
        import clerk_backend_api
    except ImportError:
        raise BackendExtraMissingError(
            "the Backend API helpers need clerk-backend-api: pip install 'clerk-fapi[backend]'"
        ) from None
    return clerk_backend_api


def _secret_key(given: str | None) -> str:
    key = given if given is not None else os.environ.get(ENV_SECRET_KEY, "")
    key = key.strip()
    if not key:
        raise SecretKeyMissingError(f"no secret key: pass secret_key= or set {ENV_SECRET_KEY}")
    if not key.startswith("sk_") or not key.isprintable() or any(c.isspace() for c in key):
        raise SecretKeyMissingError(
            f"the secret key (from {'secret_key=' if given is not None else ENV_SECRET_KEY}) is not a Clerk "
            "secret key: it should start with sk_test_ or sk_live_"
        )
    return key


def _api_url(given: str | None) -> str:
    url = (given or os.environ.get(ENV_API_URL) or DEFAULT_API_URL).strip().rstrip("/")
    if not url.startswith(("http://", "https://")):
        raise ConfigurationError(f"the Backend API URL must start with http:// or https://, not {url!r}")
    return url.removesuffix("/v1")


class Backend:
    """The Backend API calls test helpers need, made with ``clerk-backend-api`` and a secret key."""

    def __init__(
        self, secret_key: str | None = None, *, api_url: str | None = None, timeout_ms: int = _TIMEOUT_MS
    ) -> None:
        """``secret_key`` defaults to ``CLERK_SECRET_KEY``; ``api_url`` to ``CLERK_API_URL``, else
        ``https://api.clerk.com`` (the SDK is pointed at ``<api_url>/v1``)."""
        self._sdk = _import_sdk()
        self._api_url = _api_url(api_url)
        self._clerk: Clerk = self._sdk.Clerk(
            bearer_auth=_secret_key(secret_key), server_url=self._api_url + "/v1", timeout_ms=timeout_ms
        )

    def __repr__(self) -> str:
        return f"<Backend api_url={self._api_url}>"

    @property
    def api_url(self) -> str:
        """The Backend API's base URL (without ``/v1``)."""
        return self._api_url

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the SDK's HTTP connections."""
        self._clerk.__exit__(None, None, None)  # type: ignore[no-untyped-call]

    def _call(self, what: str, send: Any, **kwargs: Any) -> Any:
        """One SDK call; its failures become this module's errors (never the SDK's text, which may
        quote the request)."""
        models = self._sdk.models
        try:
            return send(**kwargs)
        except models.ClerkBaseError as exc:
            status = exc.status_code
            code = _first_code(exc)
        except Exception as exc:  # the SDK's network errors are plain httpx ones
            raise BackendAPIError(
                f"{what}: cannot reach the Backend API at {self._api_url} ({type(exc).__name__})"
            ) from None
        if status == 401 or code == "clerk_key_invalid":
            raise SecretKeyRejectedError(
                f"{what}: the Backend API at {self._api_url} refused the secret key (HTTP {status}"
                + (f", {code}" if code else "")
                + "); check CLERK_SECRET_KEY"
            ) from None
        raise BackendAPIError(
            f"{what}: the Backend API answered HTTP {status}" + (f" ({code})" if code else ""),
            status_code=status,
            code=code,
        ) from None

    def testing_token(self) -> TestingToken:
        """A new testing token (``POST /v1/testing_tokens``)."""
        got = self._call("creating a testing token", self._clerk.testing_tokens.create)
        return TestingToken(token=got.token, expires_at=datetime.fromtimestamp(got.expires_at, UTC))

    def find_user_id(self, email_or_user_id: str) -> str:
        """The id of the user with this email address (``GET /v1/users?email_address=``) or id."""
        wanted = email_or_user_id.strip()
        if not wanted:
            raise UserNotFoundError("sign_in_as needs an email address or a user id, not an empty string")
        field = "user_id" if wanted.startswith("user_") else "email_address"
        users = self._call("finding the user", self._clerk.users.list, request={field: [wanted], "limit": 1})
        if not users:
            raise UserNotFoundError(f"no user with {field.replace('_', ' ')} {wanted!r} on this instance")
        return str(users[0].id)

    def sign_in_token(self, user_id: str, *, expires_in_seconds: int = SIGN_IN_TOKEN_SECONDS) -> str:
        """A one-use sign-in ticket for ``user_id`` (``POST /v1/sign_in_tokens``)."""
        got = self._call(
            "creating a sign-in token",
            self._clerk.sign_in_tokens.create,
            request={"user_id": user_id, "expires_in_seconds": expires_in_seconds},
        )
        if not got.token:
            raise BackendAPIError("creating a sign-in token: the answer carries no token")
        return str(got.token)

    def sign_in_as(
        self, email_or_user_id: str, *, client: Client | None = None, **client_options: Any
    ) -> Client:
        """Sign the user in with a sign-in token and ``strategy=ticket``; returns the signed-in client.

        Without ``client`` a native-mode :class:`~clerk_fapi.Client` is made from ``client_options``
        (``publishable_key=`` or ``frontend_api=``, ...) with a fresh testing token; the caller closes it.
        """
        from ._client import Client
        from ._errors import SignInIncompleteError

        ticket = self.sign_in_token(self.find_user_id(email_or_user_id))
        if client is None:
            client_options.setdefault("testing_token", self.testing_token().token)
            client_options.setdefault("mode", "native")
            client = Client(**client_options)
        elif client_options:
            raise ConfigurationError("give either client= or options for a new client, not both")
        attempt = client.start_sign_in(strategy="ticket", ticket=ticket)
        if attempt.status != "complete":
            raise SignInIncompleteError(
                str(attempt.status), attempt, f"the ticket sign-in ended {attempt.status}, not complete"
            )
        return client


def _first_code(exc: Any) -> str | None:
    data = getattr(exc, "data", None)
    errors = getattr(data, "errors", None) or []
    if errors:
        return getattr(errors[0], "code", None)
    try:
        body = exc.raw_response.json()
        return str(body["errors"][0]["code"])
    except Exception:
        return None


def testing_token(*, secret_key: str | None = None, api_url: str | None = None) -> str:
    """A new testing token (the token string), for ``Client(testing_token=...)``."""
    with Backend(secret_key, api_url=api_url) as backend:
        return backend.testing_token().token


def sign_in_as(
    email_or_user_id: str,
    *,
    client: Client | None = None,
    secret_key: str | None = None,
    api_url: str | None = None,
    **client_options: Any,
) -> Client:
    """Sign a user in by email address or id with a secret key; see :meth:`Backend.sign_in_as`."""
    with Backend(secret_key, api_url=api_url) as backend:
        return backend.sign_in_as(email_or_user_id, client=client, **client_options)
