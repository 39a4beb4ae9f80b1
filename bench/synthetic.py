"""Deterministic synthetic projects for the scale benchmark (``bench/scale.py``).

A project is a ``budgetbook.toml``, a ``budget.csv`` of lines in the four template categories,
a ``mapping.csv`` and ``actuals/ledger.csv`` in budgetbook's canonical columns. The same size
and seed always give the same bytes. ``write_french_ledger`` writes the other kind of finance
file the benchmark reads: an accounting export in French format (``;``, decimal comma,
non-breaking-space thousands, ``dd/mm/yyyy``, UTF-8 with BOM) whose rows reach their budget
line only through the mapping rules.

    .venv/bin/python bench/synthetic.py OUT_DIR --size M [--french-rows 1000000]
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

SEED = 2026
START = date(2026, 1, 1)


@dataclass(frozen=True)
class Size:
    """How large a project is: budget lines, months of the period, finance rows."""

    name: str
    lines: int
    months: int
    transactions: int


SIZES = {
    "S": Size("S", 25, 12, 500),
    "M": Size("M", 100, 24, 50_000),
    "L": Size("L", 300, 36, 200_000),
}

# category: share of the lines, share of the transactions per line (relative), account prefix
CATEGORIES = {
    "Software & tools": (0.25, 2.0, "6512"),
    "Advertising": (0.35, 4.0, "6231"),
    "Hired services": (0.25, 1.0, "6226"),
    "Digital assets": (0.15, 0.5, "6518"),
}
# (line name, channel, vendor, what a row's description says)
BASES = {
    "Software & tools": [
        ("Canva Pro", "", "Canva Pty Ltd", "Canva Pro subscription"),
        ("Scheduling tool", "", "Later Media Inc", "Scheduling plan"),
        ("Mailchimp", "", "Intuit Mailchimp", "Mailchimp Standard plan"),
        ("Shopify plan", "", "Shopify International Ltd", "Shopify subscription"),
        ("Stock photos", "", "Envato Elements Pty Ltd", "Stock media licence"),
        ("Link-in-bio tool", "", "Linktree Pty Ltd", "Linktree Pro"),
        ("Analytics suite", "", "Matomo Cloud", "Analytics subscription"),
        ("Video editor", "", "CapCut Pte Ltd", "Video editor seat"),
        ("CRM seats", "", "HubSpot Ireland", "CRM seats"),
        ("Social listening", "", "Talkwalker SA", "Social listening plan"),
    ],
    "Advertising": [
        ("Meta ads – Instagram", "Instagram", "Meta Platforms Ireland", "Instagram ads campaign"),
        ("Meta ads – Facebook", "Facebook", "Meta Platforms Ireland Ltd", "Facebook ads boost"),
        ("Google Ads", "Google Ads", "Google Ireland Ltd", "Google Ads search"),
        ("Pinterest ads", "Pinterest", "Pinterest Europe Ltd", "Pinterest promoted pins"),
        ("TikTok ads", "TikTok", "TikTok Information Technologies", "TikTok in-feed ads"),
        ("LinkedIn ads", "LinkedIn", "LinkedIn Ireland", "LinkedIn sponsored content"),
        ("YouTube ads", "YouTube", "Google Ireland Ltd (YouTube)", "YouTube pre-roll"),
        ("Snapchat ads", "Snapchat", "Snap Group Ltd", "Snapchat story ads"),
    ],
    "Hired services": [
        ("Product photographer", "", "Élise Moreau Photo", "Product shoot"),
        ("Copywriter", "", "Clara Dupont", "Copywriting, blog and captions"),
        ("Ads manager", "", "Sophie Martin Conseil", "Paid ads management"),
        ("Influencer partnerships", "", "Manon Petit (creator)", "Reel collaboration"),
        ("Web developer", "", "Julien Bernard Dev", "Web shop development"),
        ("Graphic designer", "", "Studio Graphik", "Graphic design"),
        ("Videographer", "", "Atelier Plan Large", "Video shoot and edit"),
        ("Community manager", "", "Inès Garnier CM", "Community management"),
    ],
    "Digital assets": [
        ("Domain name", "", "Gandi SAS", "Domain renewal"),
        ("Website theme", "", "ThemeForest", "Theme licence"),
        ("Hosting & email", "", "OVHcloud", "Hosting and email"),
        ("Font licence", "", "Production Type", "Font licence"),
        ("Plugin licences", "", "WooCommerce", "Plugin licence"),
        ("Music licences", "", "Epidemic Sound", "Music licence"),
    ],
}
# A line's second, third... occurrence is the same kind of spend for another shop or market.
MARKETS = (
    "Paris", "Lyon", "Bordeaux", "Lille", "Nantes", "Marseille", "Toulouse", "Strasbourg",
    "Rennes", "Nice", "Montpellier", "Grenoble", "Belgique", "Suisse", "Luxembourg", "Québec",
)  # fmt: skip
POLICIES = ("", "surplus", "full", "none")


@dataclass(frozen=True)
class Line:
    """One budget line as generated, with what its finance rows look like."""

    category: str
    name: str
    channel: str
    carry_over: str  # blank: the toml default (surplus)
    planned: tuple[float, ...]  # one amount per month; 0 is written as a blank cell
    vendor: str
    what: str
    account: str
    weight: float  # relative share of the finance rows
    rule_kind: str  # which text its mapping rule matches: account, vendor or description
    rule: str  # that text


def month_headers(months: int, start: date = START) -> list[str]:
    """``YYYY-MM`` for each month of the period."""
    return [_month(start, index).strftime("%Y-%m") for index in range(months)]


def _month(start: date, index: int) -> date:
    year, month = divmod(start.month - 1 + index, 12)
    return date(start.year + year, month + 1, 1)


def make_lines(size: Size, seed: int = SEED) -> list[Line]:
    """``size.lines`` lines in category order, unique names, each with its own mapping rule
    (first occurrences of a name by account number, later ones by vendor, description or
    account in turn), checked so that every rule picks its own line's rows only."""
    pick = random.Random(f"{seed}-lines-{size.name}")
    counts = _category_counts(size.lines)
    lines: list[Line] = []
    for category, count in counts.items():
        _, weight, prefix = CATEGORIES[category]
        bases = BASES[category]
        for index in range(count):
            base_name, channel, base_vendor, what = bases[index % len(bases)]
            round_ = index // len(bases)
            market = "" if round_ == 0 else _market(round_ - 1)
            name = f"{base_name} ({market})" if market else base_name
            vendor = f"{base_vendor} {market}" if market else base_vendor
            account = f"{prefix}{len(lines) + 1:04d}"
            kind = ("vendor", "description", "account")[len(lines) % 3] if market else "account"
            rule = {"account": account, "vendor": vendor, "description": name}[kind]
            if category == "Advertising":
                policy = pick.choice(("surplus", "surplus", "full", ""))
            else:
                policy = pick.choice(POLICIES)
            lines.append(
                Line(
                    category=category,
                    name=name,
                    channel=channel,
                    carry_over=policy,
                    planned=_planned(category, size.months, pick),
                    vendor=vendor,
                    what=what,
                    account=account,
                    weight=weight * pick.uniform(0.3, 1.7),
                    rule_kind=kind,
                    rule=rule,
                )
            )
    _check_rules(lines)
    return lines


