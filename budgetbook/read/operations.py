"""Read the operations to review: ``operation, objective_type, segment, lever, budget, cost,
participants, opt_ins, new_contacts, revenue, target``."""

from __future__ import annotations

from decimal import Decimal

from budgetbook.errors import Problem, missing_columns
from budgetbook.i18n.messages import Text
from budgetbook.model import Operation
from budgetbook.read.aliases import accepted, column_list, parse_value
from budgetbook.read.criteria import criterion_problem
from budgetbook.read.number_style import ReadsTwoWays, table_decimal_comma, table_number
from budgetbook.read.tables import Table, cell_problem, cell_text

REQUIRED = ("operation", "objective_type", "lever", "budget", "cost", "target")
RESULTS = ("participants", "opt_ins", "new_contacts", "revenue")  # blank reads as 0


def read_operations(table: Table, language: str = "en") -> tuple[list[Operation], list[Problem]]:
    """Operations in file order; a number that reads two ways (``1.500``) is read in the
    file's style, or refused (`number_style`)."""
    missing = [name for name in REQUIRED if table.column(name) is None]
    if missing:
        hint = Text(
            "Columns are: {columns}.",
            columns=column_list(
                (*REQUIRED[:3], "segment", "budget", "cost", *RESULTS, "target"), table.file
            ),
        )
        return [], missing_columns(table.file, missing, hint)
    problems: list[Problem] = []
    operations: list[Operation] = []
    levers: dict[str, str] = {}  # the first spelling of each, by how formulas match it
    numbers = ("budget", "cost", "target", *RESULTS)
    decimal_comma = table_decimal_comma(table, [table.column(n) for n in numbers], language)
    for number, row in table.rows:

        def cell(name: str, row=row) -> str:
            return cell_text(table, row, name)

        def bad(column: str, message: str, hint: str, number=number, row=row) -> None:
            problems.append(cell_problem(table, number, row, column, message, hint))

        before = len(problems)
        if not cell("operation"):
            bad(
                "operation",
                Text("the operation has no name."),
                Text("Name it, e.g. 'Spring giveaway'."),
            )
        kind = parse_value("objective_type", cell("objective_type"))
        if kind is None:
            bad(
                "objective_type",
                Text("is not a known objective type."),
                Text("Use one of: {values}.", values=accepted("objective_type")),
            )
        if not cell("lever"):
            bad(
                "lever",
                Text("the lever is empty."),
                Text("Name it, e.g. 'Instagram ads' or 'newsletter'."),
            )
        elif refusal := criterion_problem(cell("lever"), Text("a lever"), levers):
            bad("lever", *refusal)
        amounts: dict[str, Decimal] = {}
        for name in numbers:
            if not cell(name) and name in RESULTS:
                amounts[name] = Decimal(0)
                continue
            index = table.column(name)
            try:
                amounts[name] = table_number(table, number, index, cell(name), decimal_comma)
            except ReadsTwoWays as refused:
                problems.append(refused.problem)
            except ValueError:
                bad(name, Text("is not a number."), Text("Write a number such as 1500 or 1438.90."))
        if len(problems) > before:
            continue
        values = [amounts[name] for name in ("budget", "cost", *RESULTS, "target")]
        operations.append(
            Operation(cell("operation"), kind, cell("segment"), cell("lever"), *values)
        )
    return operations, problems
