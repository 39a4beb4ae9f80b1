"""``budgetbook update``: add finance files to a workbook that a person may have edited.

The workbook is edited as the zip of XML it is. New rows are appended to the Actuals, Not
counted and record sheets (and to the list of files beside the Actuals, in whichever rows it
reaches) and every other part is copied byte for byte, so charts, formats, notes and a
person's edits all survive (openpyxl would drop charts and images on saving).
Formulas are left without cached results, so Excel, LibreOffice and Google Sheets compute
them afresh when the workbook opens, new rows included.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from xml.etree import ElementTree
from xml.sax.saxutils import escape

from xlsxwriter.utility import xl_cell_to_rowcol, xl_col_to_name

from budgetbook import LANGUAGES
from budgetbook.errors import BudgetbookError, InputErrors, in_language, speaking
from budgetbook.i18n.labels import LABELS, Labels
from budgetbook.i18n.messages import Text
from budgetbook.model import BudgetLine, Config, MappingRule, Source, Transaction, in_date_order
from budgetbook.read.actuals import Actuals, read_actuals
from budgetbook.read.config import parse_carry_over, parse_config
from budgetbook.read.safezip import check_xlsx
from budgetbook.read.values import EXCEL_EPOCH
from budgetbook.write.book import atomic_write, refuse_if_open
from budgetbook.write.formulas import cell, converted_amount
from budgetbook.write.sheets import actuals_sheet, record_sheet
from budgetbook.write.sheets.budget_sheet import CATEGORY_COL, LABEL_COL, LINE_COL, POLICY_COL

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
PACKAGE_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"


@dataclass(frozen=True)
class UpdateSummary:
    book: Path
    backup: Path | None  # None when nothing new was found and the workbook was left alone
    taken: Actuals
    config: Config


@dataclass(frozen=True)
class _Record:
    config: Config
    rules: list[MappingRule]
    taken: dict[str, str]  # sha256 -> file, for every finance file already in the workbook


def update_workbook(book: Path, files: list[Path]) -> UpdateSummary:
    """Count the new finance rows of ``files`` into ``book``; refuse, changing nothing, any
    file that cannot be read whole."""
    book = Path(book)
    _refuse_open_or_missing(book)
    check_xlsx(book, str(book))
    record = _read_record(book)
    with speaking(record.config.language):  # its errors from here on in the workbook's language
        return _add_files(book, files, record)


def _add_files(book: Path, files: list[Path], record: _Record) -> UpdateSummary:
    labels = LABELS[record.config.language]
    lines = _budget_lines(book, labels)
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

    with zipfile.ZipFile(book) as archive:
        infos = archive.infolist()
        parts = {info.filename: archive.read(info) for info in infos}
    paths = _sheet_paths(parts)
    for name in (labels.actuals, labels.not_counted, record_sheet.SHEET_NAME):
        if name not in paths:
            raise BudgetbookError(
                Text(
                    "{book}: the sheet '{name}' is missing; build the workbook again.",
                    book=book,
                    name=name,
                )
            )
    edited = {
        path: _forget_results(data.decode("utf-8"))
        for path, data in parts.items()
        if path.startswith("xl/worksheets/") and path.endswith(".xml")
    }
    styles = _style_ids(edited[paths[record_sheet.SHEET_NAME]])
    category_of = {line.name: line.category for line in lines}
    transactions = in_date_order(taken.transactions)
    edited[paths[labels.actuals]] = _add_to_actuals(
        edited[paths[labels.actuals]],
        lambda first: [
            _transaction_cells(row, t, category_of[t.line], styles)
            for row, t in enumerate(transactions, start=first - 1)  # 0-based, as formulas count
        ],
        [
            _file_cells(source, record.config.language, styles)
            for source in actuals_sheet.files_taken(taken.sources, record.taken)
        ],
        labels,
    )
    not_counted_xml = edited[paths[labels.not_counted]]
    if taken.not_counted and _holds_all_counted_note(book, labels):
        not_counted_xml = _remove_row(not_counted_xml, 2)
    edited[paths[labels.not_counted]] = _append_rows(
        not_counted_xml,
        [
            [
                (0, _text(i.file)),
                # A summary of many rows, or a whole file, has no row of its own: blank.
                *([] if i.row is None else [(1, _number(i.row))]),
                (2, _text(in_language(i.reason, record.config.language))),
                (3, _text(in_language(i.text, record.config.language))),
            ]
            for i in taken.not_counted
        ],
    )
    edited[paths[record_sheet.SHEET_NAME]] = _append_rows(
        edited[paths[record_sheet.SHEET_NAME]], [_source_cells(s) for s in new_sources]
    )

    backup = _backup_name(book)
    shutil.copy2(book, backup)

    def write(temporary: Path) -> None:
        with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as out:
            for info in infos:
                data = (
                    edited[info.filename].encode("utf-8")
                    if info.filename in edited
                    else parts[info.filename]
                )
                out.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)

    atomic_write(book, write)
    return UpdateSummary(book, backup, taken, record.config)


def _refuse_open_or_missing(book: Path) -> None:
    if not book.is_file():
        raise BudgetbookError(Text("{book}: no such workbook.", book=book))
    refuse_if_open(book)


def _grid(book: Path, sheet: str) -> list[list[object]]:
    from python_calamine import CalamineError, CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_path(str(book))
        if sheet not in workbook.sheet_names:
            raise BudgetbookError(
                Text(
                    "{book}: not a workbook made by budgetbook (no '{sheet}' sheet); make one"
                    " with budgetbook build.",
                    book=book,
                    sheet=sheet,
                )
            )
        return workbook.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
    except (CalamineError, OSError, ValueError) as exc:
        raise BudgetbookError(
            Text("{book}: is not a readable .xlsx workbook ({error}).", book=book, error=exc)
        ) from None


def _read_record(book: Path) -> _Record:
    grid = _grid(book, record_sheet.SHEET_NAME)

    def at(row: int, col: int) -> object:
        return grid[row][col] if row < len(grid) and col < len(grid[row]) else ""

    if at(record_sheet.MARKER_ROW, 0) != "budgetbook":
        raise BudgetbookError(
            Text(
                "{book}: its '{sheet}' sheet was not written by budgetbook.",
                book=book,
                sheet=record_sheet.SHEET_NAME,
            )
        )
    try:
        settings = Text("{book} (its settings)", book=book)
        config = parse_config(str(at(record_sheet.CONFIG_ROW, 1)), settings)
    except InputErrors as exc:
        error = BudgetbookError(
            Text("{book}: its recorded settings cannot be read: {error}", book=book, error=exc)
        )
        error.language = exc.language  # the settings' own, when they say it
        raise error from None
    language = at(record_sheet.CONFIG_ROW, record_sheet.LANGUAGE_COL)
    if language in LANGUAGES:  # a workbook written before it was recorded has none
        config = replace(config, language=language)
    rules, taken = [], {}
    for row in range(record_sheet.RULES_HEADER_ROW + 1, len(grid)):
        match, line = (
            str(at(row, record_sheet.RULE_MATCH_COL)),
            str(at(row, record_sheet.RULE_LINE_COL)),
        )
        if match and line:
            rules.append(MappingRule(match, line))
        file = str(at(row, record_sheet.FIRST_SOURCE_COL))
        digest = str(at(row, record_sheet.FIRST_SOURCE_COL + 1))
        if digest:
            taken.setdefault(digest, file)
    return _Record(config, rules, taken)


def _holds_all_counted_note(book: Path, labels: Labels) -> bool:
    """Whether the Not counted sheet still says that every row was counted (its row 2)."""
    grid = _grid(book, labels.not_counted)
    return len(grid) > 1 and bool(grid[1]) and grid[1][0] == labels.all_counted


def _budget_lines(book: Path, labels: Labels) -> list[BudgetLine]:
    """The lines as the Budget sheet holds them now, lines a person added included."""
    policy_of = {shown: value for value, shown in labels.policies.items()}
    lines = []
    for row in _grid(book, labels.budget):
        if len(row) <= LABEL_COL or row[LABEL_COL] != labels.planned:
            continue
        policy = parse_carry_over(policy_of.get(str(row[POLICY_COL]), str(row[POLICY_COL])))
        if policy is not None and str(row[LINE_COL]).strip():
            lines.append(
                BudgetLine(str(row[CATEGORY_COL]), str(row[LINE_COL]).strip(), "", policy, ())
            )
    return lines


def _sheet_paths(parts: dict[str, bytes]) -> dict[str, str]:
    """Sheet name -> path of its XML part inside the zip."""
    workbook = ElementTree.fromstring(parts["xl/workbook.xml"])
    rels = ElementTree.fromstring(parts["xl/_rels/workbook.xml.rels"])
    target = {rel.get("Id"): rel.get("Target") for rel in rels.iter(f"{PACKAGE_REL}Relationship")}
    paths = {}
    for sheet in workbook.iter(f"{MAIN}sheet"):
        path = target.get(sheet.get(REL_ID), "")
        paths[sheet.get("name")] = path.lstrip("/") if path.startswith("/") else f"xl/{path}"
    return paths


_FORMULA_CELL = re.compile(r"<c\b([^>]*)>(<f\b[^>]*/>|<f\b[^>]*>[^<]*</f>)<v>[^<]*</v></c>")
_TYPE = re.compile(r'\s+t="[^"]*"')


def _forget_results(xml: str) -> str:
    """Drop the cached result of every formula cell, so applications compute it on opening."""
    return _FORMULA_CELL.sub(lambda m: f"<c{_TYPE.sub('', m[1])}>{m[2]}</c>", xml)


def _style_ids(record_xml: str) -> dict[str, str]:
    """The style index of each format, read from the record sheet's sample cells."""
    ids = {}
    for col, name in enumerate(record_sheet.STYLE_COLUMNS, start=1):
        ref = cell(record_sheet.STYLE_ROW, col)
        match = re.search(rf'<c r="{ref}"[^>]*?\ss="(\d+)"', record_xml)
        ids[name] = match[1] if match else "0"
    return ids


