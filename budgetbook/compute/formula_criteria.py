"""Where the criteria of SUMIFS and COUNTIFS hold, and where MATCH finds a value, over a
workbook's ranges, as the applications match them: a number or a comparison (``">=46023"``),
a text without case, ``""`` for a blank and ``"<>"`` for a filled cell. A criterion with
``* ? ~`` (wildcards in some applications, not in others), texts ordered by ``<`` or ``>``, or a
criterion "=5" over a range that holds the text "5", is `Unsupported`.

Every Budget cell's Actual is a SUMIFS over the same Actuals columns, so the search is not a
scan: each range's texts are indexed once, and each line's dates sorted once, then found by
halving; the indexes are kept for the next formula (`RangeSearch`, one per evaluator).
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

from budgetbook.compute.formula_parser import Unsupported
from budgetbook.compute.spreadsheet_values import Range, compare, folded

if TYPE_CHECKING:
    from budgetbook.compute.formula_values import Evaluator

_ORDER = (">=", ">", "<=", "<")


class RangeSearch:
    """The criteria and MATCH of an evaluator's formulas, over the values of its ranges
    (``cells.block``, clipped to what the sheets hold by ``cells.clip``)."""

    def __init__(self, cells: Evaluator):
        self._cells = cells
        self._texts: dict[tuple, dict[str, list[int]]] = {}
        self._sorted: dict[tuple, tuple[list[float], list[int]]] = {}
        self._matches: dict[tuple, dict[object, int]] = {}

    def matching(
        self, pairs: list[tuple[Range, object]], summed: Range | None = None
    ) -> tuple[list[int], int, int, int]:
        """The offsets (row by row in the clipped ranges) where every criterion holds, the
        clipped height and width, and how many cells past the clip (all blank) match too.
        ``summed``, SUMIFS's sum range, is of the same shape and clipped alike."""
        areas = [area for area, _ in pairs]
        shape = (areas[0].height, areas[0].width)
        areas += [summed] if summed is not None else []
        if any((a.height, a.width) != shape for a in areas):
            raise Unsupported("criteria ranges of different shapes")
        height, width = self._cells.clip(areas)
        tests = [(area, _criterion(criterion)) for area, criterion in pairs]
        blocks = [self._cells.block(area, height, width) for area, _ in pairs]
        candidates: list[int] | None = None
        rest = []
        for (area, test), block in zip(tests, blocks, strict=True):
            if test[0] == "text=":
                index = self._text_index(area, height, width, block)
                found = index.get(test[1], [])
                candidates = found if candidates is None else _both(candidates, found)
            else:
                rest.append((area, test, block))
        bounds = [t for _, t, _ in rest if t[0] == "number" and t[1] in _ORDER]
        same_block = len({(a.sheet, a.ref.row, a.ref.col) for a, _, _ in rest}) == 1
        if rest and len(bounds) == len(rest) and same_block:
            offsets = self._between(tests, rest[0], height, width, candidates, bounds)
        else:
            offsets = range(len(blocks[0])) if candidates is None else candidates
            for _, test, block in rest:
                offsets = [o for o in offsets if _holds(test, block[o])]
        past = shape[0] * shape[1] - height * width
        blank = past if past and all(_holds(test, None) for _, test in tests) else 0
        return list(offsets), height, width, blank

    def _text_index(self, area: Range, height: int, width: int, block: list[object]) -> dict:
        """The offsets of each text of the range, by the text without case."""
        key = (area.sheet, area.ref.row, area.ref.col, height, width)
        if key not in self._texts:
            index: dict[str, list[int]] = {}
            for offset, value in enumerate(block):
                if value.__class__ is str:
                    index.setdefault(folded(value, strict=False), []).append(offset)
            self._texts[key] = index
        return self._texts[key]

    def _between(self, tests, last, height, width, candidates, bounds) -> list[int]:
        """The candidates whose number in one range lies within ``bounds``: sorted once per
        candidates and range, then found by halving (a Budget's Actual cells)."""
        area, _, block = last
        signature = tuple((a.sheet, a.ref.row, a.ref.col, t) for a, t in tests if t[0] == "text=")
        key = (signature, area.sheet, area.ref.row, area.ref.col, height, width)
        if key not in self._sorted:
            offsets = range(len(block)) if candidates is None else candidates
            pairs = sorted((block[o], o) for o in offsets if block[o].__class__ is float)
            self._sorted[key] = ([v for v, _ in pairs], [o for _, o in pairs])
        numbers, offsets = self._sorted[key]
        low, high = 0, len(numbers)
        for _, operator, limit in bounds:
            if operator == ">=":
                low = max(low, bisect_left(numbers, limit))
            elif operator == ">":
                low = max(low, bisect_right(numbers, limit))
            elif operator == "<=":
                high = min(high, bisect_right(numbers, limit))
            else:
                high = min(high, bisect_left(numbers, limit))
        return offsets[low:high] if low < high else []

    def match_index(self, area: Range, height: int, width: int) -> dict[object, int]:
        """The first offset of each value of the range, by ``("text", folded)``,
        ``("number", x)`` or ``("bool", x)``: what MATCH looks up."""
        key = (area.sheet, area.ref.row, area.ref.col, height, width)
        if key not in self._matches:
            found: dict[object, int] = {}
            for offset, value in enumerate(self._cells.block(area, height, width)):
                if value.__class__ is str:
                    found.setdefault(("text", folded(value, strict=False)), offset)
                elif value.__class__ is float:
                    found.setdefault(("number", value), offset)
                elif value.__class__ is bool:
                    found.setdefault(("bool", value), offset)
            self._matches[key] = found
        return self._matches[key]


