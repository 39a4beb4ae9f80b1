"""The value of every formula of a workbook, computed in Python from the cells it holds, as
Excel, LibreOffice and Gnumeric compute it: what ``budgetbook update`` caches in each formula
it keeps or adds, so that a viewer that does not recalculate shows true figures.

The functions and forms are those a workbook may use (docs/formulas.md), read by
`formula_parser`. Where the applications part ways, or a formula holds what budgetbook does
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

This module is the evaluator: each formula's cells and ranges read from the sheets, its
operators, and the chain of formulas it reads. The values and how they compare are
`spreadsheet_values`'s, the functions `formula_functions`', and the search of SUMIFS, COUNTIFS
and MATCH over a range `formula_criteria`'s.
"""

from __future__ import annotations

import contextlib
import math
import sys
from bisect import bisect_left
from collections.abc import Callable

from budgetbook.compute.formula_criteria import RangeSearch
from budgetbook.compute.formula_functions import FUNCTIONS
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
from budgetbook.compute.spreadsheet_values import (
    COMPARISONS,
    DIV0,
    NUM,
    CellError,
    Range,
    cell_value,
    compare,
    to_number,
    to_text,
)

UNKNOWN = object()  # a formula whose value is not known for sure
_DEPTH = 20_000  # recursion for long chains of formulas (each month's Available reads the last)


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
        self.search = RangeSearch(self)  # SUMIFS', COUNTIFS' and MATCH's indexes of ranges

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
            result = self._scalar(self.evaluate(tree, sheet))
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

    def block(self, area: Range, height: int, width: int) -> list[object]:
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

    def clip(self, areas: list[Range]) -> tuple[int, int]:
        """The rows and columns of ranges of one shape that any of their sheets fills."""
        height = width = 0
        for area in areas:
            rows, cols = self._extent(area.sheet)
            height = max(height, min(area.height, rows - area.ref.row))
            width = max(width, min(area.width, cols - area.ref.col))
        return max(height, 0), max(width, 0)

    # --- evaluation -------------------------------------------------------------------------

    def evaluate(self, tree: object, sheet: str) -> object:
        """A parsed tree's value on ``sheet``: a reference to one cell is that cell's value,
        to more a `Range`, which a function reads."""
        kind = tree.__class__
        if kind is Reference:
            area = Range(tree.sheet or sheet, tree)
            return self.value(area.sheet, tree.row, tree.col) if tree.is_cell else area
        if kind is Number or kind is String or kind is Boolean:
            return tree.value
        if kind is ErrorLiteral:
            return CellError(tree.code)
        if kind is Operation:
            return self._operation(tree, sheet)
        if kind is Call:
            function = FUNCTIONS.get(tree.name)
            if function is None:
                raise Unsupported(f"the function {tree.name}")
            return function(self, tree.args, sheet)
        if kind is Missing:
            raise Unsupported("an argument left empty")
        if kind is Unreadable:
            raise Unsupported(tree.reason)
        raise Unsupported(f"{tree!r}")

    def _scalar(self, value: object) -> object:
        if isinstance(value, Range):
            if value.height == 1 and value.width == 1:
                return self.value(value.sheet, value.ref.row, value.ref.col)
            raise Unsupported("a range where one value is expected")
        return value

    def scalar(self, tree: object, sheet: str) -> object:
        """A parsed tree's one value; a range of one cell is read."""
        return self._scalar(self.evaluate(tree, sheet))

    def area(self, tree: object, sheet: str) -> Range:
        """A parsed tree that must be a reference (SUMIFS', INDEX's, MATCH's ranges)."""
        if tree.__class__ is not Reference:
            raise Unsupported("a range that is not a reference")
        return Range(tree.sheet or sheet, tree)

    def _operation(self, tree: Operation, sheet: str) -> object:
        operator = tree.operator
        values = [self.scalar(operand, sheet) for operand in tree.operands]
        for value in values:
            if isinstance(value, CellError):
                return value
        if operator == "&":
            return to_text(values[0]) + to_text(values[1])
        if operator in COMPARISONS:
            return compare(operator, values[0], values[1])
        numbers = [to_number(value) for value in values]
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


class _Unknown(Unsupported):
    """A formula reads one whose value is not known."""


def _where(key: tuple[str, int, int]) -> str:
    from xlsxwriter.utility import xl_rowcol_to_cell

    return f"{key[0]}!{xl_rowcol_to_cell(key[1], key[2])}"