_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|_x[0-9A-Fa-f]{4}_")


def _escape_text(text: str) -> str:
    """XML text as Excel stores it: characters XML cannot hold become ``_xHHHH_``."""

    def code(match: re.Match) -> str:
        found = match[0]
        return "_x005F" + found if found.startswith("_x") else f"_x{ord(found):04X}_"

    return escape(_ILLEGAL.sub(code, text))


def _text(value: str, style: str | None = None) -> str:
    s = f' s="{style}"' if style else ""
    return f'{s} t="inlineStr"><is><t xml:space="preserve">{_escape_text(value)}</t></is>'


def _number(value: int | Decimal, style: str | None = None) -> str:
    s = f' s="{style}"' if style else ""
    return f"{s}><v>{value}</v>"


def _formula(formula: str, value: Decimal, style: str | None = None) -> str:
    """A formula cell (``formula`` as written in a cell, ``=`` first) with its true value."""
    s = f' s="{style}"' if style else ""
    return f"{s}><f>{escape(formula.removeprefix('='))}</f><v>{value}</v>"


def _serial(day: date) -> int:
    return (day - EXCEL_EPOCH).days


def _transaction_cells(
    row: int, t: Transaction, category: str, styles: dict[str, str]
) -> list[tuple[int, str]]:
    """A transaction's cells on row ``row`` (0-based) of the Actuals sheet, as a build writes
    them."""
    a = actuals_sheet
    cells = {
        a.DATE: _number(_serial(t.date), styles["date"]),
        a.MONTH: _number(_serial(t.date.replace(day=1)), styles["month"]),
        a.CATEGORY: _text(category, styles["text"]),
        a.LINE: _text(t.line, styles["text"]),
        a.AMOUNT: _number(t.amount, styles["money"]),
        a.DESCRIPTION: _text(t.description, styles["text"]),
        a.VENDOR: _text(t.vendor, styles["text"]),
        a.ACCOUNT: _text(t.account, styles["text"]),
        a.SOURCE_FILE: _text(t.source_file, styles["text"]),
        a.SOURCE_ROW: _number(t.source_row, styles["integer"]),
    }
    cells.update(_conversion_cells(row, t, styles))  # a converted Amount: its formula
    return list(cells.items())


