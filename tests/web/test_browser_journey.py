"""The workbench in a real headless Chromium: an officer signs in with the link
``pepdocs serve`` prints, pre-fills next term from the shipped roster and downloads the
forms, uploads the schools' returned forms (with problems in them), reads
the review page, types an unreadable date again, sends one PEP back with a reason, approves
another, assigns text the form had no field for, sees the dashboard change, downloads the
cohort workbook and reads the audit log; every page visited passes axe-core with no serious or
critical violation, works from the keyboard, and fits a narrow window without scrolling
sideways."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from pepdocs.store import TermKey, open_store
from pepdocs.store.workbench import children
from pepdocs.web.prefill import term_choices
from tests.store.term import ROOT, record_batch
from tests.web.browser import (
    axe_violations,
    chromium,
    screenshot,
    serving,
    sideways_overflow,
    zoomed,
)
from tests.web.conftest import Term

pytestmark = [pytest.mark.browser, pytest.mark.slow]

NOTE = "Favourite subject: Art and design"


def _with_unmapped_text(returned: Path, folder: Path) -> Path:
    """A copy of one school's return to which the school added a row the form has no field
    for (its text is listed on the review as text no field took)."""
    import docx

    folder.mkdir()
    source = returned / "eastborough-2018025-2025-26-summer.docx"
    form = docx.Document(str(source))
    table = form.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Favourite subject", "Art and design"
    form.save(str(folder / source.name))
    return folder / source.name


def _then_next_page(driver: Any, act: Callable[[], object]) -> None:
    """Do ``act`` (a click, a key) and wait until the browser has left the page it was on,
    so that what follows reads the next page, never the old one."""
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as expected
    from selenium.webdriver.support.ui import WebDriverWait

    old = driver.find_element(By.TAG_NAME, "html")
    act()

    def left(_: Any) -> bool:
        try:
            return bool(expected.staleness_of(old)(driver))
        except WebDriverException as problem:
            # mid-navigation Chromium may say the node "does not belong to the document"
            # rather than that it is stale: the page it was on is gone either way
            if "does not belong to the document" in str(problem):
                return True
            raise

    WebDriverWait(driver, 180).until(left)


SUMMER_PEP = "//section[@id='pep-2025-26-summer']"


def _summer_state(driver: Any) -> str:
    """The state of the child's 2025-26 summer PEP, as their page shows it."""
    from selenium.webdriver.common.by import By

    text: str = driver.find_element(By.CSS_SELECTOR, "#pep-2025-26-summer h2 .state").text
    return text


def _checked(driver: object, visited: dict[str, list[dict[str, object]]], name: str) -> None:
    visited[name] = axe_violations(driver)


