"""Print set-up shared by the sheets a report is printed from, so every page of a PDF says
whose it is, which sheet, and where it stands: company and sheet names on top, page X / Y; and
so that a wide sheet prints as many pages as it needs at a size a person can read, rather than
fitted to one page width with its text at 3 points."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from xlsxwriter.worksheet import Worksheet

A4 = 9  # XlsxWriter's paper code
A4_SHORT_PT = 595.28  # the height of a landscape page
A4_LONG_IN, A4_SHORT_IN = 11.69, 8.27
# Sheets printed at a fixed scale hold every font at READABLE_FONT_PT points or more, so their
# text prints at READABLE_SCALE % of that: 8 points, the least a printed page is read at.
READABLE_SCALE = 80
READABLE_FONT_PT = 10
SIDE_MARGIN, TOP_MARGIN = 0.4, 0.75  # inches; XlsxWriter's top and bottom are 0.75
# A page is planned to PAGE_FILL of its height, for the applications' rounding of row heights.
PAGE_FILL = 0.97
DEFAULT_ROW_PX = 20  # 15 points, Excel's default row, which LibreOffice keeps


def set_page_titles(ws: Worksheet, company: str) -> None:
    """A4, with the company (ampersands doubled, as header codes require) and the sheet name
    in the header, and "Page X / Y" in the footer."""
    ws.set_paper(A4)
    ws.set_header(f'&L&"Calibri,Bold"{company.replace("&", "&&")}&R&A')
    ws.set_footer("&CPage &P / &N")


def print_readable(ws: Worksheet, company: str) -> None:
    """Landscape at READABLE_SCALE, never fitted to the page: a sheet wider than a page takes
    more pages (down, then across) and its text keeps a size a person can read, in Excel and in
    LibreOffice alike, whatever font the application draws Calibri with."""
    ws.set_landscape()
    ws.set_print_scale(READABLE_SCALE)
    ws.set_margins(left=SIDE_MARGIN, right=SIDE_MARGIN, top=TOP_MARGIN, bottom=TOP_MARGIN)
    set_page_titles(ws, company)


def row_points(ws: Worksheet, row: int) -> float:
    """The height a row was given (Excel's default when none), in points; 0 when hidden."""
    height_px, hidden = ws.row_sizes.get(row, (DEFAULT_ROW_PX, False))
    return 0.0 if hidden else height_px * 0.75


def breaks_between_blocks(
    ws: Worksheet, starts: Iterable[int], last_row: int, repeated_rows: Iterable[int] = ()
) -> list[int]:
    """The rows that start a page (after the first) so that no block is cut: ``starts`` are
    the first rows of blocks that must stay whole (the rows before the first are one more
    block), the last ending at ``last_row``; each page of a sheet printed by ``print_readable``
    holds as many whole blocks as fit below the rows repeated on every page. A block taller than
    a page starts one and is cut where the application must."""
    page_pt = (A4_SHORT_PT - 2 * TOP_MARGIN * 72) * PAGE_FILL * 100 / READABLE_SCALE
    page_pt -= sum(row_points(ws, row) for row in repeated_rows)
    bounds = sorted({0, *starts})
    ends = [*bounds[1:], last_row + 1]
    breaks, used = [], 0.0
    for first, end in zip(bounds, ends, strict=True):
        height = sum(row_points(ws, row) for row in range(first, end))
        if used and used + height > page_pt:
            breaks.append(first)
            used = 0.0
        used += height
    return breaks


def page_width_px(landscape: bool = True) -> float:
    """The width of sheet a page printed by ``print_readable`` holds, in column pixels."""
    width_in = A4_LONG_IN if landscape else A4_SHORT_IN
    return (width_in - 2 * SIDE_MARGIN) * 96 * PAGE_FILL * 100 / READABLE_SCALE


def breaks_across(
    widths: Mapping[int, float],
    repeated_px: float = 0,
    evenly: int = -1,
    landscape: bool = True,
    page_px: float | None = None,
) -> list[int]:
    """The columns that start a page across (after the first) for a sheet printed by
    ``print_readable`` that is wider than a page, planned on Excel's widths (a LibreOffice that
    draws columns wider adds breaks of its own between them): ``widths`` are the printed
    columns' pixels, by column, in order; each page takes as many whole columns as fit beside
    the ``repeated_px`` of columns printed on every page. The columns up to ``evenly`` are
    shared evenly among the pages they need (a table's months split in halves rather than
    twelve and one); the columns after them fill the last of those pages, then more.
    ``page_px`` is the width planned on a page, when less than ``page_width_px``'s."""
    page_px = (page_width_px(landscape) if page_px is None else page_px) - repeated_px
    columns = list(widths)
    breaks: list[int] = []
    rest = columns
    table = [col for col in columns if col <= evenly]
    if table:
        needed = len(_fill(table, widths, page_px)) + 1
        per_page = -(-len(table) // needed)
        breaks = table[per_page::per_page]
        rest = columns[columns.index(breaks[-1]) :] if breaks else columns
    return breaks + _fill(rest, widths, page_px)


def _fill(columns: list[int], widths: Mapping[int, float], page_px: float) -> list[int]:
    """Each page takes the columns that fit; a column wider than a page starts one."""
    breaks, used = [], 0.0
    for col in columns:
        if used and used + widths[col] > page_px:
            breaks.append(col)
            used = 0.0
        used += widths[col]
    return breaks
