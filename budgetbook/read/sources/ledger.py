"""The generic ledger or journal: any table with a date and an amount, budgetbook's own
canonical headers (and the hand-off workbook's) among them. A positive amount, or a Debit, is
spending, as a debit to an expense account is."""

from __future__ import annotations

from budgetbook.i18n.catalogue import N_
from budgetbook.read.sources.base import Source

# Headers that exports use for each canonical column, most specific first.
COLUMNS: dict[str, tuple[str, ...]] = {
    "date": (
        "date", "transaction date", "date operation", "date d operation",
        "date de l operation", "date comptable", "date de la transaction", "date facture",
        "invoice date", "day", "jour", "posting date", "booking date", "journal date",
        "journaldate", "reporting starts", "debut des rapports", "billing date",
        "date de facturation", "date ecriture",
    ),
    "amount": (
        "amount", "montant", "montant ttc", "amount spent", "montant depense", "cost", "cout",
        "spend", "depense", "total amount", "debit", "debit euros", "debit eur", "debit amount",
    ),
    "credit": ("credit", "credit euros", "credit eur", "credit amount"),
    "line": ("line", "budget line", "ligne", "ligne budgetaire", "poste", "poste budgetaire"),
    "description": (
        "description", "libelle", "label", "memo", "intitule", "campaign", "campaign name",
        "campagne", "nom de la campagne", "libelle ecriture", "libelle operation",
        "libelle de l operation", "narration", "details",
    ),
    "vendor": (
        "vendor", "supplier", "payee", "fournisseur", "tiers", "beneficiaire", "contact",
        "merchant", "commercant",
    ),
    "account": (
        "account", "compte", "gl account", "n compte", "numero de compte", "compte general",
        "account code",
    ),
}  # fmt: skip

LEDGER = Source(
    key="ledger",
    name=N_("ledger or journal"),
    columns=COLUMNS,
    origin="budgetbook's canonical columns and the headers of common ledger exports",
)
