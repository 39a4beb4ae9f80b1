"""The carry-over rule, as arithmetic: examples worked by hand, then properties."""

from datetime import date
from decimal import Decimal
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from budgetbook.compute.budget import carry, compute_budget, line_rows
from budgetbook.model import (
    BudgetLine,
    CarryOver,
    Config,
    Period,
    Project,
    Transaction,
    Transactions,
)

D = Decimal


def test_surplus_adds_unspent_money_to_next_month_only():
    rows = line_rows((D(100), D(100), D(100)), (D(60), D(150), D(80)), CarryOver.SURPLUS)
    assert rows.available == (D(100), D(140), D(100))
    assert rows.remaining == (D(40), D(-10), D(20))


def test_full_also_carries_overspend():
    rows = line_rows((D(100), D(100), D(100)), (D(60), D(150), D(80)), CarryOver.FULL)
    assert rows.available == (D(100), D(140), D(90))
    assert rows.remaining == (D(40), D(-10), D(10))


def test_none_keeps_each_month_alone():
    rows = line_rows((D(100), D(100)), (D(60), D(150)), CarryOver.NONE)
    assert rows.available == (D(100), D(100))
    assert rows.remaining == (D(40), D(-50))
    assert rows.total_remaining == D(-10)


def test_carry_by_policy():
    assert carry(CarryOver.NONE, D(5)) == 0
    assert carry(CarryOver.SURPLUS, D(-5)) == 0
    assert carry(CarryOver.SURPLUS, D(5)) == 5
    assert carry(CarryOver.FULL, D(-5)) == -5


money = st.decimals(min_value=-5000, max_value=50000, places=2, allow_nan=False)
spend = st.decimals(min_value=-500, max_value=50000, places=2, allow_nan=False)


@st.composite
def months_of_money(draw):
    count = draw(st.integers(min_value=1, max_value=36))
    planned = tuple(draw(st.lists(money, min_size=count, max_size=count)))
    actual = tuple(draw(st.lists(spend, min_size=count, max_size=count)))
    return planned, actual


@given(months_of_money())
def test_full_last_remaining_is_total_planned_minus_total_actual(data):
    planned, actual = data
    rows = line_rows(planned, actual, CarryOver.FULL)
    assert rows.remaining[-1] == sum(planned) - sum(actual)
    assert rows.remaining[-1] == rows.total_remaining


@given(months_of_money())
def test_surplus_never_makes_available_below_planned(data):
    planned, actual = data
    rows = line_rows(planned, actual, CarryOver.SURPLUS)
    assert all(a >= p for a, p in zip(rows.available, rows.planned, strict=True))
    for month in range(1, len(planned)):
        assert rows.available[month] == planned[month] + max(D(0), rows.remaining[month - 1])


@given(months_of_money())
def test_none_available_is_planned(data):
    planned, actual = data
    rows = line_rows(planned, actual, CarryOver.NONE)
    assert rows.available == planned


@given(months_of_money(), st.sampled_from(list(CarryOver)))
def test_remaining_is_available_minus_actual(data, policy):
    planned, actual = data
    rows = line_rows(planned, actual, policy)
    for month in range(len(planned)):
        assert rows.remaining[month] == rows.available[month] - actual[month]
    assert rows.available[0] == planned[0]


@given(months_of_money())
def test_surplus_leaves_at_least_what_full_leaves(data):
    planned, actual = data
    surplus = line_rows(planned, actual, CarryOver.SURPLUS)
    full = line_rows(planned, actual, CarryOver.FULL)
    assert all(s >= f for s, f in zip(surplus.remaining, full.remaining, strict=True))


def _project(lines, transactions, months=3):
    config = Config("Test", "EUR", Period(date(2026, 1, 1), months), CarryOver.NONE)
    return Project(Path("."), config, lines, Transactions([transactions]), [])


def _spent(line, day, amount):
    return Transaction(day, D(amount), line, "", "", "", "a.csv", 2)


def test_compute_budget_sums_transactions_by_line_and_month():
    lines = [
        BudgetLine("Ads", "Meta", "Instagram", CarryOver.SURPLUS, (D(100), D(100), D(100))),
        BudgetLine("Ads", "Google", "", CarryOver.FULL, (D(50), D(50), D(50))),
        BudgetLine("Tools", "Canva", "", CarryOver.NONE, (D(12), D(12), D(12))),
    ]
    transactions = [
        _spent("Meta", date(2026, 1, 3), "30"),
        _spent("Meta", date(2026, 1, 31), "40.50"),
        _spent("Meta", date(2026, 2, 1), "-10"),
        _spent("Google", date(2026, 3, 15), "75"),
        _spent("Canva", date(2026, 2, 10), "11.99"),
    ]
    figures = compute_budget(_project(lines, transactions))
    assert figures.lines["Meta"].actual == (D("70.50"), D(-10), D(0))
    assert figures.lines["Meta"].available == (D(100), D("129.50"), D("239.50"))
    assert figures.lines["Google"].remaining == (D(50), D(100), D(75))
    assert figures.categories["Ads"].planned == (D(150), D(150), D(150))
    assert figures.categories["Tools"].actual == (D(0), D("11.99"), D(0))
    assert figures.total.total_actual == D("147.49")
    assert figures.total.total_planned == D(486)
    assert list(figures.categories) == ["Ads", "Tools"]
