"""The finance-file reader's fast paths give what the plain reading gives: mapping rules in
order, amounts and dates read once per distinct cell, the file hashed from the bytes read."""

from __future__ import annotations

import gc
import hashlib
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
import xlsxwriter
from hypothesis import given
from hypothesis import strategies as st

from budgetbook.errors import UnreadableFile
from budgetbook.model import BudgetLine, CarryOver, Config, MappingRule, Period
from budgetbook.read.actuals import read_actuals_file
from budgetbook.read.mapping_rules import RuleMatcher
from budgetbook.read.tables import cell_as_text, read_table
from budgetbook.read.text_lines import decoded_lines
from budgetbook.read.values import detect_decimal_comma, parse_amount, parse_amount_text

CONFIG = Config("Test", "EUR", Period(date(2026, 1, 1), 12), CarryOver.NONE)
LINES = [
    BudgetLine("Tools", name, "", CarryOver.NONE, (Decimal(0),) * 12)
    for name in ("Canva", "Ads", "Photo")
]


def line_of(rules: list[tuple[str, str]], description="", vendor="", account="") -> str | None:
    """The line the rules' automaton gives one row (the reader's columns use it for the
    texts polars cannot fold, and to explain a row that fails)."""
    matcher = RuleMatcher([MappingRule(match, line) for match, line in rules])
    return matcher.line([description, vendor, account])


def test_the_first_rule_wins_even_when_a_later_one_is_found_earlier_in_the_text():
    rules = [("invoice", "Ads"), ("canva", "Canva")]
    assert line_of(rules, "canva pro invoice") == "Ads"
    assert line_of(rules[::-1], "canva pro invoice") == "Canva"


def test_rules_are_tried_across_the_three_texts_in_rule_order():
    rules = [("6231", "Ads"), ("canva", "Canva")]
    assert line_of(rules, description="Canva Pro", account="6231") == "Ads"
    assert line_of(rules, description="Canva Pro", vendor="x") == "Canva"
    assert line_of(rules, vendor="Canva Pty") == "Canva"
    assert line_of([("canva", "Canva"), ("6231", "Ads")], "Canva", "", "6231") == "Canva"


def test_rules_ignore_case_beyond_ascii():
    rules = [("élise moreau", "Photo"), ("straße".casefold(), "Ads")]  # as read_mapping keeps them
    assert line_of(rules, vendor="ÉLISE MOREAU PHOTO") == "Photo"
    assert line_of(rules, description="Hauptstrasse 1") == "Ads"
    assert line_of(rules, description="HAUPTSTRAßE 1") == "Ads"


def in_order(rules: list[tuple[str, str]], texts: list[str]) -> str | None:
    """The rules tried one by one, as the contract says."""
    haystacks = [text.casefold() for text in texts]
    return next((line for match, line in rules if any(match in h for h in haystacks)), None)


PIECES = st.text(alphabet="abÉéEß\x00 -", max_size=6)


@given(
    rules=st.lists(st.tuples(PIECES, st.sampled_from(["Canva", "Ads", "Photo"])), max_size=8),
    texts=st.lists(PIECES, min_size=3, max_size=3),
)
def test_the_matcher_gives_what_trying_the_rules_in_order_gives(rules, texts):
    assert line_of(rules, *texts) == in_order(rules, texts)


def test_a_rule_never_matches_across_two_texts():
    assert line_of([("pro canva", "Canva")], description="Canva Pro", vendor="Canva") is None


def test_a_repeated_rule_text_keeps_its_first_line_and_an_empty_one_matches_every_row():
    assert line_of([("canva", "Canva"), ("canva", "Ads")], "canva") == "Canva"
    rules = [("photo", "Photo"), ("", "Ads"), ("canva", "Canva")]
    assert line_of(rules, "canva photo") == "Photo"
    assert line_of(rules, "canva") == "Ads"
    assert line_of(rules, "") == "Ads"
    assert line_of([], "canva") is None


def test_a_rule_holding_the_usual_separator_still_matches():
    assert line_of([("a\x00b", "Ads"), ("b", "Canva")], "xa\x00by") == "Ads"


