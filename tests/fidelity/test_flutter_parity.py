"""The emulator held to real traffic: the flows Clerk's Flutter SDK recorded against a real instance.

For each recorded flow (`../shared/reference/flutter-recordings/`, one folder per flow, see its README) the
emulator is driven in process, in native mode, with the same requests: method, path, form keys, the
recorded form values and the test code 424242, the recorded ids replaced by the emulator's own. Each answer
must then

- carry every key of the real answer, recursively (objects of the same `object` kind; list elements paired
  by `object` and `strategy`, in order), and
- make the same transitions: HTTP status, and the status of the sign-in, sign-up, sessions and
  verifications the answer shows.

Values are not compared (ids, timestamps and tokens differ by nature). Flows or steps the emulator does not
serve are listed below by name with the evidence; a test checks that the lists are exactly the flows that
have unserved steps, so they cannot rot.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from clerk_fapi.testing import Emulator
from clerk_fapi.testing._emulator import ROUTES

RECORDINGS = Path(__file__).resolve().parents[2].parent / "shared" / "reference" / "flutter-recordings"
ENV_VAR = "CLERK_FAPI_FLUTTER_RECORDINGS"
BASE_URL = "https://clerk.example.test"

# Flows not run at all, and flows run up to their first unserved step, each with the evidence. None today:
# the emulator serves every request of every recorded flow, the `/v1/me` ones (profile, email addresses,
# phone numbers, deleting the account) included; a test keeps these lists equal to the flows with an
# unserved step, so a route taken away shows up here.
NOT_RUN: dict[str, str] = {}
CUT_SHORT: dict[str, str] = {}

# The recordings were sanitized before publication: ids, and some keys that looked like ids, became
# placeholders such as `USER_ID` (see ../shared/reference/README.md; e.g. the environment's
# `api_keys_settings` shows `USER_ID` where the real key name was replaced). Such a key has no real name to
# look for, so it is not required of the emulator.
_SANITIZED_KEY = re.compile(r"^[A-Z]+(?:_[A-Z]+)*_ID$")
_ID = re.compile(r"\b(?:sia|sua|sess|idn|user|client|org)_[A-Za-z0-9]+\b")
# Form fields whose value the recording keeps in the answer rather than in `form_values`.
_SIGN_UP_FIELDS = ("email_address", "phone_number", "first_name", "last_name", "username")


def recordings_root() -> Path:
    location = Path(os.environ.get(ENV_VAR) or RECORDINGS)
    if not location.is_dir():
        reason = f"the Flutter recordings were not found at {location} (set {ENV_VAR} to their folder)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{reason}; CI=true requires them", pytrace=False)
        pytest.skip(reason)
    return location


def _flow_names() -> list[str]:
    root = Path(os.environ.get(ENV_VAR) or RECORDINGS)
    if not root.is_dir():
        return []
    return sorted(str(p.parent.relative_to(root)) for p in root.rglob("manifest.json"))


def _served(method: str, path: str) -> bool:
    wanted = "GET" if method == "HEAD" else method
    return any(r.method == wanted and r.pattern.match(path) for r in ROUTES)


@dataclass
class Flow:
    name: str
    folder: Path
    manifest: dict[str, Any]
    steps: list[dict[str, Any]] = field(init=False)

    def __post_init__(self) -> None:
        self.steps = self.manifest["steps"]

    @classmethod
    def load(cls, root: Path, name: str) -> Flow:
        folder = root / name
        return cls(name, folder, json.loads((folder / "manifest.json").read_text(encoding="utf-8")))

    def answer(self, step: dict[str, Any]) -> Any:
        text = (self.folder / step["body"]).read_text(encoding="utf-8")
        body = json.loads(text) if text.strip() else None
        return None if body == "" else body  # a body-less answer (HEAD) is stored as ""

    @property
    def context(self) -> dict[str, str]:
        context: dict[str, str] = self.manifest["context"]
        return context

    def first_unserved(self) -> int | None:
        for index, step in enumerate(self.steps):
            if not _served(step["method"], step["path"]):
                return index
        return None


# ---------------------------------------------------------------- comparison
def _envelope_parts(body: Any) -> Iterator[tuple[str, Any]]:
    if isinstance(body, dict) and set(body) >= {"response", "client"}:
        yield "response", body["response"]
        yield "client", body["client"]
    else:
        yield "", body


def missing_keys(real: Any, ours: Any, where: str, ids: dict[str, str]) -> list[str]:
    """Where `ours` lacks a key of `real` (or an object `real` has), recording id pairs in `ids`."""
    if isinstance(real, dict):
        if not isinstance(ours, dict):
            return [f"{where}: real has an object, the emulator {json.dumps(ours)[:60]}"]
        if real.get("object") != ours.get("object"):
            return [f"{where}: object {real.get('object')!r} vs the emulator's {ours.get('object')!r}"]
        out = [f"{where}.{key}" for key in real if key not in ours and not _SANITIZED_KEY.match(key)]
        for key, value in real.items():
            if key not in ours:
                continue
            if isinstance(value, str) and isinstance(ours[key], str) and _ID.fullmatch(value):
                ids.setdefault(value, ours[key])
            out += missing_keys(value, ours[key], f"{where}.{key}", ids)
        return out
    if isinstance(real, list) and isinstance(ours, list):
        out = []
        available = list(ours)
        for index, item in enumerate(real):
            partner = _partner(item, available)
            if partner is None:
                if isinstance(item, dict):
                    out.append(f"{where}[{index}]: no element like {_signature(item)} in the emulator's list")
                continue
            available.remove(partner)
            out += missing_keys(item, partner, f"{where}[{index}]", ids)
        return out
    return []


def _signature(item: Any) -> tuple[Any, ...]:
    if isinstance(item, dict):
        return (item.get("object"), item.get("strategy"))
    return (type(item).__name__,)


def _partner(item: Any, candidates: list[Any]) -> Any | None:
    if not isinstance(item, dict):
        return candidates[0] if candidates else None
    return next((c for c in candidates if isinstance(c, dict) and _signature(c) == _signature(item)), None)


def transitions(status: int, body: Any) -> dict[str, Any]:
    """The HTTP status and the statuses of what the answer shows."""
    out: dict[str, Any] = {"http": status}
    for part, value in _envelope_parts(body):
        if not isinstance(value, dict):
            out[part or "body"] = None if value is None else type(value).__name__
            continue
        out[f"{part}.object"] = value.get("object")
        if "status" in value:
            out[f"{part}.status"] = value["status"]
        for key in ("first_factor_verification", "second_factor_verification"):
            if key in value:
                out[f"{part}.{key}"] = (value[key] or {}).get("status")
        for key, verification in (value.get("verifications") or {}).items():
            out[f"{part}.verifications.{key}"] = (verification or {}).get("status")
        for key in ("sign_in", "sign_up"):
            if key in value:
                out[f"{part}.{key}"] = (value[key] or {}).get("status")
        if "sessions" in value:
            out[f"{part}.sessions"] = [s.get("status") for s in value["sessions"]]
    return out


# ---------------------------------------------------------------- driving the emulator
class Replay:
    """One flow replayed against a fresh emulator in native mode."""

    def __init__(self, flow: Flow) -> None:
        self.flow = flow
        self.ids: dict[str, str] = {}
        self.token = ""
        answers = [flow.answer(s) for s in flow.steps]
        sign_ups = [a["response"] for a in answers if _object(a) == "sign_up_attempt"]
        self.emulator = Emulator(
            client_trust=any(_status(a) == "needs_client_trust" for a in answers),
            sign_up_required=sign_ups[0]["required_fields"] if sign_ups else ("email_address", "password"),
        )
        if not sign_ups:
            self._seed_user(answers)
        self.http = httpx.Client(base_url=BASE_URL, transport=self.emulator.transport())
        self.previous: Any = None

    def _seed_user(self, answers: list[Any]) -> None:
        """The account the recorded sign-ins found: the flow's `context` identity, as the real user had it."""
        context = self.flow.context
        users = [u for a in answers for u in _users(a)]
        has_phone = not users or any(u.get("phone_numbers") for u in users)
        self.emulator.add_user(
            email_addresses=context["email"],
            phone_numbers=context["phone"] if has_phone else (),
            username=context.get("username"),
            password=context["password"],
            first_name=context.get("first_name"),
            last_name=context.get("last_name"),
        )

    def form(self, step: dict[str, Any], real: Any) -> dict[str, str]:
        values: dict[str, str] = {}
        response = real.get("response") if isinstance(real, dict) else None
        response = response if isinstance(response, dict) else {}
        for key in step["form_keys"]:
            if key in step["form_values"]:
                value = step["form_values"][key]
            elif key == "password":
                value = self.flow.context["password"]
            elif key == "identifier":
                value = response["identifier"]
            elif key in _SIGN_UP_FIELDS and response.get(key):
                value = response[key]
            elif key == "code":
                value = self.flow.context["code"]
            else:
                value = self.flow.context[{"email_address": "email", "phone_number": "phone"}.get(key, key)]
            values[key] = self._ours(value)
        return values

    def _ours(self, text: str) -> str:
        return _ID.sub(lambda m: self.ids.get(m.group(0), m.group(0)), text)

    def before(self, step: dict[str, Any], real: Any) -> None:
        """What the person did between two requests: here, click the email link the recording shows used."""
        was = _client_sign_in(self.previous)
        now = _client_sign_in(real)
        if (
            step["method"] == "GET"
            and was is not None
            and now is not None
            and (was.get("first_factor_verification") or {}).get("strategy") == "email_link"
            and now.get("status") != was.get("status")
        ):
            assert self.emulator.complete_email_link(was["identifier"]), "no email link was waiting"

    def run(self, step: dict[str, Any]) -> tuple[httpx.Response, Any]:
        real = self.flow.answer(step)
        self.before(step, real)
        response = self.http.request(
            step["method"],
            self._ours(step["path"]),
            params={"_is_native": "1", **{k: self._ours(v) for k, v in step["query"].items()}},
            data=self.form(step, real) or None,
            headers={"Authorization": self.token},
        )
        if "authorization" in response.headers:
            self.token = response.headers["authorization"]
        self.previous = real
        return response, real


