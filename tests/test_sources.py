"""Finance files as they really come: each source recognised, read with the right sign, and
every file read or listed as not read. The fixtures reproduce real exports' layouts (headers,
title lines, encodings, line ends, number and sign conventions); where each layout was learnt
is in ``data/sources/banks/LAYOUTS.md`` and ``data/sources/fec/FEC.md``."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from budgetbook.commands.build import build_workbook
from budgetbook.read.project import load_project
from budgetbook.read.sources import BY_KEY
from budgetbook.write.sheets.actuals_sheet import AMOUNT, CURRENCY, ORIGINAL, RATE, VAT
from tests.conftest import write_csv
from tests.recalc import compare, recalculate

DATA = Path(__file__).parent / "data" / "sources"
BANKS = DATA / "banks"
FEC = DATA / "fec"
MONTHS = [f"2026-{month:02d}" for month in range(1, 13)]


def project(
    root: Path, lines: list[str], rules: list[tuple[str, str]], toml: str = "", tax="excluded"
) -> Path:
    """A project of ``lines`` (100 a month each) and mapping ``rules``, with no actuals yet;
    its budget on the ``tax`` basis: before tax, as French businesses budget, or included."""
    (root / "actuals").mkdir(parents=True)
    (root / "budgetbook.toml").write_text(
        '[company]\nname = "Test"\ncurrency = "EUR"\n\n[budget]\nstart = "2026-01"\n'
        f'tax = "{tax}"\n' + toml,
        encoding="utf-8",
    )
    write_csv(
        root / "budget.csv",
        [
            ["category", "line", "channel", "carry_over", *MONTHS],
            *[["Marketing", line, "", "none", *["100"] * 12] for line in lines],
        ],
    )
    write_csv(root / "mapping.csv", [["match", "line"], *rules])
    return root


def spent_by_line(loaded) -> dict[str, Decimal]:
    spent: dict[str, Decimal] = {}
    for transaction in loaded.transactions:
        spent[transaction.line] = spent.get(transaction.line, Decimal(0)) + transaction.amount
    return spent


# --- bank statements ------------------------------------------------------------------------

# Each bank's statement holds the same five operations: card payments of 120.50 (FACEBK),
# 11.99 (CANVA) and 1,234.56 (GOOGLE ADS), a customer's transfer of 1,250.00 in, and a
# refund of 11.99 (CANVA) in.
BANK_FILES = {
    "banque-postale.csv": "banque-postale",
    "bnp-paribas.csv": "bnp-paribas",
    "boursobank.csv": "boursobank",
    "caisse-epargne.csv": "caisse-epargne",
    "credit-agricole.csv": "credit-agricole",
    "credit-agricole-2019.csv": "credit-agricole",
    "credit-mutuel.csv": "credit-mutuel",
    "fortuneo.csv": "fortuneo",
    "n26.csv": "n26",
    "qonto.csv": "qonto",
    "qonto-english.csv": "qonto-english",  # and a declined payment, not counted
    "revolut.csv": "revolut",
    "shine.csv": "shine",
    "societe-generale.csv": "societe-generale",
    "societe-generale-legacy.csv": "societe-generale-2019",
    "revolut-french.csv": "revolut-french",  # and a pending payment, not counted
    "lcl.csv": "lcl",  # no header; a balance line first and last
}
# The payments of a statement that did not go through, by file: not counted.
NOT_COMPLETED = {
    "qonto-english.csv": ["its state is declined: not a completed payment"],
    "revolut-french.csv": ["its state is EN ATTENTE: not a completed payment"],
}
AD_LINES = ["Meta ads", "Canva", "Google Ads"]
AD_RULES = [("facebk", "Meta ads"), ("canva", "Canva"), ("google", "Google Ads")]


def test_every_bank_fixture_has_its_source():
    assert sorted(p.name for p in BANKS.glob("*.csv")) == sorted(BANK_FILES)


@pytest.mark.parametrize("name", BANK_FILES)
def test_a_bank_statement_counts_money_out_as_spending(name, tmp_path):
    root = project(tmp_path / "project", AD_LINES, AD_RULES, tax="included")
    shutil.copy(BANKS / name, root / "actuals" / name)
    loaded = load_project(root)
    [source] = loaded.sources
    assert source.reader == BY_KEY[BANK_FILES[name]].name
    assert spent_by_line(loaded) == {
        "Meta ads": Decimal("120.50"),
        "Canva": Decimal("0.00"),  # paid, then refunded
        "Google Ads": Decimal("1234.56"),
    }
    # The customer's payment in is money in: minus 1,250, matched by no rule, not counted.
    declined = [item for item in loaded.not_counted if item.kind == "not completed"]
    [(kind, amount)] = [
        (item.kind, item.amount) for item in loaded.not_counted if item not in declined
    ]
    assert (kind, amount) == ("no line", Decimal("-1250"))
    assert loaded.data_rows == 5 + len(declined)
    assert [item.reason for item in declined] == NOT_COMPLETED.get(name, [])


STATEMENTS = DATA / "statements"
STATEMENT_FILES = {
    "banque-postale.ofx": "ofx",  # the whole body on one line, LANGUAGE FRE
    "caisse-epargne.ofx": "ofx",  # a comma in the balance, a point in the amounts
    "credit-agricole.ofx": "ofx",  # SGML, CHARSET:1252, leaf tags left unclosed
    "ofx2.ofx": "ofx",  # OFX 2, XML
    "banque.qif": "qif",  # Boursorama: thousands commas, credits written with a +
}


def test_every_statement_fixture_is_tried():
    assert sorted(p.name for p in STATEMENTS.iterdir() if p.suffix != ".md") == sorted(
        STATEMENT_FILES
    )


@pytest.mark.parametrize("name", STATEMENT_FILES)
def test_an_ofx_or_qif_statement_counts_money_out_as_spending(name, tmp_path):
    root = project(tmp_path / "project", AD_LINES, AD_RULES, tax="included")
    shutil.copy(STATEMENTS / name, root / "actuals" / name)
    loaded = load_project(root)
    assert loaded.sources[0].reader == BY_KEY[STATEMENT_FILES[name]].name
    assert spent_by_line(loaded) == {
        "Meta ads": Decimal("120.50"),
        "Canva": Decimal("0.00"),
        "Google Ads": Decimal("1234.56"),
    }
    [(kind, amount)] = [(item.kind, item.amount) for item in loaded.not_counted]
    assert (kind, amount) == ("no line", Decimal("-1250"))


def test_an_ofx_transaction_keeps_the_banks_own_day_and_currency(tmp_path):
    """A time with its offset (the first of March at midnight in Paris) stays on the bank's
    day, where a UTC datetime would fall in February; a transaction in dollars is never
    counted as euros: converted at the project's rate, or not counted without one."""
    root = project(tmp_path / "project", AD_LINES, AD_RULES, tax="included")
    text = (STATEMENTS / "ofx2.ofx").read_text(encoding="utf-8")
    first = text.index("<DTPOSTED>") + len("<DTPOSTED>")
    end = text.index("</DTPOSTED>", first)
    text = text[:first] + "20260301000000[+1:CET]" + text[end:]
    at = text.index("</STMTTRN>", text.index("</STMTTRN>") + 1)  # the second: CANVA's
    currency = "<CURRENCY><CURRATE>1.08</CURRATE><CURSYM>USD</CURSYM></CURRENCY>"
    (root / "actuals" / "releve.ofx").write_text(text[:at] + currency + text[at:], "utf-8")
    loaded = load_project(root)
    days = {t.line: t.date.isoformat() for t in loaded.transactions}
    assert days["Meta ads"] == "2026-03-01"
    dollars = [(i.kind, i.amount) for i in loaded.not_counted if "CANVA" in i.text]
    assert dollars == [("no exchange rate", None)]
    settings = root / "budgetbook.toml"
    settings.write_text(settings.read_text() + '\n[currency.rates]\nUSD = { "2026-03" = 0.9 }\n')
    [canva] = [t for t in load_project(root).transactions if t.conversion is not None]
    assert canva.conversion.original == Decimal("11.99")
    assert (canva.conversion.currency, canva.conversion.rate) == ("USD", Decimal("0.9"))
    assert canva.amount == Decimal("10.791")


