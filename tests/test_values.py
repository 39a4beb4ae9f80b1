"""Amounts and dates as exports really write them: tables of cases, then round-trip properties."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from budgetbook.read.values import (
    EXCEL_EPOCH,
    ambiguous_separator,
    detect_decimal_comma,
    parse_amount,
    parse_date,
)

D = Decimal
NBSP = "\u00a0"
NNBSP = "\u202f"  # narrow no-break space, French thousands separator in recent exports


# --- parse_amount -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1200", D("1200")),
        ("1200.50", D("1200.50")),
        ("0.05", D("0.05")),
        ("  42 ", D("42")),
        ("+15", D("15")),
        ("-12.5", D("-12.5")),
        # decimal comma
        ("1200,50", D("1200.50")),
        ("-12,5", D("-12.5")),
        ("0,99", D("0.99")),
        # thousands with ordinary, no-break and narrow no-break spaces
        ("1 200", D("1200")),
        (f"1{NBSP}200,50", D("1200.50")),
        (f"1{NNBSP}234{NNBSP}567,89", D("1234567.89")),
        ("1'234.50", D("1234.50")),
        # thousands with the other separator
        ("1,234.56", D("1234.56")),
        ("1.234,56", D("1234.56")),
        ("1,234,567.89", D("1234567.89")),
        ("1.234.567,89", D("1234567.89")),
        ("1,234,567", D("1234567")),
        ("1.234.567", D("1234567")),
        # currency signs and codes, before or after
        ("1 200,50 €", D("1200.50")),
        (f"1{NBSP}200,50{NBSP}€", D("1200.50")),
        ("€1,200.50", D("1200.50")),
        ("$1,234.56", D("1234.56")),
        ("-$45.00", D("-45.00")),
        ("12,50 EUR", D("12.50")),
        ("EUR 12.50", D("12.50")),
        ("eur 12.50", D("12.50")),
        ("USD 99.99", D("99.99")),
        ("£7.20", D("7.20")),
        # accounting negatives: parentheses, trailing minus
        ("(45.00)", D("-45.00")),
        ("(1 234,56 €)", D("-1234.56")),
        ("($45.00)", D("-45.00")),
        ("45,00-", D("-45.00")),
        ("1.234,56-", D("-1234.56")),
    ],
)
def test_parse_amount_reads_export_text(text, expected):
    amount = parse_amount(text)
    assert amount == expected
    assert isinstance(amount, Decimal)


@pytest.mark.parametrize(
    ("text", "decimal_comma", "expected"),
    [
        # A lone separator followed by exactly three digits is ambiguous.
        ("1,200", None, D("1200")),  # no hint: a comma groups thousands
        ("1,200", True, D("1.2")),
        ("1,200", False, D("1200")),
        ("1.200", None, D("1.2")),  # no hint: a point is decimal
        ("1.200", True, D("1200")),
        ("1.200", False, D("1.2")),
        ("-12,345", True, D("-12.345")),
        ("12.345 €", True, D("12345")),
        # Not ambiguous: the hint changes nothing.
        ("1,20", False, D("1.20")),
        ("1.20", True, D("1.20")),
        ("1,234.56", True, D("1234.56")),
        ("1.234,56", False, D("1234.56")),
    ],
)
def test_parse_amount_ambiguous_separator_follows_the_hint(text, decimal_comma, expected):
    assert parse_amount(text, decimal_comma) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1200, D("1200")),
        (-45, D("-45")),
        (0, D("0")),
        (1200.5, D("1200.5")),
        (0.1, D("0.1")),  # the float's shortest repr, not its binary expansion
        (-19.99, D("-19.99")),
        (100.0, D("100")),
        (D("12.34"), D("12.34")),
    ],
)
def test_parse_amount_takes_numbers_from_xlsx_cells(value, expected):
    assert parse_amount(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "",
        "   ",
        "abc",
        "€",
        "-",
        "()",
        "1.2.3",
        "1,2,3",
        "1,23,4",
        "12,34,567",
        "12,",
        "12.",
        "1,234,56",
        "1 2,3.4 5x",
        "12a",
        "1e5",
        "--5",
        True,
        False,
        float("nan"),
        float("inf"),
        float("-inf"),
    ],
)
def test_parse_amount_rejects_what_is_not_an_amount(value):
    with pytest.raises(ValueError):
        parse_amount(value)


@pytest.mark.parametrize("text", ["12,50EUR", "EUR12.50", "-12,50EUR"])
def test_parse_amount_currency_code_glued_to_the_number(text):
    assert abs(parse_amount(text)) == D("12.50")


# --- detect_decimal_comma -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["1,50", "2,00", "1 234,56 €"], True),
        (["1.50", "2.00", "$1,234.56"], False),
        (["1.234,56", "(12,50)", "45,00-"], True),
        (["1,50", "2,50", "3.50"], True),  # majority decides
        (["1.50", "2.50", "3,50"], False),
        (["1,50", "1.50"], None),  # a tie tells nothing
        (["1,200", "3.400", "12"], None),  # ambiguous or whole: no vote
        ([1.5, 2, None, D("3.25")], None),  # numbers carry no convention
        ([], None),
        (["", "abc", "Total"], None),
    ],
)
def test_detect_decimal_comma(values, expected):
    assert detect_decimal_comma(values) is expected


# (cells, whether the file's style says the French way, the decimal_comma told)
DOT_THOUSANDS = [
    # No amount has decimals: the style decides a dot followed by three digits.
    (["1.500", "12.500", "800"], True, True),
    (["1.500", "12.500", "800"], False, None),
    (["1.500 €", "-2.000"], True, True),
    (["1.234.567"], True, True),  # several dots: thousands anyway
    ([1500, 12.5, None, "", "800"], True, True),  # typed numbers tell nothing
    # Decimals elsewhere decide, whatever the style says.
    (["1.500", "12.50"], True, False),  # a dot decimal elsewhere: the dot is decimal
    (["1.500", "12,50"], False, True),  # a comma decimal elsewhere: the dot groups thousands
    (["1.500", "1.500,00"], False, True),
    (["1.500", "1,500.00"], True, False),
    (["12,50", "12.50"], True, None),  # a tie is no file without decimals
    # A lone comma with three digits, which the French way would read as 1.5: not one style.
    (["1.500", "1,500"], True, None),
    (["1,500"], True, None),
]


@pytest.mark.parametrize(("values", "french", "expected"), DOT_THOUSANDS)
def test_a_files_style_decides_dot_thousands_only_where_no_amount_tells(values, french, expected):
    assert detect_decimal_comma(values, dot_thousands=french) is expected


@pytest.mark.parametrize(
    ("text", "decimal_comma", "expected"),
    [
        ("1.500", True, D("1500")),  # the style says thousands
        ("12.500", True, D("12500")),
        ("-1.500 €", True, D("-1500")),
        ("1.500", False, D("1.5")),  # a file with dot decimals elsewhere
        # Unambiguous whatever the file says.
        ("1.500,00", None, D("1500.00")),
        ("1 500", None, D("1500")),
        (f"1{NBSP}500", None, D("1500")),
        ("1,500.00", None, D("1500.00")),
        ("0.500", True, D("0.5")),  # a thousands group never starts a number with 0
        ("1.5", True, D("1.5")),
    ],
)
def test_dot_thousands_read_as_the_file_says(text, decimal_comma, expected):
    assert parse_amount(text, decimal_comma) == expected


# --- parse_date ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-01-31", date(2026, 1, 31)),
        ("2026-1-5", date(2026, 1, 5)),
        ("2026/01/31", date(2026, 1, 31)),
        ("2026-01-31T14:30:00", date(2026, 1, 31)),
        ("2026-01-31 14:30", date(2026, 1, 31)),
        ("  2026-01-31  ", date(2026, 1, 31)),
        ("31/01/2026", date(2026, 1, 31)),
        ("05/02/2026", date(2026, 2, 5)),  # day first, as in France
        ("5/2/2026", date(2026, 2, 5)),
        ("31-01-2026", date(2026, 1, 31)),
        ("31/01/2026 09:15", date(2026, 1, 31)),
        ("31.01.26", date(2026, 1, 31)),
        ("31.01.2026", date(2026, 1, 31)),
        ("29/02/2028", date(2028, 2, 29)),
        (datetime(2026, 3, 4, 23, 59), date(2026, 3, 4)),
        (date(2026, 3, 4), date(2026, 3, 4)),
        # Excel serial numbers, as an xlsx cell without a date format holds them
        (46023, date(2026, 1, 1)),
        (46023.0, date(2026, 1, 1)),
        (46023.75, date(2026, 1, 1)),  # the time of day is dropped
        ("46023", date(2026, 1, 1)),
        ("46023.5", date(2026, 1, 1)),
        (61, date(1900, 3, 1)),
        (2958465, date(9999, 12, 31)),
    ],
)
def test_parse_date_reads_export_dates(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "",
        "garbage",
        "Total",
        "31/13/2026",
        "2026-02-30",
        "2026-13-01",
        "32/01/2026",
        "29/02/2026",
        "2026-01",
        "01/2026",
        "1234",  # too short to be a serial
        "123456",  # too long to be a serial
        0,
        -5,
        0.5,
        2958466,
        10**9,
        float("nan"),
        float("inf"),
        True,
        None,
    ],
)
def test_parse_date_rejects_what_is_not_a_date(value):
    with pytest.raises(ValueError):
        parse_date(value)


def test_parse_date_excel_serial_one_is_first_of_january_1900():
    assert parse_date(1) == date(1900, 1, 1)


# --- properties ---------------------------------------------------------------------------------

AMOUNTS = st.decimals(
    min_value=D("-999999999.99"),
    max_value=D("999999999.99"),
    places=2,
    allow_nan=False,
    allow_infinity=False,
)
WHOLE_AMOUNTS = st.integers(min_value=-999_999_999, max_value=999_999_999)


def _english(amount: Decimal, places: int) -> str:
    return format(amount, f",.{places}f")  # 1,234.56


def _german(amount: Decimal, places: int) -> str:
    return _english(amount, places).translate(str.maketrans({",": ".", ".": ","}))  # 1.234,56


def _french(amount: Decimal, places: int) -> str:
    sign = "-" if amount < 0 else ""
    digits = format(abs(amount), f",.{places}f").translate(str.maketrans({",": NBSP, ".": ","}))
    return f"{sign}{digits}{NBSP}€"  # 1 234,56 € with no-break spaces


def _plain(amount: Decimal, places: int) -> str:
    return format(amount, f".{places}f")  # 1234.56


# style name, formatter, the decimal_comma hint that matches the style
STYLES = [
    ("plain", _plain, False),
    ("french", _french, True),
    ("english", _english, False),
    ("german", _german, True),
]


@pytest.mark.parametrize(("style", "write", "hint"), STYLES, ids=[s[0] for s in STYLES])
@given(amount=AMOUNTS)
def test_two_place_amounts_round_trip_in_every_style(style, write, hint, amount):
    text = write(amount, 2)
    assert parse_amount(text, hint) == amount
    # Two decimals are never ambiguous, so no hint is needed either.
    assert parse_amount(text) == amount


@pytest.mark.parametrize(("style", "write", "hint"), STYLES, ids=[s[0] for s in STYLES])
@given(amount=WHOLE_AMOUNTS)
def test_whole_amounts_round_trip_with_the_matching_hint(style, write, hint, amount):
    # "1.234" (German) and "1,234" (English) are ambiguous: the column's convention decides.
    assert parse_amount(write(D(amount), 0), hint) == amount


@given(amounts=st.lists(AMOUNTS.filter(lambda a: a != a.to_integral()), min_size=1))
def test_detect_decimal_comma_recognises_a_column_in_one_style(amounts):
    assert detect_decimal_comma([_french(a, 2) for a in amounts]) is True
    assert detect_decimal_comma([_german(a, 2) for a in amounts]) is True
    assert detect_decimal_comma([_english(a, 2) for a in amounts]) is False
    assert detect_decimal_comma([_plain(a, 2) for a in amounts]) is False


def _dot_thousands(amount: int) -> str:
    return f"{amount:,}".replace(",", ".")  # 1.500, 12.500, -1.234.567


@given(
    amounts=st.lists(
        st.integers(min_value=-999_999_999, max_value=999_999_999), min_size=1, max_size=20
    ),
    french=st.booleans(),
)
def test_whole_dot_thousands_read_exactly_where_the_style_says_and_are_never_decimals(
    amounts, french
):
    """A file of whole amounts written with dot thousands: where its style says the French
    way, each reads back exactly; where nothing tells, each that reads two ways (``1.500``) is
    refused, and any other (``12``, ``1.234.567``) reads exactly: none is read as a decimal."""
    cells = [_dot_thousands(amount) for amount in amounts]
    decimal_comma = detect_decimal_comma(cells, dot_thousands=french)
    assert decimal_comma is (True if french else None)
    for cell, amount in zip(cells, amounts, strict=True):
        if decimal_comma is None and ambiguous_separator(cell):
            assert cell.count(".") == 1  # refused by the reader: nothing read
        else:
            assert parse_amount(cell, decimal_comma) == amount


DATES = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))


@given(day=DATES)
def test_dates_round_trip_iso_and_day_first(day):
    assert parse_date(day.isoformat()) == day
    assert parse_date(f"{day.day:02d}/{day.month:02d}/{day.year:04d}") == day
    assert parse_date(f"{day.day}/{day.month}/{day.year}") == day
    assert parse_date(day.strftime("%d.%m.%Y")) == day


@given(day=DATES)
def test_dates_round_trip_as_excel_serials(day):
    serial = (day - EXCEL_EPOCH).days
    assert parse_date(serial) == day
    assert parse_date(float(serial) + 0.25) == day
    assert parse_date(str(serial)) == day
