"""The instance's settings (GET /v1/environment), cached on the client until ``clear_cache``."""

from __future__ import annotations

from .. import _raw
from .._convert import environment_from_generated
from .._engine import Flow
from .._models import Environment
from . import Core


def get(core: Core, refresh: bool) -> Flow[Environment]:
    """The cached environment, or (with ``refresh``, or none cached) the server's."""
    if core._environment is not None and not refresh:
        return core._environment
    environment = yield from core._engine.call(_raw.GET_ENVIRONMENT, convert=environment_from_generated)
    core._environment = environment
    return environment
