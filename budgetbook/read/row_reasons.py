"""Why a finance file's row is not counted, or a file not read: a row the columns failed,
read cell by cell (`RowReader`), which says why (`Skip`) or counts it after all; and the
refusals of a file whose conventions cannot be told (`sign_unknown`, `order_unknown`,
`separator_unknown`)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from budgetbook.errors import Problem, UnreadableFile
from budgetbook.i18n.messages import Text
from budgetbook.model import NotCounted, Transaction
from budgetbook.read.mapping_rules import RuleMatcher
from budgetbook.read.number_style import (
    french_export_header,
    two_readings,
    written_the_french_way,
)
from budgetbook.read.reading_plans import Reading
from budgetbook.read.suggestions import Suggestions
from budgetbook.read.tables import Frame
from budgetbook.read.values import (
    MAX_WHOLE_DIGITS,
    TOTAL_ROW,
    ambiguous_separator,
    both_ways,
    detect_decimal_comma,
    parse_amount,
    parse_date,
    parse_plain_amount,
)

if TYPE_CHECKING:
    from budgetbook.read.conversion import Converter


class Ambiguous(Exception):
    """A value that reads two ways, and that no convention of its file tells: an amount's
    decimal separator (`RowReader.amount_of`), a date's order of day and month
    (`RowReader.read_days`, with the two dates it may be)."""

    def __init__(self, index: int, text: str, dates: tuple[date, date] | None = None):
        super().__init__(text)
        self.index, self.text, self.dates = index, text, dates


class Skip(Exception):
    """Why a row is not counted."""

    def __init__(self, kind: str, reason: str, in_budget_currency: bool = True):
        super().__init__(reason)
        self.kind, self.reason = kind, reason
        # An amount in another currency is not totalled with the budget's.
        self.in_budget_currency = in_budget_currency


class RowReader:
    """A file's rows read cell by cell, with the conventions detected for the file: each
    row the columns did not count, to say why (`not_counted`), and each distinct date and
    amount cell the columns leave to Python (`read_days`, `amount_of`), each read once."""

    def __init__(
        self,
        frame: Frame,
        columns: dict[str, int],
        money_cols: list[tuple[int, bool]],
        config,
        reading: Reading,
        day_first: bool | None,
        converter: Converter,
        matcher: RuleMatcher,
        names: dict[str, str],
    ):
        self.frame, self.config, self.reading = frame, config, reading
        self.date_col, self.line_col = columns["date"], columns.get("line")
        self.text_cols = tuple(columns.get(name) for name in ("description", "vendor", "account"))
        self.currency_col, self.state_col = columns.get("currency"), columns.get("state")
        self.direction_col = columns.get("direction")
        self.money_cols, self.day_first = money_cols, day_first
        self.converter, self.matcher, self.names = converter, matcher, names
        self.days: dict[str, date | tuple[str, str]] = {}
        self.amounts_known: dict[object, Decimal | None] = {}

    @cached_property
    def suggestions(self) -> Suggestions:
        """The budget's line names, for a row naming none of them: made only then."""
        return Suggestions(self.names.values())

    @cached_property
    def decimal_comma(self) -> bool | None:
        """Looked for only when an amount is ambiguous (``1,200``): plain ones read alike."""
        return decimal_comma_of(self.frame, self.reading, [index for index, _ in self.money_cols])

    def not_counted(
        self, counted, counts, unconverted: dict[int, Skip], currencies=None
    ) -> tuple[list[Transaction], list[NotCounted]]:
        """Why each row the columns did not count (``counts`` false) is not counted, in file
        order. A row whose date and amount were read but not its line, whose amount could not
        be converted (``unconverted``), whose date cell says why, or that is shifted, is told
        from the columns, as `transaction` would tell it; any other goes through
        `transaction`, which may yet count it: those are returned first. An amount in another
        currency than the budget's is not shown: it would be totalled with the budget's.
        ``currencies``: each row's, or None when every row's is the file's."""
        import polars as pl

        budget_currency = self.config.currency
        failed = self.frame.cells.filter(~counts).with_columns(pl.exclude("row").fill_null(""))
        read = counted.filter(~counts)
        texts = failed.select(pl.concat_str(pl.exclude("row"), separator=" | ")).to_series()
        days, amounts = read["date"].to_list(), read["amount"].to_list()
        if currencies is None:  # every row's is the file's
            foreign = [self.converter.currency != budget_currency] * failed.height
        else:
            foreign = (currencies.filter(~counts) != budget_currency).to_list()
        dates = failed[str(self.date_col)].to_list()
        numbers = failed["row"].to_list()
        shifted = self.frame.shifted
        reasons: list[tuple[str, str] | None] = []  # what the columns tell, None elsewhere
        no_line: dict[str, Skip] = {}  # one reason for each line named that is not found
        names = [""] * failed.height  # the line each row names, if any
        if self.line_col is not None:
            names = [cell.strip() for cell in failed[str(self.line_col)].to_list()]
        for number, day, amount, name, cell in zip(
            numbers, days, amounts, names, dates, strict=True
        ):
            if number in shifted:
                reasons.append(shifted_reason(len(self.frame.header)))
            elif number in unconverted:
                reasons.append((unconverted[number].kind, unconverted[number].reason))
            elif day is not None and amount is not None:
                if name not in no_line:
                    no_line[name] = no_line_reason(name, self.suggestions)
                reasons.append((no_line[name].kind, no_line[name].reason))
            elif day is None and (why := self.days.get(cell)).__class__ is tuple:
                reasons.append(why)
            else:
                reasons.append(None)
        untold = pl.Series([why is None for why in reasons], dtype=pl.Boolean)
        rows = iter(failed.filter(untold).rows())  # "row" first
        counted_by_row: list[Transaction] = []
        not_counted: list[NotCounted] = []
        for why, number, text, amount, elsewhere in zip(
            reasons, numbers, texts, amounts, foreign, strict=True
        ):
            if elsewhere:
                amount = None
            if why is None:
                number, *row = next(rows)
                try:
                    counted_by_row.append(self.transaction(number, row))
                    continue
                except Skip as skip:
                    why = skip.kind, skip.reason
                    shown = skip.in_budget_currency and not elsewhere
                    amount = self.amount(row) if shown else None
            elif number in shifted:
                text = row_text(shifted[number])
            elif number in unconverted and not unconverted[number].in_budget_currency:
                amount = None
            not_counted.append(NotCounted(self.frame.file, number, *why, text, amount))
        return counted_by_row, not_counted

    def transaction(self, number: int, row: list[object]) -> Transaction:
        """A row's transaction, read cell by cell; Skip says why it is not counted."""
        day = self.day(row)
        if (refusal := self._refusal(row)) is not None:
            raise refusal
        amount = self.amount(row)
        if amount is None:
            raise Skip(
                "amount not understood",
                Text("amount not understood: {text}", text=self._bad_money_cell(row)),
            )
        description, vendor, account = texts = [
            "" if index is None else stripped(row[index]) for index in self.text_cols
        ]
        texts[0] = description = one_line(description)
        given = "" if self.line_col is None else stripped(row[self.line_col])
        line = self.line(given, *texts)
        if line is None:
            raise no_line_reason(given, self.suggestions)
        conversion = None
        currency = self.converter.currency
        if self.currency_col is not None:
            currency = stripped(row[self.currency_col]).upper() or currency
        if self.converter.other_basis or currency != self.config.currency:
            conversion = self.converter.conversion(day, amount, line, currency)
            amount = conversion.apply()
        return Transaction(
            day, amount, line, description, vendor, account, self.frame.file, number, conversion
        )

    def line(self, given: str, description: str, vendor: str, account: str) -> str | None:
        """The line a row names, else the one the mapping rules give, else None."""
        if given:
            return self.names.get(given.casefold())
        return self.matcher.line([description, vendor, account])

    def _refusal(self, row: list[object]) -> Skip | None:
        """Why a row that reads well is still not counted: a payment that did not go through
        (declined, reverted)."""
        states = self.reading.source.states
        if self.state_col is not None and states is not None:
            state = stripped(row[self.state_col])
            if state.casefold() not in states:
                return Skip(
                    "not completed",
                    Text("its state is {state}: not a completed payment", state=state),
                )
        return None

    def read_days(self, cells: Iterable[str]) -> None:
        """What each date cell not seen yet gives (`_day`); a blank one is left to `day`,
        which judges it by its row."""
        for cell in set(cells).difference(self.days):
            if cell.strip():
                self.days[cell] = self._day(cell)

    def day(self, row: list[object]) -> date:
        """The row's date; Skip when it has none, is a total row or is outside the period."""
        cell = row[self.date_col]
        found = self.days.get(cell)
        if found is None:
            if not stripped(cell):
                first = next((stripped(c) for c in row if stripped(c)), "")
                if TOTAL_ROW.match(first):
                    raise Skip("total row", Text("a total row, not a transaction"))
                raise Skip("no date", Text("no date"))
            found = self.days[cell] = self._day(cell)
        if found.__class__ is tuple:
            raise Skip(*found)
        return found

    def _day(self, cell: object) -> date | tuple[str, str]:
        """What a date cell that is not blank gives: a date, or why its row is not counted."""
        raw = stripped(cell)
        if TOTAL_ROW.match(raw):
            return "total row", Text("a total row, not a transaction")
        if self.day_first is None and (both := both_ways(raw)) is not None:
            raise Ambiguous(self.date_col, raw, both)
        try:
            day = parse_date(cell, self.day_first is not False)
        except ValueError:
            return "date not understood", Text("date not understood: {text}", text=raw)
        if self.config.period.month_index(day) is None:
            return "outside the period", Text("date {day} is outside the budget period", day=day)
        return day

    def amount(self, row: list[object]) -> Decimal | None:
        """Spent minus credited, or None when neither reads as an amount."""
        amount = self.amount_of([row[index] for index, _ in self.money_cols])
        return amount if self.direction_col is None else self._directed(amount, row)

    def amount_of(self, cells: list[object]) -> Decimal | None:
        """`_amount` of a row's money cells, each distinct set of cells read once."""
        key = cells[0] if len(cells) == 1 else tuple(cells)
        found = self.amounts_known.get(key, UNSEEN)
        if found is UNSEEN:
            found = self.amounts_known[key] = self._amount(cells)
        return found

    def _amount(self, cells) -> Decimal | None:
        values = []
        for cell, (index, credit) in zip(cells, self.money_cols, strict=True):
            if not stripped(cell):
                continue
            try:
                value = parse_plain_amount(cell) if cell.__class__ is str else None
                if value is None:
                    if self.decimal_comma is None and ambiguous_separator(str(cell)):
                        raise Ambiguous(index, cell)
                    value = parse_amount(cell, self.decimal_comma)
            except ValueError:
                return None
            if value.adjusted() >= MAX_WHOLE_DIGITS or -value.as_tuple().exponent > MAX_DECIMALS:
                return None  # beyond what the amounts' column keeps exactly
            values.append(-value if credit else value)
        return sum(values, Decimal(0)) if values else None

    def _directed(self, amount: Decimal | None, row: list[object]) -> Decimal | None:
        """An amount whose direction is in a column of its own (a FEC's Sens: D or C), with the
        sign that direction gives it; None when the direction is not one of those."""
        direction = DIRECTIONS.get(stripped(row[self.direction_col]).casefold())
        return None if amount is None or direction is None else amount * direction

    def _bad_money_cell(self, row: list[object]) -> str:
        """The money cell that does not read as an amount (a Credit cell, say, beside a blank
        Debit), or "(blank)" when all are blank."""
        cells = [stripped(row[index]) for index, _ in self.money_cols]
        for text in filter(None, cells):
            try:
                parse_amount(text, self.decimal_comma)
            except ValueError:
                return text
        return next(filter(None, cells), None) or Text("(blank)")


