"""A project as read (`Project`), with what it says of finance's files: each file taken
(`Source`), each row not counted and why (`NotCounted`), and the rules that give a row its
line (`MappingRule`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from budgetbook.model.budget import BudgetLine
from budgetbook.model.marketing import Initiative, KpiValue, Objective, Operation, Post
from budgetbook.model.settings import Config
from budgetbook.model.transactions import Transactions


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
