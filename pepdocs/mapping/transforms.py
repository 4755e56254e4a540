"""Bidirectional transforms between model values and form values (see docs/mappings.md).

Model values are JSON-native: ISO date strings, money as a decimal string (``"1234.50"``),
percentages as floats, ints, bools, code strings. Form values are what an engine writes and
reads (:data:`pepdocs.mapping.spec.FormValue`): text, a checkbox state, the ticked option keys
of a checkbox group, or table rows.

Writing is exact; reading is tolerant of what people type (``£1,234.5``, ``yes``, ``3rd Sept
2025``) but never guesses: text it cannot read raises :class:`~pepdocs.errors.TransformError`
with a reason (never the text: that stays on ``.raw`` for the report).
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import re
import unicodedata
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, Literal

from pepdocs.errors import TransformError
from pepdocs.mapping.dates import check_date_format, format_date, parse_uk_date
from pepdocs.mapping.spec import FormValue
from pepdocs.model.blanks import deliberate_blank

if TYPE_CHECKING:
    from pepdocs.mapping.spec import ColumnSpec
    from pepdocs.model.catalog import FieldInfo

#: Remarks for the report that go with a converted value (``matched an option approximately``).
Notes = tuple[str, ...]

#: How a bool or choice is written: text (``Yes``, ``Full Care Order``), a checkbox state
#: (bool), or the ticked keys of a checkbox group (list of option keys).
Output = Literal["label", "bool", "keys"]


class TransformConfigError(ValueError):
    """A transform's options are wrong; ``option`` names the mapping key at fault.

    The loader turns it into a :class:`~pepdocs.errors.MappingError` at that key's line.
    """

    def __init__(self, message: str, option: str | None = None) -> None:
        super().__init__(message)
        self.option = option


class Transform(ABC):
    """Turns a model value into what the form shows (``to_form``) and back (``from_form``).

    ``from_form`` raises :class:`pepdocs.errors.TransformError` on text it cannot read; the
    caller reports the field as unparseable and keeps the raw text. ``reversible`` is False
    for a transform that loses information; the loader and reports say so, and ``caveat``
    says why (or, for a reversible transform, when a particular value would not read back).
    """

    name: str = ""
    reversible: bool = True
    caveat: str = ""

    @abstractmethod
    def to_form(self, value: Any) -> FormValue: ...

    @abstractmethod
    def from_form(self, raw: FormValue) -> Any: ...

    def to_form_noted(self, value: Any) -> tuple[FormValue, Notes]:
        """``to_form``, plus a note when this value would not read back unchanged.

        The check reads the written value back: a join whose value contains its separator, a
        money format that drops pence, a multi-line text in a single-line box all say so here
        instead of losing data silently.
        """
        form_value = self.to_form(value)
        try:
            back = self.from_form(form_value)
        except TransformError as problem:
            return form_value, (f"will not read back from the form: {problem}",)
        if not _same_model_value(back, value):
            reason = f" ({self.caveat})" if self.caveat else ""
            return form_value, (f"will not read back unchanged from the form{reason}",)
        return form_value, ()

    def from_form_noted(self, raw: FormValue) -> tuple[Any, Notes]:
        """``from_form``, plus remarks for the report (an approximate match, a dropped row)."""
        value = self.from_form(raw)
        if value is None and deliberate_blank(raw):
            return None, _blank_note(raw)
        return value, ()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name}>"


def _same_model_value(read: Any, written: Any) -> bool:
    if isinstance(written, dt.date):
        written = written.isoformat()
    if isinstance(written, Decimal):
        written = format(written, "f")
    if written == "" or written == [] or written == {}:
        written = None
    if isinstance(written, Mapping) and isinstance(read, Mapping):
        return all(_same_model_value(read.get(key), item) for key, item in written.items())
    if isinstance(written, list) and isinstance(read, list) and len(read) == len(written):
        return all(_same_model_value(a, b) for a, b in zip(read, written, strict=True))
    if isinstance(written, str) and isinstance(read, str):
        return read == written.strip()
    return bool(read == written)


# --- helpers ---------------------------------------------------------------------------------

_LINE_BREAKS = re.compile(r"\r\n|[\r\v\u2028\u2029\x85]")


def _one_line_break(text: str) -> str:
    """Every kind of line break as ``\\n`` (most text is ASCII without \\r or \\v: returned
    as it is, without a regex pass)."""
    if text.isascii() and "\r" not in text and "\v" not in text:
        return text
    return _LINE_BREAKS.sub("\n", text)


def _is_blank(raw: FormValue) -> bool:
    if raw is None:
        return True
    if isinstance(raw, str):
        return not raw.strip()
    if isinstance(raw, list):
        return not raw
    return False


def _blank_note(raw: FormValue) -> Notes:
    return ("written as a deliberate blank (N/A, none, -, TBC): read as no value",)


def _text_of(raw: Any, what: str) -> str:
    """The text of a form value that should be a single box's text."""
    if isinstance(raw, str):
        return raw
    if isinstance(raw, bool):
        raise TransformError(f"not {what}: the form holds a checkbox here", raw=raw)
    if isinstance(raw, int | float | Decimal):
        return _plain_number(raw)  # a spreadsheet cell holding a number
    if isinstance(raw, list) and len(raw) == 1 and isinstance(raw[0], str):
        return raw[0]
    raise TransformError(f"not {what}: expected the text of one box", raw=raw)


def _plain_number(value: int | float | Decimal) -> str:
    """``94.5`` -> ``94.5``, ``100.0`` -> ``100``, never ``1e-05``."""
    if isinstance(value, int):
        return str(value)
    number = Decimal(repr(value)) if isinstance(value, float) else value
    text = format(number, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def _squash_spaces(text: str) -> str:
    # No-break, thin and figure spaces arrive from Word and PDFs; en spaces are how an empty
    # legacy form field looks (five U+2002).
    return re.sub(r"[\s\u00a0\u2002\u2007\u202f]+", "", text)


_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d*)?")
_PLAIN = re.compile(r"\d+(?:\.\d*)?|\.\d+")