def test_a_statement_of_an_unknown_bank_is_read_by_its_value_date_and_balance(tmp_path):
    root = project(tmp_path / "project", AD_LINES, AD_RULES, tax="included")
    write_csv(
        root / "actuals" / "banque-inconnue.csv",
        [
            ["Date opération", "Date valeur", "Libellé", "Montant", "Solde"],
            ["02/03/2026", "03/03/2026", "CB FACEBK *ADS", "-120,50", "4879,50"],
            ["10/03/2026", "11/03/2026", "VIR SEPA RECU DUPONT", "1250,00", "6129,50"],
        ],
    )
    loaded = load_project(root)
    assert loaded.sources[0].reader == "bank statement"
    assert spent_by_line(loaded) == {"Meta ads": Decimal("120.50")}


def test_a_file_whose_sign_cannot_be_told_is_not_read_and_says_the_setting(tmp_path):
    """Mostly negative amounts in one column with nothing that says bank or ledger: money out
    of a statement, or refunds? Either reading could be wrong, so neither is made."""
    root = project(tmp_path / "project", AD_LINES, AD_RULES)
    rows = [
        ["Date", "Libellé", "Montant"],
        ["02/03/2026", "CB FACEBK *ADS", "-120,50"],
        ["05/03/2026", "CB CANVA", "-11,99"],
        ["20/03/2026", "REMBOURSEMENT CANVA", "11,99"],
    ]
    write_csv(root / "actuals" / "export.csv", rows)
    loaded = load_project(root)
    assert loaded.transactions.total() == 0
    [unread] = loaded.not_counted
    assert unread.kind == "unreadable file"
    assert "2 of its 3 amounts in column 'Montant' are negative" in unread.reason
    assert 'files = "export.csv" and sign = "negative"' in unread.reason

    (root / "budgetbook.toml").write_text(
        (root / "budgetbook.toml").read_text()
        + '\n[[actuals.sources]]\nfiles = "export.csv"\nsign = "negative"\n'
    )
    loaded = load_project(root)
    assert spent_by_line(loaded) == {"Meta ads": Decimal("120.50"), "Canva": Decimal("0.00")}


def test_a_debit_column_with_both_signs_mostly_negative_is_not_read(tmp_path):
    root = project(tmp_path / "project", AD_LINES, AD_RULES)
    write_csv(
        root / "actuals" / "releve.csv",
        [
            ["Date", "Libellé", "Débit", "Crédit"],
            ["02/03/2026", "CB FACEBK", "-120,50", ""],
            ["05/03/2026", "CB CANVA", "-11,99", ""],
            ["06/03/2026", "CB GOOGLE", "30,00", ""],
        ],
    )
    [unread] = load_project(root).not_counted
    assert "column 'Débit' holds both positive and negative sums" in unread.reason


