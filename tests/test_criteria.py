"""Names a formula matches as a criterion (levers, platforms): the ones a spreadsheet would
read as operators or wildcards, or take for another name, are refused where they are read;
the others count the same in Python, LibreOffice and Gnumeric."""

from __future__ import annotations

import pytest

from budgetbook.commands.build import build_workbook
from budgetbook.errors import InputErrors
from budgetbook.read.criteria import matching_key
from budgetbook.read.project import load_project
from tests.conftest import write_csv, write_project
from tests.recalc import compare, gnumeric_recalculate, recalculate

LINES = [["Ads", "Meta ads", "Instagram", "", 100, 100, 100, 100]]
OPERATIONS_HEADER = ["operation", "objective_type", "segment", "lever", "budget", "cost"]
OPERATIONS_HEADER += ["participants", "opt_ins", "new_contacts", "revenue", "target"]
CALENDAR_HEADER = ["date", "platform", "format", "topic", "owner", "status"]


def _operation(name: str, lever: str) -> list[object]:
    return [name, "acquisition", "", lever, 100, 90, 10, 0, 0, 50, 8]


def _post(day: str, platform: str) -> list[object]:
    return [day, platform, "reel", "A post", "Inès", "published"]


def _project(tmp_path, levers=(), platforms=()):
    root = write_project(tmp_path / "project", LINES)
    operations = [_operation(f"Operation {n}", lever) for n, lever in enumerate(levers)]
    write_csv(root / "operations.csv", [OPERATIONS_HEADER, *operations])
    posts = [_post(f"2026-0{1 + n % 4}-1{n % 9}", name) for n, name in enumerate(platforms)]
    write_csv(root / "calendar.csv", [CALENDAR_HEADER, *posts])
    return root


def _refused(root) -> list[tuple]:
    with pytest.raises(InputErrors) as caught:
        load_project(root)
    return [(p.file, p.row, p.column, p.value, str(p.message)) for p in caught.value.problems]


OPERATORS = "cannot start with = + - @ < > or contain * ? ~, which spreadsheet formulas read"


@pytest.mark.parametrize("lever", ["Ads*", "<100", "=Promo", "Canva?Pro", "Meta ~ test", "+1"])
def test_a_lever_a_formula_would_read_as_an_operator_is_refused(lever, tmp_path):
    root = _project(tmp_path, levers=["Instagram ads", lever])
    [(file, row, column, value, message)] = _refused(root)
    assert (file, row, column, value) == ("operations.csv", 3, "lever", lever)
    assert message.startswith("a lever " + OPERATORS)


@pytest.mark.parametrize("platform", ["Insta*", "T?k", "<5", "~Tilde", "=Instagram"])
def test_a_platform_a_formula_would_read_as_an_operator_is_refused(platform, tmp_path):
    root = _project(tmp_path, platforms=["Instagram", platform])
    [(file, row, column, value, message)] = _refused(root)
    assert (file, row, column, value) == ("calendar.csv", 3, "platform", platform)
    assert message.startswith("a platform " + OPERATORS)


def test_a_target_for_a_platform_named_as_an_operator_is_refused(tmp_path):
    root = _project(tmp_path, platforms=["Instagram"])
    with (root / "budgetbook.toml").open("a", encoding="utf-8") as toml:
        toml.write('\n[calendar]\ntargets = { Instagram = 8, "Tik*" = 4 }\n')
    [(file, _, column, value, message)] = _refused(root)
    assert (file, column, value) == ("budgetbook.toml", "calendar.targets", "Tik*")
    assert message.startswith("a platform " + OPERATORS)


@pytest.mark.parametrize(
    ("first", "second"),
    [("Line ads", "Lıne ads"), ("Instagram", "İnstagram"), ("Meta", "Ｍｅｔａ")],
    ids=["dotless i", "dotted capital I", "full width"],
)
def test_names_formulas_would_merge_but_budgetbook_would_not_are_refused(first, second, tmp_path):
    assert matching_key(first) == matching_key(second) and first.casefold() != second.casefold()
    root = _project(tmp_path, levers=[first, second], platforms=[first, second])
    found = _refused(root)
    assert sorted((file, row, column, value) for file, row, column, value, _ in found) == [
        ("calendar.csv", 3, "platform", second),
        ("operations.csv", 3, "lever", second),
    ]
    assert all(f"is one name with '{first}', written so elsewhere" in m for *_, m in found)


def test_names_that_differ_only_by_case_are_one_name_as_in_every_engine(tmp_path):
    root = _project(tmp_path, levers=["Meta ads", "META ADS"], platforms=["TikTok", "tiktok"])
    project = load_project(root)
    assert [o.lever for o in project.operations] == ["Meta ads", "META ADS"]


# Names every engine matches only with themselves: brackets, accents, apostrophes, an
# operator or a wildcard's kin inside rather than first, case.
ACCEPTED_LEVERS = ["Ads (Meta)", "Café & co", "L'atelier", "a+b", "50%", "Meta ads", "META ADS"]
ACCEPTED_PLATFORMS = ["Insta-gram", "TikTok", "tiktok", "Pin <3", "Face book", "Été"]


@pytest.mark.libreoffice
@pytest.mark.gnumeric
def test_accepted_names_count_alike_in_python_libreoffice_and_gnumeric(tmp_path):
    root = _project(tmp_path, levers=ACCEPTED_LEVERS, platforms=ACCEPTED_PLATFORMS)
    book = tmp_path / "book.xlsx"
    build_workbook(root, book)
    for engine, recalculated in (
        ("LibreOffice", recalculate(book, tmp_path / "lo")),
        ("Gnumeric", gnumeric_recalculate(book, tmp_path / "gn")),
    ):
        count, mismatches = compare(book, recalculated)
        print(f"{engine}: {count} formulas compared")
        assert count > 200 and mismatches == [], engine


def test_line_names_formulas_would_merge_are_one_name_used_twice(tmp_path):
    lines = [*LINES, ["Ads", "Meta adſ", "", "", 1, 1, 1, 1], ["Tools", "Lıne", "", "", 1, 1, 1, 1]]
    lines.append(["Tools", "Line", "", "", 1, 1, 1, 1])
    root = write_project(tmp_path / "project", lines)
    found = _refused(root)
    assert [(file, row, column, value) for file, row, column, value, _ in found] == [
        ("budget.csv", 3, "line", "Meta adſ"),  # the long s folds to s
        ("budget.csv", 5, "line", "Line"),
    ]
    assert all("this line name is already used on row" in message for *_, message in found)
