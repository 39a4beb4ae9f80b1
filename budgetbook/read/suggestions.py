"""The name a person most likely meant, for a "did you mean": line names, column titles and
settings keys are compared as people type them, whatever dash, quote, accent, space or case
they used, so "Meta ads - Instagram" finds "Meta ads – Instagram".

A suggestion is only ever a hint: nothing is counted or read under a name it suggests."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable

from budgetbook.i18n.messages import Text

# Every dash and minus to "-", every single quote and apostrophe to "'", every double quote
# (guillemets too) to '"'.
_FOLDED = str.maketrans(
    {
        **dict.fromkeys("‐‑‒–—―−⁃﹘﹣－", "-"),
        **dict.fromkeys("‘’‚‛′`´ʼ＇", "'"),
        **dict.fromkeys("“”„‟″«»＂", '"'),
    }
)
_SPACES = re.compile(r"[\s_]+")
# How alike two folded names must be (difflib's ratio) for one to be suggested for the other.
LIKENESS = 0.7


def folded(name: str) -> str:
    """``name`` as it is compared for a suggestion: case, accents, the kind of dash or quote,
    and spaces (and underscores, which stand for them in keys) left out."""
    text = unicodedata.normalize("NFKD", name.translate(_FOLDED))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _SPACES.sub("", text.casefold())


class Suggestions:
    """The known names, folded once, so that each name not found (a ledger may name the same
    wrong line on thousands of rows) is looked up at the cost of one comparison pass."""

    def __init__(self, known: Iterable[str]):
        self.by_fold: dict[str, str] = {}
        for name in known:
            self.by_fold.setdefault(folded(name), name)
        self.found: dict[str, str | None] = {}

    def closest(self, given: str) -> str | None:
        """The known name ``given`` most likely means, or None when none is close: the one
        that folds alike, else the most alike, if alike enough."""
        if given not in self.found:
            key = folded(given)
            match = self.by_fold.get(key)
            if match is None and key:
                close = difflib.get_close_matches(key, list(self.by_fold), n=1, cutoff=LIKENESS)
                match = self.by_fold[close[0]] if close else None
            self.found[given] = match if match != given else None
        return self.found[given]


def closest(given: str, known: Iterable[str]) -> str | None:
    """The name of ``known`` that ``given`` most likely means (`Suggestions.closest`)."""
    return Suggestions(known).closest(given)


def did_you_mean(name: str) -> Text:
    """The hint that names the suggestion, worded alike wherever one is made."""
    return Text("Did you mean '{key}'?", key=name)
