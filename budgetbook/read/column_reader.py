"""A finance file's columns turned into transactions, in polars' lazy queries, with the
conventions of its source and what its own cells tell; a row that fails is read cell by
cell to say why."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from functools import cached_property
from pathlib import Path

from budgetbook.errors import Problem, UnreadableFile
from budgetbook.i18n.messages import Text
from budgetbook.model import (
    Conversion,
    NotCounted,
    Transaction,
    TransactionColumns,
)
from budgetbook.read.mapping_rules import RuleMatcher, folds_apart
from budgetbook.read.reading_plans import AS_A_LEDGER, Reading
from budgetbook.read.sources import (
    Sign,
    normalise_header,
)
from budgetbook.read.tables import (
    Frame,
)
from budgetbook.read.values import (
    MAX_WHOLE_DIGITS,
    PLAIN_AMOUNT_PATTERN,
    TOTAL_ROW,
    ambiguous_separator,
    both_ways,
    day_first_proof,
    detect_decimal_comma,
    parse_amount,
    parse_date,
    parse_plain_amount,
)

# Words of a French export's headers (after `normalise_header`): its dates put the day first.
FRENCH_HEADER_WORDS = re.compile(
    r"(?<![a-z])(libelle|montant|fournisseur|compte|poste|tiers|intitule|jour|solde|date d|"
    r"date de|ecriture|operation|devise|depense)(?![a-z])"
)


class Ambiguous(Exception):
    """A value that reads two ways, and that no convention of its file tells: an amount's
    decimal separator (`_amount`), a date's order of day and month (`_day`, with the two
    dates it may be)."""

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


class ColumnReader:
    """Turns a file's columns (`Frame`) into transactions, with the conventions detected for
    that file: in polars' lazy queries, which polars spreads over the cores. Python reads each
    distinct date, vendor and account once (a ledger repeats them), each amount not written
    plainly, the few descriptions polars cannot fold, and each row that fails, to say why
    (`transaction`, which would count it in its place if it did not fail)."""

    def __init__(self, frame: Frame, columns, config, lines, rules, reading: Reading | None = None):
        self.frame, self.config = frame, config
        self.reading = reading = reading or AS_A_LEDGER
        self.names = {line.name.casefold(): line.name for line in lines}
        self.line_names = list(self.names.values())
        self.matcher = RuleMatcher(rules)
        self.date_col, self.line_col = columns["date"], columns.get("line")
        self.text_cols = tuple(columns.get(name) for name in ("description", "vendor", "account"))
        # Each money column and whether its value is negated to give spending.
        self.money_cols = self._money_columns(columns)
        self.currency_col, self.state_col = columns.get("currency"), columns.get("state")
        self.direction_col = columns.get("direction")
        self.vat_of = {line.name: line.vat for line in lines}
        headers = [frame.header[index] for index, _ in self.money_cols]
        self.currency = reading.currency or currency_in_headers(headers) or config.currency
        self.tax_included = reading.tax_included
        if self.tax_included is None:
            self.tax_included = tax_basis_in_headers(headers)
        # The file's amounts on another basis than the budget's: each row's VAT is removed
        # or added.
        self.other_basis = self.tax_included not in (None, config.tax_included)
        self.day_first = (
            reading.day_first if reading.day_first is not None else self._detect_day_first()
        )
        self.days: dict[str, date | tuple[str, str]] = {}
        self.amounts_known: dict[object, Decimal | None] = {}

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
        decimal_comma = self.decimal_comma_of([index])
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

    @cached_property
    def decimal_comma(self) -> bool | None:
        """Looked for only when an amount is ambiguous (``1,200``): plain ones read alike."""
        return self.decimal_comma_of([index for index, _ in self.money_cols])

    def decimal_comma_of(self, indices: list[int]) -> bool | None:
        if self.reading.decimal_comma is not None:
            return self.reading.decimal_comma
        return detect_decimal_comma([cell for index in indices for cell in self._cells(index)])

    def check_sign(self, negative: int, positive: int) -> None:
        """Refuse a file whose one amount column follows no declared sign, when most of its
        amounts are negative: a bank statement's money out, or a ledger of refunds? Either
        reading would be a wrong figure that looks right."""
        if self.reading.sign is None and len(self.money_cols) == 1 and negative > positive:
            header = self.frame.header[self.money_cols[0][0]]
            raise sign_unknown(self.frame.file, header, negative, negative + positive)

    def _cells(self, index: int) -> list[str | None]:
        """A column's cells, in row order."""
        return self.frame.cells[str(index)].to_list()

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
        if self.decimal_comma_of([index for index, _ in self.money_cols]):
            return True
        titles = " ".join(normalise_header(title) for title in self.frame.header)
        return True if FRENCH_HEADER_WORDS.search(titles) else None

    def read(self) -> tuple[TransactionColumns, list[NotCounted]]:
        """Every row as a transaction or as not counted, in the file's order."""
        import polars as pl

        cells, matcher = self.frame.cells, self.matcher
        date_col = str(self.date_col)
        description_col, vendor_col, account_col = (
            None if index is None else str(index) for index in self.text_cols
        )
        line_col = None if self.line_col is None else str(self.line_col)
        repeating = [c for c in (date_col, vendor_col, account_col, line_col) if c is not None]
        distinct = cells.lazy().select(pl.col(repeating).unique().implode()).collect()
        distinct = {name: distinct[name][0].drop_nulls().to_list() for name in repeating}
        try:
            self._read_days(distinct[date_col])
        except Ambiguous:
            # The first date of the file that reads both ways, whichever was met first.
            column = cells.select("row", date_col).iter_rows()
            first, text = next((n, t) for n, t in column if t and both_ways(t.strip()))
            ambiguous = Ambiguous(self.date_col, text.strip(), both_ways(text.strip()))
            raise self._order_unknown(first, ambiguous) from None
        days = {cell: day for cell, day in self.days.items() if day.__class__ is date}
        vendor, in_vendor = self._repeated_text(vendor_col, distinct)
        account, in_account = self._repeated_text(account_col, distinct)
        description = self._description(description_col)
        in_description = {}
        if matcher.first and description_col is not None:
            in_description = {  # which descriptions to search for the rules' texts
                # An ASCII text's case fold is its ASCII lower case: searched as it is.
                "ascii": description.str.len_bytes() == description.str.len_chars(),
                "any_rule": description.str.contains_any(
                    list(matcher.first), ascii_case_insensitive=True
                ),
            }
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
                **self._named_lines(line_col, distinct),
                **self._refused(),
                **self._currencies(),
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
            line=self._frame_lines(found),
            description="description",
            vendor="vendor",
            account="account",
            row="row",
        )
        # Of the columns themselves: a frame's select first lines up their chunks (60 ms).
        fine = counted["date"].is_not_null() & amounts.is_not_null() & counted["line"].is_not_null()
        if self.frame.shifted:
            fine = fine & ~counted["row"].is_in(list(self.frame.shifted))
        conversions: dict[int, Conversion] = {}
        unconverted: dict[int, Skip] = {}
        currencies = found["currency"] if "currency" in found.columns else None
        if currencies is None:
            foreign = self.currency != self.config.currency
        else:
            foreign = (currencies != self.config.currency).any()
        if self.other_basis or foreign:
            if currencies is None:
                currencies = pl.repeat(self.currency, found.height, eager=True)
            counted, conversions, unconverted = self._converted(counted, currencies, fine)
            fine = fine & ~counted["row"].is_in(list(unconverted))
        rescued, not_counted = self._failed_rows(counted, fine, unconverted, currencies)
        if not rescued:
            return TransactionColumns(counted, self.frame.file, fine, conversions), not_counted
        # A row the columns failed but the row's own reading counts: in its place.
        extra = [[getattr(t, name) for t in rescued] for name in TRANSACTION_COLUMNS]
        counted = pl.concat(
            [counted.filter(fine), pl.DataFrame(extra, schema=counted.schema, orient="col")]
        ).sort("row")
        conversions |= {t.source_row: t.conversion for t in rescued if t.conversion}
        return TransactionColumns(counted, self.frame.file, None, conversions), not_counted

    def _currencies(self) -> dict:
        """``currency``, each row's: its currency cell's, else the file's; nothing when the
        file has no currency column, and every row's is the file's (`currency`)."""
        import polars as pl

        if self.currency_col is None:
            return {}
        cell = pl.col(str(self.currency_col)).str.strip_chars().str.to_uppercase()
        then = pl.when(cell.is_null() | (cell == "")).then(pl.lit(self.currency)).otherwise(cell)
        return {"currency": then}

    def _converted(self, counted, currencies, fine):
        """The rows that count with their amounts brought to the budget's currency and tax
        basis (`_conversion`), how each was, and why the rows that cannot be were not."""
        import polars as pl

        needed = fine if self.other_basis else fine & (currencies != self.config.currency)
        positions = needed.arg_true()
        rows = counted.select("date", "amount", "line", "row").with_columns(currency=currencies)
        amounts: list[Decimal] = []
        conversions: dict[int, Conversion] = {}
        unconverted: dict[int, Skip] = {}
        for day, amount, line, number, currency in rows[positions].iter_rows():
            try:
                conversion = self._conversion(day, amount, line, currency)
            except Skip as skip:
                unconverted[number] = skip
                amounts.append(amount)
                continue
            conversions[number] = conversion
            amounts.append(conversion.apply())
        places = max((-amount.as_tuple().exponent for amount in amounts), default=2)
        kind = pl.Decimal(38, max(counted["amount"].dtype.scale, places))
        converted = counted["amount"].cast(kind).scatter(positions, pl.Series(amounts, dtype=kind))
        return counted.with_columns(amount=converted), conversions, unconverted

    def _conversion(self, day: date, amount: Decimal, line: str, currency: str) -> Conversion:
        """How an amount in ``currency`` is brought to the budget's currency, at the project's
        rate of its month, and to the budget's tax basis, with its line's VAT rate; Skip when
        the project gives no rate."""
        rate = None
        if currency != self.config.currency:
            rate = self.config.rate(currency, self.config.period.month_index(day))
            if rate is None:
                raise Skip(
                    "no exchange rate",
                    Text(
                        "an amount in {currency}, and budgetbook.toml gives no rate for"
                        " {currency} in {month}: add one under [currency.rates]",
                        currency=currency,
                        month=f"{day:%Y-%m}",
                    ),
                    in_budget_currency=False,
                )
        vat = None
        if self.other_basis:
            vat = self.vat_of.get(line)
            if vat is None:
                vat = self.config.vat
            if vat is None:
                reason = (
                    Text(
                        "an amount that includes VAT, and the budget is before tax: give line"
                        " {line} a vat in budget.csv, or set [budget] vat in budgetbook.toml",
                        line=line,
                    )
                    if self.tax_included
                    else Text(
                        "an amount before tax, and the budget includes VAT: give line {line} a"
                        " vat in budget.csv, or set [budget] vat in budgetbook.toml",
                        line=line,
                    )
                )
                raise Skip("no VAT rate", reason)
        return Conversion(amount, currency, rate, vat, bool(self.tax_included))

    def amounts(self) -> list[Decimal | None]:
        """Each row's amount, spent minus credited, or None where none reads (all of them,
        when the file's decimal separator cannot be told)."""
        values, money = self._money()
        found = (
            self.frame.cells.lazy()
            .with_columns(**values)
            .select(**money, **self._currencies())
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
            # A blank cell is odd too: `_amount` reads it as no amount, as the columns would.
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
        """The amounts, with those not written plainly read by `_amount`, and each turned by
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
                    odd_amounts.append(self._amount_of(money))
                except Ambiguous as ambiguous:
                    raise self._separator_unknown(number, ambiguous) from None
            scale = max((-a.as_tuple().exponent for a in odd_amounts if a is not None), default=2)
            kind = pl.Decimal(38, max(scale, 2))
            amounts = amounts.cast(kind).scatter(positions, pl.Series(odd_amounts, dtype=kind))
        if "direction" in found.columns:
            amounts = amounts * found["direction"]
        return amounts

    def _order_unknown(self, row: int, ambiguous: Ambiguous) -> UnreadableFile:
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
            file=Path(self.frame.file).name,
        )
        header = self.frame.header[ambiguous.index]
        return UnreadableFile(
            [Problem(self.frame.file, message, row=row, column=header, hint=hint)]
        )

    def _separator_unknown(self, row: int, ambiguous: Ambiguous) -> UnreadableFile:
        """A file none of whose amounts tells its decimal separator, and one of which reads
        as two numbers: listed as not read, with the setting."""
        header = self.frame.header[ambiguous.index]
        message = Text(
            "amount '{value}' reads as {comma} with a decimal comma and as {point} with a"
            " decimal point, and no other amount in the file tells which it uses.",
            value=ambiguous.text,
            comma=parse_amount(ambiguous.text, True),
            point=parse_amount(ambiguous.text, False),
        )
        hint = Text(
            'Say it in budgetbook.toml: [[actuals.sources]] files = "{file}" and'
            ' decimal_separator = "," or ".".',
            file=Path(self.frame.file).name,
        )
        return UnreadableFile(
            [Problem(self.frame.file, message, row=row, column=header, hint=hint)]
        )

    def _refused(self) -> dict:
        """``refused``: whether a row that may read well is still not counted (`_refusal`)."""
        import polars as pl

        refused = []
        states = self.reading.source.states
        if self.state_col is not None and states is not None:
            state = pl.col(str(self.state_col)).str.strip_chars().fill_null("")
            refused.append(~state.str.to_lowercase().is_in(list(states)))
        return {"refused": pl.any_horizontal(refused).fill_null(False)} if refused else {}

    def _repeated_text(self, column: str | None, distinct: dict[str, list[str]]):
        """A vendor or account column as `stripped` trims it, and the number of the first rule
        found in each row's text: worked out for each distinct cell, as these repeat. A rule's
        text cannot span the separator of vendor and account (`RuleMatcher`), so the first
        rule in the pair is the first in either."""
        import polars as pl

        blank_first = pl.lit(self.matcher.nowhere, dtype=pl.Int32)  # no rule text is empty
        if column is None:
            return pl.lit(""), blank_first
        cells = distinct[column]
        texts = [cell.strip() for cell in cells]
        text = pl.col(column)
        if texts != cells:
            text = text.replace_strict(dict(zip(cells, texts, strict=True)), default=None)
        if self.matcher.automaton is None:  # no rule to look for
            return text.fill_null(""), blank_first
        firsts = self.matcher._firsts(texts)
        number = pl.col(column).replace_strict(
            dict(zip(cells, firsts, strict=True)), default=None, return_dtype=pl.Int32
        )
        return text.fill_null(""), number.fill_null(blank_first)

    def _named_lines(self, column: str | None, distinct: dict[str, list[str]]) -> dict:
        """``named``, whether a row's line cell is not blank, and ``named_line``, the number
        in `line_names` of the line it names (null for a name no line has); worked out for
        each distinct cell."""
        import polars as pl

        if column is None:
            return {"named": pl.lit(False)}
        number = {name: n for n, name in enumerate(self.line_names)}
        lines = {
            cell: number.get(self.names.get(cell.strip().casefold())) for cell in distinct[column]
        }
        blank = [cell for cell in lines if not cell.strip()]
        line = pl.col(column).replace_strict(lines, default=None, return_dtype=pl.Int32)
        return {
            "named": pl.col(column).is_not_null() & ~pl.col(column).is_in(blank),
            "named_line": line,
        }

    def _failed_rows(
        self, counted, fine, unconverted: dict[int, Skip], currencies=None
    ) -> tuple[list[Transaction], list[NotCounted]]:
        """Why each row the columns did not count is not counted, in file order. A row whose
        date and amount were read but not its line, whose amount could not be converted
        (``unconverted``), whose date cell says why, or that is shifted, is told from the
        columns, as `transaction` would tell it; any other goes through `transaction`, which
        may yet count it. An amount in another currency than the budget's is not shown: it
        would be totalled with the budget's. ``currencies``: each row's, or None when every
        row's is the file's."""
        import polars as pl

        failed = self.frame.cells.filter(~fine).with_columns(pl.exclude("row").fill_null(""))
        read = counted.filter(~fine)
        texts = failed.select(pl.concat_str(pl.exclude("row"), separator=" | ")).to_series()
        days, amounts = read["date"].to_list(), read["amount"].to_list()
        if currencies is None:  # every row's is the file's
            foreign = [self.currency != self.config.currency] * failed.height
        else:
            foreign = (currencies.filter(~fine) != self.config.currency).to_list()
        dates = failed[str(self.date_col)].to_list()
        numbers = failed["row"].to_list()
        shifted = self.frame.shifted
        told: list[tuple[str, str] | None] = []  # the reasons the columns tell, None elsewhere
        no_line: dict[str, Skip] = {}  # one reason for each line named that is not found
        names = [""] * failed.height  # the line each row names, if any
        if self.line_col is not None:
            names = [cell.strip() for cell in failed[str(self.line_col)].to_list()]
        for number, day, amount, name, cell in zip(
            numbers, days, amounts, names, dates, strict=True
        ):
            if number in shifted:
                told.append(shifted_reason(len(self.frame.header)))
            elif number in unconverted:
                told.append((unconverted[number].kind, unconverted[number].reason))
            elif day is not None and amount is not None:
                if name not in no_line:
                    no_line[name] = no_line_reason(name)
                told.append((no_line[name].kind, no_line[name].reason))
            elif day is None and (why := self.days.get(cell)).__class__ is tuple:
                told.append(why)
            else:
                told.append(None)
        untold = pl.Series([why is None for why in told], dtype=pl.Boolean)
        rows = iter(failed.filter(untold).rows())  # "row" first
        rescued: list[Transaction] = []
        not_counted: list[NotCounted] = []
        for why, number, text, amount, elsewhere in zip(
            told, numbers, texts, amounts, foreign, strict=True
        ):
            if elsewhere:
                amount = None
            if why is None:
                number, *row = next(rows)
                try:
                    rescued.append(self.transaction(number, row))
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
        return rescued, not_counted

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

    def _stripped(self, column: str | None):
        """A text column, trimmed as `stripped` trims; "" for every row when there is none."""
        import polars as pl

        if column is None:
            return pl.lit("")
        return pl.col(column).str.strip_chars().fill_null("")

    def _frame_lines(self, found):
        """The line each row names, else the one the rules give: the first rule found in its
        vendor and account pair or in its description."""
        import polars as pl

        matcher = self.matcher
        in_description = pl.repeat(None, found.height, dtype=pl.Int32, eager=True)
        if "any_rule" in found.columns:
            # Only the ASCII descriptions that hold a rule's text are searched for which rules:
            # a third of a ledger's, when its rules name vendors and accounts more than
            # descriptions. The others are lowered first, and those whose lower case is not
            # their case fold are left to the rules' own automaton.
            ascii = pl.col("ascii")
            for where, ascii_only in ((ascii & pl.col("any_rule"), True), (~ascii, False)):
                positions, numbers = self._first_rules(found, where, ascii_only)
                in_description = in_description.scatter(positions, numbers)
        # Each row's line by its number among the rules' lines, then the lines' names: a
        # choice between numbers, and views of a few texts gathered (a choice between
        # texts took 50 ms).
        first = pl.min_horizontal(found["by_pair"], in_description)
        if self.line_col is not None:
            named = pl.col("named_line") + len(matcher.rule_lines)
            first = pl.when("named").then(named).otherwise(first)
        number = found.select(first).to_series()
        return pl.Series(matcher.rule_lines + self.line_names, dtype=pl.String).gather(number)

    def _first_rules(self, found, where, ascii_only: bool):
        """The positions of the rows ``where`` says, and the number of the first rule whose
        text is in each one's description (null for none): ``ascii_only`` texts searched as
        they are, ignoring ASCII case; others lowered, and those whose lower case is not their
        case fold (`folds_apart`) searched by the rules' own automaton. In a lazy query, which
        polars spreads over the cores."""
        import polars as pl

        first, patterns, text = self.matcher.first, list(self.matcher.first), pl.col("description")
        if ascii_only:
            found_texts = text.str.extract_many(
                patterns, overlapping=True, ascii_case_insensitive=True
            ).list.eval(pl.element().str.to_lowercase())
        else:
            found_texts = text.str.to_lowercase().str.extract_many(patterns, overlapping=True)
        numbers = found_texts.list.eval(pl.element().replace_strict(first)).list.min()
        rows = (
            found.lazy()
            .with_row_index("position")
            .filter(where)
            .select(
                "position",
                "description",
                number=numbers.cast(pl.Int32),
                apart=pl.lit(False) if ascii_only else text.str.contains(folds_apart()),
            )
            .collect()
        )
        numbers = rows["number"]
        odd = rows["apart"].arg_true()
        if not odd.is_empty():
            texts = rows["description"].gather(odd).to_list()
            numbers = numbers.scatter(
                odd, pl.Series(list(self.matcher._firsts(texts)), dtype=pl.Int32)
            )
        return rows["position"], numbers

    def _read_days(self, cells: Iterable[str]) -> None:
        """What each date cell not seen yet gives (`_day`); a blank one is left to `day`,
        which judges it by its row."""
        for cell in set(cells).difference(self.days):
            if cell.strip():
                self.days[cell] = self._day(cell)

    def _directed(self, amount: Decimal | None, row: list[object]) -> Decimal | None:
        """An amount whose direction is in a column of its own (a FEC's Sens: D or C), with the
        sign that direction gives it; None when the direction is not one of those."""
        direction = DIRECTIONS.get(stripped(row[self.direction_col]).casefold())
        return None if amount is None or direction is None else amount * direction

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

    def amount(self, row: list[object]) -> Decimal | None:
        """Spent minus credited, or None when neither reads as an amount."""
        amount = self._amount_of([row[index] for index, _ in self.money_cols])
        return amount if self.direction_col is None else self._directed(amount, row)

    def _amount_of(self, cells: list[object]) -> Decimal | None:
        """`_amount` of a row's money cells, each distinct set of cells read once."""
        key = cells[0] if len(cells) == 1 else tuple(cells)
        found = self.amounts_known.get(key, UNSEEN)
        if found is UNSEEN:
            found = self.amounts_known[key] = self._amount(cells)
        return found

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

    def line(self, given: str, description: str, vendor: str, account: str) -> str | None:
        """The line a row names, else the one the mapping rules give, else None."""
        if given:
            return self.names.get(given.casefold())
        return self.matcher.line([description, vendor, account])

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
            raise no_line_reason(given)
        conversion = None
        currency = self.currency
        if self.currency_col is not None:
            currency = stripped(row[self.currency_col]).upper() or currency
        if self.other_basis or currency != self.config.currency:
            conversion = self._conversion(day, amount, line, currency)
            amount = conversion.apply()
        return Transaction(
            day, amount, line, description, vendor, account, self.frame.file, number, conversion
        )


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


def currency_in_headers(headers: list[str]) -> str | None:
    """The currency an amount column's header names: ``Amount spent (AUD)``, ``Montant
    (EUR)``, ``Débit euros``; None when none does."""
    from babel.numbers import list_currencies

    for header in headers:
        for code in re.findall(r"\(\s*([A-Za-z]{3})\s*\)", header):
            if code.upper() in list_currencies():
                return code.upper()
        if re.search(r"(?<![a-z])euros?(?![a-z])", header.casefold()):
            return "EUR"
    return None


# Words of an amount column's header that say whether its amounts include VAT.
TAX_WORDS = {
    False: ("ht", "hors taxe", "hors taxes", "excl. vat", "excl vat", "excluding vat"),
    True: ("ttc", "toutes taxes comprises", "incl. vat", "incl vat", "including vat"),
}


def tax_basis_in_headers(headers: list[str]) -> bool | None:
    """Whether an amount column's header says its amounts include VAT (``Montant TTC``) or
    not (``Somme HT``); None when it says neither."""
    found = {
        included
        for header in headers
        for included, words in TAX_WORDS.items()
        for word in words
        if re.search(rf"(?<![a-z]){re.escape(word)}(?![a-z])", header.casefold())
    }
    return found.pop() if len(found) == 1 else None


def shifted_reason(width: int) -> tuple[str, Text]:
    """Why a row that holds values beyond the header's last column is not counted."""
    return "shifted row", Text(
        "more cells than the header's {width} columns (an unquoted separator inside a value?)",
        width=width,
    )


def no_line_reason(given: str) -> Skip:
    """Why a row whose line was not found is not counted: the line it names, or none."""
    if given:
        return Skip("unknown line", Text("no budget line is named {name}", name=given))
    return Skip("no line", Text("no line given and no mapping rule matches"))


# What the amounts' column (polars' Decimal of 38 digits) keeps exactly, with
# `MAX_WHOLE_DIGITS`: an amount beyond it is not understood, never rounded. Twenty decimals
# keep any number a workbook holds (a double's 17 digits, from 0.001 on).
MAX_DECIMALS = 20
TRANSACTION_COLUMNS = ("date", "amount", "line", "description", "vendor", "account", "source_row")


def stripped(cell: object) -> str:
    return cell.strip() if cell.__class__ is str else "" if cell is None else str(cell).strip()


# A line break inside a description and the spaces around it.
LINE_BREAKS = re.compile(r"\s*[\r\n]+\s*")


def one_line(text: str) -> str:
    """A description as one line: a label a bank wraps over lines (Crédit Agricole's) has its
    breaks made single spaces, so a rule's words match across them."""
    return LINE_BREAKS.sub(" ", text).strip()


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


def row_text(row: list[object]) -> str:
    return " | ".join("" if cell is None else str(cell) for cell in row)