def _conversion_cells(row: int, t: Transaction, styles: dict[str, str]) -> list[tuple[int, str]]:
    """A converted amount's making, and Amount as the formula over it, as a build writes it;
    nothing for an amount read as written."""
    c, a = t.conversion, actuals_sheet
    if c is None:
        return []
    formula = converted_amount(
        row,
        a.ORIGINAL,
        a.RATE if c.rate is not None else None,
        a.VAT if c.vat is not None else None,
        c.vat_included,
    )
    cells = [
        (a.AMOUNT, _formula(formula, t.amount, styles["money"])),
        (a.ORIGINAL, _number(c.original, styles["number_plain"])),
        (a.CURRENCY, _text(c.currency, styles["text"])),
    ]
    if c.rate is not None:
        cells.append((a.RATE, _number(c.rate, styles["rate"])))
    if c.vat is not None:
        cells.append((a.VAT, _number(c.vat, styles["percent"])))
    return cells


def _file_cells(source: Source, language: str, styles: dict[str, str]) -> list[tuple[int, str]]:
    """A file's row of the Actuals sheet's block of files taken, as a build writes it."""
    a = actuals_sheet
    file, read_as, rows, counted = a.file_values(source, language)
    return [
        (a.FILE, _text(file, styles["text"])),
        (a.READ_AS, _text(read_as, styles["text"])),
        (a.FILE_ROWS, _number(rows, styles["integer"])),
        (a.FILE_COUNTED, _number(counted, styles["integer"])),
    ]


