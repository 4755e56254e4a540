"""Finding authority forms: shipped, from --mappings and PEPDOCS_MAPPINGS, by phase."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pepdocs.errors import AuthorityNotFoundError, MappingError, UsageError
from pepdocs.mapping import registry
from pepdocs.mapping.registry import (
    ENV_VAR,
    clear_cache,
    list_authorities,
    load_form,
    mapping_dirs,
    resolve_form,
)


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No shipped mappings and no environment: each test builds its own directories."""
    shipped = tmp_path / "shipped"
    shipped.mkdir()
    monkeypatch.setattr(registry, "data_dir", lambda name: shipped)
    monkeypatch.delenv(ENV_VAR, raising=False)
    clear_cache()
    return shipped


def mapping(
    directory: Path,
    authority: str,
    form: str,
    *,
    name: str | None = None,
    phases: str = "",
    version: str = "2025-09",
    file: str | None = None,
) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    template = f"{authority}-{form}.docx"
    (directory / template).write_bytes(b"template")
    path = directory / (file or f"{authority}-{form}.yaml")
    path.write_text(
        f"authority: {authority}\n"
        f"name: {name or authority.title() + ' Virtual School'}\n"
        f"form: {form}\n" + (f"phases: [{phases}]\n" if phases else "") + f'version: "{version}"\n'
        "kind: docx\n"
        f"template: {template}\n"
        "fields:\n"
        "  - path: child.upn\n"
        "    at: {control: upn}\n",
        encoding="utf-8",
    )
    return path


def test_shipped_mappings_are_listed_by_authority_with_their_forms(isolated: Path) -> None:
    mapping(isolated, "northshire", "school_age")
    mapping(isolated, "eastborough", "post16")
    mapping(isolated, "eastborough", "early_years")
    mapping(isolated, "eastborough", "school_age", phases="post16", file="eb-main.yaml")
    authorities = list_authorities()
    assert [a.name for a in authorities] == ["eastborough", "northshire"]
    east = authorities[0]
    assert east.display_name == "Eastborough Virtual School"
    assert [f.form for f in east.forms] == ["early_years", "school_age", "post16"]
    assert east.forms[1].covers == ("school_age", "post16")
    assert east.forms[1].source == (isolated / "eb-main.yaml").resolve()
    assert east.forms[1].template_found
    assert east.to_dict()["forms"][1]["phases"] == ["school_age", "post16"]


def test_no_mappings_at_all_is_an_empty_list() -> None:
    assert list_authorities() == []


def test_a_user_directory_from_the_option_adds_and_overrides(
    isolated: Path, tmp_path: Path
) -> None:
    mapping(isolated, "northshire", "school_age", version="shipped")
    user = tmp_path / "mine"
    mapping(user, "northshire", "school_age", version="local")
    mapping(user, "westmere", "post16")
    assert [a.name for a in list_authorities([user])] == ["northshire", "westmere"]
    assert resolve_form("northshire", extra_dirs=[user]).version == "local"
    assert resolve_form("northshire").version == "shipped"


def test_a_user_directory_from_the_environment_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    mapping(first, "westmere", "school_age")
    mapping(second, "southby", "school_age")
    monkeypatch.setenv(ENV_VAR, f"{first}{os.pathsep}{second}")
    assert [a.name for a in list_authorities()] == ["southby", "westmere"]
    assert resolve_form("southby").authority == "southby"


def test_the_option_wins_over_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    option, env = tmp_path / "option", tmp_path / "env"
    mapping(option, "westmere", "school_age", version="option")
    mapping(env, "westmere", "school_age", version="env")
    monkeypatch.setenv(ENV_VAR, str(env))
    assert resolve_form("westmere", extra_dirs=[option]).version == "option"
    assert mapping_dirs([option])[:2] == [option.resolve(), env.resolve()]


def test_a_missing_user_directory_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(UsageError, match="--mappings"):
        list_authorities([tmp_path / "nowhere"])
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "nowhere"))
    with pytest.raises(UsageError, match=ENV_VAR):
        list_authorities()


def test_the_phase_picks_the_form(isolated: Path) -> None:
    mapping(isolated, "eastborough", "early_years")
    mapping(isolated, "eastborough", "school_age")
    mapping(isolated, "eastborough", "post16")
    for phase in ("early_years", "school_age", "post16"):
        assert resolve_form("eastborough", phase).form == phase


def test_a_form_covering_extra_phases_is_chosen_for_them(isolated: Path) -> None:
    mapping(isolated, "eastborough", "school_age", phases="post16")
    assert resolve_form("eastborough", "post16").form == "school_age"