def test_an_officer_works_through_a_term_in_the_browser(term: Term, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as expected
    from selenium.webdriver.support.ui import Select, WebDriverWait

    batch, returned, _ = term
    db = tmp_path / "store" / "pepdocs.db"
    with open_store(db, user="batch") as store:
        record_batch(store, batch, tmp_path / "sent")
    noted = _with_unmapped_text(returned, tmp_path / "noted")
    forms = sorted(
        noted if p.name == noted.name else p
        for p in returned.iterdir() if p.suffix in (".docx", ".xlsx", ".pdf")
    )
    visited: dict[str, list[dict[str, object]]] = {}
    downloads = tmp_path / "downloads"
    downloads.mkdir()

    with serving(db, "Ola Officer") as link, chromium(downloads=downloads) as driver:
        driver.get(link)
        assert driver.find_element(By.TAG_NAME, "h1").text.startswith("Dashboard")
        base = link.split("/login/")[0]

        # pre-fill next term from the shipped roster, watch it run, download the forms
        _then_next_page(driver, driver.find_element(By.LINK_TEXT, "Pre-fill a term").click)
        _checked(driver, visited, "prefill")
        driver.find_element(By.ID, "roster").send_keys(str(ROOT / "samples" / "roster.csv"))
        _then_next_page(
            driver, driver.find_element(By.XPATH, "//button[text()='Pre-fill the term']").click
        )
        _checked(driver, visited, "prefill-running")
        download = WebDriverWait(driver, 600).until(
            expected.presence_of_element_located((By.PARTIAL_LINK_TEXT, "(zip)"))
        )
        assert "Finished:" in driver.find_element(By.TAG_NAME, "body").text
        _checked(driver, visited, "prefill-finished")
        download.click()
        WebDriverWait(driver, 60).until(lambda _: list(downloads.glob("*forms.zip")))
        names = zipfile.ZipFile(next(downloads.glob("*forms.zip"))).namelist()
        assert "manifest.csv" in names
        driver.get(f"{base}/?term=2025-26+summer")
        body = driver.find_element(By.TAG_NAME, "body")
        assert re.search(r"0\s+approved or locked", body.text)
        _checked(driver, visited, "dashboard")

        # keyboard: the first Tab reaches the skip link, which moves focus to the content
        body.send_keys(Keys.TAB)
        active = driver.switch_to.active_element
        assert active.text == "Skip to main content"
        active.send_keys(Keys.ENTER)  # a link within the page: no new page to wait for
        assert driver.switch_to.active_element.get_attribute("id") == "main"

        _then_next_page(driver, driver.find_element(By.LINK_TEXT, "Returned forms").click)
        _checked(driver, visited, "returns")
        driver.find_element(By.ID, "forms").send_keys("\n".join(str(p) for p in forms))
        _then_next_page(
            driver, driver.find_element(By.XPATH, "//button[text()='Upload and read']").click
        )
        outcome = WebDriverWait(driver, 180).until(
            expected.presence_of_element_located((By.ID, "outcome-title"))
        ).find_element(By.XPATH, "..")
        assert f"{len(forms)} forms: {len(forms) - 1} collected" in outcome.text
        assert "31st Febtember" in outcome.text
        _checked(driver, visited, "upload-result")

        driver.get(f"{base}/returns?term=2025-26+summer")
        _then_next_page(
            driver, driver.find_element(By.PARTIAL_LINK_TEXT, "eastborough-2015090").click
        )
        assert driver.find_element(By.TAG_NAME, "h1").text.startswith("Review")
        problems = driver.find_element(By.CSS_SELECTOR, "table.problems")
        assert "meta.meeting_date" in problems.text and "31st Febtember" in problems.text
        _checked(driver, visited, "review")

        # the unreadable date typed again: the PEP's next version, on the child's page
        driver.find_element(By.ID, "fix-1").send_keys("2026-05-11")
        _then_next_page(
            driver, driver.find_element(By.XPATH, "//button[text()='Save as version 3']").click
        )
        assert "Version 3: edit" in driver.find_element(By.TAG_NAME, "body").text
        _checked(driver, visited, "child-corrected")
        reason = driver.find_element(By.ID, "reason-2025-26-summer")
        reason.send_keys("The meeting date cannot be read: please write it as 11/05/2026.")
        _then_next_page(
            driver,
            driver.find_element(By.XPATH, "//button[text()='Send back to school']").click,
        )
        assert "returned to school" in _summer_state(driver)
        _checked(driver, visited, "child-sent-back")

        # text the school added where the form has no field, assigned to one in place
        driver.get(f"{base}/returns?term=2025-26+summer")
        _then_next_page(
            driver, driver.find_element(By.PARTIAL_LINK_TEXT, "eastborough-2018025").click
        )
        WebDriverWait(driver, 180).until(
            expected.presence_of_element_located((By.CSS_SELECTOR, ".form-pages img"))
        )
        screenshot(driver, tmp_path, "workbench-review")
        review = driver.current_url
        assert sideways_overflow(driver) <= 0, "the review scrolls sideways"
        texts = [item.text for item in driver.find_elements(By.CSS_SELECTOR, "ol.unmapped p.raw")]
        index = texts.index(NOTE)
        Select(driver.find_element(By.ID, f"assign-field-{index}")).select_by_value(
            "child.preferred_name"
        )
        value = driver.find_element(By.ID, f"assign-value-{index}")
        value.clear()
        value.send_keys("Art and design")
        _then_next_page(driver, value.find_element(By.XPATH, "../../button").click)
        assert "Saved as version" in driver.find_element(By.CSS_SELECTOR, ".done").text
        _checked(driver, visited, "review-assigned")

        driver.get(f"{base}/children?term=2025-26+summer")
        _checked(driver, visited, "children")
        search = driver.find_element(By.ID, "q")
        search.send_keys("Okafor")
        _then_next_page(driver, lambda: search.send_keys(Keys.ENTER))
        _then_next_page(driver, driver.find_element(By.LINK_TEXT, "Amara Okafor").click)
        _then_next_page(
            driver,
            driver.find_element(By.XPATH, f"{SUMMER_PEP}//button[starts-with(text(), 'Approve')]")
            .click,
        )
        assert "approved" in _summer_state(driver)

        driver.get(f"{base}/?term=2025-26+summer")
        text = driver.find_element(By.TAG_NAME, "body").text
        assert re.search(r"1\s+approved or locked", text)
        assert re.search(r"returned to school\s+1", text)
        screenshot(driver, tmp_path, "workbench-dashboard")
        _checked(driver, visited, "dashboard-after")

        driver.get(f"{base}/reports?term=2025-26+summer")
        _checked(driver, visited, "reports")
        driver.find_element(By.PARTIAL_LINK_TEXT, "Cohort workbook").click()
        WebDriverWait(driver, 120).until(lambda _: list(downloads.glob("cohort-*.xlsx")))
        driver.get(f"{base}/audit?action=state.approve")
        assert "Ola Officer" in driver.find_element(By.TAG_NAME, "table").text
        _checked(driver, visited, "audit-log")

        # 200% zoom of a 1280-pixel window: 640 CSS pixels, two device pixels each
        zoomed(driver, 640, 2)
        for path in ("/?term=2025-26+summer", "/children?term=2025-26+summer", "/prefill",
                     "/reports", "/audit", "/returns?term=2025-26+summer",
                     review.removeprefix(base)):
            driver.get(base + path)
            assert sideways_overflow(driver) <= 0, f"{path} scrolls sideways at 200% zoom"
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})

        driver.set_window_size(400, 900)  # 320 CSS px wide content at 200% zoom is narrower
        for path in ("/?term=2025-26+summer", "/children?term=2025-26+summer"):
            driver.get(base + path)
            overflow = driver.execute_script(
                "return document.documentElement.scrollWidth - "
                "document.documentElement.clientWidth"
            )
            assert overflow <= 0, f"{path} scrolls sideways in a narrow window"

    assert len(visited) == 14
    serious = {page: found for page, found in visited.items() if found}
    assert not serious, serious

    summer = TermKey("2025-26", "summer")
    with open_store(db) as store:
        assert store.version_data("2015090", term=summer).summary.state == "returned_to_school"
        assert store.version_data("2015090", term=summer).data["meta"]["meeting_date"] == (
            "2026-05-11"
        )
        assert store.version_data("1004821", term=summer).summary.state == "approved"
        assigned = store.version_data("2018025", term=summer)
        assert assigned.data["child"]["preferred_name"] == "Art and design"
        actors = {e.actor for e in store.history("1004821").entries if e.action == "state.approve"}
        assert actors == {"Ola Officer"}
        # the pre-fill recorded next term's forms as sent
        next_term = term_choices(dt.date.today())[0]
        roster = (ROOT / "samples" / "roster.csv").read_text(encoding="utf-8").splitlines()
        ids = {line.split(",")[0] for line in roster[1:] if line}
        assert ids <= {row.la_child_id for row in children(store, next_term)}


def test_axe_in_the_browser_reports_a_page_with_serious_faults(tmp_path: Path) -> None:
    """The accessibility check above can fail: a page with an unlabelled field and an image
    without a text alternative is reported."""
    page = tmp_path / "faulty.html"
    page.write_text(
        '<!DOCTYPE html><html lang="en"><head><title>Faulty</title></head><body><main>'
        '<h1>Faulty</h1><img src="x.png"><input type="text"></main></body></html>',
        encoding="utf-8",
    )
    with chromium() as driver:
        driver.get(page.as_uri())
        found = {violation["id"] for violation in axe_violations(driver)}
    assert {"image-alt", "label"} <= found
