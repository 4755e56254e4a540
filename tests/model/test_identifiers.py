"""UPN, ULN, URN, LAESTAB, email and phone checks."""

from __future__ import annotations

import pytest

from pepdocs.model.identifiers import (
    UPN_CHECK_LETTERS,
    uln_check_digit,
    upn_check_letter,
    validate_email,
    validate_laestab,
    validate_phone,
    validate_uln,
    validate_upn,
    validate_urn,
)


@pytest.mark.parametrize("upn", ["B801200005001", "P207000016049"])
def test_the_published_example_upns_are_valid(upn: str) -> None:
    assert validate_upn(upn) is None
    assert upn_check_letter(upn[1:]) == upn[0]


def test_the_check_letter_follows_the_weighted_sum_modulo_23() -> None:
    rest = "801200005001"
    total = sum(weight * int(char) for weight, char in enumerate(rest, start=2))
    assert upn_check_letter(rest) == UPN_CHECK_LETTERS[total % 23]


def test_a_wrong_check_letter_is_refused_without_echoing_the_upn() -> None:
    message = validate_upn("A801200005001")
    assert message is not None
    assert "check letter" in message
    assert "801200005001" not in message


def test_a_temporary_upn_ends_in_a_letter_counted_by_its_table_index() -> None:
    rest = "80120000500A"
    upn = upn_check_letter(rest) + rest
    assert validate_upn(upn) is None
    assert validate_upn(upn.lower()) is None


@pytest.mark.parametrize("letter", ["I", "O", "S"])
def test_a_temporary_upn_cannot_end_in_a_letter_missing_from_the_table(letter: str) -> None:
    assert validate_upn("B80120000500" + letter) is not None


@pytest.mark.parametrize("code", ["UN1", "UN2", "UN3", "UN4", "UN5", "un3"])
def test_unknown_upn_codes_are_accepted(code: str) -> None:
    assert validate_upn(code) is None


@pytest.mark.parametrize("text", ["UN6", "B80120000500", "B8012000050011", "1801200005001", ""])
def test_malformed_upns_are_refused(text: str) -> None:
    assert validate_upn(text) is not None


def test_upn_check_letter_needs_exactly_twelve_characters() -> None:
    with pytest.raises(ValueError):
        upn_check_letter("80120000500")


def test_a_uln_with_the_right_check_digit_is_valid() -> None:
    # ESFA worked example: weights 10..2 give 18, 18 mod 11 = 7, check digit 10 - 7 = 3.
    assert uln_check_digit("100000004") == 3
    assert validate_uln("1000000043") is None


def test_a_uln_with_a_wrong_check_digit_is_refused() -> None:
    message = validate_uln("1000000042")
    assert message is not None and "check digit" in message


def test_no_check_digit_exists_when_the_remainder_is_zero() -> None:
    assert uln_check_digit("100000006") is None
    assert validate_uln("1000000060") is not None


def test_the_temporary_uln_is_accepted() -> None:
    assert validate_uln("9999999999") is None


@pytest.mark.parametrize("text", ["100000004", "10000000431", "10000000A3"])
def test_a_uln_must_be_ten_digits(text: str) -> None:
    assert validate_uln(text) is not None


@pytest.mark.parametrize("text", ["123456", "1234567", "EY123456", "ey1234567"])
def test_urns_and_early_years_numbers_are_accepted(text: str) -> None:
    # Ofsted issues 7-digit URNs as well as the long-standing 6-digit ones.
    assert validate_urn(text) is None


@pytest.mark.parametrize("text", ["12345", "12345678", "EY12", "AB123456"])
def test_other_urns_are_refused(text: str) -> None:
    assert validate_urn(text) is not None


def test_a_laestab_is_seven_digits() -> None:
    assert validate_laestab("8012000") is None
    assert validate_laestab("801200") is not None


def test_the_slashed_laestab_form_is_refused_with_how_to_write_it() -> None:
    message = validate_laestab("801/2000")
    assert message is not None and "7 digits" in message and "slash" in message


@pytest.mark.parametrize("text", ["dt@example.sch.uk", "a.b+c@example.org"])
def test_email_addresses_pass_the_light_check(text: str) -> None:
    assert validate_email(text) is None


@pytest.mark.parametrize("text", ["Dee Teacher", "dt@example", "dt@@example.org", "d t@x.org"])
def test_non_email_text_is_refused(text: str) -> None:
    assert validate_email(text) is not None


@pytest.mark.parametrize(
    "text", ["01632 960000", "07700 900123", "+44 1632 960001", "(01632) 960-000", "0163296000"]
)
def test_uk_phone_numbers_are_accepted(text: str) -> None:
    assert validate_phone(text) is None


@pytest.mark.parametrize("text", ["123", "01632 9600001234", "+33 1 23 45 67 89", "call Jo"])
def test_other_phone_text_is_refused(text: str) -> None:
    assert validate_phone(text) is not None
