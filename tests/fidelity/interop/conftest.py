"""Clerk's own software against the emulator, on loopback.

The pinned npm packages of `tests/fidelity/interop/node/package-lock.json` (`@clerk/clerk-js`,
`@clerk/backend`, `jsdom`) are installed with `npm ci` into `.cache/interop-node/` at the root of the
repository (git-ignored), once per lockfile: the folder keeps a stamp of the lockfile it was installed from.
The emulator is served on 127.0.0.1, seeded through its own control API, and `node/flows.cjs` drives it with
clerk-js in each mode, once per mode for the whole test run; the tests then read what each flow produced
and what the emulator holds.

Without Node 20+ or npm, or when the install fails (no registry), the test modules are skipped when they are
collected, with one reason (one line in the summary); under ``CI=true`` that is a failure instead.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

import pytest
from clerk_fapi.testing import Emulator, EmulatorServer, SeededOrganization, SeededUser
from filelock import FileLock

HERE = Path(__file__).resolve().parent
NODE_DIR = HERE / "node"
REPO = HERE.parents[2]
INSTALL_DIR = REPO / ".cache" / "interop-node"
MIN_NODE_MAJOR = 20
# The frontend API host encoded in the publishable key: a development host, so clerk-js runs its development
# behaviour (the dev browser). Requests go to the emulator through clerk-js's documented `proxyUrl`.
FRONTEND_API = "clerk-fapi-interop.clerk.accounts.dev"
PUBLISHABLE_KEY = "pk_test_" + base64.b64encode(f"{FRONTEND_API}$".encode()).decode()
MODES = ("native", "browser")
TEMPLATE = "interop"
NPM_TIMEOUT_S = 600
FLOWS_TIMEOUT_S = 120


def jwt_claims(token: str) -> dict[str, Any]:
    """The payload of a JWT, unverified (test_backends.py has Clerk's backends verify them)."""
    payload = token.split(".")[1]
    decoded: dict[str, Any] = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    return decoded


def unavailable(reason: str) -> NoReturn:
    """Skip the calling test module, or under CI=true fail: CI must prove interop, not quietly skip it."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason}; CI=true requires the interop tests to run", pytrace=False)
    pytest.skip(reason, allow_module_level=True)


def _node_major(node: str) -> int | None:
    try:
        out = subprocess.run([node, "--version"], capture_output=True, text=True, timeout=30, check=True)
    except (OSError, subprocess.SubprocessError):
        return None
    version = out.stdout.strip().lstrip("v")
    head = version.split(".", 1)[0]
    return int(head) if head.isdigit() else None


@dataclass(frozen=True)
class NodeEnv:
    node: str
    prefix: Path

    def run(self, script: str, argument: Path, *, conditions: tuple[str, ...] = ()) -> None:
        """Run `node/<script> <argument>`; fail the test with node's stderr if it exits non-zero."""
        args = [self.node, *(f"--conditions={c}" for c in conditions), str(NODE_DIR / script), str(argument)]
        env = {
            "PATH": os.environ.get("PATH", ""),
            "HOME": os.environ.get("HOME", str(self.prefix)),
            "CLERK_INTEROP_PREFIX": str(self.prefix),
            "NODE_ENV": "test",
            # CLERK_INTEROP_TRACE=1: node logs every request clerk-js makes (see it with `pytest -s`).
            "CLERK_INTEROP_TRACE": os.environ.get("CLERK_INTEROP_TRACE", ""),
        }
        done = subprocess.run(args, capture_output=True, text=True, timeout=FLOWS_TIMEOUT_S, env=env)
        if done.returncode != 0:
            pytest.fail(f"{script} exited {done.returncode}:\n{done.stderr[-4000:]}", pytrace=False)
        if env["CLERK_INTEROP_TRACE"]:
            sys.stderr.write(done.stderr)


def _install() -> Path | str:
    """`npm ci` the committed lockfile into INSTALL_DIR unless that exact lockfile is already installed.

    Test workers running in parallel (pytest-xdist) take turns: one installs, the others find it done."""
    INSTALL_DIR.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(INSTALL_DIR.parent / "interop-node.lock", timeout=NPM_TIMEOUT_S):
        return _install_unlocked()


def _install_unlocked() -> Path | str:
    npm = shutil.which("npm")
    if npm is None:
        return "interop tests need npm (Node.js 20+) on PATH"
    lock = (NODE_DIR / "package-lock.json").read_bytes()
    stamp = hashlib.sha256(lock + (NODE_DIR / "package.json").read_bytes()).hexdigest()
    stamp_file = INSTALL_DIR / ".installed"
    if stamp_file.is_file() and stamp_file.read_text() == stamp and (INSTALL_DIR / "node_modules").is_dir():
        return INSTALL_DIR
    INSTALL_DIR.mkdir(parents=True, exist_ok=True)
    stamp_file.unlink(missing_ok=True)  # an interrupted install must not pass for a finished one
    for name in ("package.json", "package-lock.json"):
        shutil.copyfile(NODE_DIR / name, INSTALL_DIR / name)
    try:
        done = subprocess.run(
            [npm, "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"],
            cwd=INSTALL_DIR,
            capture_output=True,
            text=True,
            timeout=NPM_TIMEOUT_S,
        )
    except (OSError, subprocess.SubprocessError) as error:
        return f"interop tests could not install their npm packages: {error}"
    if done.returncode != 0:
        errors = [line for line in done.stderr.splitlines() if line.startswith("npm error")]
        reason = "; ".join(errors[:3]) or done.stderr.strip()[-300:]
        return f"interop tests could not install their npm packages (npm ci): {reason}"
    stamp_file.write_text(stamp)
    return INSTALL_DIR


def _prepare() -> NodeEnv | str:
    """Node 20+ with the pinned packages installed, or why that cannot be had."""
    node = shutil.which("node")
    major = _node_major(node) if node else None
    if node is None or major is None or major < MIN_NODE_MAJOR:
        return f"interop tests need Node.js {MIN_NODE_MAJOR}+ on PATH (found {major or 'none'})"
    installed = _install()
    return installed if isinstance(installed, str) else NodeEnv(node, installed)


_prepared: list[NodeEnv | str] = []


def require_node() -> NodeEnv:
    """Called by each interop test module when it is imported: the prepared Node, else the module is skipped
    (under CI=true, fails). The skip is raised here for every module, so the summary shows one line."""
    if not _prepared:
        _prepared.append(_prepare())
    prepared = _prepared[0]
    if isinstance(prepared, str):
        unavailable(prepared)
    return prepared


@pytest.fixture(scope="session")
def node_env() -> NodeEnv:
    """Node 20+ with the pinned packages of node/package-lock.json installed into INSTALL_DIR."""
    return require_node()


@dataclass(frozen=True)
class Seeds:
    users: dict[str, SeededUser]
    organization: SeededOrganization
    ticket_user: SeededUser
    ticket: str
    new_password: str
    sign_up: dict[str, str]


def _seed(emulator: Emulator, mode: str) -> Seeds:
    """Users, an organization, a JWT template and a ticket, through the emulator's own control API."""

    def user(local: str, **extra: Any) -> SeededUser:
        return emulator.add_user(
            email_addresses=f"{local}-{mode}+clerk_test@example.com",
            password=f"interop {local} password 7",
            first_name=local.capitalize(),
            **extra,
        )

    users = {
        "password": user("pat"),
        "second": user("sam"),
        "email_code": user("cody"),
        "totp": user("tom", totp_secret=True),
        "reset": user("rita"),
        "org_member": user("olga"),
    }
    organization = emulator.add_organization(
        f"Interop {mode}", f"interop-{mode}", members={users["org_member"].id: "org:admin"}
    )
    emulator.add_jwt_template(
        TEMPLATE, {"uid": "{{user.id}}", "email": "{{user.primary_email_address}}", "org": "{{org.slug}}"}
    )
    ticket_user = user("tina")
    return Seeds(
        users=users,
        organization=organization,
        ticket_user=ticket_user,
        ticket=emulator.create_sign_in_ticket(ticket_user.id),
        new_password=f"interop rita new password {mode} 9",
        sign_up={
            "email": f"newcomer-{mode}+clerk_test@example.com",
            "password": f"interop newcomer password {mode} 3",
            "first_name": "Nova",
            "last_name": "Newcomer",
        },
    )


@dataclass(frozen=True)
class InteropRun:
    """One mode's run of `flows.cjs`: the emulator it drove, what was seeded, and what each flow produced."""

    mode: str
    emulator: Emulator
    server: EmulatorServer
    seeds: Seeds
    results: dict[str, dict[str, Any]]
    node: NodeEnv
    workdir: Path

    def flow(self, name: str) -> dict[str, Any]:
        """The data a flow produced; fails the test with clerk-js's error when the flow failed."""
        result = self.results.get(name)
        assert result is not None, f"flow {name!r} did not run"
        if not result["ok"]:
            pytest.fail(f"[{self.mode}] clerk-js flow {name!r} failed: {result['error']}", pytrace=False)
        data: dict[str, Any] = result["data"]
        return data


def _user_json(seeded: SeededUser) -> dict[str, Any]:
    return {
        "id": seeded.id,
        "identifier": seeded.identifier,
        "password": seeded.password,
        "totp_secret": seeded.totp_secret,
    }


@pytest.fixture(scope="session", params=MODES)
def interop_run(
    request: pytest.FixtureRequest, node_env: NodeEnv, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[InteropRun]:
    """The emulator served on 127.0.0.1 and driven by clerk-js in one mode (once per mode per test run)."""
    mode: str = request.param
    emulator = Emulator(sign_up_required={"email_address", "password", "first_name", "last_name"})
    seeds = _seed(emulator, mode)
    workdir = tmp_path_factory.mktemp(f"interop-{mode}")
    with emulator.serve(port=0) as server:
        users = {name: _user_json(u) for name, u in seeds.users.items()}
        users["reset"]["new_password"] = seeds.new_password
        scenario = {
            "mode": mode,
            "publishable_key": PUBLISHABLE_KEY,
            "proxy_url": server.url,
            "users": users,
            "organization": {"id": seeds.organization.id, "slug": seeds.organization.slug},
            "template": {"name": TEMPLATE},
            "ticket": {"ticket": seeds.ticket, "user_id": seeds.ticket_user.id},
            "sign_up": seeds.sign_up,
            "unknown_identifier": f"nobody-{mode}+clerk_test@example.com",
            "results_path": str(workdir / "results.json"),
        }
        scenario_path = workdir / "scenario.json"
        scenario_path.write_text(json.dumps(scenario))
        conditions = ("react-native",) if mode == "native" else ()
        node_env.run("flows.cjs", scenario_path, conditions=conditions)
        results = json.loads((workdir / "results.json").read_text())
        yield InteropRun(mode, emulator, server, seeds, results, node_env, workdir)
