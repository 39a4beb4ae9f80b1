"""Read a French-format ledger CSV (``;``, decimal comma, NBSP thousands, ``dd/mm/yyyy``,
UTF-8 with BOM) one way, and report the seconds of the read alone (imports and, for
budgetbook, reading the budget and the mapping rules are not counted).

    python bench/floors/read_ledger.py budgetbook PROJECT  # read_actuals_file, actuals/ledger.csv
    python bench/floors/read_ledger.py pandas LEDGER.csv
    python bench/floors/read_ledger.py polars LEDGER.csv
    python bench/floors/read_ledger.py polars-mapped PROJECT  # the reader's work, in polars

The plain reads parse the amounts to floats and the dates to dates, as budgetbook does (to
Decimal and date, with a line for each row). pandas' C engine cannot take the non-breaking
space as its ``thousands`` separator (two bytes in UTF-8: it silently leaves the column as
text), so the amount column is read as text and converted after, as polars needs too.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

NBSP = "\u00a0"


def read_budgetbook(project: Path) -> dict:
    import polars  # noqa: F401  (imported by the reader for a large file; imports are not timed)

    from budgetbook.read.actuals import read_actuals_file, read_mapping
    from budgetbook.read.project import load_budget
    from budgetbook.read.tables import read_table

    config, lines = load_budget(project)
    mapping = project / "mapping.csv"  # none when the ledger names its lines
    rules, problems = (
        read_mapping(read_table(mapping, "mapping.csv"), [line.name for line in lines])
        if mapping.exists()
        else ([], [])
    )
    if problems:
        raise SystemExit(f"mapping.csv: {problems[0]}")
    start = time.perf_counter()
    result = read_actuals_file(
        project / "actuals" / "ledger.csv", "actuals/ledger.csv", config, lines, rules, {}
    )
    seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
        "rows": result.data_rows,
        "counted": len(result.transactions),
        "not_counted": len(result.not_counted),
    }


def read_pandas(path: Path) -> dict:
    import pandas as pd

    start = time.perf_counter()
    frame = pd.read_csv(
        path,
        sep=";",
        decimal=",",
        thousands=NBSP,
        encoding="utf-8-sig",
        dtype={"Montant": str, "Compte": str},
    )
    frame["Montant"] = (
        frame["Montant"].str.replace(NBSP, "", regex=False).str.replace(",", ".", regex=False)
    ).astype(float)
    frame["Date"] = pd.to_datetime(frame["Date"], format="%d/%m/%Y")
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "rows": len(frame), "total": float(frame["Montant"].sum())}


def _polars_amount_text():
    """The ledger's amount as polars can cast it: no thousands separator, a decimal point."""
    import polars as pl

    return (
        pl.col("Montant")
        .str.replace_all(NBSP, "", literal=True)
        .str.replace(",", ".", literal=True)
    )


def read_polars(path: Path) -> dict:
    import polars as pl

    start = time.perf_counter()
    frame = pl.read_csv(
        path, separator=";", schema_overrides={"Montant": pl.String, "Compte": pl.String}
    ).with_columns(
        pl.col("Date").str.strptime(pl.Date, "%d/%m/%Y"),
        _polars_amount_text().cast(pl.Float64),
    )
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "rows": len(frame), "total": float(frame["Montant"].sum())}


def read_polars_mapped(project: Path) -> dict:
    """The least a polars script must do to give what budgetbook's reader gives, without its
    checks or its reasons: the file's SHA-256 (in a thread, as budgetbook does), dates, exact
    amounts, each row's line, and the rows that count (dated in the project's period, with an
    amount and a line). A row's line is the first rule whose text is in its description,
    vendor or account, ignoring case; in a project without mapping.csv, the budget line its
    ``Poste`` cell names. The floor of the reader's own work."""
    import hashlib
    import tomllib
    from concurrent.futures import ThreadPoolExecutor
    from datetime import date

    import polars as pl

    mapping = project / "mapping.csv"
    if mapping.exists():
        first: dict[str, int] = {}  # each rule text, lowered, by the number of its first rule
        rules = pl.read_csv(mapping, infer_schema=False).rows()
        for number, (match, _) in enumerate(rules):
            first.setdefault(match.lower(), number)
        names = pl.Series([line for _, line in rules] + [None], dtype=pl.String)
        texts = pl.concat_str("Libellé", "Fournisseur", "Compte", separator="\n", ignore_nulls=True)
        rule = (
            texts.str.to_lowercase()
            .str.extract_many(list(first), overlapping=True)
            .list.eval(pl.element().replace_strict(first))
            .list.min()
            .fill_null(len(rules))
        )
        line = pl.lit(names).gather(rule)
    else:
        lines = pl.read_csv(project / "budget.csv", infer_schema=False)["line"].to_list()
        by_name = {name.lower(): name for name in lines}
        line = (
            pl.col("Poste")
            .str.strip_chars()
            .str.to_lowercase()
            .replace_strict(by_name, default=None)
        )
    budget = tomllib.loads((project / "budgetbook.toml").read_text())["budget"]
    year, month = map(int, budget["start"].split("-"))
    after = year * 12 + month - 1 + budget["months"]  # the first month past the period
    first_day, past_end = date(year, month, 1), date(after // 12, after % 12 + 1, 1)
    path = project / "actuals" / "ledger.csv"

    start = time.perf_counter()
    pool = ThreadPoolExecutor(1)
    digest = pool.submit(lambda: hashlib.sha256(path.read_bytes()).hexdigest())
    frame = (
        pl.scan_csv(path, separator=";", infer_schema=False)
        .select(
            "Libellé",
            "Fournisseur",
            "Compte",
            pl.col("Date").str.strptime(pl.Date, "%d/%m/%Y", strict=False),
            _polars_amount_text().cast(pl.Decimal(38, 2), strict=False),
            line=line,
        )
        .collect()
    )
    day = frame["Date"]
    fine = ((day >= first_day) & (day < past_end) & frame["Montant"].is_not_null()).fill_null(
        False
    ) & frame["line"].is_not_null()
    counted, not_counted = frame.filter(fine), frame.filter(~fine)
    digest.result()
    seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
        "rows": len(frame),
        "counted": len(counted),
        "not_counted": len(not_counted),
    }


READERS = {
    "budgetbook": read_budgetbook,
    "pandas": read_pandas,
    "polars": read_polars,
    "polars-mapped": read_polars_mapped,
}


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in READERS:
        print(__doc__, file=sys.stderr)
        return 2
    print("BENCH " + json.dumps(READERS[argv[0]](Path(argv[1]))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
