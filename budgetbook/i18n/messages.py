"""Sentences for the user in any language.

A sentence is a `Text`: its English template, which is its message id in the gettext
catalogues (`catalogue`), and the values that fill it. It reads as its English wording wherever
a str goes; `in_language` gives it in another language, from that language's catalogue. A
sentence about a count is a `Plural`, whose words follow the count by the language's rule."""

from __future__ import annotations

import string
from datetime import date
from decimal import Decimal

from budgetbook.i18n.catalogue import SOURCE_LANGUAGE, translations
from budgetbook.i18n.formats import formats


class Text(str):
    """A sentence for the user, English by default and in any language on demand.

    ``Text("is {size:,} MB.", size=1200)`` is the str ``is 1,200 MB.``; its
    ``in_language("fr")`` is ``fait 1 200 Mo.`` as the French catalogue says. The values are
    shown the language's way: numbers formatted with ``,`` take its separators, dates without
    a format its day format, and a value that is itself a Text (or has ``in_language``) is
    given in the same language. A template with no translation is used as it is, its values
    still translated."""

    template: str
    params: dict[str, object]

    def __new__(cls, template: str, **params: object) -> Text:
        text = super().__new__(cls, template.format(**params) if params else template)
        text.template, text.params = template, params
        return text

    def __reduce__(self):  # copies (dataclasses.asdict) keep the template and the values
        return Text._restored, (self.template, self.params)

    @staticmethod
    def _restored(template: str, params: dict[str, object]) -> Text:
        return Text(template, **params)

    def translated(self, language: str) -> str:
        """The template in ``language``, its values not yet filled in."""
        return translations(language).gettext(self.template) if self.template else ""

    def in_language(self, language: str) -> str:
        if language == SOURCE_LANGUAGE:
            return str(self)
        template = self.translated(language)
        if not self.params:
            return template
        try:
            return _Localised(language).vformat(template, (), self.params)
        except (KeyError, IndexError, ValueError):  # a translation naming a value not given
            return str(self)


class Plural(Text):
    """A sentence about a count ``n``, in the form its language's plural rule gives:
    ``Plural("{n:,} row", "{n:,} rows", n=1)`` is ``1 row``; in French, ``1 ligne`` and also
    ``0 ligne`` (French counts 0 as singular)."""

    other: str

    def __new__(cls, one: str, other: str, n: int, **params: object) -> Plural:
        text = super().__new__(cls, one if n == 1 else other, n=n, **params)
        text.template, text.other = one, other
        return text

    def __reduce__(self):
        params = {key: value for key, value in self.params.items() if key != "n"}
        return Plural._restored_plural, (self.template, self.other, self.params["n"], params)

    @staticmethod
    def _restored_plural(one: str, other: str, n: int, params: dict[str, object]) -> Plural:
        return Plural(one, other, n, **params)

    def translated(self, language: str) -> str:
        return translations(language).ngettext(self.template, self.other, self.params["n"])


class Translated(str):
    """A value whose words differ by language but come from data, not from a catalogue (a
    column's French name, from aliases.py); it reads as its English form."""

    forms: dict[str, str]

    def __new__(cls, forms: dict[str, str]) -> Translated:
        value = super().__new__(cls, forms["en"])
        value.forms = forms
        return value

    def __reduce__(self):
        return Translated, (self.forms,)

    def in_language(self, language: str) -> str:
        return self.forms.get(language, str(self))


class _Localised(string.Formatter):
    """Fills a template with values shown the way ``language`` writes them."""

    def __init__(self, language: str):
        self.language, self.formats = language, formats(language)

    def format_field(self, value: object, format_spec: str) -> str:
        if hasattr(value, "in_language"):
            return value.in_language(self.language)
        if isinstance(value, date) and not format_spec:
            return self.formats.day(value)
        if isinstance(value, int | float | Decimal) and "," in format_spec:
            return self.formats.number(value, format_spec)
        return super().format_field(value, format_spec)
