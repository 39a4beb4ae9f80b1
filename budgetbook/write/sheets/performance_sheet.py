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
    SEGMENT_WIDTH,
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
# The report month, an input: its label on row 3, itself on row 4, both in the labels' column,
# so that the rows and the column repeated on every printed page show it whole.
REPORT_ROW, REPORT_VALUE_ROW = 2, 3
FIRST_BLOCK_ROW = 5
UNITS = {kpi.key: kpi.unit for kpi in KPIS}
NUMBER_FORMATS = {"percent": "0.0%", "times": '0.00"×"', "count": "#,##0"}
LABEL_WIDTH, COLUMN_WIDTH, DEFAULT_WIDTH = 34, 11, 8.43  # in characters
# Every row is ROW_PT high (Excel's default, which LibreOffice keeps) except the title's,
# TITLE_ROW_PT, and the rows that notes and definitions wrap on. A chart under its table spans
# the table's width and CHART_ROWS rows, or up to CHART_MAX_ROWS when its page has rows to
# spare, so each page is filled; down to CHART_MIN_ROWS when a channel alone is taller than a
# page. A chart beside its table is as tall as the table.
ROW_PT, TITLE_ROW_PT, ROW_PX = 15, 21, 20
CHART_ROWS, CHART_MIN_ROWS, CHART_MAX_ROWS = 15, 8, 40
GAP_ROWS = 2  # blank rows after a channel, the definitions
CHART_GAP_PX = 12  # between a table and the chart beside it
# Printed on A4 (11.69 × 8.27 in) at page.py's readable scale, landscape, or portrait when a
# short period's sheet is narrow enough for a portrait page and a landscape one is shorter than
# a channel. A page is planned to PAGE_FILL of its height less the margins, for the
# applications' rounding; a sheet wider than a page goes on over more pages across, its labels
# repeated on each, printed across then down so that each channel's pages follow each other.
# Those pages are planned to WIDTH_FILL of their width: LibreOffice draws Calibri's columns
# wider than Excel (6 % with Carlito, Calibri's metric twin), and a page it finds too narrow
# for the columns planned on it breaks again, leaving a chart's end on a page of its own.
TOP_MARGIN = 0.75  # inches
A4_LONG, A4_SHORT = 11.69, 8.27
PAGE_FILL, WIDTH_FILL = 0.97, 0.94


@dataclass(frozen=True)
class BlockPlace:
    block: ChannelBlock
    title_row: int
    header_row: int
    rows: dict[str, int]  # row of each metric, SPEND and KPI key
    chart_row: int | None  # under the table, or beside it from its header
    chart_rows: int = CHART_ROWS


@dataclass(frozen=True)
class Note:
    """A note merged from column ``first_col`` to ``last_col``, from its title's row to the
    next, that row ``height`` points tall."""

    first_col: int
    last_col: int
    height: float


@dataclass(frozen=True)
class PerformanceLayout:
    """Where the Performance sheet puts things, for the Strategy sheet's objective formulas
    and its printed pages."""

    sheet: str
    places: list[BlockPlace]
    months: int
    definitions_row: int
    review_row: int
    breaks: tuple[int, ...]  # the rows that start a page, after the first
    last_col: int  # of the print area
    widths: dict[int, float]  # in characters, of the columns after the labels'
    title_note: Note
    review_note: Note
    definition_heights: tuple[float, ...]  # in points, of each definition's row
    chart_width: int = 900  # pixels
    chart_col: int = LABEL  # where the charts start
    landscape: bool = True
    column_breaks: tuple[int, ...] = ()  # the columns that start a page across

    @property
    def report_cell(self) -> str:
        return f.on_sheet(self.sheet, REPORT_CELL)

    @property
    def to_date_col(self) -> int:
        return FIRST_MONTH + self.months

    @property
    def change_col(self) -> int:
        return FIRST_MONTH + self.months + 1

    @property
    def charts_beside(self) -> bool:
        return self.chart_col > self.change_col

    def to_date_cell(self, channel: str, metric: str) -> str | None:
        for place in self.places:
            if place.block.channel.casefold() == channel.casefold() and metric in place.rows:
                row = place.rows[metric]
                return f.on_sheet(self.sheet, f.cell(row, self.to_date_col))
        return None


REPORT_CELL = f.cell(REPORT_VALUE_ROW, LABEL, row_abs=True, col_abs=True)


