"""Read channel metrics from the exports people already have (Meta Ads Manager, Google Ads,
LinkedIn Campaign Manager, Pinterest Ads, Microsoft Advertising, TikTok Ads Manager), summed
into budgetbook's canonical monthly metrics.

Each platform's layout, in each language, is a metric source declared in
`budgetbook.read.sources.ads`; this module finds an export's header among them and runs its
reader (`metric_rows`, over `metric_columns`, `metric_revenue` and `metric_period`). An export
is recognised from its header row, never from the file name, wherever its title lines put that
row. A column is either a metric, knowingly not read (names, settings, money, ratios), or
reported as a column not read: a column is never guessed.

A file is read whole or not at all: a row that cannot be read for sure (a figure that is not a
number, a row across two months, dates whose day and month cannot be told apart) makes the file
not read, each such row named, because its months' totals would be wrong without it. What is
left out of a file that is otherwise read is said too (``notes``): results that may be
conversions, a conversion value in another currency than the budget's.

Reach is summed like the other flows, so a month summed over days, campaigns or platforms
counts a person reached on two of them twice: an upper bound of the unique reach.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from budgetbook.errors import Problem
from budgetbook.i18n.messages import Plural
from budgetbook.model import KpiValue, Limits, MetricFileSettings, NotCounted
from budgetbook.read.actuals import UNREADABLE
from budgetbook.read.metric_columns import text_of
from budgetbook.read.metric_refusals import not_an_export
from budgetbook.read.metric_revenue import Rate
from budgetbook.read.metric_rows import ExportReader
from budgetbook.read.sources import METRIC_SOURCES, recognise
from budgetbook.read.sources.ads import PLATFORM_NAMES
from budgetbook.read.tables import DEFAULT_LIMITS, HEADER_SEARCH_ROWS, Table, read_table

KIND_NAMES = PLATFORM_NAMES  # "meta" -> "Meta Ads Manager", as the summary names the kinds


@dataclass(frozen=True)
class MetricExport:
    """What one platform export gave: monthly metrics, and what could not be taken from it."""

    file: str  # as shown to the user
    kind: str  # the platform: "meta", "google_ads", "linkedin", "pinterest", ...
    values: list[KpiValue]  # summed per (month, channel, metric), sorted
    unknown_columns: list[str]  # header names neither read nor knowingly left out
    # What keeps the file from being read for sure, each naming file, row, column, value:
    # a file with any is not read.
    problems: list[Problem]
    # What was left out of a file that is otherwise read, and why.
    notes: list[Problem] = field(default_factory=list)
    language: str = "en"  # of its headers


def detect_export(header: list[str]) -> str | None:
    """Which platform a header row belongs to: "meta", "google_ads", ..., or None."""
    source = recognise([text_of(cell) for cell in header], METRIC_SOURCES)
    return None if source is None else source.platform


def read_metric_export(
    path: Path,
    shown_as: str,
    settings: MetricFileSettings | None = None,
    limits: Limits = DEFAULT_LIMITS,
    currency: str | None = None,
    rate: Rate | None = None,
) -> MetricExport:
    """Read one export; raise InputErrors when it is none of the metric sources' layouts (or
    UnreadableFile when it is no table at all). ``settings``: what budgetbook.toml says of
    it; ``currency``: the budget's, which a conversion value is brought to with ``rate`` (what
    one unit of a currency is worth in the budget's in a month, None when no rate is given)."""
    table = read_table(path, shown_as, limits=limits)
    lines = [table.header, *(row for _, row in table.rows)]
    numbers = [None, *(number for number, _ in table.rows)]
    found = next(
        (
            (index, header, source)
            for index, header in enumerate(
                [text_of(cell) for cell in row] for row in lines[:HEADER_SEARCH_ROWS]
            )
            if (source := recognise(header, METRIC_SOURCES)) is not None
        ),
        None,
    )
    if found is None:
        raise not_an_export(shown_as, table.header)
    index, header, source = found
    width = len(header)
    rows = [
        (number, row if len(row) >= width else [*row, *[""] * (width - len(row))])
        for number, row in zip(numbers[index + 1 :], lines[index + 1 :], strict=True)
    ]
    title_lines = [[text_of(cell) for cell in line if text_of(cell)] for line in lines[:index]]
    data = Table(shown_as, header, rows, table.sha256, table.delimiter)
    reader = ExportReader(data, source, title_lines, settings, currency, rate)
    values = reader.values()
    return MetricExport(
        shown_as,
        source.platform,
        values,
        reader.columns.unknown,
        reader.problems,
        reader.notes,
        source.language,
    )


LISTED_PROBLEMS = 5  # of a file not read, the problems listed; the others are counted


class Where(str):
    """Why a file was not read, and where in it: a problem's row, column and value, message and
    hint, in any language, without the file's name, which is shown beside it."""

    problem: Problem

    def __new__(cls, problem: Problem) -> Where:
        text = super().__new__(cls, _located(problem, "en"))
        text.problem = problem
        return text

    def __reduce__(self):
        return Where, (self.problem,)

    def in_language(self, language: str) -> str:
        return _located(self.problem, language)


def _located(problem: Problem, language: str) -> str:
    shown = problem.in_language(language)
    for separator in (", ", " : ", ": "):
        if shown.startswith(problem.file + separator):
            return shown[len(problem.file) + len(separator) :]
    return shown


def not_read(problems: list[Problem]) -> list[NotCounted]:
    """A file left out for ``problems``: each listed, with its row, column and value, up to a
    few; the rest counted in one more item."""
    items = [
        NotCounted(problem.file, problem.row, UNREADABLE, Where(problem), "", None)
        for problem in problems[:LISTED_PROBLEMS]
    ]
    if len(problems) > LISTED_PROBLEMS:
        more = Plural(
            "{n:,} more row of the file cannot be read, like those listed.",
            "{n:,} more rows of the file cannot be read, like those listed.",
            n=len(problems) - LISTED_PROBLEMS,
        )
        items.append(NotCounted(problems[0].file, None, UNREADABLE, more, "", None))
    return items
