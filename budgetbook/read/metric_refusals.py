"""Why an ad-platform export is not read as a whole, or what of it is left out: no metric
source's header, no month for its rows, no channel, a channel setting not used, a revenue in
unknown currencies. A row's own problems are the reader's (`metrics`)."""

from __future__ import annotations

from budgetbook.errors import InputErrors, Problem
from budgetbook.i18n.messages import Text
from budgetbook.read.sources import METRIC_SOURCES, MetricSource


def not_an_export(shown_as: str, header: list[object]) -> InputErrors:
    """A file none of whose first rows is the header of a metric source's report."""
    titles = [title for title in header if title]
    first = ", ".join(titles[:8]) + (", ..." if len(titles) > 8 else "")
    names = ", ".join(dict.fromkeys(s.name for s in METRIC_SOURCES))
    return InputErrors(
        [
            Problem(
                shown_as,
                Text(
                    "is not an export budgetbook can read metrics from: none of its first"
                    " rows is the header of a report of {platforms} (its first row reads:"
                    " {first}).",
                    platforms=names,
                    first=first,
                ),
                hint=Text(
                    "Export the campaign report from the ad platform as it comes (CSV or"
                    " .xlsx), or write the metrics in kpis.csv."
                ),
            )
        ]
    )


def several_months(file: str, source: MetricSource, first: str, last: str) -> Problem:
    """A report without a date column whose title lines give a period across months."""
    return Problem(
        file,
        Text(
            "this {kind} report covers {first} to {last}, several months, and has"
            " no column giving each row's day or month, so its figures cannot be"
            " put in months.",
            kind=source.name,
            first=first,
            last=last,
        ),
        hint=Text(
            "Download it by month: one report a month, or segmented by day or month ({how}).",
            how=source.breakdown,
        ),
    )


def no_month(file: str, source: MetricSource) -> Problem:
    """A report without a date column, and (where its source writes title lines) no period
    in them."""
    name = source.name
    message = (
        Text(
            "this {kind} export has no column giving each row's day or month, and its"
            " title lines give no period, so its figures cannot be put in months.",
            kind=name,
        )
        if source.period_lines
        else Text(
            "this {kind} export has no column giving each row's day or month, so its"
            " figures cannot be put in months.",
            kind=name,
        )
    )
    hint = Text("Export it with a day or month column ({how}).", how=source.breakdown)
    return Problem(file, message, hint=hint)


def channel_not_used(file: str, channel: str, column: str) -> Problem:
    """A channel set in budgetbook.toml for an export whose rows name their platform."""
    return Problem(
        file,
        Text(
            "its rows name their platform, which is their channel: the"
            " channel {channel} set for it in budgetbook.toml is not used.",
            channel=channel,
        ),
        column=column,
    )


def no_channel(file: str, source: MetricSource) -> Problem:
    """An export with no platform column, no channel of its source, and none set for it."""
    shown = file.split("/", 1)[-1]
    return Problem(
        file,
        Text(
            "this {kind} export has no {column} column, so budgetbook cannot tell which"
            " channel its rows are: Facebook, Instagram, or another of Meta's"
            " platforms.",
            kind=source.name,
            column=source.platforms[0].title() if source.platforms else "",
        ),
        hint=Text(
            'Name its channel in budgetbook.toml: [[metrics.sources]] files = "{file}"'
            ' and channel = "Instagram" (or "Facebook"), or export it with the'
            " breakdown by platform.",
            file=shown,
        ),
    )


def revenue_currencies_unknown(file: str, currencies: list[str], column: str) -> Problem:
    """An export whose headers name several currencies: its revenue is left out."""
    return Problem(
        file,
        Text(
            "its headers name several currencies ({currencies}), so the currency of"
            " its conversion value is unknown: its revenue is not counted (its other"
            " figures are).",
            currencies=", ".join(currencies),
        ),
        column=column,
        hint=Text("Export it in one currency, or write the revenue in kpis.csv."),
    )
