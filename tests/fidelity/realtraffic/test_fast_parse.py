"""The fast path (decoded JSON straight to the read models, ``clerk_fapi._from_json``) and the reference
path (the generated ``from_dict`` and ``clerk_fapi._convert``) agree on every real answer: every recorded
body of Clerk's Flutter SDK, every reference sample and every body of the golden cassettes.

For each answer the facade reads, ``parse_answer`` (which takes the fast path when it can) gives exactly
what the reference path gives: the same read models, compared attribute by attribute with ``extra``
included and the types held equal (``True`` is not ``1``), or the same error with the same message.
Each resource in an answer the facade has no call for yet (``/v1/me``) is read by both paths too.
Mutations of the answers (a value removed, or replaced by one of another type, anywhere) and fields
added later at every depth hold the fast path to the reference path where answers are not usual.
"""

from __future__ import annotations

import copy
import itertools
import json
import random
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import attrs
import httpx
import pytest
import yaml
from clerk_fapi import _answers, _convert, _from_json, _models, _raw
from clerk_fapi._answers import parse_answer
from clerk_fapi._errors import ClerkError, ErrorDetail
from clerk_fapi_raw import models as raw

from .reference import RECORDINGS, SAMPLES, flow_names, load_flow, load_sample, require, sample_files
from .test_lossless import inject
from .walk import endpoint_for

CASSETTES = Path(__file__).resolve().parents[2] / "golden" / "cassettes"
_YAML_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# The reference converter the operations pass to the engine, by the endpoint's generated result.
REFERENCE: dict[type[Any], Callable[[Any], Any]] = {
    raw.ClientEnvelope: _convert.client_from_envelope,
    raw.SessionEnvelope: _convert.session_envelope,
    raw.SignInEnvelope: _convert.sign_in_envelope,
    raw.SignUpEnvelope: _convert.sign_up_envelope,
    raw.Token: _convert.token_jwt,
    raw.Environment: _convert.environment_from_generated,
}

# Resources by their ``object``: (the reference reading, the fast reading).
RESOURCES: dict[str, tuple[Callable[[Any], Any], Callable[[Any], Any]]] = {
    "client": (
        lambda d: _convert.client_state_from_generated(raw.Client.from_dict(d)),
        _from_json.client_state,
    ),
    "session": (lambda d: _convert.session_from_generated(raw.Session.from_dict(d)), _from_json.session),
    "user": (lambda d: _convert.user_from_generated(raw.User.from_dict(d)), _from_json.user),
    "sign_in_attempt": (
        lambda d: _convert.sign_in_from_generated(raw.SignIn.from_dict(d)),
        _from_json.sign_in,
    ),
    "sign_up_attempt": (
        lambda d: _convert.sign_up_from_generated(raw.SignUp.from_dict(d)),
        _from_json.sign_up,
    ),
    "email_address": (
        lambda d: _convert._identification(raw.EmailAddress.from_dict(d), _models.EmailAddress, "r"),
        _from_json._email,
    ),
    "phone_number": (
        lambda d: _convert._identification(raw.PhoneNumber.from_dict(d), _models.PhoneNumber, "r"),
        _from_json._phone,
    ),
}


# ----- the answers ----------------------------------------------------------------------------------
def cassette_answers() -> list[tuple[str, str, str, int, Any]]:
    """(name, method, path, status, body) of every JSON answer in the golden cassettes."""
    answers = []
    for path in sorted(CASSETTES.glob("**/*.yaml")):
        document = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)
        for i, interaction in enumerate(document["interactions"]):
            body = (interaction["response"].get("body") or {}).get("json")
            if body is not None:
                request = interaction["request"]
                answers.append(
                    (
                        f"cassettes/{path.relative_to(CASSETTES)}#{i}",
                        request["method"],
                        httpx.URL(request["uri"]).path,
                        int(interaction["response"]["status"]["code"]),
                        body,
                    )
                )
    return answers


