"""Cell formats shared by every sheet, created once per workbook."""

from __future__ import annotations

import math

from xlsxwriter.workbook import Workbook

# ISO code -> symbol; other codes are shown as the code itself.
SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥", "CHF": "CHF", "CAD": "CA$", "AUD": "A$"}
NO_DECIMALS = {"JPY", "KRW", "CLP", "ISK", "HUF"}
BLUE = "#1F4E79"
INPUT_FILL = "#FFF8E1"
GRID = "#D9D9D9"
LINE_POINTS = 13  # a line of 10-point Calibri


def money_format(currency: str, language: str, negative_red: bool = True) -> str:
    """Positive; negative in red (unless a negative is good news: a variance under plan);
    zero as a dash. The symbol goes where the language puts it."""
    symbol = SYMBOLS.get(currency, currency)
    number = "#,##0" if currency in NO_DECIMALS else "#,##0.00"
    shown = f'"{symbol}"{number}' if language == "en" else f'{number} "{symbol}"'
    return f'{shown};{"[Red]" if negative_red else ""}-{shown};"–"'


def axis_money_format(currency: str, language: str) -> str:
    """A chart's value axis: whole amounts with the currency where the language puts it, so
    a printed chart says €6,000 and not 6000."""
    symbol = SYMBOLS.get(currency, currency)
    return f'"{symbol}"#,##0' if language == "en" else f'#,##0 "{symbol}"'


def date_format(pattern: str, language: str) -> str:
    """A date format in the workbook's language: in French, month names (``janv. 2026``,
    whatever the reader's own locale) and day-first dates."""
    if language != "fr":
        return pattern
    return "[$-40C]" + {"yyyy-mm-dd": "dd/mm/yyyy"}.get(pattern, pattern)


def wrapped_height(*cells: tuple[str, float]) -> float | None:
    """The height, in points, of a row whose texts wrap in columns of the given widths (each
    cell a text and its column's width in characters), so the longest shows whole; None when
    each fits on one line. Written for viewers that do not fit rows to their text themselves."""
    lines = wrapped_lines(*cells)
    return None if lines <= 1 else lines * LINE_POINTS + 3


def wrapped_lines(*cells: tuple[str, float]) -> int:
    """The lines the longest of these texts takes, wrapped in its column (a text and its
    column's width in characters): counted as one character per unit of width, which
    10-point text does not overfill."""
    return max(
        sum(max(1, math.ceil(len(part) / max(1, int(width)))) for part in text.split("\n"))
        for text, width in cells
    )


