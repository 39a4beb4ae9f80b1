"""The short summaries that build, check and update print."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from typing import TYPE_CHECKING, Literal, NamedTuple

from budgetbook.commands.build import Summary
from budgetbook.commands.records import (
    known_total,
    money_out,
    refunds,
    rows_by_kind,
    rows_not_valued,
)
from budgetbook.i18n.catalogue import NC_, translations
from budgetbook.i18n.formats import Formats, formats
from budgetbook.i18n.labels import LABELS
from budgetbook.i18n.messages import Plural, Text
from budgetbook.model import Config, NotCounted, Source, Transactions
from budgetbook.read.actuals import UNREADABLE
from budgetbook.read.metrics import KIND_NAMES, Where

if TYPE_CHECKING:  # not imported by a build: update's XML readers pull in urllib and ssl
    from budgetbook.commands.update import UpdateSummary
    from budgetbook.write.handoff import Handoff


def _words(config: Config) -> Formats:
    return formats(config.language)


# A summary row's label, by key; the rows' values line up after them.
LABELS_OF_ROWS = {
    "plan": NC_("summary", "Budget"),
    "counted": NC_("summary", "Counted"),
    "read_as": NC_("summary", "Read as"),
    "converted": NC_("summary", "Converted"),
    "not_read": NC_("summary", "Not read"),
    "not_counted": NC_("summary", "Not counted"),
    "side_file": NC_("summary", "Actuals"),
    "metrics": NC_("summary", "Metrics"),
    "formulas": NC_("summary", "Formulas"),
    "planned": NC_("summary", "Planned"),
    "actual": NC_("summary", "Actual"),
    "remaining": NC_("summary", "Remaining"),
    "forecast": NC_("summary", "Forecast"),
}
# The kinds of rows not counted (NotCounted.kind, as --json gives them), as a summary names them.
KINDS = frozenset(
    (
        NC_("reason", "no line"),
        NC_("reason", "outside the period"),
        NC_("reason", "no date"),
        NC_("reason", "date not understood"),
        NC_("reason", "amount not understood"),
        NC_("reason", "unknown line"),
        NC_("reason", "shifted row"),
        NC_("reason", "total row"),
        NC_("reason", "file sent twice"),
        NC_("reason", "unreadable file"),
        NC_("reason", "other account"),
        NC_("reason", "no exchange rate"),
        NC_("reason", "no VAT rate"),
        NC_("reason", "not completed"),
        NC_("reason", "heading"),
    )
)


def _label(key: str, language: str) -> str:
    return translations(language).pgettext("summary", LABELS_OF_ROWS[key])


def _kind(kind: str, language: str) -> str:
    return translations(language).pgettext("reason", kind) if kind in KINDS else kind


def _rows(count: int) -> Plural:
    return Plural("{n:,} row", "{n:,} rows", n=count)


def _said(text: Text, config: Config) -> str:
    return text.in_language(config.language)


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
    words, currency, language = _words(config), config.currency, config.language
    counted = transactions.total()
    of_rows = Plural("{n:,} finance row", "{n:,} finance rows", n=data_rows)
    out = [
        Row(
            _label("counted", language),
            words.amount(counted, currency),
            _said(Text("{counted:,} of {rows}", counted=len(transactions), rows=of_rows), config),
        )
    ]
    readers = Counter(source.reader for source in sources if source.reader)
    if readers:
        read_as = (
            _said(Text("{reader} ({files})", reader=Text(reader), files=_files(count)), config)
            for reader, count in sorted(readers.items())
        )
        out.append(Row(_label("read_as", language), "", ", ".join(read_as)))
    if converted := _converted(transactions, config):
        out.append(converted)
    unread = [item for item in not_counted if item.kind == UNREADABLE]
    not_counted = [item for item in not_counted if item.kind != UNREADABLE]
    for item in unread:
        out.append(
            Row(
                _label("not_read", language),
                "",
                _said(Text("{file}: {reason}", file=item.file, reason=item.reason), config),
                BAD,
            )
        )
    if not_counted:
        sheet = LABELS[config.language].not_counted
        count = sum(item.rows for item in not_counted)
        rows = (
            Plural(
                "{n:,} row, listed with file, row and reason on sheet '{sheet}'",
                "{n:,} rows, listed with file, row and reason on sheet '{sheet}'",
                n=count,
                sheet=sheet,
            )
            if listed
            else _rows(count)
        )
        unvalued = rows_not_valued(not_counted)
        if unvalued == count:
            rows = Text(
                "{rows}; {none}",
                rows=rows,
                none=Plural("it could not be valued", "none could be valued", n=count),
            )
        elif unvalued:
            left_out = Plural(
                "the total leaves out {n:,} row it could not value",
                "the total leaves out {n:,} rows it could not value",
                n=unvalued,
            )
            rows = Text("{rows}; {left_out}", rows=rows, left_out=left_out)
        total, rows = _amounts(not_counted, rows, words, currency)
        out.append(Row(_label("not_counted", language), total, _said(rows, config), WARN))
        for kind, count in rows_by_kind(not_counted):
            of_kind = [item for item in not_counted if item.kind == kind]
            of_rows: Text = _rows(count)
            if 0 < (unvalued := rows_not_valued(of_kind)) < count:
                not_valued = Plural("{n:,} not valued", "{n:,} not valued", n=unvalued)
                of_rows = Text("{rows}, {not_valued}", rows=of_rows, not_valued=not_valued)
            amount, of_rows = _amounts(of_kind, of_rows, words, currency)
            out.append(Row("  " + _kind(kind, language), amount, _said(of_rows, config)))
    return out


def _amounts(
    items: list[NotCounted], rows: Text, words: Formats, currency: str
) -> tuple[str, Text]:
    """The amount of rows not counted, for the amounts' column, and the text after it.

    A dash, aligned, when no row is valued (a row whose amount could not be read, a summary
    of an accounting file's other sides), never a total of 0. When money out and refunds
    are both there, the money out, then the refunds apart ("€12.00  out, €12.00 refunded;
    2 rows"), so that a charge and its refund never net to a total that hides them (and
    the money out's decimals stay lined up with the other amounts); otherwise their total."""
    if all(item.amount is None for item in items):
        return "–", rows
    spent, refunded = money_out(items), refunds(items)
    if spent and refunded:
        refunded_text = words.amount(-refunded, currency)
        # Translators: follows the money out, shown just before it ("€12.00  out, €12.00
        # refunded; 2 rows"); {refunded} is the refunds' total, without its minus sign.
        split = Text("out, {refunded} refunded; {rows}", refunded=refunded_text, rows=rows)
        return words.amount(spent, currency), split
    return words.amount(known_total(items), currency), rows


def describe(summary: Summary) -> SummaryText:
    project = summary.project
    config = project.config
    words, currency, language = _words(config), config.currency, config.language
    months = config.period.month_starts()
    total = summary.figures.total
    plan = Text(
        "{lines} in {categories}, {months} ({first} – {last})",
        lines=Plural("{n:,} budget line", "{n:,} budget lines", n=len(project.lines)),
        categories=Plural("{n:,} category", "{n:,} categories", n=len(project.categories)),
        months=Plural("{n:,} month", "{n:,} months", n=len(months)),
        first=words.month(months[0]),
        last=words.month(months[-1]),
    )
    rows: list[Row] = [
        Row(_label("plan", language), "", _said(plan, config)),
        *finance_lines(
            project.transactions,
            project.not_counted,
            project.data_rows,
            config,
            sources=project.sources,
        ),
    ]
    if summary.side_file is not None:
        side_file = Text(
            "{count:,} transactions are more than the Actuals sheet holds ([workbook]"
            " actuals_sheet_max = {limit}): it lists one total per line and month, and the"
            " transactions are in {path}",
            count=len(project.transactions),
            limit=config.workbook.actuals_sheet_max,
            path=summary.side_file,
        )
        rows.append(Row(_label("side_file", language), "", _said(side_file, config)))
    for export in project.metric_exports:
        metrics = Text(
            "{file} ({kind}): {figures}",
            file=export.file,
            kind=KIND_NAMES[export.kind],
            figures=Plural("{n:,} monthly figure", "{n:,} monthly figures", n=len(export.values)),
        )
        rows.append(Row(_label("metrics", language), "", _said(metrics, config)))
        if export.unknown_columns:
            unknown = Plural(
                "column not read: {columns}",
                "columns not read: {columns}",
                n=len(export.unknown_columns),
                columns=", ".join(export.unknown_columns),
            )
            rows.append(Row("", "", _said(unknown, config)))
        rows += [Row("", "", Where(note).in_language(config.language)) for note in export.notes]
    for item in project.metrics_not_read:
        not_read = Text("{file}: {reason}", file=item.file, reason=item.reason)
        rows.append(Row(_label("not_read", language), "", _said(not_read, config), BAD))
    spent = words.share(total.share_spent) if total.share_spent is not None else ""
    rows += [
        Row(_label("planned", language), words.amount(total.total_planned, currency), ""),
        Row(_label("actual", language), words.amount(total.total_actual, currency), spent),
        Row(_label("remaining", language), words.amount(total.total_remaining, currency), ""),
        *_forecast(summary, words),
    ]
    head = (
        Text("Built {path}", path=summary.output)
        if summary.output
        else Text("Project {root} is valid.", root=project.root)
    )
    return _summary(_said(head, config), rows)


SHOWN_OVER = 3  # the lines heading over named in the summary; --json lists them all


def _forecast(summary: Summary, words: Formats) -> list[Row]:
    """Where the period will land, as the Budget's Forecast says, and the lines heading over."""
    config, figures = summary.project.config, summary.figures
    total, currency = figures.total, config.currency
    if total.closed:
        closed = Text("closed through {month}", month=words.month(figures.as_of))
    else:
        closed = Text("no month closed yet")
    gap = words.amount(abs(total.variance), currency)
    if total.variance > 0:
        against = Text("{amount} over the plan, {closed}", amount=gap, closed=closed)
    elif total.variance < 0:
        against = Text("{amount} under the plan, {closed}", amount=gap, closed=closed)
    else:
        against = Text("on plan, {closed}", closed=closed)
    amount = words.amount(total.forecast, currency)
    rows = [Row(_label("forecast", config.language), amount, _said(against, config))]
    over = [name for name, rows_of in figures.lines.items() if rows_of.heading_over]
    if over:
        heading = Plural(
            "{n:,} line heading over budget: {lines}",
            "{n:,} lines heading over budget: {lines}",
            n=len(over),
            lines=", ".join(over[:SHOWN_OVER]) + ("…" if len(over) > SHOWN_OVER else ""),
        )
        rows.append(Row("", "", _said(heading, config), BAD))
    return rows


def _converted(transactions: Transactions, config: Config) -> Row | None:
    """How many amounts were brought to the budget's currency and tax basis, their total,
    and how: the VAT removed or added, the rows of each other currency."""
    words = _words(config)
    conversions = list(transactions.conversions())
    if not conversions:
        return None
    total = sum((c.apply() for c in conversions), Decimal(0))
    how = []
    for included, template in (
        (True, "VAT of {amount} removed from {rows}"),
        (False, "VAT of {amount} added to {rows}"),
    ):
        taxed = [c for c in conversions if c.vat is not None and c.vat_included is included]
        if taxed:
            before = sum((c.original * (c.rate or 1) for c in taxed), Decimal(0))
            after = sum((c.apply() for c in taxed), Decimal(0))
            vat = words.amount(abs(before - after), config.currency)
            how.append(_said(Text(template, amount=vat, rows=_rows(len(taxed))), config))
    currencies = Counter(c.currency for c in conversions if c.rate is not None)
    how += [
        _said(Text("{rows} from {currency}", rows=_rows(count), currency=currency), config)
        for currency, count in sorted(currencies.items())
    ]
    detail = Plural(
        "{n:,} row brought to the budget's basis: {how}",
        "{n:,} rows brought to the budget's basis: {how}",
        n=len(conversions),
        how=", ".join(how),
    )
    amount = words.amount(total, config.currency)
    return Row(_label("converted", config.language), amount, _said(detail, config))


def describe_update(summary: UpdateSummary) -> SummaryText:
    taken = summary.taken
    if summary.backup is None:
        head = Text("Nothing new for {book}: every file given is already in it.", book=summary.book)
    else:
        head = Text(
            "Updated {book} (the previous version is kept as {backup})",
            book=summary.book,
            backup=summary.backup,
        )
    rows = finance_lines(
        taken.transactions,
        taken.not_counted,
        taken.data_rows,
        summary.config,
        listed=summary.backup is not None,
        sources=taken.sources,
    )
    if summary.not_computed:
        rows.append(_not_computed(summary))
    return _summary(_said(head, summary.config), rows)


def _not_computed(summary: UpdateSummary) -> Row:
    """The formulas update left without a value: the spreadsheet computes them on opening."""
    shown = [f"{c.sheet}!{c.cell}" for c in summary.not_computed[:5]]
    more = "" if len(summary.not_computed) <= len(shown) else " …"
    left = Plural(
        "{n:,} left for the spreadsheet to compute when it opens the workbook: {cells}",
        "{n:,} left for the spreadsheet to compute when it opens the workbook: {cells}",
        n=len(summary.not_computed),
        cells=", ".join(shown) + more,
    )
    return Row(_label("formulas", summary.config.language), "", _said(left, summary.config), WARN)


def describe_handoff(handoff: Handoff) -> SummaryText:
    written = Text(
        "Wrote {path}: {lines} to choose from, dates from {first} to {last}.",
        path=handoff.output,
        lines=Plural("{n:,} budget line", "{n:,} budget lines", n=handoff.lines),
        first=handoff.first_day,
        last=handoff.last_day,
    )
    following = Text(
        "Send it to finance; once filled in, put it in the project's actuals/ folder and build"
        " again, or run: budgetbook update BOOK.xlsx {name}",
        name=handoff.output.name,
    )
    config = handoff.config
    return SummaryText([(_said(written, config), HEAD), (_said(following, config), None)])


def _files(count: int) -> Plural:
    return Plural("{n:,} file", "{n:,} files", n=count)
