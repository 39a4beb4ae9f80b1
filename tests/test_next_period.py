"""budgetbook next: the project folder of the following period, from this one."""

from __future__ import annotations

import json
import shutil
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from budgetbook.cli import main
from budgetbook.commands import next_period as next_module
from budgetbook.model import CarryOver, Period, add_months, month_key
from budgetbook.read.config import parse_config
from budgetbook.read.project import load_budget, load_project
from tests.conftest import ROOT, write_project

SAMPLES = {"en": ROOT / "samples" / "atelier-lune", "fr": ROOT / "samples" / "atelier-lune-fr"}
CENT = Decimal("0.01")


@pytest.fixture
def run():
    runner = CliRunner()

    def invoke(*args: object):
        return runner.invoke(main, [str(a) for a in args], catch_exceptions=False)

    return invoke


def actual_by_line_month(project) -> dict[str, list[Decimal]]:
    """Each line's counted actuals by month, summed here from the transactions as read."""
    period = project.config.period
    sums = {line.name: [Decimal(0)] * period.months for line in project.lines}
    for transaction in project.transactions:
        month = period.month_index(transaction.date)
        if month is not None:
            sums[transaction.line][month] += transaction.amount
    return sums


def closing_balance(
    planned, actual, policy: CarryOver, closed: int | None = None, opening=Decimal(0)
) -> Decimal:
    """The brief's carry-over rule, walked by hand: Available[1] = Planned[1] + opening,
    Remaining = Available - Actual, Available[m+1] = Planned[m+1] + carry(Remaining[m]) when
    month m is closed (one of the first ``closed``; None: all, a period that is over), else
    Planned[m+1]; the closing balance is what carry makes of the last Remaining, only its
    overspend while the last month is open. Written here, apart from budgetbook.compute, to
    hold it to the rule."""
    closed = len(planned) if closed is None else closed
    remaining = None
    for month, amount in enumerate(planned):
        brought = opening if month == 0 else remaining
        if month and policy is CarryOver.SURPLUS:
            brought = max(Decimal(0), remaining)
        if month > closed:
            brought = Decimal(0)  # the month before is open: nothing carries out of it
        remaining = amount + brought - actual[month]
    if closed < len(planned):  # the last month is open: it spends what it has, as forecast
        remaining = min(Decimal(0), remaining)
    return remaining if policy is CarryOver.FULL else max(Decimal(0), remaining)


def scaled(amount: Decimal, change: str) -> Decimal:
    rate = Decimal(change.strip("%").replace(",", ".")) / 100
    return (amount * (1 + rate)).quantize(CENT, ROUND_HALF_UP)


CASES = [
    ("en", "plan", "0%"),
    ("en", "actual", "+5%"),
    ("en", "plan", "-10%"),
    ("fr", "plan", "+5%"),
    ("fr", "actual", "0%"),
    ("fr", "actual", "-2,5%"),
]


@pytest.mark.parametrize(("sample", "seed", "change"), CASES)
def test_next_on_the_samples_checks_builds_and_seeds_each_month(
    run, tmp_path, sample, seed, change
):
    source = load_project(SAMPLES[sample])
    new = tmp_path / "next"
    result = run("next", SAMPLES[sample], new, "--from", seed, f"--change={change}")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in new.iterdir()) == [
        "actuals",
        "budget.csv",
        "budgetbook.toml",
        "mapping.csv",
        "objectives.csv",
    ]
    assert list((new / "actuals").iterdir()) == []
    for name in ("mapping.csv", "objectives.csv"):
        assert (new / name).read_bytes() == (SAMPLES[sample] / name).read_bytes()
    checked = run("check", new)
    assert checked.exit_code == 0, checked.output
    built = run("build", new, "-o", tmp_path / "next.xlsx")
    assert built.exit_code == 0, built.output
    assert len(openpyxl.load_workbook(tmp_path / "next.xlsx", read_only=True).sheetnames) > 5

    config, lines = load_budget(new)
    assert config.period == Period(source.config.period.end, 12)
    assert config.language == source.config.language
    actual = actual_by_line_month(source)
    last_with_actuals = max(t.date for t in source.transactions).month - 1  # October: 9
    assert [line.name for line in lines] == [line.name for line in source.lines]
    for old, line in zip(source.lines, lines, strict=True):
        assert (line.category, line.channel, line.carry_over, line.vat) == (
            old.category,
            old.channel,
            old.carry_over,
            old.vat,
        )
        seeds = [
            old.planned[m] if seed == "plan" or m > last_with_actuals else actual[old.name][m]
            for m in range(12)
        ]
        assert line.planned == tuple(scaled(max(Decimal(0), s), change) for s in seeds), line.name
        expected = (
            Decimal(0)
            if old.carry_over is CarryOver.NONE
            else closing_balance(
                old.planned, actual[old.name], old.carry_over, last_with_actuals + 1
            ).quantize(CENT)
        )
        assert line.opening == expected, line.name


