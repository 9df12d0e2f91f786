"""What a handler receives and returns (`Call`, `Answer`) and the instance settings it reads (`Settings`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ._models import Client

if TYPE_CHECKING:
    from ._service import Service

# The emulator's Backend API secret key unless `Emulator(secret_key=...)` names another.
DEFAULT_SECRET_KEY = "sk_test_clerk_fapi_emulator"

DEFAULT_SIGN_UP_REQUIRED = frozenset(
    {"email_address", "first_name", "last_name", "legal_accepted", "password", "phone_number"}
)


@dataclass
class Call:
    """One request as the service sees it."""

    method: str
    path: str
    params: dict[str, str]
    form: dict[str, str]
    query: dict[str, str]
    headers: dict[str, str]
    issuer: str
    client: Client | None = None
    # Set by handlers: the device's client token must be cleared (DELETE /v1/client).
    clear_client: bool = False
    # Backend API requests: the decoded JSON body and the query with its repeated keys.
    json: Any = None
    query_pairs: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Answer:
    status: int
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Settings:
    instance_type: str = "development"
    single_session_mode: bool = False
    native_api_enabled: bool = True
    sign_up_required: frozenset[str] = DEFAULT_SIGN_UP_REQUIRED
    client_trust: bool = False
    max_code_attempts: int = 3
    application_name: str = "clerk-fapi emulator"
    # The secret key Backend API requests must carry (`Authorization: Bearer sk_...`).
    secret_key: str = DEFAULT_SECRET_KEY
    # From a real instance's environment (`Emulator(environment=...)`, see _instance.py); None: defaults.
    environment: dict[str, Any] | None = None
    first_factors: frozenset[str] | None = None
    second_factors: frozenset[str] | None = None
    identifiers: tuple[str, ...] | None = None
    sign_up_optional: tuple[str, ...] | None = None
    # Minutes after which a session's factor verification is too old for a sensitive /v1/me action
    # (the answer is then `session_reverification_required`); None: no reverification.
    reverification_max_age: int | None = None


# An endpoint: the instance's state and the request in, the answer out.
Handler = Callable[["Service", Call], Answer]
