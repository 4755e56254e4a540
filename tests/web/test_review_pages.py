"""The review page's two additions: text a returned form held that no field took, assigned
to a field in place (the PEP's next version, audited), and the form's pages drawn beside the
fields read (LibreOffice and pdftoppm; kept by the document's SHA-256)."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from starlette.testclient import TestClient

from pepdocs.store import Store, parse_term
from pepdocs.store.collect import collect
from pepdocs.store.page_images import page_images
from pepdocs.web import Principal, create_app
from tests.store.term import AS_OF
from tests.web.conftest import OFFICER, SUMMER, Term, csrf_of, signed_in

CHILD = "2018025"
NOTE = "Favourite subject: Art and design"


@pytest.fixture
def noted_store(sent_store: Store, term: Term, tmp_path: Path) -> Store:
    """The sent store with one return collected, on which the school added a table row and
    a paragraph the form has no field for."""
    folder = tmp_path / "returned"
    folder.mkdir()
    source = term[1] / f"eastborough-{CHILD}-2025-26-summer.docx"
    form = docx.Document(str(source))
    table = form.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Favourite subject", "Art and design"
    form.save(str(folder / source.name))
    assert collect(sent_store, folder, as_of=AS_OF).collected == 1
    return sent_store


def _review_uid(client: TestClient) -> str:
    listing = client.get("/returns", params={"term": SUMMER}).text
    found = re.search(r'href="/returns/([0-9a-f-]+)"', listing)
    assert found, "no returned form listed"
    return found.group(1)


def test_unmapped_text_assigned_to_a_field_is_the_peps_next_version(noted_store: Store) -> None:
    client = signed_in(create_app(noted_store))
    uid = _review_uid(client)
    page = client.get(f"/returns/{uid}").text
    assert NOTE in page
    index = str(re.findall(r'<li><p class="raw">(.*?)</p>', page, re.S).index(NOTE))
    before = noted_store.version_data(CHILD, term=parse_term(SUMMER))
    answer = client.post(
        f"/returns/{uid}/assign",
        data={"csrf": csrf_of(page), "text": index, "path": "child.preferred_name",
              "value": "Art and design", "version": str(before.number)},
        follow_redirects=False,
    )
    assert answer.status_code == 303
    after = noted_store.version_data(CHILD, term=parse_term(SUMMER))
    assert after.number == before.number + 1 and after.origin == "edit"
    assert after.data["child"]["preferred_name"] == "Art and design"
    lines = [e for e in noted_store.history(CHILD).entries if e.action == "text.assigned"]
    assert lines and lines[-1].actor == OFFICER.user
    again = client.get(answer.headers["location"]).text
    assert f"Saved as version {after.number}" in again and NOTE in again


def test_an_assignment_needs_a_field_of_the_form_a_valid_value_and_the_version_seen(
    noted_store: Store,
) -> None:
    client = signed_in(create_app(noted_store))
    uid = _review_uid(client)
    page = client.get(f"/returns/{uid}").text
    token = csrf_of(page)
    version = str(noted_store.version_data(CHILD, term=parse_term(SUMMER)).number)
    no_field = client.post(f"/returns/{uid}/assign", data={
        "csrf": token, "text": "0", "path": "", "value": "x", "version": version})
    assert no_field.status_code == 400 and "Choose the field" in no_field.text
    not_on_form = client.post(f"/returns/{uid}/assign", data={
        "csrf": token, "text": "0", "path": "child.secret", "value": "x", "version": version})
    assert not_on_form.status_code == 404
    invalid = client.post(f"/returns/{uid}/assign", data={
        "csrf": token, "text": "0", "path": "meta.meeting_date", "value": "Art and design",
        "version": version})
    assert invalid.status_code == 400 and 'aria-describedby="assign-error-0"' in invalid.text
    stale = client.post(f"/returns/{uid}/assign", data={
        "csrf": token, "text": "0", "path": "child.preferred_name", "value": "x",
        "version": str(int(version) - 1)})
    assert stale.status_code == 409
    reader = signed_in(create_app(noted_store), Principal("Rae Reader", "read_only"))
    assert 'action="/returns/' not in reader.get(f"/returns/{uid}").text
    assert noted_store.version_data(CHILD, term=parse_term(SUMMER)).number == int(version)


@pytest.mark.slow
@pytest.mark.libreoffice
def test_the_review_shows_the_forms_pages_drawn_once_and_only_to_who_may_see_it(
    noted_store: Store,
) -> None:
    app = create_app(noted_store)
    client = signed_in(app)
    uid = _review_uid(client)
    page = client.get(f"/returns/{uid}").text
    pictures = re.findall(rf'src="/returns/{uid}/pages/(\d+)"', page)
    assert pictures and pictures[0] == "1"
    first = client.get(f"/returns/{uid}/pages/1")
    assert first.status_code == 200 and first.content.startswith(b"\x89PNG")
    assert client.get(f"/returns/{uid}/pages/{len(pictures) + 1}").status_code == 404
    drawn = page_images(noted_store, uid)
    assert drawn.problem is None and drawn.pages[0].stat().st_mode & 0o077 == 0
    kept = drawn.pages[0].stat().st_mtime_ns
    assert page_images(noted_store, uid).pages[0].stat().st_mtime_ns == kept
    teacher = signed_in(app, Principal("Dee Teacher", "designated_teacher", frozenset({"1"})))
    assert teacher.get(f"/returns/{uid}/pages/1").status_code == 404


def test_without_pdftoppm_the_review_says_the_pages_cannot_be_shown(
    noted_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    client = signed_in(create_app(noted_store))
    uid = _review_uid(client)
    page = client.get(f"/returns/{uid}").text
    assert "The form's pages cannot be shown here" in page
    assert f'href="/documents/{uid}"' in page
