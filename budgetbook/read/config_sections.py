"""The tables of budgetbook.toml that are more than a value, each checked and read into its
record: ``[actuals]``'s format overrides, each ``[[actuals.sources]]`` and
``[[metrics.sources]]`` entry, ``[currency.rates]``, ``[limits]`` and ``[workbook]``. Every
problem is added to the list it is given, so the whole file's are told at once
(`budgetbook.read.config`)."""

from __future__ import annotations

import codecs
import re
from datetime import date
from decimal import Decimal
from functools import partial

from budgetbook.errors import Problem
from budgetbook.i18n.messages import Text
from budgetbook.model import (
    SHEET_ROWS_MAX,
    ActualsFormat,
    FileSettings,
    Limits,
    MetricFileSettings,
    Period,
    WorkbookOptions,
)
from budgetbook.read.budget_terms import parse_month, parse_tax
from budgetbook.read.sources import BY_KEY, Sign

DELIMITERS = {",": ",", ";": ";", "tab": "\t", "\t": "\t", "|": "|"}
# A format whose day and month cannot be swapped reads as detected: None.
DATE_FORMATS = {"dd/mm/yyyy": True, "mm/dd/yyyy": False, "yyyymmdd": None, "yyyy-mm-dd": None}


def _not_understood(
    problems: list[Problem], name: str, table: dict, where: str, key: str, hint: str
) -> None:
    """A value of ``table`` (found at ``where``) that budgetbook does not understand."""
    problems.append(
        Problem(
            name,
            Text("is not understood."),
            column=where + key,
            value=str(table[key]),
            hint=hint,
        )
    )


def read_file_settings(
    name: str, entry: dict, where: str, currency: str, problems: list[Problem]
) -> FileSettings:
    """One [[actuals.sources]] entry; its problems named by ``where`` (``actuals.sources[2].``)."""
    bad = partial(_not_understood, problems, name, entry, where)
    _require_files(name, entry, where, "bank-*.csv", problems)
    source = entry.get("source")
    if source is not None and source not in BY_KEY:
        bad("source", Text("Use one of: {values}.", values=", ".join(BY_KEY)))
    sign = entry.get("sign")
    if sign is not None and sign not in set(Sign):
        bad("sign", Text("Use one of: {values}.", values=", ".join(Sign)))
    given = entry.get("currency")
    if given is not None and not re.fullmatch(r"[A-Z]{3}", given.strip().upper()):
        bad("currency", Text("Use three letters such as EUR, USD or GBP."))
    tax = entry.get("tax")
    if tax is not None and parse_tax(tax) is None:
        bad("tax", Text('Use "excluded" (before tax, HT) or "included" (TTC).'))
    return FileSettings(
        files=entry.get("files", ""),
        source=source if source in BY_KEY else None,
        columns=dict(entry.get("columns", {})),
        sign=sign if sign in set(Sign) else None,
        format=read_actuals_format(name, entry, where, problems),
        accounts=tuple(entry["accounts"]) if "accounts" in entry else None,
        currency=given.strip().upper() if given is not None else None,
        tax_included=parse_tax(tax) if tax is not None else None,
    )


def _require_files(
    name: str, entry: dict, where: str, example: str, problems: list[Problem]
) -> None:
    """A ``[[... .sources]]`` entry must say which files it reads."""
    if "files" not in entry:
        problems.append(
            Problem(
                name,
                Text("the key '{key}' is required.", key=where + "files"),
                column=where + "files",
                hint=Text('Name the files it reads, e.g. files = "{example}".', example=example),
            )
        )


def read_actuals_format(
    name: str, actuals: dict, where: str, problems: list[Problem]
) -> ActualsFormat:
    """Overrides of what is otherwise detected in each finance file."""
    bad = partial(_not_understood, problems, name, actuals, where)

    delimiter = actuals.get("delimiter")
    if delimiter is not None and delimiter not in DELIMITERS:
        bad("delimiter", Text('Use ",", ";", "tab" or "|".'))
    encoding = actuals.get("encoding")
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError:
            bad("encoding", Text('Use an encoding name such as "utf-8" or "cp1252".'))
    decimal = actuals.get("decimal_separator")
    if decimal is not None and decimal not in (",", "."):
        bad("decimal_separator", Text('Use "," or ".".'))
    date_format = actuals.get("date_format")
    if date_format is not None and date_format.lower() not in DATE_FORMATS:
        bad("date_format", Text('Use "dd/mm/yyyy" or "mm/dd/yyyy" (ISO dates are always read).'))
    header_row = actuals.get("header_row")
    if header_row is not None and header_row < 1:
        bad("header_row", Text("Use the row number of the header, 1 for the first row."))
    return ActualsFormat(
        delimiter=DELIMITERS.get(delimiter) if delimiter else None,
        encoding=encoding,
        decimal_comma=None if decimal not in (",", ".") else decimal == ",",
        day_first=DATE_FORMATS.get(date_format.lower()) if date_format else None,
        header_row=header_row if header_row and header_row >= 1 else None,
    )


