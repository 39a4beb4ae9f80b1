"""Dump every cell of a workbook, so a floor script can write the same cells again.

Values come from python-calamine (fast, and the cached result of each formula), formulas
from openpyxl in read-only mode. The dump is a stream of pickled records, so a reader needs
only one chunk of rows in memory at a time:

    ("sheet", name, hidden)
    ("rows", [(row, ((col, kind, value, formula), ...)), ...])   # up to CHUNK rows
    ("end",)

``kind`` is ``s`` (text), ``n`` (number), ``b`` (boolean), ``d`` (a date, as Excel's serial
number) or ``f`` (a formula; ``value`` is its cached result, itself a serial number for a date).
Empty cells are left out.

    python bench/floors/dump_cells.py BOOK.xlsx DUMP.pickle
"""

from __future__ import annotations

import json
import pickle
import sys
import time
from datetime import date, datetime, timedelta
from datetime import time as day_time
from itertools import zip_longest
from pathlib import Path

CHUNK = 2_000  # rows per record
EPOCH = datetime(1899, 12, 30)


def serial(value: date | datetime) -> float:
    """Excel's serial number of a date (1900 system; every date here is after March 1900)."""
    if not isinstance(value, datetime):
        value = datetime(value.year, value.month, value.day)
    return (value - EPOCH) / timedelta(days=1)


def encode(value: object, formula: str | None) -> tuple[str, object, str | None] | None:
    """A cell as (kind, value, formula), or None for an empty cell."""
    if isinstance(value, datetime | date):
        value, kind = serial(value), "d"
    elif isinstance(value, day_time):
        value, kind = (value.hour * 3600 + value.minute * 60 + value.second) / 86400, "n"
    elif isinstance(value, timedelta):
        value, kind = value / timedelta(days=1), "n"
    elif isinstance(value, bool):
        kind = "b"
    elif isinstance(value, int | float):
        value, kind = float(value), "n"
    else:
        value = "" if value is None else str(value)
        kind = "s"
    if formula is not None:
        return "f", value, formula
    if kind == "s" and value == "":
        return None
    return kind, value, None


def dump(book: Path, out: Path) -> dict[str, int]:
    """Write the dump; return the number of cells and formulas written."""
    import openpyxl
    from python_calamine import CalamineWorkbook

    values = CalamineWorkbook.from_path(str(book))
    formulas = openpyxl.load_workbook(book, read_only=True)
    counts = {"cells": 0, "formulas": 0}
    with out.open("wb") as handle:
        for ws in formulas.worksheets:
            grid = values.get_sheet_by_name(ws.title).to_python(skip_empty_area=False)
            pickle.dump(("sheet", ws.title, ws.sheet_state != "visible"), handle)
            chunk: list[tuple[int, tuple]] = []
            for row, (value_row, cell_row) in enumerate(
                zip_longest(grid, ws.iter_rows(), fillvalue=())
            ):
                found = {
                    cell.column - 1: cell.value
                    for cell in cell_row
                    if getattr(cell, "data_type", None) == "f"
                }
                cells = []
                for col, value in enumerate(value_row):
                    encoded = encode(value, found.get(col))
                    if encoded is not None:
                        cells.append((col, *encoded))
                counts["cells"] += len(cells)
                counts["formulas"] += len(found)
                if cells:
                    chunk.append((row, tuple(cells)))
                if len(chunk) >= CHUNK:
                    pickle.dump(("rows", chunk), handle)
                    chunk = []
            if chunk:
                pickle.dump(("rows", chunk), handle)
            pickle.dump(("end",), handle)
    return counts


def main(argv: list[str]) -> int:
    start = time.perf_counter()
    counts = dump(Path(argv[0]), Path(argv[1]))
    print("BENCH " + json.dumps({"seconds": time.perf_counter() - start, **counts}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
