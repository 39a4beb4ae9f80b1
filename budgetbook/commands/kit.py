"""The downloadable kit: blank workbooks to fill in by hand, one per template of the seed's kit
(strategy, roadmap, budget, calendar, performance) and one whole, in English and French, built
from the empty projects of templates/blank-LANG/ into templates/kit/LANG/ (``make templates``).

A person who never runs a command downloads one of them, types into its input cells, and
every formula follows, as in the Google Sheets templates they know."""

from __future__ import annotations

import argparse
from pathlib import Path

from budgetbook.write.book import SHEETS

# Each workbook of the kit and its sheets, in order: it opens on the first. The Budget's
# Actual cells are formulas over Actuals, so the budget keeps its Actuals sheet (where a person
# types what was spent); the Performance's ad spend is the Budget's actuals of each channel's
# lines, so it keeps both, after its own. The Not counted sheet lists finance's rows budgetbook
# could not read: nothing a hand-filled workbook has, so only the whole one, whose Overview
# counts it, keeps it.
KIT = {
    "strategy": ("strategy",),
    "roadmap": ("roadmap",),
    "budget": ("budget", "actuals"),
    "calendar": ("calendar",),
    "performance": ("performance", "budget", "actuals"),
    "whole": SHEETS,
}
FILE_NAMES = {
    "en": {
        "strategy": "strategy.xlsx",
        "roadmap": "roadmap.xlsx",
        "budget": "budget.xlsx",
        "calendar": "calendar.xlsx",
        "performance": "performance.xlsx",
        "whole": "marketing-kit.xlsx",
    },
    "fr": {
        "strategy": "strategie.xlsx",
        "roadmap": "feuille-de-route.xlsx",
        "budget": "budget.xlsx",
        "calendar": "calendrier.xlsx",
        "performance": "performance.xlsx",
        "whole": "kit-marketing.xlsx",
    },
}
# The repository's templates/: the kit is built in a checkout (an editable install), not from
# an installed wheel, which ships only the project files init copies.
TEMPLATES = Path(__file__).parent.parent.parent / "templates"


def build_kit(templates: Path = TEMPLATES, output: Path | None = None) -> list[Path]:
    """Write every workbook of the kit, each language's from ``templates/blank-LANG``, into
    ``output/LANG`` (default ``templates/kit``); return their paths."""
    from budgetbook.compute.budget import compute_budget
    from budgetbook.compute.performance import compute_performance
    from budgetbook.compute.plan import plan_schedule
    from budgetbook.errors import speaking
    from budgetbook.read.project import load_project
    from budgetbook.write.book import write_workbook

    output = templates / "kit" if output is None else output
    written = []
    for language, names in FILE_NAMES.items():
        project = load_project(templates / f"blank-{language}")
        figures = compute_budget(project)
        performance = compute_performance(project, figures)
        schedule = plan_schedule(project)
        folder = output / language
        folder.mkdir(parents=True, exist_ok=True)
        for key, sheets in KIT.items():
            path = folder / names[key]
            with speaking(language):
                write_workbook(project, figures, performance, schedule, path, sheets)
            written.append(path)
    return written


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--templates", type=Path, default=TEMPLATES)
    parser.add_argument("--output", type=Path, default=None)
    arguments = parser.parse_args(argv)
    for path in build_kit(arguments.templates, arguments.output):
        print(path)


if __name__ == "__main__":
    main()
