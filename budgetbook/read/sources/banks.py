"""Bank statements: money out of the account is spending, and is written either as a negative
amount in one signed column or in a Debit column beside a Credit one. Amounts include VAT.

Each bank's layout is recognised from its own headers; a statement of a bank not listed here is
recognised by what only a statement has (a value date, a balance, an "operation" date or label)
and read with the statement's sign. Where each layout was learnt: the ``origin`` of each entry,
and ``tests/data/sources/banks/LAYOUTS.md``.
"""

from __future__ import annotations

from budgetbook.i18n.catalogue import N_
from budgetbook.read.sources.base import Sign, Source
from budgetbook.read.sources.ledger import COLUMNS as LEDGER_COLUMNS


def _bank(
    key: str,
    name: str,
    identify: set[str],
    origin: str,
    *,
    day_first: bool | None = True,
    decimal_comma: bool | None = True,
    states: tuple[str, ...] | None = None,
    **columns: str,
) -> Source:
    """A bank's own layout: ``identify`` its headers, ``columns`` the header of each canonical
    column it has. French banks write ``31/01/2026`` and ``1234,56``."""
    return Source(
        key=key,
        name=name,
        columns={name: (header,) for name, header in columns.items()},
        identify=(frozenset(identify),),
        sign=Sign.NEGATIVE,
        day_first=day_first,
        decimal_comma=decimal_comma,
        tax_included=True,
        states=states,
        origin=origin,
    )


