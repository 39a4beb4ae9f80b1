"""The value of every formula of a workbook, computed in Python from the cells it holds, as
Excel, LibreOffice and Gnumeric compute it: what ``budgetbook update`` caches in each formula
it keeps or adds, so that a viewer that does not recalculate shows true figures.

The functions and forms are those a workbook may use (docs/formulas.md), read by
`formula_parser`. Where the applications part ways, or a formula holds what this module does
not compute, the formula's value is not known (`Unsupported`), and neither is that of any
formula that reads it: such a formula is left without a cached value, for the application to
compute when it opens the workbook, and update says so. Never a guess:

- a function not listed, a defined name, a reference to another workbook, a circular chain;
- text in arithmetic (``"3"+1``: LibreOffice's answer depends on a setting), a number that is
  not whole joined to text (each application writes its digits its own way), texts ordered by
  ``<`` or ``>`` (their collations differ);
- a criterion or a MATCH on a text with ``* ? ~`` (wildcards in some applications, not in
  others), on a blank cell, or on a text whose case folding the applications do not share
  (``ı``, ``ß``), and a criterion "=5" over a range that holds the text "5";
- DATE with a year before 1900, INDEX with a row or column of 0, MATCH that is not exact.

Values: None is a blank cell, a float a number (a date is its serial number), a str a text, a
bool a truth value, a `CellError` an error such as ``#DIV/0!``.
"""

from __future__ import annotations

import contextlib
import math
import sys
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal

from budgetbook.compute.formula_parser import (
    Boolean,
    Call,
    ErrorLiteral,
    Missing,
    Number,
    Operation,
    Reference,
    String,
    Unreadable,
    Unsupported,
)
from budgetbook.read.values import EXCEL_EPOCH


@dataclass(frozen=True)
class CellError:
    code: str  # "#DIV/0!", "#N/A"...


DIV0, NA, VALUE, REF, NUM = (CellError(c) for c in ("#DIV/0!", "#N/A", "#VALUE!", "#REF!", "#NUM!"))
UNKNOWN = object()  # a formula whose value is not known for sure
_DEPTH = 20_000  # recursion for long chains of formulas (each month's Available reads the last)


def cell_value(raw: object) -> object:
    """A value as python-calamine reads it from a cell, in this module's terms."""
    if raw is None or raw == "":
        return None
    if raw.__class__ is float or raw.__class__ is str or raw.__class__ is bool:
        return raw
    if isinstance(raw, int):
        return float(raw)
    if isinstance(raw, datetime):
        return float((raw.date() - EXCEL_EPOCH).days) + _day_fraction(raw.time())
    if isinstance(raw, date):
        return float((raw - EXCEL_EPOCH).days)
    if isinstance(raw, time):
        return _day_fraction(raw)
    if isinstance(raw, timedelta):
        return raw.total_seconds() / 86_400
    return raw


def _day_fraction(moment: time) -> float:
    seconds = moment.hour * 3600 + moment.minute * 60 + moment.second + moment.microsecond / 1e6
    return seconds / 86_400


@dataclass(frozen=True)
class _Range:
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


