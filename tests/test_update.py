"""budgetbook update: new finance files into a workbook a person may have edited."""

from __future__ import annotations

import re
import shutil
import zipfile
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from xml.etree import ElementTree

import openpyxl
import pytest
from click.testing import CliRunner
from openpyxl.utils.cell import coordinate_to_tuple, get_column_letter

from budgetbook.cli import main
from budgetbook.commands.build import build_workbook
from budgetbook.commands.update import update_workbook
from budgetbook.errors import BudgetbookError, InputErrors
from budgetbook.write.sheet_xml import Cell, Error, Sheet
from budgetbook.write.sheets.actuals_sheet import FILE
from tests.conftest import ROOT, write_csv
from tests.recalc import compare, gnumeric_recalculate, opened, recalculate
from tests.workbook_edits import rename_sheets

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"  # a sheet's XML names
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


@pytest.mark.libreoffice
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


@pytest.mark.libreoffice
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


@pytest.mark.libreoffice
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


DESIGNS = {"whole sheet": "", "by month": "\n[workbook]\nsum_by_month_from = 1\n"}


def _designed(project: Path, design: str) -> Path:
    with (project / "budgetbook.toml").open("a", encoding="utf-8") as toml:
        toml.write(DESIGNS[design])
    return project


def _engines_agree_with_the_cached_values(book: Path, tmp_path: Path) -> int:
    """Every formula's cached value against LibreOffice's and Gnumeric's results; the
    number of formulas compared."""
    count, by_libreoffice = compare(book, recalculate(book, tmp_path / "lo"))
    assert by_libreoffice == []
    assert compare(book, gnumeric_recalculate(book, tmp_path / "gn")) == (count, [])
    return count


@pytest.mark.libreoffice
@pytest.mark.gnumeric
@pytest.mark.parametrize("design", DESIGNS)
@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_formula_of_an_updated_workbook_holds_its_value(
    project_factory, february, tmp_path, design, language
):
    """After update, every formula has a cached value, computed in Python over the workbook
    as it now is, and LibreOffice and Gnumeric each recalculate the same, the new rows
    counted: the Budget's, and the Overview's counts."""
    path = tmp_path / "book.xlsx"
    build_workbook(_designed(project_factory(LINES, ACTUALS), design), path, language=language)
    summary = update_workbook(path, [february])
    assert summary.not_computed == []
    count = _engines_agree_with_the_cached_values(path, tmp_path)
    print(f"compared {count} formula cells of an updated workbook with both engines")
    assert count > 100
    workbook = opened(path)
    budget = workbook[workbook.sheetnames[1]]
    meta = _block(budget, "Meta ads")
    assert [budget.cell(meta + 2, c).value for c in (5, 6)] == [60, 45.5]
    assert budget.cell(meta + 1, 6).value == 140  # Feb Available carries Jan's 40
    overview = workbook[workbook.sheetnames[0]]
    assert [overview.cell(row, 2).value for row in (5, 6)] == [4, 1]  # 2 + 2 counted, 1 not


SAMPLES = {"en": ROOT / "samples" / "atelier-lune", "fr": ROOT / "samples" / "atelier-lune-fr"}
NOVEMBER = {  # a line of each sample's, and a row no line takes
    "en": [["2026-11-03", "120", "Meta ads – Instagram"], ["2026-11-04", "11.99", "Canva Pro"]],
    "fr": [
        ["2026-11-03", "120", "Publicité Meta – Instagram"],
        ["2026-11-04", "11.99", "Canva Pro"],
    ],
}


@pytest.mark.libreoffice
@pytest.mark.gnumeric
@pytest.mark.parametrize(
    ("language", "design"), [("en", "whole sheet"), ("fr", "by month")], ids=["en", "fr"]
)
def test_every_formula_of_an_updated_sample_holds_its_value(tmp_path, language, design):
    """The sample workbooks, English whole-sheet and French by month, updated with a
    month's rows: every formula's cached value is LibreOffice's result and Gnumeric's."""
    project = tmp_path / "project"
    shutil.copytree(SAMPLES[language], project)
    path = tmp_path / "sample.xlsx"
    build_workbook(_designed(project, design), path)
    november = write_csv(
        tmp_path / "november.csv",
        [["date", "amount", "line"], *NOVEMBER[language], ["2026-11-05", "9", "Nowhere"]],
    )
    summary = update_workbook(path, [november])
    assert [t.line for t in summary.taken.transactions] == [row[2] for row in NOVEMBER[language]]
    assert summary.not_computed == []
    count = _engines_agree_with_the_cached_values(path, tmp_path)
    print(f"compared {count} formula cells of the updated {language} sample with both engines")
    assert count > 2400


