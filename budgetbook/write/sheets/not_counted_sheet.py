"""The sheet of finance rows that were not counted, each with its file, row and reason."""

from __future__ import annotations

from xlsxwriter.worksheet import Worksheet

from budgetbook.errors import in_language
from budgetbook.i18n.labels import Labels
from budgetbook.model import Project
from budgetbook.write.sheets.page import print_readable
from budgetbook.write.sheets.styles import Styles, wrapped_height

# file, row, reason, original text: one page wide at the readable scale, in Excel and in a
# LibreOffice that draws Calibri's columns a third wider (DejaVu Sans, where Carlito is missing)
WIDTHS = (26, 6, 46, 54)
REASON, TEXT = 2, 3


def write_not_counted(ws: Worksheet, project: Project, styles: Styles, labels: Labels) -> None:
    """A long reason or original text wraps within its column, its row as tall as it needs,
    so it reads whole on screen and on paper."""
    headers = (labels.file, labels.row, labels.reason, labels.original_text)
    for col, (title, width) in enumerate(zip(headers, WIDTHS, strict=True)):
        ws.write_string(0, col, title, styles.header)
        ws.set_column(col, col, width)
    ws.freeze_panes(1, 0)
    print_readable(ws, project.config.company_name)  # one page wide at a readable size
    ws.repeat_rows(0)
    # The finance rows not counted, then the files of metrics/ not read.
    listed = [*project.not_counted, *project.metrics_not_read]
    if not listed:
        ws.write_string(1, 0, labels.all_counted, styles.subtitle)
        return
    language = project.config.language
    for row, item in enumerate(listed, start=1):
        reason, text = in_language(item.reason, language), in_language(item.text, language)
        height = wrapped_height((reason, WIDTHS[REASON]), (text, WIDTHS[TEXT]))
        if height is not None:
            ws.set_row(row, height)
        ws.write_string(row, 0, item.file, styles.text_at_top)
        if item.row is not None:
            ws.write_number(row, 1, item.row, styles.integer_at_top)
        ws.write_string(row, REASON, reason, styles.wrapped)
        ws.write_string(row, TEXT, text, styles.wrapped)
    ws.autofilter(0, 0, len(listed), len(headers) - 1)
