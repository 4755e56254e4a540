"""Untrusted PDFs open in a worker bounded in time and memory; passwords, XFA and looping
structures are reported in one line; a real form's fields are read."""

from __future__ import annotations

import pytest

from pepdocs import DocumentError, PepdocsError, UnsafeDocumentError
from pepdocs.safety.pdf import inspect_pdf, open_pdf

from . import corpus

# Every PDF is opened in the bounded worker process: seconds per test.
pytestmark = pytest.mark.slow

DEADLINE_SECONDS = 20.0


def test_a_form_is_read_with_its_fields_and_checkbox_on_state() -> None:
    summary = inspect_pdf(corpus.pdf_form(), "form.pdf")
    assert summary.pages == 1
    assert not summary.encrypted and not summary.xfa
    assert summary.fields["child.first_name"].value == "Zephyrine"
    camhs = summary.fields["camhs"]
    assert camhs.type == "/Btn"
    assert camhs.value == "/1"
    assert camhs.states == ("/1",)


def test_open_pdf_returns_a_reader_for_the_same_file() -> None:
    reader, summary = open_pdf(corpus.pdf_form(), "form.pdf")
    assert len(reader.pages) == summary.pages == 1


def test_text_is_read_only_when_asked() -> None:
    assert inspect_pdf(corpus.minimal_pdf(), "a.pdf").text == ()
    assert inspect_pdf(corpus.minimal_pdf(), "a.pdf", text=True).text == ("",)


@pytest.mark.parametrize("item", corpus.REFUSED_PDF, ids=lambda item: item.name)
def test_a_broken_pdf_is_refused_with_one_line(item: corpus.Item) -> None:
    source = f"{item.name}.pdf"
    with pytest.raises(DocumentError) as raised:
        open_pdf(item.build(), source)
    message = str(raised.value)
    assert message.startswith(f"{source}: ")
    assert item.problem in message
    assert "\n" not in message


def test_a_wrong_password_is_said_without_repeating_it() -> None:
    with pytest.raises(DocumentError) as raised:
        inspect_pdf(corpus.encrypted_pdf("correct horse"), "locked.pdf", "battery staple")
    assert str(raised.value) == "locked.pdf: the password given does not open it"


def test_the_right_password_opens_an_encrypted_form() -> None:
    reader, summary = open_pdf(corpus.encrypted_pdf("correct horse"), "locked.pdf", "correct horse")
    assert summary.encrypted
    assert summary.fields["child.first_name"].value == "Zephyrine"
    assert len(reader.pages) == 1


def test_a_dynamic_xfa_form_can_be_inspected_but_not_opened() -> None:
    assert inspect_pdf(corpus.pdf_dynamic_xfa(), "xfa.pdf").dynamic_xfa
    with pytest.raises(DocumentError, match="dynamic XFA"):
        open_pdf(corpus.pdf_dynamic_xfa(), "xfa.pdf")


@pytest.mark.parametrize("item", corpus.LOOPING_PDF, ids=lambda item: item.name)
def test_a_pdf_built_to_loop_ends_within_seconds(item: corpus.Item) -> None:
    try:
        open_pdf(item.build(), f"{item.name}.pdf")
    except PepdocsError as error:
        assert str(error).startswith(f"{item.name}.pdf: ")


def test_a_worker_past_its_deadline_is_killed_and_reported() -> None:
    with pytest.raises(UnsafeDocumentError, match=r"slow\.pdf: took longer than 0\.001 s"):
        inspect_pdf(corpus.pdf_form(), "slow.pdf", timeout=0.001)


def test_a_worker_past_its_memory_cap_is_reported() -> None:
    # a 20 MB field value: fine under the default cap, too much under an 8 MB one
    data = corpus.pdf_form(first_name="A" * (20 << 20))
    with pytest.raises(UnsafeDocumentError, match=r"^big\.pdf: needs more than 8 MB"):
        inspect_pdf(data, "big.pdf", memory_bytes=8 << 20)


def test_pypdfs_own_safety_limits_are_a_refusal_not_damage() -> None:
    with pytest.raises(UnsafeDocumentError, match="safety limits"):
        inspect_pdf(corpus.pdf_object_balloon(), "balloon.pdf")


def test_no_field_value_appears_in_any_error() -> None:
    big = corpus.pdf_form(first_name="Xanthippe" * (3 << 20))
    small = corpus.pdf_form(first_name="Xanthippe")
    for data, kwargs in (
        (small, {"timeout": 0.001}),
        (big, {"memory_bytes": 8 << 20}),
        (small[: len(small) * 2 // 3], {}),
    ):
        with pytest.raises(PepdocsError) as raised:
            inspect_pdf(data, "form.pdf", **kwargs)  # type: ignore[arg-type]
        assert "Xanthippe" not in str(raised.value)


def test_the_worker_can_rehearse_a_full_copy_and_the_text_layer() -> None:
    reader, summary = open_pdf(corpus.pdf_form(), "form.pdf", text=True, copy=True)
    assert summary.text == ("",)
    assert len(reader.pages) == 1


@pytest.mark.parametrize("item", corpus.LOOPING_PDF, ids=lambda item: item.name)
def test_a_full_copy_of_a_looping_pdf_ends_within_seconds(item: corpus.Item) -> None:
    try:
        inspect_pdf(item.build(), f"{item.name}.pdf", text=True, copy=True)
    except PepdocsError as error:
        assert str(error).startswith(f"{item.name}.pdf: ")


def test_pypdfs_field_list_is_left_out_when_not_asked_for_and_then_asked_for_again() -> None:
    data = corpus.pdf_form()
    without = inspect_pdf(data, "form.pdf", form=True, fields=False)
    assert without.fields == {}
    assert {field.name for field in without.form} >= {"child.first_name", "camhs"}
    # the summary kept without the list does not answer a later question that wants it
    assert inspect_pdf(data, "form.pdf").fields["child.first_name"].value == "Zephyrine"
