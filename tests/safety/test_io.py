"""Outputs are written atomically and never over an existing file; JSON inputs cannot crash
or hang the reader."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pepdocs import OutputExistsError, PepdocsError
from pepdocs._io import read_json_file, write_atomic


def _leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.endswith(".part"))


def test_a_new_file_is_written_whole(tmp_path: Path) -> None:
    written = write_atomic(tmp_path / "out" / "pep.docx", b"data")
    assert written.read_bytes() == b"data"
    assert _leftovers(tmp_path / "out") == []


def test_an_existing_file_is_kept_without_force(tmp_path: Path) -> None:
    target = tmp_path / "pep.docx"
    target.write_bytes(b"old")
    with pytest.raises(OutputExistsError, match="use --force"):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert _leftovers(tmp_path) == []


def test_force_replaces_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "pep.docx"
    target.write_bytes(b"old")
    write_atomic(target, b"new", force=True)
    assert target.read_bytes() == b"new"


def test_a_file_appearing_during_the_write_is_not_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "pep.docx"
    real_fsync = os.fsync

    def racing_fsync(descriptor: int) -> None:
        real_fsync(descriptor)
        if not target.exists():
            target.write_bytes(b"someone else's")

    monkeypatch.setattr(os, "fsync", racing_fsync)
    with pytest.raises(OutputExistsError):
        write_atomic(target, b"ours")
    assert target.read_bytes() == b"someone else's"
    assert _leftovers(tmp_path) == []


def test_an_interrupted_write_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(descriptor: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(tmp_path / "pep.docx", b"data")
    assert list(tmp_path.iterdir()) == []


def test_the_result_has_ordinary_permissions(tmp_path: Path) -> None:
    written = write_atomic(tmp_path / "pep.json", b"{}")
    mask = os.umask(0o022)
    os.umask(mask)
    assert written.stat().st_mode & 0o777 == 0o666 & ~mask


def test_a_folder_is_not_an_output_file(tmp_path: Path) -> None:
    with pytest.raises(PepdocsError, match="is a folder"):
        write_atomic(tmp_path, b"data", force=True)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "is empty"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b'{"a": 1', "not valid JSON"),
        ('{"name": "Zo\u00eb"}'.encode("cp1252"), "not UTF-8"),
    ],
)
def test_broken_json_is_one_line_naming_the_file(
    tmp_path: Path, content: bytes, problem: str
) -> None:
    path = tmp_path / "pep.json"
    path.write_bytes(content)
    with pytest.raises(PepdocsError) as raised:
        read_json_file(path)
    assert str(raised.value).startswith(f"{path}: ")
    assert problem in str(raised.value)
    assert "Zo" not in str(raised.value)


def test_json_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    path = tmp_path / "pep.json"
    path.write_bytes(b'\xef\xbb\xbf{"a": 1}')
    assert read_json_file(path) == {"a": 1}


def test_a_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    pipe = tmp_path / "pep.json"
    os.mkfifo(pipe)
    with pytest.raises(PepdocsError, match="not a regular file"):
        read_json_file(pipe)


def test_a_file_over_the_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "pep.json"
    path.write_bytes(b" " * 2048 + b"{}")
    with pytest.raises(PepdocsError, match="larger than"):
        read_json_file(path, limit=1024)
