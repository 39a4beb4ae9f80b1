"""A French project's errors are in French: every problem's message, hint and location words
(ligne, colonne, valeur), the CLI's own lines and --json; English output stays as it was."""

from __future__ import annotations

import errno
import json
import os
import re
import sys
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from budgetbook.cli import main
from budgetbook.commands.build import build_workbook
from budgetbook.errors import OS_ERRORS, Problem, os_reason
from budgetbook.i18n.catalogues import read as read_catalogue
from budgetbook.i18n.messages import Text
from budgetbook.read import sources
from tests import hostile
from tests.conftest import write_csv, write_project
from tests.spoiled_inputs import CASES as ENGLISH_CASES
from tests.spoiled_inputs import GOOD_LINE, LEDGER, edit_toml

PACKAGE = Path(__file__).parent.parent / "budgetbook"
MONTHS = ["2026-01", "2026-02", "2026-03", "2026-04"]


def _lines(path: Path, rows: int) -> None:
    write_csv(
        path, [["mois", "canal", "indicateur", "valeur"]] + [["2026-01", "X", "portée", 1]] * rows
    )


# Bad inputs beyond the English cases, written as a French user writes them: (file, row,
# column, value) of each problem, the column named as the header names it.
FRENCH_CASES = {
    "budget in French": (
        lambda root: write_csv(
            root / "budget.csv",
            [
                ["catégorie", "poste", "canal", "report", *MONTHS],
                ["Outils", "Canva", "", "parfois", "12", "abc", "12", "12"],
                ["Outils", "", "", "", "1", "1", "1", "1"],
            ],
        ),
        [
            ("budget.csv", 2, "report", "parfois"),
            ("budget.csv", 2, "2026-02", "abc"),
            ("budget.csv", 3, "poste", None),
        ],
    ),
    "budget without its line column": (
        lambda root: write_csv(
            root / "budget.csv", [["catégorie", "canal", *MONTHS], ["Outils", "", 1, 1, 1, 1]]
        ),
        [("budget.csv", 1, None, None)],
    ),
    "mapping in French": (
        lambda root: write_csv(
            root / "mapping.csv", [["texte", "poste"], ["adobe", "Photoshop"], ["", "Canva"]]
        ),
        [("mapping.csv", 2, "poste", "Photoshop"), ("mapping.csv", 3, "texte", None)],
    ),
    "mapping without columns": (
        lambda root: write_csv(root / "mapping.csv", [["a", "b"], ["adobe", "Canva"]]),
        [("mapping.csv", 1, None, None), ("mapping.csv", 1, None, None)],
    ),
    "roadmap in French": (
        lambda root: write_csv(
            root / "roadmap.csv",
            [
                ["initiative", "début", "fin", "durée", "statut"],
                ["Audit", "01/03/2026", "", "trois semaines", "en cours"],
                ["Posts", "01/03/2026", "31/03/2026", "2 semaines", "peut-être"],
                ["", "pas une date", "", "", ""],
            ],
        ),
        [
            ("roadmap.csv", 2, "durée", "trois semaines"),
            ("roadmap.csv", 3, "durée", "2 semaines"),
            ("roadmap.csv", 3, "statut", "peut-être"),
            ("roadmap.csv", 4, "initiative", ""),
            ("roadmap.csv", 4, "début", "pas une date"),
            ("roadmap.csv", 4, "fin", ""),
        ],
    ),
    "calendar in French": (
        lambda root: write_csv(
            root / "calendar.csv",
            [["date", "heure", "plateforme"], ["02/01/2026", "25h", ""], ["31/02/2026", "9h", "X"]],
        ),
        [
            ("calendar.csv", 2, "heure", "25h"),
            ("calendar.csv", 2, "plateforme", ""),
            ("calendar.csv", 3, "date", "31/02/2026"),
        ],
    ),
    "kpis without a column": (
        lambda root: write_csv(
            root / "kpis.csv", [["mois", "canal", "valeur"], ["2026-01", "X", 1]]
        ),
        [("kpis.csv", 1, None, None)],
    ),
    "kpis given twice": (
        lambda root: write_csv(
            root / "kpis.csv",
            [
                ["mois", "canal", "indicateur", "valeur"],
                ["2026-01", "Instagram", "portée", "1 200"],
                ["2026-01", "Instagram", "portée", "1 300"],
                ["janvier", "", "fans", "x"],
            ],
        ),
        [
            ("kpis.csv", 3, "valeur", "1 300"),
            ("kpis.csv", 4, "mois", "janvier"),
            ("kpis.csv", 4, "canal", ""),
            ("kpis.csv", 4, "indicateur", "fans"),
            ("kpis.csv", 4, "valeur", "x"),
        ],
    ),
    "objectives in French": (
        lambda root: write_csv(
            root / "objectives.csv",
            [
                ["objectif", "canal", "indicateur", "base", "cible", "échéance"],
                ["Grandir", "Instagram", "abonnés", "100", "100", "30/06/2026"],
                ["Grandir", "", "abonnés", "cent", "200", "bientôt"],
            ],
        ),
        [
            ("objectives.csv", 2, "cible", "100"),
            ("objectives.csv", 3, "objectif", "Grandir"),
            ("objectives.csv", 3, "canal", ""),
            ("objectives.csv", 3, "base", "cent"),
            ("objectives.csv", 3, "échéance", "bientôt"),
        ],
    ),
    "operations in French": (
        lambda root: write_csv(
            root / "operations.csv",
            [
                ["opération", "type d'objectif", "levier", "budget", "coût", "objectif"],
                ["", "notoriété", "", "mille", "1", "1"],
            ],
        ),
        [  # a header that differs from the name only by its accents is named without them
            ("operations.csv", 2, "operation", ""),
            ("operations.csv", 2, "type d'objectif", "notoriété"),
            ("operations.csv", 2, "levier", ""),
            ("operations.csv", 2, "budget", "mille"),
        ],
    ),
    "no budget file": (
        lambda root: (root / "budget.csv").unlink(),
        [("budget.csv", None, None, None)],
    ),
    "budget as csv and xlsx": (
        lambda root: (root / "budget.xlsx").write_bytes(b""),
        [("budget.csv", None, None, None)],
    ),
    "binary table": (
        lambda root: hostile.nul_bytes(root / "kpis.csv"),
        [("kpis.csv", None, None, None)],
    ),
    "workbook that is no zip": (
        lambda root: hostile.random_bytes(root / "objectives.xlsx"),
        [("objectives.xlsx", None, None, None)],
    ),
    "password-protected workbook": (
        lambda root: hostile.ole2(root / "roadmap.xlsx", encrypted=True),
        [("roadmap.xlsx", None, None, None)],
    ),
    "more rows than the limit": (
        lambda root: (
            edit_toml(root, "[budget]", "[limits]\nrows = 1000\n\n[budget]"),
            _lines(root / "kpis.csv", 1001),
        ),
        [("kpis.csv", None, None, None)],
    ),
}
CASES = {**ENGLISH_CASES, **FRENCH_CASES}


