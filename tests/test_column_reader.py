"""A large CSV file is parsed by polars (`tables.read_csv_frame`), any other by Python's csv
module (`tables.read_table`): the one reader turns either into transactions, and the two must
give exactly the same records, or polars must leave the file to Python's parser."""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from budgetbook.errors import InputErrors
from budgetbook.model import (
    BudgetLine,
    CarryOver,
    Config,
    MappingRule,
    Period,
    TransactionColumns,
    in_date_order,
)
from budgetbook.read import actuals, tables
from budgetbook.read.actuals import read_actuals_file
from budgetbook.read.mapping_rules import folds_apart
from budgetbook.read.values import money_text

CONFIG = Config("Test", "EUR", Period(date(2026, 1, 1), 12), CarryOver.NONE)
NAMES = ("Canva", "Meta ads", "Photo", "Straße tax")
LINES = [BudgetLine("Tools", name, "", CarryOver.NONE, (Decimal(0),) * 12) for name in NAMES]
RULES = [
    MappingRule(match.casefold(), line)
    for match, line in (
        ("canva", "Canva"),
        ("6231", "Meta ads"),
        ("strasse", "Straße tax"),
        ("élodie", "Photo"),
        ("meta", "Meta ads"),
        ("σοφια", "Photo"),
    )
]


PARSED_BY_POLARS: list = []  # each reading whose file polars parsed (held: ids are reused)


def read(path: Path, shown: str, rules=RULES, seen=None):
    """The file read, with a note of which parser took it."""
    parsed = []

    def spied(*args, **kwargs):
        frame = tables.read_csv_frame(*args, **kwargs)
        parsed.append(frame is not None)
        return frame

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(actuals, "read_csv_frame", spied)
        taken = read_actuals_file(path, shown, CONFIG, LINES, rules, dict(seen or {}))
    if any(parsed):
        PARSED_BY_POLARS.append(taken)
    return taken


def read_both(path: Path, monkeypatch, rules=RULES, seen=None):
    """The file parsed by polars (any size counts as large) and by Python's csv module."""
    found = []
    for large_from in (0, 10**15):
        monkeypatch.setattr(tables, "FRAME_FROM_BYTES", large_from)
        try:
            found.append(read(path, path.name, rules, seen))
        except InputErrors as exc:  # the same file refused, for the same reasons
            found.append(exc.problems)
    return found


def in_columns(taken) -> bool:
    """Whether polars parsed the file."""
    return any(taken is parsed for parsed in PARSED_BY_POLARS)


def assert_same(a, b) -> None:
    if isinstance(b, list):
        assert a == b
        return
    assert list(a.transactions) == list(b.transactions)
    assert [money_text(t.amount) for t in a.transactions] == [
        money_text(t.amount) for t in b.transactions
    ]
    assert a.not_counted == b.not_counted
    assert (a.data_rows, a.sources) == (b.data_rows, b.sources)
    assert a.transactions.total() == b.transactions.total()


def write(path: Path, rows: list[list[str]], header=None, newline="\n", encoding="utf-8-sig"):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator=newline)
    writer.writerow(header or ["Date", "Libellé", "Fournisseur", "Compte", "Montant"])
    writer.writerows(rows)
    path.write_bytes(out.getvalue().encode(encoding))
    return path


LEDGER = [
    ["05/01/2026", "Canva Pro, facture 1", "Canva Pty", "6512", "12,99"],
    ["06/01/2026", "Campagne", "Meta Platforms", "6231", "-1\u00a0234,56"],
    ["", "", "", "", ""],
    ["07/01/2026", "Frais bancaires", "Banque", "627", "4,50"],
    ["31/12/2025", "Canva", "Canva Pty", "6512", "12,99"],
    ["08/01/2026", "Séance photo ÉLODIE", "", "", "350"],
    ["09/01/2026", "HAUPTSTRAßE 1", "", "", "1.234,50"],
    ["10/01/2026", "ΣΟΦΙΑΣ", "", "", "(45,00)"],
    ["Total", "", "", "", "1 000,00"],
    ["11/01/2026", "canva", "", "", "abc"],
    ["32/01/2026", "canva", "", "", "1"],
    ["12/01/2026", "  canva  ", " x ", "", "12,5 €"],
]


def test_a_ledger_read_in_columns_gives_what_row_by_row_gives(tmp_path, monkeypatch):
    path = write(tmp_path / "ledger.csv", LEDGER, newline="\r\n")
    fast, slow = read_both(path, monkeypatch)
    assert in_columns(fast) and not in_columns(slow)
    assert_same(fast, slow)
    assert [t.line for t in fast.transactions] == [
        "Canva", "Meta ads", "Photo", "Straße tax", "Photo", "Canva",
    ]  # fmt: skip
    assert {n.kind for n in fast.not_counted} == {
        "no line", "outside the period", "total row", "amount not understood",
        "date not understood",
    }  # fmt: skip


