"""Cassette tests: the documented ``Client`` / ``AsyncClient`` and their sessions, sign-ins and sign-ups,
driven over real HTTP, recorded with vcrpy (pytest-recording) and replayed offline.

Replay (the default, and what ``make test`` does): no server runs, the network is blocked, and every
request is answered from ``cassettes/<module>/<test>.yaml``. Clients point at ``http://127.0.0.1:9``:
host and port are not matched, only method, path, query and body.

Recording (``make record``, i.e. ``CLERK_FAPI_RECORD=1 pytest tests/golden --record-mode=rewrite``):
the emulator (``clerk_fapi.testing``) is served on a loopback port for the session, seeded with the
identities of ``constants.py``; each test's cassette is replaced. A ``<test>.notes.json`` beside each
cassette keeps the wall-clock time of the recording: replay shows the token cache that time (plus the
time elapsed in the replay), so tokens that were fresh when recorded are fresh when replayed. It also
names the cassette's ``source``: ``emulator@<commit>`` (recording refuses to start while the emulator has
uncommitted changes) or ``instance@<host>`` (see ``provenance.py``).

Recording against a real instance: ``CLERK_FAPI_RECORD=1 CLERK_PUBLISHABLE_KEY=pk_test_...
CLERK_TESTING_TOKEN=... make record``. The development instance needs: the Native API on; sign-in with
email + password and with email codes; sign-up requiring email address, phone number, first and last
name, password and legal acceptance, both verified by code; multi-session mode; and
  - users ``JANE_EMAIL`` (password ``PASSWORD``, phone ``JANE_PHONE``, admin of organization ``ORG_SLUG``)
    and ``JOHN_EMAIL`` (``PASSWORD``);
  - ``SMS_MFA_EMAIL`` (``PASSWORD``, SMS second factor on ``SMS_MFA_PHONE``);
  - ``reset-sync+clerk_test@example.com`` and ``reset-async+clerk_test@example.com`` with ``PASSWORD``
    (the reset test changes it to ``NEW_PASSWORD``: set it back before recording again);
  - JWT templates ``TEMPLATE`` (claims ``{"uid": "{{user.id}}", "email": "{{user.primary_email_address}}"}``)
    and ``SHORT_TEMPLATE`` (lifetime ``SHORT_TEMPLATE_LIFETIME`` seconds);
  - no users with the sign-up tests' emails (they create them: delete them before recording again).
Tests marked ``emulator_only`` need the emulator's controls (TOTP codes, backup codes, sign-in tickets, a
forced ``missing_expired_token``, single-session mode, a production instance): they are skipped there,
before pytest-recording touches their cassettes, and keep their emulator recordings.
"""

from __future__ import annotations

import contextlib
import inspect
import json
import os
import time
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import anyio
import httpx
import pytest
from clerk_fapi import AsyncClient, Client
from clerk_fapi import _token_cache as token_cache_module
from clerk_fapi.testing import Emulator, SeededUser

from . import constants as c
from .provenance import emulator_source, instance_source
from .scrub import CassetteFormat, scrub_request, scrub_response

RECORDING = os.environ.get("CLERK_FAPI_RECORD") == "1"
REAL_PUBLISHABLE_KEY = os.environ.get("CLERK_PUBLISHABLE_KEY") if RECORDING else None
REAL_TESTING_TOKEN = os.environ.get("CLERK_TESTING_TOKEN") if REAL_PUBLISHABLE_KEY else None
# Where replayed clients point: nothing listens there, and host and port are not matched.
REPLAY_URL = "http://127.0.0.1:9"

AnyClient = Client | AsyncClient


async def call(value: Any) -> Any:
    """The result of a client or resource method, whether it is sync or async."""
    if inspect.isawaitable(value):
        return await value
    return value


# ----- markers -----------------------------------------------------------------------------------------
def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "emulator_only: needs the emulator's controls; skipped (cassette kept) when recording an instance",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # A skip mark, not pytest.skip() in the test: that would run after pytest-recording had already
    # deleted the cassette it was about to rewrite.
    if not REAL_PUBLISHABLE_KEY:
        return
    keep = pytest.mark.skip(reason="needs the emulator's controls; its emulator recording is kept")
    for item in items:
        if item.get_closest_marker("emulator_only") is not None:
            item.add_marker(keep)


# ----- vcr ---------------------------------------------------------------------------------------------
def pytest_recording_configure(config: pytest.Config, vcr: Any) -> None:
    # Same suffix (.yaml), our format: JSON bodies as YAML structure.
    vcr.register_serializer("yaml", CassetteFormat)


