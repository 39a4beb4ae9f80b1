"""The operation review, below the channels on the Performance sheet: per operation its cost
against budget, its result against target, cost per result, ROI and a verdict; then the same
by lever, as SUMIFS over the operations, so a corrected cost or result flows through."""

from __future__ import annotations

import textwrap

from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from budgetbook.compute.review import Review
from budgetbook.i18n.labels import Labels
from budgetbook.model import RESULT_OF_TYPE, Operation
from budgetbook.write import formulas as f
from budgetbook.write.sheets.cached import cached
from budgetbook.write.sheets.styles import Styles

(NAME, KIND, LEVER, BUDGET, COST, OVER, PARTICIPANTS, OPT_INS, NEW_CONTACTS, REVENUE, TARGET,
 RESULT, VS_TARGET, COST_PER_RESULT, ROI, VERDICT, SEGMENT) = range(17)  # fmt: skip
COUNT = KIND  # the lever table counts operations in the type column
RESULT_COLUMNS = {"participants": PARTICIPANTS, "opt_ins": OPT_INS, "new_contacts": NEW_CONTACTS}
VERDICT_FILLS = {"met": "#C6EFCE", "over budget": "#FFEB9C", "missed": "#FFC7CE"}
TALL_ROW_PT = 28  # the two header rows, whose titles wrap
LINE_PT = 13  # what each line more adds to a row (TALL_ROW_PT: two lines)
KIND_CHARS = 14  # the characters of 10-point text a line of the type column holds
SEGMENT_WIDTH = 36  # characters: the target segment wraps in its column, within the page


def review_rows(
    review: Review, labels: Labels | None = None, segment_chars: int = SEGMENT_WIDTH
) -> tuple[int, int]:
    """The rows ``write_review`` takes (the title, the note, the operations' label, header,
    rows and total, two blank rows, the levers' label, header and rows), and the lines of
    LINE_PT its rows take beyond one each: the two headers', and with ``labels`` those of a
    type the language words long (connaissance clients / satisfaction) or a long segment. The
    note's row is counted as one line: its height is the caller's."""
    operations = [operation for operation, _ in review.operations]
    more = 0
    if labels is not None:
        more = sum(operation_lines(o, labels, segment_chars) - 1 for o in operations)
    return len(operations) + len(review.levers) + 8, 2 + more


def operation_lines(operation: Operation, labels: Labels, segment_chars: int) -> int:
    """The lines an operation's row takes: its type and its segment wrap between words."""
    words = labels.operation_types[operation.objective_type]
    return max(_lines(words, KIND_CHARS), _lines(operation.segment, segment_chars))


def _lines(text: str, chars: int) -> int:
    return max(1, len(textwrap.wrap(text, max(1, chars), break_long_words=False)))


