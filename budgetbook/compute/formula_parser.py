"""A spreadsheet formula, as a cell of an .xlsx holds it, read into a tree that
`formula_values` evaluates.

Only what a formula of the workbook may hold is read (docs/formulas.md): numbers, texts,
``TRUE``/``FALSE``, error literals, A1 references (to a cell, a range, whole columns or rows,
on this sheet or another, quoted or not), function calls and the operators
``: + - * / ^ & % = <> < > <= >=``. Anything else (a defined name, an array constant, a
reference to another workbook, R1C1, a union or an intersection) is `Unsupported`: the
formula is left for a spreadsheet application to compute, never guessed.

Rows and columns are 0-based. A reference keeps which of its parts are fixed (``$``), so that a
shared formula (one text for a block of cells, Excel's way of saving a filled range) is read
once and moved to each cell by `moved`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from xlsxwriter.utility import xl_cell_to_rowcol

MAX_ROW, MAX_COL = 1_048_575, 16_383  # a sheet's last row and column, 0-based
ERRORS = ("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A")


class Unsupported(Exception):
    """A formula, or a value it reaches, that budgetbook does not compute for sure."""


@dataclass(frozen=True)
class Unreadable:
    """In place of a formula that cannot be read (or not for sure): why."""

    reason: str


@dataclass(frozen=True)
class Number:
    value: float


@dataclass(frozen=True)
class String:
    value: str


@dataclass(frozen=True)
class Boolean:
    value: bool


@dataclass(frozen=True)
class ErrorLiteral:
    code: str


@dataclass(frozen=True)
class Reference:
    """A cell or a rectangle; ``sheet`` None is the formula's own sheet. A whole column has
    rows 0 to MAX_ROW, fixed; a whole row, columns 0 to MAX_COL."""

    sheet: str | None
    row: int
    col: int
    last_row: int
    last_col: int
    fixed: tuple[bool, bool, bool, bool] = (True, True, True, True)  # row, col, last_row, last_col

    @property
    def is_cell(self) -> bool:
        return self.row == self.last_row and self.col == self.last_col


@dataclass(frozen=True)
class Call:
    name: str
    args: tuple[object, ...]


@dataclass(frozen=True)
class Operation:
    operator: str  # "+", "-", ..., "u-" and "u+" (unary), "%"
    operands: tuple[object, ...]


@dataclass(frozen=True)
class Missing:
    """An argument left empty: ``IF(A1,,2)``."""


_SHEET = r"(?:'(?P<quoted>(?:[^']|'')+)'|(?P<plain>[A-Za-z_\u00c0-\uffff][\w.\u00c0-\uffff]*))!"
_CELL = r"\$?[A-Za-z]{1,3}\$?\d+"
_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
    | (?P<string>"(?:[^"]|"")*")
    | (?P<error>\#(?:NULL!|DIV/0!|VALUE!|REF!|NAME\?|NUM!|N/A))
    | (?P<reference>(?:SHEET)?(?:
          (?P<cells>CELL(?::CELL)?)
        | (?P<columns>\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3})
        | (?P<rows>\$?\d+:\$?\d+)
        | (?P<ref_error>\#REF!)
      )(?![\w.(!]))
    | (?P<number>(?:\d+\.?\d*|\.\d+)(?:[Ee][+-]?\d+)?)
    | (?P<function>(?:_xlfn\.|_xlws\.)?[A-Za-z][\w.]*(?=\())
    | (?P<boolean>(?:TRUE|FALSE)(?![\w.(]))
    | (?P<operator><=|>=|<>|[-+*/^&=<>%(),:])
    """.replace("SHEET", _SHEET).replace("CELL", _CELL),
    re.VERBOSE | re.IGNORECASE,
)
_PARTS = re.compile(r"(\$?)([A-Za-z]{1,3})(\$?)(\d+)")
_BINARY = {  # operator -> precedence, as Excel orders them (higher binds tighter)
    "=": 1, "<>": 1, "<": 1, ">": 1, "<=": 1, ">=": 1,
    "&": 2, "+": 3, "-": 3, "*": 4, "/": 4, "^": 5,
}  # fmt: skip


def parse(formula: str) -> object:
    """The tree of ``formula`` (with or without its ``=``); `Unsupported` if it holds
    anything this module does not read."""
    tokens = list(_tokens(formula.removeprefix("=")))
    parser = _Parser(tokens)
    tree = parser.expression(0)
    if parser.at < len(tokens):
        raise Unsupported(f"unexpected {tokens[parser.at][1]!r}")
    return tree


def _tokens(text: str):
    at = 0
    while at < len(text):
        found = _TOKEN.match(text, at)
        if found is None:
            raise Unsupported(f"cannot read {text[at : at + 20]!r}")
        at = found.end()
        kind = found.lastgroup
        if found["reference"] is not None:
            yield "reference", _reference(found)
        elif kind != "space":
            yield kind, found[kind]