@pytest.fixture(scope="session")
def vcr_config() -> dict[str, Any]:
    return {
        "match_on": ["method", "path", "query", "body"],
        "decode_compressed_response": True,
        "before_record_request": scrub_request,
        "before_record_response": scrub_response,
        # Recording replaces each test's cassette; replaying never touches the network.
        "record_mode": "rewrite" if RECORDING else "none",
    }


# ----- the world the tests run against -----------------------------------------------------------------
@dataclass
class World:
    """Where requests go while recording (the emulator or a real instance); nothing while replaying."""

    emulator: Emulator | None = None
    url: str | None = None
    production_emulator: Emulator | None = None
    production_url: str | None = None
    publishable_key: str | None = None
    testing_token: str | None = None
    users: dict[str, SeededUser] = field(default_factory=dict)
    source: str | None = None  # what each cassette recorded now names as its origin (provenance.py)

    @property
    def real(self) -> bool:
        return self.publishable_key is not None


def _seed(emulator: Emulator) -> dict[str, SeededUser]:
    users = {
        c.JANE_EMAIL: emulator.add_user(
            email_addresses=c.JANE_EMAIL,
            phone_numbers=c.JANE_PHONE,
            password=c.PASSWORD,
            first_name="Jane",
            last_name="Cassette",
        ),
        c.JOHN_EMAIL: emulator.add_user(email_addresses=c.JOHN_EMAIL, password=c.PASSWORD, first_name="John"),
        c.TOTP_EMAIL: emulator.add_user(
            email_addresses=c.TOTP_EMAIL, password=c.PASSWORD, totp_secret=c.TOTP_SECRET
        ),
        c.BACKUP_EMAIL: emulator.add_user(
            email_addresses=c.BACKUP_EMAIL,
            password=c.PASSWORD,
            totp_secret=c.TOTP_SECRET,
            backup_codes=list(c.BACKUP_CODES.values()),
        ),
        c.SMS_MFA_EMAIL: emulator.add_user(
            email_addresses=c.SMS_MFA_EMAIL, phone_numbers=c.SMS_MFA_PHONE, password=c.PASSWORD, mfa=True
        ),
        c.TICKET_EMAIL: emulator.add_user(email_addresses=c.TICKET_EMAIL, password=c.PASSWORD),
    }
    for kind in ("sync", "async"):
        users[c.reset_email(kind)] = emulator.add_user(
            email_addresses=c.reset_email(kind), password=c.PASSWORD
        )
    emulator.add_organization(c.ORG_NAME, c.ORG_SLUG, members={users[c.JANE_EMAIL].id: "org:admin"})
    emulator.add_jwt_template(
        c.TEMPLATE, {"uid": "{{user.id}}", "email": "{{user.primary_email_address}}"}, lifetime=60
    )
    emulator.add_jwt_template(c.SHORT_TEMPLATE, {"uid": "{{user.id}}"}, lifetime=c.SHORT_TEMPLATE_LIFETIME)
    return users


@pytest.fixture(scope="session")
def world() -> Iterator[World]:
    if not RECORDING:
        yield World()
        return
    if REAL_PUBLISHABLE_KEY:
        source = instance_source(Client(publishable_key=REAL_PUBLISHABLE_KEY).frontend_api)
        yield World(publishable_key=REAL_PUBLISHABLE_KEY, testing_token=REAL_TESTING_TOKEN, source=source)
        return
    source = emulator_source()
    development = Emulator()
    users = _seed(development)
    production = Emulator(instance_type="production")
    production.add_user(email_addresses=c.JANE_EMAIL, password=c.PASSWORD, first_name="Jane")
    with development.serve(port=0) as dev_server, production.serve(port=0) as prod_server:
        print(
            f"\nrecording against the emulator at {dev_server.url} (production instance: {prod_server.url})"
        )
        yield World(
            emulator=development,
            url=dev_server.url,
            production_emulator=production,
            production_url=prod_server.url,
            testing_token=c.FAKE_TESTING_TOKEN,
            users=users,
            source=source,
        )


# ----- per test: recording notes, emulator controls, the replay clock ----------------------------------
class Stage:
    """What one test may ask of the world, the same way whether it records or replays.

    Controls of the emulator (``totp_code``, ``sign_in_ticket``, ``require_expired_token``...) act while
    recording against the emulator and do nothing while replaying: their effect is in the cassette.
    """

    def __init__(self, world: World, kind: str, notes_path: str) -> None:
        self.world = world
        self.kind = kind
        self.notes_path = notes_path
        self.notes: dict[str, Any] = {}

    @property
    def emulator(self) -> Emulator | None:
        return self.world.emulator

    def totp_code(self) -> str:
        return self.emulator.totp_code(c.TOTP_SECRET) if self.emulator else "000000"

    def sign_in_ticket(self, email: str) -> str:
        if self.emulator is None:
            return "tkt_replayed"  # the recorded ticket was scrubbed; the body matches either way
        return self.emulator.create_sign_in_ticket(self.world.users[email].id)

    def require_expired_token(self, session_id: str) -> None:
        if self.emulator is not None:
            self.emulator.require_expired_token(session_id)

    @contextlib.contextmanager
    def single_session_mode(self) -> Iterator[None]:
        emulator = self.emulator
        if emulator is not None:
            emulator.single_session_mode = True
        try:
            yield
        finally:
            if emulator is not None:
                emulator.single_session_mode = False


