"""Errors a user can act on: each names the file, and where there is one the row, column, value.

Their texts are `Text`s (budgetbook/i18n/messages.py): English wherever they are read as str, and
given in the user's language where they are shown (`in_language`, the CLI)."""

from __future__ import annotations

import errno
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from budgetbook.i18n.messages import Text, Translated
from budgetbook.read.aliases import column_names, french_name


@dataclass(frozen=True)
class Problem:
    """One bad thing found in the input, located precisely enough to fix it."""

    file: str
    message: str  # a Text, so that it can be shown in any language
    row: int | None = None
    column: str | None = None
    value: str | None = None
    hint: str | None = None  # a Text too

    def __str__(self) -> str:
        return self.in_language("en")

    def in_language(self, language: str) -> str:
        """``budget.csv, row 3, column 'line', value 'Canva': ...`` in ``language``."""
        where = [self.file]
        if self.row is not None:
            where.append(Text("row {row}", row=self.row))
        if self.column is not None:
            where.append(Text("column '{column}'", column=self.column))
        if self.value is not None:
            where.append(Text("value {value}", value=_show(self.value)))
        shown = ", ".join(in_language(part, language) for part in where)
        text = Text("{where}: {message}", where=shown, message=self.message)
        if self.hint:
            text = Text("{text} {hint}", text=text, hint=self.hint)
        return in_language(text, language)

    def record(self, language: str = "en") -> dict[str, object]:
        """The problem as --json gives it, its texts in ``language``."""
        return {
            "file": in_language(self.file, language),
            "message": in_language(self.message, language),
            "row": self.row,
            "column": self.column,
            "value": self.value,
            "hint": None if self.hint is None else in_language(self.hint, language),
        }


def missing_columns(file: str, names: Iterable[str], hint: str | None = None) -> list[Problem]:
    """One problem per absent column, on the header row, worded alike in every reader; the
    hint adds the column's French names, for a user who wrote the others in French."""
    problems = []
    for name in names:
        parts = name.split(" or ")
        others = [other for part in parts for other in column_names(part, file)[1:]]
        french = (
            # Translators: {all} is every name the column is read by, English ones too.
            Text("In French: {names}.", names=", ".join(others), all=", ".join(others + parts))
            if others
            else None
        )
        both = hint and french and Text("{hint} {french}", hint=hint, french=french)
        problems.append(
            Problem(file, column_missing(name, file), row=1, hint=both or hint or french)
        )
    return problems


def column_missing(name: str, file: str) -> Text:
    """``the column 'line' is missing.``; in French the column is named in French (``poste``),
    ``name`` may be ``end or duration``."""
    parts = name.split(" or ")
    french = Translated({"en": name, "fr": " ou ".join(french_name(part, file) for part in parts)})
    return Text("the column '{name}' is missing.", name=french)


def _show(value: str) -> str:
    shown = value if len(value) <= 60 else value[:57] + "..."
    return repr(shown)


# The file errors people meet, by errno, worded as Linux words them: the OS's own text is in
# English whatever the user's language, so a message names the error by its number and takes
# its words from the templates, in French as in English.
OS_ERRORS: dict[int, Text] = {
    errno.ENOENT: Text("No such file or directory"),
    errno.EACCES: Text("Permission denied"),
    errno.EPERM: Text("Operation not permitted"),
    errno.EISDIR: Text("Is a directory"),
    errno.ENOTDIR: Text("Not a directory"),
    errno.ENOSPC: Text("No space left on device"),
    errno.EROFS: Text("Read-only file system"),
    errno.EEXIST: Text("File exists"),
    errno.ENAMETOOLONG: Text("File name too long"),
    errno.EBUSY: Text("Device or resource busy"),
    errno.ELOOP: Text("Too many levels of symbolic links"),
    errno.EIO: Text("Input/output error"),
    errno.EINVAL: Text("Invalid argument"),
    errno.EMFILE: Text("Too many open files"),
    errno.EFBIG: Text("File too large"),
}


def os_reason(exc: OSError) -> str:
    """Why the system refused a file: ``No such file or directory``, in French ``fichier ou
    dossier introuvable``; an error not listed above as the system words it."""
    return OS_ERRORS.get(exc.errno) or exc.strerror or str(exc)


def in_language(text: str, language: str) -> str:
    """A text in ``language``; a plain str (made by a caller without a Text) as it is."""
    return text.in_language(language) if hasattr(text, "in_language") else str(text)


class BudgetbookError(Exception):
    """Any failure budgetbook reports to a user as a message rather than a traceback.

    Its message is a Text (or a plain str); ``language`` is the project's or the workbook's
    once it is known (see `speaking`), which the CLI shows it in unless --lang says otherwise."""

    language: str | None = None

    def in_language(self, language: str) -> str:
        return in_language(self.args[0], language) if self.args else ""


def not_written(exc: OSError, path: object) -> BudgetbookError:
    """A file or folder the system would not let budgetbook write, ``path`` being the one it
    was writing when the error names none."""
    return BudgetbookError(
        Text(
            "{path}: cannot be written ({reason}).",
            path=exc.filename or path,
            reason=os_reason(exc),
        )
    )


class InputErrors(BudgetbookError):
    """Every problem found in a project, gathered so the user sees them all at once."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def in_language(self, language: str) -> str:
        return "\n".join(problem.in_language(language) for problem in self.problems)


class UnreadableFile(InputErrors):
    """A file refused whole before its rows are read (binary, damaged, a zip bomb, beyond a
    limit): a build lists it as not counted; an update refuses it."""


@contextmanager
def speaking(language: str) -> Iterator[None]:
    """Errors raised inside are told in ``language``, unless they already know their own."""
    try:
        yield
    except BudgetbookError as exc:
        if exc.language is None:
            exc.language = language
        raise
