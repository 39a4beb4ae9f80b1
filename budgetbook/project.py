"""Load a project folder: read every input, validate it, and report all problems together."""

from __future__ import annotations

from pathlib import Path

from budgetbook.actuals import actuals_files, read_actuals, read_mapping
from budgetbook.budget_file import read_budget
from budgetbook.config import CONFIG_NAME, parse_config, read_config_text
from budgetbook.errors import InputErrors, Problem
from budgetbook.model import Project
from budgetbook.tables import TABLE_SUFFIXES, read_table


def find_table(root: Path, stem: str, required: bool) -> Path | None:
    """``stem.csv`` or ``stem.xlsx``; both at once is ambiguous, so an error."""
    found = [
        root / f"{stem}{suffix}"
        for suffix in TABLE_SUFFIXES
        if (root / f"{stem}{suffix}").is_file()
    ]
    if len(found) > 1:
        raise InputErrors(
            [Problem(f"{stem}.csv", f"and {stem}.xlsx both exist.", hint="Keep only one of them.")]
        )
    if not found and required:
        raise InputErrors(
            [
                Problem(
                    f"{stem}.csv",
                    "not found.",
                    hint=f"Add {stem}.csv or {stem}.xlsx to the project.",
                )
            ]
        )
    return found[0] if found else None


def load_project(root: Path | str) -> Project:
    root = Path(root)
    if not root.is_dir():
        raise InputErrors(
            [
                Problem(
                    str(root),
                    "is not a project folder.",
                    hint="Run 'budgetbook init DIR' to make one.",
                )
            ]
        )
    config_text = read_config_text(root / CONFIG_NAME)
    config = parse_config(config_text)
    budget_path = find_table(root, "budget", required=True)
    lines, problems = read_budget(read_table(budget_path, budget_path.name), config)

    rules = []
    mapping_path = find_table(root, "mapping", required=False)
    if mapping_path is not None and lines:
        rules, mapping_problems = read_mapping(read_table(mapping_path, mapping_path.name), lines)
        problems += mapping_problems
    if problems:
        raise InputErrors(problems)

    actuals = read_actuals(actuals_files(root / "actuals"), root, config, lines, rules)
    return Project(
        root=root,
        config=config,
        lines=lines,
        transactions=actuals.transactions,
        not_counted=actuals.not_counted,
        data_rows=actuals.data_rows,
        sources=actuals.sources,
        rules=rules,
        config_text=config_text,
    )
