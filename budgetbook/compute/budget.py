"""The budget's figures, computed once in Python: the values every formula must reproduce."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from budgetbook.model import CarryOver, Project

ZERO = Decimal(0)


def carry(policy: CarryOver, remaining: Decimal) -> Decimal:
    """What a month's Remaining adds to the next month's Available."""
    if policy is CarryOver.FULL:
        return remaining
    if policy is CarryOver.SURPLUS:
        return max(ZERO, remaining)
    return ZERO


@dataclass(frozen=True)
class Rows:
    """The four rows of a block, one amount per month."""

    planned: tuple[Decimal, ...]
    available: tuple[Decimal, ...]
    actual: tuple[Decimal, ...]
    remaining: tuple[Decimal, ...]

    @property
    def total_planned(self) -> Decimal:
        return sum(self.planned, ZERO)

    @property
    def total_actual(self) -> Decimal:
        return sum(self.actual, ZERO)

    @property
    def total_remaining(self) -> Decimal:
        """What is left of the period's money: total planned minus total actual."""
        return self.total_planned - self.total_actual

    @property
    def share_spent(self) -> Decimal | None:
        return self.total_actual / self.total_planned if self.total_planned else None


def line_rows(planned: tuple[Decimal, ...], actual: tuple[Decimal, ...], policy: CarryOver) -> Rows:
    """Apply the carry-over rule month by month."""
    available: list[Decimal] = []
    remaining: list[Decimal] = []
    for month, amount in enumerate(planned):
        brought = carry(policy, remaining[-1]) if month else ZERO
        available.append(amount + brought)
        remaining.append(available[-1] - actual[month])
    return Rows(planned, tuple(available), actual, tuple(remaining))


def add_rows(blocks: list[Rows], months: int) -> Rows:
    def column_sums(name: str) -> tuple[Decimal, ...]:
        return tuple(sum((getattr(b, name)[m] for b in blocks), ZERO) for m in range(months))

    return Rows(*(column_sums(name) for name in ("planned", "available", "actual", "remaining")))


@dataclass(frozen=True)
class BudgetFigures:
    lines: dict[str, Rows]  # by line name, in budget order
    categories: dict[str, Rows]  # by category, in first-appearance order
    total: Rows


def actual_by_line_month(project: Project) -> dict[str, list[Decimal]]:
    months = project.config.period.months
    sums: dict[str, list[Decimal]] = defaultdict(lambda: [ZERO] * months)
    for line, month, amount in project.transactions.line_month_totals(project.config.period):
        sums[line][month] += amount
    return sums


def compute_budget(project: Project) -> BudgetFigures:
    months = project.config.period.months
    actuals = actual_by_line_month(project)
    lines = {
        line.name: line_rows(line.planned, tuple(actuals[line.name]), line.carry_over)
        for line in project.lines
    }
    categories = {
        category: add_rows(
            [lines[line.name] for line in project.lines if line.category == category], months
        )
        for category in project.categories
    }
    return BudgetFigures(lines, categories, add_rows(list(categories.values()), months))
