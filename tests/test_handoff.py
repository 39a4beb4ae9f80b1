"""The hand-off workbook: what finance sees, and what budgetbook counts once it is filled in."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from budgetbook.cli import main
from budgetbook.commands.build import build_workbook
from budgetbook.commands.update import update_workbook
from budgetbook.write.handoff import INPUT_ROWS, write_handoff
from tests.recalc import compare, gnumeric_recalculate, opened, recalculate
from tests.typed_by_hand import type_in_libreoffice

LINES = [
    ["Advertising", "Meta ads", "Instagram", "surplus", 100, 100, 100, 100],
    ["Tools", "Canva", "", "", 12, 12, 12, 12],
    ["Hired services", "Photographer", "", "", 0, 300, 0, 0],
]
FILLED = [  # as finance types it: dates, a refund, text that looks like a formula
    (datetime(2026, 1, 12), "Meta ads", 64.9, "Boost reel", "Meta Platforms Ireland"),
    (datetime(2026, 2, 2), "Canva", 11.99, '=HYPERLINK("http://evil.example","x")', "Canva"),
    (datetime(2026, 2, 20), "Photographer", 280, "Spring shoot", "Studio Blanc"),
    (datetime(2026, 2, 25), "Meta ads", -14.9, "Credit note", "Meta Platforms Ireland"),
]
HEADER_ROW = 7  # 1-based, as openpyxl and a person count


def fill(handoff: Path, rows=FILLED) -> Path:
    """Type rows under the headers, as finance does in Excel, keeping the sheet's checks."""
    book = openpyxl.load_workbook(handoff)
    sheet = book.worksheets[0]
    for offset, row in enumerate(rows, start=1):
        for col, value in enumerate(row, start=1):
            typed = sheet.cell(HEADER_ROW + offset, col, value)
            if isinstance(value, str):
                typed.data_type = "s"  # a text-formatted cell keeps "=..." as typed
    book.save(handoff)
    return handoff


@pytest.fixture
def project(project_factory) -> Path:
    return project_factory(LINES)


def actuals_folder(project: Path) -> Path:
    (project / "actuals").mkdir(exist_ok=True)
    return project / "actuals"


def test_sheet_offers_the_lines_and_checks_dates_and_amounts(project, tmp_path):
    result = write_handoff(project, tmp_path / "handoff.xlsx")
    assert result.lines == 3
    book = openpyxl.load_workbook(result.output)
    sheet, lines = book.worksheets
    assert sheet.title == "Actuals" and lines.sheet_state == "hidden"
    assert [c.value for c in sheet[HEADER_ROW]] == [
        "Date", "Line", "Amount", "Description", "Vendor"
    ]  # fmt: skip
    assert "2026-01-01 to 2026-04-30" in sheet["A1"].value
    assert [lines.cell(r, 1).value for r in range(2, 5)] == ["Meta ads", "Canva", "Photographer"]
    checks = {str(v.sqref): v for v in sheet.data_validations.dataValidation}
    last = HEADER_ROW + INPUT_ROWS
    assert checks[f"B8:B{last}"].type == "list"
    assert checks[f"B8:B{last}"].formula1 == "Lines!$A$2:$A$4"
    date_check = checks[f"A8:A{last}"]
    assert date_check.type == "date" and date_check.operator in (None, "between")  # the default
    assert (date_check.formula1, date_check.formula2) == ("46023", "46142")  # Jan 1 to Apr 30
    assert checks[f"C8:C{last}"].type == "decimal"
    assert all(check.showErrorMessage for check in checks.values())
    assert sheet.column_dimensions["D"].number_format == "@"  # typed text stays text


