"""The values update caches in formulas, computed in Python (compute/formula_values.py): each
form a workbook may use, as the engines compute it, and what is left to them, never guessed."""

from __future__ import annotations

from datetime import date

import pytest

from budgetbook.compute.formula_parser import Unsupported, moved, parse
from budgetbook.compute.formula_values import UNKNOWN, Evaluator
from budgetbook.compute.spreadsheet_values import CellError

# Sheet "S": A1:C4, and a date in D1; sheet "T": a line's rows, as on Actuals.
GRIDS = {
    "S": [
        [2.0, "Canva", "", date(2026, 1, 15)],
        [3.5, "canva", 1.0, ""],
        ["", "Meta", True, ""],
        ["x", "Canva Pro", 0.0, ""],
    ],
    "T": [
        ["Date", "Line", "Amount"],
        [date(2026, 1, 5), "Canva", 12.0],
        [date(2026, 1, 20), "Meta ads", 60.0],
        [date(2026, 2, 3), "canva", 12.5],
        [date(2026, 2, 28), "Canva", 7.0],
        ["", "Canva", 100.0],
    ],
    "Non comptées": [["Fichier", "Ligne", "Raison"], ["a.csv", 2.0, "no line"]],
}
JAN, FEB = 46023, 46054  # 1 January and 1 February 2026


def value_of(formula: str, **others: str) -> object:
    """``formula``'s value in S!E1, beside formulas ``others`` (cell -> formula) on S."""
    trees = {(0, 4): parse(formula)}
    for ref, text in others.items():
        row, col = int(ref[1:]) - 1, ord(ref[0]) - ord("A")
        trees[row, col] = parse(text)
    evaluator = Evaluator(GRIDS.get, {"S": trees})
    result = evaluator.compute_all()[("S", 0, 4)]
    if result is UNKNOWN:
        raise Unsupported(evaluator.reasons[("S", 0, 4)])
    return result


@pytest.mark.parametrize(
    ("formula", "expected"),
    [
        ("=A1+A2*2", 9.0),
        ("=-2^2", 4.0),  # the sign binds first, as in Excel
        ("=10%", 0.1),
        ("=C1+1", 1.0),  # a blank cell is 0
        ("=C1", 0.0),  # and a formula that reads one shows 0
        ('=C1=""', True),
        ("=B1=B2", True),  # texts compared without case
        ('=A1&"#"&A1', "2#2"),
        ("=SUM(A1:C4)", 6.5),  # texts and truth values in a range skipped
        ("=MAX(0,A1-A2)", 0.0),
        ("=MIN(A1:A4)", 2.0),
        ("=ROUND(2.675,2)", 2.68),
        ("=ROUND(-0.125,2)", -0.13),  # half away from zero
        ("=A1/C4", CellError("#DIV/0!")),
        ('=IFERROR(A1/C4,"")', ""),
        ('=IF(A1>3,"big","small")', "small"),
        ("=IF(C4,1)", False),
        ('=IF(OR(A1="",A2=""),"",A2/A1)', 1.75),
        ("=AND(C2,C3)", True),
        ("=DATE(2026,14,1)", 46419.0),  # month 14 is February of the next year
        ("=EDATE(D1,1)", 46068.0),
        ("=EDATE(DATE(2026,1,31),1)", 46081.0),  # the month's last day
        ("=EOMONTH(D1,0)+1", float(FEB)),
        ("=INDEX(A1:C4,2,3)", 1.0),
        ("=INDEX(A1:C4,5,1)", CellError("#REF!")),
        ('=MATCH("META",B1:B4,0)', 3.0),
        ('=MATCH("Nope",B1:B4,0)', CellError("#N/A")),
        ("=SUMIFS(T!$C$2:$C$1048576,T!$B$2:$B$1048576,B1)", 131.5),
        (
            '=SUMIFS(T!$C$2:$C$1048576,T!$B$2:$B$1048576,"Canva",'
            'T!$A$2:$A$1048576,">="&46054,T!$A$2:$A$1048576,"<"&EDATE(46054,1))',
            19.5,
        ),
        ('=COUNTIFS(T!$A$2:$A$1048576,">0")', 4.0),
        ("=COUNTIFS('Non comptées'!$C$2:$C$1048576,\"<>\")", 1.0),
        ('=COUNTIFS(T!$B:$B,"")', 1048576.0 - 6),  # the blank rows past the sheet's end
        ('=COUNTIFS(T!$B:$B,"<>Canva")', 2.0 + 1048576 - 6),  # Line, Meta ads and the blanks
        ('=SUMIF(A1:A4,">2")', 3.5),
        ("=S!A1+T!C2", 14.0),
        ("=Budget!#REF!", CellError("#REF!")),
    ],
)
def test_a_formula_has_the_value_the_engines_give_it(formula, expected):
    assert (
        value_of(formula) == pytest.approx(expected)
        if isinstance(expected, float)
        else (value_of(formula) == expected)
    )


