"""Redaction: a PEP you can share as an example, with the people in it replaced.

``redact_pep(pep, key)`` returns a copy in which every personal identifier is replaced by a
pseudonym that looks real enough for the PEP to stay valid (and a form filled from it to look
like a form), and is CONSISTENT: the same person gets the same pseudonym everywhere in the PEP
(structured fields and free text alike), and the same input gets the same pseudonym for the
same ``key`` (HMAC-SHA256), so a batch redacted with one key keeps people linkable across
PEPs while nobody without the key can map a pseudonym back. Use a :class:`Redactor` to keep
one table of pseudonyms over many PEPs.

Replaced:

- names: the child (first, middle, last, preferred), carer, social worker, IRO, designated
  teacher, SENCo, attendees, target leads that name a person, ``meta.completed_by`` if a name;
  and every occurrence of those names in free text, whole or by part, matched with case,
  accents and apostrophe styles folded ("ZOE", "zoe" and "Zoë"; "O’Neill" and "O'Neill"),
  except an all-lower-case word that is also a common English word ("will", "grace"),
  plus "Mr/Mrs/Ms/Miss/Dr Surname" anywhere;
- date of birth: same year and month (so age, school year and phase stay right), another day;
  the date also where it appears in free text, in any common style (2014-03-09, 9/3/14,
  09.03.2014, 9th March 2014, March 9, 2014);
- UPN (a valid check letter is computed; also spaced or hyphenated in free text), ULN
  (valid check digit), ``la_child_id``,
  ``meta.pep_id`` and linked-plan references (same shape: letters for letters, digits for
  digits);
- email addresses (``name.surname@example.org``, the person's pseudonym where known) and
  phone numbers (Ofcom's drama ranges: 01632 960xxx, 07700 900xxx), in their fields and in
  free text.

Every pattern is matched in time linear in the text (no backtracking over a long word).

Not replaced: the school (``setting_name``, URN, LAESTAB), authority names, dates other than
the birth date, and names in free text that appear nowhere in the PEP's name fields (a
sibling's first name, say). Read a redacted PEP before sharing it; docs/safety.md says more.
"""

from __future__ import annotations

import copy
import hashlib
import hmac
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from pepdocs.model.identifiers import UPN_CHECK_LETTERS, uln_check_digit, upn_check_letter

__all__ = ["Redactor", "redact_pep", "redact_pep_and"]

# Common, deliberately plain names: a pseudonym should read like a name, not like a code.
FIRST_NAMES = (
    "Alex", "Amira", "Bailey", "Bea", "Caleb", "Cara", "Dara", "Darcy", "Eden", "Elif",
    "Ezra", "Fern", "Finn", "Gemma", "Hana", "Harvey", "Idris", "Isla", "Jamal", "Jodie",
    "Kai", "Keira", "Leon", "Lila", "Malik", "Maya", "Nia", "Noel", "Olive", "Omar",
    "Priya", "Quinn", "Reece", "Rosa", "Sami", "Sienna", "Tariq", "Tess", "Umar", "Una",
    "Vince", "Vera", "Wren", "Wes", "Xander", "Yara", "Yusuf", "Zara", "Zeke", "Ruby",
)  # fmt: skip
LAST_NAMES = (
    "Ashby", "Barlow", "Chowdhury", "Dalton", "Ellison", "Fenwick", "Garside", "Holloway",
    "Ibbotson", "Jarvis", "Kowalski", "Lindqvist", "Mensah", "Nakamura", "Okafor", "Pemberton",
    "Quayle", "Rowntree", "Sandhu", "Thackeray", "Underwood", "Varga", "Whitlock", "Yeung",
    "Ziegler", "Abbott", "Brennan", "Castillo", "Doherty", "Eastwood", "Farrow", "Gallagher",
    "Hartley", "Iqbal", "Jennings", "Kavanagh", "Lomax", "Mortimer", "Novak", "Ogden",
    "Pickering", "Radcliffe", "Sutcliffe", "Tranter", "Umeh", "Vickers", "Winslow", "Yardley",
)  # fmt: skip

