"""The one "argument not given" marker of the library: ``NotGiven`` and its only value ``NOT_GIVEN``.

For an argument where ``None`` is itself a meaningful value (``organization_id=None`` selects the
personal account, ``timeout=None`` is refused), the default is ``NOT_GIVEN`` and the type says so::

    def touch(self, organization_id: str | None | NotGiven = NOT_GIVEN) -> Session: ...
"""

from __future__ import annotations

from typing import Final, Literal, final

__all__ = ["NOT_GIVEN", "NotGiven"]


@final
class NotGiven:
    """The type of :data:`NOT_GIVEN`; it has one value, and it is falsy."""

    _instance: NotGiven | None = None

    def __new__(cls) -> NotGiven:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"

    def __copy__(self) -> NotGiven:
        return self

    def __deepcopy__(self, memo: object) -> NotGiven:
        return self

    def __reduce__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Final = NotGiven()
"""An argument left out (where ``None`` would mean something else)."""
