"""Meta Ads Manager's exports, in English and in French, and what a row's Results count: the
conversion kind its result indicator or result type names, if any."""

from __future__ import annotations

import re

from budgetbook.i18n.catalogue import N_
from budgetbook.read.sources.ads.base import COMMON_IGNORED, MetricSource
from budgetbook.read.sources.base import normalise_header

META_EN = MetricSource(
    platform="meta",
    name=N_("Meta Ads Manager"),
    language="en",
    identify=(frozenset({"Reporting starts"}),),
    single_day=("Day",),
    day=("Reporting starts",),
    end=("Reporting ends",),
    platforms=("Platform",),
    metrics={
        "Reach": "reach",
        "Impressions": "impressions",
        "Link clicks": "clicks",
        "Post engagement": "engagements",
        "Post engagements": "engagements",
        "Post reactions": "likes",
        "Post comments": "comments",
        "Post shares": "shares",
        "Post saves": "saves",
        "Page likes": "new_followers",
        "Facebook Page likes": "new_followers",
        "Page likes/follows": "new_followers",
        "Follows": "new_followers",
        "Page follows": "new_followers",
        "Instagram follows": "new_followers",
        "Facebook likes": "new_followers",
        "Purchases conversion value": "revenue",
        "Website purchases conversion value": "revenue",
        "Meta purchases conversion value": "revenue",
    },
    same=(
        (
            "Purchases conversion value",
            "Website purchases conversion value",
            "Meta purchases conversion value",
        ),
        ("Post engagement", "Post engagements"),
    ),
    conversions={
        "purchase": ("Purchases", "Website purchases", "Meta purchases", "On-Facebook purchases"),
        "lead": ("Leads", "Website leads", "Meta leads", "On-Facebook leads"),
        "registration": (
            "Registrations completed",
            "Website registrations completed",
            "Meta registrations completed",
        ),
    },
    results=("Results",),
    indicator=("Result indicator", "Result type"),
    overlaps={
        "Clicks (all)": "clicks",
        "Outbound clicks": "clicks",
        "Unique link clicks": "clicks",
        "Unique outbound clicks": "clicks",
        "Unique clicks (all)": "clicks",
        "Results value": "revenue",
    },
    ignored=COMMON_IGNORED
    | {
        "Ad set name",
        "Ad name",
        "Ad set ID",
        "Ad ID",
        "Campaign delivery",
        "Ad set delivery",
        "Ad delivery",
        "Attribution setting",
        "Starts",
        "Ends",
        "Bid",
        "Bid type",
        "Ad set budget",
        "Ad set budget type",
        "Placement",
        "Device platform",
        "Impression device",
        "Age",
        "Gender",
        "Country",
        "Region",
        "Account timezone",
        "Result value type",
        "Delivery status",
        "Delivery level",
        "Quality ranking",
        "Engagement rate ranking",
        "Conversion rate ranking",
        "Text",
        "Title",
        "Body",
        "Link",
        "Headline",
        "Ad Creative",
    },
    names=("Campaign name", "Ad set name", "Ad name", "Account name", "Platform"),
    currency=("Currency",),
    day_first=None,  # ISO dates
    decimal_comma=False,
    encoding="UTF-8 CSV, or .xlsx",
    breakdown="Ads Manager: Breakdown > By time > Day or Month",
    origin=(
        "Meta Ads Manager exports as parsed by public dashboards (tests/data/exports/LAYOUTS.md:"
        " Meta)"
    ),
)
META_FR = MetricSource(
    platform="meta",
    name=N_("Meta Ads Manager"),
    language="fr",
    identify=(frozenset({"Début des rapports"}),),
    single_day=("Jour",),
    day=("Début des rapports",),
    end=("Fin des rapports",),
    platforms=("Plateforme",),
    metrics={
        "Couverture": "reach",
        "Impressions": "impressions",
        "Clics sur un lien": "clicks",
        "Interactions avec la publication": "engagements",
        "Réactions à la publication": "likes",
        "Réactions à une publication": "likes",
        "Commentaires sur la publication": "comments",
        "Partages de la publication": "shares",
        "Partages de publications": "shares",
        "Enregistrements de la publication": "saves",
        "Mentions J'aime la Page": "new_followers",
        "J'aime sur Facebook": "new_followers",
        "Followers sur Instagram": "new_followers",
        "Abonnements Instagram": "new_followers",
        "Valeur de conversion des achats": "revenue",
        "Valeur de conversion des achats sur le site web": "revenue",
    },
    same=(
        ("Réactions à la publication", "Réactions à une publication"),
        ("Partages de la publication", "Partages de publications"),
        ("Valeur de conversion des achats", "Valeur de conversion des achats sur le site web"),
    ),
    conversions={
        "purchase": ("Achats", "Achats sur le site web"),
        "lead": ("Prospects", "Prospects sur le site web"),
        "registration": ("Inscriptions terminées", "Inscriptions terminées sur le site web"),
    },
    results=("Résultats",),
    indicator=("Indicateur de résultats", "Indicateur de résultat", "Type de résultat"),
    overlaps={
        "Clics (tous)": "clicks",
        "Clics sortants": "clicks",
        "Clics uniques sur un lien": "clicks",
        "Valeur des résultats": "revenue",
    },
    ignored=COMMON_IGNORED
    | {
        "Nom de l'ensemble de publicités",
        "Nom de la publicité",
        "ID de l'ensemble de publicités",
        "ID de la publicité",
        "Diffusion de la campagne",
        "Diffusion de l'ensemble de publicités",
        "Diffusion de la publicité",
        "Paramètre d'attribution",
        "Début",
        "Fin",
        "Enchère",
        "Type d'enchère",
        "Emplacement",
        "Âge",
        "Sexe",
        "Pays",
        "Région",
    },
    names=(
        "Nom de la campagne",
        "Nom de l'ensemble de publicités",
        "Nom de la publicité",
        "Nom du compte",
        "Plateforme",
    ),
    currency=("Devise",),
    day_first=True,
    decimal_comma=True,
    encoding="UTF-8 CSV with BOM, ';' and decimal commas, or .xlsx",
    breakdown="Gestionnaire de publicités : Répartition > Par période > Jour ou Mois",
    origin=(
        "a French Meta Ads Manager export's headers as a public dashboard reads them"
        " (tests/data/exports/LAYOUTS.md: Meta, French)"
    ),
)

