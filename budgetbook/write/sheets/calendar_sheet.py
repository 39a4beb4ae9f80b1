"""The Calendar sheet: the list of posts on the left; on the right, posts per platform and month
(COUNTIFS over the list, against a target when one is set) and a grid of weeks by days for each
month, whose cells find a day's posts in the list through its Key column."""

from __future__ import annotations

from datetime import date, timedelta

from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from budgetbook.compute.plan import Schedule
from budgetbook.i18n.labels import Labels
from budgetbook.model import POST_STATUSES, Post, Project
from budgetbook.write import formulas as f
from budgetbook.write.sheets.page import (
    READABLE_FONT_PT,
    breaks_between_blocks,
    print_readable,
)
from budgetbook.write.sheets.styles import (
    BLUE,
    GRID,
    INPUT_FILL,
    Styles,
    date_format,
    wrapped_lines,
)
from budgetbook.write.sheets.weeks import grid_weeks

DATE, TIME, PLATFORM, FORMAT, TOPIC, OWNER, STATUS, CAMPAIGN, KEY = range(9)
LIST_WIDTHS = (11, 6, 11, 10, 44, 14, 11, 18, 9)
HEADER_ROW, FIRST_ROW = 3, 4
SPARE_ROWS = 100  # prepared rows below the last post: their Key formula is already there
COUNTS_COL = KEY + 2  # column K: the counts, then the month grids below them
SLOTS = 3  # posts shown per day; a fourth row says how many more
# A week of day columns prints on one landscape page at a readable size.
DAY_WIDTH = 18
COUNT_WIDTH = 10
STATUS_FILLS = {"idea": "#EDEDED", "draft": "#FFF2CC", "scheduled": "#DDEBF7",
                "published": "#E2EFDA"}  # fmt: skip


def write_calendar(
    workbook: Workbook,
    ws: Worksheet,
    project: Project,
    schedule: Schedule,
    styles: Styles,
    labels: Labels,
) -> None:
    posts = project.posts
    language = project.config.language
    add = workbook.add_format
    base = {"font_name": "Calibri", "font_size": 10, "valign": "vcenter"}
    formats = {
        "date": add({**base, "num_format": date_format("yyyy-mm-dd", language), "align": "left"}),
        "month": add({**base, "num_format": date_format("mmm yy", language), "bold": True,
                      "font_color": "white", "bg_color": BLUE, "align": "right"}),
        "grid_month": add({**base, "num_format": date_format("mmmm yyyy", language),
                           "bold": True, "font_size": 12, "font_color": BLUE}),
        "weekday": add({**base, "bold": True, "font_color": "#595959", "align": "center",
                        "bottom": 1, "bottom_color": GRID}),
        "day": add({**base, "num_format": "d", "bold": True, "font_color": "#595959",
                    "top": 1, "top_color": GRID, "left": 1, "left_color": GRID,
                    "right": 1, "right_color": GRID}),
        "slot": add({**base, "font_size": READABLE_FONT_PT, "text_wrap": True,
                     "valign": "top", "left": 1, "left_color": GRID, "right": 1,
                     "right_color": GRID}),
        "more": add({**base, "font_size": READABLE_FONT_PT, "italic": True, "font_color": "#7F7F7F",
                     "left": 1, "left_color": GRID, "right": 1, "right_color": GRID,
                     "bottom": 1, "bottom_color": GRID}),
        "key": add({**base, "font_color": "#A6A6A6", "font_size": 8}),
        "target": add({**base, "bg_color": INPUT_FILL, "num_format": "0"}),
        "count": add({**base, "num_format": "0;-0;\"–\"", "align": "right"}),
        "count_total": add({**base, "num_format": "0", "bold": True, "top": 1,
                            "top_color": "#A6A6A6"}),
    }  # fmt: skip

    ws.write_string(0, 0, labels.calendar_title, styles.title)
    ws.merge_range(1, 0, 1, CAMPAIGN, labels.calendar_note, styles.note)
    ws.set_row(1, 28)
    _write_list(workbook, ws, posts, schedule.post_keys, styles, labels, formats)
    grid_row = _write_counts(workbook, ws, project, schedule, styles, labels, formats)
    grids = _write_grids(ws, project, schedule, labels, formats, grid_row + 2)
    ws.freeze_panes(FIRST_ROW, 0)
    _set_up_page(workbook, ws, project, grids)


