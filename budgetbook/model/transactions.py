"""Finance's counted rows: one `Transaction` each, with how its amount was brought to the
budget's currency and tax basis (`Conversion`); a file's rows kept in polars' columns until
they are asked for (`TransactionColumns`), and every file's together (`Transactions`)."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from heapq import merge
from itertools import repeat

from budgetbook.model.budget import Period


@dataclass(frozen=True)
class Conversion:
    """How a transaction's amount was brought to the budget's currency and tax basis: the
    amount as its file wrote it, its currency and the project's rate into the budget's (None:
    the budget's own), and the line's VAT rate, removed from an amount that includes it or
    added to one that does not (None: the file's basis is the budget's)."""

    original: Decimal
    currency: str
    rate: Decimal | None
    vat: Decimal | None
    vat_included: bool  # whether the original includes the VAT that ``vat`` removes

    def apply(self) -> Decimal:
        """The amount on the budget's basis, to at most 10 decimals and at least 2: what the
        Actuals sheet's formula gives."""
        amount = self.original * (self.rate if self.rate is not None else 1)
        if self.vat is not None:
            amount = amount / (1 + self.vat) if self.vat_included else amount * (1 + self.vat)
        amount = amount.quantize(CONVERTED_PLACES)
        shortest = amount.normalize()
        return shortest if shortest.as_tuple().exponent < -2 else amount.quantize(CENTS)


CONVERTED_PLACES, CENTS = Decimal("1E-10"), Decimal("0.01")


@dataclass(slots=True)
class Transaction:
    """One counted row of finance's actuals; read-only by convention. Not frozen: a frozen
    dataclass sets each field through object.__setattr__, three times slower to create, and
    a ledger makes a million of them. Slots save 48 MB a million."""

    date: date
    amount: Decimal  # positive = spent, negative = refund or credit note
    line: str  # the budget line's exact name
    description: str
    vendor: str
    account: str
    source_file: str
    source_row: int
    conversion: Conversion | None = None  # None: read as the file wrote it


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector, set off by every 700 new objects, would walk the millions of
    rows and transactions of a large file over and over (a third of reading a 1M-row ledger);
    they hold no cycles, so it waits until they are made."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class TransactionColumns:
    """A finance file's counted rows, in the columns polars read them into (``date``,
    ``amount``, ``line``, ``description``, ``vendor``, ``account``, ``row``): made into
    Transaction objects a slice at a time, when asked for, so reading a ledger does not make
    a million objects (a second per million) that a check never looks at. ``conversions``:
    how the amounts of the rows converted were made, by row."""

    SLICE = 50_000

    def __init__(self, frame, file: str, counts=None, conversions=None):
        """``counts``, a boolean Series, says which of ``frame``'s rows count: they are picked
        out when they are first asked for, which a check never does (copying a 1M-row
        ledger's texts took 40 ms); totals and lengths read only the columns they need."""
        self._frame, self._counts, self.file = frame, counts, file
        self.conversions: dict[int, Conversion] = conversions or {}

    @property
    def frame(self):
        """The rows that count."""
        if self._counts is not None:
            self._frame, self._counts = self._frame.filter(self._counts), None
        return self._frame

    def _counted(self):
        """The rows that count, in a lazy query: those of its columns a query reads."""
        import polars as pl

        rows = self._frame.lazy()
        return rows if self._counts is None else rows.filter(pl.lit(self._counts))

    def __len__(self) -> int:
        return self._frame.height if self._counts is None else int(self._counts.sum())

    def __iter__(self) -> Iterator[Transaction]:
        for start in range(0, self.frame.height, self.SLICE):
            yield from self._made(self.frame.slice(start, self.SLICE))

    @collector_paused()
    def _made(self, part) -> list[Transaction]:
        import polars as pl

        shared: dict[str, str] = {}  # one object per distinct line, vendor and account
        line, vendor, account = (
            map(shared.setdefault, texts, texts)
            for texts in _lists(part, "line", "vendor", "account")
        )
        return list(
            map(
                Transaction,
                part["date"].to_list(),
                # through text: 0.37 s a million, against 0.5 s for polars' own Decimals
                map(Decimal, part["amount"].cast(pl.String).to_list()),
                line,
                part["description"].to_list(),
                vendor,
                account,
                repeat(self.file),
                rows := part["row"].to_list(),
                map(self.conversions.get, rows) if self.conversions else repeat(None),
            )
        )

    def __getitem__(self, index: int) -> Transaction:
        day, amount, line, description, vendor, account, row = self.frame.row(index)
        return Transaction(
            day,
            amount,
            line,
            description,
            vendor,
            account,
            self.file,
            row,
            self.conversions.get(row),
        )

    def total(self) -> Decimal:
        return Decimal(self._counted().select("amount").collect()["amount"].sum())

    def in_date_order(self) -> list[Transaction]:
        """`in_date_order`, sorted by polars before the objects are made."""
        ordered = self.frame.sort("date", "row")
        return list(TransactionColumns(ordered, self.file, conversions=self.conversions))

    def line_month_totals(self, period: Period) -> Iterator[tuple[str, int, Decimal]]:
        """Each line's total of each month of ``period`` that has transactions."""
        import polars as pl

        date = pl.col("date")
        month = (date.dt.year() - period.start.year) * 12 + date.dt.month() - period.start.month
        totals = self._counted().group_by("line", month.alias("month")).agg(pl.col("amount").sum())
        return totals.collect().iter_rows()


def _lists(frame, *names: str) -> list[list]:
    return [frame[name].to_list() for name in names]


class Transactions(Sequence[Transaction]):
    """Every counted row, file after file in reading order: each file's `TransactionColumns`,
    then, once put in date order, one list of Transaction."""

    def __init__(self, parts: Iterable[list[Transaction] | TransactionColumns] = ()):
        self.parts = [part for part in parts if len(part)]
        self._in_date_order = False

    def __len__(self) -> int:
        return sum(map(len, self.parts))

    def __iter__(self) -> Iterator[Transaction]:
        for part in self.parts:
            yield from part

    def __getitem__(self, index):
        if isinstance(index, slice):
            return list(self)[index]
        if index < 0:
            index += len(self)
        for part in self.parts:
            if 0 <= index < len(part):
                return part[index]
            index -= len(part)
        raise IndexError("transaction index out of range")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]

    def __add__(self, other: Transactions) -> Transactions:
        return Transactions(self.parts + other.parts)

    def in_date_order(self) -> list[Transaction]:
        """`in_date_order`, sorted once: file by file, then merged. The objects made then stand
        in for the columns they came from, which are let go (a build would otherwise hold both:
        40 MB for 200,000 rows); from then on, the transactions are in date order."""
        if not self._in_date_order:
            runs = [
                part.in_date_order()
                if isinstance(part, TransactionColumns)
                else sorted(part, key=_date_order)
                for part in self.parts
            ]
            self.parts = [runs[0] if len(runs) == 1 else list(merge(*runs, key=_date_order))]
            self.parts = [part for part in self.parts if part]
            self._in_date_order = True
        return self.parts[0] if self.parts else []

    def conversions(self) -> Iterator[Conversion]:
        """How each converted amount was made, without making objects of a file's columns."""
        for part in self.parts:
            if isinstance(part, TransactionColumns):
                yield from part.conversions.values()
            else:
                yield from (t.conversion for t in part if t.conversion is not None)

    def line_month_totals(self, period: Period) -> Iterator[tuple[str, int, Decimal]]:
        """(line, month index, amount) to be summed into each line's months: one for each
        transaction of a list, one for each line and month of a file's columns."""
        for part in self.parts:
            if isinstance(part, TransactionColumns):
                yield from part.line_month_totals(period)
            else:
                for t in part:
                    yield t.line, period.month_index(t.date), t.amount

    def total(self) -> Decimal:
        """The sum of the amounts, without making objects of a file's columns."""
        return sum(
            (
                part.total()
                if isinstance(part, TransactionColumns)
                else sum(t.amount for t in part)
                for part in self.parts
            ),
            Decimal(0),
        )


def in_date_order(transactions: Iterable[Transaction]) -> list[Transaction]:
    """The order of the Actuals sheet: by date, then by file and row, so a build is repeatable."""
    if isinstance(transactions, Transactions):
        return transactions.in_date_order()
    return sorted(transactions, key=_date_order)


def _date_order(t: Transaction) -> tuple[date, str, int]:
    return t.date, t.source_file, t.source_row