def test_a_form_for_the_phase_itself_beats_one_that_also_covers_it(isolated: Path) -> None:
    mapping(isolated, "eastborough", "school_age", phases="post16")
    mapping(isolated, "eastborough", "post16")
    assert resolve_form("eastborough", "post16").form == "post16"


def test_a_phase_without_a_form_names_the_forms_there_are(isolated: Path) -> None:
    mapping(isolated, "eastborough", "school_age")
    mapping(isolated, "eastborough", "post16")
    with pytest.raises(AuthorityNotFoundError) as caught:
        resolve_form("eastborough", "early_years")
    message = caught.value.message
    assert "eastborough has no form for early_years" in message
    assert "school_age (eastborough-school_age.yaml)" in message
    assert caught.value.exit_code == 2


def test_several_forms_and_no_phase_asks_which(isolated: Path) -> None:
    mapping(isolated, "eastborough", "school_age")
    mapping(isolated, "eastborough", "post16")
    with pytest.raises(AuthorityNotFoundError, match="has 2 forms"):
        resolve_form("eastborough")


def test_one_form_needs_no_phase(isolated: Path) -> None:
    mapping(isolated, "northshire", "school_age")
    assert resolve_form("northshire").label == "northshire/school_age"
    assert resolve_form("Northshire ").label == "northshire/school_age"


def test_the_form_is_chosen_by_phase_name_or_file_name(isolated: Path) -> None:
    mapping(isolated, "eastborough", "school_age")
    mapping(isolated, "eastborough", "post16", file="eastborough-sixth-form.yaml")
    assert resolve_form("eastborough", form="post16").form == "post16"
    assert resolve_form("eastborough", form="eastborough-sixth-form").form == "post16"
    with pytest.raises(AuthorityNotFoundError, match="has no form 'sixth'"):
        resolve_form("eastborough", form="sixth")
    with pytest.raises(AuthorityNotFoundError, match="not school_age"):
        resolve_form("eastborough", "school_age", form="post16")


def test_an_unknown_authority_suggests_the_nearest(isolated: Path) -> None:
    mapping(isolated, "eastborough", "school_age")
    with pytest.raises(AuthorityNotFoundError) as caught:
        resolve_form("eastbrough")
    assert "unknown authority 'eastbrough'. Did you mean 'eastborough'?" in caught.value.message
    assert ENV_VAR in caught.value.message


def test_an_unknown_phase_is_a_usage_error(isolated: Path) -> None:
    mapping(isolated, "eastborough", "school_age")
    with pytest.raises(UsageError, match="Did you mean 'post16'"):
        resolve_form("eastborough", "post_16")


def test_a_mapping_file_path_is_used_directly(tmp_path: Path) -> None:
    path = mapping(tmp_path / "loose", "southby", "school_age", phases="post16")
    assert resolve_form(str(path)).authority == "southby"
    assert resolve_form(str(path), "post16").form == "school_age"
    with pytest.raises(AuthorityNotFoundError, match="not early_years"):
        resolve_form(str(path), "early_years")
    with pytest.raises(MappingError, match="not found"):
        resolve_form(str(tmp_path / "missing.yaml"))


def test_two_files_for_one_form_in_one_directory_is_an_error(isolated: Path) -> None:
    mapping(isolated, "eastborough", "school_age", file="a.yaml")
    mapping(isolated, "eastborough", "school_age", file="b.yaml")
    with pytest.raises(MappingError, match=r"two mapping files for eastborough/school_age"):
        list_authorities()


def test_a_broken_mapping_is_reported_with_its_line(isolated: Path) -> None:
    path = mapping(isolated, "eastborough", "school_age")
    path.write_text(
        path.read_text(encoding="utf-8").replace("form: school_age", "form: x"), encoding="utf-8"
    )
    with pytest.raises(MappingError) as caught:
        list_authorities()
    assert caught.value.line == 3


def test_a_missing_template_is_listed_but_not_resolved(isolated: Path) -> None:
    mapping(isolated, "eastborough", "school_age")
    (isolated / "eastborough-school_age.docx").unlink()
    (form,) = list_authorities()[0].forms
    assert not form.template_found
    with pytest.raises(MappingError, match="template not found"):
        resolve_form("eastborough")


def test_forms_are_cached_until_the_file_changes(isolated: Path) -> None:
    path = mapping(isolated, "eastborough", "school_age")
    first = resolve_form("eastborough")
    assert resolve_form("eastborough") is first
    assert load_form(path) is first
    text = path.read_text(encoding="utf-8").replace('"2025-09"', '"2026-01-edited"')
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000_000))
    assert resolve_form("eastborough").version == "2026-01-edited"
