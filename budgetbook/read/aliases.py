"""The other names people write for the input tables' columns and values, French ones first.

One table, read by every reader, so a French project folder reads the same whatever language
the workbook is written in. Names are compared after `normalise`, so the table lists each
name once, however it is cased, accented or joined (``nouveaux_abonnés``, ``Nouveaux abonnes``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from pathlib import PurePath

from budgetbook.i18n.messages import Text, Translated

# Canonical column -> other headers meaning it, in any input table.
COLUMNS: dict[str, tuple[str, ...]] = {
    "category": ("catégorie",),
    "line": ("poste", "ligne", "poste budgétaire", "ligne budgétaire"),
    "channel": ("canal",),
    "carry_over": ("report",),
    "opening": ("ouverture", "solde d'ouverture", "report à nouveau", "opening balance"),
    "vat": ("tva", "taux de tva", "vat rate"),
    "match": ("texte", "correspondance", "contient"),
    "objective": ("objectif",),
    "metric": ("indicateur", "métrique"),
    "baseline": ("base", "référence", "point de départ", "valeur de départ"),
    "target": ("cible", "valeur cible"),
    "deadline": ("échéance", "date limite"),
    "owner": ("responsable",),
    "start": ("début", "date de début"),
    "end": ("fin", "date de fin"),
    "duration": ("durée",),
    "status": ("statut", "état"),
    "complete": ("% complete", "progress", "avancement", "% fait", "% réalisé", "réalisé"),
    "time": ("heure",),
    "platform": ("plateforme", "réseau"),
    "topic": ("sujet", "thème"),
    "campaign": ("campagne",),
    "month": ("mois",),
    "value": ("valeur",),
    "operation": ("opération",),
    "objective_type": ("type d'objectif", "type"),
    "segment": ("segment cible",),
    "lever": ("levier",),
    "cost": ("coût",),
    "opt_ins": ("optins",),
    "new_contacts": ("nouveaux contacts",),
    "revenue": ("chiffre d'affaires", "ca", "revenus"),
}
# Names whose meaning depends on the file, by file stem: an operation's "objectif" is the
# figure it aims at and its "cible" the people it targets, where an objective's "cible" is
# its target figure.
FILE_COLUMNS: dict[str, dict[str, tuple[str, ...]]] = {
    "operations": {
        "target": ("objectif", "objectif chiffré", "valeur cible"),
        "segment": ("cible", "segment cible"),
    },
}

# Kind of value -> canonical value -> the names accepted for it. The first is the French
# word a hint shows; the others are any other spelling people write, in either language.
VALUES: dict[str, dict[str, tuple[str, ...]]] = {
    "carry_over": {
        "none": ("aucun", "aucune"),
        "surplus": ("surplus", "excédent"),
        "full": ("total", "tout"),
    },
    "metric": {
        "followers": ("abonnés",),
        "new_followers": ("nouveaux abonnés", "abonnés gagnés"),
        "lost_followers": (
            "désabonnements",
            "abonnés perdus",
            "désabonnés",
            "lost followers",
            "unfollows",
            "lost followers (unfollows)",
        ),
        "reach": ("portée",),
        "impressions": ("impressions",),
        "engagements": ("interactions", "engagement"),
        "likes": ("j'aime", "mentions j'aime"),
        "comments": ("commentaires",),
        "shares": ("partages",),
        "saves": ("enregistrements", "sauvegardes"),
        "clicks": ("clics",),
        "conversions": ("conversions",),
        "revenue": ("chiffre d'affaires", "ca", "revenu", "revenus"),
    },
    "roadmap_status": {
        "planned": ("prévu", "planifié", "à faire", "to do", "todo"),
        "in progress": ("en cours", "ongoing", "started"),
        "done": ("terminé", "fait", "completed"),
        "blocked": ("bloqué", "en pause", "en attente", "on hold"),
    },
    "post_status": {
        "idea": ("idée",),
        "draft": ("brouillon", "en cours", "in progress"),
        "scheduled": ("programmé", "planifié", "planned"),
        "published": ("publié", "posted", "live"),
    },
    # The French words of the operation review template first: conquête, fidélisation...
    "objective_type": {
        "acquisition": ("conquête", "acquisition", "recrutement"),
        "loyalty": ("fidélisation", "retention"),
        "engagement": ("animation", "engagement"),
        "traffic": ("génération de trafic", "trafic"),
        "satisfaction": (
            "connaissance clients / satisfaction",
            "connaissance clients/satisfaction",
            "connaissance clients",
            "connaissance client",
        ),
        "data quality": ("qualification de la base", "qualité des données", "data"),
    },
}


def normalise(text: str) -> str:
    """No case, no accents, and spaces, underscores, hyphens and apostrophes alike."""
    plain = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[\s_\-'’]+", " ", plain).split())


def column_names(name: str, file: str) -> tuple[str, ...]:
    """The headers that mean column ``name`` in ``file``, the canonical name first."""
    specific = FILE_COLUMNS.get(PurePath(file).stem.casefold(), {})
    return (name, *specific.get(name, COLUMNS.get(name, ())))


def french_name(name: str, file: str) -> str:
    """The name a French header gives column ``name`` (``poste`` for line), else its own."""
    return (column_names(name, file)[1:] or (name,))[0]


def column_list(names: Iterable[str], file: str) -> Translated:
    """``month, channel, metric, value`` for a hint; in French ``mois, canal, indicateur,
    valeur``."""
    names = list(names)
    return Translated(
        {"en": ", ".join(names), "fr": ", ".join(french_name(name, file) for name in names)}
    )


def value_name(kind: str, canonical: str) -> Translated:
    """A canonical value as a message shows it: ``reach``, in French ``portée``."""
    return Translated({"en": canonical, "fr": VALUES[kind][canonical][0]})


def parse_value(kind: str, text: str) -> str | None:
    """The canonical value ``text`` names among ``kind``'s values, or None."""
    return _LOOKUP[kind].get(normalise(text))


def accepted(kind: str) -> Text:
    """The values a hint offers in both languages: ``none, surplus, full. In French: aucun,
    surplus, total``, and the French first in a French message."""
    values = VALUES[kind]
    return Text(
        "{english}. In French: {french}",
        english=", ".join(values),
        french=", ".join(names[0] for names in values.values()),
    )


_LOOKUP = {
    kind: {normalise(name): canonical for canonical, names in values.items()
           for name in (canonical, *names)}
    for kind, values in VALUES.items()
}  # fmt: skip
