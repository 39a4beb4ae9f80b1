"""A finance file's amounts brought to the budget's currency and tax basis: the currency and
the tax basis its headers name, each row's currency, and each amount converted at the
project's rate of its month, with its line's VAT rate."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from budgetbook.i18n.messages import Text
from budgetbook.model import Conversion
from budgetbook.read.reading_plans import Reading
from budgetbook.read.row_reasons import Skip


class Converter:
    """What a file's amounts are in (its ``currency``, whether they include VAT), from its
    reading's settings, else its amount columns' headers, else the budget's; and how each
    is brought to the budget's."""

    def __init__(self, config, lines, headers: list[str], reading: Reading):
        self.config = config
        self.vat_of = {line.name: line.vat for line in lines}
        self.currency = reading.currency or currency_in_headers(headers) or config.currency
        self.tax_included = reading.tax_included
        if self.tax_included is None:
            self.tax_included = tax_basis_in_headers(headers)
        # The file's amounts on another basis than the budget's: each row's VAT is removed
        # or added.
        self.other_basis = self.tax_included not in (None, config.tax_included)

    def currencies(self, currency_col: int | None) -> dict:
        """``currency``, each row's: its currency cell's, else the file's; nothing when the
        file has no currency column, and every row's is the file's (`currency`)."""
        import polars as pl

        if currency_col is None:
            return {}
        cell = pl.col(str(currency_col)).str.strip_chars().str.to_uppercase()
        then = pl.when(cell.is_null() | (cell == "")).then(pl.lit(self.currency)).otherwise(cell)
        return {"currency": then}

    def converted(self, counted, currencies, counts):
        """The rows that count with their amounts brought to the budget's currency and tax
        basis (`conversion`), how each was, and why the rows that cannot be were not."""
        import polars as pl

        needed = counts if self.other_basis else counts & (currencies != self.config.currency)
        positions = needed.arg_true()
        rows = counted.select("date", "amount", "line", "row").with_columns(currency=currencies)
        amounts: list[Decimal] = []
        conversions: dict[int, Conversion] = {}
        unconverted: dict[int, Skip] = {}
        for day, amount, line, number, currency in rows[positions].iter_rows():
            try:
                conversion = self.conversion(day, amount, line, currency)
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

    def conversion(self, day: date, amount: Decimal, line: str, currency: str) -> Conversion:
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
