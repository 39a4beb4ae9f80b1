"""An ad-platform export's conversion value brought to the budget's currency. A row's value is
in the currency its currency column names, else the file's (a header's unit), else the
budget's; one in another currency is converted at the project's rate for its month and,
without one, not counted, said once per currency and month."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal

from budgetbook.errors import Problem
from budgetbook.i18n.messages import Text
from budgetbook.read.metric_columns import ExportColumns, text_of
from budgetbook.read.tables import Table

Rate = Callable[[str, date], "Decimal | None"]  # (currency, first of month) -> rate, or None


class RevenueConversion:
    """The conversion values of one export's rows, brought to the budget's ``currency`` at
    ``rate``; what it leaves out, or converted, is said in ``notes``: the reader's list, which
    its notes join in the order the rows give them."""

    def __init__(
        self,
        table: Table,
        columns: ExportColumns,
        currency: str | None,
        rate: Rate | None,
        notes: list[Problem],
    ):
        self.table, self.columns, self.notes = table, columns, notes
        self.currency, self.rate = currency, rate
        self.converted: dict[str, set[date]] = {}  # currency -> months converted
        self.no_rate: dict[tuple[date, str], str] = {}  # (month, channel) -> currency

    def _row_currency(self, row: list[object]) -> str | None:
        if self.columns.currency is not None:
            text = text_of(row[self.columns.currency]).upper()
            if re.fullmatch(r"[A-Z]{3}", text):
                return text
        return self.columns.file_currency

    def value(
        self, number: int, row: list[object], month: date, channel: str, revenue: Decimal
    ) -> Decimal | None:
        """A row's conversion value in the budget's currency; None when it is in another one
        the project gives no rate for in its month, which leaves the month's revenue of the
        channel uncounted (`settle`), said once per currency and month."""
        code = self._row_currency(row)
        if code is None or self.currency is None or code == self.currency:
            return revenue
        rate = self.rate(code, month) if self.rate else None
        if rate is not None:
            self.converted.setdefault(code, set()).add(month)
            return revenue * rate
        if (month, channel) not in self.no_rate:
            self.no_rate[month, channel] = code
            column = next(i for i, metric in self.columns.metrics if metric == "revenue")
            self.notes.append(
                Problem(
                    self.table.file,
                    Text(
                        "its conversion value is in {code}, and budgetbook.toml gives no rate"
                        " for {code} in {month}: the revenue of {channel} in {month} is not"
                        " counted (its other figures are).",
                        code=code,
                        month=f"{month:%Y-%m}",
                        channel=channel,
                    ),
                    row=number,
                    column=self.table.header[column],
                    value=text_of(row[column]),
                    hint=Text(
                        "Add what one {code} is worth in {currency} under [currency.rates], e.g."
                        " {code} = 0.92.",
                        code=code,
                        currency=self.currency,
                    ),
                )
            )
        return None

    def settle(self, totals: dict[tuple[date, str, str], Decimal]) -> None:
        """The revenue of ``totals`` (by month, channel and metric): left out of each month and
        channel a value had no rate for; rounded to the cent where a value was converted, which
        is said once per currency."""
        for month, row_channel in self.no_rate:
            totals.pop((month, row_channel, "revenue"), None)
        if self.converted:
            cent = Decimal("0.01")
            for key in totals:
                if key[2] == "revenue":
                    totals[key] = totals[key].quantize(cent)
            for code, months in sorted(self.converted.items()):
                self.notes.append(
                    Problem(
                        self.table.file,
                        Text(
                            "its conversion value in {code} is counted in {currency}, at the"
                            " rates of [currency.rates] ({months}).",
                            code=code,
                            currency=self.currency,
                            months=", ".join(f"{m:%Y-%m}" for m in sorted(months)),
                        ),
                    )
                )
