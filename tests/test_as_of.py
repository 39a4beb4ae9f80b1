"""The as-of month (issue 23): money carries only out of closed months, and each line's pacing
and forecast, computed in Python and held against LibreOffice and Gnumeric, before and after a
person moves the as-of cell; the settings that would put it or the period outside the dates
spreadsheets share are refused."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from budgetbook.cli import main
from budgetbook.commands.build import build_workbook
from budgetbook.commands.update import update_workbook
from budgetbook.compute.budget import compute_budget, line_rows
from budgetbook.errors import InputErrors
from budgetbook.model import CarryOver
from budgetbook.read.config import parse_config
from budgetbook.read.project import load_project
from tests.conftest import write_csv, write_project
from tests.recalc import compare, gnumeric_recalculate, recalculate

D = Decimal
PLANNED = (D(100), D(100), D(100), D(100))
# Underspent, overspent, a refund, money already spent in the last month.
ACTUAL = (D(60), D(150), D(-20), D(30))


@pytest.mark.parametrize(
    "policy, closed, available, forecast",
    [
        # Nothing closed: nothing carries; each month counts the larger of Available, Actual.
        (CarryOver.SURPLUS, 0, (100, 100, 100, 100), 450),
        (CarryOver.FULL, 0, (100, 100, 100, 100), 450),
        # Two months closed: January's 40 carries into February; February's overspend (-10)
        # carries into March under `full` only; March is open, so April gets its plan.
        (CarryOver.SURPLUS, 2, (100, 140, 100, 100), 60 + 150 + 100 + 100),
        (CarryOver.FULL, 2, (100, 140, 90, 100), 60 + 150 + 90 + 100),
        (CarryOver.NONE, 2, (100, 100, 100, 100), 60 + 150 + 100 + 100),
        # All closed: the forecast is what was spent.
        (CarryOver.SURPLUS, 4, (100, 140, 100, 220), 220),
        (CarryOver.FULL, 4, (100, 140, 90, 210), 220),
    ],
)
def test_carry_stops_at_the_as_of_month_and_the_forecast_counts_open_months(
    policy, closed, available, forecast
):
    rows = line_rows(PLANNED, ACTUAL, policy, closed)
    assert rows.available == tuple(D(a) for a in available)
    assert rows.remaining == tuple(a - b for a, b in zip(rows.available, ACTUAL, strict=True))
    assert rows.forecast == forecast
    assert rows.variance == forecast - 400
    assert rows.planned_to_date == 100 * closed
    assert rows.actual_to_date == sum(ACTUAL[:closed], D(0))
    assert rows.heading_over is (forecast > 400)


def test_pace_is_blank_before_anything_is_planned():
    rows = line_rows((D(0), D(50)), (D(0), D(0)), CarryOver.SURPLUS, 1)
    assert rows.pace is None
    assert line_rows((D(80), D(50)), (D(60), D(0)), CarryOver.NONE, 1).pace == D("0.75")


def test_an_opening_adds_to_the_first_month_and_carries_on():
    rows = line_rows((D(100), D(100)), (D(50), D(0)), CarryOver.SURPLUS, 1, D(25))
    assert rows.available == (D(125), D(175))
    assert rows.forecast == D(50) + D(175)


amounts = st.decimals(min_value=-500, max_value=5000, places=2)


@given(
    st.lists(st.tuples(amounts, amounts), min_size=1, max_size=14),
    st.sampled_from(list(CarryOver)),
    st.data(),
)
def test_forecast_lies_between_spent_to_date_and_the_larger_of_plan_and_spend(months, policy, data):
    planned = tuple(abs(p) for p, _ in months)
    actual = tuple(a for _, a in months)
    closed = data.draw(st.integers(0, len(months)))
    rows = line_rows(planned, actual, policy, closed)
    open_months = range(closed, len(months))
    assert rows.forecast >= rows.actual_to_date + sum((actual[m] for m in open_months), D(0))
    if closed == len(months):
        assert rows.forecast == sum(actual, D(0))
    # After the as-of month, nothing carries: each later open month's Available is its plan.
    assert all(rows.available[m] == planned[m] for m in range(closed + 1, len(months)))


# A project with refunds and overspend on surplus, full and none lines, January and February
# spent.
LINES = [
    ["Ads", "Meta ads", "", "surplus", 100, 100, 100, 100],
    ["Ads", "Google Ads", "", "full", 100, 100, 100, 100],
    ["Tools", "Canva", "", "none", 12, 12, 12, 12],
]
ROWS = [
    ["2026-01-10", 60, "Meta ads", "Boost", "Meta", "6231"],
    ["2026-02-03", 150, "Meta ads", "Campaign", "Meta", "6231"],
    ["2026-01-12", 130, "Google Ads", "Search", "Google", "6231"],
    ["2026-02-20", -15, "Google Ads", "Refund", "Google", "6231"],
    ["2026-01-05", 12, "Canva", "Plan", "Canva", "651"],
    ["2026-02-05", 12, "Canva", "Plan", "Canva", "651"],
]


@pytest.fixture
def project(tmp_path) -> Path:
    return write_project(tmp_path / "project", LINES, ROWS)


def _figures(project: Path, as_of: date | None = None):
    loaded = load_project(project)
    if as_of is not None:
        loaded.config = replace(loaded.config, as_of=as_of)
    return compute_budget(loaded)


def test_the_as_of_month_is_the_latest_counted_transactions_or_the_month_before(tmp_path):
    assert _figures(write_project(tmp_path / "a", LINES, ROWS)).as_of == date(2026, 2, 1)
    assert _figures(write_project(tmp_path / "b", LINES, [])).as_of == date(2025, 12, 1)
    project = write_project(tmp_path / "c", LINES, ROWS)
    with (project / "budgetbook.toml").open("a", encoding="utf-8") as handle:
        handle.write('as_of = "2026-03"\n')  # appended to [budget]
    figures = _figures(project)
    assert figures.as_of == date(2026, 3, 1)
    assert figures.lines["Meta ads"].closed == 3


def _pacing(ws, name: str) -> dict[str, object]:
    """A line's Available row and pacing cells, found by header, as the sheet shows them."""
    header = next(r for r in range(1, 10) if ws.cell(r, 1).value == "Category")
    titles = {ws.cell(header, c).value: c for c in range(1, ws.max_column + 1)}
    row = next(r for r in range(header, ws.max_row + 1) if ws.cell(r, 2).value == name)
    available = [ws.cell(row + 1, 5 + m).value for m in range(4)]
    keys = ("Planned to date", "Actual to date", "Pace", "Forecast", "Variance")
    return {"available": available, **{k: ws.cell(row, titles[k]).value for k in keys}}


