"""Every formula of an edited workbook given its value, for ``budgetbook update``.

update adds rows to a workbook a person may have edited since it was built: planned amounts
changed, rows pasted, lines renamed, formulas of their own. What each formula shows now is
what it computes over the cells the workbook holds, so that is what is computed here
(compute/formula_values.py), not what a build would have written: the workbook's cells are
read back as python-calamine reads them (the edited parts zipped in memory, so the new rows
count), its formulas from each sheet's XML (sheet_part.py), shared formulas moved to each of
their cells, and each result written as the formula's cached value, where budgetbook wrote
none or another application wrote its own.

A formula whose value budgetbook cannot know for sure (see formula_values.py) is left without
one, as is any that reads it: the application computes those when it opens the workbook, and
update names them.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from xlsxwriter.utility import xl_cell_to_rowcol, xl_rowcol_to_cell

from budgetbook.compute.formula_parser import Unreadable, Unsupported, moved, parse
from budgetbook.compute.formula_values import UNKNOWN, Evaluator
from budgetbook.compute.spreadsheet_values import CellError
from budgetbook.write.sheet_part import FormulaCell
from budgetbook.write.sheet_xml import Error, Sheet


@dataclass(frozen=True)
class NotComputed:
    """A formula left for the application to compute, and why."""

    sheet: str
    cell: str
    reason: str


def cache_results(parts: dict[str, bytes], sheets: dict[str, str]) -> list[NotComputed]:
    """Each formula of the worksheets ``sheets`` (name -> part) with its value, in ``parts``
    (edited in place); the formulas whose value is not known, in sheet order."""
    opened = {name: Sheet(parts[path]) for name, path in sheets.items() if path in parts}
    cells = {name: sheet.formula_cells() for name, sheet in opened.items()}
    formulas = {name: _trees(found) for name, found in cells.items() if found}
    if not formulas:
        return []
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_STORED) as out:
        for name, data in parts.items():
            out.writestr(name, data)
    archive.seek(0)
    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_filelike(archive)
    names = set(workbook.sheet_names)

    def grid(name: str) -> list[list[object]] | None:
        if name not in names:
            return None
        return workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)

    evaluator = Evaluator(grid, {name: dict(trees) for name, trees in formulas.items()})
    results = evaluator.compute_all()
    left: list[NotComputed] = []
    for name in formulas:
        known = {}
        for cell in cells[name]:
            key = (name, cell.row - 1, cell.col)
            value = results.get(key, UNKNOWN)
            if value is UNKNOWN:
                reason = evaluator.reasons.get(key, "")
                left.append(NotComputed(name, xl_rowcol_to_cell(cell.row - 1, cell.col), reason))
                continue
            known[cell.row, cell.col] = Error(value.code) if isinstance(value, CellError) else value
        opened[name].set_results(known)
        parts[sheets[name]] = opened[name].to_bytes()
    roots = {
        (c.sheet, c.cell) for c in left if (c.sheet, *xl_cell_to_rowcol(c.cell)) in evaluator.roots
    }
    return sorted(left, key=lambda c: (c.sheet, c.cell) not in roots)  # the causes first


def _trees(cells: list[FormulaCell]) -> dict[tuple[int, int], object]:
    """Each formula cell's parsed formula by its (0-based) row and column; a shared
    formula's cells the first one's moved to them."""
    shared: dict[str, tuple[int, int, object]] = {}
    trees: dict[tuple[int, int], object] = {}
    for cell in cells:
        attributes = cell.formula_attributes
        kind = attributes.get("t", "normal")
        position = (cell.row - 1, cell.col)
        if kind not in ("normal", "shared"):
            trees[position] = Unreadable(f"a formula of type {kind}")
            continue
        index = attributes.get("si")
        if kind == "shared" and not cell.formula.strip():
            if index not in shared:
                trees[position] = Unreadable("a shared formula without its first cell")
                continue
            row, col, tree = shared[index]
            trees[position] = (
                tree
                if isinstance(tree, Unreadable)
                else moved(tree, position[0] - row, position[1] - col)
            )
            continue
        try:
            tree = parse(cell.formula)
        except Unsupported as exc:
            tree = Unreadable(str(exc))
        if kind == "shared" and index is not None:
            shared[index] = (*position, tree)
        trees[position] = tree
    return trees
