"""The Budget sheet: months across, one four-row block per line, category subtotals, a total.

Planned cells are inputs, and so is the as-of month at the top: the last closed month.
Available carries a closed month's Remaining by the line's policy, Actual sums the Actuals
sheet, Remaining is Available minus Actual. After Total, each block's pacing: planned and
actual to date (the closed months), pace, the forecast and its variance against the plan, and
a flag where a line will overspend (`budget_pacing`). All formulas, each written with the
value ``compute.budget`` computed; where everything lies is `budget_grid`.
"""

from __future__ import annotations

from xlsxwriter.worksheet import Worksheet

from budgetbook.compute.budget import BudgetFigures, Rows
from budgetbook.i18n.formats import formats
from budgetbook.i18n.labels import Labels
from budgetbook.model import BudgetLine, Period, Project, add_months
from budgetbook.write import formulas as f
from budgetbook.write.sheets import actuals_sheet
from budgetbook.write.sheets.budget_grid import (
    ACTUAL,
    AS_OF,
    AS_OF_COL,
    AS_OF_ROW,
    AVAILABLE,
    BLOCK_ROWS,
    CATEGORY_COL,
    FIRST_BLOCK_ROW,
    HEADER_ROW,
    LABEL_COL,
    LINE_COL,
    PACING,
    PLANNED,
    POLICY_COL,
    REMAINING,
    Block,
    BudgetLayout,
    Columns,
    MonthFormula,
    fill_style,
    number,
)
from budgetbook.write.sheets.budget_pacing import write_pacing
from budgetbook.write.sheets.page import breaks_between_blocks, print_readable
from budgetbook.write.sheets.styles import Styles

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
    period = project.config.period
    months = period.month_starts()
    columns = Columns(len(months), any(line.opening for line in project.lines))

    ws.write_string(0, 0, f"{labels.budget_title} — {project.config.company_name}", styles.title)
    ws.write_string(1, 0, labels.budget_note, styles.subtitle)
    _write_as_of(ws, figures, period, styles, labels)
    headers = (labels.category, labels.line, labels.carry_over, "")
    for col, title in enumerate(headers):
        ws.write_string(HEADER_ROW, col, title, styles.header)
    if columns.opening_col is not None:
        ws.write_string(HEADER_ROW, columns.opening_col, labels.opening, styles.header_right)
    for index, month in enumerate(months):
        ws.write_datetime(HEADER_ROW, columns.month_col(index), month, styles.header_month)
    ws.write_string(HEADER_ROW, columns.total_col, labels.total, styles.header_right)
    for key in PACING:
        title = "" if key == "flag" else getattr(labels, key)
        ws.write_string(HEADER_ROW, columns.pacing_col(key), title, styles.header_right)

    row = FIRST_BLOCK_ROW
    line_rows: dict[str, int] = {}
    category_rows: dict[str, int] = {}
    category_lines: dict[str, tuple[int, int]] = {}
    for category in project.categories:
        first = row
        for line in (li for li in project.lines if li.category == category):
            line_rows[line.name] = row
            block = Block(
                row, "line", (category, line.name, labels.policies[line.carry_over.value])
            )
            _write_block(ws, block, figures.lines[line.name], columns, styles, labels,
                         _line_formula(line, row, columns, actuals_name, actuals))  # fmt: skip
            if columns.opening_col is not None:
                _write_opening(ws, row, line, columns, styles)
            row += BLOCK_ROWS
        last = row - 1
        category_rows[category] = row
        category_lines[category] = (first, last)
        block = Block(row, "subtotal", (category, labels.total, ""))
        _write_block(ws, block, figures.categories[category], columns, styles, labels,
                     _subtotal_formula(first, last))  # fmt: skip
        row += BLOCK_ROWS + 1
    total_row = row
    block = Block(row, "total", (labels.total_budget, "", ""))
    _write_block(ws, block, figures.total, columns, styles, labels,
                 _grand_formula(list(category_rows.values())))  # fmt: skip
    last_row = row + BLOCK_ROWS - 1
    _write_unaccounted(
        ws, last_row + 2, f.cell(total_row + ACTUAL, columns.total_col), actuals_name, actuals,
        columns, styles, labels,
    )  # fmt: skip

    _highlight(ws, labels, styles, last_row, columns)
    blocks = [*line_rows.values(), *category_rows.values(), total_row, last_row + 2]
    _set_up_page(ws, project, columns, blocks)
    return BudgetLayout(ws.name, columns, line_rows, category_rows, category_lines, total_row)


