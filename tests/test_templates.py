"""templates/ at the top level: the project files init copies, installed with the package, and
the downloadable kit, rebuilt here and held to the files committed."""

from __future__ import annotations

import tomllib
import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from budgetbook.cli import main
from budgetbook.commands.kit import FILE_NAMES, KIT, build_kit
from tests.recalc import compare, opened, recalculate

ROOT = Path(__file__).parent.parent
KIT_FOLDER = ROOT / "templates" / "kit"
KIT_BOOKS = [
    KIT_FOLDER / language / name
    for language, names in FILE_NAMES.items()
    for name in names.values()
]


def test_the_package_installs_the_top_level_templates():
    """budgetbook/templates is a link to the top-level templates/: the files a person edits
    there are those every install ships (pyproject.toml's package data takes project-*/), and
    an editable install stays a plain path on sys.path, which setuptools does not warn of."""
    link = ROOT / "budgetbook" / "templates"
    assert link.is_symlink() and link.resolve() == (ROOT / "templates").resolve()
    settings = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]
    assert settings["setuptools"]["package-dir"] == {"": "."}
    assert settings["setuptools"]["package-data"]["budgetbook.templates"] == [
        "project-*/*",
        "project-*/**/*",
    ]
    assert (ROOT / "templates" / "__init__.py").is_file()
    assert not (ROOT / "budgetbook" / "templates-fr").exists()


def test_init_copies_the_files_of_templates_in_each_language(tmp_path):
    for language in ("en", "fr"):
        target = tmp_path / language
        result = CliRunner().invoke(main, ["init", str(target), "--lang", language])
        assert result.exit_code == 0, result.output
        source = ROOT / "templates" / f"project-{language}"
        copied = sorted(p.relative_to(target) for p in target.rglob("*") if p.is_file())
        shipped = sorted(p.relative_to(source) for p in source.rglob("*") if p.is_file())
        assert copied == shipped
        for name in copied:
            assert (target / name).read_bytes() == (source / name).read_bytes(), name


# --- the kit -----------------------------------------------------------------------------------


def test_the_kit_is_current_and_rebuilds_byte_for_byte(tmp_path):
    """`make templates` was run after the last change to what the workbooks hold: a rebuild
    gives the committed files, byte for byte (and so does a second rebuild)."""
    first, second = build_kit(output=tmp_path / "first"), build_kit(output=tmp_path / "second")
    committed = sorted(p.relative_to(KIT_FOLDER) for p in KIT_FOLDER.rglob("*.xlsx"))
    assert sorted(p.relative_to(tmp_path / "first") for p in first) == committed
    for built, again in zip(first, second, strict=True):
        assert built.read_bytes() == again.read_bytes(), built.name
        committed_book = KIT_FOLDER / built.relative_to(tmp_path / "first")
        assert built.read_bytes() == committed_book.read_bytes(), (
            f"{committed_book} is stale; run: make templates"
        )


