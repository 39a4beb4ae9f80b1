"""The shapes of finance files, each declared once, and which one reads a given file.

A source says how to read one kind of file, as beangulp's importers and hledger's CSV rules do:
the headers that recognise it, where each canonical column is, how its dates and numbers are
written, and its sign convention. One reader (`budgetbook.read.actuals`) runs them all. Adding a
bank is one entry in `banks.py` and one fixture under ``tests/data/sources/banks``.

Recognition goes from the most specific source to the most general: a named bank's layout,
the FEC, an accounting package's export, a bank statement told by its value-date or balance
column, then the generic ledger, whose headers are the widest list of synonyms.

Ad-platform metric exports (``metrics/``) are sources too, declared in `ads/` and
recognised by the same function among `METRIC_SOURCES`; `budgetbook.read.metrics` reads them.
"""

from __future__ import annotations

from typing import TypeVar

from budgetbook.read.sources.accounting import ACCOUNTING, SAGE_100, SECTION_ACCOUNT
from budgetbook.read.sources.ads import METRIC_SOURCES
from budgetbook.read.sources.ads.base import HeaderKeys, MetricSource
from budgetbook.read.sources.banks import BANK_STATEMENT, BANKS
from budgetbook.read.sources.base import Sign, Source, Titles, normalise_header
from budgetbook.read.sources.fec import FEC
from budgetbook.read.sources.ledger import LEDGER
from budgetbook.read.sources.statements import BY_SUFFIX as STATEMENTS_BY_SUFFIX
from budgetbook.read.sources.statements import OFX, QIF

AnySource = TypeVar("AnySource", Source, MetricSource)

# In the order they are tried: the first that recognises a header reads the file.
SOURCES: tuple[Source, ...] = (*BANKS, FEC, *ACCOUNTING, BANK_STATEMENT, LEDGER)
# The sources of the files known by their extension, read by `budgetbook.read.statements`.
BY_SUFFIX: dict[str, Source] = {**STATEMENTS_BY_SUFFIX, ".pnm": SAGE_100}
# Every source by the key budgetbook.toml names it with, those known by extension too.
BY_KEY: dict[str, Source] = {source.key: source for source in (*SOURCES, OFX, QIF, SAGE_100)}


def headless(first_row: list[str]) -> Source | None:
    """The header-less source whose title line ``first_row`` is, or None."""
    return next((source for source in SOURCES if source.is_title_line(first_row)), None)


def recognise(header: list[str], among: tuple[AnySource, ...] = SOURCES) -> AnySource | None:
    """The first source ``among`` them (the finance sources, or `METRIC_SOURCES`) that
    recognises ``header``, or None when none does."""
    titles = HeaderKeys(header)
    return next((source for source in among if source.recognises(titles)), None)


__all__ = [
    "BY_KEY",
    "BY_SUFFIX",
    "METRIC_SOURCES",
    "SECTION_ACCOUNT",
    "SOURCES",
    "MetricSource",
    "Sign",
    "Source",
    "Titles",
    "headless",
    "normalise_header",
    "recognise",
]