def _parse_decimal(text: str, raw: object, what: str) -> Decimal:
    """``1,234.5`` -> Decimal; thousands commas must group by three (``1,23`` is refused)."""
    body = _squash_spaces(text)
    sign = ""
    if body and body[0] in "+-\u2212":
        sign, body = ("-" if body[0] != "+" else ""), body[1:]
    if _GROUPED.fullmatch(body):
        body = body.replace(",", "")
    elif not _PLAIN.fullmatch(body):
        if "," in body:
            raise TransformError(
                f"not {what}: commas must separate thousands (1,234.50); "
                "a decimal comma is not read",
                raw=raw,
            )
        raise TransformError(f"not {what}: expected a number", raw=raw)
    try:
        return Decimal(sign + body)
    except InvalidOperation:  # pragma: no cover - the patterns above only let numbers through
        raise TransformError(f"not {what}: expected a number", raw=raw) from None


def _model_number(value: Any, what: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float | str | Decimal):
        raise TransformError(f"the model value is not {what}", raw=value)
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise TransformError(f"the model value is not {what}", raw=value) from None
    if not number.is_finite():
        raise TransformError(f"the model value is not {what}", raw=value)
    return number


def _check_format(fmt: Any, sample: Any, option: str = "format") -> str:
    """A ``str.format`` pattern with one replacement field, e.g. ``£{:,.2f}``."""
    if not isinstance(fmt, str):
        raise TransformConfigError("format must be text, e.g. '£{:,.2f}'", option)
    try:
        fmt.format(sample)
    except (ValueError, IndexError, KeyError, TypeError) as exc:
        raise TransformConfigError(
            f"format is not a Python format with one {{}} field ({exc}); e.g. '£{{:,.2f}}'",
            option,
        ) from None
    return fmt


def normalise_label(text: str) -> str:
    """Case-, accent-, spacing- and punctuation-insensitive form of an option label.

    ``"Section 20 (s.20)"`` and ``"section 20 s 20"`` compare equal; ``&`` counts as ``and``.
    """
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    folded = folded.replace("&", " and ")
    return " ".join(re.sub(r"[^\w]+", " ", folded).split())


# --- scalar transforms -----------------------------------------------------------------------


class TextTransform(Transform):
    """Free text. Read: stripped, line endings made ``\\n``, empty -> ``None``.

    ``multiline=False`` folds line breaks into spaces when reading (a single-line box that
    wrapped); ``True`` tells engines to write one paragraph per line. ``None`` keeps what is
    there.
    """

    name = "text"

    def __init__(self, multiline: bool | None = None) -> None:
        self.multiline = multiline
        if multiline is False:
            self.caveat = "line breaks read back as spaces in this single-line box"

    def to_form(self, value: Any) -> FormValue:
        if value is None:
            return None
        if isinstance(value, bool):
            raise TransformError("the model value is not text", raw=value)
        if isinstance(value, int | float | Decimal):
            return _plain_number(value)
        if not isinstance(value, str):
            raise TransformError("the model value is not text", raw=value)
        return _one_line_break(value)

    def from_form(self, raw: FormValue) -> str | None:
        if _is_blank(raw) or deliberate_blank(raw):
            return None
        text = _one_line_break(_text_of(raw, "text")).strip()
        if self.multiline is False:
            text = " ".join(text.split())
        return text or None


class DateTransform(Transform):
    """ISO date in the model; written with ``format`` (default ``%d/%m/%Y``), read with the
    strict UK parser (:func:`pepdocs.mapping.dates.parse_uk_date`)."""

    name = "date"
    _PROBES = (dt.date(2025, 9, 3), dt.date(2031, 12, 25), dt.date(1999, 1, 31))

    def __init__(self, fmt: str = "%d/%m/%Y", pivot_year: int | None = None) -> None:
        if not isinstance(fmt, str):
            raise TransformConfigError("format must be text, e.g. '%d/%m/%Y'", "format")
        try:
            check_date_format(fmt)
        except ValueError as exc:
            raise TransformConfigError(str(exc), "format") from None
        self.format = fmt
        self.pivot_year = pivot_year
        for probe in self._PROBES:
            try:
                back = parse_uk_date(format_date(probe, fmt), pivot_year=pivot_year)
            except TransformError:
                back = None
            if back != probe:
                self.reversible = False
                self.caveat = (
                    "this date format does not read back: it needs day, month and year, "
                    "day before month"
                )
                break

    def to_form(self, value: Any) -> FormValue:
        if value is None:
            return None
        return format_date(_model_date(value), self.format)

    def from_form(self, raw: FormValue) -> str | None:
        if _is_blank(raw) or deliberate_blank(raw):
            return None
        if isinstance(raw, dt.date):  # a spreadsheet cell holding a date or datetime
            return (raw.date() if isinstance(raw, dt.datetime) else raw).isoformat()
        return parse_uk_date(_text_of(raw, "a date"), pivot_year=self.pivot_year).isoformat()


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _model_date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise TransformError("the model value is not an ISO date (YYYY-MM-DD)", raw=value)


class IntTransform(Transform):
    """A whole number. Read: ``1,234``, `` 12 ``, ``12.0`` (a spreadsheet's float)."""

    name = "int"

    def to_form(self, value: Any) -> FormValue:
        if value is None:
            return None
        number = _model_number(value, "a whole number")
        if number != number.to_integral_value():
            raise TransformError("the model value is not a whole number", raw=value)
        return str(int(number))

    def from_form(self, raw: FormValue) -> int | None:
        if _is_blank(raw) or deliberate_blank(raw):
            return None
        number = _parse_decimal(_text_of(raw, "a whole number"), raw, "a whole number")
        if number != number.to_integral_value():
            raise TransformError("not a whole number: it has a fraction", raw=raw)
        return int(number)


