"""What the terminal says, per language: the summaries of build, check, update and handoff,
with amounts and months written the way each language writes them."""

from __future__ import annotations

import string
from dataclasses import dataclass
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class Messages:
    built: str
    valid: str
    plan: str
    counted: str
    not_read: str
    not_counted: str
    listed_on: str
    side_file: str
    metrics: str
    columns_not_read: str
    totals: str
    nothing_new: str
    updated: str
    handoff_written: str
    handoff_next: str
    kind_line: str
    created: str
    edit_then_build: str
    exported: str
    page: str
    pages: str
    reading: str  # progress steps
    writing: str
    saving: str
    row: str
    rows: str
    percent: str
    day_format: str
    months: tuple[str, ...]
    kinds: dict[str, str]  # a not-counted row's short reason, as the readers give it in English
    thousands: str
    decimal: str

    def amount(self, value: Decimal, currency: str) -> str:
        """``27,451.59 EUR`` in English, ``27 451,59 EUR`` in French."""
        text = f"{value:,.2f}".replace(",", "\0").replace(".", self.decimal)
        return f"{text.replace(chr(0), self.thousands)} {currency}"

    def count(self, number: int) -> str:
        return f"{number:,}".replace(",", self.thousands)

    def rows_of(self, number: int) -> str:
        return (self.row if number == 1 else self.rows).format(n=self.count(number))

    def pages_of(self, number: int) -> str:
        return (self.page if number == 1 else self.pages).format(n=self.count(number))

    def month(self, first_day: date) -> str:
        return f"{self.months[first_day.month - 1]} {first_day.year}"

    def share(self, value: Decimal) -> str:
        return f"{value * 100:.1f}".replace(".", self.decimal) + self.percent

    def day(self, value: date) -> str:
        return value.strftime(self.day_format)

    def kind(self, kind: str) -> str:
        return self.kinds.get(kind, kind)