# --- the FEC ----------------------------------------------------------------------------------

FEC_FILES = sorted(p.name for p in FEC.iterdir() if p.suffix in (".txt", ".csv"))
FEC_LINES = ["Meta ads", "Canva", "Photographer", "Website"]
FEC_RULES = [
    ("meta", "Meta ads"),  # the supplier's name, on the 401 line: never counted itself
    ("651", "Canva"),  # an account number
    ("6226", "Photographer"),
    ("Julien Bernard", "Website"),
]


def test_the_fec_fixtures_are_its_real_variants():
    assert FEC_FILES == [
        "fec-22-columns.txt",
        "fec-crcrlf.txt",
        "fec-dolibarr-21-columns.txt",
        "fec-montant-sens.txt",
        "fec-odoo-pipe.csv",
        "fec-pipe-padded.txt",
        "fec-tab-bom.txt",
    ]
    assert (FEC / "fec-tab-bom.txt").read_bytes().startswith(b"\xef\xbb\xbfJournalCode\t")
    assert b"|" in (FEC / "fec-pipe-padded.txt").read_bytes().splitlines()[0]
    assert b" 000000000001000,00" in (FEC / "fec-pipe-padded.txt").read_bytes()
    assert b"\r\r\n" in (FEC / "fec-crcrlf.txt").read_bytes()
    assert b"|Montant|Sens|" in (FEC / "fec-montant-sens.txt").read_bytes()


@pytest.mark.parametrize("name", FEC_FILES)
def test_a_fec_counts_only_the_expense_side_of_each_entry(name, tmp_path):
    root = project(tmp_path / "project", FEC_LINES, FEC_RULES)
    shutil.copy(FEC / name, root / "actuals" / name)
    loaded = load_project(root)
    assert loaded.sources[0].reader == BY_KEY["fec"].name
    # 6231 1,000.00 less a credit note of 100.00; 651 110.00; 6226 1,500.00. The supplier
    # lines (401, 4,932.00 in all), the VAT, the bank and the sale are never counted, though
    # the rule "meta" matches the supplier's name on them.
    assert spent_by_line(loaded) == {
        "Meta ads": Decimal("900.00"),
        "Canva": Decimal("110.00"),
        "Photographer": Decimal("1500.00"),
    }
    summaries = {item.reason.params["digit"]: item.rows for item in loaded.not_counted}
    assert summaries == {"2": 1, "4": 12, "5": 1, "7": 1}
    assert {item.kind for item in loaded.not_counted} == {"other account"}
    assert all(item.amount is None for item in loaded.not_counted)
    assert loaded.data_rows == len(loaded.transactions) + sum(summaries.values()) == 19


def test_a_fec_counts_fixed_assets_when_the_project_asks(tmp_path):
    root = project(
        tmp_path / "project", FEC_LINES, FEC_RULES, '\n[actuals]\naccounts = ["6", "2"]\n'
    )
    shutil.copy(FEC / "fec-tab-bom.txt", root / "actuals" / "fec.txt")
    loaded = load_project(root)
    # The website's expense line has no supplier on it: it takes the entry's (401 FWEB).
    assert spent_by_line(loaded)["Website"] == Decimal("3000.00")
    assert {item.reason.params["digit"] for item in loaded.not_counted} == {"4", "5", "7"}


# --- accounting packages' exports -------------------------------------------------------------

ACCOUNTING = DATA / "accounting"
# Each holds four purchases: Meta's ads (1,000.00, then a credit note of 100.00), Canva
# (110.00) and a photographer (1,500.00); the ledgers also show their supplier and bank sides.
ACCOUNTING_LINES = ["Meta ads", "Canva", "Photographer"]
ACCOUNTING_RULES = [("meta", "Meta ads"), ("canva", "Canva"), ("moreau", "Photographer")]
ACCOUNTING_SPEND = {
    "Meta ads": Decimal("900.00"),
    "Canva": Decimal("110.00"),
    "Photographer": Decimal("1500.00"),
}
# The ledgers whose accounts are names: the project says which are expenses.
NAMED_ACCOUNTS = '["Advertising & Marketing", "Contractors", "Software & Subscriptions"]'
ACCOUNTING_FILES = {
    "expensify-classic.csv": ("expensify", ""),
    "expensify-new.csv": ("expensify-new", ""),
    "pennylane-grand-livre.csv": ("pennylane", ""),
    "quickbooks-online-gl.csv": ("quickbooks", NAMED_ACCOUNTS),
    "quickbooks-online-gl-2024.csv": ("quickbooks-2024", NAMED_ACCOUNTS),
    "xero-account-transactions.csv": ("xero", NAMED_ACCOUNTS),
    "sage-100.pnm": ("sage-100", ""),  # fixed columns, known by its extension
}


def test_every_accounting_fixture_is_tried():
    found = sorted(p.name for p in ACCOUNTING.iterdir() if p.suffix in (".csv", ".pnm"))
    assert found == sorted(ACCOUNTING_FILES)


