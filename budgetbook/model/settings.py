"""The project's settings, as budgetbook.toml gives them (`Config`): the company, the period,
how finance's files and the ad-platform exports are read, the currency rates, the strategy,
the limits on an input's size and how the workbook lays out many transactions."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from fnmatch import fnmatchcase

from budgetbook.model.budget import CarryOver, Period


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
    # [budget] as_of, the last closed month; None: the month of the latest counted transaction.
    as_of: date | None = None
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