def _formula_values(path: Path, sheets: list[str]) -> dict[tuple[str, str], object]:
    formulas = openpyxl.load_workbook(path)
    values = opened(path)
    return {
        (sheet, cell.coordinate): values[sheet][cell.coordinate].value
        for sheet in sheets
        for row in formulas[sheet].iter_rows()
        for cell in row
        if cell.data_type == "f"
    }


def test_an_update_caches_the_figures_a_build_of_the_same_rows_writes(
    project_factory, february, tmp_path
):
    """Built from the first rows and updated with February's, or built from both: the same
    figure in every formula of the Overview and the Budget."""
    updated = tmp_path / "updated.xlsx"
    build_workbook(project_factory(LINES, ACTUALS), updated)
    update_workbook(updated, [february])
    project = tmp_path / "project"
    shutil.copy(february, project / "actuals" / february.name)
    built = tmp_path / "built.xlsx"
    build_workbook(project, built)
    sheets = ["Overview", "Budget"]
    expected = _formula_values(built, sheets)
    assert len(expected) > 100
    found = _formula_values(updated, sheets)
    assert found.keys() == expected.keys()
    numbers = {key for key, value in expected.items() if isinstance(value, int | float)}
    assert {key: found[key] for key in numbers} == pytest.approx(
        {key: expected[key] for key in numbers}
    )
    assert {k: v for k, v in found.items() if k not in numbers} == {
        k: v for k, v in expected.items() if k not in numbers
    }  # the as-of month (a date) and the texts


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
    assert "  Counted         €57.50  2 of 3 finance rows\n" in result.output
    assert "    unknown line   €7.00  1 row\n" in result.output


FILES = {  # language: the Actuals sheet, the block's header, the name of the source that read
    "en": ("Actuals", ["File", "Read as", "Rows", "Counted"], "ledger or journal"),
    "fr": ("Dépenses", ["Fichier", "Lu comme", "Lignes", "Comptées"], "grand livre ou journal"),
}


def _files_block(book: Path, sheet: str) -> list[list[object]]:
    """The Actuals sheet's block of files taken, read with python-calamine."""
    from python_calamine import CalamineWorkbook

    grid = CalamineWorkbook.from_path(str(book)).get_sheet_by_name(sheet).to_python()
    rows = [(row[FILE : FILE + 4] + [""] * 4)[:4] for row in grid]
    return [row for row in rows if any(value != "" for value in row)]


def _in_order(book: Path, sheet: str) -> bool:
    """Whether the sheet's rows, and each row's cells, are in order, as Excel requires."""
    with zipfile.ZipFile(book) as archive:
        workbook = openpyxl.load_workbook(book)
        index = workbook.sheetnames.index(sheet) + 1
        root = ElementTree.fromstring(archive.read(f"xl/worksheets/sheet{index}.xml"))
    rows = list(root.iter(f"{MAIN}row"))
    numbers = [int(row.get("r")) for row in rows]
    columns = [[coordinate_to_tuple(c.get("r"))[1] for c in row] for row in rows]
    return numbers == sorted(set(numbers)) and all(c == sorted(set(c)) for c in columns)


@pytest.mark.parametrize("language", FILES)
def test_each_new_file_gets_its_row_in_the_block_of_files(
    project_factory, february, tmp_path, language
):
    """A built, then updated workbook lists every file taken, in the build's styles; a copy
    sent with it is not counted, so not listed."""
    sheet, header, ledger = FILES[language]
    book = tmp_path / "book.xlsx"
    build_workbook(project_factory(LINES, ACTUALS), book, language=language)
    copy = tmp_path / "february-copy.csv"
    copy.write_bytes(february.read_bytes())
    update_workbook(book, [february, copy])
    assert _files_block(book, sheet) == [
        header,
        ["actuals/ledger.csv", ledger, 2, 2],
        ["february.csv", ledger, 3, 2],
    ]
    ws = openpyxl.load_workbook(book)[sheet]
    block = range(FILE + 1, FILE + 5)  # 1-based, as openpyxl counts
    assert [ws.cell(3, col).style_id for col in block] == [
        ws.cell(2, col).style_id for col in block
    ]
    assert ws.cell(4, 6).value == '=HYPERLINK("http://evil.example","click")'  # moved nothing
    assert _in_order(book, sheet)