@pytest.mark.parametrize("name", ACCOUNTING_FILES)
def test_an_accounting_export_counts_the_expense_side_only(name, tmp_path):
    key, accounts = ACCOUNTING_FILES[name]
    toml = f'\n[[actuals.sources]]\nfiles = "{name}"\naccounts = {accounts}\n' if accounts else ""
    # Receipts include VAT, accounting lines do not: each counted on a budget of its basis.
    tax = "included" if BY_KEY[key].tax_included else "excluded"
    root = project(tmp_path / "project", ACCOUNTING_LINES, ACCOUNTING_RULES, toml, tax)
    shutil.copy(ACCOUNTING / name, root / "actuals" / name)
    loaded = load_project(root)
    assert loaded.sources[0].reader == BY_KEY[key].name
    # The rules match the suppliers' names on their own (401, Accounts Payable) and bank
    # lines too: those are never counted.
    assert spent_by_line(loaded) == ACCOUNTING_SPEND
    listed = [item for item in loaded.not_counted if item.row is not None]
    assert {item.kind for item in listed} <= {"total row", "date not understood", "no date"}
    assert all(item.amount is None for item in loaded.not_counted if item.row is None)
    assert loaded.data_rows == len(loaded.transactions) + sum(
        item.rows for item in loaded.not_counted
    )


@pytest.mark.parametrize("name", [n for n, (_, accounts) in ACCOUNTING_FILES.items() if accounts])
def test_a_ledger_of_named_accounts_is_not_read_until_the_project_names_its_expenses(
    name, tmp_path
):
    root = project(tmp_path / "project", ACCOUNTING_LINES, ACCOUNTING_RULES)
    shutil.copy(ACCOUNTING / name, root / "actuals" / name)
    loaded = load_project(root)
    assert loaded.transactions.total() == 0
    [unread] = loaded.not_counted
    assert "budgetbook cannot tell which of its accounts are expenses" in unread.reason
    assert f'files = "{name}" and accounts = [...], among: ' in unread.reason
    assert "Advertising & Marketing" in unread.reason


def _sage_line(line: bytes, amount: bytes) -> bytes:
    """A .pnm entry line with another amount, right-aligned in its 20 characters."""
    return line[:84] + amount.rjust(20) + line[104:]


def test_a_sage_export_whose_amounts_have_no_decimals_is_not_read(tmp_path):
    """Sage's one export seen (in CFA francs) writes whole numbers: 100000 could be 1,000.00
    euros in cents or 100,000 euros. Neither reading is made."""
    root = project(tmp_path / "project", ACCOUNTING_LINES, ACCOUNTING_RULES)
    lines = (ACCOUNTING / "sage-100.pnm").read_bytes().split(b"\r\n")
    whole = [lines[0]] + [_sage_line(line, line[84:104].strip()[:-3]) for line in lines[1:-1]]
    (root / "actuals" / "export.pnm").write_bytes(b"\r\n".join([*whole, b""]))
    loaded = load_project(root)
    assert loaded.transactions.total() == 0
    [unread] = loaded.not_counted
    assert unread.reason.startswith(
        "writes its amounts without decimals (1000): budgetbook cannot tell whether they are"
        " in cents or in whole units. Export the FEC from Sage instead"
    )


def test_a_sage_export_with_a_line_out_of_its_columns_is_not_read(tmp_path):
    root = project(tmp_path / "project", ACCOUNTING_LINES, ACCOUNTING_RULES)
    lines = (ACCOUNTING / "sage-100.pnm").read_bytes().split(b"\r\n")
    lines[3] = lines[3][:60]  # cut short, as an editor that wraps lines would
    (root / "actuals" / "export.pnm").write_bytes(b"\r\n".join(lines))
    [unread] = load_project(root).not_counted
    assert "line 4 is not an entry line of 110 characters" in unread.reason


def test_an_lcl_file_is_known_by_its_balance_line_and_read_without_its_last():
    """LCL writes no header: its first line (the balance on the first day and the account) is
    its title line; its last, the closing balance, is no transaction; its rows are as long as
    their contents, and read as wide as its titles."""
    from budgetbook.read.sources import headless
    from budgetbook.read.tables import read_table

    table = read_table(BANKS / "lcl.csv", "lcl.csv")
    lcl = headless(table.header)
    assert lcl is BY_KEY["lcl"]
    rows = lcl.headless_rows(table.rows)
    assert [number for number, _ in rows] == [2, 3, 4, 5, 6]
    assert {len(row) for _, row in rows} == {len(lcl.headless)}
    # Money out has its label in the fifth column; a transfer received, in the sixth.
    assert [(row[4][:15], row[5]) for _, row in rows] == [
        ("CB  FACEBK *ADS", ""),
        ("CB  CANVA* 0451", ""),
        ("", "VIREMENT DUPONT SARL"),
        ("CB  GOOGLE *ADS", ""),
        ("REMBOURSEMENT C", ""),
    ]
    assert headless(["02/03/2026", "-120,5", "Carte", "", "CB  FACEBK"]) is None


# --- every file accounted for -------------------------------------------------------------------


def test_every_file_dropped_in_actuals_is_read_or_listed_as_not_read(tmp_path):
    root = project(tmp_path / "project", AD_LINES, AD_RULES, tax="included")
    shutil.copy(BANKS / "boursobank.csv", root / "actuals" / "boursobank.csv")
    shutil.copy(BANKS / "n26.csv", root / "actuals" / "n26.tsv")  # a .tsv is delimited text
    for name, data in {
        "cut.ofx": b"OFXHEADER:100\r\nDATA:OFXSGML\r\n",
        "facture.pdf": b"%PDF-1.7\n",
        "ticket.png": b"\x89PNG\r\n\x1a\n",
        "ancien.xls": b"\xd0\xcf\x11\xe0",
        "notes": b"call the bank",
        ".~lock.budget.xlsx#": b"",
    }.items():
        (root / "actuals" / name).write_bytes(data)
    loaded = load_project(root)
    assert [s.file for s in loaded.sources] == ["actuals/boursobank.csv", "actuals/n26.tsv"]
    not_read = {item.file: item.reason for item in loaded.not_counted if item.row is None}
    assert sorted(not_read) == [
        "actuals/ancien.xls",
        "actuals/cut.ofx",
        "actuals/facture.pdf",
        "actuals/notes",
        "actuals/ticket.png",
    ]
    assert not_read["actuals/cut.ofx"].startswith("is not a readable OFX statement")
    assert "a .png file" in not_read["actuals/ticket.png"]
    assert "a (no extension) file" in not_read["actuals/notes"]
    assert spent_by_line(loaded)["Google Ads"] == Decimal("2469.12")  # both statements