@pytest.mark.parametrize(
    "formula",
    [
        "=VLOOKUP(A1,A1:B4,2,FALSE)",  # a function not in the workbook's list
        "=TODAY()",
        "=A4+1",  # text in arithmetic: LibreOffice's answer depends on a setting
        '=A2&"x"',  # a number not whole joined to text
        '=B1<"Z"',  # texts ordered
        '=COUNTIFS(B1:B4,"Can*")',  # a wildcard: not in every engine
        '=COUNTIFS(B1:B4,"~x")',
        "=COUNTIFS(B1:B4,C1)",  # a blank criterion
        '=MATCH("C?nva",B1:B4,0)',
        "=MATCH(2,A1:A4,1)",  # MATCH not exact
        "=INDEX(A1:C4,2)",  # INDEX without its column
        "=DATE(26,1,1)",  # a year read differently by each engine
        '=COUNTIFS(B1:B4,"Lıne")',  # a dotless i, which LibreOffice matches with i
        "=Unknown!A1",
        "=A1:A2",
        "=myname+1",  # a defined name
        "=[1]S!A1",  # another workbook
        "={1,2}",
    ],
)
def test_a_formula_whose_value_is_not_known_for_sure_is_unsupported(formula):
    with pytest.raises(Unsupported):
        value_of(formula)


def test_a_formula_that_reads_an_unknown_one_is_unknown_too_and_the_cause_is_told_apart():
    trees = {(0, 4): parse("=F1+1"), (0, 5): parse("=TODAY()"), (0, 6): parse("=A1")}
    evaluator = Evaluator(GRIDS.get, {"S": trees})
    results = evaluator.compute_all()
    assert results[("S", 0, 4)] is UNKNOWN
    assert results[("S", 0, 5)] is UNKNOWN
    assert results[("S", 0, 6)] == 2.0
    assert evaluator.roots == {("S", 0, 5)}
    assert "S!F1" in evaluator.reasons[("S", 0, 4)]


def test_a_circular_reference_is_unknown():
    trees = {(0, 4): parse("=F1+1"), (0, 5): parse("=E1+1")}
    results = Evaluator(GRIDS.get, {"S": trees}).compute_all()
    assert results[("S", 0, 4)] is UNKNOWN and results[("S", 0, 5)] is UNKNOWN


def test_a_long_chain_down_a_sheet_is_followed():
    """A running total down 50,000 rows, each reading the one above, listed from the
    bottom: computed from the top, never deeper than a few calls."""
    count = 50_000
    grid = [[1.0] for _ in range(count)]
    trees = {(0, 1): parse("=A1")}
    trees |= {(row, 1): parse(f"=B{row}+A{row + 1}") for row in range(1, count)}
    results = Evaluator({"S": grid}.get, {"S": dict(reversed(trees.items()))}).compute_all()
    assert results[("S", count - 1, 1)] == count


def test_a_shared_formula_moves_to_each_of_its_cells():
    tree = parse("=$A$1+A2*B$1")
    assert moved(tree, 2, 1) == parse("=$A$1+B4*C$1")
    assert moved(parse("=A1"), -1, 0) == parse("=#REF!")
