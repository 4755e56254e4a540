"""Labels no wording of the lexicon matches, matched by what they speak of: whose views,
whose phone, PP+ asked for or agreed, a name of the setting and nothing more."""

from __future__ import annotations

from typing import Any

import pytest

from pepdocs.errors import PepdocsError
from pepdocs.inference.concepts import CONCEPT_SCORE, concept_match, parse_concepts
from pepdocs.inference.draft import plausible_value
from pepdocs.inference.lexicon import build_lexicon, fold

VIEWS = {
    "what": ["views", "say", "says", "think", "contribution", "voice"],
    "who": {
        "views.child": ["pupil", "i"],
        "views.carer": ["carer", "parent or carer"],
        "views.parent": ["parent", "mum"],
        "views.school": ["school", "tutor", "key person"],
    },
    "weak": {"views.child": ["my", "me"]},
}
RULES: list[dict[str, Any]] = [
    VIEWS,
    {
        "path": "pp_plus.requested_total",
        "all": [["pupil premium plus"], ["requested", "bid"]],
        "not": ["agreed"],
    },
    {"path": "pp_plus.approved", "all": [["pupil premium plus"], ["agreed", "approved"]]},
    {
        "path": "education.setting_name",
        "all": [["school", "college"]],
        "only": ["school", "college", "current", "name"],
    },
    {"path": "education.urn", "all": [["setting"], ["number"]]},
    {"path": "education.laestab", "all": [["setting"], ["number"]]},
]


def _lexicon(rules: list[dict[str, Any]] = RULES) -> Any:
    return build_lexicon(
        {"fields": {"child.upn": ["UPN"]}, "tags": {"pp+": "pupil premium plus"}, "concepts": rules}
    )


@pytest.mark.parametrize(
    ("label", "path"),
    [
        ("What my carer says about me", "views.carer"),
        ("What does the parent or carer say?", "views.carer"),
        ("Mum's views", "views.parent"),
        ("What I think about my school", "views.child"),
        ("My voice", "views.child"),
        ("Comments from my tutor: what they say", "views.school"),
        ("What does the pupil say about school?", "views.child"),
        ("Total PP+ bid this term", "pp_plus.requested_total"),
        ("PP+ agreed by the Virtual School", "pp_plus.approved"),
        ("Current school", "education.setting_name"),
        ("College", "education.setting_name"),
    ],
)
def test_a_label_is_matched_by_what_it_speaks_of(label: str, path: str) -> None:
    found = _lexicon().match(label)
    assert found is not None
    assert (found.path, found.score) == (path, CONCEPT_SCORE)


@pytest.mark.parametrize(
    "label",
    [
        "College attendance target",  # words outside the rule's `only`
        "PP+ requested and agreed",  # `not` rules the request out; the approval still fits
        "Setting number",  # two fields' rules fit equally: nothing
        "Carer's views and the school's views",  # two people's views: neither's
        "He says he is happy at school and wants to stay in the same class next year with all "
        "his friends",  # a sentence, not a label
        "Date of birth",
    ],
)
def test_a_label_no_rule_fits_alone_matches_nothing_by_concept(label: str) -> None:
    found = _lexicon().match(label)
    if label.startswith("PP+ requested"):
        assert found is not None and found.path == "pp_plus.approved"
    else:
        assert found is None


def test_a_match_is_limited_to_the_paths_asked_for() -> None:
    assert _lexicon().match("Mum's views", paths=["views.carer"]) is None
    assert concept_match(fold("carer views"), _lexicon().concepts, frozenset(), ["views.carer"])


def test_short_forms_are_spelt_out_before_wordings_are_compared() -> None:
    lexicon = build_lexicon(
        {"fields": {"child.date_of_birth": ["Date of birth"]}, "tags": {"dob": "date of birth"}}
    )
    found = lexicon.match("D.O.B.")
    assert found is not None and found.path == "child.date_of_birth"


def test_a_rule_naming_an_unknown_path_or_without_groups_is_refused() -> None:
    with pytest.raises(PepdocsError, match=r"unknown model path 'views\.dog'"):
        _lexicon([{"path": "views.dog", "all": [["dog"]]}])
    with pytest.raises(PepdocsError, match="rule 1: needs path and all"):
        _lexicon([{"path": "views.child"}])
    with pytest.raises(ValueError, match="who maps paths to people, with what"):
        parse_concepts([{"who": {"views.child": ["i"]}}], fold, lambda path, at: path)


def test_a_first_person_label_of_only_a_persons_words_names_that_persons_name() -> None:
    lexicon = _lexicon(
        [
            {
                "what": ["is", "are"],
                "only": ["my", "is", "are"],
                "who": {
                    "care.carer.name": ["carers"],
                    "care.social_worker.name": ["social worker"],
                },
            }
        ]
    )
    assert lexicon.match("My carers are").path == "care.carer.name"
    assert lexicon.match("My social worker is:").path == "care.social_worker.name"
    assert lexicon.match("My carers are happy with") is None


@pytest.mark.parametrize(
    ("raw", "plausible"),
    [("☒ came", False), ("X attended", False), ("Xanthe Okoro", True), ("Jill Fairhurst", True)],
)
def test_a_box_ticked_beside_its_word_is_no_persons_name(raw: str, plausible: bool) -> None:
    assert plausible_value("care.carer.name", raw) is plausible
