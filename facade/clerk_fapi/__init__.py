"""clerk_fapi: a Python client for Clerk's Frontend API.

The public entry point. Users import everything they need from here; the generated
raw layer (``clerk_fapi_raw``) is an implementation detail.
"""

from ._version import __version__

__all__ = ["__version__"]