class DecimalTransform(Transform):
    """A number with a fraction (model: float). ``format`` e.g. ``{:.1f}``; default plain."""

    name = "decimal"

    def __init__(self, fmt: str | None = None) -> None:
        self.format = _check_format(fmt, 1.5) if fmt is not None else None
        if self.format:
            self.caveat = "the format rounds this number"

    def to_form(self, value: Any) -> FormValue:
        if value is None:
            return None
        number = _model_number(value, "a number")
        if self.format:
            return self.format.format(float(number))
        return _plain_number(number)

    def from_form(self, raw: FormValue) -> float | None:
        if _is_blank(raw) or deliberate_blank(raw):
            return None
        return float(_parse_decimal(_text_of(raw, "a number"), raw, "a number"))


_CURRENCY_WORDS = re.compile(r"(?i)\bgbp\b|£|\bpounds?\b|\bsterling\b")
_OTHER_CURRENCY = re.compile(r"(?i)[$€¥]|\b(?:usd|eur)\b")
_PENCE = re.compile(r"(?i)(\d+)\s*p(?:ence)?")


class MoneyTransform(Transform):
    """GBP; the model holds a decimal string (``"1234.50"``). Written ``£1,234.50`` (or per
    ``format``, a Python format such as ``{:.2f}``); read tolerant of ``£``, ``GBP``, commas,
    spaces and ``50p``. Negative amounts and more than two decimal places are refused."""

    name = "money"

    def __init__(self, fmt: str | None = None) -> None:
        self.format = _check_format(fmt, Decimal("1234.50")) if fmt is not None else "£{:,.2f}"
        if fmt is not None:
            self.caveat = "the format rounds this amount"

    def to_form(self, value: Any) -> FormValue:
        if value is None or value == "":
            return None
        amount = _model_number(value, "an amount of money").quantize(Decimal("0.01"))
        return self.format.format(amount)

    def from_form(self, raw: FormValue) -> str | None:
        if _is_blank(raw) or deliberate_blank(raw):
            return None
        text = _text_of(raw, "an amount of money").strip()
        if _OTHER_CURRENCY.search(text):
            raise TransformError("not an amount in pounds: another currency is named", raw=raw)
        pence = _PENCE.fullmatch(text)
        if pence:
            amount = Decimal(pence.group(1)) / 100
        else:
            text = _CURRENCY_WORDS.sub("", text)
            if not text.strip():
                return None  # "£" printed in the box and nothing typed after it
            if text.strip().startswith("(") and text.strip().endswith(")"):
                raise TransformError("not an amount of money: it is negative", raw=raw)
            amount = _parse_decimal(text, raw, "an amount of money")
        if amount < 0:
            raise TransformError("not an amount of money: it is negative", raw=raw)
        if amount != amount.quantize(Decimal("0.01")):
            raise TransformError("not an amount of money: more than two decimal places", raw=raw)
        return format(amount.quantize(Decimal("0.01")), "f")


class PercentTransform(Transform):
    """A percentage 0-100 (model: float). Written ``94.5%`` (or per ``format``, e.g.
    ``{:.1f}%``); read from ``94.5``, ``94.5 %``, ``94.5%``."""

    name = "percent"

    def __init__(self, fmt: str | None = None) -> None:
        self.format = _check_format(fmt, 94.5) if fmt is not None else None
        if self.format:
            self.caveat = "the format rounds this percentage"

    def to_form(self, value: Any) -> FormValue:
        if value is None:
            return None
        number = _model_number(value, "a percentage")
        if self.format:
            return self.format.format(float(number))
        return f"{_plain_number(number)}%"

    def from_form(self, raw: FormValue) -> float | None:
        if _is_blank(raw) or deliberate_blank(raw):
            return None
        text = _text_of(raw, "a percentage").strip()
        text = re.sub(r"\s*(?:%|per\s*cent|percent)\s*$", "", text, flags=re.IGNORECASE)
        number = float(_parse_decimal(text, raw, "a percentage"))
        if not 0 <= number <= 100 or math.isnan(number):
            raise TransformError("not a percentage: it must be between 0 and 100", raw=raw)
        return number


_TRUE_WORDS = frozenset(
    {"y", "yes", "true", "t", "x", "1", "on", "ticked", "checked", "selected"}
    | {"✓", "✔", "☑", "☒", "■", "⊠", "\uf0fe", "þ"}
    # who came to a meeting, as an attendance column is typed in
    | {"present", "attended", "in attendance"}
)
_FALSE_WORDS = frozenset(
    {"n", "no", "false", "f", "0", "off", "unticked", "not ticked", "unchecked", "☐", "□"}
    | {"apologies", "sent apologies", "absent", "did not attend", "dna", "not present"}
)
# A cross typed beside a question means "ticked" to some and "no" to others.
_AMBIGUOUS_MARKS = frozenset({"✗", "✘", "╳"})
_NOT_ANSWERED = frozenset({"n a", "na", "not applicable", "not known", "unknown"})


def bool_word(text: str) -> bool | None:
    """True/False for a word that plainly means yes/no (``yes``, ``Y``, ``true``, ``x``,
    ``no``...), else None. The loader uses it to tell a yes/no checkbox group's keys apart."""
    token = _bool_token(text)
    if token in _TRUE_WORDS and token not in _FALSE_WORDS:
        return True
    if token in _FALSE_WORDS and token not in _TRUE_WORDS:
        return False
    return None


def _bool_token(text: str) -> str:
    token = text.strip().strip("[]()").strip().rstrip(".!").strip()
    if len(token) == 1 and not token.isalnum():
        return token  # a glyph: normalise_label would erase it
    return normalise_label(token)


