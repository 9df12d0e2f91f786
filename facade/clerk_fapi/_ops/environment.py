"""The instance's settings (GET /v1/environment), cached on the client until ``clear_cache``."""

from __future__ import annotations

from typing import Any

from .. import _raw
from .._convert import answered, environment_from_generated
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


def as_json(core: Core) -> Flow[dict[str, Any]]:
    """The environment as the server sent it, every key kept (to save it, e.g. for the emulator)."""

    model = _raw.GET_ENVIRONMENT.result
    assert model is not None

    def whole(src: Any) -> dict[str, Any]:
        return dict(answered(src, model).to_dict())

    return (yield from core._engine.call(_raw.GET_ENVIRONMENT, convert=whole))