def _both(first: list[int], second: list[int]) -> list[int]:
    other = set(second)
    return [offset for offset in first if offset in other]


def _criterion(value: object) -> tuple:
    """A criterion of SUMIFS or COUNTIFS as a test: ``("number", operator, x)``,
    ``("text=", folded)``, ``("text<>", folded)``, ``("blank",)``, ``("filled",)``."""
    if value.__class__ is float:
        return ("number", "=", value)
    if value.__class__ is not str:
        raise Unsupported("a criterion that is not a number or a text")
    operator = next((o for o in ("<=", ">=", "<>", "<", ">", "=") if value.startswith(o)), "")
    rest = value[len(operator) :]
    if rest == "":
        if operator in ("", "="):
            return ("blank",)
        if operator == "<>":
            return ("filled",)
        raise Unsupported(f"the criterion {value!r}")
    number = _as_number(rest)
    if number is not None:
        return ("number", operator or "=", number)
    if any(ch in rest for ch in "*?~"):
        raise Unsupported(f"a criterion with a wildcard: {value!r}")
    if operator in ("", "="):
        return ("text=", folded(rest))
    if operator == "<>":
        return ("text<>", folded(rest))
    raise Unsupported(f"texts ordered by a criterion: {value!r}")


def _as_number(text: str) -> float | None:
    stripped = text.strip()
    if not stripped or not (stripped[0].isdigit() or stripped[0] in "+-."):
        return None
    try:
        number = float(stripped)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def _holds(test: tuple, value: object) -> bool:
    kind = test[0]
    if kind == "number":
        if value.__class__ is str and test[1] == "=" and _as_number(value) == test[2]:
            raise Unsupported("a criterion on a number over a range that holds it as text")
        if value.__class__ is not float:
            return test[1] == "<>"
        return compare(test[1], value, test[2])
    if kind == "text=":
        return value.__class__ is str and folded(value, strict=False) == test[1]
    if kind == "text<>":
        return not (value.__class__ is str and folded(value, strict=False) == test[1])
    if kind == "blank":
        if value == "":
            raise Unsupported("a criterion on blanks over a formula's empty text")
        return value is None
    if value == "":
        raise Unsupported("a criterion on filled cells over a formula's empty text")
    return value is not None
