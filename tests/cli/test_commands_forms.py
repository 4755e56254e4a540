"""``pepdocs fill``, ``extract`` and ``translate`` through the real entry point.

The engine is the stand-in from tests/fake_engine.py (the Word engine is exercised by the
round-trip tests); everything else is real: option parsing, the registry with --mappings
and PEPDOCS_MAPPINGS, atomic outputs, one-line errors and exit codes.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fake_engine import FakeEngine

from pepdocs import api
from pepdocs.cli import cli, main
from pepdocs.cli.commands_forms import COMMANDS
from pepdocs.formats import ENGINES
from pepdocs.mapping.registry import clear_cache
from pepdocs.model import load_pep
from pepdocs.report import ExtractionReport, FieldReport

TESTSHIRE = """\
authority: testshire
name: Testshire Virtual School
form: school_age
version: "2025-09"
kind: docx
template: testshire.docx
fields:
  - path: child.first_name
    at: {control: first_name}
  - path: child.last_name
    at: {control: last_name}
  - path: child.upn
    at: {label: UPN}
  - path: views.child
    at: {heading: "Child's views"}
  - path: targets
    at: {table: {header: [Target, By when]}}
    columns:
      - {path: description, header: Target}
      - {path: due_date, header: By when, type: date}
"""

OTHERTON = """\
authority: otherton
name: Otherton Virtual School
form: school_age
version: "2025-09"
kind: docx
template: otherton.docx
fields:
  - path: child.first_name
    at: {label: "First name"}
  - path: child.upn
    at: {label: UPN}
"""

PEP: dict[str, Any] = {
    "meta": {"phase": "school_age", "academic_year": "2025-26"},
    "child": {"first_name": "Zoë", "last_name": "Ní Bhriain", "upn": "B801200005001"},
    "targets": [{"description": "Read 20 minutes a day", "due_date": "2025-12-12"}],
}


@pytest.fixture
def engine() -> Iterator[FakeEngine]:
    """The stand-in serves Word forms (every test mapping here is one) for one test."""
    fake = FakeEngine()
    with ENGINES.using("docx", fake):
        yield fake


@pytest.fixture
def mappings(tmp_path: Path) -> Path:
    folder = tmp_path / "mappings"
    folder.mkdir()
    for name, text in (("testshire", TESTSHIRE), ("otherton", OTHERTON)):
        (folder / f"{name}.yaml").write_text(text, encoding="utf-8")
        (folder / f"{name}.docx").write_bytes(b"")  # the stand-in engine never opens it
    clear_cache()
    return folder


@pytest.fixture
def pep_file(tmp_path: Path) -> Path:
    path = tmp_path / "pep.json"
    path.write_text(json.dumps(PEP, ensure_ascii=False), encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run ``pepdocs`` as the console script does; returns (exit code, stdout, stderr)."""
    with pytest.raises(SystemExit) as stopped:
        main(list(argv))
    captured = capsys.readouterr()
    code = stopped.value.code
    return (code if isinstance(code, int) else 1), captured.out, captured.err


@pytest.mark.parametrize("command", COMMANDS, ids=lambda command: command.name)
def test_every_command_is_registered_and_documented_with_an_example(command: Any) -> None:
    assert cli.commands[command.name] is command
    assert "Example:" in (command.help or "")
    assert "\b" in (command.help or "")


