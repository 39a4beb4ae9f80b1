"""A large CSV file parsed by polars, but only where polars reads it exactly as Python's csv
module would (`budgetbook.read.tables.read_table`): no line longer than a cell may be, no
carriage return or character str.strip() removes inside a cell, blank rows left out. The
bytes are checked and hashed in a thread while polars parses, both letting go of the GIL."""

from __future__ import annotations

import hashlib
import mmap
import re
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from budgetbook.model import Limits
from budgetbook.read.safezip import MB


def parsed_by_polars(
    path: Path, data: mmap.mmap, delimiter: str, width: int, limits: Limits
) -> tuple[object, Future[str]] | None:
    """The data rows of the file mapped as ``data``, below its header of ``width`` columns:
    a polars DataFrame of text columns after its ``row`` numbers, and the digest of its bytes
    being worked out; None where polars would not read it as the csv module does."""
    if _has_a_line_longer_than(data, limits.cell_chars):  # polars would hold a giant cell
        return None  # many times over before its length could be checked
    # In a thread, while polars parses and then works out the columns (both let go of the
    # GIL): the bytes' checks, then their digest, which only the file's source needs.
    pool = ThreadPoolExecutor(1)
    odd_bytes = pool.submit(_bytes_may_put_odd_characters_in_a_cell, data)
    digest = pool.submit(_digest_of, data)
    pool.shutdown(wait=False)
    cells = _polars_cells(path, delimiter, width)
    odd_bytes = odd_bytes.result()
    if cells is None or cells.height >= limits.rows:
        return None
    import polars as pl

    longest = cells.select(pl.max_horizontal(pl.all().str.len_bytes().max())).item()
    if (longest or 0) > limits.cell_chars or (odd_bytes and _a_cell_holds_a_carriage_return(cells)):
        return None
    cells = cells.with_row_index("row", offset=2)
    blank = _blank_rows(cells)
    if not blank.is_empty():
        cells = cells.filter(~pl.col("row").is_in(blank.implode()))
    return cells, digest


def _digest_of(data: mmap.mmap) -> str:
    """The SHA-256 of the mapped file; the map is closed then, its last use."""
    with data:
        return hashlib.sha256(data).hexdigest()


def _has_a_line_longer_than(data: bytes, length: int) -> bool:
    """Whether a line may be longer than ``length`` bytes: True when some stretch of that many
    bytes holds no line end, so only lines shorter than twice ``length`` can pass (a thousand
    searches in C for 100 MB)."""
    return any(
        data.find(b"\n", start, start + length) < 0
        for start in range(0, len(data) - length + 1, length)
    )


def _bytes_may_put_odd_characters_in_a_cell(data: bytes) -> bool:
    """Whether a cell may hold a carriage return, which ends no line there and which Python's
    csv module refuses, or one of \x1c-\x1f, which str.strip() takes away and polars'
    strip_chars does not. Looked for in the bytes, where a search runs at memory speed (no
    UTF-8 sequence holds these bytes): a CRLF file's carriage returns are all in line ends
    when each is followed by a line feed and no quoted cell can hold one. When they cannot
    tell, `_a_cell_holds_a_carriage_return` looks in the cells."""
    if data.find(b"\r") < 0 or (
        data.find(b'"') < 0 and data[-1:] != b"\r" and not _has_a_lone_carriage_return(data)
    ):
        return any(data.find(bytes([code])) >= 0 for code in range(0x1C, 0x20))
    return True


def _has_a_lone_carriage_return(data: bytes, step: int = 4 * MB) -> bool:
    """Whether a carriage return is followed by anything but a line feed. Searched a few MB
    at a time (each search overlapping the last by a byte): the regular expression engine
    holds the GIL while it searches, which a thread beside polars must let go of."""
    return any(
        _LONE_CR.search(data, start, start + step + 1) for start in range(0, len(data), step)
    )


def _a_cell_holds_a_carriage_return(cells) -> bool:
    """Whether a cell holds \r or one of \x1c-\x1f: where the bytes cannot tell."""
    import polars as pl

    return cells.select(pl.any_horizontal(pl.all().str.contains("[\r\x1c-\x1f]").any())).item()


_LONE_CR = re.compile(rb"\r[^\n]")


def _blank_rows(cells):
    """The "row" of each row whose cells are all blank; only rows whose first cell is blank
    are looked at whole, as stripping every cell took a tenth of a large file's reading."""
    import polars as pl

    first = pl.col("0")
    return (
        cells.filter(first.is_null() | (first.str.strip_chars() == ""))
        .filter(pl.all_horizontal(pl.exclude("row").str.strip_chars().fill_null("") == ""))
        .get_column("row")
    )


def _polars_cells(path: Path, delimiter: str, width: int):
    """The data rows as text columns, or None where polars finds the file irregular."""
    import polars as pl

    try:
        cells = pl.read_csv(
            path,
            separator=delimiter,
            has_header=False,
            skip_rows=1,
            schema={str(index): pl.String for index in range(width)},
            quote_char='"',
        )
    except pl.exceptions.PolarsError:
        return None
    return cells