def read_rates(
    name: str,
    given: dict,
    currency: str,
    start: date | None,
    months: int,
    problems: list[Problem],
) -> dict[str, dict[int | None, Decimal]]:
    """``[currency.rates]``: each currency's rate into the budget's, one for every month
    (``USD = 0.92``) or by month (``USD = { "2026-01" = 0.92 }``)."""
    period = Period(start or date(2000, 1, 1), months)
    rates: dict[str, dict[int | None, Decimal]] = {}
    if not isinstance(given, dict):  # named by the check of its kind
        return rates
    for code, value in given.items():
        where = f"currency.rates.{code}"
        if not re.fullmatch(r"[A-Z]{3}", code) or code == currency:
            hint = (
                Text("The budget's own currency needs no rate.")
                if code == currency
                else Text("Use three capital letters such as USD or GBP.")
            )
            problems.append(Problem(name, Text("is not understood."), column=where, hint=hint))
            continue
        by_month = value if isinstance(value, dict) else {None: value}
        rates[code] = {}
        for month_text, rate in by_month.items():
            month = None
            if month_text is not None:
                first = parse_month(month_text)
                if first is None:
                    problems.append(
                        Problem(
                            name,
                            Text("is not a month."),
                            column=f"{where}.{month_text}",
                            hint=Text('Write it as YYYY-MM, for example "2026-01".'),
                        )
                    )
                    continue
                month = period.month_index(first)
                if month is None:  # a rate of a month the budget does not cover: not needed
                    continue
            if isinstance(rate, bool) or not isinstance(rate, int | float) or rate <= 0:
                problems.append(
                    Problem(
                        name,
                        Text("is not a rate."),
                        column=where if month_text is None else f"{where}.{month_text}",
                        value=str(rate),
                        hint=Text(
                            "Write what one {code} is worth in {currency}, e.g. 0.92.",
                            code=code,
                            currency=currency,
                        ),
                    )
                )
                continue
            rates[code][month] = Decimal(str(rate))
    return rates


def read_metric_settings(
    name: str, entry: dict, where: str, problems: list[Problem]
) -> MetricFileSettings:
    """One [[metrics.sources]] entry; its problems named by ``where`` (``metrics.sources[1].``)."""
    _require_files(name, entry, where, "meta-*.csv", problems)
    channel = entry.get("channel")
    if channel is not None and not channel.strip():
        hint = Text("Name it as in budget.csv, e.g. Instagram.")
        _not_understood(problems, name, entry, where, "channel", hint)
    return MetricFileSettings(
        files=entry.get("files", ""),
        channel=channel.strip() if channel and channel.strip() else None,
    )


def read_limits(name: str, limits: dict, problems: list[Problem]) -> Limits:
    """Raised (or lowered) limits; each must be a whole number above zero."""
    given = {}
    for key, value in limits.items():
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            problems.append(
                Problem(
                    name,
                    Text("should be a whole number above zero."),
                    column=f"limits.{key}",
                    value=str(value),
                    hint=Text(
                        "Write a whole number, e.g. 1000: the largest size or count allowed."
                    ),
                )
            )
        else:
            given[key] = value
    return Limits(**given)


def read_workbook_options(name: str, options: dict, problems: list[Problem]) -> WorkbookOptions:
    given = {}
    for key, value in options.items():
        largest = SHEET_ROWS_MAX if key == "actuals_sheet_max" else None
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            hint = Text("Write a whole number, e.g. 10000.")
        elif largest is not None and value > largest:
            hint = Text(
                "A sheet holds at most {largest:,} rows below its header; write that or less.",
                largest=largest,
            )
        else:
            given[key] = value
            continue
        problems.append(
            Problem(
                name,
                Text("is not a usable number."),
                column=f"workbook.{key}",
                value=str(value),
                hint=hint,
            )
        )
    return WorkbookOptions(**given)
