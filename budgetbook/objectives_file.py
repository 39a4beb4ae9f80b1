"""Read the SMART objectives: ``objective, channel, metric, baseline, target, deadline, owner``."""

from __future__ import annotations

from budgetbook.aliases import accepted, parse_value
from budgetbook.errors import Problem, missing_columns
from budgetbook.model import Objective
from budgetbook.tables import Table, cell_problem, cell_text
from budgetbook.values import parse_amount, parse_date

COLUMNS = ("objective", "channel", "metric", "baseline", "target", "deadline", "owner")


def parse_metric(text: str) -> str | None:
    """A metric's canonical name from its English or French name (``portée``, ``j'aime``)."""
    return parse_value("metric", text)


def read_objectives(table: Table) -> tuple[list[Objective], list[Problem]]:
    missing = [c for c in COLUMNS if c != "owner" and table.column(c) is None]
    if missing:
        return [], missing_columns(table.file, missing, f"Columns are: {', '.join(COLUMNS)}.")
    problems: list[Problem] = []
    objectives: list[Objective] = []
    first_row_of: dict[str, int] = {}
    for number, row in table.rows:
        objective = _read_objective(table, number, row, first_row_of, problems)
        if objective is not None:
            objectives.append(objective)
    return objectives, problems


def _read_objective(
    table: Table, number: int, row: list[object], first_row_of: dict[str, int], problems: list
) -> Objective | None:
    def cell(name: str) -> str:
        return cell_text(table, row, name)

    def bad(column: str, message: str, hint: str | None = None) -> None:
        problems.append(cell_problem(table, number, row, column, message, hint))

    before = len(problems)
    name = cell("objective")
    if not name:
        bad("objective", "the objective is empty.")
    elif name.casefold() in first_row_of:
        bad(
            "objective",
            f"this objective is already on row {first_row_of[name.casefold()]}.",
            "Objectives are named uniquely, so initiatives can point to one.",
        )
    first_row_of.setdefault(name.casefold(), number)
    if not cell("channel"):
        bad("channel", "the channel is empty.", "Name the channel, e.g. Instagram.")
    metric = parse_metric(cell("metric"))
    if metric is None:
        bad("metric", "is not a known metric.", f"Use one of: {accepted('metric')}.")
    amounts = {}
    for column in ("baseline", "target"):
        try:
            amounts[column] = parse_amount(row[table.column(column)])
        except ValueError:
            bad(column, "is not a number.", "Write a number such as 8400 or 2.5.")
    if len(amounts) == 2 and amounts["baseline"] == amounts["target"]:
        bad("target", "equals the baseline, so progress cannot be measured.")
    try:
        deadline = parse_date(row[table.column("deadline")])
    except ValueError:
        bad("deadline", "is not a date.", "Write it as YYYY-MM-DD.")
    if len(problems) > before:
        return None
    return Objective(
        name, cell("channel"), metric, amounts["baseline"], amounts["target"], deadline,
        cell("owner"),
    )  # fmt: skip
