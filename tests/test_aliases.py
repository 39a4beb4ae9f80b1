"""French inputs: column names and values in either language, whatever the workbook's."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from budgetbook.model import CarryOver
from budgetbook.read import budget as budget_file
from budgetbook.read import calendar as calendar_file
from budgetbook.read import kpis as kpis_file
from budgetbook.read import objectives as objectives_file
from budgetbook.read import operations as operations_file
from budgetbook.read.actuals import read_mapping
from budgetbook.read.aliases import VALUES, accepted, column_names, normalise, parse_value
from budgetbook.read.budget import read_budget
from budgetbook.read.calendar import read_calendar
from budgetbook.read.config import parse_config
from budgetbook.read.kpis import read_kpis
from budgetbook.read.objectives import read_objectives
from budgetbook.read.operations import read_operations
from budgetbook.read.roadmap import read_roadmap
from budgetbook.read.tables import Table

# A budget has a column for each month of its period: these tables plan one month, or two.
ONE_MONTH = parse_config(
    '[company]\nname = "X"\ncurrency = "EUR"\n[budget]\nstart = "2026-01"\nmonths = 1\n'
)
TWO_MONTHS = parse_config(
    '[company]\nname = "X"\ncurrency = "EUR"\n[budget]\nstart = "2026-01"\nmonths = 2\n'
)


def table(file: str, header: list[str], *rows: list[object]) -> Table:
    return Table(file, header, [(number, list(row)) for number, row in enumerate(rows, start=2)])


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Nouveaux_abonnés", "nouveaux abonnes"),
        ("  NOUVEAUX-ABONNES ", "nouveaux abonnes"),
        ("mentions_j_aime", "mentions j aime"),
        ("Mentions J’aime", "mentions j aime"),
        ("% Réalisé", "% realise"),
        ("carry_over", "carry over"),
    ],
)
def test_normalise(text, key):
    assert normalise(text) == key


@pytest.mark.parametrize(
    ("file", "header", "name", "index"),
    [
        ("budget.csv", ["Catégorie", "Poste", "Canal", "Report"], "carry_over", 3),
        ("budget.csv", ["categorie", "poste"], "category", 0),
        ("budget.csv", ["catégorie", "poste"], "line", 1),
        ("mapping.csv", ["Texte", "Poste"], "match", 0),
        ("mapping.csv", ["correspondance", "ligne"], "match", 0),
        ("objectives.csv", ["objectif", "canal", "indicateur", "cible"], "target", 3),
        ("objectives.csv", ["Objectif", "Métrique"], "metric", 1),
        ("objectives.csv", ["objectif", "référence", "échéance"], "baseline", 1),
        ("roadmap.csv", ["initiative", "début", "durée", "% fait"], "complete", 3),
        ("roadmap.csv", ["initiative", "début", "fin"], "end", 2),
        ("roadmap.csv", ["initiative", "progress"], "complete", 1),
        ("calendar.csv", ["date", "heure", "plateforme", "sujet"], "topic", 3),
        ("kpis.csv", ["mois", "canal", "indicateur", "valeur"], "value", 3),
        ("operations.csv", ["opération", "cible", "objectif"], "target", 2),
        ("operations.csv", ["opération", "cible", "objectif"], "segment", 1),
        ("operations.csv", ["Type d'objectif", "Nouveaux contacts"], "new_contacts", 1),
        # The canonical name wins over another name for it, and English stays as it was.
        ("budget.csv", ["poste", "line"], "line", 1),
        ("budget.csv", ["Carry_Over"], "carry_over", 0),
        ("budget.csv", ["carry over"], "carry_over", 0),
        ("objectives.csv", ["objectif"], "target", None),
    ],
)
def test_column_by_any_name(file, header, name, index):
    assert table(file, header).column(name) == index


@pytest.mark.parametrize(
    ("kind", "text", "canonical"),
    [
        ("carry_over", "aucun", "none"),
        ("carry_over", "Surplus", "surplus"),
        ("carry_over", "TOTAL", "full"),
        ("carry_over", "full", "full"),
        ("carry_over", "parfois", None),
        ("metric", "abonnés", "followers"),
        ("metric", "abonnes", "followers"),
        ("metric", "nouveaux_abonnés", "new_followers"),
        ("metric", "new followers", "new_followers"),
        ("metric", "désabonnements", "lost_followers"),
        ("metric", "abonnés_perdus", "lost_followers"),
        ("metric", "Portée", "reach"),
        ("metric", "impressions", "impressions"),
        ("metric", "interactions", "engagements"),
        ("metric", "j_aime", "likes"),
        ("metric", "mentions j'aime", "likes"),
        ("metric", "commentaires", "comments"),
        ("metric", "partages", "shares"),
        ("metric", "enregistrements", "saves"),
        ("metric", "clics", "clicks"),
        ("metric", "conversions", "conversions"),
        ("metric", "chiffre_d_affaires", "revenue"),
        ("metric", "Chiffre d’affaires", "revenue"),
        ("metric", "revenus", "revenue"),
        ("metric", "fans", None),
        ("roadmap_status", "prévu", "planned"),
        ("roadmap_status", "En cours", "in progress"),
        ("roadmap_status", "fait", "done"),
        ("roadmap_status", "terminé", "done"),
        ("roadmap_status", "termine", "done"),
        ("roadmap_status", "bloqué", "blocked"),
        ("roadmap_status", "in_progress", "in progress"),
        ("post_status", "idée", "idea"),
        ("post_status", "brouillon", "draft"),
        ("post_status", "programmé", "scheduled"),
        ("post_status", "Publié", "published"),
        ("post_status", "en cours", "draft"),
        ("objective_type", "fidélisation", "loyalty"),
        ("objective_type", "trafic", "traffic"),
        ("objective_type", "qualité des données", "data quality"),
    ],
)
def test_parse_value(kind, text, canonical):
    assert parse_value(kind, text) == canonical


@pytest.mark.parametrize("kind", VALUES)
def test_every_name_means_one_value(kind):
    """Two values of a kind sharing a name would make one of them unreachable."""
    seen: dict[str, str] = {}
    for canonical, names in VALUES[kind].items():
        for name in {normalise(n) for n in (canonical, *names)}:
            assert seen.setdefault(name, canonical) == canonical, (kind, name)


READS = {
    "budget": budget_file.FIXED_COLUMNS,
    "mapping": ("match", "line"),
    "objectives": objectives_file.COLUMNS,
    "roadmap": (
        "initiative",
        "objective",
        "owner",
        "start",
        "end",
        "duration",
        "status",
        "complete",
    ),
    "calendar": calendar_file.COLUMNS,
    "kpis": kpis_file.COLUMNS,
    "operations": (*operations_file.REQUIRED, "segment", *operations_file.RESULTS),
}


@pytest.mark.parametrize("file", READS)
def test_every_name_means_one_column_of_its_file(file):
    seen: dict[str, str] = {}
    for canonical in READS[file]:
        for name in map(normalise, column_names(canonical, f"{file}.csv")):
            assert seen.setdefault(name, canonical) == canonical, name


def test_hint_lists_both_languages():
    assert accepted("carry_over") == "none, surplus, full. In French: aucun, surplus, total"


def test_french_budget_reads_like_the_english_one():
    french = table(
        "budget.csv",
        ["Catégorie", "Poste", "Canal", "Report", "2026-01", "2026-02"],
        ["Publicité", "Meta", "Instagram", "surplus", "300", "400,50"],
        ["Publicité", "Google", "Google Ads", "total", "200", ""],
        ["Outils", "Canva", "", "aucun", "12", "12"],
        ["Outils", "Later", "", "", "200", ""],
    )
    lines, problems = read_budget(french, TWO_MONTHS)
    assert problems == []
    assert [(ln.category, ln.name, ln.channel, ln.carry_over) for ln in lines] == [
        ("Publicité", "Meta", "Instagram", CarryOver.SURPLUS),
        ("Publicité", "Google", "Google Ads", CarryOver.FULL),
        ("Outils", "Canva", "", CarryOver.NONE),
        ("Outils", "Later", "", CarryOver.NONE),
    ]
    assert lines[0].planned[:2] == (Decimal(300), Decimal("400.50"))


def test_budget_error_names_the_column_as_written():
    french = table(
        "budget.csv",
        ["catégorie", "poste", "report", "2026-01"],
        ["Publicité", "Meta", "parfois", "300"],
        ["", "Google", "", "300"],
    )
    _, problems = read_budget(french, ONE_MONTH)
    assert [str(p) for p in problems] == [
        "budget.csv, row 2, column 'report', value 'parfois': is not a carry-over policy."
        " Use one of: none, surplus, full. In French: aucun, surplus, total; blank means the"
        " budgetbook.toml default.",
        "budget.csv, row 3, column 'catégorie': the category is empty.",
    ]


def test_missing_column_hint_gives_its_french_names():
    _, problems = read_budget(table("budget.csv", ["catégorie", "2026-01"], ["A", "1"]), ONE_MONTH)
    assert [str(p) for p in problems] == [
        "budget.csv, row 1: the column 'line' is missing. In French: poste, ligne,"
        " poste budgétaire, ligne budgétaire."
    ]


def test_toml_carry_over_in_french():
    text = '[company]\nname = "X"\ncurrency = "EUR"\n[budget]\nstart = "2026-01"\n'
    assert parse_config(text + 'carry_over = "total"\n').carry_over is CarryOver.FULL


def test_french_mapping(tmp_path):
    lines, _ = read_budget(
        table("budget.csv", ["catégorie", "poste", "2026-01"], ["Outils", "Canva Pro", "12"]),
        ONE_MONTH,
    )
    rules, problems = read_mapping(
        table("mapping.csv", ["texte", "poste"], ["canva", "canva pro"]),
        [line.name for line in lines],
    )
    assert problems == [] and [(r.match, r.line) for r in rules] == [("canva", "Canva Pro")]


def test_french_objectives_roadmap_calendar_kpis_operations():
    objectives, problems = read_objectives(
        table(
            "objectives.csv",
            ["Objectif", "Canal", "Indicateur", "Référence", "Cible", "Échéance", "Responsable"],
            ["Grandir", "Instagram", "abonnés", "8 400", "12 000", "30/06/2026", "Inès"],
        )
    )
    assert problems == []
    assert (objectives[0].metric, objectives[0].target, objectives[0].owner) == (
        "followers",
        Decimal(12000),
        "Inès",
    )
    initiatives, problems = read_roadmap(
        table(
            "roadmap.csv",
            ["Initiative", "Objectif", "Responsable", "Début", "Fin", "Durée", "Statut", "% fait"],
            ["Audit", "Grandir", "Inès", "05/01/2026", "", "1 semaine", "terminé", "100 %"],
            ["Pins", "", "Inès", "02/02/2026", "28/02/2026", "", "en cours", "40 %"],
        ),
        objectives,
    )
    assert problems == []
    assert [(i.end, i.status, i.complete) for i in initiatives] == [
        (date(2026, 1, 11), "done", Decimal(1)),
        (date(2026, 2, 28), "in progress", Decimal("0.4")),
    ]
    posts, problems = read_calendar(
        table(
            "calendar.csv",
            ["Date", "Heure", "Plateforme", "Format", "Sujet", "Responsable", "Statut", "Campagne"],
            ["02/09/2026", "18h30", "Instagram", "reel", "Atelier", "Inès", "publié", "Automne"],
        )
    )
    assert problems == []
    assert (posts[0].time, posts[0].topic, posts[0].status, posts[0].campaign) == (
        "18:30",
        "Atelier",
        "published",
        "Automne",
    )
    values, problems = read_kpis(
        table(
            "kpis.csv",
            ["Mois", "Canal", "Indicateur", "Valeur"],
            ["2026-01", "Instagram", "portée", "31 200"],
            ["2026-01", "Instagram", "mentions_j_aime", "2 480"],
        )
    )
    assert problems == [] and [(v.metric, v.value) for v in values] == [
        ("reach", Decimal(31200)),
        ("likes", Decimal(2480)),
    ]
    operations, problems = read_operations(
        table(
            "operations.csv",
            [
                *("Opération", "Type d'objectif", "Cible", "Levier", "Budget", "Coût"),
                *("Participants", "Opt-ins", "Nouveaux contacts", "Chiffre d'affaires", "Objectif"),
            ],
            [
                *("Jeu", "acquisition", "Lyon", "Instagram", "1 500", "1 438,90"),
                *("2140", "910", "655", "2350", "600"),
            ],
        )
    )
    assert problems == []
    operation = operations[0]
    assert (operation.segment, operation.cost, operation.new_contacts, operation.target) == (
        "Lyon",
        Decimal("1438.90"),
        Decimal(655),
        Decimal(600),
    )


@pytest.mark.parametrize(
    ("reader", "file", "header", "row", "shown"),
    [
        (
            read_kpis,
            "kpis.csv",
            ["mois", "canal", "indicateur", "valeur"],
            ["2026-01", "Instagram", "fans", "3"],
            "kpis.csv, row 2, column 'indicateur', value 'fans': is not a known metric.",
        ),
        (
            read_calendar,
            "calendar.csv",
            ["date", "plateforme", "statut"],
            ["02/09/2026", "Instagram", "peut-être"],
            "calendar.csv, row 2, column 'statut', value 'peut-être': is not a known status."
            " Use one of: idea, draft, scheduled, published. In French: idée, brouillon,"
            " programmé, publié.",
        ),
        (
            lambda t: read_roadmap(t, []),
            "roadmap.csv",
            ["initiative", "début", "durée", "statut"],
            ["Audit", "05/01/2026", "1 semaine", "un jour"],
            "roadmap.csv, row 2, column 'statut', value 'un jour': is not a known status."
            " Use one of: planned, in progress, done, blocked. In French: prévu, en cours,"
            " terminé, bloqué.",
        ),
    ],
)
def test_french_errors_name_the_column_as_written(reader, file, header, row, shown):
    _, problems = reader(table(file, header, row))
    assert str(problems[0]).startswith(shown)
