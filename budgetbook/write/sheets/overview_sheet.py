"""The Overview sheet: the period's totals by category and by month, and a chart."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from budgetbook.compute.budget import BudgetFigures
from budgetbook.i18n.formats import formats
from budgetbook.i18n.labels import Labels
from budgetbook.model import Project
from budgetbook.read.values import serial
from budgetbook.write import formulas as f
from budgetbook.write.sheets.actuals_sheet import DATE, FIRST_ROW, LAST_ROW, ActualsLayout
from budgetbook.write.sheets.budget_grid import (
    ACTUAL,
    AS_OF,
    AVAILABLE,
    PLANNED,
    REMAINING,
    BudgetLayout,
)
from budgetbook.write.sheets.cached import cached
from budgetbook.write.sheets.not_counted_sheet import REASON
from budgetbook.write.sheets.page import set_page_titles
from budgetbook.write.sheets.styles import Styles, axis_money_format, date_format

FACTS_ROW = 2
FACT_COUNT = 6
NAME_COL, PLANNED_COL, ACTUAL_COL, REMAINING_COL, SHARE_COL = range(5)
FORECAST_COL, VARIANCE_COL, OVER_COL = range(5, 8)
# The monthly table shows Available between Planned and Actual.
MONTH_COLUMNS = {PLANNED: 1, AVAILABLE: 2, ACTUAL: 3, REMAINING: 4}


def write_overview(
    workbook: Workbook,
    ws: Worksheet,
    project: Project,
    figures: BudgetFigures,
    budget: BudgetLayout,
    counts: Counts,
    styles: Styles,
    labels: Labels,
) -> None:
    config = project.config
    months = config.period.month_starts()
    months_shown = formats(config.language).month
    ws.write_string(0, 0, f"{config.company_name} — {labels.budget_title}", styles.title)
    category_row = FACTS_ROW + FACT_COUNT + 1  # the by-category table's header
    over_total_row = category_row + len(project.categories) + 1  # and its Total row
    facts = (
        (labels.period, f"{months_shown(months[0])} – {months_shown(months[-1])}"),
        (labels.currency, config.currency),
        (labels.counted, counts.counted),
        (labels.not_counted_rows, counts.not_counted),
        (labels.as_of, (f.refer(f.on_sheet(budget.sheet, AS_OF)), figures.as_of)),
        (
            labels.lines_heading_over,
            (f.refer(f.cell(over_total_row, OVER_COL)), _heading_over(figures.lines.values())),
        ),
    )
    for offset, (name, value) in enumerate(facts):
        ws.write_string(FACTS_ROW + offset, 0, name, styles.text_bold)
        if isinstance(value, str):
            ws.write_string(FACTS_ROW + offset, 1, value, styles.text)
        else:
            formula, number = value
            if isinstance(number, date):
                ws.write_formula(FACTS_ROW + offset, 1, formula, styles.month, serial(number))
            else:
                ws.write_formula(FACTS_ROW + offset, 1, formula, styles.integer, number)

    row = _write_categories(ws, category_row, project, figures, budget, styles, labels)
    chart_row = row + 1
    first_month_row = _write_months(ws, chart_row, project, figures, budget, styles, labels)
    axis = axis_money_format(config.currency, styles.language)
    _add_chart(workbook, ws, chart_row, first_month_row, len(months), labels, styles.language,
               axis)  # fmt: skip
    _add_forecast_chart(workbook, ws, category_row, len(project.categories), labels, axis)

    ws.set_column(0, 0, 26)
    ws.set_column(1, 7, 14)
    ws.set_column(8, 8, 4)
    ws.set_landscape()
    ws.fit_to_pages(1, 1)
    ws.center_horizontally()
    set_page_titles(ws, config.company_name)
    ws.hide_gridlines(2)


@dataclass(frozen=True)
class Counts:
    """The Overview's counts of transactions counted and of rows not counted, each a formula
    over the sheet that lists them (so a row pasted there, or added by update, counts) and
    its value."""

    counted: tuple[str, int]
    not_counted: tuple[str, int]


def counts(
    project: Project, actuals: str, layout: ActualsLayout, not_counted: str, side_file: bool
) -> Counts:
    """The transactions are the Actuals rows that hold a date; with the transactions in a
    side file, those it holds and the rows below the sheet's monthly totals. The rows not
    counted are the Not counted rows that give a reason."""
    transactions = len(project.transactions)
    first = layout.below_listed if side_file else FIRST_ROW
    dates = f.fixed_span(actuals, DATE, first, LAST_ROW)
    reasons = f.fixed_span(not_counted, REASON, 1, LAST_ROW)
    listed = len(project.not_counted) + len(project.metrics_not_read)
    return Counts(
        (f.count_dated(dates, transactions if side_file else 0), transactions),
        (f.count_filled(reasons), listed),
    )


def _write_categories(ws, row, project, figures, budget, styles, labels) -> int:
    ws.write_string(row, 0, labels.by_category, styles.header)
    for col, title in (
        (1, labels.planned),
        (2, labels.actual),
        (3, labels.remaining),
        (4, labels.share_spent),
        (FORECAST_COL, labels.forecast),
        (VARIANCE_COL, labels.variance),
        (OVER_COL, labels.lines_over),
    ):
        ws.write_string(row, col, title, styles.header_right)
    row += 1
    first = row
    entries = [
        (c, budget.category_rows[c], figures.categories[c], False) for c in project.categories
    ]
    lines_of = {
        c: [figures.lines[li.name] for li in project.lines if li.category == c]
        for c in project.categories
    }
    lines_of[labels.total] = list(figures.lines.values())
    entries.append((labels.total, budget.total_row, figures.total, True))
    for name, block, rows, is_total in entries:
        money = styles.money_grand if is_total else styles.money
        ws.write_string(row, NAME_COL, name, styles.grand_fill_name if is_total else styles.text)
        for col, offset, value in (
            (PLANNED_COL, PLANNED, rows.total_planned),
            (ACTUAL_COL, ACTUAL, rows.total_actual),
            (REMAINING_COL, REMAINING, rows.total_remaining),
        ):
            source = f.on_sheet(budget.sheet, f.cell(block + offset, budget.total_col))
            ws.write_formula(row, col, f.refer(source), money, float(value))
        ws.write_formula(
            row,
            SHARE_COL,
            f.share(f.cell(row, ACTUAL_COL), f.cell(row, PLANNED_COL)),
            styles.percent_bold if is_total else styles.percent,
            cached(rows.share_spent),
        )
        variance = styles.variance_grand if is_total else styles.variance_plain
        for col, key, value, style in (
            (FORECAST_COL, "forecast", rows.forecast, money),
            (VARIANCE_COL, "variance", rows.variance, variance),
        ):
            source = f.on_sheet(budget.sheet, f.cell(block, budget.columns.pacing_col(key)))
            ws.write_formula(row, col, f.refer(source), style, float(value))
        integer = styles.integer_grand if is_total else styles.integer_right
        if is_total:
            over = f.total(f.col_span(OVER_COL, first, row - 1))
        else:
            lines_first, lines_last = budget.category_lines[name]
            flags = f.fixed_span(budget.sheet, budget.columns.pacing_col("flag"), lines_first,
                                 lines_last)  # fmt: skip
            over = f.count_matching(flags, f.quoted(labels.heading_over))
        ws.write_formula(row, OVER_COL, over, integer, _heading_over(lines_of[name]))
        row += 1
    return row


def _heading_over(lines) -> int:
    return sum(1 for rows in lines if rows.heading_over)


def _write_months(ws, row, project, figures, budget, styles, labels) -> int:
    ws.write_string(row, 0, labels.by_month, styles.header)
    titles = {
        PLANNED: labels.planned,
        AVAILABLE: labels.available,
        ACTUAL: labels.actual,
        REMAINING: labels.remaining,
    }
    for offset, col in MONTH_COLUMNS.items():
        ws.write_string(row, col, titles[offset], styles.header_right)
    first = row + 1
    total = figures.total
    values = {
        PLANNED: total.planned,
        AVAILABLE: total.available,
        ACTUAL: total.actual,
        REMAINING: total.remaining,
    }
    for month, start in enumerate(project.config.period.month_starts()):
        r = first + month
        ws.write_datetime(r, 0, start, styles.month)
        for offset, col in MONTH_COLUMNS.items():
            source = f.on_sheet(
                budget.sheet, f.cell(budget.total_row + offset, budget.month_col(month))
            )
            ws.write_formula(r, col, f.refer(source), styles.money, float(values[offset][month]))
    last = first + len(project.config.period.month_starts()) - 1
    r = last + 1
    ws.write_string(r, 0, labels.total, styles.grand_fill_name)
    sums: dict[int, Decimal] = {PLANNED: total.total_planned, ACTUAL: total.total_actual}
    for offset, col in MONTH_COLUMNS.items():
        if offset in sums:
            span = f.col_span(col, first, last)
            ws.write_formula(r, col, f.total(span), styles.money_grand, float(sums[offset]))
        elif offset == REMAINING:
            ws.write_formula(
                r,
                col,
                f.difference(f.cell(r, MONTH_COLUMNS[PLANNED]), f.cell(r, MONTH_COLUMNS[ACTUAL])),
                styles.money_grand,
                float(total.total_remaining),
            )
        else:
            ws.write_blank(r, col, None, styles.money_grand)
    return first


def _add_chart(workbook, ws, anchor_row, first, months, labels, language, axis: str) -> None:
    chart = workbook.add_chart({"type": "column"})
    last = first + months - 1
    for offset, colour in ((PLANNED, "#9DC3E6"), (ACTUAL, "#1F4E79")):
        col = MONTH_COLUMNS[offset]
        chart.add_series(
            {
                "name": [ws.name, first - 1, col],
                "categories": [ws.name, first, 0, last, 0],
                "values": [ws.name, first, col, last, col],
                "fill": {"color": colour},
                "gap": 60,
            }
        )
    chart.set_title({"name": labels.chart_title, "name_font": {"size": 12}})
    chart.set_x_axis({"num_format": date_format("mmm yy", language), "date_axis": False})
    chart.set_y_axis({"num_format": axis})
    chart.set_legend({"position": "bottom"})
    chart.set_size({"width": 620, "height": 320})
    ws.insert_chart(anchor_row, 6, chart)


def _add_forecast_chart(workbook, ws, header_row: int, categories: int, labels, axis: str) -> None:
    """Each category's forecast against its plan, as bars side by side."""
    chart = workbook.add_chart({"type": "bar"})
    first, last = header_row + 1, header_row + categories
    for col, colour in ((PLANNED_COL, "#9DC3E6"), (FORECAST_COL, "#C55A11")):
        chart.add_series(
            {
                "name": [ws.name, header_row, col],
                "categories": [ws.name, first, NAME_COL, last, NAME_COL],
                "values": [ws.name, first, col, last, col],
                "fill": {"color": colour},
                "gap": 60,
            }
        )
    chart.set_title({"name": labels.forecast_chart_title, "name_font": {"size": 12}})
    chart.set_y_axis({"reverse": True})
    chart.set_x_axis({"num_format": axis})
    chart.set_legend({"position": "bottom"})
    chart.set_size({"width": 520, "height": 80 + 40 * categories})
    ws.insert_chart(FACTS_ROW, 9, chart)
