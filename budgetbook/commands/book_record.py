"""What a workbook budgetbook built says of itself (budgetbook/write/sheets/record_sheet.py),
read back for ``update``: its record sheet, and the places its hidden names mark, wherever a
person moved or renamed them since. Nothing is found by a label, so the workbook's language is
no part of it; what cannot be found is refused, naming it."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from pathlib import Path
from xml.etree import ElementTree

from xlsxwriter.utility import xl_cell_to_rowcol, xl_rowcol_to_cell

from budgetbook import LANGUAGES
from budgetbook.errors import BudgetbookError, InputErrors, Problem, os_reason
from budgetbook.i18n.messages import Text
from budgetbook.model import BudgetLine, CarryOver, Config, MappingRule
from budgetbook.read.budget import refused_line_name
from budgetbook.read.config import parse_config
from budgetbook.read.criteria import matching_key
from budgetbook.write.sheets import record_sheet as r
from budgetbook.write.sheets.record_sheet import Place

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
PACKAGE_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
# A name's cell: 'Sheet name'!$A$1 or Sheet!$A$1 ('' is a quote in a quoted sheet name).
_REFERENCE = re.compile(
    r"(?:'(?P<quoted>(?:[^']|'')+)'|(?P<plain>[^'!]+))!(?P<cell>\$?[A-Z]{1,3}\$?\d+)"
)


@dataclass(frozen=True)
class RecordedLine:
    name: str  # the workbook name of its name cell
    built: str  # its name when the workbook was built
    carry_over: CarryOver
    vat: Decimal | None


@dataclass(frozen=True)
class Record:
    config: Config
    rules: list[MappingRule]
    taken: dict[str, str]  # sha256 -> file, for every finance file already in the workbook
    lines: list[RecordedLine]
    sheet: str  # the record sheet's name


@dataclass(frozen=True)
class Columns:
    """Where a sheet's columns are now: its header row (0-based) and each column by key."""

    sheet: str
    row: int
    col: dict[str, int]


@dataclass(frozen=True)
class Book:
    """A built workbook's sheets (name -> part in the zip), names and record."""

    path: Path
    parts: dict[str, str]
    names: dict[str, str]
    record: Record

    def place(self, name: str) -> Place | None:
        """The cell the name ``name`` marks; None if a person deleted it (#REF!). Refused,
        naming it, if the workbook has no such name or it marks a sheet that is gone."""
        if name not in self.names:
            raise _damaged(self.path, name)
        reference = self.names[name]
        found = _REFERENCE.fullmatch(reference)
        if found is None:
            if reference.endswith("#REF!"):
                return None
            raise _damaged(self.path, f"{name} = {reference}")
        sheet = found["plain"] or found["quoted"].replace("''", "'")
        if sheet not in self.parts:
            raise BudgetbookError(
                Text(
                    "{book}: the sheet '{name}' is missing; build the workbook again.",
                    book=self.path,
                    name=sheet,
                )
            )
        return Place(sheet, *xl_cell_to_rowcol(found["cell"].replace("$", "")))

    def columns(self, names: str, keys) -> Columns:
        """The columns whose header cells ``names`` (a template of ``keys``) mark: on one row
        of one sheet, however a person moved them, or refused."""
        places = {key: self.place(names.format(key)) for key in keys}
        for key, place in places.items():
            if place is None:
                raise _damaged(self.path, f"{names.format(key)} = #REF!")
        sheets_and_rows = {(p.sheet, p.row) for p in places.values()}
        if len(sheets_and_rows) != 1:
            raise _damaged(
                self.path,
                ", ".join(f"{names.format(k)} = {p.reference()}" for k, p in places.items()),
            )
        ((sheet, row),) = sheets_and_rows
        return Columns(sheet, row, {key: place.col for key, place in places.items()})