class BoolTransform(Transform):
    """Yes/no. Written as a label (default ``Yes``/``No``), a checkbox state, or the ticked
    key of a yes/no checkbox group; read from any of those and from ``y``, ``true``, ``x``,
    ``✓``, ``ticked``, ``[x]`` or ``n``, ``no``, ``false``, ``☐``. ``N/A`` reads as no answer;
    a lone cross (``✗``) is refused as ambiguous. ``negated``: the form asks the opposite
    question ("Is the pupil on a full-time timetable?" for a part-time timetable), so its yes
    is the model's no, both ways."""

    name = "bool"

    def __init__(
        self,
        true_label: str = "Yes",
        false_label: str = "No",
        output: Output = "label",
        keys: tuple[str, str] = ("true", "false"),
        negated: bool = False,
    ) -> None:
        for option in (true_label, false_label):
            if not isinstance(option, str):
                raise TransformConfigError("bool labels must be text", "values")
        if _bool_token(true_label) == _bool_token(false_label):
            raise TransformConfigError("the yes and no labels must differ", "values")
        self.true_label = true_label
        self.false_label = false_label
        self.output = output
        self.keys = keys
        self.negated = negated
        self._true = _TRUE_WORDS | {_bool_token(true_label), _bool_token(keys[0])}
        self._false = _FALSE_WORDS | {_bool_token(false_label), _bool_token(keys[1])}

    def to_form(self, value: Any) -> FormValue:
        if value is None:
            return None
        if not isinstance(value, bool):
            raise TransformError("the model value is not true or false", raw=value)
        shown: bool = value != self.negated
        if self.output == "bool":
            return shown
        if self.output == "keys":
            return [self.keys[0] if shown else self.keys[1]]
        return self.true_label if shown else self.false_label

    def from_form(self, raw: FormValue) -> bool | None:
        answer = self._answer(raw)
        return answer if answer is None or not self.negated else not answer

    def _answer(self, raw: FormValue) -> bool | None:
        """The form's own yes or no, as the form asks it."""
        if isinstance(raw, bool):
            return raw
        answer: Any = raw
        if isinstance(raw, list):
            if len(raw) > 1:
                raise TransformError("both yes and no are ticked", raw=raw)
            answer = raw[0] if raw else None
        if _is_blank(answer):
            return None
        token = _bool_token(_text_of(answer, "yes or no"))
        if not token:
            return False  # "[ ]" or "( )": a box typed as text, left empty
        if token in self._true and token not in self._false:
            return True
        if token in self._false and token not in self._true:
            return False
        if token in _NOT_ANSWERED or deliberate_blank(answer):
            return None
        if token in _AMBIGUOUS_MARKS:
            raise TransformError(
                "a cross can mean ticked or no: check the form and type yes or no", raw=raw
            )
        raise TransformError(
            f"not yes or no: expected {self.true_label!r} or {self.false_label!r}", raw=raw
        )


#: the form's instruction left beside the chosen option ("Partly  (delete as appropriate)",
#: "Yes (circle)"): print, not part of the answer
_INSTRUCTION_ASIDE = re.compile(
    r"\(\s*(?:please\s+)?(?:delete|circle|tick|strike|cross|select|choose|underline|"
    r"highlight)\b[^()]*\)",
    re.IGNORECASE,
)


