"""``clerk-fapi sign-in --web`` driven end to end by a real browser: headless Chromium (Debian's ``chromium``
and ``chromium-driver``) opens the URL the command prints, fills in the emulator's hosted sign-in page, is
redirected to the command's loopback listener, and the command finishes with an active session.

Selenium drives the system chromedriver given explicitly (it matches the system Chromium; nothing is
downloaded). Where Chromium is missing the test skips with one line; under ``CI=true`` it fails instead
(``.ci/run`` installs both packages when it can).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from clerk_fapi.testing import EmulatorServer, SeededUser

from .conftest import JANE, PASSWORD, Run
from .web_helpers import WebSignIn

CHROMIUM = Path(os.environ.get("CLERK_FAPI_CHROMIUM", "/usr/bin/chromium"))
CHROMEDRIVER = Path(os.environ.get("CLERK_FAPI_CHROMEDRIVER", "/usr/bin/chromedriver"))
PAGE_WAIT_S = 30


_MISSING = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not os.access(p, os.X_OK)]
if _MISSING:
    _REASON = (
        f"headless Chromium is not installed ({', '.join(_MISSING)} missing): "
        "apt-get install chromium chromium-driver"
    )
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{_REASON}; CI=true requires it", pytrace=False)
    pytest.skip(_REASON, allow_module_level=True)


@pytest.fixture
def chromium(tmp_path: Path) -> Iterator[Any]:
    """A headless Chromium session through the system chromedriver."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in (
        "--headless=new",
        "--no-sandbox",  # CI runs as root
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        f"--user-data-dir={tmp_path / 'chromium-profile'}",
    ):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(PAGE_WAIT_S)
    try:
        yield driver
    finally:
        driver.quit()


def test_sign_in_web_in_headless_chromium(
    chromium: Any, server: EmulatorServer, store: Path, home: Path, jane: SeededUser, run: Run
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    cli = WebSignIn(server, store, home, "--no-browser", "--json", "--timeout", "60")
    try:
        url = cli.url(server.url + "/hosted_auth/")
        chromium.get(url)
        assert "Sign in to" in chromium.title
        chromium.find_element(By.ID, "identifier").send_keys(JANE)
        chromium.find_element(By.ID, "password").send_keys(PASSWORD)
        chromium.find_element(By.ID, "submit").click()
        WebDriverWait(chromium, PAGE_WAIT_S).until(lambda d: "close this tab" in d.page_source)
        landed = chromium.current_url
        result = cli.finish()
    finally:
        cli.kill()
    assert landed.startswith("http://127.0.0.1:") and "/callback?" in landed
    assert result.status == 0, result.stderr
    session = result.json()["session"]
    assert session["status"] == "active" and session["identifier"] == JANE
    assert run("status", "--json").json()["last_active_session_id"] == session["id"]


def test_a_wrong_password_stays_on_the_page_in_chromium(
    chromium: Any, server: EmulatorServer, store: Path, home: Path, jane: SeededUser
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait

    def error_text(driver: Any) -> str:
        return " ".join(e.text for e in driver.find_elements(By.ID, "error"))

    cli = WebSignIn(server, store, home, "--no-browser", "--timeout", "60")
    try:
        chromium.get(cli.url(server.url + "/hosted_auth/"))
        Select(chromium.find_element(By.ID, "user_id")).select_by_visible_text(JANE)  # pick from the list
        chromium.find_element(By.ID, "code").send_keys("000000")
        chromium.find_element(By.ID, "submit").click()
        # The answer is a new page: wait for it rather than read the one being left.
        WebDriverWait(chromium, PAGE_WAIT_S).until(lambda d: "not right" in error_text(d))
        assert "not right" in error_text(chromium)
        Select(chromium.find_element(By.ID, "user_id")).select_by_visible_text(JANE)
        chromium.find_element(By.ID, "code").send_keys("424242")
        chromium.find_element(By.ID, "submit").click()
        WebDriverWait(chromium, PAGE_WAIT_S).until(lambda d: "close this tab" in d.page_source)
        assert "close this tab" in chromium.page_source
        result = cli.finish()
    finally:
        cli.kill()
    assert result.status == 0, result.stderr
