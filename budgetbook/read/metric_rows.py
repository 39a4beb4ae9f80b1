"""An ad-platform export's rows read one by one and summed by month, channel and metric: each
row's month (its day's, its month's, or the one its file's title lines give), its channel (its
platform's, or the file's), its figures, and Meta's results that are conversions; total,
summary and footer rows left out. A row that cannot be read for sure is a problem, and a file
with any is not read (`budgetbook.read.metrics`)."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from budgetbook.errors import Problem
from budgetbook.i18n.messages import Text
from budgetbook.model import METRICS, KpiValue, MetricFileSettings
from budgetbook.read.metric_columns import ExportColumns, text_of
from budgetbook.read.metric_period import incomplete_notes, month_of, report_period
from budgetbook.read.metric_refusals import (
    channel_not_used,
    no_channel,
    no_month,
    revenue_currencies_unknown,
    several_months,
)
from budgetbook.read.metric_revenue import Rate, RevenueConversion
from budgetbook.read.sources import MetricSource, normalise_header
from budgetbook.read.sources.ads.meta import result_kind
from budgetbook.read.tables import Table
from budgetbook.read.values import TOTAL_ROW, day_first_proof, detect_decimal_comma, parse_amount

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
_AMBIGUOUS_DAY = re.compile(r"\s*(\d{1,2})[/.\-](\d{1,2})[/.\-]\d{2,4}\b.*")


class ExportReader:
    """One export's rows, its columns sorted into their parts by its source (`ExportColumns`),
    summed by month and channel (`values`); ``problems`` keep the file from being read, and
    ``notes`` say what was left out of it."""

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
        self.settings = settings
        self.problems: list[Problem] = []
        self.notes: list[Problem] = []
        self.columns = columns = ExportColumns(table.header, source)
        if columns.revenue_currencies is not None:
            currencies, column = columns.revenue_currencies
            self.notes.append(revenue_currencies_unknown(table.file, currencies, column))
        self.revenue = RevenueConversion(table, columns, currency, rate, self.notes)
        cells = [row[i] for _, row in table.rows for i, _ in columns.metrics]
        cells += [row[i] for _, row in table.rows for i in columns.conversions.values()]
        detected = detect_decimal_comma(cells)
        self.decimal_comma = source.decimal_comma if detected is None else detected
        self.day_first = self._day_first()
        self.seen_indicators: set[str] = set()
        self.uncertain: set[tuple[date, str]] = set()  # conversions not counted

    # --- the file as a whole -----------------------------------------------------------------

    def _day_first(self) -> bool:
        """The source's order of numeric dates; where it declares none, the order a day
        above 12 proves. Dates that read both ways with no proof make the file not read."""
        if self.source.day_first is not None:
            return self.source.day_first
        date_columns = [
            i for i in (self.columns.day, self.columns.end, self.columns.month) if i is not None
        ]
        for _, row in self.table.rows:
            for i in date_columns:
                if (proof := day_first_proof(row[i])) is not None:
                    return proof
        for number, row in self.table.rows:
            for i in date_columns:
                match = _AMBIGUOUS_DAY.fullmatch(text_of(row[i]))
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
        if self.columns.platform is not None:
            if setting:
                column = self.table.header[self.columns.platform]
                self.notes.append(channel_not_used(self.table.file, setting, column))
            return None
        if setting or self.source.channel:
            return setting or self.source.channel
        self.problems.append(no_channel(self.table.file, self.source))
        return None

    def values(self) -> list[KpiValue]:
        """The export's figures summed by month, channel and metric, in that order; none when
        a problem keeps the file from being read."""
        file_month = self._file_month() if self.columns.when is None else None
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
        self.revenue.settle(totals)
        values = [
            KpiValue(month, row_channel, metric, value, self.table.file)
            for (month, row_channel, metric), value in sorted(
                totals.items(), key=lambda item: (*item[0][:2], METRICS.index(item[0][2]))
            )
        ]
        return [] if self.problems else values

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
                value=None if column is None else text_of(row[column]),
                hint=hint,
            )
        )

    def _is_summary(self, row: list[object]) -> bool:
        """A total, summary or footer row: ``Total: Account``, ``Total``, ``Résultats`` in
        place of the date or first when there is none (a campaign may be called "Total..."),
        Microsoft's copyright line, or a Meta summary row, which keeps the dates but names no
        campaign, ad set, ad or platform."""
        first = next((text_of(cell) for cell in row if text_of(cell)), "")
        if FOOTER_ROW.match(first):
            return True
        if self.columns.when is None:
            labelled = TOTAL_LABEL.match(first) or normalise_header(first) in SUMMARY_LABELS
            return bool(labelled) or not first
        labelled = TOTAL_ROW.match(first) or normalise_header(first) in SUMMARY_LABELS
        if labelled and text_of(row[self.columns.when]) in ("", first):
            return True
        return bool(self.columns.names) and not any(text_of(row[i]) for i in self.columns.names)

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
        month = (
            file_month if self.columns.when is None else self._month(number, row, self.columns.when)
        )
        row_channel = channel if self.columns.platform is None else self._channel(number, row)
        figures: dict[str, Decimal] = {}
        figure_columns = [
            *self.columns.metrics,
            *((i, "conversions") for i in self.columns.conversions.values()),
        ]
        readable = True
        for index, metric in figure_columns:
            value = self._number(number, row, index)
            if value is False:
                readable = False
            elif value is not None:
                figures[metric] = figures.get(metric, Decimal(0)) + value
        if month is None or row_channel is None or not readable:
            return None
        if "revenue" in figures:
            converted = self.revenue.value(number, row, month, row_channel, figures["revenue"])
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
        if text_of(row[index]) in NO_VALUE:
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
        if not text_of(row[index]):
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
        if self.columns.end is None or not text_of(row[self.columns.end]):
            return first
        try:
            last = month_of(row[self.columns.end], self.day_first)
        except ValueError:
            self._problem(number, Text("is not a date."), self.columns.end, row, None)
            return None
        if last != first:
            self._problem(
                number,
                Text(
                    "this row covers {first} to {last}, more than one month, and its figures"
                    " cannot be split between months.",
                    first=text_of(row[index]),
                    last=text_of(row[self.columns.end]),
                ),
                self.columns.end,
                row,
                hint,
            )
            return None
        return first

    def _channel(self, number: int, row: list[object]) -> str | None:
        text = text_of(row[self.columns.platform])
        if not text:
            self._problem(
                number,
                Text("the platform is empty, so the channel is unknown."),
                self.columns.platform,
                row,
                Text("Export with the breakdown by platform for every row, or without it."),
            )
            return None
        return PLATFORMS.get(normalise_header(text), text)

    def _results(self, number: int, row: list[object], month: date, channel: str) -> Decimal | None:
        """Meta's Results as conversions, when the row's indicator says they are and the file
        has no column of their kind; results that may or may not be conversions leave the
        month's conversions of the channel uncounted (`values`), said once per indicator."""
        if (
            self.columns.results is None
            or self.columns.indicator is None
            or text_of(row[self.columns.results]) in NO_VALUE
        ):
            return None
        indicator = text_of(row[self.columns.indicator])
        kind = result_kind(indicator)
        if kind == "" or kind in self.columns.conversions:
            return None  # not a conversion, or counted from its own column
        if kind is None:
            value = self._number(number, row, self.columns.results)
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
                        column=self.table.header[self.columns.indicator],
                        value=indicator,
                        hint=Text(
                            "Export the Purchases, Leads or Registrations completed columns, or"
                            " add those conversions to kpis.csv by hand."
                        ),
                    )
                )
            return None
        value = self._number(number, row, self.columns.results)
        return value if isinstance(value, Decimal) else None