def _market(index: int) -> str:
    """A market name; past the list, numbered before the name, so no name holds another."""
    market = MARKETS[index % len(MARKETS)]
    turn = index // len(MARKETS)
    return f"{turn + 1}-{market}" if turn else market


def _category_counts(total: int) -> dict[str, int]:
    counts = {name: max(1, round(total * share)) for name, (share, _, _) in CATEGORIES.items()}
    counts["Advertising"] += total - sum(counts.values())
    return counts


def _planned(category: str, months: int, pick: random.Random) -> tuple[float, ...]:
    """Planned amounts as a marketer types them: subscriptions every month, ad budgets with a
    Christmas peak, hired services now and then, digital assets once or twice."""
    if category == "Software & tools":
        monthly = pick.choice((11.99, 21, 25, 36, 49, 79, 120, 250))
        if pick.random() < 0.2:  # billed yearly
            return tuple(monthly * 10 if m % 12 == 0 else 0.0 for m in range(months))
        return tuple(float(monthly) for _ in range(months))
    if category == "Advertising":
        base = pick.choice((200, 300, 400, 500, 800, 1000, 1500, 2500))
        peak = {3: 1.5, 4: 1.5, 10: 1.6, 11: 1.8}
        return tuple(
            float(round(base * peak.get(m % 12, 1.0) * pick.uniform(0.8, 1.2) / 50) * 50)
            for m in range(months)
        )
    if category == "Hired services":
        return tuple(
            float(pick.choice((300, 350, 450, 600, 900, 1200))) if pick.random() < 0.4 else 0.0
            for _ in range(months)
        )
    return tuple(
        float(pick.choice((15, 96, 120, 350, 600))) if m % 12 == 0 or pick.random() < 0.05 else 0.0
        for m in range(months)
    )


