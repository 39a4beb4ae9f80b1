"""Errors a user can act on: each names the file, and where there is one the row, column, value."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from budgetbook.aliases import column_names


@dataclass(frozen=True)
class Problem:
    """One bad thing found in the input, located precisely enough to fix it."""

    file: str
    message: str
    row: int | None = None
    column: str | None = None
    value: str | None = None
    hint: str | None = None

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None:
            where.append(f"column '{self.column}'")
        if self.value is not None:
            where.append(f"value {_show(self.value)}")
        text = f"{', '.join(where)}: {self.message}"
        if self.hint:
            text += f" {self.hint}"
        return text


def missing_columns(file: str, names: Iterable[str], hint: str | None = None) -> list[Problem]:
    """One problem per absent column, on the header row, worded alike in every reader; the
    hint adds the column's French names, for a user who wrote the others in French."""
    problems = []
    for name in names:
        others = [other for part in name.split(" or ") for other in column_names(part, file)[1:]]
        french = f"In French: {', '.join(others)}." if others else None
        text = " ".join(part for part in (hint, french) if part) or None
        problems.append(Problem(file, f"the column '{name}' is missing.", row=1, hint=text))
    return problems


def _show(value: str) -> str:
    shown = value if len(value) <= 60 else value[:57] + "..."
    return repr(shown)


class BudgetbookError(Exception):
    """Any failure budgetbook reports to a user as a message rather than a traceback."""


class InputErrors(BudgetbookError):
    """Every problem found in a project, gathered so the user sees them all at once."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class UnreadableFile(InputErrors):
    """A file refused whole before its rows are read (binary, damaged, a zip bomb, beyond a
    limit): a build lists it as not counted; an update refuses it."""