class Evaluator:
    """The formulas of a workbook (``formulas``: sheet -> (row, col) -> parsed tree) over its
    cells (``grid(sheet)``: the sheet's values from A1, row by row, as python-calamine reads
    them; a formula cell's entry there is not read)."""

    def __init__(
        self,
        grid: Callable[[str], list[list[object]] | None],
        formulas: dict[str, dict[tuple[int, int], object]],
    ):
        self._grid_of, self._grids = grid, {}
        self.formulas = formulas
        self.results: dict[tuple[str, int, int], object] = {}
        self.reasons: dict[tuple[str, int, int], str] = {}
        # The formulas not known for their own sake, not for one they read.
        self.roots: set[tuple[str, int, int]] = set()
        self._busy: set[tuple[str, int, int]] = set()
        self._formula_rows: dict[str, list[int]] = {}
        self._formula_cols: dict[str, dict[int, list[int]]] = {}
        for sheet, cells in formulas.items():
            by_row: dict[int, list[int]] = {}
            for row, col in cells:
                by_row.setdefault(row, []).append(col)
            self._formula_rows[sheet] = sorted(by_row)
            self._formula_cols[sheet] = {row: sorted(cols) for row, cols in by_row.items()}
        self._blocks: dict[tuple, list[object]] = {}
        self._indexes: dict[tuple, dict[str, list[int]]] = {}
        self._sorted: dict[tuple, tuple[list[float], list[int]]] = {}
        self._matches: dict[tuple, dict[object, int]] = {}

    # --- cells ------------------------------------------------------------------------------

    def compute_all(self) -> dict[tuple[str, int, int], object]:
        """Every formula's value, or UNKNOWN; sheet by sheet, row by row, so that a chain of
        formulas down a sheet is followed from its top."""
        limit = sys.getrecursionlimit()
        sys.setrecursionlimit(max(limit, _DEPTH))
        try:
            for sheet, cells in self.formulas.items():
                for row, col in sorted(cells):
                    with contextlib.suppress(Unsupported):  # kept as UNKNOWN
                        self.value(sheet, row, col)
        finally:
            sys.setrecursionlimit(limit)
        return self.results

    def value(self, sheet: str, row: int, col: int) -> object:
        tree = self.formulas.get(sheet, {}).get((row, col))
        if tree is None:
            return self._cell(sheet, row, col)
        key = (sheet, row, col)
        known = self.results.get(key, self)
        if known is UNKNOWN:
            raise _Unknown(f"it reads {_where(key)}, whose value is not known")
        if known is not self:
            return known
        if key in self._busy:
            raise Unsupported(f"a circular reference through {_where(key)}")
        self._busy.add(key)
        try:
            result = self._scalar(self._evaluate(tree, sheet))
            if result is None:
                result = 0.0  # a formula that reads a blank cell shows 0
            elif isinstance(result, float) and not math.isfinite(result):
                result = NUM
        except (Unsupported, RecursionError) as exc:
            self.results[key] = UNKNOWN
            self.reasons[key] = str(exc) if isinstance(exc, Unsupported) else "too deep a chain"
            if not isinstance(exc, _Unknown):
                self.roots.add(key)
            raise _Unknown(f"it reads {_where(key)}, whose value is not known") from None
        finally:
            self._busy.discard(key)
        self.results[key] = result
        return result

    def _grid(self, sheet: str) -> list[list[object]]:
        if sheet not in self._grids:
            grid = self._grid_of(sheet)
            if grid is None:
                raise Unsupported(f"no sheet named {sheet!r}")
            self._grids[sheet] = grid
        return self._grids[sheet]

    def _cell(self, sheet: str, row: int, col: int) -> object:
        grid = self._grid(sheet)
        if row < len(grid):
            cells = grid[row]
            if col < len(cells):
                return cell_value(cells[col])
        return None

    def _extent(self, sheet: str) -> tuple[int, int]:
        """How many rows and columns of the sheet hold anything."""
        grid = self._grid(sheet)
        rows = self._formula_rows.get(sheet, [])
        cols = max((c[-1] for c in self._formula_cols.get(sheet, {}).values()), default=-1)
        width = max(len(grid[0]) if grid else 0, cols + 1)
        return max(len(grid), rows[-1] + 1 if rows else 0), width

    def _block(self, area: _Range, height: int, width: int) -> list[object]:
        """The first ``height`` rows and ``width`` columns of ``area``, row by row, formulas'
        values included (blank past the sheet's end)."""
        ref = area.ref
        key = (area.sheet, ref.row, ref.col, height, width)
        if key in self._blocks:
            return self._blocks[key]
        grid = self._grid(area.sheet)
        values: list[object] = []
        for row in range(ref.row, ref.row + height):
            cells = grid[row] if row < len(grid) else ()
            part = [cell_value(v) for v in cells[ref.col : ref.col + width]]
            values += part + [None] * (width - len(part))
        rows = self._formula_rows.get(area.sheet, [])
        cols_of = self._formula_cols.get(area.sheet, {})
        for row in rows[bisect_left(rows, ref.row) : bisect_left(rows, ref.row + height)]:
            cols = cols_of[row]
            for col in cols[bisect_left(cols, ref.col) : bisect_left(cols, ref.col + width)]:
                offset = (row - ref.row) * width + col - ref.col
                values[offset] = self.value(area.sheet, row, col)
        self._blocks[key] = values
        return values

    def _clip(self, areas: list[_Range]) -> tuple[int, int]:
        """The rows and columns of ranges of one shape that any of their sheets fills."""
        height = width = 0
        for area in areas:
            rows, cols = self._extent(area.sheet)
            height = max(height, min(area.height, rows - area.ref.row))
            width = max(width, min(area.width, cols - area.ref.col))
        return max(height, 0), max(width, 0)

    # --- evaluation -------------------------------------------------------------------------

    def _evaluate(self, tree: object, sheet: str) -> object:
        kind = tree.__class__
        if kind is Reference:
            area = _Range(tree.sheet or sheet, tree)
            return self.value(area.sheet, tree.row, tree.col) if tree.is_cell else area
        if kind is Number or kind is String or kind is Boolean:
            return tree.value
        if kind is ErrorLiteral:
            return CellError(tree.code)
        if kind is Operation:
            return self._operation(tree, sheet)
        if kind is Call:
            function = _FUNCTIONS.get(tree.name)
            if function is None:
                raise Unsupported(f"the function {tree.name}")
            return function(self, tree.args, sheet)
        if kind is Missing:
            raise Unsupported("an argument left empty")
        if kind is Unreadable:
            raise Unsupported(tree.reason)
        raise Unsupported(f"{tree!r}")

    def _scalar(self, value: object) -> object:
        if isinstance(value, _Range):
            if value.height == 1 and value.width == 1:
                return self.value(value.sheet, value.ref.row, value.ref.col)
            raise Unsupported("a range where one value is expected")
        return value

    def scalar(self, tree: object, sheet: str) -> object:
        return self._scalar(self._evaluate(tree, sheet))

    def area(self, tree: object, sheet: str) -> _Range:
        if tree.__class__ is not Reference:
            raise Unsupported("a range that is not a reference")
        return _Range(tree.sheet or sheet, tree)

    def _operation(self, tree: Operation, sheet: str) -> object:
        operator = tree.operator
        values = [self.scalar(operand, sheet) for operand in tree.operands]
        for value in values:
            if isinstance(value, CellError):
                return value
        if operator == "&":
            return _text(values[0]) + _text(values[1])
        if operator in _COMPARISONS:
            return _compare(operator, values[0], values[1])
        numbers = [_number(value) for value in values]
        if operator == "u-":
            return -numbers[0]
        if operator == "u+":
            return numbers[0]
        if operator == "%":
            return numbers[0] / 100
        a, b = numbers
        if operator == "+":
            return a + b
        if operator == "-":
            return a - b
        if operator == "*":
            return a * b
        if operator == "/":
            return DIV0 if b == 0 else a / b
        if operator == "^":
            if a == 0 and b < 0:
                return DIV0
            try:
                result = a**b
            except (OverflowError, ZeroDivisionError):
                return NUM
            return NUM if isinstance(result, complex) else float(result)
        raise Unsupported(f"the operator {operator}")

    # --- criteria ---------------------------------------------------------------------------

    def matching(
        self, pairs: list[tuple[_Range, object]], summed: _Range | None = None
    ) -> tuple[list[int], int, int, int]:
        """The offsets (row by row in the clipped ranges) where every criterion holds, the
        clipped height and width, and how many cells past the clip (all blank) match too.
        ``summed``, SUMIFS's sum range, is of the same shape and clipped alike."""
        areas = [area for area, _ in pairs]
        shape = (areas[0].height, areas[0].width)
        areas += [summed] if summed is not None else []
        if any((a.height, a.width) != shape for a in areas):
            raise Unsupported("criteria ranges of different shapes")
        height, width = self._clip(areas)
        tests = [(area, _criterion(criterion)) for area, criterion in pairs]
        blocks = [self._block(area, height, width) for area, _ in pairs]
        candidates: list[int] | None = None
        rest = []
        for (area, test), block in zip(tests, blocks, strict=True):
            if test[0] == "text=":
                index = self._index(area, height, width, block)
                found = index.get(test[1], [])
                candidates = found if candidates is None else _both(candidates, found)
            else:
                rest.append((area, test, block))
        bounds = [t for _, t, _ in rest if t[0] == "number" and t[1] in _ORDER]
        same_block = len({(a.sheet, a.ref.row, a.ref.col) for a, _, _ in rest}) == 1
        if rest and len(bounds) == len(rest) and same_block:
            offsets = self._between(tests, rest[0], height, width, candidates, bounds)
        else:
            offsets = range(len(blocks[0])) if candidates is None else candidates
            for _, test, block in rest:
                offsets = [o for o in offsets if _holds(test, block[o])]
        past = shape[0] * shape[1] - height * width
        blank = past if past and all(_holds(test, None) for _, test in tests) else 0
        return list(offsets), height, width, blank

    def _index(self, area: _Range, height: int, width: int, block: list[object]) -> dict:
        key = (area.sheet, area.ref.row, area.ref.col, height, width)
        if key not in self._indexes:
            index: dict[str, list[int]] = {}
            for offset, value in enumerate(block):
                if value.__class__ is str:
                    index.setdefault(_fold(value, strict=False), []).append(offset)
            self._indexes[key] = index
        return self._indexes[key]

    def _between(self, tests, last, height, width, candidates, bounds) -> list[int]:
        """The candidates whose number in one range lies within ``bounds``: sorted once per
        candidates and range, then found by halving (a Budget's Actual cells)."""
        area, _, block = last
        signature = tuple((a.sheet, a.ref.row, a.ref.col, t) for a, t in tests if t[0] == "text=")
        key = (signature, area.sheet, area.ref.row, area.ref.col, height, width)
        if key not in self._sorted:
            offsets = range(len(block)) if candidates is None else candidates
            pairs = sorted((block[o], o) for o in offsets if block[o].__class__ is float)
            self._sorted[key] = ([v for v, _ in pairs], [o for _, o in pairs])
        numbers, offsets = self._sorted[key]
        low, high = 0, len(numbers)
        for _, operator, limit in bounds:
            if operator == ">=":
                low = max(low, bisect_left(numbers, limit))
            elif operator == ">":
                low = max(low, bisect_right(numbers, limit))
            elif operator == "<=":
                high = min(high, bisect_right(numbers, limit))
            else:
                high = min(high, bisect_left(numbers, limit))
        return offsets[low:high] if low < high else []

    def match_index(self, area: _Range, height: int, width: int) -> dict[object, int]:
        key = (area.sheet, area.ref.row, area.ref.col, height, width)
        if key not in self._matches:
            found: dict[object, int] = {}
            for offset, value in enumerate(self._block(area, height, width)):
                if value.__class__ is str:
                    found.setdefault(("text", _fold(value, strict=False)), offset)
                elif value.__class__ is float:
                    found.setdefault(("number", value), offset)
                elif value.__class__ is bool:
                    found.setdefault(("bool", value), offset)
            self._matches[key] = found
        return self._matches[key]