ENGLISH = Messages(
    built="Built {path}",
    valid="Project {root} is valid.",
    plan="{lines} budget lines in {categories} categories, {months} months ({first} – {last})",
    counted="Counted {counted} of {rows} finance rows: {amount}",
    not_read="Not read: {file}: {reason}",
    not_counted="Not counted {rows}: {amount}",
    listed_on=", listed with file, row and reason on sheet '{sheet}'",
    side_file=(
        "{count} transactions are more than the Actuals sheet holds ([workbook]"
        " actuals_sheet_max = {limit}): it lists one total per line and month, and the"
        " transactions are in {path}"
    ),
    metrics="Metrics from {file} ({kind}): {count} monthly figures",
    columns_not_read="columns not read: {columns}",
    totals="Planned {planned}, actual {actual}{share}, remaining {remaining}",
    nothing_new="Nothing new for {book}: every file given is already in it.",
    updated="Updated {book} (the previous version is kept as {backup})",
    handoff_written=(
        "Wrote {path}: {lines} budget lines to choose from, dates from {first} to {last}."
    ),
    handoff_next=(
        "Send it to finance; once filled in, put it in the project's actuals/ folder and build"
        " again, or run: budgetbook update BOOK.xlsx {name}"
    ),
    kind_line="    {kind}: {rows}, {amount}",
    created="Created {folder} with {count} files:",
    edit_then_build="Edit them, then run: budgetbook build {folder}",
    exported="Exported {sheets} to {path} ({pages})",
    page="{n} page",
    pages="{n} pages",
    reading="Reading {name}",
    writing="Writing {name}",
    saving="Saving the workbook",
    row="{n} row",
    rows="{n} rows",
    percent="%",
    day_format="%Y-%m-%d",
    months=("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    kinds={},
    thousands=",",
    decimal=".",
)

FRENCH = Messages(
    built="Classeur écrit : {path}",
    valid="Le projet {root} est valide.",
    plan=(
        "{lines} postes budgétaires dans {categories} catégories, {months} mois ({first} – {last})"
    ),
    counted="{counted} lignes comptables comptées sur {rows} : {amount}",
    not_read="Non lu : {file} : {reason}",
    not_counted="Non comptées : {rows}, {amount}",
    listed_on=", listées avec fichier, ligne et motif sur la feuille « {sheet} »",
    side_file=(
        "{count} dépenses dépassent ce que la feuille des dépenses contient ([workbook]"
        " actuals_sheet_max = {limit}) : elle donne un total par poste et par mois, et les"
        " dépenses sont dans {path}"
    ),
    metrics="Indicateurs de {file} ({kind}) : {count} chiffres mensuels",
    columns_not_read="colonnes non lues : {columns}",
    totals="Prévu {planned}, réel {actual}{share}, reste {remaining}",
    nothing_new="Rien de nouveau pour {book} : chaque fichier donné y est déjà.",
    updated="{book} mis à jour (la version précédente est gardée sous {backup})",
    handoff_written=(
        "Écrit {path} : {lines} postes budgétaires au choix, dates du {first} au {last}."
    ),
    handoff_next=(
        "Envoyez-le à la comptabilité ; une fois rempli, placez-le dans le dossier actuals/"
        " du projet et reconstruisez, ou lancez : budgetbook update CLASSEUR.xlsx {name}"
    ),
    kind_line="    {kind} : {rows}, {amount}",
    created="Dossier {folder} créé avec {count} fichiers :",
    edit_then_build="Modifiez-les, puis lancez : budgetbook build {folder}",
    exported="Exporté : {sheets} dans {path} ({pages})",
    page="{n} page",
    pages="{n} pages",
    reading="Lecture de {name}",
    writing="Écriture de {name}",
    saving="Enregistrement du classeur",
    row="{n} ligne",
    rows="{n} lignes",
    percent="\u00a0%",
    day_format="%d/%m/%Y",
    months=(
        "janv.",
        "févr.",
        "mars",
        "avr.",
        "mai",
        "juin",
        "juil.",
        "août",
        "sept.",
        "oct.",
        "nov.",
        "déc.",
    ),
    kinds={
        "no line": "sans poste",
        "outside the period": "hors de la période",
        "no date": "sans date",
        "date not understood": "date illisible",
        "amount not understood": "montant illisible",
        "unknown line": "poste inconnu",
        "shifted row": "ligne décalée",
        "total row": "ligne de total",
        "file sent twice": "fichier envoyé deux fois",
        "unreadable file": "fichier illisible",
    },
    thousands="\u00a0",
    decimal=",",
)

MESSAGES = {"en": ENGLISH, "fr": FRENCH}
LANGUAGES = tuple(MESSAGES)


# --- Errors: every text a user reads when something is wrong, in each language -------------
#
# An error's text is a `Text`: its English template (the key, as gettext's msgid) and the
# values that fill it. It reads as its English wording wherever a str goes; `in_language`
# gives it in another language, from the templates below, each French one beside its English.


class Text(str):
    """A sentence for the user, English by default and in any language on demand.

    ``Text("is {size:,} MB.", size=1200)`` is the str ``is 1,200 MB.``; its
    ``in_language("fr")`` is ``fait 1 200 Mo.`` when the French templates say so. The values
    are shown the language's way: numbers formatted with ``,`` take its separators, dates
    without a format its day format, and a value that is itself a Text (or has
    ``in_language``) is given in the same language. A template with no translation is used as
    it is, its values still translated."""

    template: str
    params: dict[str, object]

    def __new__(cls, template: str, **params: object) -> Text:
        text = super().__new__(cls, template.format(**params) if params else template)
        text.template, text.params = template, params
        return text

    def __reduce__(self):  # copies (dataclasses.asdict) keep the template and the values
        return _text, (self.template, self.params)

    def in_language(self, language: str) -> str:
        if language == "en":
            return str(self)
        template = TRANSLATIONS.get(language, {}).get(self.template, self.template)
        if not self.params:
            return template
        return _Localised(language).vformat(template, (), self.params)


def _text(template: str, params: dict[str, object]) -> Text:
    return Text(template, **params)


class _Localised(string.Formatter):
    """Fills a template with values shown the way ``language`` writes them."""

    def __init__(self, language: str):
        self.language, self.words = language, MESSAGES[language]

    def format_field(self, value: object, format_spec: str) -> str:
        if hasattr(value, "in_language"):
            return value.in_language(self.language)
        if isinstance(value, date) and not format_spec:
            return self.words.day(value)
        if isinstance(value, int | float | Decimal) and "," in format_spec:
            shown = format(value, format_spec).replace(",", "\0").replace(".", self.words.decimal)
            return shown.replace("\0", self.words.thousands)
        return super().format_field(value, format_spec)


FRENCH_ERRORS: dict[str, str] = {}
TRANSLATIONS: dict[str, dict[str, str]] = {"fr": FRENCH_ERRORS}
