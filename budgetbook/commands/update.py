"""``budgetbook update``: add finance files to a workbook that a person may have edited.

Where to add is read from what the workbook records of itself (book_record.py): its hidden
record sheet and the names that mark its sheets, headers and lines, which follow a sheet a
person renamed and rows a person moved. Nothing is found by a label, so the workbook's
language is no part of it.

The workbook is edited as the zip of XML it is. New rows are added to the Actuals, Not counted
and record sheets (and to the list of files beside the Actuals, in whichever rows it reaches),
each sheet's XML edited where it changes and kept byte for byte elsewhere (sheet_xml.py), and
every other part is copied byte for byte, so charts, formats, notes and a person's edits all
survive (openpyxl would drop charts and images on saving). Then every formula is given the
value it computes over the workbook as it now is, new rows included (book_formulas.py), so a
viewer that does not recalculate shows true figures; one whose value budgetbook cannot know for
sure is left without one, for the application to compute on opening, and named.
"""

from __future__ import annotations

import shutil
import zipfile
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from budgetbook.commands.book_formulas import NotComputed, cache_results
from budgetbook.commands.book_record import Book, Columns, budget_lines, grid, read_book, value_at
from budgetbook.errors import BudgetbookError, in_language, speaking
from budgetbook.i18n.labels import LABELS
from budgetbook.i18n.messages import Text
from budgetbook.model import Config, Source, Transaction, in_date_order
from budgetbook.read.actuals import Actuals, read_actuals
from budgetbook.read.safezip import check_xlsx
from budgetbook.read.values import serial
from budgetbook.write.book import atomic_write, refuse_if_open
from budgetbook.write.formulas import converted_amount
from budgetbook.write.sheet_xml import Cell, Sheet
from budgetbook.write.sheets import actuals_sheet
from budgetbook.write.sheets import record_sheet as r
from budgetbook.write.sheets.record_sheet import Place
from budgetbook.write.xml_nodes import NotEditable


@dataclass(frozen=True)
class UpdateSummary:
    book: Path
    backup: Path | None  # None when nothing new was found and the workbook was left alone
    taken: Actuals
    config: Config
    # The formulas left without a cached value, for the application to compute on opening.
    not_computed: list[NotComputed] = field(default_factory=list)


def update_workbook(book: Path, files: list[Path]) -> UpdateSummary:
    """Count the new finance rows of ``files`` into ``book``; refuse, changing nothing, any
    file that cannot be read whole."""
    book = Path(book)
    _refuse_open_or_missing(book)
    check_xlsx(book, str(book))
    built = read_book(book)
    with speaking(built.record.config.language):  # its errors from here on in its language
        return _add_files(built, files)


def _add_files(built: Book, files: list[Path]) -> UpdateSummary:
    book, record = built.path, built.record
    lines = budget_lines(built)
    taken = read_actuals(
        [Path(f) for f in files],
        Path.cwd(),
        record.config,
        lines,
        record.rules,
        record.taken,
        refuse_unreadable=True,
    )
    new_sources = [s for s in taken.sources if s.sha256 not in record.taken]
    if not new_sources:  # every file was already in the workbook: nothing to change
        return UpdateSummary(book, None, taken, record.config)

    actuals = built.columns(r.ACTUALS, actuals_sheet.COLUMNS)
    not_counted = built.columns(r.NOT_COUNTED, r.NOT_COUNTED_COLUMNS)
    note = built.place(r.ALL_COUNTED) if r.ALL_COUNTED in built.names else None
    with zipfile.ZipFile(book) as archive:
        infos = archive.infolist()
        parts = {info.filename: archive.read(info) for info in infos}
    sheets = _Sheets(built, parts)
    language = record.config.language
    record_sheet = sheets.get(record.sheet)
    styles = _style_ids(record_sheet)
    category_of = {line.name: line.category for line in lines}
    transactions = in_date_order(taken.transactions)
    labels = LABELS[language]
    _add_to_actuals(
        sheets.get(actuals.sheet),
        actuals,
        lambda first: [
            _transaction_cells(row, t, category_of[t.line], styles, actuals.col)
            for row, t in enumerate(transactions, start=first - 1)  # 0-based, as formulas count
        ],
        [
            _file_cells(source, language, styles, actuals.col)
            for source in actuals_sheet.files_taken(taken.sources, record.taken)
        ],
        (labels.file, labels.read_as, labels.file_rows, labels.file_counted),
    )
    if taken.not_counted and note is not None and note.sheet == not_counted.sheet:
        _remove_note(sheets.get(note.sheet), note)
        sheets.again(note.sheet)
    column = not_counted.col
    _append_rows(
        sheets.get(not_counted.sheet),
        [
            [
                Cell(column["file"], i.file),
                # A summary of many rows, or a whole file, has no row of its own: blank.
                *([] if i.row is None else [Cell(column["row"], i.row)]),
                Cell(column["reason"], in_language(i.reason, language)),
                Cell(column["text"], in_language(i.text, language)),
            ]
            for i in taken.not_counted
        ],
    )
    _append_rows(record_sheet, [_source_cells(s) for s in new_sources])
    _move_as_of(built, sheets, transactions)

    edited = sheets.edited()
    worksheets = {n: p for n, p in built.parts.items() if p.startswith("xl/worksheets/")}
    try:
        not_computed = cache_results(edited, worksheets)
    except NotEditable as exc:  # no spreadsheet application writes such
        raise BudgetbookError(
            Text("{book}: is not a readable .xlsx workbook ({error}).", book=book, error=exc)
        ) from None
    backup = _backup_name(book)
    shutil.copy2(book, backup)

    def write(temporary: Path) -> None:
        with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as out:
            for info in infos:
                data = edited.get(info.filename, parts[info.filename])
                out.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)

    atomic_write(book, write)
    return UpdateSummary(book, backup, taken, record.config, not_computed)


