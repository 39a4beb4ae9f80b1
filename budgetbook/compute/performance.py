"""The performance report's figures, computed once in Python with the rules the formulas follow:
a ratio is blank when an input is blank or its denominator is zero, never an error.

Columns of a row: the opening month (the month before the period, for stocks), the period's
months, then "to date" (flows summed up to the report month, stocks at the report month) and
the change of the report month against the month before it: relative for an amount or a count,
in percentage points for a rate."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from budgetbook.compute.budget import BudgetFigures
from budgetbook.compute.review import Review, review_of
from budgetbook.model import STOCK_METRICS, Objective, Project, add_months

# Engagement before the vanity figures (likes), as the sources advise.
METRIC_ORDER = (
    "followers", "new_followers", "lost_followers", "reach", "impressions", "engagements",
    "comments", "shares", "saves", "likes", "clicks", "conversions", "revenue",
)  # fmt: skip
SPEND = "spend"
# The decimals a change is shown to, by whether it is in points: a tenth of a point (0.8),
# or of a percent (a fraction: 0.052). Its colour judges it as shown, in Python and in the
# sheet's rules.
CHANGE_DIGITS = {True: 1, False: 3}

Value = Decimal | None


@dataclass(frozen=True)
class KpiDefinition:
    """A KPI, once: its inputs, how it is worked out (its Python value here, its formula in
    the Performance sheet, both by ``kind``), its unit, and which way is better. Its names
    are in i18n/labels.py, by ``key``."""

    key: str
    inputs: tuple[str, ...]  # metric keys, or SPEND
    kind: str  # "ratio", "per_thousand", "roi", "growth", "unfollow"
    unit: str  # "percent", "money", "times"
    higher_is_better: bool = True  # a cost per click going down is good news

    @property
    def change_in_points(self) -> bool:
        """A rate moves in percentage points, as marketers read it (3.0 % to 3.8 % is
        +0.8 pt, not +26.7 %); an amount or a ratio in times moves relative to itself."""
        return self.unit == "percent"


KPIS = (
    KpiDefinition("engagement_rate", ("engagements", "reach"), "ratio", "percent"),
    KpiDefinition("ctr", ("clicks", "impressions"), "ratio", "percent"),
    KpiDefinition("cpc", (SPEND, "clicks"), "ratio", "money", higher_is_better=False),
    KpiDefinition("cpm", (SPEND, "impressions"), "per_thousand", "money", higher_is_better=False),
    KpiDefinition("conversion_rate", ("conversions", "clicks"), "ratio", "percent"),
    KpiDefinition(
        "cost_per_conversion", (SPEND, "conversions"), "ratio", "money", higher_is_better=False
    ),
    KpiDefinition("roas", ("revenue", SPEND), "ratio", "times"),
    KpiDefinition("roi", ("revenue", SPEND), "roi", "percent"),
    KpiDefinition("follower_growth", ("followers",), "growth", "percent"),
    KpiDefinition(
        "unfollow_rate", ("lost_followers", "followers"), "unfollow", "percent",
        higher_is_better=False,
    ),
)  # fmt: skip
BY_KEY = {kpi.key: kpi for kpi in KPIS}


def higher_is_better(key: str) -> bool | None:
    """Which way a row of a channel block is better: up for most metrics and KPIs, down for
    lost followers and the costs; None for the ad spend, neither good nor bad in itself."""
    if key == SPEND:
        return None
    if key in BY_KEY:
        return BY_KEY[key].higher_is_better
    return key != "lost_followers"


def change_in_points(key: str) -> bool:
    """Whether a row's month change is a difference in percentage points (the rates) rather
    than relative (the metrics, ad spend, the costs and ROAS)."""
    return key in BY_KEY and BY_KEY[key].change_in_points


def change_is_better(key: str, change: Value) -> bool | None:
    """The colour a month's change takes: True (better, green), False (worse, red), or None
    (plain: blank, unchanged as shown, or a row that is neither good nor bad). A change is
    judged as shown, to a tenth of a percent or of a point."""
    direction = higher_is_better(key)
    if change is None or direction is None:
        return None
    digits = CHANGE_DIGITS[change_in_points(key)]
    shown = change.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    if shown == 0:
        return None
    return (shown > 0) == direction


@dataclass(frozen=True)
class Row:
    """One row of a channel block: ``values`` holds the opening month then each month."""

    key: str  # a metric, SPEND, or a KPI key
    values: tuple[Value, ...]
    to_date: Value
    change: Value


@dataclass(frozen=True)
class ChannelBlock:
    channel: str
    metrics: list[Row]  # input rows, in METRIC_ORDER, then SPEND when the channel has lines
    kpis: list[Row]
    lines: list[str]  # budget lines whose channel this is


@dataclass(frozen=True)
class ObjectiveStatus:
    current: Value
    progress: Value
    expected: Decimal
    status: str  # "", "reached", "on track", "at risk"


@dataclass(frozen=True)
class Performance:
    opening_month: date
    report_month: int  # index into the period's months
    blocks: list[ChannelBlock]
    objectives: dict[str, ObjectiveStatus]
    review: Review  # of the project's operations, below the channels

    def block(self, channel: str) -> ChannelBlock | None:
        return next((b for b in self.blocks if b.channel.casefold() == channel.casefold()), None)


def compute_performance(project: Project, figures: BudgetFigures) -> Performance:
    period = project.config.period
    opening_month = add_months(period.start, -1)
    columns = [opening_month, *period.month_starts()]
    table: dict[tuple[str, str], list[Value]] = {}
    spellings: dict[str, str] = {}
    for objective in project.objectives:
        spellings.setdefault(objective.channel.casefold(), objective.channel)
    for value in project.kpis:
        if value.month not in columns:
            continue
        spellings.setdefault(value.channel.casefold(), value.channel)
        row = table.setdefault((value.channel.casefold(), value.metric), [None] * len(columns))
        row[columns.index(value.month)] = value.value
    lines_of: dict[str, list[str]] = {}
    for line in project.lines:
        if line.channel:
            spellings.setdefault(line.channel.casefold(), line.channel)
            lines_of.setdefault(line.channel.casefold(), []).append(line.name)
    months_with_data = [
        index - 1
        for row in table.values()
        for index, value in enumerate(row)
        if index and value is not None
    ]
    report = max(months_with_data, default=period.months - 1)

    blocks = []
    for key, channel in spellings.items():
        metrics = [m for m in METRIC_ORDER if (key, m) in table]
        if not metrics and key not in lines_of:
            continue
        rows = {m: _input_row(m, table[key, m], report) for m in metrics}
        if key in lines_of:
            spend = [None] + [
                sum((figures.lines[name].actual[m] for name in lines_of[key]), Decimal(0))
                for m in range(period.months)
            ]
            rows[SPEND] = _input_row(SPEND, spend, report)
        kpis = [_kpi_row(k, rows, report) for k in KPIS if all(i in rows for i in k.inputs)]
        blocks.append(ChannelBlock(channel, list(rows.values()), kpis, lines_of.get(key, [])))
    review = review_of(project.operations)
    performance = Performance(opening_month, report, blocks, {}, review)
    for objective in project.objectives:
        performance.objectives[objective.name] = _objective_status(
            objective, performance, period.start, period.month_starts()[report]
        )
    return performance


def _input_row(key: str, values: list[Value], report: int) -> Row:
    months = values[1 : report + 2]
    if key in STOCK_METRICS:
        to_date = values[report + 1]
    else:
        to_date = sum((v for v in months if v is not None), Decimal(0))
    return Row(key, tuple(values), to_date, change(values[report + 1], values[report]))


def change(this: Value, previous: Value) -> Value:
    if this is None or previous is None or previous == 0:
        return None
    return this / previous - 1


def point_change(this: Value, previous: Value) -> Value:
    """A rate's change in percentage points: from 0.030 to 0.038 is 0.8; from 0 too."""
    if this is None or previous is None:
        return None
    return (this - previous) * 100