def write_review(
    workbook: Workbook,
    ws: Worksheet,
    review: Review,
    top: int,
    formats: dict,
    styles: Styles,
    labels: Labels,
    note,
    segment_chars: int = SEGMENT_WIDTH,
) -> None:
    """The review at row ``top``; ``note`` (a performance_sheet.Note) says where its note
    wraps, beside the title and on the row below, and how tall that row is. The title alone
    is in the first column, which a sheet printed over pages across repeats on each."""
    ws.write_string(top, NAME, labels.review_title, formats["channel"])
    ws.merge_range(top, note.first_col, top + 1, note.last_col, labels.review_note, styles.note)
    ws.set_row(top + 1, note.height)
    header = top + 3
    ws.write_string(header - 1, NAME, labels.by_operation, styles.text_bold)
    titles = {
        NAME: labels.operation, KIND: labels.objective_type, LEVER: labels.lever,
        BUDGET: labels.budget_amount, COST: labels.cost, OVER: labels.cost_vs_budget,
        PARTICIPANTS: labels.participants, OPT_INS: labels.opt_ins,
        NEW_CONTACTS: labels.new_contacts, REVENUE: labels.metric_names["revenue"],
        TARGET: labels.target, RESULT: labels.result, VS_TARGET: labels.vs_target,
        COST_PER_RESULT: labels.cost_per_result, ROI: "ROI",
        VERDICT: labels.verdict, SEGMENT: labels.segment,
    }  # fmt: skip
    for col, title in titles.items():
        ws.write_string(header, col, title, formats["header_wrap"])
    ws.set_row(header, TALL_ROW_PT)
    first = header + 1
    last = first + len(review.operations) - 1
    wrapped = workbook.add_format(
        {"font_name": "Calibri", "font_size": 10, "valign": "vcenter", "text_wrap": True}
    )  # a type or a segment whose words take more than a line
    for offset, (operation, figures) in enumerate(review.operations):
        row = first + offset
        ws.write_string(row, NAME, operation.name, styles.text)
        kind = labels.operation_types[operation.objective_type]
        lines = operation_lines(operation, labels, segment_chars)
        if lines > 1:
            ws.set_row(row, TALL_ROW_PT + (lines - 2) * LINE_PT)
        ws.write_string(row, KIND, kind, wrapped)
        ws.write_string(row, LEVER, operation.lever, styles.text)
        ws.write_string(row, SEGMENT, operation.segment, wrapped)
        inputs = {
            BUDGET: (operation.budget, formats["money_input"]),
            COST: (operation.cost, formats["money_input"]),
            PARTICIPANTS: (operation.participants, formats["input"]),
            OPT_INS: (operation.opt_ins, formats["input"]),
            NEW_CONTACTS: (operation.new_contacts, formats["input"]),
            REVENUE: (operation.revenue, formats["money_input"]),
            TARGET: (operation.target, formats["input"]),
        }
        for col, (value, style) in inputs.items():
            ws.write_number(row, col, float(value), style)
        cells = {col: f.cell(row, col) for col in range(SEGMENT)}
        ws.write_formula(row, OVER, f.difference(cells[BUDGET], cells[COST]), formats["money"],
                         float(operation.budget - operation.cost))  # fmt: skip
        by_type = {
            labels.operation_types[kind]: cells[RESULT_COLUMNS[column]]
            for kind, column in RESULT_OF_TYPE.items()
        }
        ws.write_formula(row, RESULT, f.result_by_type(cells[KIND], by_type, cells[PARTICIPANTS]),
                         formats["total"], float(operation.result))  # fmt: skip
        _write_returns(ws, row, cells, figures, formats)
        ws.write_formula(
            row, VERDICT,
            f.verdict(cells[RESULT], cells[TARGET], cells[COST], cells[BUDGET], labels.verdicts),
            styles.text, labels.verdicts[figures.verdict],
        )  # fmt: skip
    for key, fill in VERDICT_FILLS.items():
        ws.conditional_format(first, VERDICT, last, VERDICT, {
            "type": "cell", "criteria": "==", "value": f'"{labels.verdicts[key]}"',
            "format": workbook.add_format({"bg_color": fill}),
        })  # fmt: skip

    total_row = last + 1
    everything = review.total
    ws.write_string(total_row, NAME, labels.total, styles.text_top)
    for col, value in ((BUDGET, everything.budget), (COST, everything.cost),
                       (OVER, everything.budget - everything.cost),
                       (REVENUE, everything.revenue)):  # fmt: skip
        ws.write_formula(total_row, col, f.total(f.col_span(col, first, last)),
                         formats["total_money"], float(value))  # fmt: skip
    roi = f.guarded_return(f.cell(total_row, REVENUE), f.cell(total_row, COST))
    ws.write_formula(total_row, ROI, roi, formats["percent"], cached(everything.roi))

    lever_header = total_row + 3
    ws.write_string(lever_header - 1, NAME, labels.by_lever, styles.text_bold)
    lever_titles = {NAME: labels.lever, COUNT: labels.operations_count}
    lever_titles |= {col: titles[col] for col in (BUDGET, COST, OVER, REVENUE, TARGET, RESULT,
                                                  VS_TARGET, COST_PER_RESULT, ROI)}  # fmt: skip
    # One band across the table: the operation-only columns between titles are blank in it.
    for col in range(NAME, ROI + 1):
        title = lever_titles.get(col)
        if title is None:
            ws.write_blank(lever_header, col, None, formats["header_wrap"])
        else:
            ws.write_string(lever_header, col, title, formats["header_wrap"])
    ws.set_row(lever_header, TALL_ROW_PT)
    lever_names = f.col_span(LEVER, first, last, col_abs=True)
    for offset, (lever, members, figures) in enumerate(review.levers):
        row = lever_header + 1 + offset
        ws.write_string(row, NAME, lever, styles.text)
        name = f.cell(row, NAME, col_abs=True)
        ws.write_formula(row, COUNT, f.count_matching(lever_names, name), formats["total"],
                         len(members))  # fmt: skip
        sums = {BUDGET: figures.budget, COST: figures.cost, REVENUE: figures.revenue,
                TARGET: figures.target, RESULT: figures.result}  # fmt: skip
        for col, value in sums.items():
            style = formats["money"] if col in (BUDGET, COST, REVENUE) else formats["total"]
            formula = f.sum_by_label(f.col_span(col, first, last), lever_names, name)
            ws.write_formula(row, col, formula, style, float(value))
        cells = {col: f.cell(row, col) for col in range(SEGMENT)}
        ws.write_formula(row, OVER, f.difference(cells[BUDGET], cells[COST]), formats["money"],
                         float(figures.budget - figures.cost))  # fmt: skip
        _write_returns(ws, row, cells, figures, formats)


def _write_returns(ws: Worksheet, row: int, cells: dict[int, str], figures, formats) -> None:
    """Result against target, cost per result and ROI: blank rather than an error."""
    ws.write_formula(row, VS_TARGET, f.guarded_ratio(cells[RESULT], cells[TARGET]),
                     formats["percent"], cached(figures.vs_target))  # fmt: skip
    ws.write_formula(row, COST_PER_RESULT, f.guarded_ratio(cells[COST], cells[RESULT]),
                     formats["money"], cached(figures.cost_per_result))  # fmt: skip
    ws.write_formula(row, ROI, f.guarded_return(cells[REVENUE], cells[COST]),
                     formats["percent"], cached(figures.roi))  # fmt: skip
