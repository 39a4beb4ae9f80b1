"""Pinterest Ads' reporting exports, in English and in French."""

from __future__ import annotations

from dataclasses import replace

from budgetbook.i18n.catalogue import N_
from budgetbook.read.sources.ads.base import COMMON_IGNORED, MetricSource

PINTEREST_EN = MetricSource(
    platform="pinterest",
    name=N_("Pinterest Ads"),
    language="en",
    identify=(
        frozenset(
            {
                "Spend in account currency",
                "Pin clicks",
                "Outbound clicks",
                "Total conversions (Checkout)",
            }
        ),
        frozenset({"Impressions"}),
    ),
    day=("Date",),
    metrics={
        "Impressions": "impressions",
        "Reach": "reach",
        "Outbound clicks": "clicks",
        "Saves": "saves",
        "Engagements": "engagements",
        "Total conversions (Checkout)": "conversions",
        "Checkouts": "conversions",
        "Total order value (Checkout)": "revenue",
        "Checkout value in account currency": "revenue",
    },
    same=(
        ("Total conversions (Checkout)", "Checkouts"),
        ("Total order value (Checkout)", "Checkout value in account currency"),
    ),
    overlaps={
        "Pin clicks": "clicks",  # every tap on a Pin, most staying on Pinterest
        "Paid impressions": "impressions",
        "Earned impressions": "impressions",
        "Total conversions": "conversions",  # every event: page visits, sign-ups, carts...
    },
    ignored=COMMON_IGNORED
    | {
        "Ad group name",
        "Ad group ID",
        "Ad name",
        "Ad ID",
        "Pin ID",
        "Spend in account currency",
        "Result",
        "Campaign objective",
        "Targeting type",
        "Targeting value",
    },
    channel="Pinterest",
    day_first=None,  # ISO dates
    decimal_comma=False,
    encoding="UTF-8 CSV",
    breakdown="Ads Manager: Reporting > Export, by day",
    origin=(
        "Pinterest Ads reporting exports as public dashboards read them, and Pinterest's"
        " reporting help (tests/data/exports/LAYOUTS.md: Pinterest)"
    ),
)
PINTEREST_FR = replace(
    PINTEREST_EN,
    language="fr",
    identify=(
        frozenset(
            {
                "Clics sur l'épingle",
                "Clics d'épingle",
                "Clics sortants",
                "Dépenses dans la devise du compte",
            }
        ),
        frozenset({"Impressions"}),
    ),
    day=("Date",),
    metrics={
        "Impressions": "impressions",
        "Couverture": "reach",
        "Clics sortants": "clicks",
        "Enregistrements": "saves",
        "Engagements": "engagements",
        "Total des conversions (Paiement)": "conversions",
        "Valeur totale des commandes (Paiement)": "revenue",
    },
    same=(),
    overlaps={"Clics sur l'épingle": "clicks", "Clics d'épingle": "clicks"},
    ignored=COMMON_IGNORED
    | {
        "Nom du groupe d'annonces",
        "ID du groupe d'annonces",
        "Nom de l'annonce",
        "Dépenses dans la devise du compte",
    },
    day_first=True,
    decimal_comma=True,
    breakdown="Gestionnaire d'annonces : Rapports > Exporter, par jour",
    origin=(
        "Pinterest's French help words for its metrics; no French export was found"
        " (tests/data/exports/LAYOUTS.md: Pinterest, French)"
    ),
)
