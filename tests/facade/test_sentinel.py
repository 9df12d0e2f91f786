"""``NOT_GIVEN``: one value, falsy, and itself through copies and pickling."""

from __future__ import annotations

import copy
import pickle

from clerk_fapi._sentinel import NOT_GIVEN, NotGiven


def test_not_given_has_one_value_that_survives_copies_and_pickling() -> None:
    assert NotGiven() is NOT_GIVEN
    assert copy.copy(NOT_GIVEN) is NOT_GIVEN
    assert copy.deepcopy({"a": NOT_GIVEN})["a"] is NOT_GIVEN
    assert pickle.loads(pickle.dumps(NOT_GIVEN)) is NOT_GIVEN


def test_not_given_is_falsy_and_says_what_it_is() -> None:
    assert not NOT_GIVEN
    assert repr(NOT_GIVEN) == "NOT_GIVEN"
