"""A hidden sheet that records what a workbook was built from, so ``update`` can add to it:
the settings, the mapping rules, the finance files taken (by content hash), and one cell of
each format that appended Actuals rows reuse."""

from __future__ import annotations

from xlsxwriter.worksheet import Worksheet

from budgetbook.model import Project, Source
from budgetbook.write.sheets.styles import Styles

SHEET_NAME = "budgetbook"
VERSION = 1
MARKER_ROW, CONFIG_ROW, STYLE_ROW, RULES_HEADER_ROW = range(4)
# Cells of STYLE_ROW, each formatted as the Actuals column of the same kind.
STYLE_COLUMNS = ("date", "month", "text", "money", "integer", "number_plain", "rate", "percent")
RULE_MATCH_COL, RULE_LINE_COL = 1, 2
LANGUAGE_COL = 2  # on CONFIG_ROW
SOURCE_COLUMNS = ("file", "sha256", "rows", "counted")
FIRST_SOURCE_COL = 7  # sources sit beside the rules, so each list can grow downwards


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
    ws.hide()


def write_source(ws: Worksheet, row: int, source: Source) -> None:
    ws.write_string(row, FIRST_SOURCE_COL, source.file)
    ws.write_string(row, FIRST_SOURCE_COL + 1, source.sha256)
    ws.write_number(row, FIRST_SOURCE_COL + 2, source.rows)
    ws.write_number(row, FIRST_SOURCE_COL + 3, source.counted)
