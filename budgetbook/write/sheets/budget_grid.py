"""Where the Budget sheet puts things: its rows (the as-of cell, the header, four-row blocks)
and its columns (an Opening column when a line has one, the months, Total, the pacing), for
the Budget's own writers and for the sheets that refer to it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from budgetbook.write import formulas as f
from budgetbook.write.sheets.styles import Styles

AS_OF_ROW = 2  # the as-of month: its label, its cell (under Line) and a note
AS_OF_COL = 1
HEADER_ROW = 3
FIRST_BLOCK_ROW = HEADER_ROW + 1
CATEGORY_COL, LINE_COL, POLICY_COL, LABEL_COL = range(4)
PLANNED, AVAILABLE, ACTUAL, REMAINING = range(4)  # row offsets inside a block
BLOCK_ROWS = 4
# The pacing columns after Total, each on a block's first row.
PACING = ("planned_to_date", "actual_to_date", "pace", "forecast", "variance", "flag")


@dataclass(frozen=True)
class Columns:
    """The sheet's columns: an Opening column before the months when a line brings money in
    from the previous period, the months, Total, then the pacing columns."""

    months: int
    opening: bool

    @property
    def opening_col(self) -> int | None:
        return LABEL_COL + 1 if self.opening else None

    @property
    def first_month_col(self) -> int:
        return LABEL_COL + 1 + self.opening

    def month_col(self, month: int) -> int:
        return self.first_month_col + month

    @property
    def total_col(self) -> int:
        return self.first_month_col + self.months

    def pacing_col(self, key: str) -> int:
        return self.total_col + 1 + PACING.index(key)

    @property
    def last_col(self) -> int:
        return self.pacing_col(PACING[-1])

    def month_headers(self) -> str:
        """The header row's month dates, fixed: the criteria range of the to-date sums."""
        return f.absolute_span(HEADER_ROW, self.first_month_col, HEADER_ROW, self.total_col - 1)

    def months_of(self, row: int) -> str:
        """A row's month cells, the range its header dates describe."""
        return f.row_span(row, self.first_month_col, self.total_col - 1)


AS_OF = f.cell(AS_OF_ROW, AS_OF_COL, row_abs=True, col_abs=True)


@dataclass(frozen=True)
class BudgetLayout:
    """Where the Budget sheet put its blocks, for the sheets that refer to them."""

    sheet: str
    columns: Columns
    line_rows: dict[str, int]  # first row of each line's block
    category_rows: dict[str, int]  # first row of each category's subtotal block
    category_lines: dict[str, tuple[int, int]]  # first and last row of its lines' blocks
    total_row: int  # first row of the grand total block

    @property
    def months(self) -> int:
        return self.columns.months

    @property
    def total_col(self) -> int:
        return self.columns.total_col

    def month_col(self, month: int) -> int:
        return self.columns.month_col(month)


@dataclass(frozen=True)
class Block:
    top: int
    kind: str  # line, subtotal or total
    names: tuple[str, str, str]  # category, line and policy cells of its first row


MonthFormula = Callable[[int, int, int], str | None]  # (offset, row, col) -> formula or input


def fill_style(styles: Styles, kind: str):
    return {
        "line": None,
        "subtotal": styles.subtotal_fill_name,
        "total": styles.grand_fill_name,
    }[kind]


def number(value: Decimal) -> float:
    return float(value)
