"""Typed records that the readers produce and the computation and writers consume."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from fnmatch import fnmatchcase
from heapq import merge
from itertools import repeat
from pathlib import Path


class CarryOver(StrEnum):
    """What a line's Remaining at the end of a month does to the next month's Available."""

    NONE = "none"  # nothing carries: each month stands alone
    SURPLUS = "surplus"  # unspent money is added to next month; overspend is not taken back
    FULL = "full"  # unspent money and overspend both carry


@dataclass(frozen=True)
class Period:
    """The budget's months: ``months`` consecutive months from ``start`` (a first of month)."""

    start: date
    months: int

    def month_starts(self) -> list[date]:
        return [add_months(self.start, i) for i in range(self.months)]

    @property
    def end(self) -> date:
        """The first day after the period."""
        return add_months(self.start, self.months)

    def month_index(self, day: date) -> int | None:
        """Position of the month holding ``day``, or None when outside the period."""
        index = (day.year - self.start.year) * 12 + day.month - self.start.month
        return index if 0 <= index < self.months else None


def add_months(first_of_month: date, count: int) -> date:
    index = first_of_month.year * 12 + first_of_month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


def month_key(first_of_month: date) -> str:
    """The ``YYYY-MM`` form used in input headers."""
    return f"{first_of_month.year:04d}-{first_of_month.month:02d}"


@dataclass(frozen=True)
class Strategy:
    summary: str = ""
    mission: str = ""
    target_market: str = ""
    personas: tuple[str, ...] = ()
    competitors: tuple[str, ...] = ()
    strengths: tuple[str, ...] = ()
    weaknesses: tuple[str, ...] = ()
    opportunities: tuple[str, ...] = ()
    threats: tuple[str, ...] = ()
    team: tuple[tuple[str, str], ...] = ()  # (role, person)
    channels: tuple[tuple[str, str], ...] = ()  # (channel, purpose)


@dataclass(frozen=True)
class ActualsFormat:
    """How finance files are written, where detection should not guess; None: detect."""

    delimiter: str | None = None
    encoding: str | None = None
    decimal_comma: bool | None = None
    day_first: bool | None = None
    header_row: int | None = None


@dataclass(frozen=True)
class FileSettings:
    """One ``[[actuals.sources]]`` entry: how the finance files its ``files`` glob matches
    are read, over what budgetbook would otherwise recognise in them."""

    files: str  # a glob, matched against the file's path in the project or in actuals/
    source: str | None = None  # a source's key (budgetbook.read.sources); None: recognised
    columns: dict[str, str] = field(default_factory=dict)
    sign: str | None = None  # a budgetbook.read.sources.Sign value
    format: ActualsFormat = field(default_factory=ActualsFormat)
    accounts: tuple[str, ...] | None = None  # account prefixes that count
    currency: str | None = None  # the amounts' currency, where no column or header says it
    tax_included: bool | None = None  # whether the amounts include VAT; None: the source's

    def matches(self, shown: str) -> bool:
        """Whether ``shown`` (``actuals/x.csv``) is one of this entry's files."""
        inside = shown.split("/", 1)[1] if shown.startswith("actuals/") else shown
        return any(fnmatchcase(path.casefold(), self.files.casefold()) for path in (shown, inside))


@dataclass(frozen=True)
class MetricFileSettings:
    """One ``[[metrics.sources]]`` entry: what budgetbook.toml says of the ad-platform exports
    its ``files`` glob matches in metrics/."""

    files: str  # a glob, matched against the file's path in the project or in metrics/
    channel: str | None = None  # the channel of rows that do not name their own platform

    def matches(self, shown: str) -> bool:
        """Whether ``shown`` (``metrics/x.csv``) is one of this entry's files."""
        inside = shown.split("/", 1)[1] if shown.startswith("metrics/") else shown
        return any(fnmatchcase(path.casefold(), self.files.casefold()) for path in (shown, inside))


@dataclass(frozen=True)
class Limits:
    """How large an input may be before it is refused; each can be raised in budgetbook.toml
    under [limits], by the key named in the message that hits it."""

    file_mb: int = 500  # a file's size on disk
    unpacked_mb: int = 500  # an .xlsx archive's content once unpacked
    rows: int = 2_000_000  # rows of one table
    cells: int = 20_000_000  # an .xlsx sheet's grid, from A1 to its farthest cell
    cell_chars: int = 100_000  # characters of one CSV cell


@dataclass(frozen=True)
class WorkbookOptions:
    """How the workbook lays out many transactions; set under [workbook] in budgetbook.toml."""

    # From this many transactions on, each Budget Actual cell reads its month's rows of
    # Actuals only (kept in date order), not the whole sheet.
    sum_by_month_from: int = 10_000
    # Above this many, Actuals holds one total per line and month, the transactions a CSV
    # file beside the workbook; a sheet holds 1,048,575 rows below its header.
    actuals_sheet_max: int = 1_000_000


SHEET_ROWS_MAX = 1_048_575