def test_the_samples_openings_are_their_surplus_and_full_lines_closing_balances(run, tmp_path):
    """The figures themselves, walked by hand from the sample's plan and actuals (surplus
    for the Meta and Google lines, full for Pinterest), in both samples."""
    for sample, path in SAMPLES.items():
        result = run("next", path, tmp_path / sample, "--json")
        assert result.exit_code == 0, result.output
        openings = json.loads(result.output)["openings"]
        source = load_project(path)
        actual = actual_by_line_month(source)
        closed = max(t.date for t in source.transactions).month  # through October
        expected = {
            line.name: str(
                closing_balance(line.planned, actual[line.name], line.carry_over, closed).quantize(
                    CENT
                )
            )
            for line in source.lines
            if line.carry_over is not CarryOver.NONE
        }
        assert openings == expected
        assert [line.carry_over for line in source.lines if line.name in openings] == [
            CarryOver.SURPLUS,
            CarryOver.SURPLUS,
            CarryOver.FULL,
            CarryOver.SURPLUS,
        ]


def test_openings_carry_surplus_overspend_and_refunds_as_each_policy_says(run, tmp_path):
    """A period whose every month is over: surplus keeps only what is left, full carries an
    overspend and a refund too, none carries nothing. Figures worked out by hand."""
    project = write_project(
        tmp_path / "p",
        [
            ["Ads", "Meta", "", "surplus", 100, 100, 100, 100],
            ["Ads", "Google", "", "full", 100, 100, 100, 100],
            ["Ads", "Pinterest", "", "full", 100, 100, 100, 100],
            ["Ads", "LinkedIn", "", "surplus", 100, 100, 100, 100],
            ["Tools", "Canva", "", "", 12, 12, 12, 12],
        ],
        actuals=[
            ["2026-01-10", 30, "Meta", "", "", ""],
            ["2026-02-10", 250, "Meta", "", "", ""],  # overspent: surplus carries 0 on
            ["2026-03-10", 50, "Meta", "", "", ""],
            ["2026-01-10", 30, "Google", "", "", ""],
            ["2026-02-10", 250, "Google", "", "", ""],  # overspent: full carries -80 on
            ["2026-03-10", 50, "Google", "", "", ""],
            ["2026-03-20", -20, "Google", "refund", "", ""],
            ["2026-04-10", 500, "Pinterest", "", "", ""],  # overspent in the last month
            ["2026-04-10", 600, "LinkedIn", "", "", ""],  # surplus: nothing to carry
            ["2026-04-10", 12, "Canva", "", "", ""],
        ],
    )
    result = run("next", project, tmp_path / "next", "--json")
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    # Meta: 70, 170-250=-80 -> 0, 100-50=50, 150. Google: 70, -80, 100-80-30=-10, 90.
    assert record["openings"] == {
        "Meta": "150.00",
        "Google": "90.00",
        "Pinterest": "-100.00",
        "LinkedIn": "0.00",
    }
    assert record["open_months"] == []
    assert record["period"] == {"start": "2026-05", "end": "2026-08"}
    text = (tmp_path / "next" / "budget.csv").read_text(encoding="utf-8").splitlines()
    assert text[0] == "category,line,channel,carry_over,opening,2026-05,2026-06,2026-07,2026-08"
    assert text[1:] == [
        "Ads,Meta,,surplus,150,100,100,100,100",
        "Ads,Google,,full,90,100,100,100,100",
        "Ads,Pinterest,,full,-100,100,100,100,100",
        "Ads,LinkedIn,,surplus,0,100,100,100,100",
        "Tools,Canva,,,,12,12,12,12",
    ]
    assert run("check", tmp_path / "next").exit_code == 0


