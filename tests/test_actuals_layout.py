"""Where the Budget's Actual cells look on the Actuals sheet, by design."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from budgetbook.read.project import load_project
from budgetbook.write.sheets.actuals_sheet import LAST_ROW, ActualsLayout, MonthTotal, plan_actuals


def _rows(*days: str) -> list[MonthTotal]:
    return [MonthTotal(date.fromisoformat(d), "Canva", Decimal(1), "", "side.csv") for d in days]


@pytest.mark.parametrize(
    ("month_rows", "count", "month", "spans"),
    [
        (None, 5, 0, [(1, LAST_ROW)]),  # the whole sheet, whatever the month
        ({0: (1, 2), 2: (3, 5)}, 5, 0, [(1, 2), (6, LAST_ROW)]),
        ({0: (1, 2), 2: (3, 5)}, 5, 1, [(6, LAST_ROW)]),  # no rows yet: only pasted ones
        ({0: (1, LAST_ROW)}, LAST_ROW, 0, [(1, LAST_ROW)]),  # a full sheet: nothing below
        ({0: (1, LAST_ROW)}, LAST_ROW, 1, []),
    ],
)
def test_spans(month_rows, count, month, spans):
    rows = _rows("2026-01-01") * count  # one row object, listed ``count`` times
    assert ActualsLayout(rows, month_rows).spans(month) == spans


@pytest.mark.parametrize(
    ("sum_by_month_from", "month_rows"), [(5, {0: (1, 2), 2: (3, 5)}), (6, None)]
)
def test_month_rows_of_rows_in_date_order(project_factory, sum_by_month_from, month_rows):
    """From ``sum_by_month_from`` transactions on, the sheet lists them in date order and
    knows each month's first and last row; below, every formula reads the whole sheet."""
    days = ["2026-03-31", "2026-01-30", "2026-03-01", "2026-01-03", "2026-03-02"]
    project = project_factory(
        [["Tools", "Canva", "", "", 12, 12, 12]],
        [[day, "5", "Canva", "", "", ""] for day in days],
        months=3,
    )
    with (project / "budgetbook.toml").open("a", encoding="utf-8") as toml:
        toml.write(f"\n[workbook]\nsum_by_month_from = {sum_by_month_from}\n")
    layout = plan_actuals(load_project(project), side_file=None)
    assert [row.date for row in layout.rows] == sorted(map(date.fromisoformat, days))
    assert layout.month_rows == month_rows
