"""The workbook's layout and safety properties, read back with openpyxl."""

from __future__ import annotations

import hashlib
import os
import random
import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from budgetbook.commands.build import build_workbook
from budgetbook.errors import BudgetbookError, InputErrors
from budgetbook.write.sheets.actuals_sheet import FILE
from tests.conftest import SAMPLE


def test_sheets_in_order(sample_book):
    book = openpyxl.load_workbook(sample_book)
    visible = [ws.title for ws in book.worksheets if ws.sheet_state == "visible"]
    assert visible == [
        "Overview", "Strategy", "Budget", "Actuals", "Roadmap", "Calendar", "Performance",
        "Not counted",
    ]  # fmt: skip
    assert book["budgetbook"].sheet_state == "hidden"  # the record that update reads


def test_budget_months_are_real_dates_then_total(sample_book):
    ws = openpyxl.load_workbook(sample_book)["Budget"]
    header = [ws.cell(4, col).value for col in range(5, 18)]
    assert header[:12] == [datetime(2026, month, 1) for month in range(1, 13)]
    assert header[12] == "Total"
    assert ws.cell(4, 5).number_format == "mmm yyyy"
    assert ws.freeze_panes == "E5"


def test_each_line_is_a_four_row_block_with_grouped_detail(sample_book):
    ws = openpyxl.load_workbook(sample_book)["Budget"]
    assert ws.cell(5, 2).value == "Canva Pro"
    assert [ws.cell(row, 4).value for row in range(5, 9)] == [
        "Planned", "Available", "Actual", "Remaining",
    ]  # fmt: skip
    assert ws.cell(6, 2).value is None  # the name only on the block's first row
    assert ws.row_dimensions[6].outline_level == 1
    assert ws.row_dimensions[8].outline_level == 1
    assert ws.row_dimensions[7].outline_level == 0


def test_untrusted_text_is_written_as_text(sample_book):
    ws = openpyxl.load_workbook(sample_book)["Actuals"]
    descriptions = [ws.cell(row, 6) for row in range(2, ws.max_row + 1)]
    formula_like = [c for c in descriptions if str(c.value).startswith(("=", "+"))]
    assert {c.value for c in formula_like} >= {"=Facebook boost (manual)"}
    assert all(c.data_type == "s" for c in formula_like)


def test_same_inputs_give_byte_identical_output(tmp_path):
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    build_workbook(SAMPLE, first)
    build_workbook(SAMPLE, second)
    assert (
        hashlib.sha256(first.read_bytes()).digest() == hashlib.sha256(second.read_bytes()).digest()
    )


@pytest.mark.parametrize("project", ["sample", "handoff", "random"])
def test_sheets_write_the_formulas_xlsxwriter_would(project, tmp_path, monkeypatch):
    """budgetbook's sheets skip XlsxWriter's rewriting of cell formulas (book.worksheet_class);
    the workbook must not change by a byte for it."""
    from xlsxwriter.worksheet import Worksheet

    from budgetbook.write import book
    from budgetbook.write.handoff import write_handoff
    from tests.projects import random_project

    source = (
        random_project(tmp_path / "project", random.Random(7)) if project == "random" else SAMPLE
    )

    def write(target: Path) -> Path:
        if project == "handoff":
            write_handoff(source, target)
        else:
            build_workbook(source, target)
        return target

    ours = write(tmp_path / "ours.xlsx")
    monkeypatch.setattr(book, "worksheet_class", lambda: Worksheet)
    stock = write(tmp_path / "stock.xlsx")
    with zipfile.ZipFile(ours) as left, zipfile.ZipFile(stock) as right:
        assert left.namelist() == right.namelist()
        for name in left.namelist():
            assert left.read(name) == right.read(name), name