def test_a_workbook_built_in_another_language_than_its_settings_is_updated_in_it(
    project_factory, february, tmp_path
):
    """`build --lang fr` over settings that name no language: update finds the French sheets
    and writes French words."""
    book = tmp_path / "book.xlsx"
    build_workbook(project_factory(LINES, ACTUALS), book, language="fr")
    summary = update_workbook(book, [february])
    assert len(summary.taken.transactions) == 2
    not_counted = openpyxl.load_workbook(book)["Non comptées"]
    reasons = [row[2] for row in not_counted.iter_rows(values_only=True)]
    assert "aucun poste du budget ne s'appelle Printing" in reasons


@pytest.mark.libreoffice
def test_files_and_transactions_share_rows_in_column_order(project_factory, tmp_path):
    """More files than transactions: the new transactions go into rows that hold the block's
    cells, the new file's row into a row that holds a person's note; all in column order."""
    project = project_factory(LINES, [ACTUALS[0]])
    write_csv(  # a file taken whose rows all fall outside the period: none counted
        project / "actuals" / "old.csv",
        [["date", "amount", "line"], ["2025-06-01", "5", "Canva"], ["2025-07-01", "5", "Canva"]],
    )
    book = tmp_path / "book.xlsx"
    build_workbook(project, book)
    workbook = openpyxl.load_workbook(book)
    workbook["Actuals"].cell(4, FILE + 6).value = "ask finance about June"  # past the block
    workbook.save(book)
    march = write_csv(
        tmp_path / "march.csv",
        [
            ["date", "amount", "line"],
            ["2026-03-02", "20", "Canva"],
            ["2026-03-03", "30", "Meta ads"],
        ],
    )

    update_workbook(book, [march])
    assert _in_order(book, "Actuals")
    ws = openpyxl.load_workbook(book)["Actuals"]
    assert [
        [ws.cell(row, col).value for col in (4, 5, *range(FILE + 1, FILE + 5), FILE + 6)]
        for row in (2, 3, 4)
    ] == [
        ["Meta ads", 60, "actuals/ledger.csv", "ledger or journal", 1, 1, None],
        ["Canva", 20, "actuals/old.csv", "ledger or journal", 2, 0, None],
        ["Meta ads", 30, "march.csv", "ledger or journal", 2, 2, "ask finance about June"],
    ]
    assert ws.auto_filter.ref == "A1:N4"
    budget = openpyxl.load_workbook(recalculate(book, tmp_path / "lo"), data_only=True)["Budget"]
    meta, canva = _block(budget, "Meta ads"), _block(budget, "Canva")
    assert [budget.cell(meta + 2, c).value for c in (5, 6, 7)] == [60, 0, 30]
    assert [budget.cell(canva + 2, c).value for c in (5, 6, 7)] == [0, 0, 20]


def test_a_removed_block_of_files_gets_its_header_again(book, february):
    workbook = openpyxl.load_workbook(book)
    for row in workbook["Actuals"].iter_rows(1, 2, FILE + 1, FILE + 4):
        for c in row:
            c.value = None  # cleared, its format kept: a cell without a value
    workbook.save(book)
    update_workbook(book, [february])
    assert _files_block(book, "Actuals") == [
        ["File", "Read as", "Rows", "Counted"],
        ["february.csv", "ledger or journal", 3, 2],
    ]
    assert _in_order(book, "Actuals")


def _edit_sheet(book: Path, sheet: str, edit) -> None:
    """The sheet's XML, as ``edit`` rewrites it, in place of the book's."""
    index = openpyxl.load_workbook(book).sheetnames.index(sheet) + 1
    name = f"xl/worksheets/sheet{index}.xml"
    parts = _parts(book)
    parts[name] = edit(parts[name].decode("utf-8")).encode("utf-8")
    with zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as archive:
        for part, data in parts.items():
            archive.writestr(part, data)


