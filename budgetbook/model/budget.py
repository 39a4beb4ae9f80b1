"""The budget's terms: its months (`Period`), each line's planned amounts (`BudgetLine`), and
what a line's unspent money does to the next month (`CarryOver`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum


class CarryOver(StrEnum):
    """What a line's Remaining at the end of a month does to the next month's Available."""

    NONE = "none"  # nothing carries: each month stands alone
    SURPLUS = "surplus"  # unspent money is added to next month; overspend is not taken back
    FULL = "full"  # unspent money and overspend both carry


@dataclass(frozen=True)
class Period:
    """The budget's months: ``months`` consecutive months from ``start`` (a first of month)."""

    start: date
    months: int

    def month_starts(self) -> list[date]:
        return [add_months(self.start, i) for i in range(self.months)]

    @property
    def end(self) -> date:
        """The first day after the period."""
        return add_months(self.start, self.months)

    def month_index(self, day: date) -> int | None:
        """Position of the month holding ``day``, or None when outside the period."""
        index = (day.year - self.start.year) * 12 + day.month - self.start.month
        return index if 0 <= index < self.months else None


def add_months(first_of_month: date, count: int) -> date:
    index = first_of_month.year * 12 + first_of_month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


def month_key(first_of_month: date) -> str:
    """The ``YYYY-MM`` form used in input headers."""
    return f"{first_of_month.year:04d}-{first_of_month.month:02d}"


@dataclass(frozen=True)
class BudgetLine:
    category: str
    name: str
    channel: str
    carry_over: CarryOver
    planned: tuple[Decimal, ...]  # one amount per month of the period
    vat: Decimal | None = None  # its VAT rate (0.2), where budget.csv gives one
    opening: Decimal = Decimal(0)  # carried in from the previous period (budget.csv: opening)
