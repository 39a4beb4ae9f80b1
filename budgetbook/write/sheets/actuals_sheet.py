"""The Actuals sheet: one row per counted transaction, where the Budget's Actual cells look.

A Budget Actual cell sums the rows of its line and month. Over the whole sheet that is one
scan of every transaction per cell: 300 lines × 36 months over 200,000 rows took LibreOffice
over five minutes. So from ``[workbook] sum_by_month_from`` transactions on, rows are listed
by date and each cell reads only its month's rows, plus the rows pasted below the listed ones.
Beyond ``[workbook] actuals_sheet_max`` the sheet holds one total per line and month, and the
transactions go to a CSV file beside the workbook.

Beside the transactions, after a blank column, a block lists the finance files taken, one row
each: the file, the source that read it, its rows and how many were counted. It is a few cells
whatever the number of transactions, and no formula reads its columns.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from xlsxwriter.worksheet import Worksheet

from budgetbook.commands.progress import Reporter, step
from budgetbook.errors import in_language
from budgetbook.i18n.labels import Labels
from budgetbook.i18n.messages import Text
from budgetbook.model import Conversion, Period, Project, Source, Transaction, in_date_order
from budgetbook.read.values import serial
from budgetbook.write.formulas import converted_amount
from budgetbook.write.sheets.page import print_readable
from budgetbook.write.sheets.styles import Styles

# Column positions the Budget's formulas rely on.
DATE, MONTH, CATEGORY, LINE, AMOUNT, DESCRIPTION, VENDOR, ACCOUNT, SOURCE_FILE, SOURCE_ROW = range(
    10
)
# A converted amount's making, where Amount is a formula over them: the amount as its file
# wrote it, its currency, the project's rate into the budget's, and the VAT rate.
ORIGINAL, CURRENCY, RATE, VAT = range(SOURCE_ROW + 1, SOURCE_ROW + 5)
WIDTHS = (11, 10, 18, 26, 13, 48, 26, 10, 28, 10, 14, 9, 9, 7)
FIRST_ROW = 1  # below the header
# The files taken, one row each from FIRST_ROW, after a blank column.
FILE, READ_AS, FILE_ROWS, FILE_COUNTED = range(VAT + 2, VAT + 6)
FILE_WIDTHS = (28, 26, 9, 10)
# Each column by a key, for the names that mark where it is (record_sheet.py).
COLUMNS = {
    "date": DATE, "month": MONTH, "category": CATEGORY, "line": LINE, "amount": AMOUNT,
    "description": DESCRIPTION, "vendor": VENDOR, "account": ACCOUNT,
    "source_file": SOURCE_FILE, "source_row": SOURCE_ROW, "original": ORIGINAL,
    "currency": CURRENCY, "rate": RATE, "vat": VAT,
    "file": FILE, "read_as": READ_AS, "file_rows": FILE_ROWS, "file_counted": FILE_COUNTED,
}  # fmt: skip
GAP_WIDTH = 3
LAST_ROW = 1_048_575  # a sheet's last row (0-based), so that pasted rows are reached too
PROGRESS_EVERY = 5_000  # rows between two progress reports


@dataclass(frozen=True)
class MonthTotal:
    """A line's transactions of one month, as one row, when they are in the side file."""

    date: date
    line: str
    amount: Decimal
    description: str
    source_file: str
    vendor: str = ""
    account: str = ""
    source_row: None = None


@dataclass(frozen=True)
class ActualsLayout:
    """What the sheet lists, and where each month's rows are for the Budget's formulas."""

    rows: list[Transaction | MonthTotal]
    month_rows: dict[int, tuple[int, int]] | None  # None: every formula reads the whole sheet

    @property
    def below_listed(self) -> int:
        return FIRST_ROW + len(self.rows)

    def spans(self, month: int) -> list[tuple[int, int]]:
        """The rows a month's Actual cells read: its own rows, then those pasted below."""
        if self.month_rows is None:
            return [(FIRST_ROW, LAST_ROW)]
        own = [self.month_rows[month]] if month in self.month_rows else []
        below = [(self.below_listed, LAST_ROW)] if self.below_listed <= LAST_ROW else []
        return own + below


def plan_actuals(project: Project, side_file: str | None) -> ActualsLayout:
    """The sheet's rows in date order; with ``side_file``, one total per line and month."""
    options = project.config.workbook
    transactions = in_date_order(project.transactions)
    rows: list[Transaction | MonthTotal] = (
        _monthly_totals(transactions, project.config.period, side_file)
        if side_file is not None
        else transactions
    )
    by_month = len(rows) >= options.sum_by_month_from
    month_rows = _month_rows(rows, project.config.period) if by_month else None
    return ActualsLayout(rows, month_rows)


def _monthly_totals(
    transactions: Iterable[Transaction], period: Period, side_file: str
) -> list[Transaction | MonthTotal]:
    totals: dict[tuple[int, str], Decimal] = defaultdict(Decimal)
    counts: dict[tuple[int, str], int] = defaultdict(int)
    for t in transactions:
        key = (period.month_index(t.date), t.line)
        totals[key] += t.amount
        counts[key] += 1
    starts = period.month_starts()
    return [
        MonthTotal(starts[month], line, total, _transactions(counts[month, line]), side_file)
        for (month, line), total in sorted(totals.items())
    ]


def _transactions(count: int) -> str:
    return f"{count} transaction" + ("s" if count > 1 else "")


