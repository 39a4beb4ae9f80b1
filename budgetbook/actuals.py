"""Read finance's actuals: count each row once, or record why it was not counted."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from budgetbook.config import ACTUALS_COLUMNS
from budgetbook.errors import InputErrors, Problem
from budgetbook.model import BudgetLine, Config, NotCounted, Transaction
from budgetbook.tables import TABLE_SUFFIXES, Table, read_table
from budgetbook.values import detect_decimal_comma, parse_amount, parse_date

# Headers that exports use for each canonical column, compared without case.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "date": ("date", "transaction date", "date opération", "date d'opération", "date comptable"),
    "amount": ("amount", "montant", "montant ttc", "debit", "débit", "cost", "spend"),
    "line": ("line", "budget line", "ligne", "ligne budgétaire", "poste"),
    "description": ("description", "libellé", "libelle", "label", "memo", "intitulé"),
    "vendor": ("vendor", "supplier", "payee", "fournisseur", "tiers"),
    "account": ("account", "compte", "gl account", "n° compte"),
}


@dataclass(frozen=True)
class MappingRule:
    match: str  # compared case-insensitively as a substring
    line: str


@dataclass
class Actuals:
    transactions: list[Transaction]
    not_counted: list[NotCounted]
    data_rows: int


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
) -> Actuals:
    """Read every file; raise InputErrors for files whose columns cannot be found."""
    names = {line.name.casefold(): line.name for line in lines}
    result = Actuals([], [], 0)
    problems: list[Problem] = []
    seen: dict[str, str] = {}  # content hash -> file first counted
    for path in paths:
        shown = path.relative_to(root).as_posix()
        table = read_table(path, shown, lambda header: _looks_like_header(header, config))
        result.data_rows += len(table.rows)
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest in seen:
            reason = f"same content as {seen[digest]}, which is counted"
            result.not_counted += [
                NotCounted(shown, number, "file sent twice", reason, _row_text(row))
                for number, row in table.rows
            ]
            continue
        seen[digest] = shown
        columns, file_problems = _find_columns(table, config, bool(rules))
        if file_problems:
            problems += file_problems
            continue
        _read_rows(table, columns, config, names, rules, result)
    if problems:
        raise InputErrors(problems)
    return result


def _looks_like_header(header: list[str], config: Config) -> bool:
    """A header names at least the date and the amount columns."""
    titles = {title.casefold() for title in header}
    for name in ("date", "amount"):
        wanted = (
            (config.actuals_columns[name],) if name in config.actuals_columns else SYNONYMS[name]
        )
        if not any(w.casefold() in titles for w in wanted):
            return False
    return True


def _find_columns(
    table: Table, config: Config, have_rules: bool
) -> tuple[dict[str, int], list[Problem]]:
    columns: dict[str, int] = {}
    problems: list[Problem] = []
    for name in ACTUALS_COLUMNS:
        if name in config.actuals_columns:
            header = config.actuals_columns[name]
            index = table.column(header)
            if index is None:
                problems.append(
                    Problem(
                        table.file,
                        f"has no column '{header}', which budgetbook.toml names"
                        f" as [actuals.columns] {name}.",
                        row=1,
                        hint=f"Its columns are: {', '.join(table.header)}.",
                    )
                )
                continue
        else:
            index = next((i for s in SYNONYMS[name] if (i := table.column(s)) is not None), None)
        if index is not None:
            columns[name] = index
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


def _read_rows(
    table: Table,
    columns: dict[str, int],
    config: Config,
    names: dict[str, str],
    rules: list[MappingRule],
    result: Actuals,
) -> None:
    decimal_comma = detect_decimal_comma([row[columns["amount"]] for _, row in table.rows])

    for number, row in table.rows:
        try:
            transaction = _transaction(
                table, number, row, columns, config, names, rules, decimal_comma
            )
        except _Skip as skip:
            result.not_counted.append(
                NotCounted(table.file, number, skip.kind, skip.reason, _row_text(row))
            )
        else:
            result.transactions.append(transaction)


class _Skip(Exception):
    """Why a row is not counted."""

    def __init__(self, kind: str, reason: str):
        super().__init__(reason)
        self.kind, self.reason = kind, reason


def _transaction(table, number, row, columns, config, names, rules, decimal_comma) -> Transaction:
    def text(name: str) -> str:
        return str(row[columns[name]]).strip() if name in columns else ""

    if table.overflow(row):
        raise _Skip(
            "shifted row",
            f"more cells than the header's {len(table.header)} columns"
            " (an unquoted separator inside a value?)",
        )
    raw_date, raw_amount = row[columns["date"]], row[columns["amount"]]
    if not str(raw_date).strip():
        raise _Skip("no date", "no date (a total or a note?)")
    try:
        day = parse_date(raw_date)
    except ValueError:
        raise _Skip("date not understood", f"date not understood: {raw_date}") from None
    if config.period.month_index(day) is None:
        raise _Skip("outside the period", f"date {day.isoformat()} is outside the budget period")
    try:
        amount = parse_amount(raw_amount, decimal_comma)
    except ValueError:
        raise _Skip("amount not understood", f"amount not understood: {raw_amount}") from None
    given = text("line")
    if given:
        line = names.get(given.casefold())
        if line is None:
            raise _Skip("unknown line", f"no budget line is named {given}")
    else:
        line = _apply_rules([text(n) for n in ("description", "vendor", "account")], rules)
        if line is None:
            raise _Skip("no line", "no line given and no mapping rule matches")
    return Transaction(
        day,
        amount,
        line,
        text("description"),
        text("vendor"),
        text("account"),
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
