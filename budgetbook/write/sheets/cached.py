"""The value stored with a formula, shown by readers that do not recalculate."""

from __future__ import annotations

from decimal import Decimal


def cached(value: Decimal | None) -> float | str:
    """A figure computed in Python; none (a guarded ratio's blank) is stored as its ``""``."""
    return "" if value is None else float(value)
