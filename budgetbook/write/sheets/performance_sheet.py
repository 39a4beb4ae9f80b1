"""The Performance sheet: per channel, the metrics by month, the ad spend pulled from the
Budget, and the KPIs as guarded formulas; to-date figures and the change against the month
before follow one report-month cell; a Definitions block states every formula."""

from __future__ import annotations

import math
from dataclasses import dataclass

from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from budgetbook.compute.performance import (
    BY_KEY,
    CHANGE_DIGITS,
    KPIS,
    SPEND,
    ChannelBlock,
    Performance,
    Row,
    change_in_points,
    higher_is_better,
)
from budgetbook.i18n.labels import Labels
from budgetbook.model import STOCK_METRICS, Period
from budgetbook.write import formulas as f
from budgetbook.write.sheets.budget_grid import BudgetLayout
from budgetbook.write.sheets.cached import cached
from budgetbook.write.sheets.page import (
    READABLE_SCALE,
    breaks_across,
    page_width_px,
    print_readable,
)
from budgetbook.write.sheets.review_section import (
    SEGMENT,
    TALL_ROW_PT,
    VERDICT,
    review_rows,
    write_review,
)
from budgetbook.write.sheets.styles import (
    BLUE,
    INPUT_FILL,
    Styles,
    date_format,
    money_format,
    wrapped_height,
)

LABEL, OPENING, FIRST_MONTH = 0, 1, 2
REPORT_ROW = 2  # row 3: the report month, an input
FIRST_BLOCK_ROW = 5
UNITS = {kpi.key: kpi.unit for kpi in KPIS}
NUMBER_FORMATS = {"percent": "0.0%", "times": '0.00"×"', "count": "#,##0"}
LABEL_WIDTH, COLUMN_WIDTH, DEFAULT_WIDTH = 34, 11, 8.43  # in characters
# Every row is ROW_PT high (Excel's default, which LibreOffice keeps) except the note under
# the title, NOTE_ROW_PT. A chart spans its table's width and CHART_ROWS rows, or up to
# CHART_MAX_ROWS when its page has rows to spare, so each page is filled; down to
# CHART_MIN_ROWS when a channel alone is taller than a page.
ROW_PT, NOTE_ROW_PT, ROW_PX = 15, 28, 20
CHART_ROWS, CHART_MIN_ROWS, CHART_MAX_ROWS = 15, 8, 40
GAP_ROWS = 2  # blank rows after a channel, the definitions
# Printed on A4 (11.69 × 8.27 in) at page.py's readable scale, landscape, or portrait when a
# short period's sheet is narrow enough for a portrait page and a landscape one is shorter than
# a channel. A page is planned to PAGE_FILL of its height less the margins, for the
# applications' rounding; a sheet wider than a page goes on over more pages across, its labels
# repeated on each.
TOP_MARGIN = 0.75  # inches
A4_LONG, A4_SHORT = 11.69, 8.27
PAGE_FILL = 0.97


@dataclass(frozen=True)
class BlockPlace:
    block: ChannelBlock
    title_row: int
    header_row: int
    rows: dict[str, int]  # row of each metric, SPEND and KPI key
    chart_row: int | None  # under the table, so the sheet prints one table wide
    chart_rows: int = CHART_ROWS


@dataclass(frozen=True)
class PerformanceLayout:
    """Where the Performance sheet puts things, for the Strategy sheet's objective formulas."""

    sheet: str
    places: list[BlockPlace]
    months: int
    definitions_row: int
    review_row: int = 0
    breaks: tuple[int, ...] = ()  # the rows that start a page, after the first
    last_col: int = 0  # of the print area
    wide_col: int = 0  # the last column as wide as a month's
    chart_width: int = 900  # pixels: the tables' width, or their first page's when wider
    landscape: bool = True
    column_breaks: tuple[int, ...] = ()  # the columns that start a page across
    # A sheet printed over pages across repeats its labels' column on each, and LibreOffice
    # would print there the part of a chart that lies over it: its charts start after it.
    chart_col: int = LABEL
    title_note: Note | None = None  # the note under the title; None: over every column
    review_note: Note | None = None  # the review's

    @property
    def report_cell(self) -> str:
        return f.on_sheet(self.sheet, f.cell(REPORT_ROW, OPENING, row_abs=True, col_abs=True))

    @property
    def to_date_col(self) -> int:
        return FIRST_MONTH + self.months

    @property
    def change_col(self) -> int:
        return FIRST_MONTH + self.months + 1

    def to_date_cell(self, channel: str, metric: str) -> str | None:
        for place in self.places:
            if place.block.channel.casefold() == channel.casefold() and metric in place.rows:
                row = place.rows[metric]
                return f.on_sheet(self.sheet, f.cell(row, self.to_date_col))
        return None


