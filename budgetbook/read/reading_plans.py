"""How a finance file is read: the settings that may read it, tried in turn, and the
columns of its source found in its header."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from budgetbook.errors import Problem
from budgetbook.i18n.messages import Text
from budgetbook.model import (
    ActualsFormat,
    Config,
    FileSettings,
)
from budgetbook.read.config import ACTUALS_COLUMNS
from budgetbook.read.sources import (
    BY_KEY,
    Sign,
    Titles,
    normalise_header,
    recognise,
)
from budgetbook.read.sources import Source as ReadSource
from budgetbook.read.sources.ledger import LEDGER
from budgetbook.read.suggestions import closest, did_you_mean
from budgetbook.read.tables import (
    Table,
)


@dataclass(frozen=True)
class Reading:
    """How one file is read: its source, with what budgetbook.toml says of it on top."""

    source: ReadSource
    day_first: bool | None
    decimal_comma: bool | None
    sign: Sign | None
    accounts: tuple[str, ...] | None
    currency: str | None = None  # the amounts' currency, where no column or header says it
    tax_included: bool | None = None  # whether the amounts include VAT; None: unknown

    @property
    def name(self) -> str:
        return self.source.name


@dataclass(frozen=True)
class ReadingPlan:
    """One way to try a file: the settings that may read it.

    A ``[[actuals.sources]]`` entry whose ``files`` match the file is the only plan, and its
    columns must be there. Otherwise the project-wide ``[actuals]`` settings are tried first,
    where they fit the file (its header holds every column they name), then recognition.
    """

    settings: FileSettings | None  # None: the project-wide [actuals] settings, or none at all
    columns: dict[str, str]
    fmt: ActualsFormat
    where: str  # the settings, as the user would find them in budgetbook.toml

    @property
    def may_use_columns(self) -> bool:
        return self.settings is None or self.settings.source in (None, "ledger")

    def options(self, config: Config) -> dict:
        return {
            "delimiter": self.fmt.delimiter,
            "encoding": self.fmt.encoding,
            "header_row": self.fmt.header_row,
            "limits": config.limits,
        }

    def accepts(self, header: list[str]) -> bool:
        return self.source_of(header) is not None

    def source_of(self, header: list[str]) -> ReadSource | None:
        """The source that reads a file with this header under this plan, or None."""
        titles = Titles(header)
        named = self.settings.source if self.settings else None
        source = BY_KEY[named] if named else recognise(header)
        if self.columns:
            wanted = {normalise_header(title, units=True) for title in self.columns.values()}
            if self.settings is None and not wanted <= titles.all:
                return None  # project-wide names that do not fit this file
            source = (source or LEDGER).with_columns(self.columns)
        if source is None:
            return None
        if self.columns or self.settings is not None:
            return source  # its columns are checked, and named if missing
        return source if source.recognises(titles) else None

    def reading(self, source: ReadSource, config: Config) -> Reading:
        settings = self.settings
        accounts = source.accounts
        if accounts is not None and config.actuals_accounts is not None:
            accounts = config.actuals_accounts
        if settings is not None and settings.accounts is not None:
            accounts = settings.accounts
        sign = Sign(settings.sign) if settings is not None and settings.sign else source.sign
        tax_included = source.tax_included
        if settings is not None and settings.tax_included is not None:
            tax_included = settings.tax_included
        return Reading(
            source,
            self.fmt.day_first if self.fmt.day_first is not None else source.day_first,
            self.fmt.decimal_comma if self.fmt.decimal_comma is not None else source.decimal_comma,
            sign,
            accounts,
            settings.currency if settings is not None else None,
            tax_included,
        )


def reading_plans(shown: str, config: Config) -> list[ReadingPlan]:
    """The ways to try a file, in turn (`ReadingPlan`)."""
    for number, settings in enumerate(config.actuals_sources, start=1):
        if settings.matches(shown):
            where = Text(
                "[[actuals.sources]] number {number} (files = {files})",
                number=number,
                files=settings.files,
            )
            return [ReadingPlan(settings, settings.columns, settings.format, where)]
    recognised = ReadingPlan(None, {}, ActualsFormat(), "")
    if config.actuals_columns or config.actuals_format != ActualsFormat():
        project = ReadingPlan(None, config.actuals_columns, config.actuals_format, "[actuals]")
        return [project, recognised]
    return [recognised]


# A ledger read with nothing declared or set: what a file no source recognises is held to.
AS_A_LEDGER = Reading(LEDGER, None, None, None, None)


def unrecognised(table: Table, plan: ReadingPlan, have_rules: bool) -> list[Problem]:
    """Why no source reads a file: the columns it lacks, as the generic ledger looks for them."""
    return find_columns(table, AS_A_LEDGER, plan, have_rules)[1]


def find_columns(
    table: Table, reading: Reading, plan: ReadingPlan, have_rules: bool
) -> tuple[dict[str, int], list[Problem]]:
    columns: dict[str, int] = {}
    problems: list[Problem] = []
    titles = Titles(table.header)
    given = plan.columns
    for name in (*ACTUALS_COLUMNS, *DECLARED_COLUMNS):
        index = reading.source.column(name, titles)
        if index is not None:
            columns[name] = index
        elif name in given:
            hint = Text("Its columns are: {titles}.", titles=", ".join(table.header))
            if (meant := closest(given[name], table.header)) is not None:
                hint = Text("{message} {hint}", message=did_you_mean(meant), hint=hint)
            problems.append(
                Problem(
                    table.file,
                    Text(
                        "has no column '{title}', which budgetbook.toml names as"
                        " {name} in {where}.",
                        title=given[name],
                        name=name,
                        where=plan.where,
                    ),
                    row=1,
                    hint=hint,
                )
            )
    if columns.get("credit") == columns.get("amount"):
        columns.pop("credit", None)
    required = ["date", "amount"] + ([] if have_rules else ["line"])
    held = {"date": Text("the date"), "amount": Text("the amount"), "line": Text("the line")}
    for name in required:
        if name not in columns and name not in given:
            problems.append(
                Problem(
                    table.file,
                    Text("no column holds {what}.", what=held[name]),
                    row=1,
                    hint=Text(
                        "Its columns are: {titles}. Name the right one in budgetbook.toml:"
                        ' [[actuals.sources]] files = "{file}" columns = {{ {name} = "..." }}'
                        "{rules}.",
                        titles=", ".join(table.header),
                        file=Path(table.file).name,
                        name=name,
                        rules=Text(", or add mapping.csv rules") if name == "line" else "",
                    ),
                )
            )
    return columns, problems


# Columns a source may declare beyond the canonical ones: an accounting file's entry, a
# statement's currency and state, a FEC's direction of each amount (Sens).
DECLARED_COLUMNS = ("journal", "entry", "currency", "state", "direction")
