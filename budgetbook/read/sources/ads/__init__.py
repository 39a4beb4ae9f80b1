"""Ad-platform metric exports, each layout declared once: Meta Ads Manager, Google Ads, LinkedIn
Campaign Manager, Pinterest Ads, Microsoft Advertising and TikTok Ads Manager, in the languages
their exports are written in, one module a platform; this one says in which order they are tried.

A metric source says how one platform's export in one language is laid out, as a finance
`Source` does for an accounting file: the headers that recognise it, which column gives each
row's day or month (or, for a report without one, that its title lines give its period), which
columns are metrics and which metric each is, the columns known and not read (names, settings,
money, ratios), how it writes dates and numbers, and which channel its rows are (`base`). One
reader, `budgetbook.read.metrics`, runs them all; `budgetbook.read.sources.recognise` recognises
a header among them as among the finance sources. Where each layout was learnt: the ``origin``
of each entry, and ``tests/data/exports/LAYOUTS.md``.

Spend is not read here: it comes from the budget's Actuals. Every header is compared after
`metric_key`, which keeps the words in brackets that change a column's meaning
(``Clicks (all)`` is not ``Link clicks``) and drops those that give a unit (``Amount spent
(EUR)``).
"""

from __future__ import annotations

from budgetbook.read.sources.ads.base import MetricSource
from budgetbook.read.sources.ads.google import GOOGLE_ADS_EN, GOOGLE_ADS_FR
from budgetbook.read.sources.ads.linkedin import LINKEDIN_EN, LINKEDIN_FR
from budgetbook.read.sources.ads.meta import META_EN, META_FR
from budgetbook.read.sources.ads.microsoft import MICROSOFT_EN, MICROSOFT_FR
from budgetbook.read.sources.ads.pinterest import PINTEREST_EN, PINTEREST_FR
from budgetbook.read.sources.ads.tiktok import TIKTOK_EN, TIKTOK_FR

# In the order they are tried: the first that recognises a header reads the file. A French
# layout comes before its English one where the English one is told by words both languages
# use (Impr., Conversions, CTR (destination)); Microsoft's downloads name Impr. as Google's do
# and have a Spend column where Google's have Cost: Microsoft's come first.
METRIC_SOURCES: tuple[MetricSource, ...] = (
    META_EN,
    META_FR,
    LINKEDIN_EN,
    LINKEDIN_FR,
    TIKTOK_FR,
    TIKTOK_EN,
    PINTEREST_EN,
    PINTEREST_FR,
    MICROSOFT_EN,
    MICROSOFT_FR,
    GOOGLE_ADS_FR,
    GOOGLE_ADS_EN,
)
PLATFORM_NAMES = {source.platform: source.name for source in METRIC_SOURCES}
