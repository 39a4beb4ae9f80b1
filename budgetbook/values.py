"""Turn the text of a cell into an amount or a date, in the formats exports really use."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation

# Spaces of every kind that exports use between thousands (NBSP, narrow NBSP, thin space).
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']")
_CURRENCY = re.compile(r"[€$£¥]|\b(?:EUR|USD|GBP|CHF|CAD|AUD|JPY)\b", re.IGNORECASE)
_DECIMAL_COMMA = re.compile(r"^-?\d{1,3}(?:[.\s\u00a0\u202f]\d{3})*,\d{1,2}$|^-?\d+,\d{1,2}$")
_DECIMAL_POINT = re.compile(r"^-?\d{1,3}(?:[,\s\u00a0\u202f]\d{3})*\.\d{1,2}$|^-?\d+\.\d{1,2}$")
EXCEL_EPOCH = date(1899, 12, 30)


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
    text = _CURRENCY.sub("", str(value))
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
    if len(text) - text.index(sep) - 1 != 3:
        return sep
    if sep == ",":
        return "," if decimal_comma else ""
    return "" if decimal_comma else "."


def detect_decimal_comma(values: list[object]) -> bool | None:
    """Whether a column writes decimals with a comma: True, False, or None when no value tells."""
    comma = point = 0
    for value in values:
        if not isinstance(value, str):
            continue
        text = _SPACES.sub("", _CURRENCY.sub("", value)).strip("()+-")
        if _DECIMAL_COMMA.match(text):
            comma += 1
        elif _DECIMAL_POINT.match(text):
            point += 1
    if comma == point:
        return None
    return comma > point


_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T].*)?")
_DAY_FIRST = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})(?: .*)?")


def parse_date(value: object) -> date:
    """Parse a date cell: a date, ``2026-01-31``, ``31/01/2026``, ``31.01.26``, or an Excel
    serial number; raise ValueError."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _from_serial(float(value))
    text = str(value).strip()
    match = _ISO.fullmatch(text)
    if match:
        return date(int(match[1]), int(match[2]), int(match[3]))
    match = _DAY_FIRST.fullmatch(text)
    if match:
        year = int(match[3])
        if year < 100:
            year += 2000
        return date(year, int(match[2]), int(match[1]))
    if re.fullmatch(r"\d{5}(?:\.\d+)?", text):
        return _from_serial(float(text))
    raise ValueError("not a date")


def _from_serial(serial: float) -> date:
    if not 1 <= serial < 2958466:  # Excel's range: 1900-01-01 to 9999-12-31
        raise ValueError("not a date")
    return EXCEL_EPOCH + timedelta(days=int(serial))