@dataclass(frozen=True)
class Config:
    company_name: str
    currency: str
    period: Period
    carry_over: CarryOver
    language: str = "en"
    actuals_columns: dict[str, str] = field(default_factory=dict)
    actuals_format: ActualsFormat = field(default_factory=ActualsFormat)
    actuals_sources: tuple[FileSettings, ...] = ()
    actuals_accounts: tuple[str, ...] | None = None  # accounting files: the accounts that count
    # Whether the budget's amounts include VAT (TTC) or not (HT, the French business norm).
    tax_included: bool = False
    vat: Decimal | None = None  # the VAT rate of a line whose budget.csv gives none (0.2)
    # Each currency's rate into the budget's (1 USD = 0.92 EUR): by month index of the
    # period, or for every month under None.
    rates: dict[str, dict[int | None, Decimal]] = field(default_factory=dict)
    strategy: Strategy = field(default_factory=Strategy)
    calendar_targets: dict[str, int] = field(default_factory=dict)  # platform -> posts a month
    limits: Limits = field(default_factory=Limits)
    workbook: WorkbookOptions = field(default_factory=WorkbookOptions)
    metrics_sources: tuple[MetricFileSettings, ...] = ()  # [[metrics.sources]], in order

    def rate(self, currency: str, month: int) -> Decimal | None:
        """What one ``currency`` is worth in the budget's, in month ``month`` of the period;
        None when the project gives no rate for it."""
        if currency == self.currency:
            return Decimal(1)
        by_month = self.rates.get(currency, {})
        return by_month.get(month, by_month.get(None))


@dataclass(frozen=True)
class BudgetLine:
    category: str
    name: str
    channel: str
    carry_over: CarryOver
    planned: tuple[Decimal, ...]  # one amount per month of the period
    vat: Decimal | None = None  # its VAT rate (0.2), where budget.csv gives one


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


@dataclass(frozen=True)
class NotCounted:
    """A finance row that was not counted, kept so the user sees it and why."""

    file: str
    row: int | None
    kind: str  # short, for summaries: "no date", "outside the period", ...
    reason: str  # the full sentence shown beside the row
    text: str  # the row's original cells
    amount: Decimal | None = None  # when it could be read, so the summary can total it
    rows: int = 1  # the finance rows it stands for: an accounting file's other sides, summarised


@dataclass(frozen=True)
class MappingRule:
    """Gives ``line`` to a finance row whose description, vendor or account contains ``match``."""

    match: str  # casefolded; compared as a substring
    line: str


@dataclass(frozen=True)
class Source:
    """A finance file as taken: its content hash is how a file sent twice is recognised."""

    file: str
    sha256: str
    rows: int
    counted: int
    reader: str = ""  # the source that read it: "bank statement", "FEC", ...


METRICS = (
    "followers", "new_followers", "lost_followers", "reach", "impressions", "engagements",
    "likes", "comments", "shares", "saves", "clicks", "conversions", "revenue",
)  # fmt: skip
STOCK_METRICS = ("followers",)  # a month's closing count; the others are flows, summed


@dataclass(frozen=True)
class KpiValue:
    """One metric of one channel for one month (``month`` is the first of the month)."""

    month: date
    channel: str
    metric: str  # one of METRICS
    value: Decimal
    source: str  # the file it came from, for messages


@dataclass(frozen=True)
class Objective:
    """A SMART objective: move ``metric`` of ``channel`` from ``baseline`` to ``target``."""

    name: str
    channel: str
    metric: str
    baseline: Decimal
    target: Decimal
    deadline: date
    owner: str


@dataclass(frozen=True)
class Initiative:
    """A step of the roadmap toward an objective, from ``start`` to ``end`` (both included)."""

    name: str
    objective: str  # an Objective's name, or "" when it stands alone
    owner: str
    start: date
    end: date
    status: str  # one of ROADMAP_STATUSES
    complete: Decimal | None  # share done, 0 to 1; None when not given


ROADMAP_STATUSES = ("planned", "in progress", "done", "blocked")


@dataclass(frozen=True)
class Post:
    """One piece of content in the calendar."""

    date: date
    time: str  # "HH:MM" or ""
    platform: str
    format: str
    topic: str
    owner: str
    status: str  # one of POST_STATUSES
    campaign: str


POST_STATUSES = ("idea", "draft", "scheduled", "published")


OPERATION_TYPES = (
    "acquisition", "loyalty", "engagement", "traffic", "satisfaction", "data quality"
)  # fmt: skip
# What counts as an operation's result, by its objective type; participants otherwise.
RESULT_OF_TYPE = {"acquisition": "new_contacts", "data quality": "opt_ins"}


@dataclass(frozen=True)
class Operation:
    """A campaign reviewed at its end: what its lever cost and returned, against its target."""

    name: str
    objective_type: str  # one of OPERATION_TYPES
    segment: str
    lever: str
    budget: Decimal
    cost: Decimal
    participants: Decimal
    opt_ins: Decimal
    new_contacts: Decimal
    revenue: Decimal
    target: Decimal

    @property
    def result(self) -> Decimal:
        return getattr(self, RESULT_OF_TYPE.get(self.objective_type, "participants"))


@dataclass
class Project:
    root: Path
    config: Config
    lines: list[BudgetLine]
    transactions: Transactions
    not_counted: list[NotCounted]
    data_rows: int = 0  # finance data rows read, counted or not
    sources: list[Source] = field(default_factory=list)
    rules: list[MappingRule] = field(default_factory=list)
    config_text: str = ""  # budgetbook.toml as read, kept in the workbook for later updates
    objectives: list[Objective] = field(default_factory=list)
    initiatives: list[Initiative] = field(default_factory=list)
    posts: list[Post] = field(default_factory=list)
    kpis: list[KpiValue] = field(default_factory=list)
    operations: list[Operation] = field(default_factory=list)
    metric_exports: list = field(default_factory=list)  # MetricExport, from metrics/
    # The files of metrics/ that were not read, each with why (kind UNREADABLE).
    metrics_not_read: list[NotCounted] = field(default_factory=list)

    @property
    def categories(self) -> list[str]:
        """Categories in the order they first appear in the budget file."""
        return list(dict.fromkeys(line.category for line in self.lines))