def _write_as_of(
    ws: Worksheet, figures: BudgetFigures, period: Period, styles: Styles, labels: Labels
) -> None:
    """The as-of month: an input cell every closed-month formula refers to, limited to the
    months from the one before the period (none closed) to its last."""
    first, last = add_months(period.start, -1), add_months(period.end, -1)
    ws.write_string(AS_OF_ROW, 0, labels.as_of, styles.text_bold)
    ws.write_datetime(AS_OF_ROW, AS_OF_COL, figures.as_of, styles.month_input)
    ws.write_string(AS_OF_ROW, AS_OF_COL + 1, labels.as_of_note, styles.subtitle)
    shown = formats(styles.language).month
    message = labels.as_of_error.format(first=shown(first), last=shown(last))
    ws.data_validation(
        AS_OF_ROW,
        AS_OF_COL,
        AS_OF_ROW,
        AS_OF_COL,
        {
            "validate": "date",
            "criteria": "between",
            "minimum": first,
            "maximum": last,
            "input_title": labels.as_of,
            "input_message": message,
            "error_title": labels.as_of,
            "error_message": message,
        },
    )


def _write_opening(ws: Worksheet, top: int, line: BudgetLine, columns: Columns, styles) -> None:
    """A line's opening: an input on its Available row, which the first month adds."""
    col = columns.opening_col
    ws.write_blank(top, col, None, styles.label_top)
    ws.write_number(top + AVAILABLE, col, float(line.opening), styles.money_input)
    for offset in (ACTUAL, REMAINING):
        ws.write_blank(top + offset, col, None)


def _line_formula(
    line: BudgetLine,
    top: int,
    columns: Columns,
    actuals_name: str,
    actuals: actuals_sheet.ActualsLayout,
) -> MonthFormula:
    name_cell = f.cell(top, LINE_COL, row_abs=True, col_abs=True)
    first_col = columns.first_month_col

    def formula(offset: int, row: int, col: int) -> str | None:
        if offset == PLANNED:
            return None
        if offset == AVAILABLE:
            planned = f.cell(top + PLANNED, col)
            if col == first_col:
                available = f.available(planned, None, line.carry_over)
                if columns.opening_col is None:
                    return available
                return f.plus_opening(available, f.cell(row, columns.opening_col, col_abs=True))
            previous_month = f.cell(HEADER_ROW, col - 1, row_abs=True)
            previous = f.cell(top + REMAINING, col - 1)
            return f.available(planned, previous, line.carry_over, previous_month, AS_OF)
        if offset == ACTUAL:
            return f.month_actual(
                actuals_name,
                actuals_sheet.AMOUNT,
                actuals_sheet.LINE,
                actuals_sheet.DATE,
                actuals.spans(col - first_col),
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
    block: Block,
    rows: Rows,
    columns: Columns,
    styles: Styles,
    labels: Labels,
    month_formula: MonthFormula,
) -> None:
    name_style, first_label_style, label_style, money_style = (
        getattr(styles, name) for name in _BLOCK_STYLES[block.kind]
    )
    first_money = getattr(styles, _FIRST_ROW_MONEY[block.kind])
    row_labels = (labels.planned, labels.available, labels.actual, labels.remaining)
    row_values = (rows.planned, rows.available, rows.actual, rows.remaining)
    for offset, (label, values) in enumerate(zip(row_labels, row_values, strict=True)):
        row = block.top + offset
        first = offset == PLANNED
        for col, text in enumerate(block.names):
            if first:
                ws.write_string(row, col, text, name_style)
            else:
                ws.write_blank(row, col, None, fill_style(styles, block.kind))
        ws.write_string(row, LABEL_COL, label, first_label_style if first else label_style)
        style = first_money if first else money_style
        if block.kind == "line" and offset == AVAILABLE:
            style = styles.money_available
        for month in range(columns.months):
            col = columns.month_col(month)
            formula = month_formula(offset, row, col)
            if formula is None:
                ws.write_number(row, col, number(values[month]), style)
            else:
                ws.write_formula(row, col, formula, style, number(values[month]))
        _write_total(ws, row, offset, columns, rows, style)
        if offset in (AVAILABLE, REMAINING):
            ws.set_row(row, None, None, {"level": 1})
    write_pacing(ws, block, rows, columns, styles, labels, month_formula)