def _set_up_page(workbook: Workbook, ws: Worksheet, project: Project, grids: list[int]) -> None:
    """Two print ranges, the list without its Key column (a helper the grids look posts up
    by) and the counts with the month grids, at a readable size over as many pages as they
    take, no week of a grid cut across two pages."""
    print_readable(ws, project.config.company_name)
    last_list_row = FIRST_ROW + len(project.posts) + SPARE_ROWS - 1
    last_row = ws.dim_rowmax or 0
    last_col = COUNTS_COL + 2 + project.config.period.months
    areas = (
        f.on_sheet(ws.name, f.absolute_span(0, DATE, last_list_row, CAMPAIGN)),
        f.on_sheet(ws.name, f.absolute_span(0, COUNTS_COL, last_row, last_col)),
    )
    workbook.define_name(f.on_sheet(ws.name, "_xlnm.Print_Area"), "=" + ",".join(areas))
    ws.set_h_pagebreaks(breaks_between_blocks(ws, grids, last_row))


def _write_list(
    workbook: Workbook,
    ws: Worksheet,
    posts: list[Post],
    keys: list[str],
    styles: Styles,
    labels: Labels,
    formats,
) -> None:
    titles = (labels.date, labels.time, labels.platform, labels.post_format, labels.topic,
              labels.owner, labels.status, labels.campaign, labels.key)  # fmt: skip
    for col, (title, width) in enumerate(zip(titles, LIST_WIDTHS, strict=True)):
        ws.write_string(HEADER_ROW, col, title, styles.header)
        ws.set_column(col, col, width)
    first_day = f.cell(FIRST_ROW, DATE, row_abs=True, col_abs=True)
    for offset in range(len(posts) + SPARE_ROWS):
        row = FIRST_ROW + offset
        key = f.post_key(f.cell(row, DATE), first_day)
        if offset >= len(posts):
            ws.write_formula(row, KEY, key, formats["key"], "")
            continue
        post = posts[offset]
        ws.write_datetime(row, DATE, post.date, formats["date"])
        texts = {TIME: post.time, PLATFORM: post.platform, FORMAT: post.format,
                 TOPIC: post.topic, OWNER: post.owner, CAMPAIGN: post.campaign}  # fmt: skip
        for col, text in texts.items():
            ws.write_string(row, col, text, styles.text)
        ws.write_string(row, STATUS, labels.post_statuses[post.status], styles.text)
        ws.write_formula(row, KEY, key, formats["key"], keys[offset])
    last = FIRST_ROW + len(posts) + SPARE_ROWS - 1
    names = [labels.post_statuses[s] for s in POST_STATUSES]
    ws.data_validation(FIRST_ROW, STATUS, last, STATUS, {"validate": "list", "source": names})
    for status, fill in STATUS_FILLS.items():
        ws.conditional_format(FIRST_ROW, STATUS, last, STATUS, {
            "type": "cell", "criteria": "==", "value": f'"{labels.post_statuses[status]}"',
            "format": workbook.add_format({"bg_color": fill}),
        })  # fmt: skip


def _write_counts(
    workbook: Workbook,
    ws: Worksheet,
    project: Project,
    schedule: Schedule,
    styles: Styles,
    labels: Labels,
    formats,
) -> int:
    """Posts per platform and month against the target; return the table's last row."""
    period = project.config.period
    targets = {name.casefold(): value for name, value in project.config.calendar_targets.items()}
    platforms, counts = schedule.platforms, schedule.posts_per_month
    name_col, target_col, first_month = COUNTS_COL, COUNTS_COL + 1, COUNTS_COL + 2
    total_col = first_month + period.months
    ws.write_string(HEADER_ROW - 1, name_col, labels.posts_per_month, styles.text_bold)
    ws.write_string(HEADER_ROW, name_col, labels.platform, styles.header)
    ws.write_string(HEADER_ROW, target_col, labels.target_per_month, styles.header_right)
    for index, month in enumerate(period.month_starts()):
        ws.write_datetime(HEADER_ROW, first_month + index, month, formats["month"])
    ws.write_string(HEADER_ROW, total_col, labels.total, styles.header_right)
    platform_column = f.whole_column_here(PLATFORM)
    date_column = f.whole_column_here(DATE)
    for offset, platform in enumerate(platforms):
        row = FIRST_ROW + offset
        ws.write_string(row, name_col, platform, styles.text)
        target = targets.get(platform.casefold())
        if target is None:
            ws.write_blank(row, target_col, None, formats["target"])
        else:
            ws.write_number(row, target_col, target, formats["target"])
        for month in range(period.months):
            col = first_month + month
            formula = f.posts_in_month(
                platform_column,
                f.cell(row, name_col, col_abs=True),
                date_column,
                f.cell(HEADER_ROW, col, row_abs=True),
            )
            ws.write_formula(
                row, col, formula, formats["count"], counts[platform.casefold(), month]
            )
        across = f.row_span(row, first_month, total_col - 1)
        total = sum(counts[platform.casefold(), month] for month in range(period.months))
        ws.write_formula(row, total_col, f.total(across), formats["count_total"], total)
    last_platform = FIRST_ROW + max(len(platforms), 1) - 1
    total_row = last_platform + 1
    ws.write_string(total_row, name_col, labels.total, styles.text_top)
    ws.write_blank(total_row, target_col, None, styles.text_top)
    for month in range(period.months + 1):
        col = first_month + month
        down = f.col_span(col, FIRST_ROW, last_platform)
        value = (
            sum(counts[p.casefold(), month] for p in platforms)
            if month < period.months
            else sum(counts.values())
        )
        ws.write_formula(total_row, col, f.total(down), formats["count_total"], value)
    target_ref = f.cell(FIRST_ROW, target_col, col_abs=True)
    count_ref = f.cell(FIRST_ROW, first_month)
    month_ref = f.cell(HEADER_ROW, first_month, row_abs=True)
    short = f.short_within_plan(count_ref, target_ref, month_ref, date_column)
    for criteria, fill in ((f.reaches(count_ref, target_ref), "#C6EFCE"),
                           (short, "#FFEB9C")):  # fmt: skip
        ws.conditional_format(FIRST_ROW, first_month, last_platform, total_col - 1, {
            "type": "formula", "criteria": criteria,
            "format": workbook.add_format({"bg_color": fill}),
        })  # fmt: skip
    ws.set_column(name_col, name_col, DAY_WIDTH)
    ws.set_column(target_col, target_col, DAY_WIDTH)
    # The months past the grids' seven day columns are narrower, so the rest of the table
    # prints on one more page.
    beyond_grid = COUNTS_COL + 7
    ws.set_column(first_month, min(total_col, beyond_grid - 1), DAY_WIDTH)
    if total_col >= beyond_grid:
        ws.set_column(beyond_grid, total_col, COUNT_WIDTH)
    return total_row


