"""The spreadsheet functions a workbook may use (docs/formulas.md), each as Excel, LibreOffice
and Gnumeric compute it: SUM, MIN, MAX, IF, IFERROR, AND, OR, ROUND (half away from zero),
DATE, EDATE and EOMONTH (at a month's end), INDEX with its row and its column, MATCH exact,
SUMIFS, COUNTIFS, SUMIF, COUNTIF, TRUE and FALSE. `FUNCTIONS` gives each by its name to the
evaluator (`formula_values`); a function not there is `Unsupported`, and so is a form the
applications compute differently: DATE with a year before 1900, INDEX with a row or column of 0,
MATCH that is not exact or looks for a blank or a text with ``* ? ~``.

Each function takes the evaluator, its arguments as parsed trees, and the sheet the formula is
on, so that an argument is evaluated only when the function reads it (IF, IFERROR).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from budgetbook.compute.formula_parser import Unsupported
from budgetbook.compute.spreadsheet_values import (
    NA,
    NUM,
    REF,
    VALUE,
    CellError,
    Range,
    folded,
    to_number,
    truth,
)
from budgetbook.read.values import EXCEL_EPOCH, serial

if TYPE_CHECKING:
    from budgetbook.compute.formula_values import Evaluator


def _values(ev: Evaluator, args, sheet: str) -> Iterator[tuple[object, bool]]:
    """Each argument's values, and whether it came from a range (where text is skipped)."""
    for arg in args:
        value = ev.evaluate(arg, sheet)
        if isinstance(value, Range):
            height, width = ev.clip([value])
            for item in ev.block(value, height, width):
                yield item, True
        else:
            yield value, False


def _numbers(ev: Evaluator, args, sheet: str) -> list[float] | CellError:
    numbers = []
    for value, in_range in _values(ev, args, sheet):
        if isinstance(value, CellError):
            return value
        if value.__class__ is float:
            numbers.append(value)
        elif not in_range:
            numbers.append(to_number(value))
    return numbers


def _sum(ev, args, sheet):
    numbers = _numbers(ev, args, sheet)
    return numbers if isinstance(numbers, CellError) else math.fsum(numbers)


def _min(ev, args, sheet):
    numbers = _numbers(ev, args, sheet)
    return numbers if isinstance(numbers, CellError) else min(numbers, default=0.0)


def _max(ev, args, sheet):
    numbers = _numbers(ev, args, sheet)
    return numbers if isinstance(numbers, CellError) else max(numbers, default=0.0)


def _if(ev, args, sheet):
    if not 1 < len(args) <= 3:
        raise Unsupported("IF with other than 2 or 3 arguments")
    condition = truth(ev.scalar(args[0], sheet))
    if isinstance(condition, CellError):
        return condition
    if condition:
        return ev.scalar(args[1], sheet)
    return ev.scalar(args[2], sheet) if len(args) == 3 else False


def _iferror(ev, args, sheet):
    value = ev.scalar(args[0], sheet)
    return ev.scalar(args[1], sheet) if isinstance(value, CellError) else value


def _logical(combine):
    def function(ev, args, sheet):
        found = []
        for value, in_range in _values(ev, args, sheet):
            if isinstance(value, CellError):
                return value
            if in_range and value.__class__ not in (bool, float):
                continue
            condition = truth(value)
            if isinstance(condition, CellError):
                return condition
            found.append(condition)
        return combine(found) if found else VALUE

    return function


def _round(ev, args, sheet):
    value, digits = (ev.scalar(arg, sheet) for arg in args)
    for x in (value, digits):
        if isinstance(x, CellError):
            return x
    exponent = Decimal(1).scaleb(-int(to_number(digits)))
    return float(Decimal(repr(to_number(value))).quantize(exponent, rounding=ROUND_HALF_UP))


def _date_of(value: object) -> date | CellError:
    if isinstance(value, CellError):
        return value
    number = to_number(value)
    if number < 61:  # before 1 March 1900, where Excel's count and the calendar part ways
        raise Unsupported("a date before March 1900")
    return EXCEL_EPOCH + timedelta(days=int(number))


def _serial(day: date) -> float:
    return float(serial(day))


def _shifted(ev, args, sheet, last_day: bool):
    start = _date_of(ev.scalar(args[0], sheet))
    months = ev.scalar(args[1], sheet)
    if isinstance(start, CellError):
        return start
    if isinstance(months, CellError):
        return months
    index = start.year * 12 + start.month - 1 + int(to_number(months))
    year, month = divmod(index, 12)
    if not 1900 <= year <= 9999:
        return NUM
    following = date(year + (month == 11), (month + 1) % 12 + 1, 1)
    end = following - timedelta(days=1)
    return _serial(end if last_day else date(year, month + 1, min(start.day, end.day)))


