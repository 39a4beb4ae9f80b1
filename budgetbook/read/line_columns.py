"""Which budget line each row of a finance file's columns goes to: the one its line cell
names, else the first mapping rule found in its vendor and account pair or in its
description; in polars expressions, each distinct cell worked out once."""

from __future__ import annotations

from budgetbook.read.mapping_rules import RuleMatcher, folds_apart


class LineColumns:
    """The lines of a file's rows, by the names of the budget's lines (``names``, each by its
    case fold) and the mapping rules (``matcher``); ``line_col``, the file's line column."""

    def __init__(self, matcher: RuleMatcher, names: dict[str, str], line_col: int | None):
        self.matcher, self.names, self.line_col = matcher, names, line_col
        self.line_names = list(names.values())

    def description_search(self, description, description_col: str | None) -> dict:
        """Which descriptions to search for the rules' texts: ``ascii``, whether one is ASCII
        (its case fold is its ASCII lower case: searched as it is), and ``any_rule``, whether
        it holds a rule's text; nothing when no rule searches descriptions."""
        if not self.matcher.first or description_col is None:
            return {}
        return {
            "ascii": description.str.len_bytes() == description.str.len_chars(),
            "any_rule": description.str.contains_any(
                list(self.matcher.first), ascii_case_insensitive=True
            ),
        }

    def repeated_text(self, column: str | None, distinct: dict[str, list[str]]):
        """A vendor or account column as `stripped` trims it, and the number of the first rule
        found in each row's text: worked out for each distinct cell, as these repeat. A rule's
        text cannot span the separator of vendor and account (`RuleMatcher`), so the first
        rule in the pair is the first in either."""
        import polars as pl

        blank_first = pl.lit(self.matcher.nowhere, dtype=pl.Int32)  # no rule text is empty
        if column is None:
            return pl.lit(""), blank_first
        cells = distinct[column]
        texts = [cell.strip() for cell in cells]
        text = pl.col(column)
        if texts != cells:
            text = text.replace_strict(dict(zip(cells, texts, strict=True)), default=None)
        if self.matcher.automaton is None:  # no rule to look for
            return text.fill_null(""), blank_first
        firsts = self.matcher._firsts(texts)
        number = pl.col(column).replace_strict(
            dict(zip(cells, firsts, strict=True)), default=None, return_dtype=pl.Int32
        )
        return text.fill_null(""), number.fill_null(blank_first)

    def named_lines(self, column: str | None, distinct: dict[str, list[str]]) -> dict:
        """``named``, whether a row's line cell is not blank, and ``named_line``, the number
        in `line_names` of the line it names (null for a name no line has); worked out for
        each distinct cell."""
        import polars as pl

        if column is None:
            return {"named": pl.lit(False)}
        number = {name: n for n, name in enumerate(self.line_names)}
        lines = {
            cell: number.get(self.names.get(cell.strip().casefold())) for cell in distinct[column]
        }
        blank = [cell for cell in lines if not cell.strip()]
        line = pl.col(column).replace_strict(lines, default=None, return_dtype=pl.Int32)
        return {
            "named": pl.col(column).is_not_null() & ~pl.col(column).is_in(blank),
            "named_line": line,
        }

    def lines(self, found):
        """The line each row names, else the one the rules give: the first rule found in its
        vendor and account pair or in its description."""
        import polars as pl

        matcher = self.matcher
        in_description = pl.repeat(None, found.height, dtype=pl.Int32, eager=True)
        if "any_rule" in found.columns:
            # Only the ASCII descriptions that hold a rule's text are searched for which rules:
            # a third of a ledger's, when its rules name vendors and accounts more than
            # descriptions. The others are lowered first, and those whose lower case is not
            # their case fold are left to the rules' own automaton.
            ascii = pl.col("ascii")
            for where, ascii_only in ((ascii & pl.col("any_rule"), True), (~ascii, False)):
                positions, numbers = self._first_rules(found, where, ascii_only)
                in_description = in_description.scatter(positions, numbers)
        # Each row's line by its number among the rules' lines, then the lines' names: a
        # choice between numbers, and views of a few texts gathered (a choice between
        # texts took 50 ms).
        first = pl.min_horizontal(found["by_pair"], in_description)
        if self.line_col is not None:
            named = pl.col("named_line") + len(matcher.rule_lines)
            first = pl.when("named").then(named).otherwise(first)
        number = found.select(first).to_series()
        return pl.Series(matcher.rule_lines + self.line_names, dtype=pl.String).gather(number)

    def _first_rules(self, found, where, ascii_only: bool):
        """The positions of the rows ``where`` says, and the number of the first rule whose
        text is in each one's description (null for none): ``ascii_only`` texts searched as
        they are, ignoring ASCII case; others lowered, and those whose lower case is not their
        case fold (`folds_apart`) searched by the rules' own automaton. In a lazy query, which
        polars spreads over the cores."""
        import polars as pl

        first, patterns, text = self.matcher.first, list(self.matcher.first), pl.col("description")
        if ascii_only:
            found_texts = text.str.extract_many(
                patterns, overlapping=True, ascii_case_insensitive=True
            ).list.eval(pl.element().str.to_lowercase())
        else:
            found_texts = text.str.to_lowercase().str.extract_many(patterns, overlapping=True)
        numbers = found_texts.list.eval(pl.element().replace_strict(first)).list.min()
        rows = (
            found.lazy()
            .with_row_index("position")
            .filter(where)
            .select(
                "position",
                "description",
                number=numbers.cast(pl.Int32),
                apart=pl.lit(False) if ascii_only else text.str.contains(folds_apart()),
            )
            .collect()
        )
        numbers = rows["number"]
        odd = rows["apart"].arg_true()
        if not odd.is_empty():
            texts = rows["description"].gather(odd).to_list()
            numbers = numbers.scatter(
                odd, pl.Series(list(self.matcher._firsts(texts)), dtype=pl.Int32)
            )
        return rows["position"], numbers