class ChoiceTransform(Transform):
    """A code from a list, shown as its label: ``values`` maps code -> label (or a list of
    labels: the first is written, all are read). Read: the label or the code, ignoring case,
    accents, spacing and punctuation; then ``synonyms`` (other wordings of the same codes,
    from the model's code list: ``Maths`` for numeracy, ``Partly`` for partly met); then an
    answer that contains exactly one option's wording (``S31 Full Care Order``, ``Interim
    Care Order (S38)``, ``White - Any other White background``); else the closest label
    scoring at least ``threshold`` (0-100; ``None`` turns fuzzy matching off). The last two
    are reported as approximate. An answer matching nothing that means "nothing to put here"
    (``N/A``, ``-``) reads as no value."""

    name = "choice"

    #: an option's wording must cover this share of an answer's letters for the answer to
    #: be read as that option ("S31 Full Care Order" yes; "maths and reading" no)
    CONTAINED_SHARE = 0.4

    def __init__(
        self,
        values: Mapping[str, str | Sequence[str]] | None = None,
        output: Output = "label",
        threshold: float | None = 90,
        synonyms: Mapping[str, str] | None = None,
    ) -> None:
        self.output = output
        self.threshold = threshold
        self.labels: dict[str, str] = {}
        self._exact: dict[str, str] = {}
        self._normal: dict[str, str] = {}
        for code, labels in (values or {}).items():
            names = [labels] if isinstance(labels, str) else list(labels)
            if not names or not all(isinstance(name, str) and name.strip() for name in names):
                raise TransformConfigError(
                    "each option needs a label (text) or a list of labels", "values"
                )
            self.labels[code] = names[0]
            for name in [code, *names]:
                self._add(name, code)
        self.open = not self.labels  # no list: codes are written and read as they are
        #: wordings read but never written; the form's own labels win over them
        self._synonyms: dict[str, str] = {}
        for name, code in (synonyms or {}).items():
            key = normalise_label(name)
            if key and key not in self._normal and (self.open or code in self.labels):
                self._synonyms.setdefault(key, code)

    def _add(self, name: str, code: str) -> None:
        self._exact.setdefault(name, code)
        key = normalise_label(name)
        if not key:
            return
        other = self._normal.setdefault(key, code)
        if other != code:
            raise TransformConfigError(
                f"options {other!r} and {code!r} have labels that read the same; make them "
                "differ by more than case or punctuation",
                "values",
            )

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(self.labels)

    def to_form(self, value: Any) -> FormValue:
        if value is None:
            return None
        if not isinstance(value, str):
            raise TransformError("the model value is not a code", raw=value)
        if not self.open and value not in self.labels:
            raise TransformError(
                "the model's code is not among this form's options; add it to values",
                raw=value,
            )
        if self.output == "keys":
            return [value]
        return self.labels.get(value, value)

    def from_form(self, raw: FormValue) -> str | None:
        return self.from_form_noted(raw)[0]

    def from_form_noted(self, raw: FormValue) -> tuple[str | None, Notes]:
        answer: Any = raw
        if isinstance(raw, list):
            if len(raw) > 1:
                raise TransformError("several options are ticked; only one is allowed", raw=raw)
            answer = raw[0] if raw else None
        if _is_blank(answer):
            return None, ()
        text = _INSTRUCTION_ASIDE.sub(" ", _text_of(answer, "one of the options")).strip()
        if text in self._exact:
            return self._exact[text], ()
        key = normalise_label(text)
        if key in self._normal:
            return self._normal[key], ()
        if key in self._synonyms:
            return self._synonyms[key], ()
        if self.open and not self._synonyms:
            return text, ()
        prefixed = self._code_prefix(text)
        if prefixed is not None:
            return prefixed, (f"read as option {prefixed!r}: the answer starts with its code",)
        contained = self._contained(key, raw)
        if contained is not None:
            return contained
        if deliberate_blank(text):
            return None, _blank_note(text)
        if self.open:
            return text, ()
        return self._closest(key, raw)

    def _code_prefix(self, text: str) -> str | None:
        """The option whose code the answer starts with (``U6 - Foster placement``,
        ``C2 Full care order``): codes of two or more characters, then a separator."""
        head = re.split(r"[\s:\-\u2013()/,.]+", text.strip(), maxsplit=1)
        if len(head) < 2 or not head[1].strip():
            return None
        code = head[0].upper()
        known = set(self.labels) | set(self._synonyms.values())
        return code if len(code) >= 2 and code in known else None

    def _contained(self, key: str, raw: object) -> tuple[str, Notes] | None:
        """The one option whose wording the answer contains as whole words, covering enough
        of it; the longest wording wins ("interim care order" over "care order")."""
        if not key:
            return None
        padded = f" {key} "
        best: list[tuple[int, str, str]] = []
        for name, code in itertools.chain(self._normal.items(), self._synonyms.items()):
            if len(name) < 2 or f" {name} " not in padded:
                continue
            best.append((len(name), name, code))
        if not best:
            return None
        best.sort(reverse=True)
        length, name, code = best[0]
        rivals = {c for size, n, c in best if c != code and f" {n} " not in f" {name} "}
        if rivals or length < self.CONTAINED_SHARE * len(key.replace(" ", "")):
            if rivals and length >= self.CONTAINED_SHARE * len(key.replace(" ", "")):
                raise TransformError(
                    "the answer names more than one option; choose one from the list", raw=raw
                )
            return None
        return code, (f"read as option {code!r}: the answer contains {name!r}",)

    def _closest(self, key: str, raw: object) -> tuple[str, Notes]:
        if self.threshold is not None and key:
            from rapidfuzz import fuzz, process

            names = {**self._synonyms, **self._normal}
            found = process.extract(key, list(names), scorer=fuzz.ratio, limit=2)
            good = [(name, score) for name, score, _ in found if score >= self.threshold]
            codes = {names[name] for name, _ in good}
            if len(codes) == 1:
                code = names[good[0][0]]
                return code, (f"read as option {code!r} by approximate match ({good[0][1]:.0f}%)",)
            if len(codes) > 1:
                raise TransformError(
                    "close to more than one option; choose one from the list", raw=raw
                )
        raise TransformError("not one of this form's options", raw=raw)


# --- several values in one box ---------------------------------------------------------------

_PLACEHOLDER = re.compile(r"\{\{\s*([\w.]+)\s*\}\}")