def _move_as_of(built: Book, sheets: _Sheets, transactions: list[Transaction]) -> None:
    """The Budget's as-of month moved forward to the month of the latest new transaction, when
    that month is later: new actuals close it. A cell a person emptied or typed over with
    something other than a date is left as it is, as is a workbook built without the cell."""
    place = built.place(r.AS_OF) if r.AS_OF in built.names else None
    if place is None or not transactions:
        return
    latest = serial(max(t.date for t in transactions).replace(day=1))
    shown = value_at(grid(built.path, place.sheet), place.row, place.col)
    if isinstance(shown, datetime):
        shown = shown.date()
    if not isinstance(shown, date) or serial(shown) >= latest:
        return
    sheet = sheets.get(place.sheet)
    row = sheet.row(place.row + 1)
    style = None
    if row is not None:
        style = next((c.get("s") for col, c in sheet.cells(row) if col == place.col), None)
    sheet.put_cells({place.row + 1: [Cell(place.col, latest, style)]})


class _Sheets:
    """The workbook's sheets opened for editing, by name, each once."""

    def __init__(self, built: Book, parts: dict[str, bytes]):
        self.built, self.parts, self.open = built, parts, {}

    def get(self, name: str) -> Sheet:
        if name not in self.open:
            path = self.built.parts[name]
            try:
                self.open[name] = Sheet(self.parts[path])
            except (NotEditable, KeyError) as exc:  # no spreadsheet application writes such
                raise BudgetbookError(
                    Text(
                        "{book}: is not a readable .xlsx workbook ({error}).",
                        book=self.built.path,
                        error=f"{name}: {exc}",
                    )
                ) from None
        return self.open[name]

    def again(self, name: str) -> None:
        """The sheet with its edits so far, opened again for more."""
        self.parts[self.built.parts[name]] = self.open.pop(name).to_bytes()

    def edited(self) -> dict[str, bytes]:
        for name in list(self.open):
            self.again(name)
        return self.parts


def _refuse_open_or_missing(book: Path) -> None:
    if not book.is_file():
        raise BudgetbookError(Text("{book}: no such workbook.", book=book))
    refuse_if_open(book)


def _style_ids(record: Sheet) -> dict[str, str | None]:
    """The style index of each format, read from the record sheet's sample cells."""
    row = record.row(r.STYLE_ROW + 1)
    styles = {col: cell.get("s") for col, cell in record.cells(row)} if row is not None else {}
    return {name: styles.get(col) for col, name in enumerate(r.STYLE_COLUMNS, start=1)}


def _transaction_cells(
    row: int, t: Transaction, category: str, styles: dict[str, str | None], col: dict[str, int]
) -> list[Cell]:
    """A transaction's cells on row ``row`` (0-based) of the Actuals sheet, as a build writes
    them, in its columns ``col`` (by key) as they are now."""
    cells = {
        "date": Cell(col["date"], serial(t.date), styles["date"]),
        "month": Cell(col["month"], serial(t.date.replace(day=1)), styles["month"]),
        "category": Cell(col["category"], category, styles["text"]),
        "line": Cell(col["line"], t.line, styles["text"]),
        "amount": Cell(col["amount"], t.amount, styles["money"]),
        "description": Cell(col["description"], t.description, styles["text"]),
        "vendor": Cell(col["vendor"], t.vendor, styles["text"]),
        "account": Cell(col["account"], t.account, styles["text"]),
        "source_file": Cell(col["source_file"], t.source_file, styles["text"]),
        "source_row": Cell(col["source_row"], t.source_row, styles["integer"]),
    }
    c = t.conversion
    if c is not None:  # how a converted amount was made, and Amount the formula over it
        formula = converted_amount(
            row,
            col["original"],
            col["rate"] if c.rate is not None else None,
            col["vat"] if c.vat is not None else None,
            c.vat_included,
        )
        cells["amount"] = Cell(col["amount"], t.amount, styles["money"], formula.removeprefix("="))
        cells["original"] = Cell(col["original"], c.original, styles["number_plain"])
        cells["currency"] = Cell(col["currency"], c.currency, styles["text"])
        if c.rate is not None:
            cells["rate"] = Cell(col["rate"], c.rate, styles["rate"])
        if c.vat is not None:
            cells["vat"] = Cell(col["vat"], c.vat, styles["percent"])
    return list(cells.values())


