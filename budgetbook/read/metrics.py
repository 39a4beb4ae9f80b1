"""Read channel metrics from the exports people already have (Meta Ads Manager, Google Ads,
LinkedIn Campaign Manager, Pinterest Ads, Microsoft Advertising, TikTok Ads Manager), summed
into budgetbook's canonical monthly metrics.

Each platform's layout, in each language, is a metric source declared in
`budgetbook.read.sources.ads`; this module runs those declarations. An export is recognised
from its header row, never from the file name, wherever its title lines put that row. A column
is either a metric, knowingly not read (names, settings, money, ratios), or reported as a
column not read: a column is never guessed.

A file is read whole or not at all: a row that cannot be read for sure (a figure that is not a
number, a row across two months, dates whose day and month cannot be told apart) makes the file
not read, each such row named, because its months' totals would be wrong without it. What is
left out of a file that is otherwise read is said too (``notes``): results that may be
conversions, a conversion value in another currency than the budget's.

Reach is summed like the other flows, so a month summed over days, campaigns or platforms
counts a person reached on two of them twice: an upper bound of the unique reach.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from budgetbook.errors import Problem
from budgetbook.i18n.messages import Text
from budgetbook.model import METRICS, KpiValue, Limits, MetricFileSettings, NotCounted
from budgetbook.read.actuals import UNREADABLE
from budgetbook.read.metric_period import incomplete_notes, month_of, report_period
from budgetbook.read.metric_refusals import (
    channel_not_used,
    no_channel,
    no_month,
    not_an_export,
    revenue_currencies_unknown,
    several_months,
)
from budgetbook.read.sources import METRIC_SOURCES, MetricSource, normalise_header, recognise
from budgetbook.read.sources.ads import PLATFORM_NAMES
from budgetbook.read.sources.ads.base import CONVERSION_KINDS, header_unit, metric_key
from budgetbook.read.sources.ads.meta import result_kind
from budgetbook.read.tables import DEFAULT_LIMITS, HEADER_SEARCH_ROWS, Table, read_table
from budgetbook.read.values import (
    TOTAL_ROW,
    day_first_proof,
    detect_decimal_comma,
    parse_amount,
)

KIND_NAMES = PLATFORM_NAMES  # "meta" -> "Meta Ads Manager", as the summary names the kinds
PLATFORMS = {
    "facebook": "Facebook",
    "instagram": "Instagram",
    "messenger": "Messenger",
    "audience network": "Audience Network",
    "threads": "Threads",
    "whatsapp": "WhatsApp",
}  # A report without a date column names campaigns in its first column: only "Total" alone or
# "Total: Account" (Google's "Total : compte") is a total there.
TOTAL_LABEL = re.compile(r"^\s*(sous[- ]?)?total\s*(:.*)?$", re.IGNORECASE)
FOOTER_ROW = re.compile(r"^\s*[©@]\s*\d{4}\s+microsoft", re.IGNORECASE)
SUMMARY_LABELS = {"results", "resultats", "summary", "resume", "totaux", "grand total"}
NO_VALUE = {"", "--", "-", "—", "–"}  # Google Ads writes " --" for none
RATIO_FIRST_WORDS = {
    "avg", "average", "averagecpc", "averagecpm", "averageposition", "taux", "frequency",
    "frequence", "repetition", "cost", "cout", "couts", "costperconversion", "conversionrate",
}  # fmt: skip  # "Cost per result", "Cost / conv."; "Cost" alone is spend
RATIO_LAST_WORDS = {"rate", "share", "ranking", "moy", "ratio", "cvr"}
RATIO_WORDS = {"ctr", "cpc", "cpm", "cpv", "cpp", "cpa", "ecpc", "ecpm", "roas", "returnonadspend"}
RATIO_STARTS = ("return on", "value conv", "conv value cost", "valeur de conv cout")
_AMBIGUOUS_DAY = re.compile(r"\s*(\d{1,2})[/.\-](\d{1,2})[/.\-]\d{2,4}\b.*")


Rate = Callable[[str, date], "Decimal | None"]  # (currency, first of month) -> rate, or None


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
    source = recognise([_text(cell) for cell in header], METRIC_SOURCES)
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
                [_text(cell) for cell in row] for row in lines[:HEADER_SEARCH_ROWS]
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
    title_lines = [[_text(cell) for cell in line if _text(cell)] for line in lines[:index]]
    data = Table(shown_as, header, rows, table.sha256)
    return _Reader(data, source, title_lines, settings, currency, rate).read()


def _is_ratio(title: str, key: str) -> bool:
    """Rates, averages and costs per something: derived, never summed."""
    words = key.split()
    return (
        "%" in title
        or not words
        or words[0] in RATIO_FIRST_WORDS
        or words[-1] in RATIO_LAST_WORDS
        or bool(RATIO_WORDS & set(words))
        or key.startswith(RATIO_STARTS)
    )


def _text(cell: object) -> str:
    return "" if cell is None else str(cell).strip()


def _first_index(keys: list[str], wanted: Iterable[str]) -> int | None:
    return next((keys.index(name) for name in wanted if name in keys), None)


class _Reader:
    """One export's columns sorted into roles by its source, then its rows summed by month
    and channel."""

    def __init__(
        self,
        table: Table,
        source: MetricSource,
        title_lines: list[list[str]],
        settings: MetricFileSettings | None,
        currency: str | None,
        rate: Rate | None = None,
    ):
        self.table, self.source, self.title_lines = table, source, title_lines
        self.settings, self.currency, self.rate = settings, currency, rate
        self.problems: list[Problem] = []
        self.notes: list[Problem] = []
        keys = [metric_key(title) for title in table.header]
        # A column naming one day wins over the first day of a range; a range's last day is
        # read only beside its first.
        self.day = _first_index(keys, source.single_day)
        self.end = None if self.day is not None else _first_index(keys, source.end)
        if self.day is None:
            self.day = _first_index(keys, source.day)
        self.month = _first_index(keys, source.month)
        self.platform = _first_index(keys, source.platforms)
        self.currency_column = _first_index(keys, source.currency)
        indicator = _first_index(keys, source.indicator)
        results = _first_index(keys, source.results)
        self.indicator = indicator if results is not None else None
        self.results = results if indicator is not None else None
        self.names = [i for i, key in enumerate(keys) if key in source.names]
        present = set(keys)
        # Of headers counting one thing, the first present is read, the others restate it.
        restated = {key for group in source.same for key in [k for k in group if k in present][1:]}
        self.conversion_columns: dict[str, int] = {}
        for kind in CONVERSION_KINDS:
            found = [key for key in source.conversions.get(kind, ()) if key in present]
            if found:
                self.conversion_columns[kind] = keys.index(found[0])
                restated |= set(found[1:])
        roles = {
            self.day, self.end, self.month, self.platform, self.results, self.indicator,
            self.currency_column, *self.conversion_columns.values(),
        }  # fmt: skip
        self.metrics: list[tuple[int, str]] = []
        overlaps: list[tuple[int, str]] = []
        unknown: list[int] = []
        for index, (title, key) in enumerate(zip(table.header, keys, strict=True)):
            if index in roles or not title or key in restated or key in source.indicator:
                continue
            if key in source.metrics:
                self.metrics.append((index, source.metrics[key]))
            elif key in source.overlaps:
                overlaps.append((index, source.overlaps[key]))
            elif key not in source.ignored and not _is_ratio(title, key):
                unknown.append(index)
        self._revenue_currency()
        read = {metric for _, metric in self.metrics}
        if self.conversion_columns or self.results is not None:
            read.add("conversions")
        unknown += [index for index, metric in overlaps if metric not in read]
        self.unknown = list(dict.fromkeys(table.header[i] for i in sorted(unknown)))
        self.when = self.day if self.day is not None else self.month
        cells = [row[i] for _, row in table.rows for i, _ in self.metrics]
        cells += [row[i] for _, row in table.rows for i in self.conversion_columns.values()]
        told = detect_decimal_comma(cells)
        self.decimal_comma = source.decimal_comma if told is None else told
        self.day_first = self._day_first()
        self.seen_indicators: set[str] = set()
        self.uncertain: set[tuple[date, str]] = set()  # conversions not counted

    # --- the file as a whole -----------------------------------------------------------------

    def _revenue_currency(self) -> None:
        """The currency of the conversion value: each row's, from a column of currencies, or
        the file's, from a header's unit (``Amount spent (AUD)``); None: the budget's. A value
        in another currency is converted at the project's rate for its month, and without one
        is not counted (`_converted`)."""
        units = {unit for title in self.table.header if (unit := header_unit(title))}
        self.file_currency = next(iter(units)) if len(units) == 1 else None
        if len(units) > 1:  # a file naming two currencies in its headers: which is which?
            self._drop_revenue(sorted(units))
        self.converted: dict[str, set[date]] = {}  # currency -> months converted
        self.no_rate: dict[tuple[date, str], str] = {}  # (month, channel) -> currency

    def _drop_revenue(self, currencies: list[str]) -> None:
        revenue = [index for index, metric in self.metrics if metric == "revenue"]
        if not revenue:
            return
        self.metrics = [(i, metric) for i, metric in self.metrics if metric != "revenue"]
        column = self.table.header[revenue[0]]
        self.notes.append(revenue_currencies_unknown(self.table.file, currencies, column))

    def _row_currency(self, row: list[object]) -> str | None:
        if self.currency_column is not None:
            text = _text(row[self.currency_column]).upper()
            if re.fullmatch(r"[A-Z]{3}", text):
                return text
        return self.file_currency

    def _converted(
        self, number: int, row: list[object], month: date, channel: str, revenue: Decimal
    ) -> Decimal | None:
        """A row's conversion value in the budget's currency; None when it is in another one
        the project gives no rate for in its month, which leaves the month's revenue of the
        channel uncounted (`read`), said once per currency and month."""
        code = self._row_currency(row)
        if code is None or self.currency is None or code == self.currency:
            return revenue
        rate = self.rate(code, month) if self.rate else None
        if rate is not None:
            self.converted.setdefault(code, set()).add(month)
            return revenue * rate
        if (month, channel) not in self.no_rate:
            self.no_rate[month, channel] = code
            column = next(i for i, metric in self.metrics if metric == "revenue")
            self.notes.append(
                Problem(
                    self.table.file,
                    Text(
                        "its conversion value is in {code}, and budgetbook.toml gives no rate"
                        " for {code} in {month}: the revenue of {channel} in {month} is not"
                        " counted (its other figures are).",
                        code=code,
                        month=f"{month:%Y-%m}",
                        channel=channel,
                    ),
                    row=number,
                    column=self.table.header[column],
                    value=_text(row[column]),
                    hint=Text(
                        "Add what one {code} is worth in {currency} under [currency.rates], e.g."
                        " {code} = 0.92.",
                        code=code,
                        currency=self.currency,
                    ),
                )
            )
        return None

    def _day_first(self) -> bool:
        """The source's order of numeric dates; where it declares none, the order a day
        above 12 proves. Dates that read both ways with no proof make the file not read."""
        if self.source.day_first is not None:
            return self.source.day_first
        columns = [i for i in (self.day, self.end, self.month) if i is not None]
        for _, row in self.table.rows:
            for i in columns:
                if (proof := day_first_proof(row[i])) is not None:
                    return proof
        for number, row in self.table.rows:
            for i in columns:
                match = _AMBIGUOUS_DAY.fullmatch(_text(row[i]))
                if match and match[1] != match[2]:
                    self._problem(
                        number,
                        Text(
                            "this date reads as two different days, day first and month"
                            " first, and no other date of the file tells which it is."
                        ),
                        i,
                        row,
                        Text("Export the dates as 2026-10-31, or with the month in words."),
                    )
                    return True
        return True

    def _file_month(self) -> date | None:
        """A report without a date column counts for the one month its title lines give; one
        across several months, or with no period, cannot be put in months: not read."""
        lines = self.title_lines
        if self.source.period_lines and (period := report_period(lines, self.day_first)):
            (first, first_text), (last, last_text) = period
            if (first.year, first.month) == (last.year, last.month) and first <= last:
                return first.replace(day=1)
            self.problems.append(
                several_months(self.table.file, self.source, first_text, last_text)
            )
            return None
        self.problems.append(no_month(self.table.file, self.source))
        return None

    def _file_channel(self) -> str | None:
        """The channel of rows that do not name their platform: the file's setting, else the
        source's; a Meta export without a Platform column has none, and is not read."""
        setting = self.settings.channel if self.settings else None
        if self.platform is not None:
            if setting:
                column = self.table.header[self.platform]
                self.notes.append(channel_not_used(self.table.file, setting, column))
            return None
        if setting or self.source.channel:
            return setting or self.source.channel
        self.problems.append(no_channel(self.table.file, self.source))
        return None

    def read(self) -> MetricExport:
        source = self.source
        file_month = self._file_month() if self.when is None else None
        channel = self._file_channel()
        self.notes += incomplete_notes(self.table.file, self.title_lines)
        totals: dict[tuple[date, str, str], Decimal] = {}
        if not self.problems:
            for number, row in self.table.rows:
                taken = self._row(number, row, file_month, channel)
                if taken is None:
                    continue
                month, row_channel, figures = taken
                for metric, value in figures.items():
                    key = (month, row_channel, metric)
                    totals[key] = totals.get(key, Decimal(0)) + value
        for month, row_channel in self.uncertain:
            totals.pop((month, row_channel, "conversions"), None)
        for month, row_channel in self.no_rate:
            totals.pop((month, row_channel, "revenue"), None)
        if self.converted:
            cent = Decimal("0.01")
            for key in totals:
                if key[2] == "revenue":
                    totals[key] = totals[key].quantize(cent)
            for code, months in sorted(self.converted.items()):
                self.notes.append(
                    Problem(
                        self.table.file,
                        Text(
                            "its conversion value in {code} is counted in {currency}, at the"
                            " rates of [currency.rates] ({months}).",
                            code=code,
                            currency=self.currency,
                            months=", ".join(f"{m:%Y-%m}" for m in sorted(months)),
                        ),
                    )
                )
        values = [
            KpiValue(month, row_channel, metric, value, self.table.file)
            for (month, row_channel, metric), value in sorted(
                totals.items(), key=lambda item: (*item[0][:2], METRICS.index(item[0][2]))
            )
        ]
        if self.problems:
            values = []
        return MetricExport(
            self.table.file,
            source.platform,
            values,
            self.unknown,
            self.problems,
            self.notes,
            source.language,
        )

    # --- rows ----------------------------------------------------------------------------

    def _problem(
        self, number: int, message: Text, column: int | None, row: list[object], hint: Text | None
    ) -> None:
        self.problems.append(
            Problem(
                self.table.file,
                message,
                row=number,
                column=None if column is None else self.table.header[column],
                value=None if column is None else _text(row[column]),
                hint=hint,
            )
        )

    def _is_summary(self, row: list[object]) -> bool:
        """A total, summary or footer row: ``Total: Account``, ``Total``, ``Résultats`` in
        place of the date or first when there is none (a campaign may be called "Total..."),
        Microsoft's copyright line, or a Meta summary row, which keeps the dates but names no
        campaign, ad set, ad or platform."""
        first = next((_text(cell) for cell in row if _text(cell)), "")
        if FOOTER_ROW.match(first):
            return True
        if self.when is None:
            labelled = TOTAL_LABEL.match(first) or normalise_header(first) in SUMMARY_LABELS
            return bool(labelled) or not first
        labelled = TOTAL_ROW.match(first) or normalise_header(first) in SUMMARY_LABELS
        if labelled and _text(row[self.when]) in ("", first):
            return True
        return bool(self.names) and not any(_text(row[i]) for i in self.names)

    def _row(
        self, number: int, row: list[object], file_month: date | None, channel: str | None
    ) -> tuple[date, str, dict[str, Decimal]] | None:
        """A row's month, channel and figures; None when it is a summary, or (with a problem)
        when it cannot be read for sure."""
        if self._is_summary(row):
            return None
        if self.table.overflow(row):
            self._problem(
                number,
                Text(
                    "this row has more cells than the header's {count} columns (an unquoted"
                    " separator inside a value?).",
                    count=len(self.table.header),
                ),
                None,
                row,
                Text("Export the file again as it comes from the platform."),
            )
            return None
        month = file_month if self.when is None else self._month(number, row, self.when)
        row_channel = channel if self.platform is None else self._channel(number, row)
        figures: dict[str, Decimal] = {}
        columns = [*self.metrics, *((i, "conversions") for i in self.conversion_columns.values())]
        readable = True
        for index, metric in columns:
            value = self._number(number, row, index)
            if value is False:
                readable = False
            elif value is not None:
                figures[metric] = figures.get(metric, Decimal(0)) + value
        if month is None or row_channel is None or not readable:
            return None
        if "revenue" in figures:
            converted = self._converted(number, row, month, row_channel, figures["revenue"])
            if converted is None:
                del figures["revenue"]
            else:
                figures["revenue"] = converted
        results = self._results(number, row, month, row_channel)
        if results is not None:
            figures["conversions"] = figures.get("conversions", Decimal(0)) + results
        return month, row_channel, figures

    def _number(self, number: int, row: list[object], index: int) -> Decimal | bool | None:
        """A figure; None for an empty cell; False, with a problem, for one not a number."""
        if _text(row[index]) in NO_VALUE:
            return None
        try:
            return parse_amount(row[index], self.decimal_comma)
        except ValueError:
            self._problem(
                number,
                Text("is not a number."),
                index,
                row,
                Text("Correct the figure, or leave the cell empty when there is none."),
            )
            return False

    def _month(self, number: int, row: list[object], index: int) -> date | None:
        hint = Text("Export it with a day or month column ({how}).", how=self.source.breakdown)
        if not _text(row[index]):
            self._problem(
                number, Text("the row has no date, so its month is unknown."), index, row, hint
            )
            return None
        try:
            first = month_of(row[index], self.day_first)
        except ValueError:
            self._problem(
                number,
                Text("is not a date or a month."),
                index,
                row,
                Text(
                    "Dates are read like 2026-10-31, 31/10/2026 or Oct 31, 2026; months like"
                    " October 2026 or 2026-10."
                ),
            )
            return None
        if self.end is None or not _text(row[self.end]):
            return first
        try:
            last = month_of(row[self.end], self.day_first)
        except ValueError:
            self._problem(number, Text("is not a date."), self.end, row, None)
            return None
        if last != first:
            self._problem(
                number,
                Text(
                    "this row covers {first} to {last}, more than one month, and its figures"
                    " cannot be split between months.",
                    first=_text(row[index]),
                    last=_text(row[self.end]),
                ),
                self.end,
                row,
                hint,
            )
            return None
        return first

    def _channel(self, number: int, row: list[object]) -> str | None:
        text = _text(row[self.platform])
        if not text:
            self._problem(
                number,
                Text("the platform is empty, so the channel is unknown."),
                self.platform,
                row,
                Text("Export with the breakdown by platform for every row, or without it."),
            )
            return None
        return PLATFORMS.get(normalise_header(text), text)

    def _results(self, number: int, row: list[object], month: date, channel: str) -> Decimal | None:
        """Meta's Results as conversions, when the row's indicator says they are and the file
        has no column of their kind; results that may or may not be conversions leave the
        month's conversions of the channel uncounted (`read`), said once per indicator."""
        if self.results is None or self.indicator is None or _text(row[self.results]) in NO_VALUE:
            return None
        indicator = _text(row[self.indicator])
        kind = result_kind(indicator)
        if kind == "" or kind in self.conversion_columns:
            return None  # not a conversion, or counted from its own column
        if kind is None:
            value = self._number(number, row, self.results)
            if not value:
                return None
            self.uncertain.add((month, channel))
            if indicator not in self.seen_indicators:  # once per indicator, not on every row
                self.seen_indicators.add(indicator)
                self.notes.append(
                    Problem(
                        self.table.file,
                        Text(
                            "budgetbook cannot tell whether the results of rows with this"
                            " indicator are conversions, so the conversions of their month and"
                            " channel are not counted (the rows' other figures are)."
                        ),
                        row=number,
                        column=self.table.header[self.indicator],
                        value=indicator,
                        hint=Text(
                            "Export the Purchases, Leads or Registrations completed columns, or"
                            " add those conversions to kpis.csv by hand."
                        ),
                    )
                )
            return None
        value = self._number(number, row, self.results)
        return value if isinstance(value, Decimal) else None


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
        more = Text(
            "{count} more rows of the file cannot be read, like those listed.",
            count=len(problems) - LISTED_PROBLEMS,
        )
        items.append(NotCounted(problems[0].file, None, UNREADABLE, more, "", None))
    return items