AMOUNT_TEXT = st.text(alphabet="0123456789.,- \u00a0\u202f€()+", max_size=14)


@given(text=AMOUNT_TEXT, decimal_comma=st.sampled_from([None, True, False]))
def test_the_fast_path_reads_amounts_as_the_general_one(text, decimal_comma):
    try:
        expected = parse_amount_text(text, decimal_comma)
    except ValueError:
        with pytest.raises(ValueError):
            parse_amount(text, decimal_comma)
        return
    got = parse_amount(text, decimal_comma)
    assert (str(got), got) == (str(expected), expected)  # same value, same digits and sign


def outcomes(rows: list[list[object]], tmp_path: Path) -> list[object]:
    """Each row's amount, or why it is not counted: the rows written as typed cells of an
    .xlsx file (a number, a boolean) and read back by the reader."""
    path = tmp_path / "export.xlsx"
    with xlsxwriter.Workbook(path) as book:
        sheet = book.add_worksheet()
        sheet.write_row(0, 0, ["date", "amount", "line"])
        for number, row in enumerate(rows, start=1):
            for col, cell in enumerate(row):
                if cell.__class__ is str:
                    sheet.write_string(number, col, cell)
                elif cell.__class__ is not None:
                    sheet.write(number, col, cell)
    taken = read_actuals_file(path, "export.xlsx", CONFIG, LINES, [], {})
    found = {t.source_row: t.amount for t in taken.transactions}
    found |= {n.row: n.kind for n in taken.not_counted}
    return [found[number] for number in range(2, len(rows) + 2)]


def test_cells_equal_in_python_but_not_as_cells_are_read_each_on_its_own(tmp_path: Path):
    serial = 46023  # 2026-01-01
    rows = [[serial, 1, "Ads"], [True, 1, "Ads"], [float(serial), True, "Ads"]]
    assert outcomes(rows, tmp_path) == [Decimal(1), "date not understood", "amount not understood"]


@pytest.mark.parametrize(
    ("cell", "text"),
    [
        (1.0, "1"),
        (6231.0, "6231"),
        (-120.5, "-120.5000"),
        (1.234, "1.2340"),
        (0.1 + 0.2, "0.30000000000000004"),
        (1e-05, "0.00001"),
        (1e20, "100000000000000000000.0000"),
        (46023, "46023"),
        (True, "True"),
        ("", None),
        (" x ", " x "),
        (None, None),
    ],
)
def test_a_typed_cell_becomes_text_that_reads_back_alike_and_tells_no_number_style(cell, text):
    assert cell_as_text(cell) == text
    if isinstance(cell, float):
        assert parse_amount(text, decimal_comma=True) == parse_amount(text, decimal_comma=False)
        assert parse_amount(text) == Decimal(repr(cell))
        assert detect_decimal_comma([text]) is None


def test_typed_amounts_keep_every_decimal_whatever_the_columns_style(tmp_path: Path):
    serial = 46023
    rows = [
        [serial, 1.234, "Ads"],
        [serial, "12,50", "Ads"],
        [serial, "0.30000000000000004", "Ads"],
    ]
    assert outcomes(rows, tmp_path) == [
        Decimal("1.234"),
        Decimal("12.50"),
        Decimal("0.30000000000000004"),
    ]


def test_an_amount_beyond_what_the_columns_keep_is_not_understood_never_rounded(tmp_path):
    rows = [
        ["2026-01-05", "1" * 19, "Ads"],
        ["2026-01-05", "1" * 18, "Ads"],
        ["2026-01-05", "-111 111 111 111 111 111 111", "Ads"],
        ["2026-01-05", "111 111 111 111 111 111,50", "Ads"],
        ["2026-01-05", "0." + "0" * 20 + "1", "Ads"],
        ["2026-01-05", "0." + "0" * 19 + "1", "Ads"],
    ]
    assert outcomes(rows, tmp_path) == [
        "amount not understood",
        Decimal("1" * 18),
        "amount not understood",
        Decimal("111111111111111111.50"),
        "amount not understood",
        Decimal("1E-20"),
    ]