# --- per-file settings ----------------------------------------------------------------------------


def _ledger_fr(path: Path) -> Path:
    """A French ledger export whose headers only [actuals.columns] can name."""
    return write_csv(
        path,
        [
            ["Jour", "Somme HT", "Texte", "Compte"],
            ["03/01/2026", "200,00", "Facebook Ads janvier", "6231"],
            ["04/02/2026", "20,00", "Canva Pro", "651"],
        ],
    )


def _titled_xlsx(path: Path) -> Path:
    """An .xlsx report with a title block above its header and a total row below."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Dépenses marketing"])
    sheet.append(["Période : janvier à mars 2026"])
    sheet.append([])
    sheet.append(["Date", "Montant", "Libellé"])
    sheet.append(["2026-03-02", 50, "Google Ads mars"])
    sheet.append(["Total", 50, ""])
    book.save(path)
    return path


def test_a_mixed_project_counts_each_row_once(tmp_path):
    """A French ledger read through the project-wide [actuals.columns], a hand-off with the
    canonical headers, an .xlsx with a title block and a total row, a file sent twice."""
    toml = (
        '\n[actuals.columns]\ndate = "Jour"\namount = "Somme HT"\ndescription = "Texte"\n'
        'account = "Compte"\n'
    )
    rules = [("facebook", "Meta ads"), ("651", "Canva"), ("google", "Google Ads")]
    root = project(tmp_path / "project", AD_LINES, rules, toml)
    _ledger_fr(root / "actuals" / "grand-livre.csv")
    write_csv(
        root / "actuals" / "handoff.csv",
        [["date", "line", "amount", "description"], ["2026-02-10", "Meta ads", "80", "Boost"]],
    )
    _titled_xlsx(root / "actuals" / "rapport.xlsx")
    shutil.copy(root / "actuals" / "grand-livre.csv", root / "actuals" / "grand-livre (1).csv")
    loaded = load_project(root)
    assert spent_by_line(loaded) == {
        "Meta ads": Decimal("280.00"),
        "Canva": Decimal("20.00"),
        "Google Ads": Decimal("50"),
    }
    kinds = sorted((item.file, item.kind) for item in loaded.not_counted)
    assert kinds == [
        ("actuals/grand-livre.csv", "file sent twice"),
        ("actuals/grand-livre.csv", "file sent twice"),
        ("actuals/rapport.xlsx", "total row"),
    ]
    read_as = {source.file: source.reader for source in loaded.sources}
    assert read_as["actuals/grand-livre.csv"] == ""  # a copy is read as nothing
    assert read_as["actuals/grand-livre (1).csv"] == "ledger or journal"


def test_a_sources_entry_reads_its_files_with_its_settings(tmp_path):
    toml = (
        '\n[[actuals.sources]]\nfiles = "grand-livre-*.csv"\nsign = "positive"\n'
        'columns = { date = "Jour", amount = "Somme HT", description = "Texte" }\n'
    )
    root = project(tmp_path / "project", AD_LINES, [("facebook", "Meta ads")], toml)
    _ledger_fr(root / "actuals" / "grand-livre-2026.csv")
    _ledger_fr(root / "actuals" / "autre.csv")  # not its files: its headers tell nothing
    loaded = load_project(root)
    assert spent_by_line(loaded) == {"Meta ads": Decimal("200.00")}
    unread = [item for item in loaded.not_counted if item.kind == "unreadable file"]
    assert [item.file for item in unread] == ["actuals/autre.csv"]


def test_a_sources_entry_whose_columns_are_missing_names_itself(tmp_path):
    toml = '\n[[actuals.sources]]\nfiles = "*.csv"\ncolumns = { amount = "Montant HT" }\n'
    root = project(tmp_path / "project", AD_LINES, AD_RULES, toml)
    shutil.copy(BANKS / "credit-mutuel.csv", root / "actuals" / "releve.csv")
    [unread] = load_project(root).not_counted
    assert unread.reason.startswith(
        "has no column 'Montant HT', which budgetbook.toml names as amount in"
        " [[actuals.sources]] number 1 (files = *.csv)."
    )


def test_a_named_source_reads_a_file_it_would_not_recognise(tmp_path):
    toml = '\n[[actuals.sources]]\nfiles = "*.txt"\nsource = "fec"\n'
    root = project(tmp_path / "project", FEC_LINES, FEC_RULES, toml)
    shutil.copy(FEC / "fec-tab-bom.txt", root / "actuals" / "export.txt")
    assert spent_by_line(load_project(root))["Canva"] == Decimal("110.00")


# --- properties -------------------------------------------------------------------------------

AMOUNTS = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999.99"), places=2)


@given(
    spent=st.lists(AMOUNTS, min_size=1, max_size=8),
    refunds=st.lists(AMOUNTS, max_size=3),
    layout=st.sampled_from(["ledger", "statement", "debit positive", "debit negative"]),
)
def test_every_sign_convention_reads_to_the_same_spending(tmp_path_factory, spent, refunds, layout):
    """The same payments and refunds, written as a ledger (spending positive), a statement
    (money out negative), or a Debit and Credit pair with money out positive or negative,
    read to the same spending."""
    root = project(
        tmp_path_factory.mktemp("signs") / "project",
        ["Canva"],
        [("canva", "Canva")],
        tax="included",
    )
    moves = [(amount, True) for amount in spent] + [(amount, False) for amount in refunds]

    def cells(amount: Decimal, out: bool) -> list[str]:
        text = f"{amount:.2f}".replace(".", ",")
        return {
            "ledger": [text if out else f"-{text}"],
            "statement": [f"-{text}" if out else text],
            "debit positive": [text, ""] if out else ["", text],
            "debit negative": [f"-{text}", ""] if out else ["", text],
        }[layout]

    money = {"ledger": ["Montant"], "statement": ["Montant"]}.get(layout, ["Débit", "Crédit"])
    header = ["Date", "Date valeur" if layout == "statement" else "Compte", "Libellé", *money]
    rows = [["05/03/2026", "06/03/2026", "CANVA", *cells(a, out)] for a, out in moves]
    write_csv(root / "actuals" / "export.csv", [header, *rows])
    toml = root / "budgetbook.toml"
    if layout == "ledger":  # refunds may outnumber payments: the file says its sign
        toml.write_text(
            toml.read_text() + '\n[[actuals.sources]]\nfiles = "*"\nsign = "positive"\n'
        )
    loaded = load_project(root)
    assert loaded.not_counted == []
    assert loaded.transactions.total() == sum(spent, Decimal(0)) - sum(refunds, Decimal(0))


# --- a workbook built from them, recalculated ---------------------------------------------------


@pytest.mark.libreoffice
def _line_totals(book: Path) -> dict[str, float]:
    """Each line's total Actual on the Budget sheet of a recalculated workbook."""
    budget = openpyxl.load_workbook(book, data_only=True)["Budget"]
    totals, line = {}, None
    for row in budget.iter_rows(values_only=True):
        line = row[1] or line
        if row[3] == "Actual":
            totals[line] = round(row[16], 2)
    return totals