def test_filled_handoff_is_counted_by_build_to_the_cent(project, tmp_path):
    fill(write_handoff(project, actuals_folder(project) / "from-finance.xlsx").output)
    summary = build_workbook(project, tmp_path / "book.xlsx")
    counted = sorted((t.date.isoformat(), t.line, t.amount) for t in summary.project.transactions)
    assert counted == [
        ("2026-01-12", "Meta ads", Decimal("64.90")),
        ("2026-02-02", "Canva", Decimal("11.99")),
        ("2026-02-20", "Photographer", Decimal("280")),
        ("2026-02-25", "Meta ads", Decimal("-14.90")),
    ]
    assert summary.project.not_counted == []
    assert summary.project.data_rows == len(FILLED)
    actuals = openpyxl.load_workbook(tmp_path / "book.xlsx")["Actuals"]
    descriptions = [row[5].value for row in actuals.iter_rows(min_row=2) if row[5].value]
    assert '=HYPERLINK("http://evil.example","x")' in descriptions
    assert all(row[5].data_type == "s" for row in actuals.iter_rows(min_row=2))


@pytest.mark.libreoffice
def test_round_trip_through_libreoffice_and_update(project, tmp_path):
    """Finance saves the hand-off from LibreOffice; update counts it once; the Budget agrees."""
    book = tmp_path / "book.xlsx"
    build_workbook(project, book)
    filled = fill(write_handoff(project, tmp_path / "handoff.xlsx").output)
    saved_by_libreoffice = recalculate(filled, tmp_path / "saved")

    first = update_workbook(book, [saved_by_libreoffice])
    assert len(first.taken.transactions) == len(FILLED) and not first.taken.not_counted
    again = update_workbook(book, [saved_by_libreoffice])
    assert again.backup is None and not again.taken.transactions

    fresh = recalculate(book, tmp_path / "recalculated")
    budget = openpyxl.load_workbook(fresh, data_only=True)["Budget"]
    meta = next(r for r in range(1, budget.max_row + 1) if budget.cell(r, 2).value == "Meta ads")
    january, february = (budget.cell(meta + 2, c).value for c in (5, 6))
    assert (january, february) == (pytest.approx(64.9), pytest.approx(-14.9))
    assert budget.cell(meta + 1, 6).value == pytest.approx(135.1)  # 100 + Jan's 35.10 surplus

    # Built from scratch with the hand-off in actuals/, every formula equals its Python value.
    (actuals_folder(project) / "finance.xlsx").write_bytes(saved_by_libreoffice.read_bytes())
    rebuilt = build_workbook(project, tmp_path / "rebuilt.xlsx").output
    checked, mismatches = compare(rebuilt, recalculate(rebuilt, tmp_path / "rebuilt-lo"))
    assert checked and not mismatches


@pytest.mark.gnumeric
def test_round_trip_through_gnumeric_and_update(project, tmp_path):
    """Finance saves the hand-off from Gnumeric; update counts it once; Gnumeric's Budget
    agrees, and a workbook built with it holds Python's value in every formula for Gnumeric."""
    book = tmp_path / "book.xlsx"
    build_workbook(project, book)
    filled = fill(write_handoff(project, tmp_path / "handoff.xlsx").output)
    saved_by_gnumeric = gnumeric_recalculate(filled, tmp_path / "saved")

    first = update_workbook(book, [saved_by_gnumeric])
    assert len(first.taken.transactions) == len(FILLED) and not first.taken.not_counted
    again = update_workbook(book, [saved_by_gnumeric])
    assert again.backup is None and not again.taken.transactions

    budget = opened(gnumeric_recalculate(book, tmp_path / "recalculated"))["Budget"]
    meta = next(r for r in range(1, budget.max_row + 1) if budget.cell(r, 2).value == "Meta ads")
    january, february = (budget.cell(meta + 2, c).value for c in (5, 6))
    assert (january, february) == (pytest.approx(64.9), pytest.approx(-14.9))
    assert budget.cell(meta + 1, 6).value == pytest.approx(135.1)  # 100 + Jan's 35.10 surplus

    (actuals_folder(project) / "finance.xlsx").write_bytes(saved_by_gnumeric.read_bytes())
    rebuilt = build_workbook(project, tmp_path / "rebuilt.xlsx").output
    checked, mismatches = compare(rebuilt, gnumeric_recalculate(rebuilt, tmp_path / "rebuilt-gn"))
    assert checked > 100 and not mismatches


