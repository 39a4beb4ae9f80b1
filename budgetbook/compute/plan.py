"""The figures of the planning sheets, computed once before they are written: each
initiative's days, each post's key, the calendar's platforms, its posts per platform and month,
and the posts of each day."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date

from budgetbook.model import Period, Post, Project
from budgetbook.read.values import serial


@dataclass(frozen=True)
class Schedule:
    initiative_days: list[int]  # in the roadmap's order
    post_keys: list[str]  # in the calendar list's order
    platforms: list[str]
    posts_per_month: Counter[tuple[str, int]]  # by (platform without case, month index)
    posts_by_day: dict[date, list[Post]]


def plan_schedule(project: Project) -> Schedule:
    posts_by_day: dict[date, list[Post]] = defaultdict(list)
    for post in project.posts:
        posts_by_day[post.date].append(post)
    return Schedule(
        initiative_days=[(i.end - i.start).days + 1 for i in project.initiatives],
        post_keys=post_keys(project.posts),
        platforms=platforms(project.posts, project.config.calendar_targets),
        posts_per_month=posts_per_month(project.posts, project.config.period),
        posts_by_day=dict(posts_by_day),
    )


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


def post_keys(posts: list[Post]) -> list[str]:
    """Each post's key, the date's number and its rank that day (``46296#2``), as the list's
    Key formula computes it, so a grid cell can find the n-th post of a day with MATCH."""
    seen: Counter[date] = Counter()
    keys = []
    for post in posts:
        seen[post.date] += 1
        keys.append(f"{serial(post.date)}#{seen[post.date]}")
    return keys