def test_a_named_line_column_and_a_credit_column(tmp_path, monkeypatch):
    header = ["date", "line", "description", "debit", "credit"]
    rows = [
        ["2026-01-05", "canva", "", "10", ""],
        ["2026-01-06", "", "Meta campaign", "", "2,50"],
        ["2026-01-07", "Nope", "canva", "1", "1"],
        ["2026-01-08", " Photo ", "", "3,00", "1,25"],
        ["2026-01-09", "", "", "", ""],
    ]
    path = write(tmp_path / "export.csv", rows, header=header)
    fast, slow = read_both(path, monkeypatch)
    assert in_columns(fast)
    assert_same(fast, slow)
    assert [(t.line, t.amount) for t in fast.transactions] == [
        ("Canva", Decimal(10)),
        ("Meta ads", Decimal("-2.50")),
        ("Photo", Decimal("1.75")),
    ]


def test_a_ledger_naming_its_lines_without_rules(tmp_path, monkeypatch):
    header = ["Date", "Poste", "Fournisseur", "Montant"]
    rows = [
        ["05/01/2026", "Canva", " Canva Pty ", "12,99"],
        ["06/01/2026", " meta ADS ", "Meta", "-1\u00a0234,56"],
        ["07/01/2026", "", "Banque", "4,50"],
        ["08/01/2026", "Nope", "", "1"],
        ["09/01/2026", "  ", "", "2"],
    ]
    path = write(tmp_path / "ledger.csv", rows, header=header)
    fast, slow = read_both(path, monkeypatch, rules=[])
    assert in_columns(fast)
    assert_same(fast, slow)
    assert [t.line for t in fast.transactions] == ["Canva", "Meta ads"]
    assert [n.kind for n in fast.not_counted] == ["no line", "unknown line", "no line"]


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("shifted row", b"date;amount;line\n2026-01-05;1;Canva;extra\n"),
        (
            "Windows-1252",
            "date;amount;line;description\n2026-01-05;1;Canva;caf\xe9\n".encode("cp1252"),
        ),
        ("title above the header", b"Export\ndate;amount;line\n2026-01-05;1;Canva\n"),
        ("carriage return alone", b"date;amount;line\n2026-01-05;1;Can\rva\n"),
        ("carriage return alone, CRLF", b"date;amount;line\r\n2026-01-05;1;Can\rva\r\n"),
        (
            "quoted line end, CRLF",
            b'date;amount;line;description\r\n2026-01-05;1;Canva;"two\r\nlines"\r\n',
        ),
        ("quote inside a bare cell", b'date;amount;line\n2026-01-05;1;Can"va\n'),
        ("a cell beyond [limits]", b"date;amount;line\n2026-01-05;1;" + b"x" * 200_000 + b"\n"),
        ("control character", b"date;amount;line\n2026-01-05;1;Canva\x1c\n"),
    ],
)
def test_a_file_polars_would_read_otherwise_is_left_to_pythons_parser(
    tmp_path, monkeypatch, name, data
):
    path = tmp_path / "export.csv"
    path.write_bytes(data)
    fast, slow = read_both(path, monkeypatch)
    assert not in_columns(fast), name
    assert_same(fast, slow)


@pytest.mark.parametrize(
    "data",
    [
        b"date;amount;line\r\n2026-01-05;1;Canva\r\n2026-01-06;2;Photo\r\n",
        b"date;amount;line\r\n2026-01-05;1;Canva\r",
        b'date;amount;line\r\n2026-01-05;1;"Canva"\r\n',
    ],
)
def test_carriage_returns_that_end_lines_keep_a_file_in_columns(tmp_path, monkeypatch, data):
    """Told from the bytes when no quote can hold one, else from the cells."""
    path = tmp_path / "export.csv"
    path.write_bytes(data)
    fast, slow = read_both(path, monkeypatch)
    assert in_columns(fast)
    assert_same(fast, slow)


@pytest.mark.parametrize(
    ("data", "amounts", "kinds"),
    [
        (b"date;amount;line\n2026-01-05;1,234.567;Canva\n", ["1234.567"], []),
        (
            b"date;amount;line\n2026-01-05;0,1;Canva\n2026-01-06;1.5e-3;Canva\n",
            ["0.10"],
            ["amount not understood"],
        ),
        (b"date;amount;line\n2026-01-05;" + b"9" * 40 + b";Canva\n", [], ["amount not understood"]),
    ],
)
def test_amounts_of_any_length_read_the_same_by_either_parser(
    tmp_path, monkeypatch, data, amounts, kinds
):
    path = tmp_path / "export.csv"
    path.write_bytes(data)
    fast, slow = read_both(path, monkeypatch)
    assert in_columns(fast)
    assert_same(fast, slow)
    assert [money_text(t.amount) for t in fast.transactions] == amounts
    assert [n.kind for n in fast.not_counted] == kinds


