"""Returned forms through the workbench: uploaded many at once, matched and stored by the
store's collector, reviewed with problems first and the text as written, then approved or
sent back with a reason at the version the person saw."""

from __future__ import annotations

import io
import re
import time
from pathlib import Path

from starlette.testclient import TestClient

from pepdocs.store import Store
from pepdocs.web import create_app
from pepdocs.web.uploads import Upload, collect_uploads, shown_name
from tests.web.conftest import SUMMER, Term, child_id, csrf_of, signed_in


def _forms(folder: Path) -> list[tuple[str, tuple[str, bytes]]]:
    return [
        ("forms", (path.name, path.read_bytes()))
        for path in sorted(folder.iterdir())
        if path.suffix in (".docx", ".xlsx", ".pdf")
    ]


def _read(client: TestClient, files: list[tuple[str, tuple[str, bytes]]], token: str) -> str:
    """Upload ``files`` and follow the page that shows the forms being read (asking for its
    status as the page's script does) to the outcome."""
    answer = client.post("/returns", data={"csrf": token}, files=files, follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"].startswith("/returns/upload/")
    deadline = time.monotonic() + 600
    while True:
        page = client.get(answer.headers["location"])
        assert page.status_code == 200
        if 'data-status="' not in page.text:
            return page.text
        assert "forms read" in _text(page.text) and "<progress" in page.text
        assert time.monotonic() < deadline, "the upload was not read"
        time.sleep(0.3)


def _text(page: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page)).replace("&#39;", "'")


def test_uploading_the_returns_collects_each_and_lists_what_needs_a_person(
    sent_store: Store, term: Term
) -> None:
    client = signed_in(create_app(sent_store))
    token = csrf_of(client.get("/returns").text)
    forms = _forms(term[1])
    text = _text(_read(client, forms, token))
    assert f"{len(forms)} forms: {len(forms) - 1} collected" in text
    assert "1 matching no child" in text
    assert "unparseable meta.meeting_date 31st Febtember" in text
    assert "returned unchanged since pre-fill" in text
    assert sent_store.version_data("2015090").summary.state == "returned"
    again = _read(client, forms[:2], token)
    assert "2 already collected" in _text(again)


def test_an_upload_needs_files_and_the_csrf_token(sent_store: Store, term: Term) -> None:
    client = signed_in(create_app(sent_store))
    token = csrf_of(client.get("/returns").text)
    empty = client.post("/returns", data={"csrf": token})
    assert empty.status_code == 400 and "Choose one or more returned forms" in empty.text
    forged = client.post("/returns", data={"csrf": "x"}, files=_forms(term[1])[:1])
    assert forged.status_code == 403
    assert sent_store.version_data("2015090").summary.state == "prefilled"


def test_files_that_are_not_forms_or_too_large_are_refused_by_name(
    sent_store: Store, term: Term
) -> None:
    form = sorted(term[1].glob("*.docx"))[0]
    size = form.stat().st_size
    result = collect_uploads(
        sent_store,
        [
            Upload("../../etc/passwd", io.BytesIO(b"root:x:0:0")),
            Upload("notes.txt", io.BytesIO(b"hello")),
            Upload(form.name, io.BytesIO(form.read_bytes())),
            Upload("big.docx", io.BytesIO(b"x" * (size + 1))),
        ],
        limit=size,
    )
    refused = {item.name: item.why for item in result.refused}
    assert set(refused) == {"passwd", "notes.txt", "big.docx"}
    assert refused["big.docx"].startswith("larger than")
    assert result.result.collected == 1


def test_a_browser_given_path_never_becomes_a_path() -> None:
    assert shown_name("C:\\Users\\x\\..\\PEP 1.DOCX") == "PEP 1.docx"
    assert shown_name("../../etc/passwd") == "passwd"
    assert shown_name("<b>.pdf") == "_b_.pdf"
    assert shown_name("...") == "form"


