"""Roadmap and content calendar: reading them, laying them out, and keeping them alive."""

from __future__ import annotations

import shutil
from datetime import date, datetime
from decimal import Decimal

import openpyxl
import pytest
from openpyxl.formula.translate import Translator

from budgetbook.commands.build import build_workbook
from budgetbook.compute.plan import post_keys
from budgetbook.errors import InputErrors
from budgetbook.model import Objective, Period
from budgetbook.read.calendar import parse_time, read_calendar
from budgetbook.read.project import load_project
from budgetbook.read.roadmap import parse_complete, parse_duration, parse_status, read_roadmap
from budgetbook.read.tables import Table
from budgetbook.write.sheets.weeks import grid_weeks, week_starts
from tests.conftest import SAMPLE, write_csv
from tests.recalc import compare, formula_cells, recalculate

# --- reading ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("1 week", date(2026, 1, 5), date(2026, 1, 11)),
        ("2 weeks", date(2026, 1, 5), date(2026, 1, 18)),
        ("10 days", date(2026, 9, 1), date(2026, 9, 10)),
        ("1 day", date(2026, 9, 1), date(2026, 9, 1)),
        ("3 months", date(2026, 3, 15), date(2026, 6, 14)),
        ("1 month", date(2026, 1, 1), date(2026, 1, 31)),
        ("1 month", date(2026, 1, 31), date(2026, 2, 28)),
        ("1.5 months", date(2026, 1, 1), date(2026, 2, 15)),
        ("1 semaine", date(2026, 1, 5), date(2026, 1, 11)),
        ("3 semaines", date(2026, 10, 1), date(2026, 10, 21)),
        ("3 mois", date(2026, 3, 15), date(2026, 6, 14)),
        ("10 jours", date(2026, 9, 1), date(2026, 9, 10)),
        ("6 Weeks", date(2026, 11, 2), date(2026, 12, 13)),
        ("2 wks", date(2026, 11, 2), date(2026, 11, 15)),
        ("1,5 mois", date(2026, 1, 1), date(2026, 2, 15)),
    ],
)
def test_parse_duration(text, start, end):
    assert parse_duration(text, start) == end


@pytest.mark.parametrize("text", ["soon", "0 days", "-1 week", "1.5 days", "3 fortnights", ""])
def test_parse_duration_rejects(text):
    with pytest.raises(ValueError):
        parse_duration(text, date(2026, 1, 1))


@pytest.mark.parametrize(
    ("text", "status"),
    [("", "planned"), ("Done", "done"), ("en cours", "in progress"), ("Bloqué", "blocked"),
     ("IN  PROGRESS", "in progress"), ("maybe", None)],
)  # fmt: skip
def test_parse_status(text, status):
    assert parse_status(text) == status


@pytest.mark.parametrize(
    ("value", "share"),
    [("50%", Decimal("0.5")), ("50 %", Decimal("0.5")), (0.25, Decimal("0.25")),
     ("40", Decimal("0.4")), ("", None), (None, None), ("100%", Decimal("1"))],
)  # fmt: skip
def test_parse_complete(value, share):
    assert parse_complete(value) == share


@pytest.mark.parametrize(
    ("value", "shown"),
    [("18:30", "18:30"), ("9h", "09:00"), ("18h30", "18:30"), (0.5, "12:00"), ("", ""),
     (datetime(2026, 1, 1, 7, 5), "07:05")],
)  # fmt: skip
def test_parse_time(value, shown):
    assert parse_time(value) == shown


@pytest.mark.parametrize("value", ["25:00", "noon", "18:75"])
def test_parse_time_rejects(value):
    with pytest.raises(ValueError):
        parse_time(value)


OBJECTIVE = Objective(
    "Grow Instagram", "Instagram", "followers", Decimal(100), Decimal(200), date(2026, 6, 30), ""
)
ROADMAP_HEADER = ["initiative", "objective", "owner", "start", "end", "duration", "status"]


