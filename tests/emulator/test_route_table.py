"""The route table is the emulator's one URL map, and each handler's docstring names the URLs it serves."""

from __future__ import annotations

import re

from clerk_fapi.testing._routes import ROUTES


def _path(pattern: re.Pattern[str]) -> str:
    return re.sub(r"\(\?P<(\w+)>\[\^/\]\+\)", r"{\1}", pattern.pattern.strip("^$"))


def test_every_route_is_unique_and_named_in_its_handlers_docstring() -> None:
    seen = [(route.method, _path(route.pattern)) for route in ROUTES]
    assert len(seen) == len(set(seen)), "a method and path are mapped twice"
    for route, (method, path) in zip(ROUTES, seen, strict=True):
        doc = route.handler.__doc__ or ""
        assert f"`{method} {path}`" in doc, f"{route.handler.__module__}.{route.handler.__name__}: {doc!r}"