FORMULAS = [
    "=SUM(A1:A3)",
    "SUM(A1:A3)",
    '=IF(A1="SORT(x)",1,0)',
    "=SORT(A1:A3)",
    "={1,2}",
    "{=SUM(A1:A3)}",
    "=_xlfn.STDEV.S(A1:A3)",
    "=A1}",
    "=LAMBDA(x,x+1)(A1)",
    "=XSINGLE(A1)",
    "=IFERROR(XLOOKUP(A1,B1:B3,C1:C3),0)",
]


def test_sheet_writes_what_xlsxwriter_would(tmp_path, monkeypatch):
    from xlsxwriter.worksheet import Worksheet

    from budgetbook.write import book

    def write(target: Path) -> Path:
        workbook = book.new_workbook(target)
        sheet = workbook.add_worksheet()
        assert type(sheet) is book.worksheet_class()
        for row, formula in enumerate(FORMULAS):
            sheet.write_formula(row, 0, formula, None, row)
        sheet.conditional_format(0, 1, 9, 1, {"type": "formula", "criteria": "=SORT(A1:A3)>0"})
        sheet.data_validation(  # attributes to escape
            0, 2, 9, 2, {"validate": "list", "source": ["a&b", "c<d"], "input_title": 'Say "hi"'}
        )
        sheet.write_string(0, 3, 'x & "y" <z>', workbook.add_format({"bold": True}))
        workbook.close()
        return target

    ours = write(tmp_path / "ours.xlsx")
    monkeypatch.setattr(book, "worksheet_class", lambda: Worksheet)
    stock = write(tmp_path / "stock.xlsx")
    with zipfile.ZipFile(ours) as left, zipfile.ZipFile(stock) as right:
        for name in left.namelist():
            assert left.read(name) == right.read(name), name


def test_failed_build_leaves_existing_workbook_untouched(project_factory, tmp_path):
    project = project_factory([["Ads", "Meta", "", "", 1, 2, 3, 4]])
    output = tmp_path / "book.xlsx"
    output.write_bytes(b"previous workbook")
    (project / "budget.csv").write_text("category,line,2026-01\nAds,Meta,lots\n", encoding="utf-8")
    with pytest.raises(InputErrors):
        build_workbook(project, output)
    assert output.read_bytes() == b"previous workbook"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_write_error_leaves_no_temporary_file(project_factory, tmp_path, monkeypatch):
    project = project_factory([["Ads", "Meta", "", "", 1, 2, 3, 4]])
    output = tmp_path / "out" / "book.xlsx"
    output.parent.mkdir()
    output.write_bytes(b"previous workbook")

    def broken_replace(*_):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(BudgetbookError, match="No space left"):
        build_workbook(project, output)
    assert output.read_bytes() == b"previous workbook"
    assert [p.name for p in output.parent.iterdir()] == ["book.xlsx"]


def test_missing_output_folder_is_a_clear_error(project_factory, tmp_path):
    project = project_factory([["Ads", "Meta", "", "", 1, 2, 3, 4]])
    with pytest.raises(BudgetbookError, match="no such folder"):
        build_workbook(project, tmp_path / "nowhere" / "book.xlsx")


