"""Whole amounts whose thousands a dot groups (``1.500``, ``12.500``), in a file none of whose
amounts has decimals: read as thousands where the file's own style says so (``;`` between its
fields, its columns named in French, the project's ``language = "fr"``, comma decimals
elsewhere in it), else refused with the file, row, column, value and what would tell — never
read as 1.5 and 12.5. In budget.csv, kpis.csv and finance files alike.

The files are written here as the exports they stand for write theirs; each says where its
layout was learnt. ``1.500`` for fifteen hundred is how a spreadsheet set to a language whose
decimal separator is the comma and whose thousands separator is the dot (German, Belgian
French, Spanish, Italian...) writes a whole number with grouping, as in ``1.234,56``."""

from __future__ import annotations

import csv
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from budgetbook.errors import UnreadableFile
from budgetbook.model import ActualsFormat, BudgetLine, CarryOver, Config, MappingRule, Period
from budgetbook.read.actuals import read_actuals_file
from budgetbook.read.budget import read_budget
from budgetbook.read.kpis import read_kpis
from budgetbook.read.objectives import read_objectives
from budgetbook.read.operations import read_operations
from budgetbook.read.roadmap import read_roadmap
from budgetbook.read.tables import read_table

TWO_MONTHS = Config("Test", "EUR", Period(date(2026, 1, 1), 2), CarryOver.NONE)
FRENCH = replace(TWO_MONTHS, language="fr")
YEAR = Config("Test", "EUR", Period(date(2026, 1, 1), 12), CarryOver.NONE)
TAX_INCLUDED = replace(YEAR, tax_included=True)  # a bank statement's amounts include VAT
LINES = [
    BudgetLine("Publicité", name, "", CarryOver.NONE, (Decimal(0),) * 12)
    for name in ("Meta Ads", "Canva")
]
D = Decimal
ENGLISH_BUDGET = ["category", "line", "channel", "carry_over", "2026-01", "2026-02"]
FRENCH_BUDGET = ["catégorie", "poste", "canal", "report", "2026-01", "2026-02"]


