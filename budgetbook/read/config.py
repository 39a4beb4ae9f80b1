"""Read and validate ``budgetbook.toml``; every unknown key or bad value is reported at once.

Here: every key the file may hold and its kind, the required ones, and the `Config` built from
the values; its tables that are more than a value are read in `config_sections`."""

from __future__ import annotations

import re
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

from budgetbook import LANGUAGES
from budgetbook.errors import InputErrors, Problem, os_reason, speaking
from budgetbook.i18n.catalogue import N_
from budgetbook.i18n.messages import Text
from budgetbook.model import CarryOver, Config, Period, Strategy, add_months, month_key
from budgetbook.read.aliases import accepted
from budgetbook.read.budget_terms import parse_carry_over, parse_month, parse_tax, parse_vat
from budgetbook.read.config_sections import (
    read_actuals_format,
    read_file_settings,
    read_limits,
    read_metric_settings,
    read_rates,
    read_workbook_options,
)
from budgetbook.read.criteria import criterion_problem
from budgetbook.read.suggestions import closest, did_you_mean

CONFIG_NAME = "budgetbook.toml"
ACTUALS_COLUMNS = ("date", "amount", "credit", "line", "description", "vendor", "account")

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
    "budget": {
        "start": TEXT,
        "months": NUMBER,
        "carry_over": TEXT,
        "as_of": TEXT,
        "tax": TEXT,
        "vat": RATE,
    },
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
            close = closest(key, schema)
            hint = did_you_mean(prefix + close) if close else _known(schema, prefix)
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

    if start is not None and 1 <= months <= 120:
        start = _within_spreadsheet_dates(name, data["budget"]["start"], start, months, problems)
    as_of = _as_of(name, data["budget"], start, months, problems)

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
                hint=Text("Use one of: {values}.", values=", ".join(LANGUAGES)),
            )
        )

    actuals = data.get("actuals", {})
    actuals_format = read_actuals_format(name, actuals, "actuals.", problems)
    sources = tuple(
        read_file_settings(name, entry, f"actuals.sources[{number}].", currency, problems)
        for number, entry in enumerate(actuals.get("sources", []), start=1)
    )
    accounts = actuals.get("accounts")
    platforms: dict[str, str] = {}  # a target's platform is a criterion of the posts' count
    targets = _get(data, "calendar.targets")
    for platform in targets if isinstance(targets, dict) else ():
        if refusal := criterion_problem(platform, Text("a platform"), platforms):
            message, hint = refusal
            problems.append(Problem(name, message, column="calendar.targets", value=platform,
                                    hint=hint))  # fmt: skip
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
    rates = read_rates(
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
        as_of=as_of,
        language=language,
        actuals_columns=dict(data.get("actuals", {}).get("columns", {})),
        actuals_format=actuals_format,
        actuals_sources=sources,
        actuals_accounts=tuple(accounts) if accounts is not None else None,
        tax_included=bool(tax_included),
        vat=vat,
        rates=rates,
        calendar_targets=dict(data.get("calendar", {}).get("targets", {})),
        limits=read_limits(name, data.get("limits", {}), problems),
        workbook=read_workbook_options(name, data.get("workbook", {}), problems),
        metrics_sources=tuple(
            read_metric_settings(name, entry, f"metrics.sources[{number}].", problems)
            for number, entry in enumerate(data.get("metrics", {}).get("sources", []), start=1)
        ),
        strategy=strategy,
    )


# Spreadsheets number dates from 1900 and stop at 9999; before March 1900, Excel and
# LibreOffice give the same day different numbers (Excel counts a 29 February 1900). A period's
# month before its start is written too (the opening month, and the as-of month when none is
# closed), and each month's end is reached by EDATE: both must be such dates.
FIRST_MONTH_INDEX = 1900 * 12 + 3  # April 1900: its month before is March 1900
LAST_MONTH_INDEX = 9999 * 12 + 10  # November 9999: its month after is December 9999


def _within_spreadsheet_dates(
    name: str, text: str, start: date, months: int, problems: list[Problem]
) -> date | None:
    """``start``, or None with a problem when the period holds a month spreadsheets cannot
    date the same way."""
    first = start.year * 12 + start.month - 1
    if first >= FIRST_MONTH_INDEX and first + months - 1 <= LAST_MONTH_INDEX:
        return start
    problems.append(
        Problem(
            name,
            Text("puts the budget period outside the dates spreadsheets share."),
            column="budget.start",
            value=text,
            hint=Text(
                "The period must run from April 1900 at the earliest to November 9999 at the "
                "latest ({months} months from this start).",
                months=months,
            ),
        )
    )
    return None


def _as_of(
    name: str, budget: dict, start: date | None, months: int, problems: list[Problem]
) -> date | None:
    """``[budget] as_of``, the last closed month: a month of the period, or the month before
    it (none closed yet). None when not given, or not understood (with a problem)."""
    if "as_of" not in budget:
        return None
    as_of = parse_month(budget["as_of"])
    if start is not None and as_of is not None:
        period = Period(start, months)
        before = add_months(start, -1)
        if before <= as_of < period.end:
            return as_of
        hint = Text(
            "Write the last closed month, from {before} (none closed yet) to {last}.",
            before=month_key(before),
            last=month_key(add_months(period.end, -1)),
        )
        problems.append(
            Problem(name, Text("is not a month of the budget period."), column="budget.as_of",
                    value=budget["as_of"], hint=hint)
        )  # fmt: skip
    elif as_of is None:
        problems.append(
            Problem(name, Text("is not a month."), column="budget.as_of", value=budget["as_of"],
                    hint=Text('Write it as YYYY-MM, for example "2026-01".'))
        )  # fmt: skip
    return None