def _write_unaccounted(
    ws: Worksheet,
    row: int,
    total_actual: str,
    actuals_name: str,
    actuals: actuals_sheet.ActualsLayout,
    columns: Columns,
    styles: Styles,
    labels: Labels,
) -> None:
    """The money on Actuals that no Actual cell counts: 0 as built, so a pasted or edited row
    that the Budget misses shows here instead of vanishing from the totals."""
    amounts = f.fixed_span(
        actuals_name, actuals_sheet.AMOUNT, actuals_sheet.FIRST_ROW, actuals_sheet.LAST_ROW
    )
    first_col = columns.first_month_col
    ws.write_string(row, LINE_COL, labels.unaccounted, styles.text_bold)
    ws.write_formula(row, first_col, f.unaccounted(amounts, total_actual), styles.money, 0)
    by_month = actuals.month_rows is not None
    note = labels.unaccounted_note_by_month if by_month else labels.unaccounted_note
    ws.write_string(row, first_col + 1, note, styles.subtitle)
    ws.conditional_format(
        row,
        first_col,
        row,
        first_col,
        {"type": "cell", "criteria": "!=", "value": 0, "format": styles.overspend},
    )


def _write_total(ws: Worksheet, row: int, offset: int, columns: Columns, rows: Rows, style) -> None:
    """Planned and Actual sum across; Remaining is their difference; Available has no total."""
    months, total_col = columns.months_of(row), columns.total_col
    top = row - offset
    if offset == PLANNED:
        ws.write_formula(row, total_col, f.total(months), style, number(rows.total_planned))
    elif offset == ACTUAL:
        ws.write_formula(row, total_col, f.total(months), style, number(rows.total_actual))
    elif offset == REMAINING:
        ws.write_formula(
            row,
            total_col,
            f.difference(f.cell(top + PLANNED, total_col), f.cell(top + ACTUAL, total_col)),
            style,
            number(rows.total_remaining),
        )
    else:
        ws.write_blank(row, total_col, None, style)


def _highlight(
    ws: Worksheet, labels: Labels, styles: Styles, last_row: int, columns: Columns
) -> None:
    """Overspend in red; the open months shaded, from their header down."""
    top = FIRST_BLOCK_ROW
    first_col, total_col = columns.first_month_col, columns.total_col
    label = f.cell(top, LABEL_COL, col_abs=True)
    first = f.cell(top, first_col)
    above = f.cell(top - 1, first_col)
    ws.conditional_format(
        top,
        first_col,
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
        first_col,
        last_row,
        total_col - 1,
        {
            "type": "formula",
            "criteria": f'=AND({label}="{labels.actual}",{first}>{above})',
            "format": styles.over_available,
        },
    )
    header = f.cell(HEADER_ROW, first_col, row_abs=True)
    for first_row, style in ((HEADER_ROW, styles.open_month_header), (top, styles.open_month)):
        ws.conditional_format(
            first_row,
            first_col,
            HEADER_ROW if first_row == HEADER_ROW else last_row,
            total_col - 1,
            {"type": "formula", "criteria": f.open_month(header, AS_OF), "format": style},
        )


def _set_up_page(ws: Worksheet, project: Project, columns: Columns, blocks: list[int]) -> None:
    """Printed at a readable size over as many pages as the months and pacing take, the
    header row and the line's names on every page, and each line's four rows on one page."""
    ws.set_column(CATEGORY_COL, CATEGORY_COL, 18)
    ws.set_column(LINE_COL, LINE_COL, 26)
    ws.set_column(POLICY_COL, POLICY_COL, 10)
    ws.set_column(LABEL_COL, LABEL_COL, 11)
    if columns.opening_col is not None:
        ws.set_column(columns.opening_col, columns.opening_col, 11)
    ws.set_column(columns.first_month_col, columns.total_col - 1, 11)
    ws.set_column(columns.total_col, columns.total_col, 13)
    ws.set_column(columns.total_col + 1, columns.last_col - 1, 14)
    ws.set_column(columns.last_col, columns.last_col, 8)
    ws.freeze_panes(FIRST_BLOCK_ROW, columns.first_month_col)
    ws.outline_settings(True, False, True, False)
    print_readable(ws, project.config.company_name)
    ws.repeat_rows(HEADER_ROW)
    ws.repeat_columns(CATEGORY_COL, LABEL_COL)
    last_row = ws.dim_rowmax or 0
    ws.set_h_pagebreaks(breaks_between_blocks(ws, blocks, last_row, [HEADER_ROW]))
