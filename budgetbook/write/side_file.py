"""The transactions' own file, beside a workbook whose Actuals sheet holds monthly totals."""

from __future__ import annotations

import csv
from pathlib import Path

from budgetbook.i18n.labels import Labels
from budgetbook.model import Transaction
from budgetbook.read.values import money_text

# A spreadsheet opening a CSV file runs a cell that starts like this as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def side_file_for(book: Path) -> Path:
    return book.with_name(f"{book.stem}-transactions.csv")


def write_side_file(path: Path, transactions: list[Transaction], labels: Labels) -> None:
    """UTF-8 with a BOM so Excel reads accents right; dates in ISO form, amounts with a dot;
    the header in the workbook's language."""
    with open(path, "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(
            (
                labels.date,
                labels.line,
                labels.amount,
                labels.description,
                labels.vendor,
                labels.account,
                labels.source_file,
                labels.source_row,
            )
        )
        writer.writerows(
            (
                t.date.isoformat(),
                _defused(t.line),
                money_text(t.amount),
                _defused(t.description),
                _defused(t.vendor),
                _defused(t.account),
                _defused(t.source_file),
                t.source_row,
            )
            for t in transactions
        )


def _defused(value: str) -> str:
    """Untrusted text stays text: an apostrophe before what would start a formula."""
    return "'" + value if value.startswith(_FORMULA_START) else value