@pytest.mark.parametrize("book", KIT_BOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_kit_workbook_carries_no_date_of_its_build(book):
    with zipfile.ZipFile(book) as archive:
        # XlsxWriter dates every part 31 January 1980 (its parts are files on disk, whose
        # times it sets), never the time of the build.
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 31, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode("utf-8")
    assert "2027-01-01T00:00:00Z" in core  # created and modified: the period's start


@pytest.mark.parametrize("language", sorted(FILE_NAMES))
def test_each_kit_workbook_holds_its_templates_sheets(language):
    words = {
        "en": ("Budget", "Actuals", "Performance"),
        "fr": ("Budget", "Dépenses", "Performance"),
    }
    budget, actuals, performance = words[language]
    names = FILE_NAMES[language]
    sheets = {key: opened(KIT_FOLDER / language / names[key]).sheetnames for key in KIT}
    assert sheets["budget"] == [budget, actuals]
    assert sheets["performance"] == [performance, budget, actuals]
    assert len(sheets["strategy"]) == len(sheets["roadmap"]) == len(sheets["calendar"]) == 1
    assert len(sheets["whole"]) == 9  # the eight sheets and update's record


@pytest.mark.libreoffice
@pytest.mark.parametrize("book", KIT_BOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_kit_workbooks_formulas_agree_with_libreoffice(book, tmp_path):
    count, mismatches = compare(book, recalculate(book, tmp_path))
    assert mismatches == []
    if "strateg" not in book.name:  # the Strategy alone is text to fill in: no formula
        assert count > 100


def _edited(book: Path, out: Path, edits: dict[str, dict[str, object]]) -> Path:
    """``book`` with values typed into cells, by sheet and cell, saved as ``out``."""
    workbook = openpyxl.load_workbook(book)
    for sheet, cells in edits.items():
        for ref, value in cells.items():
            workbook[sheet][ref] = value
    workbook.save(out)
    return out


def _row_of(ws, text: str, col: int = 1, label: str | None = None, label_col: int = 4) -> int:
    return next(
        row
        for row in range(1, ws.max_row + 1)
        if ws.cell(row, col).value == text
        and (label is None or ws.cell(row, label_col).value == label)
    )


def _col_of(ws, row: int, value: object) -> str:
    col = next(c for c in range(1, ws.max_column + 1) if ws.cell(row, c).value == value)
    return openpyxl.utils.get_column_letter(col)


@pytest.mark.libreoffice
def test_typing_a_plan_and_a_spending_into_the_budget_kit_flows(tmp_path):
    """A planned amount typed on Budget and a spending typed on Actuals: Actual, Remaining and,
    once January is closed, February's Available follow, as in the seed's template."""
    book = KIT_FOLDER / "en" / "budget.xlsx"
    budget = openpyxl.load_workbook(book)["Budget"]
    planned = _row_of(budget, "Meta ads", col=2, label="Planned")
    january, february = (_col_of(budget, 4, datetime(2027, month, 1)) for month in (1, 2))
    edits = {
        "Budget": {f"{january}{planned}": 300, "B3": datetime(2027, 1, 1)},
        "Actuals": {"A2": datetime(2027, 1, 15), "D2": "Meta ads", "E2": 120},
    }
    typed = _edited(book, tmp_path / "typed.xlsx", edits)
    shown = opened(recalculate(typed, tmp_path / "lo"))["Budget"]
    assert shown[f"{january}{planned + 2}"].value == 120  # Actual
    assert shown[f"{january}{planned + 3}"].value == 180  # Remaining
    assert shown[f"{february}{planned + 1}"].value == 180  # surplus: February's Available


@pytest.mark.libreoffice
def test_typing_metrics_and_ad_spend_into_the_performance_kit_flows(tmp_path):
    book = KIT_FOLDER / "en" / "performance.xlsx"
    report = openpyxl.load_workbook(book)["Performance"]
    followers = _row_of(report, "Followers")
    clicks = _row_of(report, "Clicks")
    edits = {
        "Performance": {f"B{followers}": 1000, f"C{followers}": 1100, f"C{clicks}": 100},
        "Actuals": {"A2": datetime(2027, 1, 20), "D2": "Meta ads", "E2": 250},
    }
    typed = _edited(book, tmp_path / "typed.xlsx", edits)
    shown = opened(recalculate(typed, tmp_path / "lo"))["Performance"]
    assert shown[f"C{_row_of(report, 'Ad spend')}"].value == 250
    assert shown[f"C{_row_of(report, 'Cost per click (CPC)')}"].value == 2.5
    assert shown[f"C{_row_of(report, 'Follower growth')}"].value == pytest.approx(0.1)


@pytest.mark.libreoffice
def test_typing_a_post_and_an_initiatives_end_into_the_french_kit_flows(tmp_path):
    """The whole French workbook: a post typed on the Calendar is counted and shown on its day;
    an initiative's end moved on the Roadmap changes its days."""
    book = KIT_FOLDER / "fr" / "kit-marketing.xlsx"
    edits = {
        "Calendrier": {"A5": datetime(2027, 3, 2), "C5": "Instagram", "E5": "Nouvelle gamme"},
        "Feuille de route": {"E5": datetime(2027, 1, 31)},
    }
    typed = _edited(book, tmp_path / "typed.xlsx", edits)
    shown = opened(recalculate(typed, tmp_path / "lo"))
    calendar = openpyxl.load_workbook(book)["Calendrier"]
    march = _row_of(calendar, datetime(2027, 3, 1), col=11)  # the months down column K
    platforms = _row_of(calendar, "Objectif par mois", col=11) - 1  # above the targets
    instagram = _col_of(calendar, platforms, "Instagram")
    assert shown["Calendrier"][f"{instagram}{march}"].value == 1
    day_cells = [cell.value for row in shown["Calendrier"].iter_rows() for cell in row]
    assert "Instagram · Nouvelle gamme" in day_cells
    assert shown["Feuille de route"]["F5"].value == 28  # 4 to 31 January, both counted


# --- writing some of the sheets ----------------------------------------------------------------


def _blank_project():
    from budgetbook.compute.budget import compute_budget
    from budgetbook.compute.performance import compute_performance
    from budgetbook.compute.plan import plan_schedule
    from budgetbook.read.project import load_project

    project = load_project(ROOT / "templates" / "blank-en")
    figures = compute_budget(project)
    return project, figures, compute_performance(project, figures), plan_schedule(project)


@pytest.mark.parametrize(
    ("sheets", "refused"),
    [
        (("budget",), "budget refers to actuals"),
        (("performance",), "performance refers to actuals, budget"),
        (("overview", "budget", "actuals"), "overview refers to not_counted"),
        (("Budget", "actuals"), "no such sheet: Budget"),
    ],
)
def test_a_selection_without_what_its_formulas_read_is_refused(sheets, refused, tmp_path):
    """A Budget without its Actuals would write formulas over a sheet that is not there."""
    from budgetbook.write.book import write_workbook

    with pytest.raises(ValueError, match=refused):
        write_workbook(*_blank_project(), tmp_path / "book.xlsx", sheets)
    assert not (tmp_path / "book.xlsx").exists()


def test_a_selected_sheet_is_written_even_where_the_project_has_nothing_for_it(tmp_path):
    """The blank project has no post: a whole build leaves the Calendar out, a selection
    naming it writes it, with its prepared rows and month grids."""
    from budgetbook.commands.build import build_workbook
    from budgetbook.write.book import write_workbook

    build_workbook(ROOT / "templates" / "blank-en", tmp_path / "built.xlsx")
    assert "Calendar" not in opened(tmp_path / "built.xlsx").sheetnames
    write_workbook(*_blank_project(), tmp_path / "calendar.xlsx", ("calendar",))
    calendar = openpyxl.load_workbook(tmp_path / "calendar.xlsx")
    assert calendar.sheetnames == ["Calendar"]
    assert calendar["Calendar"]["I5"].value.startswith("=IF(A5")  # a prepared row's Key