# Words that make a target's "lead" a role, not a person ("Class teacher", "DT and carer").
_ROLE_WORDS = re.compile(
    r"\b(teacher|dt|designated|senco|carer|foster|social|worker|sw|iro|school|virtual|vs|"
    r"tutor|mentor|ta|assistant|head|child|pupil|young|person|parent|staff|team|all|"
    r"camhs|nurse|lac|cla|key|class|form|year|learning|support|coach|officer|ehcp|send)\b",
    re.IGNORECASE,
)
#: apostrophes as typed: Word's default curly one, the modifier letter, the opening quote
_APOSTROPHES = "'’‘ʼ"
_TITLED_NAME = re.compile(r"\b((?i:mr|mrs|ms|miss|mx|dr))\.?\s+([^\W\d_a-z][\w'’‘ʼ-]*)")
# The lookbehind anchors a match at the start of a run of address characters: without it a
# long word with no "@" is scanned again from every position (quadratic time).
_EMAIL = re.compile(r"(?<![A-Za-z0-9._%+'-])[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
# UK phone numbers as typed: 10-11 digits after the trunk 0 or +44, in any grouping.
_PHONE = re.compile(r"(?<![\w+])(?:\+44\s?\(?0?\)?\s?|0)\d(?:[\s-]?\d){8,9}(?!\w)")
# A UPN as typed: its 13 characters, possibly grouped with spaces or hyphens
_UPN_IN_TEXT = re.compile(r"(?<!\w)[A-Za-z](?:[ -]?\d){11}[ -]?[0-9A-Za-z](?!\w)")
_NAME_TOKEN = re.compile(r"[^\W\d_][\w'’‘ʼ-]*")
# Words of free text as the sweep sees them (as name fields are split): a letter, then word
# characters, with inner hyphens and apostrophes
_SWEEP_WORD = re.compile(r"[^\W\d_]\w*(?:['’‘ʼ-]\w+)*")
_PART_SEPARATOR = re.compile(r"['’‘ʼ-]")
_PART_SEPARATOR_KEPT = re.compile(r"(['’‘ʼ-])")
_MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
_MONTH_NAME = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
#: a date as people type one: ISO-like, day-first numeric, "9th March 2014", "March 9, 2014"
_DATE_IN_TEXT = re.compile(
    r"(?<![\d\w])(?:"
    r"(?P<iy>\d{4})(?P<isep>[-/. ])(?P<im>\d{1,2})(?P=isep)(?P<id>\d{1,2})"
    r"|(?P<nd>\d{1,2})(?P<nsep>[-/. ])(?P<nm>\d{1,2})(?P=nsep)(?P<ny>\d{4}|\d{2})"
    r"|(?P<wd>\d{1,2})(?P<wo>st|nd|rd|th)?(?:\s+of)?\s+(?P<wm>" + _MONTH_NAME + r")\.?,?"
    r"\s+(?P<wy>\d{4}|\d{2})"
    r"|(?P<mm>" + _MONTH_NAME + r")\.?\s+(?P<md>\d{1,2})(?P<mo>st|nd|rd|th)?,?\s+(?P<my>\d{4})"
    r")(?![\d\w])",
    re.IGNORECASE,
)
#: names that are also everyday words: left alone when written all in lower case
COMMON_WORDS = frozenset(
    (
        "will", "may", "grace", "hope", "joy", "faith", "rose", "mark", "bill", "pat", "sue",
        "jack", "art", "dawn", "summer", "june", "april", "ruby", "amber", "holly", "ivy",
        "jade", "pearl",
        "rich", "frank", "grant", "mason", "hunter", "ray", "guy", "rob", "drew", "dean", "earl",
        "page", "chase", "cliff", "glen", "gene", "penny", "sky", "river", "brook", "autumn", "eve",
        "max", "sandy", "rusty", "norm", "carol", "iris", "daisy", "heather", "violet", "olive",
        "poppy", "rowan", "ash", "reed", "wood", "hill", "bell", "hall", "king", "young", "green",
        "brown", "white", "black", "gray", "grey", "long", "short", "little", "small", "stone",
        "marsh", "field",
    )
)  # fmt: skip
#: letters that Unicode does not decompose into a base letter and an accent
_LETTER_FOLD = str.maketrans(
    {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "æ": "ae", "Æ": "AE",
     "œ": "oe", "Œ": "OE", "ı": "i", "’": "'", "‘": "'", "ʼ": "'"}
)  # fmt: skip


def fold(text: str) -> str:
    """``text`` as names are compared: case, accents and apostrophe styles folded
    (``ZOË`` -> ``zoe``, ``O’Neill`` -> ``o'neill``)."""
    if text.isascii():
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text.translate(_LETTER_FOLD))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def _norm(text: str) -> str:
    return " ".join(fold(text).split())


