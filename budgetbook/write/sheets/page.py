"""Print set-up shared by the sheets a report is printed from, so every page of a PDF says
whose it is, which sheet, and where it stands: company and sheet names on top, page X / Y."""

from __future__ import annotations

from xlsxwriter.worksheet import Worksheet

A4 = 9  # XlsxWriter's paper code


def set_page_titles(ws: Worksheet, company: str) -> None:
    """A4, with the company (ampersands doubled, as header codes require) and the sheet name
    in the header, and "Page X / Y" in the footer."""
    ws.set_paper(A4)
    ws.set_header(f'&L&"Calibri,Bold"{company.replace("&", "&&")}&R&A')
    ws.set_footer("&CPage &P / &N")