def test_from_actual_with_a_change_rounds_to_the_cent_and_never_plans_below_zero(run, tmp_path):
    project = write_project(
        tmp_path / "p",
        [["Ads", "Meta", "", "", 100, 100, 100, 100], ["Tools", "Canva", "", "", 12, 12, 12, 12]],
        actuals=[
            ["2026-01-10", "33.33", "Meta", "", "", ""],
            ["2026-02-10", "-40", "Meta", "refund", "", ""],  # a month of refunds: 0, not -42
            ["2026-03-10", "11.99", "Canva", "", "", ""],  # March closes: Meta spent nothing
        ],
    )
    result = run("next", project, tmp_path / "next", "--from", "actual", "--change", "+5%")
    assert result.exit_code == 0, result.output
    _, lines = load_budget(tmp_path / "next")
    # 33.33 x 1.05 = 34.9965 -> 35.00; 11.99 x 1.05 = 12.5895 -> 12.59; April: the plan's.
    assert lines[0].planned == (Decimal("35.00"), 0, 0, Decimal(105))
    assert lines[1].planned == (0, 0, Decimal("12.59"), Decimal("12.60"))
    assert (
        "from this period's actuals, month by month; 1 month with no actuals yet (Apr 2026)"
        " from the plan, changed by +5%" in result.output
    )
    assert "none: no line carries over" in result.output


def test_what_next_says_it_did_on_the_english_sample(run, tmp_path):
    result = run("next", SAMPLES["en"], tmp_path / "next", "--change", "+5%")
    assert result.exit_code == 0, result.output
    assert result.output == (
        f"Wrote {tmp_path / 'next'}, the project of Jan 2027 – Dec 2027, from {SAMPLES['en']}\n"
        "  Budget       18 budget lines in 4 categories, 12 months (Jan 2027 – Dec 2027)\n"
        "  Amounts      from this period's plan, month by month, changed by +5%\n"
        "  Planned      €40,066.83  was €38,158.88 in Jan 2026 – Dec 2026\n"
        "  Openings          €0.00  the closing balances of 4 carry-over lines:\n"
        "                    €0.00  Meta ads – Instagram\n"
        "                    €0.00  Meta ads – Facebook\n"
        "                    €0.00  Pinterest ads\n"
        "                    €0.00  Google Ads\n"
        "               2 months of the period (Nov 2026 – Dec 2026) are still open: the closing"
        " balances take them as the forecast does, spending what they have, so only an overspend"
        " carries (under full). Run next again once they are closed, or edit the openings in"
        " budget.csv.\n"
        "  Carried      budgetbook.toml, budget.csv, objectives.csv (review the targets and"
        " deadlines), mapping.csv, actuals/ (empty, for the new period's files)\n"
        "  Not carried  roadmap.csv, calendar.csv, kpis.csv, operations.csv, metrics/: they"
        " describe the period that ended\n"
        f"Check it, then run: budgetbook build {tmp_path / 'next'}\n"
    )


def closed_through_the_end(project: Path) -> Path:
    """The project with every month of its period closed (``[budget] as_of`` its last), as
    once the period is over: its openings are then the full closing balances."""
    config, _ = load_budget(project)
    last = month_key(add_months(config.period.end, -1))
    toml = project / "budgetbook.toml"
    text = toml.read_text(encoding="utf-8")
    toml.write_text(text.replace("[budget]\n", f'[budget]\nas_of = "{last}"\n', 1), "utf-8")
    return project


