"""Shared mode in a real headless Chromium: accounts made with ``pepdocs users``, the server
started with ``pepdocs serve --shared``; a designated teacher signs in with a password,
reaches their own pupils, and fails to reach another school's child by URL or list; the
sign-in and password pages pass axe-core with no serious or critical violation."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from pepdocs.store import open_store, parse_term
from pepdocs.store.workbench import children
from tests.web.browser import axe_violations, chromium, free_port, screenshot
from tests.web.conftest import SUMMER

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PASSWORD = "a long enough passphrase"


def _pepdocs(*args: str, stdin: str = "") -> None:
    done = subprocess.run([sys.executable, "-m", "pepdocs", *args], input=stdin,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr


@contextmanager
def serving_shared(db: Path, *options: str) -> Iterator[str]:
    """``pepdocs serve --shared`` on a free port over ``db``: yields its address."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "pepdocs", "serve", "--shared", "--db", str(db), "--port",
         str(port), *options], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and process.poll() is None:
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.1)
        assert process.poll() is None, f"pepdocs serve --shared stopped: {process.stderr}"
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.communicate(timeout=20)


def test_a_designated_teacher_signs_in_with_a_password_and_sees_only_their_school(
    collected_template: Path, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as expected
    from selenium.webdriver.support.ui import WebDriverWait

    shutil.copytree(collected_template, tmp_path / "store")
    db = tmp_path / "store" / "pepdocs.db"
    with open_store(db) as store:
        rows = children(store, parse_term(SUMMER))
    own = next(row for row in rows if row.la_child_id == "1004821")
    other = next(row for row in rows if row.urn != own.urn)
    _pepdocs("users", "add", "dee@school.example", "--name", "Dee Teacher", "--role",
             "designated_teacher", "--school", own.urn, "--password-stdin", "--db", str(db),
             stdin=PASSWORD + "\n")
    violations: dict[str, list[dict[str, object]]] = {}

    with serving_shared(db) as base, chromium() as driver:
        driver.get(f"{base}/")
        assert "Sign in" in driver.find_element(By.TAG_NAME, "h1").text
        driver.find_element(By.LINK_TEXT, "Sign in with your username and password").click()
        violations["sign-in"] = axe_violations(driver)

        driver.find_element(By.ID, "username").send_keys("dee@school.example")
        driver.find_element(By.ID, "password").send_keys("not the password")
        driver.find_element(By.XPATH, "//button[text()='Sign in']").click()
        WebDriverWait(driver, 60).until(
            expected.text_to_be_present_in_element((By.ID, "login-error"), "not right")
        )
        violations["sign-in, failed"] = axe_violations(driver)

        driver.find_element(By.ID, "password").send_keys(PASSWORD)
        driver.find_element(By.XPATH, "//button[text()='Sign in']").click()
        WebDriverWait(driver, 60).until(
            expected.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Dashboard")
        )
        assert driver.find_element(By.TAG_NAME, "h1").text.startswith("Dashboard")
        assert "dee@school.example (designated teacher)" in driver.find_element(
            By.CLASS_NAME, "who").text
        screenshot(driver, tmp_path, "shared-dashboard")

        driver.get(f"{base}/children?term={SUMMER.replace(' ', '+')}")
        listing = driver.page_source
        assert f'href="/children/{own.child_id}"' in listing
        assert f'href="/children/{other.child_id}"' not in listing
        driver.find_element(By.CSS_SELECTOR, f'a[href="/children/{own.child_id}"]').click()
        assert driver.find_element(By.TAG_NAME, "h1").text != "Page not found"

        driver.get(f"{base}/children/{other.child_id}")
        assert driver.find_element(By.TAG_NAME, "h1").text == "Page not found"

        driver.get(f"{base}/password")
        violations["password"] = axe_violations(driver)
        driver.find_element(By.XPATH, "//button[text()='Sign out']").click()
        WebDriverWait(driver, 60).until(  # a stale h1 mid-navigation counts as not yet
            expected.text_to_be_present_in_element((By.TAG_NAME, "h1"), "signed out")
        )
        driver.get(f"{base}/children/{own.child_id}")
        assert "Sign in" in driver.find_element(By.TAG_NAME, "h1").text

    assert violations == {"sign-in": [], "sign-in, failed": [], "password": []}
    with open_store(db) as store:
        from sqlalchemy import select

        from pepdocs.store.schema import AuditEntry

        with store.session() as session:
            actions = [(e.actor, e.action) for e in session.scalars(select(AuditEntry))]
    assert ("dee@school.example", "login.failed") in actions
    assert ("dee@school.example", "login") in actions
    assert ("dee@school.example", "child.viewed") in actions
    assert ("dee@school.example", "logout") in actions
