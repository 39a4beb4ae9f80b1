"""The budget's own terms as budgetbook.toml's [budget] and budget.csv's cells write them: a
month (``2026-01``), a carry-over policy, a tax basis (HT or TTC) and a VAT rate."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from budgetbook.model import CarryOver
from budgetbook.read.aliases import parse_value


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
