"""Performance report and operation review: KPIs held to hand-computed values after LibreOffice
recalculates them, blanks instead of errors, and edits that flow through."""

from __future__ import annotations

import shutil
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from budgetbook.commands.build import build_workbook
from budgetbook.commands.report import describe
from budgetbook.read.kpis import read_kpis
from budgetbook.read.operations import read_operations
from budgetbook.read.tables import Table
from tests.conftest import write_csv
from tests.recalc import compare, recalculate

LINES = [
    ["Advertising", "Meta ads", "Instagram", "surplus", 100, 100, 100, 100],
    ["Tools", "Canva", "", "", 12, 12, 12, 12],
]
ACTUALS = [
    ["2026-01-10", "60", "Meta ads", "Boost", "Meta", "6231"],
    ["2026-02-10", "90", "Meta ads", "Boost", "Meta", "6231"],
    ["2026-01-05", "12", "Canva", "Pro", "Canva", "6512"],
]
KPIS = [  # February has no click, no conversion and no unfollow count
    ["month", "channel", "metric", "value"],
    ["2025-12", "Instagram", "followers", 1000],
    ["2026-01", "Instagram", "followers", 1100],
    ["2026-01", "Instagram", "new_followers", 150],
    ["2026-01", "Instagram", "lost_followers", 50],
    ["2026-01", "Instagram", "reach", 2000],
    ["2026-01", "Instagram", "impressions", 5000],
    ["2026-01", "Instagram", "engagements", 100],
    ["2026-01", "Instagram", "clicks", 50],
    ["2026-01", "Instagram", "conversions", 5],
    ["2026-01", "Instagram", "revenue", 300],
    ["2026-02", "instagram", "followers", 1150],
    ["2026-02", "Instagram", "reach", 2500],
    ["2026-02", "Instagram", "impressions", 4000],
    ["2026-02", "Instagram", "engagements", 150],
    ["2026-02", "Instagram", "clicks", 0],
    ["2026-02", "Instagram", "conversions", 0],
    ["2026-02", "Instagram", "revenue", 0],
]
OBJECTIVES = [
    ["objective", "channel", "metric", "baseline", "target", "deadline", "owner"],
    ["Reach 2,000 followers", "Instagram", "followers", 1000, 2000, "2026-04-30", "Inès"],
]
# By hand, from the figures above: January, February, and to date (report month February).
EXPECTED = {
    "Engagement rate": (0.05, 0.06, 250 / 4500),
    "Click-through rate (CTR)": (0.01, 0.0, 50 / 9000),
    "Cost per click (CPC)": (1.2, None, 3.0),
    "Cost per 1,000 impressions (CPM)": (12.0, 22.5, 150 / 9000 * 1000),
    "Conversion rate": (0.1, None, 0.1),
    "Cost per conversion": (12.0, None, 30.0),
    "Return on ad spend (ROAS)": (5.0, 0.0, 2.0),
    "Return on investment (ROI)": (4.0, -1.0, 1.0),
    "Follower growth": (0.1, 50 / 1100, 0.15),
    "Unfollow rate": (0.05, None, 0.05),
    "Ad spend": (60.0, 90.0, 150.0),
    "Followers": (1100, 1150, 1150),
    "Clicks": (50, 0, 50),
}
JAN, FEB, TO_DATE = 3, 4, 7  # 1-based: A label, B opening, C:F the 4 months, G to date


@pytest.fixture
def book(project_factory, tmp_path):
    project = project_factory(LINES, ACTUALS)
    write_csv(project / "kpis.csv", KPIS)
    write_csv(project / "objectives.csv", OBJECTIVES)
    path = tmp_path / "book.xlsx"
    build_workbook(project, path)
    return path


def _rows(ws) -> dict[str, int]:
    """The first row of each label (the Definitions block repeats the KPI names below)."""
    rows: dict[str, int] = {}
    for r in range(1, ws.max_row + 1):
        if ws.cell(r, 1).value:
            rows.setdefault(ws.cell(r, 1).value, r)
    return rows


@pytest.mark.libreoffice
def test_kpis_equal_hand_computed_values_and_zero_clicks_show_blank(book, tmp_path):
    fresh = recalculate(book, tmp_path / "lo")
    checked, mismatches = compare(book, fresh)
    assert checked and mismatches == []
    ws = openpyxl.load_workbook(fresh, data_only=True)["Performance"]
    rows = _rows(ws)
    for name, values in EXPECTED.items():
        got = [ws.cell(rows[name], col).value for col in (JAN, FEB, TO_DATE)]
        for wanted, value in zip(values, got, strict=True):
            if wanted is None:
                assert value in (None, ""), name
            else:
                assert value == pytest.approx(wanted, rel=1e-9), name
    errors = [c.coordinate for row in ws.iter_rows() for c in row if str(c.value).startswith("#")]
    assert errors == []


