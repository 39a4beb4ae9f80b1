"""The hand-off workbook: the sheet finance fills in, with the budget lines as a dropdown and
dates and amounts checked as they are typed, which budgetbook then reads like any export."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

from budgetbook.errors import speaking
from budgetbook.i18n.labels import LABELS, Labels
from budgetbook.model import BudgetLine, Config
from budgetbook.read.project import load_budget
from budgetbook.write.book import atomic_write, new_workbook
from budgetbook.write.formulas import absolute_column_span
from budgetbook.write.sheets.styles import BLUE, INPUT_FILL, date_format, money_format

DEFAULT_OUTPUT = "handoff.xlsx"
HEADER_ROW = 6  # 0-based: row 7, under the title and the four steps
INPUT_ROWS = 2000  # rows that carry the dropdown and the checks
COLUMNS = ("date", "line", "amount", "description", "vendor")
WIDTHS = {"date": 13, "line": 34, "amount": 14, "description": 48, "vendor": 26}
LARGEST_AMOUNT = 1_000_000_000


@dataclass(frozen=True)
class Handoff:
    output: Path
    lines: int
    first_day: date
    last_day: date
    config: Config


def write_handoff(
    project_dir: Path | str, output: Path | str | None = None, language: str | None = None
) -> Handoff:
    """Write the hand-off workbook of a project, in ``language`` if given, else the project's;
    an existing file is replaced only on success."""
    config, lines = load_budget(project_dir)
    if language is not None:
        config = replace(config, language=language)
    target = Path(output) if output is not None else Path(project_dir) / DEFAULT_OUTPUT
    first_day = config.period.start
    last_day = config.period.end - timedelta(days=1)
    with speaking(config.language):
        atomic_write(
            target, lambda temporary: _lay_out(config, lines, first_day, last_day, temporary)
        )
    return Handoff(target, len(lines), first_day, last_day, config)


def headers(config: Config, labels: Labels) -> list[str]:
    """The column titles: those ``[actuals.columns]`` names, so the file reads back under the
    same settings as finance's exports, else the language's own words."""
    own = {
        "date": labels.date,
        "line": labels.line,
        "amount": labels.amount,
        "description": labels.description,
        "vendor": labels.vendor,
    }
    return [config.actuals_columns.get(name) or own[name] for name in COLUMNS]


def _shown(day: date, language: str) -> str:
    return day.strftime("%d/%m/%Y") if language == "fr" else day.isoformat()


def _lay_out(
    config: Config, lines: list[BudgetLine], first_day: date, last_day: date, path: Path
) -> None:
    labels = LABELS[config.language]
    first, last = _shown(first_day, config.language), _shown(last_day, config.language)
    workbook = new_workbook(path)
    base = {"font_name": "Calibri", "font_size": 10, "valign": "vcenter"}

    def fmt(**props):
        return workbook.add_format({**base, **props})

    title = fmt(bold=True, font_size=14, font_color=BLUE)
    step = fmt(font_color="#404040", text_wrap=True)
    header = fmt(bold=True, font_color="white", bg_color=BLUE, border=1, border_color="#D9D9D9")
    day_format = date_format("yyyy-mm-dd", config.language)
    money = money_format(config.currency, config.language)
    # The text columns are formatted as text, so what is typed or picked there stays as it is.
    column_formats = {
        "date": fmt(num_format=day_format, bg_color=INPUT_FILL, align="left"),
        "line": fmt(num_format="@", bg_color=INPUT_FILL),  # a line named 2026 or 01/02
        "amount": fmt(num_format=money, bg_color=INPUT_FILL),
        "description": fmt(num_format="@", bg_color=INPUT_FILL),
        "vendor": fmt(num_format="@", bg_color=INPUT_FILL),
    }

    sheet = workbook.add_worksheet(labels.actuals)
    lines_sheet = workbook.add_worksheet(labels.lines_sheet)
    last_col = len(COLUMNS) - 1
    heading = labels.handoff_title.format(company=config.company_name, first=first, last=last)
    # The title and the gap above the headers take no input fill: their cells are written
    # blank in a plain format (a row format would do it, but Gnumeric saves one as a styled
    # cell in each of the 16,384 columns, and the file it saves is then refused as too large).
    plain = fmt()
    sheet.set_row(0, 22)
    for col in range(1, last_col + 1):
        sheet.write_blank(0, col, None, plain)
    for col in range(last_col + 1):
        sheet.write_blank(HEADER_ROW - 1, col, None, plain)
    sheet.write_string(0, 0, heading, title)
    for offset, text in enumerate(labels.handoff_steps, start=1):
        sheet.merge_range(offset, 0, offset, last_col, text.format(first=first, last=last), step)
        sheet.set_row(offset, 27)
    for col, (name, title_text) in enumerate(zip(COLUMNS, headers(config, labels), strict=True)):
        sheet.set_column(col, col, WIDTHS[name], column_formats[name])
        sheet.write_string(HEADER_ROW, col, title_text, header)
    sheet.freeze_panes(HEADER_ROW + 1, 0)
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(HEADER_ROW)

    first_input, last_input = HEADER_ROW + 1, HEADER_ROW + INPUT_ROWS
    column = {name: index for index, name in enumerate(COLUMNS)}
    sheet.data_validation(
        first_input,
        column["date"],
        last_input,
        column["date"],
        {
            "validate": "date",
            "criteria": "between",
            "minimum": first_day,
            "maximum": last_day,
            "input_title": labels.date,
            "input_message": labels.handoff_date_error.format(first=first, last=last),
            "error_title": labels.date,
            "error_message": labels.handoff_date_error.format(first=first, last=last),
        },
    )
    sheet.data_validation(
        first_input,
        column["line"],
        last_input,
        column["line"],
        {
            "validate": "list",
            "source": absolute_column_span(labels.lines_sheet, 0, 1, max(len(lines), 1)),
            "input_title": labels.line,
            "input_message": labels.handoff_line_error,
            "error_title": labels.line,
            "error_message": labels.handoff_line_error,
        },
    )
    sheet.data_validation(
        first_input,
        column["amount"],
        last_input,
        column["amount"],
        {
            "validate": "decimal",
            "criteria": "between",
            "minimum": -LARGEST_AMOUNT,
            "maximum": LARGEST_AMOUNT,
            "input_title": labels.amount,
            "input_message": labels.handoff_amount_error,
            "error_title": labels.amount,
            "error_message": labels.handoff_amount_error,
        },
    )

    lines_sheet.write_string(0, 0, labels.line, header)
    lines_sheet.write_string(0, 1, labels.category, header)
    for row, line in enumerate(lines, start=1):
        lines_sheet.write_string(row, 0, line.name)
        lines_sheet.write_string(row, 1, line.category)
    lines_sheet.set_column(0, 1, 34)
    lines_sheet.hide()
    sheet.activate()
    workbook.close()
