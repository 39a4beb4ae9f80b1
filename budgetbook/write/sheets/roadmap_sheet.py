"""The Roadmap sheet: the initiatives as a table, and a timeline of week columns whose bars are
conditional formats over each row's Start and End cells, so changing a date moves the bar."""

from __future__ import annotations

from xlsxwriter.format import Format
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from budgetbook.compute.plan import Schedule
from budgetbook.i18n.labels import Labels
from budgetbook.model import ROADMAP_STATUSES, Project
from budgetbook.read.values import serial
from budgetbook.write import formulas as f
from budgetbook.write.sheets.page import READABLE_FONT_PT, print_readable
from budgetbook.write.sheets.strategy_sheet import StrategyLayout
from budgetbook.write.sheets.styles import (
    BLUE,
    GRID,
    INPUT_FILL,
    Styles,
    date_format,
    wrapped_height,
)
from budgetbook.write.sheets.weeks import week_starts

INITIATIVE, OBJECTIVE, OWNER, START, END, DAYS, STATUS, COMPLETE = range(8)
FIRST_WEEK = 8  # column I: the first week of the timeline
MONTH_ROW, HEADER_ROW, FIRST_ROW = 2, 3, 4
# The table prints on one landscape page at a readable size, names and objectives wrapping.
WIDTHS = {
    INITIATIVE: 38,
    OBJECTIVE: 28,
    OWNER: 15,
    START: 11,
    END: 11,
    DAYS: 6,
    STATUS: 11,
    COMPLETE: 10,
}
WEEK_WIDTH = 3.6
STATUS_COLOURS = {  # (fill of the status cell, colour of the bar)
    "planned": ("#EDEDED", "#A6A6A6"),
    "in progress": ("#DDEBF7", "#2E75B6"),
    "done": ("#E2EFDA", "#70AD47"),
    "blocked": ("#FCE4D6", "#C00000"),
}
TODAY_FILL = "#F4B6B6"


def write_roadmap(
    workbook: Workbook,
    ws: Worksheet,
    project: Project,
    styles: Styles,
    labels: Labels,
    strategy: StrategyLayout | None,
    schedule: Schedule,
) -> None:
    initiatives = project.initiatives
    weeks = week_starts(project.config.period)
    last_row = FIRST_ROW + max(len(initiatives), 1) - 1
    last_week = FIRST_WEEK + len(weeks) - 1
    add = workbook.add_format
    base = {"font_name": "Calibri", "font_size": 10, "valign": "vcenter"}
    language = project.config.language
    date_input = add(
        {
            **base,
            "num_format": date_format("yyyy-mm-dd", language),
            "bg_color": INPUT_FILL,
            "align": "left",
        }
    )
    percent_input = add({**base, "num_format": "0%", "bg_color": INPUT_FILL})
    week_header = add(
        {
            **base,
            "num_format": "d",
            "bold": True,
            "font_color": "white",
            "bg_color": BLUE,
            "align": "center",
        }
    )
    month_label = add(
        {
            **base,
            "num_format": date_format("mmm", language),
            "bold": True,
            "font_color": BLUE,
            "font_size": READABLE_FONT_PT,
        }
    )
    week_cell = add({"right": 1, "right_color": "#EDEDED", "bottom": 1, "bottom_color": GRID})
    link = add(
        {
            **base,
            "font_color": "#0563C1",
            "underline": 1,
            "text_wrap": True,
        }
    )
    wrapped = add({**base, "text_wrap": True})

    ws.write_string(0, 0, labels.roadmap_title, styles.title)
    ws.merge_range(1, 0, 1, COMPLETE, labels.roadmap_note, styles.note)
    ws.set_row(1, 28)
    headers = {
        INITIATIVE: labels.initiative,
        OBJECTIVE: labels.objective,
        OWNER: labels.owner,
        START: labels.start,
        END: labels.end,
        DAYS: labels.days,
        STATUS: labels.status,
        COMPLETE: labels.complete,
    }
    for col, title in headers.items():
        ws.write_string(HEADER_ROW, col, title, styles.header)
        ws.set_column(col, col, WIDTHS[col])
    ws.set_column(FIRST_WEEK, last_week, WEEK_WIDTH)

    for index, week in enumerate(weeks):
        col = FIRST_WEEK + index
        here = f.cell(HEADER_ROW, col)
        if index == 0:
            ws.write_datetime(HEADER_ROW, col, week, week_header)
        else:
            previous = f.cell(HEADER_ROW, col - 1)
            ws.write_formula(HEADER_ROW, col, f.next_week(previous), week_header, serial(week))
        starts_month = index == 0 or week.month != weeks[index - 1].month
        label = f.new_month_label(here, None if index == 0 else f.cell(HEADER_ROW, col - 1))
        ws.write_formula(MONTH_ROW, col, label, month_label, serial(week) if starts_month else "")

    status_names = [labels.roadmap_statuses[s] for s in ROADMAP_STATUSES]
    for offset, initiative in enumerate(initiatives):
        row = FIRST_ROW + offset
        ws.write_string(row, INITIATIVE, initiative.name, wrapped)
        height = wrapped_height(
            (initiative.name, WIDTHS[INITIATIVE]), (initiative.objective, WIDTHS[OBJECTIVE])
        )
        if height is not None:
            ws.set_row(row, height)
        if strategy is not None and initiative.objective in strategy.objective_rows:
            _write_objective_link(ws, row, initiative.objective, strategy, link)
        else:
            ws.write_string(row, OBJECTIVE, initiative.objective, wrapped)
        ws.write_string(row, OWNER, initiative.owner, styles.text)
        ws.write_datetime(row, START, initiative.start, date_input)
        ws.write_datetime(row, END, initiative.end, date_input)
        ws.write_formula(
            row,
            DAYS,
            f.days_between(f.cell(row, START), f.cell(row, END)),
            styles.integer,
            schedule.initiative_days[offset],
        )
        ws.write_string(row, STATUS, labels.roadmap_statuses[initiative.status], styles.text)
        if initiative.complete is None:
            ws.write_blank(row, COMPLETE, None, percent_input)
        else:
            ws.write_number(row, COMPLETE, float(initiative.complete), percent_input)
        for col in range(FIRST_WEEK, last_week + 1):
            ws.write_blank(row, col, None, week_cell)

    ws.data_validation(
        FIRST_ROW, STATUS, last_row + 200, STATUS, {"validate": "list", "source": status_names}
    )
    _conditional_formats(workbook, ws, labels, last_row, last_week)
    ws.freeze_panes(FIRST_ROW, 1)
    _set_up_page(ws, project.config.company_name)


