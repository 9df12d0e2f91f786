"""A client library for accessing Clerk Frontend API (the subset clerk-fapi speaks)"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
