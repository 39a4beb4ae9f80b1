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
HEADER_ROW, FIRST_ROW = 3, 4  # the list's header, repeated on every printed page
COUNTS_TITLE_ROW = FIRST_ROW  # the counts start below the list's header row
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
        "count_side": add({**base, "num_format": "0;-0;\"–\"", "bold": True}),
        "month_label": add({**base, "num_format": date_format("mmm yy", language),
                            "bold": True, "align": "left"}),
    }  # fmt: skip

    ws.write_string(0, 0, labels.calendar_title, styles.title)
    ws.merge_range(1, 0, 1, CAMPAIGN, labels.calendar_note, styles.note)
    ws.set_row(1, 28)
    _write_list(workbook, ws, posts, schedule.post_keys, styles, labels, formats)
    grid_row, counts_col = _write_counts(workbook, ws, project, schedule, styles, labels, formats)
    grids = _write_grids(ws, project, schedule, labels, formats, grid_row + 2)
    ws.freeze_panes(FIRST_ROW, 0)
    _set_up_page(workbook, ws, project, grids, counts_col)


def _set_up_page(
    workbook: Workbook, ws: Worksheet, project: Project, grids: list[int], counts_col: int
) -> None:
    """Two print ranges, the list without its Key column (a helper the grids look posts up
    by) and the counts (to ``counts_col``) with the month grids, at a readable size over as
    many pages as they take, the list's header on each, no week of a grid cut across two
    pages."""
    print_readable(ws, project.config.company_name)
    last_list_row = FIRST_ROW + len(project.posts) + SPARE_ROWS - 1
    last_row = ws.dim_rowmax or 0
    last_col = max(COUNTS_COL + 6, counts_col)
    areas = (
        f.on_sheet(ws.name, f.absolute_span(0, DATE, last_list_row, CAMPAIGN)),
        f.on_sheet(ws.name, f.absolute_span(0, COUNTS_COL, last_row, last_col)),
    )
    workbook.define_name(f.on_sheet(ws.name, "_xlnm.Print_Area"), "=" + ",".join(areas))
    ws.repeat_rows(HEADER_ROW)
    ws.set_h_pagebreaks(breaks_between_blocks(ws, grids, last_row, [HEADER_ROW]))


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
) -> tuple[int, int]:
    """Posts per platform and month against the target, months down and platforms across, so
    that a year's table takes the width of a month's grid and prints on its page, under the
    list's header row, which every page repeats and the table leaves blank; return the
    table's last row and its Total column."""
    period = project.config.period
    targets = {name.casefold(): value for name, value in project.config.calendar_targets.items()}
    platforms, counts = schedule.platforms, schedule.posts_per_month
    first_platform = COUNTS_COL + 1
    total_col = first_platform + max(len(platforms), 1)
    header_row = COUNTS_TITLE_ROW + 1
    target_row, first_month = header_row + 1, header_row + 2
    total_row = first_month + period.months
    ws.write_string(COUNTS_TITLE_ROW, COUNTS_COL, labels.posts_per_month, styles.text_bold)
    ws.write_string(header_row, COUNTS_COL, "", styles.header)
    ws.write_string(target_row, COUNTS_COL, labels.target_per_month, styles.text)
    ws.write_string(header_row, total_col, labels.total, styles.header_right)
    ws.write_blank(target_row, total_col, None, styles.text)
    platform_column = f.whole_column_here(PLATFORM)
    date_column = f.whole_column_here(DATE)
    for index, month in enumerate(period.month_starts()):
        ws.write_datetime(first_month + index, COUNTS_COL, month, formats["month_label"])
    for offset, platform in enumerate(platforms):
        col = first_platform + offset
        ws.write_string(header_row, col, platform, styles.header_right)
        target = targets.get(platform.casefold())
        if target is None:
            ws.write_blank(target_row, col, None, formats["target"])
        else:
            ws.write_number(target_row, col, target, formats["target"])
        for month in range(period.months):
            formula = f.posts_in_month(
                platform_column,
                f.cell(header_row, col, row_abs=True),
                date_column,
                f.cell(first_month + month, COUNTS_COL, col_abs=True),
            )
            ws.write_formula(first_month + month, col, formula, formats["count"],
                             counts[platform.casefold(), month])  # fmt: skip
    for month in range(period.months):
        row = first_month + month
        across = f.row_span(row, first_platform, total_col - 1)
        value = sum(counts[p.casefold(), month] for p in platforms)
        ws.write_formula(row, total_col, f.total(across), formats["count_side"], value)
    ws.write_string(total_row, COUNTS_COL, labels.total, styles.text_top)
    for col in range(first_platform, total_col + 1):
        down = f.col_span(col, first_month, total_row - 1)
        platform = platforms[col - first_platform].casefold() if col < total_col else None
        value = sum(n for (name, _), n in counts.items() if platform in (None, name))
        ws.write_formula(total_row, col, f.total(down), formats["count_total"], value)
    target_ref = f.cell(target_row, first_platform, row_abs=True)
    count_ref = f.cell(first_month, first_platform)
    month_ref = f.cell(first_month, COUNTS_COL, col_abs=True)
    short = f.short_within_plan(count_ref, target_ref, month_ref, date_column)
    last_month, last_platform = total_row - 1, total_col - 1
    for criteria, fill in ((f.reaches(count_ref, target_ref), "#C6EFCE"),
                           (short, "#FFEB9C")):  # fmt: skip
        ws.conditional_format(first_month, first_platform, last_month, last_platform, {
            "type": "formula", "criteria": criteria,
            "format": workbook.add_format({"bg_color": fill}),
        })  # fmt: skip
    # as wide as a grid's day columns, or narrower past them when there are many platforms
    ws.set_column(COUNTS_COL, COUNTS_COL + 6, DAY_WIDTH)
    if total_col > COUNTS_COL + 6:
        ws.set_column(COUNTS_COL + 7, total_col, COUNT_WIDTH)
    return total_row, total_col


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
