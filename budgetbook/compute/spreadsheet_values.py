"""The values a formula's parts take, and how the spreadsheet applications treat them: a blank
read as 0 or "", a number joined to text, texts compared without case, numbers ordered before
texts before truth values. The evaluator (`formula_values`), its functions
(`formula_functions`) and its criteria (`formula_criteria`) all read values through these
rules, so that each is written once; where the applications part ways, `Unsupported`.

Values: None is a blank cell, a float a number (a date is its serial number), a str a text, a
bool a truth value, a `CellError` an error such as ``#DIV/0!``, and a `Range` a rectangle of
cells passed to a function.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from budgetbook.compute.formula_parser import Reference, Unsupported
from budgetbook.read.values import serial


@dataclass(frozen=True)
class CellError:
    code: str  # "#DIV/0!", "#N/A"...


DIV0, NA, VALUE, REF, NUM = (CellError(c) for c in ("#DIV/0!", "#N/A", "#VALUE!", "#REF!", "#NUM!"))
COMPARISONS = ("=", "<>", "<", ">", "<=", ">=")


@dataclass(frozen=True)
class Range:
    """A rectangle of cells as an argument: read lazily, only as far as the sheet holds
    anything."""

    sheet: str
    ref: Reference

    @property
    def height(self) -> int:
        return self.ref.last_row - self.ref.row + 1

    @property
    def width(self) -> int:
        return self.ref.last_col - self.ref.col + 1


def cell_value(raw: object) -> object:
    """A value as python-calamine reads it from a cell, in this module's terms."""
    if raw is None or raw == "":
        return None
    if raw.__class__ is float or raw.__class__ is str or raw.__class__ is bool:
        return raw
    if isinstance(raw, int):
        return float(raw)
    if isinstance(raw, datetime):
        return float(serial(raw.date())) + _day_fraction(raw.time())
    if isinstance(raw, date):
        return float(serial(raw))
    if isinstance(raw, time):
        return _day_fraction(raw)
    if isinstance(raw, timedelta):
        return raw.total_seconds() / 86_400
    return raw


def _day_fraction(moment: time) -> float:
    seconds = moment.hour * 3600 + moment.minute * 60 + moment.second + moment.microsecond / 1e6
    return seconds / 86_400


def to_number(value: object) -> float:
    """A value in arithmetic: a blank is 0, a truth value 1 or 0; text is `Unsupported`."""
    if value is None:
        return 0.0
    if value.__class__ is bool:
        return 1.0 if value else 0.0
    if value.__class__ is float:
        return value
    raise Unsupported("text in arithmetic")


def to_text(value: object) -> str:
    """A value joined to text: a whole number's digits, TRUE or FALSE, a text as it is."""
    if value is None:
        return ""
    if value.__class__ is str:
        return value
    if value.__class__ is bool:
        return "TRUE" if value else "FALSE"
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    raise Unsupported("a number that is not whole joined to text")


def folded(text: str, strict: bool = True) -> str:
    """A text as the applications compare it, without case. One whose case the applications
    fold differently (``ı``, ``ß``) is `Unsupported` where it is compared (``strict``); in an
    index of a range's texts it is kept apart, so that only a search for it fails."""
    if text.isascii():
        return text.lower()
    lowered = text.lower()
    if any(ch.upper().lower() != ch.lower() for ch in text):
        if strict:
            raise Unsupported(f"a text whose case the applications fold differently: {text!r}")
        return "\0" + text  # matches nothing a strict search looks for
    return lowered


def compare(operator: str, a: object, b: object) -> bool:
    """``a operator b`` for one of `COMPARISONS`, a blank read as the other side's kind."""
    a, b = _blank_as(a, b), _blank_as(b, a)
    rank_a, rank_b = _rank(a), _rank(b)
    if rank_a != rank_b:
        order = (rank_a > rank_b) - (rank_a < rank_b)
    elif rank_a == 1:  # texts
        if operator not in ("=", "<>"):
            raise Unsupported("texts ordered by < or >")
        x, y = folded(a), folded(b)
        order = (x > y) - (x < y)
    else:
        order = (a > b) - (a < b)
    return {
        "=": order == 0, "<>": order != 0, "<": order < 0, ">": order > 0,
        "<=": order <= 0, ">=": order >= 0,
    }[operator]  # fmt: skip


def _blank_as(value: object, other: object) -> object:
    if value is not None:
        return value
    if other.__class__ is str:
        return ""
    if other.__class__ is bool:
        return False
    return 0.0


def _rank(value: object) -> int:
    """Numbers before texts before truth values, as the applications order them."""
    if value.__class__ is str:
        return 1
    if value.__class__ is bool:
        return 2
    return 0


def truth(value: object) -> bool | CellError:
    """A value as a condition: a blank is FALSE, a number TRUE unless 0, the texts TRUE and
    FALSE themselves; any other text is #VALUE!."""
    if isinstance(value, CellError):
        return value
    if value is None:
        return False
    if value.__class__ is bool:
        return value
    if value.__class__ is float:
        return value != 0
    if value.upper() in ("TRUE", "FALSE"):
        return value.upper() == "TRUE"
    return VALUE