def _file_cells(
    source: Source, language: str, styles: dict[str, str | None], col: dict[str, int]
) -> list[Cell]:
    """A file's row of the Actuals sheet's block of files taken, as a build writes it."""
    file, read_as, rows, counted = actuals_sheet.file_values(source, language)
    return [
        Cell(col["file"], file, styles["text"]),
        Cell(col["read_as"], read_as, styles["text"]),
        Cell(col["file_rows"], rows, styles["integer"]),
        Cell(col["file_counted"], counted, styles["integer"]),
    ]


def _source_cells(source: Source) -> list[Cell]:
    first = r.FIRST_SOURCE_COL
    return [
        Cell(first, source.file),
        Cell(first + 1, source.sha256),
        Cell(first + 2, source.rows),
        Cell(first + 3, source.counted),
    ]


def _append_rows(sheet: Sheet, rows: list[list[Cell]]) -> None:
    """Rows after the sheet's last row; its dimension and filter widened to reach them."""
    if not rows:
        return
    first = sheet.last_row() + 1
    sheet.put_cells({first + i: cells for i, cells in enumerate(rows)})
    last = first + len(rows) - 1
    sheet.widen("dimension", last, max(cell.col for cells in rows for cell in cells))
    sheet.widen("autoFilter", last)


def _remove_note(sheet: Sheet, note: Place) -> None:
    """The Not counted sheet's note that every row was counted, its row removed if the note's
    cell is still the only one holding a value (a row a person wrote more in stays)."""
    row = sheet.row(note.row + 1)
    if row is not None and sheet.columns_with_values(row) == {note.col}:
        sheet.remove_row(row)


_TRANSACTION = ("date", "month", "category", "line", "amount", "description", "vendor")
_TRANSACTION += ("account", "source_file", "source_row")  # the columns every transaction fills
_FILE = ("file", "read_as", "file_rows", "file_counted")


def _add_to_actuals(
    sheet: Sheet,
    actuals: Columns,
    transactions: Callable[[int], list[list[Cell]]],
    files: list[list[Cell]],
    file_titles: tuple[str, ...],
) -> None:
    """The new transactions (their cells from the first row they fill, 1-based) below the
    last row of the transaction columns, and the new files in the first free rows of the
    block of files taken (under its header, in the transactions' header style, if a person
    removed it). Each may fall in rows that hold the other's cells: both go into the rows
    there are, in column order, or into new ones."""
    header = actuals.row + 1  # 1-based, as rows are numbered in the XML
    filled = {actuals.col[key] for key in _TRANSACTION}
    first = _last_row_with_values(sheet, filled, header) + 1
    transactions = transactions(first)
    if not transactions and not files:
        return
    cells: dict[int, list[Cell]] = defaultdict(list)
    for number, row in enumerate(transactions, start=first):
        cells[number] += row
    block = {actuals.col[key] for key in _FILE}
    below = header
    if files:
        row = sheet.row(header)
        if row is None or not sheet.columns_with_values(row) & block:  # a person removed it
            style = _style_at(sheet, header, actuals.col["date"])
            titles = zip(_FILE, file_titles, strict=True)
            cells[header] += [Cell(actuals.col[key], title, style) for key, title in titles]
        for row in sheet.rows_from(header + 1):  # the block: the rows that follow it
            if row.number != below + 1 or not sheet.columns_with_values(row) & block:
                break
            below = row.number
    for number, row in enumerate(files, start=below + 1):
        cells[number] += row
    sheet.put_cells(cells)
    last_col = max(cell.col for row in cells.values() for cell in row)
    sheet.widen("dimension", max(cells), last_col)
    if transactions:
        sheet.widen("autoFilter", first + len(transactions) - 1)


def _last_row_with_values(sheet: Sheet, columns: set[int], floor: int) -> int:
    """The last row (1-based) holding a value in ``columns``, looking up from the sheet's end,
    and not above row ``floor``: the rows below the last transaction are few (the block of
    files taken, when it is longer)."""
    for row in sheet.rows_backwards():
        if row.number <= floor:
            return floor
        if sheet.columns_with_values(row) & columns:
            return row.number
    return floor


def _style_at(sheet: Sheet, number: int, col: int) -> str | None:
    row = sheet.row(number)
    return next((c.get("s") for k, c in sheet.cells(row) if k == col), None) if row else None


def _backup_name(book: Path) -> Path:
    for n in range(1, 10_000):
        candidate = book.with_name(f"{book.stem}.before-update-{n}{book.suffix}")
        if not candidate.exists():
            return candidate
    raise BudgetbookError(Text("{book}: too many backups beside it; remove old ones.", book=book))
