"""Pre-filling a term from the workbench: a roster (or the 903 export's files) uploaded, the
batch run by the server in the background with a page that shows its progress, the zip of
forms and the manifest downloaded, and what was sent recorded in the store."""

from __future__ import annotations

import io
import re
import time
import zipfile
from pathlib import Path

from starlette.testclient import TestClient

from pepdocs.store import Store, TermKey
from pepdocs.store.workbench import children
from pepdocs.web import Principal, create_app
from pepdocs.web.prefill import term_choices, term_start
from tests.web.conftest import OFFICER, csrf_of, signed_in

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def _finished(client: TestClient, where: str, wait: float = 600) -> str:
    """The run's page once the run has ended (waits, asking for its status as the page's
    script does)."""
    deadline = time.monotonic() + wait
    while True:
        page = client.get(where)
        assert page.status_code == 200
        if 'data-status="' not in page.text:
            return page.text
        assert time.monotonic() < deadline, "the pre-fill did not finish"
        time.sleep(0.5)


def _term() -> TermKey:
    import datetime as dt

    return term_choices(dt.date.today())[0]


def test_a_term_is_pre_filled_from_a_roster_and_downloaded(sent_store: Store) -> None:
    client = signed_in(create_app(sent_store))
    form = client.get("/prefill")
    assert form.status_code == 200 and 'name="roster"' in form.text
    term = _term()
    answer = client.post(
        "/prefill",
        data={"csrf": csrf_of(form.text), "term": f"{term.academic_year} {term.term}"},
        files=[("roster", ("roster.csv", (SAMPLES / "roster.csv").read_bytes(), "text/csv"))],
        follow_redirects=False,
    )
    assert answer.status_code == 303
    where = answer.headers["location"]
    assert re.fullmatch(r"/prefill/[\w-]+", where)
    page = _finished(client, where)
    assert "Finished:" in page and "failed" not in page.split("Finished:")[1][:80]
    made = client.get(f"{where}/forms.zip")
    assert made.status_code == 200 and made.headers["content-type"] == "application/zip"
    names = zipfile.ZipFile(io.BytesIO(made.content)).namelist()
    assert "manifest.csv" in names and any(name.endswith(".docx") for name in names)
    manifest = client.get(f"{where}/manifest.csv")
    assert manifest.status_code == 200 and manifest.text.startswith(manifest.text.split(",")[0])
    recorded = {row.la_child_id: row.state for row in children(sent_store, term)}
    roster_ids = {line.split(",")[0] for line in
                  (SAMPLES / "roster.csv").read_text(encoding="utf-8").strip().splitlines()[1:]}
    assert roster_ids <= set(recorded)
    assert {recorded[child] for child in roster_ids} == {"prefilled"}
    assert term_start(term).isoformat()[:4] in term.academic_year


def test_a_pre_fill_from_the_903_export_and_a_people_file(sent_store: Store) -> None:
    client = signed_in(create_app(sent_store))
    token = csrf_of(client.get("/prefill").text)
    term = _term()
    export = [("export", (path.name, path.read_bytes(), "text/csv"))
              for path in sorted((SAMPLES / "ssda903").glob("*.csv"))]
    people = ("people", ("people.csv", (SAMPLES / "ssda903-people.csv").read_bytes(), "text/csv"))
    answer = client.post(
        "/prefill",
        data={"csrf": token, "term": f"{term.academic_year} {term.term}",
              "authority": "northshire"},
        files=[*export, people], follow_redirects=False,
    )
    assert answer.status_code == 303, answer.text[-500:]
    page = _finished(client, answer.headers["location"])
    assert "Finished:" in page, re.sub(r"<[^>]+>", " ", page)[-800:]
    assert children(sent_store, term)


def test_a_pre_fill_needs_one_source_a_listed_term_and_the_csrf_token(sent_store: Store) -> None:
    client = signed_in(create_app(sent_store))
    token = csrf_of(client.get("/prefill").text)
    term = _term()
    before = children(sent_store, term)
    roster = ("roster", ("roster.csv", (SAMPLES / "roster.csv").read_bytes(), "text/csv"))
    nothing = client.post("/prefill", data={"csrf": token,
                                            "term": f"{term.academic_year} {term.term}"})
    assert nothing.status_code == 400 and 'aria-describedby="roster-error"' in nothing.text
    old = client.post("/prefill", data={"csrf": token, "term": "2001-02 autumn"},
                      files=[roster])
    assert old.status_code == 400 and 'aria-describedby="term-error"' in old.text
    wrong = client.post("/prefill", data={"csrf": token,
                                          "term": f"{term.academic_year} {term.term}"},
                        files=[("roster", ("roster.txt", b"x", "text/plain"))])
    assert wrong.status_code == 400 and "roster.txt: not a .csv or .xlsx file" in wrong.text
    forged = client.post("/prefill", data={"csrf": "x",
                                           "term": f"{term.academic_year} {term.term}"},
                         files=[roster])
    assert forged.status_code == 403
    assert children(sent_store, term) == before


def test_only_officers_pre_fill_and_a_run_is_seen_by_its_owner_only(
    sent_store: Store,
) -> None:
    app = create_app(sent_store)
    officer = signed_in(app, OFFICER)
    term = _term()
    answer = officer.post(
        "/prefill",
        data={"csrf": csrf_of(officer.get("/prefill").text),
              "term": f"{term.academic_year} {term.term}"},
        files=[("roster", ("roster.csv", (SAMPLES / "roster.csv").read_bytes(), "text/csv"))],
        follow_redirects=False,
    )
    where = answer.headers["location"]
    _finished(officer, where)
    status = officer.get(f"{where}/status").json()
    assert status["state"] == "finished" and status["done"] >= 1
    assert "forms made" in status["message"]
    other_officer = signed_in(app, Principal("Oli Other", "officer"))
    assert other_officer.get(where).status_code == 404
    assert other_officer.get(f"{where}/status").status_code == 404
    assert other_officer.get(f"{where}/forms.zip").status_code == 404
    client = signed_in(app, Principal("Rae Reader", "read_only"))
    assert client.get("/prefill").status_code == 404
    assert client.get(where).status_code == 404
    assert 'href="/prefill"' not in client.get("/").text
