"""The mapping rules' matcher: the line of the first rule whose text is in a row's
description, vendor or account."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from itertools import chain, count, repeat
from operator import itemgetter

import ahocorasick

from budgetbook.model import (
    MappingRule,
)


class RuleMatcher:
    """The line of the first rule whose ``match`` is in a row's description, vendor or account.

    An Aho-Corasick automaton finds every rule's text in the three texts in one pass, and the
    lowest rule number among those found wins: the rule that trying them in order would give
    (300 rules tried one by one were three quarters of reading a 1M-row ledger)."""

    def __init__(self, rules: list[MappingRule]):
        self.rule_lines: list[str | None] = [rule.line for rule in rules] + [None]
        # An empty text is in every row: no rule after it is ever reached.
        self.nowhere = next((n for n, rule in enumerate(rules) if not rule.match), len(rules))
        self.first: dict[str, int] = {}  # each rule text, by the number of its first rule
        first = self.first
        for number, rule in enumerate(rules[: self.nowhere]):
            first.setdefault(rule.match, number)
        # Joins the texts; in no rule's text, so no match can span two of them.
        self.separator = next(
            ch
            for ch in map(chr, count())
            if ch.casefold() == ch and not any(ch in match for match in first)
        )
        self.automaton = None
        if first:
            self.automaton = ahocorasick.Automaton()
            for match, number in first.items():
                self.automaton.add_word(match, number)
            self.automaton.make_automaton()

    def line(self, texts: list[str]) -> str | None:
        return self.rule_lines[next(self._firsts([self.separator.join(texts)]))]

    def _firsts(self, texts: Iterable[str]) -> Iterator[int]:
        """For each text, the number of the first rule found in it, past the last rule when
        none is; in C loops, with no Python call per text (a third of the rules' time)."""
        if self.automaton is None:
            return (self.nowhere for _ in texts)
        found = map(self.automaton.iter, map(str.casefold, texts))  # (end, rule number)s
        numbers = map(map, repeat(itemgetter(1)), found)
        return map(min, map(chain, numbers, repeat((self.nowhere,))))


@cache
def folds_apart() -> str:
    """A regular expression of the characters whose lower case is not their case fold
    (``ß``, ``ς``, ligatures; ``Σ``, which polars lowers to ``ς`` at a word's end)."""
    odd = ["Σ"]
    for start in range(0, 0x10000, 256):  # blocks alike whole are alike char by char
        block = "".join(map(chr, range(start, start + 256)))
        if block.casefold() != block.lower():
            odd += [ch for ch in block if ch.casefold() != ch.lower()]
    return "[" + "".join(f"\\x{{{ord(ch):x}}}" for ch in odd) + "]"
