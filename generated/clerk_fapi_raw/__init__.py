"""A client library for accessing Clerk Frontend API (the subset clerk-fapi speaks)"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .client import AuthenticatedClient, Client


def __getattr__(name: str) -> Any:
    # The clients load on first use (PEP 562): importing the models or types does not create them.
    if name in ("AuthenticatedClient", "Client"):
        from . import client

        value = getattr(client, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = (
    "AuthenticatedClient",
    "Client",
)
