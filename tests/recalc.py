"""Test support: recalculate a workbook in LibreOffice or in Gnumeric, and compare every
formula's result with the value budgetbook cached (or with another engine's result).

Each engine is skipped where it is not installed, except under CI (``CI``), or when
``BUDGETBOOK_REQUIRE_ENGINES`` (both engines) or ``BUDGETBOOK_REQUIRE_LIBREOFFICE`` (which
.ci/run has always set, and which now asks for Gnumeric too) is set: then a missing engine
fails the test. Every start of Gnumeric goes through ``run_ssconvert``, which tests/conftest.py
holds to the ``gnumeric`` marker as it holds LibreOffice to the ``libreoffice`` one."""

from __future__ import annotations

import math
import os
import shutil
import subprocess
import warnings
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from budgetbook.write.libreoffice import convert, find_soffice

TOLERANCE = 1e-6


GNUMERIC_TIMEOUT = 600  # seconds: the sample takes about 40 (its whole-column criteria)


def engines_required() -> bool:
    """Under CI, or asked for, a missing recalculating engine fails instead of skipping."""
    return any(
        os.environ.get(name)
        for name in ("CI", "BUDGETBOOK_REQUIRE_ENGINES", "BUDGETBOOK_REQUIRE_LIBREOFFICE")
    )


def require_libreoffice() -> None:
    """Skip where LibreOffice is missing, except under CI, where its absence is a failure."""
    if find_soffice() is None:
        if engines_required():
            pytest.fail("LibreOffice is required under CI but soffice was not found")
        pytest.skip("LibreOffice (soffice) is not installed")


def require_calibri_metrics() -> None:
    """LibreOffice, drawing Calibri with Calibri's widths (Carlito, its metric twin), for the
    tests that hold printed pages to the plan made for Excel's widths; skip where they are
    missing, except under CI, where that fails."""
    require_libreoffice()
    found = subprocess.run(["fc-match", "-f", "%{family}", "Calibri"], capture_output=True,
                           text=True, check=False).stdout  # fmt: skip
    if "Carlito" not in found and "Calibri" not in found:
        if engines_required():
            pytest.fail("Carlito is required under CI (apt-get install fonts-crosextra-carlito)")
        pytest.skip("no font with Calibri's widths: apt-get install fonts-crosextra-carlito")


def recalculate(path: Path, out_dir: Path, force: bool = True) -> Path:
    """The workbook as LibreOffice computes it; ``force=False`` opens it as a user's
    LibreOffice does, trusting cached results where the file has them."""
    require_libreoffice()
    return convert(path, out_dir, "xlsx", recalculate=force)


def find_ssconvert() -> str | None:
    return shutil.which("ssconvert")


def require_gnumeric() -> str:
    """Gnumeric's ssconvert; skip where it is missing, except under CI, where that fails."""
    ssconvert = find_ssconvert()
    if ssconvert is None:
        if engines_required():
            pytest.fail("Gnumeric is required under CI but ssconvert was not found")
        pytest.skip("Gnumeric (ssconvert) is not installed")
    return ssconvert


def run_ssconvert(command: list[str], timeout: float) -> subprocess.CompletedProcess:
    """Run Gnumeric's ``command`` (ssconvert and its arguments) to its end: every start of
    Gnumeric goes through here (tests/conftest.py holds each test that starts it to its
    ``gnumeric`` marker)."""
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)


def gnumeric_recalculate(path: Path, out_dir: Path) -> Path:
    """The workbook as Gnumeric computes it: ``ssconvert --recalc``, saved as .xlsx."""
    return gnumeric_recalculate_all([path], out_dir)[0]


def gnumeric_recalculate_all(paths: list[Path], out_dir: Path) -> list[Path]:
    """``gnumeric_recalculate`` for many workbooks, one ssconvert per core at a time (each
    start is cheap; a large workbook's recalculation is not)."""
    ssconvert = require_gnumeric()
    out_dir.mkdir(parents=True, exist_ok=True)
    targets = [out_dir / f"{index}-{path.name}" for index, path in enumerate(paths)]

    def one(source: Path, target: Path) -> Path:
        command = [ssconvert, "--recalc", "--export-type=Gnumeric_Excel:xlsx2", str(source),
                   str(target)]  # fmt: skip
        done = run_ssconvert(command, GNUMERIC_TIMEOUT)
        if done.returncode != 0 or not target.is_file():
            failure = f"ssconvert --recalc {source.name} failed ({done.returncode})"
            raise AssertionError(f"{failure}: {done.stderr[-2000:]}")
        return target

    with ThreadPoolExecutor(max_workers=max(1, min(len(paths), os.cpu_count() or 1))) as pool:
        return list(pool.map(one, paths, targets))


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


def opened(path: Path) -> openpyxl.Workbook:
    """A recalculated workbook's values, without openpyxl's warnings about the parts of
    Gnumeric's files it does not keep (extensions, a default style): none holds a value."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return openpyxl.load_workbook(path, data_only=True)


def values(path: Path) -> dict[tuple[str, str], object]:
    book = opened(path)
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
    """Hold each formula's cached value (written by budgetbook) against an engine's result."""
    formulas = formula_cells(original)
    cached = values(original)
    fresh = values(recalculated)
    mismatches = [
        Mismatch(sheet, ref, formula, cached.get((sheet, ref)), fresh.get((sheet, ref)))
        for (sheet, ref), formula in formulas.items()
        if not same(cached.get((sheet, ref)), fresh.get((sheet, ref)))
    ]
    return len(formulas), mismatches


def compare_engines(book: Path, first: Path, second: Path) -> tuple[int, list[Mismatch]]:
    """Hold each formula of ``book`` as one engine recalculated it (``first``) against the
    other's result (``second``): for a workbook whose cached values are not to be trusted.
    A mismatch's ``cached`` is the first engine's value."""
    formulas = formula_cells(book)
    one, other = values(first), values(second)
    mismatches = [
        Mismatch(sheet, ref, formula, one.get((sheet, ref)), other.get((sheet, ref)))
        for (sheet, ref), formula in formulas.items()
        if not same(one.get((sheet, ref)), other.get((sheet, ref)))
    ]
    return len(formulas), mismatches
