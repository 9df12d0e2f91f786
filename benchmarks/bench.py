"""What the facade costs, as ratios against physical baselines measured in the same run.

Every case pairs the facade (the subject) with the cheapest way to get the same result (the baseline):
``json.loads`` of the same bytes, raw httpx on a static ``httpx.MockTransport``, a minimal loopback
server returning the same bytes, ``import httpx``, ``python -c pass``, a dict lookup. Subject and
baseline alternate within each round (the order flips every round), so drift on a shared machine hits
both; the table shows the median ratio of the rounds and its spread (interquartile range), with the
target beside it.

Bodies with N sessions come from the emulator: N users signed in on one client, ``GET /v1/client``
read back. The 1,000-session body repeats the 100 emulator sessions with fresh ids (signing in 1,000
times would take minutes).

One case is not a ratio but a fit: the emulator in process answering ``GET /v1/client`` with 1 to
1,000 sessions, reported as the exponent of cost against session count (1 = linear).

``make bench`` runs it (``--quick`` for a shorter run). Progress goes to stderr; the table goes to
stdout, ``benchmarks/results/latest.md`` and the README's Performance table (between its
``<!-- bench:begin -->`` and ``<!-- bench:end -->`` lines; not for ``--quick``); the plot of cost
against session count to ``benchmarks/results/sessions.png``.
"""

from __future__ import annotations

import argparse
import asyncio
import copy
import datetime
import gc
import http.server
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import threading
import time
import tracemalloc
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from clerk_fapi import AsyncClient, Client
from clerk_fapi import _raw as raw_layer
from clerk_fapi._answers import parse_answer
from clerk_fapi._convert import client_from_envelope
from clerk_fapi.testing import Emulator

BASE = "https://fapi.bench.test"
PASSWORD = "bench password 1"
RESULTS = Path(__file__).resolve().parent / "results"
README = Path(__file__).resolve().parents[1] / "README.md"
# make bench rewrites what lies between these two lines of the README (its Performance table).
README_BEGIN = "<!-- bench:begin -->"
README_END = "<!-- bench:end -->"
JSON_HEADERS = {"content-type": "application/json"}
SESSION_COUNTS = (1, 20, 100, 1000)


