"""Google Ads' downloads, in English and in French."""

from __future__ import annotations

from dataclasses import replace

from budgetbook.i18n.catalogue import N_
from budgetbook.read.sources.ads.base import COMMON_IGNORED, MetricSource

_GOOGLE_IGNORED = COMMON_IGNORED | {
    "Customer ID", "Ad group", "Ad group ID", "Ad group status", "Ad group state", "Keyword",
    "Search keyword", "Match type", "Network", "Network (with search partners)", "Device",
    "Week", "Quarter", "Year", "Day of week", "Budget name", "Budget type", "Bid strategy",
    "Bid strategy type", "Optimization score", "Labels", "Campaign subtype", "Account status",
    "Groupe d'annonces", "Mot clé", "Type de correspondance", "Réseau", "Appareil", "Semaine",
    "Trimestre", "Année", "Jour de la semaine", "Nom du budget", "Type de budget",
    "Stratégie d'enchères", "Type de stratégie d'enchères", "Score d'optimisation",
    "Libellés", "Sous-type de campagne", "Moyenne des coûts", "Coût moyen",
}  # fmt: skip

GOOGLE_ADS_EN = MetricSource(
    platform="google_ads",
    name=N_("Google Ads"),
    language="en",
    identify=(frozenset({"Impr."}),),
    day=("Day", "Date"),
    month=("Month",),
    metrics={
        "Impr.": "impressions",
        "Impressions": "impressions",
        "Clicks": "clicks",
        "Conversions": "conversions",
        "Conv. value": "revenue",
    },
    overlaps={
        "Interactions": "clicks",  # clicks, plus video views and engagements of other formats
        "All conv.": "conversions",
        "All conv. value": "revenue",
        "Conversions (by conv. time)": "conversions",
        "Conv. value (by conv. time)": "revenue",
    },
    ignored=_GOOGLE_IGNORED,
    currency=("Currency code",),
    channel="Google Ads",
    day_first=None,  # "Oct 30, 2026" or ISO
    decimal_comma=False,
    period_lines=True,
    encoding="UTF-16 with tabs ('Excel .csv'), UTF-8 CSV, or .xlsx",
    breakdown="Segment > Time > Day or Month",
    origin=(
        "Google Ads UI downloads as reproduced in public parsers' tests (tests/data/exports/"
        "LAYOUTS.md: Google Ads)"
    ),
)
GOOGLE_ADS_FR = replace(
    GOOGLE_ADS_EN,
    language="fr",
    identify=(
        frozenset({"Impr."}),
        frozenset(
            {"Clics", "Coût", "Valeur de conv.", "Code de la devise", "Campagne", "Jour", "Mois"}
        ),
    ),
    day=("Jour", "Date"),
    month=("Mois",),
    metrics={
        "Impr.": "impressions",
        "Clics": "clicks",
        "Conversions": "conversions",
        "Valeur de conv.": "revenue",
    },
    overlaps={
        "Interactions": "clicks",
        "Toutes les conv.": "conversions",
        "Valeur de toutes les conv.": "revenue",
    },
    currency=("Code de la devise",),
    day_first=True,
    decimal_comma=True,
    breakdown="Segmenter > Période > Jour ou Mois",
    origin=(
        "French Google Ads UI downloads as reproduced in public parsers' tests"
        " (tests/data/exports/LAYOUTS.md: Google Ads, French)"
    ),
)
