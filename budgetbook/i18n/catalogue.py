"""Where a language's words come from: gettext catalogues, one per language, under ``locale/``.

English is the source language: its words are the messages written in the code (a `Text`'s
template, a `Labels` field). Every other language is a catalogue, ``locale/LANG/LC_MESSAGES/
budgetbook.po``, compiled to ``.mo`` by Babel (``make catalogues``, see `catalogues`), so a
new language is a new catalogue and no code. Numbers, dates and currencies are written the
language's way from Babel's locale data (`formats`)."""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path

DOMAIN = "budgetbook"
LOCALE_DIR = Path(__file__).parent / "locale"
SOURCE_LANGUAGE = "en"


def N_(message: str) -> str:
    """Marks a message to translate where it is stored, to be translated where it is shown."""
    return message


def NC_(context: str, message: str) -> str:
    """`N_` for a message whose words depend on where it is shown (its context)."""
    return message


@cache
def languages() -> tuple[str, ...]:
    """English and every language with a compiled catalogue (looked for once a run)."""
    compiled = LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.mo")
    return (SOURCE_LANGUAGE, *sorted(path.parent.parent.name for path in compiled))


@cache
def translations(language: str) -> gettext.NullTranslations:
    """The language's catalogue; English (and a language without one) is the source words."""
    if language == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[language], fallback=True)
