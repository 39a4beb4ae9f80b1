"""The build: read and validate a project, compute its figures, write its workbook."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from budgetbook.compute.budget import BudgetFigures, compute_budget
from budgetbook.errors import speaking
from budgetbook.model import Project
from budgetbook.read.project import load_project

DEFAULT_OUTPUT = "budgetbook.xlsx"


@dataclass(frozen=True)
class Summary:
    """What a build or a check found, for the terminal and for scripts."""

    project: Project
    figures: BudgetFigures
    output: Path | None
    side_file: Path | None = None  # the transactions, when Actuals holds monthly totals


def _load(project_dir: Path | str, language: str | None) -> Project:
    """The project, its workbook and summary in ``language`` when one is given."""
    project = load_project(project_dir)
    if language is not None:
        project.config = replace(project.config, language=language)
    return project


def check_project(project_dir: Path | str, language: str | None = None) -> Summary:
    project = _load(project_dir, language)
    return Summary(project, compute_budget(project), None)


def build_workbook(
    project_dir: Path | str, output: Path | str | None = None, language: str | None = None
) -> Summary:
    from budgetbook.compute.performance import compute_performance
    from budgetbook.compute.plan import plan_schedule
    from budgetbook.write.book import write_workbook

    project = _load(project_dir, language)
    figures = compute_budget(project)  # every figure worked out before a cell is written
    performance = compute_performance(project, figures)
    schedule = plan_schedule(project)
    target = Path(output) if output is not None else project.root / DEFAULT_OUTPUT
    with speaking(project.config.language):
        side_file = write_workbook(project, figures, performance, schedule, target)
    return Summary(project, figures, target, side_file)
