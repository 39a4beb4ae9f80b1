"""The budget's figures, computed once in Python: the values every formula must reproduce.

A month is closed when it is not after the as-of month: only a closed month's Remaining
carries into the next, and the forecast counts a closed month's Actual but, for a month still
open, the larger of its Available and what is already spent in it."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from budgetbook.model import CarryOver, Period, Project, add_months

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
    """The four rows of a block, one amount per month, and the block's forecast: for a line,
    its closed months' Actual plus each open month's larger of Available and Actual; for a
    category or the total, its lines' forecasts summed."""

    planned: tuple[Decimal, ...]
    available: tuple[Decimal, ...]
    actual: tuple[Decimal, ...]
    remaining: tuple[Decimal, ...]
    closed: int  # how many months, from the first, are closed
    forecast: Decimal

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

    @property
    def planned_to_date(self) -> Decimal:
        return sum(self.planned[: self.closed], ZERO)

    @property
    def actual_to_date(self) -> Decimal:
        return sum(self.actual[: self.closed], ZERO)

    @property
    def pace(self) -> Decimal | None:
        """Actual against planned over the closed months; None when nothing was planned."""
        return self.actual_to_date / self.planned_to_date if self.planned_to_date else None

    @property
    def variance(self) -> Decimal:
        """Where the period will land against its plan: above zero, over budget."""
        return self.forecast - self.total_planned

    @property
    def heading_over(self) -> bool:
        return round(self.variance, 2) > 0


def line_rows(
    planned: tuple[Decimal, ...],
    actual: tuple[Decimal, ...],
    policy: CarryOver,
    closed: int | None = None,
    opening: Decimal = ZERO,
) -> Rows:
    """Apply the carry-over rule month by month: a month's Remaining carries into the next
    only when the month is closed (``closed`` months from the first; None: all of them).
    ``opening`` is money brought in from the previous period, added to the first month."""
    closed = len(planned) if closed is None else closed
    available: list[Decimal] = []
    remaining: list[Decimal] = []
    for month, amount in enumerate(planned):
        brought = carry(policy, remaining[-1]) if 0 < month <= closed else ZERO
        available.append(amount + brought + (opening if month == 0 else ZERO))
        remaining.append(available[-1] - actual[month])
    forecast = sum(actual[:closed], ZERO) + sum(
        (max(available[m], actual[m]) for m in range(closed, len(planned))), ZERO
    )
    return Rows(planned, tuple(available), actual, tuple(remaining), closed, forecast)


def add_rows(blocks: list[Rows], months: int, closed: int) -> Rows:
    def column_sums(name: str) -> tuple[Decimal, ...]:
        return tuple(sum((getattr(b, name)[m] for b in blocks), ZERO) for m in range(months))

    sums = (column_sums(name) for name in ("planned", "available", "actual", "remaining"))
    return Rows(*sums, closed, sum((b.forecast for b in blocks), ZERO))


@dataclass(frozen=True)
class BudgetFigures:
    lines: dict[str, Rows]  # by line name, in budget order
    categories: dict[str, Rows]  # by category, in first-appearance order
    total: Rows
    as_of: date  # the last closed month (the month before the period when none is)


def actual_by_line_month(project: Project) -> tuple[dict[str, list[Decimal]], int]:
    """Each line's actual by month, and the index of the latest month holding a counted
    transaction (-1 when none does)."""
    months = project.config.period.months
    sums: dict[str, list[Decimal]] = defaultdict(lambda: [ZERO] * months)
    latest = -1
    for line, month, amount in project.transactions.line_month_totals(project.config.period):
        sums[line][month] += amount
        latest = max(latest, month)
    return sums, latest


def closed_months(period: Period, as_of: date) -> int:
    """How many months of the period, from its first, are not after ``as_of``."""
    index = (as_of.year - period.start.year) * 12 + as_of.month - period.start.month
    return min(max(index + 1, 0), period.months)


def compute_budget(project: Project) -> BudgetFigures:
    period = project.config.period
    months = period.months
    actuals, latest = actual_by_line_month(project)
    # The as-of month: the settings', else the month of the latest counted transaction, else
    # the month before the period (none closed).
    as_of = project.config.as_of or add_months(period.start, latest)
    closed = closed_months(period, as_of)
    lines = {
        line.name: line_rows(
            line.planned, tuple(actuals[line.name]), line.carry_over, closed,
            line.opening,
        )
        for line in project.lines
    }  # fmt: skip
    categories = {
        category: add_rows(
            [lines[line.name] for line in project.lines if line.category == category],
            months,
            closed,
        )
        for category in project.categories
    }
    total = add_rows(list(categories.values()), months, closed)
    return BudgetFigures(lines, categories, total, as_of)
