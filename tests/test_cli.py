"""The command line, invoked in-process as a user would type it."""

from __future__ import annotations

import json

import openpyxl
import pytest
from click.testing import CliRunner

from budgetbook.cli import main
from tests.conftest import SAMPLE


@pytest.fixture
def run():
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(main, [str(a) for a in args], catch_exceptions=False)

    return invoke


@pytest.mark.parametrize("command", ["init", "build", "check", "handoff", "update"])
def test_every_command_documents_an_example(run, command):
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Example:" in result.output
    assert f"budgetbook {command} " in result.output


def test_init_then_build_works_out_of_the_box(run, tmp_path):
    project = tmp_path / "new"
    result = run("init", project)
    assert result.exit_code == 0, result.output
    assert (project / "budgetbook.toml").is_file()
    assert (project / "actuals" / "example.csv").is_file()
    built = run("build", project, "-o", tmp_path / "book.xlsx")
    assert built.exit_code == 0, built.output
    assert "5 of 5 finance rows" in built.output
    assert (tmp_path / "book.xlsx").is_file()


def test_init_xlsx_budget_builds_the_same_figures(run, tmp_path):
    assert run("init", tmp_path / "csv").exit_code == 0
    assert run("init", tmp_path / "xlsx", "--xlsx").exit_code == 0
    assert (tmp_path / "xlsx" / "budget.xlsx").is_file()
    assert not (tmp_path / "xlsx" / "budget.csv").exists()
    from_csv = run("check", tmp_path / "csv").output
    from_xlsx = run("check", tmp_path / "xlsx").output
    assert from_xlsx.splitlines()[1:] == from_csv.splitlines()[1:]


def test_init_in_french_builds_a_french_workbook_out_of_the_box(run, tmp_path):
    project = tmp_path / "nouveau"
    created = run("init", project, "--lang", "fr")
    assert created.exit_code == 0
    assert created.output.startswith(f"Dossier {project} créé avec ")
    assert f"Modifiez-les, puis lancez : budgetbook build {project}" in created.output
    assert (project / "budget.csv").read_text(encoding="utf-8").startswith("catégorie;poste;")
    built = run("build", project, "-o", tmp_path / "classeur.xlsx")
    assert built.exit_code == 0, built.output
    assert "5 sur 5 lignes comptables" in built.output
    sheets = openpyxl.load_workbook(tmp_path / "classeur.xlsx", read_only=True).sheetnames
    assert sheets[:4] == ["Synthèse", "Stratégie", "Budget", "Dépenses"]
    assert {"Feuille de route", "Calendrier", "Performance"} <= set(sheets)


def test_init_in_french_xlsx_offers_french_policies(run, tmp_path):
    assert run("init", tmp_path / "csv", "--lang", "fr").exit_code == 0
    assert run("init", tmp_path / "xlsx", "--lang", "fr", "--xlsx").exit_code == 0
    sheet = openpyxl.load_workbook(tmp_path / "xlsx" / "budget.xlsx").active
    (validation,) = sheet.data_validations.dataValidation
    assert validation.formula1 == '"aucun,surplus,total"'
    assert sheet["E2"].value == 12
    from_csv = run("check", tmp_path / "csv").output
    from_xlsx = run("check", tmp_path / "xlsx").output
    assert from_xlsx.splitlines()[1:] == from_csv.splitlines()[1:]


def test_init_never_overwrites(run, tmp_path):
    assert run("init", tmp_path / "p").exit_code == 0
    again = run("init", tmp_path / "p")
    assert again.exit_code == 1
    assert "already exists" in again.output


def test_build_prints_a_summary(run, tmp_path):
    result = run("build", SAMPLE, "-o", tmp_path / "book.xlsx")
    assert result.exit_code == 0, result.output
    assert "18 budget lines in 4 categories, 12 months (Jan 2026 – Dec 2026)" in result.output
    # labels in a column, amounts right-aligned on their decimal point
    assert "  Counted      €27,451.59  100 of 101 finance rows\n" in result.output
    assert "  Not counted      €16.50  1 row, listed with file, row and reason" in result.output
    assert "    no line        €16.50  1 row\n" in result.output
    assert "  Planned      €38,158.88\n" in result.output
    assert "  Actual       €27,451.59  71.9%\n" in result.output
    assert str(tmp_path / "book.xlsx") in result.output


