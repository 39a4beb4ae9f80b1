"""The dates of an ad-platform export: the period its title lines give (``1 March 2026 - 31
March 2026``, ``Report Start:`` and ``Report End:``), the month of a day or month cell, and
what the title lines say of figures still incomplete."""

from __future__ import annotations

import re
from datetime import date

from budgetbook.errors import Problem
from budgetbook.i18n.messages import Text
from budgetbook.read.sources import normalise_header
from budgetbook.read.values import MONTH_NAMES, parse_date

_YEAR_MONTH = re.compile(r"(\d{4})[-/.](\d{1,2})")
_MONTH_YEAR = re.compile(r"(\d{1,2})[-/.](\d{4})")
_NAME_YEAR = re.compile(r"([^\W\d_]+)\.?\s+(\d{4})")
_TITLE_PREFIX = re.compile(
    r"^(?:report time|report period|date range|periode|plage de dates)\s*:\s*", re.IGNORECASE
)
_RANGE = re.compile(r"^(.+?)\s+(?:-|–|—|to|au|à)\s+(.+)$", re.IGNORECASE)


def report_period(
    title_lines: list[list[str]], day_first: bool
) -> tuple[tuple[date, str], tuple[date, str]] | None:
    """The first and last days a report's title lines give (``1 March 2026 - 31 March
    2026``, ``Report Start: 3/1/2026`` and ``Report End: 3/31/2026``, or one day), each
    with its text, or None."""
    texts = [", ".join(cells) for cells in title_lines if cells]
    start = end = None
    for text in texts:
        plain = text.strip().strip('"').strip()
        label, _, rest = plain.partition(":")
        key = normalise_header(label)
        if key in ("report start", "date de debut du rapport", "debut du rapport"):
            start = (day, rest.strip()) if (day := title_day(rest, day_first)) else None
        elif key in ("report end", "date de fin du rapport", "fin du rapport"):
            end = (day, rest.strip()) if (day := title_day(rest, day_first)) else None
    if start and end:
        return start, end
    for text in texts:
        plain = _TITLE_PREFIX.sub("", text.strip().strip('"').strip().strip(",").strip())
        if match := _RANGE.fullmatch(plain):
            first, last = title_day(match[1], day_first), title_day(match[2], day_first)
            if first and last:
                return (first, match[1].strip()), (last, match[2].strip())
        elif day := title_day(plain, day_first):
            return (day, plain), (day, plain)
    return None


def title_day(text: str, day_first: bool) -> date | None:
    """A day of a title line: ``1 March 2026``, ``March 1, 2026``, ``3/1/2026``, or
    ``10/1/2026, 12:00 AM`` (LinkedIn's, its time after a comma); None when it is none."""
    text = text.strip().strip('"').strip()
    if re.match(r"\d{1,2}/\d{1,2}/\d{2,4}\s*,", text):
        text = text.split(",")[0]
    try:
        return parse_date(text, day_first)
    except ValueError:
        return None


def incomplete_notes(file: str, title_lines: list[list[str]]) -> list[Problem]:
    """Microsoft's title block says when its last day's data may still change: the file is
    read, and the summary says its latest figures may be short."""
    notes = []
    for cells in title_lines:
        text = ", ".join(cells).strip('"')
        label, _, flag = text.partition(":")
        if normalise_header(label) == "potential incomplete data" and "true" in flag.lower():
            notes.append(
                Problem(
                    file,
                    Text(
                        "the platform says its latest figures may be incomplete ({line}):"
                        " they are counted as they are.",
                        line=text,
                    ),
                    hint=Text("Download it again once the period is over."),
                )
            )
    return notes


def month_of(value: object, day_first: bool = True) -> date:
    """The first of the month of a day or month cell: ``2026-10-30``, ``30/10/2026``,
    ``Oct 30, 2026``, ``Fri, Oct 30, 2026``, ``October 2026``, ``2026-10``; raise ValueError."""
    text = "" if value is None else str(value).strip()
    if isinstance(value, str):
        if match := _YEAR_MONTH.fullmatch(text):
            return date(int(match[1]), int(match[2]), 1)
        if match := _MONTH_YEAR.fullmatch(text):
            return date(int(match[2]), int(match[1]), 1)
        if (match := _NAME_YEAR.fullmatch(text)) and normalise_header(match[1]) in MONTH_NAMES:
            return date(int(match[2]), MONTH_NAMES[normalise_header(match[1])], 1)
    try:
        day = parse_date(value, day_first)
    except ValueError:
        _, _, rest = text.partition(" ")  # a weekday in front: "Fri, Oct 30, 2026"
        if not rest or not isinstance(value, str):
            raise
        day = parse_date(rest, day_first)
    return day.replace(day=1)