def read_book(book: Path) -> Book:
    """The workbook's sheets, names and record; refused if budgetbook did not build it or its
    record cannot be read."""
    try:
        with zipfile.ZipFile(book) as archive:
            workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
            rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, OSError, zipfile.BadZipFile, ElementTree.ParseError) as exc:
        raise _unreadable(book, exc) from None
    parts = _sheet_parts(workbook, rels)
    names = {
        name.get("name"): (name.text or "").strip()
        for name in workbook.iter(f"{MAIN}definedName")
        if name.get("localSheetId") is None  # a sheet's own name of the same name aside
    }
    recorded = _REFERENCE.fullmatch(names.get(r.RECORD, ""))
    sheet = (recorded["plain"] or recorded["quoted"].replace("''", "'")) if recorded else ""
    sheet = sheet if sheet in parts else r.SHEET_NAME
    if sheet not in parts:
        raise BudgetbookError(
            Text(
                "{book}: not a workbook made by budgetbook (no '{sheet}' sheet); make one with"
                " budgetbook build.",
                book=book,
                sheet=r.SHEET_NAME,
            )
        )
    return Book(book, parts, names, _read_record(book, sheet))


def _sheet_parts(workbook: ElementTree.Element, rels: ElementTree.Element) -> dict[str, str]:
    """Sheet name -> path of its XML part inside the zip."""
    target = {rel.get("Id"): rel.get("Target") for rel in rels.iter(f"{PACKAGE_REL}Relationship")}
    paths = {}
    for sheet in workbook.iter(f"{MAIN}sheet"):
        path = target.get(sheet.get(REL_ID), "")
        paths[sheet.get("name")] = path.lstrip("/") if path.startswith("/") else f"xl/{path}"
    return paths


def _unreadable(book: Path, exc: Exception) -> BudgetbookError:
    """A workbook that cannot be opened; a refusal of the system's in the user's language."""
    error = os_reason(exc) if isinstance(exc, OSError) else exc
    return BudgetbookError(
        Text("{book}: is not a readable .xlsx workbook ({error}).", book=book, error=error)
    )


def _damaged(book: Path, detail: str) -> BudgetbookError:
    return BudgetbookError(
        Text(
            "{book}: budgetbook's record of where it put its sheets and lines is missing or"
            " damaged ({detail}); build the workbook again.",
            book=book,
            detail=detail,
        )
    )


def grid(book: Path, sheet: str) -> list[list[object]]:
    """A sheet's values, from A1, read with python-calamine."""
    from python_calamine import CalamineError, CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_path(str(book))
        return workbook.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
    except (CalamineError, OSError, ValueError) as exc:
        raise _unreadable(book, exc) from None


def value_at(cells: list[list[object]], row: int, col: int) -> object:
    return cells[row][col] if row < len(cells) and col < len(cells[row]) else ""


def _read_record(book: Path, sheet: str) -> Record:
    cells = grid(book, sheet)
    if value_at(cells, r.MARKER_ROW, 0) != "budgetbook":
        raise BudgetbookError(
            Text(
                "{book}: its '{sheet}' sheet was not written by budgetbook.",
                book=book,
                sheet=sheet,
            )
        )
    version = value_at(cells, r.MARKER_ROW, 2)
    if version != r.VERSION:  # an older budgetbook's: no names to find things by
        shown = int(version) if isinstance(version, float) and version.is_integer() else version
        raise _damaged(book, f"version {shown}")
    try:
        settings = Text("{book} (its settings)", book=book)
        config = parse_config(str(value_at(cells, r.CONFIG_ROW, 1)), settings)
    except InputErrors as exc:
        error = BudgetbookError(
            Text("{book}: its recorded settings cannot be read: {error}", book=book, error=exc)
        )
        error.language = exc.language  # the settings' own, when they say it
        raise error from None
    language = value_at(cells, r.CONFIG_ROW, r.LANGUAGE_COL)
    if language in LANGUAGES:  # `build --lang` over the settings' language
        config = replace(config, language=language)
    rules, taken, lines = [], {}, []
    for row in range(r.RULES_HEADER_ROW + 1, len(cells)):
        match, line = (str(value_at(cells, row, c)) for c in (r.RULE_MATCH_COL, r.RULE_LINE_COL))
        if match and line:
            rules.append(MappingRule(match, line))
        file, digest = (str(value_at(cells, row, r.FIRST_SOURCE_COL + c)) for c in (0, 1))
        if digest:
            taken.setdefault(digest, file)
        if value_at(cells, row, r.FIRST_LINE_COL) != "":
            values = [
                value_at(cells, row, r.FIRST_LINE_COL + c) for c in range(len(r.LINE_COLUMNS))
            ]
            lines.append(_recorded_line(book, values))
    return Record(config, rules, taken, lines, sheet)


