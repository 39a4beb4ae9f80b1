"""The objectives file and the Strategy sheet."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import openpyxl
import pytest

from budgetbook.commands.build import build_workbook
from budgetbook.errors import InputErrors
from budgetbook.i18n.labels import LABELS
from budgetbook.model import METRICS
from budgetbook.read.aliases import parse_value
from budgetbook.read.objectives import read_objectives
from budgetbook.read.project import load_project
from budgetbook.read.tables import read_table
from tests.conftest import ROOT, SAMPLE, write_csv

HEADER = ["objective", "channel", "metric", "baseline", "target", "deadline", "owner"]


def _read(tmp_path, rows):
    path = write_csv(tmp_path / "objectives.csv", [HEADER, *rows])
    return read_objectives(read_table(path, "objectives.csv"))


def test_reads_objectives_with_french_metric_names(tmp_path):
    objectives, problems = _read(
        tmp_path,
        [
            ["Grow Instagram", "Instagram", "abonnés", "8 400", "12000", "30/06/2026", "Inès"],
            ["Shop revenue", "Google Ads", "Revenue", "0", "25000.50", "2026-12-31", ""],
        ],
    )
    assert problems == []
    assert [(o.metric, o.baseline, o.target, o.deadline) for o in objectives] == [
        ("followers", Decimal(8400), Decimal(12000), date(2026, 6, 30)),
        ("revenue", Decimal(0), Decimal("25000.50"), date(2026, 12, 31)),
    ]


def test_every_bad_value_is_named(tmp_path):
    _, problems = _read(
        tmp_path,
        [
            ["Grow", "Instagram", "fans", "x", "100", "soon", ""],
            ["Grow", "", "reach", "5", "5", "2026-01-01", ""],
        ],
    )
    shown = [str(p) for p in problems]
    assert (
        "objectives.csv, row 2, column 'metric', value 'fans': is not a known metric." in (shown[0])
    )
    assert any("row 2, column 'baseline', value 'x': is not a number." in s for s in shown)
    assert any("row 2, column 'deadline', value 'soon': is not a date." in s for s in shown)
    assert any("row 3, column 'objective', value 'Grow': this objective is already" in s
               for s in shown)  # fmt: skip
    assert any("row 3, column 'channel'" in s for s in shown)
    assert any("row 3, column 'target', value '5': equals the baseline" in s for s in shown)
    assert len(problems) == 6


def test_problems_of_several_files_come_together(project_factory):
    project = project_factory([["Ads", "Meta", "", "sometimes", 1, 2, 3, 4]])
    write_csv(project / "objectives.csv", [HEADER, ["Grow", "Instagram", "fans", 1, 2, "x", ""]])
    with pytest.raises(InputErrors) as caught:
        load_project(project)
    files = {p.file for p in caught.value.problems}
    assert files == {"budget.csv", "objectives.csv"}


def test_sample_strategy_sheet(sample_book):
    ws = openpyxl.load_workbook(sample_book)["Strategy"]
    cells = {c.value: c for row in ws.iter_rows() for c in row if c.value is not None}
    for section in ("Company summary", "Team", "SWOT analysis", "SMART objectives",
                    "Channels and their purpose", "Target market", "Competitors"):  # fmt: skip
        assert section in cells, section
    objective = cells["Grow Instagram to 12,000 followers by 30 June 2026"]
    row = [c.value for c in ws[objective.row]][:7]
    assert row == [
        "Grow Instagram to 12,000 followers by 30 June 2026", "Instagram", "Followers", 8400,
        12000, datetime(2026, 6, 30), "Inès Garnier",
    ]  # fmt: skip
    strengths = cells["Strengths"]
    assert ws.cell(strengths.row + 1, 1).value.startswith("• ")


def test_sections_without_input_are_left_out(project_factory, tmp_path):
    project = project_factory([["Ads", "Meta", "", "", 1, 2, 3, 4]])
    build_workbook(project, tmp_path / "plain.xlsx")
    assert "Strategy" not in openpyxl.load_workbook(tmp_path / "plain.xlsx").sheetnames

    toml = project / "budgetbook.toml"
    toml.write_text(
        toml.read_text(encoding="utf-8") + '\n[strategy]\nstrengths = ["Handmade"]\n',
        encoding="utf-8",
    )
    build_workbook(project, tmp_path / "swot.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "swot.xlsx")["Strategy"]
    values = {c.value for row in ws.iter_rows() for c in row if c.value is not None}
    assert "SWOT analysis" in values and "• Handmade" in values
    assert not values & {"Team", "SMART objectives", "Competitors", "Company summary"}


def test_sample_reads_its_objectives():
    assert len(load_project(SAMPLE).objectives) == 5


@pytest.mark.parametrize(
    ("sample", "sheet", "shown"),
    [
        ("atelier-lune", "Strategy",
         ["Followers", "Conversions", "Revenue", "Clicks", "Followers"]),
        ("atelier-lune-fr", "Stratégie",
         ["Abonnés", "Conversions", "Chiffre d'affaires", "Clics", "Abonnés"]),
    ],
)  # fmt: skip
def test_the_indicator_column_names_each_metric_in_the_workbooks_language(
    sample, sheet, shown, tmp_path
):
    """Not the internal keys (followers, revenue, clicks): the names the Performance sheet
    gives the same metrics."""
    build_workbook(ROOT / "samples" / sample, tmp_path / "book.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "book.xlsx")[sheet]
    header = next(row for row in ws.iter_rows() if row[2].value in ("Metric", "Indicateur"))
    column = [ws.cell(header[0].row + 1 + i, 3).value for i in range(len(shown))]
    assert column == shown


@pytest.mark.parametrize("language", LABELS)
def test_a_metric_as_the_workbook_names_it_reads_back_as_that_metric(language):
    """One name per metric and language, for the Strategy and Performance sheets alike, and
    an input file may use it: a word copied from the workbook is never refused."""
    names = LABELS[language].metric_names
    assert set(names) == set(METRICS)
    assert {key: parse_value("metric", name) for key, name in names.items()} == {
        key: key for key in METRICS
    }
