"""Floor: write the cells of a dump (``dump_cells.py``) with bare XlsxWriter.

Text with ``write_string``, numbers with ``write_number``, formulas with ``write_formula`` and
their cached result, dates as numbers with one date format: no other formatting, no
conditional formats, no page set-up. Only the writing is timed (the ``write_*`` calls and
``close()``, which lays out and zips the XML); loading the dump's chunks is not.

    python bench/floors/xlsxwriter_floor.py DUMP.pickle OUT.xlsx [--constant-memory]
        [--values-only] [--formulas-as-given]

``--values-only`` writes each formula's cached result instead of the formula: the same
workbook holding values, for LibreOffice to open as a baseline. ``--formulas-as-given`` skips
the thirty regular expressions ``write_formula`` runs over each formula (for dynamic-array
functions, which these formulas do not hold), as budgetbook's own sheets do: a lower floor.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import time
from pathlib import Path


def write(
    dump: Path, out: Path, constant_memory: bool, values_only: bool, as_given: bool = False
) -> float:
    """Write the workbook; return the seconds spent writing."""
    import xlsxwriter
    from xlsxwriter.worksheet import Worksheet

    class AsGiven(Worksheet):
        def _prepare_formula(self, formula, expand_future_functions=False):
            return formula.removeprefix("=")

    writing = 0.0
    started = time.perf_counter()
    book = xlsxwriter.Workbook(str(out), {"constant_memory": constant_memory})
    if as_given:
        book.worksheet_class = AsGiven
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
    parser.add_argument("--formulas-as-given", action="store_true")
    args = parser.parse_args(argv)
    seconds = write(
        args.dump, args.out, args.constant_memory, args.values_only, args.formulas_as_given
    )
    print("BENCH " + json.dumps({"seconds": seconds}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
