"""Test support: recalculate a workbook in LibreOffice and compare every formula's result."""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from budgetbook.write.libreoffice import convert, find_soffice

TOLERANCE = 1e-6


def require_libreoffice() -> None:
    """Skip where LibreOffice is missing, except under CI, where its absence is a failure."""
    if find_soffice() is None:
        if os.environ.get("CI") or os.environ.get("BUDGETBOOK_REQUIRE_LIBREOFFICE"):
            pytest.fail("LibreOffice is required under CI but soffice was not found")
        pytest.skip("LibreOffice (soffice) is not installed")


def recalculate(path: Path, out_dir: Path, force: bool = True) -> Path:
    """The workbook as LibreOffice computes it; ``force=False`` opens it as a user's
    LibreOffice does, trusting cached results where the file has them."""
    require_libreoffice()
    return convert(path, out_dir, "xlsx", recalculate=force)


@dataclass(frozen=True)
class Mismatch:
    sheet: str
    cell: str
    formula: str
    cached: object
    recalculated: object


def formula_cells(path: Path) -> dict[tuple[str, str], str]:
    """Every formula of a workbook, by (sheet, cell)."""
    book = openpyxl.load_workbook(path, data_only=False)
    return {
        (ws.title, c.coordinate): c.value
        for ws in book.worksheets
        for row in ws.iter_rows()
        for c in row
        if isinstance(c.value, str) and c.value.startswith("=")
    }


def values(path: Path) -> dict[tuple[str, str], object]:
    book = openpyxl.load_workbook(path, data_only=True)
    return {
        (ws.title, c.coordinate): c.value
        for ws in book.worksheets
        for row in ws.iter_rows()
        for c in row
    }


def same(a: object, b: object) -> bool:
    a, b = _normal(a), _normal(b)
    if isinstance(a, float) and isinstance(b, float):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=TOLERANCE)
    return a == b


def _normal(value: object) -> object:
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def compare(original: Path, recalculated: Path) -> tuple[int, list[Mismatch]]:
    """Hold each formula's cached value (written by budgetbook) against LibreOffice's result."""
    formulas = formula_cells(original)
    cached = values(original)
    fresh = values(recalculated)
    mismatches = [
        Mismatch(sheet, ref, formula, cached.get((sheet, ref)), fresh.get((sheet, ref)))
        for (sheet, ref), formula in formulas.items()
        if not same(cached.get((sheet, ref)), fresh.get((sheet, ref)))
    ]
    return len(formulas), mismatches
