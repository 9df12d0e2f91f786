"""The body of `GET /v1/environment`: the instance's settings, from `data/environment.json` and the settings.

The data file holds the answer of a real development instance (the one recorded in the reference samples),
with `{home_url}` standing for the instance's own URL. The values that the emulator enforces (which sign-up
fields are required, single-session mode, the instance type, whether the native API is on, the application's
name) are `null` there and filled in by `build_environment` from the emulator's settings, so that the
environment never contradicts its behaviour.
"""

from __future__ import annotations

import copy
import functools
import json
from importlib import resources
from typing import Any

_HOME_URL = "{home_url}"

# Sign-up fields an instance can require; everything else a sign-up accepts is optional.
SIGN_UP_FIELDS = (
    "email_address",
    "phone_number",
    "username",
    "first_name",
    "last_name",
    "password",
    "legal_accepted",
)


@functools.cache
def _template() -> dict[str, Any]:
    """The data file, read once."""
    text = resources.files(__package__).joinpath("data", "environment.json").read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


# The enabled social providers of the recorded instance, in the order it lists them.
OAUTH_STRATEGIES: tuple[str, ...] = tuple(
    strategy for strategy, entry in _template()["user_settings"]["social"].items() if entry["enabled"]
)


def build_environment(
    *,
    instance_type: str,
    single_session_mode: bool,
    sign_up_required: frozenset[str],
    native_api_enabled: bool,
    application_name: str,
    home_url: str,
) -> dict[str, Any]:
    """The environment of an instance with these settings, served at `home_url`."""
    env = copy.deepcopy(_template())
    dev = instance_type == "development"
    auth_config = env["auth_config"]
    for name in ("first_name", "last_name", "email_address", "phone_number", "username", "password"):
        auth_config[name] = "required" if name in sign_up_required else "on"
        env["user_settings"]["attributes"][name]["required"] = name in sign_up_required
    auth_config.update(single_session_mode=single_session_mode, test_mode=dev, cookieless_dev=dev)
    auth_config["url_based_session_syncing"] = dev
    auth_config["native_settings"]["api_enabled"] = native_api_enabled
    env["user_settings"]["sign_up"]["legal_consent_enabled"] = "legal_accepted" in sign_up_required
    display_config = env["display_config"]
    display_config.update(
        instance_environment_type=instance_type, application_name=application_name, show_devmode_warning=dev
    )
    display_config["logo_image"]["public_url"] = display_config["logo_image"]["public_url"].replace(
        _HOME_URL, home_url
    )
    for key, value in display_config.items():
        if isinstance(value, str) and value.startswith(_HOME_URL):
            display_config[key] = home_url + value.removeprefix(_HOME_URL)
    return env