def _french_project(root: Path, case: str) -> Path:
    write_project(root, [GOOD_LINE], LEDGER)
    edit_toml(root, "[company]", 'language = "fr"\n\n[company]')
    CASES[case][0](root)
    return root


# --- "no English left": the words of the English templates that no French one uses ----------


def _words(text: str) -> set[str]:
    return {word.casefold() for word in re.findall(r"[A-Za-z]+", text)}


def _template_words(template: str) -> set[str]:
    return _words(re.sub(r"\{[^}]*\}", " ", template))


def _french_catalogue() -> dict[str, str]:
    """Each English sentence of the messages (not the workbook's labels) and its French; a
    plural's forms each beside the French form that says the same."""
    french = {}
    for message in read_catalogue("fr"):
        if not message.id or message.context:
            continue
        if isinstance(message.id, tuple):  # French forms: one, many (millions), other
            french |= {message.id[0]: message.string[0], message.id[1]: message.string[-1]}
        else:
            french[message.id] = message.string
    return french


FRENCH = _french_catalogue()
ENGLISH_ONLY = set().union(*map(_template_words, FRENCH)) - set().union(
    *map(_template_words, FRENCH.values())
)
# What a French message quotes on purpose: the user's own text in quotes, the English names of
# values and columns offered beside the French ones, the columns a finance file has.
QUOTED = re.compile(
    r"(?<![^\W\d_])'[^']*'(?![^\W\d_])|\"[^\"]*\""  # quotes, not elisions (n'est)
    r"|\(en anglais : [^)]*\)|Noms acceptés : [^.]*\.|Ses colonnes sont : [^.]*\."
    r"|\[[a-z_.]+\]( [a-z_]+)?"  # a key of budgetbook.toml: [actuals.columns] amount
    r'|[a-z_.]+ = (\{[^}]*\}|"[^"]*")'  # a setting: columns = { amount = "..." }
)


