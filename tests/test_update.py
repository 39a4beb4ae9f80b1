"""budgetbook update: new finance files into a workbook a person may have edited."""

from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from budgetbook.build import build_workbook
from budgetbook.cli import main
from budgetbook.errors import BudgetbookError, InputErrors
from budgetbook.update import update_workbook
from tests.conftest import write_csv
from tests.recalc import recalculate

LINES = [
    ["Advertising", "Meta ads", "Instagram", "surplus", 100, 100, 100, 100],
    ["Tools", "Canva", "", "", 12, 12, 12, 12],
]
ACTUALS = [
    ["2026-01-10", "60", "Meta ads", "Boost", "Meta", "6231"],
    ["2026-01-05", "12", "Canva", "Pro", "Canva", "6512"],
]
FEBRUARY = [
    ["date", "amount", "line", "description", "vendor"],
    ["2026-02-03", "45.50", "Meta ads", '=HYPERLINK("http://evil.example","click")', "Meta"],
    ["2026-02-04", "12", "Canva", "+33 6 12 34 56 78", "Canva"],
    ["2026-02-05", "7", "Printing", "@mention", "Print shop"],
]


@pytest.fixture
def book(project_factory, tmp_path) -> Path:
    path = tmp_path / "book.xlsx"
    build_workbook(project_factory(LINES, ACTUALS), path)
    return path


@pytest.fixture
def february(tmp_path) -> Path:
    return write_csv(tmp_path / "february.csv", FEBRUARY)


def _block(ws, line: str) -> int:
    return next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 2).value == line)


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_new_rows_are_appended_as_text_and_counted_on_opening(book, february, tmp_path):
    summary = update_workbook(book, [february])
    assert len(summary.taken.transactions) == 2
    assert [n.kind for n in summary.taken.not_counted] == ["unknown line"]
    assert summary.backup.is_file()

    actuals = openpyxl.load_workbook(book)["Actuals"]
    appended = [[c.value for c in row] for row in actuals.iter_rows(min_row=4)]
    assert appended[0][:6] == [
        datetime(2026, 2, 3), datetime(2026, 2, 1), "Advertising", "Meta ads", 45.5,
        '=HYPERLINK("http://evil.example","click")',
    ]  # fmt: skip
    assert all(c.data_type == "s" for c in actuals[4][5:8])  # text stays text
    assert actuals.cell(5, 6).value == "+33 6 12 34 56 78"

    # Opened as a user's LibreOffice opens it (no forced recalculation), the new rows count.
    opened = openpyxl.load_workbook(recalculate(book, tmp_path / "lo", force=False), data_only=True)
    budget = opened["Budget"]
    meta = _block(budget, "Meta ads")
    assert [budget.cell(meta + 2, c).value for c in (5, 6)] == [60, 45.5]
    assert budget.cell(meta + 1, 6).value == 140  # Feb Available carries Jan's 40
    not_counted = opened["Not counted"]
    assert not_counted.cell(2, 1).value == "february.csv"
    assert not_counted.cell(2, 3).value == "no budget line is named Printing"


def test_rows_added_to_a_workbook_read_by_month_count(project_factory, february, tmp_path):
    """With Actual cells reading their month's rows ([workbook] sum_by_month_from), the rows
    update appends land below the listed ones, where every month also reads."""
    project = project_factory(LINES, ACTUALS)
    with (project / "budgetbook.toml").open("a", encoding="utf-8") as toml:
        toml.write("\n[workbook]\nsum_by_month_from = 1\n")
    path = tmp_path / "by-month.xlsx"
    build_workbook(project, path)
    update_workbook(path, [february])
    opened = openpyxl.load_workbook(recalculate(path, tmp_path / "lo"), data_only=True)
    budget = opened["Budget"]
    meta, canva = _block(budget, "Meta ads"), _block(budget, "Canva")
    assert [budget.cell(meta + 2, c).value for c in (5, 6)] == [60, 45.5]
    assert [budget.cell(canva + 2, c).value for c in (5, 6)] == [12, 12]


def test_a_persons_edits_survive(book, february, tmp_path):
    workbook = openpyxl.load_workbook(book)
    budget = workbook["Budget"]
    meta = _block(budget, "Meta ads")
    budget.cell(meta, 6).value = 250  # February's plan raised by hand
    budget.cell(meta, 7).comment = openpyxl.comments.Comment("Spring push", "Camille")
    workbook.save(book)

    update_workbook(book, [february])
    opened = openpyxl.load_workbook(recalculate(book, tmp_path / "lo"), data_only=True)
    budget = opened["Budget"]
    assert budget.cell(meta, 6).value == 250
    assert budget.cell(meta + 1, 6).value == 290  # 250 planned + 40 carried from January
    assert openpyxl.load_workbook(book)["Budget"].cell(meta, 7).comment.text == "Spring push"


def test_every_other_part_is_kept_byte_for_byte(book, february):
    before = _parts(book)
    update_workbook(book, [february])
    after = _parts(book)
    assert after.keys() == before.keys()
    changed = {name for name in before if before[name] != after[name]}
    assert changed <= {n for n in before if n.startswith("xl/worksheets/sheet")}
    assert any(name.startswith("xl/charts/") for name in after)  # the Overview chart is kept


def test_file_sent_again_is_reported_and_not_counted_twice(book, february, tmp_path):
    update_workbook(book, [february])
    after_first = book.read_bytes()
    copy = tmp_path / "february-again.csv"
    copy.write_bytes(february.read_bytes())
    again = update_workbook(book, [copy])
    assert again.backup is None
    assert {n.kind for n in again.taken.not_counted} == {"file sent twice"}
    assert "february.csv" in again.taken.not_counted[0].reason
    assert book.read_bytes() == after_first


def test_file_counted_at_build_is_recognised(book):
    built_ledger = book.parent / "project" / "actuals" / "ledger.csv"
    summary = update_workbook(book, [built_ledger])
    assert summary.backup is None
    assert summary.taken.transactions == []


def test_unreadable_file_is_refused_without_change(book, tmp_path):
    bad = write_csv(tmp_path / "bad.csv", [["when", "what"], ["2026-02-01", "12"]])
    before = book.read_bytes()
    with pytest.raises(InputErrors, match="no column holds the amount"):
        update_workbook(book, [bad])
    assert book.read_bytes() == before
    assert not list(tmp_path.glob("*.before-update-*"))


def test_workbook_open_in_excel_is_refused(book, february):
    (book.parent / f"~${book.name}").write_bytes(b"lock")
    with pytest.raises(BudgetbookError, match="open in Excel"):
        update_workbook(book, [february])


def test_other_workbook_is_refused(tmp_path, february):
    import xlsxwriter

    other = tmp_path / "other.xlsx"
    xlsxwriter.Workbook(other).close()
    with pytest.raises(BudgetbookError, match="not a workbook made by budgetbook"):
        update_workbook(other, [february])


def test_cli_update_prints_a_summary(book, february):
    result = CliRunner().invoke(main, ["update", str(book), str(february)])
    assert result.exit_code == 0, result.output
    assert "  Counted         57.50 EUR  2 of 3 finance rows\n" in result.output
    assert "    unknown line   7.00 EUR  1 row\n" in result.output