def test_the_review_page_lists_problems_first_with_the_text_as_written(
    collected_store: Store,
) -> None:
    client = signed_in(create_app(collected_store))
    listing = client.get("/returns", params={"term": SUMMER}).text
    uid = re.search(r'href="/returns/([0-9a-f-]+)">[^<]*2015090', listing)
    assert uid, "the list links each returned form to its review"
    page = client.get(f"/returns/{uid.group(1)}")
    assert page.status_code == 200
    text = _text(page.text)
    assert "1 field that could not be read as written" in text
    assert "meta.meeting_date unparseable 31st Febtember" in text
    problems, read = text.index("Problems"), text.index("Fields read")
    assert problems < read
    first_row = text[read:].split("Where on the form", 1)[1]
    assert first_row.lstrip().startswith("meta.meeting_date unparseable")
    views = [e for e in collected_store.history("2015090").entries if e.action == "review.viewed"]
    assert len(views) == 1


def test_send_back_needs_a_reason_tied_to_its_field(collected_store: Store) -> None:
    client = signed_in(create_app(collected_store))
    child = child_id(collected_store, "2015090")
    token = csrf_of(client.get(f"/children/{child}").text)
    answer = client.post(
        f"/children/{child}/decision",
        data={"csrf": token, "action": "send_back", "term": SUMMER, "version": "2",
              "reason": "  "},
    )
    assert answer.status_code == 400
    assert 'aria-describedby="reason-error-2025-26-summer"' in answer.text
    assert 'id="reason-error-2025-26-summer"' in answer.text
    assert "Say why the PEP goes back" in answer.text
    assert collected_store.version_data("2015090").summary.state == "returned"


def test_send_back_and_approve_move_the_pep_and_are_logged_as_the_person(
    collected_store: Store,
) -> None:
    client = signed_in(create_app(collected_store))
    back, ok = child_id(collected_store, "2015090"), child_id(collected_store, "1004821")
    token = csrf_of(client.get(f"/children/{back}").text)
    answer = client.post(
        f"/children/{back}/decision",
        data={"csrf": token, "action": "send_back", "term": SUMMER, "version": "2",
              "reason": "The meeting date cannot be read: please give it as 11/05/2026."},
        follow_redirects=False,
    )
    assert answer.status_code == 303
    client.post(
        f"/children/{ok}/decision",
        data={"csrf": token, "action": "approve", "term": SUMMER, "version": "2"},
    )
    assert collected_store.version_data("2015090").summary.state == "returned_to_school"
    assert collected_store.version_data("1004821").summary.state == "approved"
    sent_back = [e for e in collected_store.history("2015090").entries
                 if e.action == "state.send_back"]
    assert sent_back[0].actor == "Ola Officer"
    assert sent_back[0].reason == "The meeting date cannot be read: please give it as 11/05/2026."


def test_approving_a_version_that_is_no_longer_the_latest_is_refused(
    collected_store: Store,
) -> None:
    client = signed_in(create_app(collected_store))
    child = child_id(collected_store, "1004821")
    token = csrf_of(client.get(f"/children/{child}").text)
    answer = client.post(
        f"/children/{child}/decision",
        data={"csrf": token, "action": "approve", "term": SUMMER, "version": "1"},
    )
    assert answer.status_code == 409
    assert "someone else changed it; nothing was written" in answer.text
    assert collected_store.version_data("1004821").summary.state == "returned"


def test_a_step_the_workflow_does_not_allow_is_explained(collected_store: Store) -> None:
    collected_store.send_back("1004821", "missing targets")
    client = signed_in(create_app(collected_store))
    child = child_id(collected_store, "1004821")
    token = csrf_of(client.get(f"/children/{child}").text)
    answer = client.post(
        f"/children/{child}/decision",
        data={"csrf": token, "action": "approve", "term": SUMMER, "version": "2"},
    )
    assert answer.status_code == 409
    assert "cannot approve it while it is returned to school" in answer.text


def _review_of(client: TestClient, la_child_id: str) -> str:
    listing = client.get("/returns", params={"term": SUMMER}).text
    found = re.search(rf'href="/returns/([0-9a-f-]+)">[^<]*{la_child_id}', listing)
    assert found
    return found.group(1)