class _Unknown(Unsupported):
    """A formula reads one whose value is not known."""


def _where(key: tuple[str, int, int]) -> str:
    from xlsxwriter.utility import xl_rowcol_to_cell

    return f"{key[0]}!{xl_rowcol_to_cell(key[1], key[2])}"


def _both(first: list[int], second: list[int]) -> list[int]:
    other = set(second)
    return [offset for offset in first if offset in other]


# --- values -----------------------------------------------------------------------------------

_COMPARISONS = ("=", "<>", "<", ">", "<=", ">=")
_ORDER = (">=", ">", "<=", "<")


def _number(value: object) -> float:
    if value is None:
        return 0.0
    if value.__class__ is bool:
        return 1.0 if value else 0.0
    if value.__class__ is float:
        return value
    raise Unsupported("text in arithmetic")


def _text(value: object) -> str:
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


def _fold(text: str, strict: bool = True) -> str:
    """A text as the applications compare it, without case. One whose case the applications
    fold differently (``ı``, ``ß``) is `Unsupported` where it is compared (``strict``); in an
    index of a range's texts it is kept apart, so that only a search for it fails."""
    if text.isascii():
        return text.lower()
    folded = text.lower()
    if any(ch.upper().lower() != ch.lower() for ch in text):
        if strict:
            raise Unsupported(f"a text whose case the applications fold differently: {text!r}")
        return "\0" + text  # matches nothing a strict search looks for
    return folded