def test_check_writes_nothing(run, tmp_path):
    import shutil

    project = tmp_path / "p"
    shutil.copytree(SAMPLE, project)
    before = sorted(p.name for p in project.rglob("*"))
    result = run("check", project)
    assert result.exit_code == 0
    assert "is valid" in result.output
    assert sorted(p.name for p in project.rglob("*")) == before


def test_a_budget_amount_that_reads_both_ways_is_refused(run, project_factory):
    project = project_factory([["Ads", "Meta", "", "", "1.500", "2.000", 800, 1000]])
    result = run("check", project)
    assert result.exit_code == 1
    assert (
        "budget.csv, row 2, column '2026-01', value '1.500': reads as 1,500 with a decimal comma"
        " and as 1.5 with a decimal point, and no other number of the file tells which it"
        " uses." in result.output
    )
    assert (
        "If the dot groups thousands, write 1500, or a space in place of the dot; or say that"
        ' the file is written the French way: ";" between its fields, its columns named in'
        ' French, or language = "fr" in budgetbook.toml. If it is a decimal point, write 1.50.'
    ) in result.output
    assert "'2026-02', value '2.000'" in result.output
    told = project_factory([["Ads", "Meta", "", "", "1.500", "2.000", "12,50", 1000]])
    assert run("check", told).exit_code == 0  # 12,50: the comma is the decimal separator


def test_bad_input_is_named_precisely_without_traceback(run, project_factory):
    project = project_factory(
        [["Ads", "Meta", "", "sometimes", 1, "lots", 3, 4], ["Ads", "meta", "", "", 1, 2, 3, 4]]
    )
    result = run("check", project)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "3 problems to fix" in result.output
    assert "budget.csv, row 2, column '2026-02', value 'lots': is not an amount." in result.output
    assert "budget.csv, row 2, column 'carry_over', value 'sometimes'" in result.output
    assert "budget.csv, row 3, column 'line', value 'meta'" in result.output


def test_unknown_toml_key_suggests_the_right_one(run, project_factory):
    project = project_factory([["Ads", "Meta", "", "", 1, 2, 3, 4]])
    toml = project / "budgetbook.toml"
    toml.write_text(toml.read_text().replace("carry_over", "carryover"), encoding="utf-8")
    result = run("build", project)
    assert result.exit_code == 1
    assert "column 'budget.carryover': unknown key. Did you mean 'budget.carry_over'?" in (
        result.output
    )


def test_missing_project_is_a_message(run, tmp_path):
    result = run("build", tmp_path / "nothing")
    assert result.exit_code == 1
    assert "is not a project folder" in result.output


def test_unexpected_failure_is_a_message_not_a_traceback(run, monkeypatch, tmp_path):
    import budgetbook.commands.build

    def explode(*_):
        raise RuntimeError("disk on fire")

    monkeypatch.delenv("BUDGETBOOK_DEBUG", raising=False)
    monkeypatch.setattr(budgetbook.commands.build, "build_workbook", explode)
    result = run("build", SAMPLE, "-o", tmp_path / "x.xlsx")
    assert result.exit_code == 3
    assert "RuntimeError: disk on fire" in result.output
    assert "Traceback" not in result.output


def test_build_json_summary_for_scripts(run, tmp_path):
    result = run("build", SAMPLE, "-o", tmp_path / "book.xlsx", "--json")
    assert result.exit_code == 0
    summary = json.loads(result.stdout)
    assert summary["ok"] is True
    assert summary["output"] == str(tmp_path / "book.xlsx")
    assert summary["finance"]["data_rows"] == 101
    assert summary["finance"]["counted"] == {"rows": 100, "amount": "27451.59"}
    assert summary["finance"]["not_counted"] == [
        {
            "kind": "no line",
            "rows": 1,
            "amount": "16.50",
            "money_out": "16.50",
            "refunds": "0.00",
            "rows_not_valued": 0,
        }
    ]
    assert summary["finance"]["not_counted_total"] == {
        "rows": 1,
        "amount": "16.50",
        "money_out": "16.50",
        "refunds": "0.00",
        "rows_not_valued": 0,
    }
    assert summary["files"][0] == {
        "file": "actuals/2026-10-bank.csv",
        "read_as": "ledger or journal",
        "rows": 10,
        "counted": 9,
    }
    assert (summary["planned"], summary["actual"]) == ("38158.88", "27451.59")
    assert summary["metrics"][0]["kind"] == "google_ads"


