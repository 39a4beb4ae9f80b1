"""An accounting file's rows set apart before it is read: the other sides of its
entries (supplier, VAT, bank), summarised by account class, and the headings of a ledger
laid out in sections."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from budgetbook.errors import Problem, UnreadableFile
from budgetbook.i18n.catalogue import N_
from budgetbook.i18n.messages import Text
from budgetbook.model import (
    Config,
    NotCounted,
)
from budgetbook.read.reading_plans import Reading
from budgetbook.read.row_reasons import stripped
from budgetbook.read.sources import (
    SECTION_ACCOUNT,
    Titles,
)
from budgetbook.read.tables import (
    Frame,
    Table,
)
from budgetbook.read.values import (
    TOTAL_ROW,
)


def other_sides(
    table: Table, columns: dict[str, int], accounts: tuple[str, ...]
) -> tuple[Table, list[NotCounted]]:
    """An accounting file's lines on the accounts that count (and those that name their budget
    line), and one summary of the others by account class: the supplier, VAT and bank sides
    of the same entries, which would count an invoice twice. The lines kept take the
    supplier's name of their entry as vendor, where they have none and the entry has a
    single supplier, so mapping rules can match it."""
    account, vendor, line = columns.get("account"), columns.get("vendor"), columns.get("line")
    entry = [columns[name] for name in ("journal", "entry") if name in columns]
    kept: list[tuple[int, list[object]]] = []
    others: dict[str, list[int]] = {}
    vendors: dict[tuple, set[str]] = {}  # each entry's suppliers
    counting = tuple(prefix.casefold() for prefix in accounts)
    for number, row in table.rows:
        number_text = "" if account is None else stripped(row[account])
        if number_text.casefold().startswith(counting) or (
            line is not None and stripped(row[line])
        ):
            kept.append((number, row))  # a row that names its budget line keeps it
        elif number_text or any(stripped(cell) for cell in row):
            # A chart's numbers by their class; named accounts by name.
            key = number_text[:1] if number_text[:1].isdigit() else number_text or "?"
            others.setdefault(key, []).append(number)
        if entry and vendor is not None and stripped(row[vendor]):
            vendors.setdefault(tuple(stripped(row[i]) for i in entry), set()).add(
                stripped(row[vendor])
            )
    if entry and vendor is not None and vendors:
        for _, row in kept:
            names = vendors.get(tuple(stripped(row[i]) for i in entry), set())
            # An entry of several suppliers (a day's batch) cannot say whose a line is.
            if not stripped(row[vendor]) and len(names) == 1:
                row[vendor] = next(iter(names))
    counted = ", ".join(accounts)
    summaries = [
        rows_summary(
            table.file,
            "other account",
            Text(
                "lines on class {digit} accounts ({what}), {count:,} in all: the other sides"
                " of the entries; only the lines on accounts {counted} count",
                count=len(numbers),
                digit=key,
                what=Text(ACCOUNT_CLASSES.get(key, UNKNOWN_CLASS)),
                counted=counted,
            )
            if len(key) == 1
            else Text(
                "lines on the account '{account}', {count:,} in all: the other sides of the"
                " entries; only the lines on the accounts {counted} count",
                count=len(numbers),
                account=key,
                counted=counted,
            ),
            numbers,
        )
        for key, numbers in sorted(others.items())
    ]
    return Table(table.file, table.header, kept, table.sha256, table.delimiter), summaries


def with_chart(reading: Reading, table: Table | Frame, config: Config) -> Reading:
    """A ledger whose account column holds the French chart's numbers, and among them third
    parties' (4: suppliers, VAT) or the bank's (5) beside expenses (6), lists the other sides
    of its entries too: read as the FEC is, only its expense lines counting (or those of
    ``[actuals] accounts``), so that a rule matching a supplier's name on its 401 line does
    not count an invoice twice."""
    index = reading.source.column("account", Titles(table.header))
    if index is None:
        return reading
    if isinstance(table, Frame):
        cells = table.cells[str(index)].unique().to_list()
    else:
        cells = {stripped(row[index]) for _, row in table.rows}
    classes = set()
    for cell in cells:
        text = stripped(cell)
        if text and text[0] not in "12345678":
            return reading  # not the chart's numbers: a name, a bank account's number
        classes.add(text[:1])
    if "6" not in classes or not classes & {"4", "5"}:
        return reading
    return replace(reading, accounts=config.actuals_accounts or ("6",))


def rows_summary(file: str, kind: str, reason: Text, numbers: list[int]) -> NotCounted:
    """One not-counted item for many rows of a file: where they are (each of a few, or the
    first and the last), and no amount, which would be another side's."""
    if len(numbers) <= 12:
        where = Text("rows {numbers}", numbers=", ".join(map(str, numbers)))
    else:
        where = Text("rows {first} to {last}", first=numbers[0], last=numbers[-1])
    return NotCounted(file, None, kind, reason, where, None, len(numbers))


def with_sections(table: Table) -> tuple[Table, list[NotCounted]]:
    """A ledger laid out in sections, with a last column giving each line its section's
    account (`SECTION_ACCOUNT`), and its heading rows (a row whose only cell is an account's
    name) summarised as not counted: they are titles, not transactions."""
    rows: list[tuple[int, list[object]]] = []
    headings: list[int] = []
    section = ""
    for number, row in table.rows:
        filled = [stripped(cell) for cell in row if stripped(cell)]
        if len(filled) == 1 and not TOTAL_ROW.match(filled[0]):
            section = filled[0]
            headings.append(number)
            continue
        rows.append((number, [*row, section]))
    reason = Text(
        "account headings, {count:,} in all: titles, not transactions", count=len(headings)
    )
    summary = [rows_summary(table.file, "heading", reason, headings)] if headings else []
    header = [*table.header, SECTION_ACCOUNT]
    return Table(table.file, header, rows, table.sha256, table.delimiter), summary


def accounts_unknown(table: Table, reading: Reading) -> UnreadableFile:
    """A ledger of named accounts whose project has not said which ones count."""
    names = dict.fromkeys(stripped(row[-1]) for _, row in table.rows if stripped(row[-1]))
    return UnreadableFile(
        [
            Problem(
                table.file,
                Text(
                    "is a {source}: it lists every side of each entry (the expense, the"
                    " supplier, the bank), and budgetbook cannot tell which of its accounts"
                    " are expenses.",
                    source=Text(reading.name),
                ),
                hint=Text(
                    "Name the accounts that count in budgetbook.toml: [[actuals.sources]] files ="
                    ' "{file}" and accounts = [...], among: {names}.',
                    file=Path(table.file).name,
                    names=", ".join(names),
                ),
            )
        ]
    )


# The French chart of accounts' classes (Plan comptable général), as a summary names them.
ACCOUNT_CLASSES = {
    "1": N_("equity and loans"),
    "2": N_("fixed assets"),
    "3": N_("stocks"),
    "4": N_("suppliers, customers, VAT and other third parties"),
    "5": N_("bank and cash"),
    "6": N_("expenses"),
    "7": N_("revenue"),
    "8": N_("special accounts"),
}
UNKNOWN_CLASS = N_("unknown class")