def real_answers() -> list[tuple[str, str | None, str | None, int, Any]]:
    """Every JSON answer of the recordings, the samples and the cassettes."""
    answers: list[tuple[str, str | None, str | None, int, Any]] = []
    for name in flow_names():
        for step in load_flow(name).steps:
            body = step.body()
            if isinstance(body, dict):  # HEAD /v1/health answers an empty string
                answers.append((f"{name}/{step.body_file.name}", step.method, step.path, step.status, body))
    for path in sample_files():
        method, request_path, body = load_sample(path)
        answers.append((f"samples/{path.name}", method, request_path, 400 if "errors" in body else 200, body))
    unique: dict[str, tuple[str, str | None, str | None, int, Any]] = {}
    for answer in answers + cassette_answers():  # the cassettes repeat answers (sync and async runs)
        unique.setdefault(json.dumps(answer[1:], sort_keys=True), answer)
    return list(unique.values())


ANSWERS = real_answers()
IDS = [a[0] for a in ANSWERS]


# ----- comparing ------------------------------------------------------------------------------------
def differences(a: Any, b: Any, where: str = "$") -> list[str]:
    """Where ``a`` and ``b`` differ: attrs classes field by field (``extra`` included, which their
    ``==`` leaves out), mappings key by key, sequences item by item, and every value of the same type."""
    if type(a) is not type(b):
        return [f"{where}: {type(a).__name__} != {type(b).__name__}"]
    if attrs.has(type(a)):
        return [
            d
            for f in attrs.fields(type(a))
            for d in differences(getattr(a, f.name), getattr(b, f.name), f"{where}.{f.name}")
        ]
    if isinstance(a, dict):
        if list(a) != list(b) and set(a) != set(b):
            return [f"{where}: keys {sorted(set(a) ^ set(b))}"]
        return [d for k in a for d in differences(a[k], b[k], f"{where}[{k!r}]")]
    if isinstance(a, list | tuple):
        if len(a) != len(b):
            return [f"{where}: {len(a)} items != {len(b)}"]
        return [
            d for i, (x, y) in enumerate(zip(a, b, strict=True)) for d in differences(x, y, f"{where}[{i}]")
        ]
    if isinstance(a, datetime):
        return [] if a == b and a.tzinfo == b.tzinfo else [f"{where}: {a!r} != {b!r}"]
    return [] if a == b else [f"{where}: {a!r} != {b!r}"]


def outcome(read: Callable[[], Any]) -> tuple[str, Any]:
    """("ok", the result) or ("error", the exception's type and message)."""
    try:
        return "ok", read()
    except ClerkError as exc:
        return "error", (type(exc).__name__, str(exc))


def reference_parse(endpoint: _raw.Endpoint, response: httpx.Response, convert: Callable[[Any], Any]) -> Any:
    """``parse_answer`` through the generated layer only (a converter without a fast twin)."""
    return parse_answer(endpoint, response, lambda parsed: convert(parsed))


def answer_differences(method: str | None, path: str | None, status: int, body: Any) -> list[str]:
    """How the facade's reading of an answer differs from the reference reading (nothing, when they agree)."""
    found: list[str] = []
    endpoint = endpoint_for(method, path) if method and path else None
    if endpoint is None and isinstance(body, dict) and "auth_config" in body:
        endpoint = _raw.GET_ENVIRONMENT
    if endpoint is not None and endpoint.result in REFERENCE and status == 200:
        convert = REFERENCE[endpoint.result]
        response = httpx.Response(200, json=body)
        fast = outcome(lambda: parse_answer(endpoint, response, convert))
        reference = outcome(lambda: reference_parse(endpoint, response, convert))
        if fast[0] != reference[0]:
            found.append(
                f"answer: {fast[0]} (fast) != {reference[0]} (reference): {fast[1]} / {reference[1]}"
            )
        else:
            found += differences(fast[1], reference[1], "answer")
    for where, resource in resources(body):
        reference_read, fast_read = RESOURCES[resource["object"]]
        try:
            expected = reference_read(copy.deepcopy(resource))
        except _READ_FAILURES:
            expected = None
        try:
            got = fast_read(copy.deepcopy(resource))  # the fast readers release what they have read
        except (_from_json.Unusual, _convert.ShapeError):
            continue  # left to the reference path, whatever it makes of it
        if expected is None:
            found.append(f"{where}: the fast path read what the reference path refuses")
        else:
            found += differences(got, expected, where)
    return found