def _source_cells(source: Source) -> list[tuple[int, str]]:
    first = record_sheet.FIRST_SOURCE_COL
    return [
        (first, _text(source.file)),
        (first + 1, _text(source.sha256)),
        (first + 2, _number(source.rows)),
        (first + 3, _number(source.counted)),
    ]


_ROW_NUMBER = re.compile(r'<row\b[^>]*?\sr="(\d+)"')


def _append_rows(xml: str, rows: list[list[tuple[int, str]]]) -> str:
    """Add rows after the sheet's last row; widen its dimension and filter to reach them."""
    if not rows:
        return xml
    numbers = [int(n) for n in _ROW_NUMBER.findall(xml)]
    first = max(numbers, default=0) + 1
    added = "".join(
        f'<row r="{first + i}">'
        + "".join(f'<c r="{cell(first + i - 1, col)}"{body}</c>' for col, body in cells)
        + "</row>"
        for i, cells in enumerate(rows)
    )
    last = first + len(rows) - 1
    if "<sheetData/>" in xml:
        xml = xml.replace("<sheetData/>", f"<sheetData>{added}</sheetData>", 1)
    else:
        at = xml.rindex("</sheetData>")
        xml = xml[:at] + added + xml[at:]
    return re.sub(
        r'(<(?:dimension|autoFilter)\b[^>]*\sref="[A-Z]+\d+:[A-Z]+)(\d+)"',
        lambda m: f'{m[1]}{max(int(m[2]), last)}"',
        xml,
    )


Cells = list[tuple[int, str]]  # a row's new cells: (column, its XML after the reference)
_CELL = re.compile(r'<c\b[^>]*?\sr="([A-Z]+)(\d+)"[^>]*?(/?)>')
_ROW_TAG = re.compile(r"<row\b([^>]*?)(/?)>")
_ROW_ATTRIBUTE = re.compile(r'\sr="(\d+)"')
_SPANS = re.compile(r'\sspans="(\d+):(\d+)"')
_DIGITS = re.compile(r'(\d+)"')


