"""Start-up stays cheap: ``import clerk_fapi`` and ``clerk-fapi --help`` / ``--version`` load neither
httpx nor the generated models (each check runs in a fresh interpreter, where nothing is loaded yet)."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from typing import Final

import clerk_fapi
import pytest

HEAVY = ("httpx", "httpcore", "clerk_fapi_raw", "clerk_fapi._client", "clerk_fapi._raw")


def _loaded_after(code: str) -> list[str]:
    """The heavy modules a fresh interpreter has loaded after running ``code``."""
    script = (
        "import json, sys\n"
        f"{code}\n"
        f"print(json.dumps(sorted(m for m in sys.modules if m.startswith({HEAVY!r}))))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    loaded: list[str] = json.loads(done.stdout.splitlines()[-1])
    return loaded


def test_import_loads_no_http_stack_or_generated_models() -> None:
    assert _loaded_after("import clerk_fapi") == []


@pytest.mark.parametrize("flag", ["--help", "--version"])
def test_cli_help_and_version_load_no_http_stack_or_generated_models(flag: str) -> None:
    code = (
        "import contextlib, io\n"
        "from clerk_fapi.__main__ import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n"
        f"        main([{flag!r}])\n"
        "    except SystemExit as exc:\n"
        "        assert exc.code == 0, exc.code\n"
    )
    assert _loaded_after(code) == []


def test_cli_usage_error_loads_no_http_stack() -> None:
    code = (
        "import contextlib, io\n"
        "from clerk_fapi.__main__ import main\n"
        "with contextlib.redirect_stderr(io.StringIO()):\n"
        "    try:\n"
        "        main(['no-such-command'])\n"
        "    except SystemExit as exc:\n"
        "        assert exc.code == 2, exc.code\n"
    )
    assert _loaded_after(code) == []


def test_every_public_name_resolves_lazily() -> None:
    """``__all__`` and the lazy table name the same things, and each name loads from its module."""
    assert sorted(clerk_fapi.__all__) == sorted(clerk_fapi._LAZY)
    for name in clerk_fapi.__all__:
        assert getattr(clerk_fapi, name) is not None
    assert set(clerk_fapi.__all__) <= set(dir(clerk_fapi))
    with pytest.raises(AttributeError, match="no_such_name"):
        clerk_fapi.no_such_name  # noqa: B018


def test_names_load_on_demand_in_a_fresh_interpreter() -> None:
    assert "clerk_fapi._client" in _loaded_after("from clerk_fapi import Client\nassert Client.__name__")


@pytest.mark.parametrize("columns", ["57", "", "0", "wide"])
def test_help_width_follows_shutil(monkeypatch: pytest.MonkeyPatch, columns: str) -> None:
    """The CLI's help formatter sizes itself as argparse's own does (``shutil.get_terminal_size``)."""
    import shutil

    from clerk_fapi.cli import parser

    monkeypatch.setenv("COLUMNS", columns)
    assert parser._columns() == shutil.get_terminal_size().columns
    assert parser._HelpFormatter("clerk-fapi")._width == argparse.HelpFormatter("clerk-fapi")._width


def _generated_after(code: str) -> list[str]:
    """The generated modules (api, models, clients) a fresh interpreter has loaded after running ``code``."""
    script = (
        "import json, sys\n"
        f"{code}\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith('clerk_fapi_raw.'))))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    loaded: list[str] = json.loads(done.stdout.splitlines()[-1])
    return [
        m
        for m in loaded
        if m.startswith(("clerk_fapi_raw.api", "clerk_fapi_raw.models.", "clerk_fapi_raw.client"))
    ]


def test_importing_the_clients_creates_no_generated_model() -> None:
    assert _generated_after("from clerk_fapi import AsyncClient, Client") == []


def test_a_request_loads_only_the_generated_modules_of_its_kind() -> None:
    code = (
        "from clerk_fapi import _raw\n"
        "_raw.request_kwargs(_raw.GET_CLIENT)\n"
        "assert _raw.GET_CLIENT.result.__name__ == 'ClientEnvelope'\n"
    )
    assert _generated_after(code) == [
        "clerk_fapi_raw.api",
        "clerk_fapi_raw.api.client",
        "clerk_fapi_raw.api.client.get_client",
        "clerk_fapi_raw.client",
        "clerk_fapi_raw.models.clerk_errors",
        "clerk_fapi_raw.models.client_envelope",
    ]


def test_generated_models_load_by_name_on_first_use() -> None:
    from clerk_fapi_raw import models

    assert models.SignInEnvelope.__name__ == "SignInEnvelope"
    assert "SignInEnvelope" in dir(models)
    assert sorted(models.__all__) == sorted(models._MODULES)
    with pytest.raises(AttributeError, match="NoSuchModel"):
        models.NoSuchModel  # noqa: B018


def _ours_after(code: str) -> list[str]:
    """This library's modules (and anyio, attrs) a fresh interpreter has loaded after running ``code``."""
    script = (
        "import json, sys\n"
        f"{code}\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in"
        " ('clerk_fapi', 'clerk_fapi_raw', 'anyio', 'attr', 'attrs'))))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    loaded: list[str] = json.loads(done.stdout.splitlines()[-1])
    return [m for m in loaded if not m.startswith(("attr.", "attrs."))]  # attrs' own submodules


# All that `from clerk_fapi import Client` (or AsyncClient) loads of this library: the two shells, the
# client core and what their signatures and class bodies need. A module added here costs every program
# that imports the client (see README, Development > Start-up).
CLIENT_IMPORT: Final = [
    "attr",  # for ErrorDetail (clerk_fapi._errors)
    "attrs",
    "clerk_fapi",
    "clerk_fapi._auth",
    "clerk_fapi._client",
    "clerk_fapi._core",
    "clerk_fapi._deadline",
    "clerk_fapi._errors",
    "clerk_fapi._lazy",
    "clerk_fapi._sentinel",
    "clerk_fapi._token_store",
    "clerk_fapi._twins",
]
# What a client needs only once it is created or used, each named so that a failure says which it is.
NOT_AT_IMPORT: Final = [
    "anyio",
    "clerk_fapi._answers",
    "clerk_fapi._convert",
    "clerk_fapi._drivers",
    "clerk_fapi._engine",
    "clerk_fapi._flow_resources",
    "clerk_fapi._from_json",
    "clerk_fapi._json_plans",
    "clerk_fapi._models",
    "clerk_fapi._ops",
    "clerk_fapi._ops.hosted",
    "clerk_fapi._organizations",
    "clerk_fapi._raw",
    "clerk_fapi._resources",
    "clerk_fapi._session_auth",
    "clerk_fapi._token_cache",
    "clerk_fapi._user",
    "clerk_fapi_raw",
]


@pytest.mark.parametrize("name", ["Client", "AsyncClient"])
def test_importing_a_client_loads_only_the_client_core(name: str) -> None:
    loaded = _ours_after(f"from clerk_fapi import {name}")
    assert [m for m in NOT_AT_IMPORT if m in loaded] == []
    assert loaded == CLIENT_IMPORT


@pytest.mark.parametrize("name", ["Client", "AsyncClient"])
def test_creating_a_client_loads_no_parse_resources_or_operations(name: str) -> None:
    """A new client holds the empty state (the read models) and its engine; the parse, the resources and
    the operations of each flow come with the first call that needs them."""
    loaded = _ours_after(f"from clerk_fapi import {name}\n{name}(frontend_api='https://a.test')")
    assert "clerk_fapi._models" in loaded and "clerk_fapi._engine" in loaded
    later = [
        "clerk_fapi._answers",
        "clerk_fapi._convert",
        "clerk_fapi._drivers",
        "clerk_fapi._flow_resources",
        "clerk_fapi._from_json",
        "clerk_fapi._json_plans",
        "clerk_fapi._ops.client",
        "clerk_fapi._ops.sessions",
        "clerk_fapi._ops.tokens",
        "clerk_fapi._organizations",
        "clerk_fapi._resources",
        "clerk_fapi._session_auth",
        "clerk_fapi._user",
        "clerk_fapi_raw",
    ]
    assert [m for m in later if m in loaded] == []


def test_a_first_call_loads_what_it_needs() -> None:
    code = (
        "import httpx\n"
        "from clerk_fapi import Client\n"
        'body = b\'{"response": null, "client": null}\'\n'
        "transport = httpx.MockTransport(lambda r: httpx.Response(200, content=body))\n"
        "Client(frontend_api='https://a.test', transport=transport).reload()\n"
    )
    loaded = _ours_after(code)
    for module in ("clerk_fapi._answers", "clerk_fapi._drivers", "clerk_fapi._ops.client"):
        assert module in loaded
    assert "anyio" not in loaded  # a blocking client never needs it


def test_importing_the_clients_loads_no_httpcore() -> None:
    """httpcore (and trio, h11 behind it) loads with the first HTTP transport, as in httpx itself."""
    loaded = _loaded_after("from clerk_fapi import AsyncClient, Client")
    assert "httpcore" not in loaded
    assert "httpcore" in _loaded_after("from clerk_fapi import Client\nClient(frontend_api='https://a.test')")
