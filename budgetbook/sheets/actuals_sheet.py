"""The Actuals sheet: one row per counted transaction, where the Budget's Actual cells look."""

from __future__ import annotations

from xlsxwriter.worksheet import Worksheet

from budgetbook.labels import Labels
from budgetbook.model import Project
from budgetbook.plan_math import serial
from budgetbook.sheets.styles import Styles

# Column positions the Budget's formulas rely on.
DATE, MONTH, CATEGORY, LINE, AMOUNT, DESCRIPTION, VENDOR, ACCOUNT, SOURCE_FILE, SOURCE_ROW = range(
    10
)
WIDTHS = (11, 10, 18, 26, 13, 48, 26, 10, 28, 10)


def write_actuals(ws: Worksheet, project: Project, styles: Styles, labels: Labels) -> None:
    headers = (
        labels.date,
        labels.month,
        labels.category,
        labels.line,
        labels.amount,
        labels.description,
        labels.vendor,
        labels.account,
        labels.source_file,
        labels.source_row,
    )
    for col, (title, width) in enumerate(zip(headers, WIDTHS, strict=True)):
        ws.write_string(0, col, title, styles.header)
        ws.set_column(col, col, width)
    category_of = {line.name: line.category for line in project.lines}
    transactions = sorted(project.transactions, key=lambda t: (t.date, t.source_file, t.source_row))
    for row, t in enumerate(transactions, start=1):
        # Dates as the serial numbers a spreadsheet stores: write_datetime's conversion was a
        # fifth of a 200,000-row build.
        day = serial(t.date)
        ws.write_number(row, DATE, day, styles.date)
        ws.write_number(row, MONTH, day - t.date.day + 1, styles.month)
        ws.write_string(row, CATEGORY, category_of[t.line], styles.text)
        ws.write_string(row, LINE, t.line, styles.text)
        ws.write_number(row, AMOUNT, float(t.amount), styles.money)
        ws.write_string(row, DESCRIPTION, t.description, styles.text)
        ws.write_string(row, VENDOR, t.vendor, styles.text)
        ws.write_string(row, ACCOUNT, t.account, styles.text)
        ws.write_string(row, SOURCE_FILE, t.source_file, styles.text)
        ws.write_number(row, SOURCE_ROW, t.source_row, styles.integer)
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, max(len(transactions), 1), len(headers) - 1)
    ws.set_landscape()
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(0)
