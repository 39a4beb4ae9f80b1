"""Projects written on the fly for several test modules: random ones of every layout, and the
sample with more channels."""

from __future__ import annotations

import csv
import random
import shutil
from datetime import date, timedelta
from pathlib import Path

from tests.conftest import SAMPLE, write_project


def random_project(root: Path, rng: random.Random) -> Path:
    """Lines of every policy, a period of 1 to 14 months from any month, transactions with
    refunds, overspends and a few dated outside the period, in any workbook layout."""
    months = rng.randint(1, 14)
    start = date(rng.choice([2025, 2026]), rng.randint(1, 12), 1)
    policies = ["none", "surplus", "full", ""]
    lines = []
    for index in range(rng.randint(1, 8)):
        planned = [rng.choice([0, 50, 120, 300, 1000]) + rng.randint(0, 99) / 100 for _ in
                   range(months)]  # fmt: skip
        category = rng.choice(["Tools", "Advertising", "Hired services"])
        lines.append([category, f"Line {index}", "", rng.choice(policies), *planned])
    end = date(start.year + (start.month - 1 + months) // 12, (start.month - 1 + months) % 12 + 1,
               1)  # fmt: skip
    span = (end - start).days
    actuals = []
    for _ in range(rng.randint(0, 60)):
        day = start + timedelta(days=rng.randint(-20, span + 20))
        amount = rng.choice([rng.uniform(1, 200), rng.uniform(500, 3000), -rng.uniform(1, 80)])
        line = f"Line {rng.randrange(len(lines))}"
        actuals.append([day.isoformat(), f"{amount:.2f}", line, "Random", "Vendor", "6231"])
    project = write_project(
        root, lines, actuals, start=f"{start:%Y-%m}", months=months,
        carry_over=rng.choice(["none", "surplus", "full"]),
    )  # fmt: skip
    # Either formula design: Actual cells over the whole sheet, or by month (from a random
    # number of transactions on), and sometimes monthly totals with a side file.
    options = {"sum_by_month_from": rng.choice([1, 10, 10_000])}
    if rng.random() < 0.25:
        options["actuals_sheet_max"] = rng.randint(1, 40)
    with (project / "budgetbook.toml").open("a", encoding="utf-8") as handle:
        handle.write("\n[workbook]\n" + "".join(f"{k} = {v}\n" for k, v in options.items()))
    return project


def bigger_project(root: Path, months: int = 12) -> Path:
    """The sample with four more channels, some with few metrics (a short table, no ad KPIs),
    over its first ``months`` months (12, or fewer)."""
    project = shutil.copytree(SAMPLE, root)
    if months != 12:
        settings = project / "budgetbook.toml"
        text = settings.read_text(encoding="utf-8")
        settings.write_text(text.replace("months = 12", f"months = {months}"), "utf-8")
        with (project / "budget.csv").open(encoding="utf-8", newline="") as handle:
            table = list(csv.reader(handle))
        keep = [i for i, name in enumerate(table[0]) if not name[:1].isdigit()
                or int(name[5:]) <= months]  # fmt: skip
        with (project / "budget.csv").open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows([[row[i] for i in keep] for row in table])
    kpis = project / "kpis.csv"
    rows = kpis.read_text(encoding="utf-8").splitlines()
    more = []
    for channel, source, metrics in (
        ("TikTok", "Instagram", {"followers", "reach", "engagements", "likes"}),
        ("LinkedIn", "Instagram", None),
        ("YouTube", "Facebook", {"impressions", "clicks", "reach"}),
        ("Newsletter", "Pinterest", {"followers", "clicks", "conversions"}),
    ):
        for row in rows[1:]:
            month, name, metric, value = row.split(",")
            if name == source and (metrics is None or metric in metrics):
                more.append(f"{month},{channel},{metric},{value}")
    kpis.write_text("\n".join([*rows, *more]) + "\n", encoding="utf-8")
    return project
