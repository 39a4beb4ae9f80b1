"""The short summary a build or a check prints."""

from __future__ import annotations

from decimal import Decimal

from budgetbook.build import Summary


def money(amount: Decimal, currency: str) -> str:
    return f"{amount:,.2f} {currency}"


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
        f"  Counted {len(project.transactions)} of {project.data_rows} finance rows:"
        f" {money(summary.counted_total, currency)}",
    ]
    if project.not_counted:
        reasons = ", ".join(
            f"{kind}: {n}" for kind, n in sorted(summary.not_counted_reasons.items())
        )
        out.append(
            f"  Not counted {len(project.not_counted)} rows ({reasons});"
            " the workbook lists each with its file, row and reason"
        )
    spent = f" ({total.share_spent:.1%})" if total.share_spent is not None else ""
    out.append(
        f"  Planned {money(total.total_planned, currency)}, actual"
        f" {money(total.total_actual, currency)}{spent}, remaining"
        f" {money(total.total_remaining, currency)}"
    )
    return "\n".join(out)
