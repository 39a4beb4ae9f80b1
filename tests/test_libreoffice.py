"""Real recalculation in LibreOffice: every formula's result against budgetbook's own value,
and edits that flow through the carry-over rule."""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from budgetbook.commands.build import build_workbook
from budgetbook.commands.report import describe
from tests.conftest import ROOT, SAMPLE, write_csv, write_project
from tests.recalc import compare, recalculate

pytestmark = pytest.mark.libreoffice


def test_harness_catches_a_wrong_cached_value(tmp_path):
    """Guard against a LibreOffice that silently keeps cached values instead of recalculating."""
    import xlsxwriter

    path = tmp_path / "wrong.xlsx"
    workbook = xlsxwriter.Workbook(path)
    sheet = workbook.add_worksheet("S")
    sheet.write_number("A1", 2)
    sheet.write_formula("A2", "=A1*3", None, 999)
    workbook.close()
    count, mismatches = compare(path, recalculate(path, tmp_path / "lo"))
    assert count == 1
    assert [(m.cell, m.cached, m.recalculated) for m in mismatches] == [("A2", 999, 6)]


def test_sample_every_formula_equals_python_value(sample_book, tmp_path):
    count, mismatches = compare(sample_book, recalculate(sample_book, tmp_path))
    print(f"compared {count} formula cells of the sample workbook")
    assert count > 900
    assert mismatches == []


LINES = [
    ["Advertising", "Meta ads", "Instagram", "surplus", 100, 100, 100, 100],
    ["Advertising", "Google Ads", "", "full", 100, 100, 100, 100],
    ["Tools", "Canva", "", "", 12, 12, 12, 12],
]
ACTUALS = [
    ["2026-01-10", "60", "Meta ads", "Boost", "Meta", "6231"],
    ["2026-02-10", "90", "Meta ads", "Boost", "Meta", "6231"],
    ["2026-01-12", "60", "Google Ads", "Search", "Google", "6231"],
    ["2026-02-12", "90", "Google Ads", "Search", "Google", "6231"],
    ["2026-01-05", "12", "Canva", "Pro", "Canva", "6512"],
]


def _block(ws, line: str) -> int:
    """The row (1-based) of a line's Planned row on the Budget sheet."""
    for row in range(1, ws.max_row + 1):
        if ws.cell(row, 2).value == line:
            return row
    raise AssertionError(f"no block for {line}")


def _months(ws, row: int, count: int = 4) -> list[float]:
    return [round(ws.cell(row, 5 + m).value, 2) for m in range(count)]


def _edit_and_recalculate(book: Path, tmp_path: Path, edit) -> openpyxl.Workbook:
    workbook = openpyxl.load_workbook(book)
    edit(workbook["Actuals"])
    edited = tmp_path / "edited.xlsx"
    workbook.save(edited)
    return openpyxl.load_workbook(recalculate(edited, tmp_path / "lo"), data_only=True)


def _find_actual(ws, line: str, day: str) -> int:
    for row in range(2, ws.max_row + 1):
        if ws.cell(row, 4).value == line and ws.cell(row, 1).value == datetime.fromisoformat(day):
            return row
    raise AssertionError(f"no transaction {line} {day}")


# Each Actual cell reads the whole Actuals sheet, or (from [workbook] sum_by_month_from
# transactions on) only its month's rows and those pasted below: both must stay live.
DESIGNS = {"whole sheet": "", "by month": "\n[workbook]\nsum_by_month_from = 1\n"}


def _with_options(project: Path, toml: str) -> Path:
    with (project / "budgetbook.toml").open("a", encoding="utf-8") as handle:
        handle.write(toml)
    return project


@pytest.fixture(params=DESIGNS)
def small_book(request, project_factory, tmp_path) -> Path:
    book = tmp_path / "small.xlsx"
    build_workbook(_with_options(project_factory(LINES, ACTUALS), DESIGNS[request.param]), book)
    return book


def _unaccounted(budget) -> float:
    """The check under the Budget: money on Actuals that no Actual cell counts."""
    for row in range(1, budget.max_row + 1):
        if budget.cell(row, 2).value == "Actuals not counted above":
            return round(budget.cell(row, 5).value, 2)
    raise AssertionError("no check row")