class JoinTransform(Transform):
    """Several model paths in one box, by ``pattern`` (``{{name}} ({{phone}})``) or by
    ``separator``. The model value is a dict keyed by path; missing parts are ``None``.

    Reading splits on the pattern's literal text, so two placeholders with nothing between
    them cannot be read back (``reversible`` False), and a value containing the text after its
    placeholder reads back wrongly (``to_form_noted`` says so when writing it).
    """

    name = "join"

    def __init__(
        self,
        paths: Sequence[str],
        parts: Sequence[Transform],
        pattern: str | None = None,
        separator: str | None = None,
    ) -> None:
        if len(paths) != len(parts) or len(paths) < 2:
            raise TransformConfigError("a join needs two or more paths", "path")
        self.paths = tuple(paths)
        self.parts = tuple(parts)
        if (pattern is None) == (separator is None):
            raise TransformConfigError(
                "a join needs either pattern (e.g. '{{name}} ({{phone}})') or separator",
                "pattern" if pattern is not None else "path",
            )
        if separator is not None:
            if not isinstance(separator, str) or not separator:
                raise TransformConfigError("separator must be non-empty text", "separator")
            pieces: list[str | int] = []
            for index in range(len(self.paths)):
                pieces.extend([separator, index] if index else [index])
            self.pieces = tuple(pieces)
        else:
            assert pattern is not None
            self.pieces = self._parse_pattern(pattern)
        self.pattern = pattern
        self.separator = separator
        literal_between = [
            isinstance(a, str) or isinstance(b, str)
            for a, b in zip(self.pieces, self.pieces[1:], strict=False)
        ]
        if not all(literal_between):
            self.reversible = False
            self.caveat = "two parts touch with no text between them, so they cannot be split"
        else:
            self.caveat = "a part contains the text that separates it from the next part"
        # Spaces in the literal text match any spacing: editors trim and re-wrap. But text
        # that is only spacing between two parts (``separator: " "``) must match at least one
        # space, or the first (lazy) part would always read empty.
        regex = "".join(
            (
                r"\s+"
                if isinstance(piece, str)
                and not piece.strip()
                and 0 < number < len(self.pieces) - 1
                else r"\s*".join(re.escape(word) for word in re.split(r"\s+", piece))
            )
            if isinstance(piece, str)
            else "(.*?)"
            for number, piece in enumerate(self.pieces)
        )
        self._regex = re.compile(rf"\s*{regex}\s*", re.DOTALL)

    def _parse_pattern(self, pattern: str) -> tuple[str | int, ...]:
        if not isinstance(pattern, str):
            raise TransformConfigError("pattern must be text", "pattern")
        names: dict[str, int] = {}
        for index, path in enumerate(self.paths):
            names[path] = index
            short = path.rsplit(".", 1)[-1]
            names[short] = -1 if short in names and names[short] != index else index
        pieces: list[str | int] = []
        used: set[int] = set()
        position = 0
        for match in _PLACEHOLDER.finditer(pattern):
            if match.start() > position:
                pieces.append(pattern[position : match.start()])
            found = names.get(match.group(1))
            if found is None or found < 0:
                raise TransformConfigError(
                    f"pattern placeholder {{{{{match.group(1)}}}}} names none of the paths "
                    f"({', '.join(self.paths)})"
                    + ("; it is ambiguous, write the full path" if found == -1 else ""),
                    "pattern",
                )
            if found in used:
                raise TransformConfigError(
                    f"pattern uses {{{{{match.group(1)}}}}} twice", "pattern"
                )
            used.add(found)
            pieces.append(found)
            position = match.end()
        if position < len(pattern):
            pieces.append(pattern[position:])
        missing = [path for index, path in enumerate(self.paths) if index not in used]
        if missing:
            raise TransformConfigError(
                f"pattern has no placeholder for {', '.join(missing)}", "pattern"
            )
        return tuple(pieces)

    def _values(self, value: Any) -> list[Any]:
        if isinstance(value, Mapping):
            return [value.get(path) for path in self.paths]
        if isinstance(value, Sequence) and not isinstance(value, str):
            if len(value) != len(self.paths):
                raise TransformError("the model value has the wrong number of parts", raw=value)
            return list(value)
        raise TransformError("a join's model value is a dict keyed by path", raw=value)

    def to_form(self, value: Any) -> FormValue:
        if value is None:
            return None
        values = self._values(value)
        if all(item is None or item == "" for item in values):
            return None
        texts: list[str] = []
        for path, part, item in zip(self.paths, self.parts, values, strict=True):
            written = part.to_form(item)
            if written is not None and not isinstance(written, str):
                raise TransformError(f"part {path} is not text on the form", raw=item)
            texts.append(written or "")
        return "".join(piece if isinstance(piece, str) else texts[piece] for piece in self.pieces)

    def from_form(self, raw: FormValue) -> dict[str, Any]:
        if _is_blank(raw):
            return dict.fromkeys(self.paths)
        text = _text_of(raw, "the expected parts")
        match = self._regex.fullmatch(text)
        if not match:
            raise TransformError(
                "does not have the expected parts; write it like the form's example", raw=raw
            )
        found = [match.group(i + 1) for i in range(len(self.paths))]
        ordered = [piece for piece in self.pieces if isinstance(piece, int)]
        values: dict[str, Any] = {}
        for group, index in enumerate(ordered):
            path, part = self.paths[index], self.parts[index]
            try:
                values[path] = part.from_form(found[group])
            except TransformError as problem:
                raise TransformError(f"part {path}: {problem}", raw=raw) from None
        return values


#: Words that begin a surname of several words ("Ní Bhriain", "van der Berg", "O Súilleabháin").
_SURNAME_PARTICLES = frozenset(
    {
        "de",
        "del",
        "della",
        "der",
        "di",
        "da",
        "du",
        "dos",
        "das",
        "van",
        "von",
        "le",
        "la",
        "mac",
        "mc",
        "ni",
        "ní",
        "nic",
        "o",
        "ó",
        "ua",
        "uí",
        "bin",
        "binti",
        "al",
        "el",
        "ter",
        "ten",
        "st",
        "st.",
        "san",
        "santa",
    }
)
_NAME_ROLES = {"first_name": "first", "middle_names": "middle", "last_name": "last"}


class NameTransform(Transform):
    """A person's full name in one box (``Callum James Ferriby``) <-> its parts: ``paths``
    ending ``first_name``, ``middle_names`` (optional) and ``last_name``.

    Read: ``Surname, First Middle`` when there is a comma; else the first word is the first
    name, the last word the surname (with the words before it from a particle on: ``Zoë Ní
    Bhriain``, ``Lotte van der Berg``), and the words between the middle names (with no
    middle-names path, they join the first name). Written: the parts in order. A surname of
    several words without a particle reads back as a middle name and a surname: a form that
    prints the name in one box says no more than that, and the report notes the split.
    """

    name = "name"
    caveat = "a surname of several words without a particle (de, van, Ní...) reads back split"

    def __init__(self, paths: Sequence[str]) -> None:
        roles = [_NAME_ROLES.get(path.rsplit(".", 1)[-1]) for path in paths]
        if (
            None in roles
            or "first" not in roles
            or "last" not in roles
            or len(set(roles)) != len(roles)
        ):
            raise TransformConfigError(
                "type: name takes a first_name and a last_name path (and middle_names)", "path"
            )
        self.paths = tuple(paths)
        self.roles = {role: path for role, path in zip(roles, paths, strict=True) if role}

    def to_form(self, value: Any) -> FormValue:
        if value is None:
            return None
        if not isinstance(value, Mapping):
            raise TransformError("a name's model value is a dict keyed by path", raw=value)
        parts = [
            value.get(self.roles[role])
            for role in ("first", "middle", "last")
            if role in self.roles
        ]
        texts = [str(part).strip() for part in parts if part is not None and str(part).strip()]
        return " ".join(texts) or None

    def from_form(self, raw: FormValue) -> dict[str, Any]:
        return self.from_form_noted(raw)[0]

    def from_form_noted(self, raw: FormValue) -> tuple[dict[str, Any], Notes]:
        values: dict[str, Any] = dict.fromkeys(self.paths)
        if _is_blank(raw) or deliberate_blank(raw):
            return values, ()
        text = " ".join(_text_of(raw, "a name").split())
        if "," in text:
            last, _, rest = text.partition(",")
            words = rest.split()
            if not words or not last.strip():
                raise TransformError("not a name: write it as First Surname", raw=raw)
            first, middle = words[0], words[1:]
            surname = last.strip()
        else:
            words = text.split()
            if len(words) < 2:
                raise TransformError(
                    "only one name: the form's box holds first name and surname", raw=raw
                )
            start = len(words) - 1
            while start > 1 and words[start - 1].casefold().rstrip("'’") in _SURNAME_PARTICLES:
                start -= 1
            first, middle, surname = words[0], words[1:start], " ".join(words[start:])
        values[self.roles["first"]] = first
        values[self.roles["last"]] = surname
        if middle:
            if "middle" in self.roles:
                values[self.roles["middle"]] = " ".join(middle)
            else:
                values[self.roles["first"]] = " ".join([first, *middle])
        notes = ("full name read as its parts (first, middle, surname)",) if middle else ()
        return values, notes


