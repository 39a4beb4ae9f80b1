"""The marketing side of a project: channel metrics by month (`KpiValue`), SMART objectives,
the roadmap's initiatives, the content calendar's posts, and the operations reviewed at their
end, with the words each of their fields may hold."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

METRICS = (
    "followers", "new_followers", "lost_followers", "reach", "impressions", "engagements",
    "likes", "comments", "shares", "saves", "clicks", "conversions", "revenue",
)  # fmt: skip
STOCK_METRICS = ("followers",)  # a month's closing count; the others are flows, summed


@dataclass(frozen=True)
class KpiValue:
    """One metric of one channel for one month (``month`` is the first of the month)."""

    month: date
    channel: str
    metric: str  # one of METRICS
    value: Decimal
    source: str  # the file it came from, for messages


@dataclass(frozen=True)
class Objective:
    """A SMART objective: move ``metric`` of ``channel`` from ``baseline`` to ``target``."""

    name: str
    channel: str
    metric: str
    baseline: Decimal
    target: Decimal
    deadline: date
    owner: str


@dataclass(frozen=True)
class Initiative:
    """A step of the roadmap toward an objective, from ``start`` to ``end`` (both included)."""

    name: str
    objective: str  # an Objective's name, or "" when it stands alone
    owner: str
    start: date
    end: date
    status: str  # one of ROADMAP_STATUSES
    complete: Decimal | None  # share done, 0 to 1; None when not given


ROADMAP_STATUSES = ("planned", "in progress", "done", "blocked")


@dataclass(frozen=True)
class Post:
    """One piece of content in the calendar."""

    date: date
    time: str  # "HH:MM" or ""
    platform: str
    format: str
    topic: str
    owner: str
    status: str  # one of POST_STATUSES
    campaign: str


POST_STATUSES = ("idea", "draft", "scheduled", "published")


OPERATION_TYPES = (
    "acquisition", "loyalty", "engagement", "traffic", "satisfaction", "data quality"
)  # fmt: skip
# What counts as an operation's result, by its objective type; participants otherwise.
RESULT_OF_TYPE = {"acquisition": "new_contacts", "data quality": "opt_ins"}


@dataclass(frozen=True)
class Operation:
    """A campaign reviewed at its end: what its lever cost and returned, against its target."""

    name: str
    objective_type: str  # one of OPERATION_TYPES
    segment: str
    lever: str
    budget: Decimal
    cost: Decimal
    participants: Decimal
    opt_ins: Decimal
    new_contacts: Decimal
    revenue: Decimal
    target: Decimal

    @property
    def result(self) -> Decimal:
        return getattr(self, RESULT_OF_TYPE.get(self.objective_type, "participants"))
