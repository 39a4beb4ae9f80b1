"""What a source declares: how one shape of finance file is recognised and read."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum


def normalise_header(text: str, units: bool = False) -> str:
    """``Montant (€)`` and ``montant`` alike: no case, accents, units or punctuation. With
    ``units``, the words in brackets are kept: ``Montant total (TTC)`` is ``montant total ttc``,
    not ``Montant total (TTC) (local)``, which is ``montant total ttc local``."""
    plain = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    if not units:
        plain = re.sub(r"\(.*?\)|\[.*?\]", " ", plain)
    return " ".join(re.sub(r"[^a-z0-9]+", " ", plain).split())


class Titles:
    """A header's titles as sources compare them: each with its units kept, then without."""

    def __init__(self, header: list[str]):
        self.with_units = [normalise_header(title, units=True) for title in header]
        self.plain = [normalise_header(title) for title in header]
        self.all = set(self.with_units) | set(self.plain)

    def index(self, wanted: str) -> int | None:
        """The first column titled ``wanted`` (normalised), units kept first."""
        for titles in (self.with_units, self.plain):
            if wanted in titles:
                return titles.index(wanted)
        return None


class Sign(StrEnum):
    """How a file's single amount column writes spending; a Debit and Credit pair is told from
    its cells (`budgetbook.read.actuals`)."""

    POSITIVE = "positive"  # a ledger or journal: a debit to an expense, a positive sum, is spending
    NEGATIVE = "negative"  # a bank statement: money out of the account is negative


@dataclass(frozen=True)
class Source:
    """One shape of finance file. ``columns`` maps each canonical column (``date``, ``amount``,
    ``credit``, ``line``, ``description``, ``vendor``, ``account``, ``journal``, ``entry``,
    ``currency``, ``state``, ``direction``) to the headers that may
    hold it, most specific first, compared after `normalise_header`. ``amount`` is the one
    signed column, or the Debit of a Debit and Credit pair."""

    key: str  # as budgetbook.toml names it: [[actuals.sources]] source = "fec"
    name: str  # as the summary and --json show it
    columns: dict[str, tuple[str, ...]]
    # Any one of these sets of headers, all present, recognises the file, with its date and
    # amount columns; none given: those two columns found do.
    identify: tuple[frozenset[str], ...] = ()
    # None: a positive amount is spending, unless most of the file's amounts are negative,
    # when it cannot be told and the file is refused.
    sign: Sign | None = None
    day_first: bool | None = None  # None: told from the dates
    decimal_comma: bool | None = None  # None: told from the amounts
    # Whether its amounts include VAT: a statement's and a receipt's do (True), an accounting
    # file's expense lines do not (False); None: the file does not say, and its amounts are
    # on the budget's basis unless its amount column's header says HT or TTC.
    tax_included: bool | None = None
    # The account numbers (prefixes) whose lines count; None: every line. The other lines of
    # an accounting file are the other sides of the same entries: counting them would count
    # an invoice twice.
    accounts: tuple[str, ...] | None = None
    # Laid out in sections: a heading row naming an account, its lines, then its total.
    # Its accounts are names, so the project says which count (`accounts`).
    sections: bool = False
    # The values of its ``state`` column that a row counts with (a payment completed, not
    # declined or reverted); None: every row.
    states: tuple[str, ...] | None = None
    # A file with no header row: the titles of its columns, and the patterns that the cells
    # of its first row (a title line) match, one by one.
    headless: tuple[str, ...] = ()
    title: tuple[str, ...] = ()
    origin: str = ""  # where the layout was learnt, for the guide and the tests
    _normalised: dict[str, tuple[str, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        def normalised(headers) -> tuple[str, ...]:
            return tuple(normalise_header(header, units=True) for header in headers)

        columns = {name: normalised(headers) for name, headers in self.columns.items()}
        object.__setattr__(self, "_normalised", columns)
        identify = tuple(frozenset(normalised(needed)) for needed in self.identify)
        object.__setattr__(self, "identify", identify)
        if self.states is not None:
            object.__setattr__(self, "states", tuple(s.casefold() for s in self.states))

    def is_title_line(self, row: list[str]) -> bool:
        """Whether a header-less file's first row is this source's title line."""
        return (
            bool(self.headless)
            and len(row) == len(self.title)
            and all(
                re.fullmatch(pattern, cell) for pattern, cell in zip(self.title, row, strict=True)
            )
        )

    def headless_rows(self, rows: list[tuple[int, list]]) -> list[tuple[int, list]]:
        """A header-less file's rows (after its title line) under this source's titles: each
        as wide as the titles, a short row's missing cells blank; and without a last row that
        is the title line again (LCL ends its file with its balance line, as it begins it)."""
        width = len(self.headless)
        if rows and self.is_title_line(["" if c is None else str(c) for c in rows[-1][1]]):
            rows = rows[:-1]
        return [
            (number, row if len(row) >= width else [*row, *[""] * (width - len(row))])
            for number, row in rows
        ]

    def recognises(self, titles: Titles) -> bool:
        """Whether a header is this source's (a header-less source has none to recognise)."""
        if self.headless:
            return False
        if self.identify and not any(needed <= titles.all for needed in self.identify):
            return False
        return all(self.column(name, titles) is not None for name in REQUIRED)

    def column(self, name: str, titles: Titles) -> int | None:
        """The position of canonical column ``name`` in a header, or None."""
        found = (titles.index(header) for header in self._normalised.get(name, ()))
        return next((index for index in found if index is not None), None)

    def with_columns(self, given: dict[str, str]) -> Source:
        """This source with the headers ``given`` by budgetbook.toml, each the only one."""
        if not given:
            return self
        columns = {**self.columns, **{name: (title,) for name, title in given.items()}}
        return Source(**{**_fields(self), "columns": columns, "identify": ()})


REQUIRED = ("date", "amount")


def _fields(source: Source) -> dict:
    return {name: getattr(source, name) for name in source.__dataclass_fields__ if name[0] != "_"}