class ListTransform(Transform):
    """A list of texts in one box: one per line (or per ``separator``). Reading drops blank
    items and leading bullets (``•``, ``-``, ``*``, ``1.``)."""

    name = "list"
    _BULLET = re.compile(r"^\s*(?:[•\-*–·▪◦]|\d+[.)])\s+")

    def __init__(self, separator: str = "\n") -> None:
        if not isinstance(separator, str) or not separator:
            raise TransformConfigError("separator must be non-empty text", "separator")
        self.separator = separator
        self.caveat = "an item contains the separator"

    def to_form(self, value: Any) -> FormValue:
        if value is None or value == []:
            return None
        if isinstance(value, str) or not isinstance(value, Sequence):
            raise TransformError("the model value is not a list of texts", raw=value)
        items = [TextTransform().to_form(item) for item in value]
        return self.separator.join(item for item in items if isinstance(item, str))

    def from_form(self, raw: FormValue) -> list[str] | None:
        if _is_blank(raw):
            return None
        text = _one_line_break(_text_of(raw, "a list"))
        items = [self._BULLET.sub("", item).strip() for item in text.split(self.separator)]
        return [item for item in items if item] or None


class RowsTransform(Transform):
    """A repeating section (``targets``) <-> table rows keyed by column header.

    Writing gives one ``{header: text}`` per item. Reading takes each column from its header
    or one of its ``aliases`` and drops rows with nothing in them. ``from_form`` raises on the
    first cell it cannot read (naming row and column); ``from_form_noted`` leaves that cell
    ``None`` and says so instead, so one bad date does not lose the table.
    """

    name = "rows"

    def __init__(self, columns: Sequence[ColumnSpec]) -> None:
        if not columns:
            raise TransformConfigError("a repeating section needs columns", "columns")
        self.columns = tuple(columns)
        if not all(column.transform.reversible for column in self.columns):
            self.reversible = False
            self.caveat = "a column cannot be read back"

    def to_form(self, value: Any) -> FormValue:
        if value is None:
            return None
        if isinstance(value, str) or not isinstance(value, Sequence):
            raise TransformError("the model value is not a list of items", raw=value)
        rows: list[dict[str, str]] = []
        for item in value:
            if not isinstance(item, Mapping):
                raise TransformError("an item of the list is not an object", raw=item)
            row: dict[str, str] = {}
            for column in self.columns:
                written = column.transform.to_form(item.get(column.path))
                row[column.header] = _cell_text(written, column)
            rows.append(row)
        return rows

    def from_form(self, raw: FormValue) -> list[dict[str, Any]] | None:
        return self._read(raw, strict=True)[0]

    def from_form_noted(self, raw: FormValue) -> tuple[list[dict[str, Any]] | None, Notes]:
        return self._read(raw, strict=False)

    def _read(self, raw: FormValue, strict: bool) -> tuple[list[dict[str, Any]] | None, Notes]:
        if _is_blank(raw):
            return None, ()
        if not isinstance(raw, list) or not all(isinstance(row, Mapping) for row in raw):
            raise TransformError("not a table: expected rows of cells", raw=raw)
        items: list[dict[str, Any]] = []
        notes: list[str] = []
        for number, row in enumerate(raw, start=1):
            assert isinstance(row, Mapping)
            item: dict[str, Any] = {}
            for column in self.columns:
                cell = cell_for_column(row, column)
                try:
                    item[column.path] = column.transform.from_form(cell)
                except TransformError as problem:
                    where = f"row {number}, column {column.header!r}"
                    if strict:
                        raise TransformError(f"{where}: {problem}", raw=raw) from None
                    notes.append(f"{where}: {problem} (left empty)")
                    item[column.path] = None
            if any(value is not None for value in item.values()):
                items.append(item)
        return items or None, tuple(notes)


def _cell_text(written: FormValue, column: ColumnSpec) -> str:
    if written is None:
        return ""
    if isinstance(written, str):
        return written
    raise TransformError(f"column {column.header!r} does not write text", raw=written)


def cell_for_column(row: Mapping[str, Any], column: ColumnSpec) -> Any:
    """A row's cell for a column: by its header or an alias, spelt loosely (a re-typed header
    row differs in case and spacing)."""
    for header in (column.header, *column.aliases):
        if header in row:
            return row[header]
    wanted = {normalise_label(header) for header in (column.header, *column.aliases)}
    for header, cell in row.items():
        if normalise_label(str(header)) in wanted:
            return cell
    return None


# --- the factory -----------------------------------------------------------------------------

#: The ``type:`` names a mapping file may use, and the model kinds each may be used on.
TYPES_FOR_KIND: dict[str, tuple[str, ...]] = {
    "text": ("text", "choice"),
    "date": ("date",),
    "int": ("int",),
    "decimal": ("decimal", "int", "percent"),
    "money": ("money",),
    "percent": ("percent", "decimal"),
    "bool": ("bool",),
    "choice": ("choice",),
    "list": ("rows",),
    # a list of plain texts (no such path in the model yet)
    "text_list": ("list",),
}
#: The transform each model kind gets when ``type:`` is left out.
DEFAULT_TYPE: dict[str, str] = {
    "text": "text",
    "date": "date",
    "int": "int",
    "decimal": "decimal",
    "money": "money",
    "percent": "percent",
    "bool": "bool",
    "choice": "choice",
    "list": "rows",
    "text_list": "list",
}
TYPE_NAMES = (
    "text",
    "date",
    "int",
    "decimal",
    "money",
    "percent",
    "bool",
    "choice",
    "join",
    "split",
    "name",
    "list",
    "rows",
)