@pytest.mark.libreoffice
def test_editing_an_ad_transaction_changes_the_channels_cpc(book, tmp_path):
    workbook = openpyxl.load_workbook(book)
    actuals = workbook["Actuals"]
    row = next(
        r
        for r in range(2, actuals.max_row + 1)
        if actuals.cell(r, 4).value == "Meta ads" and actuals.cell(r, 1).value.month == 1
    )
    actuals.cell(row, 5).value = 80
    edited = tmp_path / "edited.xlsx"
    workbook.save(edited)
    ws = openpyxl.load_workbook(recalculate(edited, tmp_path / "lo"), data_only=True)["Performance"]
    rows = _rows(ws)
    assert ws.cell(rows["Ad spend"], JAN).value == pytest.approx(80)
    assert ws.cell(rows["Cost per click (CPC)"], JAN).value == pytest.approx(1.6)
    assert ws.cell(rows["Cost per click (CPC)"], TO_DATE).value == pytest.approx(170 / 50)


@pytest.mark.libreoffice
def test_objective_progress_and_status_follow_the_report_month(book, tmp_path):
    fresh = openpyxl.load_workbook(recalculate(book, tmp_path / "lo"), data_only=True)
    strategy = fresh["Strategy"]
    row = next(r for r in range(1, strategy.max_row + 1) if strategy.cell(r, 1).value
               == "Reach 2,000 followers")  # fmt: skip
    current, progress, expected, status = (strategy.cell(row, c).value for c in range(8, 12))
    assert (current, status) == (1150, "at risk")
    assert progress == pytest.approx(0.15)
    assert expected == pytest.approx(59 / 120)  # Jan 1 to Mar 1, of Jan 1 to Apr 30

    workbook = openpyxl.load_workbook(book)
    workbook["Performance"]["A4"].value = datetime(2026, 1, 1)
    edited = tmp_path / "january.xlsx"
    workbook.save(edited)
    fresh = openpyxl.load_workbook(recalculate(edited, tmp_path / "lo2"), data_only=True)
    ws = fresh["Performance"]
    rows = _rows(ws)
    assert ws.cell(rows["Ad spend"], TO_DATE).value == pytest.approx(60)
    assert ws.cell(rows["Followers"], TO_DATE + 1).value == pytest.approx(0.1)  # vs December
    assert fresh["Strategy"].cell(row, 8).value == 1100
    assert fresh["Strategy"].cell(row, 9).value == pytest.approx(0.1)


@pytest.mark.libreoffice
def test_operation_review_of_the_sample(sample_book, tmp_path):
    ws = openpyxl.load_workbook(recalculate(sample_book, tmp_path / "lo"), data_only=True)[
        "Performance"
    ]
    rows = _rows(ws)
    giveaway, preorders, rebooking = (
        rows[name]
        for name in ("Spring giveaway", "Mother's Day pre-orders", "Autumn workshop re-booking")
    )
    # Result, result / target, cost per result, ROI, verdict (columns L to P), by hand.
    assert [ws.cell(giveaway, c).value for c in range(12, 17)] == pytest.approx(
        [655, 655 / 600, 1438.90 / 655, (2350 - 1438.90) / 1438.90, "met"]
    )
    assert ws.cell(preorders, 12).value == 2581  # traffic: participants
    assert ws.cell(preorders, 16).value == "over budget"  # 1,401.62 spent of 1,400
    assert ws.cell(rebooking, 16).value == "missed"  # 480 participants of 500
    levers = [r for r in range(max(rows.values()) - 5, ws.max_row + 1)
              if ws.cell(r, 1).value == "influencer"]  # fmt: skip
    assert [ws.cell(levers[0], c).value for c in (2, 4, 5, 12)] == [1, 1000, 1000, 3820]


def test_the_report_month_offers_the_months_as_a_dropdown(book):
    ws = openpyxl.load_workbook(book)["Performance"]
    (dropdown,) = [v for v in ws.data_validations.dataValidation if str(v.sqref) == "A4"]
    assert dropdown.type == "list" and dropdown.formula1 == "$C$7:$F$7"  # Jan..Apr headers
    assert [c.value for c in ws[7][2:6]] == [datetime(2026, m, 1) for m in range(1, 5)]