def write(path: Path, rows: list[list[object]], delimiter: str = ",") -> Path:
    """A CSV file as a spreadsheet saves it: fields quoted where they hold the separator."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8-sig") as handle:
        csv.writer(handle, delimiter=delimiter).writerows(rows)
    return path


def budget(tmp_path: Path, header, cells, delimiter=",", config=TWO_MONTHS, *more):
    rows = [header, ["Publicité", "Meta Ads", "Instagram", "", *cells], *more]
    table = read_table(write(tmp_path / "budget.csv", rows, delimiter), "budget.csv")
    return read_budget(table, config)


# --- budget.csv -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "delimiter", "config", "why"),
    [
        (ENGLISH_BUDGET, ";", TWO_MONTHS, "; between the fields"),
        (FRENCH_BUDGET, ",", TWO_MONTHS, "its columns named in French"),
        (ENGLISH_BUDGET, ",", FRENCH, 'language = "fr"'),
        (FRENCH_BUDGET, ";", FRENCH, "all three"),
    ],
)
def test_a_budget_written_the_french_way_reads_dot_thousands(
    tmp_path, header, delimiter, config, why
):
    lines, problems = budget(tmp_path, header, ["1.500", "12.500"], delimiter, config)
    assert problems == [], why
    assert lines[0].planned == (D(1500), D(12500))


def test_a_budget_whose_style_cannot_tell_is_refused_naming_the_cell_and_the_setting(tmp_path):
    lines, problems = budget(tmp_path, ENGLISH_BUDGET, ["1.500", "800"])
    assert lines == []
    [problem] = problems
    assert (problem.file, problem.row, problem.column, problem.value) == (
        "budget.csv",
        2,
        "2026-01",
        "1.500",
    )
    assert problem.message == (
        "reads as 1,500 with a decimal comma and as 1.5 with a decimal point, and no other"
        " number of the file tells which it uses."
    )
    assert problem.hint == (
        "If the dot groups thousands, write 1500, or a space in place of the dot; or say that"
        ' the file is written the French way: ";" between its fields, its columns named in'
        ' French, or language = "fr" in budgetbook.toml. If it is a decimal point, write 1.50.'
    )


@pytest.mark.parametrize(
    ("cells", "delimiter", "planned"),
    [
        # Decimals elsewhere decide, whatever the style: a dot decimal, then the dot is one.
        (["1.500", "12.50"], ";", (D("1.5"), D("12.50"))),
        # A comma decimal: the dot groups thousands, in an English-looking file too.
        (["1.500", "12,50"], ",", (D(1500), D("12.50"))),
        # Written so that they read one way: whatever the file's style.
        (["1.500,00", "1 500"], ",", (D(1500), D(1500))),
        (["1,500.00", "1.234.567"], ",", (D(1500), D(1234567))),
        (["1.500,00", "1,500.00"], ";", (D(1500), D(1500))),
    ],
)
def test_decimals_elsewhere_in_the_budget_decide_and_plain_amounts_keep_working(
    tmp_path, cells, delimiter, planned
):
    lines, problems = budget(tmp_path, ENGLISH_BUDGET, cells, delimiter)
    assert problems == []
    assert lines[0].planned == planned


def test_a_lone_comma_with_three_digits_is_not_told_by_the_french_way(tmp_path):
    """Written the French way, ``1,500`` would be 1.5: beside ``1.500`` the file is not one
    style, and both are refused."""
    _, problems = budget(tmp_path, FRENCH_BUDGET, ["1.500", "1,500"], ";", FRENCH)
    assert [(p.row, p.column, p.value) for p in problems] == [
        (2, "2026-01", "1.500"),
        (2, "2026-02", "1,500"),
    ]
    assert problems[1].hint == "Write it without the separator (1200) or with a space (1 200)."


# --- kpis.csv ---------------------------------------------------------------------------------

KPI_ROWS = [
    ["2026-01", "Instagram", "followers", "8.400"],
    ["2026-02", "Instagram", "reach", "12.500"],
]


def kpis(tmp_path: Path, header, delimiter=",", language="", rows=KPI_ROWS):
    table = read_table(write(tmp_path / "kpis.csv", [header, *rows], delimiter), "kpis.csv")
    return read_kpis(table, language)


@pytest.mark.parametrize(
    ("header", "delimiter", "language"),
    [
        (["month", "channel", "metric", "value"], ";", ""),
        (["mois", "canal", "indicateur", "valeur"], ",", ""),
        (["month", "channel", "metric", "value"], ",", "fr"),
    ],
)
def test_kpis_written_the_french_way_read_dot_thousands(tmp_path, header, delimiter, language):
    values, problems = kpis(tmp_path, header, delimiter, language)
    assert problems == []
    assert [v.value for v in values] == [D(8400), D(12500)]


def test_kpis_whose_style_cannot_tell_are_refused_never_read_as_decimals(tmp_path):
    values, problems = kpis(tmp_path, ["month", "channel", "metric", "value"])
    assert values == []
    assert [(p.file, p.row, p.column, p.value) for p in problems] == [
        ("kpis.csv", 2, "value", "8.400"),
        ("kpis.csv", 3, "value", "12.500"),
    ]
    assert problems[0].message.startswith("reads as 8,400 with a decimal comma and as 8.4")
    assert 'language = "fr" in budgetbook.toml' in problems[0].hint
    assert "write 8400" in problems[0].hint


def test_kpis_with_decimals_elsewhere_follow_them(tmp_path):
    header = ["mois", "canal", "indicateur", "valeur"]
    rows = [*KPI_ROWS, ["2026-02", "Instagram", "revenue", "1.250,50"]]
    values, problems = kpis(tmp_path, header, ";", rows=rows)
    assert problems == []
    assert [v.value for v in values] == [D(8400), D(12500), D("1250.50")]
    rows = [*KPI_ROWS, ["2026-02", "Instagram", "revenue", "1250.50"]]
    values, problems = kpis(tmp_path, header, ";", rows=rows)
    assert [v.value for v in values] == [D("8.4"), D("12.5"), D("1250.50")]


# --- finance files ----------------------------------------------------------------------------


def actuals(tmp_path: Path, name: str, rows, delimiter: str, config=YEAR, rules=()):
    path = write(tmp_path / "actuals" / name, rows, delimiter)
    taken = read_actuals_file(path, f"actuals/{name}", config, LINES, list(rules), {})
    assert taken.not_counted == []
    return taken


def spent(taken) -> list[tuple[str, Decimal]]:
    return [(t.line, t.amount) for t in taken.transactions]


def test_a_french_bank_statement_with_dot_thousands_reads_them(tmp_path):
    """A bank's CSV download of no layout budgetbook knows by name, recognised as a statement
    by its value date: the headers French statements share (tests/data/sources/banks/
    LAYOUTS.md), ``;`` between fields, dd/mm/yyyy, money out negative."""
    rows = [
        ["Date", "Date de valeur", "Libellé", "Montant", "Poste"],
        ["05/01/2026", "06/01/2026", "PRLV SEPA META PLATFORMS", "-1.500", "Meta Ads"],
        ["12/01/2026", "13/01/2026", "CB CANVA", "-12", "Canva"],
        ["20/01/2026", "21/01/2026", "PRLV SEPA META PLATFORMS", "-12.500", "Meta Ads"],
    ]
    taken = actuals(tmp_path, "releve.csv", rows, ";", TAX_INCLUDED)
    assert spent(taken) == [("Meta Ads", D(1500)), ("Canva", D(12)), ("Meta Ads", D(12500))]


def test_a_known_french_bank_reads_dot_thousands_as_its_layout_says(tmp_path):
    """Crédit Mutuel's download (LAYOUTS.md): Débit holds money out as negative numbers, and
    the bank's layout declares the decimal comma."""
    rows = [
        ["Date", "Date de valeur", "Débit", "Crédit", "Libellé", "Solde"],
        ["05/01/2026", "05/01/2026", "-1.500", "", "PRLV META Meta Ads", "3.500"],
    ]
    taken = actuals(tmp_path, "cic.csv", rows, ";", TAX_INCLUDED, [MappingRule("meta", "Meta Ads")])
    assert spent(taken) == [("Meta Ads", D(1500))]


