"""Ad-platform metric exports, each layout declared once: Meta Ads Manager, Google Ads, LinkedIn
Campaign Manager, Pinterest Ads, Microsoft Advertising and TikTok Ads Manager, in the languages
their exports are written in.

A metric source says how one platform's export in one language is laid out, as a finance
`Source` does for an accounting file: the headers that recognise it, which column gives each
row's day or month (or, for a report without one, that its title lines give its period), which
columns are metrics and which metric each is, the columns known and not read (names, settings,
money, ratios), how it writes dates and numbers, and which channel its rows are. One reader,
`budgetbook.read.metrics`, runs them all; `budgetbook.read.sources.recognise` recognises a
header among them as among the finance sources. Where each layout was learnt: the ``origin`` of
each entry, and ``tests/data/exports/LAYOUTS.md``.

Spend is not read here: it comes from the budget's Actuals. Every header is compared after
`metric_key`, which keeps the words in brackets that change a column's meaning
(``Clicks (all)`` is not ``Link clicks``) and drops those that give a unit (``Amount spent
(EUR)``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from budgetbook.i18n.catalogue import N_
from budgetbook.read.sources.base import Titles, normalise_header

CONVERSION_KINDS = ("purchase", "lead", "registration")


def metric_key(title: str) -> str:
    """A header as metric sources compare it: `normalise_header`, keeping the words in brackets
    that change the meaning and dropping those that give a unit (a currency, %, UTC)."""

    def bracket(match: re.Match[str]) -> str:
        inner = match[1].strip()
        unit = (len(inner) == 3 and inner.isalpha() and inner.isupper()) or inner.casefold() in {
            "€", "$", "£", "%", "utc", "in utc", "en utc",
        }  # fmt: skip
        return " " if unit else f" {inner} "

    return normalise_header(re.sub(r"\(([^()]*)\)", bracket, title), units=True)


def header_unit(title: str) -> str | None:
    """The currency a header names in brackets (``Amount spent (AUD)``), or None."""
    found = re.findall(r"\(([A-Z]{3})\)", title)
    return found[-1] if found else None


def _keys(names) -> tuple[str, ...]:
    return tuple(metric_key(name) for name in names)


@dataclass(frozen=True)
class MetricSource:
    """One layout of one platform's export. Header names are written as the export writes
    them and compared after `metric_key`.

    ``metrics`` maps a header to the metric it counts; two headers of one metric add up (a
    Meta export's purchases and leads are both conversions). ``same`` lists headers that count
    one thing: only the first present is read (``Purchases``, else ``Website purchases``).
    ``overlaps`` are headers that restate a metric read from another column: ignored when that
    metric is read from the file, reported as a column not read otherwise. ``ignored``: known,
    and not metrics (names, ids, settings, money; ratios are told from their names)."""

    platform: str  # as --json names the export's kind: "meta", "google_ads", ...
    name: str  # as the summary shows it
    language: str  # of its headers: "en" or "fr"
    identify: tuple[frozenset[str], ...]  # the header has a column of each set
    single_day: tuple[str, ...] = ()  # the row's one day, where a row can also be a range
    day: tuple[str, ...] = ()  # the row's day (or first day, for a row covering a range)
    end: tuple[str, ...] = ()  # the range's last day, when rows cover a range
    month: tuple[str, ...] = ()  # the row's month, when rows are months
    platforms: tuple[str, ...] = ()  # a breakdown naming the channel of each row
    metrics: dict[str, str] = field(default_factory=dict)
    same: tuple[tuple[str, ...], ...] = ()
    overlaps: dict[str, str] = field(default_factory=dict)
    ignored: frozenset[str] = frozenset()
    names: tuple[str, ...] = ()  # all blank in a summary row that still has its dates
    # Meta: "Results" count whatever the campaign optimises for, named by the row's result
    # indicator (or result type); only purchases, leads and registrations are conversions.
    results: tuple[str, ...] = ()
    indicator: tuple[str, ...] = ()
    # The columns that count each kind of conversion, the first present read: the rows whose
    # results are of a kind that has its column are counted from that column, not twice.
    conversions: dict[str, tuple[str, ...]] = field(default_factory=dict)
    currency: tuple[str, ...] = ()  # a column naming the currency of its money columns
    channel: str | None = None  # the rows' channel; None: the platform breakdown or a setting
    day_first: bool | None = None  # numeric dates; None: told by a day above 12, else refused
    decimal_comma: bool = False  # how the language writes decimals, when no number tells
    period_lines: bool = False  # a report without a date column has its period in its title
    encoding: str = ""  # as the platform writes the file (the reader reads any)
    breakdown: str = ""  # where its menus give rows by day or month, in its own words
    origin: str = ""  # where the layout was learnt, for the guide and the tests

    def __post_init__(self) -> None:
        keyed = {
            "single_day": _keys(self.single_day),
            "day": _keys(self.day),
            "end": _keys(self.end),
            "month": _keys(self.month),
            "platforms": _keys(self.platforms),
            "names": _keys(self.names),
            "results": _keys(self.results),
            "indicator": _keys(self.indicator),
            "currency": _keys(self.currency),
            "identify": tuple(frozenset(_keys(names)) for names in self.identify),
            "same": tuple(_keys(group) for group in self.same),
            "metrics": {metric_key(k): v for k, v in self.metrics.items()},
            "overlaps": {metric_key(k): v for k, v in self.overlaps.items()},
            "ignored": frozenset(_keys(self.ignored)),
            "conversions": {kind: _keys(names) for kind, names in self.conversions.items()},
        }
        for name, value in keyed.items():
            object.__setattr__(self, name, value)

    def recognises(self, titles: HeaderKeys) -> bool:
        """Whether a header is this layout's: it has a column of each of ``identify``."""
        return all(titles.keys & wanted for wanted in self.identify)


class HeaderKeys(Titles):
    """A header's titles as every source compares them: the finance sources' `Titles`, and
    each title's `metric_key` for the metric sources."""

    def __init__(self, header: list[str]):
        super().__init__(header)
        self.raw = list(header)
        self.keys = {metric_key(title) for title in header if title}


# Names, ids, settings and money, in every platform's words: known, and not metrics (spend
# comes from the Actuals).
COMMON_IGNORED = frozenset(
    {
        "account", "account name", "account id", "compte", "nom du compte", "id du compte",
        "campaign", "campaign name", "campaign id", "campagne", "nom de la campagne",
        "id de la campagne", "campaign status", "campaign state", "etat de la campagne",
        "statut de la campagne", "status", "etat", "statut", "campaign type",
        "type de campagne", "objective", "objectif", "campaign objective", "currency",
        "currency code", "devise", "code de la devise", "amount spent", "montant depense",
        "cost", "cout", "spend", "depense", "depenses", "total spent", "total depense", "budget",
        "daily budget", "total budget", "budget quotidien", "delivery", "diffusion",
    }
)  # fmt: skip

# --- Meta Ads Manager -------------------------------------------------------------------------

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

# --- Google Ads -------------------------------------------------------------------------------

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

# --- LinkedIn Campaign Manager -----------------------------------------------------------------

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

# --- Pinterest Ads ------------------------------------------------------------------------------

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

# --- Microsoft Advertising ----------------------------------------------------------------------

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

# --- TikTok Ads Manager -------------------------------------------------------------------------

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
