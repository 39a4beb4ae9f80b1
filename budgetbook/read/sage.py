"""Sage 100 Comptabilité's accounting export (Fichier > Exporter, "Trésorerie Sage" format), a
``.pnm`` file: the company's name on its first line, then one entry line of 110 characters per
side of each entry, in fixed columns. Turned into a table read as an accounting export is: only
the expense lines (class 6) count, the supplier and bank sides are summarised.

Where its layout was learnt: ``tests/data/sources/accounting/LAYOUTS.md``. The one export seen
was in CFA francs, whose amounts have no cents: whether Sage writes a euro amount with its
decimals or in cents was not found, so a file whose amounts have no decimal separator is not
read, rather than read a hundred times too large.
"""

from __future__ import annotations

from budgetbook.errors import UnreadableFile
from budgetbook.i18n.messages import Text
from budgetbook.read.tables import refuse
from budgetbook.read.text_lines import decoded_lines

# The columns of the table a .pnm file becomes.
PNM_HEADER = ["Date", "Journal", "Compte", "Tiers", "Pièce", "Libellé", "Sens", "Montant"]
# Where each field is on an entry line: [start, end) in characters.
JOURNAL, DATE, ACCOUNT = (0, 3), (3, 9), (11, 24)
THIRD_PARTY, PIECE, LABEL = (25, 38), (38, 50), (51, 76)
SIDE, AMOUNT = (83, 84), (84, 104)
# An entry line holds at least the entry type after the amount (N, a normal entry).
LINE_LENGTH = 105


def pnm_rows(data: bytes, shown: str) -> list[tuple[int, list[object]]]:
    """Each entry line of a .pnm export as a row of `PNM_HEADER`, numbered by its line in the
    file; the first line, the company's name, is not an entry."""
    rows: list[tuple[int, list[object]]] = []
    for number, line in enumerate(decoded_lines(data), start=1):
        line = line.rstrip("\r\n")
        if number == 1 or not line.strip():
            continue
        day, side = _cut(line, DATE), _cut(line, SIDE)
        if len(line) < LINE_LENGTH or not day.isdigit() or len(day) != 6 or side not in "DC":
            raise refuse(
                shown,
                Text(
                    "is not a readable Sage .pnm export: line {line} is not an entry line"
                    " of 110 characters.",
                    line=number,
                ),
                _ask_fec(),
            )
        rows.append(
            (
                number,
                [
                    f"20{day[4:6]}-{day[2:4]}-{day[0:2]}",  # JJMMAA
                    _cut(line, JOURNAL),
                    _cut(line, ACCOUNT),
                    _cut(line, THIRD_PARTY),
                    _cut(line, PIECE),
                    _cut(line, LABEL),
                    side,
                    _cut(line, AMOUNT),
                ],
            )
        )
    amounts = [row[-1] for _, row in rows]
    if amounts and not any("." in amount or "," in amount for amount in amounts):
        raise _whole_amounts(shown, amounts[0])
    return rows


def _cut(line: str, where: tuple[int, int]) -> str:
    return line[where[0] : where[1]].strip()


def _whole_amounts(shown: str, example: object) -> UnreadableFile:
    return refuse(
        shown,
        Text(
            "writes its amounts without decimals ({example}): budgetbook cannot tell whether"
            " they are in cents or in whole units.",
            example=example,
        ),
        _ask_fec(),
    )


def _ask_fec() -> Text:
    return Text(
        "Export the FEC from Sage instead (Fichier > Exporter > Fichier des écritures"
        " comptables): budgetbook reads it."
    )
