"""Keeping the catalogues: Babel extracts every message from the code into the template
(``locale/budgetbook.pot``), updates each language's ``.po`` from it, compiles the ``.mo``
files budgetbook reads, and checks that every message has its translation.

``make catalogues`` (``python -m budgetbook.i18n.catalogues``) does the first three; a
translator then fills in the new or changed messages of each ``.po`` and runs it again. A new
language: ``python -m budgetbook.i18n.catalogues --new LANG``, then translate its ``.po``."""

from __future__ import annotations

import argparse
import contextlib
import io
import string
import sys
from collections.abc import Iterator
from dataclasses import fields
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from budgetbook.i18n.catalogue import DOMAIN, LOCALE_DIR
from budgetbook.i18n.formats import DAY_CONTEXT, DAY_PATTERN
from budgetbook.i18n.labels import ENGLISH, Labels, label_context

PACKAGE = Path(__file__).parent.parent
TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"
# The functions whose arguments are messages, as Babel's keywords: position of the message (and
# of its plural, its context).
KEYWORDS = {"Text": None, "N_": None, "NC_": ((1, "c"), 2), "Plural": (1, 2)}
FIXED_DATE = datetime(2026, 1, 1, tzinfo=UTC)
WRITE = {"width": 100, "include_lineno": False, "sort_output": True, "ignore_obsolete": True}


def po_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(language: str) -> Path:
    return po_path(language).with_suffix(".mo")


def translated_languages() -> list[str]:
    return sorted(path.parent.parent.name for path in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def extract() -> Catalog:
    """Every message of the code: the Text, Plural, N_ and NC_ calls, the workbook's labels
    (each in the context of its field) and the day's date pattern."""
    template = Catalog(project="budgetbook", fuzzy=False)
    found = extract_from_dir(
        PACKAGE, [("**.py", "python")], keywords=KEYWORDS, comment_tags=("Translators:",)
    )
    # Babel warns of every f-string inside a Text(...) call, even one given as a value (month=
    # f"{day:%Y-%m}"), which is not a message: only its other warnings are shown.
    said = io.StringIO()
    with contextlib.redirect_stderr(said):
        found = list(found)
    for line in said.getvalue().splitlines():
        if "Skipping f-string" not in line:
            print(line, file=sys.stderr)
    for file, _line, message, comments, context in found:
        location = (f"budgetbook/{Path(file).as_posix()}", None)
        template.add(message, locations=[location], auto_comments=comments, context=context)
    labels = f"budgetbook/{Path(__file__).with_name('labels.py').relative_to(PACKAGE).as_posix()}"
    for context, message in _labels():
        template.add(message, locations=[(labels, None)], context=context)
    formats = "budgetbook/i18n/formats.py"
    template.add(DAY_PATTERN, locations=[(formats, None)], context=DAY_CONTEXT)
    return template


def _labels() -> Iterator[tuple[str, str]]:
    for field in fields(Labels):
        english = getattr(ENGLISH, field.name)
        words = (
            english.values()
            if isinstance(english, dict)
            else (english if isinstance(english, tuple) else (english,))
        )
        yield from ((label_context(field.name), word) for word in words if word)


def updated(language: str, template: Catalog) -> Catalog:
    """The language's catalogue with the template's messages: new ones untranslated, changed
    ones marked fuzzy with their former translation, removed ones dropped."""
    path = po_path(language)
    if path.exists():
        with path.open("rb") as file:
            catalogue = read_po(file, locale=language)
    else:
        catalogue = Catalog(locale=language, project="budgetbook", fuzzy=False)
    catalogue.update(template, update_header_comment=False)
    return catalogue


def po_bytes(catalogue: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalogue, **WRITE)
    return _without_dates(out.getvalue())


def mo_bytes(catalogue: Catalog) -> bytes:
    """The compiled catalogue, the same bytes for the same messages: its header's dates, which
    the .po does not keep, are fixed rather than the time of compiling."""
    catalogue.creation_date = catalogue.revision_date = FIXED_DATE
    out = io.BytesIO()
    write_mo(out, catalogue)
    return out.getvalue()


def _without_dates(po: bytes) -> bytes:
    """Header lines that change on every run (creation and revision dates) are dropped, so an
    unchanged catalogue is written byte for byte as it was."""
    lines = po.split(b"\n")
    return b"\n".join(
        line for line in lines if not line.startswith((b'"POT-Creation-Date', b'"PO-Revision-Date'))
    )


def read(language: str) -> Catalog:
    with po_path(language).open("rb") as file:
        return read_po(file, locale=language)


def problems(language: str) -> list[str]:
    """What keeps a catalogue from being used: messages untranslated or fuzzy, a
    translation naming a value its message does not give. (Babel's own checks are for
    %-formats; the messages are str.format templates.)"""
    out = []
    for message in read(language):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        name = f"{language}: {ids[0]!r}" + (f" ({message.context})" if message.context else "")
        if message.fuzzy or not all(strings):
            out.append(f"{name}: not translated")
            continue
        # A value the message's translator comment names may be used too.
        given = set().union(*map(_placeholders, (*ids, *message.auto_comments)))
        for text in strings:
            if extra := _placeholders(text) - given:
                out.append(f"{name}: names {sorted(extra)}, which the message does not give")
    return out


def _placeholders(template: str) -> set[str]:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(template) if name}
    except ValueError:
        return {"(a stray brace)"}


def write_all(new_language: str | None = None) -> None:
    template = extract()
    TEMPLATE.write_bytes(po_bytes(template))
    for language in sorted({*translated_languages(), *filter(None, [new_language])}):
        catalogue = updated(language, template)
        po_path(language).parent.mkdir(parents=True, exist_ok=True)
        po_path(language).write_bytes(po_bytes(catalogue))
        mo_path(language).write_bytes(mo_bytes(read(language)))
        for problem in problems(language):
            print(problem)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--new", metavar="LANG", help="start the catalogue of a new language")
    write_all(parser.parse_args().new)


if __name__ == "__main__":
    main()
