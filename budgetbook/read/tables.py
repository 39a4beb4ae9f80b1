"""Read a CSV or XLSX file into a header and numbered rows, whatever its encoding or dialect
(`Table`), or a large CSV file into columns (`Frame`); refuse a file that is no table (binary,
too large, damaged). A text file's lines and delimiter come from `text_lines`, and a large
CSV file's columns from polars (`large_csv`)."""

from __future__ import annotations

import csv
import hashlib
import mmap
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cached_property
from itertools import chain, islice
from operator import itemgetter
from pathlib import Path

from budgetbook.commands.progress import reporter
from budgetbook.errors import InputErrors, Problem, UnreadableFile, os_reason
from budgetbook.i18n.catalogue import N_
from budgetbook.i18n.messages import Text
from budgetbook.model import Limits
from budgetbook.read.large_csv import parsed_by_polars
from budgetbook.read.safezip import MB, ZipLimits, check_xlsx
from budgetbook.read.text_lines import decoded_lines, lines_of, sniff_delimiter, utf16_without_bom

TABLE_SUFFIXES = (".csv", ".xlsx")


@dataclass(frozen=True)
class Table:
    """A file's first sheet: a header and its data rows, each with its spreadsheet row number."""

    file: str  # the name shown to the user, relative to the project
    header: list[str]
    rows: list[tuple[int, list[object]]]
    sha256: str = ""  # of the bytes read, so a file sent twice is known without reading it again
    # What separates a CSV file's fields (``;`` where a decimal comma is written: a French
    # export's); "" for a workbook or a statement.
    delimiter: str = ""

    def overflow(self, row: list[object]) -> bool:
        """Whether a row holds values beyond the header's last column (a shifted row)."""
        return any(str(cell).strip() for cell in row[len(self.header) :] if cell is not None)

    def column(self, name: str) -> int | None:
        """Index of a column by its canonical name or another name for it (French ones:
        budgetbook/read/aliases.py), ignoring case, accents, and spaces against underscores."""
        from budgetbook.read.aliases import column_names, normalise

        for candidate in map(normalise, column_names(name, self.file)):
            if candidate in self._titles:
                return self._titles.index(candidate)
        return None

    @cached_property
    def _titles(self) -> list[str]:
        """The header as ``column`` compares it; readers ask for a column on every row."""
        from budgetbook.read.aliases import normalise

        return [normalise(title) for title in self.header]


@dataclass(frozen=True)
class Frame:
    """A table in columns, as the actuals reader takes every file: its header, and a polars
    DataFrame of its data rows: ``row``, each row's number, then one text column per header
    column (named ``"0"``, ``"1"``, ...; null for an empty cell); blank rows are left out, as
    `Table` leaves them. ``shifted``: the rows, whole, that hold values beyond the header's
    last column (an unquoted separator inside a value), by number."""

    file: str
    header: list[str]
    cells: object  # polars.DataFrame
    digest: Future[str]  # worked out while the cells are
    shifted: dict[int, list[object]] = field(default_factory=dict)
    delimiter: str = ""  # as `Table.delimiter`

    @property
    def sha256(self) -> str:
        return self.digest.result()


def frame_of(table: Table) -> Frame:
    """A table's rows in columns, each cell as the text `cell_as_text` makes of it. The
    table's rows are let go: a large file's would otherwise be held beside its columns."""
    import polars as pl

    width = len(table.header)
    rows = list(map(itemgetter(1), table.rows))
    shifted = {
        number: row for number, row in table.rows if len(row) > width and table.overflow(row)
    }
    numbers = list(map(itemgetter(0), table.rows))
    table.rows.clear()
    columns = {"row": pl.Series(numbers, dtype=pl.Int64)}
    for index in range(width):
        cells = list(map(itemgetter(index), rows))
        if set(map(type, cells)) <= {str}:  # a CSV file's: only empty ones change
            texts = [cell or None for cell in cells]
        else:
            texts = list(map(cell_as_text, cells))
        columns[str(index)] = pl.Series(texts, dtype=pl.String)
    del rows
    digest: Future[str] = Future()
    digest.set_result(table.sha256)
    return Frame(table.file, table.header, pl.DataFrame(columns), digest, shifted, table.delimiter)


