"""Printed pages a person can read and send: the sample's sheets rendered by LibreOffice, their
text measured, each Budget line's block whole on a page, a header and page numbers on every
sheet, the helper Key column left out, currency on the charts' value axes."""

from __future__ import annotations

import html
import re
import zipfile
from datetime import datetime
from itertools import pairwise
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter
from click.testing import CliRunner

from budgetbook.cli import main
from budgetbook.write.libreoffice import convert
from budgetbook.write.sheets.page import breaks_across
from tests.pdf_text import pdf_pages, word_boxes, word_heights
from tests.recalc import require_calibri_metrics, require_libreoffice

READABLE_PT = 8
# LibreOffice sizes a scaled font to the nearest twip or so: 8-point text measures 7.99.
MEASURE_TOLERANCE_PT = 0.15
KEY_COLUMN = 9  # the Calendar's column I
BLOCK_LABELS = ("Planned", "Available", "Actual", "Remaining")
READABLE_SHEETS = ("Budget", "Actuals", "Roadmap", "Calendar", "Performance", "Not counted")


def box_per_point(folder: Path) -> float:
    """How tall poppler draws a word's box per point of font size, for the font LibreOffice
    draws Calibri with here (the box spans the font's ascent and descent, a third more than
    its size with DejaVu Sans): measured on a probe printed at 10 points and 100 %."""
    probe = folder / "probe.xlsx"
    workbook = xlsxwriter.Workbook(str(probe))
    sheet = workbook.add_worksheet()
    sheet.write_string(
        0, 0, "Probe", workbook.add_format({"font_name": "Calibri", "font_size": 10})
    )
    workbook.close()
    pdf = convert(probe, folder / "probe", "pdf", recalculate=False)
    [[(_, height)]] = word_heights(pdf)
    return height / 10


def export(book: Path, pdf: Path, *sheets: str) -> None:
    arguments = ["export", str(book), "--pdf", "-o", str(pdf)]
    for sheet in sheets:
        arguments += ["--sheet", sheet]
    result = CliRunner().invoke(main, arguments)
    assert result.exit_code == 0, result.output


@pytest.mark.libreoffice
def test_roadmap_and_calendar_print_their_text_at_8_points_or_more(sample_book, tmp_path):
    """Word heights from pdftotext rather than the PDF's font operators: they measure what
    lands on paper whatever the page scale, the fitting or the fonts LibreOffice substituted,
    and a probe printed at a known size turns them into points. Fitted to one page width, as
    they were, the two sheets printed at about 3 points."""
    require_libreoffice()
    pdf = tmp_path / "planning.pdf"
    export(sample_book, pdf, "Roadmap", "Calendar")
    per_point = box_per_point(tmp_path)
    pages = word_heights(pdf)
    texts = pdf_pages(pdf)
    assert len(pages) == len(texts) > 2  # as many pages as they need, not one page wide each
    sheets = {text.splitlines()[0].split()[-1] for text in texts}
    assert sheets == {"Roadmap", "Calendar"}
    for number, page in enumerate(pages, start=1):
        smallest = min(height for _, height in page) / per_point
        assert smallest >= READABLE_PT - MEASURE_TOLERANCE_PT, (number, smallest)
    everything = "\n".join(texts)
    assert not re.search(r"\d+#\d+", everything)  # the Key column's helper values
    assert f"Page {len(texts)} / {len(texts)}" in texts[-1]


@pytest.mark.libreoffice
def test_roadmap_objectives_print_whole_wrapped_in_their_column(sample_book, tmp_path):
    """Each objective, a link to the Strategy sheet, prints whole within its column, wrapped
    over as many lines as it takes. As a text cell with a link, which LibreOffice does not
    wrap, it printed on one line that the Owner column cut."""
    require_libreoffice()
    pdf = tmp_path / "roadmap.pdf"
    export(sample_book, pdf, "Roadmap")
    words = word_boxes(pdf)[0]
    column = next(word for word in words if word[0] == "Objective")
    owner = next(word for word in words if word[0] == "Owner")
    left, right = column[1] - 1, owner[1]
    below = [word for word in words if word[2] > column[4] and left <= word[1] < right]
    assert all(word[3] <= right for word in below), [w for w in below if w[3] > right]
    lines: dict[int, list[tuple[float, str]]] = {}
    for text, x_min, y_min, _, _ in below:
        lines.setdefault(round(y_min), []).append((x_min, html.unescape(text)))
    printed = " ".join(text for _, line in sorted(lines.items()) for _, text in sorted(line))
    roadmap = openpyxl.load_workbook(sample_book, data_only=True)["Roadmap"]
    objectives = [roadmap.cell(row, 2).value for row in range(5, roadmap.max_row + 1)]
    linked = [roadmap.cell(row, 2).hyperlink for row in range(5, roadmap.max_row + 1)]
    assert len(objectives) == 10 and all(link is not None for link in linked)
    assert printed == " ".join(objectives)


