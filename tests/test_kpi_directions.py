"""Which way each row of a channel block is better, from its one definition; a rate's change in
percentage points, an amount's and a count's relative; and the colour each month's change takes
on the Performance sheet: green when better, red when worse, plain when blank or unchanged,
by conditional formats that LibreOffice and Gnumeric evaluate as Python does."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from budgetbook.commands.build import build_workbook
from budgetbook.compute.budget import compute_budget
from budgetbook.compute.performance import (
    KPIS,
    SPEND,
    change_in_points,
    change_is_better,
    compute_performance,
    higher_is_better,
)
from budgetbook.i18n.labels import ENGLISH
from budgetbook.read.project import load_project
from tests.recalc import gnumeric_recalculate_all, recalculate

SAMPLE = Path(__file__).parent.parent / "samples" / "atelier-lune"
CHANGE_COL = 16  # P: the sample's Change column (12 months)
RULE_COLS = (40, 41)  # AN, AO: where a test writes a change cell's two colour rules
GREEN_FONT, RED_FONT = "FF006100", "FF9C0006"


def _performance(project_dir: Path):
    project = load_project(project_dir)
    return compute_performance(project, compute_budget(project))


def test_costs_and_losses_are_better_lower_and_spend_is_neither():
    lower = {kpi.key for kpi in KPIS if not kpi.higher_is_better}
    assert lower == {"cpc", "cpm", "cost_per_conversion", "unfollow_rate"}
    assert higher_is_better("lost_followers") is False
    assert higher_is_better("followers") is True
    assert higher_is_better("ctr") is True
    assert higher_is_better(SPEND) is None


def test_rates_change_in_points_amounts_and_counts_relative():
    points = {kpi.key for kpi in KPIS if kpi.change_in_points}
    assert points == {
        "engagement_rate", "ctr", "conversion_rate", "roi", "follower_growth", "unfollow_rate"
    }  # fmt: skip
    assert not any(change_in_points(key) for key in ("cpc", "roas", "followers", SPEND))


@pytest.mark.parametrize(
    ("key", "change", "better"),
    [
        ("followers", Decimal("0.046"), True),
        ("followers", Decimal("-0.2"), False),
        ("lost_followers", Decimal("0.214"), False),  # more unfollows: worse
        ("cost_per_conversion", Decimal("-0.081"), True),  # cheaper: better
        ("cpc", Decimal("0.052"), False),
        ("follower_growth", Decimal("0.8"), True),  # +0.8 pt
        ("unfollow_rate", Decimal("0.8"), False),
        ("ctr", Decimal("-0.05"), False),  # shown -0.1 pt (half away from zero, as ROUND)
        ("ctr", Decimal("0.049"), None),  # shown 0.0 pt: unchanged
        ("cpc", Decimal("0.0004"), None),  # shown 0.0 %: unchanged
        ("cpc", Decimal("0.0005"), False),  # shown +0.1 %
        ("reach", Decimal(0), None),
        ("reach", None, None),  # blank
        (SPEND, Decimal("0.5"), None),  # neither good nor bad
    ],
)
def test_a_change_is_better_or_worse_as_shown(key, change, better):
    assert change_is_better(key, change) is better


def test_the_samples_rate_changes_are_in_points():
    """Follower growth, from the two months' rates; CPC relative, from its two months."""
    performance = _performance(SAMPLE)
    report = performance.report_month
    rows = {row.key: row for row in performance.block("Instagram").kpis}
    growth = rows["follower_growth"]
    this, before = growth.values[report + 1], growth.values[report]
    assert growth.change == (this - before) * 100
    cpc = rows["cpc"]
    assert cpc.change == cpc.values[report + 1] / cpc.values[report] - 1


def _changes(sheet) -> dict[int, tuple[str, str]]:
    """Row -> (label, formula) of each Change cell of a Performance sheet."""
    found = {}
    for row in range(1, sheet.max_row + 1):
        cell = sheet.cell(row, CHANGE_COL)
        if cell.data_type == "f" and "MATCH($A$4" in str(cell.value):
            found[row] = (sheet.cell(row, 1).value, cell.value)
    return found


def _rules(sheet) -> dict[str, list]:
    """Each single-cell conditional format's rules, by the cell."""
    return {str(cf.sqref): cf.rules for cf in sheet.conditional_formatting}


