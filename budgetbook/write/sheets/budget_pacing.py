"""The Budget's pacing, after Total on each block's first row: planned and actual to date (the
closed months, up to the as-of cell), pace, the forecast, its variance against the plan, and a
flag where a line will overspend."""

from __future__ import annotations

from xlsxwriter.worksheet import Worksheet

from budgetbook.compute.budget import Rows
from budgetbook.i18n.labels import Labels
from budgetbook.write import formulas as f
from budgetbook.write.sheets.budget_grid import (
    ACTUAL,
    AS_OF,
    AVAILABLE,
    PACING,
    PLANNED,
    REMAINING,
    Block,
    Columns,
    MonthFormula,
    fill_style,
    number,
)
from budgetbook.write.sheets.cached import cached
from budgetbook.write.sheets.styles import Styles

# (money, variance, percent, flag) style names of the pacing cells per kind of block
PACING_STYLES = {
    "line": ("money_top", "variance", "percent_top", "flag"),
    "subtotal": ("subtotal_money", "subtotal_variance", "subtotal_percent", "subtotal_flag"),
    "total": ("grand_money", "grand_variance", "grand_percent", "grand_flag"),
}


def write_pacing(
    ws: Worksheet,
    block: Block,
    rows: Rows,
    columns: Columns,
    styles: Styles,
    labels: Labels,
    month_formula: MonthFormula,
) -> None:
    """The block's pacing on its first row. A line's sums read its own month cells; a
    category's or the total's sum their lines' or categories' pacing cells as their month
    cells do; pace and the flag are worked out from the block's own cells."""
    top = block.top
    money, variance, percent, flag = (getattr(styles, name) for name in PACING_STYLES[block.kind])
    col = columns.pacing_col
    cell = {key: f.cell(top, col(key)) for key in PACING}
    months = columns.month_headers()

    summed = ("planned_to_date", "actual_to_date", "forecast")
    if block.kind == "line":
        formulas = {
            "planned_to_date": f.to_date(columns.months_of(top + PLANNED), months, AS_OF),
            "actual_to_date": f.to_date(columns.months_of(top + ACTUAL), months, AS_OF),
            "forecast": f.forecast(
                cell["actual_to_date"],
                columns.months_of(top + AVAILABLE),
                columns.months_of(top + REMAINING),
                months,
                AS_OF,
            ),
        }
    else:
        formulas = {key: month_formula(PLANNED, top, col(key)) for key in summed}
    values = (rows.planned_to_date, rows.actual_to_date, rows.forecast)
    for key, value in zip(summed, values, strict=True):
        ws.write_formula(top, col(key), formulas[key], money, number(value))
    ws.write_formula(
        top,
        col("pace"),
        f.share(cell["actual_to_date"], cell["planned_to_date"]),
        percent,
        cached(rows.pace),
    )
    ws.write_formula(
        top,
        col("variance"),
        f.difference(cell["forecast"], f.cell(top + PLANNED, columns.total_col)),
        variance,
        number(rows.variance),
    )
    ws.write_formula(
        top,
        col("flag"),
        f.flag_over(cell["variance"], labels.heading_over),
        flag,
        labels.heading_over if rows.heading_over else "",
    )
    for offset in (AVAILABLE, ACTUAL, REMAINING):
        for key in PACING:
            ws.write_blank(top + offset, col(key), None, fill_style(styles, block.kind))