UNSEEN = object()
# A direction column's words (a FEC's Sens) and the sign each gives the amount.
DIRECTIONS = {
    "d": 1,
    "debit": 1,
    "débit": 1,
    "+1": 1,
    "1": 1,
    "c": -1,
    "credit": -1,
    "crédit": -1,
    "-1": -1,
}
# What the amounts' column (polars' Decimal of 38 digits) keeps exactly, with
# `MAX_WHOLE_DIGITS`: an amount beyond it is not understood, never rounded. Twenty decimals
# keep any number a workbook holds (a double's 17 digits, from 0.001 on).
MAX_DECIMALS = 20


def decimal_comma_of(
    frame: Frame, reading: Reading, indices: list[int], by_style: bool = True
) -> bool | None:
    """Whether the columns ``indices`` write amounts with a decimal comma, as the reading
    says, else as their cells tell, else (``by_style``), for a file none of whose amounts has
    decimals, as its style tells (`number_style.written_the_french_way`: ``;`` between its
    fields or a French header, where ``1.500`` is 1500); None when none does."""
    if reading.decimal_comma is not None:
        return reading.decimal_comma
    cells = [cell for index in indices for cell in frame.cells[str(index)].to_list()]
    french = by_style and written_the_french_way(
        frame.delimiter, french_export_header(frame.header)
    )
    return detect_decimal_comma(cells, dot_thousands=french)


