"""What a metric source declares: how one platform's export in one language is laid out, and
how its headers are compared (`metric_key`); the names, ids, settings and money columns that
every platform's exports have and that are not metrics."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from budgetbook.read.sources.base import Titles, normalise_header

CONVERSION_KINDS = ("purchase", "lead", "registration")


def metric_key(title: str) -> str:
    """A header as metric sources compare it: `normalise_header`, keeping the words in brackets
    that change the meaning and dropping those that give a unit (a currency, %, UTC)."""

    def bracket(match: re.Match[str]) -> str:
        inner = match[1].strip()
        unit = (len(inner) == 3 and inner.isalpha() and inner.isupper()) or inner.casefold() in {
            "€", "$", "£", "%", "utc", "in utc", "en utc",
        }  # fmt: skip
        return " " if unit else f" {inner} "

    return normalise_header(re.sub(r"\(([^()]*)\)", bracket, title), units=True)


def header_unit(title: str) -> str | None:
    """The currency a header names in brackets (``Amount spent (AUD)``), or None."""
    found = re.findall(r"\(([A-Z]{3})\)", title)
    return found[-1] if found else None


def _keys(names) -> tuple[str, ...]:
    return tuple(metric_key(name) for name in names)


@dataclass(frozen=True)
class MetricSource:
    """One layout of one platform's export. Header names are written as the export writes
    them and compared after `metric_key`.

    ``metrics`` maps a header to the metric it counts; two headers of one metric add up (a
    Meta export's purchases and leads are both conversions). ``same`` lists headers that count
    one thing: only the first present is read (``Purchases``, else ``Website purchases``).
    ``overlaps`` are headers that restate a metric read from another column: ignored when that
    metric is read from the file, reported as a column not read otherwise. ``ignored``: known,
    and not metrics (names, ids, settings, money; ratios are told from their names)."""

    platform: str  # as --json names the export's kind: "meta", "google_ads", ...
    name: str  # as the summary shows it
    language: str  # of its headers: "en" or "fr"
    identify: tuple[frozenset[str], ...]  # the header has a column of each set
    single_day: tuple[str, ...] = ()  # the row's one day, where a row can also be a range
    day: tuple[str, ...] = ()  # the row's day (or first day, for a row covering a range)
    end: tuple[str, ...] = ()  # the range's last day, when rows cover a range
    month: tuple[str, ...] = ()  # the row's month, when rows are months
    platforms: tuple[str, ...] = ()  # a breakdown naming the channel of each row
    metrics: dict[str, str] = field(default_factory=dict)
    same: tuple[tuple[str, ...], ...] = ()
    overlaps: dict[str, str] = field(default_factory=dict)
    ignored: frozenset[str] = frozenset()
    names: tuple[str, ...] = ()  # all blank in a summary row that still has its dates
    # Meta: "Results" count whatever the campaign optimises for, named by the row's result
    # indicator (or result type); only purchases, leads and registrations are conversions.
    results: tuple[str, ...] = ()
    indicator: tuple[str, ...] = ()
    # The columns that count each kind of conversion, the first present read: the rows whose
    # results are of a kind that has its column are counted from that column, not twice.
    conversions: dict[str, tuple[str, ...]] = field(default_factory=dict)
    currency: tuple[str, ...] = ()  # a column naming the currency of its money columns
    channel: str | None = None  # the rows' channel; None: the platform breakdown or a setting
    day_first: bool | None = None  # numeric dates; None: told by a day above 12, else refused
    decimal_comma: bool = False  # how the language writes decimals, when no number tells
    period_lines: bool = False  # a report without a date column has its period in its title
    encoding: str = ""  # as the platform writes the file (the reader reads any)
    breakdown: str = ""  # where its menus give rows by day or month, in its own words
    origin: str = ""  # where the layout was learnt, for the guide and the tests

    def __post_init__(self) -> None:
        keyed = {
            "single_day": _keys(self.single_day),
            "day": _keys(self.day),
            "end": _keys(self.end),
            "month": _keys(self.month),
            "platforms": _keys(self.platforms),
            "names": _keys(self.names),
            "results": _keys(self.results),
            "indicator": _keys(self.indicator),
            "currency": _keys(self.currency),
            "identify": tuple(frozenset(_keys(names)) for names in self.identify),
            "same": tuple(_keys(group) for group in self.same),
            "metrics": {metric_key(k): v for k, v in self.metrics.items()},
            "overlaps": {metric_key(k): v for k, v in self.overlaps.items()},
            "ignored": frozenset(_keys(self.ignored)),
            "conversions": {kind: _keys(names) for kind, names in self.conversions.items()},
        }
        for name, value in keyed.items():
            object.__setattr__(self, name, value)

    def recognises(self, titles: HeaderKeys) -> bool:
        """Whether a header is this layout's: it has a column of each of ``identify``."""
        return all(titles.keys & wanted for wanted in self.identify)


class HeaderKeys(Titles):
    """A header's titles as every source compares them: the finance sources' `Titles`, and
    each title's `metric_key` for the metric sources."""

    def __init__(self, header: list[str]):
        super().__init__(header)
        self.raw = list(header)
        self.keys = {metric_key(title) for title in header if title}


# Names, ids, settings and money, in every platform's words: known, and not metrics (spend
# comes from the Actuals).
COMMON_IGNORED = frozenset(
    {
        "account", "account name", "account id", "compte", "nom du compte", "id du compte",
        "campaign", "campaign name", "campaign id", "campagne", "nom de la campagne",
        "id de la campagne", "campaign status", "campaign state", "etat de la campagne",
        "statut de la campagne", "status", "etat", "statut", "campaign type",
        "type de campagne", "objective", "objectif", "campaign objective", "currency",
        "currency code", "devise", "code de la devise", "amount spent", "montant depense",
        "cost", "cout", "spend", "depense", "depenses", "total spent", "total depense", "budget",
        "daily budget", "total budget", "budget quotidien", "delivery", "diffusion",
    }
)  # fmt: skip