def _expected(rows) -> dict[str, object]:
    return {
        "available": [float(a) for a in rows.available],
        "Planned to date": float(rows.planned_to_date),
        "Actual to date": float(rows.actual_to_date),
        "Pace": None if rows.pace is None else float(rows.pace),
        "Forecast": float(rows.forecast),
        "Variance": float(rows.variance),
    }


def _close(shown: dict, expected: dict) -> bool:
    def same(a, b) -> bool:
        if isinstance(a, list):
            return all(same(x, y) for x, y in zip(a, b, strict=True))
        if b is None:
            return a in (None, "")
        return a == pytest.approx(b, abs=1e-6)

    return all(same(shown[key], expected[key]) for key in expected)


def _moved(book: Path, month: datetime, tmp_path: Path) -> Path:
    """The workbook with its as-of cell set to ``month``, as a person would type it."""
    workbook = openpyxl.load_workbook(book)
    workbook["Budget"]["B3"].value = month
    edited = tmp_path / "moved.xlsx"
    workbook.save(edited)
    return edited


ENGINES = {
    "libreoffice": pytest.param(recalculate, marks=pytest.mark.libreoffice),
    "gnumeric": pytest.param(gnumeric_recalculate, marks=pytest.mark.gnumeric),
}


@pytest.mark.parametrize("engine", ENGINES.values(), ids=list(ENGINES))
def test_moving_the_as_of_cell_moves_carry_pace_and_forecast(engine, project, tmp_path):
    book = tmp_path / "book.xlsx"
    build_workbook(project, book)
    count, mismatches = compare(book, engine(book, tmp_path / "built"))
    assert count > 100 and mismatches == []
    for month in (date(2025, 12, 1), date(2026, 1, 1), date(2026, 3, 1), date(2026, 4, 1)):
        moved = _moved(book, datetime(month.year, month.month, 1), tmp_path)
        recalculated = engine(moved, tmp_path / f"moved-{month}")
        budget = openpyxl.load_workbook(recalculated, data_only=True)["Budget"]
        figures = _figures(project, month)
        for name, rows in figures.lines.items():
            shown, expected = _pacing(budget, name), _expected(rows)
            assert _close(shown, expected), (month, name, shown, expected)
        if month == date(2026, 1, 1):  # January's 40 carries into February, no further
            assert _pacing(budget, "Meta ads")["available"] == [100, 140, 100, 100]


def test_a_line_heading_over_is_flagged_and_counted_on_the_overview(project, tmp_path):
    book = tmp_path / "book.xlsx"
    summary = build_workbook(project, book)
    # Meta ads: 210 spent in two closed months, 100 + 100 still open: 410 against 400.
    assert summary.figures.lines["Meta ads"].heading_over
    assert not summary.figures.lines["Google Ads"].heading_over
    workbook = openpyxl.load_workbook(book)
    budget, overview = workbook["Budget"], workbook["Overview"]
    titles = {budget.cell(4, c).value: c for c in range(1, budget.max_column + 1)}
    flag = titles["Variance"] + 1
    row = next(r for r in range(5, budget.max_row) if budget.cell(r, 2).value == "Meta ads")
    assert budget.cell(row, flag).value == '=IF(ROUND(V5,2)>0,"over","")'.replace(
        "V5", f"{openpyxl.utils.get_column_letter(titles['Variance'])}{row}"
    )
    facts = {overview.cell(r, 1).value: overview.cell(r, 2).value for r in range(1, 12)}
    assert facts["Closed through"] == "=Budget!$B$3"
    assert "Lines heading over budget" in facts