def test_a_french_ledger_export_with_dot_thousands_reads_them(tmp_path):
    """A general ledger exported by a French accounting package: a Débit and a Crédit
    column, the account, the entry's label, ``;`` between fields (as the FEC and the
    ledgers of tests/data/sources/accounting/LAYOUTS.md write them)."""
    rows = [
        ["Date", "Journal", "Compte", "Libellé", "Débit", "Crédit", "Poste"],
        ["31/01/2026", "ACH", "6231", "Meta janvier", "1.500", "", "Meta Ads"],
        ["28/02/2026", "ACH", "6231", "Meta avoir", "", "200", "Meta Ads"],
        ["28/02/2026", "ACH", "6512", "Canva", "12", "", "Canva"],
    ]
    taken = actuals(tmp_path, "grand-livre.csv", rows, ";")
    assert spent(taken) == [("Meta Ads", D(1500)), ("Meta Ads", D(-200)), ("Canva", D(12))]


def test_a_french_header_says_the_french_way_with_commas_between_fields(tmp_path):
    rows = [
        ["Date", "Libellé", "Montant", "Poste"],
        ["05/01/2026", "Meta janvier", "1.500", "Meta Ads"],
    ]
    assert spent(actuals(tmp_path, "depenses.csv", rows, ",")) == [("Meta Ads", D(1500))]


@pytest.mark.parametrize(
    ("amounts", "read"),
    [
        (["1.500", "12.50"], [D("1.5"), D("12.50")]),  # a dot decimal elsewhere
        (["1.500", "12,50"], [D(1500), D("12.50")]),  # a comma decimal elsewhere
        (["1.500,00", "1 500"], [D(1500), D(1500)]),
        (["1,500.00", "12"], [D(1500), D(12)]),
    ],
)
def test_a_finance_file_with_decimals_elsewhere_follows_them(tmp_path, amounts, read):
    rows = [["date", "amount", "line"]] + [["2026-01-05", a, "Canva"] for a in amounts]
    assert [t.amount for t in actuals(tmp_path, "export.csv", rows, ",").transactions] == read


def test_a_finance_file_whose_style_cannot_tell_is_refused_with_the_setting(tmp_path):
    """An English-looking ledger (``,`` between fields, English headers) of whole amounts:
    ``1.500`` may be 1500 or 1.5, and is neither guessed."""
    rows = [
        ["date", "amount", "description", "line"],
        ["2026-01-05", "800", "Canva", "Canva"],
        ["2026-01-06", "1.500", "Meta", "Meta Ads"],
    ]
    with pytest.raises(UnreadableFile) as refused:
        actuals(tmp_path, "ledger.csv", rows, ",")
    [problem] = refused.value.problems
    assert (problem.file, problem.row, problem.column) == ("actuals/ledger.csv", 3, "amount")
    assert problem.message == (
        "amount '1.500' reads as 1,500 with a decimal comma and as 1.5 with a decimal point, and"
        " no other amount in the file tells which it uses."
    )
    assert problem.hint == (
        'Say it in budgetbook.toml: [[actuals.sources]] files = "ledger.csv" and'
        ' decimal_separator = "," or ".".'
    )