def _add_to_actuals(
    xml: str, transactions: Callable[[int], list[Cells]], files: list[Cells], labels: Labels
) -> str:
    """The new transactions (their cells from the first row they fill, 1-based) below the
    last row of the transaction columns, and the new files
    below the last row of the block of files taken (under its header, in the transactions'
    header style, if a person removed it). Each may fall in rows that hold the other's cells:
    both go into the rows there are, in column order, or into new ones."""
    a = actuals_sheet
    first = _last_transaction_row(xml) + 1
    transactions = transactions(first)
    if not transactions and not files:
        return xml
    cells: dict[int, Cells] = defaultdict(list)
    for number, row in enumerate(transactions, start=first):
        cells[number] += row
    below = _last_row_in_columns(xml, a.FILE, a.FILE_COUNTED)
    if files and below == 0:
        titles = (labels.file, labels.read_as, labels.file_rows, labels.file_counted)
        header = re.search(r'<c\b[^>]*?\sr="A1"[^>]*?\ss="(\d+)"', xml)
        style = header[1] if header else None
        columns = range(a.FILE, a.FILE_COUNTED + 1)
        cells[1] += [(col, _text(title, style)) for col, title in zip(columns, titles, strict=True)]
        below = 1
    for number, row in enumerate(files, start=below + 1):
        cells[number] += row
    xml = _put_cells(xml, cells)
    last_col = max(col for row in cells.values() for col, _ in row)
    xml = _widen_dimension(xml, max(cells), last_col)
    if transactions:
        last = first + len(transactions) - 1
        xml = re.sub(
            r'(<autoFilter\b[^>]*\sref="[A-Z]+\d+:[A-Z]+)(\d+)"',
            lambda m: f'{m[1]}{max(int(m[2]), last)}"',
            xml,
        )
    return xml


def _last_transaction_row(xml: str) -> int:
    """The last row (1-based) holding a value in the transaction columns, looking up from the
    sheet's end: the rows below it are few (the block of files taken, when it is longer). A
    cell without a value (``<c r="A9" s="3"/>``, formatted only) holds nothing."""
    a = actuals_sheet
    data = xml.find("<sheetData")
    end = xml.rfind("</sheetData>")
    while end > data:
        start = xml.rfind("<row", data, end)
        if start < 0:
            break
        for match in _CELL.finditer(xml, start, end):
            if not match[3] and a.DATE <= _column(match[1]) <= a.SOURCE_ROW:
                return int(match[2])
        end = start
    return 0


def _last_row_in_columns(xml: str, first: int, last: int) -> int:
    """The last row (1-based) holding a value in columns ``first`` to ``last``; 0 if none.
    Found by the text `` r="L`` of each column's cells (a regular expression over every cell
    of a 200,000-row sheet took a second), inside a cell's tag: a text may hold it too."""
    found = 0
    for col in range(first, last + 1):
        key = f' r="{xl_col_to_name(col)}'
        at = xml.find(key)
        while at >= 0:
            digits = _DIGITS.match(xml, at + len(key))
            tag = xml.rfind("<", 0, at)
            close = xml.find(">", at)
            in_cell = xml.startswith("<c", tag) and xml[tag + 2].isspace()
            in_cell = in_cell and xml.find(">", tag) == close
            if digits and in_cell and xml[close - 1] != "/":  # a value, not a format only
                found = max(found, int(digits[1]))
            at = xml.find(key, at + len(key))
    return found


def _column(name: str) -> int:
    return xl_cell_to_rowcol(f"{name}1")[1]