def _write_grids(
    ws: Worksheet, project: Project, schedule: Schedule, labels: Labels, formats, top: int
) -> list[int]:
    """One grid per month of the period: weekday headers, then per week a row of dates, the
    day's posts and a row for more. A post's cell is merged down over as many rows as the
    longest title of its rank that week takes lines to wrap: the rows keep their default
    height, which the list of posts on the same rows shares, so the list prints compact. Return
    the first row of each week, a month's first week from its title, for the page breaks."""
    keys = f.whole_column_here(KEY)
    dates = f.whole_column_here(DATE)
    platforms, topics = f.whole_column_here(PLATFORM), f.whole_column_here(TOPIC)
    row = top
    weeks_start = []
    for month in grid_months(project):
        weeks_start.append(row)
        ws.write_datetime(row, COUNTS_COL, month, formats["grid_month"])
        row += 1
        for day_index, name in enumerate(labels.weekdays):
            ws.write_string(row, COUNTS_COL + day_index, name, formats["weekday"])
        row += 1
        for index, week in enumerate(grid_weeks(month)):
            if index:
                weeks_start.append(row)
            days = {
                COUNTS_COL + day_index: day
                for day_index in range(7)
                if ((day := week + timedelta(days=day_index)).year, day.month)
                == (month.year, month.month)
            }
            shown = {
                col: _shown_titles(schedule.posts_by_day.get(day, [])) for col, day in days.items()
            }
            spans = [
                wrapped_lines(*[(titles[rank], DAY_WIDTH) for titles in shown.values()])
                for rank in range(SLOTS)
            ]
            for col, day in days.items():
                ws.write_datetime(row, col, day, formats["day"])
                day_ref = f.cell(row, col, row_abs=True)
                slot_row = row + 1
                for rank, span in enumerate(spans, start=1):
                    if span > 1:
                        ws.merge_range(slot_row, col, slot_row + span - 1, col, "", formats["slot"])
                    formula = f.day_post(day_ref, rank, keys, platforms, topics)
                    ws.write_formula(slot_row, col, formula, formats["slot"], shown[col][rank - 1])
                    slot_row += span
                posts = schedule.posts_by_day.get(day, [])
                more = f"+{len(posts) - SLOTS} {labels.more_posts}" if len(posts) > SLOTS else ""
                formula = f.more_posts(day_ref, dates, SLOTS, labels.more_posts)
                ws.write_formula(slot_row, col, formula, formats["more"], more)
            row += 1 + sum(spans) + 1
        row += 1
    return weeks_start


def _shown_titles(posts: list[Post]) -> list[str]:
    """What a day's cells show, rank by rank: a post's platform and topic, or nothing."""
    return [
        f"{posts[rank].platform} · {posts[rank].topic}" if rank < len(posts) else ""
        for rank in range(SLOTS)
    ]


def grid_months(project: Project) -> list[date]:
    """The months the calendar plans: from the first post's month to the end of the period
    (every month when no post falls within it)."""
    months = project.config.period.month_starts()
    indexes = [project.config.period.month_index(post.date) for post in project.posts]
    first = min((i for i in indexes if i is not None), default=0)
    return months[first:]
