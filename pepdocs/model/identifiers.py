"""Checks for the identifiers a PEP carries: UPN, ULN, URN, LAESTAB, email, phone.

Each ``validate_*`` function takes the text as stored in the canonical JSON and returns
``None`` when it is fine, or a one-line message saying what is wrong and how to write it.
Messages never repeat the value (PEPs are special-category data about children).
"""

from __future__ import annotations

import re

__all__ = [
    "ULN_TEMPORARY",
    "UPN_CHECK_LETTERS",
    "UPN_UNKNOWN_CODES",
    "laestab_digits",
    "uln_check_digit",
    "upn_check_letter",
    "validate_email",
    "validate_laestab",
    "validate_phone",
    "validate_uln",
    "validate_upn",
    "validate_urn",
]

#: DfE "A guide to the unique pupil number (UPN)", check-letter table: 0..22 map to these
#: letters; I, O and S are left out because they read as 1, 0 and 5.
UPN_CHECK_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"

#: Codes the school census accepts in place of a UPN when the child's UPN is not known.
UPN_UNKNOWN_CODES = frozenset({"UN1", "UN2", "UN3", "UN4", "UN5"})

#: The ESFA's temporary ULN, used in ILR returns until the real number is issued.
ULN_TEMPORARY = "9999999999"

_UPN_SHAPE = re.compile(r"^[A-Z]\d{11}[0-9A-Z]$")
# School URNs have been 6 digits; Ofsted now also issues 7-digit URNs (newer registrations).
_URN = re.compile(r"^\d{6,7}$")
# Ofsted early-years providers are registered as EY followed by digits (EY123456).
_EY_URN = re.compile(r"^EY\d{6,7}$")
_LAESTAB = re.compile(r"^\d{7}$")
_LAESTAB_SLASHED = re.compile(r"^\d{3}\s*/\s*\d{4}$")
_ULN = re.compile(r"^\d{10}$")
# Light check only: one @, no spaces, a dot in the domain. Full RFC 5322 is not the point;
# catching a name or a phone number typed into the email box is.
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
_PHONE_CHARACTERS = re.compile(r"^\+?[\d\s()-]+$")


def upn_check_letter(rest12: str) -> str:
    """The check letter for UPN characters 2-13 (``"801200005001"`` -> ``"B"``).

    Characters are weighted 2..13 in order; digits count at face value and a letter (the
    last character of a temporary UPN) by its index in :data:`UPN_CHECK_LETTERS`. The sum
    modulo 23 indexes that table.
    """
    if len(rest12) != 12:
        raise ValueError("a UPN has 12 characters after the check letter")
    total = 0
    for weight, character in enumerate(rest12.upper(), start=2):
        if character.isdigit():
            value = int(character)
        elif character in UPN_CHECK_LETTERS:
            value = UPN_CHECK_LETTERS.index(character)
        else:
            raise ValueError("a UPN holds digits and check-table letters only")
        total += weight * value
    return UPN_CHECK_LETTERS[total % 23]


def validate_upn(text: str) -> str | None:
    """``None`` for a valid UPN (or ``UN1``..``UN5``), else why it is not one."""
    upn = text.strip().upper()
    if upn in UPN_UNKNOWN_CODES:
        return None
    if not _UPN_SHAPE.match(upn):
        return (
            "Not a UPN: write 13 characters, a check letter, 11 digits, then a digit "
            "(or a letter for a temporary UPN); UN1 to UN5 when it is not known."
        )
    if upn[-1].isalpha() and upn[-1] not in UPN_CHECK_LETTERS:
        return "Not a UPN: a temporary UPN ends in a letter other than I, O or S."
    if upn_check_letter(upn[1:]) != upn[0]:
        return "UPN check letter does not match the other 12 characters; check for a typo."
    return None


def uln_check_digit(first9: str) -> int | None:
    """The 10th digit of a ULN whose first nine digits are ``first9``, or ``None`` if none fits.

    ESFA algorithm (ILR rule ULN_04): weight the first nine digits 10, 9 .. 2, take the sum
    modulo 11; the check digit is 10 minus that remainder. A remainder of 0 would need a
    check digit of 10, so such numbers are never issued.
    """
    if len(first9) != 9 or not first9.isdigit():
        raise ValueError("a ULN has nine digits before its check digit")
    weighted = zip(first9, range(10, 1, -1), strict=True)
    remainder = sum(int(digit) * weight for digit, weight in weighted) % 11
    return None if remainder == 0 else 10 - remainder


def validate_uln(text: str) -> str | None:
    """``None`` for a valid ULN (10 digits, correct check digit, or the temporary ULN)."""
    uln = text.strip()
    if uln == ULN_TEMPORARY:
        return None
    if not _ULN.match(uln):
        return "Not a ULN: write the 10 digits of the unique learner number."
    if uln_check_digit(uln[:9]) != int(uln[9]):
        return "ULN check digit does not match the other 9 digits; check for a typo."
    return None


def validate_urn(text: str) -> str | None:
    """``None`` for a URN (6 or 7 digits) or an Ofsted early-years number (``EY`` + digits)."""
    urn = text.strip().upper()
    if _URN.match(urn) or _EY_URN.match(urn):
        return None
    return "Not a URN: write the 6- or 7-digit unique reference number (or EY and digits)."


def laestab_digits(text: str) -> str:
    """``"123/4567"`` (as forms print a DfE number) -> ``"1234567"``; other text unchanged."""
    stripped = text.strip()
    if _LAESTAB_SLASHED.match(stripped):
        return "".join(ch for ch in stripped if ch.isdigit())
    return text


def validate_laestab(text: str) -> str | None:
    """``None`` for a 7-digit LAESTAB (3-digit LA code then 4-digit establishment number)."""
    laestab = text.strip()
    if _LAESTAB.match(laestab):
        return None
    if _LAESTAB_SLASHED.match(laestab):
        # Forms print it NNN/NNNN; the canonical JSON stores one form so values compare.
        return "Write the LAESTAB as 7 digits without the slash (NNNNNNN, not NNN/NNNN)."
    return "Not a LAESTAB: write 7 digits, the 3-digit LA code then the 4-digit school number."


def validate_email(text: str) -> str | None:
    """``None`` for something shaped like an email address (a light check)."""
    if _EMAIL.match(text.strip()):
        return None
    return "Not an email address (expected name@domain)."


def validate_phone(text: str) -> str | None:
    """``None`` for a UK phone number: digits, spaces, brackets, dashes, +44; 10-11 digits."""
    phone = text.strip()
    if not _PHONE_CHARACTERS.match(phone):
        return "Not a phone number: use digits, spaces and an optional leading +."
    digits = re.sub(r"\D", "", phone)
    if phone.startswith("+"):
        if not digits.startswith("44"):
            return "Not a UK phone number: an international number must start +44."
        # +44 20 7946 0000 -> 020 7946 0000: drop the country code, restore the trunk 0.
        digits = "0" + digits[2:].removeprefix("0")
    if not 10 <= len(digits) <= 11:
        return "Not a UK phone number: it should have 10 or 11 digits."
    return None