def test_currency_format_follows_company_currency(project_factory, tmp_path):
    project = project_factory([["Ads", "Meta", "", "", 1, 2, 3, 4]])
    toml = project / "budgetbook.toml"
    toml.write_text(toml.read_text().replace('"EUR"', '"GBP"'), encoding="utf-8")
    build_workbook(project, tmp_path / "book.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "book.xlsx")["Budget"]
    assert '"£"#,##0.00' in ws.cell(5, 5).number_format


def test_overspend_is_highlighted_by_conditional_formatting(sample_book):
    ws = openpyxl.load_workbook(sample_book)["Budget"]
    rules = [rule.formula[0] for cf in ws.conditional_formatting for rule in cf.rules]
    assert '$D5="Remaining",E5<0' in " ".join(rules)


def test_not_counted_sheet_lists_file_row_and_reason(sample_book):
    ws = openpyxl.load_workbook(sample_book)["Not counted"]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
    assert rows == [
        [
            "actuals/2026-10-bank.csv",
            5,
            "no line given and no mapping rule matches",
            "2026-10-14 | 16.50 | Stock video subscription, October"
            " | Envato Elements Pty Ltd | 6512",
        ]
    ]


LONG_LINE = "Photographe freelance pour la collection d'hiver, lookbook et fiches produits"


@pytest.mark.parametrize(
    ("language", "sheet", "reason"),
    [
        ("en", "Not counted", f"no budget line is named {LONG_LINE}"),
        ("fr", "Non comptées", f"aucun poste du budget ne s'appelle {LONG_LINE}"),
    ],
)
def test_a_long_reason_wraps_and_its_row_grows_to_show_it_whole(
    language, sheet, reason, project_factory, tmp_path
):
    """A reason longer than its column is not cut off at the next column: it wraps, its row is
    as tall as its lines, and the row's other cells sit at its top."""
    project = project_factory(
        [["Services", "Photos", "", "", 100, 100, 100, 100]],
        [["2026-02-03", "120", LONG_LINE, "Winter lookbook shoot", "Studio Lumière", "6226"]],
    )
    toml = project / "budgetbook.toml"
    toml.write_text(f'language = "{language}"\n' + toml.read_text("utf-8"), "utf-8")
    build_workbook(project, tmp_path / "book.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "book.xlsx")[sheet]
    assert ws.cell(2, 3).value == reason
    width = ws.column_dimensions["C"].width
    assert len(reason) > width  # so it takes two lines at least
    assert ws.cell(2, 3).alignment.wrap_text and ws.cell(2, 4).alignment.wrap_text
    assert ws.row_dimensions[2].height >= 2 * 13
    assert {ws.cell(2, col).alignment.vertical for col in range(1, 5)} == {"top"}


def test_project_without_actuals_builds(project_factory, tmp_path):
    project = project_factory([["Ads", "Meta", "", "surplus", 1, 2, 3, 4]])
    summary = build_workbook(project, tmp_path / "book.xlsx")
    assert summary.project.transactions == []
    ws = openpyxl.load_workbook(tmp_path / "book.xlsx")["Not counted"]
    assert ws.cell(2, 1).value == "Every finance row was counted."


def test_default_output_is_inside_the_project(project_factory):
    project = project_factory([["Ads", "Meta", "", "", 1, 2, 3, 4]])
    summary = build_workbook(project)
    assert summary.output == project / "budgetbook.xlsx"
    assert Path(summary.output).is_file()


@pytest.mark.parametrize(
    "text",
    ['=HYPERLINK("http://evil.example","click")', "+33 6 12 34 56 78", "-10% promo", "@mention"],
)
def test_formula_like_descriptions_stay_text(project_factory, tmp_path, text):
    project = project_factory(
        [["Ads", "Meta", "", "", 1, 2, 3, 4]], [["2026-01-02", "5", "Meta", text, text, text]]
    )
    build_workbook(project, tmp_path / "book.xlsx")
    row = openpyxl.load_workbook(tmp_path / "book.xlsx")["Actuals"][2]
    assert [(c.value, c.data_type) for c in row[5:8]] == [(text, "s")] * 3


QIF = "!Type:Bank\nD15/02/2026\nT-45.00\nPMETA ADS\n^\nD16/02/2026\nT-12.00\nPCANVA\n^\n"
FILES_BLOCK = {  # language: the Actuals sheet's name, the block's header, the sources' names
    "en": (
        "Actuals", ["File", "Read as", "Rows", "Counted"],
        "ledger or journal", "QIF bank statement",
    ),
    "fr": (
        "Dépenses", ["Fichier", "Lu comme", "Lignes", "Comptées"],
        "grand livre ou journal", "relevé bancaire QIF",
    ),
}  # fmt: skip


def _files_project(project_factory) -> Path:
    """A ledger, a QIF statement named like a formula, a copy of the ledger and a PDF."""
    project = project_factory(
        [["Ads", "Meta ads", "", "", 100, 100, 100, 100],
         ["Tools", "Canva", "", "", 12, 12, 12, 12]],
        [["2026-01-10", "60", "Meta ads", "Boost", "Meta", "6231"],
         ["2026-03-10", "12", "Canva", "Pro", "Canva", "6512"]],
    )  # fmt: skip
    with (project / "budgetbook.toml").open("a", encoding="utf-8") as settings:
        settings.write('tax = "included"\n')  # in [budget]: the statement counts as written
    actuals = project / "actuals"
    (actuals / "=releve.qif").write_text(QIF, encoding="utf-8")
    (project / "mapping.csv").write_text("match,line\nmeta,Meta ads\ncanva,Canva\n", "utf-8")
    (actuals / "zz-copy.csv").write_bytes((actuals / "ledger.csv").read_bytes())
    (actuals / "scan.pdf").write_bytes(b"%PDF-1.4\n")
    return project


def _files_block(ws) -> list[list[object]]:
    """The Actuals sheet's block of files taken, header first."""
    rows = ([c.value for c in row] for row in ws.iter_rows(min_col=FILE + 1, max_col=FILE + 4))
    return [row for row in rows if any(value is not None for value in row)]


@pytest.mark.parametrize("language", FILES_BLOCK)
def test_actuals_sheet_lists_each_file_taken_and_its_source(project_factory, tmp_path, language):
    """One row per file taken, beside the transactions: a copy of a file and a file not read
    are on the Not counted sheet, not here; a file's name stays text."""
    sheet, header, ledger, statement = FILES_BLOCK[language]
    book = tmp_path / "book.xlsx"
    build_workbook(_files_project(project_factory), book, language=language)
    workbook = openpyxl.load_workbook(book)
    ws = workbook[sheet]
    assert _files_block(ws) == [
        header,
        ["actuals/=releve.qif", statement, 2, 2],
        ["actuals/ledger.csv", ledger, 2, 2],
    ]
    assert ws.cell(2, FILE + 1).data_type == "s"
    assert ws.cell(2, FILE + 1).style_id == ws.cell(2, 9).style_id  # as the Source file column
    assert ws.cell(2, FILE + 3).style_id == ws.cell(2, 10).style_id  # counts as the Source row
    assert ws.cell(1, FILE + 1).style_id == ws.cell(1, 1).style_id  # a header as the others
    assert all(ws.cell(row, FILE).value is None for row in range(1, ws.max_row + 1))
    assert ws.auto_filter.ref == "A1:N5"  # the transactions' filter does not take the block
    assert [ws.cell(row, 4).value for row in range(2, 6)] == [
        "Meta ads",
        "Meta ads",
        "Canva",
        "Canva",
    ]
    not_counted = workbook["Not counted" if language == "en" else "Non comptées"]
    files = {not_counted.cell(row, 1).value for row in range(2, not_counted.max_row + 1)}
    assert files == {"actuals/zz-copy.csv", "actuals/scan.pdf"}


def test_files_are_listed_when_actuals_holds_monthly_totals(project_factory, tmp_path):
    project = _files_project(project_factory)
    with (project / "budgetbook.toml").open("a", encoding="utf-8") as toml:
        toml.write("\n[workbook]\nactuals_sheet_max = 1\n")
    book = tmp_path / "book.xlsx"
    assert build_workbook(project, book).side_file is not None
    ws = openpyxl.load_workbook(book)["Actuals"]
    assert ws.cell(2, 6).value == "1 transaction"  # a month's total, not a transaction
    assert _files_block(ws)[1:] == [
        ["actuals/=releve.qif", "QIF bank statement", 2, 2],
        ["actuals/ledger.csv", "ledger or journal", 2, 2],
    ]
