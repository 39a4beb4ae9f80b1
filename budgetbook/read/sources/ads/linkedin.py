"""LinkedIn Campaign Manager's campaign performance reports, in English and in French."""

from __future__ import annotations

from dataclasses import replace

from budgetbook.i18n.catalogue import N_
from budgetbook.read.sources.ads.base import COMMON_IGNORED, MetricSource

LINKEDIN_EN = MetricSource(
    platform="linkedin",
    name=N_("LinkedIn Campaign Manager"),
    language="en",
    identify=(
        frozenset({"Start Date (in UTC)", "Campaign Group Name"}),
        frozenset({"Total Spent", "Total Engagements"}),
        frozenset({"Impressions"}),
    ),
    day=("Start Date (in UTC)",),
    end=("End Date (in UTC)",),
    metrics={
        "Reach": "reach",
        "Impressions": "impressions",
        "Clicks": "clicks",
        "Total Engagements": "engagements",
        "Reactions": "likes",
        "Comments": "comments",
        "Shares": "shares",
        "Follows": "new_followers",
        "Conversions": "conversions",
        # Lead gen form submissions, which LinkedIn counts apart from the website conversions
        # its Insight Tag tracks: both are conversions.
        "Leads": "conversions",
        "Total Conversion Value": "revenue",
        "Conversion Value": "revenue",
    },
    same=(("Total Conversion Value", "Conversion Value"),),
    overlaps={
        "Clicks to Landing Page": "clicks",
        "Clicks to LinkedIn Page": "clicks",
        "Total Social Actions": "engagements",  # reactions + comments + shares + follows
        "Post-Click Conversions": "conversions",
        "View-Through Conversions": "conversions",
    },
    ignored=COMMON_IGNORED
    | {
        "Campaign Group Name",
        "Campaign Group ID",
        "Campaign Group Status",
        "Campaign Start Date",
        "Campaign End Date",
        "Creative Name",
        "Creative ID",
        "Ad Introduction Text",
        "Ad Headline",
        "Click URL",
        "Carousel Card",
        "Bid Strategy",
        "Cost Type",
        "Unit Cost",
        "Conversion Name",
        "Conversion Type",
    },
    currency=("Currency",),
    channel="LinkedIn",
    day_first=False,  # 10/1/2026 is October 1st
    decimal_comma=False,
    period_lines=True,
    encoding="UTF-16 with tabs (campaign performance report), or UTF-8 CSV",
    breakdown="Campaign Manager: Export, Time breakdown Daily or Monthly",
    origin=(
        "LinkedIn Campaign Manager campaign performance reports as public parsers read them"
        " (tests/data/exports/LAYOUTS.md: LinkedIn)"
    ),
)
LINKEDIN_FR = replace(
    LINKEDIN_EN,
    language="fr",
    identify=(frozenset({"Nom du groupe de campagnes"}), frozenset({"Impressions"})),
    day=("Date de début (en UTC)", "Date de début"),
    end=("Date de fin (en UTC)", "Date de fin"),
    metrics={
        "Couverture": "reach",
        "Impressions": "impressions",
        "Clics": "clicks",
        "Total des interactions": "engagements",
        "Réactions": "likes",
        "Commentaires": "comments",
        "Partages": "shares",
        "Abonnements": "new_followers",
        "Conversions": "conversions",
        "Valeur totale des conversions": "revenue",
    },
    same=(),
    overlaps={"Clics vers la page de destination": "clicks"},
    ignored=COMMON_IGNORED
    | {
        "Nom du groupe de campagnes",
        "ID du groupe de campagnes",
        "Nom de la publicité",
        "ID Pub",
        "Statut de la publicité",
        "Texte pub présentation",
        "Titre de la publicité",
        "URL à cliquer",
        "Type de coût",
    },
    currency=("Devise",),
    day_first=True,
    decimal_comma=True,
    breakdown="Campaign Manager : Exporter, répartition temporelle Quotidienne ou Mensuelle",
    origin=(
        "a French Campaign Manager report's identifying headers, read by a public script; its"
        " metric headers are inferred (tests/data/exports/LAYOUTS.md: LinkedIn, French)"
    ),
)
