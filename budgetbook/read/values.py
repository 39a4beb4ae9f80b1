"""Turn the text of a cell into an amount or a date, in the formats exports really use."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation

# Spaces of every kind that exports use between thousands (NBSP, narrow NBSP, thin space).
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']")
_CURRENCY = re.compile(
    r"[€$£¥]|(?<![A-Za-z])(?:EUR|USD|GBP|CHF|CAD|AUD|JPY)(?![A-Za-z])", re.IGNORECASE
)
_DECIMAL_COMMA = re.compile(r"^-?\d{1,3}(?:[.\s\u00a0\u202f]\d{3})*,\d{1,2}$|^-?\d+,\d{1,2}$")
_DECIMAL_POINT = re.compile(r"^-?\d{1,3}(?:[,\s\u00a0\u202f]\d{3})*\.\d{1,2}$|^-?\d+\.\d{1,2}$")
# What most exports write: digits, thousands spaced or not, one or two decimals; read alike
# whatever the column's convention, as only three digits after a lone separator are ambiguous.
# The same pattern in polars (Rust's regex reads the same syntax), for large files' columns.
# Up to 18 digits before the decimals: what the actuals' columns keep (`MAX_WHOLE_DIGITS`).
MAX_WHOLE_DIGITS = 18
PLAIN_AMOUNT_PATTERN = (
    r"(-?)([0-9]{1,3}(?:[ \u00a0\u202f][0-9]{3}){1,5}|[0-9]{1,18})(?:[.,]([0-9]{1,2}))?"
)
_PLAIN_AMOUNT = re.compile(PLAIN_AMOUNT_PATTERN)
EXCEL_EPOCH = date(1899, 12, 30)
# A total row's first cell (Total, Sous-total): a footer, not a transaction.
TOTAL_ROW = re.compile(r"^\s*(sous[- ]?)?total\b", re.IGNORECASE)


def parse_amount(value: object, decimal_comma: bool | None = None) -> Decimal:
    """Parse ``1200``, ``1 200,50 €``, ``1,200.50``, ``(45.00)``, ``-12,5``; raise ValueError.

    When a lone separator is ambiguous (``1,200``), ``decimal_comma`` decides; left None,
    a comma followed by exactly three digits is read as a thousands separator.
    """
    if isinstance(value, bool):
        raise ValueError("not an amount")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError("not an amount")
        return Decimal(repr(value))
    text = str(value)
    plain = parse_plain_amount(text)
    return plain if plain is not None else parse_amount_text(text, decimal_comma)


def parse_plain_amount(text: str) -> Decimal | None:
    """The amount when ``text`` is written plainly (``-1 200,50``, ``1200.5``, ``12``), which
    reads the same under either convention, else None: most cells of an export, read faster
    than by `parse_amount`'s general path (`parse_amount_text`), and to the same value."""
    match = _PLAIN_AMOUNT.fullmatch(text)
    if match is None:
        return None
    sign, whole, fraction = match.groups()
    whole = whole.replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
    amount = Decimal(f"{whole}.{fraction}" if fraction else whole)
    return -amount if sign else amount


def money_text(amount: Decimal) -> str:
    """An amount as text with at least two decimals (``12.50``, ``1200.00``, ``0.125``),
    however it was written."""
    return f"{amount:.2f}" if amount.as_tuple().exponent >= -2 else str(amount)


def parse_amount_text(text: str, decimal_comma: bool | None) -> Decimal:
    """`parse_amount`'s general path, for any text: its currency and spaces taken off, its sign
    read from brackets or a leading or trailing minus, its separators told apart; raise
    ValueError."""
    text = _CURRENCY.sub("", text)
    text = _SPACES.sub("", text)
    negative = False
    if text.startswith("(") and text.endswith(")"):
        negative, text = True, text[1:-1]
    if text.endswith("-"):
        negative, text = True, text[:-1]
    if text.startswith(("+", "-")):
        negative, text = negative ^ (text[0] == "-"), text[1:]
    if not text or not re.fullmatch(r"[\d.,]+", text):
        raise ValueError("not an amount")
    text = _normalise_separators(text, decimal_comma)
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise ValueError("not an amount") from None
    return -amount if negative else amount