def cell_as_text(cell: object) -> str | None:
    """A typed cell (an .xlsx file's number, date or boolean) as text that reads back to the
    same value and says nothing of a column's number style: a whole number without decimals, a
    fraction with at least four (``1.234`` would read as 1234 in a decimal-comma column, and
    ``12.5`` would count as a decimal point); None for an empty cell."""
    if cell.__class__ is str:
        return cell or None
    if cell is None:
        return None
    if cell.__class__ is float and cell == cell and abs(cell) != float("inf"):
        if cell.is_integer() and abs(cell) < 1e15:
            return str(int(cell))
        text = format(Decimal(repr(cell)), "f")
        whole, _, fraction = text.partition(".")
        return f"{whole}.{fraction.ljust(4, '0')}"
    return str(cell)


# From this size on, a CSV file is parsed by polars: below it, Python's csv module costs less
# than polars' own parser's checks (`read_csv_frame`) and the thread that hashes the bytes.
FRAME_FROM_BYTES = 3 * MB
HEADER_SEARCH_ROWS = 30
DEFAULT_LIMITS = Limits()
# The first bytes of files that are not text tables, whatever their name says.
SIGNATURES = {
    b"PK\x03\x04": (
        N_("an .xlsx workbook or another zip archive"),
        N_("If it is a workbook, name it .xlsx."),
    ),
    b"\xd0\xcf\x11\xe0": (
        N_("an old Excel file (.xls)"),
        N_("Open it and save it as CSV or .xlsx."),
    ),
    b"%PDF": (N_("a PDF document"), N_("Ask finance for a CSV or .xlsx export.")),
}
ASK_AGAIN = N_("Ask for a CSV or .xlsx export of it.")


