"""A worksheet's XML part, edited where it changes and kept byte for byte everywhere else.

``budgetbook update`` changes a few rows of a workbook that a person, Excel or LibreOffice may
have written. Parsing a sheet into a tree and writing the tree out again would rewrite every
byte of it, and is slow: a 200,000-row Actuals sheet is 85 MB of XML, which ElementTree took
9 s to parse and 12 s to write. So what changes is found by expat, the standard library's
parser under ElementTree, which says where in the bytes each element begins (`sheet_part`);
the edits are spliced in there, and the rest of the part is copied as it was: new cells and
rows, a row removed, a dimension or filter widened, each formula's cached result.

Rows are numbered from 1, as the XML numbers them; columns from 0, as XlsxWriter counts them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from xml.sax.saxutils import escape

from xlsxwriter.utility import xl_cell_to_rowcol, xl_rowcol_to_cell

from budgetbook.write.sheet_part import Row, SheetPart
from budgetbook.write.xml_nodes import start_tag

# What XML cannot hold, as XlsxWriter writes it (``_x000D_``), and a text that reads like that.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\ufffe\uffff]|_x[0-9A-Fa-f]{4}_")


@dataclass(frozen=True)
class Cell:
    """A cell to write: a text (an inline string), a number, or a formula with its value."""

    col: int
    value: str | int | float | Decimal
    style: str | None = None
    formula: str | None = None  # without its "="


class Sheet(SheetPart):
    """A worksheet part, its edits gathered and spliced in by `to_bytes`."""

    def __init__(self, data: bytes):
        super().__init__(data)
        self._edits: list[tuple[int, int, bytes]] = []

    def _edit(self, start: int, end: int, data: bytes) -> None:
        self._edits.append((start, end, data))

    def to_bytes(self) -> bytes:
        """The part with every edit spliced in; the very bytes it had without any."""
        if not self._edits:
            return self.data
        pieces, at = [], 0
        for start, end, data in sorted(self._edits, key=lambda edit: edit[:2]):
            if start < at:
                raise AssertionError(f"two edits of the sheet overlap at byte {start}")
            pieces += [self.data[at:start], data]
            at = end
        pieces.append(self.data[at:])
        return b"".join(pieces)

    def cell_xml(self, number: int, cell: Cell) -> str:
        p, ref = self.prefix, xl_rowcol_to_cell(number - 1, cell.col)
        style = f' s="{cell.style}"' if cell.style else ""
        if cell.formula is not None:
            formula = f"<{p}f>{escape(cell.formula)}</{p}f>"
            return f'<{p}c r="{ref}"{style}>{formula}<{p}v>{cell.value}</{p}v></{p}c>'
        if isinstance(cell.value, str):
            text = f'<{p}is><{p}t xml:space="preserve">{_text(cell.value)}</{p}t></{p}is>'
            return f'<{p}c r="{ref}"{style} t="inlineStr">{text}</{p}c>'
        return f'<{p}c r="{ref}"{style}><{p}v>{cell.value}</{p}v></{p}c>'

    def _new_row(self, number: int, cells: list[Cell]) -> str:
        inside = "".join(self.cell_xml(number, c) for c in sorted(cells, key=lambda c: c.col))
        return f'<{self.prefix}row r="{number}">{inside}</{self.prefix}row>'

    def put_cells(self, rows: dict[int, list[Cell]]) -> None:
        """``rows``' cells (by row number) into the sheet: into the row there is, in column
        order, a cell of the same column replaced; else into a new row where its number puts
        it. The rows past the last are written in one piece at the end."""
        last = self.last_row()
        numbers = sorted(rows)
        for number in (n for n in numbers if n <= last):
            following = self._first_row_from(number)
            if following is not None and following.number == number:
                self._into_row(following, rows[number])
            else:
                at = following.start if following is not None else self.body_end
                self._edit(at, at, self._new_row(number, rows[number]).encode())
        after = "".join(self._new_row(n, rows[n]) for n in numbers if n > last).encode()
        if after and self._data_empty:  # <sheetData/>, opened to hold them
            node = self._sheet_data
            written = start_tag(node.name, node.attributes) + after + f"</{node.name}>".encode()
            self._edit(node.start, self.body_start, written)
        elif after:
            self._edit(self.body_end, self.body_end, after)

    def _into_row(self, row: Row, cells: list[Cell]) -> None:
        """``cells`` among the row's own, in column order; its ``spans`` (a hint of the
        columns it holds) widened to reach them all."""
        node = self.node(row)
        own = self.cells(node)
        new = sorted(cells, key=lambda c: c.col)
        columns = [col for col, _ in own] + [new[0].col, new[-1].col]
        first, last = min(columns) + 1, max(columns) + 1  # spans count columns from 1
        attributes = [
            (key, _widened_spans(value, first, last) if key == "spans" else value)
            for key, value in node.attributes
        ]
        if node.end == node.tag_end:  # written empty: written again, whole
            inside = "".join(self.cell_xml(row.number, c) for c in new).encode()
            written = start_tag(node.name, attributes) + inside + f"</{node.name}>".encode()
            self._edit(row.start, row.end, written)
            return
        if attributes != node.attributes:
            self._edit(node.start, node.tag_end, start_tag(node.name, attributes))
        content_end = self.data.rfind(b"</", node.start, node.end)
        for cell in new:
            written = self.cell_xml(row.number, cell).encode()
            same = next((c for col, c in own if col == cell.col), None)
            after = next((c for col, c in own if col > cell.col), None)
            if same is not None:
                self._edit(same.start, same.end, written)
            else:
                at = after.start if after is not None else content_end
                self._edit(at, at, written)

    def remove_row(self, row: Row) -> None:
        self._edit(row.start, row.end, b"")

    def widen(self, local_name: str, last_row: int, last_col: int | None = None) -> None:
        """The ``ref`` of a child of the root (``dimension``, ``autoFilter``) reaching row
        ``last_row`` and, if given, column ``last_col``."""
        node = self.top(local_name)
        ref = node.get("ref") if node is not None else None
        if not ref:
            return
        first, _, last = ref.partition(":")
        try:
            row, col = xl_cell_to_rowcol(last or first)
        except (AttributeError, ValueError):
            return  # a reference budgetbook does not write: left as it is
        row, col = max(row, last_row - 1), max(col, col if last_col is None else last_col)
        wider = f"{first}:{xl_rowcol_to_cell(row, col)}"
        if wider != ref:
            attributes = [(k, wider if k == "ref" else v) for k, v in node.attributes]
            empty = node.end == node.tag_end
            self._edit(node.start, node.tag_end, start_tag(node.name, attributes, empty))

    def forget_results(self) -> None:
        """Drop the cached result of every formula cell, so that applications compute it on
        opening."""
        self.set_results({})

    def set_results(self, results: dict[tuple[int, int], object]) -> None:
        """Each formula cell's cached result: ``results`` by (row, column), a number, a text,
        a truth value or an error code (`Error`); a cell not in ``results`` is left without
        one, for applications to compute on opening. Only the value and its type change."""
        for cell in self.formula_cells():
            result = results.get((cell.row, cell.col), _NONE)
            kind, written = _result(result, self.prefix)
            kept = [(key, v) for key, v in cell.attributes if key != "t"]
            if kind is not None:
                kept.append(("t", kind))
            if kept != cell.attributes:
                self._edit(cell.start, self._tag_end(cell.start), start_tag(self._c, kept))
            if cell.value_start >= 0:
                self._edit(cell.value_start, cell.value_end, written)
            elif written:
                self._edit(cell.end_tag, cell.end_tag, written)

    @property
    def _c(self) -> str:
        return f"{self.prefix}c"


@dataclass(frozen=True)
class Error:
    """A formula's result that is an error: ``#DIV/0!``, ``#N/A``..."""

    code: str


