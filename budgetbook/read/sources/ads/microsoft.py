"""Microsoft Advertising's report downloads, in English and in French."""

from __future__ import annotations

from dataclasses import replace

from budgetbook.i18n.catalogue import N_
from budgetbook.read.sources.ads.base import COMMON_IGNORED, MetricSource

MICROSOFT_EN = MetricSource(
    platform="microsoft_ads",
    name=N_("Microsoft Advertising"),
    language="en",
    identify=(
        frozenset({"Spend"}),
        frozenset({"Impressions", "Impr."}),
        frozenset(
            {
                "TimePeriod",
                "CampaignName",
                "Gregorian date",
                "Campaign name",
                "AccountName",
                "Account name",
            }
        ),
    ),
    day=("TimePeriod", "Gregorian date", "Date", "Day"),
    month=("Month",),
    metrics={
        "Impressions": "impressions",
        "Impr.": "impressions",
        "Clicks": "clicks",
        "Conversions": "conversions",
        "Conv.": "conversions",
        "Revenue": "revenue",
    },
    same=(("Conversions", "Conv."), ("Impressions", "Impr.")),
    overlaps={
        "AllConversions": "conversions",
        "AllRevenue": "revenue",
        "All conv.": "conversions",
        "All revenue": "revenue",
    },
    ignored=COMMON_IGNORED
    | {
        "AccountName",
        "AccountId",
        "AccountNumber",
        "CampaignName",
        "CampaignId",
        "CampaignStatus",
        "CurrencyCode",
        "AdDistribution",
        "AdGroupName",
        "AdGroupId",
        "DeviceType",
        "Network",
        "Ad group",
        "Ad group name",
        "Device type",
        "Keyword",
        "Match type",
    },
    currency=("CurrencyCode", "Currency code"),
    channel="Microsoft Advertising",
    day_first=False,  # 3/1/2026 is March 1st
    decimal_comma=False,
    period_lines=True,
    encoding="UTF-8 CSV with BOM, its title lines quoted, a copyright line at the end",
    breakdown="Reports: Time > Daily or Monthly",
    origin=(
        "Microsoft Advertising's documented report file (title lines, columns, footer) and"
        " public parsers of its downloads (tests/data/exports/LAYOUTS.md: Microsoft)"
    ),
)
MICROSOFT_FR = replace(
    MICROSOFT_EN,
    language="fr",
    identify=(
        frozenset({"Dépense", "Dépenses"}),
        frozenset({"Impressions", "Impr."}),
        frozenset({"Nom de la campagne", "Date grégorienne", "Nom du compte"}),
    ),
    day=("Date grégorienne", "Date", "Jour"),
    month=("Mois",),
    metrics={
        "Impressions": "impressions",
        "Impr.": "impressions",
        "Clics": "clicks",
        "Conversions": "conversions",
        "Conv.": "conversions",
        "Chiffre d'affaires": "revenue",
        "Revenus": "revenue",
    },
    same=(("Conversions", "Conv."), ("Impressions", "Impr."), ("Chiffre d'affaires", "Revenus")),
    overlaps={},
    currency=("Code de la devise",),
    day_first=True,
    decimal_comma=True,
    breakdown="Rapports : Période > Quotidien ou Mensuel",
    origin=(
        "the English layout with French column names inferred; no French download was found"
        " (tests/data/exports/LAYOUTS.md: Microsoft, French)"
    ),
)
