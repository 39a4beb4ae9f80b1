"""The short summaries that build, check and update print."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from budgetbook.actuals import UNREADABLE
from budgetbook.build import Summary
from budgetbook.handoff import Handoff
from budgetbook.labels import LABELS
from budgetbook.metric_exports import KIND_NAMES
from budgetbook.model import Config, NotCounted, Transaction
from budgetbook.update import UpdateSummary


def money(amount: Decimal, currency: str) -> str:
    return f"{amount:,.2f} {currency}"


def _rows(count: int) -> str:
    return f"{count} row" if count == 1 else f"{count} rows"


def _known_total(items: list[NotCounted]) -> Decimal:
    return sum((item.amount for item in items if item.amount is not None), Decimal(0))


def finance_lines(
    transactions: list[Transaction],
    not_counted: list[NotCounted],
    data_rows: int,
    config: Config,
    listed: bool = True,
) -> list[str]:
    """Counted N rows = X; not counted M rows = Y, by reason. N + M is every data row."""
    currency = config.currency
    counted = sum((t.amount for t in transactions), Decimal(0))
    out = [f"  Counted {len(transactions)} of {data_rows} finance rows: {money(counted, currency)}"]
    unread = [item for item in not_counted if item.kind == UNREADABLE]
    not_counted = [item for item in not_counted if item.kind != UNREADABLE]
    for item in unread:
        out.append(f"  Not read: {item.file}: {item.reason}")
    if not_counted:
        sheet = LABELS[config.language].not_counted
        total = money(_known_total(not_counted), currency)
        where = f", listed with file, row and reason on sheet '{sheet}'" if listed else ""
        out.append(f"  Not counted {_rows(len(not_counted))}: {total}{where}")
        for kind, count in Counter(item.kind for item in not_counted).most_common():
            of_kind = [item for item in not_counted if item.kind == kind]
            out.append(f"    {kind}: {_rows(count)}, {money(_known_total(of_kind), currency)}")
    return out


def describe(summary: Summary) -> str:
    project = summary.project
    config = project.config
    months = config.period.month_starts()
    total = summary.figures.total
    currency = config.currency
    out = [
        f"Built {summary.output}" if summary.output else f"Project {project.root} is valid.",
        f"  {len(project.lines)} budget lines in {len(project.categories)} categories,"
        f" {len(months)} months ({months[0]:%b %Y} – {months[-1]:%b %Y})",
        *finance_lines(project.transactions, project.not_counted, project.data_rows, config),
    ]
    if summary.side_file is not None:
        out.append(
            f"  {len(project.transactions):,} transactions are more than the Actuals sheet holds"
            f" ([workbook] actuals_sheet_max = {config.workbook.actuals_sheet_max:,}): it lists"
            f" one total per line and month, and the transactions are in {summary.side_file}"
        )
    for export in project.metric_exports:
        out.append(
            f"  Metrics from {export.file}"
            f" ({KIND_NAMES[export.kind]}): {len(export.values)} monthly figures"
        )
        if export.unknown_columns:
            out.append(f"    columns not read: {', '.join(export.unknown_columns)}")
    spent = f" ({total.share_spent:.1%})" if total.share_spent is not None else ""
    out.append(
        f"  Planned {money(total.total_planned, currency)}, actual"
        f" {money(total.total_actual, currency)}{spent}, remaining"
        f" {money(total.total_remaining, currency)}"
    )
    return "\n".join(out)


def describe_update(summary: UpdateSummary) -> str:
    taken = summary.taken
    if summary.backup is None:
        head = [f"Nothing new for {summary.book}: every file given is already in it."]
    else:
        head = [f"Updated {summary.book} (the previous version is kept as {summary.backup})"]
    return "\n".join(
        head
        + finance_lines(
            taken.transactions,
            taken.not_counted,
            taken.data_rows,
            summary.config,
            listed=summary.backup is not None,
        )
    )


def describe_handoff(handoff: Handoff) -> str:
    return "\n".join(
        [
            f"Wrote {handoff.output}: {handoff.lines} budget lines to choose from,"
            f" dates from {handoff.first_day} to {handoff.last_day}.",
            "Send it to finance; once filled in, put it in the project's actuals/ folder"
            " and build again, or run: budgetbook update BOOK.xlsx " + handoff.output.name,
        ]
    )


def _finance_record(
    transactions: list[Transaction], not_counted: list[NotCounted], data_rows: int
) -> dict:
    unread = [item for item in not_counted if item.kind == UNREADABLE]
    left_out = [item for item in not_counted if item.kind != UNREADABLE]
    return {
        "data_rows": data_rows,
        "counted": {
            "rows": len(transactions),
            "amount": str(sum((t.amount for t in transactions), Decimal(0))),
        },
        "not_counted": [
            {
                "kind": kind,
                "rows": count,
                "amount": str(_known_total([i for i in left_out if i.kind == kind])),
            }
            for kind, count in Counter(item.kind for item in left_out).most_common()
        ],
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
        "metrics": [
            {
                "file": export.file,
                "kind": export.kind,
                "figures": len(export.values),
                "columns_not_read": list(export.unknown_columns),
            }
            for export in project.metric_exports
        ],
        "planned": str(total.total_planned),
        "actual": str(total.total_actual),
        "remaining": str(total.total_remaining),
    }


def update_record(summary: UpdateSummary) -> dict:
    taken = summary.taken
    return {
        "ok": True,
        "book": str(summary.book),
        "backup": str(summary.backup) if summary.backup else None,
        "currency": summary.config.currency,
        "finance": _finance_record(taken.transactions, taken.not_counted, taken.data_rows),
    }


def handoff_record(handoff: Handoff) -> dict:
    return {
        "ok": True,
        "output": str(handoff.output),
        "lines": handoff.lines,
        "first_day": handoff.first_day.isoformat(),
        "last_day": handoff.last_day.isoformat(),
    }