_READ_FAILURES = (_convert.ShapeError, KeyError, TypeError, ValueError, AttributeError)


def resources(value: Any, where: str = "$") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every JSON object in ``value`` whose ``object`` names a resource with a read model."""
    if isinstance(value, dict):
        if isinstance(value.get("object"), str) and value["object"] in RESOURCES:
            yield where, value
        for key, item in value.items():
            yield from resources(item, f"{where}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from resources(item, f"{where}[{i}]")


# ----- mutations ------------------------------------------------------------------------------------
REPLACEMENTS: list[Any] = [None, "", "text", 0, 1.5, True, [], {}, [None], [1], {"id": 1}, -(10**20)]
MUTATIONS_PER_ANSWER = 3


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield (*prefix, key)
            yield from paths(item, (*prefix, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield (*prefix, i)
            yield from paths(item, (*prefix, i))


def mutated(body: Any, path: tuple[Any, ...], replacement: Any) -> Any:
    """A copy of ``body`` with the value at ``path`` replaced (``_REMOVE``: the key removed)."""
    copied = copy.deepcopy(body)
    node = copied
    for key in path[:-1]:
        node = node[key]
    if replacement is _REMOVE:
        del node[path[-1]]
    else:
        node[path[-1]] = copy.deepcopy(replacement)
    return copied


_REMOVE = object()


def mutations(name: str, body: Any) -> list[tuple[tuple[Any, ...], Any]]:
    """A fixed sample (seeded by the answer's name) of (path, replacement) pairs for one answer."""
    rng = random.Random(name)
    candidates = list(paths(body))
    if not candidates:
        return []
    return [
        (rng.choice(candidates), rng.choice([_REMOVE, *REPLACEMENTS])) for _ in range(MUTATIONS_PER_ANSWER)
    ]


# ----- tests ----------------------------------------------------------------------------------------
def test_reference_data_is_there() -> None:
    require(RECORDINGS)
    require(SAMPLES)
    require(CASSETTES)
    assert len(flow_names()) == 26
    assert len([a for a in ANSWERS if a[0].startswith("cassettes/")]) > 100


@pytest.mark.parametrize("decoder", ["installed", "json"])
@pytest.mark.parametrize(("name", "method", "path", "status", "body"), ANSWERS, ids=IDS)
def test_fast_path_reads_every_real_answer_as_the_reference_does(
    name: str,
    method: str | None,
    path: str | None,
    status: int,
    body: Any,
    decoder: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With the decoder in use (msgspec's, with the ``speedups`` extra) and with ``json.loads``."""
    if decoder == "json":
        monkeypatch.setattr(_answers, "decode_json", json.loads)
    assert answer_differences(method, path, status, body) == []


def test_fast_path_takes_the_real_answers_it_is_for() -> None:
    """The real answers of the usual shape never leave the fast path (else the agreement is vacuous)."""
    taken = 0
    for _, method, path, status, body in ANSWERS:
        endpoint = endpoint_for(method, path) if method and path else None
        if endpoint is None or endpoint.result not in REFERENCE or status != 200:
            continue
        # raises Unusual if it gives up (a copy: the fast readers release what they have read)
        _from_json.FAST_CONVERTERS[REFERENCE[endpoint.result]](copy.deepcopy(body))
        taken += 1
    assert taken > 100


@pytest.mark.parametrize(("name", "method", "path", "status", "body"), ANSWERS, ids=IDS)
def test_fast_path_agrees_on_mutated_answers(
    name: str, method: str | None, path: str | None, status: int, body: Any
) -> None:
    for where, replacement in mutations(name, body):
        changed = mutated(body, where, replacement)
        shown = "removed" if replacement is _REMOVE else repr(replacement)
        assert answer_differences(method, path, status, changed) == [], f"{where} {shown}"


@pytest.mark.parametrize(("name", "method", "path", "status", "body"), ANSWERS, ids=IDS)
def test_fast_path_keeps_fields_added_later(
    name: str, method: str | None, path: str | None, status: int, body: Any
) -> None:
    assert answer_differences(method, path, status, inject(body, itertools.count(), top=True)) == []


# ----- the comparison itself must see what differs ----------------------------------------------------
def test_differences_sees_extra_types_and_nesting() -> None:
    one = ErrorDetail("c", "m", None, extra={"a": 1})
    assert differences(one, ErrorDetail("c", "m", None, extra={"a": 1})) == []
    assert differences(one, ErrorDetail("c", "m", None, extra={"a": True})) == ["$.extra['a']: int != bool"]
    assert differences(one, ErrorDetail("c", "m", None, extra={})) == ["$.extra: keys ['a']"]
    assert differences((one,), (one, one)) == ["$: 1 items != 2"]


def test_the_agreement_fails_when_the_fast_path_drops_a_field(monkeypatch: pytest.MonkeyPatch) -> None:
    """A fast path that forgets an attribute (here the session's ``expire_at``) is caught on a real answer."""
    _, method, path, status, body = next(
        a
        for a in ANSWERS
        if a[1:3] == ("GET", "/v1/client") and a[3] == 200 and (a[4].get("response") or {}).get("sessions")
    )
    assert answer_differences(method, path, status, body) == []
    original = _from_json._SESSION

    class Forgetful:
        """The session's plan, its reader forgetting ``expire_at``."""

        def read(self, *args: Any, **kwargs: Any) -> _models.SessionData:
            return attrs.evolve(original.read(*args, **kwargs), expire_at=None)

    monkeypatch.setattr(_from_json, "_SESSION", Forgetful())
    assert any(".expire_at" in found for found in answer_differences(method, path, status, body))


# ----- the fast path releases what it has read --------------------------------------------------------
def _client_answer_with_sessions(count: int) -> dict[str, Any]:
    """A real ``GET /v1/client`` answer whose one session is repeated ``count`` times (ids made distinct)."""
    body = next(
        a[4]
        for a in ANSWERS
        if a[1:3] == ("GET", "/v1/client") and a[3] == 200 and (a[4].get("response") or {}).get("sessions")
    )
    body = copy.deepcopy(body)
    session = body["response"]["sessions"][0]
    body["response"]["sessions"] = [session | {"id": f"{session['id']}_{n}"} for n in range(count)]
    return body


def test_the_fast_path_releases_each_session_once_read() -> None:
    """Each session's decoded JSON is let go as soon as its read model is made, so a reload never holds
    the whole answer twice (decoded and read), which keeps its peak of objects, and so the collector's
    work, near ``json.loads``'s."""
    body = _client_answer_with_sessions(5)
    decoded = json.loads(json.dumps(body))
    state = _from_json.client_from_envelope(decoded)
    assert decoded["response"]["sessions"] == [None] * 5
    reference = reference_parse(
        _raw.GET_CLIENT, httpx.Response(200, json=body), _convert.client_from_envelope
    )
    assert [s.id for s in state.sessions] == [s["id"] for s in body["response"]["sessions"]]
    assert differences(state, reference) == []


def test_an_answer_given_up_part_way_is_read_whole_by_the_generated_layer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """When the fast path gives up on the last session, the sessions it read and released before are not
    lost: the generated layer reads the answer from its bytes."""
    body = _client_answer_with_sessions(4)
    response = httpx.Response(200, json=body)
    reference = reference_parse(_raw.GET_CLIENT, response, _convert.client_from_envelope)
    original = _from_json._SESSION
    seen: list[str] = []

    class GivesUpOnTheLast:
        """The session's plan, giving up on the fourth session."""

        def read(self, data: dict[str, Any], *args: Any, **kwargs: Any) -> _models.SessionData:
            seen.append(data["id"])
            if len(seen) == 4:
                raise _from_json.Unusual("id")
            return original.read(data, *args, **kwargs)  # type: ignore[no-any-return]

    monkeypatch.setattr(_from_json, "_SESSION", GivesUpOnTheLast())
    state = parse_answer(_raw.GET_CLIENT, response, _convert.client_from_envelope)
    assert len(seen) == 4  # three sessions were read (and released) before it gave up
    assert len(state.sessions) == 4
    assert differences(state, reference) == []