def test_an_unreadable_value_typed_again_is_the_peps_next_version(
    collected_store: Store,
) -> None:
    client = signed_in(create_app(collected_store))
    uid = _review_of(client, "2015090")
    token = csrf_of(client.get(f"/returns/{uid}").text)
    answer = client.post(
        f"/returns/{uid}/correct",
        data={"csrf": token, "path": "meta.meeting_date", "version": "2",
              "value": "2026-05-11"},
        follow_redirects=False,
    )
    assert answer.status_code == 303
    child = child_id(collected_store, "2015090")
    assert answer.headers["location"].startswith(f"/children/{child}#pep-2025-26-summer")
    stored = collected_store.version_data("2015090")
    assert (stored.number, stored.origin) == (3, "edit")
    assert stored.data["meta"]["meeting_date"] == "2026-05-11"
    assert all(item["path"] != "meta.meeting_date" for item in stored.data.get("unresolved", []))
    edits = [e for e in collected_store.history("2015090").entries if e.action == "version.edit"]
    assert edits[0].actor == "Ola Officer"
    assert {"path": "meta.meeting_date", "change": "added"} in edits[0].changes
    page = _text(client.get(answer.headers["location"]).text)
    assert "Version 3: edit" in page and "meta.meeting_date added 2026-05-11" in page


def test_a_correction_that_is_not_valid_is_explained_beside_its_field(
    collected_store: Store,
) -> None:
    client = signed_in(create_app(collected_store))
    uid = _review_of(client, "2015090")
    token = csrf_of(client.get(f"/returns/{uid}").text)
    answer = client.post(
        f"/returns/{uid}/correct",
        data={"csrf": token, "path": "meta.meeting_date", "version": "2",
              "value": "11th May"},
    )
    assert answer.status_code == 400
    assert 'aria-describedby="fix-error-1"' in answer.text
    assert "Not an ISO date" in answer.text and 'value="11th May"' in answer.text
    assert collected_store.version_data("2015090").number == 2


def test_only_a_listed_problem_at_the_version_seen_may_be_corrected(
    collected_store: Store,
) -> None:
    client = signed_in(create_app(collected_store))
    uid = _review_of(client, "2015090")
    token = csrf_of(client.get(f"/returns/{uid}").text)
    other = client.post(
        f"/returns/{uid}/correct",
        data={"csrf": token, "path": "child.first_name", "version": "2", "value": "X"},
    )
    assert other.status_code == 404
    stale = client.post(
        f"/returns/{uid}/correct",
        data={"csrf": token, "path": "meta.meeting_date", "version": "1",
              "value": "2026-05-11"},
    )
    assert stale.status_code == 409
    assert collected_store.version_data("2015090").number == 2


def test_a_returned_form_downloads_as_stored_and_the_download_is_audited(
    collected_store: Store, term: Term
) -> None:
    client = signed_in(create_app(collected_store))
    uid = _review_of(client, "2015090")
    assert f'href="/documents/{uid}"' in client.get(f"/returns/{uid}").text
    answer = client.get(f"/documents/{uid}")
    assert answer.status_code == 200
    assert answer.content == (term[1] / "eastborough-2015090-2025-26-summer.docx").read_bytes()
    assert answer.headers["content-disposition"] == (
        'attachment; filename="eastborough-2015090-2025-26-summer.docx"'
    )
    assert "wordprocessingml" in answer.headers["content-type"]
    actions = [e.action for e in collected_store.history("2015090").entries]
    assert actions[-1] == "document.viewed"
    assert client.get("/documents/no-such-document").status_code == 404


def test_review_and_lock_are_steps_from_the_childs_page(collected_store: Store) -> None:
    client = signed_in(create_app(collected_store))
    child = child_id(collected_store, "1004821")
    page = client.get(f"/children/{child}").text
    assert "Start review of version 2" in page and "Lock version" not in page
    token = csrf_of(page)
    for action in ("review", "approve", "lock"):
        answer = client.post(
            f"/children/{child}/decision",
            data={"csrf": token, "action": action, "term": SUMMER, "version": "2"},
            follow_redirects=False,
        )
        assert answer.status_code == 303, action
    assert collected_store.version_data("1004821").summary.state == "locked"