def test_a_blank_date_is_judged_by_its_row_each_time(tmp_path: Path):
    assert outcomes([["", 5, "Ads"], ["", "Total", ""], ["Total", 5, ""]], tmp_path) == [
        "no date",
        "total row",
        "total row",
    ]


def test_an_ambiguous_amount_follows_the_columns_convention(tmp_path: Path):
    comma = [["2026-01-05", "12,50", "Ads"], ["2026-01-06", "1,200", "Ads"]]
    point = [["2026-01-05", "12.50", "Ads"], ["2026-01-06", "1,200", "Ads"]]
    assert outcomes(comma, tmp_path) == [Decimal("12.50"), Decimal("1.200")]
    assert outcomes(point, tmp_path) == [Decimal("12.50"), Decimal("1200")]


@pytest.mark.parametrize(
    ("amounts", "delimiter", "read"),
    [
        (["1,200", "12,50"], ";", ["1.2", "12.5"]),  # the comma is the file's decimal separator
        (["1,200", "1,234.50"], ";", ["1200", "1234.5"]),  # the point is
        (["0,500", "0.250"], ";", ["0.5", "0.25"]),  # a number never starts with a 0 group
        # No amount has decimals: ";" between the fields says the French way, where a dot
        # groups thousands; a comma would be a decimal one, and a lone one is not told.
        (["1.200", "3 400"], ";", ["1200", "3400"]),
        (["1,200"], ";", "1.2 with a decimal comma and as 1,200 with a decimal point"),
        (["1,200"], ",", "1.2 with a decimal comma and as 1,200 with a decimal point"),
        (["1.200", "3 400"], ",", "1,200 with a decimal comma and as 1.2 with a decimal point"),
    ],
)
def test_an_amount_no_convention_of_its_file_tells_is_refused_never_guessed(
    tmp_path: Path, amounts, delimiter, read
):
    path = tmp_path / "export.csv"
    rows = "".join(
        f'2026-01-0{n}{delimiter}"{amount}"{delimiter}Ads\n' for n, amount in enumerate(amounts, 1)
    )
    path.write_text(f"date{delimiter}amount{delimiter}line\n" + rows, encoding="utf-8")
    if isinstance(read, list):
        taken = read_actuals_file(path, "actuals/export.csv", CONFIG, LINES, [], {})
        assert [t.amount for t in taken.transactions] == [Decimal(x) for x in read]
        return
    with pytest.raises(UnreadableFile) as refused:
        read_actuals_file(path, "actuals/export.csv", CONFIG, LINES, [], {})
    [problem] = refused.value.problems
    assert (problem.file, problem.row, problem.column) == ("actuals/export.csv", 2, "amount")
    assert problem.message == (
        f"amount '{amounts[0]}' reads as {read}, and no other amount in the file tells which it"
        " uses."
    )
    assert 'files = "export.csv" and decimal_separator = "," or "."' in problem.hint


def test_the_hash_is_of_the_bytes_read(tmp_path: Path):
    path = tmp_path / "export.csv"
    path.write_bytes(b"\xef\xbb\xbfdate;amount;line\n05/01/2026;1\xc2\xa0200,50;Ads\n")
    assert read_table(path, "export.csv").sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    taken = read_actuals_file(path, "export.csv", CONFIG, LINES, [], {})
    assert taken.transactions[0].amount == Decimal("1200.50")
    assert taken.sources[0].sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("enabled", [True, False])
def test_the_cycle_collector_is_left_as_it_was(tmp_path: Path, enabled: bool):
    path = tmp_path / "export.csv"
    path.write_text("date,amount,line\n2026-01-05,12,Ads\n", encoding="utf-8")
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        read_actuals_file(path, "export.csv", CONFIG, LINES, [], {})
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