@pytest.mark.libreoffice
def test_a_workbook_from_bank_fec_and_dollar_files_recalculates_to_its_values(tmp_path):
    """Three statements (tax included), a FEC (before tax) and a ledger in dollars, on one
    budget before tax in euros: each statement's amount loses its VAT, the dollars are
    converted at the project's rate, each as a formula over the amount as written, and
    LibreOffice works out every figure as budgetbook did, and again once a rate is edited."""
    toml = 'vat = 20\n\n[currency.rates]\nUSD = { "2026-03" = 0.9 }\n'
    root = project(tmp_path / "project", AD_LINES + FEC_LINES[2:], AD_RULES + FEC_RULES, toml)
    for name in ("credit-agricole.csv", "qonto.csv", "bnp-paribas.csv"):
        shutil.copy(BANKS / name, root / "actuals" / name)
    shutil.copy(FEC / "fec-pipe-padded.txt", root / "actuals" / "fec.txt")
    write_csv(
        root / "actuals" / "invoices-usd.csv",
        [
            ["Date", "Amount (USD)", "Description", "Account"],
            ["2026-03-12", "100.00", "Shoot, Moreau", "6226"],
        ],
    )
    book = tmp_path / "book.xlsx"
    build_workbook(root, book)
    recalculated = recalculate(book, tmp_path / "lo")
    count, mismatches = compare(book, recalculated)
    assert mismatches == []
    assert count > 300
    # Each line's total Actual, as LibreOffice works it out from the Actuals sheet.
    assert _line_totals(recalculated) == {
        "Meta ads": 1201.25,  # 3 x 120.50 / 1.2, and 900.00 on 6231 for the supplier Meta
        "Canva": 110.00,  # paid and refunded on each statement; 110.00 on 651
        "Google Ads": 3086.40,  # 3 x 1,234.56 / 1.2
        "Photographer": 1590.00,  # 1,500.00 on 6226, and 100 USD x 0.9
        "Website": 0,  # a fixed asset: counted only when the project asks
        "Total": 5987.65,
    }
    workbook = openpyxl.load_workbook(book)
    actuals = workbook["Actuals"]
    [dollars] = [row for row in actuals.iter_rows(min_row=2) if row[CURRENCY].value == "USD"]
    assert dollars[AMOUNT].value == f"=K{dollars[0].row}*M{dollars[0].row}"
    assert (dollars[ORIGINAL].value, dollars[RATE].value, dollars[VAT].value) == (100, 0.9, None)
    statement = next(row for row in actuals.iter_rows(min_row=2) if row[VAT].value == 0.2)
    assert statement[AMOUNT].value == f"=K{statement[0].row}/(1+N{statement[0].row})"
    dollars[RATE].value = 1.1  # the rate corrected by hand
    workbook.save(tmp_path / "edited.xlsx")
    edited = recalculate(tmp_path / "edited.xlsx", tmp_path / "lo-edited")
    assert _line_totals(edited)["Photographer"] == 1610.00