def test_fill_writes_the_form(
    engine: FakeEngine,
    mappings: Path,
    pep_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "zoe.docx"
    code, _, err = run(
        capsys,
        "fill",
        str(pep_file),
        "--authority",
        "testshire",
        "--mappings",
        str(mappings),
        "-o",
        str(out),
    )
    assert code == 0, err
    assert err == f"{out}: written\n"
    assert api.extract(out, mappings / "testshire.yaml").pep["child"]["first_name"] == "Zoë"


def test_fill_accepts_a_mapping_file_as_the_authority(
    engine: FakeEngine,
    mappings: Path,
    pep_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "zoe.docx"
    code, _, err = run(
        capsys,
        "fill",
        str(pep_file),
        "--authority",
        str(mappings / "testshire.yaml"),
        "-o",
        str(out),
    )
    assert code == 0, err
    assert out.is_file()


def test_fill_never_overwrites_without_force(
    engine: FakeEngine,
    mappings: Path,
    pep_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "zoe.docx"
    out.write_bytes(b"keep me")
    args = ["fill", str(pep_file), "-a", "testshire", "--mappings", str(mappings), "-o", str(out)]
    code, _, err = run(capsys, *args)
    assert code == 1
    assert err == f"error: {out}: already exists; use --force to overwrite it\n"
    assert out.read_bytes() == b"keep me"
    code, _, err = run(capsys, *args, "--force")
    assert code == 0, err
    assert out.read_bytes() != b"keep me"


def test_fill_names_an_unknown_authority_with_a_usage_exit_code(
    engine: FakeEngine,
    mappings: Path,
    pep_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = run(
        capsys,
        "fill",
        str(pep_file),
        "-a",
        "testshyre",
        "--mappings",
        str(mappings),
        "-o",
        str(tmp_path / "x.docx"),
    )
    assert code == 2
    assert err.startswith("error: unknown authority 'testshyre'.")
    assert "testshire" in err
    assert len(err.strip().splitlines()) == 1
    assert not (tmp_path / "x.docx").exists()


def test_fill_reports_an_invalid_pep_without_its_values(
    engine: FakeEngine, mappings: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({**PEP, "child": {"upn": "A801200005001"}}), encoding="utf-8")
    code, _, err = run(
        capsys,
        "fill",
        str(bad),
        "-a",
        "testshire",
        "--mappings",
        str(mappings),
        "-o",
        str(tmp_path / "x.docx"),
    )
    assert code == 1
    assert err.startswith(f"error: {bad}: child.upn")
    assert "A801200005001" not in err


@pytest.mark.parametrize(
    ("option", "output", "message"),
    [
        ("--flatten", "zoe.docx", "--flatten is for PDF forms; a docx form has no fields"),
        (None, "zoe.xlsx", "must end in .docx (e.g. zoe.docx)"),
        (None, "zoe.out", "must end in .docx (e.g. zoe.docx)"),
    ],
)
def test_fill_options_that_do_not_fit_the_form_are_usage_errors(
    engine: FakeEngine,
    mappings: Path,
    pep_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    option: str | None,
    output: str,
    message: str,
) -> None:
    out = tmp_path / output
    args = ["fill", str(pep_file), "-a", "testshire", "--mappings", str(mappings), "-o", str(out)]
    code, _, err = run(capsys, *args, *([option] if option else []))
    assert code == 2
    assert err.startswith("error: ") and message in err
    assert len(err.splitlines()) == 1
    assert not out.exists()


@pytest.mark.slow
def test_fill_pdf_on_a_pdf_form_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pepdocs.samples import generate_peps

    pep = next(generate_peps(1, seed=3, authority="ridgeford", phase="school_age"))
    source = tmp_path / "pep.json"
    source.write_text(json.dumps(pep), encoding="utf-8")
    out = tmp_path / "form.pdf"
    code, _, err = run(capsys, "fill", str(source), "-a", "ridgeford", "-o", str(out), "--pdf")
    assert code == 2
    assert "--pdf is for Word and Excel forms" in err
    assert not out.exists()
    code, _, err = run(capsys, "fill", str(source), "-a", "ridgeford", "-o", str(out), "--flatten")
    assert code == 0, err
    assert err == f"{out}: written\n"


def test_fill_pdf_without_libreoffice_keeps_the_form_and_says_how_to_install_it(
    engine: FakeEngine,
    mappings: Path,
    pep_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from pepdocs import office

    monkeypatch.setattr(office.shutil, "which", lambda name: None)
    monkeypatch.setattr(office, "_KNOWN_LOCATIONS", ("/nonexistent/soffice",))
    out = tmp_path / "zoe.docx"
    args = ["fill", str(pep_file), "-a", "testshire", "--mappings", str(mappings), "-o", str(out)]
    code, _, err = run(capsys, *args, "--pdf")
    assert code == 1
    assert err.startswith(f"error: {out}: written, but no PDF copy: LibreOffice is needed")
    assert "apt-get install" in err and len(err.splitlines()) == 1
    assert out.is_file() and not out.with_suffix(".pdf").exists()


def test_fill_pdf_writes_a_workbook_and_its_pdf_through_libreoffice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], libreoffice: Path
) -> None:
    from pypdf import PdfReader

    from pepdocs.samples import generate_peps

    pep = next(generate_peps(1, seed=5, authority="southvale", phase="school_age"))
    source = tmp_path / "pep.json"
    source.write_text(json.dumps(pep), encoding="utf-8")
    out = tmp_path / "child.xlsx"
    code, _, err = run(capsys, "fill", str(source), "-a", "southvale", "-o", str(out), "--pdf")
    assert code == 0, err
    assert err.splitlines() == [f"{out}: written", f"{tmp_path / 'child.pdf'}: written"]
    text = " ".join(page.extract_text() for page in PdfReader(tmp_path / "child.pdf").pages)
    assert pep["child"]["upn"] in text


def test_extract_writes_the_pep_and_report_and_prints_a_summary(
    engine: FakeEngine,
    mappings: Path,
    pep_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    form = tmp_path / "returned.docx"
    api.fill_file(pep_file, mappings / "testshire.yaml", form)
    out, report = tmp_path / "back.json", tmp_path / "report.json"
    code, stdout, err = run(
        capsys,
        "extract",
        str(form),
        "-a",
        "testshire",
        "--mappings",
        str(mappings),
        "-o",
        str(out),
        "--report",
        str(report),
    )
    assert code == 0, err
    assert stdout == ""
    assert err == (
        f"{form}: found 4, empty 1, unparseable 0, invalid 0, missing 0; 0 unmapped entries\n"
    )
    pep = json.loads(out.read_text(encoding="utf-8"))
    assert pep["child"] == PEP["child"]
    assert pep["targets"] == PEP["targets"]
    assert pep["meta"]["authority"] == "testshire"
    assert json.loads(report.read_text(encoding="utf-8"))["summary"]["empty"] == 1


def test_extract_redact_writes_no_personal_value(
    engine: FakeEngine,
    mappings: Path,
    pep_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    form = tmp_path / "returned.docx"
    api.fill_file(pep_file, mappings / "testshire.yaml", form)
    out, report = tmp_path / "shareable.json", tmp_path / "report.json"
    code, _, err = run(
        capsys, "extract", str(form), "-a", "testshire", "--mappings", str(mappings),
        "--redact", "-o", str(out), "--report", str(report),
    )  # fmt: skip
    assert code == 0, err
    written = out.read_text(encoding="utf-8") + report.read_text(encoding="utf-8")
    for value in ("Zoë", "Bhriain", "B801200005001"):
        assert value not in written
    pep = load_pep(json.loads(out.read_text(encoding="utf-8")))
    assert pep["child"]["upn"] != PEP["child"]["upn"]
    assert pep["targets"] == PEP["targets"]


def test_extract_prints_the_pep_without_an_output_file(
    engine: FakeEngine,
    mappings: Path,
    pep_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    form = tmp_path / "returned.docx"
    api.fill_file(pep_file, mappings / "testshire.yaml", form)
    code, stdout, err = run(
        capsys, "extract", str(form), "-a", "testshire", "--mappings", str(mappings)
    )
    assert code == 0, err
    assert json.loads(stdout)["child"]["last_name"] == "Ní Bhriain"


def test_extract_finds_an_authority_in_the_mappings_of_the_environment(
    engine: FakeEngine,
    mappings: Path,
    pep_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    form = tmp_path / "returned.docx"
    api.fill_file(pep_file, mappings / "otherton.yaml", form)
    monkeypatch.setenv("PEPDOCS_MAPPINGS", str(mappings))
    out = tmp_path / "back.json"
    code, _, err = run(capsys, "extract", str(form), "-a", "otherton", "-o", str(out))
    assert code == 0, err
    assert err.startswith(f"{form}: found 2, ")
    assert json.loads(out.read_text(encoding="utf-8"))["meta"]["authority"] == "otherton"


@pytest.mark.slow
def test_extract_says_when_no_form_matches(
    engine: FakeEngine, mappings: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from fake_engine import document

    stranger = tmp_path / "stranger.docx"
    stranger.write_bytes(document("nowhere", {}))
    code, _, err = run(capsys, "extract", str(stranger), "--mappings", str(mappings))
    assert code == 1
    assert err == f"error: {stranger}: could not recognise the form; pass --authority\n"


@pytest.mark.slow
def test_extract_reads_a_form_no_mapping_describes_and_says_it_was_inferred(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import docx

    unknown = tmp_path / "ashgrove.docx"
    form = docx.Document()
    table = form.add_table(rows=0, cols=2)
    for label, value in (
        ("First name", "Zoë"),
        ("Surname", "Ní Bhriain"),
        ("UPN", "B801200005001"),
    ):
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value
    form.save(str(unknown))
    out, report = tmp_path / "pep.json", tmp_path / "report.json"
    code, _, err = run(capsys, "extract", str(unknown), "-o", str(out), "--report", str(report))
    assert code == 0, err
    lines = err.splitlines()
    assert lines[0].startswith(f"{unknown}: no known form matched; read with a mapping inferred")
    assert "low confidence" in lines[0]
    assert lines[1].startswith(f"{unknown}: found 3, ")
    assert lines[2].startswith("  note: low confidence: no known form matched")
    assert json.loads(out.read_text(encoding="utf-8"))["child"]["upn"] == "B801200005001"
    written = json.loads(report.read_text(encoding="utf-8"))
    assert written["inferred"] is True and written["authority"] == "unrecognised"
    for value in ("Zoë", "Bhriain", "B801200005001"):
        assert value not in err


def test_extract_reads_a_pdf_form_whose_fields_are_named_text1_by_its_printed_labels(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.formats.pdf.autoforms import AutoForm

    form = AutoForm()
    form.beside("Date of birth", "02/05/2015", second=("UPN", "B801200005001"))
    form.table(["Target", "By when"], rows=2, values=[["Read every night", "01/02/2026"]])
    unknown = tmp_path / "returned.pdf"
    unknown.write_bytes(form.save())
    out = tmp_path / "pep.json"
    code, _, err = run(capsys, "extract", str(unknown), "-o", str(out))
    assert code == 0, err
    assert err.splitlines()[0].startswith(f"{unknown}: no known form matched; read with a mapping")
    pep = json.loads(out.read_text(encoding="utf-8"))
    assert pep["child"] == {"date_of_birth": "2015-05-02", "upn": "B801200005001"}
    assert pep["targets"][0]["description"] == "Read every night"
    assert "B801200005001" not in err


def test_extract_prints_the_documents_notes_after_the_summary(
    mappings: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    report = ExtractionReport(
        "returned.docx",
        "testshire",
        "school_age",
        fields=[FieldReport("child.upn", "found", "label 'UPN'")],
        notes=[
            "tracked changes present: read as if all were accepted",
            "re-saved without content-control tags: 2 field(s) read from fallback anchors",
        ],
    )
    pep = {"meta": {"phase": "school_age"}, "child": {"upn": "B801200005001"}}
    monkeypatch.setattr(api, "extract_file", lambda *args, **kwargs: api.Extraction(pep, report))
    code, _, err = run(capsys, "extract", "returned.docx", "-a", "testshire", "-o", "x.json")
    assert code == 0, err
    assert err.splitlines() == [
        "returned.docx: found 1, empty 0, unparseable 0, invalid 0, missing 0; 0 unmapped entries",
        "  note: tracked changes present: read as if all were accepted",
        "  note: re-saved without content-control tags: 2 field(s) read from fallback anchors",
    ]
    assert "B801200005001" not in err


def test_extract_names_a_missing_document(
    mappings: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "extract", str(tmp_path / "nope.docx"), "-a", "testshire")
    assert code == 1
    assert err == f"error: {tmp_path / 'nope.docx'}: no such file\n"


@pytest.mark.slow
def test_translate_moves_a_form_and_lists_what_has_no_place(
    engine: FakeEngine,
    mappings: Path,
    pep_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    form = tmp_path / "testshire.docx"
    api.fill_file(pep_file, mappings / "testshire.yaml", form)
    out, report = tmp_path / "otherton.docx", tmp_path / "moved.json"
    code, _, err = run(
        capsys,
        "translate",
        str(form),
        "--from",
        "testshire",
        "--to",
        "otherton",
        "--mappings",
        str(mappings),
        "-o",
        str(out),
        "--report",
        str(report),
    )
    assert code == 0, err
    lines = err.splitlines()
    assert lines[0].startswith(f"{out}: read testshire/school_age: found 4, empty 1")
    assert lines[0].endswith("wrote otherton/school_age: 3 fields with no place on the target form")
    assert sorted(lines[1:]) == [
        "  no place on the target form: child.last_name",
        "  no place on the target form: targets.*.description",
        "  no place on the target form: targets.*.due_date",
    ]
    moved = api.extract(out, mappings / "otherton.yaml").pep
    assert moved["child"] == {"first_name": "Zoë", "upn": "B801200005001"}
    assert json.loads(report.read_text(encoding="utf-8"))["target"]["authority"] == "otherton"


SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.mark.slow
def test_the_real_command_fills_extracts_and_translates_a_shipped_sample(tmp_path: Path) -> None:
    """The console script as users run it, with the real engines and shipped mappings."""
    import subprocess
    import sys

    def pepdocs(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "pepdocs", *argv],
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
            cwd=tmp_path,
        )

    sample = SAMPLES / "pep-oisin-obrien.json"
    filled = pepdocs("fill", str(sample), "--authority", "eastborough", "-o", "oisin.docx")
    assert filled.returncode == 0, filled.stderr
    extracted = pepdocs("extract", "oisin.docx", "-o", "oisin.json", "--report", "report.json")
    assert extracted.returncode == 0, extracted.stderr
    lines = extracted.stderr.splitlines()
    assert lines[0] == "oisin.docx: recognised as eastborough/school_age"
    assert lines[1].startswith("oisin.docx: found ")
    assert "unparseable 0, invalid 0, missing 0" in lines[1]
    original = json.loads(sample.read_text(encoding="utf-8"))
    back = json.loads((tmp_path / "oisin.json").read_text(encoding="utf-8"))
    assert back["child"] == original["child"]
    moved = pepdocs("translate", "oisin.docx", "--to", "westmere", "-o", "westmere.docx")
    assert moved.returncode == 0, moved.stderr
    assert "wrote westmere/school_age" in moved.stderr
    again = pepdocs("translate", "oisin.docx", "--to", "westmere", "-o", "westmere.docx")
    assert again.returncode == 1
    assert again.stderr == "error: westmere.docx: already exists; use --force to overwrite it\n"