def _put_cells(xml: str, cells: dict[int, Cells]) -> str:
    """``cells`` (by 1-based row number) into the sheet: into the row there is, in column
    order, else into a new row where its number puts it."""
    xml = xml.replace("<sheetData/>", "<sheetData></sheetData>", 1)
    begin = xml.index(">", xml.index("<sheetData")) + 1
    end = xml.rindex("</sheetData>")
    out, at = [xml[:begin]], begin
    for number in sorted(cells):
        row = _first_row_from(xml, number, at, end)
        if row is not None and _row_number(row) == number:
            close = row.end() if row[2] else xml.index("</row>", row.end()) + len("</row>")
            out += [xml[at : row.start()], _into_row(xml[row.start() : close], cells[number])]
            at = close
        else:
            place = end if row is None else row.start()
            out += [xml[at:place], _new_row(number, cells[number])]
            at = place
    out.append(xml[at:])
    return "".join(out)


def _first_row_from(xml: str, number: int, start: int, end: int) -> re.Match | None:
    """The first <row> tag between ``start`` and ``end`` whose number is ``number`` or more,
    found by halving the text (rows are in order), not by walking a large sheet's rows."""
    low, high = start, end
    while low < high:
        middle = (low + high) // 2
        row = _ROW_TAG.search(xml, middle, end)
        if row is None or _row_number(row) >= number:
            high = middle
        else:
            low = row.end()
    return _ROW_TAG.search(xml, low, end)


def _row_number(row: re.Match) -> int:
    return int(_ROW_ATTRIBUTE.search(row[1])[1])


def _cell_xml(number: int, col: int, body: str) -> str:
    return f'<c r="{cell(number - 1, col)}"{body}</c>'


def _new_row(number: int, cells: Cells) -> str:
    inside = "".join(_cell_xml(number, col, body) for col, body in sorted(cells))
    return f'<row r="{number}">{inside}</row>'


def _into_row(row: str, cells: Cells) -> str:
    """A <row> element with ``cells`` among its own, in column order (a cell of the same
    column replaced), its ``spans``, a hint of the columns it holds, widened to them."""
    tag = _ROW_TAG.match(row)
    number = _row_number(tag)
    body = "" if tag[2] else row[tag.end() : -len("</row>")]
    new = sorted(cells)
    attributes = _SPANS.sub(
        lambda m: f' spans="{min(int(m[1]), new[0][0] + 1)}:{max(int(m[2]), new[-1][0] + 1)}"',
        tag[1],
    )
    own = [
        (_column(m[1]), m.start(), m.end() if m[3] else body.index("</c>", m.end()) + len("</c>"))
        for m in _CELL.finditer(body)
    ]
    pieces, at = [], 0
    for col, inside in new:
        after = next(((c, start, stop) for c, start, stop in own if c >= col and start >= at), None)
        if after is None:
            pieces.append(body[at:])
            at = len(body)
        else:
            c, start, stop = after
            pieces.append(body[at:start])
            at = stop if c == col else start
        pieces.append(_cell_xml(number, col, inside))
    pieces.append(body[at:])
    return f"<row{attributes}>" + "".join(pieces) + "</row>"


def _widen_dimension(xml: str, last_row: int, last_col: int) -> str:
    """The sheet's dimension reaching row ``last_row`` (1-based) and column ``last_col``."""

    def widen(match: re.Match) -> str:
        row, col = xl_cell_to_rowcol(match[2] or match[1])
        return f'<dimension ref="{match[1]}:{cell(max(row, last_row - 1), max(col, last_col))}"'

    return re.sub(r'<dimension ref="([A-Z]+\d+)(?::([A-Z]+\d+))?"', widen, xml, count=1)


def _remove_row(xml: str, number: int) -> str:
    return re.sub(rf'<row\b[^>]*?\sr="{number}"[^>]*?(?:/>|>.*?</row>)', "", xml, count=1)


def _backup_name(book: Path) -> Path:
    for n in range(1, 10_000):
        candidate = book.with_name(f"{book.stem}.before-update-{n}{book.suffix}")
        if not candidate.exists():
            return candidate
    raise BudgetbookError(Text("{book}: too many backups beside it; remove old ones.", book=book))
