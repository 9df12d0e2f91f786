"""Which cassettes come from the emulator and which from a real instance (see README.md)."""

from __future__ import annotations

import ipaddress
import json
from pathlib import Path
from urllib.parse import urlsplit

from .provenance import EMULATOR_SOURCE, INSTANCE_SOURCE, commit_exists, instance_source
from .scrub import CassetteFormat

CASSETTES = Path(__file__).parent / "cassettes"
# Cassettes recorded against a real Clerk instance, by path under cassettes/. Empty: every cassette is an
# emulator recording. Recording against an instance (make record with CLERK_PUBLISHABLE_KEY) rewrites all
# but the emulator_only ones: list them here and update README.md.
REAL_INSTANCE_CASSETTES: frozenset[str] = frozenset()


def hosts(path: Path) -> set[str]:
    cassette = CassetteFormat.deserialize(path.read_text("utf-8"))
    return {urlsplit(i["request"]["uri"]).hostname or "" for i in cassette["interactions"]}


def is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def test_real_instance_cassettes_are_the_listed_ones() -> None:
    cassettes = sorted(CASSETTES.rglob("*.yaml"))
    assert cassettes, "no cassettes recorded yet (make record)"
    real = set()
    for path in cassettes:
        found = hosts(path)
        assert all(map(is_loopback, found)) or not any(map(is_loopback, found)), f"{path}: mixed sources"
        if not any(map(is_loopback, found)):
            real.add(str(path.relative_to(CASSETTES)))
    assert real == REAL_INSTANCE_CASSETTES


def source_of(cassette: Path) -> str:
    notes = json.loads(cassette.with_suffix(".notes.json").read_text("utf-8"))
    source: str = notes["source"]
    return source


def test_every_cassette_names_where_it_was_recorded() -> None:
    for path in sorted(CASSETTES.rglob("*.yaml")):
        source, found = source_of(path), hosts(path)
        name = str(path.relative_to(CASSETTES))
        if name in REAL_INSTANCE_CASSETTES:
            match = INSTANCE_SOURCE.fullmatch(source)
            assert match is not None, f"{name}: a real-instance cassette names its host, not {source!r}"
            assert found == {match["host"]}, f"{name}: recorded against {found}, says {source!r}"
        else:
            match = EMULATOR_SOURCE.fullmatch(source)
            assert match is not None, f"{name}: an emulator cassette names the commit, not {source!r}"
            assert commit_exists(match["commit"]) is not False, f"{name}: no commit {match['commit']}"


def test_an_instance_source_names_its_frontend_api_host() -> None:
    assert instance_source("https://clerk.example.accounts.dev") == "instance@clerk.example.accounts.dev"
    assert INSTANCE_SOURCE.fullmatch("instance@clerk.example.accounts.dev")
    assert not EMULATOR_SOURCE.fullmatch("emulator@main")


def test_hosts_tell_the_sources_apart() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("localhost")
    assert not is_loopback("clerk.example.accounts.dev")
