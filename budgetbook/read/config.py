"""Read and validate ``budgetbook.toml``; every unknown key or bad value is reported at once."""

from __future__ import annotations

import codecs
import difflib
import re
import tomllib
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import partial
from pathlib import Path
from typing import Any

from budgetbook import LANGUAGES
from budgetbook.errors import InputErrors, Problem, os_reason, speaking
from budgetbook.i18n.catalogue import N_
from budgetbook.i18n.messages import Text
from budgetbook.model import (
    SHEET_ROWS_MAX,
    ActualsFormat,
    CarryOver,
    Config,
    FileSettings,
    Limits,
    MetricFileSettings,
    Period,
    Strategy,
    WorkbookOptions,
)
from budgetbook.read.aliases import accepted, parse_value
from budgetbook.read.sources import BY_KEY, Sign

CONFIG_NAME = "budgetbook.toml"
ACTUALS_COLUMNS = ("date", "amount", "credit", "line", "description", "vendor", "account")
DELIMITERS = {",": ",", ";": ";", "tab": "\t", "\t": "\t", "|": "|"}
# A format whose day and month cannot be swapped reads as detected: None.
DATE_FORMATS = {"dd/mm/yyyy": True, "mm/dd/yyyy": False, "yyyymmdd": None, "yyyy-mm-dd": None}

TEXT, NUMBER = N_("text"), N_("whole number")
TEXT_LIST, TEXT_TABLE = N_("list of texts"), N_("table of texts")
NUMBER_TABLE = N_("table of whole numbers")
RATE = N_("number")
RATE_TABLE = N_("table of rates, each a number or a table of months")
FORMAT_KEYS = {
    "delimiter": TEXT,
    "encoding": TEXT,
    "decimal_separator": TEXT,
    "date_format": TEXT,
    "header_row": NUMBER,
}
# One [[actuals.sources]] entry: how the files its glob matches are read.
SOURCE_SCHEMA: dict[str, Any] = {
    "files": TEXT,
    "source": TEXT,
    "columns": {name: TEXT for name in ACTUALS_COLUMNS},
    "sign": TEXT,
    "currency": TEXT,
    "tax": TEXT,
    "accounts": TEXT_LIST,
    **FORMAT_KEYS,
}

# One [[metrics.sources]] entry: what is said of the ad-platform exports its glob matches.
METRICS_SOURCE_SCHEMA: dict[str, Any] = {"files": TEXT, "channel": TEXT}

# Every key the file may hold, by section, with its kind.
SCHEMA: dict[str, Any] = {
    "language": TEXT,
    "company": {"name": TEXT, "currency": TEXT},
    "budget": {"start": TEXT, "months": NUMBER, "carry_over": TEXT, "tax": TEXT, "vat": RATE},
    "currency": {"rates": RATE_TABLE},
    "actuals": {
        "columns": {name: TEXT for name in ACTUALS_COLUMNS},
        **FORMAT_KEYS,
        "accounts": TEXT_LIST,
        "sources": [SOURCE_SCHEMA],  # a list of tables
    },
    "calendar": {"targets": NUMBER_TABLE},
    "metrics": {"sources": [METRICS_SOURCE_SCHEMA]},  # a list of tables
    "workbook": {"sum_by_month_from": NUMBER, "actuals_sheet_max": NUMBER},
    "limits": {
        "file_mb": NUMBER,
        "unpacked_mb": NUMBER,
        "rows": NUMBER,
        "cells": NUMBER,
        "cell_chars": NUMBER,
    },
    "strategy": {
        "summary": TEXT,
        "mission": TEXT,
        "target_market": TEXT,
        "personas": TEXT_LIST,
        "competitors": TEXT_LIST,
        "strengths": TEXT_LIST,
        "weaknesses": TEXT_LIST,
        "opportunities": TEXT_LIST,
        "threats": TEXT_LIST,
        "team": TEXT_TABLE,
        "channels": TEXT_TABLE,
    },
}
REQUIRED = ("company.name", "company.currency", "budget.start")


def read_config_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputErrors(
            [
                Problem(
                    path.name,
                    Text("not found."),
                    hint=Text("Run 'budgetbook init DIR' to start a project."),
                )
            ]
        ) from None
    except UnicodeDecodeError as exc:
        message = Text("is not UTF-8 text ({reason}).", reason=exc.reason)
        raise InputErrors([Problem(path.name, message)]) from None
    except OSError as exc:  # a folder of that name, a file it may not read
        message = Text("cannot be read: {reason}.", reason=os_reason(exc))
        hint = Text("Check the file's name and rights.")
        raise InputErrors([Problem(path.name, message, hint=hint)]) from None


