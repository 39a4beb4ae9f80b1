"""The Budget sheet: months across, one four-row block per line, category subtotals, a total.

Planned cells are inputs. Available carries the previous month's Remaining by the line's
policy, Actual sums the Actuals sheet, Remaining is Available minus Actual: all formulas,
each written with the value ``budget_math`` computed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from xlsxwriter.worksheet import Worksheet

from budgetbook.compute.budget import BudgetFigures, Rows
from budgetbook.i18n.labels import Labels
from budgetbook.model import BudgetLine, Project
from budgetbook.write import formulas as f
from budgetbook.write.sheets import actuals_sheet
from budgetbook.write.sheets.page import set_page_titles
from budgetbook.write.sheets.styles import Styles

HEADER_ROW = 3
FIRST_BLOCK_ROW = HEADER_ROW + 1
CATEGORY_COL, LINE_COL, POLICY_COL, LABEL_COL, FIRST_MONTH_COL = range(5)
PLANNED, AVAILABLE, ACTUAL, REMAINING = range(4)  # row offsets inside a block
BLOCK_ROWS = 4


@dataclass(frozen=True)
class BudgetLayout:
    """Where the Budget sheet put its blocks, for the sheets that refer to them."""

    sheet: str
    months: int
    line_rows: dict[str, int]  # first row of each line's block
    category_rows: dict[str, int]  # first row of each category's subtotal block
    total_row: int  # first row of the grand total block

    @property
    def total_col(self) -> int:
        return FIRST_MONTH_COL + self.months

    def month_col(self, month: int) -> int:
        return FIRST_MONTH_COL + month


# (name, label, first-row money, other-row money) style names per kind of block
_BLOCK_STYLES = {
    "line": ("text_top", "label_top", "label", "money"),
    "subtotal": ("subtotal_name", "subtotal_label", "subtotal_fill_label", "subtotal_fill_money"),
    "total": ("grand_name", "grand_label", "grand_fill_label", "grand_fill_money"),
}
_FIRST_ROW_MONEY = {"line": "money_input", "subtotal": "subtotal_money", "total": "grand_money"}


def write_budget(
    ws: Worksheet,
    project: Project,
    figures: BudgetFigures,
    styles: Styles,
    labels: Labels,
    actuals_name: str,
    actuals: actuals_sheet.ActualsLayout,
) -> BudgetLayout:
    months = project.config.period.month_starts()
    total_col = FIRST_MONTH_COL + len(months)

    ws.write_string(0, 0, f"{labels.budget_title} — {project.config.company_name}", styles.title)
    ws.write_string(1, 0, labels.budget_note, styles.subtitle)
    headers = (labels.category, labels.line, labels.carry_over, "")
    for col, title in enumerate(headers):
        ws.write_string(HEADER_ROW, col, title, styles.header)
    for index, month in enumerate(months):
        ws.write_datetime(HEADER_ROW, FIRST_MONTH_COL + index, month, styles.header_month)
    ws.write_string(HEADER_ROW, total_col, labels.total, styles.header_right)

    row = FIRST_BLOCK_ROW
    line_rows: dict[str, int] = {}
    category_rows: dict[str, int] = {}
    for category in project.categories:
        first = row
        for line in (li for li in project.lines if li.category == category):
            line_rows[line.name] = row
            _write_block(
                ws,
                row,
                "line",
                (category, line.name, labels.policies[line.carry_over.value]),
                figures.lines[line.name],
                styles,
                labels,
                len(months),
                _line_formula(line, row, actuals_name, actuals),
            )
            row += BLOCK_ROWS
        last = row - 1
        category_rows[category] = row
        _write_block(
            ws,
            row,
            "subtotal",
            (category, labels.total, ""),
            figures.categories[category],
            styles,
            labels,
            len(months),
            _subtotal_formula(first, last),
        )
        row += BLOCK_ROWS + 1
    total_row = row
    _write_block(
        ws,
        row,
        "total",
        (labels.total_budget, "", ""),
        figures.total,
        styles,
        labels,
        len(months),
        _grand_formula(list(category_rows.values())),
    )
    last_row = row + BLOCK_ROWS - 1
    _write_unaccounted(
        ws, last_row + 2, f.cell(total_row + ACTUAL, total_col), actuals_name, actuals, styles,
        labels,
    )  # fmt: skip

    _highlight_overspend(ws, labels, styles, last_row, total_col)
    _set_up_page(ws, project, total_col)
    return BudgetLayout(ws.name, len(months), line_rows, category_rows, total_row)


MonthFormula = Callable[[int, int, int], str | None]  # (offset, row, col) -> formula or input


def _line_formula(
    line: BudgetLine, top: int, actuals_name: str, actuals: actuals_sheet.ActualsLayout
) -> MonthFormula:
    name_cell = f.cell(top, LINE_COL, row_abs=True, col_abs=True)

    def formula(offset: int, row: int, col: int) -> str | None:
        if offset == PLANNED:
            return None
        if offset == AVAILABLE:
            previous = f.cell(top + REMAINING, col - 1) if col > FIRST_MONTH_COL else None
            return f.available(f.cell(top + PLANNED, col), previous, line.carry_over)
        if offset == ACTUAL:
            return f.month_actual(
                actuals_name,
                actuals_sheet.AMOUNT,
                actuals_sheet.LINE,
                actuals_sheet.DATE,
                actuals.spans(col - FIRST_MONTH_COL),
                name_cell,
                f.cell(HEADER_ROW, col, row_abs=True),
            )
        return f.difference(f.cell(top + AVAILABLE, col), f.cell(top + ACTUAL, col))

    return formula


def _subtotal_formula(first: int, last: int) -> MonthFormula:
    """Sum the category's line rows whose label matches this row's label."""
    label_range = f.col_span(LABEL_COL, first, last, col_abs=True)

    def formula(offset: int, row: int, col: int) -> str:
        values = f.col_span(col, first, last)
        return f.sum_by_label(values, label_range, f.cell(row, LABEL_COL, col_abs=True))

    return formula


def _grand_formula(subtotal_rows: list[int]) -> MonthFormula:
    def formula(offset: int, row: int, col: int) -> str:
        return f.plus([f.cell(first + offset, col) for first in subtotal_rows])

    return formula


def _write_block(
    ws: Worksheet,
    top: int,
    kind: str,
    names: tuple[str, str, str],
    rows: Rows,
    styles: Styles,
    labels: Labels,
    months: int,
    month_formula: MonthFormula,
) -> None:
    name_style, first_label_style, label_style, money_style = (
        getattr(styles, name) for name in _BLOCK_STYLES[kind]
    )
    first_money = getattr(styles, _FIRST_ROW_MONEY[kind])
    row_labels = (labels.planned, labels.available, labels.actual, labels.remaining)
    row_values = (rows.planned, rows.available, rows.actual, rows.remaining)
    total_col = FIRST_MONTH_COL + months
    for offset, (label, values) in enumerate(zip(row_labels, row_values, strict=True)):
        row = top + offset
        first = offset == PLANNED
        for col, text in enumerate(names):
            if first:
                ws.write_string(row, col, text, name_style)
            else:
                ws.write_blank(row, col, None, _fill_style(styles, kind))
        ws.write_string(row, LABEL_COL, label, first_label_style if first else label_style)
        style = first_money if first else money_style
        if kind == "line" and offset == AVAILABLE:
            style = styles.money_available
        for month in range(months):
            col = FIRST_MONTH_COL + month
            formula = month_formula(offset, row, col)
            if formula is None:
                ws.write_number(row, col, _number(values[month]), style)
            else:
                ws.write_formula(row, col, formula, style, _number(values[month]))
        _write_total(ws, row, offset, total_col, rows, style)
        if offset in (AVAILABLE, REMAINING):
            ws.set_row(row, None, None, {"level": 1})


def _write_unaccounted(
    ws: Worksheet,
    row: int,
    total_actual: str,
    actuals_name: str,
    actuals: actuals_sheet.ActualsLayout,
    styles: Styles,
    labels: Labels,
) -> None:
    """The money on Actuals that no Actual cell counts: 0 as built, so a pasted or edited row
    that the Budget misses shows here instead of vanishing from the totals."""
    amounts = f.fixed_span(
        actuals_name, actuals_sheet.AMOUNT, actuals_sheet.FIRST_ROW, actuals_sheet.LAST_ROW
    )
    ws.write_string(row, LINE_COL, labels.unaccounted, styles.text_bold)
    ws.write_formula(row, FIRST_MONTH_COL, f.unaccounted(amounts, total_actual), styles.money, 0)
    by_month = actuals.month_rows is not None
    note = labels.unaccounted_note_by_month if by_month else labels.unaccounted_note
    ws.write_string(row, FIRST_MONTH_COL + 1, note, styles.subtitle)
    ws.conditional_format(
        row,
        FIRST_MONTH_COL,
        row,
        FIRST_MONTH_COL,
        {"type": "cell", "criteria": "!=", "value": 0, "format": styles.overspend},
    )


def _fill_style(styles: Styles, kind: str):
    return {
        "line": None,
        "subtotal": styles.subtotal_fill_name,
        "total": styles.grand_fill_name,
    }[kind]


def _write_total(ws: Worksheet, row: int, offset: int, total_col: int, rows: Rows, style) -> None:
    """Planned and Actual sum across; Remaining is their difference; Available has no total."""
    across = f.row_span(row, FIRST_MONTH_COL, total_col - 1)
    top = row - offset
    if offset == PLANNED:
        ws.write_formula(row, total_col, f.total(across), style, _number(rows.total_planned))
    elif offset == ACTUAL:
        ws.write_formula(row, total_col, f.total(across), style, _number(rows.total_actual))
    elif offset == REMAINING:
        ws.write_formula(
            row,
            total_col,
            f.difference(f.cell(top + PLANNED, total_col), f.cell(top + ACTUAL, total_col)),
            style,
            _number(rows.total_remaining),
        )
    else:
        ws.write_blank(row, total_col, None, style)


def _number(value: Decimal) -> float:
    return float(value)


def _highlight_overspend(
    ws: Worksheet, labels: Labels, styles: Styles, last_row: int, total_col: int
) -> None:
    top = FIRST_BLOCK_ROW
    label = f.cell(top, LABEL_COL, col_abs=True)
    first = f.cell(top, FIRST_MONTH_COL)
    above = f.cell(top - 1, FIRST_MONTH_COL)
    ws.conditional_format(
        top,
        FIRST_MONTH_COL,
        last_row,
        total_col,
        {
            "type": "formula",
            "criteria": f'=AND({label}="{labels.remaining}",{first}<0)',
            "format": styles.overspend,
        },
    )
    ws.conditional_format(
        top,
        FIRST_MONTH_COL,
        last_row,
        total_col - 1,
        {
            "type": "formula",
            "criteria": f'=AND({label}="{labels.actual}",{first}>{above})',
            "format": styles.over_available,
        },
    )


def _set_up_page(ws: Worksheet, project: Project, total_col: int) -> None:
    ws.set_column(CATEGORY_COL, CATEGORY_COL, 18)
    ws.set_column(LINE_COL, LINE_COL, 26)
    ws.set_column(POLICY_COL, POLICY_COL, 10)
    ws.set_column(LABEL_COL, LABEL_COL, 11)
    ws.set_column(FIRST_MONTH_COL, total_col - 1, 11)
    ws.set_column(total_col, total_col, 13)
    ws.freeze_panes(FIRST_BLOCK_ROW, FIRST_MONTH_COL)
    ws.outline_settings(True, False, True, False)
    ws.set_landscape()
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(HEADER_ROW)
    ws.repeat_columns(CATEGORY_COL, LABEL_COL)
    set_page_titles(ws, project.config.company_name)
