"""``budgetbook export``: render chosen sheets of a workbook to PDF through LibreOffice.

The workbook may have been edited by people, so it is never rebuilt: a temporary copy whose
other sheets are hidden is converted. The copy is made by editing the zip's XML in place and
copying every other entry as it is (openpyxl would drop the charts on saving).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree
from xml.sax.saxutils import unescape

from budgetbook.commands.book_record import Book, read_book
from budgetbook.errors import BudgetbookError, speaking
from budgetbook.i18n.labels import LABELS
from budgetbook.i18n.messages import Text
from budgetbook.read.safezip import check_xlsx
from budgetbook.write.book import atomic_write, refuse_if_open
from budgetbook.write.libreoffice import calibri_stand_in, convert, find_soffice
from budgetbook.write.sheets import record_sheet as r

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
PACKAGE_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
# The sheets budgetbook writes, by their attribute on Labels: a sheet's name in either language,
# given with --sheet, says which is meant, whatever the workbook's language.
BUILT_IN = (
    "overview", "strategy", "budget", "actuals", "roadmap", "calendar", "performance",
    "not_counted",
)  # fmt: skip
DEFAULT_SHEETS = ("overview", "performance")
# The hidden name that marks a cell of each sheet (record_sheet): it moves with its cell when a
# person renames the sheet, so it finds the sheet whatever it is called now.
MARKS = {
    "overview": r.OVERVIEW,
    "budget": r.BUDGET.format("line"),
    "actuals": r.ACTUALS.format("date"),
    "not_counted": r.NOT_COUNTED.format("file"),
    **{key: r.SHEET.format(key) for key in r.OPTIONAL_SHEETS},
}
NOT_INSTALLED = Text(
    "LibreOffice is not installed (no soffice command), and budgetbook needs it to make a PDF:"
    " install libreoffice-calc-nogui (e.g. apt-get install libreoffice-calc-nogui), or open the"
    " workbook in Excel and print to PDF."
)


@dataclass(frozen=True)
class _Sheet:
    name: str
    index: int  # position among all the workbook's sheets, hidden ones included
    part: str  # path of its XML inside the zip
    visible: bool


@dataclass(frozen=True)
class ExportSummary:
    book: Path
    output: Path
    sheets: list[str]
    pages: int
    language: str  # the workbook's, as its record says
    calibri_drawn_with: str | None = None  # a font with other widths than Calibri's


def export_pdf(
    book: Path, output: Path | None = None, sheets: list[str] | None = None
) -> ExportSummary:
    """Write ``sheets`` of ``book`` (default: the Overview and the Performance sheets) to the
    PDF ``output`` (default: beside the book); an existing PDF is replaced only on success."""
    book = Path(book)
    output = Path(output) if output else book.with_suffix(".pdf")
    if not book.is_file():
        raise BudgetbookError(Text("{book}: no such workbook.", book=book))
    refuse_if_open(book)  # its unsaved edits would be missing from the PDF
    if output.resolve() == book.resolve():
        raise BudgetbookError(
            Text("{output}: is the workbook itself; name a .pdf file with -o.", output=output)
        )
    check_xlsx(book, str(book))
    with zipfile.ZipFile(book) as archive:
        infos = archive.infolist()
        parts = {info.filename: archive.read(info) for info in infos}
    all_sheets = _sheets(book, parts)
    built = read_book(book)  # refused if budgetbook did not build it (its record sheet)
    language = built.record.config.language
    with speaking(language):  # from here on, errors in the workbook's language
        found = _built_in(built, all_sheets)
        chosen = _choose(book, all_sheets, found, sheets)
        refuse_if_open(output)
        if find_soffice() is None:
            raise BudgetbookError(NOT_INSTALLED)

        with tempfile.TemporaryDirectory(prefix="budgetbook-export-") as folder:
            copy = Path(folder) / f"{book.stem}.xlsx"
            edited = _show_only(parts, all_sheets, chosen)
            with zipfile.ZipFile(copy, "w", zipfile.ZIP_DEFLATED) as out:
                for info in infos:
                    out.writestr(info, edited.get(info.filename, parts[info.filename]))
            # Recalculate on loading: a workbook that `budgetbook update` appended rows to
            # carries no cached results (they would be stale), and other tools may leave stale
            # ones too; a PDF is sent to people who cannot press F9, so it must show every
            # formula's true result.
            try:
                pdf = convert(copy, Path(folder) / "pdf", "pdf", recalculate=True)
            except subprocess.TimeoutExpired:
                raise BudgetbookError(
                    Text(
                        "{book}: LibreOffice took too long to render it; try fewer sheets with"
                        " --sheet.",
                        book=book,
                    )
                ) from None
            pages = _page_count(pdf.read_bytes())
            atomic_write(output, lambda temporary: shutil.copyfile(pdf, temporary))
        names = [sheet.name for sheet in chosen]
    return ExportSummary(book, output, names, pages, language, calibri_stand_in())


def _sheets(book: Path, parts: dict[str, bytes]) -> list[_Sheet]:
    try:
        workbook = ElementTree.fromstring(parts["xl/workbook.xml"])
        rels = ElementTree.fromstring(parts["xl/_rels/workbook.xml.rels"])
    except (KeyError, ElementTree.ParseError):
        raise BudgetbookError(
            Text("{book}: is not a readable .xlsx workbook.", book=book)
        ) from None
    target = {
        rel.get("Id"): rel.get("Target", "") for rel in rels.iter(f"{PACKAGE_REL}Relationship")
    }
    found = []
    for index, sheet in enumerate(workbook.iter(f"{MAIN}sheet")):
        path = target.get(sheet.get(REL_ID), "")
        part = path.lstrip("/") if path.startswith("/") else f"xl/{path}"
        visible = sheet.get("state", "visible") == "visible"
        found.append(_Sheet(sheet.get("name", ""), index, part, visible))
    return found


def _built_in(book: Book, sheets: list[_Sheet]) -> dict[str, _Sheet]:
    """budgetbook's sheets by key, wherever they are and whatever a person renamed them: each by
    the hidden name that marks it; refused, naming the book, when the Overview's is missing.
    A sheet the project had no content for (a Roadmap, say) was not built and has none."""
    by_name = {sheet.name: sheet for sheet in sheets}
    found = {}
    for key, mark in MARKS.items():
        try:
            place = book.place(mark)
        except BudgetbookError:  # no such name, or it marks a sheet that is gone
            place = None
        sheet = by_name.get(place.sheet) if place is not None else None
        if sheet is None and key == "overview":
            raise BudgetbookError(
                Text(
                    "{book}: it does not say where its sheets are (its hidden name {name} is"
                    " missing or damaged); build the workbook again with budgetbook build.",
                    book=book.path,
                    name=mark,
                )
            )
        if sheet is not None:
            found[key] = sheet
    return found


def _choose(
    book: Path, sheets: list[_Sheet], built_in: dict[str, _Sheet], names: list[str] | None
) -> list[_Sheet]:
    """The sheets asked for, in workbook order: each by its name in the workbook, else a
    built-in sheet's English or French name finds it whatever it is called now."""
    visible = {sheet.name.casefold(): sheet for sheet in sheets if sheet.visible}
    shown = {key: sheet for key, sheet in built_in.items() if sheet.visible}
    if not names:
        chosen = [shown[key] for key in DEFAULT_SHEETS if key in shown]
    else:
        chosen, unknown = [], []
        for name in names:
            sheet = visible.get(name.strip().casefold()) or _by_label(shown, name)
            if sheet is None:
                unknown.append(name)
            else:
                chosen.append(sheet)
        if unknown:
            listed = ", ".join(f"'{name}'" for name in unknown)
            available = ", ".join(sheet.name for sheet in sheets if sheet.visible)
            raise BudgetbookError(
                Text(
                    "{book}: no sheet named {listed}. Its sheets are: {available}.",
                    book=book,
                    listed=listed,
                    available=available,
                )
            )
    if not chosen:
        available = ", ".join(sheet.name for sheet in sheets if sheet.visible)
        raise BudgetbookError(
            Text(
                "{book}: it has no Overview or Performance sheet; name sheets with --sheet (its"
                " sheets are: {available}).",
                book=book,
                available=available,
            )
        )
    return sorted(set(chosen), key=lambda sheet: sheet.index)