def _compare(operator: str, a: object, b: object) -> bool:
    a, b = _blank_as(a, b), _blank_as(b, a)
    rank_a, rank_b = _rank(a), _rank(b)
    if rank_a != rank_b:
        order = (rank_a > rank_b) - (rank_a < rank_b)
    elif rank_a == 1:  # texts
        if operator not in ("=", "<>"):
            raise Unsupported("texts ordered by < or >")
        x, y = _fold(a), _fold(b)
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


def _truth(value: object) -> bool | CellError:
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


def _criterion(value: object) -> tuple:
    """A criterion of SUMIFS or COUNTIFS as a test: ``("number", operator, x)``,
    ``("text=", folded)``, ``("text<>", folded)``, ``("blank",)``, ``("filled",)``."""
    if value.__class__ is float:
        return ("number", "=", value)
    if value.__class__ is not str:
        raise Unsupported("a criterion that is not a number or a text")
    operator = next((o for o in ("<=", ">=", "<>", "<", ">", "=") if value.startswith(o)), "")
    rest = value[len(operator) :]
    if rest == "":
        if operator in ("", "="):
            return ("blank",)
        if operator == "<>":
            return ("filled",)
        raise Unsupported(f"the criterion {value!r}")
    number = _as_number(rest)
    if number is not None:
        return ("number", operator or "=", number)
    if any(ch in rest for ch in "*?~"):
        raise Unsupported(f"a criterion with a wildcard: {value!r}")
    if operator in ("", "="):
        return ("text=", _fold(rest))
    if operator == "<>":
        return ("text<>", _fold(rest))
    raise Unsupported(f"texts ordered by a criterion: {value!r}")