def shifted_reason(width: int) -> tuple[str, Text]:
    """Why a row that holds values beyond the header's last column is not counted."""
    return "shifted row", Text(
        "more cells than the header's {width} columns (an unquoted separator inside a value?)",
        width=width,
    )


def no_line_reason(given: str, suggestions: Suggestions) -> Skip:
    """Why a row whose line was not found is not counted: the line it names, and the one it
    most likely means (its dash, quotes, accents or spaces typed otherwise), or none."""
    if given and (meant := suggestions.closest(given)) is not None:
        return Skip(
            "unknown line",
            Text("no budget line is named {name}; did you mean '{line}'?", name=given, line=meant),
        )
    if given:
        return Skip("unknown line", Text("no budget line is named {name}", name=given))
    return Skip("no line", Text("no line given and no mapping rule matches"))


def sign_unknown(
    file: str, header: str, negative: int | None = None, total: int | None = None
) -> UnreadableFile:
    """A file whose sign convention cannot be told: listed as not read, with the setting."""
    if negative is None:
        message = Text(
            "column '{header}' holds both positive and negative sums, most of them negative:"
            " budgetbook cannot tell which way it counts spending.",
            header=header,
        )
    else:
        message = Text(
            "{negative:,} of its {total:,} amounts in column '{header}' are negative: in a bank"
            " statement money out is negative, in a ledger spending is positive, and budgetbook"
            " cannot tell which this file is.",
            negative=negative,
            total=total,
            header=header,
        )
    hint = Text(
        'Say it in budgetbook.toml: [[actuals.sources]] files = "{file}" and sign = "negative"'
        ' (money out is negative: a bank statement) or sign = "positive" (spending is positive:'
        " a ledger).",
        file=Path(file).name,
    )
    return UnreadableFile([Problem(file, message, row=1, column=header, hint=hint)])


