"""Start-up stays cheap: ``import clerk_fapi`` and ``clerk-fapi --help`` / ``--version`` load neither
httpx nor the generated models (each check runs in a fresh interpreter, where nothing is loaded yet)."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

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


def test_importing_the_clients_loads_no_httpcore() -> None:
    """httpcore (and trio, h11 behind it) loads with the first HTTP transport, as in httpx itself."""
    loaded = _loaded_after("from clerk_fapi import AsyncClient, Client")
    assert "httpcore" not in loaded
    assert "httpcore" in _loaded_after("from clerk_fapi import Client\nClient(frontend_api='https://a.test')")
