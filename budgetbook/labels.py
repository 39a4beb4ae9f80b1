"""The words the workbook shows, per language; formulas refer to sheets by these names."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Labels:
    overview: str
    budget: str
    actuals: str
    not_counted: str
    category: str
    line: str
    carry_over: str
    planned: str
    available: str
    actual: str
    remaining: str
    total: str
    total_budget: str
    share_spent: str
    month: str
    date: str
    amount: str
    description: str
    vendor: str
    account: str
    source_file: str
    source_row: str
    file: str
    row: str
    reason: str
    original_text: str
    period: str
    currency: str
    counted: str
    not_counted_rows: str
    all_counted: str
    by_category: str
    by_month: str
    chart_title: str
    budget_title: str
    budget_note: str
    strategy: str
    summary: str
    mission: str
    team: str
    role: str
    person: str
    swot: str
    strengths: str
    weaknesses: str
    opportunities: str
    threats: str
    objectives: str
    objective: str
    channel: str
    metric: str
    baseline: str
    target: str
    deadline: str
    owner: str
    channels: str
    purpose: str
    target_market: str
    personas: str
    competitors: str
    roadmap: str
    roadmap_title: str
    roadmap_note: str
    initiative: str
    start: str
    end: str
    days: str
    status: str
    complete: str
    roadmap_statuses: dict[str, str]
    calendar: str
    calendar_title: str
    calendar_note: str
    posts: str
    time: str
    platform: str
    post_format: str
    topic: str
    campaign: str
    key: str
    posts_per_month: str
    target_per_month: str
    post_statuses: dict[str, str]
    weekdays: tuple[str, ...]
    more_posts: str
    lines_sheet: str
    handoff_title: str
    handoff_steps: tuple[str, ...]
    handoff_date_error: str
    handoff_line_error: str
    handoff_amount_error: str
    policies: dict[str, str]


ENGLISH = Labels(
    overview="Overview",
    budget="Budget",
    actuals="Actuals",
    not_counted="Not counted",
    category="Category",
    line="Line",
    carry_over="Carry-over",
    planned="Planned",
    available="Available",
    actual="Actual",
    remaining="Remaining",
    total="Total",
    total_budget="Total budget",
    share_spent="% spent",
    month="Month",
    date="Date",
    amount="Amount",
    description="Description",
    vendor="Vendor",
    account="Account",
    source_file="Source file",
    source_row="Source row",
    file="File",
    row="Row",
    reason="Reason",
    original_text="Original text",
    period="Period",
    currency="Currency",
    counted="Transactions counted",
    not_counted_rows="Finance rows not counted",
    all_counted="Every finance row was counted.",
    by_category="By category",
    by_month="By month",
    chart_title="Planned and actual spending per month",
    budget_title="Marketing budget",
    budget_note=(
        "Planned cells are yours to edit. Available = Planned + what last month's Remaining"
        " carries (surplus: unspent money only; full: overspend too)."
        " Actual sums the Actuals sheet."
    ),
    strategy="Strategy",
    summary="Company summary",
    mission="Mission",
    team="Team",
    role="Role",
    person="Person",
    swot="SWOT analysis",
    strengths="Strengths",
    weaknesses="Weaknesses",
    opportunities="Opportunities",
    threats="Threats",
    objectives="SMART objectives",
    objective="Objective",
    channel="Channel",
    metric="Metric",
    baseline="Baseline",
    target="Target",
    deadline="Deadline",
    owner="Owner",
    channels="Channels and their purpose",
    purpose="Purpose",
    target_market="Target market",
    personas="Personas",
    competitors="Competitors",
    roadmap="Roadmap",
    roadmap_title="Initiatives roadmap",
    roadmap_note=(
        "Each bar follows its Start and End cells: change a date and the bar moves. The red"
        " column is this week. Week columns start on Mondays; edit the first to move them all."
    ),
    initiative="Initiative",
    start="Start",
    end="End",
    days="Days",
    status="Status",
    complete="% complete",
    roadmap_statuses={
        "planned": "planned",
        "in progress": "in progress",
        "done": "done",
        "blocked": "blocked",
    },
    calendar="Calendar",
    calendar_title="Content calendar",
    calendar_note=(
        "Add a post as a new row of the list: the counts and the month grids update. Copy the"
        " Key cell down with it if the row is below the last prepared one."
    ),
    posts="Posts",
    time="Time",
    platform="Platform",
    post_format="Format",
    topic="Topic",
    campaign="Campaign",
    key="Key",
    posts_per_month="Posts per platform and month",
    target_per_month="Target a month",
    post_statuses={
        "idea": "idea",
        "draft": "draft",
        "scheduled": "scheduled",
        "published": "published",
    },
    weekdays=("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    more_posts="more",
    lines_sheet="Lines",
    handoff_title="{company}: marketing spending to hand off, {first} to {last}",
    handoff_steps=(
        "1. One row per invoice, payment or refund, from the first empty row under the headers.",
        "2. Date: the day it was paid, between {first} and {last}. Line: pick the budget line"
        " from the list.",
        "3. Amount: positive for money spent, negative for a refund or credit note, without"
        " the currency sign. Description and vendor: as on the invoice.",
        "4. Save as .xlsx and send it back: it goes into the project's actuals/ folder and"
        " each row is counted once.",
    ),
    handoff_date_error="Type a date between {first} and {last}.",
    handoff_line_error="Pick a budget line from the list.",
    handoff_amount_error="Type a number: positive for money spent, negative for a refund.",
    policies={"none": "none", "surplus": "surplus", "full": "full"},
)

FRENCH = Labels(
    overview="Synthèse",
    budget="Budget",
    actuals="Dépenses",
    not_counted="Non comptées",
    category="Catégorie",
    line="Ligne",
    carry_over="Report",
    planned="Prévu",
    available="Disponible",
    actual="Réel",
    remaining="Reste",
    total="Total",
    total_budget="Budget total",
    share_spent="% dépensé",
    month="Mois",
    date="Date",
    amount="Montant",
    description="Libellé",
    vendor="Fournisseur",
    account="Compte",
    source_file="Fichier source",
    source_row="Ligne source",
    file="Fichier",
    row="Ligne",
    reason="Motif",
    original_text="Texte d'origine",
    period="Période",
    currency="Devise",
    counted="Transactions comptées",
    not_counted_rows="Lignes financières non comptées",
    all_counted="Toutes les lignes financières ont été comptées.",
    by_category="Par catégorie",
    by_month="Par mois",
    chart_title="Dépenses prévues et réelles par mois",
    budget_title="Budget marketing",
    budget_note=(
        "Les cellules Prévu se modifient librement. Disponible = Prévu + ce que reporte le Reste"
        " du mois précédent (surplus : le non-dépensé seulement ; total : le dépassement aussi)."
        " Réel additionne la feuille Dépenses."
    ),
    strategy="Stratégie",
    summary="Présentation de l'entreprise",
    mission="Mission",
    team="Équipe",
    role="Rôle",
    person="Personne",
    swot="Analyse SWOT",
    strengths="Forces",
    weaknesses="Faiblesses",
    opportunities="Opportunités",
    threats="Menaces",
    objectives="Objectifs SMART",
    objective="Objectif",
    channel="Canal",
    metric="Indicateur",
    baseline="Point de départ",
    target="Cible",
    deadline="Échéance",
    owner="Responsable",
    channels="Canaux et leur rôle",
    purpose="Rôle du canal",
    target_market="Marché cible",
    personas="Personas",
    competitors="Concurrents",
    roadmap="Feuille de route",
    roadmap_title="Feuille de route des initiatives",
    roadmap_note=(
        "Chaque barre suit ses cellules Début et Fin : changez une date, la barre se déplace."
        " La colonne rouge est la semaine en cours. Les semaines commencent le lundi ;"
        " modifiez la première pour les décaler toutes."
    ),
    initiative="Initiative",
    start="Début",
    end="Fin",
    days="Jours",
    status="Statut",
    complete="% réalisé",
    roadmap_statuses={
        "planned": "prévu",
        "in progress": "en cours",
        "done": "terminé",
        "blocked": "bloqué",
    },
    calendar="Calendrier",
    calendar_title="Calendrier éditorial",
    calendar_note=(
        "Ajoutez une publication comme nouvelle ligne de la liste : les comptes et les"
        " calendriers mensuels se mettent à jour. Recopiez la cellule Clé vers le bas si la"
        " ligne est au-delà des lignes préparées."
    ),
    posts="Publications",
    time="Heure",
    platform="Plateforme",
    post_format="Format",
    topic="Sujet",
    campaign="Campagne",
    key="Clé",
    posts_per_month="Publications par plateforme et par mois",
    target_per_month="Objectif par mois",
    post_statuses={
        "idea": "idée",
        "draft": "brouillon",
        "scheduled": "programmé",
        "published": "publié",
    },
    weekdays=("lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."),
    more_posts="de plus",
    lines_sheet="Lignes",
    handoff_title="{company} : dépenses marketing à transmettre, du {first} au {last}",
    handoff_steps=(
        "1. Une ligne par facture, paiement ou remboursement, à partir de la première ligne"
        " vide sous les en-têtes.",
        "2. Date : le jour du paiement, entre le {first} et le {last}. Ligne : choisir la"
        " ligne budgétaire dans la liste.",
        "3. Montant : positif pour une dépense, négatif pour un remboursement ou un avoir,"
        " sans symbole monétaire. Libellé et fournisseur : comme sur la facture.",
        "4. Enregistrer en .xlsx et renvoyer : le fichier va dans le dossier actuals/ du"
        " projet et chaque ligne est comptée une fois.",
    ),
    handoff_date_error="Saisir une date entre le {first} et le {last}.",
    handoff_line_error="Choisir une ligne budgétaire dans la liste.",
    handoff_amount_error="Saisir un nombre : positif pour une dépense, négatif pour un"
    " remboursement.",
    policies={"none": "aucun", "surplus": "surplus", "full": "total"},
)

LABELS = {"en": ENGLISH, "fr": FRENCH}