def plan_performance(
    performance: Performance,
    period: Period,
    labels: Labels,
) -> PerformanceLayout:
    """Where each channel, the definitions and the review go, and where pages break: a page
    takes whole sections (a channel's table with its chart, the definitions, the review) while
    they fit, then its charts share the rows left over, so that no page is left half empty.
    Across, a table wider than a page is shared evenly among the pages it needs, each chart
    under the first of them, so that it prints whole, beside its table's first months."""
    change_col = FIRST_MONTH + period.months + 1
    operations = [operation for operation, _ in performance.review.operations]
    table_px = _pixels(LABEL_WIDTH) + _pixels(COLUMN_WIDTH) * change_col
    # the review's figures need the tables' column width, even past a short period's table
    wide_col = max(change_col, SEGMENT - 1) if operations else change_col
    last_col = wide_col
    if operations:  # the segment column's text runs on into the empty columns after it
        segment_px = max(len(o.segment) for o in operations) * 7
        last_col = max(last_col, SEGMENT + -(-segment_px // _pixels(DEFAULT_WIDTH)))
    widths = {
        col: _pixels(COLUMN_WIDTH if col <= wide_col else DEFAULT_WIDTH)
        for col in range(OPENING, last_col + 1)
    }
    width_px = _pixels(LABEL_WIDTH) + sum(widths.values())
    tables = [_table_rows(block) for block in performance.blocks]
    sizes = [
        (rows + (1 + CHART_ROWS if _charted(block) else 0) + GAP_ROWS) * ROW_PT
        for block, rows in zip(performance.blocks, tables, strict=True)
    ]
    if performance.blocks:
        sizes.append((1 + len(labels.kpi_definitions) + GAP_ROWS) * ROW_PT)
    if operations:
        rows, tall = review_rows(performance.review, labels)
        sizes.append(rows * ROW_PT + tall * (TALL_ROW_PT - ROW_PT))
    top_pt = (FIRST_BLOCK_ROW - 1) * ROW_PT + NOTE_ROW_PT - ROW_PT  # the title rows
    fits_portrait = width_px <= page_width_px(landscape=False)
    too_short = _page_pt(landscape=True) < top_pt + max(sizes, default=0)
    landscape = not (fits_portrait and too_short)
    page_pt = _page_pt(landscape)
    column_breaks = breaks_across(widths, _pixels(LABEL_WIDTH), change_col, landscape)
    # The notes under the title and the review's wrap within the first page's columns, which
    # a page across would otherwise cut through; their rows grow to the lines they take.
    note_last_col = min(column_breaks) - 1 if column_breaks else change_col
    title_note = _note(labels.performance_note, note_last_col, wide_col, NOTE_ROW_PT)
    review_note = _note(labels.review_note, min(note_last_col, VERDICT), wide_col, TALL_ROW_PT)
    top_pt += title_note.height - NOTE_ROW_PT
    if operations:
        sizes[-1] += review_note.height - TALL_ROW_PT
    first_page_px = sum(
        width for col, width in widths.items() if col < min(column_breaks, default=last_col + 1)
    )
    chart_col, chart_px = (OPENING, first_page_px) if column_breaks else (LABEL, table_px)
    pages: list[list[int]] = [[]]
    used = [top_pt]
    for index, size in enumerate(sizes):
        if pages[-1] and used[-1] + size > page_pt:
            pages.append([])
            used.append(0)
        pages[-1].append(index)
        used[-1] += size
    extra = [0] * len(tables)
    for members, filled in zip(pages, used, strict=True):
        charted = [i for i in members if i < len(tables) and _charted(performance.blocks[i])]
        if charted:  # a share of the spare rows, or of the rows short when one is too tall
            share = math.floor((page_pt - filled) / len(charted) / ROW_PT)
            for index in charted:
                extra[index] = min(
                    max(share, CHART_MIN_ROWS - CHART_ROWS), CHART_MAX_ROWS - CHART_ROWS
                )

    places, starts = [], []
    row = FIRST_BLOCK_ROW
    for block, more in zip(performance.blocks, extra, strict=True):
        starts.append(row)
        rows = {}
        next_row = row + 2
        for metric_row in block.metrics:
            rows[metric_row.key] = next_row
            next_row += 1
        if block.kpis:
            next_row += 1
            for kpi_row in block.kpis:
                rows[kpi_row.key] = next_row
                next_row += 1
        chart_rows = CHART_ROWS + more
        chart_row = next_row + 1 if _charted(block) else None
        places.append(BlockPlace(block, row, row + 1, rows, chart_row, chart_rows))
        row = (next_row if chart_row is None else chart_row + chart_rows) + GAP_ROWS
    definitions_row = row
    review_row = row
    if places:
        starts.append(definitions_row)
        review_row = definitions_row + 1 + len(labels.kpi_definitions) + GAP_ROWS
    if operations:
        starts.append(review_row)
    breaks = tuple(starts[members[0]] for members in pages[1:] if members)
    return PerformanceLayout(
        labels.performance, places, period.months, definitions_row, review_row, breaks,
        last_col, wide_col, chart_px, landscape, tuple(column_breaks), chart_col, title_note,
        review_note,
    )  # fmt: skip


@dataclass(frozen=True)
class Note:
    """A note merged over a row from the first column to ``last_col``, ``height`` points tall."""

    last_col: int
    height: float


def _note(text: str, last_col: int, wide_col: int, least_pt: float) -> Note:
    """Where a note wraps, and the height of its row: at least ``least_pt``, more when its text
    takes more lines across its columns."""
    chars = LABEL_WIDTH + sum(
        COLUMN_WIDTH if col <= wide_col else DEFAULT_WIDTH for col in range(OPENING, last_col + 1)
    )
    return Note(last_col, max(least_pt, wrapped_height((text, chars)) or 0))


def _page_pt(landscape: bool) -> float:
    """The points of sheet a page holds below the repeated report month, at the readable
    scale."""
    height_in = A4_SHORT if landscape else A4_LONG
    return (height_in - 2 * TOP_MARGIN) * 72 * PAGE_FILL * 100 / READABLE_SCALE - ROW_PT


def _table_rows(block: ChannelBlock) -> int:
    """A channel's title, header, metrics, then a blank row and its KPIs."""
    return 2 + len(block.metrics) + (1 + len(block.kpis) if block.kpis else 0)


def _charted(block: ChannelBlock) -> list[Row]:
    """The KPIs a channel's chart draws: its rates, which share one percent axis (ROI, often
    ten times larger, would flatten them)."""
    return [row for row in block.kpis if UNITS[row.key] == "percent" and row.key != "roi"]


def write_performance(
    workbook: Workbook,
    ws: Worksheet,
    performance: Performance,
    layout: PerformanceLayout,
    budget: BudgetLayout,
    period: Period,
    currency: str,
    language: str,
    company: str,
    styles: Styles,
    labels: Labels,
) -> None:
    add = workbook.add_format
    base = {"font_name": "Calibri", "font_size": 10, "valign": "vcenter"}
    money = money_format(currency, language)
    formats = {
        "input": add({**base, "num_format": "#,##0", "bg_color": INPUT_FILL}),
        "money_input": add({**base, "num_format": money, "bg_color": INPUT_FILL}),
        "header_wrap": add({**base, "bold": True, "font_color": "white", "bg_color": BLUE,
                            "text_wrap": True, "align": "center"}),
        "money": add({**base, "num_format": money}),
        "percent": add({**base, "num_format": NUMBER_FORMATS["percent"]}),
        "times": add({**base, "num_format": NUMBER_FORMATS["times"]}),
        # A month's change, relative or, for a rate, in points; coloured by conditional formats
        # (_write_change), which know which way is better.
        "change": add({**base, "num_format": "+0.0%;-0.0%;0.0%", "italic": True}),
        "change_points": add({**base, "num_format": points_format(labels.points_unit),
                              "italic": True}),
        "report": add({**base, "num_format": date_format("mmm yyyy", language),
                       "bg_color": INPUT_FILL, "bold": True, "align": "left"}),
        "channel": add({**base, "bold": True, "font_size": 13, "font_color": BLUE}),
        "month": add({**base, "num_format": date_format("mmm yy", language), "bold": True,
                      "font_color": "white", "bg_color": BLUE, "align": "right"}),
        "total": add({**base, "num_format": "#,##0", "bold": True}),
        "total_money": add({**base, "num_format": money, "bold": True}),
    }  # fmt: skip
    months = period.months
    to_date_col, change_col = layout.to_date_col, layout.change_col
    ws.write_string(0, 0, labels.performance_title, styles.title)
    note = layout.title_note or Note(change_col, NOTE_ROW_PT)
    ws.merge_range(1, 0, 1, note.last_col, labels.performance_note, styles.note)
    ws.set_row(1, note.height)
    ws.write_string(REPORT_ROW, LABEL, labels.report_month, styles.text_bold)
    report_month = period.month_starts()[performance.report_month]
    ws.write_datetime(REPORT_ROW, OPENING, report_month, formats["report"])
    if layout.places:  # a dropdown of the first block's month headers, real dates
        months_row = layout.places[0].header_row
        month_span = f.absolute_span(months_row, FIRST_MONTH, months_row, FIRST_MONTH + months - 1)
        ws.data_validation(REPORT_ROW, OPENING, REPORT_ROW, OPENING, {
            "validate": "list",
            "source": "=" + month_span,
            "show_error": False,
        })  # fmt: skip
    report = f.cell(REPORT_ROW, OPENING, row_abs=True, col_abs=True)
    ws.set_column(LABEL, LABEL, LABEL_WIDTH)
    ws.set_column(OPENING, max(change_col, layout.wide_col), COLUMN_WIDTH)

    header_dates = [performance.opening_month, *period.month_starts()]
    for place in layout.places:
        block = place.block
        ws.write_string(place.title_row, LABEL, block.channel, formats["channel"])
        ws.write_string(place.header_row, LABEL, "", styles.header)
        for index, month in enumerate(header_dates):
            ws.write_datetime(place.header_row, OPENING + index, month, formats["month"])
        ws.write_string(place.header_row, to_date_col, labels.to_date, styles.header_right)
        ws.write_string(place.header_row, change_col, labels.change, styles.header_right)
        header_row = place.header_row
        header = f.absolute_span(header_row, OPENING, header_row, to_date_col - 1)
        month_header = f.absolute_span(header_row, FIRST_MONTH, header_row, to_date_col - 1)
        for row_data in block.metrics:
            row = place.rows[row_data.key]
            is_spend = row_data.key == SPEND
            name = labels.ad_spend if is_spend else labels.metric_names[row_data.key]
            ws.write_string(row, LABEL, name, styles.text)
            for index, value in enumerate(row_data.values):
                col = OPENING + index
                if is_spend and index == 0:
                    continue
                if is_spend:
                    actual_cells = [
                        f.on_sheet(budget.sheet, f.cell(budget.line_rows[line] + 2,
                                                        budget.month_col(index - 1)))
                        for line in block.lines
                    ]  # fmt: skip
                    ws.write_formula(row, col, f.plus(actual_cells), formats["money"],
                                     float(value))  # fmt: skip
                elif value is None:
                    ws.write_blank(row, col, None, formats["input"])
                else:
                    ws.write_number(row, col, float(value), formats["input"])
            values = f.row_span(row, OPENING, to_date_col - 1)
            if row_data.key in STOCK_METRICS:
                to_date = f.stock_to_date(values, header, report)
            else:
                to_date = f.sum_to_date(f.row_span(row, FIRST_MONTH, to_date_col - 1),
                                        month_header, report)  # fmt: skip
            ws.write_formula(row, to_date_col, to_date,
                             formats["total_money" if is_spend else "total"],
                             cached(row_data.to_date))  # fmt: skip
            _write_change(ws, row, change_col, row_data, values, header, formats, styles)
        for row_data in block.kpis:
            row = place.rows[row_data.key]
            unit = UNITS[row_data.key]
            style = formats["money"] if unit == "money" else formats[unit]
            ws.write_string(row, LABEL, labels.kpi_names[row_data.key], styles.text)
            for index in range(1, months + 1):
                col = OPENING + index
                ws.write_formula(row, col, _kpi_formula(row_data.key, place, col, col - 1),
                                 style, cached(row_data.values[index]))  # fmt: skip
            ws.write_formula(row, to_date_col, _kpi_formula(row_data.key, place, to_date_col,
                                                            OPENING), style,
                             cached(row_data.to_date))  # fmt: skip
            values = f.row_span(row, OPENING, to_date_col - 1)
            _write_change(ws, row, change_col, row_data, values, header, formats, styles)
        charted = _charted(block)
        if charted:
            _add_chart(
                workbook, ws, place, charted, labels, layout, performance.report_month, language
            )

    if layout.places:
        _write_definitions(ws, layout.definitions_row, styles, labels)
    if performance.review.operations:
        write_review(workbook, ws, performance.review, layout.review_row, formats, styles, labels,
                     layout.review_note)  # fmt: skip
    ws.freeze_panes(FIRST_BLOCK_ROW, 1)
    _set_up_page(ws, layout, company)


def points_format(unit: str) -> str:
    """A change in percentage points, signed, to a tenth: ``+0.8 pt``."""
    shown = f'0.0" {unit}"'
    return f"+{shown};-{shown};{shown}"


def _write_change(
    ws: Worksheet,
    row: int,
    col: int,
    row_data: Row,
    values: str,
    header: str,
    formats,
    styles: Styles,
) -> None:
    """A row's report month against the month before (in points for a rate), green where it
    is better news, red where it is worse, as the row's definition says which way is
    better; plain when blank, unchanged as shown, or for the ad spend."""
    report = f.cell(REPORT_ROW, OPENING, row_abs=True, col_abs=True)
    in_points = change_in_points(row_data.key)
    if in_points:
        formula, style = f.month_point_change(values, header, report), formats["change_points"]
    else:
        formula, style = f.month_change(values, header, report), formats["change"]
    ws.write_formula(row, col, formula, style, cached(row_data.change))
    direction = higher_is_better(row_data.key)
    if direction is None:
        return
    here, digits = f.cell(row, col), CHANGE_DIGITS[in_points]
    up, down = (styles.better, styles.worse) if direction else (styles.worse, styles.better)
    for rule, colour in ((f.rises(here, digits), up), (f.falls(here, digits), down)):
        ws.conditional_format(row, col, row, col, {
            "type": "formula", "criteria": rule, "format": colour,
        })  # fmt: skip


def _set_up_page(ws: Worksheet, layout: PerformanceLayout, company: str) -> None:
    """At a readable size, the report month on every page, and the orientation and page
    breaks that ``plan_performance`` chose: none cuts a channel's table or parts it from its
    chart; a sheet wider than a page repeats its labels on the pages across."""
    ws.print_area(0, 0, ws.dim_rowmax or 0, layout.last_col)
    print_readable(ws, company)
    if not layout.landscape:
        ws.set_portrait()
    ws.repeat_rows(REPORT_ROW)
    ws.set_h_pagebreaks(list(layout.breaks))
    if layout.column_breaks:
        ws.repeat_columns(LABEL)
        ws.set_v_pagebreaks(list(layout.column_breaks))


def _pixels(width: float) -> int:
    """A column's width in pixels, as Excel converts characters of its default font."""
    return int(width * 7 + 0.5) + 5


def _kpi_formula(key: str, place: BlockPlace, col: int, previous_col: int) -> str:
    """A KPI of one column; ``previous_col`` holds the followers a growth is measured from."""
    kpi = BY_KEY[key]
    refs = [f.cell(place.rows[name], col) for name in kpi.inputs]
    if kpi.kind == "ratio":
        return f.guarded_ratio(*refs)
    if kpi.kind == "per_thousand":
        return f.guarded_ratio(*refs, scale=1000)
    if kpi.kind == "roi":
        return f.guarded_return(*refs)
    before = f.cell(place.rows["followers"], previous_col)
    if kpi.kind == "growth":
        return f.guarded_return(refs[0], before)
    return f.guarded_ratio(refs[0], before)  # unfollow rate


def _add_chart(
    workbook,
    ws,
    place: BlockPlace,
    rows: list[Row],
    labels: Labels,
    layout,
    report_month: int,
    language: str,
) -> None:
    """A line per rate, from the first month to the report month: later months are empty, and
    a chart would draw their blanks as zeros."""
    chart = workbook.add_chart({"type": "line"})
    last_col = FIRST_MONTH + report_month
    sheet = layout.sheet
    for row_data in rows:
        row = place.rows[row_data.key]
        chart.add_series({
            "name": [sheet, row, LABEL],
            "categories": [sheet, place.header_row, FIRST_MONTH, place.header_row, last_col],
            "values": [sheet, row, FIRST_MONTH, row, last_col],
            "marker": {"type": "circle", "size": 4},
        })  # fmt: skip
    chart.set_title({"name": labels.kpi_trend.format(channel=place.block.channel),
                     "name_font": {"size": 11}})  # fmt: skip
    chart.set_y_axis({"num_format": "0%", "major_gridlines": {"visible": True,
                      "line": {"color": "#E0E0E0"}}})  # fmt: skip
    chart.set_x_axis({"num_format": date_format("mmm", language), "date_axis": False})
    chart.set_legend({"position": "bottom"})
    chart.set_size({"width": layout.chart_width, "height": place.chart_rows * ROW_PX - 6})
    ws.insert_chart(place.chart_row, layout.chart_col, chart)


def _write_definitions(ws: Worksheet, row: int, styles: Styles, labels: Labels) -> int:
    """The KPI formulas in words; return the row below them."""
    ws.write_string(row, LABEL, labels.definitions, styles.text_bold)
    row += 1
    for key, text in labels.kpi_definitions.items():
        others = {"spend": labels.ad_spend, "change": labels.change}
        name = labels.kpi_names.get(key, others.get(key, ""))
        ws.write_string(row, LABEL, name, styles.label)
        ws.write_string(row, OPENING, text, styles.text)
        row += 1
    return row