def test_a_french_project_gets_a_french_budget_it_reads_back(run, tmp_path):
    sample = closed_through_the_end(shutil.copytree(SAMPLES["fr"], tmp_path / "sample"))
    result = run("next", sample, tmp_path / "suite", "--change", "+5%")
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Dossier {tmp_path / 'suite'} écrit, le projet de janv. 2027")
    text = (tmp_path / "suite" / "budget.csv").read_text(encoding="utf-8")
    header, canva, *_ = text.splitlines()
    assert header.startswith("catégorie;poste;canal;report;ouverture;2027-01;2027-02;")
    assert canva == "Logiciels & outils;Canva Pro;;;" + ";12,59" * 12
    assert "Publicité;Publicité Pinterest;Pinterest;total;882,80;157,50;" in text
    assert "Prestations;Graphiste;;aucun;;;;682,50;" in text
    toml = (tmp_path / "suite" / "budgetbook.toml").read_text(encoding="utf-8")
    assert toml == (SAMPLES["fr"] / "budgetbook.toml").read_text(encoding="utf-8").replace(
        'start = "2026-01"', 'start = "2027-01"'
    )
    config, lines = load_budget(tmp_path / "suite")
    assert config.language == "fr"
    assert lines[6].opening == Decimal("882.80")


def test_a_budget_xlsx_gives_a_budget_xlsx(run, tmp_path):
    assert run("init", tmp_path / "p", "--xlsx").exit_code == 0
    result = run("next", closed_through_the_end(tmp_path / "p"), tmp_path / "next")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "next" / "budget.xlsx").is_file()
    assert not (tmp_path / "next" / "budget.csv").exists()
    before, after = load_budget(tmp_path / "p")[1], load_budget(tmp_path / "next")[1]
    assert [line.planned for line in after] == [line.planned for line in before]
    assert [line.carry_over for line in after] == [line.carry_over for line in before]
    assert any(line.opening for line in after)
    assert run("check", tmp_path / "next").exit_code == 0


def test_a_folder_that_holds_anything_is_refused_and_left_as_it_was(run, tmp_path):
    taken = tmp_path / "taken"
    taken.mkdir()
    (taken / "notes.txt").write_text("mine", encoding="utf-8")
    result = run("next", SAMPLES["en"], taken)
    assert result.exit_code == 1
    assert (
        f"Error: {taken}: already exists and is not empty; next writes only into a new or empty"
        " folder, so that nothing there is overwritten. Choose another folder." in result.output
    )
    assert [p.name for p in taken.iterdir()] == ["notes.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken"]
    a_file = tmp_path / "a-file"
    a_file.write_text("x", encoding="utf-8")
    assert run("next", SAMPLES["en"], a_file).exit_code == 1
    assert a_file.read_text(encoding="utf-8") == "x"
    same = tmp_path / "same"
    shutil.copytree(SAMPLES["en"], same)
    assert run("next", same, same).exit_code == 1  # the project itself


def test_an_empty_folder_is_taken(run, tmp_path):
    (tmp_path / "empty").mkdir()
    assert run("next", SAMPLES["en"], tmp_path / "empty", "-q").exit_code == 0
    assert (tmp_path / "empty" / "budget.csv").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("5", "--change '5': is not a change. Write a percentage, such as +5%, -10% or 0%."),
        ("ten%", "--change 'ten%': is not a change."),
        ("+5%%", "--change '+5%%': is not a change."),
        ("5%-", "--change '5%-': is not a change."),
        ("-150%", "--change '-150%': would cut every amount below zero; a cut goes down to -100%."),
    ],
)
def test_a_change_that_is_no_percentage_is_refused(run, tmp_path, change, message):
    result = run("next", SAMPLES["en"], tmp_path / "next", f"--change={change}")
    assert result.exit_code == 1
    assert f"Error: {message}" in result.output
    assert not (tmp_path / "next").exists()


