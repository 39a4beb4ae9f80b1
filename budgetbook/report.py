"""The short summaries that build, check and update print."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from budgetbook.actuals import UNREADABLE
from budgetbook.build import Summary
from budgetbook.handoff import Handoff
from budgetbook.labels import LABELS
from budgetbook.messages import MESSAGES, Messages
from budgetbook.metric_exports import KIND_NAMES
from budgetbook.model import Config, NotCounted, Transactions
from budgetbook.update import UpdateSummary
from budgetbook.values import money_text


def _words(config: Config) -> Messages:
    return MESSAGES[config.language]


def _known_total(items: list[NotCounted]) -> Decimal:
    return sum((item.amount for item in items if item.amount is not None), Decimal(0))


def finance_lines(
    transactions: Transactions,
    not_counted: list[NotCounted],
    data_rows: int,
    config: Config,
    listed: bool = True,
) -> list[str]:
    """Counted N rows = X; not counted M rows = Y, by reason. N + M is every data row."""
    words, currency = _words(config), config.currency
    counted = transactions.total()
    out = [
        "  "
        + words.counted.format(
            counted=words.count(len(transactions)),
            rows=words.count(data_rows),
            amount=words.amount(counted, currency),
        )
    ]
    unread = [item for item in not_counted if item.kind == UNREADABLE]
    not_counted = [item for item in not_counted if item.kind != UNREADABLE]
    for item in unread:
        out.append("  " + words.not_read.format(file=item.file, reason=item.reason))
    if not_counted:
        sheet = LABELS[config.language].not_counted
        total = words.amount(_known_total(not_counted), currency)
        where = words.listed_on.format(sheet=sheet) if listed else ""
        rows = words.rows_of(len(not_counted))
        out.append("  " + words.not_counted.format(rows=rows, amount=total) + where)
        for kind, count in Counter(item.kind for item in not_counted).most_common():
            of_kind = [item for item in not_counted if item.kind == kind]
            amount = words.amount(_known_total(of_kind), currency)
            rows = words.rows_of(count)
            out.append(words.kind_line.format(kind=words.kind(kind), rows=rows, amount=amount))
    return out


def describe(summary: Summary) -> str:
    project = summary.project
    config = project.config
    words, currency = _words(config), config.currency
    months = config.period.month_starts()
    total = summary.figures.total
    out = [
        words.built.format(path=summary.output)
        if summary.output
        else words.valid.format(root=project.root),
        "  "
        + words.plan.format(
            lines=words.count(len(project.lines)),
            categories=words.count(len(project.categories)),
            months=len(months),
            first=words.month(months[0]),
            last=words.month(months[-1]),
        ),
        *finance_lines(project.transactions, project.not_counted, project.data_rows, config),
    ]
    if summary.side_file is not None:
        out.append(
            "  "
            + words.side_file.format(
                count=words.count(len(project.transactions)),
                limit=words.count(config.workbook.actuals_sheet_max),
                path=summary.side_file,
            )
        )
    for export in project.metric_exports:
        out.append(
            "  "
            + words.metrics.format(
                file=export.file, kind=KIND_NAMES[export.kind], count=len(export.values)
            )
        )
        if export.unknown_columns:
            columns = ", ".join(export.unknown_columns)
            out.append("    " + words.columns_not_read.format(columns=columns))
    spent = f" ({words.share(total.share_spent)})" if total.share_spent is not None else ""
    out.append(
        "  "
        + words.totals.format(
            planned=words.amount(total.total_planned, currency),
            actual=words.amount(total.total_actual, currency),
            share=spent,
            remaining=words.amount(total.total_remaining, currency),
        )
    )
    return "\n".join(out)


def describe_update(summary: UpdateSummary) -> str:
    taken, words = summary.taken, _words(summary.config)
    if summary.backup is None:
        head = [words.nothing_new.format(book=summary.book)]
    else:
        head = [words.updated.format(book=summary.book, backup=summary.backup)]
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
    words = _words(handoff.config)
    return "\n".join(
        [
            words.handoff_written.format(
                path=handoff.output,
                lines=handoff.lines,
                first=words.day(handoff.first_day),
                last=words.day(handoff.last_day),
            ),
            words.handoff_next.format(name=handoff.output.name),
        ]
    )


def _finance_record(
    transactions: Transactions, not_counted: list[NotCounted], data_rows: int
) -> dict:
    unread = [item for item in not_counted if item.kind == UNREADABLE]
    left_out = [item for item in not_counted if item.kind != UNREADABLE]
    return {
        "data_rows": data_rows,
        "counted": {
            "rows": len(transactions),
            "amount": money_text(transactions.total()),
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