def read_table(
    path: Path,
    shown_as: str,
    is_header: Callable[[list[str]], bool] | None = None,
    *,
    delimiter: str | None = None,
    encoding: str | None = None,
    header_row: int | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Table:
    """Read the first sheet. The header is ``header_row``, else the first non-empty row, or
    with ``is_header`` the first of the top rows it accepts, so title blocks are skipped.
    ``delimiter`` and ``encoding`` override what is detected in a CSV file. A file refused
    whole (binary, damaged, beyond ``limits``) raises UnreadableFile."""
    check_size(path, shown_as, limits)
    if path.suffix.lower() == ".xlsx":
        grid, digest = _read_xlsx(path, shown_as, limits)
        delimiter = ""
    else:
        grid, digest, delimiter = _read_csv(path, shown_as, delimiter, encoding, limits)
    if len(grid) > limits.rows:
        raise refuse(
            shown_as,
            Text("has more than {rows:,} rows, the limit.", rows=limits.rows),
            Text("Split it by period, or raise [limits] rows in budgetbook.toml."),
        )
    # A first cell holding text settles most rows without a call per row.
    numbered = [
        (number, row)
        for number, row in enumerate(grid, start=1)
        if (row and row[0].__class__ is str and row[0].strip()) or _has_data(row)
    ]
    if header_row is not None:
        numbered = [(number, row) for number, row in numbered if number >= header_row]
        if not numbered or numbered[0][0] != header_row:
            raise InputErrors(
                [
                    Problem(
                        shown_as,
                        Text("row {row}, named as the header row, is empty.", row=header_row),
                    )
                ]
            )
    if not numbered:
        raise InputErrors([Problem(shown_as, Text("is empty: it has no header row."))])
    start = 0
    if is_header is not None and header_row is None:
        for index, (_, row) in enumerate(numbered[:HEADER_SEARCH_ROWS]):
            if is_header([_header_text(cell) for cell in row]):
                start = index
                break
    header = numbered[start][1]
    width = len(header)
    return Table(
        shown_as,
        [_header_text(title) for title in header],
        [
            numbered_row
            if len(numbered_row[1]) >= width
            else (numbered_row[0], _fit(numbered_row[1], width))
            for numbered_row in islice(numbered, start + 1, None)
        ],
        digest,
        delimiter,
    )


def _header_text(title: object) -> str:
    """A header as text; a date (Excel turns a typed 2026-01 into one) becomes ``YYYY-MM``."""
    if isinstance(title, date):
        return f"{title.year:04d}-{title.month:02d}"
    return str(title).strip()


def _has_data(row: list[object]) -> bool:
    return any(str(cell).strip() for cell in row if cell is not None)


def _fit(row: list[object], width: int) -> list[object]:
    """Pad a short row with blanks, so a missing trailing cell reads as empty."""
    return list(row) + [""] * (width - len(row))


def _binary_kind(data: bytes) -> tuple[str, str] | None:
    """What a file that is not text is and what to do, or None for text. UTF-16 without its
    BOM (every other byte NUL) is text; other NUL or control bytes are not."""
    for signature, kind in SIGNATURES.items():
        if data[: len(signature)] == signature:
            return kind
    if data.find(b"\x00") >= 0:
        return N_("a binary file (it holds NUL bytes)"), ASK_AGAIN
    head = data[: 64 * 1024]
    controls = sum(head.count(bytes([code])) for code in (*range(0, 9), *range(14, 32)))
    if head and controls > len(head) // 100:
        return N_("a binary file (it holds control characters)"), ASK_AGAIN
    return None


def refuse(shown_as: str, message: str, hint: str) -> UnreadableFile:
    return UnreadableFile([Problem(shown_as, message, hint=hint)])


def check_size(path: Path, shown_as: str, limits: Limits) -> None:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise refuse(
            shown_as,
            Text("cannot be read: {reason}.", reason=os_reason(exc)),
            Text("Check its name."),
        ) from None
    if size > limits.file_mb * MB:
        raise refuse(
            shown_as,
            Text(
                "is {size:,.0f} MB, above the limit of {limit:,} MB.",
                size=size / MB,
                limit=limits.file_mb,
            ),
            Text("Split it by period, or raise [limits] file_mb in budgetbook.toml."),
        )


def _read_csv(
    path: Path, shown_as: str, delimiter: str | None, encoding: str | None, limits: Limits
) -> tuple[list[list[object]], str, str]:
    """The file's rows, the digest of its bytes and the delimiter that split them."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise refuse(
            shown_as,
            Text("cannot be read: {reason}.", reason=os_reason(exc)),
            Text("Check its name."),
        ) from None
    digest = hashlib.sha256(data).hexdigest()
    if b"\n" not in data and b"\r" in data:  # lines ended by a carriage return alone (old Macs,
        data = data.replace(b"\r", b"\n")  # some accounting exports)
    if encoding:
        lines = lines_of(data.decode(encoding, errors="replace"))
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text"
        lines = lines_of(data.decode("utf-16", errors="replace"))
    elif without_bom := utf16_without_bom(data):
        lines = lines_of(data.decode(without_bom, errors="replace"))
    elif found := _binary_kind(data):
        kind, what_to_do = found
        raise refuse(
            shown_as, Text("is not a CSV table: it is {kind}.", kind=Text(kind)), Text(what_to_do)
        )
    else:
        lines = decoded_lines(data)
    del data
    first = list(islice(lines, 50))
    csv.field_size_limit(limits.cell_chars)
    delimiter = delimiter or sniff_delimiter(first)
    reader = csv.reader(chain(first, lines), delimiter=delimiter)
    try:
        rows: list[list[object]] = list(islice(reader, limits.rows + 1))
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            raise refuse(
                shown_as,
                Text(
                    "row {row} holds a cell of more than {limit:,} characters; a finance"
                    " export's cells hold a few hundred.",
                    row=reader.line_num,
                    limit=limits.cell_chars,
                ),
                Text(
                    "Check the quotes around that row, or raise [limits] cell_chars in"
                    " budgetbook.toml."
                ),
            ) from None
        if "new-line character" in str(exc):
            raise refuse(
                shown_as,
                Text(
                    "row {row} holds a line end (a carriage return) outside quotes, inside a row.",
                    row=reader.line_num,
                ),
                Text("Export it again as CSV or .xlsx."),
            ) from None
        raise refuse(
            shown_as,
            Text("is not a readable CSV file: {error}.", error=exc),
            Text("Export it again as CSV or .xlsx."),
        ) from None
    return rows, digest, delimiter


def read_csv_frame(
    path: Path,
    shown_as: str,
    is_header: Callable[[list[str]], bool],
    *,
    delimiter: str | None = None,
    encoding: str | None = None,
    header_row: int | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Frame | None:
    """A large CSV file in columns, or None when it is small, or not plain enough for polars
    to read it exactly as `read_table` would: UTF-8, the header on its first line, every row
    within the header's width, lines ended by ``\n`` or ``\r\n``, quotes where they belong.
    Then `read_table` reads it, and says what is wrong with it if anything is."""
    if (
        path.suffix.lower() != ".csv"
        or encoding not in (None, "utf-8", "utf-8-sig")
        or header_row not in (None, 1)
    ):
        return None
    check_size(path, shown_as, limits)
    size = path.stat().st_size
    if size < FRAME_FROM_BYTES:
        return None
    # Mapped, not read: polars reads (maps) the file itself, and the checks and the digest
    # look at the map, so no copy of the file is made (7 % of a 1M-row ledger's reading).
    # Like polars' own map, it assumes that nothing truncates the file while it is read.
    try:
        with path.open("rb") as file:
            data = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):
        return None
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or utf16_without_bom(data) or _binary_kind(data):
        return None
    head = data[: 256 * 1024]
    first = list(islice(decoded_lines(head), 51))
    if len(head) < len(data):  # the last line may be cut
        first = first[:-1]
    if not first or first[0].count('"') % 2:  # no quoted line end in the header
        return None
    delimiter = delimiter or sniff_delimiter(first[:50])
    header = next(csv.reader(first[:1], delimiter=delimiter), None)
    if not header or not is_header([_header_text(title) for title in header]):
        return None
    parsed = parsed_by_polars(path, data, delimiter, len(header), limits)
    if parsed is None:
        return None
    cells, digest = parsed
    reporter().advance(size)
    header = [_header_text(title) for title in header]
    return Frame(shown_as, header, cells, digest, delimiter=delimiter)


def _read_xlsx(path: Path, shown_as: str, limits: Limits) -> tuple[list[list[object]], str]:
    from python_calamine import CalamineError, CalamineWorkbook

    check_xlsx(path, shown_as, ZipLimits.of(limits))
    try:
        with path.open("rb") as handle:
            digest = hashlib.file_digest(handle, "sha256").hexdigest()
        sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0)
        return sheet.to_python(skip_empty_area=False), digest
    except (CalamineError, OSError, ValueError, IndexError) as exc:
        raise refuse(
            shown_as,
            Text(
                "is not a readable .xlsx workbook ({error}).",
                error=os_reason(exc) if isinstance(exc, OSError) else exc,
            ),
            Text("Open it in Excel or LibreOffice and save it again, or export it as CSV."),
        ) from None


def cell_text(table: Table, row: list[object], name: str) -> str:
    """A cell of a named column as trimmed text; an absent column or an empty cell reads as ""."""
    index = table.column(name)
    return "" if index is None or row[index] is None else str(row[index]).strip()


def column_title(table: Table, name: str) -> str:
    """How a problem names column ``name``: as the header writes it when that is another name
    for it (``report`` for carry_over), so the user finds it; else the canonical name."""
    from budgetbook.read.aliases import normalise

    index = table.column(name)
    if index is None or normalise(table.header[index]) == normalise(name):
        return name
    return table.header[index]


def cell_problem(
    table: Table, number: int, row: list[object], column: str, message: str, hint: str | None
) -> Problem:
    """A problem with one cell: the file, the row number, the column as the header names it
    and the cell's text, so the user finds it."""
    return Problem(
        table.file, message, number, column_title(table, column), cell_text(table, row, column),
        hint,
    )  # fmt: skip