def whole_text(data: bytes) -> str:
    """A file decoded whole, as budgetbook did: UTF-8, else each line UTF-8 or Windows-1252."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        lines = data.removeprefix(b"\xef\xbb\xbf").split(b"\n")
        decoded = []
        for line in lines:
            try:
                decoded.append(line.decode("utf-8"))
            except UnicodeDecodeError:
                decoded.append(line.decode("cp1252", errors="replace"))
        return "\n".join(decoded)


LINE = st.tuples(st.text(alphabet="aé€–;\r’0", max_size=6), st.sampled_from(["utf-8", "cp1252"]))


@given(
    lines=st.lists(LINE, max_size=6),
    bom=st.booleans(),
    tail=st.sampled_from([b"", b"\n", b"\xe9"]),
)
def test_lines_decoded_one_at_a_time_make_the_whole_files_text(lines, bom, tail):
    data = b"\n".join(text.encode(code, errors="replace") for text, code in lines) + tail
    data = (b"\xef\xbb\xbf" if bom else b"") + data
    got = list(decoded_lines(data))
    assert "".join(got) == whole_text(data)
    assert all(line.endswith("\n") for line in got[:-1])


def test_every_row_is_counted_or_not_counted_once_in_file_order(tmp_path: Path):
    path = tmp_path / "export.csv"
    path.write_text(
        "date,amount,line,description\n"
        "2026-01-05,12,Ads,ok\n"
        "2026-01-06,13,Ads,shifted,extra\n"
        ",,,Total\n"
        "2026-01-07,abc,Ads,bad amount\n"
        "2026-01-08,14,Nope,unknown line\n"
        "2025-12-31,15,Ads,before\n"
        "2026-01-09,16,Canva,ok too\n",
        encoding="utf-8",
    )
    taken = read_actuals_file(path, "export.csv", CONFIG, LINES, [], {})
    assert [(t.source_row, t.amount, t.line) for t in taken.transactions] == [
        (2, Decimal(12), "Ads"),
        (8, Decimal(16), "Canva"),
    ]
    assert [(n.row, n.kind, n.amount) for n in taken.not_counted] == [
        (3, "shifted row", Decimal(13)),
        (4, "total row", None),
        (5, "amount not understood", None),
        (6, "unknown line", Decimal(14)),
        (7, "outside the period", Decimal(15)),
    ]
    assert (taken.data_rows, taken.sources[0].rows, taken.sources[0].counted) == (7, 7, 2)


MARCH_13 = "2026-03-13"


@pytest.mark.parametrize(
    ("header", "rows", "read"),
    [
        # A day above 12 tells the order, for every date of the file.
        (
            "date;amount;line",
            ["05/03/2026;1;Ads", "13/03/2026;2;Ads"],
            ["2026-03-05", "2026-03-13"],
        ),
        (
            "date;amount;line",
            ["03/05/2026;1;Ads", "03/13/2026;2;Ads"],
            ["2026-03-05", "2026-03-13"],
        ),
        # A European file (a decimal comma, French headers) puts the day first.
        ("date;amount;line", ["05/03/2026;1,50;Ads"], ["2026-03-05"]),
        ("Date;Montant;Poste", ["05/03/2026;1;Ads"], ["2026-03-05"]),
        # The same both ways: nothing to tell.
        ("date;amount;line", ["03/03/2026;1;Ads"], ["2026-03-03"]),
        # An English file with a point, whose dates all read both ways: British or American?
        ("date;amount;line", ["05/03/2026;1.50;Ads", "06/03/2026;2;Ads"], None),
    ],
)
def test_a_date_no_convention_of_its_file_tells_is_refused_never_guessed(
    tmp_path: Path, header, rows, read
):
    path = tmp_path / "export.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    if read is not None:
        taken = read_actuals_file(path, "actuals/export.csv", CONFIG, LINES, [], {})
        assert [t.date.isoformat() for t in taken.transactions] == read
        return
    with pytest.raises(UnreadableFile) as refused:
        read_actuals_file(path, "actuals/export.csv", CONFIG, LINES, [], {})
    [problem] = refused.value.problems
    assert (problem.file, problem.row, problem.column) == ("actuals/export.csv", 2, "date")
    assert problem.message == (
        "date '05/03/2026' reads as 2026-03-05 day first and as 2026-05-03 month first, and no"
        " other date of the file tells which it uses."
    )
    assert 'files = "export.csv" and date_format = "dd/mm/yyyy" or "mm/dd/yyyy"' in problem.hint