@pytest.mark.libreoffice
def test_update_moves_the_as_of_month_when_new_actuals_close_one(project, tmp_path):
    book = tmp_path / "book.xlsx"
    build_workbook(project, book)
    assert openpyxl.load_workbook(book)["Budget"]["B3"].value == datetime(2026, 2, 1)
    march = write_csv(
        tmp_path / "march.csv",
        [
            ["date", "amount", "line", "description", "vendor", "account"],
            ["2026-03-08", 40, "Meta ads", "Boost", "Meta", "6231"],
        ],
    )
    update_workbook(book, [march])
    assert openpyxl.load_workbook(book)["Budget"]["B3"].value == datetime(2026, 3, 1)
    count, mismatches = compare(book, recalculate(book, tmp_path / "lo"))
    assert count > 100 and mismatches == []
    budget = openpyxl.load_workbook(book, data_only=True)["Budget"]
    # March closed: Meta ads' February overspend is not carried (surplus), March's 60 unspent
    # carries into April.
    assert _pacing(budget, "Meta ads")["available"] == [100, 140, 100, 160]


@pytest.mark.parametrize(
    "budget, column, value",
    [
        ('start = "9999-06"', "budget.start", "9999-06"),
        ('start = "1900-03"', "budget.start", "1900-03"),
        ('start = "1899-12"', "budget.start", "1899-12"),
        ('start = "2026-01"\nas_of = "2027-01"', "budget.as_of", "2027-01"),
        ('start = "2026-01"\nas_of = "2025-11"', "budget.as_of", "2025-11"),
        ('start = "2026-01"\nas_of = "March"', "budget.as_of", "March"),
    ],
)
def test_settings_outside_what_spreadsheets_date_are_refused(budget, column, value):
    text = f'[company]\nname = "X"\ncurrency = "EUR"\n[budget]\n{budget}\nmonths = 12\n'
    with pytest.raises(InputErrors) as caught:
        parse_config(text, "budgetbook.toml")
    [problem] = caught.value.problems
    assert (problem.column, problem.value) == (column, value)


@pytest.mark.parametrize("start, months", [("1900-04", 12), ("9998-12", 12), ("2026-01", 120)])
def test_periods_within_spreadsheet_dates_are_read(start, months):
    text = f'[company]\nname = "X"\ncurrency = "EUR"\n[budget]\nstart = "{start}"\n'
    config = parse_config(text + f"months = {months}\n", "budgetbook.toml")
    assert config.period.months == months
    assert config.as_of is None


def test_a_period_reaching_past_9999_is_refused_at_the_command_line(tmp_path):
    project = write_project(tmp_path / "p", LINES, ROWS)
    toml = project / "budgetbook.toml"
    toml.write_text(toml.read_text().replace('"2026-01"', '"9999-10"'), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(project)])
    assert result.exit_code != 0
    assert "budget.start" in result.output and "9999-10" in result.output
    assert "November 9999" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("engine", ENGINES.values(), ids=list(ENGINES))
def test_an_opening_is_an_input_the_first_month_adds(engine, tmp_path):
    project = write_project(tmp_path / "project", LINES, ROWS)
    budget_csv = project / "budget.csv"
    rows = budget_csv.read_text(encoding="utf-8").splitlines()
    rows[0] = rows[0].replace("carry_over,", "carry_over,opening,")
    rows[1:] = [row.replace(",surplus,", ",surplus,250,").replace(",full,", ",full,-40,")
                .replace(",none,", ",none,,") for row in rows[1:]]  # fmt: skip
    budget_csv.write_text("\n".join(rows) + "\n", encoding="utf-8")
    book = tmp_path / "book.xlsx"
    figures = build_workbook(project, book).figures
    assert figures.lines["Meta ads"].available[0] == 350
    assert figures.lines["Google Ads"].available[0] == 60
    count, mismatches = compare(book, engine(book, tmp_path / "built"))
    assert count > 100 and mismatches == []
    sheet = openpyxl.load_workbook(book)["Budget"]
    assert sheet["E4"].value == "Opening"
    meta = next(r for r in range(5, sheet.max_row) if sheet.cell(r, 2).value == "Meta ads")
    assert sheet.cell(meta + 1, 5).value == 250
    assert sheet.cell(meta + 1, 6).value == f"=F{meta}+$E{meta + 1}"


def test_the_summary_says_where_the_period_will_land(project):
    result = CliRunner().invoke(main, ["check", str(project)])
    assert result.exit_code == 0, result.output
    # Meta ads: 210 spent in the closed months + 100 + 100 open (410 against 400); Google Ads:
    # 115 spent + March's 100 and February's 85 carried + April's 100 (400); Canva: 24 + 24.
    assert "Forecast   €858.00  €10.00 over the plan, closed through Feb 2026" in result.output
    assert "1 line heading over budget: Meta ads" in result.output
    record = json.loads(CliRunner().invoke(main, ["check", str(project), "--json"]).output)
    assert (record["as_of"], record["forecast"], record["variance"]) == (
        "2026-02",
        "858.00",
        "10.00",
    )
    assert record["lines_heading_over"] == ["Meta ads"]