def _normalise_separators(text: str, decimal_comma: bool | None) -> str:
    commas, points = text.count(","), text.count(".")
    if commas and points:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
    elif commas == 1:
        decimal = _lone_separator(text, ",", decimal_comma)
    elif points == 1:
        decimal = _lone_separator(text, ".", decimal_comma)
    else:  # none, or several of one kind: thousands separators only
        decimal = ""
    whole, _, fraction = text.rpartition(decimal) if decimal else (text, "", "")
    if decimal and not fraction:
        raise ValueError("not an amount")
    groups = re.split(r"[.,]", whole)
    if len(groups) > 1 and (not 1 <= len(groups[0]) <= 3 or any(len(g) != 3 for g in groups[1:])):
        raise ValueError("not an amount")
    return "".join(groups) + ("." + fraction if fraction else "")


def _lone_separator(text: str, sep: str, decimal_comma: bool | None) -> str:
    """Which separator is the decimal one when ``text`` holds ``sep`` exactly once.

    Only three digits after it are ambiguous (``1,200``, ``1.200``): then the column's
    convention decides, and without one a comma groups thousands and a point is decimal.
    """
    if len(text) - text.index(sep) - 1 != 3 or text.startswith("0"):
        return sep  # ``0,500``: a thousands group never starts a number with 0
    if sep == ",":
        return "," if decimal_comma else ""
    return "" if decimal_comma else "."


_AMBIGUOUS = re.compile(r"[1-9][0-9]{0,2}[.,][0-9]{3}")


def ambiguous_separator(text: str) -> bool:
    """Whether an amount reads as two numbers, with a decimal comma and with a decimal point:
    one separator followed by three digits (``1,200``, ``1.200``), nothing else to tell."""
    return bool(_AMBIGUOUS.fullmatch(_SPACES.sub("", _CURRENCY.sub("", text)).strip("()+-")))


def detect_decimal_comma(values: list[object], dot_thousands: bool = False) -> bool | None:
    """Whether a column writes decimals with a comma: True, False, or None when no value tells.

    ``dot_thousands``: the file's own style says it is written the French way (`;` between
    its fields, French column names, a French setting), where a dot only groups thousands.
    That decides only where no value has decimals at all: then True, so ``1.500`` reads 1500
    and not 1.5. A value with a lone comma and three digits (``1,500``), which the style
    would read as 1.5, leaves it None: such a file is not one style throughout."""
    comma = point = 0
    # Each distinct value looked at once: a ledger repeats its amounts.
    for value, times in Counter(v for v in values if isinstance(v, str)).items():
        text = _SPACES.sub("", _CURRENCY.sub("", value)).strip("()+-")
        if _DECIMAL_COMMA.match(text):
            comma += times
        elif _DECIMAL_POINT.match(text):
            point += times
    if comma == point:
        return True if dot_thousands and not comma and not _comma_groups(values) else None
    return comma > point


def _comma_groups(values: list[object]) -> bool:
    """Whether a value has a lone comma followed by three digits (``1,500``)."""
    return any(
        isinstance(value, str) and "," in value and ambiguous_separator(value) for value in values
    )