def test_kpis_problems_name_row_column_and_value():
    table = Table(
        "kpis.csv",
        ["month", "channel", "metric", "value"],
        [
            (2, ["2026-13", "Instagram", "followers", "10"]),
            (3, ["2026-01", "Instagram", "fans", "10"]),
            (4, ["2026-01", "Instagram", "reach", "lots"]),
            (5, ["2026-01", "Instagram", "reach", "10"]),
            (6, ["2026-01", "instagram", "reach", "12"]),
            (7, ["2026-01", "", "reach", "12"]),
        ],
    )
    values, problems = read_kpis(table)
    assert [(v.metric, v.value) for v in values] == [("reach", Decimal(10))]
    assert [(p.row, p.column, p.value) for p in problems] == [
        (2, "month", "2026-13"), (3, "metric", "fans"), (4, "value", "lots"),
        (6, "value", "12"), (7, "channel", ""),
    ]  # fmt: skip
    assert "already given on row 5" in problems[3].message


def test_operations_problems_and_french_types():
    header = ["operation", "objective_type", "segment", "lever", "budget", "cost", "target"]
    operations, problems = read_operations(
        Table(
            "operations.csv",
            header,
            [
                (2, ["Salon", "fidélisation", "", "événement", "500", "450", "40"]),
                (3, ["Bad", "fame", "", "ads", "1", "1", "1"]),
                (4, ["Bad cost", "traffic", "", "ads", "1", "a lot", "1"]),
            ],
        )
    )
    assert [(o.objective_type, o.cost, o.result) for o in operations] == [
        ("loyalty", Decimal(450), Decimal(0))
    ]
    assert [(p.row, p.column, p.value) for p in problems] == [
        (3, "objective_type", "fame"), (4, "cost", "a lot")
    ]  # fmt: skip


EXPORTS = Path(__file__).parent / "data" / "exports"


def _export_project(project_factory, tmp_path):
    project = project_factory(LINES, ACTUALS, start="2026-09")
    (project / "metrics").mkdir()
    shutil.copy(EXPORTS / "meta-ads-platform.csv", project / "metrics" / "meta-q4.csv")
    return project


def test_exports_in_metrics_feed_the_report(project_factory, tmp_path):
    project = _export_project(project_factory, tmp_path)
    summary = build_workbook(project, tmp_path / "book.xlsx")
    output = describe(summary)
    assert "  Metrics " in output and "  metrics/meta-q4.csv (Meta Ads Manager)" in output
    assert "column not read: ThruPlays" in output
    ws = openpyxl.load_workbook(tmp_path / "book.xlsx")["Performance"]
    rows = _rows(ws)
    instagram = rows["Instagram"]
    reach = next(r for r in range(instagram, ws.max_row + 1) if ws.cell(r, 1).value == "Reach")
    assert ws.cell(reach, 4).value == 16500  # October, the second month from September


def test_a_figure_in_both_kpis_and_an_export_is_not_read(project_factory, tmp_path):
    project = _export_project(project_factory, tmp_path)
    write_csv(project / "kpis.csv", [KPIS[0], ["2026-10", "Instagram", "reach", 1]])
    shutil.copy(EXPORTS / "meta-ads-platform.csv", project / "metrics" / "again.csv")
    summary = build_workbook(project, tmp_path / "book.xlsx")  # the build goes on
    shown = describe(summary)
    assert "metrics/meta-q4.csv: has the same content as metrics/again.csv" in shown
    assert "metrics/again.csv: gives Instagram reach for 2026-10, which kpis.csv gives too" in (
        shown
    )
    assert summary.project.metric_exports == []
    ws = openpyxl.load_workbook(tmp_path / "book.xlsx")["Performance"]
    instagram = _rows(ws)["Instagram"]
    reach = next(r for r in range(instagram, ws.max_row + 1) if ws.cell(r, 1).value == "Reach")
    assert ws.cell(reach, 4).value == 1  # kpis.csv's October figure, alone


def excel_pixels(width: float) -> int:
    """A column's width in pixels, as Excel draws a width in characters of Calibri 11: seven
    pixels a character, and five of padding."""
    return int(width * 7 + 0.5) + 5


def page_points(landscape: bool) -> float:
    """The points of rows an A4 page holds below the repeated report month, margins and the
    applications' rounding (PAGE_FILL) left out, the sheet printed at the readable scale."""
    from budgetbook.write.sheets import performance_sheet as sheet
    from budgetbook.write.sheets.page import READABLE_SCALE

    height_in = 8.27 if landscape else 11.69  # A4
    repeated = 2 * sheet.ROW_PT  # the report month's label and value
    return (height_in - 2 * sheet.TOP_MARGIN) * 72 * sheet.PAGE_FILL * 100 / READABLE_SCALE - (
        repeated
    )