def _check_rules(lines: list[Line]) -> None:
    """Each line's rows (description, vendor, account) are taken by its own rule first."""
    rules = [(line.rule.casefold(), line.name) for line in lines]
    for line in lines:
        texts = [_description(line, 123456, False).casefold(), line.vendor.casefold(), line.account]
        first = next(name for match, name in rules if any(match in text for text in texts))
        if first != line.name:
            raise AssertionError(f"mapping rule of {first!r} takes the rows of {line.name!r}")


def _description(line: Line, invoice: int, french: bool) -> str:
    """A row's text; lines mapped by description carry their name in it."""
    word = "facture" if french else "invoice"
    text = f"{line.what}, {word} {invoice:06d}"
    return f"{line.name}: {text}" if line.rule_kind == "description" else text


# --- the project files ----------------------------------------------------------------------


def write_project(
    root: Path, size: Size, seed: int = SEED, ledger: bool = True, rules: bool = True
) -> Path:
    """A project folder of ``size``; with ``ledger``, ``actuals/ledger.csv`` in canonical
    columns (about 5 % of rows without a line, left to the mapping rules; about 3 % refunds);
    with ``rules``, ``mapping.csv``."""
    lines = make_lines(size, seed)
    root.mkdir(parents=True, exist_ok=True)
    (root / "budgetbook.toml").write_text(
        f'[company]\nname = "Synthetic {size.name} & Co"\ncurrency = "EUR"\n\n'
        f'[budget]\nstart = "{START:%Y-%m}"\nmonths = {size.months}\ncarry_over = "surplus"\n',
        encoding="utf-8",
    )
    _write_csv(
        root / "budget.csv",
        ["category", "line", "channel", "carry_over", *month_headers(size.months)],
        (
            [line.category, line.name, line.channel, line.carry_over, *map(_typed, line.planned)]
            for line in lines
        ),
    )
    if rules:
        _write_csv(root / "mapping.csv", ["match", "line"], ([li.rule, li.name] for li in lines))
    if ledger:
        rows = _rows(lines, size.months, size.transactions, f"{seed}-ledger-{size.name}")
        _write_csv(
            root / "actuals" / "ledger.csv",
            ["date", "amount", "line", "description", "vendor", "account"],
            (
                [day.isoformat(), f"{amount:.2f}", "" if unmapped else line.name, text, vendor, acc]
                for day, amount, line, text, vendor, acc, unmapped in rows
            ),
        )
    return root


def _typed(amount: float) -> str:
    """An amount as a person types it in a CSV: blank for nothing, no useless decimals."""
    if not amount:
        return ""
    return f"{amount:.0f}" if amount == int(amount) else f"{amount:.2f}"


def _write_csv(path: Path, header: list[str], rows) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


