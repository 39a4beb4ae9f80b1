"""Read channel metrics in long format: ``month, channel, metric, value``."""

from __future__ import annotations

from budgetbook.errors import Problem, missing_columns
from budgetbook.i18n.messages import Text
from budgetbook.model import KpiValue
from budgetbook.read.aliases import accepted, column_list, value_name
from budgetbook.read.budget_terms import parse_month
from budgetbook.read.number_style import ReadsTwoWays, table_decimal_comma, table_number
from budgetbook.read.objectives import parse_metric
from budgetbook.read.tables import Table, cell_problem, cell_text
from budgetbook.read.values import (
    parse_date,
)

COLUMNS = ("month", "channel", "metric", "value")


def read_kpis(table: Table, language: str = "") -> tuple[list[KpiValue], list[Problem]]:
    """Each row's value; a value that reads as two numbers (``1.500``) is told by the other
    values, else by the file's style (`number_style`) and the project's ``language``, else
    refused."""
    missing = [name for name in COLUMNS if table.column(name) is None]
    if missing:
        hint = Text(
            "Columns are: {columns} (one metric of one channel per row).",
            columns=column_list(COLUMNS, table.file),
        )
        return [], missing_columns(table.file, missing, hint)
    problems: list[Problem] = []
    values: list[KpiValue] = []
    value_col = table.column("value")
    decimal_comma = table_decimal_comma(table, [value_col], language)
    first_row: dict[tuple, int] = {}
    for number, row in table.rows:

        def cell(name: str, row=row) -> str:
            return cell_text(table, row, name)

        def bad(column: str, message: str, hint: str, number=number, row=row) -> None:
            problems.append(cell_problem(table, number, row, column, message, hint))

        before = len(problems)
        month = _month(row[table.column("month")])
        if month is None:
            bad("month", Text("is not a month."), Text("Write it as YYYY-MM, e.g. 2026-03."))
        channel = cell("channel")
        if not channel:
            bad(
                "channel",
                Text("the channel is empty."),
                Text("Name it as in budget.csv, e.g. Instagram."),
            )
        metric = parse_metric(cell("metric"))
        if metric is None:
            bad(
                "metric",
                Text("is not a known metric."),
                Text("Use one of: {values}.", values=accepted("metric")),
            )
        try:
            value = table_number(table, number, value_col, row[value_col], decimal_comma)
        except ReadsTwoWays as refused:
            problems.append(refused.problem)
        except ValueError:
            bad("value", Text("is not a number."), Text("Write a number such as 1200 or 3.5."))
        if len(problems) > before:
            continue
        key = (month, channel.casefold(), metric)
        if key in first_row:
            bad(
                "value",
                Text(
                    "{channel} {metric} for {month} is already given on row {row}.",
                    channel=channel,
                    metric=value_name("metric", metric),
                    month=f"{month:%Y-%m}",
                    row=first_row[key],
                ),
                Text("Keep one value per month, channel and metric."),
            )
            continue
        first_row[key] = number
        values.append(KpiValue(month, channel, metric, value, table.file))
    return values, problems


def _month(value: object):
    """``2026-03``, or any date (a month cell typed in Excel becomes one), as its first day."""
    text = "" if value is None else str(value).strip()
    month = parse_month(text)
    if month is not None:
        return month
    try:
        day = parse_date(value)
    except ValueError:
        return None
    return day.replace(day=1)
