"""The fixtures of :mod:`clerk_fapi.pytest_plugin`, under the name earlier releases documented.

pytest loads that plugin by itself (entry point ``clerk_fapi``), so ``pytest_plugins =
["clerk_fapi.testing.pytest_plugin"]`` in a conftest.py is needed only where it is disabled with
``-p no:clerk_fapi``.
"""

from __future__ import annotations

from ..pytest_plugin import (
    clerk_async_client,
    clerk_async_http,
    clerk_client,
    clerk_emulator,
    clerk_http,
    clerk_session_token,
    clerk_user,
    clerk_verification,
    fapi_emulator,
    fapi_server,
)

__all__ = [
    "clerk_async_client",
    "clerk_async_http",
    "clerk_client",
    "clerk_emulator",
    "clerk_http",
    "clerk_session_token",
    "clerk_user",
    "clerk_verification",
    "fapi_emulator",
    "fapi_server",
]