def _rows(lines: list[Line], months: int, count: int, seed: str, french: bool = False):
    """``count`` finance rows sorted by date: (date, amount, line, description, vendor,
    account, unmapped). Each line's rows add up to about its planned amounts (``french``:
    invoice-sized amounts, a median of about 120 and 1 in 25 above 1,000, so thousands
    separators appear); 3 % are refunds; about 5 % carry no line, for the mapping rules."""
    pick = random.Random(seed)
    days = (_month(START, months) - START).days
    total_weight = sum(line.weight for line in lines)
    chosen = pick.choices(lines, weights=[line.weight for line in lines], k=count)
    mean = {}
    for line in lines:
        expected_rows = max(count * line.weight / total_weight, 1.0)
        spend = sum(line.planned) or 100.0
        mean[line.name] = spend / expected_rows
    rows = []
    for line in chosen:
        day = START + timedelta(days=pick.randrange(days))
        if french:  # an accounting export of a larger business: invoices, not card charges
            amount = round(min(pick.lognormvariate(4.8, 1.2), 250_000.0), 2) or 0.01
        else:
            amount = round(mean[line.name] * pick.uniform(0.3, 1.7), 2) or 0.01
        if pick.random() < 0.03:
            amount = -round(amount * pick.uniform(0.1, 1.0), 2) or -0.01
        text = _description(line, pick.randrange(10**6), french)
        rows.append((day, amount, line, text, line.vendor, line.account, pick.random() < 0.05))
    rows.sort(key=lambda row: row[0])
    return rows


# --- the French accounting export -------------------------------------------------------------

FRENCH_HEADER = ["Date", "Libellé", "Fournisseur", "Compte", "Montant"]
BANK_FEES = ("Frais de tenue de compte", "Banque Populaire Auvergne", "6270")


def french_amount(amount: float) -> str:
    """``-1 234,56`` with a non-breaking space between thousands."""
    return f"{amount:,.2f}".replace(",", "\u00a0").replace(".", ",")


def write_french_ledger(
    path: Path, size: Size, rows: int, seed: int = SEED, named: bool = False
) -> Path:
    """An accounting export of ``rows`` rows for the lines of ``size``: ``Date;Libellé;
    Fournisseur;Compte;Montant``, French format, UTF-8 with BOM. It has no line column, so
    every row reaches its line through ``mapping.csv``; about 1 % are bank fees that no rule
    maps and 0.5 % are dated before the period: both are listed as not counted. ``named``:
    the same rows with a last column, ``Poste``, naming each one's line (blank for the bank
    fees), for a project without mapping rules."""
    lines = make_lines(size, seed)
    generated = _rows(lines, size.months, rows, f"{seed}-french-{size.name}-{rows}", True)
    pick = random.Random(f"{seed}-french-extra")
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(FRENCH_HEADER + ["Poste"] * named)
        for day, amount, line, text, vendor, account, _ in generated:
            name = line.name
            roll = pick.random()
            if roll < 0.01:
                text, vendor, account = BANK_FEES
                amount, name = round(pick.uniform(5, 40), 2), ""
            elif roll < 0.015:
                day = START - timedelta(days=pick.randrange(1, 60))
            row = [f"{day:%d/%m/%Y}", text, vendor, account, french_amount(amount)]
            writer.writerow(row + [name] * named)
    return path


def write_french_project(
    root: Path, size: Size, rows: int, seed: int = SEED, named: bool = False
) -> Path:
    """A project of ``size``'s lines whose only finance file is the French export; ``named``,
    the export that names each row's line, and no mapping rules."""
    write_project(root, size, seed, ledger=False, rules=not named)
    write_french_ledger(root / "actuals" / "ledger.csv", size, rows, seed, named)
    return root


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a synthetic budgetbook project.")
    parser.add_argument("out", type=Path, help="the project folder to write")
    parser.add_argument("--size", choices=sorted(SIZES), default="S")
    parser.add_argument(
        "--french-rows",
        type=int,
        default=0,
        help="instead of the canonical ledger, a French-format export of this many rows",
    )
    args = parser.parse_args(argv)
    size = SIZES[args.size]
    if args.french_rows:
        write_french_project(args.out, size, args.french_rows)
    else:
        write_project(args.out, size)
    print(f"Wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
