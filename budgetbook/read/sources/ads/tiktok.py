"""TikTok Ads Manager's custom reports, in English and in French."""

from __future__ import annotations

from dataclasses import replace

from budgetbook.i18n.catalogue import N_
from budgetbook.read.sources.ads.base import COMMON_IGNORED, MetricSource

TIKTOK_EN = MetricSource(
    platform="tiktok",
    name=N_("TikTok Ads Manager"),
    language="en",
    identify=(frozenset({"Clicks (destination)", "CTR (destination)", "CPC (destination)"}),),
    day=("By Day", "Date", "Day"),
    month=("By Month", "Month"),
    metrics={
        "Impressions": "impressions",
        "Reach": "reach",
        "Clicks (destination)": "clicks",
        "Conversions": "conversions",
        "Total complete payment value": "revenue",
        "Likes": "likes",
        "Paid likes": "likes",
        "Comments": "comments",
        "Paid comments": "comments",
        "Shares": "shares",
        "Paid shares": "shares",
        "Follows": "new_followers",
        "Paid follows": "new_followers",
    },
    same=(
        ("Likes", "Paid likes"),
        ("Comments", "Paid comments"),
        ("Shares", "Paid shares"),
        ("Follows", "Paid follows"),
    ),
    overlaps={
        "Clicks (all)": "clicks",
        "Results": "conversions",
        "Complete payment": "conversions",
    },
    ignored=COMMON_IGNORED
    | {
        "Ad group name",
        "Ad group ID",
        "Ad name",
        "Ad ID",
        "Primary status",
        "Result type",
        "Campaign ID",
        "Frequency",
        "Optimization goal",
        "Placement",
    },
    currency=("Currency",),
    channel="TikTok",
    day_first=None,  # ISO dates
    decimal_comma=False,
    encoding="UTF-8 CSV, or .xlsx",
    breakdown="Ads Manager: Reporting > Custom report, dimension Day or Month",
    origin=(
        "TikTok Ads Manager exports as public importers read them (tests/data/exports/"
        "LAYOUTS.md: TikTok)"
    ),
)
TIKTOK_FR = replace(
    TIKTOK_EN,
    language="fr",
    identify=(frozenset({"Clics (destination)", "Par jour", "Par mois"}),),
    day=("Par jour", "Date", "Jour"),
    month=("Par mois", "Mois"),
    metrics={
        "Impressions": "impressions",
        "Couverture": "reach",
        "Clics (destination)": "clicks",
        "Conversions": "conversions",
        "Valeur totale des paiements effectués": "revenue",
        "J'aime": "likes",
        "Commentaires": "comments",
        "Partages": "shares",
        "Abonnements": "new_followers",
    },
    same=(),
    overlaps={"Clics (tous)": "clicks", "Résultats": "conversions"},
    ignored=COMMON_IGNORED
    | {
        "Nom du groupe de publicités",
        "Nom de la publicité",
        "Statut principal",
        "Type de résultat",
        "Répétition",
        "Fréquence",
    },
    day_first=True,
    decimal_comma=True,
    breakdown="Gestionnaire de publicités : Rapports > Rapport personnalisé, par jour ou par mois",
    origin=(
        "a public importer's French TikTok headers, the rest inferred (tests/data/exports/"
        "LAYOUTS.md: TikTok, French)"
    ),
)
