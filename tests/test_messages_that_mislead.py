"""Messages that tell the whole truth: a not-counted total says how many rows it could not
value, one bad cell is told once (not again as false errors elsewhere), and a name typed with
another dash, quote, accent or spacing gets a "did you mean"."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from budgetbook.cli import main
from budgetbook.errors import InputErrors
from budgetbook.read.project import load_project
from budgetbook.read.suggestions import closest
from tests.conftest import write_csv, write_project

EN_DASH_LINE = ["Advertising", "Meta ads – Instagram", "Instagram", "surplus", 300, 300]
CANVA = ["Tools", "Canva Pro", "", "", 12, 12]


def _run(*args) -> tuple[int, str]:
    result = CliRunner().invoke(main, [str(arg) for arg in args])
    return result.exit_code, result.output


def _ledger(*rows: list[object]) -> list[list[object]]:
    return [[day, amount, line, "Invoice", "Vendor", "6231"] for day, amount, line in rows]


@pytest.fixture
def unreadable_amounts(tmp_path):
    """Two rows whose amount cannot be read beside one whose line is unknown (€20.00)."""
    rows = _ledger(
        ("2026-01-05", "12", "Canva Pro"),
        ("2026-01-06", "12;50", "Canva Pro"),
        ("2026-01-07", "abc", "Canva Pro"),
        ("2026-01-08", "20", "Photographer"),
    )
    return write_project(tmp_path / "p", [CANVA], rows, months=2)


def test_the_not_counted_total_says_how_many_rows_it_leaves_out(unreadable_amounts):
    status, said = _run("check", unreadable_amounts)
    assert status == 0
    row = next(line for line in said.splitlines() if line.strip().startswith("Not counted"))
    assert row.split()[2:4] == ["€20.00", "3"]
    assert row.endswith("; the total leaves out 2 rows it could not value")
    kinds = {line.split("  ")[2]: line for line in said.splitlines() if line.startswith("    ")}
    assert kinds["amount not understood"].split()[3:] == ["–", "2", "rows"]


def test_the_json_total_counts_the_rows_not_valued_apart(unreadable_amounts):
    status, said = _run("check", unreadable_amounts, "--json")
    assert status == 0
    finance = json.loads(said)["finance"]
    assert finance["not_counted_total"] == {
        "rows": 3,
        "amount": "20.00",
        "money_out": "20.00",
        "refunds": "0.00",
        "rows_not_valued": 2,
    }
    by_kind = {kind.pop("kind"): kind for kind in finance["not_counted"]}
    no_amount = {"amount": None, "money_out": None, "refunds": None}
    twenty = {"amount": "20.00", "money_out": "20.00", "refunds": "0.00"}
    assert by_kind == {
        "amount not understood": {"rows": 2, **no_amount, "rows_not_valued": 2},
        "unknown line": {"rows": 1, **twenty, "rows_not_valued": 0},
    }


def test_a_total_of_no_valued_row_is_a_dash_never_zero(tmp_path):
    rows = _ledger(("2026-01-05", "12", "Canva Pro"), ("2026-01-06", "n/a", "Canva Pro"))
    root = write_project(tmp_path / "p", [CANVA], rows, months=2)
    status, said = _run("check", root)
    assert status == 0
    row = next(line for line in said.splitlines() if line.strip().startswith("Not counted"))
    assert "0.00" not in row
    assert row.split()[2] == "–"
    assert row.endswith("; it could not be valued")
    status, said = _run("check", root, "--json")
    assert json.loads(said)["finance"]["not_counted_total"] == {
        "rows": 1,
        "amount": None,
        "money_out": None,
        "refunds": None,
        "rows_not_valued": 1,
    }


def test_a_bad_amount_in_budget_csv_is_told_once(tmp_path):
    """The line whose row was refused is still a name mapping.csv may use; a rule naming no
    line at all is still told."""
    bad_cell = ["Tools", "Canva Pro", "", "", "12,5,0", 12]
    root = write_project(tmp_path / "p", [bad_cell, EN_DASH_LINE], months=2)
    write_csv(root / "mapping.csv", [["match", "line"], ["canva", "Canva Pro"], ["x", "Nowhere"]])
    with pytest.raises(InputErrors) as caught:
        load_project(root)
    found = [(p.file, p.row, p.column, p.value) for p in caught.value.problems]
    assert found == [
        ("budget.csv", 2, "2026-01", "12,5,0"),
        ("mapping.csv", 3, "line", "Nowhere"),
    ]


def test_mapping_csv_unchecked_while_budget_csv_names_no_line_says_so(tmp_path):
    root = write_project(tmp_path / "p", [CANVA], months=2)
    budget = root / "budget.csv"
    budget.write_text(budget.read_text(encoding="utf-8").replace(",line,", ",name,"), "utf-8")
    write_csv(root / "mapping.csv", [["match", "line"], ["canva", "Canva Pro"]])
    with pytest.raises(InputErrors) as caught:
        load_project(root)
    told = {problem.file: problem for problem in caught.value.problems}
    assert str(told["budget.csv"].message) == "the column 'line' is missing."
    assert str(told["mapping.csv"].message).startswith("not checked:")
    assert told["mapping.csv"].hint


@pytest.mark.parametrize(
    ("typed", "known", "meant"),
    [
        ("Meta ads - Instagram", ["Meta ads – Instagram", "Google Ads"], "Meta ads – Instagram"),
        ("Meta ads—Instagram", ["Meta ads – Instagram"], "Meta ads – Instagram"),
        ("Lettre d'info", ["Lettre d’info", "Canva Pro"], "Lettre d’info"),
        ('"Soldes" campaign', ["«Soldes» campaign"], "«Soldes» campaign"),
        ("Reseaux sociaux", ["Réseaux sociaux"], "Réseaux sociaux"),
        ("Canva  Pro", ["Canva Pro"], "Canva Pro"),
        ("CanvaPro", ["Canva Pro"], "Canva Pro"),
        ("meta ads – instagram ", ["Meta ads – Instagram"], "Meta ads – Instagram"),
        ("Canva Pro", ["Canva Pro"], None),  # found as it is: nothing to suggest
        ("Photographer", ["Canva Pro", "Google Ads"], None),  # nothing close
        ("", ["Canva Pro"], None),
    ],
)
def test_a_name_is_suggested_across_dashes_quotes_accents_and_spaces(typed, known, meant):
    assert closest(typed, known) == meant


def test_mapping_csv_suggests_the_line_typed_with_another_dash(tmp_path):
    root = write_project(tmp_path / "p", [EN_DASH_LINE], months=2)
    write_csv(root / "mapping.csv", [["match", "line"], ["fbads", "Meta ads - Instagram"]])
    with pytest.raises(InputErrors) as caught:
        load_project(root)
    (problem,) = caught.value.problems
    assert str(problem.message) == "no budget line has this name."
    assert str(problem.hint).startswith("Did you mean 'Meta ads – Instagram'?")


def test_a_finance_row_naming_the_line_with_a_hyphen_gets_a_did_you_mean(tmp_path):
    rows = _ledger(("2026-01-31", "284.60", "Meta ads - Instagram"))
    root = write_project(tmp_path / "p", [EN_DASH_LINE], rows, months=2)
    (item,) = load_project(root).not_counted
    assert item.kind == "unknown line"
    assert str(item.reason) == (
        "no budget line is named Meta ads - Instagram; did you mean 'Meta ads – Instagram'?"
    )


def test_a_column_named_in_budgetbook_toml_is_suggested_from_the_file(tmp_path):
    rows = [["Date", "Montant", "Poste"], ["2026-01-31", "284.60", "Canva Pro"]]
    root = write_project(tmp_path / "p", [CANVA], months=2)
    write_csv(root / "actuals" / "export.csv", rows)
    with (root / "budgetbook.toml").open("a", encoding="utf-8") as settings:
        settings.write(
            '\n[[actuals.sources]]\nfiles = "export.csv"\n'
            'columns = { date = "Date", amount = "Montnat", line = "Poste" }\n'
        )
    project = load_project(root)
    (item,) = project.not_counted
    assert "has no column 'Montnat'" in str(item.reason)
    assert "Did you mean 'Montant'?" in str(item.reason)


def test_an_unknown_budget_column_is_suggested_its_name(tmp_path):
    root = write_project(tmp_path / "p", [CANVA], months=2)
    budget = root / "budget.csv"
    budget.write_text(budget.read_text(encoding="utf-8").replace(",channel,", ",chanel,"), "utf-8")
    with pytest.raises(InputErrors) as caught:
        load_project(root)
    (problem,) = caught.value.problems
    assert (problem.column, str(problem.message)) == ("chanel", "unknown column.")
    assert str(problem.hint).startswith("Did you mean 'channel'?")
