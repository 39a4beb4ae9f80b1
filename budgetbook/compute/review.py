"""The end-of-operation review's figures: per operation and per lever, what it cost, what it
returned and how it did against its target, with the blanks the formulas show."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from budgetbook.model import Operation

Value = Decimal | None


@dataclass(frozen=True)
class Outcome:
    """Cost, return and result of one operation or of a lever's operations together."""

    budget: Decimal
    cost: Decimal
    revenue: Decimal
    result: Decimal
    target: Decimal

    @property
    def vs_target(self) -> Value:
        return ratio(self.result, self.target)

    @property
    def cost_per_result(self) -> Value:
        return ratio(self.cost, self.result)

    @property
    def roi(self) -> Value:
        return None if self.cost == 0 else (self.revenue - self.cost) / self.cost

    @property
    def verdict(self) -> str:
        if self.result < self.target:
            return "missed"
        return "met" if self.cost <= self.budget else "over budget"


@dataclass(frozen=True)
class Review:
    """The review's figures, computed before it is written: each operation's outcome, each
    lever's (its name as first written, its operations, their outcome) and all together."""

    operations: list[tuple[Operation, Outcome]]
    levers: list[tuple[str, list[Operation], Outcome]]
    total: Outcome


def review_of(operations: list[Operation]) -> Review:
    return Review(
        operations=[(operation, outcome([operation])) for operation in operations],
        levers=[(name, members, outcome(members)) for name, members in levers(operations).items()],
        total=outcome(operations),
    )


def ratio(numerator: Decimal, denominator: Decimal) -> Value:
    return None if denominator == 0 else numerator / denominator


def outcome(operations: list[Operation]) -> Outcome:
    def total(name: str) -> Decimal:
        return sum((getattr(o, name) for o in operations), Decimal(0))

    return Outcome(total("budget"), total("cost"), total("revenue"), total("result"),
                   total("target"))  # fmt: skip


def levers(operations: list[Operation]) -> dict[str, list[Operation]]:
    """Operations by lever, levers in first-appearance order, matched without case as SUMIFS
    matches them."""
    grouped: dict[str, list[Operation]] = {}
    names: dict[str, str] = {}
    for operation in operations:
        name = names.setdefault(operation.lever.casefold(), operation.lever)
        grouped.setdefault(name, []).append(operation)
    return grouped