# --- what a Meta result counts ------------------------------------------------------------------

# Indicators as older exports write them (actions:offsite_conversion.fb_pixel_purchase), and
# result types as newer ones do (Website purchases, Prospects (formulaire)), by kind.
_INDICATOR_KINDS = {
    "purchase": re.compile(
        r"(?:^|[:._ ])(?:omni_)?purchases?(?:_grouped)?$|\bpurchases?\b|\bachats?\b"
    ),
    "lead": re.compile(r"(?:^|[:._ ])leads?(?:_grouped)?$|\bleads?\b|\bprospects?\b"),
    "registration": re.compile(r"complete_registration|\bregistrations?\b|\binscriptions?\b"),
}
# Results that are not conversions: reach, clicks, views, engagement, messages, carts...
_NOT_CONVERSION = re.compile(
    r"^(?:reach|impressions|estimated_ad_recallers|video_thruplay_watched_actions"
    r"|profile_visit_view)$|(?:^|[:._])(?:link_click|landing_page_view|post_engagement"
    r"|page_engagement|like|video_view|post_reaction|post_save|add_to_cart|view_content"
    r"|initiate_checkout|add_payment_info|messaging_conversation_started_7d)$"
    r"|\b(?:reach|couverture|impressions?|link clicks?|clics?|thruplays?|engagements?"
    r"|interactions?|landing page views?|vues?|views?|video|videos|messaging|messages?"
    r"|conversations?|likes?|j aime|follows?|abonnements?|profile|profil|adds? to cart"
    r"|ajouts? au panier|checkouts? initiated|paiements? inities?|content|contenu"
    r"|ad recall|memorisation)\b"
)


def result_kind(indicator: str) -> str | None:
    """The conversion kind (purchase, lead, registration) a Meta result indicator or result
    type counts; "" when it is known not to be a conversion; None when it cannot be told."""
    raw = indicator.strip()
    key = normalise_header(raw)
    for kind, pattern in _INDICATOR_KINDS.items():
        if pattern.search(raw.casefold()) or pattern.search(key):
            return kind
    if _NOT_CONVERSION.search(raw.casefold()) or _NOT_CONVERSION.search(key):
        return ""
    return None
