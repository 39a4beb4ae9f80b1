"""Untrusted .xlsx files are checked before any reader opens them, and refused by name."""

from __future__ import annotations

import shutil
import time

import openpyxl
import pytest
from click.testing import CliRunner

from budgetbook.cli import main
from budgetbook.commands.init import write_budget_xlsx
from budgetbook.errors import InputErrors
from budgetbook.read.safezip import MB, ZipLimits, check_xlsx
from tests import hostile
from tests.conftest import SAMPLE

SMALL = ZipLimits(max_unpacked=8 * MB, ratio_floor=1 * MB)


DEFAULT = ZipLimits()


def refusal(path, limits=DEFAULT) -> str:
    with pytest.raises(InputErrors) as caught:
        check_xlsx(path, path.name, limits)
    (problem,) = caught.value.problems
    assert problem.file == path.name
    assert problem.hint
    return str(problem)


def test_genuine_workbooks_pass(sample_book, tmp_path):
    check_xlsx(sample_book, "book.xlsx")
    write_budget_xlsx(SAMPLE / "budget.csv", tmp_path / "budget.xlsx")
    check_xlsx(tmp_path / "budget.xlsx", "budget.xlsx")


def test_zip_bomb_is_refused_by_its_size(tmp_path):
    path = hostile.zip_bomb(tmp_path / "bomb.xlsx", 20 * MB)
    assert path.stat().st_size < 100_000
    assert "would unpack to more than" in refusal(path, SMALL)


def test_zip_bomb_is_refused_by_its_ratio_below_the_size_limit(tmp_path):
    path = hostile.zip_bomb(tmp_path / "bomb.xlsx", 4 * MB)
    assert "times its packed size" in refusal(path, SMALL)


def test_a_bomb_that_lies_about_its_size_is_measured_as_it_unpacks(tmp_path):
    path = hostile.lying_zip_bomb(tmp_path / "liar.xlsx", 600 * MB)
    started = time.perf_counter()
    message = refusal(path)
    assert time.perf_counter() - started < 5
    assert "times its packed size" in message


@pytest.mark.parametrize(("row", "col"), [(1_048_575, 16_383), (1_048_575, 29)])
def test_a_stray_cell_far_from_the_data_is_refused(tmp_path, row, col):
    path = hostile.stray_cell(tmp_path / "stray.xlsx", row, col)
    assert path.stat().st_size < 10_000
    message = refusal(path)
    assert f"reach row 1,048,576 and column {col + 1:,}" in message
    assert "Delete the stray cells" in message


def test_a_large_genuine_sheet_is_within_the_cell_limit(tmp_path):
    check_xlsx(hostile.stray_cell(tmp_path / "wide.xlsx", 199_999, 19), "wide.xlsx")


def test_entity_bomb_is_refused(tmp_path):
    assert "XML entity bomb" in refusal(hostile.entity_bomb(tmp_path / "laughs.xlsx"))


@pytest.mark.parametrize("name", ["../../evil.sh", "/etc/cron.d/evil", "C:/evil.bat", "a\\..\\b"])
def test_entries_that_escape_the_folder_are_refused(tmp_path, name):
    assert "unsafe path" in refusal(hostile.traversal(tmp_path / "t.xlsx", name))


def test_truncated_download_is_refused(tmp_path, sample_book):
    assert "damaged .xlsx archive" in refusal(hostile.truncated(tmp_path / "t.xlsx", sample_book))


def test_entry_cut_in_the_middle_is_refused(tmp_path, sample_book):
    assert "damaged .xlsx archive" in refusal(hostile.cut_entry(tmp_path / "c.xlsx", sample_book))


def test_old_xls_and_password_protected_workbooks_are_named_as_such(tmp_path):
    assert "old binary Excel file (.xls)" in refusal(hostile.ole2(tmp_path / "o.xlsx", False))
    assert "password-protected" in refusal(hostile.ole2(tmp_path / "p.xlsx", True))


def test_other_files_are_not_workbooks(tmp_path):
    assert "not an Excel workbook" in refusal(hostile.not_a_workbook(tmp_path / "d.xlsx"))
    text = tmp_path / "n.xlsx"
    text.write_text("date,amount\n2026-01-02,10\n")
    assert "not a zip archive" in refusal(text)


def test_build_lists_a_hostile_finance_file_as_not_read(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(SAMPLE, project)
    hostile.entity_bomb(project / "actuals" / "ads-export.xlsx")
    output = tmp_path / "book.xlsx"
    result = CliRunner().invoke(main, ["build", str(project), "-o", str(output)])
    assert result.exit_code == 0, result.output
    assert "  actuals/ads-export.xlsx: declares XML entities" in result.output
    assert "  Not read  " in result.output
    assert "€27,451.59  100 of 101 finance rows" in result.output  # the other files, as before
    listed = openpyxl.load_workbook(output)["Not counted"]
    files = [listed.cell(r, 1).value for r in range(2, listed.max_row + 1)]
    assert "actuals/ads-export.xlsx" in files


def test_update_refuses_a_hostile_workbook_and_leaves_it_alone(tmp_path):
    book = hostile.zip_bomb(tmp_path / "book.xlsx", 600 * MB)
    before = book.read_bytes()
    result = CliRunner().invoke(main, ["update", str(book), str(SAMPLE / "budget.csv")])
    assert result.exit_code == 1, result.output
    assert "book.xlsx" in result.output and "would unpack" in result.output
    assert book.read_bytes() == before
