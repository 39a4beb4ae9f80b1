"""Read the SMART objectives: ``objective, channel, metric, baseline, target, deadline, owner``."""

from __future__ import annotations

from budgetbook.errors import Problem, missing_columns
from budgetbook.i18n.messages import Text
from budgetbook.model import Objective
from budgetbook.read.aliases import accepted, column_list, parse_value
from budgetbook.read.number_style import ReadsTwoWays, table_decimal_comma, table_number
from budgetbook.read.tables import Table, cell_problem, cell_text
from budgetbook.read.values import parse_date

COLUMNS = ("objective", "channel", "metric", "baseline", "target", "deadline", "owner")


def parse_metric(text: str) -> str | None:
    """A metric's canonical name from its English or French name (``portée``, ``j'aime``)."""
    return parse_value("metric", text)


def read_objectives(table: Table, language: str = "en") -> tuple[list[Objective], list[Problem]]:
    """Objectives in file order; a baseline or target that reads as two numbers (``8.400``)
    is read in the file's style, or refused (`number_style`)."""
    missing = [c for c in COLUMNS if c != "owner" and table.column(c) is None]
    if missing:
        hint = Text("Columns are: {columns}.", columns=column_list(COLUMNS, table.file))
        return [], missing_columns(table.file, missing, hint)
    problems: list[Problem] = []
    objectives: list[Objective] = []
    first_row_of: dict[str, int] = {}
    columns = [table.column("baseline"), table.column("target")]
    decimal_comma = table_decimal_comma(table, columns, language)
    for number, row in table.rows:
        objective = _read_objective(table, number, row, first_row_of, decimal_comma, problems)
        if objective is not None:
            objectives.append(objective)
    return objectives, problems


def _read_objective(
    table: Table,
    number: int,
    row: list[object],
    first_row_of: dict[str, int],
    decimal_comma: bool | None,
    problems: list,
) -> Objective | None:
    def cell(name: str) -> str:
        return cell_text(table, row, name)

    def bad(column: str, message: str, hint: str | None = None) -> None:
        problems.append(cell_problem(table, number, row, column, message, hint))

    before = len(problems)
    name = cell("objective")
    if not name:
        bad("objective", Text("the objective is empty."))
    elif name.casefold() in first_row_of:
        bad(
            "objective",
            Text("this objective is already on row {row}.", row=first_row_of[name.casefold()]),
            Text("Objectives are named uniquely, so initiatives can point to one."),
        )
    first_row_of.setdefault(name.casefold(), number)
    if not cell("channel"):
        bad("channel", Text("the channel is empty."), Text("Name the channel, e.g. Instagram."))
    metric = parse_metric(cell("metric"))
    if metric is None:
        bad(
            "metric",
            Text("is not a known metric."),
            Text("Use one of: {values}.", values=accepted("metric")),
        )
    amounts = {}
    for column in ("baseline", "target"):
        index = table.column(column)
        try:
            amounts[column] = table_number(table, number, index, row[index], decimal_comma)
        except ReadsTwoWays as refused:
            problems.append(refused.problem)
        except ValueError:
            bad(column, Text("is not a number."), Text("Write a number such as 8400 or 2.5."))
    if len(amounts) == 2 and amounts["baseline"] == amounts["target"]:
        bad("target", Text("equals the baseline, so progress cannot be measured."))
    try:
        deadline = parse_date(row[table.column("deadline")])
    except ValueError:
        bad("deadline", Text("is not a date."), Text("Write it as YYYY-MM-DD."))
    if len(problems) > before:
        return None
    return Objective(
        name, cell("channel"), metric, amounts["baseline"], amounts["target"], deadline,
        cell("owner"),
    )  # fmt: skip
