"""Amounts in other currencies and on the other tax basis, brought to the budget's: the
guide's worked example (docs/guide.md, "Currencies and VAT"), built and recalculated."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from budgetbook.cli import main
from budgetbook.commands.build import build_workbook
from budgetbook.write.sheets.actuals_sheet import AMOUNT, CURRENCY, LINE, ORIGINAL, RATE, VAT
from tests.conftest import write_csv
from tests.recalc import compare, recalculate

SETTINGS = """[company]
name = "Atelier Lune"
currency = "EUR"

[budget]
start = "2026-01"
tax = "excluded"
vat = 20

[currency.rates]
USD = { "2026-03" = 0.90 }
"""
MONTHS = [f"2026-{month:02d}" for month in range(1, 13)]


def worked_example(root: Path) -> Path:
    """The guide's example: a bank statement (TTC), a FEC (HT) and Meta's billing in USD."""
    (root / "actuals").mkdir(parents=True)
    (root / "budgetbook.toml").write_text(SETTINGS, encoding="utf-8")
    write_csv(
        root / "budget.csv",
        [
            ["category", "line", "channel", "carry_over", "vat", *MONTHS],
            ["Advertising", "Meta ads", "Instagram", "surplus", "0", *["300"] * 12],
            ["Software & tools", "Canva Pro", "", "", "", *["12"] * 12],
            ["Hired services", "Photographer", "", "", "", *["800"] * 12],
        ],
    )
    write_csv(
        root / "mapping.csv",
        [["match", "line"], ["canva", "Canva Pro"], ["6226", "Photographer"], ["meta", "Meta ads"]],
    )
    (root / "actuals" / "releve.csv").write_text(
        "Date opération;Date valeur;Libellé;Montant;Solde\n"
        "05/03/2026;06/03/2026;CB CANVA;-14,40;985,60\n",
        encoding="utf-8",
    )
    fec = (
        "JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum"
        "\tCompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet"
        "\tValidDate\tMontantdevise\tIdevise\n"
        "HA\tAchats\t12\t20260310\t6226\tHonoraires\t\t\tF-31\t20260310\tShoot Moreau\t800,00"
        "\t0,00\t\t\t20260310\t\t\n"
        "HA\tAchats\t12\t20260310\t44566\tTVA déductible\t\t\tF-31\t20260310\tShoot Moreau"
        "\t160,00\t0,00\t\t\t20260310\t\t\n"
        "HA\tAchats\t12\t20260310\t401000\tFournisseurs\tMOREAU\tMoreau\tF-31\t20260310"
        "\tShoot Moreau\t0,00\t960,00\t\t\t20260310\t\t\n"
    )
    (root / "actuals" / "FEC.txt").write_text(fec, encoding="utf-8")
    write_csv(
        root / "actuals" / "meta-billing.csv",
        [["Date", "Description", "Amount spent (USD)"], ["2026-03-31", "Meta ads March", "250.00"]],
    )
    return root


@pytest.mark.libreoffice
def test_the_worked_example_lands_on_one_budget_before_tax_in_euros(tmp_path):
    root = worked_example(tmp_path / "project")
    book = tmp_path / "book.xlsx"
    build_workbook(root, book)
    actuals = openpyxl.load_workbook(book)["Actuals"]
    rows = {row[LINE].value: row for row in actuals.iter_rows(min_row=2, max_row=4)}
    canva, shoot, meta = rows["Canva Pro"], rows["Photographer"], rows["Meta ads"]
    assert (canva[AMOUNT].value, canva[ORIGINAL].value, canva[CURRENCY].value) == (
        "=K2/(1+N2)",
        14.4,
        "EUR",
    )
    assert (canva[RATE].value, canva[VAT].value) == (None, 0.2)
    assert (shoot[AMOUNT].value, shoot[ORIGINAL].value) == (800, None)  # as written
    assert (meta[AMOUNT].value, meta[ORIGINAL].value, meta[CURRENCY].value) == (
        "=K4*M4",
        250,
        "USD",
    )
    assert (meta[RATE].value, meta[VAT].value) == (0.9, None)
    recalculated = recalculate(book, tmp_path / "lo")
    count, mismatches = compare(book, recalculated)
    assert mismatches == [] and count > 100
    values = openpyxl.load_workbook(recalculated, data_only=True)["Actuals"]
    assert [values.cell(row, AMOUNT + 1).value for row in (2, 3, 4)] == [12, 800, 225]


def test_the_summary_says_what_was_converted(tmp_path):
    root = worked_example(tmp_path / "project")
    result = CliRunner().invoke(main, ["check", str(root)])
    assert result.exit_code == 0, result.output
    assert (
        "  Converted           €237.00  2 rows brought to the budget's basis: VAT of €2.40"
        " removed from 1 row, 1 row from USD\n" in result.output
    )


@pytest.mark.libreoffice
def test_an_edited_rate_or_vat_flows_to_the_budget(tmp_path):
    root = worked_example(tmp_path / "project")
    book = tmp_path / "book.xlsx"
    build_workbook(root, book)
    workbook = openpyxl.load_workbook(book)
    actuals = workbook["Actuals"]
    actuals.cell(4, RATE + 1).value = 0.8  # Meta's dollars at another rate
    actuals.cell(2, VAT + 1).value = 0.055  # Canva at a reduced rate
    workbook.save(tmp_path / "edited.xlsx")
    budget = openpyxl.load_workbook(
        recalculate(tmp_path / "edited.xlsx", tmp_path / "lo"), data_only=True
    )["Budget"]
    actual = {}
    line = None
    for row in budget.iter_rows(values_only=True):
        line = row[1] or line
        if row[3] == "Actual":
            actual[line] = round(row[6], 2)  # March
    assert actual["Meta ads"] == 200.00  # 250 x 0.8
    assert actual["Canva Pro"] == round(14.40 / 1.055, 2)
    assert actual["Photographer"] == 800.00


def test_rows_without_a_rate_are_not_counted_and_say_which_setting_is_missing(tmp_path):
    root = worked_example(tmp_path / "project")
    settings = root / "budgetbook.toml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text.replace("vat = 20\n", "").replace('"2026-03"', '"2026-02"'))
    from budgetbook.read.project import load_project

    loaded = load_project(root)
    reasons = {item.kind: (item.reason, item.amount) for item in loaded.not_counted}
    assert reasons["no exchange rate"] == (
        "an amount in USD, and budgetbook.toml gives no rate for USD in 2026-03: add one under"
        " [currency.rates]",
        None,  # dollars are never totalled as euros
    )
    reason, amount = reasons["no VAT rate"]
    assert reason.startswith("an amount that includes VAT, and the budget is before tax: give")
    assert "line Canva Pro a vat in budget.csv, or set [budget] vat" in reason
    assert str(amount) == "14.40"  # spent, tax included
    assert [t.line for t in loaded.transactions] == ["Photographer"]


BASE = '[company]\nname = "T"\ncurrency = "EUR"\n[budget]\nstart = "2026-01"\nmonths = 3\n'


def test_rates_are_read_by_month_or_for_every_month():
    from decimal import Decimal

    from budgetbook.read.config import parse_config

    config = parse_config(
        BASE + 'vat = 5.5\n[currency.rates]\nUSD = { "2026-02" = 0.92, "2027-01" = 1 }\n'
        "GBP = 1.17\n"
    )
    assert (config.tax_included, config.vat) == (False, Decimal("0.055"))
    assert config.rate("USD", 1) == Decimal("0.92")
    assert config.rate("USD", 0) is None  # no rate for January: never guessed
    assert config.rate("GBP", 2) == Decimal("1.17")
    assert config.rate("EUR", 0) == 1


def test_a_rate_or_vat_that_cannot_be_read_is_named():
    import pytest

    from budgetbook.errors import InputErrors
    from budgetbook.read.config import parse_config

    text = (
        BASE.replace("months = 3\n", 'months = 3\ntax = "TTCC"\nvat = 0.2\n')
        + '[currency.rates]\nEUR = 1\nUSD = { "March" = 0.9 }\nGBP = -1\n'
    )
    with pytest.raises(InputErrors) as caught:
        parse_config(text)
    found = {p.column: (p.value, str(p.hint)) for p in caught.value.problems}
    assert found["budget.tax"][0] == "TTCC"
    assert found["budget.vat"] == ("0.2", "Write it as a percent: 20 for 20 %, 5.5 for 5.5 %.")
    assert found["currency.rates.EUR"][1] == "The budget's own currency needs no rate."
    assert "YYYY-MM" in found["currency.rates.USD.March"][1]
    assert found["currency.rates.GBP"] == ("-1", "Write what one GBP is worth in EUR, e.g. 0.92.")


@pytest.mark.libreoffice
def test_update_appends_a_converted_amount_as_its_formula(tmp_path):
    """A statement sent after the build: its row gets the amount as written, its VAT and the
    formula, as a build writes them, and LibreOffice agrees with the value written."""
    from budgetbook.commands.update import update_workbook

    root = worked_example(tmp_path / "project")
    statement = tmp_path / "releve-avril.csv"
    statement.write_text(
        "Date opération;Date valeur;Libellé;Montant;Solde\n"
        "07/04/2026;08/04/2026;CB CANVA;-14,40;971,20\n",
        encoding="utf-8",
    )
    book = tmp_path / "book.xlsx"
    build_workbook(root, book)
    update_workbook(book, [statement])
    actuals = openpyxl.load_workbook(book)["Actuals"]
    row = [c.value for c in actuals[5]]
    assert (row[LINE], row[AMOUNT], row[ORIGINAL], row[CURRENCY], row[VAT]) == (
        "Canva Pro",
        "=K5/(1+N5)",
        14.4,
        "EUR",
        0.2,
    )
    recalculated = recalculate(book, tmp_path / "lo")
    values = openpyxl.load_workbook(recalculated, data_only=True)["Actuals"]
    assert values.cell(5, AMOUNT + 1).value == 12
    budget = openpyxl.load_workbook(recalculated, data_only=True)["Budget"]
    line = None
    for cells in budget.iter_rows(values_only=True):
        line = cells[1] or line
        if line == "Canva Pro" and cells[3] == "Actual":
            assert (cells[6], cells[7]) == (12, 12)  # March's and April's


def test_a_meta_export_in_another_currency_is_never_totalled_as_euros(tmp_path):
    """Meta's export dropped in actuals/: its amounts are in the currency its header and its
    Currency column name; a row not counted shows no amount, one counted is converted."""
    from budgetbook.read.project import load_project

    root = worked_example(tmp_path / "project")
    for path in (root / "actuals").iterdir():
        path.unlink()
    write_csv(
        root / "actuals" / "meta.csv",
        [
            [
                "Reporting starts",
                "Reporting ends",
                "Campaign name",
                "Amount spent (AUD)",
                "Currency",
            ],
            ["2026-03-01", "2026-03-31", "Meta spring", "250.00", "AUD"],
            ["2026-03-01", "2026-03-31", "Autumn", "80.00", "AUD"],
        ],
    )
    settings = root / "budgetbook.toml"
    settings.write_text(settings.read_text(encoding="utf-8") + "AUD = 0.6\n", encoding="utf-8")
    loaded = load_project(root)
    [counted] = loaded.transactions
    assert (counted.line, counted.amount, counted.conversion.currency) == ("Meta ads", 150, "AUD")
    [left] = loaded.not_counted
    assert (left.kind, left.amount) == ("no line", None)  # 80 AUD: not 80 EUR


def test_a_copy_of_a_file_in_another_currency_shows_no_amounts(tmp_path):
    from budgetbook.read.project import load_project

    root = worked_example(tmp_path / "project")
    meta = root / "actuals" / "meta-billing.csv"
    (root / "actuals" / "meta-billing-copy.csv").write_bytes(meta.read_bytes())
    copies = [i for i in load_project(root).not_counted if i.kind == "file sent twice"]
    assert [(i.file, i.amount) for i in copies] == [("actuals/meta-billing.csv", None)]