def _write_objective_link(
    ws: Worksheet, row: int, objective: str, strategy: StrategyLayout, link: Format
) -> None:
    """The objective, linked to its row on the Strategy sheet, as a formula that reads the
    objective's name there: LibreOffice does not wrap a text cell that holds a link, so a long
    objective printed cut, but it wraps a formula cell's (XlsxWriter keeps the link when the
    formula overwrites the link's text)."""
    ws.write_url(row, OBJECTIVE, strategy.link(objective), link, string=objective)
    name = f.on_sheet(strategy.sheet, f.cell(strategy.objective_rows[objective], 0))
    ws.write_formula(row, OBJECTIVE, f.refer(name), link, objective)


def _set_up_page(ws: Worksheet, company: str) -> None:
    """The table on the first page, then the timeline over as many pages as its weeks take,
    each with the initiatives' names and the month and week headers."""
    print_readable(ws, company)
    ws.repeat_rows(MONTH_ROW, HEADER_ROW)
    ws.repeat_columns(INITIATIVE)
    ws.set_v_pagebreaks([FIRST_WEEK])


def _conditional_formats(
    workbook: Workbook, ws: Worksheet, labels: Labels, last_row: int, last_week: int
) -> None:
    """Bars coloured by status, a plain bar for any other status text, and this week's column;
    LibreOffice applies only the first true rule of a cell, so bars come first."""
    add = workbook.add_format
    start = f.cell(FIRST_ROW, START, col_abs=True)
    end = f.cell(FIRST_ROW, END, col_abs=True)
    status = f.cell(FIRST_ROW, STATUS, col_abs=True)
    week = f.cell(HEADER_ROW, FIRST_WEEK, row_abs=True)
    timeline = (FIRST_ROW, FIRST_WEEK, last_row, last_week)
    for key in ROADMAP_STATUSES:
        cell_fill, bar = STATUS_COLOURS[key]
        name = labels.roadmap_statuses[key]
        ws.conditional_format(
            *timeline,
            {
                "type": "formula",
                "criteria": f.bar_in_week_with(start, end, week, status, name),
                "format": add({"bg_color": bar}),
            },
        )
        ws.conditional_format(
            FIRST_ROW,
            STATUS,
            last_row,
            STATUS,
            {
                "type": "cell",
                "criteria": "==",
                "value": f'"{name}"',
                "format": add({"bg_color": cell_fill}),
            },
        )
    ws.conditional_format(
        *timeline,
        {
            "type": "formula",
            "criteria": f.bar_in_week(start, end, week),
            "format": add({"bg_color": BLUE}),
        },
    )
    ws.conditional_format(
        *timeline,
        {
            "type": "formula",
            "criteria": f.today_in_week(week),
            "format": add({"bg_color": TODAY_FILL}),
        },
    )
    ws.conditional_format(
        HEADER_ROW,
        FIRST_WEEK,
        HEADER_ROW,
        last_week,
        {
            "type": "formula",
            "criteria": f.today_in_week(f.cell(HEADER_ROW, FIRST_WEEK)),
            "format": add({"bg_color": "#C00000"}),
        },
    )
    ws.conditional_format(
        FIRST_ROW,
        COMPLETE,
        last_row,
        COMPLETE,
        {
            "type": "data_bar",
            "bar_color": "#9BC2E6",
            "bar_solid": True,
            "min_type": "num",
            "min_value": 0,
            "max_type": "num",
            "max_value": 1,
        },
    )