def test_changes_are_shown_in_points_or_percent_and_coloured_by_rules_not_by_sign(tmp_path):
    book = tmp_path / "book.xlsx"
    build_workbook(SAMPLE, book)
    sheet = openpyxl.load_workbook(book)["Performance"]
    changes, rules = _changes(sheet), _rules(sheet)
    formats = {label: sheet.cell(row, CHANGE_COL).number_format for row, (label, _) in
               changes.items()}  # fmt: skip
    assert formats["Follower growth"] == '+0.0" pt";-0.0" pt";0.0" pt"'
    assert formats["Cost per click (CPC)"] == "+0.0%;-0.0%;0.0%"
    assert formats["Return on ad spend (ROAS)"] == "+0.0%;-0.0%;0.0%"
    assert not any("[Red]" in number_format for number_format in formats.values())
    colours = {}
    for row, (label, _) in changes.items():
        cell_rules = rules.get(f"P{row}", [])
        colours.setdefault(  # the first channel's, Instagram
            label, [(rule.formula[0], rule.dxf.font.color.rgb) for rule in cell_rules]
        )
    assert colours["Ad spend"] == []
    assert colours["Followers"][0][1] == GREEN_FONT  # up
    assert colours["Lost followers (unfollows)"][0][1] == RED_FONT  # up
    assert colours["Cost per click (CPC)"] == [
        ('IF(P23="",FALSE,ROUND(P23,3)>0)', RED_FONT),
        ('IF(P23="",FALSE,ROUND(P23,3)<0)', GREEN_FONT),
    ]
    assert colours["Click-through rate (CTR)"] == [
        ('IF(P22="",FALSE,ROUND(P22,1)>0)', GREEN_FONT),
        ('IF(P22="",FALSE,ROUND(P22,1)<0)', RED_FONT),
    ]


def _performance_sheet(workbook):
    return workbook[ENGLISH.performance]


def _with_rules_in_cells(book: Path, out: Path, report_month: datetime | None = None) -> Path:
    """The workbook without its Calendar, with each Change cell's two colour rules written as
    formulas beside it (as the rule reads at that cell), and the report month moved when one
    is given."""
    workbook = openpyxl.load_workbook(book)
    sheet = _performance_sheet(workbook)
    # the Calendar, whose whole-column lookups take Gnumeric most of a minute, goes: no
    # figure of Performance comes from it
    workbook.remove(workbook[ENGLISH.calendar])
    rules = _rules(sheet)
    for row in _changes(sheet):
        for col, rule in zip(RULE_COLS, rules.get(f"P{row}", []), strict=False):
            sheet.cell(row, col).value = "=" + rule.formula[0]
    if report_month is not None:
        sheet["A4"].value = report_month
    workbook.save(out)
    return out


def _coloured(recalculated: Path, original: Path) -> dict[int, tuple[str, bool | None, object]]:
    """Row -> (label, colour as the engine evaluates the rules, the change it computed)."""
    sheet = _performance_sheet(openpyxl.load_workbook(original))
    rules = _rules(sheet)
    values = openpyxl.load_workbook(recalculated, data_only=True)[sheet.title]
    result = {}
    for row, (label, _) in _changes(sheet).items():
        if f"P{row}" not in rules:
            result[row] = (label, None, values.cell(row, CHANGE_COL).value)
            continue
        up_colour = rules[f"P{row}"][0].dxf.font.color.rgb
        up, down = (values.cell(row, col).value for col in RULE_COLS)
        assert not (up and down), f"row {row}: {label} both up and down"
        is_better = None
        if up or down:
            is_better = (up_colour == GREEN_FONT) == bool(up)
        result[row] = (label, is_better, values.cell(row, CHANGE_COL).value)
    return result


def _expected(project_dir: Path) -> list[bool | None]:
    """Python's colour of each row's change, channel by channel, row by row."""
    performance = _performance(project_dir)
    return [
        change_is_better(row.key, row.change)
        for block in performance.blocks
        for row in [*block.metrics, *block.kpis]
    ]


@pytest.mark.libreoffice
@pytest.mark.gnumeric
def test_both_engines_colour_each_change_as_python_does(tmp_path):
    """The sample as built, and with its report month moved to January, where the KPIs have
    no month before (the opening month holds metrics only): their change is blank and
    neither rule holds. (The French sample's rules are written by the same code; its
    changes' values are held to Python's by tests/test_gnumeric.py and the LibreOffice
    tests.)"""
    ruled = []
    for name, report_month in (("built", None), ("january", datetime(2026, 1, 1))):
        book = tmp_path / f"{name}-plain.xlsx"
        build_workbook(SAMPLE, book)
        ruled.append(_with_rules_in_cells(book, tmp_path / f"{name}.xlsx", report_month))
    by_engine = {
        "LibreOffice": [recalculate(book, tmp_path / f"lo-{book.stem}") for book in ruled],
        "Gnumeric": gnumeric_recalculate_all(ruled, tmp_path / "gn"),
    }
    expected = _expected(SAMPLE)
    assert expected.count(True) >= 10 and expected.count(False) >= 5
    kpi_names = set(ENGLISH.kpi_names.values())
    for engine, (built, january) in by_engine.items():
        colours = [colour for _, colour, _ in _coloured(built, ruled[0]).values()]
        assert colours == expected, engine
        coloured = _coloured(january, ruled[1]).values()
        kpis = [(colour, value) for label, colour, value in coloured if label in kpi_names]
        assert kpis and all(colour is None and value in (None, "") for colour, value in kpis)
        followers = [colour for label, colour, _ in coloured if label == "Followers"]
        assert any(colour is not None for colour in followers), engine  # against the opening