def test_small_project_formulas_equal_python_values(small_book, tmp_path):
    count, mismatches = compare(small_book, recalculate(small_book, tmp_path / "lo"))
    assert count > 100
    assert mismatches == []


def test_edited_amount_flows_through_surplus_and_full(small_book, tmp_path):
    # Before: Jan actual 60 on both lines, so Remaining 40 and Feb Available 140.
    def overspend_january(ws):
        ws.cell(_find_actual(ws, "Meta ads", "2026-01-10"), 5).value = 130
        ws.cell(_find_actual(ws, "Google Ads", "2026-01-12"), 5).value = 130

    budget = _edit_and_recalculate(small_book, tmp_path, overspend_january)["Budget"]
    meta = _block(budget, "Meta ads")
    assert _months(budget, meta + 2) == [130, 90, 0, 0]  # Actual
    # February is the last closed month (the latest transaction's): March gets what it
    # leaves, April (March being open) its plan alone.
    assert _months(budget, meta + 3) == [-30, 10, 110, 100]  # Remaining
    assert _months(budget, meta + 1) == [100, 100, 110, 100]  # Available: overspend not carried
    google = _block(budget, "Google Ads")
    assert _months(budget, google + 2) == [130, 90, 0, 0]
    assert _months(budget, google + 1) == [100, 70, 80, 100]  # Available: overspend carried
    assert _months(budget, google + 3) == [-30, -20, 80, 100]
    assert budget.cell(google + 3, 9).value == pytest.approx(400 - 220)  # Total remaining


def test_pasted_row_below_the_last_counts(small_book, tmp_path):
    def paste(ws):
        row = ws.max_row + 1
        ws.cell(row, 1).value = datetime(2026, 3, 20)
        ws.cell(row, 4).value = "Canva"
        ws.cell(row, 5).value = 50

    budget = _edit_and_recalculate(small_book, tmp_path, paste)["Budget"]
    canva = _block(budget, "Canva")
    assert _months(budget, canva + 2) == [12, 0, 50, 0]
    assert _months(budget, canva + 3) == [0, 12, -38, 12]  # policy none: nothing carries


def _counts(workbook) -> list[object]:
    """The Overview's transactions counted and rows not counted."""
    overview = workbook["Overview"]
    return [overview.cell(row, 2).value for row in (5, 6)]


OVERVIEW_DESIGNS = {**DESIGNS, "side file": "\n[workbook]\nactuals_sheet_max = 4\n"}


@pytest.mark.parametrize("design", OVERVIEW_DESIGNS)
def test_the_overview_counts_a_pasted_row(project_factory, tmp_path, design):
    """The Overview's counts are formulas over the Actuals and Not counted sheets: a row
    pasted on each counts, whether the transactions are listed whole, read by month, or
    (beyond the sheet's limit) in a side file, whose rows the count starts from."""
    project = _with_options(project_factory(LINES, ACTUALS), OVERVIEW_DESIGNS[design])
    write_csv(
        project / "actuals" / "odd.csv", [["date", "amount", "line"], ["2026-02-01", "5", "Nope"]]
    )
    book = tmp_path / "book.xlsx"
    build_workbook(project, book)
    assert _counts(openpyxl.load_workbook(book, data_only=True)) == [5, 1]

    def paste(workbook):
        actuals = workbook["Actuals"]
        row = actuals.max_row + 1
        actuals.cell(row, 1).value = datetime(2026, 3, 20)
        actuals.cell(row, 4).value = "Canva"
        actuals.cell(row, 5).value = 50
        not_counted = workbook["Not counted"]
        not_counted.append(["by hand", None, "asked finance"])

    workbook = openpyxl.load_workbook(book)
    paste(workbook)
    workbook.save(book)
    assert _counts(openpyxl.load_workbook(recalculate(book, tmp_path / "lo"), data_only=True)) == [
        6, 2,
    ]  # fmt: skip