def english_left(text: str, *also_quoted: str) -> set[str]:
    for quoted in also_quoted:
        text = text.replace(quoted, " ")
    return _words(QUOTED.sub(" ", text)) & ENGLISH_ONLY


def test_the_check_knows_english_when_it_sees_it():
    assert {"row", "column", "value", "is", "not", "the", "missing"} <= ENGLISH_ONLY
    assert english_left("budget.csv, row 2: is not an amount.") == {
        "row", "is", "not", "an", "amount",
    }  # fmt: skip
    assert english_left("budget.csv, ligne 2, valeur 'is not' : n'est pas un montant.") == set()
    assert english_left("budget.csv : n'est pas the amount d'un poste") == {"the", "amount"}


FRENCH_LINE = re.compile(
    r"^  (?P<file>[\w./-]+)(, ligne (?P<row>\d+))?(, colonne '(?P<column>.+?)'(?=, valeur| : ))?"
    r"(, valeur (?P<value>'.*'))? : \S"
)


@pytest.mark.parametrize("case", CASES)
def test_a_french_project_gets_every_problem_in_french(case, tmp_path):
    root = _french_project(tmp_path / "projet", case)
    expected = CASES[case][1]
    result = CliRunner().invoke(main, ["check", str(root)])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    heading, *lines = result.stderr.splitlines()
    count = len(expected)
    assert heading == (
        "Erreur : 1 problème à corriger :"
        if count == 1
        else f"Erreur : {count} problèmes à corriger :"
    )
    assert len(lines) == count
    for line, (file, row, column, value) in zip(lines, expected, strict=True):
        found = FRENCH_LINE.match(line)
        assert found, line
        assert found["file"] == file
        assert found["row"] == (None if row is None else str(row))
        assert found["column"] == column
        if value is not None:
            assert found["value"] == repr(value)
        assert not english_left(line, str(tmp_path), file), line


@pytest.mark.parametrize("case", CASES)
def test_json_problems_are_in_french_too(case, tmp_path):
    root = _french_project(tmp_path / "projet", case)
    result = CliRunner().invoke(main, ["check", str(root), "--json"])
    assert result.exit_code == 1
    record = json.loads(result.stdout)
    assert record["ok"] is False
    found = [(p["file"], p["row"], p["column"], p["value"]) for p in record["problems"]]
    assert found == CASES[case][1]
    for problem in record["problems"]:
        assert not english_left(problem["message"], str(tmp_path), problem["file"]), problem
        assert not english_left(problem["hint"] or "", str(tmp_path), problem["file"]), problem


@pytest.mark.parametrize("case", ENGLISH_CASES)
def test_lang_en_gives_a_french_project_the_english_problems_as_before(case, tmp_path):
    english = write_project(tmp_path / "en", [GOOD_LINE], LEDGER)
    CASES[case][0](english)
    french = _french_project(tmp_path / "fr", case)
    as_before = CliRunner().invoke(main, ["check", str(english), "--json"])
    forced = CliRunner().invoke(main, ["check", str(french), "--lang", "en", "--json"])
    assert forced.exit_code == as_before.exit_code == 1
    assert forced.output.replace(str(french), str(english)) == as_before.output
    assert as_before.stderr.startswith("Error: ")


def test_lang_fr_wins_over_an_english_project(tmp_path):
    root = write_project(tmp_path / "p", [["Tools", "Canva", "", "", 12, "abc", 12, 12]])
    result = CliRunner().invoke(main, ["check", str(root), "--lang", "fr"])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[1] == (
        "  budget.csv, ligne 2, colonne '2026-02', valeur 'abc' : n'est pas un montant."
        " Écrivez un nombre comme 1200 ou 1200,50, ou laissez vide pour 0."
    )


