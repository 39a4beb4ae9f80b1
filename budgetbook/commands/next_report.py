"""What ``budgetbook next`` says it did (`describe_next`) and its ``--json`` (`next_record`)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from budgetbook.commands.next_period import NextPeriod
from budgetbook.i18n.messages import Text
from budgetbook.model import month_key


def describe_next(done: NextPeriod) -> str:
    """What next says it did: the new period, its lines, its planned total against this
    period's, the openings carried, the files carried and those left behind."""
    from budgetbook.commands.report import HEAD, LABELS_OF_ROWS, WARN, Row, SummaryText, aligned
    from budgetbook.i18n.catalogue import translations
    from budgetbook.i18n.formats import formats
    from budgetbook.i18n.messages import Plural

    config = done.project.config
    language, currency = config.language, config.currency
    words = formats(language)

    def said(text: Text) -> str:
        return text.in_language(language)

    def label(key: str) -> str:
        return translations(language).pgettext("summary", LABELS_OF_ROWS[key])

    def months_of(starts: list[date]) -> Text:
        first, last = words.month(starts[0]), words.month(starts[-1])
        return Text("{first} – {last}", first=first, last=last) if len(starts) > 1 else first

    new_months, old_months = done.period.month_starts(), config.period.month_starts()
    categories = list(dict.fromkeys(line.category for line in done.lines))
    plan = Text(
        "{lines} in {categories}, {months} ({first} – {last})",
        lines=Plural("{n:,} budget line", "{n:,} budget lines", n=len(done.lines)),
        categories=Plural("{n:,} category", "{n:,} categories", n=len(categories)),
        months=Plural("{n:,} month", "{n:,} months", n=len(new_months)),
        first=words.month(new_months[0]),
        last=words.month(new_months[-1]),
    )
    seeded = (
        Text("from this period's plan, month by month")
        if done.seed == "plan"
        else Text("from this period's actuals, month by month")
    )
    if done.seed == "actual" and done.open_months:
        seeded = Text(
            "{seeded}; {months} with no actuals yet ({which}) from the plan",
            seeded=seeded,
            months=Plural("{n:,} month", "{n:,} months", n=len(done.open_months)),
            which=months_of(done.open_months),
        )
    percent = done.change * 100
    change = Text(
        "{sign}{percent:,}%",
        sign="+" if percent > 0 else "-" if percent < 0 else "",
        percent=Decimal(format(abs(percent).normalize(), "f")),
    )
    seeded = (
        Text("{seeded}, changed by {change}", seeded=seeded, change=change)
        if percent
        else Text("{seeded}, unchanged", seeded=seeded)
    )
    openings = done.openings
    rows = [
        Row(label("plan"), "", said(plan)),
        Row(said(Text("Amounts")), "", said(seeded)),
        Row(
            label("planned"),
            words.amount(done.planned, currency),
            said(
                Text(
                    "was {amount} in {months}",
                    amount=words.amount(done.planned_before, currency),
                    months=months_of(old_months),
                )
            ),
        ),
    ]
    if openings:
        total = sum(openings.values(), Decimal(0))
        told = Plural(
            "the closing balance of {n:,} carry-over line:",
            "the closing balances of {n:,} carry-over lines:",
            n=len(openings),
        )
        rows.append(Row(said(Text("Openings")), words.amount(total, currency), said(told)))
        rows += [Row("", words.amount(value, currency), name) for name, value in openings.items()]
        if done.open_months:
            unspent = Plural(
                "{n:,} month of the period ({which}) is still open: the closing balances take"
                " it as the forecast does, spending what it has, so only an overspend carries"
                " (under full). Run next again once it is closed, or edit the openings in"
                " budget.csv.",
                "{n:,} months of the period ({which}) are still open: the closing balances take"
                " them as the forecast does, spending what they have, so only an overspend"
                " carries (under full). Run next again once they are closed, or edit the"
                " openings in budget.csv.",
                n=len(done.open_months),
                which=months_of(done.open_months),
            )
            rows.append(Row("", "", said(unspent), WARN))
    else:
        rows.append(Row(said(Text("Openings")), "", said(Text("none: no line carries over"))))
    carried = [
        said(Text("{file} (review the targets and deadlines)", file=name))
        if name.startswith("objectives.")
        else said(Text("{folder} (empty, for the new period's files)", folder=name))
        if name == "actuals/"
        else name
        for name in done.carried
    ]
    rows.append(Row(said(Text("Carried")), "", ", ".join(carried)))
    if done.not_carried:
        left = Text(
            "{files}: they describe the period that ended",
            files=", ".join(done.not_carried),
        )
        rows.append(Row(said(Text("Not carried")), "", said(left)))
    head = Text(
        "Wrote {folder}, the project of {months}, from {project}",
        folder=done.folder,
        months=months_of(new_months),
        project=done.project.root,
    )
    then = Text("Check it, then run: budgetbook build {folder}", folder=done.folder)
    lines = zip(aligned(rows), (row.tone for row in rows), strict=True)
    return SummaryText([(said(head), HEAD), *lines, (said(then), None)])


def next_record(done: NextPeriod) -> dict:
    """What next did, for scripts (--json): amounts as exact decimal strings."""
    return {
        "ok": True,
        "output": str(done.folder),
        "project": str(done.project.root),
        "period": {
            "start": month_key(done.period.start),
            "end": month_key(done.period.month_starts()[-1]),
        },
        "from": done.seed,
        "change": str(done.change),
        "lines": len(done.lines),
        "planned": str(done.planned),
        "planned_before": str(done.planned_before),
        "openings": {name: str(value) for name, value in done.openings.items()},
        "open_months": [month_key(month) for month in done.open_months],
        "carried": done.carried,
        "not_carried": done.not_carried,
    }