def _reference(found: re.Match) -> Reference | ErrorLiteral:
    sheet = found["plain"] or (found["quoted"].replace("''", "'") if found["quoted"] else None)
    if found["ref_error"]:
        return ErrorLiteral("#REF!")
    if found["cells"]:
        first, _, last = found["cells"].partition(":")
        (row, col, row_fixed, col_fixed) = _cell(first)
        (last_row, last_col, last_row_fixed, last_col_fixed) = _cell(last or first)
        fixed = (row_fixed, col_fixed, last_row_fixed, last_col_fixed)
    elif found["columns"]:
        first, last = found["columns"].split(":")
        col, last_col = (_column(part) for part in (first, last))
        row, last_row = 0, MAX_ROW
        fixed = (True, first.startswith("$"), True, last.startswith("$"))
    else:
        first, last = found["rows"].split(":")
        row, last_row = (int(part.lstrip("$")) - 1 for part in (first, last))
        col, last_col = 0, MAX_COL
        fixed = (first.startswith("$"), True, last.startswith("$"), True)
    row, last_row = sorted((row, last_row))
    col, last_col = sorted((col, last_col))
    if last_row > MAX_ROW or last_col > MAX_COL or row < 0:
        raise Unsupported(f"a reference out of the sheet: {found[0]}")
    return Reference(sheet, row, col, last_row, last_col, fixed)


def _cell(text: str) -> tuple[int, int, bool, bool]:
    """A cell's row and column, and whether each is fixed."""
    col_fixed, letters, row_fixed, digits = _PARTS.fullmatch(text).groups()
    row, col = xl_cell_to_rowcol(f"{letters.upper()}{digits}")
    return row, col, bool(row_fixed), bool(col_fixed)


def _column(text: str) -> int:
    return xl_cell_to_rowcol(text.lstrip("$").upper() + "1")[1]


class _Parser:
    """Precedence climbing over the tokens; ``%`` and the unary signs bind tightest, as in
    Excel (``-2^2`` is 4)."""

    def __init__(self, tokens: list[tuple[str, object]]):
        self.tokens, self.at = tokens, 0

    def peek(self) -> tuple[str, object] | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def take(self) -> tuple[str, object]:
        token = self.peek()
        if token is None:
            raise Unsupported("the formula ends too soon")
        self.at += 1
        return token

    def expression(self, floor: int) -> object:
        left = self.unary()
        while (token := self.peek()) is not None and token[0] == "operator":
            operator = str(token[1])
            precedence = _BINARY.get(operator)
            if precedence is None or precedence < floor:
                break
            self.take()
            right = self.expression(precedence + 1)  # every operator groups to the left
            left = Operation(operator, (left, right))
        return left

    def unary(self) -> object:
        token = self.peek()
        if token is not None and token[0] == "operator" and token[1] in ("-", "+"):
            self.take()
            return Operation("u" + str(token[1]), (self.unary(),))
        return self.postfix(self.primary())

    def postfix(self, operand: object) -> object:
        while (token := self.peek()) is not None and token == ("operator", "%"):
            self.take()
            operand = Operation("%", (operand,))
        return operand

    def primary(self) -> object:
        kind, value = self.take()
        if kind == "number":
            return Number(float(value))
        if kind == "string":
            return String(str(value)[1:-1].replace('""', '"'))
        if kind == "boolean":
            return Boolean(str(value).upper() == "TRUE")
        if kind == "error":
            return ErrorLiteral(str(value).upper())
        if kind == "reference":
            return value
        if kind == "function":
            return self.call(str(value))
        if (kind, value) == ("operator", "("):
            inside = self.expression(0)
            if self.take() != ("operator", ")"):
                raise Unsupported("a parenthesis that does not close")
            return inside
        raise Unsupported(f"unexpected {value!r}")

    def call(self, name: str) -> Call:
        name = re.sub(r"^_(?:xlfn|xlws)\.", "", name, flags=re.IGNORECASE).upper()
        self.take()  # (
        args: list[object] = []
        if self.peek() == ("operator", ")"):
            self.take()
            return Call(name, ())
        while True:
            if self.peek() in (("operator", ","), ("operator", ")")):
                args.append(Missing())
            else:
                args.append(self.expression(0))
            kind, value = self.take()
            if (kind, value) == ("operator", ")"):
                return Call(name, tuple(args))
            if (kind, value) != ("operator", ","):
                raise Unsupported(f"unexpected {value!r} in {name}")


def moved(tree: object, rows: int, cols: int) -> object:
    """The tree of a formula copied ``rows`` down and ``cols`` across: its references'
    parts that are not fixed move with it (a shared formula's cells)."""
    if not (rows or cols):
        return tree
    if isinstance(tree, Reference):
        row_fixed, col_fixed, last_row_fixed, last_col_fixed = tree.fixed
        shifted = replace(
            tree,
            row=tree.row + (0 if row_fixed else rows),
            col=tree.col + (0 if col_fixed else cols),
            last_row=tree.last_row + (0 if last_row_fixed else rows),
            last_col=tree.last_col + (0 if last_col_fixed else cols),
        )
        if min(shifted.row, shifted.col) < 0 or shifted.last_row > MAX_ROW:
            return ErrorLiteral("#REF!")
        if shifted.last_col > MAX_COL:
            return ErrorLiteral("#REF!")
        return shifted
    if isinstance(tree, Call):
        return Call(tree.name, tuple(moved(arg, rows, cols) for arg in tree.args))
    if isinstance(tree, Operation):
        return Operation(tree.operator, tuple(moved(arg, rows, cols) for arg in tree.operands))
    return tree
