"""Read the content calendar: ``date, platform, format, topic, owner, status`` and optional
``time`` and ``campaign``; posts come back sorted by date and time, as the sheet lists them."""

from __future__ import annotations

import re
from datetime import datetime, time

from budgetbook.errors import Problem, missing_columns
from budgetbook.i18n.messages import Text
from budgetbook.model import Post
from budgetbook.read.aliases import accepted, column_list, french_name, parse_value
from budgetbook.read.criteria import criterion_problem
from budgetbook.read.tables import Table, cell_problem, cell_text
from budgetbook.read.values import parse_date

REQUIRED = ("date", "platform")
COLUMNS = ("date", "time", "platform", "format", "topic", "owner", "status", "campaign")
CLOCK = re.compile(r"^\s*(\d{1,2})\s*[:hH.]\s*(\d{2})?\s*$")


def parse_post_status(text: str) -> str | None:
    """A status in English or French; a blank one is an idea: the first step of a post."""
    return "idea" if not text.strip() else parse_value("post_status", text)


def parse_time(value: object) -> str:
    """``18:30``, ``18h30``, ``9h``, a time cell or a day fraction, as ``HH:MM``; blank as ``""``;
    raise ValueError."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return ""
    if isinstance(value, datetime):
        value = value.time()
    if isinstance(value, time):
        return f"{value.hour:02d}:{value.minute:02d}"
    if isinstance(value, float) and 0 <= value < 1:
        minutes = round(value * 24 * 60)
        return f"{minutes // 60:02d}:{minutes % 60:02d}"
    match = CLOCK.match(str(value))
    if not match or int(match[1]) > 23 or int(match[2] or 0) > 59:
        raise ValueError(str(value))
    return f"{int(match[1]):02d}:{int(match[2] or 0):02d}"


def read_calendar(table: Table) -> tuple[list[Post], list[Problem]]:
    missing = [name for name in REQUIRED if table.column(name) is None]
    if missing:
        # Translators: {time} and {campaign} are those columns' names in the file's language.
        hint = Text(
            "Columns are: {columns} (time and campaign optional).",
            columns=column_list(COLUMNS, table.file),
            time=french_name("time", table.file),
            campaign=french_name("campaign", table.file),
        )
        return [], missing_columns(table.file, missing, hint)
    problems: list[Problem] = []
    posts: list[Post] = []
    platforms: dict[str, str] = {}  # the first spelling of each, by how formulas match it
    for number, row in table.rows:
        post = _read_row(table, number, row, problems, platforms)
        if post is not None:
            posts.append(post)
    return sorted(posts, key=lambda post: (post.date, post.time)), problems


def _read_row(
    table: Table, number: int, row: list[object], problems: list, platforms: dict[str, str]
) -> Post | None:
    def cell(name: str) -> str:
        return cell_text(table, row, name)

    def bad(column: str, message: str, hint: str) -> None:
        problems.append(cell_problem(table, number, row, column, message, hint))

    before = len(problems)
    try:
        day = parse_date(row[table.column("date")])
    except ValueError:
        bad("date", Text("is not a date."), Text("Write it as YYYY-MM-DD or DD/MM/YYYY."))
    clock = ""
    if table.column("time") is not None:
        try:
            clock = parse_time(row[table.column("time")])
        except ValueError:
            bad("time", Text("is not a time of day."), Text("Write it as HH:MM, e.g. 18:30."))
    if not cell("platform"):
        bad("platform", Text("the platform is empty."), Text("Name it, e.g. Instagram."))
    elif refusal := criterion_problem(cell("platform"), Text("a platform"), platforms):
        bad("platform", *refusal)
    status = parse_post_status(cell("status"))
    if status is None:
        bad(
            "status",
            Text("is not a known status."),
            Text("Use one of: {values}.", values=accepted("post_status")),
        )
    if len(problems) > before:
        return None
    return Post(
        day, clock, cell("platform"), cell("format"), cell("topic"), cell("owner"), status,
        cell("campaign"),
    )  # fmt: skip
