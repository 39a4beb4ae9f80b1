"""How a language writes figures in the terminal: counts, amounts with their currency, shares,
months and days, from Babel's locale data (CLDR), so a new language needs no code here."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from functools import cache

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, get_decimal_symbol, get_group_symbol

from budgetbook.i18n.catalogue import translations

# A day as the language writes it, as a Babel (CLDR) date pattern: each catalogue translates
# it (French: dd/MM/yyyy). English keeps ISO dates, which no reader takes the wrong way round.
DAY_PATTERN = "yyyy-MM-dd"
DAY_CONTEXT = "date pattern"
PRECISION = re.compile(r",(?:\.(\d+)f)?")


class Formats:
    """The figures of one language."""

    def __init__(self, language: str):
        self.language = language
        self.locale = Locale.parse(language)
        self.group = get_group_symbol(self.locale)
        self.decimal = get_decimal_symbol(self.locale)
        percent = self.locale.percent_formats[None].pattern
        self._percent = re.sub(r"0(?=[^0#]*%)", "0.0", percent, count=1)
        self._day = translations(language).pgettext(DAY_CONTEXT, DAY_PATTERN)

    def count(self, number: int) -> str:
        """``1,234`` in English, ``1 234`` in French."""
        return format_decimal(number, locale=self.locale)

    def amount(self, value: Decimal, currency: str) -> str:
        """``€27,451.59`` in English, ``27 451,59 €`` in French; every cent shown."""
        return format_currency(value, currency, locale=self.locale, currency_digits=False)

    def share(self, value: Decimal) -> str:
        """A share with one decimal: ``12.3%``, in French ``12,3 %``."""
        return format_decimal(value, format=self._percent, locale=self.locale)

    def month(self, first_day: date) -> str:
        """``Mar 2026``, in French ``mars 2026``."""
        return format_date(first_day, "MMM y", locale=self.locale)

    def day(self, value: date) -> str:
        return format_date(value, self._day, locale=self.locale)

    def number(self, value: int | float | Decimal, spec: str) -> str:
        """A number as a message's ``{value:,}`` or ``{value:,.0f}`` asks for it: grouped, with
        that many decimals (every decimal it has for ``,``), the language's way."""
        decimals = PRECISION.fullmatch(spec)
        if decimals is None:
            raise ValueError(f"a number's format in a message is ',' or ',.Nf', not {spec!r}")
        places = int(decimals[1] or 0)
        pattern = "#,##0" + ("." + "0" * places if places else "")
        exact = decimals[1] is None  # "{n:,}": every decimal the value has, none added
        return format_decimal(value, pattern, locale=self.locale, decimal_quantization=not exact)


@cache
def formats(language: str) -> Formats:
    return Formats(language)