def plan_performance(
    performance: Performance,
    period: Period,
    labels: Labels,
) -> PerformanceLayout:
    """Where each channel, the definitions and the review go, and where pages break: a page
    takes whole sections (a channel's table with its chart, the definitions, the review) while
    they fit. A table that fits a page's width has its chart under it, the charts sharing the
    rows left over so that no page is left half empty. A table wider than a page fills the
    pages across it needs, its chart beside it on the last of them, as tall as the table."""
    change_col = FIRST_MONTH + period.months + 1
    operations = [operation for operation, _ in performance.review.operations]
    # the review's figures need the tables' column width, even past a short period's table
    wide_col = max(change_col, SEGMENT - 1) if operations else change_col
    widths = {col: COLUMN_WIDTH for col in range(OPENING, wide_col + 1)}
    if operations:
        widths[SEGMENT] = widths.get(SEGMENT, SEGMENT_WIDTH)
    label_px = _pixels(LABEL_WIDTH)
    table_px = label_px + sum(_pixels(widths[col]) for col in range(OPENING, change_col + 1))
    width_px = label_px + sum(_pixels(width) for width in widths.values())
    charted = [bool(_charted(block)) for block in performance.blocks]
    tables = [_table_rows(block) for block in performance.blocks]
    under = [
        (rows + (1 + CHART_ROWS if chart else 0) + GAP_ROWS) * ROW_PT
        for rows, chart in zip(tables, charted, strict=True)
    ]
    top_pt = TITLE_ROW_PT + (FIRST_BLOCK_ROW - 1) * ROW_PT  # the title and report month rows
    fits_portrait = width_px <= page_width_px(landscape=False)
    too_short = _page_pt(landscape=True) < top_pt + max(under, default=0)
    landscape = not (fits_portrait and too_short)
    page_pt = _page_pt(landscape)
    page_px = page_width_px(landscape) * WIDTH_FILL
    pixels = {col: _pixels(width) for col, width in widths.items()}
    column_breaks = breaks_across(pixels, label_px, -1 if any(charted) else change_col,
                                  landscape, page_px)  # fmt: skip
    # a chart goes beside a table wider than a page; under one that fits, starting after the
    # labels' column when pages across repeat it (LibreOffice prints there the part of a chart
    # that lies over it)
    beside = any(charted) and any(col <= change_col for col in column_breaks)
    chart_col, chart_px = LABEL, table_px
    if column_breaks and not beside:
        chart_col, chart_px = OPENING, table_px - label_px
    if beside:  # after the table, over columns that fill its last page across
        last_page = max(col for col in column_breaks if col <= change_col)
        used = sum(pixels[col] for col in range(last_page, change_col + 1))
        chart_px = int(page_px - label_px - used - 2 * CHART_GAP_PX)
        chart_col = change_col + 1
        room = sum(width for col, width in pixels.items() if col >= chart_col)
        if room < chart_px + CHART_GAP_PX:  # one column more, as wide as the rest takes
            widths[max(widths) + 1] = math.ceil((chart_px + CHART_GAP_PX - room - 5) / 7)
    last_col = max(widths)
    # Notes and definitions wrap within the first page's columns, which a page across would
    # otherwise cut through; their rows grow to the lines they take.
    note_last_col = min(column_breaks) - 1 if column_breaks else change_col
    title_note = _note(labels.performance_note, OPENING, note_last_col, widths, TITLE_ROW_PT)
    review_note = _note(labels.review_note, OPENING, min(note_last_col, VERDICT), widths, ROW_PT)
    text_chars = sum(widths[col] for col in range(OPENING, note_last_col + 1))
    definition_heights = tuple(
        max(ROW_PT, wrapped_height((text, text_chars)) or 0)
        for text in labels.kpi_definitions.values()
    )
    top_pt += title_note.height - ROW_PT
    sizes = [
        (rows + GAP_ROWS) * ROW_PT if beside else size
        for rows, size in zip(tables, under, strict=True)
    ]
    if performance.blocks:
        sizes.append(ROW_PT + sum(definition_heights) + GAP_ROWS * ROW_PT)
    if operations:
        segment_chars = int(widths[SEGMENT])
        rows, tall = review_rows(performance.review, labels, segment_chars)
        sizes.append(rows * ROW_PT + tall * (TALL_ROW_PT - ROW_PT) + review_note.height - ROW_PT)
    pages: list[list[int]] = [[]]
    used_pt = [top_pt]
    for index, size in enumerate(sizes):
        if pages[-1] and used_pt[-1] + size > page_pt:
            pages.append([])
            used_pt.append(0)
        pages[-1].append(index)
        used_pt[-1] += size
    extra = [0] * len(tables)
    for members, filled in zip(pages, used_pt, strict=True):
        shared = [i for i in members if i < len(tables) and charted[i]]
        if shared and not beside:  # a share of the spare rows, or of those short
            share = math.floor((page_pt - filled) / len(shared) / ROW_PT)
            for index in shared:
                extra[index] = min(
                    max(share, CHART_MIN_ROWS - CHART_ROWS), CHART_MAX_ROWS - CHART_ROWS
                )

    places, starts = [], []
    row = FIRST_BLOCK_ROW
    for block, chart, more in zip(performance.blocks, charted, extra, strict=True):
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
        if not chart:
            chart_row, chart_rows, end = None, 0, next_row
        elif beside:
            # from the header: a chart anchored on the row a page starts at would print
            # on the page before as well, in LibreOffice
            chart_row, chart_rows, end = row + 1, next_row - row - 1, next_row
        else:
            chart_row, chart_rows = next_row + 1, CHART_ROWS + more
            end = chart_row + chart_rows
        places.append(BlockPlace(block, row, row + 1, rows, chart_row, chart_rows))
        row = end + GAP_ROWS
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
        last_col, widths, title_note, review_note, definition_heights, chart_px, chart_col,
        landscape, tuple(column_breaks),
    )  # fmt: skip