class _ShiftedTime:
    """``time`` for the token cache in replay: the recording's wall clock, moving at the real pace."""

    def __init__(self, recorded_at: float) -> None:
        self._offset = recorded_at - time.time()

    def time(self) -> float:
        return time.time() + self._offset

    def monotonic(self) -> float:
        return time.monotonic()


@pytest.fixture(params=["sync", "async"])
def kind(request: pytest.FixtureRequest) -> str:
    param: str = request.param
    return param


@pytest.fixture
def stage(
    world: World,
    kind: str,
    vcr_cassette_dir: str,
    default_cassette_name: str,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[Stage]:
    notes_path = os.path.join(vcr_cassette_dir, default_cassette_name + ".notes.json")
    current = Stage(world, kind, notes_path)
    if RECORDING:
        current.notes["recorded_at"] = round(time.time(), 3)
        current.notes["source"] = world.source
        yield current
        os.makedirs(vcr_cassette_dir, exist_ok=True)
        with open(notes_path, "w", encoding="utf-8") as f:
            json.dump(current.notes, f, indent=2, sort_keys=True)
            f.write("\n")
        return
    with open(notes_path, encoding="utf-8") as f:
        current.notes = json.load(f)
    monkeypatch.setattr(token_cache_module, "time", _ShiftedTime(current.notes["recorded_at"]))
    yield current


# ----- clients -----------------------------------------------------------------------------------------
class RequestLog:
    """Every request the clients of one test sent (counted at the transport, so replayed ones count too)."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        # Seconds to hold a request whose path contains the key before it goes out (or is replayed).
        self.delays: dict[str, float] = {}

    def delay(self, request: httpx.Request) -> float:
        return max((s for part, s in self.delays.items() if part in request.url.path), default=0.0)

    def paths(self, method: str | None = None, contains: str = "") -> list[str]:
        return [
            r.url.path
            for r in self.requests
            if (method is None or r.method == method) and contains in r.url.path
        ]

    def count(self, method: str | None = None, contains: str = "") -> int:
        return len(self.paths(method, contains))


class _Counting(httpx.BaseTransport, httpx.AsyncBaseTransport):
    def __init__(self, inner: Any, log: RequestLog) -> None:
        self._inner = inner
        self._log = log

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self._log.requests.append(request)
        time.sleep(self._log.delay(request))
        response: httpx.Response = self._inner.handle_request(request)
        return response

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self._log.requests.append(request)
        await anyio.sleep(self._log.delay(request))
        response: httpx.Response = await self._inner.handle_async_request(request)
        return response

    def close(self) -> None:
        self._inner.close()

    async def aclose(self) -> None:
        await self._inner.aclose()


@pytest.fixture
def request_log() -> RequestLog:
    return RequestLog()


@pytest.fixture
async def new_client(
    stage: Stage, kind: str, request_log: RequestLog
) -> AsyncIterator[Callable[..., AnyClient]]:
    """Builds clients of the parametrized shell against the world (``production=True``: the production
    emulator, for cookie mode); closes them after the test."""
    made: list[AnyClient] = []
    world = stage.world

    def build(*, production: bool = False, **kwargs: Any) -> AnyClient:
        if world.real:
            kwargs.setdefault("publishable_key", world.publishable_key)
        else:
            url = (world.production_url if production else world.url) or REPLAY_URL
            kwargs.setdefault("frontend_api", url)
        kwargs.setdefault("testing_token", world.testing_token if world.real else c.FAKE_TESTING_TOKEN)
        client: AnyClient
        if kind == "sync":
            client = Client(transport=_Counting(httpx.HTTPTransport(), request_log), **kwargs)
        else:
            client = AsyncClient(transport=_Counting(httpx.AsyncHTTPTransport(), request_log), **kwargs)
        made.append(client)
        return client

    yield build
    for client in made:
        if isinstance(client, AsyncClient):
            await client.aclose()
        else:
            client.close()


@pytest.fixture
def client(new_client: Callable[..., AnyClient]) -> AnyClient:
    """A native-mode client of the parametrized shell."""
    return new_client()
