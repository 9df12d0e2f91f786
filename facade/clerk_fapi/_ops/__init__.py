"""The logic of every operation, written once for ``Client`` and ``AsyncClient``, one module per resource.

An *operation* is a :data:`~clerk_fapi._engine.Flow`: a generator that yields the engine's actions
(send this request, sleep this long) and returns the result as read-model data (``ClientState``,
``SessionData``, ``SignInData``, ``SignUpData``...). It reads and updates the client through
:class:`Core`, the narrow view of the client's state it needs; the sync and async shells drive it
(``_run``) and bind the data it returns to themselves.

- :mod:`.client`: the client itself (``/v1/client``), sign-out, and any other endpoint (``request``).
- :mod:`.environment`: the instance's settings (``/v1/environment``).
- :mod:`.sessions`: a session (``/v1/client/sessions/{id}``) and ``set_active``.
- :mod:`.tokens`: session tokens (``/v1/client/sessions/{id}/tokens``) and their cache keys.
- :mod:`.sign_ins`: sign-ins (``/v1/client/sign_ins``).
- :mod:`.sign_ups`: sign-ups (``/v1/client/sign_ups``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from .._errors import ConfigurationError

if TYPE_CHECKING:  # creating a client loads this package (see README, Development > Start-up)
    from .. import _raw
    from .._engine import Engine, Flow
    from .._models import ClientState, Environment
    from .._token_cache import TokenCache

__all__ = ["Core", "call_applying", "form_of"]

D = TypeVar("D")


class Core(Protocol):
    """What an operation sees of a client: its engine, its state and its caches."""

    _environment: Environment | None

    @property
    def _engine(self) -> Engine: ...

    @property
    def _state(self) -> ClientState: ...

    @property
    def _tokens(self) -> TokenCache: ...

    def _apply(self, state: ClientState | None) -> None:
        """Replace the state with the server's snapshot (a None piggyback leaves it as it is)."""

    def _reset(self) -> None:
        """Forget the client: every field back to its empty value, no credentials, no caches."""

    def clear_cache(self) -> None:
        """Drop cached values (the environment, session tokens)."""


def form_of(fields: Mapping[str, Any]) -> dict[str, Any]:
    """Form fields from keyword arguments: None means "not given"; metadata dicts become JSON."""
    form: dict[str, Any] = {}
    for name, value in fields.items():
        if value is None:
            continue
        if name == "unsafe_metadata" and not isinstance(value, str):
            try:
                value = json.dumps(value)
            except (TypeError, ValueError) as exc:
                raise ConfigurationError(f"unsafe_metadata must be JSON-serialisable: {exc}") from exc
        form[name] = value
    return form


def call_applying(
    core: Core,
    endpoint: _raw.Endpoint,
    convert: Callable[[Any], tuple[D, ClientState | None]],
    path: tuple[str, ...] = (),
    form: Mapping[str, Any] | None = None,
) -> Flow[D]:
    """Call an endpoint whose answer is a resource with the client piggybacked (``convert`` splits
    them): apply the client, return the resource."""
    data, state = yield from core._engine.call(endpoint, path=path, form=form, convert=convert)
    core._apply(state)
    return data