def test_line_edited_within_its_month_moves_to_the_new_line(small_book, tmp_path):
    def reassign(ws):
        ws.cell(_find_actual(ws, "Google Ads", "2026-02-12"), 4).value = "Meta ads"

    budget = _edit_and_recalculate(small_book, tmp_path, reassign)["Budget"]
    assert _months(budget, _block(budget, "Meta ads") + 2) == [60, 180, 0, 0]
    assert _months(budget, _block(budget, "Google Ads") + 2) == [60, 0, 0, 0]
    assert _unaccounted(budget) == 0


def test_row_no_cell_counts_shows_under_the_budget(small_book, tmp_path):
    def paste_unknown_line(ws):
        row = ws.max_row + 1
        ws.cell(row, 1).value = datetime(2026, 3, 20)
        ws.cell(row, 4).value = "Cnava"
        ws.cell(row, 5).value = 25.5

    budget = _edit_and_recalculate(small_book, tmp_path, paste_unknown_line)["Budget"]
    assert _unaccounted(budget) == 25.5
    assert _months(budget, _block(budget, "Canva") + 2) == [12, 0, 0, 0]


def test_date_moved_to_another_month(project_factory, tmp_path):
    """Reading the whole sheet, the row follows its date; reading by month, it stays in its
    month's rows, is counted nowhere, and the check under the Budget shows it."""

    def postpone(ws):
        ws.cell(_find_actual(ws, "Canva", "2026-01-05"), 1).value = datetime(2026, 3, 5)

    results = {}
    for design, toml in DESIGNS.items():
        book = tmp_path / design / "book.xlsx"
        book.parent.mkdir()
        project = _with_options(write_project(tmp_path / design / "p", LINES, ACTUALS), toml)
        build_workbook(project, book)
        budget = _edit_and_recalculate(book, tmp_path / design, postpone)["Budget"]
        results[design] = (_months(budget, _block(budget, "Canva") + 2), _unaccounted(budget))
    assert results == {"whole sheet": ([0, 0, 12, 0], 0), "by month": ([0, 0, 0, 0], 12)}


def test_transactions_beyond_the_sheet_go_to_a_side_file(project_factory, tmp_path):
    project = _with_options(
        project_factory(LINES, ACTUALS), "\n[workbook]\nactuals_sheet_max = 4\n"
    )
    book = tmp_path / "book.xlsx"
    summary = build_workbook(project, book)
    assert summary.side_file == tmp_path / "book-transactions.csv"
    with summary.side_file.open(encoding="utf-8-sig", newline="") as handle:
        side = list(csv.reader(handle))
    assert side[0] == [
        "Date", "Line", "Amount", "Description", "Vendor", "Account", "Source file", "Source row"
    ]  # fmt: skip
    assert [row[:3] for row in side[1:]] == [
        ["2026-01-05", "Canva", "12.00"],
        ["2026-01-10", "Meta ads", "60.00"],
        ["2026-01-12", "Google Ads", "60.00"],
        ["2026-02-10", "Meta ads", "90.00"],
        ["2026-02-12", "Google Ads", "90.00"],
    ]
    sheet = openpyxl.load_workbook(book)["Actuals"]
    assert [[c.value for c in row][2:6] for row in sheet.iter_rows(min_row=2)] == [
        ["Tools", "Canva", 12, "1 transaction"],
        ["Advertising", "Google Ads", 60, "1 transaction"],
        ["Advertising", "Meta ads", 60, "1 transaction"],
        ["Advertising", "Google Ads", 90, "1 transaction"],
        ["Advertising", "Meta ads", 90, "1 transaction"],
    ]
    count, mismatches = compare(book, recalculate(book, tmp_path / "lo"))
    assert count > 100
    assert mismatches == []
    assert "the transactions are in" in describe(summary)


@pytest.mark.parametrize(
    ("project", "language"),
    [(SAMPLE, "fr"), (ROOT / "samples" / "atelier-lune-fr", None)],
    ids=["sample built in French", "French sample folder"],
)
def test_french_workbooks_every_formula_equals_python_value(project, language, tmp_path):
    """French sheet names in formulas and labels in criteria, and French inputs, recalculate
    to the same figures."""
    book = tmp_path / "fr.xlsx"
    build_workbook(project, book, language=language)
    count, mismatches = compare(book, recalculate(book, tmp_path / "lo"))
    print(f"compared {count} formula cells of {project.name} in French")
    assert count > 2000
    assert mismatches == []