def test_a_credit_cell_that_does_not_read_is_the_one_named(tmp_path):
    root = project(tmp_path / "project", AD_LINES, AD_RULES, tax="included")
    write_csv(
        root / "actuals" / "releve.csv",
        [
            ["Date", "Libellé", "Débit", "Crédit", "Solde"],
            ["02/03/2026", "CB FACEBK", "120,50", "", "10"],
            ["20/03/2026", "REMBOURSEMENT CANVA", "", "11,99 EUR?", "10"],
        ],
    )
    [item] = load_project(root).not_counted
    assert (item.row, item.reason) == (3, "amount not understood: 11,99 EUR?")


def test_a_generic_ledger_holding_the_other_sides_counts_its_expense_lines_only(tmp_path):
    """A grand livre exported as a plain table: its 401 and 512 lines carry the supplier's
    name too, which the rule matches; only the expense lines count, and a row that names its
    budget line keeps it whatever its account."""
    root = project(tmp_path / "project", AD_LINES, [("meta", "Meta ads")])
    write_csv(
        root / "actuals" / "grand-livre.csv",
        [
            ["Date", "Compte", "Libellé", "Débit", "Crédit", "Poste"],
            ["31/01/2026", "6231", "Meta Platforms facture janvier", "1000,00", "", ""],
            ["31/01/2026", "44566", "Meta Platforms facture janvier", "200,00", "", ""],
            ["31/01/2026", "401META", "Meta Platforms facture janvier", "", "1200,00", ""],
            ["20/02/2026", "401META", "Meta Platforms règlement", "1200,00", "", ""],
            ["20/02/2026", "512", "Meta Platforms règlement", "", "1200,00", ""],
            ["01/03/2026", "2051", "Site : refonte Google Ads", "300,00", "", "Google Ads"],
        ],
    )
    loaded = load_project(root)
    assert spent_by_line(loaded) == {
        "Meta ads": Decimal("1000.00"),
        "Google Ads": Decimal("300.00"),
    }
    summaries = {item.reason.params["digit"]: item.rows for item in loaded.not_counted}
    assert summaries == {"4": 3, "5": 1}


def test_a_sources_entry_is_checked_key_by_key():
    from budgetbook.errors import InputErrors
    from budgetbook.read.config import parse_config

    text = (
        '[company]\nname = "T"\ncurrency = "EUR"\n[budget]\nstart = "2026-01"\n'
        '[[actuals.sources]]\nfiles = "a.csv"\nsource = "my bank"\ncurrency = "dollars"\n'
        '[[actuals.sources]]\nfiles = "b.csv"\nsing = "negative"\n'
    )
    with pytest.raises(InputErrors) as caught:
        parse_config(text)
    found = [(p.column, p.value, p.message, str(p.hint)) for p in caught.value.problems]
    assert found[0][:3] == ("actuals.sources[2].sing", None, "unknown key.")
    assert found[0][3] == "Did you mean 'actuals.sources[2].sign'?"
    with pytest.raises(InputErrors) as caught:
        parse_config(text.replace("sing", "sign"))
    found = {p.column: (p.value, str(p.hint)) for p in caught.value.problems}
    assert found["actuals.sources[1].source"][0] == "my bank"
    assert "credit-agricole" in found["actuals.sources[1].source"][1]
    assert found["actuals.sources[1].currency"][0] == "dollars"


def test_the_project_wide_header_row_reads_the_files_it_fits_and_no_others(tmp_path):
    root = project(tmp_path / "project", AD_LINES, AD_RULES, "\n[actuals]\nheader_row = 4\n")
    write_csv(
        root / "actuals" / "titled.csv",
        [
            ["Export comptable"],
            ["Atelier"],
            [],
            ["Date", "Montant", "Libellé"],
            ["03/01/2026", "10,00", "Canva"],
            ["03/01/2026", "1 200,00", "Jour 3"],  # a cell of row 4 in the next file
        ],
    )
    write_csv(
        root / "actuals" / "plain.csv",
        [["date", "amount", "description"], ["2026-01-05", "20", "Google Ads"]]
        + [["2026-01-06", "1", "x"]] * 3,
    )
    loaded = load_project(root)
    assert spent_by_line(loaded) == {"Canva": Decimal("10.00"), "Google Ads": Decimal("20")}


def test_every_source_says_where_its_layout_was_learnt():
    assert [s.key for s in BY_KEY.values() if not s.origin] == []


def test_a_qif_file_reads_every_transaction_section_and_skips_its_lists(tmp_path):
    root = project(tmp_path / "project", AD_LINES, AD_RULES, tax="included")
    (root / "actuals" / "releve.qif").write_text(
        "!Type:Cat\nNPublicité\n^\n"
        "!Type:Banque\nD02/03/2026\nT-120,50\nPCB FACEBK *ADS\n^\n"
        "!Account\nNCarte\n^\n"
        "!Type:CCard\nD15/03/2026\nT-1 234,56\nPGOOGLE ADS\n^\n",
        encoding="cp1252",
    )
    loaded = load_project(root)
    assert spent_by_line(loaded) == {
        "Meta ads": Decimal("120.50"),
        "Google Ads": Decimal("1234.56"),
    }
    assert loaded.data_rows == 2


def test_an_ofx_file_without_a_bank_or_card_statement_is_not_read(tmp_path):
    root = project(tmp_path / "project", AD_LINES, AD_RULES)
    text = (STATEMENTS / "ofx2.ofx").read_text(encoding="utf-8")
    start, end = text.index("<BANKMSGSRSV1>"), text.index("</BANKMSGSRSV1>")
    (root / "actuals" / "titres.ofx").write_text(text[:start] + text[end + 15 :], "utf-8")
    [unread] = load_project(root).not_counted
    assert unread.reason.startswith(
        "is not a readable OFX statement: it holds no bank or card statement."
    )