def progress(message: str) -> None:
    print(f"... {message}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------- bodies
def _email(i: int) -> str:
    return f"bench{i}+clerk_test@example.com"


def emulator_with_users(emulator: Emulator, users: int) -> None:
    for i in range(users):
        emulator.add_user(email_addresses=_email(i), password=PASSWORD)


def client_body(sessions: int) -> bytes:
    """The bytes of ``GET /v1/client`` for one client with ``sessions`` users signed in on the emulator."""
    emulator = Emulator()
    emulator_with_users(emulator, min(sessions, 100))
    http = httpx.Client(transport=emulator.transport(), base_url=BASE)
    token = http.post("/v1/client", params={"_is_native": "1"}).headers["authorization"]
    for i in range(min(sessions, 100)):
        answer = http.post(
            "/v1/client/sign_ins",
            params={"_is_native": "1"},
            headers={"Authorization": token},
            data={"strategy": "password", "identifier": _email(i), "password": PASSWORD},
        )
        answer.raise_for_status()
        token = answer.headers.get("authorization") or token
    body = http.get("/v1/client", params={"_is_native": "1"}, headers={"Authorization": token}).content
    if sessions <= 100:
        return body
    return _replicated(body, sessions)


def _replicated(body: bytes, sessions: int) -> bytes:
    """``body`` with its sessions repeated (each copy with fresh session and user ids) up to ``sessions``."""
    envelope = json.loads(body)
    originals = envelope["response"]["sessions"]
    grown = []
    for n in range(sessions):
        session = copy.deepcopy(originals[n % len(originals)])
        suffix = f"x{n // len(originals)}"
        session["id"] += suffix
        session["user"]["id"] += suffix
        grown.append(session)
    envelope["response"]["sessions"] = grown
    return json.dumps(envelope, separators=(",", ":")).encode()


def users_body(body: bytes) -> bytes:
    """The users of a ``GET /v1/client`` body, as a JSON array (what the peer parses)."""
    return json.dumps([s["user"] for s in json.loads(body)["response"]["sessions"]]).encode()


# ----------------------------------------------------------------------------------------------- timing
@dataclass
class Case:
    """One comparison: ``subject`` and ``baseline`` are called ``number`` times per round (by default as
    many times as the subject takes to fill the round's time budget)."""

    name: str
    subject: Callable[[], Any]
    baseline: Callable[[], Any]
    target: float | None
    number: int | None = None
    subject_label: str = "facade"
    baseline_label: str = "baseline"
    cleanup: Callable[[], None] | None = None
    ratios: list[float] = field(default_factory=list)
    subject_times: list[float] = field(default_factory=list)
    baseline_times: list[float] = field(default_factory=list)


def _per_call(fn: Callable[[], Any], number: int) -> float:
    start = time.perf_counter()
    for _ in range(number):
        fn()
    return (time.perf_counter() - start) / number


def measure(case: Case, rounds: int, budget: float = 0.1) -> Case:
    """Interleaved rounds: subject then baseline, baseline then subject, ... (after one warm-up call each);
    unless the case fixes ``number``, each round calls the subject for about ``budget`` seconds."""
    start = time.perf_counter()
    case.subject()
    once = time.perf_counter() - start
    case.baseline()
    number = case.number or max(1, min(5000, round(budget / max(once, 1e-7))))
    if case.number is None and number > 1:  # the first call paid for imports and caches: calibrate again
        number = max(1, min(5000, round(budget / max(_per_call(case.subject, min(number, 50)), 1e-7))))
    gc.collect()
    for r in range(rounds):
        if r % 2:
            b = _per_call(case.baseline, number)
            s = _per_call(case.subject, number)
        else:
            s = _per_call(case.subject, number)
            b = _per_call(case.baseline, number)
        case.subject_times.append(s)
        case.baseline_times.append(b)
        case.ratios.append(s / b)
    if case.cleanup is not None:
        case.cleanup()
    return case


def quartiles(values: list[float]) -> tuple[float, float, float]:
    if len(values) < 2:
        return values[0], values[0], values[0]
    q1, q2, q3 = statistics.quantiles(values, n=4, method="inclusive")
    return q1, q2, q3


# ------------------------------------------------------------------------------------------------ cases
def parse_case(body: bytes, sessions: int, *, stdlib: bool = False) -> Case:
    """The facade's parse of a ``GET /v1/client`` answer ÷ ``json.loads`` of the same bytes.

    The subject is what ``reload()`` runs on the answer httpx hands it: the bytes decoded as JSON,
    checked and read into the read models (the fast path, or the generated layer where the answer is
    unusual). The ``httpx.Response`` holding the bytes is built once, outside the timing, as the
    baseline's bytes are (the transport builds it in ``reload()``; the reload case times that).
    ``stdlib``: decoded by ``json.loads`` (as without the ``speedups`` extra), reported with no
    target of its own beside the parse with the decoder in use."""
    from clerk_fapi import _answers

    response = httpx.Response(200, content=body, headers=JSON_HEADERS)
    decoder = json.loads if stdlib else _answers.decode_json

    def facade() -> Any:
        installed, _answers.decode_json = _answers.decode_json, decoder
        try:
            return parse_answer(raw_layer.GET_CLIENT, response, client_from_envelope)
        finally:
            _answers.decode_json = installed

    without = ", without speedups (json.loads decoding)" if stdlib else ""
    return Case(
        f"parse GET /v1/client, {sessions} sessions{without} ÷ json.loads",
        facade,
        lambda: json.loads(body),
        None if stdlib else 3.0,
        baseline_label="json.loads",
    )


def decoder_in_use() -> str:
    """The fast path's JSON decoder, for the report."""
    from clerk_fapi import _answers

    return "json.loads" if _answers.decode_json is json.loads else "msgspec (the speedups extra)"


def static_transport(body: bytes) -> httpx.MockTransport:
    return httpx.MockTransport(lambda request: httpx.Response(200, content=body, headers=JSON_HEADERS))


def reload_case(body: bytes, sessions: int) -> Case:
    """``client.reload()`` in process ÷ raw httpx GET + ``json.loads``, both on a static transport."""
    client = Client(frontend_api=BASE, transport=static_transport(body))
    http = httpx.Client(transport=static_transport(body), base_url=BASE)

    def raw_get() -> Any:
        return json.loads(http.get("/v1/client", params={"_is_native": "1"}).content)

    def close() -> None:
        client.close()
        http.close()

    return Case(
        f"client.reload(), {sessions} sessions ÷ raw httpx GET + json.loads",
        client.reload,
        raw_get,
        1.3 if sessions == 1 else 2.5,
        baseline_label="raw httpx",
        cleanup=close,
    )


def async_case(body: bytes, tasks: int = 100) -> Case:
    """``tasks`` concurrent ``AsyncClient.reload()`` ÷ as many concurrent raw httpx GETs + ``json.loads``."""
    client = AsyncClient(frontend_api=BASE, transport=static_transport(body))
    http = httpx.AsyncClient(transport=static_transport(body), base_url=BASE)
    loop = asyncio.new_event_loop()

    async def raw_get() -> Any:
        return json.loads((await http.get("/v1/client", params={"_is_native": "1"})).content)

    async def many(fn: Callable[[], Any]) -> None:
        await asyncio.gather(*(fn() for _ in range(tasks)))

    def close() -> None:
        loop.run_until_complete(client.aclose())
        loop.run_until_complete(http.aclose())
        loop.close()

    return Case(
        f"async: {tasks} concurrent reload() ÷ raw httpx + json.loads",
        lambda: loop.run_until_complete(many(client.reload)),
        lambda: loop.run_until_complete(many(raw_get)),
        2.5,
        number=1,
        baseline_label="raw httpx",
        cleanup=close,
    )


class _StaticHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    body = b""

    def _answer(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        if length:
            self.rfile.read(length)
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    do_GET = _answer
    do_POST = _answer

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def minimal_server(body: bytes) -> Iterator[str]:
    """A minimal loopback server (http.server, Nagle off) answering every request with ``body``."""
    handler = type("Handler", (_StaticHandler,), {"body": body})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def loopback_cases(sessions: int = 1, number: int | None = None) -> list[Case]:
    """The emulator through ``emulator.serve()`` ÷ a minimal server returning the same bytes:
    ``GET /v1/client`` and a password sign-in (each on a fresh client)."""
    emulator = Emulator()
    emulator_with_users(emulator, max(sessions, 1))
    server = emulator.serve().start()
    emu_http = httpx.Client(base_url=server.url)
    token = emu_http.post("/v1/client", params={"_is_native": "1"}).headers["authorization"]
    for i in range(sessions):
        emu_http.post(
            "/v1/client/sign_ins",
            params={"_is_native": "1"},
            headers={"Authorization": token},
            data={"strategy": "password", "identifier": _email(i), "password": PASSWORD},
        ).raise_for_status()

    def emu_get() -> bytes:
        answer = emu_http.get("/v1/client", params={"_is_native": "1"}, headers={"Authorization": token})
        return answer.raise_for_status().content

    def emu_sign_in() -> bytes:
        answer = emu_http.post(
            "/v1/client/sign_ins",
            params={"_is_native": "1"},
            headers={"Authorization": ""},
            data={"strategy": "password", "identifier": _email(0), "password": PASSWORD},
        )
        return answer.raise_for_status().content

    servers = [minimal_server(emu_get()), minimal_server(emu_sign_in())]
    get_url, sign_in_url = (s.__enter__() for s in servers)
    get_http = httpx.Client(base_url=get_url)
    sign_in_http = httpx.Client(base_url=sign_in_url)

    def close() -> None:
        for client in (emu_http, get_http, sign_in_http):
            client.close()
        for s in servers:
            s.__exit__(None, None, None)
        server.stop()

    minimal_get = Case(
        "loopback: emulator.serve() ÷ minimal server, GET /v1/client",
        emu_get,
        lambda: (
            get_http.get("/v1/client", params={"_is_native": "1"}, headers={"Authorization": token}).content
        ),
        2.0,
        number=number,
        subject_label="emulator",
        baseline_label="minimal server",
    )
    minimal_sign_in = Case(
        "loopback: emulator.serve() ÷ minimal server, sign-in",
        emu_sign_in,
        lambda: (
            sign_in_http.post(
                "/v1/client/sign_ins",
                params={"_is_native": "1"},
                headers={"Authorization": ""},
                data={"strategy": "password", "identifier": _email(0), "password": PASSWORD},
            ).content
        ),
        2.5,
        number=number,
        subject_label="emulator",
        baseline_label="minimal server",
        cleanup=close,
    )
    return [minimal_get, minimal_sign_in]


@dataclass
class Fit:
    """How a cost grows: per-call medians at several sizes, and the exponent of a least-squares line
    through them on log-log axes (1 = linear). Each round times every size once (the order flips every
    round); the spread is the interquartile range of the exponents fitted round by round."""

    name: str
    calls: dict[int, Callable[[], Any]]
    target: float | None
    number: int = 3
    cleanup: Callable[[], None] | None = None
    times: dict[int, list[float]] = field(default_factory=dict)
    exponents: list[float] = field(default_factory=list)


def fitted_exponent(points: dict[int, float]) -> float:
    """The slope of the least-squares line through ``(log size, log time)``."""
    xs = [math.log(size) for size in points]
    ys = [math.log(time_) for time_ in points.values()]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)


def measure_fit(fit: Fit, rounds: int) -> Fit:
    sizes = sorted(fit.calls)
    for size in sizes:  # warm-up
        fit.calls[size]()
    gc.collect()
    fit.times = {size: [] for size in sizes}
    for r in range(rounds):
        for size in reversed(sizes) if r % 2 else sizes:
            fit.times[size].append(_per_call(fit.calls[size], fit.number))
        fit.exponents.append(fitted_exponent({size: fit.times[size][-1] for size in sizes}))
    if fit.cleanup is not None:
        fit.cleanup()
    return fit


def seeded_emulator(sessions: int) -> tuple[Emulator, str]:
    """An emulator with ``sessions`` users signed in on one client (a device token returned), each user
    a member of one of ``sessions // 10 + 1`` organizations. The sessions are made by the emulator's own
    sign-in step (its ``create_session``), not over HTTP: 1,000 sign-ins, each answered with the whole
    client, would take minutes."""
    from clerk_fapi.testing._call import Call

    emulator = Emulator()
    users = [emulator.add_user(email_addresses=_email(i), password=PASSWORD).id for i in range(sessions)]
    orgs = [emulator.add_organization(f"Bench org {n}").id for n in range(sessions // 10 + 1)]
    for i, user_id in enumerate(users):
        emulator.add_membership(orgs[i % len(orgs)], user_id)
    http = httpx.Client(transport=emulator.transport(), base_url=BASE)
    token = http.post("/v1/client", params={"_is_native": "1"}).headers["authorization"]
    http.close()
    svc = emulator._service
    with emulator._lock:
        (client,) = svc.clients.values()
        call = Call("POST", "/v1/client/sign_ins", {}, {}, {}, {}, BASE, client)
        for user_id in users:
            svc.create_session(call, client, svc.users[user_id], second_factor=False, strategy="password")
    return emulator, token


def emulator_scaling_fit(sizes: tuple[int, ...] = SESSION_COUNTS, number: int = 3) -> Fit:
    """The emulator in process (``emulator.transport()``), ``GET /v1/client`` with 1 to 1,000 sessions."""
    clients: list[httpx.Client] = []
    calls: dict[int, Callable[[], Any]] = {}
    for size in sizes:
        emulator, token = seeded_emulator(size)
        http = httpx.Client(transport=emulator.transport(), base_url=BASE)
        clients.append(http)

        def get(http: httpx.Client = http, token: str = token) -> bytes:
            answer = http.get("/v1/client", params={"_is_native": "1"}, headers={"Authorization": token})
            return answer.raise_for_status().content

        assert len(json.loads(get())["response"]["sessions"]) == size  # checked once, outside the timing
        calls[size] = get

    def close() -> None:
        for http in clients:
            http.close()

    return Fit(
        f"emulator in process, GET /v1/client: exponent over {', '.join(map(str, sizes))} sessions",
        calls,
        1.1,
        number=number,
        cleanup=close,
    )


def signed_in_client(sessions: int) -> Client:
    """A Client on the emulator's in-process transport with ``sessions`` signed-in users."""
    emulator = Emulator()
    emulator_with_users(emulator, sessions)
    client = Client(frontend_api=BASE, transport=emulator.transport())
    client.create()
    for i in range(sessions):
        client.sign_in_with_password(_email(i), PASSWORD)
    return client


def token_cases(client: Client, sessions: int) -> list[Case]:
    """A cached ``get_token()`` ÷ a dict lookup: on a Session, and via ``client.last_active_session``."""
    session = client.last_active_session
    assert session is not None
    session.get_token()
    cache = {session.id: "token"}
    return [
        Case(
            f"cached session.get_token(), {sessions} sessions ÷ dict lookup",
            session.get_token,
            lambda: cache.get(session.id),
            10.0,
            baseline_label="dict lookup",
        ),
        Case(
            f"cached client.last_active_session.get_token(), {sessions} sessions ÷ dict lookup",
            lambda: client.last_active_session.get_token(),  # type: ignore[union-attr]
            lambda: cache.get(session.id),
            10.0,
            baseline_label="dict lookup",
        ),
    ]


def sessions_case(many: Client, one: Client, sessions: int) -> Case:
    """``client.sessions`` with many sessions ÷ with one: O(1) after the first access means ≈ 1x."""
    return Case(
        f"client.sessions, {sessions} sessions ÷ 1 session",
        lambda: many.sessions,
        lambda: one.sessions,
        2.0,
        baseline_label="1 session",
    )


def process_env() -> dict[str, str]:
    """The environment of the start-up processes: bytecode is written next to the sources and read back
    (as after ``pip install``, which compiles it), for every module on both sides, whatever
    ``PYTHONDONTWRITEBYTECODE`` says; the first (warm-up) run of each command writes what is missing."""
    unset = ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")
    return {k: v for k, v in os.environ.items() if k not in unset}


def _runner(env: dict[str, str]) -> Callable[[list[str]], None]:
    def run(argv: list[str]) -> None:
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)

    return run


def cli_command() -> list[str]:
    script = shutil.which("clerk-fapi", path=str(Path(sys.executable).parent))
    return [script, "--help"] if script else [sys.executable, "-m", "clerk_fapi", "--help"]


IMPORTS = ("import clerk_fapi", "from clerk_fapi import Client", "from clerk_fapi import AsyncClient")


def startup_cases(number: int = 1) -> list[Case]:
    """Whole processes: ``import clerk_fapi``, ``from clerk_fapi import Client`` and ``AsyncClient``
    ÷ ``import httpx``; ``clerk-fapi --help`` ÷ ``python -c pass``. Bytecode is cached (see
    :func:`process_env`)."""
    py = sys.executable
    _run = _runner(process_env())
    imports = [
        Case(
            f"{code} ÷ import httpx (whole process)",
            lambda code=code: _run([py, "-c", code]),
            lambda: _run([py, "-c", "import httpx"]),
            1.3,
            number=number,
            subject_label=code,
            baseline_label="import httpx",
        )
        for code in IMPORTS
    ]
    return [
        *imports,
        Case(
            "clerk-fapi --help ÷ python -c pass",
            lambda: _run(cli_command()),
            lambda: _run([py, "-c", "pass"]),
            3.0,
            number=number,
            subject_label="clerk-fapi --help",
            baseline_label="python -c pass",
        ),
    ]


def peer_user_class() -> Any:
    """Clerk's official Python SDK (clerk-backend-api): its pydantic model of a User."""
    from clerk_backend_api.models.user import User

    return User


def peer_case(body: bytes, sessions: int) -> Case:
    """clerk-backend-api parsing the same users into its ``User`` models ÷ ``json.loads`` of those bytes.

    Its User is the Backend API's; the Frontend API's users carry the same core fields (ids, names,
    emails, phones, metadata, timestamps) and it reads them with pydantic validation."""
    from pydantic import TypeAdapter

    users = users_body(body)
    adapter = TypeAdapter(list[peer_user_class()])
    return Case(
        f"peer: clerk-backend-api User, {sessions} users ÷ json.loads",
        lambda: adapter.validate_json(users),
        lambda: json.loads(users),
        None,
        subject_label="clerk-backend-api",
        baseline_label="json.loads",
    )


def retained_bytes(build: Callable[[], Any]) -> int:
    """Bytes still allocated (tracemalloc) while the result of ``build()`` is held."""
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    held = build()
    gc.collect()
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    del held
    return after - before


def memory_row(body: bytes, sessions: int) -> tuple[str, float, float]:
    """Memory retained per parsed byte: the facade's ClientState ÷ ``json.loads``'s dicts."""

    def facade() -> Any:
        response = httpx.Response(200, content=body, headers=JSON_HEADERS)
        return parse_answer(raw_layer.GET_CLIENT, response, client_from_envelope)

    facade()  # imports and caches outside the measurement
    subject = retained_bytes(facade) / len(body)
    baseline = retained_bytes(lambda: json.loads(body)) / len(body)
    return f"memory retained per parsed byte, {sessions} sessions", subject, baseline


# ----------------------------------------------------------------------------------------------- report
def _fmt_time(seconds: float) -> str:
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds * 1e6:.1f} µs"


def _met(value: float, target: float | None) -> str:
    return "—" if target is None else ("yes" if value <= target else "no")


def fit_rows(fit: Fit) -> list[str]:
    """Two rows: the exponent over every size, and over the two largest (where a square would show)."""
    sizes = sorted(fit.times)
    target = f"≤ {fit.target:g}" if fit.target is not None else "—"
    rows = []
    for label, chosen in (("", sizes), (f", {sizes[-2]} → {sizes[-1]} only", sizes[-2:])):
        per_round = [
            fitted_exponent({size: fit.times[size][r] for size in chosen}) for r in range(len(fit.exponents))
        ]
        q1, _, q3 = quartiles(per_round)
        exponent = fitted_exponent({size: statistics.median(fit.times[size]) for size in chosen})
        rows.append(
            f"| {fit.name}{label} | {_fmt_time(statistics.median(fit.times[chosen[-1]]))} at {chosen[-1]} "
            f"| {_fmt_time(statistics.median(fit.times[chosen[0]]))} at {chosen[0]} "
            f"| exponent {exponent:.2f} [{q1:.2f}-{q3:.2f}] | {target} | {_met(exponent, fit.target)} |"
        )
    return rows


def table(cases: list[Case], memory: list[tuple[str, float, float]], fits: Sequence[Fit] = ()) -> str:
    lines = [
        "| case | subject (median) | baseline (median) | ratio: median [IQR] | target | met |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for case in cases:
        q1, median, q3 = quartiles(case.ratios)
        target = f"≤ {case.target:g}x" if case.target is not None else "—"
        met = _met(median, case.target)
        lines.append(
            f"| {case.name} | {_fmt_time(statistics.median(case.subject_times))} "
            f"| {_fmt_time(statistics.median(case.baseline_times))} "
            f"| {median:.2f}x [{q1:.2f}-{q3:.2f}] | {target} | {met} |"
        )
    for fit in fits:
        lines.extend(fit_rows(fit))
    for name, subject, baseline in memory:
        ratio = subject / baseline
        lines.append(f"| {name} | {subject:.1f} B/B | {baseline:.1f} B/B | {ratio:.2f}x (one run) | — | — |")
    return "\n".join(lines)


def plot(curves: dict[str, dict[int, float]], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 4.5))
    for label, points in curves.items():
        xs = sorted(points)
        ax.plot(xs, [points[x] * 1e3 for x in xs], marker="o", label=label)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("sessions in GET /v1/client")
    ax.set_ylabel("median ms per call")
    ax.set_title("Cost against session count (medians of interleaved rounds)")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def refresh_readme(readme: Path, block: str) -> None:
    """Replace what lies between the README's two bench markers with ``block`` (the rest is untouched)."""
    text = readme.read_text(encoding="utf-8")
    if (
        text.count(README_BEGIN) != 1
        or text.count(README_END) != 1
        or text.find(README_END) < text.find(README_BEGIN)
    ):
        raise ValueError(f"{readme} needs one {README_BEGIN} line followed by one {README_END} line")
    head, rest = text.split(README_BEGIN)
    _, tail = rest.split(README_END)
    readme.write_text(f"{head}{README_BEGIN}\n{block.strip()}\n{README_END}{tail}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds (about a third of the time)")
    parser.add_argument("--out", type=Path, default=RESULTS, help="where latest.md and sessions.png go")
    parser.add_argument(
        "--readme",
        type=Path,
        default=None,
        help="the README whose Performance table is refreshed (default: the project's; --quick: none)",
    )
    args = parser.parse_args(argv)
    readme: Path | None = args.readme or (None if args.quick else README)
    rounds, budget = (5, 0.05) if args.quick else (15, 0.1)
    load = os.getloadavg()[0]  # other work on the machine widens the spread
    started = time.perf_counter()
    cases: list[Case] = []
    fits: list[Fit] = []
    memory: list[tuple[str, float, float]] = []
    curves: dict[str, dict[int, float]] = {
        "facade parse": {},
        "json.loads": {},
        "raw httpx": {},
        "peer (clerk-backend-api)": {},
        "emulator GET, in process": {},
    }

    def run(case: Case, n_rounds: int = rounds) -> Case:
        progress(f"{time.perf_counter() - started:5.1f}s  {case.name}")
        cases.append(measure(case, n_rounds, budget))
        return case

    bodies: dict[int, bytes] = {}
    for sessions in SESSION_COUNTS:
        progress(f"{time.perf_counter() - started:5.1f}s  building a body with {sessions} sessions")
        bodies[sessions] = client_body(sessions)
    for sessions, body in bodies.items():
        parsed = run(parse_case(body, sessions))
        curves["facade parse"][sessions] = statistics.median(parsed.subject_times)
        curves["json.loads"][sessions] = statistics.median(parsed.baseline_times)
        if decoder_in_use() != "json.loads":
            run(parse_case(body, sessions, stdlib=True))
        peer = run(peer_case(body, sessions))
        curves["peer (clerk-backend-api)"][sessions] = statistics.median(peer.subject_times)
        if sessions <= 100:
            reloaded = run(reload_case(body, sessions))
            curves["raw httpx"][sessions] = statistics.median(reloaded.baseline_times)
            memory.append(memory_row(body, sessions))
    run(async_case(bodies[1]))
    for case in loopback_cases():
        run(case)
    one, many = signed_in_client(1), signed_in_client(100)
    for case in [*token_cases(one, 1), *token_cases(many, 100), sessions_case(many, one, 100)]:
        run(case)
    progress(f"{time.perf_counter() - started:5.1f}s  seeding emulators with {SESSION_COUNTS} sessions")
    fit = emulator_scaling_fit()
    progress(f"{time.perf_counter() - started:5.1f}s  {fit.name}")
    fits.append(measure_fit(fit, rounds))
    curves["emulator GET, in process"] = {size: statistics.median(t) for size, t in fit.times.items()}
    for case in startup_cases():
        run(case, 5 if args.quick else 15)

    text = table(cases, memory, fits)
    print(text)
    args.out.mkdir(parents=True, exist_ok=True)
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    machine = f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores"
    machine += f", Python {platform.python_version()}, load average {load:.1f} at the start"
    machine += f", answers decoded by {decoder_in_use()}"
    took = time.perf_counter() - started
    about = (
        f"Ratios are medians of {rounds} interleaved rounds (start-up: {5 if args.quick else 15}); "
        "[IQR] is the interquartile range of the per-round ratios (of the per-round exponents for a fit). "
        f"The run took {took / 60:.1f} minutes."
    )
    header = f"# make bench{' --quick' if args.quick else ''}: {stamp}, {machine}\n\n{about}\n\n"
    (args.out / "latest.md").write_text(header + text + "\n", encoding="utf-8")
    plot(curves, args.out / "sessions.png")
    if readme is not None:
        refresh_readme(readme, f"One `make bench` run: {stamp}, {machine}. {about}\n\n{text}")
    wrote = f"{args.out / 'latest.md'}, sessions.png" + (f" and {readme}" if readme else "")
    progress(f"{took:5.1f}s  wrote {wrote}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
