"""The emulator's clock: every timestamp the emulator writes and every expiry it checks reads it.

Tests move it forward to expire tokens, verification codes and sessions without sleeping.
"""

from __future__ import annotations

import threading
import time
from datetime import datetime


class Clock:
    """A settable clock. By default it follows the wall clock; once set it only moves when told to."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._frozen_ms: int | None = None
        self._offset_ms = 0

    @property
    def now_ms(self) -> int:
        """Current time as integer Unix milliseconds (the unit of every FAPI timestamp)."""
        with self._lock:
            if self._frozen_ms is not None:
                return self._frozen_ms
            return int(time.time() * 1000) + self._offset_ms

    @property
    def now_s(self) -> int:
        """Current time as integer Unix seconds (the unit of JWT claims)."""
        return self.now_ms // 1000

    def set(self, when: datetime | float | int) -> None:
        """Freeze the clock at `when`: a datetime, or Unix seconds."""
        ms = int(when.timestamp() * 1000) if isinstance(when, datetime) else int(float(when) * 1000)
        with self._lock:
            self._frozen_ms = ms

    def freeze(self) -> None:
        """Stop the clock where it is now."""
        now = self.now_ms
        with self._lock:
            self._frozen_ms = now

    def advance(self, seconds: float) -> None:
        """Move the clock forward (frozen or not) by `seconds`."""
        delta = int(seconds * 1000)
        with self._lock:
            if self._frozen_ms is not None:
                self._frozen_ms += delta
            else:
                self._offset_ms += delta

    def unfreeze(self) -> None:
        """Follow the wall clock again (keeping any offset added by `advance`)."""
        with self._lock:
            self._frozen_ms = None
