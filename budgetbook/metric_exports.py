"""Read channel metrics from the exports people already have: Meta Ads Manager, Google Ads and
LinkedIn Campaign Manager reports, summed into budgetbook's canonical monthly metrics.

Each export names its columns its own way, in English or French, with its own title lines and
number formats; the export is recognised from its header row, never from the file name. A column
is either mapped to a metric, knowingly ignored (names, settings, dimensions, money, ratios), or
reported as unknown: a column is never guessed. Spend is not read here: it comes from the
budget's Actuals. Reach is summed like the other flows, so a month summed over days, campaigns or
platforms counts a person reached on two of them twice: an upper bound of the unique reach.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from budgetbook.actuals import TOTAL_ROW, normalise_header
from budgetbook.errors import InputErrors, Problem
from budgetbook.messages import Text
from budgetbook.model import METRICS, KpiValue, Limits
from budgetbook.tables import DEFAULT_LIMITS, Table, read_table
from budgetbook.values import (
    MONTH_NAMES,
    detect_day_first,
    detect_decimal_comma,
    parse_amount,
    parse_date,
)

DEFAULT_CHANNELS = {"meta": "Instagram", "google_ads": "Google Ads", "linkedin": "LinkedIn"}
KIND_NAMES = {
    "meta": "Meta Ads Manager",
    "google_ads": "Google Ads",
    "linkedin": "LinkedIn Campaign Manager",
}
BREAKDOWN_HINTS = {
    "meta": Text("Export with a breakdown by month or day (Ads Manager: Breakdown > By time)."),
    "google_ads": Text("Export the report segmented by month or day (a Month or Day column)."),
    "linkedin": Text("Export with a breakdown by month or day (time breakdown Monthly or Daily)."),
}


@dataclass(frozen=True)
class MetricExport:
    """What one platform export gave: monthly metrics, and what could not be taken from it."""

    file: str  # as shown to the user
    kind: str  # "meta" | "google_ads" | "linkedin"
    values: list[KpiValue]  # summed per (month, channel, metric), sorted
    unknown_columns: list[str]  # header names neither mapped nor knowingly ignored
    problems: list[Problem]  # rows that could not be read, each naming file, row, column, value


@dataclass(frozen=True)
class _Shape:
    """How one platform writes its export; every name is a key made by `header_key`."""

    kind: str
    detect: tuple[frozenset[str], ...]  # the header has a column from each set
    day: tuple[str, ...]  # the row's day (or first day, for a row covering a range)
    end: tuple[str, ...] = ()  # the range's last day, when rows cover a range
    month: tuple[str, ...] = ()  # the row's month, when rows are months
    platform: tuple[str, ...] = ()  # a breakdown naming the channel of each row
    metrics: dict[str, str] = field(default_factory=dict)
    # Columns that restate a metric read from another column (a part, a sum or a superset of
    # it): ignored when that metric is read from this file, reported as unknown otherwise.
    overlaps: dict[str, str] = field(default_factory=dict)
    ignored: frozenset[str] = frozenset()
    names: tuple[str, ...] = ()  # all blank in a summary row that still has its dates


# Names, ids, settings and money: known, and not metrics (spend comes from the Actuals).
COMMON_IGNORED = frozenset(
    {
        "account", "account name", "account id", "compte", "nom du compte",
        "campaign", "campaign name", "campaign id", "campagne", "nom de la campagne",
        "campaign status", "etat de la campagne", "status", "etat", "campaign type",
        "type de campagne", "objective", "objectif", "campaign objective",
        "currency", "currency code", "devise", "code de la devise",
        "amount spent", "montant depense", "cost", "cout", "spend", "depense", "total spent",
        "budget", "daily budget", "total budget", "budget quotidien",
    }
)  # fmt: skip

META = _Shape(
    kind="meta",
    detect=(frozenset({"reporting starts", "debut des rapports"}),),
    day=("reporting starts", "debut des rapports"),
    end=("reporting ends", "fin des rapports"),
    platform=("platform", "plateforme"),
    metrics={
        "reach": "reach", "couverture": "reach",
        "impressions": "impressions",
        "link clicks": "clicks", "clics sur un lien": "clicks",
        "post engagement": "engagements", "post engagements": "engagements",
        "interactions avec la publication": "engagements",
        "post reactions": "likes", "reactions a la publication": "likes",
        "post comments": "comments", "commentaires sur la publication": "comments",
        "post shares": "shares", "partages de la publication": "shares",
        "post saves": "saves", "enregistrements de la publication": "saves",
        "page likes": "new_followers", "facebook page likes": "new_followers",
        "page likes follows": "new_followers", "follows": "new_followers",
        "page follows": "new_followers", "instagram follows": "new_followers",
        "mentions j aime la page": "new_followers",
    },
    overlaps={"clicks all": "clicks", "clics tous": "clicks"},
    ignored=COMMON_IGNORED
    | {
        "ad set name", "nom de l ensemble de publicites", "ad name", "nom de la publicite",
        "ad set id", "ad id", "campaign delivery", "ad set delivery", "ad delivery",
        "diffusion de la campagne", "diffusion de l ensemble de publicites",
        "diffusion de la publicite", "attribution setting", "parametre d attribution",
        "starts", "ends", "debut", "fin", "bid", "bid type", "ad set budget",
        "ad set budget type", "placement", "emplacement", "device platform",
        "impression device", "age", "gender", "country", "region",
    },
    names=(
        "campaign name", "nom de la campagne", "ad set name", "nom de l ensemble de publicites",
        "ad name", "nom de la publicite", "account name", "nom du compte", "platform",
        "plateforme",
    ),
)  # fmt: skip
GOOGLE_ADS = _Shape(
    kind="google_ads",
    detect=(frozenset({"impr"}),),
    day=("day", "jour", "date"),
    month=("month", "mois"),
    metrics={
        "impr": "impressions", "impressions": "impressions",
        "clicks": "clicks", "clics": "clicks",
        "conversions": "conversions",
        "conv value": "revenue", "valeur de conv": "revenue",
    },
    overlaps={
        "interactions": "clicks",  # clicks, plus video views and engagements of other formats
        "all conv": "conversions", "all conv value": "revenue",
        "conversions by conv time": "conversions", "conv value by conv time": "revenue",
    },
    ignored=COMMON_IGNORED
    | {
        "customer id", "ad group", "ad group id", "ad group status", "groupe d annonces",
        "keyword", "search keyword", "mot cle", "match type", "network",
        "network with search partners", "reseau", "device", "appareil", "week", "semaine",
        "quarter", "trimestre", "year", "annee", "day of week", "jour de la semaine",
        "budget name", "budget type", "bid strategy", "bid strategy type",
        "optimization score", "labels", "campaign subtype",
    },
)  # fmt: skip
LINKEDIN = _Shape(
    kind="linkedin",
    detect=(
        frozenset({"start date", "campaign group name"}),
        frozenset({"total spent", "total engagements"}),
        frozenset({"impressions"}),
    ),
    day=("start date",),
    end=("end date",),
    metrics={
        "reach": "reach",
        "impressions": "impressions",
        "clicks": "clicks",
        "total engagements": "engagements",
        "reactions": "likes",
        "comments": "comments",
        "shares": "shares",
        "follows": "new_followers",
        "conversions": "conversions",
        "total conversion value": "revenue", "conversion value": "revenue",
    },
    overlaps={
        "clicks to landing page": "clicks", "clicks to linkedin page": "clicks",
        "total social actions": "engagements",  # reactions + comments + shares + follows
        "post click conversions": "conversions", "view through conversions": "conversions",
    },
    ignored=COMMON_IGNORED
    | {
        "campaign group name", "campaign group id", "campaign group status",
        "campaign start date", "campaign end date", "creative name", "creative id",
        "ad introduction text", "ad headline", "click url", "carousel card", "bid strategy",
        "cost type", "unit cost", "conversion name", "conversion type",
    },
)  # fmt: skip
SHAPES = {shape.kind: shape for shape in (META, GOOGLE_ADS, LINKEDIN)}

# Meta's "Results" count whatever the campaign optimises for, named in "Result indicator": only
# purchases, leads and registrations are conversions; awareness and engagement results restate
# another column. Any other indicator is not counted, and reported.
META_RESULTS = ("results", "resultats")
META_INDICATOR = ("result indicator", "indicateur de resultats", "indicateur de resultat")
CONVERSION_RESULT = re.compile(r"(?:^|[:._])(?:purchase|lead|complete_registration)(?:_grouped)?$")
OTHER_RESULT = re.compile(
    r"^(?:reach|impressions|estimated_ad_recallers|video_thruplay_watched_actions"
    r"|profile_visit_view)$|(?:^|[:._])(?:link_click|landing_page_view|post_engagement"
    r"|page_engagement|like|video_view|post_reaction|post_save"
    r"|messaging_conversation_started_7d)$"
)
PLATFORMS = {
    "facebook": "Facebook", "instagram": "Instagram", "messenger": "Messenger",
    "audience network": "Audience Network", "threads": "Threads", "whatsapp": "WhatsApp",
}  # fmt: skip
SUMMARY_LABELS = {"results", "resultats", "summary", "resume", "totaux", "grand total"}
NO_VALUE = {"", "--", "-", "—", "–"}  # Google Ads writes " --" for none
RATIO_FIRST_WORDS = {
    "ctr", "cpc", "cpm", "cpv", "cpp", "cpa", "roas", "avg", "average", "taux", "frequency",
    "repetition", "cost", "cout",  # "Cost per result", "Cost / conv."; "Cost" alone is spend
}  # fmt: skip
RATIO_LAST_WORDS = {"rate", "share", "ranking", "roas", "moy", "ratio"}
RATIO_STARTS = ("return on", "value conv", "conv value cost", "valeur de conv cout")


def header_key(title: str) -> str:
    """`normalise_header`, keeping the words in brackets that change the meaning
    (``Clicks (all)`` is not ``Link clicks``) and dropping those that give a unit
    (``Amount spent (EUR)``, ``Start Date (in UTC)``)."""

    def bracket(match: re.Match[str]) -> str:
        inner = match[1].strip()
        unit = (len(inner) == 3 and inner.isalpha() and inner.isupper()) or inner.casefold() in {
            "€", "$", "£", "%", "utc", "in utc",
        }  # fmt: skip
        return " " if unit else f" {inner} "

    return normalise_header(re.sub(r"\(([^()]*)\)", bracket, title))


def detect_export(header: list[str]) -> str | None:
    """Which export a header row belongs to: "meta", "google_ads", "linkedin", or None."""
    keys = {header_key(title) for title in header if title}
    for shape in SHAPES.values():
        if all(keys & wanted for wanted in shape.detect):
            return shape.kind
    return None


def read_metric_export(
    path: Path,
    shown_as: str,
    default_channels: dict[str, str] | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> MetricExport:
    """Read one export; raise InputErrors when it is none of the supported shapes.

    ``default_channels`` (by kind) names the channel of rows that do not name their own."""
    table = read_table(
        path, shown_as, lambda header: detect_export(header) is not None, limits=limits
    )
    kind = detect_export(table.header)
    if kind is None:
        titles = [title for title in table.header if title]
        first = ", ".join(titles[:8]) + (", ..." if len(titles) > 8 else "")
        raise InputErrors(
            [
                Problem(
                    shown_as,
                    Text(
                        "is not an export budgetbook can read metrics from: none of its first"
                        " rows is the header of a Meta Ads Manager, Google Ads or LinkedIn"
                        " Campaign Manager report (its first row reads: {first}).",
                        first=first,
                    ),
                    hint=Text(
                        "Export the campaign report as CSV from Meta Ads Manager, Google Ads or"
                        " LinkedIn Campaign Manager, or write the metrics in kpis.csv."
                    ),
                )
            ]
        )
    channels = {**DEFAULT_CHANNELS, **(default_channels or {})}
    return _Reader(table, SHAPES[kind], channels[kind]).read()


def _is_ratio(title: str, key: str) -> bool:
    """Rates, averages and costs per something: derived, never summed."""
    words = key.split()
    return (
        "%" in title
        or not words
        or words[0] in RATIO_FIRST_WORDS
        or words[-1] in RATIO_LAST_WORDS
        or key.startswith(RATIO_STARTS)
    )


def _text(cell: object) -> str:
    return "" if cell is None else str(cell).strip()


def _first_index(keys: list[str], wanted: Iterable[str]) -> int | None:
    return next((keys.index(name) for name in wanted if name in keys), None)


class _Reader:
    """One export's columns sorted into roles, then its rows summed by month and channel."""

    def __init__(self, table: Table, shape: _Shape, channel: str):
        self.table, self.shape, self.channel = table, shape, channel
        keys = [header_key(title) for title in table.header]
        self.day = _first_index(keys, shape.day)
        self.end = _first_index(keys, shape.end)
        self.month = _first_index(keys, shape.month)
        self.platform = _first_index(keys, shape.platform)
        results = _first_index(keys, META_RESULTS) if shape is META else None
        indicator = _first_index(keys, META_INDICATOR) if shape is META else None
        self.results = results if indicator is not None else None
        self.indicator = indicator
        self.names = [i for i, key in enumerate(keys) if key in shape.names]
        roles = {self.day, self.end, self.month, self.platform, self.results, self.indicator}
        self.metrics: list[tuple[int, str]] = []
        overlaps: list[tuple[int, str]] = []
        unknown: list[int] = []
        for index, (title, key) in enumerate(zip(table.header, keys, strict=True)):
            if index in roles or not title:
                continue
            if key in shape.metrics:
                self.metrics.append((index, shape.metrics[key]))
            elif key in shape.overlaps:
                overlaps.append((index, shape.overlaps[key]))
            elif key not in shape.ignored and not _is_ratio(title, key):
                unknown.append(index)
        read = {metric for _, metric in self.metrics} | (
            {"conversions"} if self.results is not None else set()
        )
        unknown += [index for index, metric in overlaps if metric not in read]
        self.unknown = list(dict.fromkeys(table.header[i] for i in sorted(unknown)))
        self.when = self.day if self.day is not None else self.month
        cells = [cell for _, row in table.rows for cell in row]
        self.decimal_comma = detect_decimal_comma(cells)
        dates = [row[i] for _, row in table.rows for i in (self.day, self.end) if i is not None]
        # LinkedIn writes US dates (10/1/2026), which no first of month can prove.
        self.day_first = False if shape is LINKEDIN else detect_day_first(dates)
        self.problems: list[Problem] = []
        self.seen_indicators: set[str] = set()

    def read(self) -> MetricExport:
        shape = self.shape
        if self.when is None:
            self.problems.append(
                Problem(
                    self.table.file,
                    Text(
                        "this {kind} export has no column giving each row's day or month, so"
                        " its figures cannot be put in months.",
                        kind=KIND_NAMES[shape.kind],
                    ),
                    hint=BREAKDOWN_HINTS[self.shape.kind],
                )
            )
            return MetricExport(self.table.file, shape.kind, [], self.unknown, self.problems)
        totals: dict[tuple[date, str, str], Decimal] = {}
        for number, row in self.table.rows:
            taken = self._row(number, row)
            if taken is None:
                continue
            month, channel, figures = taken
            for metric, value in figures.items():
                key = (month, channel, metric)
                totals[key] = totals.get(key, Decimal(0)) + value
        values = [
            KpiValue(month, channel, metric, value, self.table.file)
            for (month, channel, metric), value in sorted(
                totals.items(), key=lambda item: (*item[0][:2], METRICS.index(item[0][2]))
            )
        ]
        return MetricExport(self.table.file, shape.kind, values, self.unknown, self.problems)

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

    def _is_summary(self, row: list[object], when: int) -> bool:
        """A total or summary row: ``Total: Account``, ``Total``, ``Résultats`` in place of the
        date or first when there is none (a campaign may be called "Total..."), or a Meta
        summary row, which keeps the dates but names no campaign, ad set, ad or platform."""
        first = next((_text(cell) for cell in row if _text(cell)), "")
        labelled = TOTAL_ROW.match(first) or normalise_header(first) in SUMMARY_LABELS
        if labelled and _text(row[when]) in ("", first):
            return True
        return bool(self.names) and not any(_text(row[i]) for i in self.names)

    def _row(self, number: int, row: list[object]) -> tuple[date, str, dict[str, Decimal]] | None:
        """A row's month, channel and figures; None, with a problem when it is not a summary,
        when the row cannot be counted as a whole."""
        when = self.when
        if when is None or self._is_summary(row, when):
            return None
        if self.table.overflow(row):
            self._problem(
                number,
                Text(
                    "this row has more cells than the header's {count} columns (an unquoted"
                    " separator inside a value?); it is not counted.",
                    count=len(self.table.header),
                ),
                None,
                row,
                None,
            )
            return None
        month = self._month(number, row, when)
        channel = self._channel(number, row)
        figures: dict[str, Decimal] = {}
        readable = True
        for index, metric in self.metrics:
            if _text(row[index]) in NO_VALUE:
                continue
            try:
                value = parse_amount(row[index], self.decimal_comma)
            except ValueError:
                self._problem(
                    number,
                    Text("is not a number; the row is not counted."),
                    index,
                    row,
                    Text("Correct the figure, or leave the cell empty when there is none."),
                )
                readable = False
                continue
            figures[metric] = figures.get(metric, Decimal(0)) + value
        if month is None or channel is None or not readable:
            return None
        conversions = self._results(number, row)
        if conversions is not None:
            figures["conversions"] = figures.get("conversions", Decimal(0)) + conversions
        return month, channel, figures

    def _month(self, number: int, row: list[object], index: int) -> date | None:
        if not _text(row[index]):
            self._problem(
                number,
                Text("the row has no date, so its month is unknown; it is not counted."),
                index,
                row,
                BREAKDOWN_HINTS[self.shape.kind],
            )
            return None
        try:
            first = month_of(row[index], self.day_first)
        except ValueError:
            self._problem(
                number,
                Text("is not a date or a month; the row is not counted."),
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
            message = Text("is not a date; the row is not counted.")
            self._problem(number, message, self.end, row, None)
            return None
        if last != first:
            self._problem(
                number,
                Text(
                    "this row covers {first} to {last}, more than one month, and its figures"
                    " cannot be split between months; it is not counted.",
                    first=_text(row[index]),
                    last=_text(row[self.end]),
                ),
                self.end,
                row,
                BREAKDOWN_HINTS[self.shape.kind],
            )
            return None
        return first

    def _channel(self, number: int, row: list[object]) -> str | None:
        if self.platform is None:
            return self.channel
        text = _text(row[self.platform])
        if not text:
            self._problem(
                number,
                Text("the platform is empty, so the channel is unknown; the row is not counted."),
                self.platform,
                row,
                Text("Export with the breakdown by platform for every row, or without it."),
            )
            return None
        return PLATFORMS.get(normalise_header(text), text)

    def _results(self, number: int, row: list[object]) -> Decimal | None:
        """Meta's Results as conversions, when the indicator says they are."""
        if self.results is None or self.indicator is None or _text(row[self.results]) in NO_VALUE:
            return None
        indicator = _text(row[self.indicator])
        if OTHER_RESULT.search(indicator):
            return None
        if not CONVERSION_RESULT.search(indicator):
            if indicator not in self.seen_indicators:  # once per indicator, not on every row
                self.seen_indicators.add(indicator)
                self._problem(
                    number,
                    Text(
                        "the results of rows with this indicator are not counted: budgetbook"
                        " cannot tell whether they are conversions (the rows' other figures are"
                        " counted)."
                    ),
                    self.indicator,
                    row,
                    Text("Add their conversions to kpis.csv by hand if they are."),
                )
            return None
        try:
            return parse_amount(row[self.results], self.decimal_comma)
        except ValueError:
            self._problem(
                number,
                Text("is not a number; these results are not counted as conversions."),
                self.results,
                row,
                None,
            )
            return None


_YEAR_MONTH = re.compile(r"(\d{4})[-/.](\d{1,2})")
_MONTH_YEAR = re.compile(r"(\d{1,2})[-/.](\d{4})")
_NAME_YEAR = re.compile(r"([^\W\d_]+)\.?\s+(\d{4})")


def month_of(value: object, day_first: bool = True) -> date:
    """The first of the month of a day or month cell: ``2026-10-30``, ``30/10/2026``,
    ``Oct 30, 2026``, ``Fri, Oct 30, 2026``, ``October 2026``, ``2026-10``; raise ValueError."""
    text = _text(value)
    if isinstance(value, str):
        if match := _YEAR_MONTH.fullmatch(text):
            return date(int(match[1]), int(match[2]), 1)
        if match := _MONTH_YEAR.fullmatch(text):
            return date(int(match[2]), int(match[1]), 1)
        if (match := _NAME_YEAR.fullmatch(text)) and normalise_header(match[1]) in MONTH_NAMES:
            return date(int(match[2]), MONTH_NAMES[normalise_header(match[1])], 1)
    try:
        day = parse_date(value, day_first)
    except ValueError:
        _, _, rest = text.partition(" ")  # a weekday in front: "Fri, Oct 30, 2026"
        if not rest or not isinstance(value, str):
            raise
        day = parse_date(rest, day_first)
    return day.replace(day=1)
