"""What a workbook records of itself, so ``update`` can add to it whatever its language and
whatever a person did to it since.

A hidden sheet holds what it was built from: the settings, the mapping rules, the finance files
taken (by content hash), the budget lines (their carry-over and VAT), and one cell of each
format that appended Actuals rows reuse.

Hidden workbook names say where things are: the header cell of each column ``update`` reads or
writes (on the Budget, the Actuals and the Not counted sheets) and each budget line's name
cell. Excel and LibreOffice keep a name on its cell when a person renames the sheet, moves the
rows or inserts a column, so a name finds it where a label in the workbook's language (which a
person may also retype) would not."""

from __future__ import annotations

from dataclasses import dataclass

from xlsxwriter.utility import quote_sheetname, xl_rowcol_to_cell
from xlsxwriter.worksheet import Worksheet

from budgetbook.model import Project, Source
from budgetbook.write.sheets.styles import Styles

SHEET_NAME = "budgetbook"
VERSION = 2  # 2: the names below, and the lines
MARKER_ROW, CONFIG_ROW, STYLE_ROW, RULES_HEADER_ROW = range(4)
# Cells of STYLE_ROW, each formatted as the Actuals column of the same kind.
STYLE_COLUMNS = ("date", "month", "text", "money", "integer", "number_plain", "rate", "percent")
RULE_MATCH_COL, RULE_LINE_COL = 1, 2
LANGUAGE_COL = 2  # on CONFIG_ROW
SOURCE_COLUMNS = ("file", "sha256", "rows", "counted")
FIRST_SOURCE_COL = 7  # sources sit beside the rules, so each list can grow downwards
# Each budget line as built, in order, beside the sources: the name of its name cell, its name
# then, its carry-over and its VAT rate (blank: the settings' rate).
LINE_COLUMNS = ("name", "line", "carry_over", "vat")
FIRST_LINE_COL = FIRST_SOURCE_COL + len(SOURCE_COLUMNS) + 1

# The names, each of one cell.
RECORD = "budgetbook_record"  # this sheet's first cell
OVERVIEW = "budgetbook_overview"  # the Overview's first cell
BUDGET = "budgetbook_budget_{}"  # the header cell of each of BUDGET_COLUMNS
BUDGET_COLUMNS = ("category", "line", "carry_over", "label")
ACTUALS = "budgetbook_actuals_{}"  # the header cell of each of actuals_sheet.COLUMNS
NOT_COUNTED = "budgetbook_not_counted_{}"  # the header cell of each of NOT_COUNTED_COLUMNS
NOT_COUNTED_COLUMNS = ("file", "row", "reason", "text")  # from A, as the sheet writes them
ALL_COUNTED = "budgetbook_all_counted"  # the Not counted note that all was, when written
AS_OF = "budgetbook_as_of"  # the Budget's as-of month, which update moves forward
LINE = "budgetbook_line_{}"  # each line's name cell (its block's first row), from 1
SHEET = "budgetbook_sheet_{}"  # the first cell of each of the sheets a project may lack
OPTIONAL_SHEETS = ("strategy", "roadmap", "calendar", "performance")


@dataclass(frozen=True)
class Place:
    """A sheet's cell (0-based row and column)."""

    sheet: str
    row: int
    col: int

    def reference(self) -> str:
        cell = xl_rowcol_to_cell(self.row, self.col, row_abs=True, col_abs=True)
        return f"{quote_sheetname(self.sheet)}!{cell}"


def name_places(workbook, places: dict[str, Place]) -> None:
    """Each place as a workbook name, hidden: Excel's Name Manager does not list it, so a
    person does not delete it by mistake."""
    for name, place in places.items():
        workbook.define_name(name, f"={place.reference()}")
        # XlsxWriter's define_name has no option for it; its list entry's last item is the
        # flag it writes as hidden="1" (as for the autofilter's _FilterDatabase).
        workbook.defined_names[-1][3] = True


def write_record(ws: Worksheet, project: Project, styles: Styles) -> None:
    ws.write_string(MARKER_ROW, 0, "budgetbook")
    ws.write_string(MARKER_ROW, 1, "version")
    ws.write_number(MARKER_ROW, 2, VERSION)
    ws.write_string(CONFIG_ROW, 0, "config")
    ws.write_string(CONFIG_ROW, 1, project.config_text)
    # The workbook's language, which `build --lang` may have set over the settings'.
    ws.write_string(CONFIG_ROW, LANGUAGE_COL, project.config.language)
    ws.write_string(STYLE_ROW, 0, "styles")
    for col, name in enumerate(STYLE_COLUMNS, start=1):
        ws.write_blank(STYLE_ROW, col, None, getattr(styles, name))
    ws.write_string(RULES_HEADER_ROW, 0, "mapping")
    ws.write_string(RULES_HEADER_ROW, RULE_MATCH_COL, "match")
    ws.write_string(RULES_HEADER_ROW, RULE_LINE_COL, "line")
    for row, rule in enumerate(project.rules, start=RULES_HEADER_ROW + 1):
        ws.write_string(row, RULE_MATCH_COL, rule.match)
        ws.write_string(row, RULE_LINE_COL, rule.line)
    for col, name in enumerate(SOURCE_COLUMNS, start=FIRST_SOURCE_COL):
        ws.write_string(RULES_HEADER_ROW, col, name)
    for row, source in enumerate(project.sources, start=RULES_HEADER_ROW + 1):
        write_source(ws, row, source)
    for col, name in enumerate(LINE_COLUMNS, start=FIRST_LINE_COL):
        ws.write_string(RULES_HEADER_ROW, col, name)
    for number, line in enumerate(project.lines, start=1):
        row = RULES_HEADER_ROW + number
        ws.write_string(row, FIRST_LINE_COL, LINE.format(number))
        ws.write_string(row, FIRST_LINE_COL + 1, line.name)
        ws.write_string(row, FIRST_LINE_COL + 2, line.carry_over.value)
        if line.vat is not None:
            ws.write_number(row, FIRST_LINE_COL + 3, float(line.vat))
    ws.hide()


def write_source(ws: Worksheet, row: int, source: Source) -> None:
    ws.write_string(row, FIRST_SOURCE_COL, source.file)
    ws.write_string(row, FIRST_SOURCE_COL + 1, source.sha256)
    ws.write_number(row, FIRST_SOURCE_COL + 2, source.rows)
    ws.write_number(row, FIRST_SOURCE_COL + 3, source.counted)