def _month_rows(rows: list[Transaction | MonthTotal], period: Period) -> dict[int, tuple[int, int]]:
    """First and last sheet row of each month, for rows in date order."""
    spans: dict[int, tuple[int, int]] = {}
    for row, item in enumerate(rows, start=FIRST_ROW):
        month = period.month_index(item.date)
        first, _ = spans.get(month, (row, row))
        spans[month] = (first, row)
    return spans


def write_actuals(
    ws: Worksheet, project: Project, layout: ActualsLayout, styles: Styles, labels: Labels
) -> None:
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
        labels.original_amount,
        labels.currency,
        labels.rate,
        labels.vat,
    )
    for col, (title, width) in enumerate(zip(headers, WIDTHS, strict=True)):
        ws.write_string(0, col, title, styles.header)
        ws.set_column(col, col, width)
    category_of = {line.name: line.category for line in project.lines}
    writing = Text("Writing {name}", name=labels.actuals).in_language(project.config.language)
    with step(writing, len(layout.rows)) as progress:
        _write_rows(ws, layout.rows, category_of, styles, progress)
    write_files(ws, files_taken(project.sources), styles, labels, project.config.language)
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, max(len(layout.rows), 1), len(headers) - 1)
    _set_up_page(ws, project.config.company_name)


def _set_up_page(ws: Worksheet, company: str) -> None:
    """Printed at a readable size, every column shown: the pages down the transactions first
    (from the date, what a person checks), then those across (where each came from, the files
    taken), each application breaking where its own column widths fill a page; the header row
    and the date on every page, so each row can be told."""
    print_readable(ws, company)
    ws.repeat_rows(0)
    ws.repeat_columns(DATE)


def _write_rows(
    ws: Worksheet,
    rows: list[Transaction | MonthTotal],
    category_of: dict[str, str],
    styles: Styles,
    progress: Reporter,
) -> None:
    for row, item in enumerate(rows, start=FIRST_ROW):
        if row % PROGRESS_EVERY == 0:
            progress.advance(PROGRESS_EVERY)
        # Dates as the serial numbers a spreadsheet stores: write_datetime's conversion was a
        # fifth of a 200,000-row build.
        day = serial(item.date)
        ws.write_number(row, DATE, day, styles.date)
        ws.write_number(row, MONTH, day - item.date.day + 1, styles.month)
        ws.write_string(row, CATEGORY, category_of[item.line], styles.text)
        ws.write_string(row, LINE, item.line, styles.text)
        conversion = getattr(item, "conversion", None)
        if conversion is None:
            ws.write_number(row, AMOUNT, float(item.amount), styles.money)
        else:
            _write_conversion(ws, row, conversion, float(item.amount), styles)
        ws.write_string(row, DESCRIPTION, item.description, styles.text)
        ws.write_string(row, VENDOR, item.vendor, styles.text)
        ws.write_string(row, ACCOUNT, item.account, styles.text)
        ws.write_string(row, SOURCE_FILE, item.source_file, styles.text)
        if item.source_row is not None:
            ws.write_number(row, SOURCE_ROW, item.source_row, styles.integer)


def _write_conversion(
    ws: Worksheet, row: int, conversion: Conversion, amount: float, styles: Styles
) -> None:
    """A converted amount: how it was made, and Amount as the formula over it."""
    ws.write_number(row, ORIGINAL, float(conversion.original), styles.number_plain)
    ws.write_string(row, CURRENCY, conversion.currency, styles.text)
    if conversion.rate is not None:
        ws.write_number(row, RATE, float(conversion.rate), styles.rate)
    if conversion.vat is not None:
        ws.write_number(row, VAT, float(conversion.vat), styles.percent)
    formula = converted_amount(
        row,
        ORIGINAL,
        RATE if conversion.rate is not None else None,
        VAT if conversion.vat is not None else None,
        conversion.vat_included,
    )
    ws.write_formula(row, AMOUNT, formula, styles.money, amount)


def files_taken(sources: Iterable[Source], known: Iterable[str] = ()) -> list[Source]:
    """The files whose rows were taken: the first of each content, unless ``known`` (the
    hashes a workbook already holds) has it. A later copy is listed on the Not counted sheet,
    as a file not read is; neither is a source taken."""
    seen = set(known)
    taken = []
    for source in sources:
        if source.sha256 not in seen:
            seen.add(source.sha256)
            taken.append(source)
    return taken


def file_values(source: Source, language: str) -> tuple[str, str, int, int]:
    """A file's row of the block: its name, the source that read it in ``language``, its
    data rows and those counted."""
    read_as = in_language(Text(source.reader), language) if source.reader else ""
    return source.file, read_as, source.rows, source.counted


def write_files(
    ws: Worksheet, sources: list[Source], styles: Styles, labels: Labels, language: str
) -> None:
    """The block of files taken, its header on the transactions' header row."""
    headers = (labels.file, labels.read_as, labels.file_rows, labels.file_counted)
    ws.set_column(FILE - 1, FILE - 1, GAP_WIDTH)
    for col, title, width in zip(range(FILE, FILE_COUNTED + 1), headers, FILE_WIDTHS, strict=True):
        ws.write_string(0, col, title, styles.header)
        ws.set_column(col, col, width)
    for row, source in enumerate(sources, start=FIRST_ROW):
        file, read_as, rows, counted = file_values(source, language)
        ws.write_string(row, FILE, file, styles.text)  # a name from outside: text, never a formula
        ws.write_string(row, READ_AS, read_as, styles.text)
        ws.write_number(row, FILE_ROWS, rows, styles.integer)
        ws.write_number(row, FILE_COUNTED, counted, styles.integer)
