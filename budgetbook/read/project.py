"""Load a project folder: read every input, validate it, and report all problems together."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from budgetbook.errors import InputErrors, Problem, speaking
from budgetbook.i18n.messages import Text
from budgetbook.model import BudgetLine, Config, KpiValue, Limits, NotCounted, Project
from budgetbook.read.actuals import actuals_files, read_actuals, read_mapping
from budgetbook.read.aliases import value_name
from budgetbook.read.budget import given_line_names, read_budget
from budgetbook.read.calendar import read_calendar
from budgetbook.read.config import CONFIG_NAME, parse_config, read_config_text
from budgetbook.read.kpis import read_kpis
from budgetbook.read.objectives import read_objectives
from budgetbook.read.operations import read_operations
from budgetbook.read.roadmap import read_roadmap
from budgetbook.read.tables import DEFAULT_LIMITS, TABLE_SUFFIXES, Table, read_table

if TYPE_CHECKING:
    from budgetbook.read.metrics import MetricExport


def find_table(root: Path, stem: str, required: bool) -> Path | None:
    """``stem.csv`` or ``stem.xlsx``; both at once is ambiguous, so an error."""
    found = [
        root / f"{stem}{suffix}"
        for suffix in TABLE_SUFFIXES
        if (root / f"{stem}{suffix}").is_file()
    ]
    if len(found) > 1:
        raise InputErrors(
            [
                Problem(
                    f"{stem}.csv",
                    Text("and {name} both exist.", name=f"{stem}.xlsx"),
                    hint=Text("Keep only one of them."),
                )
            ]
        )
    if not found and required:
        raise InputErrors(
            [
                Problem(
                    f"{stem}.csv",
                    Text("not found."),
                    hint=Text(
                        "Add {csv} or {xlsx} to the project.",
                        csv=f"{stem}.csv",
                        xlsx=f"{stem}.xlsx",
                    ),
                )
            ]
        )
    return found[0] if found else None


def _project_root(root: Path | str) -> Path:
    root = Path(root)
    if not root.is_dir():
        raise InputErrors(
            [
                Problem(
                    str(root),
                    Text("is not a project folder."),
                    hint=Text("Run 'budgetbook init DIR' to make one."),
                )
            ]
        )
    return root


def load_budget(root: Path | str) -> tuple[Config, list[BudgetLine]]:
    """The settings and budget lines alone, which is all a hand-off workbook needs."""
    root = _project_root(root)
    config = parse_config(read_config_text(root / CONFIG_NAME))
    problems: list[Problem] = []
    with speaking(config.language):
        lines = _read(root, "budget", lambda t: read_budget(t, config), problems, required=True)
        if problems:
            raise InputErrors(problems)
    return config, lines


def load_project(root: Path | str) -> Project:
    """Every input of the project; problems found once its settings are read are told in
    its language."""
    root = _project_root(root)
    config_text = read_config_text(root / CONFIG_NAME)
    config = parse_config(config_text)
    with speaking(config.language):
        return _load_inputs(root, config, config_text)


def _load_inputs(root: Path, config: Config, config_text: str) -> Project:
    problems: list[Problem] = []
    limits = config.limits
    line_names: list[str] = []  # those of the rows refused too: no false "no such line"

    def read_budget_and_names(table: Table) -> tuple[list[BudgetLine], list[Problem]]:
        line_names.extend(given_line_names(table))
        return read_budget(table, config)

    lines = _read(root, "budget", read_budget_and_names, problems, required=True, limits=limits)
    rules = []
    if line_names:
        rules = _read(
            root, "mapping", lambda t: read_mapping(t, line_names), problems, limits=limits
        )
    elif problems:
        problems += _not_checked(root, "mapping")
    objectives = _read(
        root, "objectives", lambda t: read_objectives(t, config.language), problems, limits=limits
    )
    initiatives = _read(
        root, "roadmap", lambda t: read_roadmap(t, objectives), problems, limits=limits
    )
    posts = _read(root, "calendar", read_calendar, problems, limits=limits)
    kpis = _read(root, "kpis", lambda t: read_kpis(t, config.language), problems, limits=limits)
    exports, metrics_not_read = _read_metric_exports(root, config)
    kpis, exports = _merge_metrics(kpis, exports, metrics_not_read)
    operations = _read(
        root, "operations", lambda t: read_operations(t, config.language), problems, limits=limits
    )
    if problems:
        raise InputErrors(problems)

    actuals = read_actuals(actuals_files(root / "actuals", None), root, config, lines, rules)
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
        objectives=objectives,
        initiatives=initiatives,
        posts=posts,
        kpis=kpis,
        metric_exports=exports,
        metrics_not_read=metrics_not_read,
        operations=operations,
    )


def _not_checked(root: Path, stem: str) -> list[Problem]:
    """A file whose rules name budget lines, left unchecked while budget.csv gives none: said,
    so that no one takes the problems listed for all there is to fix."""
    try:
        path = find_table(root, stem, required=False)
    except InputErrors as exc:
        return exc.problems
    if path is None:
        return []
    return [
        Problem(
            path.name,
            Text(
                "not checked: its rules name budget lines, and the budget file gives none to read."
            ),
            hint=Text(
                "Fix the budget file first; this file is checked once its lines can be read."
            ),
        )
    ]


def _read_metric_exports(root: Path, config: Config) -> tuple[list[MetricExport], list[NotCounted]]:
    """Every ad-platform export in ``metrics/``, and the files not read, each with why: a file
    that is no export budgetbook reads, one with a row it cannot read for sure, or a copy of
    another (its figures would count twice). None of them stops the build."""
    from budgetbook.read.metrics import not_read, read_metric_export

    def rate(code: str, month: date) -> Decimal | None:
        """[currency.rates]'s rate of ``code`` for ``month`` (its every-month rate outside the
        period), or None."""
        return config.rate(code, config.period.month_index(month))

    exports: list[MetricExport] = []
    left_out: list[NotCounted] = []
    seen: dict[str, str] = {}
    for path in actuals_files(root / "metrics", None):
        shown = path.relative_to(root).as_posix()
        try:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            digest = ""  # read_metric_export says why it cannot be read
        if digest in seen:
            copy = Problem(
                shown,
                Text("has the same content as {file}.", file=seen[digest]),
                hint=Text("Remove one."),
            )
            left_out += not_read([copy])
            continue
        if digest:
            seen[digest] = shown
        settings = next((s for s in config.metrics_sources if s.matches(shown)), None)
        try:
            export = read_metric_export(path, shown, settings, config.limits, config.currency, rate)
        except InputErrors as exc:
            left_out += not_read(exc.problems)
            continue
        if export.problems:
            left_out += not_read(export.problems)
            continue
        exports.append(export)
    return exports, left_out


def _merge_metrics(
    kpis: list[KpiValue], exports: list[MetricExport], left_out: list[NotCounted]
) -> tuple[list[KpiValue], list[MetricExport]]:
    """kpis.csv and the exports together, and the exports kept; exports of the same month,
    channel and metric add up (two campaigns' files), but an export giving a figure that
    kpis.csv gives too would count it twice: it is not read (added to ``left_out``)."""
    from budgetbook.read.metrics import not_read

    typed = {(v.month, v.channel.casefold(), v.metric): v for v in kpis}
    summed: dict[tuple, KpiValue] = {}
    kept: list[MetricExport] = []
    for export in exports:
        twice = next(
            (v for v in export.values if (v.month, v.channel.casefold(), v.metric) in typed), None
        )
        if twice is not None:
            left_out += not_read(
                [
                    Problem(
                        export.file,
                        Text(
                            "gives {channel} {metric} for {month}, which kpis.csv gives too.",
                            channel=twice.channel,
                            metric=value_name("metric", twice.metric),
                            month=f"{twice.month:%Y-%m}",
                        ),
                        hint=Text("Keep the figure in one place, or it would count twice."),
                    )
                ]
            )
            continue
        kept.append(export)
        for value in export.values:
            key = (value.month, value.channel.casefold(), value.metric)
            if key in summed:
                earlier = summed[key]
                value = replace(earlier, value=earlier.value + value.value)
            summed[key] = value
    return [*kpis, *summed.values()], kept


def _read(
    root: Path,
    stem: str,
    read: Callable[[Table], tuple[list, list[Problem]]],
    problems: list[Problem],
    required: bool = False,
    limits: Limits = DEFAULT_LIMITS,
) -> list:
    """Read one input table with ``read``; add what is wrong to ``problems``, so that every
    file's problems are reported together."""
    try:
        path = find_table(root, stem, required)
        if path is None:
            return []
        records, found = read(read_table(path, path.name, limits=limits))
    except InputErrors as exc:
        problems += exc.problems
        return []
    problems += found
    return records