def test_the_setting_decides_a_file_its_style_cannot(tmp_path):
    rows = [["date", "amount", "line"], ["2026-01-06", "1.500", "Meta Ads"]]
    for decimal, read in ((True, D(1500)), (False, D("1.5"))):
        config = replace(YEAR, actuals_format=ActualsFormat(decimal_comma=decimal))
        path = write(tmp_path / "actuals" / "ledger.csv", rows)
        taken = read_actuals_file(path, "actuals/ledger.csv", config, LINES, [], {})
        assert [t.amount for t in taken.transactions] == [read]


# --- a property over the readers --------------------------------------------------------------

WHOLE = st.integers(min_value=1_000, max_value=999_999)


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(amounts=st.lists(WHOLE, min_size=2, max_size=2), french=st.booleans())
def test_budget_dot_thousands_read_exactly_or_are_refused(tmp_path, amounts, french):
    cells = [f"{amount:,}".replace(",", ".") for amount in amounts]
    lines, problems = budget(tmp_path, ENGLISH_BUDGET, cells, ";" if french else ",")
    if french:
        assert problems == [] and lines[0].planned == tuple(map(D, amounts))
    else:
        assert lines == [] and [p.value for p in problems] == cells


# --- objectives.csv, operations.csv, roadmap.csv ------------------------------------------------

OBJECTIVES = ["objective", "channel", "metric", "baseline", "target", "deadline", "owner"]
OPERATIONS = ["operation", "objective_type", "segment", "lever", "budget", "cost", "target"]


def objectives(tmp_path: Path, baseline: str, target: str, delimiter=",", language="en"):
    rows = [OBJECTIVES, ["Grow Instagram", "Instagram", "followers", baseline, target,
                         "2026-06-30", "Inès"]]  # fmt: skip
    table = read_table(write(tmp_path / "objectives.csv", rows, delimiter), "objectives.csv")
    return read_objectives(table, language)


def operations(tmp_path: Path, budget_cell: str, cost: str, delimiter=",", language="en"):
    rows = [OPERATIONS, ["Spring giveaway", "acquisition", "Lyon", "Instagram ads", budget_cell,
                         cost, "600"]]  # fmt: skip
    table = read_table(write(tmp_path / "operations.csv", rows, delimiter), "operations.csv")
    return read_operations(table, language)


@pytest.mark.parametrize(("delimiter", "language"), [(";", "en"), (",", "fr")])
def test_objectives_and_operations_written_the_french_way_read_dot_thousands(
    tmp_path, delimiter, language
):
    found, problems = objectives(tmp_path, "8.400", "12.000", delimiter, language)
    assert problems == []
    assert (found[0].baseline, found[0].target) == (D(8400), D(12000))
    found, problems = operations(tmp_path, "1.500", "1.438", delimiter, language)
    assert problems == []
    assert (found[0].budget, found[0].cost) == (D(1500), D(1438))


def test_objectives_and_operations_whose_style_cannot_tell_are_refused(tmp_path):
    found, problems = objectives(tmp_path, "8.400", "12.000")
    assert found == []
    assert [(p.file, p.row, p.column, p.value) for p in problems] == [
        ("objectives.csv", 2, "baseline", "8.400"),
        ("objectives.csv", 2, "target", "12.000"),
    ]
    assert 'language = "fr"' in str(problems[0]) and "8,400" in str(problems[0])
    found, problems = operations(tmp_path, "1.500", "1438.90")  # a decimal point tells
    assert problems == [] and found[0].budget == D("1.5")


def test_a_share_done_that_reads_two_ways_is_refused(tmp_path):
    rows = [
        ["initiative", "owner", "start", "end", "complete"],
        ["Localise 50 posts", "Inès", "2026-01-05", "2026-01-12", "12.500"],
    ]
    table = read_table(write(tmp_path / "roadmap.csv", rows), "roadmap.csv")
    initiatives, problems = read_roadmap(table, [])
    assert initiatives == []
    assert [(p.row, p.column, p.value) for p in problems] == [(2, "complete", "12.500")]