def _like(found: str, fake: str) -> str:
    """``fake`` written in the case style of ``found`` (SMITH -> ASHBY, smith -> ashby)."""
    if len(found) > 1 and found.isupper():
        return fake.upper()
    if found.islower():
        return fake.lower()
    return fake


def _ordinal(day: int, like: str) -> str:
    suffix = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return suffix.upper() if like.isupper() else suffix


class Redactor:
    """One table of pseudonyms under one key; reuse it to redact many PEPs consistently."""

    def __init__(self, key: bytes | str) -> None:
        self._key = key.encode("utf-8") if isinstance(key, str) else bytes(key)
        if not self._key:
            raise ValueError("a redaction key must not be empty")
        # kind -> normalised real value -> pseudonym (first names and last names are separate
        # kinds so "Jordan Smith" and "Ann Jordan" do not share a pseudonym for "Jordan")
        self._table: dict[str, dict[str, str]] = {}
        self._used: dict[str, set[str]] = {}

    # -- the primitives ---------------------------------------------------------------------

    def _digest(self, kind: str, value: str) -> bytes:
        return hmac.new(self._key, f"{kind}\x00{_norm(value)}".encode(), hashlib.sha256).digest()

    def _number(self, kind: str, value: str) -> int:
        return int.from_bytes(self._digest(kind, value), "big")

    def _pick(self, kind: str, real: str, pool: tuple[str, ...], avoid: Iterable[str]) -> str:
        """The pseudonym for ``real`` from ``pool``: HMAC picks the start, taken pseudonyms
        (this run) and real names are skipped so two people never merge into one."""
        table = self._table.setdefault(kind, {})
        key = _norm(real)
        if key in table:
            return table[key]
        used = self._used.setdefault(kind, set())
        avoided = avoid if isinstance(avoid, frozenset) else frozenset(_norm(a) for a in avoid)
        start = self._number(kind, real) % len(pool)
        choice = pool[start]
        for step in range(len(pool)):
            candidate = pool[(start + step) % len(pool)]
            if candidate not in used and _norm(candidate) not in avoided:
                choice = candidate
                break
        else:  # more people than the pool: add a number rather than merge two people
            choice = f"{pool[start]}{len(used) + 1}"
        used.add(choice)
        table[key] = choice
        return choice

    def _shape(self, kind: str, value: str) -> str:
        """``value`` with each digit and letter replaced (same positions, same case)."""
        stream = self._digest(kind, value) + self._digest(kind + "+", value)
        out = []
        for index, character in enumerate(value):
            byte = stream[index % len(stream)] ^ index
            if character.isdigit():
                out.append(str(byte % 10))
            elif character.isalpha() and character.isascii():
                letter = chr(ord("A") + byte % 26)
                out.append(letter if character.isupper() else letter.lower())
            else:
                out.append(character)
        return "".join(out)

    # -- kinds of value ----------------------------------------------------------------------

    def first_name(self, real: str, avoid: Iterable[str] = ()) -> str:
        return self._pick("first", real, FIRST_NAMES, avoid)

    def last_name(self, real: str, avoid: Iterable[str] = ()) -> str:
        return self._pick("last", real, LAST_NAMES, avoid)

    def upn(self, real: str) -> str:
        """A UPN of the same kind (permanent or temporary) with a correct check letter."""
        text = real.strip().upper()
        if text in {f"UN{number}" for number in range(1, 6)}:
            return text  # "not known" codes identify no one
        number = self._number("upn", text)
        digits = f"{number % 10**12:012d}"
        if text[-1:].isalpha():  # a temporary UPN ends in a check-table letter
            rest = digits[:11] + UPN_CHECK_LETTERS[number % len(UPN_CHECK_LETTERS)]
        else:
            rest = digits
        return upn_check_letter(rest) + rest

    def uln(self, real: str) -> str:
        """A ULN with a valid check digit (the temporary ULN stays as it is)."""
        text = real.strip()
        if text == "9999999999":
            return text
        number = self._number("uln", text)
        for attempt in range(64):
            # ULNs do not start with 0; a nine-digit stem whose weighted sum is 0 mod 11 has
            # no check digit (ESFA never issues one), so step to the next stem
            first9 = f"{10**8 + (number + attempt) % (9 * 10**8):09d}"
            check = uln_check_digit(first9)
            if check is not None and first9 != text[:9]:
                return first9 + str(check)
        return "9999999999"

    def phone(self, real: str) -> str:
        """A number from Ofcom's drama ranges, mobile for mobile, landline otherwise."""
        digits = re.sub(r"\D", "", real)
        mobile = digits.startswith("07") or digits.startswith("447")
        suffix = self._number("phone", digits) % 1000
        return f"07700 900{suffix:03d}" if mobile else f"01632 960{suffix:03d}"

    def email(self, real: str, owner: str | None = None) -> str:
        """``first.last@example.org`` for a known owner's pseudonym, else a stable token."""
        if owner:
            local = ".".join(_NAME_TOKEN.findall(owner)).lower() or "person"
        else:
            local = "person." + self._digest("email", real).hex()[:6]
        return f"{local}@example.org"

    def date_of_birth(self, real: str) -> str:
        """Same year and month, another day (1-28, so every month has it)."""
        match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", real.strip())
        if not match:
            return real
        year, month, day = match.groups()
        new_day = self._number("dob", real) % 28 + 1
        if new_day == int(day):
            new_day = new_day % 28 + 1
        return f"{year}-{month}-{new_day:02d}"

    def identifier(self, real: str, kind: str = "id") -> str:
        return self._shape(kind, real)

    def file_label(self, path: str) -> str:
        """A stand-in for a source file's name and folders (which hold children's names,
        birth dates and UPNs as often as not): ``document-`` and ten hex digits of the HMAC,
        the same for the same path and key."""
        return "document-" + self._digest("file", path).hex()[:10]

    # -- whole PEPs -----------------------------------------------------------------------------

    def redact_pep(self, pep: Mapping[str, Any]) -> dict[str, Any]:
        """A redacted deep copy of ``pep`` (the input is not changed)."""
        return _PepRedaction(self, pep).run()

    def redact_pep_and(
        self, pep: Mapping[str, Any], *documents: Any
    ) -> tuple[dict[str, Any], list[Any]]:
        """``pep`` redacted, and each of ``documents`` (JSON-like: dicts, lists, strings)
        swept with the same replacements: for an extraction report, whose raw texts and
        unmapped entries hold the same people. Documents are copied, not changed."""
        redaction = _PepRedaction(self, pep)
        redacted = redaction.run()
        sweep = redaction.sweep
        assert sweep is not None
        return redacted, [
            redaction.sweep_everything(copy.deepcopy(document), sweep) for document in documents
        ]