def test_an_update_with_a_fec_adds_its_expense_lines_and_its_summaries(tmp_path):
    from budgetbook.commands.update import update_workbook

    root = project(tmp_path / "project", FEC_LINES, FEC_RULES)
    book = tmp_path / "book.xlsx"
    build_workbook(root, book)
    fec = tmp_path / "123456782FEC20261231.txt"
    shutil.copy(FEC / "fec-pipe-padded.txt", fec)
    summary = update_workbook(book, [fec])
    assert spent_by_line(summary.taken) == {
        "Meta ads": Decimal("900.00"),
        "Canva": Decimal("110.00"),
        "Photographer": Decimal("1500.00"),
    }
    sheet = openpyxl.load_workbook(book)["Not counted"]
    summaries = [row for row in sheet.iter_rows(min_row=2, values_only=True) if row[1] is None]
    assert [row[3] for row in summaries] == [
        "rows 15",
        "rows 3, 4, 6, 7, 8, 11, 13, 14, 16, 17, 18, 20",
        "rows 9",
        "rows 19",
    ]


@pytest.mark.parametrize("templates", ["project-en", "project-fr"])
def test_the_templates_example_of_a_sources_entry_is_a_valid_setting(templates):
    from budgetbook.read.config import parse_config

    path = Path(__file__).parent.parent / "templates" / templates / "budgetbook.toml"
    example = ("# [[actuals", "# files", "# sign", "# columns")
    text = "\n".join(
        line[2:] if line.startswith(example) else line for line in path.read_text().splitlines()
    )
    [entry] = parse_config(text).actuals_sources
    assert (entry.files, entry.sign) == ("export-*.csv", "negative")


def test_an_ofx_whose_signs_contradict_their_types_is_not_read(tmp_path):
    """Money out written positive, told only by TRNTYPE DEBIT: read by its sign, a payment
    would count as a refund."""
    root = project(tmp_path / "project", AD_LINES, AD_RULES)
    text = (STATEMENTS / "credit-agricole.ofx").read_bytes().replace(b"-120.50", b"120.50")
    (root / "actuals" / "releve.ofx").write_bytes(text)
    [unread] = load_project(root).not_counted
    assert "is a DEBIT of 120.50: its sign contradicts its type" in unread.reason


def test_a_fec_entry_of_several_suppliers_gives_none_of_them_to_its_expense_lines(tmp_path):
    """One entry number for a day's batch of invoices: whose is each expense line? No rule
    may match a supplier's name there; the lines are listed without a line instead."""
    header = "JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum"
    header += "|CompAuxLib|PieceRef|PieceDate|EcritureLib|Debit|Credit"
    rows = [
        "HA|Achats|7|20260131|6231|Annonces||||20260131|Factures du jour|100,00|0,00",
        "HA|Achats|7|20260131|651|Licences||||20260131|Factures du jour|50,00|0,00",
        "HA|Achats|7|20260131|401|Fournisseurs|FMETA|Meta Platforms|||Factures|0,00|100,00",
        "HA|Achats|7|20260131|401|Fournisseurs|FCANVA|Canva Pty Ltd|||Factures|0,00|50,00",
    ]
    root = project(tmp_path / "project", AD_LINES, [("meta", "Meta ads"), ("canva", "Canva")])
    (root / "actuals" / "fec.txt").write_text("\n".join([header, *rows]) + "\n", "utf-8")
    loaded = load_project(root)
    assert loaded.transactions.total() == 0
    assert [(i.kind, i.amount) for i in loaded.not_counted if i.row] == [
        ("no line", Decimal("100.00")),
        ("no line", Decimal("50.00")),
    ]


def test_a_label_wrapped_over_lines_is_one_line_and_a_rule_matches_across_its_breaks(tmp_path):
    """Crédit Agricole writes each label over two or three lines of one quoted cell."""
    rules = [("carte google", "Google Ads"), ("facebk", "Meta ads"), ("canva", "Canva")]
    root = project(tmp_path / "project", AD_LINES, rules, tax="included")
    shutil.copy(BANKS / "credit-agricole.csv", root / "actuals" / "credit-agricole.csv")
    loaded = load_project(root)
    [google] = [t for t in loaded.transactions if t.line == "Google Ads"]
    assert google.description == "PAIEMENT PAR CARTE GOOGLE ADS 14/03"
    assert all("\n" not in t.description for t in loaded.transactions)


def test_an_expensify_report_reads_each_expense_in_the_currency_it_names(tmp_path):
    """Expensify Classic's Amount is in the report's currency, which the file does not say;
    each expense's Original Amount is in its Original Currency, which it does."""
    toml = "\n[currency.rates]\nUSD = 0.9\n"
    root = project(tmp_path / "project", ACCOUNTING_LINES, ACCOUNTING_RULES, toml, tax="included")
    lines = (ACCOUNTING / "expensify-classic.csv").read_text(encoding="utf-8").splitlines()
    lines.append(
        '"2026-03-03 00:00:00","Canva Pty Ltd",93.00,5734,"Software & Subscriptions",,'
        '"Canva seats",no,USD,100.00,'
    )
    (root / "actuals" / "expensify.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    loaded = load_project(root)
    [dollars] = [t for t in loaded.transactions if t.conversion is not None]
    assert (dollars.conversion.original, dollars.conversion.currency) == (100, "USD")
    assert dollars.amount == 90  # at the project's rate, not the report's 93.00
    assert spent_by_line(loaded)["Canva"] == ACCOUNTING_SPEND["Canva"] + 90