@pytest.mark.libreoffice
def test_calendar_list_prints_one_row_a_post_beside_the_grids(sample_book, tmp_path):
    """The list's rows are the rows the month grids use too: every post prints on a row of the
    default height (15 points at 80 %), at equal steps. When the grids' rows grew to their
    wrapped titles, the list's rows beside them printed up to twice as tall, with gaps."""
    require_libreoffice()
    pdf = tmp_path / "calendar.pdf"
    export(sample_book, pdf, "Calendar")
    pages = word_boxes(pdf)
    header = next(word for word in pages[0] if word[0] == "Date")
    posts = 0
    for number, words in enumerate(pages, start=1):
        tops = sorted(
            word[2]
            for word in words
            if re.fullmatch(r"\d{4}-\d\d-\d\d", word[0]) and abs(word[1] - header[1]) < 2
        )
        steps = [below - above for above, below in pairwise(tops)]
        assert all(abs(step - 15 * 0.8) < 0.5 for step in steps), (number, steps)
        posts += len(tops)
    calendar = openpyxl.load_workbook(sample_book)["Calendar"]
    assert posts == sum(1 for row in calendar.iter_rows(min_row=5, max_col=1) if row[0].value)


@pytest.mark.libreoffice
def test_calendar_repeats_the_lists_header_and_prints_the_counts_whole(sample_book, tmp_path):
    """Every page of the list starts with its header row; the posts per platform and month,
    months down, print on one page with their Total column. With a year's months across, the
    last months and the Total ran onto a page of their own at the end of the grids, away from
    the platforms' names, and the list's second page had no header."""
    require_calibri_metrics()
    pdf = tmp_path / "calendar.pdf"
    export(sample_book, pdf, "Calendar")
    pages = pdf_pages(pdf)
    listed = [text for text in pages if re.search(r"^\s*\d{4}-\d\d-\d\d", text, re.M)]
    assert len(listed) >= 2
    for text in listed:
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        first = next(n for n, line in enumerate(lines) if re.match(r"\d{4}-\d\d-\d\d", line))
        assert lines[first - 1].startswith("Date"), lines[: first + 1]
    [counts] = [text for text in pages if "Posts per platform and month" in text]
    header = next(line.split() for line in counts.splitlines() if "Instagram" in line)
    assert header == ["Instagram", "Facebook", "Pinterest", "Newsletter", "Total"]
    for month, figures in (("Jan 26", "– – – – –"), ("Sep 26", "4 2 2 1 9"),
                           ("Dec 26", "4 2 2 2 10")):  # fmt: skip
        line = next(line.strip() for line in counts.splitlines() if month in line)
        assert line.split() == [*month.split(), *figures.split()], line


def smallest_text(pdf: Path, per_point: float) -> list[float]:
    """The smallest word's size on each page, in points."""
    return [min(height for _, height in page) / per_point for page in word_heights(pdf)]


@pytest.mark.libreoffice
def test_performance_actuals_and_not_counted_print_their_text_at_8_points_or_more(
    sample_book, tmp_path
):
    """Fitted to one page width, as they were, the Performance sheet printed at 4 points, the
    Actuals at 3 and Not counted at 6. Each sheet is exported alone, so that its pages, their
    headers and their numbers are its own."""
    require_libreoffice()
    per_point = box_per_point(tmp_path)
    repeated = {"Performance": "Report month", "Actuals": "Date", "Not counted": "File"}
    for sheet, header in repeated.items():
        pdf = tmp_path / f"{sheet}.pdf"
        export(sample_book, pdf, sheet)
        texts = pdf_pages(pdf)
        sizes = smallest_text(pdf, per_point)
        assert len(sizes) == len(texts) >= 1, sheet
        for number, (text, smallest) in enumerate(zip(texts, sizes, strict=True), start=1):
            assert smallest >= READABLE_PT - MEASURE_TOLERANCE_PT, (sheet, number, smallest)
            lines = [line.strip() for line in text.splitlines() if line.strip()]
            assert lines[0].startswith("Atelier Lune") and lines[0].endswith(sheet), lines[0]
            # the repeated rows; on the Performance's pages that start down the sheet, below
            # its title and note
            shown = lines if sheet == "Performance" else lines[1:2]
            assert any(line.startswith(header) for line in shown), (sheet, number, lines)
            assert f"Page {number} / {len(texts)}" in text, (sheet, number)