@pytest.mark.libreoffice
def test_lines_named_like_numbers_or_dates_are_typed_as_text_and_counted(project_factory, tmp_path):
    """The text columns (Line, Description, Vendor) are formatted as text: typed in
    LibreOffice, a line named 2026, 01/02 or 0012 stays that text, not a number or a date,
    and each row is counted under its line."""
    names = ["2026", "01/02", "0012"]
    project = project_factory([["Tools", name, "", "", 10, 10, 10, 10] for name in names])
    handoff = write_handoff(project, tmp_path / "handoff.xlsx").output
    sheet = openpyxl.load_workbook(handoff).worksheets[0]
    assert [sheet.column_dimensions[col].number_format for col in "BDE"] == ["@"] * 3
    typed = {}
    for row, name in enumerate(names, start=HEADER_ROW + 1):
        typed |= {f"A{row}": "2026-01-12", f"B{row}": name, f"C{row}": "12.5"}
        typed |= {f"D{row}": "1/2", f"E{row}": "007"}
    type_in_libreoffice(handoff, actuals_folder(project) / "finance.xlsx", typed)

    summary = build_workbook(project, tmp_path / "book.xlsx")
    assert summary.project.not_counted == []
    counted = [(t.line, t.amount, t.description, t.vendor) for t in summary.project.transactions]
    assert sorted(counted) == sorted((name, Decimal("12.5"), "1/2", "007") for name in names)


def test_french_handoff_reads_back(project_factory, tmp_path):
    project = project_factory(LINES)
    toml = project / "budgetbook.toml"
    toml.write_text('language = "fr"\n' + toml.read_text())
    handoff = write_handoff(project, actuals_folder(project) / "finance.xlsx").output
    sheet = openpyxl.load_workbook(handoff).worksheets[0]
    assert [c.value for c in sheet[HEADER_ROW]] == [
        "Date", "Poste", "Montant", "Libellé", "Fournisseur"
    ]  # fmt: skip
    # A budget line is a poste wherever the sheet names one; "ligne" is a row of it.
    assert openpyxl.load_workbook(handoff).sheetnames[1] == "Postes"  # the list offered
    assert "Poste : choisir le poste budgétaire dans la liste." in sheet["A3"].value
    validation = next(v for v in sheet.data_validations.dataValidation if v.type == "list")
    assert (validation.promptTitle, validation.error) == (
        "Poste", "Choisir un poste budgétaire dans la liste."
    )  # fmt: skip
    assert "du 01/01/2026 au 30/04/2026" in sheet["A1"].value
    fill(handoff)
    assert len(build_workbook(project, tmp_path / "livre.xlsx").project.transactions) == 4


def test_configured_column_names_are_the_handoff_headers(project_factory, tmp_path):
    project = project_factory(LINES)
    settings = project / "budgetbook.toml"  # a budget tax included, as its amounts' column says
    settings.write_text(settings.read_text().replace("[budget]\n", '[budget]\ntax = "included"\n'))
    with settings.open("a") as toml:
        toml.write('\n[actuals.columns]\namount = "Montant TTC"\nline = "Poste"\n')
    handoff = write_handoff(project, actuals_folder(project) / "finance.xlsx").output
    headers = [c.value for c in openpyxl.load_workbook(handoff).worksheets[0][HEADER_ROW]]
    assert headers == ["Date", "Poste", "Montant TTC", "Description", "Vendor"]
    fill(handoff)
    assert len(build_workbook(project, tmp_path / "book.xlsx").project.transactions) == 4


def test_cli_handoff_writes_beside_the_project_by_default(project):
    result = CliRunner().invoke(main, ["handoff", str(project)])
    assert result.exit_code == 0, result.output
    assert (project / "handoff.xlsx").is_file()
    assert "3 budget lines" in result.output and "budgetbook update" in result.output


def test_cli_handoff_names_a_bad_project(tmp_path):
    result = CliRunner().invoke(main, ["handoff", str(tmp_path / "missing")])
    assert result.exit_code == 1
    assert "is not a project folder" in result.output