def _recorded_line(book: Path, values: list[object]) -> RecordedLine:
    name, built, carry_over, vat = values
    try:
        policy = CarryOver(str(carry_over))
        rate = None if vat == "" else Decimal(str(vat))
    except (ValueError, InvalidOperation):
        raise _damaged(book, f"{name}: {carry_over} {vat}".strip()) from None
    return RecordedLine(str(name), str(built), policy, rate)


def budget_lines(book: Book) -> list[BudgetLine]:
    """The budget lines as the workbook holds them now: each recorded line where its name
    cell is (a line a person deleted is gone; one renamed has its new name), then any line a
    person added as a copy of a block: a row of the Budget whose label cell reads as the
    recorded lines' do and whose carry-over cell is filled in. A name is its cell's text as
    it is, which the Budget's formulas match; one that build would refuse in budget.csv is
    refused (`checked_lines`)."""
    budget = book.columns(r.BUDGET, r.BUDGET_COLUMNS)
    cells = grid(book.path, budget.sheet)
    category, line, policy, label = (budget.col[key] for key in r.BUDGET_COLUMNS)
    named: list[tuple[int, int, object, BudgetLine]] = []  # row, col, value, line
    seen, labels = set(), set()
    for recorded in book.record.lines:
        place = book.place(recorded.name)
        if place is None:
            continue  # its row was deleted: the line is gone
        if place.sheet != budget.sheet:
            raise _damaged(book.path, f"{recorded.name} = {place.reference()}")
        value = value_at(cells, place.row, place.col)
        if str(value).strip():
            kind = str(value_at(cells, place.row, category))
            found = BudgetLine(kind, str(value), "", recorded.carry_over, (), recorded.vat)
            named.append((place.row, place.col, value, found))
        seen.add(place.row)
        labels.add(value_at(cells, place.row, label))
    labels.discard("")
    for row in range(len(cells)):
        value = value_at(cells, row, line)
        added = row not in seen and value_at(cells, row, label) in labels
        if added and str(value).strip() and str(value_at(cells, row, policy)).strip():
            kind = str(value_at(cells, row, category))
            found = BudgetLine(kind, str(value), "", book.record.config.carry_over, ())
            named.append((row, line, value, found))
    return checked_lines(book.path, budget.sheet, named)


def checked_lines(
    book: Path, sheet: str, named: list[tuple[int, int, object, BudgetLine]]
) -> list[BudgetLine]:
    """The lines whose name cells (row, column, value) ``named`` lists, held to what build
    holds budget.csv's names to (read/budget.py): a text that no criterion reads as an
    operator or a wildcard, used once whatever its case. Every name that is not is
    refused at once, naming the workbook, the sheet, the cell and the value."""
    problems, first, lines = [], {}, []
    for row, col, value, line in named:
        cell = xl_rowcol_to_cell(row, col)
        where = Text("{book}, sheet '{sheet}', cell {cell}", book=book, sheet=sheet, cell=cell)
        rename = Text("Rename the line in the workbook, then run update again.")
        key = matching_key(line.name.strip())
        if not isinstance(value, str):
            message = Text("a line name is a text, and this cell holds a number or a date.")
            hint = Text("Type it again as a text, after an apostrophe ('2026).")
            problems.append(Problem(where, message, value=str(value), hint=hint))
        elif (refusal := refused_line_name(line.name.strip())) is not None:
            problems.append(Problem(where, refusal, value=line.name, hint=rename))
        elif key in first:
            used = Text("this line name is already used in cell {cell}.", cell=first[key])
            problems.append(Problem(where, used, value=line.name, hint=rename))
        else:
            first[key] = cell
            lines.append(line)
    if problems:
        raise InputErrors(problems)
    return lines