@pytest.mark.parametrize(
    "args, heading",
    [([], "Error: 1 problem to fix:"), (["--lang", "fr"], "Erreur : 1 problème à corriger :")],
)
def test_an_unreadable_toml_is_told_in_lang_else_english(args, heading, tmp_path):
    root = write_project(tmp_path / "p", [GOOD_LINE])
    (root / "budgetbook.toml").write_text('language = "fr"\n[company\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(root), *args])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == heading
    assert ("n'est pas du TOML valide" in result.stderr) == bool(args)


def test_numbers_take_french_separators(tmp_path):
    root = _french_project(tmp_path / "projet", "more rows than the limit")
    result = CliRunner().invoke(main, ["check", str(root)])
    assert "  kpis.csv : a plus de 1\u202f000 lignes, la limite." in result.stderr


def test_dates_in_a_french_message_are_day_first(tmp_path):
    root = write_project(tmp_path / "p", [GOOD_LINE])
    edit_toml(root, "[company]", 'language = "fr"\n\n[company]')
    write_csv(
        root / "roadmap.csv", [["initiative", "début", "fin"], ["A", "2026-03-10", "2026-03-01"]]
    )
    result = CliRunner().invoke(main, ["check", str(root)])
    assert "est avant le début (10/03/2026)." in result.stderr


# --- other commands ---------------------------------------------------------------------------


@pytest.fixture
def french_book(tmp_path) -> Path:
    root = write_project(tmp_path / "projet", [GOOD_LINE], LEDGER)
    edit_toml(root, "[company]", 'language = "fr"\n\n[company]')
    book = tmp_path / "classeur.xlsx"
    build_workbook(root, book)
    return book


def test_update_of_a_french_workbook_refuses_a_file_in_french(french_book, tmp_path):
    bad = hostile.nul_bytes(tmp_path / "grand-livre.csv")
    no_amount = write_csv(
        tmp_path / "sans-montant.csv", [["date", "poste"], ["05/02/2026", "Canva"]]
    )
    result = CliRunner().invoke(main, ["update", str(french_book), str(bad), str(no_amount)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert result.stderr.splitlines() == [
        "Erreur : 2 problèmes à corriger :",
        "  grand-livre.csv : n'est pas un tableau CSV : c'est un fichier binaire (il contient des"
        " octets NUL). Demandez-en un export CSV ou .xlsx.",
        "  sans-montant.csv, ligne 1 : aucune colonne ne donne le montant. Ses colonnes sont :"
        " date, poste. Nommez la bonne dans budgetbook.toml : [[actuals.sources]] files ="
        ' "sans-montant.csv" columns = { amount = "..." }.',
    ]


def test_update_problems_in_json_are_in_the_workbooks_language(french_book, tmp_path):
    ledger = write_csv(
        tmp_path / "fevrier.csv", [["date", "montant", "poste"], ["05/02/2026", "trois", "Canva"]]
    )
    bad = write_csv(tmp_path / "mauvais.csv", [["date", "poste"], ["05/02/2026", "Canva"]])
    result = CliRunner().invoke(main, ["update", str(french_book), str(ledger), str(bad), "--json"])
    assert result.exit_code == 1
    [problem] = json.loads(result.stdout)["problems"]
    assert problem["message"] == "aucune colonne ne donne le montant."
    assert not english_left(problem["hint"], "mauvais.csv")


def test_update_errors_found_before_the_workbooks_settings_are_read_are_english(
    french_book, tmp_path
):
    (french_book.parent / f".~lock.{french_book.name}#").write_text("")
    ledger = write_csv(tmp_path / "fevrier.csv", [["date", "montant"], ["05/02/2026", "3"]])
    result = CliRunner().invoke(main, ["update", str(french_book), str(ledger)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {french_book}: it is open in Excel or LibreOffice")


def test_build_into_a_missing_folder_is_refused_in_french(tmp_path):
    root = _french_project(tmp_path / "projet", "unknown toml key")
    edit_toml(root, "\nstrat = 1", "")
    result = CliRunner().invoke(main, ["build", str(root), "-o", str(tmp_path / "nul/part.xlsx")])
    assert result.exit_code == 1
    folder = tmp_path / "nul"
    assert result.stderr == (
        f"Erreur : {folder} : ce dossier n'existe pas ; part.xlsx ne peut pas y être écrit.\n"
    )


def test_init_over_files_is_refused_in_french(tmp_path):
    (tmp_path / "budgetbook.toml").write_text("")
    result = CliRunner().invoke(main, ["init", str(tmp_path), "--lang", "fr"])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Erreur : {tmp_path / 'budgetbook.toml'} : existe déjà ;")


# --- the catalogue ----------------------------------------------------------------------------

# Names of products, and words, the same in French.
SAME_IN_FRENCH = {
    "{n:,} page",
    "{n:,} pages",
    "Meta Ads Manager",
    "Google Ads",
    "LinkedIn Campaign Manager",
    "Pinterest Ads",
    "Microsoft Advertising",
    "TikTok Ads Manager",
}


def test_french_templates_are_french():
    for english, french in FRENCH.items():
        if _template_words(english) and english not in SAME_IN_FRENCH:
            assert french != english, english
        assert ": " not in french.replace(" : ", ""), french  # a space before the colon
        assert "; " not in french.replace(" ; ", ""), french


# --- properties -------------------------------------------------------------------------------


@given(st.integers(min_value=0, max_value=10**12))
def test_numbers_read_the_same_in_english_and_take_french_separators(rows):
    text = Text("has more than {rows:,} rows, the limit.", rows=rows)
    assert text == f"has more than {rows:,} rows, the limit."
    french = f"{rows:,}".replace(",", "\u202f")  # CLDR's French group separator
    assert text.in_language("fr") == f"a plus de {french} lignes, la limite."


cells = st.text(st.characters(blacklist_categories=("Cs",)), max_size=80)


@given(
    file=st.from_regex(r"[a-z]{1,10}\.(csv|xlsx)", fullmatch=True),
    row=st.none() | st.integers(min_value=1, max_value=10**6),
    column=st.none() | cells,
    value=st.none() | cells,
)
def test_a_problem_names_file_row_column_and_value_in_either_language(file, row, column, value):
    problem = Problem(
        file, Text("is not a date."), row, column, value, Text("Write it as YYYY-MM-DD.")
    )
    where = [file]
    where += [] if row is None else [f"row {row}"]
    where += [] if column is None else [f"column '{column}'"]
    shown = None if value is None else repr(value if len(value) <= 60 else value[:57] + "...")
    where += [] if value is None else [f"value {shown}"]
    assert str(problem) == f"{', '.join(where)}: is not a date. Write it as YYYY-MM-DD."
    french = problem.in_language("fr")
    assert french.startswith(f"{file}")
    assert french.endswith(" : n'est pas une date. Écrivez-la en AAAA-MM-JJ.")
    assert row is None or f", ligne {row}" in french
    assert column is None or f", colonne '{column}'" in french
    assert value is None or f", valeur {shown}" in french
    record = problem.record("fr")
    assert (record["file"], record["row"], record["column"], record["value"]) == (
        file, row, column, value,
    )  # fmt: skip
    assert record["message"] == "n'est pas une date."


@given(st.dates(min_value=date(1000, 1, 1)))
def test_dates_read_iso_in_english_and_day_first_in_french(day):
    text = Text("is before the start ({start}).", start=day)
    assert text == f"is before the start ({day})."
    assert text.in_language("fr") == f"est avant le début ({day:%d/%m/%Y})."


def test_update_of_a_workbook_whose_recorded_settings_are_wrong_says_so_in_their_language(
    french_book,
):
    import openpyxl

    from budgetbook.write.sheets import record_sheet

    workbook = openpyxl.load_workbook(french_book)
    settings = (
        'language = "fr"\n[company]\nname = "X"\ncurrency = "EURO"\n[budget]\nstart = "2026-01"'
    )
    workbook[record_sheet.SHEET_NAME].cell(record_sheet.CONFIG_ROW + 1, 2, settings)
    workbook.save(french_book)
    result = CliRunner().invoke(main, ["update", str(french_book), str(french_book)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"Erreur : {french_book} : ses réglages enregistrés ne peuvent pas être lus :"
        f" {french_book} (ses réglages), colonne 'company.currency', valeur 'EURO' : n'est pas"
        " un code de devise ISO. Utilisez trois lettres comme EUR, USD ou GBP.\n"
    )


def test_handoff_of_a_french_project_with_a_bad_budget_is_refused_in_french(tmp_path):
    root = _french_project(tmp_path / "projet", "budget in French")
    result = CliRunner().invoke(main, ["handoff", str(root), "--json"])
    assert result.exit_code == 1
    messages = [problem["message"] for problem in json.loads(result.stdout)["problems"]]
    assert messages == [
        "n'est pas une règle de report.",
        "n'est pas un montant.",
        "le nom du poste est vide.",
    ]


def test_a_finance_file_not_read_is_told_in_french_in_the_summary_and_the_sheet(tmp_path):
    root = write_project(tmp_path / "projet", [GOOD_LINE], LEDGER)
    edit_toml(root, "[company]", 'language = "fr"\n\n[company]')
    hostile.nul_bytes(root / "actuals" / "binaire.csv")
    write_csv(
        root / "actuals" / "banque.csv",
        [["date", "montant", "poste"], ["32/01/2026", "5", "Canva"], ["05/01/2026", "", "Canva"],
         ["05/01/2025", "5", "Canva"], ["05/01/2026", "5", "Nulle"], ["05/01/2026", "5", ""]],
    )  # fmt: skip
    book = tmp_path / "classeur.xlsx"
    result = CliRunner().invoke(main, ["build", str(root), "-o", str(book)])
    assert result.exit_code == 0, result.output
    told = "actuals/binaire.csv : n'est pas un tableau CSV : c'est un fichier binaire"
    assert told in result.output
    sheet = openpyxl.load_workbook(book)["Non comptées"]
    reasons = [sheet.cell(row, 3).value for row in range(2, sheet.max_row + 1)]
    assert any(r.startswith("n'est pas un tableau CSV : c'est un fichier binaire") for r in reasons)
    assert reasons[:5] == [
        "date non comprise : 32/01/2026",
        "montant non compris : (vide)",
        "la date 05/01/2025 est hors de la période du budget",
        "aucun poste du budget ne s'appelle Nulle",
        "aucun poste indiqué, et aucune règle de mapping.csv ne s'applique",
    ]
    assert not english_left(" ".join(reasons))


def test_a_metrics_file_not_read_is_told_in_french_and_the_build_goes_on(tmp_path):
    root = write_project(tmp_path / "projet", [GOOD_LINE], LEDGER)
    edit_toml(root, "[company]", 'language = "fr"\n\n[company]')
    write_csv(root / "metrics" / "meta.csv", [["jour", "chose"], ["1", "2"]])
    book = tmp_path / "classeur.xlsx"
    result = CliRunner().invoke(main, ["build", str(root), "-o", str(book)])
    assert result.exit_code == 0, result.output
    [line] = [line for line in result.output.splitlines() if "metrics/meta.csv" in line]
    assert line.split()[:2] == ["Non", "lu"]
    told = line.split("metrics/meta.csv : ", 1)[1]
    assert told.startswith("n'est pas un export dont budgetbook sait lire les indicateurs")
    brands = {source.name for source in sources.METRIC_SOURCES}  # names, not English
    assert not english_left(told.replace("jour, chose", ""), *brands)
    sheet = openpyxl.load_workbook(book)["Non comptées"]
    assert (sheet.cell(2, 1).value, sheet.cell(2, 3).value.split(" : ")[0]) == (
        "metrics/meta.csv",
        "n'est pas un export dont budgetbook sait lire les indicateurs",
    )


def test_export_of_a_french_workbook_is_refused_in_french(french_book, tmp_path):
    result = CliRunner().invoke(
        main, ["export", str(french_book), "--pdf", "--sheet", "Nulle part"]
    )
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr.startswith(f"Erreur : {french_book} : aucune feuille nommée 'Nulle part'.")
    assert not english_left(result.stderr, str(french_book), "Nulle part")


# --- the system's own words -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "english", "french"),
    [
        (errno.ENOENT, "No such file or directory", "fichier ou dossier introuvable"),
        (errno.EACCES, "Permission denied", "permission refusée"),
        (errno.EISDIR, "Is a directory", "c'est un dossier"),
        (errno.ENOTDIR, "Not a directory", "un élément du chemin n'est pas un dossier"),
        (errno.ENOSPC, "No space left on device", "plus de place sur le disque"),
    ],
)
def test_a_system_error_is_named_by_its_number_in_each_language(number, english, french):
    """Its words come from its errno, not from the system's text, which is English whatever
    the user's language (and worded otherwise on Windows)."""
    reason = os_reason(OSError(number, "whatever the system says"))
    assert (reason.in_language("en"), reason.in_language("fr")) == (english, french)
    if sys.platform == "linux":  # English messages read as they did with the system's text
        assert os.strerror(number) == english


def test_every_system_error_listed_has_its_french():
    for reason in OS_ERRORS.values():
        assert reason.in_language("fr") != reason.in_language("en")
        assert not english_left(reason.in_language("fr"))


def test_an_error_not_listed_keeps_the_systems_words():
    assert os_reason(OSError(errno.ECONNRESET, "Connection reset by peer")) == (
        "Connection reset by peer"
    )


def test_a_missing_file_given_to_update_is_told_in_the_workbooks_language(french_book, tmp_path):
    missing = tmp_path / "fevrier.csv"
    result = CliRunner().invoke(main, ["update", str(french_book), str(missing)])
    assert result.exit_code == 1
    told = "fevrier.csv : ne peut pas être lu : fichier ou dossier introuvable. Vérifiez son nom."
    assert told in result.stderr and "No such file" not in result.stderr

    english_book = tmp_path / "book.xlsx"
    build_workbook(write_project(tmp_path / "project", [GOOD_LINE], LEDGER), english_book)
    result = CliRunner().invoke(main, ["update", str(english_book), str(missing)])
    assert result.exit_code == 1
    told = "fevrier.csv: cannot be read: No such file or directory. Check its name."
    assert told in result.stderr


@pytest.mark.parametrize(
    ("language", "told"),
    [
        ("en", "Error: {path}: cannot be written (Not a directory).\n"),
        ("fr", "Erreur : {path} : ne peut pas être écrit (un élément du chemin n'est pas un"
               " dossier).\n"),
    ],
)  # fmt: skip
def test_init_under_a_file_is_refused_in_the_users_language(language, told, tmp_path):
    (tmp_path / "notes.txt").write_text("")
    folder = tmp_path / "notes.txt" / "projet"
    result = CliRunner().invoke(main, ["init", str(folder), "--lang", language])
    assert result.exit_code == 1
    assert result.stderr == told.format(path=folder / "actuals")


@pytest.mark.parametrize(
    ("language", "told"),
    [
        ("en", "budgetbook.toml: cannot be read: Is a directory. Check the file's name and"
               " rights."),
        ("fr", "budgetbook.toml : ne peut pas être lu : c'est un dossier. Vérifiez le nom du"
               " fichier et ses droits."),
    ],
)  # fmt: skip
def test_settings_that_are_a_folder_are_a_problem_not_a_crash(language, told, tmp_path):
    root = write_project(tmp_path / "projet", [GOOD_LINE])
    (root / "budgetbook.toml").unlink()
    (root / "budgetbook.toml").mkdir()
    result = CliRunner().invoke(main, ["check", str(root), "--lang", language])
    assert result.exit_code == 1
    assert told in result.stderr


@pytest.mark.parametrize(
    ("language", "told"),
    [
        ("en", "Error: /nope/livre.xlsx: Permission denied.\n"),
        ("fr", "Erreur : /nope/livre.xlsx : permission refusée.\n"),
    ],
)
def test_a_file_the_system_refuses_anywhere_else_is_told_not_reported_as_a_crash(
    language, told, tmp_path, monkeypatch
):
    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", "/nope/livre.xlsx")

    monkeypatch.setattr("budgetbook.commands.build.build_workbook", refuse)
    root = write_project(tmp_path / "projet", [GOOD_LINE])
    result = CliRunner().invoke(main, ["build", str(root), "--lang", language])
    assert (result.exit_code, result.stderr) == (1, told)
