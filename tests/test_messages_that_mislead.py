"""Messages that tell the whole truth: a not-counted total says how many rows it could not
value, one bad cell is told once (not again as false errors elsewhere), and a name typed with
another dash, quote, accent or spacing gets a "did you mean"."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal

import pytest
from click.testing import CliRunner

from budgetbook.cli import main
from budgetbook.errors import InputErrors
from budgetbook.read.project import load_project
from budgetbook.read.suggestions import closest
from tests.conftest import ROOT, write_csv, write_project

EN_DASH_LINE = ["Advertising", "Meta ads – Instagram", "Instagram", "surplus", 300, 300]
TEMPLATES = ROOT / "templates"
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


# --- money out and refunds apart -------------------------------------------------------------

NBSP, NNBSP = "\u00a0", "\u202f"
LISTED = {
    "en": "listed with file, row and reason on sheet 'Not counted'",
    "fr": "listées avec fichier, ligne et motif sur la feuille « Non comptées »",
}
NOT_COUNTED = {"en": "Not counted", "fr": "Non comptées"}
COUNTED = ("2026-01-05", "5", "Canva Pro")  # so that the ledger's sign is told
CHARGE, REFUND = ("2026-01-05", "12", "Canva"), ("2026-02-04", "-12", "Canva")


def _not_counted_rows(said: str, language: str) -> list[str]:
    """The summary's Not counted line and the lines of its kinds, each column's padding
    squeezed to one space."""
    lines = said.splitlines()
    first = next(
        i for i, line in enumerate(lines) if line.lstrip().startswith(NOT_COUNTED[language])
    )
    shown = [lines[first]]
    for line in lines[first + 1 :]:
        if not line.startswith("    "):
            break
        shown.append(line)
    return [" ".join(part.strip() for part in line.split("  ") if part) for line in shown]


# Rows not counted, the summary's lines about them in English and French (the new words in
# English until the catalogue is brought up to date), and --json's not_counted_total amounts.
MONEY_CASES = [
    pytest.param(  # the kit updated with init's example file: a charge and its refund
        [CHARGE, REFUND],
        [
            "Not counted €12.00 out, €12.00 refunded; 2 rows, " + LISTED["en"],
            "unknown line €12.00 out, €12.00 refunded; 2 rows",
        ],
        [
            f"Non comptées 12,00{NBSP}€ dépensés, 12,00{NBSP}€ remboursés ; 2 lignes, "
            + LISTED["fr"],
            f"poste inconnu 12,00{NBSP}€ dépensés, 12,00{NBSP}€ remboursés ; 2 lignes",
        ],
        {"rows": 2, "amount": "0.00", "money_out": "12.00", "refunds": "-12.00"},
        id="a charge and its refund",
    ),
    pytest.param(  # no refund: as it always was
        [("2026-01-05", "1234.5", "Canva"), ("2026-01-06", "20", "Canva")],
        [
            "Not counted €1,254.50 2 rows, " + LISTED["en"],
            "unknown line €1,254.50 2 rows",
        ],
        [
            f"Non comptées 1{NNBSP}254,50{NBSP}€ 2 lignes, " + LISTED["fr"],
            f"poste inconnu 1{NNBSP}254,50{NBSP}€ 2 lignes",
        ],
        {"rows": 2, "amount": "1254.50", "money_out": "1254.50", "refunds": "0.00"},
        id="money out only",
    ),
    pytest.param(  # refunds only: their total, as it always was (nothing nets away)
        [("2026-01-06", "-30", "Canva")],
        ["Not counted -€30.00 1 row, " + LISTED["en"], "unknown line -€30.00 1 row"],
        [
            f"Non comptées -30,00{NBSP}€ 1 ligne, " + LISTED["fr"].replace("listées", "listée"),
            f"poste inconnu -30,00{NBSP}€ 1 ligne",
        ],
        {"rows": 1, "amount": "-30.00", "money_out": "0.00", "refunds": "-30.00"},
        id="a refund only",
    ),
    pytest.param(  # each kind says its own; a row not valued is still said apart
        [
            CHARGE,
            REFUND,
            ("2027-01-08", "40", "Canva Pro"),
            ("2026-01-07", "abc", "Canva Pro"),
        ],
        [
            "Not counted €52.00 out, €12.00 refunded; 4 rows, "
            + LISTED["en"]
            + "; the total leaves out 1 row it could not value",
            "unknown line €12.00 out, €12.00 refunded; 2 rows",
            "outside the period €40.00 1 row",
            "amount not understood – 1 row",
        ],
        [
            f"Non comptées 52,00{NBSP}€ dépensés, 12,00{NBSP}€ remboursés ; 4 lignes, "
            + LISTED["fr"]
            + " ; le total laisse de côté 1 ligne qui n'a pas pu être chiffrée",
            f"poste inconnu 12,00{NBSP}€ dépensés, 12,00{NBSP}€ remboursés ; 2 lignes",
            f"hors de la période 40,00{NBSP}€ 1 ligne",
            "montant illisible – 1 ligne",
        ],
        {"rows": 4, "amount": "40.00", "money_out": "52.00", "refunds": "-12.00"},
        id="kinds with and without refunds",
    ),
]


def _money_project(tmp_path, rows):
    return write_project(tmp_path / "p", [CANVA], _ledger(COUNTED, *rows), months=2)


@pytest.mark.parametrize(("rows", "english", "french", "total"), MONEY_CASES)
def test_the_not_counted_summary_shows_money_out_and_refunds_apart(
    tmp_path, rows, english, french, total
):
    root = _money_project(tmp_path, rows)
    for language, expected in (("en", english), ("fr", french)):
        status, said = _run("check", root, "--lang", language)
        assert status == 0, said
        assert _not_counted_rows(said, language) == expected


@pytest.mark.parametrize(("rows", "english", "french", "total"), MONEY_CASES)
def test_the_json_total_gives_money_out_and_refunds_apart(tmp_path, rows, english, french, total):
    """The fields of old are kept: "amount" is still the net total, money out plus refunds."""
    status, said = _run("check", _money_project(tmp_path, rows), "--json")
    assert status == 0, said
    finance = json.loads(said)["finance"]
    assert {key: finance["not_counted_total"][key] for key in total} == total
    for kind in [finance["not_counted_total"], *finance["not_counted"]]:
        if kind["amount"] is not None:
            assert Decimal(kind["money_out"]) + Decimal(kind["refunds"]) == Decimal(kind["amount"])


@pytest.mark.parametrize(
    ("language", "kit", "expected"),
    [
        (
            "en",
            "en/marketing-kit.xlsx",
            [
                "Not counted €12.00 out, €12.00 refunded; 2 rows, " + LISTED["en"],
                "unknown line €12.00 out, €12.00 refunded; 2 rows",
            ],
        ),
        (
            "fr",
            "fr/kit-marketing.xlsx",
            [
                f"Non comptées 12,00{NBSP}€ dépensés, 12,00{NBSP}€ remboursés ; 2 lignes, "
                + LISTED["fr"],
                f"poste inconnu 12,00{NBSP}€ dépensés, 12,00{NBSP}€ remboursés ; 2 lignes",
            ],
        ),
    ],
)
def test_updating_the_kit_with_inits_example_shows_the_canva_refund(
    tmp_path, language, kit, expected
):
    """The blank kit has no Canva line: the example's Canva charge and its refund are not
    counted, and the summary says both, where it said €0.00."""
    book = tmp_path / "book.xlsx"
    shutil.copyfile(TEMPLATES / "kit" / kit, book)
    example = TEMPLATES / f"project-{language}" / "actuals" / "example.csv"
    status, said = _run("update", book, example)
    assert status == 0, said
    assert _not_counted_rows(said, language) == expected


def test_the_money_out_lines_up_with_the_other_amounts(tmp_path):
    """The money out stands in the amounts' column, its decimals under the others', and the
    refunds follow in words."""
    book = tmp_path / "book.xlsx"
    shutil.copyfile(TEMPLATES / "kit" / "en" / "marketing-kit.xlsx", book)
    status, said = _run("update", book, TEMPLATES / "project-en" / "actuals" / "example.csv")
    assert status == 0, said
    assert said.splitlines()[1:] == [
        "  Counted         €670.85  3 of 5 finance rows",
        "  Read as         ledger or journal (1 file)",
        "  Not counted      €12.00  out, €12.00 refunded; 2 rows, " + LISTED["en"],
        "    unknown line   €12.00  out, €12.00 refunded; 2 rows",
    ]


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