def redact_pep(pep: Mapping[str, Any], key: bytes | str) -> dict[str, Any]:
    """A copy of ``pep`` with names, date of birth, UPN/ULN/local ids and contact details
    replaced by consistent pseudonyms (HMAC with ``key``); see the module docstring."""
    return Redactor(key).redact_pep(pep)


def redact_pep_and(
    pep: Mapping[str, Any], key: bytes | str, *documents: Any
) -> tuple[dict[str, Any], list[Any]]:
    """:func:`redact_pep`, plus ``documents`` (e.g. an extraction report's ``to_dict()``)
    swept with the same pseudonyms."""
    return Redactor(key).redact_pep_and(pep, *documents)


def _section(data: Any, *path: str) -> dict[str, Any] | None:
    for part in path:
        if not isinstance(data, dict):
            return None
        data = data.get(part)
    return data if isinstance(data, dict) else None


def _items(data: Any, key: str) -> list[dict[str, Any]]:
    value = data.get(key) if isinstance(data, dict) else None
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


class _PepRedaction:
    """One PEP: collect the people, replace their fields, then sweep all free text."""

    #: person-holding sections (path to the dict holding name/email/phone)
    PEOPLE = (
        ("care", "carer"),
        ("care", "social_worker"),
        ("care", "iro"),
        ("education", "designated_teacher"),
    )

    def __init__(self, redactor: Redactor, pep: Mapping[str, Any]) -> None:
        self.redactor = redactor
        self.pep: dict[str, Any] = copy.deepcopy(dict(pep))
        #: real name word, folded (:func:`fold`) -> pseudonym, looked up for every word of
        #: free text: one dictionary lookup per word, however many people
        self.names: dict[str, str] = {}
        #: other real strings (emails, phones, identifiers) -> replacement, few per PEP
        self.phrases: dict[str, str] = {}
        #: every pseudonym name written (folded), so the titled-name sweep leaves them alone
        self.fakes: set[str] = set()
        #: every word of every real name, normalised: no pseudonym may equal one
        self.real_tokens: frozenset[str] = frozenset()
        #: pseudonyms already written (emails, phones, UPNs): the sweep must not redo them
        self.produced: set[str] = set()
        self.dob: tuple[str, str] | None = None
        #: the free-text sweep, built by :meth:`run` once every person is known
        self.sweep: Callable[[str], str] | None = None

    # names ----------------------------------------------------------------------------------

    def _collect_real_tokens(self) -> None:
        """Every token of every real name, so no pseudonym equals somebody's real name."""
        names: list[str] = []
        child = _section(self.pep, "child") or {}
        names += [child.get(key) or "" for key in ("first_name", "middle_names", "last_name")]
        names.append(child.get("preferred_name") or "")
        for path in self.PEOPLE:
            names.append((_section(self.pep, *path) or {}).get("name") or "")
        names.append((_section(self.pep, "education") or {}).get("senco") or "")
        names += [item.get("name") or "" for item in _items(self.pep, "attendees")]
        tokens: set[str] = set()
        for name in names:
            if isinstance(name, str):
                for token in _NAME_TOKEN.findall(name):
                    tokens.add(_norm(token))
                    tokens.update(_norm(part) for part in _PART_SEPARATOR.split(token) if part)
        self.real_tokens = frozenset(tokens)

    def _remember(self, real: str, fake: str) -> None:
        """Replace the name word ``real`` by ``fake`` in free text too, however it is written
        there (case, accents and apostrophes folded: :func:`fold`)."""
        if len(real.strip()) < 2 or real == fake:
            return
        self.fakes.update(fold(part) for part in fake.split())
        self.names.setdefault(fold(real), fake)

    def _remember_phrase(self, real: str, fake: str) -> None:
        if real.strip() and real != fake:
            self.phrases[real] = fake

    def person(self, real: str) -> str:
        """A full name: first token a first name, last token a last name, middles first."""
        tokens = _NAME_TOKEN.findall(real)
        if not tokens:
            return real
        fakes: list[str] = []
        for index, token in enumerate(tokens):
            is_last = index == len(tokens) - 1 and len(tokens) > 1
            fake = (
                self.redactor.last_name(token, self.real_tokens)
                if is_last
                else self.redactor.first_name(token, self.real_tokens)
            )
            fakes.append(fake)
            self._remember_word(token, fake, last=is_last)
        result = real
        for token, fake in zip(tokens, fakes, strict=True):
            result = re.sub(rf"(?<!\w){re.escape(token)}(?!\w)", fake, result, count=1)
        return result

    def _remember_word(self, token: str, fake: str, *, last: bool) -> None:
        """A name word and, for "Vasquez-Brandt" or "O'Neill", each part on its own (free
        text may use one part)."""
        self._remember(token, fake)
        parts = [part for part in _PART_SEPARATOR.split(token) if len(part) > 1]
        if len(parts) > 1:
            pick = self.redactor.last_name if last else self.redactor.first_name
            for part in parts:
                self._remember(part, pick(part, self.real_tokens))

    def _redact_child(self) -> None:
        child = _section(self.pep, "child")
        if child is None:
            return
        for key, picker in (
            ("first_name", self.redactor.first_name),
            ("preferred_name", self.redactor.first_name),
            ("last_name", self.redactor.last_name),
        ):
            value = child.get(key)
            if isinstance(value, str) and value.strip():
                fake = " ".join(picker(token, self.real_tokens) for token in value.split())
                for token, token_fake in zip(value.split(), fake.split(), strict=True):
                    self._remember_word(token, token_fake, last=key == "last_name")
                child[key] = fake
        middle = child.get("middle_names")
        if isinstance(middle, str) and middle.strip():
            fake = " ".join(
                self.redactor.first_name(token, self.real_tokens) for token in middle.split()
            )
            for token, token_fake in zip(middle.split(), fake.split(), strict=True):
                self._remember_word(token, token_fake, last=False)
            child["middle_names"] = fake
        dob = child.get("date_of_birth")
        if isinstance(dob, str) and dob.strip():
            fake_dob = self.redactor.date_of_birth(dob)
            self.dob = (dob, fake_dob)
            child["date_of_birth"] = fake_dob
        for key, redact in (
            ("upn", self.redactor.upn),
            ("uln", self.redactor.uln),
            ("la_child_id", lambda value: self.redactor.identifier(value, "la_child_id")),
        ):
            value = child.get(key)
            if isinstance(value, str) and value.strip():
                child[key] = redact(value)
                self._remember_phrase(value, child[key])
                self.produced.add(child[key])

    def _redact_contact(self, holder: dict[str, Any], name_key: str = "name") -> None:
        name = holder.get(name_key)
        fake_name = self.person(name) if isinstance(name, str) and name.strip() else None
        if fake_name is not None:
            holder[name_key] = fake_name
        email = holder.get("email")
        if isinstance(email, str) and email.strip():
            holder["email"] = self.redactor.email(email, fake_name)
            self._remember_phrase(email, holder["email"])
            self.produced.add(holder["email"])
        phone = holder.get("phone")
        if isinstance(phone, str) and phone.strip():
            holder["phone"] = self.redactor.phone(phone)
            self._remember_phrase(phone, holder["phone"])
            self.produced.add(holder["phone"])

    def _redact_people(self) -> None:
        for path in self.PEOPLE:
            holder = _section(self.pep, *path)
            if holder is not None:
                self._redact_contact(holder)
        education = _section(self.pep, "education")
        if education is not None:
            self._redact_contact(education, "senco")
        for attendee in _items(self.pep, "attendees"):
            self._redact_contact(attendee)

    def _redact_roles_or_names(self) -> None:
        """A target lead or ``completed_by`` is a role ("Class teacher") or a person: a role
        keeps its words (names inside it are swept with the free text), a person is
        replaced whole."""
        holders: list[tuple[dict[str, Any], str]] = [
            (target, "lead") for target in _items(self.pep, "targets")
        ]
        meta = _section(self.pep, "meta")
        if meta is not None:
            holders.append((meta, "completed_by"))
        for holder, key in holders:
            value = holder.get(key)
            if not isinstance(value, str) or not value.strip() or _ROLE_WORDS.search(value):
                continue
            if _TITLED_NAME.search(value):
                continue  # "Mrs Patel": the titled-name sweep keeps the title
            holder[key] = self.person(value)

    def _redact_references(self) -> None:
        meta = _section(self.pep, "meta")
        if meta is not None and isinstance(meta.get("pep_id"), str) and meta["pep_id"]:
            meta["pep_id"] = self.redactor.identifier(meta["pep_id"], "pep_id")
        for plan in _items(self.pep, "linked_plans"):
            reference = plan.get("reference")
            if isinstance(reference, str) and reference.strip():
                plan["reference"] = self.redactor.identifier(reference, "reference")
                self._remember_phrase(reference, plan["reference"])

    # free text --------------------------------------------------------------------------------

    def _sweeper(self) -> Callable[[str], str]:
        # Phrases are the few contact details and identifiers of this PEP: one alternation,
        # longest first so a phone inside a longer string is not cut in two.
        known = sorted(self.phrases, key=len, reverse=True)
        pattern = (
            re.compile("|".join(rf"(?<!\w){re.escape(real)}(?!\w)" for real in known))
            if known
            else None
        )
        names = self.names

        def name_for(found: str) -> str | None:
            key = fold(found)
            fake = names.get(key)
            if fake is None or (found.islower() and key in COMMON_WORDS):
                return None
            return _like(found, fake)

        def word(match: re.Match[str]) -> str:
            found = match.group(0)
            fake = name_for(found)
            if fake is not None:
                return fake
            # "Zephyrine's", "Vasquez-Brandt" when only a part is known: part by part
            return "".join(name_for(part) or part for part in _PART_SEPARATOR_KEPT.split(found))

        def titled(match: re.Match[str]) -> str:
            title, name = match.group(1), match.group(2)
            if fold(name) in self.fakes:
                return match.group(0)
            known = name_for(name)
            fake = known or _like(name, self.redactor.last_name(name, self.real_tokens))
            return f"{title} {fake}"

        def sweep(text: str) -> str:
            if pattern is not None:
                text = pattern.sub(lambda match: self.phrases[match.group(0)], text)
            text = _SWEEP_WORD.sub(word, text)
            if self.dob is not None:
                text = _DATE_IN_TEXT.sub(self._birth_date, text)
            text = _TITLED_NAME.sub(titled, text)
            text = _EMAIL.sub(lambda match: self._once(match, self.redactor.email), text)
            text = _PHONE.sub(lambda match: self._once(match, self.redactor.phone), text)
            return _UPN_IN_TEXT.sub(self._spaced_upn, text)

        return sweep

    def _birth_date(self, match: re.Match[str]) -> str:
        """A date in free text: the birth date (in whatever style) gets the pseudonym's day,
        in the same style; any other date is left as it is."""
        assert self.dob is not None
        real_year, real_month, real_day = (int(part) for part in self.dob[0].split("-"))
        fake_day = int(self.dob[1].split("-")[2])
        groups = match.groupdict()
        for year_key, month_key, day_key, ordinal_key in (
            ("iy", "im", "id", None),
            ("ny", "nm", "nd", None),
            ("wy", "wm", "wd", "wo"),
            ("my", "mm", "md", "mo"),
        ):
            if groups[year_key] is None:
                continue
            year_text, month_text = groups[year_key], groups[month_key]
            year = int(year_text)
            month = (
                int(month_text)
                if month_text.isdigit()
                else next(
                    n for n, m in enumerate(_MONTHS, 1) if m.startswith(month_text[:3].lower())
                )
            )
            same_year = year == real_year if len(year_text) == 4 else year == real_year % 100
            if not (same_year and month == real_month and int(groups[day_key]) == real_day):
                return match.group(0)
            text = match.group(0)
            start, end = (position - match.start() for position in match.span(day_key))
            day_text = groups[day_key]
            new_day = f"{fake_day:0{len(day_text)}d}" if day_text.startswith("0") else str(fake_day)
            if ordinal_key and groups[ordinal_key]:
                o_start, o_end = (position - match.start() for position in match.span(ordinal_key))
                text = text[:o_start] + _ordinal(fake_day, groups[ordinal_key]) + text[o_end:]
            return text[:start] + new_day + text[end:]
        return match.group(0)

    def _spaced_upn(self, match: re.Match[str]) -> str:
        """A UPN in free text, compact or grouped (``A123 4567 8901 2``): replaced character
        for character, so the grouping stays and the check letter is right."""
        found = match.group(0)
        compact = re.sub(r"[ -]", "", found).upper()
        if compact in self.produced:
            return found
        fake = self.redactor.upn(compact)
        self.produced.add(fake)
        characters = iter(fake)
        return "".join(
            next(characters) if character.isalnum() else character for character in found
        )

    def _once(self, match: re.Match[str], redact: Callable[[str], str]) -> str:
        """Redact a matched email/phone/UPN unless it is a pseudonym this run wrote."""
        found = match.group(0)
        if found in self.produced:
            return found
        fake = redact(found)
        self.produced.add(fake)
        return fake

    def _sweep(self, data: Any, sweep: Callable[[str], str], path: str = "") -> Any:
        if isinstance(data, dict):
            return {
                key: value
                if f"{path}{key}" in _STRUCTURED
                else self._sweep(value, sweep, f"{path}{key}.")
                for key, value in data.items()
            }
        if isinstance(data, list):
            return [self._sweep(item, sweep, path) for item in data]
        if isinstance(data, str):
            return sweep(data)
        return data

    def sweep_everything(self, data: Any, sweep: Callable[[str], str]) -> Any:
        """Every string in ``data`` swept, dictionary keys included (reports key by label)."""
        if isinstance(data, dict):
            return {
                self.sweep_everything(key, sweep): self.sweep_everything(value, sweep)
                for key, value in data.items()
            }
        if isinstance(data, list | tuple):
            return [self.sweep_everything(item, sweep) for item in data]
        if isinstance(data, str):
            return sweep(data)
        return data

    def run(self) -> dict[str, Any]:
        self._collect_real_tokens()
        self._redact_child()
        self._redact_people()
        self._redact_roles_or_names()
        self._redact_references()
        self.sweep = self._sweeper()
        swept = self._sweep(self.pep, self.sweep)
        assert isinstance(swept, dict)
        return swept


#: Fields already replaced as a whole, or codes and dates: the free-text sweep leaves them.
_STRUCTURED = frozenset(
    {
        "child.date_of_birth",
        "child.upn",
        "child.uln",
        "child.la_child_id",
        "meta.pep_id",
        "meta.authority",
        "education.urn",
        "education.laestab",
    }
)
