"""Figures of the planning sheets, computed once in Python: week columns of the roadmap, posts
per platform and month, and the weeks of a month's calendar grid."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from budgetbook.model import Initiative, Period, Post, add_months
from budgetbook.read.values import EXCEL_EPOCH


def serial(day: date) -> int:
    """A date as the number a spreadsheet stores."""
    return (day - EXCEL_EPOCH).days


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def week_starts(period: Period) -> list[date]:
    """The Mondays of every week that touches the period."""
    first, last_day = monday_of(period.start), period.end - timedelta(days=1)
    return [first + timedelta(weeks=i) for i in range((last_day - first).days // 7 + 1)]


def days(initiative: Initiative) -> int:
    return (initiative.end - initiative.start).days + 1


def platforms(posts: list[Post], targets: dict[str, int]) -> list[str]:
    """Platforms with a target first, in the order set, then the others as they appear."""
    names = list(targets)
    known = {name.casefold() for name in names}
    for post in posts:
        if post.platform.casefold() not in known:
            names.append(post.platform)
            known.add(post.platform.casefold())
    return names


def posts_per_month(posts: list[Post], period: Period) -> Counter[tuple[str, int]]:
    """Count by (platform, month index), matching platforms without case as COUNTIFS does."""
    counts: Counter[tuple[str, int]] = Counter()
    for post in posts:
        month = period.month_index(post.date)
        if month is not None:
            counts[post.platform.casefold(), month] += 1
    return counts


def grid_weeks(month_start: date) -> list[date]:
    """The Mondays of the weeks shown in a month's grid (four to six)."""
    following, week = add_months(month_start, 1), monday_of(month_start)
    weeks = []
    while week < following:
        weeks.append(week)
        week += timedelta(weeks=1)
    return weeks


def post_keys(posts: list[Post]) -> list[str]:
    """Each post's key, the date's number and its rank that day (``46296#2``), as the list's
    Key formula computes it, so a grid cell can find the n-th post of a day with MATCH."""
    seen: Counter[date] = Counter()
    keys = []
    for post in posts:
        seen[post.date] += 1
        keys.append(f"{serial(post.date)}#{seen[post.date]}")
    return keys
