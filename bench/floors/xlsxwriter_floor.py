"""Floor: write the cells of a dump (``dump_cells.py``) with bare XlsxWriter.

Text with ``write_string``, numbers with ``write_number``, formulas with ``write_formula`` and
their cached result, dates as numbers with one date format: no other formatting, no
conditional formats, no page set-up. Only the writing is timed (the ``write_*`` calls and
``close()``, which lays out and zips the XML); loading the dump's chunks is not.

    python bench/floors/xlsxwriter_floor.py DUMP.pickle OUT.xlsx [--constant-memory]
        [--values-only] [--budgetbook-sheets]

``--values-only`` writes each formula's cached result instead of the formula: the same
workbook holding values, for LibreOffice to open as a baseline. ``--budgetbook-sheets`` writes
through budgetbook's own Worksheet class (``budgetbook.write.book.worksheet_class``), which skips
work XlsxWriter does for every cell but needs not for these (the dynamic-array rewriting of each
formula, a caught TypeError for each style index): the floor of what budgetbook asks of
XlsxWriter.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import time
from pathlib import Path


def write(
    dump: Path, out: Path, constant_memory: bool, values_only: bool, budgetbook_sheets: bool = False
) -> float:
    """Write the workbook; return the seconds spent writing."""
    import xlsxwriter

    sheet_class = xlsxwriter.worksheet.Worksheet
    if budgetbook_sheets:  # imported before the timer, like xlsxwriter
        from budgetbook.write.book import worksheet_class

        sheet_class = worksheet_class()
    writing = 0.0
    started = time.perf_counter()
    book = xlsxwriter.Workbook(str(out), {"constant_memory": constant_memory})
    book.worksheet_class = sheet_class
    date_format = book.add_format({"num_format": "yyyy-mm-dd"})
    sheet = None
    writing += time.perf_counter() - started
    with dump.open("rb") as handle:
        while True:
            try:
                record = pickle.load(handle)
            except EOFError:
                break
            started = time.perf_counter()
            if record[0] == "sheet":
                _, name, hidden = record
                sheet = book.add_worksheet(name)
                if hidden:
                    sheet.hide()
            elif record[0] == "rows":
                _write_rows(sheet, record[1], date_format, values_only)
            writing += time.perf_counter() - started
    started = time.perf_counter()
    book.close()
    return writing + time.perf_counter() - started


def _write_rows(sheet, rows, date_format, values_only: bool) -> None:
    write_string, write_number = sheet.write_string, sheet.write_number
    write_formula, write_boolean = sheet.write_formula, sheet.write_boolean
    for row, cells in rows:
        for col, kind, value, formula in cells:
            if kind == "s":
                write_string(row, col, value)
            elif kind == "n":
                write_number(row, col, value)
            elif kind == "d":
                write_number(row, col, value, date_format)
            elif kind == "b":
                write_boolean(row, col, value)
            elif values_only:
                if isinstance(value, str):
                    write_string(row, col, value)
                else:
                    write_number(row, col, value)
            else:
                write_formula(row, col, formula, None, value)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dump", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--constant-memory", action="store_true")
    parser.add_argument("--values-only", action="store_true")
    parser.add_argument("--budgetbook-sheets", action="store_true")
    args = parser.parse_args(argv)
    seconds = write(
        args.dump, args.out, args.constant_memory, args.values_only, args.budgetbook_sheets
    )
    print("BENCH " + json.dumps({"seconds": seconds}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
