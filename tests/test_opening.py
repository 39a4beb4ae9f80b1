"""budget.csv's opening column: the money each line brings in from the previous period."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import xlsxwriter

from budgetbook.model import CarryOver
from budgetbook.read.budget import read_budget
from budgetbook.read.config import parse_config
from budgetbook.read.project import load_budget
from budgetbook.read.tables import Table

TWO_MONTHS = parse_config(
    '[company]\nname = "X"\ncurrency = "EUR"\n[budget]\nstart = "2027-01"\nmonths = 2\n'
)


def table(header: list[str], *rows: list[object], file: str = "budget.csv") -> Table:
    return Table(file, header, [(number, list(row)) for number, row in enumerate(rows, start=2)])


def test_the_opening_is_read_and_a_blank_one_is_zero():
    lines, problems = read_budget(
        table(
            ["category", "line", "channel", "carry_over", "opening", "2027-01", "2027-02"],
            ["Ads", "Meta", "Instagram", "surplus", "480.25", "400", "400"],
            ["Ads", "Google", "Google Ads", "full", "-35.10", "500", ""],
            ["Ads", "Pinterest", "Pinterest", "full", "", "150", "150"],
            ["Tools", "Canva", "", "none", "0", "12", "12"],
        ),
        TWO_MONTHS,
    )
    assert problems == []
    assert [(line.name, line.opening) for line in lines] == [
        ("Meta", Decimal("480.25")),
        ("Google", Decimal("-35.10")),
        ("Pinterest", Decimal(0)),
        ("Canva", Decimal(0)),
    ]
    assert lines[0].planned == (Decimal(400), Decimal(400))  # the months read as before


def test_a_budget_without_the_column_opens_every_line_at_zero():
    lines, problems = read_budget(
        table(["category", "line", "carry_over", "2027-01", "2027-02"], ["Ads", "Meta", "", 1, 2]),
        TWO_MONTHS,
    )
    assert problems == []
    assert lines[0].opening == Decimal(0)


@pytest.mark.parametrize(
    "title", ["ouverture", "Ouverture", "solde d'ouverture", "Report à nouveau"]
)
def test_the_french_header_and_decimal_comma(title):
    lines, problems = read_budget(
        table(
            ["catégorie", "poste", "canal", "report", title, "2027-01", "2027-02"],
            ["Publicité", "Meta", "Instagram", "surplus", "1 480,25", "400", "400,50"],
            ["Publicité", "Google", "Google Ads", "total", "-35,1", "500", ""],
        ),
        TWO_MONTHS,
    )
    assert problems == []
    assert [line.opening for line in lines] == [Decimal("1480.25"), Decimal("-35.1")]
    assert lines[1].carry_over is CarryOver.FULL


def test_the_opening_alone_tells_the_decimal_comma():
    """Whole months and an opening of 1,500: the opening's own comma-and-two-digits elsewhere
    tells the file's style, as any month's would."""
    lines, problems = read_budget(
        table(
            ["category", "line", "carry_over", "opening", "2027-01", "2027-02"],
            ["Ads", "Meta", "surplus", "12,50", "400", "400"],
            ["Ads", "Google", "surplus", "1,500", "500", ""],
        ),
        TWO_MONTHS,
    )
    assert problems == []
    assert [line.opening for line in lines] == [Decimal("12.50"), Decimal("1.500")]


@pytest.mark.parametrize("policy", ["none", "aucun"])
def test_an_opening_on_a_line_that_carries_nothing_is_refused(policy):
    _, problems = read_budget(
        table(
            ["category", "line", "carry_over", "opening", "2027-01", "2027-02"],
            ["Tools", "Canva", policy, "120", "12", "12"],
        ),
        TWO_MONTHS,
    )
    assert [str(p) for p in problems] == [
        "budget.csv, row 2, column 'opening', value '120': an opening amount on a line whose"
        " carry-over is none: nothing would carry it into the period. Set the line's carry_over"
        " to surplus or full (blank takes [budget] carry_over of budgetbook.toml), or leave the"
        " opening blank."
    ]


def test_the_toml_default_policy_decides_a_blank_carry_over():
    header = ["catégorie", "poste", "report", "ouverture", "2027-01", "2027-02"]
    rows = [["Pub", "Meta", "", "120", "400", "400"]]
    _, refused = read_budget(table(header, *rows), TWO_MONTHS)  # the default policy is none
    assert [(p.row, p.column, p.value) for p in refused] == [(2, "ouverture", "120")]
    surplus = parse_config(
        '[company]\nname = "X"\ncurrency = "EUR"\n[budget]\nstart = "2027-01"\nmonths = 2\n'
        'carry_over = "surplus"\n'
    )
    lines, problems = read_budget(table(header, *rows), surplus)
    assert problems == []
    assert lines[0].opening == Decimal(120)


@pytest.mark.parametrize("value", ["lots", "12..5", "€"])
def test_an_opening_that_is_no_amount_is_refused_naming_the_cell(value):
    _, problems = read_budget(
        table(
            ["category", "line", "carry_over", "Opening", "2027-01", "2027-02"],
            ["Ads", "Meta", "surplus", "300", "400", "400"],
            ["Ads", "Google", "surplus", value, "500", ""],
        ),
        TWO_MONTHS,
    )
    assert [str(p) for p in problems] == [
        f"budget.csv, row 3, column 'Opening', value {value!r}: is not an amount. Write a"
        " number such as 1200 or 1200.50, or leave it blank for 0."
    ]


def test_an_opening_that_reads_two_ways_is_refused():
    _, problems = read_budget(
        table(
            ["category", "line", "carry_over", "opening", "2027-01", "2027-02"],
            ["Ads", "Meta", "surplus", "1.500", "400", "400"],
        ),
        TWO_MONTHS,
    )
    assert [(p.row, p.column, p.value) for p in problems] == [(2, "opening", "1.500")]
    assert "reads as 1,500 with a decimal comma and as 1.5 with" in str(problems[0])


def test_budget_xlsx_reads_the_opening(tmp_path: Path):
    (tmp_path / "budgetbook.toml").write_text(
        '[company]\nname = "X"\ncurrency = "EUR"\n[budget]\nstart = "2027-01"\nmonths = 2\n',
        encoding="utf-8",
    )
    workbook = xlsxwriter.Workbook(str(tmp_path / "budget.xlsx"))
    sheet = workbook.add_worksheet()
    rows = [
        ["category", "line", "carry_over", "opening", "2027-01", "2027-02"],
        ["Ads", "Meta", "surplus", 480.25, 400, 400],
        ["Ads", "Google", "full", None, 500, None],
    ]
    for number, row in enumerate(rows):
        for column, value in enumerate(row):
            if value is not None:
                sheet.write(number, column, value)
    workbook.close()
    _, lines = load_budget(tmp_path)
    assert [line.opening for line in lines] == [Decimal("480.25"), Decimal(0)]