def order_unknown(frame: Frame, row: int, ambiguous: Ambiguous) -> UnreadableFile:
    """A file none of whose dates tells whether the day or the month comes first, nor its
    language, and one of which reads both ways: listed as not read, with the setting."""
    day_first, month_first = ambiguous.dates
    message = Text(
        "date '{value}' reads as {day_first} day first and as {month_first} month first,"
        " and no other date of the file tells which it uses.",
        value=ambiguous.text,
        day_first=day_first,
        month_first=month_first,
    )
    hint = Text(
        'Say it in budgetbook.toml: [[actuals.sources]] files = "{file}" and date_format ='
        ' "dd/mm/yyyy" or "mm/dd/yyyy".',
        file=Path(frame.file).name,
    )
    header = frame.header[ambiguous.index]
    return UnreadableFile([Problem(frame.file, message, row=row, column=header, hint=hint)])


def separator_unknown(frame: Frame, row: int, ambiguous: Ambiguous) -> UnreadableFile:
    """A file none of whose amounts tells its decimal separator, and one of which reads
    as two numbers: listed as not read, with the setting."""
    header = frame.header[ambiguous.index]
    message = Text(
        "amount '{value}' reads as {comma:,} with a decimal comma and as {point:,} with a"
        " decimal point, and no other amount in the file tells which it uses.",
        value=ambiguous.text,
        **two_readings(ambiguous.text),
    )
    hint = Text(
        'Say it in budgetbook.toml: [[actuals.sources]] files = "{file}" and'
        ' decimal_separator = "," or ".".',
        file=Path(frame.file).name,
    )
    return UnreadableFile([Problem(frame.file, message, row=row, column=header, hint=hint)])


def stripped(cell: object) -> str:
    return cell.strip() if cell.__class__ is str else "" if cell is None else str(cell).strip()


# A line break inside a description and the spaces around it.
LINE_BREAKS = re.compile(r"\s*[\r\n]+\s*")


def one_line(text: str) -> str:
    """A description as one line: a label a bank wraps over lines (Crédit Agricole's) has its
    breaks made single spaces, so a rule's words match across them."""
    return LINE_BREAKS.sub(" ", text).strip()


def row_text(row: list[object]) -> str:
    return " | ".join("" if cell is None else str(cell) for cell in row)
