"""Read finance's actuals: count each row once, or record why it was not counted."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from budgetbook.config import ACTUALS_COLUMNS
from budgetbook.errors import InputErrors, Problem, UnreadableFile
from budgetbook.model import BudgetLine, Config, MappingRule, NotCounted, Source, Transaction
from budgetbook.tables import TABLE_SUFFIXES, Table, read_table
from budgetbook.values import detect_day_first, detect_decimal_comma, parse_amount, parse_date

# Headers that exports use for each canonical column, most specific first; compared after
# `normalise_header` (no case, accents, punctuation or parenthesised units).
SYNONYMS: dict[str, tuple[str, ...]] = {
    "date": (
        "date", "transaction date", "date operation", "date d operation", "date comptable",
        "date de la transaction", "date facture", "invoice date", "day", "jour", "posting date",
        "reporting starts", "debut des rapports", "billing date", "date de facturation",
    ),
    "amount": (
        "amount", "montant", "montant ttc", "amount spent", "montant depense", "cost", "cout",
        "spend", "depense", "total amount", "debit",
    ),
    "credit": ("credit",),
    "line": ("line", "budget line", "ligne", "ligne budgetaire", "poste", "poste budgetaire"),
    "description": (
        "description", "libelle", "label", "memo", "intitule", "campaign", "campaign name",
        "campagne", "nom de la campagne", "libelle ecriture",
    ),
    "vendor": ("vendor", "supplier", "payee", "fournisseur", "tiers", "beneficiaire"),
    "account": (
        "account", "compte", "gl account", "n compte", "numero de compte", "compte general",
    ),
}  # fmt: skip
TOTAL_ROW = re.compile(r"^\s*(sous[- ]?)?total\b", re.IGNORECASE)


def normalise_header(text: str) -> str:
    """``Montant (€)`` and ``montant`` alike: no case, accents, units or punctuation."""
    plain = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    plain = re.sub(r"\(.*?\)|\[.*?\]", " ", plain)
    return " ".join(re.sub(r"[^a-z0-9]+", " ", plain).split())


@dataclass
class Actuals:
    """What a set of finance files gave: counted rows, rows not counted, and their sources."""

    transactions: list[Transaction] = field(default_factory=list)
    not_counted: list[NotCounted] = field(default_factory=list)
    data_rows: int = 0
    sources: list[Source] = field(default_factory=list)

    def add(self, other: Actuals) -> None:
        self.transactions += other.transactions
        self.not_counted += other.not_counted
        self.data_rows += other.data_rows
        self.sources += other.sources


def actuals_files(folder: Path) -> list[Path]:
    """Every table in ``actuals/``, by name; lock and hidden files left out."""
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and p.suffix.lower() in TABLE_SUFFIXES and not p.name.startswith((".", "~$"))
    )


def read_mapping(table: Table, lines: list[BudgetLine]) -> tuple[list[MappingRule], list[Problem]]:
    problems: list[Problem] = []
    match_col, line_col = table.column("match"), table.column("line")
    for name, index in (("match", match_col), ("line", line_col)):
        if index is None:
            problems.append(Problem(table.file, f"the column '{name}' is missing.", row=1))
    if problems:
        return [], problems
    names = {line.name.casefold(): line.name for line in lines}
    rules: list[MappingRule] = []
    for number, row in table.rows:
        match, line = str(row[match_col]).strip(), str(row[line_col]).strip()
        if not match:
            problems.append(
                Problem(table.file, "the match text is empty.", row=number, column="match")
            )
        elif line.casefold() not in names:
            problems.append(
                Problem(
                    table.file,
                    "no budget line has this name.",
                    row=number,
                    column="line",
                    value=line,
                    hint="Use a line name exactly as in the budget file.",
                )
            )
        else:
            rules.append(MappingRule(match.casefold(), names[line.casefold()]))
    return rules, problems


def read_actuals(
    paths: list[Path],
    root: Path,
    config: Config,
    lines: list[BudgetLine],
    rules: list[MappingRule],
    already_taken: dict[str, str] | None = None,
    refuse_unreadable: bool = False,
) -> Actuals:
    """Read every file; a file whose content was already taken (``already_taken``: hash ->
    file name) or is met twice here is not counted again. A file refused whole (binary,
    damaged, beyond a limit) is listed as not counted, or with ``refuse_unreadable`` is a
    problem. Raise InputErrors, after reading them all, for the problems found."""
    result = Actuals()
    problems: list[Problem] = []
    seen = dict(already_taken or {})
    for path in paths:
        shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.name
        try:
            taken = read_actuals_file(path, shown, config, lines, rules, seen)
        except UnreadableFile as exc:
            if refuse_unreadable:
                problems += exc.problems
            else:
                result.not_counted += [_unreadable(problem) for problem in exc.problems]
            continue
        except InputErrors as exc:
            problems += exc.problems
            continue
        seen.setdefault(taken.sources[0].sha256, shown)
        result.add(taken)
    if problems:
        raise InputErrors(problems)
    return result


UNREADABLE = "unreadable file"


def _unreadable(problem: Problem) -> NotCounted:
    """A whole file left out: its rows are unknown, so it is listed once, with the reason."""
    reason = problem.message + (f" {problem.hint}" if problem.hint else "")
    return NotCounted(problem.file, problem.row, UNREADABLE, reason, "", None)


def read_actuals_file(
    path: Path,
    shown: str,
    config: Config,
    lines: list[BudgetLine],
    rules: list[MappingRule],
    seen: dict[str, str],
) -> Actuals:
    """One finance file: every data row counted or recorded as not counted, never both."""
    fmt = config.actuals_format
    table = read_table(
        path,
        shown,
        lambda header: _looks_like_header(header, config),
        delimiter=fmt.delimiter,
        encoding=fmt.encoding,
        header_row=fmt.header_row,
        limits=config.limits,
    )
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    result = Actuals(data_rows=len(table.rows))
    columns, problems = _find_columns(table, config, bool(rules))
    if digest in seen:
        reason = f"same content as {seen[digest]}, which is already counted"
        reader = None if problems else _RowReader(table, columns, config, lines, rules)
        result.not_counted = [
            NotCounted(
                shown,
                number,
                "file sent twice",
                reason,
                _row_text(row),
                reader.amount(row) if reader else None,
            )
            for number, row in table.rows
        ]
    elif problems:
        raise InputErrors(problems)
    else:
        reader = _RowReader(table, columns, config, lines, rules)
        for number, row in table.rows:
            try:
                result.transactions.append(reader.transaction(number, row))
            except _Skip as skip:
                result.not_counted.append(
                    NotCounted(
                        shown, number, skip.kind, skip.reason, _row_text(row), reader.amount(row)
                    )
                )
    result.sources = [Source(shown, digest, len(table.rows), len(result.transactions))]
    return result


def _looks_like_header(header: list[str], config: Config) -> bool:
    """A header names at least the date and the amount columns."""
    titles = {normalise_header(title) for title in header}
    for name in ("date", "amount"):
        wanted = (
            (config.actuals_columns[name],) if name in config.actuals_columns else SYNONYMS[name]
        )
        if not any(normalise_header(w) in titles for w in wanted):
            return False
    return True


def _find_columns(
    table: Table, config: Config, have_rules: bool
) -> tuple[dict[str, int], list[Problem]]:
    columns: dict[str, int] = {}
    problems: list[Problem] = []
    titles = [normalise_header(title) for title in table.header]
    for name in ACTUALS_COLUMNS:
        configured = config.actuals_columns.get(name)
        wanted = (configured,) if configured else SYNONYMS[name]
        index = next((titles.index(w) for w in map(normalise_header, wanted) if w in titles), None)
        if index is not None:
            columns[name] = index
        elif configured:
            problems.append(
                Problem(
                    table.file,
                    f"has no column '{configured}', which budgetbook.toml names"
                    f" as [actuals.columns] {name}.",
                    row=1,
                    hint=f"Its columns are: {', '.join(table.header)}.",
                )
            )
    if columns.get("credit") == columns.get("amount"):
        columns.pop("credit", None)
    required = ["date", "amount"] + ([] if have_rules else ["line"])
    for name in required:
        if name not in columns and name not in config.actuals_columns:
            problems.append(
                Problem(
                    table.file,
                    f"no column holds the {name}.",
                    row=1,
                    hint=f"Its columns are: {', '.join(table.header)}. Name the right one in"
                    f' budgetbook.toml: [actuals.columns] {name} = "..."'
                    + ("" if name != "line" else ", or add mapping.csv rules")
                    + ".",
                )
            )
    return columns, problems


class _Skip(Exception):
    """Why a row is not counted."""

    def __init__(self, kind: str, reason: str):
        super().__init__(reason)
        self.kind, self.reason = kind, reason


class _RowReader:
    """Turns a file's rows into transactions, with the conventions detected for that file."""

    def __init__(self, table, columns, config, lines, rules):
        self.table, self.columns, self.config, self.rules = table, columns, config, rules
        self.names = {line.name.casefold(): line.name for line in lines}
        fmt = config.actuals_format
        money = [
            row[columns[c]] for _, row in table.rows for c in ("amount", "credit") if c in columns
        ]
        self.decimal_comma = (
            fmt.decimal_comma if fmt.decimal_comma is not None else detect_decimal_comma(money)
        )
        self.day_first = (
            fmt.day_first
            if fmt.day_first is not None
            else detect_day_first([row[columns["date"]] for _, row in table.rows])
        )

    def text(self, row: list[object], name: str) -> str:
        if name not in self.columns:
            return ""
        cell = row[self.columns[name]]
        return "" if cell is None else str(cell).strip()

    def amount(self, row: list[object]) -> Decimal | None:
        """Spent minus credited, or None when neither reads as an amount."""
        values = []
        for name in ("amount", "credit"):
            raw = self.text(row, name)
            if not raw:
                continue
            try:
                values.append(parse_amount(row[self.columns[name]], self.decimal_comma))
            except ValueError:
                return None
            if name == "credit":
                values[-1] = -values[-1]
        return sum(values, Decimal(0)) if values else None

    def transaction(self, number: int, row: list[object]) -> Transaction:
        table = self.table
        if table.overflow(row):
            raise _Skip(
                "shifted row",
                f"more cells than the header's {len(table.header)} columns"
                " (an unquoted separator inside a value?)",
            )
        raw_date = self.text(row, "date")
        first_cell = next((str(c).strip() for c in row if c is not None and str(c).strip()), "")
        if TOTAL_ROW.match(raw_date) or (not raw_date and TOTAL_ROW.match(first_cell)):
            raise _Skip("total row", "a total row, not a transaction")
        if not raw_date:
            raise _Skip("no date", "no date")
        try:
            day = parse_date(row[self.columns["date"]], self.day_first)
        except ValueError:
            raise _Skip("date not understood", f"date not understood: {raw_date}") from None
        if self.config.period.month_index(day) is None:
            raise _Skip(
                "outside the period", f"date {day.isoformat()} is outside the budget period"
            )
        amount = self.amount(row)
        if amount is None:
            shown = self.text(row, "amount") or "(blank)"
            raise _Skip("amount not understood", f"amount not understood: {shown}")
        given = self.text(row, "line")
        if given:
            line = self.names.get(given.casefold())
            if line is None:
                raise _Skip("unknown line", f"no budget line is named {given}")
        else:
            texts = [self.text(row, n) for n in ("description", "vendor", "account")]
            line = _apply_rules(texts, self.rules)
            if line is None:
                raise _Skip("no line", "no line given and no mapping rule matches")
        return Transaction(
            day,
            amount,
            line,
            self.text(row, "description"),
            self.text(row, "vendor"),
            self.text(row, "account"),
            table.file,
            number,
        )


def _apply_rules(texts: list[str], rules: list[MappingRule]) -> str | None:
    haystacks = [t.casefold() for t in texts]
    for rule in rules:
        if any(rule.match in haystack for haystack in haystacks):
            return rule.line
    return None


def _row_text(row: list[object]) -> str:
    return " | ".join("" if cell is None else str(cell) for cell in row)