def test_problems_as_json_with_a_non_zero_status(run, project_factory):
    project = project_factory([["Ads", "Meta", "", "sometimes", 1, "lots", 3, 4]])
    result = run("check", project, "--json")
    assert result.exit_code == 1
    problems = json.loads(result.stdout)
    assert problems["ok"] is False
    assert {
        "file": "budget.csv",
        "row": 2,
        "column": "2026-02",
        "value": "lots",
        "message": "is not an amount.",
    }.items() <= problems["problems"][1].items()
    assert "is not an amount" in result.stderr  # people still read the message


def test_quiet_prints_nothing_on_success_and_problems_still(run, tmp_path, project_factory):
    result = run("build", SAMPLE, "-o", tmp_path / "book.xlsx", "--quiet")
    assert (result.exit_code, result.output) == (0, "")
    assert (tmp_path / "book.xlsx").exists()
    failed = run("check", project_factory([["Ads", "Meta", "", "", 1, "lots", 3, 4]]), "-q")
    assert failed.exit_code == 1
    assert "is not an amount" in failed.stderr


def test_update_and_handoff_json(run, tmp_path):
    book = tmp_path / "book.xlsx"
    run("build", SAMPLE, "-o", book, "-q")
    handoff = json.loads(run("handoff", SAMPLE, "-o", tmp_path / "h.xlsx", "--json").stdout)
    assert (handoff["first_day"], handoff["last_day"]) == ("2026-01-01", "2026-12-31")
    ledger = tmp_path / "late.csv"
    ledger.write_text("date,amount,line\n2026-03-02,40,Canva Pro\n", encoding="utf-8")
    updated = json.loads(run("update", book, ledger, "--json").stdout)
    assert updated["finance"]["counted"] == {"rows": 1, "amount": "40.00"}
    assert updated["backup"].endswith(".before-update-1.xlsx")
    assert updated["files"] == [
        {"file": "late.csv", "read_as": "ledger or journal", "rows": 1, "counted": 1}
    ]


def test_lang_fr_gives_a_french_summary_and_workbook(run, tmp_path):
    book = tmp_path / "fr.xlsx"
    result = run("build", SAMPLE, "-o", book, "--lang", "fr")
    assert result.exit_code == 0
    assert result.output.splitlines()[1:] == [
        "  Budget        18 postes budgétaires dans 4 catégories, 12 mois (janv. 2026 – déc. 2026)",
        # Babel's French (CLDR): a narrow no-break space between thousands, a no-break space
        # before € and %; "1 ligne, listée": the words agree with the count.
        "  Comptées      27\u202f451,59\u00a0€  100 sur 101 lignes comptables",
        "  Lus comme     grand livre ou journal (3 fichiers)",
        "  Non comptées      16,50\u00a0€  1 ligne, listée avec fichier, ligne et motif sur la"
        " feuille « Non comptées »",
        "    sans poste      16,50\u00a0€  1 ligne",
        "  Indicateurs   metrics/google-ads-2026.csv (Google Ads) : 40 chiffres mensuels",
        "  Prévu         38\u202f158,88\u00a0€",
        "  Réel          27\u202f451,59\u00a0€  71,9\u00a0%",
        "  Reste         10\u202f707,29\u00a0€",
        "  Prévision     36\u202f990,67\u00a0€  1\u202f168,21\u00a0€ sous le budget,"
        " clôturé jusqu'à oct. 2026",
    ]
    workbook = openpyxl.load_workbook(book)
    assert workbook.sheetnames[:4] == ["Synthèse", "Stratégie", "Budget", "Dépenses"]
    # French month names and day-first dates whatever the reader's locale
    assert workbook["Budget"].cell(4, 5).number_format == "[$-40C]mmm yyyy"
    assert workbook["Dépenses"].cell(2, 1).number_format == "[$-40C]dd/mm/yyyy"
    assert workbook["Performance"].cell(4, 1).number_format == "[$-40C]mmm yyyy"
    assert workbook["Performance"].cell(7, 2).number_format == "[$-40C]mmm yy"
    handoff = run("handoff", SAMPLE, "-o", tmp_path / "h.xlsx", "--lang", "fr")
    assert "dates du 01/01/2026 au 31/12/2026" in handoff.output
    assert run("check", SAMPLE, "--lang", "de").exit_code == 2  # click names the choices
