"""Which part each column of an ad-platform export plays, by its metric source: the row's day
or month (and a range's last day), its platform, its currency, Meta's results and their
indicator, the conversion columns of each kind, the metrics, and the columns not read. A
column is a metric, knowingly not read (names, settings, money, ratios told from their
names), or reported as not read: never guessed."""

from __future__ import annotations

from collections.abc import Iterable

from budgetbook.read.sources import MetricSource
from budgetbook.read.sources.ads.base import CONVERSION_KINDS, header_unit, metric_key

RATIO_FIRST_WORDS = {
    "avg", "average", "averagecpc", "averagecpm", "averageposition", "taux", "frequency",
    "frequence", "repetition", "cost", "cout", "couts", "costperconversion", "conversionrate",
}  # fmt: skip  # "Cost per result", "Cost / conv."; "Cost" alone is spend
RATIO_LAST_WORDS = {"rate", "share", "ranking", "moy", "ratio", "cvr"}
RATIO_WORDS = {"ctr", "cpc", "cpm", "cpv", "cpp", "cpa", "ecpc", "ecpm", "roas", "returnonadspend"}
RATIO_STARTS = ("return on", "value conv", "conv value cost", "valeur de conv cout")


class ExportColumns:
    """An export's columns sorted into their parts by its source; each part is a column's
    index, None when the export has no such column."""

    def __init__(self, header: list[str], source: MetricSource):
        keys = [metric_key(title) for title in header]
        # A column naming one day wins over the first day of a range; a range's last day is
        # read only beside its first.
        self.day = _first_index(keys, source.single_day)
        self.end = None if self.day is not None else _first_index(keys, source.end)
        if self.day is None:
            self.day = _first_index(keys, source.day)
        self.month = _first_index(keys, source.month)
        self.platform = _first_index(keys, source.platforms)
        self.currency = _first_index(keys, source.currency)
        indicator = _first_index(keys, source.indicator)
        results = _first_index(keys, source.results)
        self.indicator = indicator if results is not None else None
        self.results = results if indicator is not None else None
        self.names = [i for i, key in enumerate(keys) if key in source.names]
        present = set(keys)
        # Of headers counting one thing, the first present is read, the others restate it.
        restated = {key for group in source.same for key in [k for k in group if k in present][1:]}
        self.conversions: dict[str, int] = {}
        for kind in CONVERSION_KINDS:
            found = [key for key in source.conversions.get(kind, ()) if key in present]
            if found:
                self.conversions[kind] = keys.index(found[0])
                restated |= set(found[1:])
        roles = {
            self.day, self.end, self.month, self.platform, self.results, self.indicator,
            self.currency, *self.conversions.values(),
        }  # fmt: skip
        self.metrics: list[tuple[int, str]] = []
        overlaps: list[tuple[int, str]] = []
        unknown: list[int] = []
        for index, (title, key) in enumerate(zip(header, keys, strict=True)):
            if index in roles or not title or key in restated or key in source.indicator:
                continue
            if key in source.metrics:
                self.metrics.append((index, source.metrics[key]))
            elif key in source.overlaps:
                overlaps.append((index, source.overlaps[key]))
            elif key not in source.ignored and not _is_ratio(title, key):
                unknown.append(index)
        self._revenue_currency(header)
        read = {metric for _, metric in self.metrics}
        if self.conversions or self.results is not None:
            read.add("conversions")
        unknown += [index for index, metric in overlaps if metric not in read]
        self.unknown = list(dict.fromkeys(header[i] for i in sorted(unknown)))
        self.when = self.day if self.day is not None else self.month

    def _revenue_currency(self, header: list[str]) -> None:
        """The currency of the conversion value, where a header's unit gives the file's
        (``Amount spent (AUD)``); None: a column of currencies gives each row's, else it is
        the budget's (`budgetbook.read.metric_revenue`). A file naming two currencies in its
        headers cannot say which is which: its conversion value is not read, and
        ``revenue_currencies`` names them, with the column left out."""
        units = {unit for title in header if (unit := header_unit(title))}
        self.file_currency = next(iter(units)) if len(units) == 1 else None
        self.revenue_currencies: tuple[list[str], str] | None = None
        revenue = [index for index, metric in self.metrics if metric == "revenue"]
        if len(units) > 1 and revenue:
            self.metrics = [(i, metric) for i, metric in self.metrics if metric != "revenue"]
            self.revenue_currencies = sorted(units), header[revenue[0]]


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


def _first_index(keys: list[str], wanted: Iterable[str]) -> int | None:
    return next((keys.index(name) for name in wanted if name in keys), None)


def text_of(cell: object) -> str:
    """A cell as trimmed text; an empty one as ""."""
    return "" if cell is None else str(cell).strip()
