"""What the terminal says, per language: the summaries of build, check, update and handoff,
with amounts and months written the way each language writes them."""

from __future__ import annotations

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
    nothing_new: str
    updated: str
    handoff_written: str
    handoff_next: str
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
    labels: dict[str, str]  # a summary row's label, by key; the rows' values line up after them
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
    counted="{counted} of {rows} finance rows",
    not_read="{file}: {reason}",
    not_counted="{rows}",
    listed_on=", listed with file, row and reason on sheet '{sheet}'",
    side_file=(
        "{count} transactions are more than the Actuals sheet holds ([workbook]"
        " actuals_sheet_max = {limit}): it lists one total per line and month, and the"
        " transactions are in {path}"
    ),
    metrics="{file} ({kind}): {count} monthly figures",
    columns_not_read="columns not read: {columns}",
    nothing_new="Nothing new for {book}: every file given is already in it.",
    updated="Updated {book} (the previous version is kept as {backup})",
    handoff_written=(
        "Wrote {path}: {lines} budget lines to choose from, dates from {first} to {last}."
    ),
    handoff_next=(
        "Send it to finance; once filled in, put it in the project's actuals/ folder and build"
        " again, or run: budgetbook update BOOK.xlsx {name}"
    ),
    labels={
        "plan": "Budget",
        "counted": "Counted",
        "not_read": "Not read",
        "not_counted": "Not counted",
        "side_file": "Actuals",
        "metrics": "Metrics",
        "planned": "Planned",
        "actual": "Actual",
        "remaining": "Remaining",
    },
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
    counted="{counted} lignes comptables sur {rows}",
    not_read="{file} : {reason}",
    not_counted="{rows}",
    listed_on=", listées avec fichier, ligne et motif sur la feuille « {sheet} »",
    side_file=(
        "{count} dépenses dépassent ce que la feuille des dépenses contient ([workbook]"
        " actuals_sheet_max = {limit}) : elle donne un total par poste et par mois, et les"
        " dépenses sont dans {path}"
    ),
    metrics="{file} ({kind}) : {count} chiffres mensuels",
    columns_not_read="colonnes non lues : {columns}",
    nothing_new="Rien de nouveau pour {book} : chaque fichier donné y est déjà.",
    updated="{book} mis à jour (la version précédente est gardée sous {backup})",
    handoff_written=(
        "Écrit {path} : {lines} postes budgétaires au choix, dates du {first} au {last}."
    ),
    handoff_next=(
        "Envoyez-le à la comptabilité ; une fois rempli, placez-le dans le dossier actuals/"
        " du projet et reconstruisez, ou lancez : budgetbook update CLASSEUR.xlsx {name}"
    ),
    labels={
        "plan": "Budget",
        "counted": "Comptées",
        "not_read": "Non lu",
        "not_counted": "Non comptées",
        "side_file": "Dépenses",
        "metrics": "Indicateurs",
        "planned": "Prévu",
        "actual": "Réel",
        "remaining": "Reste",
    },
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