def test_a_file_sent_twice_is_not_counted_again(tmp_path, monkeypatch):
    path = write(tmp_path / "ledger.csv", LEDGER)
    first, _ = read_both(path, monkeypatch)
    fast, slow = read_both(path, monkeypatch, seen={first.sources[0].sha256: "old.csv"})
    assert_same(fast, slow)
    assert not list(fast.transactions) and {n.kind for n in fast.not_counted} == {"file sent twice"}


def test_transactions_are_made_a_slice_at_a_time_and_found_by_position(tmp_path, monkeypatch):
    rows = [
        [f"{day % 28 + 1:02d}/02/2026", f"canva {day}", "", "", f"{day},05"] for day in range(7)
    ]
    fast, slow = read_both(write(tmp_path / "ledger.csv", rows), monkeypatch)
    monkeypatch.setattr(TransactionColumns, "SLICE", 3)
    assert list(fast.transactions) == list(slow.transactions)
    assert [fast.transactions[i] for i in (0, 4, -1)] == [slow.transactions[i] for i in (0, 4, -1)]
    assert fast.transactions[1:3] == slow.transactions[1:3]


CELLS = {
    "date": st.sampled_from(
        ["05/01/2026", "2026-02-03", "13/01/2026", "01/13/2026", "31/12/2025", "", " 06/01/2026 ",
         "Total", "sous-total", "7 janv. 2026", "46030", "nope", "30/02/2026"]
    ),
    "amount": st.sampled_from(
        ["12,50", "-1\u00a0234,56", "1 234,56", "1.234,56", "1,200", "1.200", "12.345", "(45,00)",
         "12,5 €", "", "  ", "abc", "-0", "7", "1\u202f000", "+3,10", "3-"]
    ),
    "text": st.sampled_from(["Canva Pro", "META", "6231", "STRASSE", "Élodie", "", " x "])
    | st.text(alphabet="aCnvé ß;\"\n,Σς6231xÉ\u00a0\t-", max_size=8),
}  # fmt: skip


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rows=st.lists(
        st.tuples(CELLS["date"], CELLS["text"], CELLS["text"], CELLS["text"], CELLS["amount"]),
        min_size=1,
        max_size=12,
    ),
    blanks=st.lists(st.integers(0, 12), max_size=2),
    newline=st.sampled_from(["\n", "\r\n"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig"]),
)
def test_any_ledger_reads_the_same_in_columns(
    tmp_path, monkeypatch, rows, blanks, newline, encoding
):
    rows = [list(row) for row in rows]
    for at in blanks:
        rows.insert(min(at, len(rows)), [" \t"[: at % 3]] * 5)  # "", " " or " \t"
    path = write(tmp_path / "ledger.csv", rows, newline=newline, encoding=encoding)
    fast, slow = read_both(path, monkeypatch)
    event("read in columns" if in_columns(fast) else "read row by row")
    assert_same(fast, slow)


def test_files_read_both_ways_sort_and_sum_as_one(tmp_path, monkeypatch):
    """The Actuals sheet's order and the Budget's sums over the parts of two files."""
    rows = [
        [f"{day:02d}/0{1 + day % 3}/2026", "canva", "", "", f"{day},25"] for day in (9, 1, 5, 2)
    ]
    big = write(tmp_path / "big.csv", rows)
    small = write(tmp_path / "small.csv", [*rows[:2], ["01/01/2026", "meta", "", "", "7"]])
    monkeypatch.setattr(
        tables, "FRAME_FROM_BYTES", (big.stat().st_size + small.stat().st_size) // 2
    )
    big_read, small_read = read(big, "a.csv"), read(small, "b.csv")
    assert in_columns(big_read) and not in_columns(small_read)
    both = big_read.transactions + small_read.transactions
    plain = list(both)
    assert in_date_order(both) == sorted(plain, key=lambda t: (t.date, t.source_file, t.source_row))
    sums: dict[tuple[str, int], Decimal] = defaultdict(Decimal)
    for line, month, amount in both.line_month_totals(CONFIG.period):
        sums[line, month] += amount
    expected: dict[tuple[str, int], Decimal] = defaultdict(Decimal)
    for t in plain:
        expected[t.line, CONFIG.period.month_index(t.date)] += t.amount
    assert sums == expected and both.total() == sum(expected.values())


def test_folds_apart_names_each_character_whose_lower_case_is_not_its_case_fold():
    """The block-by-block search finds what a search of every character finds."""
    named = {chr(int(code, 16)) for code in re.findall(r"\\x\{([0-9a-f]+)\}", folds_apart())}
    every = {ch for ch in map(chr, range(0x10000)) if ch.casefold() != ch.lower()}
    assert named == every | {"Σ"}
