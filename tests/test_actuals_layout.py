"""Where the Budget's Actual cells look on the Actuals sheet, by design."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from budgetbook.model import Period
from budgetbook.write.sheets.actuals_sheet import LAST_ROW, ActualsLayout, MonthTotal, _month_rows

PERIOD = Period(date(2026, 1, 1), 3)


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


def test_month_rows_of_rows_in_date_order():
    rows = _rows("2026-01-03", "2026-01-30", "2026-03-01", "2026-03-02", "2026-03-31")
    assert _month_rows(rows, PERIOD) == {0: (1, 2), 2: (3, 5)}
