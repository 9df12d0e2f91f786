"""The emulator's ids are shaped like Clerk's and drawn evenly from the base62 alphabet."""

from __future__ import annotations

import re
import string

import pytest
from clerk_fapi.testing import _ids


def test_ids_have_the_prefix_and_27_base62_characters() -> None:
    ids = {_ids.new_id("sess") for _ in range(2000)}
    assert len(ids) == 2000
    assert all(re.fullmatch(r"sess_[A-Za-z0-9]{27}", i) for i in ids)
    # Every character of the alphabet turns up (54,000 draws; a missing one would mean a skewed mapping).
    assert set("".join(i[5:] for i in ids)) == set(string.ascii_letters + string.digits)


def test_bytes_that_would_skew_the_alphabet_are_drawn_again(monkeypatch: pytest.MonkeyPatch) -> None:
    draws = iter([bytes(range(248, 256)) * 4, bytes([0, 61, 62, 247] * 8)])
    monkeypatch.setattr(_ids.secrets, "token_bytes", lambda n: next(draws))
    alphabet = string.ascii_letters + string.digits
    expected = "".join(alphabet[b % 62] for b in [0, 61, 62, 247] * 8)[:27]
    assert _ids.new_id("user") == f"user_{expected}"
