"""Real-browser helpers: Debian's headless Chromium driven by Selenium through
chromium-driver, the ``pepdocs serve`` process under test, and axe-core run in each page."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).parent / "data"
REQUIRE_ENV = "PEPDOCS_REQUIRE_BROWSER"
#: a folder to keep the journey's screenshots in (the README's come from here)
SCREENSHOTS_ENV = "PEPDOCS_SCREENSHOTS"


def chromium_paths() -> tuple[str, str]:
    """(chromium, chromedriver); skips when either is missing, unless the browser tests are
    required (CI sets PEPDOCS_REQUIRE_BROWSER=1: there a missing browser must fail)."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if browser and driver:
        return browser, driver
    problem = "no Chromium for the browser tests (apt-get install chromium chromium-driver)"
    if os.environ.get(REQUIRE_ENV):
        pytest.fail(f"{REQUIRE_ENV} is set but {problem}")
    pytest.skip(problem)


@contextmanager
def chromium(
    width: int = 1280, height: int = 900, downloads: Path | None = None
) -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    browser, driver = chromium_paths()
    # the driver is Debian's: Selenium Manager must not look for one on the internet
    os.environ.setdefault("SE_OFFLINE", "true")
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                     "--disable-gpu", f"--window-size={width},{height}", "--lang=en-GB"):
        options.add_argument(argument)
    if downloads is not None:
        options.add_experimental_option("prefs", {
            "download.default_directory": str(downloads),
            "download.prompt_for_download": False,
        })
    session = webdriver.Chrome(options=options, service=Service(executable_path=driver))
    session.implicitly_wait(0)
    try:
        yield session
    finally:
        session.quit()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def serving(db: Path, user: str) -> Iterator[str]:
    """``pepdocs serve`` on a free port over ``db``: yields the sign-in link it prints."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "pepdocs", "serve", "--db", str(db), "--user", user,
         "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        assert process.stdout is not None
        link = ""
        for line in process.stdout:
            found = re.search(r"(http://127\.0\.0\.1:\d+/login/\S+)", line)
            if found:
                link = found.group(1)
                break
        assert link, f"pepdocs serve printed no sign-in link: {process.stderr.read()[-500:]}"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.1)
        yield link
    finally:
        process.terminate()
        process.communicate(timeout=20)


def axe_violations(driver: Any) -> list[dict[str, Any]]:
    """axe-core's serious and critical violations of the page shown (WCAG 2.x A and AA)."""
    driver.execute_script((DATA / "axe.min.js").read_text(encoding="utf-8"))
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})"
        ".then(r => done(r.violations)).catch(e => done([{id: 'axe-error', impact: 'critical',"
        " help: String(e), nodes: []}]));"
    )
    return [
        {"id": v["id"], "impact": v["impact"], "help": v["help"],
         "nodes": [n.get("target") for n in v.get("nodes", [])][:3]}
        for v in result
        if v.get("impact") in ("serious", "critical")
    ]


def screenshot(driver: Any, folder: Path, name: str) -> Path:
    """A screenshot of the page in ``folder`` (and in $PEPDOCS_SCREENSHOTS when set)."""
    target = folder / f"{name}.png"
    driver.save_screenshot(str(target))
    keep = os.environ.get(SCREENSHOTS_ENV)
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(target, Path(keep) / target.name)
    return target


def sideways_overflow(driver: Any) -> int:
    """How many CSS pixels the page is wider than the window (0: no sideways scrolling)."""
    overflow: int = driver.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    return overflow


def zoomed(driver: Any, width: int, scale: float) -> None:
    """The window as at a zoom of ``scale``: ``width`` CSS pixels wide, each drawn with
    ``scale`` device pixels (1280 pixels at 200% zoom is 640 CSS pixels)."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": 900, "deviceScaleFactor": scale, "mobile": False,
    })
