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
    converted: str
    vat_removed: str
    vat_added: str
    from_currency: str
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
    file: str
    files: str
    figure: str
    figures: str
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

    def files_of(self, number: int) -> str:
        return (self.file if number == 1 else self.files).format(n=self.count(number))

    def figures_of(self, number: int) -> str:
        return (self.figure if number == 1 else self.figures).format(n=self.count(number))

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
    metrics="{file} ({kind}): {figures}",
    converted="{rows} brought to the budget's basis: {how}",
    vat_removed="VAT of {amount} removed from {rows}",
    vat_added="VAT of {amount} added to {rows}",
    from_currency="{rows} from {currency}",
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
        "read_as": "Read as",
        "converted": "Converted",
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
    file="{n} file",
    files="{n} files",
    figure="{n} monthly figure",
    figures="{n} monthly figures",
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
    metrics="{file} ({kind}) : {figures}",
    converted="{rows} ramenées à la base du budget : {how}",
    vat_removed="TVA de {amount} retirée de {rows}",
    vat_added="TVA de {amount} ajoutée à {rows}",
    from_currency="{rows} en {currency}",
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
        "read_as": "Lus comme",
        "converted": "Converties",
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
    file="{n} fichier",
    files="{n} fichiers",
    figure="{n} chiffre mensuel",
    figures="{n} chiffres mensuels",
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
        "other account": "autre compte",
        "no exchange rate": "sans taux de change",
        "no VAT rate": "sans taux de TVA",
        "not completed": "non exécuté",
        "heading": "titre",
    },
    thousands="\u00a0",
    decimal=",",
)

MESSAGES = {"en": ENGLISH, "fr": FRENCH}


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
        try:
            return _Localised(language).vformat(template, (), self.params)
        except (KeyError, IndexError, ValueError):  # a translation naming a value not given
            return str(self)


def _text(template: str, params: dict[str, object]) -> Text:
    return Text(template, **params)