@pytest.mark.parametrize("months", [1, 3, 6, 12])
@pytest.mark.parametrize("with_operations", [True, False])
def test_pages_are_planned_whole_and_full(tmp_path, months, with_operations):
    """At Excel's widths, every page the plan makes holds whole sections, fits, and takes the
    next section too when it would fit; short periods print portrait rather than on landscape
    pages shorter than a channel, their charts under their tables filling the pages; a sheet
    wider than a page fills the pages across it needs, at the planned width, each chart beside
    its table on the last of them, as tall as the table."""
    from budgetbook.commands.build import check_project
    from budgetbook.compute.performance import compute_performance
    from budgetbook.i18n.labels import LABELS
    from budgetbook.write.sheets import performance_sheet as sheet
    from budgetbook.write.sheets.page import page_width_px
    from tests.projects import bigger_project

    project_dir = bigger_project(tmp_path / "project", months)
    if not with_operations:
        (project_dir / "operations.csv").unlink()
    summary = check_project(project_dir)
    project, labels = summary.project, LABELS["en"]
    performance = compute_performance(project, summary.figures)
    operations = project.operations
    layout = sheet.plan_performance(performance, project.config.period, labels)
    book = tmp_path / "book.xlsx"
    build_workbook(project_dir, book)
    ws = openpyxl.load_workbook(book)["Performance"]

    change_col = sheet.FIRST_MONTH + months + 1
    widths = {sheet.LABEL: sheet.LABEL_WIDTH} | layout.widths
    assert sorted(widths) == list(range(layout.last_col + 1))
    pixels = {col: excel_pixels(width) for col, width in widths.items()}
    page_pt = page_points(layout.landscape)
    if months >= 12 or with_operations:  # wider than a portrait page
        assert layout.landscape
    if months <= 3 and not with_operations:  # narrow, and a channel is taller than landscape
        assert not layout.landscape
    page_px = page_width_px(layout.landscape)
    starts = [0, *layout.column_breaks]
    ends = [*layout.column_breaks, layout.last_col + 1]
    pages_across = [sum(pixels[c] for c in range(a, b)) for a, b in zip(starts, ends, strict=True)]
    pages_across[0] -= pixels[sheet.LABEL]
    # each page across at the planned width, and a page's columns would not fit the one before
    assert all(pixels[sheet.LABEL] + used <= page_px * sheet.WIDTH_FILL for used in pages_across)
    for used, first in zip(pages_across, layout.column_breaks, strict=False):
        assert pixels[sheet.LABEL] + used + pixels[first] > page_px * sheet.WIDTH_FILL
    if all(col > change_col for col in layout.column_breaks):  # the table fits a page
        assert not layout.charts_beside
        # after the labels' column when pages across repeat it
        assert layout.chart_col == (sheet.OPENING if layout.column_breaks else sheet.LABEL)
        for place in layout.places:
            assert place.chart_row > max(place.rows.values())  # under the table
            assert sheet.CHART_MIN_ROWS <= place.chart_rows <= sheet.CHART_MAX_ROWS
    else:
        assert layout.charts_beside and layout.chart_col == change_col + 1
        last_page_px = pixels[sheet.LABEL] + sum(
            pixels[c] for c in range(layout.column_breaks[-1], change_col + 1)
        )
        gap = sheet.CHART_GAP_PX
        assert last_page_px + 2 * gap + layout.chart_width <= page_px * sheet.WIDTH_FILL
        assert layout.chart_width >= 0.3 * page_px  # the room left by the table, not a sliver
        chart_end = sum(pixels[c] for c in range(change_col + 1, layout.last_col + 1))
        assert chart_end >= gap + layout.chart_width  # in the print area
        for place in layout.places:
            assert place.chart_row == place.header_row
            assert place.chart_rows == max(place.rows.values()) + 1 - place.header_row
        assert ws.page_setup.pageOrder == "overThenDown"

    def height(first: int, last: int) -> float:  # rows first .. last - 1, in points
        return sum(ws.row_dimensions[row + 1].height or sheet.ROW_PT for row in range(first, last))

    sections = [place.title_row for place in layout.places] + [layout.definitions_row]
    if operations:
        sections.append(layout.review_row)
    assert set(layout.breaks) <= set(sections)
    bottom_row = ws.max_row
    for place in layout.places:
        if place.chart_row is not None:
            bottom_row = max(bottom_row, place.chart_row + place.chart_rows)
    tops = [0, *layout.breaks]
    bottoms = [*layout.breaks, bottom_row]
    for number, (top, bottom) in enumerate(zip(tops, bottoms, strict=True)):
        used = height(top, bottom) - (2 * sheet.ROW_PT if number == 0 else 0)  # repeated
        assert used <= page_pt + 0.01, (number, used, page_pt)
        if number < len(tops) - 1:  # the next section would not have fitted
            after = [row for row in sections if row > bottom]
            next_end = after[0] if after else bottom_row
            assert used + height(bottom, next_end) > page_pt, (number, used, page_pt)
            if not layout.charts_beside:
                assert used >= 0.8 * page_pt, (number, used, page_pt)
