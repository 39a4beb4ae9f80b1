"""A worksheet part as it lies in its bytes: its root, the children of the root beside the
rows (dimension, autoFilter), its rows, their cells and its formula cells, each with where it
begins and ends, found without parsing the whole part. What `sheet_xml.Sheet` edits.

The rows of the sheet's data are found by their tags (``<row``, ``</row>``, with the prefix the
part gives SpreadsheetML's namespace): in XML a ``<`` begins a tag and nothing else, but in a
comment, a CDATA section or a processing instruction, which the part is checked to hold none of
(no spreadsheet application writes them). Each row found is parsed whole, so one that is not a
well-formed element is refused (`NotEditable`), never edited by a guess. The root, the
dimension, the filter and the sheetData element are read by expat from the part itself; the
formula cells by one pass of expat over the rows that hold them.

Rows are numbered from 1, as the XML numbers them; columns from 0, as XlsxWriter counts them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from xml.parsers import expat

from xlsxwriter.utility import xl_cell_to_rowcol

from budgetbook.write.xml_nodes import WRAPPER, Node, NotEditable, holds, parse_nodes

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_AFTER_NAME = (b" ", b"\t", b"\r", b"\n", b"/", b">")  # what follows a tag's name


@dataclass(frozen=True)
class Row:
    number: int  # 1-based, as the XML numbers it
    start: int
    end: int


class SheetPart:
    """A worksheet part, read where it is asked: its rows, cells and formula cells."""

    def __init__(self, data: bytes):
        self.data = data
        self._read_head()
        if holds(data, b"<!", 0):
            raise NotEditable("a comment, a CDATA section or a document type")
        if holds(data, b"<?", self._root.start):
            raise NotEditable("a processing instruction")
        self._top = self._read_skeleton()

    def _read_head(self) -> None:
        """The root (its namespaces) and where the rows lie, read by expat from the start of
        the part until the sheetData element's content begins."""
        parser = expat.ParserCreate()
        parser.ordered_attributes = True
        found: list[Node] = []  # the root, then sheetData
        depth = 0

        def reached() -> None:
            if len(found) == 2 and found[1].tag_end < 0:
                found[1].tag_end = parser.CurrentByteIndex

        def on_start(name: str, attributes: list[str]) -> None:
            nonlocal depth
            reached()
            node = Node(name, list(zip(attributes[::2], attributes[1::2], strict=True)), -1)
            node.start = parser.CurrentByteIndex
            if depth == 0:
                found.append(node)
                self.prefix = _main_prefix(node)
            elif depth == 1 and len(found) == 1 and name == f"{self.prefix}sheetData":
                found.append(node)
            depth += 1

        def on_end(name: str) -> None:
            nonlocal depth
            reached()
            depth -= 1

        parser.StartElementHandler, parser.EndElementHandler = on_start, on_end
        parser.CharacterDataHandler = lambda text: reached()
        data, at, chunk = self.data, 0, 1 << 16
        try:
            while not (len(found) == 2 and found[1].tag_end >= 0) and at < len(data):
                parser.Parse(data[at : at + chunk], at + chunk >= len(data))
                at += chunk
        except expat.ExpatError as exc:
            raise NotEditable(f"XML that does not parse: {exc}") from None
        if len(found) < 2 or found[1].tag_end < 0:
            raise NotEditable("no sheetData element")
        self._root, self._sheet_data = found
        self._data_empty = data[: found[1].tag_end].endswith(b"/>")  # <sheetData/>
        self.body_start = self.body_end = found[1].tag_end
        if not self._data_empty:
            self.body_end = data.rfind(f"</{self.prefix}sheetData".encode())
            if self.body_end < self.body_start:
                raise NotEditable("no end to the sheetData element")

    def _read_skeleton(self) -> dict[str, Node]:
        """The root's children but the rows (dimension, autoFilter...), parsed from the part
        without its rows, at their offsets in the part."""
        data, cut = self.data, self.body_start - self._root.start
        skeleton = data[self._root.start : self.body_start] + data[self.body_end :]
        (root,) = parse_nodes(skeleton, 0, len(skeleton))
        removed = self.body_end - self.body_start
        top = {}
        for node in root.children:
            for key in ("start", "tag_end", "end"):
                offset = getattr(node, key)
                setattr(node, key, offset + self._root.start + (removed if offset > cut else 0))
            top.setdefault(node.name, node)
        sheet_data = top.get(f"{self.prefix}sheetData")
        if sheet_data is None or sheet_data.tag_end != self.body_start:
            raise NotEditable("a sheetData element that is not where it begins")
        return top

    # --- rows -------------------------------------------------------------------------------

    def _find(self, name: str, start: int, end: int, backwards: bool = False) -> int:
        """Where the next (or last) start tag of ``name`` (without its prefix) begins between
        ``start`` and ``end``; -1 if none."""
        data, tag = self.data, f"<{self.prefix}{name}".encode()
        at = data.rfind(tag, start, end) if backwards else data.find(tag, start, end)
        while at >= 0 and data[at + len(tag) : at + len(tag) + 1] not in _AFTER_NAME:
            at = data.rfind(tag, start, at) if backwards else data.find(tag, at + 1, end)
        return at

    def _tag_end(self, position: int) -> int:
        """Where the tag at ``position`` ends: before the next ``<``, which XML allows nowhere
        inside a tag, and before any white space."""
        following = self.data.find(b"<", position + 1)
        tag = self.data[position:following].rstrip() if following >= 0 else b""
        if not tag.endswith(b">"):
            raise NotEditable(f"a tag that does not end, or text beside it, at byte {position}")
        return position + len(tag)

    def _row_at(self, position: int) -> Row:
        data, tag_end = self.data, self._tag_end(position)
        empty = data[tag_end - 2 : tag_end] == b"/>"
        close = -1 if empty else data.find(f"</{self.prefix}row".encode(), tag_end, self.body_end)
        end = tag_end if empty else data.find(b">", close, self.body_end) + 1 if close >= 0 else 0
        alone = data[position:tag_end] if empty else data[position : tag_end - 1] + b"/>"
        number = parse_nodes(alone, 0, len(alone))[0].get("r")
        if end <= 0 or number is None or not number.isdigit():
            raise NotEditable(f"a row without its end or its number, at byte {position}")
        return Row(int(number), position, end)

    def rows_from(self, number: int = 1) -> Iterator[Row]:
        """The rows numbered ``number`` or more, in order."""
        row = self._first_row_from(number)
        while row is not None:
            yield row
            at = self._find("row", row.end, self.body_end)
            row = self._row_at(at) if at >= 0 else None

    def rows_backwards(self) -> Iterator[Row]:
        """The rows from the last, up."""
        at = self._find("row", self.body_start, self.body_end, backwards=True)
        while at >= 0:
            row = self._row_at(at)
            yield row
            at = self._find("row", self.body_start, row.start, backwards=True)

    def last_row(self) -> int:
        """The number of the sheet's last row; 0 without one."""
        return next((row.number for row in self.rows_backwards()), 0)

    def _first_row_from(self, number: int) -> Row | None:
        """The first row numbered ``number`` or more, found by halving the part (rows are in
        order), not by walking a large sheet's rows."""
        low, high = self.body_start, self.body_end
        while low < high:
            middle = (low + high) // 2
            at = self._find("row", middle, self.body_end)
            row = self._row_at(at) if at >= 0 else None
            if row is None or row.number >= number:
                high = middle
            else:
                low = row.end
        at = self._find("row", low, self.body_end)
        return self._row_at(at) if at >= 0 else None

    def row(self, number: int) -> Row | None:
        row = self._first_row_from(number)
        return row if row is not None and row.number == number else None

    def node(self, row: Row) -> Node:
        """The row's element, parsed."""
        nodes = parse_nodes(self.data, row.start, row.end)
        if len(nodes) != 1 or nodes[0].name != f"{self.prefix}row":
            raise NotEditable(f"a row that is not one element, at byte {row.start}")
        return nodes[0]

    def cells(self, row: Row | Node) -> list[tuple[int, Node]]:
        """The row's cells and their columns (a cell without a reference follows the one
        before it)."""
        node = row if isinstance(row, Node) else self.node(row)
        found, col = [], -1
        for child in node.children:
            if child.name == f"{self.prefix}c":
                ref = child.get("r")
                col = xl_cell_to_rowcol(ref)[1] if ref else col + 1
                found.append((col, child))
        return found

    def columns_with_values(self, row: Row) -> set[int]:
        """The columns where the row holds something: a formatted cell without a value, or
        a formula, holds nothing."""
        held = {f"{self.prefix}{name}" for name in ("v", "is", "f")}
        return {col for col, c in self.cells(row) if any(x.name in held for x in c.children)}

    def top(self, local_name: str) -> Node | None:
        """A child of the root, outside the rows: ``dimension``, ``autoFilter``..."""
        return self._top.get(f"{self.prefix}{local_name}")

    def formula_cells(self) -> list[FormulaCell]:
        """Every formula cell of the sheet, in order. One pass of expat over the rows from
        the first formula to the last, told only where a row, a cell, its formula and its
        value begin and end, and the formula's text."""
        first = self._find("f", self.body_start, self.body_end)
        if first < 0:
            return []
        start = self._find("row", self.body_start, first, backwards=True)
        last = self._find("f", self.body_start, self.body_end, backwards=True)
        last_row = self._find("row", self.body_start, last, backwards=True)
        if start < 0 or last_row < 0:
            raise NotEditable(f"a formula outside a row, at byte {first}")
        end, shift = self._row_at(last_row).end, start - len(WRAPPER)
        row_name, cell_name, formula_name, value_name = (
            f"{self.prefix}{n}" for n in ("row", "c", "f", "v")
        )
        value_close = f"</{value_name}".encode()
        found: list[FormulaCell] = []
        row, col = 0, -1
        cell: FormulaCell | None = None
        text: list[str] | None = None
        parser = expat.ParserCreate()
        parser.ordered_attributes = True

        def on_start(name: str, attributes: list[str]) -> None:
            nonlocal row, col, cell, text
            pairs = list(zip(attributes[::2], attributes[1::2], strict=True))
            if name == row_name:
                number = dict(pairs).get("r")
                row, col = int(number) if number and number.isdigit() else row + 1, -1
            elif name == cell_name:
                ref = dict(pairs).get("r")
                col = xl_cell_to_rowcol(ref)[1] if ref else col + 1
                cell = FormulaCell(row, col, parser.CurrentByteIndex + shift, pairs)
            elif name == formula_name and cell is not None:
                cell.formula_attributes, text = dict(pairs), []
                found.append(cell)
            elif name == value_name and cell is not None and text is not None:
                cell.value_start = parser.CurrentByteIndex + shift

        def on_text(data: str) -> None:
            if text is not None and cell is not None and cell.value_start < 0:
                text.append(data)

        def on_end(name: str) -> None:
            nonlocal cell, text
            at = parser.CurrentByteIndex + shift
            if name == formula_name and cell is not None and text is not None:
                cell.formula = "".join(text)
            elif name == value_name and cell is not None and cell.value_start >= 0:
                closed = self.data.startswith(value_close, at)  # else written empty: <v/>
                cell.value_end = self.data.find(b">", at) + 1 if closed else at
            elif name == cell_name:
                if cell is not None and text is not None:
                    cell.end_tag = at
                cell, text = None, None

        parser.StartElementHandler, parser.EndElementHandler = on_start, on_end
        parser.CharacterDataHandler = on_text
        try:
            parser.Parse(WRAPPER, False)
            parser.Parse(self.data[start:end], False)
            parser.Parse(b"</_>", True)
        except (expat.ExpatError, ValueError) as exc:
            raise NotEditable(f"XML that does not parse near byte {start}: {exc}") from None
        return found


@dataclass
class FormulaCell:
    """A formula cell as the sheet's XML writes it: its row (1-based) and column, where it
    lies, its attributes, its formula's text and attributes (``t="shared"``, ``si``,
    ``ref``), and where its cached value lies (-1: it has none)."""

    row: int
    col: int
    start: int
    attributes: list[tuple[str, str]]
    formula: str = ""
    formula_attributes: dict[str, str] = field(default_factory=dict)
    value_start: int = -1
    value_end: int = -1
    end_tag: int = -1  # where </c> begins


def _main_prefix(root: Node) -> str:
    """The prefix the part gives SpreadsheetML's namespace: ``""`` or ``"x:"``."""
    for name, value in root.attributes:
        if value == MAIN and (name == "xmlns" or name.startswith("xmlns:")):
            prefix = name.partition(":")[2]
            if root.name == (f"{prefix}:worksheet" if prefix else "worksheet"):
                return f"{prefix}:" if prefix else ""
    raise NotEditable(f"a root element {root.name} that is not a worksheet")