def parse_config(text: str, name: str = CONFIG_NAME) -> Config:
    """Validate the settings; ``name`` is the file the user should fix."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputErrors([Problem(name, Text("is not valid TOML: {error}.", error=exc))]) from None
    # Its problems are told in its language, when that much of it is right.
    language = data.get("language", "en")
    with speaking(language if language in LANGUAGES else None):
        return _validate(name, data)


def _validate(name: str, data: dict) -> Config:
    problems: list[Problem] = []
    _check_keys(name, data, SCHEMA, "", problems)
    for key in REQUIRED:
        if _get(data, key) is None:
            problems.append(
                Problem(name, Text("the key '{key}' is required.", key=key), column=key)
            )
    if problems:
        raise InputErrors(problems)

    config = _build(name, data, problems)
    if problems:
        raise InputErrors(problems)
    return config


def _check_keys(name: str, data: dict, schema: dict, prefix: str, problems: list[Problem]) -> None:
    for key, value in data.items():
        dotted = prefix + key
        if key not in schema:
            close = difflib.get_close_matches(key, list(schema), n=1)
            hint = (
                Text("Did you mean '{key}'?", key=prefix + close[0])
                if close
                else _known(schema, prefix)
            )
            problems.append(Problem(name, Text("unknown key."), column=dotted, hint=hint))
            continue
        kind = schema[key]
        if isinstance(kind, list):  # [[section]]: a list of tables, each of kind[0]
            if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
                message = Text("should be a list of [[{key}]] tables.", key=dotted)
                problems.append(Problem(name, message, column=dotted, value=str(value)))
                continue
            for number, table in enumerate(value, start=1):
                _check_keys(name, table, kind[0], f"{dotted}[{number}].", problems)
        elif isinstance(kind, dict):
            if not isinstance(value, dict):
                problems.append(
                    Problem(name, Text("should be a [section]."), column=dotted, value=str(value))
                )
            else:
                _check_keys(name, value, kind, dotted + ".", problems)
        elif not _is_kind(value, kind):
            message = Text("should be a {kind}.", kind=Text(kind))
            problems.append(Problem(name, message, column=dotted, value=str(value)))


def _known(schema: dict, prefix: str) -> Text:
    return Text("Known keys: {keys}.", keys=", ".join(f"'{prefix}{k}'" for k in schema))


def _is_kind(value: Any, kind: str) -> bool:
    if kind == TEXT:
        return isinstance(value, str)
    if kind == NUMBER:
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == RATE:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if kind == RATE_TABLE:
        return isinstance(value, dict) and all(
            _is_kind(v, RATE)
            or (isinstance(v, dict) and all(_is_kind(r, RATE) for r in v.values()))
            for v in value.values()
        )
    if kind == TEXT_LIST:
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    if kind == NUMBER_TABLE:
        return isinstance(value, dict) and all(
            isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in value.values()
        )
    return isinstance(value, dict) and all(isinstance(v, str) for v in value.values())


def _get(data: dict, dotted: str) -> Any:
    for part in dotted.split("."):
        if not isinstance(data, dict):
            return None
        data = data.get(part)
    return data


def _build(name: str, data: dict, problems: list[Problem]) -> Config:
    currency = data["company"]["currency"].strip().upper()
    if not re.fullmatch(r"[A-Z]{3}", currency):
        problems.append(
            Problem(
                name,
                Text("is not an ISO currency code."),
                column="company.currency",
                value=data["company"]["currency"],
                hint=Text("Use three letters such as EUR, USD or GBP."),
            )
        )

    start = parse_month(data["budget"]["start"])
    if start is None:
        problems.append(
            Problem(
                name,
                Text("is not a month."),
                column="budget.start",
                value=data["budget"]["start"],
                hint=Text('Write it as YYYY-MM, for example "2026-01".'),
            )
        )
    months = data["budget"].get("months", 12)
    if not 1 <= months <= 120:
        problems.append(
            Problem(
                name,
                Text("must be between 1 and 120."),
                column="budget.months",
                value=str(months),
            )
        )

    carry_over = parse_carry_over(data["budget"].get("carry_over", "none"))
    if carry_over is None:
        problems.append(
            Problem(
                name,
                Text("is not a carry-over policy."),
                column="budget.carry_over",
                value=data["budget"]["carry_over"],
                hint=Text("Use one of: {values}.", values=accepted("carry_over")),
            )
        )

    language = data.get("language", "en")
    if language not in LANGUAGES:
        problems.append(
            Problem(
                name,
                Text("is not a supported language."),
                column="language",
                value=language,
                hint=Text('Use "en" or "fr".'),
            )
        )

    actuals = data.get("actuals", {})
    actuals_format = _read_actuals_format(name, actuals, "actuals.", problems)
    sources = tuple(
        _read_file_settings(name, entry, f"actuals.sources[{number}].", currency, problems)
        for number, entry in enumerate(actuals.get("sources", []), start=1)
    )
    accounts = actuals.get("accounts")
    budget = data["budget"]
    tax_included = parse_tax(budget.get("tax", "excluded"))
    if tax_included is None:
        problems.append(
            Problem(
                name,
                Text("is not understood."),
                column="budget.tax",
                value=str(budget["tax"]),
                hint=Text('Use "excluded" (the budget is before tax, HT) or "included" (TTC).'),
            )
        )
    vat = None if "vat" not in budget else parse_vat(budget["vat"])
    if "vat" in budget and vat is None:
        problems.append(
            Problem(
                name,
                Text("is not a VAT rate."),
                column="budget.vat",
                value=str(budget["vat"]),
                hint=Text("Write it as a percent: 20 for 20 %, 5.5 for 5.5 %."),
            )
        )
    rates = _read_rates(
        name, (data.get("currency") or {}).get("rates", {}), currency, start, months, problems
    )
    strategy_data = data.get("strategy", {})
    strategy = Strategy(
        **{k: v for k, v in strategy_data.items() if isinstance(v, str)},
        **{k: tuple(v) for k, v in strategy_data.items() if isinstance(v, list)},
        **{k: tuple(v.items()) for k, v in strategy_data.items() if isinstance(v, dict)},
    )
    return Config(
        company_name=data["company"]["name"],
        currency=currency,
        period=Period(start or date(2000, 1, 1), months),
        carry_over=carry_over or CarryOver.NONE,
        language=language,
        actuals_columns=dict(data.get("actuals", {}).get("columns", {})),
        actuals_format=actuals_format,
        actuals_sources=sources,
        actuals_accounts=tuple(accounts) if accounts is not None else None,
        tax_included=bool(tax_included),
        vat=vat,
        rates=rates,
        calendar_targets=dict(data.get("calendar", {}).get("targets", {})),
        limits=_read_limits(name, data.get("limits", {}), problems),
        workbook=_read_workbook_options(name, data.get("workbook", {}), problems),
        metrics_sources=tuple(
            _read_metric_settings(name, entry, f"metrics.sources[{number}].", problems)
            for number, entry in enumerate(data.get("metrics", {}).get("sources", []), start=1)
        ),
        strategy=strategy,
    )


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


def _read_file_settings(
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
        format=_read_actuals_format(name, entry, where, problems),
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


def _read_actuals_format(
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


def _read_rates(
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


def _read_metric_settings(
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


def _read_limits(name: str, limits: dict, problems: list[Problem]) -> Limits:
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


def _read_workbook_options(name: str, options: dict, problems: list[Problem]) -> WorkbookOptions:
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


def parse_month(text: str) -> date | None:
    """``YYYY-MM`` to the first of that month, or None."""
    match = re.fullmatch(r"\s*(\d{4})-(\d{1,2})\s*", text)
    if not match or not 1 <= int(match[2]) <= 12:
        return None
    return date(int(match[1]), int(match[2]), 1)


TAX_BASES = {"excluded": False, "ht": False, "included": True, "ttc": True}


def parse_tax(text: str) -> bool | None:
    """Whether amounts include VAT: ``included`` (TTC) True, ``excluded`` (HT) False; None
    for anything else."""
    return TAX_BASES.get(text.strip().casefold())


def parse_vat(value: object) -> Decimal | None:
    """A VAT rate written as a percent (``20``, ``5.5``, ``20 %``, ``5,5``) as a fraction
    (0.2); None when it is not one. A rate between 0 and 1 is none: 0.2 could be 0.2 % or
    20 %."""
    text = str(value).strip().removesuffix("%").strip().replace(",", ".")
    try:
        rate = Decimal(text)
    except InvalidOperation:
        return None
    if not rate.is_finite() or rate < 0 or rate >= 100 or 0 < rate < 1:
        return None
    return rate / 100


def parse_carry_over(text: str) -> CarryOver | None:
    """A policy in English or French (``aucun``, ``surplus``, ``total``), or None."""
    policy = parse_value("carry_over", text)
    return None if policy is None else CarryOver(policy)