def _date(ev, args, sheet):
    parts = [ev.scalar(arg, sheet) for arg in args]
    for part in parts:
        if isinstance(part, CellError):
            return part
    year, month, day = (int(to_number(p)) for p in parts)
    if not 1900 <= year <= 9999:
        raise Unsupported("DATE with a year before 1900")
    first = date(year + (month - 1) // 12, (month - 1) % 12 + 1, 1)
    return _serial(first) + day - 1


def _index(ev, args, sheet):
    if len(args) != 3:
        raise Unsupported("INDEX without both its row and its column")
    area = ev.area(args[0], sheet)
    row, col = (ev.scalar(arg, sheet) for arg in args[1:])
    for x in (row, col):
        if isinstance(x, CellError):
            return x
    row, col = int(to_number(row)), int(to_number(col))
    if row < 1 or col < 1:
        raise Unsupported("INDEX of a whole row or column")
    if row > area.height or col > area.width:
        return REF
    return ev.value(area.sheet, area.ref.row + row - 1, area.ref.col + col - 1)


def _match(ev, args, sheet):
    if len(args) != 3 or ev.scalar(args[2], sheet) != 0:
        raise Unsupported("MATCH that is not exact")
    sought = ev.scalar(args[0], sheet)
    if isinstance(sought, CellError):
        return sought
    area = ev.area(args[1], sheet)
    if area.height != 1 and area.width != 1:
        return NA
    if sought.__class__ is str:
        if any(ch in sought for ch in "*?~"):
            raise Unsupported(f"MATCH of a text with a wildcard: {sought!r}")
        key = ("text", folded(sought))
    elif sought.__class__ is float:
        key = ("number", sought)
    elif sought.__class__ is bool:
        key = ("bool", sought)
    else:
        raise Unsupported("MATCH of a blank cell")
    height, width = ev.clip([area])
    found = ev.search.match_index(area, height, width).get(key)
    return NA if found is None else float(found + 1)


def _criteria_pairs(ev, args, sheet) -> list[tuple[Range, object]]:
    if len(args) % 2:
        raise Unsupported("criteria without their ranges")
    pairs = []
    for area, criterion in zip(args[::2], args[1::2], strict=True):
        value = ev.scalar(criterion, sheet)
        if isinstance(value, CellError):
            raise Unsupported("an error as a criterion")
        pairs.append((ev.area(area, sheet), value))
    return pairs


def _countifs(ev, args, sheet):
    offsets, _, _, blank = ev.search.matching(_criteria_pairs(ev, args, sheet))
    return float(len(offsets) + blank)


def _sumifs(ev, args, sheet):
    total = ev.area(args[0], sheet)
    offsets, height, width, _ = ev.search.matching(_criteria_pairs(ev, args[1:], sheet), total)
    block = ev.block(total, height, width)
    numbers = []
    for offset in offsets:
        value = block[offset]
        if isinstance(value, CellError):
            return value
        if value.__class__ is float:
            numbers.append(value)
    return math.fsum(numbers)


def _countif(ev, args, sheet):
    if len(args) != 2:
        raise Unsupported("COUNTIF with other than 2 arguments")
    return _countifs(ev, args, sheet)


def _sumif(ev, args, sheet):
    if len(args) == 2:
        return _sumifs(ev, (args[0], args[0], args[1]), sheet)
    if len(args) == 3:
        return _sumifs(ev, (args[2], args[0], args[1]), sheet)
    raise Unsupported("SUMIF with other than 2 or 3 arguments")


def _constant(value):
    def function(ev, args, sheet):
        if args:
            raise Unsupported("arguments to TRUE() or FALSE()")
        return value

    return function


FUNCTIONS = {
    "SUM": _sum,
    "MIN": _min,
    "MAX": _max,
    "IF": _if,
    "IFERROR": _iferror,
    "AND": _logical(all),
    "OR": _logical(any),
    "ROUND": _round,
    "DATE": _date,
    "EDATE": lambda ev, args, sheet: _shifted(ev, args, sheet, last_day=False),
    "EOMONTH": lambda ev, args, sheet: _shifted(ev, args, sheet, last_day=True),
    "INDEX": _index,
    "MATCH": _match,
    "SUMIFS": _sumifs,
    "COUNTIFS": _countifs,
    "SUMIF": _sumif,
    "COUNTIF": _countif,
    "TRUE": _constant(True),
    "FALSE": _constant(False),
}