@pytest.mark.parametrize(
    ("text", "fraction"),
    [("+5%", "0.05"), ("-10%", "-0.1"), ("0%", "0"), ("2,5 %", "0.025"), ("-100%", "-1")],
)
def test_changes_read(text, fraction):
    assert next_module.parse_change(text) == Decimal(fraction)


def test_from_actual_without_actuals_is_refused(run, tmp_path):
    assert run("init", tmp_path / "p").exit_code == 0
    for file in (tmp_path / "p" / "actuals").iterdir():
        file.unlink()
    result = run("next", tmp_path / "p", tmp_path / "next", "--from", "actual")
    assert result.exit_code == 1
    assert "has no actuals counted in its period, so --from actual has nothing" in result.output
    assert not (tmp_path / "next").exists()
    assert run("next", tmp_path / "p", tmp_path / "next").exit_code == 0  # the plan's


def test_a_project_with_problems_writes_nothing(run, project_factory, tmp_path):
    project = project_factory([["Ads", "Meta", "", "sometimes", 1, 2, 3, 4]])
    result = run("next", project, tmp_path / "next")
    assert result.exit_code == 1
    assert "value 'sometimes': is not a carry-over policy." in result.output
    assert not (tmp_path / "next").exists()


def test_a_failed_write_leaves_nothing_behind(run, tmp_path, monkeypatch):
    def refuse(*_args):
        raise PermissionError(13, "Permission denied", str(tmp_path / "x" / "mapping.csv"))

    monkeypatch.setattr(next_module.shutil, "copyfile", refuse)
    (tmp_path / "parent").mkdir()
    result = run("next", SAMPLES["en"], tmp_path / "parent" / "next")
    assert result.exit_code == 1
    assert "cannot be written (Permission denied)." in result.output
    assert list((tmp_path / "parent").iterdir()) == []


def test_the_toml_keeps_every_line_but_start_and_as_of():
    text = (
        '[company]\nname = "X"\ncurrency = "EUR"\n\n[budget]\n'
        "start = '2026-07'   # the fiscal year\nmonths = 6\nas_of = \"2026-10\"\n"
        'carry_over = "surplus"\n\n[strategy]\nsummary = """\nstart = "2026-07" is a July\n"""\n'
    )
    config = parse_config(text.replace('as_of = "2026-10"\n', ""))
    moved = next_module.moved_config(text, config, Period(config.period.end, 6))
    assert moved == text.replace("'2026-07'", "'2027-01'").replace('as_of = "2026-10"\n', "")


def test_a_start_it_cannot_move_is_refused():
    text = 'budget = { start = "2026-01" }\n[company]\nname = "X"\ncurrency = "EUR"\n'
    config = parse_config(text)
    with pytest.raises(next_module.BudgetbookError, match='start could not be moved to "2027-01"'):
        next_module.moved_config(text, config, Period(config.period.end, 12))


def test_help_says_what_from_actual_does_where_a_month_has_no_actuals(run):
    shown = run("next", "--help").output
    assert "Example:" in shown
    assert "budgetbook next samples/atelier-lune atelier-lune-2027" in shown
    assert "months with no actuals yet" in " ".join(shown.split())


def test_the_guide_shows_what_next_prints(tmp_path, monkeypatch):
    guide = (ROOT / "docs" / "guide.md").read_text(encoding="utf-8")
    command = "budgetbook next samples/atelier-lune atelier-lune-2027 --change +5%"
    shown = guide.split(f"<!-- output of: {command} -->", 1)[1]
    shown = shown.split("```text\n", 1)[1].split("```", 1)[0]
    shutil.copytree(SAMPLES["en"], tmp_path / "samples" / "atelier-lune")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, command.split()[1:], prog_name="budgetbook")
    assert result.exit_code == 0, result.output
    assert shown == result.output
