"""The short summaries that build, check and update print."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from typing import TYPE_CHECKING, Literal, NamedTuple

from budgetbook.commands.build import Summary
from budgetbook.errors import in_language
from budgetbook.i18n.labels import LABELS
from budgetbook.i18n.messages import MESSAGES, Messages, Text
from budgetbook.model import Config, NotCounted, Source, Transactions
from budgetbook.read.actuals import UNREADABLE
from budgetbook.read.metrics import KIND_NAMES, Where
from budgetbook.read.values import money_text

if TYPE_CHECKING:  # not imported by a build: update's XML readers pull in urllib and ssl
    from budgetbook.commands.update import UpdateSummary
    from budgetbook.write.handoff import Handoff


def _words(config: Config) -> Messages:
    return MESSAGES[config.language]


def _known_total(items: list[NotCounted]) -> Decimal:
    return sum((item.amount for item in items if item.amount is not None), Decimal(0))


# What a line of a summary is, for a terminal to colour it: what was done (the first line),
# something that could not be read, rows left out; None for the rest.
Tone = Literal["head", "bad", "warn"] | None
HEAD: Tone = "head"
BAD: Tone = "bad"  # a file not read
WARN: Tone = "warn"  # rows not counted


class Row(NamedTuple):
    label: str
    amount: str  # right-aligned, may be blank
    rest: str
    tone: Tone = None


class SummaryText(str):
    """A summary's text, which tests and scripts compare as text, and the tone of each of its
    lines (``lines``), which the command line colours by what each line is, never by its
    words."""

    lines: tuple[tuple[str, Tone], ...]

    def __new__(cls, lines: list[tuple[str, Tone]]) -> SummaryText:
        text = super().__new__(cls, "\n".join(line for line, _ in lines))
        text.lines = tuple(lines)
        return text


def aligned(rows: list[Row], indent: str = "  ") -> list[str]:
    """Rows of a summary in columns: labels padded to the longest, amounts right-aligned so
    their decimal separators line up, then the rest; a row without an amount starts its text
    where the amounts start. Widths count characters, so a French amount's non-breaking and
    narrow spaces are one column each."""
    label_width = max((len(row[0]) for row in rows), default=0)
    amount_width = max((len(row[1]) for row in rows), default=0)
    out = []
    for label, amount, rest, *_ in rows:
        value = f"{amount:>{amount_width}}  {rest}" if amount else rest
        out.append(f"{indent}{label:<{label_width}}  {value}".rstrip())
    return out


def _summary(head: str, rows: list[Row]) -> SummaryText:
    """The head line, what was done, then the rows in columns, each line with its tone."""
    tones = [row.tone for row in rows]
    return SummaryText([(head, HEAD), *zip(aligned(rows), tones, strict=True)])


def finance_lines(
    transactions: Transactions,
    not_counted: list[NotCounted],
    data_rows: int,
    config: Config,
    listed: bool = True,
    sources: list[Source] = (),
) -> list[Row]:
    """Counted N rows = X; which source read the files; not counted M rows = Y, by reason.
    N + M is every data row."""
    words, currency = _words(config), config.currency
    counted = transactions.total()
    label = words.labels
    out = [
        Row(
            label["counted"],
            words.amount(counted, currency),
            words.counted.format(
                counted=words.count(len(transactions)), rows=words.count(data_rows)
            ),
        )
    ]
    readers = Counter(source.reader for source in sources if source.reader)
    if readers:
        read_as = (
            f"{in_language(Text(reader), config.language)} ({words.files_of(count)})"
            for reader, count in sorted(readers.items())
        )
        out.append(Row(label["read_as"], "", ", ".join(read_as)))
    if converted := _converted(transactions, config):
        out.append(converted)
    unread = [item for item in not_counted if item.kind == UNREADABLE]
    not_counted = [item for item in not_counted if item.kind != UNREADABLE]
    for item in unread:
        out.append(
            Row(
                label["not_read"],
                "",
                words.not_read.format(
                    file=item.file, reason=in_language(item.reason, config.language)
                ),
                BAD,
            )
        )
    if not_counted:
        sheet = LABELS[config.language].not_counted
        total = words.amount(_known_total(not_counted), currency)
        where = words.listed_on.format(sheet=sheet) if listed else ""
        rows = words.rows_of(sum(item.rows for item in not_counted))
        out.append(
            Row(label["not_counted"], total, words.not_counted.format(rows=rows) + where, WARN)
        )
        for kind, count in _rows_by_kind(not_counted):
            of_kind = [item for item in not_counted if item.kind == kind]
            # A summary of an accounting file's other sides has no amount: a dash, aligned.
            known = any(item.amount is not None for item in of_kind)
            amount = words.amount(_known_total(of_kind), currency) if known else "–"
            out.append(Row("  " + words.kind(kind), amount, words.rows_of(count)))
    return out


def describe(summary: Summary) -> SummaryText:
    project = summary.project
    config = project.config
    words, currency = _words(config), config.currency
    label = words.labels
    months = config.period.month_starts()
    total = summary.figures.total
    plan = words.plan.format(
        lines=words.count(len(project.lines)),
        categories=words.count(len(project.categories)),
        months=len(months),
        first=words.month(months[0]),
        last=words.month(months[-1]),
    )
    rows: list[Row] = [
        Row(label["plan"], "", plan),
        *finance_lines(
            project.transactions,
            project.not_counted,
            project.data_rows,
            config,
            sources=project.sources,
        ),
    ]
    if summary.side_file is not None:
        side_file = words.side_file.format(
            count=words.count(len(project.transactions)),
            limit=words.count(config.workbook.actuals_sheet_max),
            path=summary.side_file,
        )
        rows.append(Row(label["side_file"], "", side_file))
    for export in project.metric_exports:
        metrics = words.metrics.format(
            file=export.file,
            kind=KIND_NAMES[export.kind],
            figures=words.figures_of(len(export.values)),
        )
        rows.append(Row(label["metrics"], "", metrics))
        if export.unknown_columns:
            columns = ", ".join(export.unknown_columns)
            rows.append(Row("", "", words.columns_not_read.format(columns=columns)))
        rows += [Row("", "", Where(note).in_language(config.language)) for note in export.notes]
    for item in project.metrics_not_read:
        reason = in_language(item.reason, config.language)
        not_read = words.not_read.format(file=item.file, reason=reason)
        rows.append(Row(label["not_read"], "", not_read, BAD))
    spent = words.share(total.share_spent) if total.share_spent is not None else ""
    rows += [
        Row(label["planned"], words.amount(total.total_planned, currency), ""),
        Row(label["actual"], words.amount(total.total_actual, currency), spent),
        Row(label["remaining"], words.amount(total.total_remaining, currency), ""),
    ]
    head = (
        words.built.format(path=summary.output)
        if summary.output
        else words.valid.format(root=project.root)
    )
    return _summary(head, rows)


def _converted(transactions: Transactions, config: Config) -> Row | None:
    """How many amounts were brought to the budget's currency and tax basis, their total,
    and how: the VAT removed or added, the rows of each other currency."""
    words = _words(config)
    conversions = list(transactions.conversions())
    if not conversions:
        return None
    total = sum((c.apply() for c in conversions), Decimal(0))
    how = []
    for included, template in ((True, words.vat_removed), (False, words.vat_added)):
        taxed = [c for c in conversions if c.vat is not None and c.vat_included is included]
        if taxed:
            before = sum((c.original * (c.rate or 1) for c in taxed), Decimal(0))
            after = sum((c.apply() for c in taxed), Decimal(0))
            vat = words.amount(abs(before - after), config.currency)
            how.append(template.format(amount=vat, rows=words.rows_of(len(taxed))))
    currencies = Counter(c.currency for c in conversions if c.rate is not None)
    how += [
        words.from_currency.format(rows=words.rows_of(count), currency=currency)
        for currency, count in sorted(currencies.items())
    ]
    detail = words.converted.format(rows=words.rows_of(len(conversions)), how=", ".join(how))
    return Row(words.labels["converted"], words.amount(total, config.currency), detail)


def describe_update(summary: UpdateSummary) -> SummaryText:
    taken, words = summary.taken, _words(summary.config)
    if summary.backup is None:
        head = words.nothing_new.format(book=summary.book)
    else:
        head = words.updated.format(book=summary.book, backup=summary.backup)
    rows = finance_lines(
        taken.transactions,
        taken.not_counted,
        taken.data_rows,
        summary.config,
        listed=summary.backup is not None,
        sources=taken.sources,
    )
    return _summary(head, rows)


def describe_handoff(handoff: Handoff) -> SummaryText:
    words = _words(handoff.config)
    written = words.handoff_written.format(
        path=handoff.output,
        lines=handoff.lines,
        first=words.day(handoff.first_day),
        last=words.day(handoff.last_day),
    )
    following = words.handoff_next.format(name=handoff.output.name)
    return SummaryText([(written, HEAD), (following, None)])


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
                "amount": _known_amount([i for i in left_out if i.kind == kind]),
            }
            for kind, count in _rows_by_kind(left_out)
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


def _rows_by_kind(not_counted: list[NotCounted]) -> list[tuple[str, int]]:
    """The finance rows not counted, by kind, most first (a summary stands for its rows)."""
    rows: Counter[str] = Counter()
    for item in not_counted:
        rows[item.kind] += item.rows
    return rows.most_common()


def _known_amount(items: list[NotCounted]) -> str | None:
    """The total of the rows whose amount was read, or None when none was (summaries)."""
    if all(item.amount is None for item in items):
        return None
    return str(_known_total(items))
