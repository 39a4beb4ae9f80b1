"""The style a file writes its numbers in, where its amounts alone do not tell: whether it is
written the French way, where a dot only groups thousands (``1.500`` is 1500), and the
refusal of an amount that still reads as two numbers (``1.500``: 1500 or 1.5?).

A file's decimal separator is told first by its amounts (`values.detect_decimal_comma`: a
``12,50`` or a ``12.50`` settles it), then by a source's or a setting's declaration; only
where neither tells does the file's style decide a dot followed by three digits, and a file
of no telling style has such an amount refused, never read as a decimal."""

from __future__ import annotations

import re
from decimal import Decimal

from budgetbook.errors import Problem
from budgetbook.i18n.messages import Text
from budgetbook.read.tables import Table
from budgetbook.read.values import (
    ambiguous_separator,
    detect_decimal_comma,
    money_text,
    parse_amount,
)

# Words of a French export's headers (after `sources.normalise_header`): a finance file
# headed in French writes its dates day first and its amounts the French way.
FRENCH_HEADER_WORDS = re.compile(
    r"(?<![a-z])(libelle|montant|fournisseur|compte|poste|tiers|intitule|jour|solde|date d|"
    r"date de|ecriture|operation|devise|depense)(?![a-z])"
)
# Other names of the input tables' columns (`aliases.COLUMNS`) that are English words too:
# they do not make a header French.
_ENGLISH_TOO = frozenset({"base", "type", "report", "progress", "% complete", "vat rate"})


def french_export_header(header: list[str]) -> bool:
    """Whether a finance file's header is in French (``Date;Libellé;Montant``)."""
    from budgetbook.read.sources import normalise_header

    titles = " ".join(normalise_header(title) for title in header)
    return FRENCH_HEADER_WORDS.search(titles) is not None


def french_titles(header: list[str], file: str) -> bool:
    """Whether an input table (budget.csv, kpis.csv) names a column in French (``poste``,
    ``valeur``), as `aliases.COLUMNS` lists the French names."""
    from budgetbook.read.aliases import COLUMNS, column_names, normalise

    french = {
        normalise(other)
        for name in COLUMNS
        for other in column_names(name, file)[1:]
        if other not in _ENGLISH_TOO
    }
    return any(normalise(title) in french for title in header)


def written_the_french_way(delimiter: str, french_header: bool, language: str = "") -> bool:
    """Whether a file's own style says that a dot in its amounts groups thousands: ``;``
    between its fields (what a spreadsheet set to French, or to another language whose
    decimal separator is the comma, saves as CSV), its columns named in French, or, for the
    tables a project's people write themselves, the project's ``language = "fr"``."""
    return delimiter == ";" or french_header or language == "fr"


def table_decimal_comma(table: Table, columns: list[int | None], language: str) -> bool | None:
    """Whether an input table (budget.csv, kpis.csv, objectives.csv, operations.csv,
    roadmap.csv) writes decimals with a comma: told by its numbers in ``columns``, else, for
    a dot followed by three digits, by its style; None when nothing tells."""
    french = written_the_french_way(
        table.delimiter, french_titles(table.header, table.file), language
    )
    found = [index for index in columns if index is not None]
    cells = [row[index] for _, row in table.rows for index in found]
    return detect_decimal_comma(cells, dot_thousands=french)


class ReadsTwoWays(ValueError):
    """An input table's number that reads as two, nothing in its file telling which."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


def table_number(
    table: Table, number: int, index: int, raw: object, decimal_comma: bool | None
) -> Decimal:
    """A number of an input table, read in the table's style: ReadsTwoWays (with the
    problem to tell) where it reads two ways; ValueError where it is no number."""
    if decimal_comma is None and raw.__class__ is str and ambiguous_separator(raw):
        raise ReadsTwoWays(reads_two_ways(table.file, number, table.header[index], raw))
    return parse_amount(raw, decimal_comma)


def two_readings(text: str) -> dict[str, Decimal]:
    """The two numbers an ambiguous amount reads as: with a decimal comma (``1.500``: 1500)
    and with a decimal point (1.5), each without trailing zeros, as the messages show them."""
    return {
        "comma": _without_trailing_zeros(parse_amount(text, True)),
        "point": _without_trailing_zeros(parse_amount(text, False)),
    }


def _without_trailing_zeros(amount: Decimal) -> Decimal:
    return amount.quantize(Decimal(1)) if amount == amount.to_integral() else amount.normalize()


def reads_two_ways(file: str, row: int, column: str, text: str) -> Problem:
    """An amount of budget.csv or kpis.csv that reads as two numbers, as nothing in its file
    tells which: the problem names the cell and what would tell."""
    readings = two_readings(text)
    return Problem(
        file,
        Text(
            "reads as {comma:,} with a decimal comma and as {point:,} with a decimal point,"
            " and no other number of the file tells which it uses.",
            **readings,
        ),
        row=row,
        column=column,
        value=text,
        hint=separator_hint(text, readings),
    )


def separator_hint(text: str, readings: dict[str, Decimal]) -> Text:
    """How to write an ambiguous amount of an input table so that it reads one way. A dot
    followed by three digits groups thousands in a file written the French way, which the
    file, or budgetbook.toml's language, may say."""
    if "." in text:
        return Text(
            "If the dot groups thousands, write {whole}, or a space in place of the dot; or say"
            ' that the file is written the French way: ";" between its fields, its columns'
            ' named in French, or language = "fr" in budgetbook.toml. If it is a decimal'
            " point, write {decimal}.",
            whole=int(readings["comma"]),
            decimal=money_text(readings["point"]),
        )
    return Text("Write it without the separator (1200) or with a space (1 200).")
