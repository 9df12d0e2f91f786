"""The one "no value given" sentinel, distinct from None (which is a value: "clear it")."""

from __future__ import annotations

from typing import Final, final


@final
class NotGiven:
    """The type of :data:`NOT_GIVEN`: an argument or field that was not given at all."""

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Final = NotGiven()