#: Option labels of a model code list by its name (code -> label, or code -> [label,
#: aliases...]), or None when there is no such list. Tests pass their own.
CodeListLookup = Callable[[str], Mapping[str, str | Sequence[str]] | None]


def model_code_labels(name: str) -> dict[str, list[str]] | None:
    """The model's code list ``name`` as ``code -> [label, *aliases]`` (None if unknown)."""
    from pepdocs.errors import PepdocsError
    from pepdocs.model.codelists import get_codelist

    try:
        codelist = get_codelist(name)
    except PepdocsError:
        return None
    labels = {code: [label] for code, label in codelist.labels.items()}
    for alias, code in codelist.aliases.items():
        labels[code].append(alias)
    return labels


def make_transform(
    type_name: str | None,
    options: Mapping[str, Any] | None = None,
    field_info: FieldInfo | None = None,
    *,
    code_lists: CodeListLookup | None = None,
) -> Transform:
    """Build the transform for one mapping entry (or column).

    ``type_name`` ``None`` means the default for the model kind of ``field_info``. Options
    (all optional): ``format``, ``values``, ``multiline``, ``separator``, ``pattern``,
    ``threshold`` (fuzzy choice matching, ``None`` for off), ``output`` (``label``/``bool``/
    ``keys``, set by the loader from the anchor), ``keys`` (a checkbox group's option keys),
    ``paths`` (a join's paths), ``columns`` (a repeating section's ``ColumnSpec``s),
    ``pivot_year`` (two-digit years). Raises :class:`TransformConfigError`.
    """
    opts = dict(options or {})
    kind = field_info.kind if field_info else None
    name = type_name or (DEFAULT_TYPE.get(kind, "") if kind else "text")
    if not name:
        raise TransformConfigError(f"a {kind} path cannot be mapped to one box", "path")
    if name not in TYPE_NAMES:
        raise TransformConfigError(f"unknown type {name!r}", "type")
    fmt = opts.get("format")
    if name == "text":
        multiline = opts.get("multiline")
        if multiline is not None and not isinstance(multiline, bool):
            raise TransformConfigError("multiline must be true or false", "multiline")
        return TextTransform(multiline)
    if name == "date":
        return DateTransform(fmt if fmt is not None else "%d/%m/%Y", opts.get("pivot_year"))
    if name == "int":
        return IntTransform()
    if name == "decimal":
        return DecimalTransform(fmt)
    if name == "money":
        return MoneyTransform(fmt)
    if name == "percent":
        return PercentTransform(fmt)
    if name == "bool":
        return _make_bool(opts)
    if name == "choice":
        return _make_choice(opts, field_info, code_lists)
    if name in ("join", "split"):
        return _make_join(opts, code_lists)
    if name == "name":
        return NameTransform(list(opts.get("paths") or ()))
    if name == "list":
        return ListTransform(opts.get("separator", "\n"))
    return RowsTransform(opts.get("columns") or ())


def _make_bool(opts: Mapping[str, Any]) -> BoolTransform:
    values = opts.get("values")
    true_label, false_label = "Yes", "No"
    if values is not None:
        if isinstance(values, Mapping) and set(values) == {True, False}:
            true_label, false_label = values[True], values[False]
        elif isinstance(values, Sequence) and not isinstance(values, str) and len(values) == 2:
            true_label, false_label = values[0], values[1]
        else:
            raise TransformConfigError(
                "bool values are {true: <yes label>, false: <no label>} or [<yes>, <no>]",
                "values",
            )
    keys = tuple(opts.get("keys") or ("true", "false"))
    if len(keys) != 2:
        raise TransformConfigError("a yes/no checkbox group has exactly two options", "at")
    negated = opts.get("negated", False)
    if not isinstance(negated, bool):
        raise TransformConfigError("negated is true or false", "negated")
    return BoolTransform(
        true_label, false_label, opts.get("output", "label"), (keys[0], keys[1]), negated
    )


def _make_choice(
    opts: Mapping[str, Any], field_info: FieldInfo | None, code_lists: CodeListLookup | None
) -> ChoiceTransform:
    values = opts.get("values")
    model_labels = None
    if field_info is not None and field_info.codelist:
        model_labels = (code_lists or model_code_labels)(field_info.codelist)
    if values is None:
        values = model_labels
    if values is not None:
        if isinstance(values, Sequence) and not isinstance(values, str):
            values = {str(item): str(item) for item in values}
        if not isinstance(values, Mapping):
            raise TransformConfigError(
                "values maps each code to its label, e.g. {C2: Full Care Order}", "values"
            )
        values = {_code_key(code): label for code, label in values.items()}
    threshold = opts.get("threshold", 90)
    if threshold is not None and (
        isinstance(threshold, bool)
        or not isinstance(threshold, int | float)
        or not 50 <= threshold <= 100
    ):
        raise TransformConfigError("threshold is a score from 50 to 100, or null", "threshold")
    synonyms = {
        name: _code_key(code)
        for code, names in (model_labels or {}).items()
        for name in ([names] if isinstance(names, str) else names)
    }
    return ChoiceTransform(values, opts.get("output", "label"), threshold, synonyms)


def _code_key(code: Any) -> str:
    if isinstance(code, bool):
        return "true" if code else "false"
    return str(code)


def _make_join(opts: Mapping[str, Any], code_lists: CodeListLookup | None) -> JoinTransform:
    from pepdocs.model.catalog import field_catalog

    paths = list(opts.get("paths") or ())
    catalog = field_catalog()
    parts = [make_transform(None, {}, catalog.get(path), code_lists=code_lists) for path in paths]
    return JoinTransform(paths, parts, opts.get("pattern"), opts.get("separator"))