def table(header, *rows) -> Table:
    return Table("roadmap.csv", header, [(n, list(r)) for n, r in enumerate(rows, start=2)])


def test_roadmap_reads_end_or_duration_and_links_objectives_without_case():
    initiatives, problems = read_roadmap(
        table(
            ROADMAP_HEADER,
            ["Audit", "grow instagram", "Inès", "2026-01-05", "", "1 week", "done"],
            ["Campaign", "", "Sophie", "05/02/2026", "2026-03-31", "", ""],
        ),
        [OBJECTIVE],
    )
    assert problems == []
    assert [(i.objective, i.start, i.end, i.status) for i in initiatives] == [
        ("Grow Instagram", date(2026, 1, 5), date(2026, 1, 11), "done"),
        ("", date(2026, 2, 5), date(2026, 3, 31), "planned"),
    ]


def test_roadmap_problems_name_row_column_and_value():
    _, problems = read_roadmap(
        table(
            ROADMAP_HEADER,
            ["Bad date", "", "", "2026-13-01", "", "1 week", ""],
            ["Unknown status", "", "", "2026-01-05", "", "1 week", "someday"],
            ["Backwards", "", "", "2026-03-01", "2026-02-01", "", ""],
            ["Unknown objective", "Double TikTok", "", "2026-01-05", "", "1 week", ""],
            ["Disagree", "", "", "2026-01-05", "2026-01-31", "1 week", ""],
            ["No end", "", "", "2026-01-05", "", "", ""],
            ["Bad duration", "", "", "2026-01-05", "", "a while", ""],
        ),
        [OBJECTIVE],
    )
    found = [(p.row, p.column, p.value) for p in problems]
    assert found == [
        (2, "start", "2026-13-01"),
        (3, "status", "someday"),
        (4, "end", "2026-02-01"),
        (5, "objective", "Double TikTok"),
        (6, "duration", "1 week"),
        (7, "end", ""),
        (8, "duration", "a while"),
    ]
    assert "before the start (2026-03-01)" in problems[2].message
    assert "Use one of: planned, in progress, done, blocked." in str(problems[1])


def test_roadmap_without_objectives_file_keeps_free_text():
    initiatives, problems = read_roadmap(
        table(ROADMAP_HEADER, ["Audit", "Anything", "", "2026-01-05", "", "1 week", ""]), []
    )
    assert problems == [] and initiatives[0].objective == "Anything"


def test_calendar_sorts_posts_and_reports_bad_rows():
    header = ["date", "time", "platform", "format", "topic", "owner", "status", "campaign"]
    posts, problems = read_calendar(
        table(
            header,
            ["2026-10-02", "18:30", "Instagram", "reel", "B", "", "publié", ""],
            ["2026-10-02", "09:00", "Facebook", "photo", "A", "", "", ""],
            ["2026-10-40", "", "Instagram", "", "", "", "", ""],
            ["2026-10-03", "", "", "", "", "", "", ""],
            ["2026-10-03", "", "Pinterest", "", "", "", "viral", ""],
            ["2026-10-03", "late", "Pinterest", "", "", "", "", ""],
        )
    )
    assert [(p.topic, p.time, p.status) for p in posts] == [
        ("A", "09:00", "idea"),
        ("B", "18:30", "published"),
    ]
    assert [(p.row, p.column) for p in problems] == [
        (4, "date"), (5, "platform"), (6, "status"), (7, "time")
    ]  # fmt: skip


def test_project_reports_roadmap_and_calendar_problems_with_file_names(tmp_path):
    project = tmp_path / "p"
    shutil.copytree(SAMPLE, project)
    write_csv(
        project / "roadmap.csv",
        [ROADMAP_HEADER, ["Backwards", "", "", "2026-03-01", "2026-02-01", "", ""]],
    )
    write_csv(project / "calendar.csv", [["date", "platform"], ["tomorrow", "Instagram"]])
    with pytest.raises(InputErrors) as caught:
        load_project(project)
    shown = str(caught.value)
    assert "roadmap.csv, row 2, column 'end', value '2026-02-01': is before the start" in shown
    assert "calendar.csv, row 2, column 'date', value 'tomorrow': is not a date." in shown


