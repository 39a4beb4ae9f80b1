"""What build, check, update and handoff say for scripts (--json): counts, and amounts as
exact decimal strings."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from typing import TYPE_CHECKING

from budgetbook.commands.build import Summary
from budgetbook.model import NotCounted, Source, Transactions, month_key
from budgetbook.read.actuals import UNREADABLE
from budgetbook.read.metrics import Where
from budgetbook.read.values import money_text

if TYPE_CHECKING:  # not imported by a build: update's XML readers pull in urllib and ssl
    from budgetbook.commands.update import UpdateSummary
    from budgetbook.write.handoff import Handoff


def known_total(items: list[NotCounted]) -> Decimal:
    return sum((item.amount for item in items if item.amount is not None), Decimal(0))


def money_out(items: list[NotCounted]) -> Decimal:
    """The total of the rows valued as spent (positive)."""
    return sum((i.amount for i in items if i.amount is not None and i.amount > 0), Decimal(0))


def refunds(items: list[NotCounted]) -> Decimal:
    """The total of the rows valued as refunds or credit notes (negative, so that money out
    plus refunds is the known total). A valued item is one finance row: only summaries, which
    stand for several, have no amount."""
    return sum((i.amount for i in items if i.amount is not None and i.amount < 0), Decimal(0))


def rows_not_valued(items: list[NotCounted]) -> int:
    """The finance rows whose amount is in no total (unreadable, in another currency, another
    side of an entry): a total must say it leaves them out, never pass for all of them."""
    return sum(item.rows for item in items if item.amount is None)


def rows_by_kind(not_counted: list[NotCounted]) -> list[tuple[str, int]]:
    """The finance rows not counted, by kind, most first (a summary stands for its rows)."""
    rows: Counter[str] = Counter()
    for item in not_counted:
        rows[item.kind] += item.rows
    return rows.most_common()


def _known_amount(items: list[NotCounted]) -> str | None:
    """The total of the rows whose amount was read, or None when none was (summaries)."""
    if all(item.amount is None for item in items):
        return None
    return str(known_total(items))


def _amounts(items: list[NotCounted]) -> dict:
    """The rows valued: their net total ("amount"), and apart the money out and the refunds
    (negative) it nets, so that a script sees a refund cancelling a charge; None when no row
    is valued."""
    valued = any(item.amount is not None for item in items)
    return {
        "amount": _known_amount(items),
        "money_out": money_text(money_out(items)) if valued else None,
        "refunds": money_text(refunds(items)) if valued else None,
    }


def _finance_record(
    transactions: Transactions, not_counted: list[NotCounted], data_rows: int
) -> dict:
    unread = [item for item in not_counted if item.kind == UNREADABLE]
    left_out = [item for item in not_counted if item.kind != UNREADABLE]
    conversions = list(transactions.conversions())
    return {
        "data_rows": data_rows,
        "counted": {
            "rows": len(transactions),
            "amount": money_text(transactions.total()),
        },
        "converted": {  # counted rows brought to the budget's currency and tax basis
            "rows": len(conversions),
            "amount": money_text(sum((c.apply() for c in conversions), Decimal(0))),
        },
        "not_counted": [
            {
                "kind": kind,
                "rows": count,
                **_amounts([i for i in left_out if i.kind == kind]),
                "rows_not_valued": rows_not_valued([i for i in left_out if i.kind == kind]),
            }
            for kind, count in rows_by_kind(left_out)
        ],
        "not_counted_total": {  # "amount" totals the rows valued, the others are counted apart
            "rows": sum(item.rows for item in left_out),
            **_amounts(left_out),
            "rows_not_valued": rows_not_valued(left_out),
        },
        "not_read": [{"file": item.file, "reason": item.reason} for item in unread],
    }


def summary_record(summary: Summary) -> dict:
    """What ``describe`` says, for scripts: amounts as exact decimal strings."""
    project = summary.project
    config = project.config
    total = summary.figures.total
    months = config.period.month_starts()
    return {
        "ok": True,
        "output": str(summary.output) if summary.output else None,
        "side_file": str(summary.side_file) if summary.side_file else None,
        "currency": config.currency,
        "lines": len(project.lines),
        "categories": len(project.categories),
        "months": {"first": f"{months[0]:%Y-%m}", "count": len(months)},
        "finance": _finance_record(project.transactions, project.not_counted, project.data_rows),
        "files": _files_record(project.sources),
        "metrics": [
            {
                "file": export.file,
                "kind": export.kind,
                "figures": len(export.values),
                "columns_not_read": list(export.unknown_columns),
                "notes": [Where(note) for note in export.notes],
            }
            for export in project.metric_exports
        ],
        "metrics_not_read": [
            {"file": item.file, "row": item.row, "reason": item.reason}
            for item in project.metrics_not_read
        ],
        "planned": str(total.total_planned),
        "actual": str(total.total_actual),
        "remaining": str(total.total_remaining),
        "as_of": month_key(summary.figures.as_of),
        "forecast": str(total.forecast),
        "variance": str(total.variance),
        "lines_heading_over": [n for n, rows in summary.figures.lines.items() if rows.heading_over],
    }


def update_record(summary: UpdateSummary) -> dict:
    taken = summary.taken
    return {
        "ok": True,
        "book": str(summary.book),
        "backup": str(summary.backup) if summary.backup else None,
        "currency": summary.config.currency,
        "finance": _finance_record(taken.transactions, taken.not_counted, taken.data_rows),
        "files": _files_record(taken.sources),
        "not_computed": [  # formulas left without a value, for the spreadsheet to compute
            {"sheet": c.sheet, "cell": c.cell, "reason": c.reason} for c in summary.not_computed
        ],
    }


def _files_record(sources: list[Source]) -> list[dict]:
    """Each finance file met: the source that read it ("" for a copy of another), its data
    rows and those counted."""
    return [
        {"file": s.file, "read_as": s.reader, "rows": s.rows, "counted": s.counted} for s in sources
    ]


def handoff_record(handoff: Handoff) -> dict:
    return {
        "ok": True,
        "output": str(handoff.output),
        "lines": handoff.lines,
        "first_day": handoff.first_day.isoformat(),
        "last_day": handoff.last_day.isoformat(),
    }
