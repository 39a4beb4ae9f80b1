"""The Calendar's posts per month are shaded short of their target only within the calendar's
plan: not before the month of its first post, and after the month of its last only once the
month has begun (a month still to come after the last post is not planned yet). The shading
rule, as it reads at each count cell, is evaluated by LibreOffice and Gnumeric."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from openpyxl.formula.translate import Translator

from budgetbook.commands.build import build_workbook
from tests.conftest import write_csv, write_project
from tests.recalc import gnumeric_recalculate_all, recalculate

MONTH_COL, FIRST_PLATFORM_COL = 11, 12  # K: the months, L: the first platform's counts
HEADER_ROW, FIRST_MONTH_ROW = 6, 8  # the platforms' names; January's counts
SHORT_FILL = "FFEB9C"
BELOW = 300  # rows under the sheet where the test writes the rule at each count cell


def _project(root: Path, year: int) -> Path:
    """Six months from January of ``year``: Instagram (2 a month) has a post in February and
    one in March; Facebook (1 a month) one in February; Pinterest no target."""
    project = write_project(root, [["Tools", "Canva", "", "", 10, 10, 10, 10, 10, 10]],
                            start=f"{year}-01", months=6)  # fmt: skip
    with (project / "budgetbook.toml").open("a", encoding="utf-8") as handle:
        handle.write("\n[calendar.targets]\nInstagram = 2\nFacebook = 1\n")
    write_csv(project / "calendar.csv", [
        ["date", "platform", "format", "topic", "owner", "status"],
        [f"{year}-02-03", "Instagram", "reel", "Spring glazes", "Inès", "scheduled"],
        [f"{year}-02-05", "Facebook", "photo", "Workshop dates", "Camille", "scheduled"],
        [f"{year}-02-10", "Pinterest", "pin", "Table ideas", "Inès", "idea"],
        [f"{year}-03-12", "Instagram", "carousel", "Mugs", "Inès", "idea"],
    ])  # fmt: skip
    return project


def _short_rule(sheet) -> str:
    (rule,) = [
        rule.formula[0]
        for cf in sheet.conditional_formatting
        for rule in cf.rules
        if rule.formula and rule.dxf.fill is not None
        and (rule.dxf.fill.bgColor.rgb or "").endswith(SHORT_FILL)
    ]  # fmt: skip
    return rule


def _with_rule_in_cells(book: Path, out: Path) -> tuple[Path, dict[str, int]]:
    """The workbook without its month grids, with the shading rule, as it reads at each count
    cell, written BELOW rows under that cell; and the column of each platform."""
    workbook = openpyxl.load_workbook(book)
    sheet = workbook["Calendar"]
    rule = "=" + _short_rule(sheet)
    # the month grids, whose whole-column lookups take Gnumeric most of a minute, go
    first_grid_row = next(
        row for row in range(FIRST_MONTH_ROW, sheet.max_row + 1)
        if sheet.cell(row, MONTH_COL).value is None
    )  # fmt: skip
    sheet.delete_rows(first_grid_row, sheet.max_row)
    origin = sheet.cell(FIRST_MONTH_ROW, FIRST_PLATFORM_COL).coordinate
    cols = {}
    for col in range(FIRST_PLATFORM_COL, FIRST_PLATFORM_COL + 3):
        cols[sheet.cell(HEADER_ROW, col).value] = col
        for row in range(FIRST_MONTH_ROW, FIRST_MONTH_ROW + 6):
            at_cell = Translator(rule, origin=origin).translate_formula(
                sheet.cell(row, col).coordinate
            )
            sheet.cell(row + BELOW, col).value = at_cell
    workbook.save(out)
    return out, cols


def _shaded(recalculated: Path, cols: dict[str, int]) -> dict[str, list[bool]]:
    sheet = openpyxl.load_workbook(recalculated, data_only=True)["Calendar"]
    return {
        platform: [
            bool(sheet.cell(FIRST_MONTH_ROW + month + BELOW, col).value) for month in range(6)
        ]
        for platform, col in cols.items()
    }


@pytest.mark.libreoffice
@pytest.mark.gnumeric
def test_months_are_short_only_within_the_calendars_plan(tmp_path):
    ruled, rows = [], {}
    for year in (2001, 2090):
        book = tmp_path / f"{year}.xlsx"
        build_workbook(_project(tmp_path / str(year), year), book)
        path, rows = _with_rule_in_cells(book, tmp_path / f"{year}-ruled.xlsx")
        ruled.append(path)
    no, yes = False, True
    # January: before the first post. February, March: planned (Instagram 1 of 2 is short,
    # Facebook 1 of 1 reaches in February). April to June: after the last post, short once
    # begun (all of 2001), not yet planned (2090).
    expected = {
        2001: {
            "Instagram": [no, yes, yes, yes, yes, yes],
            "Facebook": [no, no, yes, yes, yes, yes],
            "Pinterest": [no] * 6,
        },
        2090: {
            "Instagram": [no, yes, yes, no, no, no],
            "Facebook": [no, no, yes, no, no, no],
            "Pinterest": [no] * 6,
        },
    }
    results = {
        "LibreOffice": [recalculate(path, tmp_path / f"lo-{path.stem}") for path in ruled],
        "Gnumeric": gnumeric_recalculate_all(ruled, tmp_path / "gn"),
    }
    for engine, (past, future) in results.items():
        assert _shaded(past, rows) == expected[2001], engine
        assert _shaded(future, rows) == expected[2090], engine
