"""The documentation stays true: generated pages match the code, every command is documented
with an example, the API page's examples run, the guide's figures are budgetbook's, and no
relative link is broken."""

from __future__ import annotations

import importlib.util
import re
import shutil
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from budgetbook.cli import main
from tests.recalc import require_libreoffice

ROOT = Path(__file__).parent.parent
DOCS = ROOT / "docs"
SAMPLE = ROOT / "samples" / "atelier-lune"
PAGES = [*sorted(DOCS.glob("*.md")), ROOT / "README.md", ROOT / "CHANGELOG.md"]


def load_script(name: str):
    """A script of docs/ as a module (docs/ is not a package, and must not become one)."""
    spec = importlib.util.spec_from_file_location(f"docs_{name}", DOCS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


cli_reference = load_script("make_cli_reference")


def test_cli_reference_is_up_to_date():
    assert (DOCS / "cli.md").read_text(encoding="utf-8") == cli_reference.render(), (
        "docs/cli.md is stale; run: .venv/bin/python docs/make_cli_reference.py"
    )


def command_paths(group: click.Command = main, path: tuple[str, ...] = ()) -> list[str]:
    """Every command under the group, walked so that a command added later is caught."""
    found = []
    if isinstance(group, click.Group):
        for name, command in group.commands.items():
            found.append(" ".join((*path, name)))
            found += command_paths(command, (*path, name))
    return found


def undocumented(group: click.Command, readme: str, reference: str) -> list[str]:
    """What is missing, one line a gap: a command absent from README.md or docs/cli.md, or
    whose --help has no example line (an indented line that runs the command)."""
    gaps = []
    for path in command_paths(group):
        usage = f"budgetbook {path}"
        if not re.search(rf"^## {re.escape(usage)}$", reference, re.M):
            gaps.append(f"{usage}: no section in docs/cli.md")
        if usage + " " not in readme:
            gaps.append(f"{usage}: not in README.md")
        shown = CliRunner().invoke(group, [*path.split(), "--help"], prog_name="budgetbook")
        if not re.search(rf"^\s+{re.escape(usage)} ", shown.output, re.M):
            gaps.append(f"{usage}: its --help shows no example line")
    return gaps


def test_every_command_is_documented_with_an_example():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    reference = (DOCS / "cli.md").read_text(encoding="utf-8")
    assert "update" in command_paths()
    assert undocumented(main, readme, reference) == []


def test_a_new_command_without_docs_is_caught():
    """The walk sees a command added later: a copy of the group with one more is reported."""
    group = click.Group("budgetbook", commands=dict(main.commands))

    @group.command()
    def archive() -> None:
        """Archive something."""

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    reference = (DOCS / "cli.md").read_text(encoding="utf-8")
    assert undocumented(group, readme, reference) == [
        "budgetbook archive: no section in docs/cli.md",
        "budgetbook archive: not in README.md",
        "budgetbook archive: its --help shows no example line",
    ]


def python_blocks(page: Path) -> list[str]:
    return re.findall(r"^```python\n(.*?)^```", page.read_text(encoding="utf-8"), re.M | re.S)


def test_api_examples_run(tmp_path, monkeypatch, capsys):
    """Each ```python block of docs/api.md, in order, from a folder laid out like the
    repository's root (the sample project under samples/)."""
    shutil.copytree(SAMPLE, tmp_path / "samples" / SAMPLE.name)
    monkeypatch.chdir(tmp_path)
    blocks = python_blocks(DOCS / "api.md")
    assert len(blocks) >= 6
    for number, block in enumerate(blocks, start=1):
        code = compile(block, f"docs/api.md, python block {number}", "exec")
        exec(code, {"__name__": f"api_example_{number}"})
    printed = capsys.readouterr().out
    assert "Built atelier-lune.xlsx" in printed
    assert "no such workbook" in printed


def test_guide_and_readme_show_what_a_build_prints(tmp_path, monkeypatch):
    guide = (DOCS / "guide.md").read_text(encoding="utf-8")
    marker = "<!-- output of: budgetbook build samples/atelier-lune -o atelier-lune.xlsx -->"
    shown = guide.split(marker, 1)[1].split("```text\n", 1)[1].split("```", 1)[0]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    in_readme = readme.split("A build prints what it did:", 1)[1].split("```\n", 1)[1]
    in_readme = in_readme.split("```", 1)[0]
    shutil.copytree(SAMPLE, tmp_path / "samples" / SAMPLE.name)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(
        main, ["build", "samples/atelier-lune", "-o", "atelier-lune.xlsx"], prog_name="budgetbook"
    )
    assert result.exit_code == 0, result.output
    assert shown == result.output
    assert in_readme == result.output.replace("atelier-lune.xlsx", "build/atelier-lune.xlsx")


@pytest.mark.libreoffice
def test_guide_carry_over_example_is_what_budgetbook_computes():
    """The guide's figures, before and after an edit recalculated by LibreOffice."""
    require_libreoffice()
    example = load_script("carry_over_example")
    guide = (DOCS / "guide.md").read_text(encoding="utf-8")
    fragment = example.render()
    assert example.replace_between_markers(guide, fragment) == guide, (
        "the carry-over example in docs/guide.md is stale;"
        " run: .venv/bin/python docs/carry_over_example.py --write"
    )
    assert "| Available | 500 | 620 | 500 | 580 |" in fragment  # surplus, as the brief's rule


@pytest.mark.libreoffice
def test_pictures_show_each_sheet_s_first_page_and_the_pages_show_them(tmp_path):
    """make pictures draws one small PNG per sheet of the sample, each the page that sheet
    starts on; the README and the guide show pictures of that folder, all of them in the
    guide."""
    require_libreoffice()
    pictures = load_script("pictures")
    written = pictures.render(tmp_path)
    names = [picture.name for picture in written]
    sheets = ("overview", "strategy", "budget", "actuals", "roadmap", "calendar", "performance",
              "not-counted")  # fmt: skip
    assert names == [f"{sheet}.png" for sheet in sheets]
    for picture in written:
        data = picture.read_bytes()
        assert data.startswith(b"\x89PNG") and len(data) < 200_000, picture.name
        width = int.from_bytes(data[16:20], "big")
        a4_sides = (841.89 / 72 * pictures.DPI, 595.28 / 72 * pictures.DPI)  # at modest dpi
        assert any(abs(width - side) < 1 for side in a4_sides), (picture.name, width)
    stored = sorted(path.name for path in (DOCS / "pictures").glob("*.png"))
    assert stored == sorted(names)
    guide = (DOCS / "guide.md").read_text(encoding="utf-8")
    assert all(f"(pictures/{name})" in guide for name in names)
    assert "(docs/pictures/overview.png)" in (ROOT / "README.md").read_text(encoding="utf-8")


def relative_links(page: Path) -> list[str]:
    """Targets of Markdown links and images that are not web addresses or in-page anchors,
    outside code blocks."""
    text = re.sub(r"^```.*?^```", "", page.read_text(encoding="utf-8"), flags=re.M | re.S)
    targets = re.findall(r"\]\(([^)\s]+)\)", text)
    return [t for t in targets if not re.match(r"[a-z]+:|#", t)]


def test_relative_links_point_to_files():
    broken = [
        f"{page.relative_to(ROOT)}: {target}"
        for page in PAGES
        for target in relative_links(page)
        if not (page.parent / target.split("#", 1)[0]).exists()
    ]
    assert broken == []
    assert "docs/guide.md" in relative_links(ROOT / "README.md")


def test_in_page_anchors_exist():
    """Links such as (#the-carry-over-rule) match a heading, as GitHub makes anchors."""

    def anchor(heading: str) -> str:
        return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")

    missing = []
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        headings = {anchor(h) for h in re.findall(r"^#+ (.+)$", text, re.M)}
        for target in re.findall(r"\]\(#([^)]+)\)", text):
            if target not in headings:
                missing.append(f"{page.relative_to(ROOT)}: #{target}")
    assert missing == []


def test_shell_completion_works_as_the_guide_says():
    """Each line of the guide's completion table gives a script for its shell, and the
    completion it asks for answers with budgetbook's commands and options."""
    import os
    import subprocess

    guide = (DOCS / "guide.md").read_text(encoding="utf-8")
    section = guide.split("## Shell completion", 1)[1]
    program = Path(sys.executable).parent / "budgetbook"
    expected = {"bash": "complete -o nosort -F", "zsh": "#compdef budgetbook",
                "fish": "complete --no-files --command budgetbook"}  # fmt: skip
    for shell, code in expected.items():
        assert f"_BUDGETBOOK_COMPLETE={shell}_source budgetbook" in section
        env = {**os.environ, "_BUDGETBOOK_COMPLETE": f"{shell}_source"}
        done = subprocess.run([program], env=env, capture_output=True, text=True, check=True)
        assert code in done.stdout, shell

    def complete(words: str) -> list[str]:
        env = {**os.environ, "_BUDGETBOOK_COMPLETE": "bash_complete", "COMP_WORDS": words,
               "COMP_CWORD": str(len(words.split()) - 1)}  # fmt: skip
        done = subprocess.run([program], env=env, capture_output=True, text=True, check=True)
        return done.stdout.split()

    assert complete("budgetbook bu") == ["plain,build"]
    assert "plain,--pdf" in complete("budgetbook export book.xlsx --p")


def test_the_architecture_page_names_every_module():
    """docs/architecture.md stays the map of the code: each module of each room is on it."""
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    package = ROOT / "budgetbook"
    modules = [
        path.relative_to(package) for path in package.glob("*/*.py") if path.name != "__init__.py"
    ] + [path.relative_to(package) for path in package.glob("*.py") if path.name != "__init__.py"]
    missing = [str(module) for module in modules if module.name not in page]
    assert missing == []
