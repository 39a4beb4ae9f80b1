"""Names a formula matches as a SUMIFS or COUNTIFS criterion: an operation's lever, a post's
platform (and a budget line's name, through `read/budget.py`).

Every spreadsheet engine reads some characters of a criterion as operators (``= < >`` and
their kin at its start) or wildcards (``* ? ~``), and matches it without case, so such a name
would match other rows than its own once recalculated, while the value budgetbook cached looks
right. Such names are refused where they are read, all with one message; and two spellings
the engines would take for one name are refused unless they are the same but for case, which
the engines and budgetbook both read as one name."""

from __future__ import annotations

import re
import unicodedata

from budgetbook.i18n.messages import Text

CRITERIA_START = tuple("=+-@<>")
CRITERIA_CHARS = re.compile(r"[*?~]")


def criterion_refusal(what: Text) -> Text:
    """Why a name (``what``: a line name, a lever, a platform) cannot be a criterion."""
    return Text(
        "{what} cannot start with = + - @ < > or contain * ? ~, which spreadsheet formulas read"
        " as operators.",
        what=what,
    )


def refused_as_criterion(name: str) -> bool:
    return name.startswith(CRITERIA_START) or CRITERIA_CHARS.search(name) is not None


def matching_key(name: str) -> str:
    """A name as the engines compare criteria, or closer: without case and width, a dotless
    ı as i (LibreOffice matches Lıne with Line). Two names with one key are one name to a
    formula; budgetbook refuses them unless they differ only by Python's case folding."""
    folded = unicodedata.normalize("NFKC", name).casefold()
    return folded.replace("ı", "i").replace("i\u0307", "i")  # İ folds to i and a dot above


def merged_spelling(name: str, seen: dict[str, str]) -> Text | None:
    """Why ``name`` is refused when a spelling met before (``seen``: matching key -> first
    spelling) is one name to formulas but two to budgetbook, or None; records ``name``."""
    first = seen.setdefault(matching_key(name), name)
    if first.casefold() == name.casefold():
        return None
    return Text(
        "is one name with '{other}', written so elsewhere, to spreadsheet formulas, which would"
        " count the two together.",
        other=first,
    )


def criterion_problem(name: str, what: Text, seen: dict[str, str]) -> tuple[Text, Text] | None:
    """What is wrong with ``name`` as a criterion, and what to do, or None."""
    if refused_as_criterion(name):
        return criterion_refusal(what), Text("Rename it without those characters.")
    if (merged := merged_spelling(name, seen)) is not None:
        return merged, Text("Write it the same way everywhere, or name the two apart.")
    return None