_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T].*)?")
# YYYYMMDD, as the FEC writes dates: only a year from 1900 to 2099 first, so a DDMMYYYY date
# (``31012026``) is never taken for one.
_COMPACT = re.compile(r"((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])")
_NUMERIC = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})(?:[ T].*)?")
_DAY_NAME_YEAR = re.compile(r"(\d{1,2})(?:er)?[\s\-]+([^\W\d_]+)\.?[\s\-,]+(\d{4})(?: .*)?")
_NAME_DAY_YEAR = re.compile(r"([^\W\d_]+)\.?\s+(\d{1,2}),?\s+(\d{4})(?: .*)?")
MONTH_NAMES = {
    name: number
    for number, names in enumerate(
        (
            "jan january janv janvier",
            "feb february fev fevr fevrier",
            "mar march mars",
            "apr april avr avril",
            "may mai",
            "jun june juin",
            "jul july juil juillet",
            "aug august aou aout",
            "sep sept september septembre",
            "oct october octobre",
            "nov november novembre",
            "dec december decembre",
        ),
        start=1,
    )
    for name in names.split()
}


def parse_date(value: object, day_first: bool = True) -> date:
    """Parse a date cell: a date, ``2026-01-31``, ``20260131``, ``31/01/2026``
    (``01/31/2026`` when not ``day_first``), ``31.01.26``, ``3 nov. 2026``, ``Nov 3, 2026``, or
    an Excel serial number; raise ValueError."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _from_serial(float(value))
    text = str(value).strip()
    if match := _ISO.fullmatch(text):
        return date(int(match[1]), int(match[2]), int(match[3]))
    if match := _COMPACT.fullmatch(text):
        return date(int(match[1]), int(match[2]), int(match[3]))
    if match := _NUMERIC.fullmatch(text):
        first, second, year = int(match[1]), int(match[2]), int(match[3])
        day, month = (first, second) if day_first else (second, first)
        return date(year + 2000 if year < 100 else year, month, day)
    if match := _DAY_NAME_YEAR.fullmatch(text):
        return date(int(match[3]), _month_number(match[2]), int(match[1]))
    if match := _NAME_DAY_YEAR.fullmatch(text):
        return date(int(match[3]), _month_number(match[1]), int(match[2]))
    if re.fullmatch(r"\d{5}(?:\.\d+)?", text):
        return _from_serial(float(text))
    raise ValueError("not a date")


def _month_number(name: str) -> int:
    plain = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    if plain not in MONTH_NAMES:
        raise ValueError("not a date")
    return MONTH_NAMES[plain]


def detect_day_first(values: list[object]) -> bool:
    """Whether numeric dates of a column put the day first (``31/01``) or the month (``01/31``).

    A first part above 12 proves day first, a second part above 12 proves month first; with no
    proof, day first, as French and most European exports write it."""
    for value in values:
        if (proof := day_first_proof(value)) is not None:
            return proof
    return True


def both_ways(text: str) -> tuple[date, date] | None:
    """The two days a numeric date reads as, day first and month first (``03/05/2026``: 3 May
    and 5 March), or None when it reads one way only or is not such a date."""
    if match := _NUMERIC.fullmatch(text.strip()):
        first, second, year = int(match[1]), int(match[2]), int(match[3])
        year += 2000 if year < 100 else 0
        if first != second and first <= 12 and second <= 12:
            try:
                return date(year, second, first), date(year, first, second)
            except ValueError:
                return None
    return None


def day_first_proof(value: object) -> bool | None:
    """True when a date cell can only put the day first, False when only the month, else None."""
    if match := _NUMERIC.fullmatch(str(value).strip()):
        if int(match[1]) > 12:
            return True
        if int(match[2]) > 12:
            return False
    return None


def _from_serial(serial: float) -> date:
    """Excel's day number: 1 is 1900-01-01, and 60 the 1900-02-29 that Excel wrongly counts."""
    if not 1 <= serial < 2958466 or int(serial) == 60:  # up to 9999-12-31; NaN fails too
        raise ValueError("not a date")
    whole = int(serial)
    return EXCEL_EPOCH + timedelta(days=whole + (1 if whole < 60 else 0))


def serial(day: date) -> int:
    """A date as the number a spreadsheet stores (from 1900-03-01, where Excel's count and the
    calendar agree)."""
    return (day - EXCEL_EPOCH).days