# Each bank's layout, as its CSV download writes it (tests/data/sources/banks/LAYOUTS.md says
# where each was learnt, and how sure that is).
BANKS: tuple[Source, ...] = (
    _bank(
        "boursobank",
        N_("BoursoBank statement"),
        {"dateOp", "dateVal", "label", "amount", "accountbalance"},
        "parsers of BoursoBank exports; firefly-iii/import-configurations",
        day_first=None,  # ISO dates
        date="dateOp",
        amount="amount",
        description="label",
        vendor="supplierFound",
    ),
    _bank(
        "societe-generale",
        N_("Société Générale statement"),
        {"Date de l'opération", "Détail de l'écriture", "Montant de l'opération"},
        "AiroPi/moneymanager and other parsers of Société Générale exports",
        date="Date de l'opération",
        amount="Montant de l'opération",
        description="Détail de l'écriture",  # the full label: Libellé is cut to 18 characters
        currency="Devise",
    ),
    _bank(
        "societe-generale-2019",
        "Société Générale statement (2019 layout)",
        {"date_comptabilisation", "libellé_complet_operation", "montant_operation"},
        "a blog post showing the export's first lines (enodev.fr)",
        date="date_comptabilisation",
        amount="montant_operation",
        description="libellé_complet_operation",
        currency="devise",
    ),
    _bank(
        "credit-agricole",
        N_("Crédit Agricole statement"),
        {"Date", "Libellé", "Débit euros", "Crédit euros"},
        "jbleduigou/budgetcategorizer and other parsers of Crédit Agricole exports",
        date="Date",
        amount="Débit euros",
        credit="Crédit euros",
        description="Libellé",
    ),
    _bank(
        "credit-mutuel",
        N_("Crédit Mutuel or CIC statement"),
        {"Date", "Date de valeur", "Débit", "Crédit", "Libellé", "Solde"},
        "vrischmann/beancount-importers; afup/web",
        date="Date",
        amount="Débit",
        credit="Crédit",
        description="Libellé",
    ),
    _bank(
        "caisse-epargne",
        N_("Caisse d'Epargne or Banque Populaire statement"),
        {"Date de comptabilisation", "Libelle simplifie", "Libelle operation", "Debit", "Credit"},
        "mincong-h/finance-toolkit; NonoHM/budgetpilot",
        date="Date operation",  # the day of the payment; the booking may be days later
        amount="Debit",
        credit="Credit",
        description="Libelle operation",
        vendor="Libelle simplifie",
    ),
    _bank(
        "banque-postale",
        N_("La Banque Postale statement"),
        {"Date", "Libellé", "Montant(EUROS)"},
        "configurations and tests of La Banque Postale importers",
        date="Date",
        amount="Montant(EUROS)",
        description="Libellé",
    ),
    _bank(
        "fortuneo",
        N_("Fortuneo statement"),
        {"Date opération", "Date valeur", "libellé", "Débit", "Crédit"},
        "mincong-h/finance-toolkit; firefly-iii/import-configurations",
        date="Date opération",
        amount="Débit",
        credit="Crédit",
        description="libellé",
    ),
    _bank(
        "qonto",
        N_("Qonto statement"),
        {"Date de l'opération (local)", "Montant total (TTC)", "Nom de la contrepartie"},
        "parsers of Qonto's French export",
        states=("Exécuté",),
        date="Date de l'opération (local)",
        amount="Montant total (TTC)",
        vendor="Nom de la contrepartie",
        description="Référence",
        currency="Devise",
        state="Statut",
    ),
    _bank(
        "qonto-english",
        "Qonto statement (English)",
        {"Settlement date (UTC)", "Total amount (incl. VAT)", "Counterparty name"},
        "enobase/demo-coda-export, src/parsers/qonto.ts",
        day_first=None,  # ISO dates
        decimal_comma=False,
        states=("settled", "executed"),
        date="Operation date (UTC)",
        amount="Total amount (incl. VAT)",
        vendor="Counterparty name",
        description="Reference",
        currency="Currency",
        state="Status",
    ),
    _bank(
        "shine",
        N_("Shine statement"),
        {"Transaction ID", "Solde mouvement", "Nom de la contrepartie", "Débit", "Crédit"},
        "rodulfo-dmgz/RD-Recueil; babao60/ComptaTVA-Auto",
        date="Date d'opération",
        amount="Débit",
        credit="Crédit",
        description="Libellé",
        vendor="Nom de la contrepartie",
    ),
    Source(
        key="bnp-paribas",
        name=N_("BNP Paribas statement"),
        columns={
            "date": ("Date",),
            "description": ("Libellé opération",),
            "vendor": ("Libellé court",),
            "amount": ("Montant",),
        },
        headless=("Date", "Libellé court", "Type opération", "Libellé opération", "Montant"),
        # The account's name, again HTML-escaped, its masked number, the day and the balance.
        title=(".*", ".*", r"\*+\d+", r"\d{2}/\d{2}/\d{4}", "", r"-?\d[\d \u00a0]*(,\d+)?"),
        sign=Sign.NEGATIVE,
        day_first=True,
        decimal_comma=True,
        tax_included=True,
        origin="mincong-h/finance-toolkit; BrunBrun24/InsightBank",
    ),
    Source(
        key="lcl",
        name=N_("LCL statement"),
        # LCL writes no header: these titles are budgetbook's. A row's label is in the fifth
        # column when money goes out and in the sixth when it comes in (a transfer received).
        columns={
            "date": ("Date",),
            "amount": ("Montant",),
            "description": ("Libellé",),
            "vendor": ("Libellé du crédit",),
        },
        headless=(
            "Date",
            "Montant",
            "Type",
            "Référence",
            "Libellé",
            "Libellé du crédit",
            "Indicateur",
            "Catégorie",
        ),
        # Its first line is the balance on the first day and the account (agency and number):
        # 02/03/2026;5000;;00999 123456K. The same line at the end gives the last balance.
        title=(r"\d{2}/\d{2}/\d{4}", r"-?\d+(,\d+)?", "", r"\d{5} \d{6}[A-Z]"),
        sign=Sign.NEGATIVE,
        day_first=True,
        decimal_comma=True,
        tax_included=True,
        origin="tests of public parsers of LCL's CSV download (Go, TypeScript, Rust, Java);"
        " trychlos/openbook, src/import-lcl/ofa-importer.c",
    ),
    _bank(
        "n26",
        N_("N26 statement"),
        {"Booking Date", "Partner Name", "Amount (EUR)"},
        "beancount importers and tests of N26 exports",
        day_first=None,  # ISO dates
        decimal_comma=False,
        date="Booking Date",
        amount="Amount (EUR)",
        vendor="Partner Name",
        description="Payment Reference",
    ),
    _bank(
        "revolut",
        N_("Revolut statement"),
        {"Type", "Product", "Started Date", "Completed Date", "Amount", "Currency", "State"},
        "mincong-h/finance-toolkit and other parsers of Revolut exports",
        day_first=None,  # ISO dates
        decimal_comma=False,
        states=("COMPLETED",),
        date="Started Date",
        amount="Amount",
        description="Description",
        currency="Currency",
        state="State",
    ),
    _bank(
        "revolut-french",
        "Revolut statement (French)",
        {"Type", "Produit", "Date de début", "Date de fin", "Montant", "Devise", "État"},
        "NonoHM/budgetpilot, src/lib/server/import/profiles/revolut.ts, and tests of two other"
        " parsers of Revolut's French export",
        day_first=None,  # ISO dates, as in English
        decimal_comma=False,
        states=("TERMINÉ",),  # EN ATTENTE (pending), ANNULÉ (cancelled) are not payments
        date="Date de début",
        amount="Montant",
        description="Description",
        currency="Devise",
        state="État",
    ),
)

# Headers that only a bank statement has.
STATEMENT_HEADERS = (
    "date de valeur", "date valeur", "value date", "solde", "balance", "date operation",
    "date de l operation", "date d operation", "booking date", "libelle operation",
    "libelle de l operation", "montant operation", "montant de l operation",
    "montant operation en euro",
)  # fmt: skip

BANK_STATEMENT = Source(
    key="bank",
    name=N_("bank statement"),
    columns={
        **LEDGER_COLUMNS,
        "date": (
            "date operation", "date de l operation", "date d operation", "booking date",
            "date comptable", "date", *LEDGER_COLUMNS["date"],
        ),
        "amount": (
            "montant operation en euro", "montant de l operation", "montant operation",
            "montant en euros", "montant eur", "montant", "amount", *LEDGER_COLUMNS["amount"],
        ),
        "description": (
            "libelle operation", "libelle de l operation", "libelle", "libelle simplifie",
            *LEDGER_COLUMNS["description"],
        ),
        "account": (),  # a statement's account number is the bank account's, not a ledger's
    },
    identify=tuple(frozenset({header}) for header in STATEMENT_HEADERS),
    sign=Sign.NEGATIVE,
    tax_included=True,
    origin="the headers French bank statements share (see tests/data/sources/banks/LAYOUTS.md)",
)  # fmt: skip
