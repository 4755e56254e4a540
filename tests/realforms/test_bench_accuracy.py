"""bench_accuracy scores the real-forms corpus in every mode and reports it as text and JSON
(what it prints, not how well pepdocs does: no threshold is asserted)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from benchmarks import bench_accuracy
from benchmarks.bench_accuracy import ModeResult, main, report_json, report_text, run_corpus
from benchmarks.realforms.scoring import score


@pytest.fixture(scope="module")
def dev_results() -> dict[str, ModeResult]:
    return run_corpus("dev", resave=False)


@pytest.mark.slow
def test_every_development_form_is_scored_in_modes_a_and_b(
    dev_results: dict[str, ModeResult],
) -> None:
    manifest = json.loads((bench_accuracy.CORPUS / "manifest.json").read_text("utf-8"))
    forms = sum(len(e["completed"]) for e in manifest if e["set"] == "dev")
    for mode in ("a", "b"):
        total = dev_results[mode].total
        assert total.forms == forms
        assert sum(total.truth.values()) > 1000
        assert 0.0 <= total.recall <= 1.0 and 0.0 <= total.precision <= 1.0
        assert len(dev_results[mode].failures) == total.failures
    assert dev_results["c"].skipped == "skipped: --no-resave"


@pytest.mark.slow
def test_the_text_report_ends_with_the_headline_lines(
    dev_results: dict[str, ModeResult], capsys: pytest.CaptureFixture[str]
) -> None:
    report_text("dev", dev_results, None, 1.0)
    out = capsys.readouterr().out
    assert re.search(r"^dev recall \(a\) no mapping: \d\.\d\d$", out, re.M)
    assert re.search(r"^dev precision \(b\) infer-mapping draft: \d\.\d\d$", out, re.M)
    assert "targets (recall >= 0.95, precision >= 0.99 in every mode): " in out
    for line in out.splitlines():
        if line.strip().startswith("failed:"):
            assert "Traceback" not in line


@pytest.mark.slow
def test_the_json_report_has_every_mode_and_layout(dev_results: dict[str, ModeResult]) -> None:
    data = report_json("dev", dev_results, None, 1.0)
    json.dumps(data)
    assert set(data["modes"]) == {"a", "b", "c", "c-a"}
    assert data["modes"]["a"]["layouts"]
    assert data["targets"] == {
        "recall": 0.95,
        "precision": 0.99,
        "met": bench_accuracy.targets_met(dev_results),
    }


def test_a_layout_whose_draft_mapping_fails_costs_its_forms_not_the_run(tmp_path: Path) -> None:
    not_a_form = tmp_path / "blank.docx"
    not_a_form.write_bytes(b"not a zip")
    read = bench_accuracy.draft_reader(not_a_form, "broken", tmp_path)
    result = ModeResult()
    truth = {"pep": {"meta": {}, "child": {"first_name": "Kai"}}, "unplaced": []}
    bench_accuracy.read_and_score(result, "broken", "broken/completed-1.docx", truth, read, b"")
    assert result.total.recall == 0.0 and result.total.failures == 1
    assert len(result.failures) == 1 and result.failures[0].startswith("broken/completed-1.docx")
    assert result.total.truth == score(truth, None).truth


def test_the_benchmark_says_what_it_does_with_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as finished:
        main(["--help"])
    assert finished.value.code == 0
    assert "--set" in capsys.readouterr().out
