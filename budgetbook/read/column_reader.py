"""A finance file's columns turned into transactions, in polars' lazy queries, with the
conventions of its source and what its own cells tell; a row that fails is read cell by
cell to say why."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from budgetbook.errors import UnreadableFile
from budgetbook.model import Conversion, NotCounted, TransactionColumns
from budgetbook.read.conversion import Converter
from budgetbook.read.line_columns import LineColumns
from budgetbook.read.mapping_rules import RuleMatcher
from budgetbook.read.number_style import french_export_header
from budgetbook.read.reading_plans import AS_A_LEDGER, Reading
from budgetbook.read.row_reasons import (
    DIRECTIONS,
    LINE_BREAKS,
    Ambiguous,
    RowReader,
    Skip,
    decimal_comma_of,
    order_unknown,
    row_text,
    separator_unknown,
    sign_unknown,
    stripped,
)
from budgetbook.read.sources import Sign
from budgetbook.read.tables import Frame
from budgetbook.read.values import PLAIN_AMOUNT_PATTERN, both_ways, day_first_proof, parse_amount


class ColumnReader:
    """Turns a file's columns (`Frame`) into transactions, with the conventions detected for
    that file: in polars' lazy queries, which polars spreads over the cores. Python reads each
    distinct date, vendor and account once (a ledger repeats them), each amount not written
    plainly, the few descriptions polars cannot fold, and each row that fails, to say why
    (`row_reasons.RowReader`, which would count it in its place if it did not fail).
    The currency and VAT conversion is `conversion.Converter`'s; each row's line,
    `line_columns.LineColumns`'."""

    def __init__(self, frame: Frame, columns, config, lines, rules, reading: Reading | None = None):
        self.frame, self.config = frame, config
        self.reading = reading = reading or AS_A_LEDGER
        self.date_col, self.line_col = columns["date"], columns.get("line")
        # The line each row names, else the one the mapping rules give.
        names = {line.name.strip().casefold(): line.name for line in lines}
        self.lines = LineColumns(RuleMatcher(rules), names, self.line_col)
        self.text_cols = tuple(columns.get(name) for name in ("description", "vendor", "account"))
        # Each money column and whether its value is negated to give spending.
        self.money_cols = self._money_columns(columns)
        self.currency_col, self.state_col = columns.get("currency"), columns.get("state")
        self.direction_col = columns.get("direction")
        headers = [frame.header[index] for index, _ in self.money_cols]
        # The file's currency and tax basis, and each amount brought to the budget's.
        self.converter = converter = Converter(config, lines, headers, reading)
        self.currency = converter.currency
        day_first = reading.day_first
        if day_first is None:
            day_first = self._detect_day_first()
        # Each row the columns fail, read cell by cell to say why; each date read once.
        self.rows = RowReader(
            frame,
            columns,
            self.money_cols,
            config,
            reading,
            day_first,
            converter,
            self.lines.matcher,
            names,
        )

    def _money_columns(self, columns: dict[str, int]) -> list[tuple[int, bool]]:
        """The money columns, each with whether it is negated to give spending. One signed
        column follows the source's sign. In a Debit and Credit pair, a Debit is spending and
        a Credit takes it back, whether the file writes them as positive numbers or (some
        banks) money out as negative ones: a column holding only negative numbers is negated."""
        amount, credit = columns["amount"], columns.get("credit")
        if credit is None:
            return [(amount, self.reading.sign is Sign.NEGATIVE)]
        return [
            (amount, self._written_negative(amount)),
            (credit, not self._written_negative(credit)),
        ]

    def _written_negative(self, index: int) -> bool:
        """Whether a Debit or Credit column writes its sums as negative numbers: some are, and
        none is positive. Refused when most are negative but some are not."""
        negative = positive = 0
        cells = {cell for cell in self._distinct(index) if stripped(cell)}
        decimal_comma = decimal_comma_of(self.frame, self.reading, [index])
        for cell in cells:
            try:
                value = parse_amount(cell, decimal_comma)
            except ValueError:
                continue
            negative += value < 0
            positive += value > 0
        if negative > positive and positive:
            raise sign_unknown(self.frame.file, self.frame.header[index])
        return negative > 0 and not positive

    def check_sign(self, negative: int, positive: int) -> None:
        """Refuse a file whose one amount column follows no declared sign, when most of its
        amounts are negative: a bank statement's money out, or a ledger of refunds? Either
        reading would be a wrong figure that looks right."""
        if self.reading.sign is None and len(self.money_cols) == 1 and negative > positive:
            header = self.frame.header[self.money_cols[0][0]]
            raise sign_unknown(self.frame.file, header, negative, negative + positive)

    def _distinct(self, index: int) -> list[str | None]:
        return self.frame.cells[str(index)].unique().to_list()

    def _detect_day_first(self) -> bool | None:
        """Whether numeric dates put the day first: what a date of the column proves (a part
        above 12; each value once, from the first 10,000 rows, else from all: the first
        date that tells is the same), else what the file's language tells (`_day_first_by
        _language`); None when nothing does, and a date that reads both ways is refused."""
        column = self.frame.cells[str(self.date_col)]
        for head in (column.head(10_000), column):
            for value in head.unique(maintain_order=True).to_list():
                if (proof := day_first_proof(value)) is not None:
                    return proof
        return self._day_first_by_language()

    def _day_first_by_language(self) -> bool | None:
        """True for a file written the European way, which always puts the day first: its
        amounts with a decimal comma, or its headers in French. An English export with a
        decimal point may be British (day first) or American (month first): None."""
        money = [index for index, _ in self.money_cols]
        if decimal_comma_of(self.frame, self.reading, money, by_style=False):
            return True
        return True if french_export_header(self.frame.header) else None

    def read(self) -> tuple[TransactionColumns, list[NotCounted]]:
        """Every row as a transaction or as not counted, in the file's order."""
        import polars as pl

        cells = self.frame.cells
        date_col = str(self.date_col)
        description_col, vendor_col, account_col = (
            None if index is None else str(index) for index in self.text_cols
        )
        line_col = None if self.line_col is None else str(self.line_col)
        repeating = [c for c in (date_col, vendor_col, account_col, line_col) if c is not None]
        distinct = cells.lazy().select(pl.col(repeating).unique().implode()).collect()
        distinct = {name: distinct[name][0].drop_nulls().to_list() for name in repeating}
        try:
            self.rows.read_days(distinct[date_col])
        except Ambiguous:
            # The first date of the file that reads both ways, whichever was met first.
            column = cells.select("row", date_col).iter_rows()
            first, text = next((n, t) for n, t in column if t and both_ways(t.strip()))
            ambiguous = Ambiguous(self.date_col, text.strip(), both_ways(text.strip()))
            raise order_unknown(self.frame, first, ambiguous) from None
        days = {cell: day for cell, day in self.rows.days.items() if day.__class__ is date}
        vendor, in_vendor = self.lines.repeated_text(vendor_col, distinct)
        account, in_account = self.lines.repeated_text(account_col, distinct)
        description = self._description(description_col)
        in_description = self.lines.description_search(description, description_col)
        values, money = self._money()
        found = (
            cells.lazy()
            .with_columns(**values)  # each used twice below: worked out once
            .select(
                "row",  # sets the length of a column that is the same for every row
                description=description,
                vendor=vendor,
                account=account,
                date=pl.col(date_col).replace_strict(days, default=None, return_dtype=pl.Date),
                **money,
                by_pair=pl.min_horizontal(in_vendor, in_account),
                **self.lines.named_lines(line_col, distinct),
                **self._refused(),
                **self.converter.currencies(self.currency_col),
                **in_description,
            )
            .collect()
        )
        amounts = self._amounts(found)
        if "refused" in found.columns:  # not counted, whatever they hold
            amounts = found.select(
                pl.when("refused").then(None).otherwise(pl.lit(amounts))
            ).to_series()
        self.check_sign((amounts < 0).sum(), (amounts > 0).sum())
        counted = found.select(
            "date",
            amount=amounts,
            line=self.lines.lines(found),
            description="description",
            vendor="vendor",
            account="account",
            row="row",
        )
        # Of the columns themselves: a frame's select first lines up their chunks (60 ms).
        counts = counted["date"].is_not_null() & amounts.is_not_null()
        counts = counts & counted["line"].is_not_null()
        if self.frame.shifted:
            counts = counts & ~counted["row"].is_in(list(self.frame.shifted))
        conversions: dict[int, Conversion] = {}
        unconverted: dict[int, Skip] = {}
        currencies = found["currency"] if "currency" in found.columns else None
        if currencies is None:
            foreign = self.currency != self.config.currency
        else:
            foreign = (currencies != self.config.currency).any()
        if self.converter.other_basis or foreign:
            if currencies is None:
                currencies = pl.repeat(self.currency, found.height, eager=True)
            counted, conversions, unconverted = self.converter.converted(
                counted, currencies, counts
            )
            counts = counts & ~counted["row"].is_in(list(unconverted))
        counted_by_row, not_counted = self.rows.not_counted(
            counted, counts, unconverted, currencies
        )
        if not counted_by_row:
            return TransactionColumns(counted, self.frame.file, counts, conversions), not_counted
        # A row the columns failed but the row's own reading counts: in its place.
        extra = [[getattr(t, name) for t in counted_by_row] for name in TRANSACTION_COLUMNS]
        counted = pl.concat(
            [counted.filter(counts), pl.DataFrame(extra, schema=counted.schema, orient="col")]
        ).sort("row")
        conversions |= {t.source_row: t.conversion for t in counted_by_row if t.conversion}
        return TransactionColumns(counted, self.frame.file, None, conversions), not_counted

    def amounts(self) -> list[Decimal | None]:
        """Each row's amount, spent minus credited, or None where none reads (all of them,
        when the file's decimal separator cannot be told)."""
        values, money = self._money()
        found = (
            self.frame.cells.lazy()
            .with_columns(**values)
            .select(**money, **self.converter.currencies(self.currency_col))
            .collect()
        )
        try:
            amounts = self._amounts(found).to_list()
        except UnreadableFile:
            return [None] * found.height
        if "currency" in found.columns:
            foreign = (found["currency"] != self.config.currency).to_list()
        else:
            foreign = [self.currency != self.config.currency] * found.height
        return [None if elsewhere else a for a, elsewhere in zip(amounts, foreign, strict=True)]

    def _money(self) -> tuple[dict, dict]:
        """The expressions of each money column's value when written plainly (``values``), and
        of the row's ``amount`` from them and whether a cell is ``odd``: written otherwise,
        for `_amounts` to read."""
        import polars as pl

        plain, values, odd = f"^(?:{PLAIN_AMOUNT_PATTERN})$", {}, []
        for index, credit in self.money_cols:
            text = pl.col(str(index))
            digits = text.str.replace_many([" ", "\u00a0", "\u202f", ","], ["", "", "", "."])
            value = pl.when(text.str.contains(plain)).then(
                digits.cast(pl.Decimal(38, 2), strict=False)
            )
            values[f"value {index}"] = -value if credit else value
            # A blank cell is odd too: `RowReader` reads it as no amount, as the columns would.
            odd.append(pl.col(f"value {index}").is_null() & text.is_not_null())
        money = {
            "amount": pl.when(pl.any_horizontal(pl.col(list(values)).is_not_null())).then(
                pl.sum_horizontal(list(values))
            ),
            "odd": pl.any_horizontal(odd).fill_null(False),
        }
        if self.direction_col is not None:
            words = pl.col(str(self.direction_col)).str.strip_chars().str.to_lowercase()
            money["direction"] = words.replace_strict(
                DIRECTIONS, default=None, return_dtype=pl.Int8
            )
        return values, money

    def _amounts(self, found):
        """The amounts, with those not written plainly read by `RowReader`, and each turned by
        its row's direction, if the file has a column for it. The column keeps as many
        decimals as the amounts have (a workbook's computed cell, ``0.30000000000000004``)."""
        import polars as pl

        amounts = found["amount"]
        positions = found["odd"].arg_true()
        if not positions.is_empty():
            names = [str(index) for index, _ in self.money_cols]
            odd_rows = self.frame.cells.select("row", *names).filter(found["odd"]).iter_rows()
            odd_amounts = []
            for number, *money in odd_rows:
                try:
                    odd_amounts.append(self.rows.amount_of(money))
                except Ambiguous as ambiguous:
                    raise separator_unknown(self.frame, number, ambiguous) from None
            scale = max((-a.as_tuple().exponent for a in odd_amounts if a is not None), default=2)
            kind = pl.Decimal(38, max(scale, 2))
            amounts = amounts.cast(kind).scatter(positions, pl.Series(odd_amounts, dtype=kind))
        if "direction" in found.columns:
            amounts = amounts * found["direction"]
        return amounts

    def _refused(self) -> dict:
        """``refused``: whether a row that may read well is still not counted: a payment
        that did not go through (as `RowReader` reads its state)."""
        import polars as pl

        refused = []
        states = self.reading.source.states
        if self.state_col is not None and states is not None:
            state = pl.col(str(self.state_col)).str.strip_chars().fill_null("")
            refused.append(~state.str.to_lowercase().is_in(list(states)))
        return {"refused": pl.any_horizontal(refused).fill_null(False)} if refused else {}

    def _description(self, column: str | None):
        """The description column as `one_line` makes each; "" for every row when there is
        none. Rewritten only in a file where a description holds a line break (one search
        of the column, at memory speed, for most files that have none)."""
        import polars as pl

        if column is None:
            return pl.lit("")
        text = pl.col(column)
        if self.frame.cells[column].str.contains("[\r\n]").any():
            text = text.str.replace_all(LINE_BREAKS.pattern, " ")
        return text.str.strip_chars().fill_null("")


TRANSACTION_COLUMNS = ("date", "amount", "line", "description", "vendor", "account", "source_row")


def row_texts(frame: Frame) -> list[str]:
    """Each row's cells as `row_text` joins them; a shifted row's all, as in its file."""
    import polars as pl

    cells = frame.cells.select(pl.exclude("row").fill_null(""))
    texts = cells.select(pl.concat_str(pl.all(), separator=" | ")).to_series().to_list()
    if frame.shifted:
        numbers = frame.cells["row"].to_list()
        texts = [
            row_text(frame.shifted[number]) if number in frame.shifted else text
            for number, text in zip(numbers, texts, strict=True)
        ]
    return texts