class Translated(str):
    """A value whose words differ by language but come from data, not from a template (a
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


# English template -> French template. A template missing here is shown in English.
FRENCH_ERRORS: dict[str, str] = {
    # How a problem is laid out: file, row, column, value, then what is wrong and what to do.
    "{where}: {message}": "{where} : {message}",
    "row {row}": "ligne {row}",
    "column '{column}'": "colonne '{column}'",
    "value {value}": "valeur {value}",
    "In French: {names}.": "Noms acceptés : {all}.",
    "{english}. In French: {french}": "{french} (en anglais : {english})",
    "Use one of: {values}.": "Utilisez l'une de ces valeurs : {values}.",
    "Error: 1 problem to fix:": "Erreur : 1 problème à corriger :",
    "Error: {count} problems to fix:": "Erreur : {count} problèmes à corriger :",
    "Error: {error}": "Erreur : {error}",
    "{file}: {reason}.": "{file} : {reason}.",
    "Error: budgetbook failed unexpectedly ({kind}: {error}). Run again with"
    " BUDGETBOOK_DEBUG=1 for details, and please report it.": (
        "Erreur : budgetbook a échoué de façon inattendue ({kind} : {error}). Relancez avec"
        " BUDGETBOOK_DEBUG=1 pour le détail, et signalez-le s'il vous plaît."
    ),
    # Any table
    "not found.": "introuvable.",
    "is not a project folder.": "n'est pas un dossier de projet.",
    "Run 'budgetbook init DIR' to make one.": (
        "Lancez 'budgetbook init DOSSIER' pour en créer un."
    ),
    "and {name} both exist.": "et {name} existent tous les deux.",
    "Keep only one of them.": "N'en gardez qu'un.",
    "Add {csv} or {xlsx} to the project.": "Ajoutez {csv} ou {xlsx} au projet.",
    "has the same content as {file}.": "a le même contenu que {file}.",
    "Remove one.": "Retirez-en un.",
    "the column '{name}' is missing.": "la colonne '{name}' manque.",
    "Columns are: {columns}.": "Les colonnes sont : {columns}.",
    "has more than {rows:,} rows, the limit.": "a plus de {rows:,} lignes, la limite.",
    "Split it by period, or raise [limits] rows in budgetbook.toml.": (
        "Découpez-le par période, ou relevez [limits] rows dans budgetbook.toml."
    ),
    "is {size:,.0f} MB, above the limit of {limit:,} MB.": (
        "fait {size:,.0f} Mo, au-delà de la limite de {limit:,} Mo."
    ),
    "Split it by period, or raise [limits] file_mb in budgetbook.toml.": (
        "Découpez-le par période, ou relevez [limits] file_mb dans budgetbook.toml."
    ),
    "cannot be read: {reason}.": "ne peut pas être lu : {reason}.",
    "{path}: cannot be written ({reason}).": "{path} : ne peut pas être écrit ({reason}).",
    # Why the system refused a file, by errno (budgetbook/errors.py, OS_ERRORS)
    "No such file or directory": "fichier ou dossier introuvable",
    "Permission denied": "permission refusée",
    "Operation not permitted": "opération non permise",
    "Is a directory": "c'est un dossier",
    "Not a directory": "un élément du chemin n'est pas un dossier",
    "No space left on device": "plus de place sur le disque",
    "Read-only file system": "système de fichiers en lecture seule",
    "File exists": "le fichier existe déjà",
    "File name too long": "nom de fichier trop long",
    "Device or resource busy": "périphérique ou ressource occupé",
    "Too many levels of symbolic links": "trop de niveaux de liens symboliques",
    "Input/output error": "erreur d'entrée-sortie",
    "Invalid argument": "argument invalide",
    "Too many open files": "trop de fichiers ouverts",
    "File too large": "fichier trop volumineux",
    "Check its name.": "Vérifiez son nom.",
    "is empty: it has no header row.": "est vide : il n'a pas de ligne d'en-tête.",
    "row {row}, named as the header row, is empty.": (
        "la ligne {row}, désignée comme ligne d'en-tête, est vide."
    ),
    "is not a CSV table: it is {kind}.": "n'est pas un tableau CSV : c'est {kind}.",
    "an .xlsx workbook or another zip archive": "un classeur .xlsx ou une autre archive zip",
    "If it is a workbook, name it .xlsx.": "Si c'est un classeur, nommez-le en .xlsx.",
    "an old Excel file (.xls)": "un ancien fichier Excel (.xls)",
    "Open it and save it as CSV or .xlsx.": "Ouvrez-le et enregistrez-le en CSV ou en .xlsx.",
    "a PDF document": "un document PDF",
    "Ask finance for a CSV or .xlsx export.": (
        "Demandez à la comptabilité un export CSV ou .xlsx."
    ),
    "a binary file (it holds NUL bytes)": "un fichier binaire (il contient des octets NUL)",
    "a binary file (it holds control characters)": (
        "un fichier binaire (il contient des caractères de contrôle)"
    ),
    "Ask for a CSV or .xlsx export of it.": "Demandez-en un export CSV ou .xlsx.",
    "row {row} holds a cell of more than {limit:,} characters; a finance export's cells hold a"
    " few hundred.": (
        "la ligne {row} contient une cellule de plus de {limit:,} caractères ; les cellules"
        " d'un export comptable en contiennent quelques centaines."
    ),
    "Check the quotes around that row, or raise [limits] cell_chars in budgetbook.toml.": (
        "Vérifiez les guillemets autour de cette ligne, ou relevez [limits] cell_chars dans"
        " budgetbook.toml."
    ),
    "is not a readable CSV file: {error}.": "n'est pas un fichier CSV lisible : {error}.",
    "Export it again as CSV or .xlsx.": "Exportez-le de nouveau en CSV ou en .xlsx.",
    "is not a readable .xlsx workbook ({error}).": (
        "n'est pas un classeur .xlsx lisible ({error})."
    ),
    "Open it in Excel or LibreOffice and save it again, or export it as CSV.": (
        "Ouvrez-le dans Excel ou LibreOffice et enregistrez-le de nouveau, ou exportez-le en CSV."
    ),
    # An .xlsx refused before it is read (budgetbook/read/safezip.py)
    "Check the file's name and rights.": "Vérifiez le nom du fichier et ses droits.",
    "is a password-protected workbook, which budgetbook cannot open.": (
        "est un classeur protégé par mot de passe, que budgetbook ne peut pas ouvrir."
    ),
    "Open it in Excel, remove the password (File > Info > Protect Workbook) and save it again"
    " as .xlsx.": (
        "Ouvrez-le dans Excel, retirez le mot de passe (Fichier > Informations > Protéger le"
        " classeur) et enregistrez-le de nouveau en .xlsx."
    ),
    "is an old binary Excel file (.xls), not an .xlsx workbook.": (
        "est un ancien fichier Excel binaire (.xls), pas un classeur .xlsx."
    ),
    "Open it in Excel or LibreOffice and save it as .xlsx (or export it as CSV).": (
        "Ouvrez-le dans Excel ou LibreOffice et enregistrez-le en .xlsx (ou exportez-le en CSV)."
    ),
    "is not an .xlsx workbook (it is not a zip archive).": (
        "n'est pas un classeur .xlsx (ce n'est pas une archive zip)."
    ),
    "Save it from Excel or LibreOffice as .xlsx, or export it as CSV.": (
        "Enregistrez-le depuis Excel ou LibreOffice en .xlsx, ou exportez-le en CSV."
    ),
    "is a damaged .xlsx archive ({error}).": "est une archive .xlsx endommagée ({error}).",
    "Ask for the file again, or open it in Excel and save it again.": (
        "Redemandez le fichier, ou ouvrez-le dans Excel et enregistrez-le de nouveau."
    ),
    "holds {count:,} archive entries; a workbook holds a few dozen.": (
        "contient {count:,} entrées d'archive ; un classeur en contient quelques dizaines."
    ),
    "It is not a spreadsheet budgetbook can read; ask for a CSV export.": (
        "Ce n'est pas un tableur que budgetbook sait lire ; demandez un export CSV."
    ),
    "holds an archive entry with an unsafe path ({name}).": (
        "contient une entrée d'archive au chemin dangereux ({name})."
    ),
    "It is not a genuine workbook; ask for the file again or a CSV export.": (
        "Ce n'est pas un vrai classeur ; redemandez le fichier ou un export CSV."
    ),
    "is a zip archive but not an Excel workbook (no xl/workbook.xml).": (
        "est une archive zip mais pas un classeur Excel (pas de xl/workbook.xml)."
    ),
    "would unpack to more than {size:,.0f} MB, above the limit of {limit:,.0f} MB (a zip bomb,"
    " or a far larger workbook than a budget needs).": (
        "se décompresserait en plus de {size:,.0f} Mo, au-delà de la limite de {limit:,.0f} Mo"
        " (une bombe zip, ou un classeur bien plus grand qu'un budget n'en demande)."
    ),
    "Ask finance for a CSV export of the rows you need; if the file is genuine, raise [limits]"
    " unpacked_mb in budgetbook.toml.": (
        "Demandez à la comptabilité un export CSV des lignes utiles ; si le fichier est"
        " authentique, relevez [limits] unpacked_mb dans budgetbook.toml."
    ),
    "uses a compression method ({method}) that Excel does not write.": (
        "utilise une méthode de compression ({method}) qu'Excel n'écrit pas."
    ),
    "Open it in Excel or LibreOffice and save it again as .xlsx.": (
        "Ouvrez-le dans Excel ou LibreOffice et enregistrez-le de nouveau en .xlsx."
    ),
    "has a sheet ({name}) whose cells reach row {row:,} and column {column:,}: {cells:,} cells"
    " from A1, above the limit of {limit:,}.": (
        "a une feuille ({name}) dont les cellules vont jusqu'à la ligne {row:,} et la colonne"
        " {column:,} : {cells:,} cellules depuis A1, au-delà de la limite de {limit:,}."
    ),
    "Delete the stray cells far below or right of the data and save again, or export the sheet"
    " as CSV; if it is genuine, raise [limits] cells in budgetbook.toml.": (
        "Supprimez les cellules égarées loin sous les données ou à leur droite et enregistrez"
        " de nouveau, ou exportez la feuille en CSV ; si elle est authentique, relevez [limits]"
        " cells dans budgetbook.toml."
    ),
    "holds an entry ({name}) that unpacks more than {ratio} times its packed size: a zip bomb,"
    " not a spreadsheet.": (
        "contient une entrée ({name}) qui se décompresse à plus de {ratio} fois sa taille"
        " compressée : une bombe zip, pas un tableur."
    ),
    "Ask for the file again, or a CSV export.": "Redemandez le fichier, ou un export CSV.",
    "declares XML entities in {name} (an XML entity bomb); Excel never writes them.": (
        "déclare des entités XML dans {name} (une bombe d'entités XML) ; Excel n'en écrit jamais."
    ),
    # budgetbook.toml
    "is not UTF-8 text ({reason}).": "n'est pas du texte UTF-8 ({reason}).",
    "Run 'budgetbook init DIR' to start a project.": (
        "Lancez 'budgetbook init DOSSIER' pour commencer un projet."
    ),
    "is not valid TOML: {error}.": "n'est pas du TOML valide : {error}.",
    "the key '{key}' is required.": "la clé '{key}' est obligatoire.",
    "unknown key.": "clé inconnue.",
    "Did you mean '{key}'?": "Vouliez-vous dire '{key}' ?",
    "Known keys: {keys}.": "Clés connues : {keys}.",
    "should be a [section].": "devrait être une [section].",
    "should be a {kind}.": "devrait être {kind}.",
    "text": "un texte",
    "whole number": "un nombre entier",
    "list of texts": "une liste de textes",
    "table of texts": "une table de textes",
    "table of whole numbers": "une table de nombres entiers",
    "is not an ISO currency code.": "n'est pas un code de devise ISO.",
    "Use three letters such as EUR, USD or GBP.": "Utilisez trois lettres comme EUR, USD ou GBP.",
    "is not a month.": "n'est pas un mois.",
    'Write it as YYYY-MM, for example "2026-01".': (
        'Écrivez-le en AAAA-MM, par exemple "2026-01".'
    ),
    "must be between 1 and 120.": "doit être entre 1 et 120.",
    "is not a carry-over policy.": "n'est pas une règle de report.",
    "is not a supported language.": "n'est pas une langue prise en charge.",
    'Use "en" or "fr".': 'Utilisez "en" ou "fr".',
    "is not understood.": "n'est pas compris.",
    'Use ",", ";", "tab" or "|".': 'Utilisez ",", ";", "tab" ou "|".',
    'Use an encoding name such as "utf-8" or "cp1252".': (
        'Utilisez un nom d\'encodage comme "utf-8" ou "cp1252".'
    ),
    'Use "," or ".".': 'Utilisez "," ou ".".',
    'Use "dd/mm/yyyy" or "mm/dd/yyyy" (ISO dates are always read).': (
        'Utilisez "dd/mm/yyyy" ou "mm/dd/yyyy" (les dates ISO sont toujours lues).'
    ),
    "Use the row number of the header, 1 for the first row.": (
        "Indiquez le numéro de la ligne d'en-tête, 1 pour la première ligne."
    ),
    "should be a whole number above zero.": "devrait être un nombre entier supérieur à zéro.",
    "Write a whole number, e.g. 1000: the largest size or count allowed.": (
        "Écrivez un nombre entier, par exemple 1000 : la taille ou le nombre le plus grand permis."
    ),
    "is not a usable number.": "n'est pas un nombre utilisable.",
    "Write a whole number, e.g. 10000.": "Écrivez un nombre entier, par exemple 10000.",
    "A sheet holds at most {largest:,} rows below its header; write that or less.": (
        "Une feuille contient au plus {largest:,} lignes sous son en-tête ; écrivez ce nombre"
        " ou moins."
    ),
    # budget.csv
    "unknown column.": "colonne inconnue.",
    "this month is outside the budget period ({first} to {last}).": (
        "ce mois est hors de la période du budget ({first} à {last})."
    ),
    "Change [budget] start or months in budgetbook.toml, or remove it.": (
        "Modifiez [budget] start ou months dans budgetbook.toml, ou retirez la colonne."
    ),
    "has no month column.": "n'a aucune colonne de mois.",
    "Add columns such as 2026-01.": "Ajoutez des colonnes comme 2026-01.",
    "this line name is already used on row {row}.": (
        "ce nom de poste est déjà pris à la ligne {row}."
    ),
    "Line names must be unique; rename one of them.": (
        "Chaque poste a un nom unique ; renommez l'un des deux."
    ),
    "has no budget line.": "n'a aucun poste budgétaire.",
    "Add one row per line.": "Ajoutez une ligne par poste.",
    "this row has more cells than the header's {count} columns.": (
        "cette ligne a plus de cellules que les {count} colonnes de l'en-tête."
    ),
    "Quote values that contain the separator, or remove the extra cells.": (
        "Mettez entre guillemets les valeurs qui contiennent le séparateur, ou retirez les"
        " cellules en trop."
    ),
    "the category is empty.": "la catégorie est vide.",
    "the line name is empty.": "le nom du poste est vide.",
    "a line name cannot start with = + - @ < > or contain * ? ~, which spreadsheet formulas"
    " read as operators.": (
        "un nom de poste ne peut pas commencer par = + - @ < > ni contenir * ? ~, que les"
        " formules des tableurs lisent comme des opérateurs."
    ),
    "Use one of: {values}; blank means the budgetbook.toml default.": (
        "Utilisez l'une de ces valeurs : {values} ; vide, c'est celle de budgetbook.toml."
    ),
    "is not an amount.": "n'est pas un montant.",
    "Write a number such as 1200 or 1200.50, or leave it blank for 0.": (
        "Écrivez un nombre comme 1200 ou 1200,50, ou laissez vide pour 0."
    ),
    # mapping.csv and finance's files
    "the match text is empty.": "le texte à chercher est vide.",
    "no budget line has this name.": "aucun poste budgétaire ne porte ce nom.",
    "Use a line name exactly as in the budget file.": (
        "Écrivez le nom du poste exactement comme dans le fichier du budget."
    ),
    "has no column '{title}', which budgetbook.toml names as {name} in {where}.": (
        "n'a pas de colonne '{title}', que budgetbook.toml désigne par {name} dans {where}."
    ),
    "Its columns are: {titles}.": "Ses colonnes sont : {titles}.",
    "no column holds {what}.": "aucune colonne ne donne {what}.",
    "the date": "la date",
    "the amount": "le montant",
    "the line": "le poste budgétaire",
    "Its columns are: {titles}. Name the right one in budgetbook.toml:"
    ' [[actuals.sources]] files = "{file}" columns = {{ {name} = "..." }}{rules}.': (
        "Ses colonnes sont : {titles}. Nommez la bonne dans budgetbook.toml :"
        ' [[actuals.sources]] files = "{file}" columns = {{ {name} = "..." }}{rules}.'
    ),
    ", or add mapping.csv rules": ", ou ajoutez des règles dans mapping.csv",
    # objectives.csv, roadmap.csv, calendar.csv, kpis.csv, operations.csv
    "is not a date.": "n'est pas une date.",
    "is not a number.": "n'est pas un nombre.",
    "is not a known metric.": "n'est pas un indicateur connu.",
    "is not a known status.": "n'est pas un statut connu.",
    "Write it as YYYY-MM-DD or DD/MM/YYYY.": "Écrivez-la en AAAA-MM-JJ ou JJ/MM/AAAA.",
    "Write it as YYYY-MM-DD.": "Écrivez-la en AAAA-MM-JJ.",
    "the objective is empty.": "l'objectif est vide.",
    "this objective is already on row {row}.": "cet objectif est déjà à la ligne {row}.",
    "Objectives are named uniquely, so initiatives can point to one.": (
        "Chaque objectif a un nom unique, pour que les initiatives puissent y renvoyer."
    ),
    "the channel is empty.": "le canal est vide.",
    "Name the channel, e.g. Instagram.": "Nommez le canal, par exemple Instagram.",
    "Write a number such as 8400 or 2.5.": "Écrivez un nombre comme 8400 ou 2,5.",
    "equals the baseline, so progress cannot be measured.": (
        "est égale à la valeur de départ, la progression ne peut donc pas être mesurée."
    ),
    "Columns are: initiative, objective, owner, start, end or duration, status.": (
        "Les colonnes sont : initiative, objectif, responsable, début, fin ou durée, statut."
    ),
    "the initiative is empty.": "l'initiative est vide.",
    "Name it, e.g. 'Audit the profile'.": "Nommez-la, par exemple 'Auditer le profil'.",
    "no objective of objectives.csv has this name.": (
        "aucun objectif de objectives.csv ne porte ce nom."
    ),
    "Use an objective's name exactly as in objectives.csv, or leave it empty.": (
        "Écrivez le nom d'un objectif exactement comme dans objectives.csv, ou laissez vide."
    ),
    "neither an end date nor a duration is given.": "ni date de fin ni durée ne sont données.",
    "Give one: e.g. 2026-03-31 in 'end', or '3 weeks' in 'duration'.": (
        "Donnez l'une des deux : par exemple 31/03/2026 dans 'fin', ou '3 semaines' dans 'durée'."
    ),
    "is not a duration.": "n'est pas une durée.",
    "Write a number and a unit: '10 days', '1 week', '3 months' (or 'jours', 'semaines',"
    " 'mois').": (
        "Écrivez un nombre et une unité : '10 jours', '1 semaine', '3 mois' (ou 'days', 'weeks',"
        " 'months')."
    ),
    "ends on {day}, but the end column says {end}.": (
        "finit le {day}, mais la colonne de fin dit le {end}."
    ),
    "Give an end date or a duration, not both.": (
        "Donnez une date de fin ou une durée, pas les deux."
    ),
    "is before the start ({start}).": "est avant le début ({start}).",
    "Swap the dates, or fix the end.": "Inversez les dates, ou corrigez la fin.",
    "is not a share done.": "n'est pas une part réalisée.",
    "Write a percentage between 0 % and 100 %, e.g. 40 %.": (
        "Écrivez un pourcentage entre 0 % et 100 %, par exemple 40 %."
    ),
    "Columns are: {columns} (time and campaign optional).": (
        "Les colonnes sont : {columns} ({time} et {campaign} facultatives)."
    ),
    "is not a time of day.": "n'est pas une heure.",
    "Write it as HH:MM, e.g. 18:30.": "Écrivez-la en HH:MM, par exemple 18:30.",
    "the platform is empty.": "la plateforme est vide.",
    "Name it, e.g. Instagram.": "Nommez-la, par exemple Instagram.",
    "Columns are: {columns} (one metric of one channel per row).": (
        "Les colonnes sont : {columns} (un indicateur d'un canal par ligne)."
    ),
    "Write it as YYYY-MM, e.g. 2026-03.": "Écrivez-le en AAAA-MM, par exemple 2026-03.",
    "Name it as in budget.csv, e.g. Instagram.": (
        "Nommez-le comme dans budget.csv, par exemple Instagram."
    ),
    "Write a number such as 1200 or 3.5.": "Écrivez un nombre comme 1200 ou 3,5.",
    "{channel} {metric} for {month} is already given on row {row}.": (
        "{channel} {metric} pour {month} est déjà donné à la ligne {row}."
    ),
    "Keep one value per month, channel and metric.": (
        "Gardez une valeur par mois, canal et indicateur."
    ),
    "the operation has no name.": "l'opération n'a pas de nom.",
    "Name it, e.g. 'Spring giveaway'.": "Nommez-la, par exemple 'Jeu-concours de printemps'.",
    "is not a known objective type.": "n'est pas un type d'objectif connu.",
    "the lever is empty.": "le levier est vide.",
    "Name it, e.g. 'Instagram ads' or 'newsletter'.": (
        "Nommez-le, par exemple 'Publicités Instagram' ou 'newsletter'."
    ),
    "Write a number such as 1500 or 1438.90.": "Écrivez un nombre comme 1500 ou 1438,90.",
    # Ad-platform exports (metrics/); more at the end of these templates
    "this {kind} export has no column giving each row's day or month, so its figures cannot"
    " be put in months.": (
        "cet export {kind} n'a pas de colonne donnant le jour ou le mois de chaque ligne : ses"
        " chiffres ne peuvent pas être rangés par mois."
    ),
    "Correct the figure, or leave the cell empty when there is none.": (
        "Corrigez le chiffre, ou laissez la cellule vide quand il n'y en a pas."
    ),
    "Dates are read like 2026-10-31, 31/10/2026 or Oct 31, 2026; months like October 2026 or"
    " 2026-10.": (
        "Les dates se lisent comme 31/10/2026, 2026-10-31 ou Oct 31, 2026 ; les mois comme"
        " octobre 2026 ou 2026-10."
    ),
    "Export with the breakdown by platform for every row, or without it.": (
        "Exportez avec la ventilation par plateforme pour toutes les lignes, ou sans elle."
    ),
    "gives {channel} {metric} for {month}, which kpis.csv gives too.": (
        "donne {channel} {metric} pour {month}, que kpis.csv donne aussi."
    ),
    "Keep the figure in one place, or it would count twice.": (
        "Gardez le chiffre à un seul endroit, sinon il compterait deux fois."
    ),
    # Writing a workbook, init, update, export
    "{book}: it is open in Excel or LibreOffice ({lock} exists); close it and try again.": (
        "{book} : il est ouvert dans Excel ou LibreOffice ({lock} existe) ; fermez-le et réessayez."
    ),
    "{folder}: no such folder for {name}.": (
        "{folder} : ce dossier n'existe pas ; {name} ne peut pas y être écrit."
    ),
    "{output}: cannot write here ({reason}).": "{output} : impossible d'écrire ici ({reason}).",
    "{output}: cannot write it ({reason}).": "{output} : impossible de l'écrire ({reason}).",
    "{path}: already exists; init never overwrites files. Choose an empty or new folder.": (
        "{path} : existe déjà ; init n'écrase jamais un fichier. Choisissez un dossier vide ou"
        " nouveau."
    ),
    "{book}: no such workbook.": "{book} : ce classeur n'existe pas.",
    "{book}: not a workbook made by budgetbook (no '{sheet}' sheet); make one with budgetbook"
    " build.": (
        "{book} : ce n'est pas un classeur fait par budgetbook (pas de feuille '{sheet}') ;"
        " faites-en un avec budgetbook build."
    ),
    "{book}: is not a readable .xlsx workbook ({error}).": (
        "{book} : n'est pas un classeur .xlsx lisible ({error})."
    ),
    "{book}: its '{sheet}' sheet was not written by budgetbook.": (
        "{book} : sa feuille '{sheet}' n'a pas été écrite par budgetbook."
    ),
    "{book} (its settings)": "{book} (ses réglages)",
    "{book}: its recorded settings cannot be read: {error}": (
        "{book} : ses réglages enregistrés ne peuvent pas être lus : {error}"
    ),
    "{book}: the sheet '{name}' is missing; build the workbook again.": (
        "{book} : la feuille '{name}' manque ; reconstruisez le classeur."
    ),
    "{book}: too many backups beside it; remove old ones.": (
        "{book} : trop de copies de sauvegarde à côté ; supprimez les anciennes."
    ),
    "{output}: is the workbook itself; name a .pdf file with -o.": (
        "{output} : c'est le classeur lui-même ; nommez un fichier .pdf avec -o."
    ),
    "{book}: is not a readable .xlsx workbook.": "{book} : n'est pas un classeur .xlsx lisible.",
    "{book}: no sheet named {listed}. Its sheets are: {available}.": (
        "{book} : aucune feuille nommée {listed}. Ses feuilles sont : {available}."
    ),
    "{book}: it has no Overview or Performance sheet; name sheets with --sheet (its sheets"
    " are: {available}).": (
        "{book} : il n'a ni feuille Synthèse ni feuille Performance ; nommez des feuilles avec"
        " --sheet (ses feuilles sont : {available})."
    ),
    "{book}: LibreOffice took too long to render it; try fewer sheets with --sheet.": (
        "{book} : LibreOffice a mis trop longtemps à le rendre ; essayez moins de feuilles avec"
        " --sheet."
    ),
    "LibreOffice is not installed (no soffice command), and budgetbook needs it to make a PDF:"
    " install libreoffice-calc-nogui (e.g. apt-get install libreoffice-calc-nogui), or open the"
    " workbook in Excel and print to PDF.": (
        "LibreOffice n'est pas installé (pas de commande soffice), et budgetbook en a besoin"
        " pour faire un PDF : installez libreoffice-calc-nogui (par exemple apt-get install"
        " libreoffice-calc-nogui), ou ouvrez le classeur dans Excel et imprimez-le en PDF."
    ),
    "LibreOffice is not installed (no soffice command). Install it, e.g. apt-get install"
    " libreoffice-calc-nogui.": (
        "LibreOffice n'est pas installé (pas de commande soffice). Installez-le, par exemple"
        " apt-get install libreoffice-calc-nogui."
    ),
    "{file}: LibreOffice could not convert it to {target} (exit {code}): {output}": (
        "{file} : LibreOffice n'a pas pu le convertir en {target} (code {code}) : {output}"
    ),
}
# Why a finance row was not counted: the Not counted sheet's reasons.
FRENCH_ERRORS |= {
    "same content as {file}, which is already counted": "même contenu que {file}, déjà compté",
    "a total row, not a transaction": "une ligne de total, pas une opération",
    "no date": "pas de date",
    "date not understood: {text}": "date non comprise : {text}",
    "date {day} is outside the budget period": "la date {day} est hors de la période du budget",
    "more cells than the header's {width} columns (an unquoted separator inside a value?)": (
        "plus de cellules que les {width} colonnes de l'en-tête (un séparateur sans guillemets"
        " dans une valeur ?)"
    ),
    "amount not understood: {text}": "montant non compris : {text}",
    "(blank)": "(vide)",
    "no budget line is named {name}": "aucun poste du budget ne s'appelle {name}",
    "no line given and no mapping rule matches": (
        "aucun poste indiqué, et aucune règle de mapping.csv ne s'applique"
    ),
}

# Sources: how each finance file is recognised and read (budgetbook/read/sources).
FRENCH_ERRORS |= {
    "is {kind}, not a file budgetbook reads.": "est {kind}, pas un fichier que budgetbook lit.",
    "Ask finance for a CSV or .xlsx export of it, or an FEC (.txt) from the accounting package.": (
        "Demandez à la comptabilité un export CSV ou .xlsx, ou un FEC (.txt) du logiciel comptable."
    ),
    "a {suffix} file": "un fichier {suffix}",
    "is not a readable {kind} statement: {reason}.": (
        "n'est pas un relevé {kind} lisible : {reason}."
    ),
    "Download it again from the bank, or ask for a CSV export.": (
        "Téléchargez-le à nouveau depuis la banque, ou demandez un export CSV."
    ),
    "no '!Type:' line and no record": "ni ligne '!Type:' ni enregistrement",
    "it holds no bank or card statement": "il ne contient aucun relevé de compte ni de carte",
    "transaction {number} is a {kind} of {amount}: its sign contradicts its type, so"
    " budgetbook cannot tell money out from money in.": (
        "l'opération {number} est un {kind} de {amount} : son signe contredit son type, et"
        " budgetbook ne peut pas distinguer les sorties des entrées d'argent."
    ),
    "row {row} holds a line end (a carriage return) outside quotes, inside a row.": (
        "la ligne {row} contient une fin de ligne (un retour chariot) hors guillemets, au"
        " milieu d'une ligne."
    ),
    "an OpenDocument spreadsheet (.ods)": "un classeur OpenDocument (.ods)",
    "[[actuals.sources]] number {number} (files = {files})": (
        "[[actuals.sources]] numéro {number} (files = {files})"
    ),
    "lines on class {digit} accounts ({what}), {count:,} in all: the other sides of the"
    " entries; only the lines on accounts {counted} count": (
        "lignes sur des comptes de classe {digit} ({what}), {count:,} en tout : les autres"
        " côtés des écritures ; seules les lignes des comptes {counted} sont comptées"
    ),
    "rows {first} to {last}": "lignes {first} à {last}",
    "rows {numbers}": "lignes {numbers}",
    # The sources' names (budgetbook/read/sources), as the summary shows them.
    "ledger or journal": "grand livre ou journal",
    "bank statement": "relevé bancaire",
    "FEC (French accounting entries file)": "FEC (fichier des écritures comptables)",
    "OFX bank statement": "relevé bancaire OFX",
    "QIF bank statement": "relevé bancaire QIF",
    "BoursoBank statement": "relevé BoursoBank",
    "Société Générale statement": "relevé Société Générale",
    "Société Générale statement (2019 layout)": "relevé Société Générale (format 2019)",
    "Crédit Agricole statement": "relevé Crédit Agricole",
    "Crédit Mutuel or CIC statement": "relevé Crédit Mutuel ou CIC",
    "Caisse d'Epargne or Banque Populaire statement": (
        "relevé Caisse d'Epargne ou Banque Populaire"
    ),
    "La Banque Postale statement": "relevé La Banque Postale",
    "Fortuneo statement": "relevé Fortuneo",
    "Qonto statement": "relevé Qonto",
    "Qonto statement (English)": "relevé Qonto (en anglais)",
    "Shine statement": "relevé Shine",
    "BNP Paribas statement": "relevé BNP Paribas",
    "N26 statement": "relevé N26",
    "Revolut statement": "relevé Revolut",
    "Pennylane general ledger": "grand livre Pennylane",
    "QuickBooks general ledger": "grand livre QuickBooks",
    "QuickBooks general ledger (2024 layout)": "grand livre QuickBooks (format 2024)",
    "Xero account transactions report": "rapport des mouvements de comptes Xero",
    "Expensify expense report": "note de frais Expensify",
    "Expensify expense report (New Expensify)": "note de frais Expensify (New Expensify)",
    "lines on the account '{account}', {count:,} in all: the other sides of the entries; only"
    " the lines on the accounts {counted} count": (
        "lignes sur le compte '{account}', {count:,} en tout : les autres côtés des écritures ;"
        " seules les lignes des comptes {counted} sont comptées"
    ),
    "account headings, {count:,} in all: titles, not transactions": (
        "titres de comptes, {count:,} en tout : des titres, pas des opérations"
    ),
    "is a {source}: it lists every side of each entry (the expense, the supplier, the bank),"
    " and budgetbook cannot tell which of its accounts are expenses.": (
        "est un {source} : il liste tous les côtés de chaque écriture (la charge, le"
        " fournisseur, la banque), et budgetbook ne peut pas savoir lesquels de ses comptes"
        " sont des charges."
    ),
    "Name the accounts that count in budgetbook.toml: [[actuals.sources]] files ="
    ' "{file}" and accounts = [...], among: {names}.': (
        "Nommez les comptes qui comptent dans budgetbook.toml : [[actuals.sources]] files ="
        ' "{file}" et accounts = [...], parmi : {names}.'
    ),
    "its state is {state}: not a completed payment": (
        "son statut est {state} : pas un paiement exécuté"
    ),
    "equity and loans": "capitaux et emprunts",
    "fixed assets": "immobilisations",
    "stocks": "stocks et en-cours",
    "suppliers, customers, VAT and other third parties": (
        "fournisseurs, clients, TVA et autres tiers"
    ),
    "bank and cash": "banque et caisse",
    "expenses": "charges",
    "revenue": "produits",
    "special accounts": "comptes spéciaux",
    "unknown class": "classe inconnue",
    "column '{header}' holds both positive and negative sums, most of them negative:"
    " budgetbook cannot tell which way it counts spending.": (
        "la colonne '{header}' contient des sommes positives et négatives, surtout négatives :"
        " budgetbook ne peut pas savoir dans quel sens elle compte les dépenses."
    ),
    "{negative:,} of its {total:,} amounts in column '{header}' are negative: in a bank"
    " statement money out is negative, in a ledger spending is positive, and budgetbook cannot"
    " tell which this file is.": (
        "{negative:,} de ses {total:,} montants de la colonne '{header}' sont négatifs : dans un"
        " relevé bancaire les sorties d'argent sont négatives, dans un grand livre les dépenses"
        " sont positives, et budgetbook ne peut pas savoir ce qu'est ce fichier."
    ),
    'Say it in budgetbook.toml: [[actuals.sources]] files = "{file}" and sign = "negative"'
    ' (money out is negative: a bank statement) or sign = "positive" (spending is positive:'
    " a ledger).": (
        'Précisez-le dans budgetbook.toml : [[actuals.sources]] files = "{file}" et sign ='
        ' "negative" (les sorties sont négatives : un relevé bancaire) ou sign = "positive"'
        " (les dépenses sont positives : un grand livre)."
    ),
    "should be a list of [[{key}]] tables.": "devrait être une liste de tables [[{key}]].",
    'Name the files it reads, e.g. files = "{example}".': (
        'Nommez les fichiers qu\'elle lit, par exemple files = "{example}".'
    ),
    "LCL statement": "relevé LCL",
    "Revolut statement (French)": "relevé Revolut (en français)",
    "Sage 100 accounting export (.pnm)": "export comptable Sage 100 (.pnm)",
    "is not a readable Sage .pnm export: line {line} is not an entry line of 110 characters.": (
        "n'est pas un export Sage .pnm lisible : la ligne {line} n'est pas une ligne d'écriture"
        " de 110 caractères."
    ),
    "writes its amounts without decimals ({example}): budgetbook cannot tell whether they are"
    " in cents or in whole units.": (
        "écrit ses montants sans décimales ({example}) : budgetbook ne peut pas savoir s'ils"
        " sont en centimes ou en unités."
    ),
    "Export the FEC from Sage instead (Fichier > Exporter > Fichier des écritures comptables):"
    " budgetbook reads it.": (
        "Exportez plutôt le FEC depuis Sage (Fichier > Exporter > Fichier des écritures"
        " comptables) : budgetbook le lit."
    ),
    "amount '{value}' reads as {comma} with a decimal comma and as {point} with a"
    " decimal point, and no other amount in the file tells which it uses.": (
        "le montant '{value}' se lit {comma} avec une virgule décimale et {point} avec un point"
        " décimal, et aucun autre montant du fichier ne dit lequel il emploie."
    ),
    'Say it in budgetbook.toml: [[actuals.sources]] files = "{file}" and'
    ' decimal_separator = "," or ".".': (
        'Précisez-le dans budgetbook.toml : [[actuals.sources]] files = "{file}" et'
        ' decimal_separator = "," ou ".".'
    ),
    "reads as {comma} with a decimal comma and as {point} with a decimal point, and no other"
    " amount in the budget tells which it uses.": (
        "se lit {comma} avec une virgule décimale et {point} avec un point décimal, et aucun"
        " autre montant du budget ne dit lequel il emploie."
    ),
    "Write it without the separator (1200) or with a space (1 200).": (
        "Écrivez-le sans séparateur (1200) ou avec une espace (1 200)."
    ),
    "Columns are category, line, channel, carry_over, vat (in French: catégorie, poste, canal,"
    " report, tva), then months as YYYY-MM.": (
        "Les colonnes sont catégorie, poste, canal, report, tva (en anglais : category, line,"
        " channel, carry_over, vat), puis les mois en AAAA-MM."
    ),
    "The budget's own currency needs no rate.": ("La devise du budget n'a pas besoin de taux."),
    'Use "excluded" (before tax, HT) or "included" (TTC).': (
        'Écrivez "excluded" (hors taxes, HT) ou "included" (TTC).'
    ),
    'Use "excluded" (the budget is before tax, HT) or "included" (TTC).': (
        'Écrivez "excluded" (le budget est hors taxes, HT) ou "included" (TTC).'
    ),
    "Use three capital letters such as USD or GBP.": (
        "Écrivez trois lettres majuscules, comme USD ou GBP."
    ),
    "Write it as a percent: 20 for 20 %, 5.5 for 5.5 %, 0 for none; blank for [budget] vat of"
    " budgetbook.toml.": (
        "Écrivez-le en pourcentage : 20 pour 20 %, 5.5 pour 5,5 %, 0 pour aucune ; vide pour"
        " [budget] vat de budgetbook.toml."
    ),
    "Write it as a percent: 20 for 20 %, 5.5 for 5.5 %.": (
        "Écrivez-le en pourcentage : 20 pour 20 %, 5.5 pour 5,5 %."
    ),
    "Write what one {code} is worth in {currency}, e.g. 0.92.": (
        "Écrivez ce que vaut un {code} en {currency}, par exemple 0.92."
    ),
    "an amount in {currency}, and budgetbook.toml gives no rate for {currency} in {month}: add"
    " one under [currency.rates]": (
        "un montant en {currency}, et budgetbook.toml ne donne pas de taux pour {currency} en"
        " {month} : ajoutez-en un sous [currency.rates]"
    ),
    "an amount that includes VAT, and the budget is before tax: give line {line} a vat in"
    " budget.csv, or set [budget] vat in budgetbook.toml": (
        "un montant TTC, et le budget est hors taxes : donnez une tva au poste {line} dans"
        " budget.csv, ou réglez [budget] vat dans budgetbook.toml"
    ),
    "an amount before tax, and the budget includes VAT: give line {line} a vat in budget.csv,"
    " or set [budget] vat in budgetbook.toml": (
        "un montant hors taxes, et le budget est TTC : donnez une tva au poste {line} dans"
        " budget.csv, ou réglez [budget] vat dans budgetbook.toml"
    ),
    "date '{value}' reads as {day_first} day first and as {month_first} month first, and no"
    " other date of the file tells which it uses.": (
        "la date '{value}' se lit {day_first} jour en premier et {month_first} mois en premier,"
        " et aucune autre date du fichier ne dit lequel il emploie."
    ),
    'Say it in budgetbook.toml: [[actuals.sources]] files = "{file}" and date_format ='
    ' "dd/mm/yyyy" or "mm/dd/yyyy".': (
        'Précisez-le dans budgetbook.toml : [[actuals.sources]] files = "{file}" et date_format'
        ' = "dd/mm/yyyy" ou "mm/dd/yyyy".'
    ),
    "{book}: budgetbook's record of where it put its sheets and lines is missing or damaged"
    " ({detail}); build the workbook again.": (
        "{book} : l'enregistrement de budgetbook indiquant où sont ses feuilles et ses postes"
        " manque ou est abîmé ({detail}) ; reconstruisez le classeur."
    ),
    "is not a VAT rate.": "n'est pas un taux de TVA.",
    "is not a rate.": "n'est pas un taux.",
}

# Ad-platform exports in metrics/ (budgetbook/read/metrics.py, read/sources/ads.py): a file
# not read, and what is left out of a file read.
FRENCH_ERRORS |= {
    "is not an export budgetbook can read metrics from: none of its first rows is the header"
    " of a report of {platforms} (its first row reads: {first}).": (
        "n'est pas un export dont budgetbook sait lire les indicateurs : aucune de ses"
        " premières lignes n'est l'en-tête d'un rapport de {platforms} (sa première ligne"
        " dit : {first})."
    ),
    "Export the campaign report from the ad platform as it comes (CSV or .xlsx), or write the"
    " metrics in kpis.csv.": (
        "Exportez le rapport de campagne depuis la plateforme publicitaire tel quel (CSV ou"
        " .xlsx), ou écrivez les indicateurs dans kpis.csv."
    ),
    "this {kind} report covers {first} to {last}, several months, and has no column giving"
    " each row's day or month, so its figures cannot be put in months.": (
        "ce rapport {kind} va du {first} au {last}, sur plusieurs mois, et n'a pas de colonne"
        " donnant le jour ou le mois de chaque ligne : ses chiffres ne peuvent pas être rangés"
        " par mois."
    ),
    "Download it by month: one report a month, or segmented by day or month ({how}).": (
        "Téléchargez-le par mois : un rapport par mois, ou segmenté par jour ou par mois ({how})."
    ),
    "Export it with a day or month column ({how}).": (
        "Exportez-le avec une colonne de jour ou de mois ({how})."
    ),
    "this {kind} export has no column giving each row's day or month, and its title lines"
    " give no period, so its figures cannot be put in months.": (
        "cet export {kind} n'a pas de colonne donnant le jour ou le mois de chaque ligne, et"
        " ses lignes de titre ne donnent pas de période : ses chiffres ne peuvent pas être"
        " rangés par mois."
    ),
    "this {kind} export has no {column} column, so budgetbook cannot tell which channel its"
    " rows are: Facebook, Instagram, or another of Meta's platforms.": (
        "cet export {kind} n'a pas de colonne {column} : budgetbook ne peut pas savoir de quel"
        " canal sont ses lignes, Facebook, Instagram ou une autre plateforme de Meta."
    ),
    'Name its channel in budgetbook.toml: [[metrics.sources]] files = "{file}" and channel ='
    ' "Instagram" (or "Facebook"), or export it with the breakdown by platform.': (
        'Nommez son canal dans budgetbook.toml : [[metrics.sources]] files = "{file}" et'
        ' channel = "Instagram" (ou "Facebook"), ou exportez-le avec la ventilation par'
        " plateforme."
    ),
    "its rows name their platform, which is their channel: the channel {channel} set for it in"
    " budgetbook.toml is not used.": (
        "ses lignes nomment leur plateforme, qui est leur canal : le canal {channel} donné pour"
        " lui dans budgetbook.toml n'est pas utilisé."
    ),
    "its headers name several currencies ({currencies}), so the currency of its conversion"
    " value is unknown: its revenue is not counted (its other figures are).": (
        "ses en-têtes nomment plusieurs devises ({currencies}) : la devise de sa valeur de"
        " conversion est inconnue, son chiffre d'affaires n'est pas compté (ses autres chiffres"
        " le sont)."
    ),
    "Export it in one currency, or write the revenue in kpis.csv.": (
        "Exportez-le dans une seule devise, ou écrivez le chiffre d'affaires dans kpis.csv."
    ),
    "its conversion value is in {code}, and budgetbook.toml gives no rate for {code} in"
    " {month}: the revenue of {channel} in {month} is not counted (its other figures are).": (
        "sa valeur de conversion est en {code}, et budgetbook.toml ne donne pas de taux pour"
        " {code} en {month} : le chiffre d'affaires de {channel} en {month} n'est pas compté"
        " (ses autres chiffres le sont)."
    ),
    "Add what one {code} is worth in {currency} under [currency.rates], e.g. {code} = 0.92.": (
        "Ajoutez ce que vaut un {code} en {currency} sous [currency.rates], par exemple"
        " {code} = 0.92."
    ),
    "its conversion value in {code} is counted in {currency}, at the rates of [currency.rates]"
    " ({months}).": (
        "sa valeur de conversion en {code} est comptée en {currency}, aux taux de"
        " [currency.rates] ({months})."
    ),
    "this date reads as two different days, day first and month first, and no other date of"
    " the file tells which it is.": (
        "cette date se lit comme deux jours différents, jour d'abord ou mois d'abord, et aucune"
        " autre date du fichier ne dit lequel."
    ),
    "Export the dates as 2026-10-31, or with the month in words.": (
        "Exportez les dates comme 2026-10-31, ou avec le mois en lettres."
    ),
    "this row has more cells than the header's {count} columns (an unquoted separator inside"
    " a value?).": (
        "cette ligne a plus de cellules que les {count} colonnes de l'en-tête (un séparateur"
        " sans guillemets dans une valeur ?)."
    ),
    "Export the file again as it comes from the platform.": (
        "Exportez à nouveau le fichier tel que la plateforme le donne."
    ),
    "the row has no date, so its month is unknown.": (
        "la ligne n'a pas de date, son mois est donc inconnu."
    ),
    "is not a date or a month.": "n'est ni une date ni un mois.",
    "this row covers {first} to {last}, more than one month, and its figures cannot be split"
    " between months.": (
        "cette ligne va du {first} au {last}, plus d'un mois, et ses chiffres ne peuvent pas"
        " être répartis entre les mois."
    ),
    "the platform is empty, so the channel is unknown.": (
        "la plateforme est vide, le canal est donc inconnu."
    ),
    "budgetbook cannot tell whether the results of rows with this indicator are conversions,"
    " so the conversions of their month and channel are not counted (the rows' other figures"
    " are).": (
        "budgetbook ne peut pas savoir si les résultats des lignes avec cet indicateur sont des"
        " conversions : les conversions de leur mois et de leur canal ne sont pas comptées"
        " (les autres chiffres de ces lignes le sont)."
    ),
    "Export the Purchases, Leads or Registrations completed columns, or add those conversions"
    " to kpis.csv by hand.": (
        "Exportez les colonnes Achats, Prospects ou Inscriptions terminées, ou ajoutez ces"
        " conversions à la main dans kpis.csv."
    ),
    "{count} more rows of the file cannot be read, like those listed.": (
        "{count} autres lignes du fichier ne peuvent pas être lues, comme celles listées."
    ),
    "the platform says its latest figures may be incomplete ({line}): they are counted as they"
    " are.": (
        "la plateforme dit que ses derniers chiffres peuvent être incomplets ({line}) : ils sont"
        " comptés tels quels."
    ),
    "Download it again once the period is over.": (
        "Téléchargez-le à nouveau une fois la période terminée."
    ),
    "{book}: it does not say where its sheets are (its hidden name {name} is missing or"
    " damaged); build the workbook again with budgetbook build.": (
        "{book} : il ne dit pas où sont ses feuilles (son nom masqué {name} manque ou est"
        " abîmé) ; reconstruisez le classeur avec budgetbook build."
    ),
}


TRANSLATIONS: dict[str, dict[str, str]] = {"fr": FRENCH_ERRORS}