def _as_number(text: str) -> float | None:
    stripped = text.strip()
    if not stripped or not (stripped[0].isdigit() or stripped[0] in "+-."):
        return None
    try:
        number = float(stripped)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def _holds(test: tuple, value: object) -> bool:
    kind = test[0]
    if kind == "number":
        if value.__class__ is str and test[1] == "=" and _as_number(value) == test[2]:
            raise Unsupported("a criterion on a number over a range that holds it as text")
        if value.__class__ is not float:
            return test[1] == "<>"
        return _compare(test[1], value, test[2])
    if kind == "text=":
        return value.__class__ is str and _fold(value, strict=False) == test[1]
    if kind == "text<>":
        return not (value.__class__ is str and _fold(value, strict=False) == test[1])
    if kind == "blank":
        if value == "":
            raise Unsupported("a criterion on blanks over a formula's empty text")
        return value is None
    if value == "":
        raise Unsupported("a criterion on filled cells over a formula's empty text")
    return value is not None


# --- functions --------------------------------------------------------------------------------


def _values(ev: Evaluator, args, sheet: str) -> Iterator[tuple[object, bool]]:
    """Each argument's values, and whether it came from a range (where text is skipped)."""
    for arg in args:
        value = ev._evaluate(arg, sheet)
        if isinstance(value, _Range):
            height, width = ev._clip([value])
            for item in ev._block(value, height, width):
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
            numbers.append(_number(value))
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
    condition = _truth(ev.scalar(args[0], sheet))
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
            truth = _truth(value)
            if isinstance(truth, CellError):
                return truth
            found.append(truth)
        return combine(found) if found else VALUE

    return function


def _round(ev, args, sheet):
    value, digits = (ev.scalar(arg, sheet) for arg in args)
    for x in (value, digits):
        if isinstance(x, CellError):
            return x
    exponent = Decimal(1).scaleb(-int(_number(digits)))
    return float(Decimal(repr(_number(value))).quantize(exponent, rounding=ROUND_HALF_UP))


def _date_of(value: object) -> date | CellError:
    if isinstance(value, CellError):
        return value
    number = _number(value)
    if number < 61:  # before 1 March 1900, where Excel's count and the calendar part ways
        raise Unsupported("a date before March 1900")
    return EXCEL_EPOCH + timedelta(days=int(number))


def _serial(day: date) -> float:
    return float((day - EXCEL_EPOCH).days)


def _shifted(ev, args, sheet, last_day: bool):
    start = _date_of(ev.scalar(args[0], sheet))
    months = ev.scalar(args[1], sheet)
    if isinstance(start, CellError):
        return start
    if isinstance(months, CellError):
        return months
    index = start.year * 12 + start.month - 1 + int(_number(months))
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
    year, month, day = (int(_number(p)) for p in parts)
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
    row, col = int(_number(row)), int(_number(col))
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
        key = ("text", _fold(sought))
    elif sought.__class__ is float:
        key = ("number", sought)
    elif sought.__class__ is bool:
        key = ("bool", sought)
    else:
        raise Unsupported("MATCH of a blank cell")
    height, width = ev._clip([area])
    found = ev.match_index(area, height, width).get(key)
    return NA if found is None else float(found + 1)


def _criteria_pairs(ev, args, sheet) -> list[tuple[_Range, object]]:
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
    offsets, _, _, blank = ev.matching(_criteria_pairs(ev, args, sheet))
    return float(len(offsets) + blank)


def _sumifs(ev, args, sheet):
    total = ev.area(args[0], sheet)
    offsets, height, width, _ = ev.matching(_criteria_pairs(ev, args[1:], sheet), total)
    block = ev._block(total, height, width)
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


_FUNCTIONS = {
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
