"""The weeks the planning sheets lay out: the roadmap's week columns and the rows of a month's
calendar grid, each week by its Monday."""

from __future__ import annotations

from datetime import date, timedelta

from budgetbook.model import Period, add_months


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def week_starts(period: Period) -> list[date]:
    """The Mondays of every week that touches the period."""
    first, last_day = monday_of(period.start), period.end - timedelta(days=1)
    return [first + timedelta(weeks=i) for i in range((last_day - first).days // 7 + 1)]


def grid_weeks(month_start: date) -> list[date]:
    """The Mondays of the weeks shown in a month's grid (four to six)."""
    following, week = add_months(month_start, 1), monday_of(month_start)
    weeks = []
    while week < following:
        weeks.append(week)
        week += timedelta(weeks=1)
    return weeks