def _note(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def test_cells_go_into_the_rows_there_are_in_row_and_column_order(book, february):
    """Another application saved the Actuals sheet with an empty row 5, a person's notes in
    O3 and T9, and a formatted empty Q3. The new transactions go into a new row 4 and into
    row 5; the new file's row into row 3, between its cells and over Q3, and row 3's
    ``spans`` (a hint of its columns) widened to them; every row and cell in order, as
    Excel requires."""

    def edit(xml: str) -> str:
        row_3 = xml.index('<row r="3"')
        end_3 = xml.index("</row>", row_3)
        xml = (
            xml[:row_3]
            + xml[row_3:end_3].replace('spans="1:19"', 'spans="1:17"')
            + _note("O3", "ask finance")
            + '<c r="Q3" s="3"/>'
            + xml[end_3:]
        )
        return xml.replace(
            "</sheetData>", f'<row r="5"/><row r="9">{_note("T9", "to check")}</row></sheetData>'
        )

    _edit_sheet(book, "Actuals", edit)
    update_workbook(book, [february])

    assert _in_order(book, "Actuals")
    ws = openpyxl.load_workbook(book)["Actuals"]
    assert [[ws.cell(row, col).value for col in (4, 5)] for row in (4, 5)] == [
        ["Meta ads", 45.5], ["Canva", 12],
    ]  # fmt: skip
    assert [ws.cell(3, col).value for col in range(FILE, FILE + 5)] == [
        "ask finance", "february.csv", "ledger or journal", 3, 2,
    ]  # fmt: skip
    assert ws["T9"].value == "to check"
    index = openpyxl.load_workbook(book).sheetnames.index("Actuals") + 1
    with zipfile.ZipFile(book) as archive:
        root = ElementTree.fromstring(archive.read(f"xl/worksheets/sheet{index}.xml"))
    rows = {int(row.get("r")): row for row in root.iter(f"{MAIN}row")}
    assert sorted(rows) == [1, 2, 3, 4, 5, 9]
    for number, row in rows.items():  # a row's spans, where it has them, reach its cells
        if row.get("spans"):
            first, last = map(int, row.get("spans").split(":"))
            columns = [coordinate_to_tuple(c.get("r"))[1] for c in row]
            assert first <= min(columns) and max(columns) <= last, number


def test_a_text_that_reads_like_a_cell_does_not_move_the_block_of_files(book, tmp_path):
    """A description written inline by one update holds `` r="M50"``: the next update's
    search for the block's last row is not fooled by it."""
    first = write_csv(
        tmp_path / "first.csv",
        [["date", "amount", "line", "description"], ["2026-02-01", "5", "Canva", 'x r="M50" y']],
    )
    second = write_csv(
        tmp_path / "second.csv", [["date", "amount", "line"], ["2026-03-01", "6", "Canva"]]
    )
    update_workbook(book, [first])
    update_workbook(book, [second])
    assert [row[0] for row in _files_block(book, "Actuals")] == [
        "File", "actuals/ledger.csv", "first.csv", "second.csv",
    ]  # fmt: skip


# --- what update reads of a workbook: its record and its hidden names, not its labels ---------


@pytest.mark.libreoffice
def test_a_french_workbook_whose_sheets_a_person_renamed_is_updated(
    project_factory, february, tmp_path
):
    """Built in French over settings that name no language, its sheets renamed since: update
    finds each by the hidden name on its cells, not by its French name, and LibreOffice counts
    the new rows."""
    book = tmp_path / "book.xlsx"
    build_workbook(project_factory(LINES, ACTUALS), book, language="fr")
    rename_sheets(book, {"Budget": "Budget 2026", "Dépenses": "Frais", "Non comptées": "À voir"})
    summary = update_workbook(book, [february])
    assert [t.line for t in summary.taken.transactions] == ["Meta ads", "Canva"]
    opened = openpyxl.load_workbook(recalculate(book, tmp_path / "lo"), data_only=True)
    budget = opened["Budget 2026"]
    meta = _block(budget, "Meta ads")
    assert [budget.cell(meta + 2, c).value for c in (5, 6)] == [60, 45.5]
    assert opened["Frais"].cell(4, 4).value == "Meta ads"
    reasons = [row[2] for row in opened["À voir"].iter_rows(values_only=True)]
    assert "aucun poste du budget ne s'appelle Printing" in reasons


@pytest.mark.libreoffice
def test_a_workbook_saved_by_libreoffice_is_updated(book, february, tmp_path):
    """LibreOffice writes every sheet again its own way (shared strings, its attributes) and
    keeps the hidden names: update edits its XML, and LibreOffice counts the new rows."""
    saved = recalculate(book, tmp_path / "saved", force=False)
    update_workbook(saved, [february])
    opened = openpyxl.load_workbook(recalculate(saved, tmp_path / "lo"), data_only=True)
    budget = opened["Budget"]
    canva = _block(budget, "Canva")
    assert [budget.cell(canva + 2, c).value for c in (5, 6)] == [12, 12]
    assert opened["Not counted"].cell(2, 1).value == "february.csv"
    assert _files_block(saved, "Actuals")[-1] == ["february.csv", "ledger or journal", 3, 2]


def test_a_column_a_person_inserted_is_where_update_writes(book, february):
    """A column inserted in the Actuals sheet, the names on its header cells moved with the
    cells as Excel moves them: each new value goes into its column where it now is."""
    workbook = openpyxl.load_workbook(book)
    workbook["Actuals"].insert_cols(6)  # before Description
    workbook["Actuals"]["F1"] = "Notes"
    for defined in workbook.defined_names.values():
        sheet, _, cell = defined.attr_text.partition("!")
        row, col = coordinate_to_tuple(cell.replace("$", ""))
        if sheet == "Actuals" and col >= 6:
            defined.attr_text = f"Actuals!${get_column_letter(col + 1)}${row}"
    workbook.save(book)
    update_workbook(book, [february])
    ws = openpyxl.load_workbook(book)["Actuals"]
    assert [ws.cell(4, c).value for c in (4, 5, 6, 7, 8)] == [
        "Meta ads", 45.5, None, '=HYPERLINK("http://evil.example","click")', "Meta",
    ]  # fmt: skip
    assert [ws.cell(3, col).value for col in range(FILE + 2, FILE + 6)] == [
        "february.csv", "ledger or journal", 3, 2,
    ]  # fmt: skip


def test_lines_are_read_as_a_person_left_them(book, tmp_path):
    """A line renamed on the Budget counts under its new name; a line whose block a person
    deleted (its name now #REF!) is gone; a line added as a copy of a block counts."""
    workbook = openpyxl.load_workbook(book)
    budget = workbook["Budget"]
    meta, canva = _block(budget, "Meta ads"), _block(budget, "Canva")
    budget.cell(canva, 2).value = "Canva Pro"
    for row in range(meta, meta + 4):
        for col in range(1, 5):
            budget.cell(row, col).value = None
    workbook.defined_names["budgetbook_line_1"].attr_text = "Budget!#REF!"
    added = budget.max_row + 2
    for col, value in enumerate(("Services", "Photographer", "none", "Planned"), start=1):
        budget.cell(added, col).value = value
    workbook.save(book)
    march = write_csv(
        tmp_path / "march.csv",
        [["date", "amount", "line"], *(["2026-03-02", "5", line] for line in LINE_NAMES)],
    )
    summary = update_workbook(book, [march])
    assert [t.line for t in summary.taken.transactions] == ["Canva Pro", "Photographer"]
    assert sorted(n.reason for n in summary.taken.not_counted) == [
        "no budget line is named Canva; did you mean 'Canva Pro'?",
        "no budget line is named Meta ads",
    ]  # fmt: skip
    actuals = openpyxl.load_workbook(book)["Actuals"]
    assert [[actuals.cell(row, c).value for c in (3, 4)] for row in (4, 5)] == [
        ["Tools", "Canva Pro"], ["Services", "Photographer"],
    ]  # fmt: skip


LINE_NAMES = ("Canva Pro", "Canva", "Meta ads", "Photographer")


def test_a_lines_own_vat_rate_is_kept_from_the_build(tmp_path):
    """A bank statement's amounts include VAT: each is brought to the budget's basis with its
    line's rate as budget.csv gave it (0 % for Meta's ads), kept in the record, not the
    settings' 20 %."""
    root = tmp_path / "project"
    months = ["2026-01", "2026-02", "2026-03"]
    (root / "budgetbook.toml").parent.mkdir()
    (root / "budgetbook.toml").write_text(
        '[company]\nname = "Lune"\ncurrency = "EUR"\n\n[budget]\nstart = "2026-01"\n'
        'months = 3\ntax = "excluded"\nvat = 20\n',
        encoding="utf-8",
    )
    write_csv(
        root / "budget.csv",
        [
            ["category", "line", "channel", "carry_over", "vat", *months],
            ["Advertising", "Meta ads", "", "", "0", 100, 100, 100],
            ["Tools", "Canva", "", "", "", 12, 12, 12],
        ],
    )
    write_csv(root / "mapping.csv", [["match", "line"], ["canva", "Canva"], ["meta", "Meta ads"]])
    book = tmp_path / "book.xlsx"
    build_workbook(root, book)
    statement = tmp_path / "releve.csv"
    statement.write_text(
        "Date opération;Date valeur;Libellé;Montant;Solde\n"
        "05/02/2026;06/02/2026;CB META ADS;-50,00;950,00\n"
        "07/02/2026;08/02/2026;CB CANVA;-14,40;935,60\n",
        encoding="utf-8",
    )
    summary = update_workbook(book, [statement])
    assert {t.line: t.amount for t in summary.taken.transactions} == {
        "Meta ads": Decimal("50.00"), "Canva": Decimal("12.00"),
    }  # fmt: skip


def _spoil_with_openpyxl(spoil):
    def edit(book: Path) -> None:
        workbook = openpyxl.load_workbook(book)
        spoil(workbook)
        workbook.save(book)

    return edit


def _drop_names(workbook) -> None:
    for name in [n for n in workbook.defined_names if n.startswith("budgetbook_")]:
        del workbook.defined_names[name]


def _actuals_deleted(workbook) -> None:
    """As Excel leaves the names on a deleted sheet's cells."""
    for defined in workbook.defined_names.values():
        if defined.attr_text.startswith("Actuals!"):
            defined.attr_text = "#REF!"


def _comment_in_actuals(book: Path) -> None:
    _edit_sheet(book, "Actuals", lambda xml: xml.replace("<sheetData>", "<sheetData><!-- -->"))


DAMAGED = "budgetbook's record of where it put its sheets and lines is missing or damaged"
SPOILED = {
    "the record sheet deleted": (
        _spoil_with_openpyxl(lambda w: w.remove(w["budgetbook"])),
        "not a workbook made by budgetbook (no 'budgetbook' sheet)",
    ),
    "its marker changed": (
        _spoil_with_openpyxl(lambda w: w["budgetbook"].cell(1, 1, "mine")),
        "its 'budgetbook' sheet was not written by budgetbook.",
    ),
    "an older record": (
        _spoil_with_openpyxl(lambda w: w["budgetbook"].cell(1, 3, 1)),
        f"{DAMAGED} (version 1)",
    ),
    "the names dropped": (
        _spoil_with_openpyxl(_drop_names),
        f"{DAMAGED} (budgetbook_budget_category)",
    ),
    "the Actuals sheet deleted": (
        _spoil_with_openpyxl(_actuals_deleted),
        f"{DAMAGED} (budgetbook_actuals_date = #REF!)",
    ),
    "a sheet renamed, its names left behind": (
        _spoil_with_openpyxl(lambda w: setattr(w["Actuals"], "title", "Spent")),
        "the sheet 'Actuals' is missing; build the workbook again.",
    ),
    "XML no application writes": (
        _comment_in_actuals,
        "is not a readable .xlsx workbook (Actuals: a comment, a CDATA section",
    ),
}


@pytest.mark.parametrize("case", SPOILED)
def test_a_workbook_whose_record_is_missing_or_damaged_is_refused(book, february, case):
    """Refused with a message naming what cannot be found; no traceback, the workbook left as
    it was and no backup made."""
    spoil, message = SPOILED[case]
    spoil(book)
    before = book.read_bytes()
    result = CliRunner().invoke(main, ["update", str(book), str(february)])
    assert result.exit_code == 1
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert book.read_bytes() == before
    assert not list(book.parent.glob("*.before-update-*"))


SHEET = (
    '<?xml version="1.0"?>\n<x:worksheet xmlns:x="{main}" xmlns:mc="urn:mc"'
    ' mc:Ignorable="x14ac" xmlns:x14ac="urn:x14ac"><x:dimension ref="A1:C2"/>'
    '<x:sheetData>{rows}</x:sheetData><x:autoFilter ref="A1:C2"/></x:worksheet>'
)
TEXT = 'a<b "c" _x0041_ \x01'  # XML's own characters, a text that reads as Excel's escape


@pytest.mark.parametrize(
    ("rows", "edit", "expected"),
    [
        (  # a cell into a row (spans widened), a new row with a text and a formula
            '<x:row r="1" spans="1:1" x14ac:dyDescent="0.25"><x:c r="A1"><x:v>1</x:v></x:c>'
            "</x:row>",
            lambda sheet: sheet.put_cells(
                {1: [Cell(2, 9, "3")], 3: [Cell(0, TEXT), Cell(1, 4, None, "A1&1")]}
            ),
            '<x:row r="1" spans="1:3" x14ac:dyDescent="0.25"><x:c r="A1"><x:v>1</x:v></x:c>'
            '<x:c r="C1" s="3"><x:v>9</x:v></x:c></x:row><x:row r="3"><x:c r="A3" t="inlineStr">'
            '<x:is><x:t xml:space="preserve">a&lt;b "c" _x005F_x0041_ _x0001_</x:t></x:is></x:c>'
            '<x:c r="B3"><x:f>A1&amp;1</x:f><x:v>4</x:v></x:c></x:row>',
        ),
        (  # formulas' results forgotten, and their type; other cells as they were
            "<x:row r='2'><x:c r='A2' t='str'><x:f>B2&amp;\"x\"</x:f><x:v>ax</x:v></x:c>"
            "<x:c r='B2' t='s'><x:v>0</x:v></x:c><x:c r='C2'><x:f t='shared' si='0'/><x:v/>"
            "</x:c></x:row>",
            lambda sheet: sheet.forget_results(),
            '<x:row r=\'2\'><x:c r="A2"><x:f>B2&amp;"x"</x:f></x:c>'
            "<x:c r='B2' t='s'><x:v>0</x:v></x:c><x:c r='C2'><x:f t='shared' si='0'/>"
            "</x:c></x:row>",
        ),
        (  # results cached: a number, a text (its type said), a truth value, an error, one
            # where none was (after the formula), one left unknown (its value dropped)
            "<x:row r='2'><x:c r='A2' t='str'><x:f>B2</x:f><x:v>old</x:v></x:c>"
            "<x:c r='B2'><x:f>1&amp;\"a\"</x:f></x:c><x:c r='C2' s='1'><x:f>1=1</x:f><x:v>1</x:v>"
            "</x:c><x:c r='D2'><x:f>1/0</x:f><x:v/></x:c><x:c r='E2'><x:f>A2</x:f></x:c>"
            "<x:c r='F2' t='e'><x:f>F1</x:f><x:v>#N/A</x:v></x:c></x:row>",
            lambda sheet: sheet.set_results(
                {
                    (2, 0): 1.5,
                    (2, 1): TEXT,
                    (2, 2): True,
                    (2, 3): Error("#DIV/0!"),
                    (2, 4): 46023.0,
                }
            ),
            "<x:row r='2'><x:c r=\"A2\"><x:f>B2</x:f><x:v>1.5</x:v></x:c>"
            '<x:c r="B2" t="str"><x:f>1&amp;"a"</x:f><x:v>a&lt;b "c" _x005F_x0041_ _x0001_</x:v>'
            '</x:c><x:c r="C2" s="1" t="b"><x:f>1=1</x:f><x:v>1</x:v></x:c>'
            '<x:c r="D2" t="e"><x:f>1/0</x:f><x:v>#DIV/0!</x:v></x:c>'
            "<x:c r='E2'><x:f>A2</x:f><x:v>46023</x:v></x:c>"
            '<x:c r="F2"><x:f>F1</x:f></x:c></x:row>',
        ),
    ],
)
def test_a_sheet_is_edited_where_it_changes_and_kept_elsewhere(rows, edit, expected):
    """Any prefix for SpreadsheetML's namespace, the root's declarations (which mc:Ignorable
    needs) and every byte outside the edits kept."""
    main = MAIN.strip("{}")
    sheet = Sheet(SHEET.format(main=main, rows=rows).encode())
    edit(sheet)
    assert sheet.to_bytes().decode() == SHEET.format(main=main, rows=expected)


# --- names a person gave lines in the workbook: held to what build holds budget.csv's to -----


def _rename(book: Path, line: str, name: str) -> str:
    """The line's name cell on the Budget given ``name``, as Excel writes a text (characters
    XML cannot hold as ``_x000D_``); the cell's reference."""
    row = _block(openpyxl.load_workbook(book)["Budget"], line)
    ref = f"B{row}"
    escaped = name.replace("&", "&amp;").replace("<", "&lt;").replace("\r", "_x000D_")

    def edit(xml: str) -> str:
        start = xml.index(f'<c r="{ref}"')
        end = xml.index("</c>", start) + len("</c>")
        style = re.search(r' s="\d+"', xml[start:end])[0]
        text = f'<is><t xml:space="preserve">{escaped}</t></is>'
        return xml[:start] + f'<c r="{ref}"{style} t="inlineStr">{text}</c>' + xml[end:]

    _edit_sheet(book, "Budget", edit)
    return ref


REFUSED_NAMES = {
    "a wildcard": ("Canva*", "a line name cannot start with = + - @ < > or contain * ? ~"),
    "a comparison": ("<Meta", "a line name cannot start with = + - @ < > or contain * ? ~"),
    "a tilde": ("Canva ~ Pro", "a line name cannot start with = + - @ < > or contain * ? ~"),
    "another line's name in other letters": ("META ADS", "this line name is already used"),
}


@pytest.mark.parametrize("case", REFUSED_NAMES)
def test_a_line_renamed_as_build_would_refuse_it_is_refused(book, february, case):
    """A line a person renamed in the workbook to a name budget.csv could not give it (one
    that a SUMIFS criterion reads as a wildcard or a comparison, or that matches another
    line's without case) is refused, naming the workbook, the sheet, the cell and the value;
    nothing is written."""
    name, message = REFUSED_NAMES[case]
    ref = _rename(book, "Canva", name)
    before = book.read_bytes()
    result = CliRunner().invoke(main, ["update", str(book), str(february)])
    assert result.exit_code == 1
    assert f"{book}, sheet 'Budget', cell {ref}, value {name!r}: {message}" in result.stderr
    assert "Rename the line in the workbook, then run update again." in result.stderr
    assert "Traceback" not in result.output
    assert book.read_bytes() == before
    assert not list(book.parent.glob("*.before-update-*"))


def test_a_line_renamed_to_a_number_is_refused_in_french(project_factory, february, tmp_path):
    """A name typed as a number (2026) is a number to every criterion, which the line's
    rows, texts, do not match: refused, in the workbook's language."""
    path = tmp_path / "book.xlsx"
    build_workbook(project_factory(LINES, ACTUALS), path, language="fr")
    workbook = openpyxl.load_workbook(path)
    budget = workbook["Budget"]
    budget.cell(_block(budget, "Canva"), 2).value = 2026
    workbook.save(path)
    result = CliRunner().invoke(main, ["update", str(path), str(february)])
    assert result.exit_code == 1
    assert "un nom de poste est un texte" in result.stderr
    assert not list(tmp_path.glob("*.before-update-*"))


@pytest.mark.libreoffice
@pytest.mark.gnumeric
@pytest.mark.parametrize(
    ("name", "written"),
    [("Can\rva", "Can\rva"), ("Canva ", "canva")],
    ids=["a lone carriage return", "a trailing space"],
)
def test_a_lines_name_is_kept_byte_for_byte(book, tmp_path, name, written):
    """A line renamed with a lone carriage return (which Excel writes as _x000D_) or a
    trailing space: the new rows are written with its name exactly, not a newline nor a
    trimmed name, so that the Budget's criterion finds them, in Python's cached value and
    in both engines."""
    canva = int(_rename(book, "Canva", name)[1:])
    march = write_csv(
        tmp_path / "march.csv", [["date", "amount", "line"], ["2026-03-02", "20", written]]
    )
    summary = update_workbook(book, [march])
    assert [t.line for t in summary.taken.transactions] == [name]
    from python_calamine import CalamineWorkbook

    actuals = CalamineWorkbook.from_path(str(book)).get_sheet_by_name("Actuals").to_python()
    assert actuals[3][3] == name
    _engines_agree_with_the_cached_values(book, tmp_path)
    budget = opened(book)["Budget"]
    # January's row, built as "Canva", is not the renamed line's; March's new one is.
    assert [budget.cell(canva + 2, c).value for c in (5, 6, 7)] == [0, 0, 20]


def test_a_formula_budgetbook_cannot_compute_is_left_to_the_spreadsheet(book, february):
    """A formula a person wrote with a function outside the workbook's list keeps no value,
    nor does any formula that reads it, and update names them; every other formula has
    its value again, although openpyxl, which saved the person's edit, dropped them all."""
    workbook = openpyxl.load_workbook(book)
    budget = workbook["Budget"]
    canva = _block(budget, "Canva")
    budget.cell(canva, 6).value = "=ABS(-12)"  # February's plan
    workbook.save(book)
    result = CliRunner().invoke(main, ["update", str(book), str(february)])
    assert result.exit_code == 0, result.output
    assert "Formulas  " in result.output
    assert f"left for the spreadsheet to compute when it opens the workbook: Budget!F{canva}," in (
        result.output
    )
    values = opened(book)
    formulas = openpyxl.load_workbook(book)
    missing = {
        (ws.title, c.coordinate)
        for ws in formulas.worksheets
        for row in ws.iter_rows()
        for c in row
        if c.data_type == "f" and values[ws.title][c.coordinate].value is None
    }
    assert ("Budget", f"F{canva}") in missing  # the person's formula
    assert ("Budget", f"F{canva + 1}") in missing  # Available reads it
    assert ("Overview", "B7") not in missing  # the period's text reads nothing of it
    assert ("Budget", f"E{canva + 1}") not in missing  # January's Available is known
    meta = _block(budget, "Meta ads")
    assert not any(("Budget", f"{col}{meta + 2}") in missing for col in "EFGH")