@pytest.mark.libreoffice
def test_performance_pages_keep_each_channel_with_its_chart(sample_book, tmp_path):
    """Printed across then down, a channel's first months are on one page and its last months
    on the next, with its chart beside them, as tall as the table; the pages break down only
    where a section starts: a channel's title, the definitions or the review."""
    require_libreoffice()
    pdf = tmp_path / "performance.pdf"
    export(sample_book, pdf, "Performance")
    performance = openpyxl.load_workbook(sample_book)["Performance"]
    names = {str(cell.value) for cell in performance["A"] if cell.value}
    pages = pdf_pages(pdf)
    charted = []
    for number, page in enumerate(pages, start=1):
        for channel in sorted(name for name in names if f"{name}: KPI trend" in page):
            before = pages[number - 2]
            for shown in (page, before):
                assert any(line.strip().startswith(channel) for line in shown.splitlines()), (
                    number,
                    channel,
                    shown[:300],
                )
            assert "Jan 26" in before and "Nov 26" in page and "Nov 26" not in before, number
            charted.append(channel)
    assert len(charted) >= 3 and len(charted) == len(set(charted)), charted
    for page_break in performance.row_breaks.brk:
        first = performance.cell(page_break.id + 1, 1).value
        assert first in {*charted, "Definitions", "Operation review"}, (page_break.id, first)
    assert performance.print_title_cols == "$A:$A"  # its labels on the pages across
    assert [page_break.id for page_break in performance.col_breaks.brk] == [12]  # after Oct
    assert performance.page_setup.pageOrder == "overThenDown"


@pytest.mark.libreoffice
def test_each_budget_line_prints_whole_on_one_page(sample_book, tmp_path):
    """Every page holds whole blocks: its rows' labels run Planned, Available, Actual,
    Remaining and start again, never stopping part way."""
    require_libreoffice()
    pdf = tmp_path / "budget.pdf"
    export(sample_book, pdf, "Budget")
    pages = pdf_pages(pdf)
    assert len(pages) > 1
    label = re.compile(r"(?:^|\s)(" + "|".join(BLOCK_LABELS) + r")(?=\s{2,}|\s*$)")
    blocks = 0
    for number, page in enumerate(pages, start=1):
        lines = page.splitlines()
        header = next(i for i, line in enumerate(lines) if line.split()[:1] == ["Category"])
        labels = [match[1] for line in lines[header:] for match in label.finditer(line)]
        assert len(labels) % len(BLOCK_LABELS) == 0, (number, labels)
        assert all(
            labels[index] == BLOCK_LABELS[index % len(BLOCK_LABELS)] for index in range(len(labels))
        ), (number, labels)
        blocks += len(labels) // len(BLOCK_LABELS)
        assert f"Page {number} / {len(pages)}" in page
    assert blocks > 0


def sheet_parts(book: Path) -> dict[str, str]:
    """Each worksheet's XML by the sheet's name."""
    with zipfile.ZipFile(book) as archive:
        workbook = archive.read("xl/workbook.xml").decode()
        rels = archive.read("xl/_rels/workbook.xml.rels").decode()
        targets = dict(re.findall(r'Id="(rId\d+)" [^>]*?Target="([^"]+)"', rels))
        targets |= {
            rid: target for target, rid in re.findall(r'Target="([^"]+)" Id="(rId\d+)"', rels)
        }
        return {
            name: archive.read(f"xl/{targets[rid]}").decode()
            for name, state, rid in re.findall(
                r'<sheet name="([^"]+)" sheetId="\d+"( state="hidden")? r:id="(rId\d+)"', workbook
            )
            if not state
        }


def test_every_sheet_prints_a_header_and_page_numbers(sample_book):
    parts = sheet_parts(sample_book)
    assert set(parts) == {"Overview", "Strategy", "Budget", "Actuals", "Roadmap", "Calendar",
                          "Performance", "Not counted"}  # fmt: skip
    for name, xml in parts.items():
        assert "&amp;A</oddHeader>" in xml and "Atelier Lune" in xml, name
        assert "<oddFooter>&amp;CPage &amp;P / &amp;N</oddFooter>" in xml, name
        assert 'paperSize="9"' in xml, name


def test_wide_sheets_print_at_a_readable_scale_not_fitted(sample_book):
    parts = sheet_parts(sample_book)
    for name in READABLE_SHEETS:
        assert 'fitToPage="1"' not in parts[name], name
        assert 'scale="80"' in parts[name], name
    fonts = sample_book_fonts(sample_book)
    assert min(fonts) * 0.8 >= READABLE_PT


def sample_book_fonts(book: Path) -> set[float]:
    """The sizes of the fonts the cells of the sheets printed at a fixed scale use (the
    Calendar's Key column aside, which is not printed)."""
    workbook = openpyxl.load_workbook(book)
    sizes = set()
    for name in READABLE_SHEETS:
        for row in workbook[name].iter_rows():
            for cell in row:
                if name == "Calendar" and cell.column == KEY_COLUMN:
                    continue
                if cell.value not in (None, ""):
                    sizes.add(float(cell.font.sz or 11))
    return sizes


