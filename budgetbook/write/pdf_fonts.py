"""Fonts for LibreOffice's PDF, so that it lays a sheet out as Excel does.

A column's width in an .xlsx is a count of the default font's digits. Excel draws a digit of
Calibri 11 seven pixels wide; LibreOffice draws it in the font it has for Calibri, so its
columns come out wider: a third wider with DejaVu Sans (a server without Calibri or Carlito),
about 6 % with Carlito. Fitted to the page width, such a sheet is printed smaller, and pages
planned for Excel's widths (the Performance sheet's manual breaks) come out partly empty.

LibreOffice is asked once how wide it draws two columns; the copy it renders then has every
font that much smaller, so that its digits, its columns and its text take Excel's widths. On
paper the text keeps the size it had (the page is fitted to the width either way); the rows
and charts, which were measured in points and pixels, take their planned share of the page.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

EXCEL_DIGIT_PX = 7  # Calibri 11, whose digit XlsxWriter's pixel sizes assume
_PROBE = (10.7109375, 100.7109375)  # XlsxWriter writes widths of 10 and 100 characters so
_COLUMN_STYLE = re.compile(
    r'<style:style style:name="([^"]+)" style:family="table-column">\s*'
    r'<style:table-column-properties[^>]*?style:column-width="([\d.]+)(in|cm)"'
)
_COLUMN = re.compile(r'<table:table-column table:style-name="([^"]+)"')
_FONTS = re.compile(r"<fonts\b.*?</fonts>", re.DOTALL)
_SIZE = re.compile(r'(<sz val=")([\d.]+)(")')


def digit_ratio(convert) -> float | None:
    """How many times wider than Excel LibreOffice draws a column here, from a two-column
    workbook that it saves as flat ODF (``convert(source, out_dir, target)`` runs it); None
    when it cannot tell."""
    import xlsxwriter

    with tempfile.TemporaryDirectory(prefix="budgetbook-widths-") as folder:
        probe = Path(folder) / "widths.xlsx"
        workbook = xlsxwriter.Workbook(str(probe))
        sheet = workbook.add_worksheet()
        for col, width in enumerate(_PROBE):
            sheet.set_column(col, col, int(width))  # written back as `width`
        sheet.write_string(0, 0, "0")
        workbook.close()
        try:
            text = convert(probe, Path(folder) / "out", "fods").read_text(encoding="utf-8")
        except Exception:  # any failure: the PDF is still made, with the fonts as they are
            return None
    return parse_ratio(text)


def parse_ratio(fods: str) -> float | None:
    """LibreOffice's pixels per character of column width against Excel's, from the probe's
    two columns in a flat ODF spreadsheet."""
    styles = {
        name: float(size) * (96 if unit == "in" else 96 / 2.54)
        for name, size, unit in _COLUMN_STYLE.findall(fods)
    }
    pixels = [styles.get(name) for name in _COLUMN.findall(fods)[:2]]
    if len(pixels) < 2 or None in pixels or pixels[1] <= pixels[0]:
        return None
    return (pixels[1] - pixels[0]) / (_PROBE[1] - _PROBE[0]) / EXCEL_DIGIT_PX


def scaled_fonts(styles_xml: str, ratio: float) -> str:
    """The workbook's styles with every font ``ratio`` times smaller (to a hundredth of a point)."""

    def size(match: re.Match) -> str:
        return f"{match[1]}{float(match[2]) / ratio:.2f}{match[3]}"

    return _FONTS.sub(lambda fonts: _SIZE.sub(size, fonts[0]), styles_xml, count=1)