_NONE = object()


def _result(value: object, prefix: str) -> tuple[str | None, bytes]:
    """A formula's result as a cell's type and value element; none for ``_NONE``."""
    v = f"{prefix}v"
    if value is _NONE:
        return None, b""
    if isinstance(value, Error):
        return "e", f"<{v}>{escape(value.code)}</{v}>".encode()
    if isinstance(value, bool):
        return "b", f"<{v}>{int(value)}</{v}>".encode()
    if isinstance(value, str):
        return "str", f"<{v}>{_text(value)}</{v}>".encode()
    number = float(value)
    shown = str(int(number)) if number.is_integer() and abs(number) < 1e15 else repr(number)
    return None, f"<{v}>{shown}</{v}>".encode()


def _widened_spans(spans: str, first: int, last: int) -> str:
    low, _, high = spans.partition(":")
    if not (low.isdigit() and high.isdigit()):
        return spans
    return f"{min(int(low), first)}:{max(int(high), last)}"


def _text(value: str) -> str:
    """Text as Excel stores it: characters XML cannot hold become ``_xHHHH_``, and a text
    that reads like one is kept from being read so (``_x005F_`` is its underscore)."""

    def code(match: re.Match) -> str:
        found = match[0]
        return "_x005F" + found if found.startswith("_x") else f"_x{ord(found):04X}_"

    return escape(_UNSAFE.sub(code, value))