class Styles:
    def __init__(self, workbook: Workbook, currency: str, language: str):
        money = money_format(currency, language)
        self.language = language
        add = workbook.add_format
        base = {"font_name": "Calibri", "font_size": 10, "valign": "vcenter"}

        def fmt(**props):
            return add({**base, **props})

        self.title = fmt(bold=True, font_size=16, font_color=BLUE)
        self.subtitle = fmt(italic=True, font_color="#595959")
        self.note = fmt(italic=True, font_color="#595959", text_wrap=True, valign="top")
        self.header = fmt(bold=True, font_color="white", bg_color=BLUE, border=1, border_color=GRID)
        self.header_month = fmt(
            bold=True,
            font_color="white",
            bg_color=BLUE,
            border=1,
            border_color=GRID,
            num_format=date_format("mmm yyyy", language),
            align="right",
        )
        self.header_right = fmt(
            bold=True,
            font_color="white",
            bg_color=BLUE,
            border=1,
            border_color=GRID,
            align="right",
        )
        self.text = fmt()
        self.text_bold = fmt(bold=True)
        self.text_at_top = fmt(valign="top")
        self.wrapped = fmt(text_wrap=True, valign="top")
        self.text_top = fmt(bold=True, top=1, top_color="#A6A6A6")
        self.label = fmt(font_color="#595959")
        self.label_top = fmt(font_color="#595959", top=1, top_color="#A6A6A6")
        self.date = fmt(num_format=date_format("yyyy-mm-dd", language), align="left")
        self.month = fmt(num_format=date_format("mmm yyyy", language), align="left")
        self.integer = fmt(num_format="0", align="left")
        self.integer_right = fmt(num_format="0")
        self.integer_grand = fmt(num_format="0", bold=True, bg_color="#DDEBF7")
        self.integer_at_top = fmt(num_format="0", align="left", valign="top")
        self.number = fmt(num_format="#,##0.##", valign="top")
        self.money = fmt(num_format=money)
        self.money_input = fmt(num_format=money, bg_color=INPUT_FILL, top=1, top_color="#A6A6A6")
        self.money_available = fmt(num_format=money, italic=True, font_color="#595959")
        self.money_grand = fmt(num_format=money, bold=True, bg_color="#DDEBF7")
        self.percent = fmt(num_format="0.0%")
        self.number_plain = fmt(num_format="#,##0.00########")  # an amount in any currency
        self.rate = fmt(num_format="0.00####")
        self.percent_bold = fmt(num_format="0.0%", bold=True, bg_color="#DDEBF7")
        self.subtotal_name = fmt(bold=True, top=1, top_color="#A6A6A6", bg_color="#F2F2F2")
        self.subtotal_label = fmt(
            font_color="#595959", top=1, top_color="#A6A6A6", bg_color="#F2F2F2"
        )
        self.subtotal_money = fmt(
            num_format=money, bold=True, top=1, top_color="#A6A6A6", bg_color="#F2F2F2"
        )
        self.subtotal_fill_name = fmt(bold=True, bg_color="#F2F2F2")
        self.subtotal_fill_label = fmt(font_color="#595959", bg_color="#F2F2F2")
        self.subtotal_fill_money = fmt(num_format=money, bold=True, bg_color="#F2F2F2")
        self.grand_name = fmt(bold=True, bg_color="#DDEBF7", top=2, top_color=BLUE)
        self.grand_label = fmt(font_color="#595959", bg_color="#DDEBF7", top=2, top_color=BLUE)
        self.grand_money = fmt(
            num_format=money, bold=True, bg_color="#DDEBF7", top=2, top_color=BLUE
        )
        self.grand_fill_name = fmt(bold=True, bg_color="#DDEBF7")
        self.grand_fill_label = fmt(font_color="#595959", bg_color="#DDEBF7")
        self.grand_fill_money = fmt(num_format=money, bold=True, bg_color="#DDEBF7")
        self.month_input = fmt(
            num_format=date_format("mmm yyyy", language),
            bold=True,
            bg_color=INPUT_FILL,
            border=1,
            border_color="#A6A6A6",
            align="left",
        )
        self.money_top = fmt(num_format=money, top=1, top_color="#A6A6A6")
        variance = money_format(currency, language, negative_red=False)
        self.variance = fmt(num_format=variance, top=1, top_color="#A6A6A6")
        self.variance_plain = fmt(num_format=variance)
        self.variance_grand = fmt(num_format=variance, bold=True, bg_color="#DDEBF7")
        self.percent_top = fmt(num_format="0%", top=1, top_color="#A6A6A6")
        self.flag = fmt(bold=True, font_color="#C00000", top=1, top_color="#A6A6A6")
        subtotal_top = {"bold": True, "top": 1, "top_color": "#A6A6A6", "bg_color": "#F2F2F2"}
        self.subtotal_percent = fmt(num_format="0%", **subtotal_top)
        self.subtotal_variance = fmt(num_format=variance, **subtotal_top)
        self.subtotal_flag = fmt(font_color="#C00000", **subtotal_top)
        grand_top = {"bold": True, "top": 2, "top_color": BLUE, "bg_color": "#DDEBF7"}
        self.grand_percent = fmt(num_format="0%", **grand_top)
        self.grand_variance = fmt(num_format=variance, **grand_top)
        self.grand_flag = fmt(font_color="#C00000", **grand_top)
        self.open_month = add({"bg_color": "#EDF1F6"})  # a conditional format
        self.open_month_header = add({"bg_color": "#5B7FA3"})  # a conditional format
        self.overspend = add({"bg_color": "#F8CBAD", "font_color": "#9C0006"})
        self.over_available = add({"font_color": "#C00000", "bold": True})
        # a month's change on Performance, by which way is better (conditional formats)
        self.better = add({"font_color": "#006100", "bg_color": "#C6EFCE"})
        self.worse = add({"font_color": "#9C0006", "bg_color": "#FFC7CE"})