def test_calendar_prints_its_list_without_the_key_column(sample_book):
    with zipfile.ZipFile(sample_book) as archive:
        workbook = archive.read("xl/workbook.xml").decode()
    [area] = re.findall(r'<definedName name="_xlnm.Print_Area" localSheetId="\d+">'
                        r"(Calendar![^<]*)</definedName>", workbook)  # fmt: skip
    assert area.startswith("Calendar!$A$1:$H$") and ",Calendar!$K$1:" in area


def test_budget_pages_break_between_blocks(sample_book):
    """Each page after the first starts with a block's Planned row, or with the line of
    actuals not counted above that ends the sheet."""
    budget = openpyxl.load_workbook(sample_book)["Budget"]
    starts = [page_break.id + 1 for page_break in budget.row_breaks.brk]
    assert starts
    for row in starts:
        first = budget.cell(row, 4).value or budget.cell(row, 2).value
        assert first in ("Planned", "Actuals not counted above"), (row, first)


def test_calendar_pages_break_between_weeks(sample_book):
    """Each page of the month grids after the first starts with a month's title or a week's
    dates: no week's posts print apart from their days."""
    calendar = openpyxl.load_workbook(sample_book)["Calendar"]
    starts = [page_break.id + 1 for page_break in calendar.row_breaks.brk]
    assert starts
    for row in starts:
        firsts = [calendar.cell(row, col).value for col in range(11, 18)]  # K to Q
        assert any(isinstance(value, datetime) for value in firsts), (row, firsts)


def test_chart_value_axes_show_the_currency(sample_book):
    with zipfile.ZipFile(sample_book) as archive:
        charts = [archive.read(name).decode() for name in archive.namelist()
                  if name.startswith("xl/charts/chart")]  # fmt: skip
    money_axes = [
        chart for chart in charts
        if re.search(r'<c:valAx>.*?<c:numFmt formatCode="&quot;€&quot;#,##0"', chart, re.S)
    ]  # fmt: skip
    assert len(money_axes) >= 2  # the Overview's two charts


def test_the_by_lever_header_is_one_band(sample_book):
    workbook = openpyxl.load_workbook(sample_book)
    report = workbook["Performance"]
    [row] = [cell.row for cell in report["A"] if cell.value == "By lever"]
    header = report[row + 1]
    roi = next(cell.column for cell in header if cell.value == "ROI")
    fills = {header[col].fill.fgColor.rgb for col in range(roi)}
    assert len(fills) == 1 and fills != {"00000000"}


def test_a_table_wider_than_a_page_is_shared_evenly_across():
    """Fifteen columns of 82 pixels beside a repeated label column of 243: the pages across
    take eight and seven (Opening to July, then August to Change), not twelve and three;
    columns after the table fill its last page, then start another."""
    table = {col: 82 for col in range(1, 16)}
    assert breaks_across(table, 243, evenly=15) == [9]
    assert breaks_across(table, 243) == [13]  # filled page by page
    beyond = table | {col: 64 for col in range(16, 40)}
    breaks = breaks_across(beyond, 243, evenly=15)
    assert breaks[0] == 9 and len(breaks) >= 2 and all(col > 15 for col in breaks[1:])
    assert breaks_across({1: 82, 2: 82}, 243) == []  # one page wide


def test_performance_notes_wrap_beside_their_titles_within_the_first_page_across(sample_book):
    """The notes beside the title and the review's end before the first page break across, so
    no page cuts their text, and start after the labels' column, which the pages across
    repeat: there only the titles show. The report month's label and value are in that column
    too, on the rows every page repeats."""
    performance = openpyxl.load_workbook(sample_book)["Performance"]
    first_break = min(page_break.id for page_break in performance.col_breaks.brk)
    notes = {
        str(performance.cell(merged.min_row, 2).value)[:7]: merged
        for merged in performance.merged_cells.ranges
        if str(performance.cell(merged.min_row, 2).value).startswith(("Metrics are", "Result:"))
    }
    assert sorted(notes) == ["Metrics", "Result:"]
    for merged in notes.values():
        assert merged.min_col == 2 and merged.max_col <= first_break, merged.coord
        assert merged.max_row == merged.min_row + 1  # the title's row and the next
        title = performance.cell(merged.min_row, 1).value
        assert title in ("Performance report", "Operation review")
    assert performance.print_title_rows == "$3:$4"
    assert performance["A3"].value == "Report month"
    assert performance["A4"].value == datetime(2026, 10, 1)
