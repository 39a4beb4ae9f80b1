"""Read the initiatives roadmap: ``initiative, objective, owner, start, end | duration, status``
and an optional ``complete`` (share done)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal

from budgetbook.errors import Problem, missing_columns
from budgetbook.i18n.messages import Text
from budgetbook.model import Initiative, Objective, add_months
from budgetbook.read.aliases import accepted, parse_value
from budgetbook.read.tables import Table, cell_text, column_title
from budgetbook.read.values import ambiguous_separator, parse_amount, parse_date

REQUIRED = ("initiative", "start")
UNITS = {
    "day": "days", "days": "days", "d": "days", "jour": "days", "jours": "days", "j": "days",
    "week": "weeks", "weeks": "weeks", "w": "weeks", "wk": "weeks", "wks": "weeks",
    "semaine": "weeks", "semaines": "weeks", "sem": "weeks",
    "month": "months", "months": "months", "mo": "months", "mois": "months", "m": "months",
}  # fmt: skip
DURATION = re.compile(r"^\s*(\d+(?:[.,]5)?)\s*([^\d\s.]+)\.?\s*$")


def parse_duration(text: str, start: date) -> date:
    """The last day of something that starts on ``start`` and lasts ``text`` (``1 week``,
    ``10 days``, ``3 months``, ``1 semaine``, ``3 mois``, ``1.5 months``): both days count."""
    match = DURATION.match(text.casefold())
    unit = UNITS.get(match[2]) if match else None
    if unit is None:
        raise ValueError(text)
    amount = Decimal(match[1].replace(",", "."))
    if amount <= 0:
        raise ValueError(text)
    if unit == "days":
        if amount != amount.to_integral_value():
            raise ValueError(text)
        return start + timedelta(days=int(amount) - 1)
    if unit == "weeks":
        return start + timedelta(days=int(amount * 7) - 1)
    whole = int(amount)
    end = _months_later(start, whole)
    if amount != whole:  # half a month: fifteen more days
        end += timedelta(days=15)
    return end


def _months_later(start: date, months: int) -> date:
    """The last day of ``months`` months from ``start``: the day before the same date that many
    months on (15 March + 3 months ends on 14 June), or that month's last day when it has no
    such date (31 January + 1 month ends on 28 February)."""
    first = add_months(date(start.year, start.month, 1), months)
    month_end = add_months(first, 1) - timedelta(days=1)
    if start.day > month_end.day:
        return month_end
    return first + timedelta(days=start.day - 2)


def parse_status(text: str, default: str = "planned") -> str | None:
    """A status in English or French (``prévu``, ``en cours``, ``terminé``, ``bloqué``)."""
    return default if not text.strip() else parse_value("roadmap_status", text)


def parse_complete(value: object) -> Decimal | None:
    """``50 %``, ``50%``, ``0.5`` and ``50`` alike, as a share between 0 and 1. A number that
    reads two ways (``12.500``: 12.5 % or 12,500 %) is refused, never read either way."""
    text = str(value).strip() if value is not None else ""
    if not text:
        return None
    if ambiguous_separator(text.replace("%", "")):
        raise ValueError(text)
    share = parse_amount(text.replace("%", ""))
    if "%" in text or share > 1:
        share /= 100
    if not 0 <= share <= 1:
        raise ValueError(text)
    return share


def read_roadmap(
    table: Table, objectives: list[Objective]
) -> tuple[list[Initiative], list[Problem]]:
    """Initiatives in file order. With objectives given, each named objective must be one of
    them; without, the objective column is free text."""
    missing = [name for name in REQUIRED if table.column(name) is None]
    if table.column("end") is None and table.column("duration") is None:
        missing.append("end or duration")
    if missing:
        hint = Text("Columns are: initiative, objective, owner, start, end or duration, status.")
        return [], missing_columns(table.file, missing, hint)
    complete_col = table.column("complete")
    known = {objective.name.casefold(): objective.name for objective in objectives}
    problems: list[Problem] = []
    initiatives: list[Initiative] = []
    for number, row in table.rows:
        initiative = _read_row(table, number, row, complete_col, known, problems)
        if initiative is not None:
            initiatives.append(initiative)
    return initiatives, problems


def _read_row(
    table: Table,
    number: int,
    row: list[object],
    complete_col: int | None,
    known: dict[str, str],
    problems: list[Problem],
) -> Initiative | None:
    def cell(name: str) -> str:
        return cell_text(table, row, name)

    def bad(column: str, message: str, hint: str | None = None, value: str | None = None) -> None:
        shown = cell(column) if value is None else value
        problems.append(
            Problem(table.file, message, number, column_title(table, column), shown, hint)
        )

    before = len(problems)
    name = cell("initiative")
    if not name:
        bad(
            "initiative",
            Text("the initiative is empty."),
            Text("Name it, e.g. 'Audit the profile'."),
        )
    objective = cell("objective")
    if objective and known:
        if objective.casefold() not in known:
            bad(
                "objective",
                Text("no objective of objectives.csv has this name."),
                Text("Use an objective's name exactly as in objectives.csv, or leave it empty."),
            )
        else:
            objective = known[objective.casefold()]
    start = end = None
    try:
        start = parse_date(row[table.column("start")])
    except ValueError:
        bad("start", Text("is not a date."), Text("Write it as YYYY-MM-DD or DD/MM/YYYY."))
    end_text, duration = cell("end"), cell("duration")
    if not end_text and not duration:
        bad(
            "end",
            Text("neither an end date nor a duration is given."),
            Text("Give one: e.g. 2026-03-31 in 'end', or '3 weeks' in 'duration'."),
        )
    if end_text:
        try:
            end = parse_date(row[table.column("end")])
        except ValueError:
            bad("end", Text("is not a date."), Text("Write it as YYYY-MM-DD or DD/MM/YYYY."))
    if duration and start is not None:
        try:
            lasts_until = parse_duration(duration, start)
        except ValueError:
            bad(
                "duration",
                Text("is not a duration."),
                Text(
                    "Write a number and a unit: '10 days', '1 week', '3 months' (or 'jours',"
                    " 'semaines', 'mois')."
                ),
            )
        else:
            if end is not None and end != lasts_until:
                bad(
                    "duration",
                    Text("ends on {day}, but the end column says {end}.", day=lasts_until, end=end),
                    Text("Give an end date or a duration, not both."),
                )
            end = lasts_until
    if start is not None and end is not None and end < start:
        bad(
            "end",
            Text("is before the start ({start}).", start=start),
            Text("Swap the dates, or fix the end."),
        )
    status = parse_status(cell("status"))
    if status is None:
        bad(
            "status",
            Text("is not a known status."),
            Text("Use one of: {values}.", values=accepted("roadmap_status")),
        )
    complete = None
    if complete_col is not None:
        try:
            complete = parse_complete(row[complete_col])
        except ValueError:
            bad(
                table.header[complete_col],
                Text("is not a share done."),
                Text("Write a percentage between 0 % and 100 %, e.g. 40 %."),
                str(row[complete_col]),
            )
    if len(problems) > before:
        return None
    return Initiative(name, objective, cell("owner"), start, end, status, complete)