# --- computing ----------------------------------------------------------------------------------


def test_week_columns_cover_the_period_from_a_monday():
    weeks = week_starts(Period(date(2026, 1, 1), 12))
    assert weeks[0] == date(2025, 12, 29) and weeks[-1] == date(2026, 12, 28)
    assert len(weeks) == 53 and all(w.weekday() == 0 for w in weeks)


def test_grid_weeks_and_keys():
    assert grid_weeks(date(2026, 11, 1)) == [
        date(2026, 10, 26), date(2026, 11, 2), date(2026, 11, 9), date(2026, 11, 16),
        date(2026, 11, 23), date(2026, 11, 30),
    ]  # fmt: skip
    posts, _ = read_calendar(
        table(["date", "platform"], ["2026-10-02", "A"], ["2026-10-02", "B"], ["2026-10-05", "C"])
    )
    assert post_keys(posts) == ["46297#1", "46297#2", "46300#1"]


# --- the sheets, recalculated ---------------------------------------------------------------------


def _row_of(ws, col: int, value) -> int:
    return next(r for r in range(1, ws.max_row + 1) if ws.cell(r, col).value == value)


def test_roadmap_sheet_layout(sample_book):
    ws = openpyxl.load_workbook(sample_book)["Roadmap"]
    assert [ws.cell(4, c).value for c in range(1, 9)] == [
        "Initiative", "Objective", "Owner", "Start", "End", "Days", "Status", "% complete"
    ]  # fmt: skip
    assert ws["I4"].value == datetime(2025, 12, 29) and ws["J4"].value == "=I4+7"
    assert ws["F5"].value == "=E5-D5+1"
    rules = [r.formula[0] for cf in ws.conditional_formatting for r in cf.rules if r.formula]
    assert "AND($D5<=I$4+6,$E5>=I$4)" in rules
    assert 'AND($D5<=I$4+6,$E5>=I$4,$G5="done")' in rules
    assert "AND(TODAY()>=I$4,TODAY()<I$4+7)" in rules
    link = ws["B5"].hyperlink
    assert link.location.startswith("Strategy!A")
    # the objective's name read from the linked cell: a formula cell, which LibreOffice wraps
    assert ws["B5"].value == "=" + link.location


@pytest.mark.libreoffice
def test_planning_formulas_equal_python_values(sample_book, tmp_path):
    recalculated = recalculate(sample_book, tmp_path)
    checked, mismatches = compare(sample_book, recalculated)
    sheets = {sheet for sheet, _ in formula_cells(sample_book)}
    assert {"Roadmap", "Calendar"} <= sheets
    assert checked > 1500 and mismatches == []
    calendar = openpyxl.load_workbook(recalculated, data_only=True)["Calendar"]
    instagram, january = _count_cells(calendar, "Instagram")
    # Jan..Dec counts of Instagram posts in the sample, counted by hand from calendar.csv
    assert [calendar.cell(january + m, instagram).value for m in range(12)] == [0] * 8 + [4] * 4


def _count_cells(calendar, platform: str) -> tuple[int, int]:
    """The column of a platform's counts on the Calendar, and the row of the first month's:
    the months down column K under the platforms' names, then the target a month."""
    header = _row_of(calendar, 11, "Posts per platform and month") + 1
    col = next(c for c in range(12, 30) if calendar.cell(header, c).value == platform)
    return col, header + 2


def _bar_weeks(ws, row: int) -> list[datetime]:
    return [
        ws.cell(4, col).value
        for col in range(9, ws.max_column + 1)
        if ws.cell(row, col).value is True
    ]