def _kpi_row(kpi: KpiDefinition, rows: dict[str, Row], report: int) -> Row:
    compute = _COMPUTE[kpi.kind]
    inputs = [rows[name] for name in kpi.inputs]
    values: list[Value] = [None]  # no KPI for the opening month
    for column in range(1, len(inputs[0].values)):
        values.append(compute([row.values[column] for row in inputs], inputs, column))
    opening_inputs = [row.to_date for row in inputs]
    to_date = compute(opening_inputs, inputs, None)
    this, previous = values[report + 1], values[report]
    if kpi.change_in_points:
        return Row(kpi.key, tuple(values), to_date, point_change(this, previous))
    return Row(kpi.key, tuple(values), to_date, change(this, previous))


def _ratio(values: list[Value], rows: list[Row], column: int | None) -> Value:
    numerator, denominator = values
    if numerator is None or denominator is None or denominator == 0:
        return None
    return numerator / denominator


def _per_thousand(values: list[Value], rows: list[Row], column: int | None) -> Value:
    share = _ratio(values, rows, column)
    return None if share is None else share * 1000


def _roi(values: list[Value], rows: list[Row], column: int | None) -> Value:
    revenue, cost = values
    if revenue is None or cost is None or cost == 0:
        return None
    return (revenue - cost) / cost


def _previous(rows: list[Row], column: int | None) -> Value:
    """The followers before a column: the previous month, or for "to date" the opening."""
    followers = rows[-1]
    return followers.values[0] if column is None else followers.values[column - 1]


def _growth(values: list[Value], rows: list[Row], column: int | None) -> Value:
    return _ratio([_minus(values[0], _previous(rows, column)), _previous(rows, column)], rows, 0)


def _unfollow(values: list[Value], rows: list[Row], column: int | None) -> Value:
    return _ratio([values[0], _previous(rows, column)], rows, 0)


def _minus(a: Value, b: Value) -> Value:
    return None if a is None or b is None else a - b


_COMPUTE: dict[str, Callable[[list[Value], list[Row], int | None], Value]] = {
    "ratio": _ratio,
    "per_thousand": _per_thousand,
    "roi": _roi,
    "growth": _growth,
    "unfollow": _unfollow,
}


def _objective_status(
    objective: Objective, performance: Performance, start: date, report_month: date
) -> ObjectiveStatus:
    """Progress = (current - baseline) / (target - baseline); on track when it is at least the
    share of the time from the period's start to the deadline that has passed by the end of
    the report month."""
    block = performance.block(objective.channel)
    row = next((r for r in block.metrics if r.key == objective.metric), None) if block else None
    current = row.to_date if row is not None else None
    elapsed = Decimal((add_months(report_month, 1) - start).days)
    span = Decimal((objective.deadline - start).days + 1)
    expected = min(Decimal(1), max(Decimal(0), elapsed / span)) if span > 0 else Decimal(1)
    if current is None:
        return ObjectiveStatus(None, None, expected, "")
    progress = (current - objective.baseline) / (objective.target - objective.baseline)
    if progress >= 1:
        status = "reached"
    elif progress >= expected:
        status = "on track"
    else:
        status = "at risk"
    return ObjectiveStatus(current, progress, expected, status)
