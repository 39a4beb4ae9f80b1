"""The sheet of finance rows that were not counted, each with its file, row and reason."""

from __future__ import annotations

from xlsxwriter.worksheet import Worksheet

from budgetbook.errors import in_language
from budgetbook.i18n.labels import Labels
from budgetbook.model import Project
from budgetbook.write.sheets.styles import Styles


def write_not_counted(ws: Worksheet, project: Project, styles: Styles, labels: Labels) -> None:
    headers = (labels.file, labels.row, labels.reason, labels.original_text)
    for col, (title, width) in enumerate(zip(headers, (26, 7, 44, 70), strict=True)):
        ws.write_string(0, col, title, styles.header)
        ws.set_column(col, col, width)
    ws.freeze_panes(1, 0)
    ws.set_landscape()
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(0)
    # The finance rows not counted, then the files of metrics/ not read.
    listed = [*project.not_counted, *project.metrics_not_read]
    if not listed:
        ws.write_string(1, 0, labels.all_counted, styles.subtitle)
        return
    for row, item in enumerate(listed, start=1):
        ws.write_string(row, 0, item.file, styles.text)
        if item.row is not None:
            ws.write_number(row, 1, item.row, styles.integer)
        ws.write_string(row, 2, in_language(item.reason, project.config.language), styles.text)
        ws.write_string(row, 3, in_language(item.text, project.config.language), styles.text)
    ws.autofilter(0, 0, len(listed), len(headers) - 1)