@pytest.mark.libreoffice
def test_moving_a_start_date_moves_its_bar(sample_book, tmp_path):
    """The bar's own conditional-format formula, written into the (empty) timeline cells of one
    row, is evaluated by LibreOffice before and after the start date is moved."""
    book = openpyxl.load_workbook(sample_book)
    ws = book["Roadmap"]
    row = _row_of(ws, 1, "Christmas gift-guide pins and idea boards")
    (bar,) = [
        r.formula[0]
        for cf in ws.conditional_formatting
        for r in cf.rules
        if r.formula and r.formula[0] == "AND($D5<=I$4+6,$E5>=I$4)"
    ]
    last_col = ws.max_column
    for col in range(9, last_col + 1):
        target = ws.cell(row, col).coordinate
        ws.cell(row, col).value = Translator("=" + bar, origin="I5").translate_formula(target)
    before_path = tmp_path / "before.xlsx"
    book.save(before_path)
    ws.cell(row, 4).value = datetime(2026, 11, 16)
    after_path = tmp_path / "after.xlsx"
    book.save(after_path)

    before = openpyxl.load_workbook(recalculate(before_path, tmp_path / "b"), data_only=True)
    after = openpyxl.load_workbook(recalculate(after_path, tmp_path / "a"), data_only=True)
    weeks_before = _bar_weeks(before["Roadmap"], row)
    weeks_after = _bar_weeks(after["Roadmap"], row)
    assert weeks_before[0] == datetime(2026, 10, 26) and weeks_before[-1] == datetime(2026, 11, 30)
    assert weeks_after == [datetime(2026, 11, 16), datetime(2026, 11, 23), datetime(2026, 11, 30)]
    assert after["Roadmap"].cell(row, 6).value == 15  # Days follows the dates too


@pytest.mark.libreoffice
def test_a_post_added_to_the_list_is_counted_and_shown(sample_book, tmp_path):
    book = openpyxl.load_workbook(sample_book)
    ws = book["Calendar"]
    first_spare = next(r for r in range(5, ws.max_row + 1) if ws.cell(r, 1).value is None)
    assert ws.cell(first_spare, 9).value.startswith("=IF(A")  # its Key is prepared
    for col, value in enumerate(
        [datetime(2026, 11, 5), "12:00", "Instagram", "reel", "Studio tour"], start=1
    ):
        ws.cell(first_spare, col).value = value
    edited = tmp_path / "edited.xlsx"
    book.save(edited)
    fresh = openpyxl.load_workbook(recalculate(edited, tmp_path / "lo"), data_only=True)
    calendar = fresh["Calendar"]
    instagram, january = _count_cells(calendar, "Instagram")
    assert calendar.cell(january + 10, instagram).value == 5  # November: 4 + the new post
    day = next(
        (r, c)
        for r in range(january, calendar.max_row + 1)
        for c in range(11, 18)
        if calendar.cell(r, c).value == datetime(2026, 11, 5)
    )
    # the day's three cells: the first three formulas below its date (a cell merged down over
    # the rows its rank's longest title takes)
    below = [ws.cell(row, day[1]).value for row in range(day[0] + 1, day[0] + 20)]
    slots = [day[0] + 1 + at for at, value in enumerate(below) if str(value).startswith("=")][:3]
    shown = [calendar.cell(row, day[1]).value for row in slots]
    assert shown == [
        "Pinterest · Christmas gift guide: under 40 €",
        "Instagram · Studio tour",
        None,
    ]


def test_french_planning_sheets_build(tmp_path):
    project = tmp_path / "fr"
    shutil.copytree(SAMPLE, project)
    toml = project / "budgetbook.toml"
    toml.write_text('language = "fr"\n' + toml.read_text(encoding="utf-8"), encoding="utf-8")
    book = openpyxl.load_workbook(build_workbook(project, tmp_path / "fr.xlsx").output)
    assert {"Feuille de route", "Calendrier"} <= set(book.sheetnames)
    assert book["Feuille de route"]["G5"].value == "terminé"