def _by_label(built_in: dict[str, _Sheet], name: str) -> _Sheet | None:
    """The built-in sheet that ``name``, a built-in sheet's name in any language, means."""
    wanted = name.strip().casefold()
    for key in BUILT_IN:
        if any(getattr(labels, key).casefold() == wanted for labels in LABELS.values()):
            return built_in.get(key)
    return None


_SHEET_ELEMENT = re.compile(r"<sheet\b[^>]*?/>")
_NAME = re.compile(r'\sname="([^"]*)"')
_STATE = re.compile(r'\sstate="[^"]*"')
_WORKBOOK_VIEW = re.compile(r"<workbookView\b[^>]*?/?>")
_VIEW_ATTRIBUTES = re.compile(r'\s(?:activeTab|firstSheet)="[^"]*"')
_SHEET_VIEW = re.compile(r"<sheetView\b[^>]*?/?>")
_TAB_SELECTED = re.compile(r'\stabSelected="[^"]*"')
_DEFINED_NAME = re.compile(r"<definedName\b([^>]*)>.*?</definedName>", re.DOTALL)
_LOCAL_SHEET = re.compile(r'\slocalSheetId="(\d+)"')


def _show_only(
    parts: dict[str, bytes], sheets: list[_Sheet], chosen: list[_Sheet]
) -> dict[str, bytes]:
    """The edited parts of a copy that shows only ``chosen``, the first of them the active
    tab: LibreOffice prints the active sheet even when it is hidden, and a hidden sheet that
    has a print area."""
    shown = {sheet.name for sheet in chosen}
    active = chosen[0]

    def sheet_state(match: re.Match) -> str:
        element = match[0]
        name = _NAME.search(element)
        if name is None or unescape(name[1], {"&quot;": '"', "&apos;": "'"}) in shown:
            return element
        return _STATE.sub("", element).replace("<sheet ", '<sheet state="hidden" ', 1)

    def workbook_view(match: re.Match) -> str:
        element = _VIEW_ATTRIBUTES.sub("", match[0])
        return element.replace("<workbookView", f'<workbookView activeTab="{active.index}"', 1)

    def print_area(match: re.Match) -> str:
        sheet = _LOCAL_SHEET.search(match[1])
        if 'name="_xlnm.Print_Area"' in match[1] and sheet and int(sheet[1]) not in indexes:
            return ""
        return match[0]

    indexes = {sheet.index for sheet in chosen}
    workbook = parts["xl/workbook.xml"].decode("utf-8")
    workbook = _SHEET_ELEMENT.sub(sheet_state, workbook)
    workbook = _DEFINED_NAME.sub(print_area, workbook)
    if _WORKBOOK_VIEW.search(workbook):
        workbook = _WORKBOOK_VIEW.sub(workbook_view, workbook, count=1)
    else:
        workbook = workbook.replace(
            "<sheets>",
            f'<bookViews><workbookView activeTab="{active.index}"/></bookViews><sheets>',
            1,
        )
    edited = {"xl/workbook.xml": workbook.encode("utf-8")}
    for sheet in sheets:
        if sheet.part not in parts:
            continue
        xml = parts[sheet.part].decode("utf-8")
        views = _SHEET_VIEW.findall(xml)
        selected = any(_TAB_SELECTED.search(view) for view in views)
        if sheet is active or selected:
            edited[sheet.part] = _SHEET_VIEW.sub(
                lambda m, on=sheet is active: _select(m[0], on), xml, count=1
            ).encode("utf-8")
    return edited


def _select(view: str, on: bool) -> str:
    view = _TAB_SELECTED.sub("", view)
    return view.replace("<sheetView", '<sheetView tabSelected="1"', 1) if on else view


def _page_count(pdf: bytes) -> int:
    """The pages LibreOffice wrote (it writes each page object uncompressed)."""
    return len(re.findall(rb"/Type\s*/Page\b", pdf))