def _object(answer: Any) -> Any:
    response = answer.get("response") if isinstance(answer, dict) else None
    return response.get("object") if isinstance(response, dict) else None


def _status(answer: Any) -> Any:
    response = answer.get("response") if isinstance(answer, dict) else None
    return response.get("status") if isinstance(response, dict) else None


def _client_sign_in(answer: Any) -> dict[str, Any] | None:
    for _, value in _envelope_parts(answer):
        if isinstance(value, dict) and value.get("object") == "client":
            sign_in = value.get("sign_in")
            return sign_in if isinstance(sign_in, dict) else None
    return None


def _users(answer: Any) -> Iterator[dict[str, Any]]:
    for _, value in _envelope_parts(answer):
        if isinstance(value, dict):
            for session in value.get("sessions") or []:
                yield session["user"]


# ---------------------------------------------------------------- tests
def test_the_recordings_are_there_and_the_exception_lists_name_real_flows() -> None:
    root = recordings_root()
    names = set(_flow_names())
    assert len(names) == 26, f"expected the 26 recorded flows, found {len(names)} in {root}"
    assert set(NOT_RUN) <= names and set(CUT_SHORT) <= names
    assert not set(NOT_RUN) & set(CUT_SHORT)


def test_the_exception_lists_are_exactly_the_flows_with_unserved_steps() -> None:
    root = recordings_root()
    unserved = {n for n in _flow_names() if Flow.load(root, n).first_unserved() is not None}
    assert unserved == set(NOT_RUN) | set(CUT_SHORT)
    for name in CUT_SHORT:
        flow = Flow.load(root, name)
        first = flow.first_unserved()
        assert first is not None
        # What is cut is the clean-up: /v1/me, then at most the GET /v1/client that shows its effect.
        tail = [(s["method"], s["path"].split("?")[0]) for s in flow.steps[first:]]
        assert tail[0] == ("DELETE", "/v1/me"), tail
        assert tail[1:] in ([], [("GET", "/v1/client")]), tail
    for name in NOT_RUN:
        flow = Flow.load(root, name)
        assert any(s["path"].startswith("/v1/me") for s in flow.steps), name


@pytest.mark.parametrize("name", [n for n in _flow_names() if n not in NOT_RUN] or ["<no recordings>"])
def test_the_emulator_answers_like_the_real_service(name: str) -> None:
    root = recordings_root()
    flow = Flow.load(root, name)
    first_unserved = flow.first_unserved()
    steps = flow.steps if first_unserved is None else flow.steps[:first_unserved]
    assert steps, f"{name}: nothing to run"
    replay = Replay(flow)
    problems: list[str] = []
    for number, step in enumerate(steps, start=1):
        label = f"step {number} {step['method']} {step['path']}"
        response, real = replay.run(step)
        ours = response.json() if response.content else None
        expected = transitions(step["status"], real)
        got = transitions(response.status_code, ours)
        if got != expected:
            problems.append(f"{label}: transitions {got} != real {expected}")
            break
        problems += [f"{label}: {m}" for m in missing_keys(real, ours, "body", replay.ids)]
    assert not problems, f"{name}:\n" + "\n".join(problems)