def _note(
    text: str, first_col: int, last_col: int, widths: dict[int, float], title_pt: float
) -> Note:
    """Where a note beside a title wraps, and the height of the row under the title's
    (``title_pt`` tall) that it takes too: what its lines need, a row at least."""
    chars = sum(widths[col] for col in range(first_col, last_col + 1))
    needed = wrapped_height((text, chars)) or ROW_PT
    return Note(first_col, last_col, max(ROW_PT, needed - title_pt))


def _page_pt(landscape: bool) -> float:
    """The points of sheet a page holds below the repeated report month, at the readable
    scale."""
    height_in = A4_SHORT if landscape else A4_LONG
    repeated = (REPORT_VALUE_ROW - REPORT_ROW + 1) * ROW_PT
    return (height_in - 2 * TOP_MARGIN) * 72 * PAGE_FILL * 100 / READABLE_SCALE - repeated


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
    ws.write_string(0, LABEL, labels.performance_title, styles.title)
    ws.set_row(0, TITLE_ROW_PT)
    _write_note(ws, 0, layout.title_note, labels.performance_note, styles)
    ws.write_string(REPORT_ROW, LABEL, labels.report_month, styles.text_bold)
    report_month = period.month_starts()[performance.report_month]
    ws.write_datetime(REPORT_VALUE_ROW, LABEL, report_month, formats["report"])
    if layout.places:  # a dropdown of the first block's month headers, real dates
        months_row = layout.places[0].header_row
        month_span = f.absolute_span(months_row, FIRST_MONTH, months_row, FIRST_MONTH + months - 1)
        ws.data_validation(REPORT_VALUE_ROW, LABEL, REPORT_VALUE_ROW, LABEL, {
            "validate": "list",
            "source": "=" + month_span,
            "show_error": False,
        })  # fmt: skip
    report = REPORT_CELL
    ws.set_column(LABEL, LABEL, LABEL_WIDTH)
    for col, width in layout.widths.items():
        ws.set_column(col, col, width)

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
        _write_definitions(ws, layout, styles, labels)
    if performance.review.operations:
        write_review(workbook, ws, performance.review, layout.review_row, formats, styles, labels,
                     layout.review_note, int(layout.widths[SEGMENT]))  # fmt: skip
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
    report = REPORT_CELL
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
    ws.repeat_rows(REPORT_ROW, REPORT_VALUE_ROW)
    ws.set_h_pagebreaks(list(layout.breaks))
    if layout.column_breaks:
        ws.repeat_columns(LABEL)
        ws.set_v_pagebreaks(list(layout.column_breaks))
        ws.print_across()  # a channel's pages across one after the other


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
    offset = CHART_GAP_PX if layout.charts_beside else 0
    ws.insert_chart(place.chart_row, layout.chart_col, chart, {"x_offset": offset})


def _write_note(ws: Worksheet, title_row: int, note: Note, text: str, styles: Styles) -> None:
    """A note beside a title, wrapped over the title's row and the next."""
    ws.merge_range(title_row, note.first_col, title_row + 1, note.last_col, text, styles.note)
    ws.set_row(title_row + 1, note.height)


def _write_definitions(
    ws: Worksheet, layout: PerformanceLayout, styles: Styles, labels: Labels
) -> None:
    """The KPI formulas in words, each wrapped within the first page across."""
    row = layout.definitions_row
    ws.write_string(row, LABEL, labels.definitions, styles.text_bold)
    last_col = layout.title_note.last_col
    others = {"spend": labels.ad_spend, "change": labels.change}
    for (key, text), height in zip(
        labels.kpi_definitions.items(), layout.definition_heights, strict=True
    ):
        row += 1
        name = labels.kpi_names.get(key, others.get(key, ""))
        ws.write_string(row, LABEL, name, styles.label)
        ws.merge_range(row, OPENING, row, last_col, text, styles.wrapped)
        if height > ROW_PT:
            ws.set_row(row, height)
