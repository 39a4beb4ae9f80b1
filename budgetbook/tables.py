"""Read a CSV or XLSX file into a header and numbered rows, whatever its encoding or dialect."""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from budgetbook.errors import InputErrors, Problem
from budgetbook.safezip import check_xlsx

TABLE_SUFFIXES = (".csv", ".xlsx")


@dataclass(frozen=True)
class Table:
    """A file's first sheet: a header and its data rows, each with its spreadsheet row number."""

    file: str  # the name shown to the user, relative to the project
    header: list[str]
    rows: list[tuple[int, list[object]]]

    def overflow(self, row: list[object]) -> bool:
        """Whether a row holds values beyond the header's last column (a shifted row)."""
        return any(str(cell).strip() for cell in row[len(self.header) :] if cell is not None)

    def column(self, name: str) -> int | None:
        """Index of a column by header name, ignoring case and surrounding spaces."""
        wanted = name.strip().casefold()
        for index, title in enumerate(self.header):
            if title.strip().casefold() == wanted:
                return index
        return None


HEADER_SEARCH_ROWS = 30


def read_table(
    path: Path,
    shown_as: str,
    is_header: Callable[[list[str]], bool] | None = None,
    *,
    delimiter: str | None = None,
    encoding: str | None = None,
    header_row: int | None = None,
) -> Table:
    """Read the first sheet. The header is ``header_row``, else the first non-empty row, or
    with ``is_header`` the first of the top rows it accepts, so title blocks are skipped.
    ``delimiter`` and ``encoding`` override what is detected in a CSV file."""
    if path.suffix.lower() == ".xlsx":
        grid = _read_xlsx(path, shown_as)
    else:
        grid = _read_csv(path, shown_as, delimiter, encoding)
    numbered = [(number, row) for number, row in enumerate(grid, start=1) if _has_data(row)]
    if header_row is not None:
        numbered = [(number, row) for number, row in numbered if number >= header_row]
        if not numbered or numbered[0][0] != header_row:
            raise InputErrors(
                [Problem(shown_as, f"row {header_row}, named as the header row, is empty.")]
            )
    if not numbered:
        raise InputErrors([Problem(shown_as, "is empty: it has no header row.")])
    start = 0
    if is_header is not None and header_row is None:
        for index, (_, row) in enumerate(numbered[:HEADER_SEARCH_ROWS]):
            if is_header([_header_text(cell) for cell in row]):
                start = index
                break
    (_, header), *rows = numbered[start:]
    width = len(header)
    return Table(
        shown_as,
        [_header_text(title) for title in header],
        [(number, _fit(row, width)) for number, row in rows],
    )


def _header_text(title: object) -> str:
    """A header as text; a date (Excel turns a typed 2026-01 into one) becomes ``YYYY-MM``."""
    if isinstance(title, date):
        return f"{title.year:04d}-{title.month:02d}"
    return str(title).strip()


def _has_data(row: list[object]) -> bool:
    return any(str(cell).strip() for cell in row if cell is not None)


def _fit(row: list[object], width: int) -> list[object]:
    """Pad short rows with blanks, so a missing trailing cell reads as empty."""
    return list(row) + [""] * (width - len(row)) if len(row) < width else list(row)


def decode(data: bytes) -> str:
    """UTF-16 when it starts with its BOM (Excel's "Unicode text"), UTF-8 (with or without
    BOM) when it decodes, else Windows-1252, as older French exports are."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def sniff_delimiter(text: str) -> str:
    """The delimiter among ``,`` ``;`` tab and ``|`` that splits the most of the first lines
    into the same number (above one) of fields; title lines above a header do not vote."""
    lines = [line for line in text.splitlines()[:50] if line.strip()]
    best, best_score = ",", (0, 0)
    for delimiter in (",", ";", "\t", "|"):
        counts = Counter(len(row) for row in csv.reader(lines, delimiter=delimiter))
        fields, lines_alike = max(
            ((n, c) for n, c in counts.items() if n > 1), key=lambda nc: nc[1], default=(0, 0)
        )
        if (lines_alike, fields) > best_score:
            best, best_score = delimiter, (lines_alike, fields)
    return best


def _read_csv(
    path: Path, shown_as: str, delimiter: str | None, encoding: str | None
) -> list[list[object]]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputErrors([Problem(shown_as, f"cannot be read: {exc.strerror}.")]) from None
    text = data.decode(encoding, errors="replace") if encoding else decode(data)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter or sniff_delimiter(text))
    try:
        return list(reader)
    except csv.Error as exc:
        raise InputErrors(
            [Problem(shown_as, f"is not a readable CSV file: {exc}.", row=reader.line_num)]
        ) from None


def _read_xlsx(path: Path, shown_as: str) -> list[list[object]]:
    from python_calamine import CalamineError, CalamineWorkbook

    check_xlsx(path, shown_as)
    try:
        sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0)
        return sheet.to_python(skip_empty_area=False)
    except (CalamineError, OSError, ValueError) as exc:
        raise InputErrors(
            [Problem(shown_as, f"is not a readable .xlsx workbook ({exc}).")]
        ) from None
