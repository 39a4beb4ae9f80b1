"""Drive LibreOffice headless: recalculate a workbook on load, or render it to PDF."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from budgetbook.errors import BudgetbookError
from budgetbook.i18n.messages import Text

# Recalculate every formula of a foreign file when loading it, instead of trusting the cached
# values (LibreOffice's default for .xlsx is "never").
_RECALC_ON_LOAD = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode"
 oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode"
 oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def find_soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


CALIBRI_WIDTHS = ("Calibri", "Carlito")  # Carlito: Calibri's metric twin


def calibri_stand_in() -> str | None:
    """The font this machine draws Calibri with, when it is one with other widths (DejaVu Sans
    on a bare Linux server, a third wider), so that LibreOffice's pages break more often than
    those planned for Excel's; None when it has Calibri's widths or fontconfig cannot say."""
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return None
    try:
        done = subprocess.run([fc_match, "-f", "%{family}", "Calibri"], capture_output=True,
                              text=True, timeout=10, check=False)  # fmt: skip
    except (OSError, subprocess.TimeoutExpired):
        return None
    family = done.stdout.split(",")[0].strip()
    if done.returncode != 0 or not family or family in CALIBRI_WIDTHS:
        return None
    return family


def run_soffice(command: list[str], timeout: float) -> subprocess.CompletedProcess:
    """Run LibreOffice's ``command`` (soffice and its arguments) to its end: every start of
    LibreOffice goes through here (tests/conftest.py holds each test that starts it to its
    ``libreoffice`` marker)."""
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)


def convert(
    source: Path,
    out_dir: Path,
    target: str = "xlsx",
    timeout: float = 300,
    recalculate: bool = True,
) -> Path:
    """Open ``source`` in LibreOffice and save it as ``target`` (``xlsx`` or ``pdf``) in
    ``out_dir``; return the new file's path. With ``recalculate`` every formula is computed
    on loading; without, LibreOffice behaves as it does for a user, trusting cached results."""
    return convert_all([source], out_dir, target, timeout, recalculate)[0]


def convert_all(
    sources: list[Path],
    out_dir: Path,
    target: str = "xlsx",
    timeout: float = 300,
    recalculate: bool = True,
) -> list[Path]:
    """``convert`` for many files in one LibreOffice start, which costs more than a file."""
    soffice = find_soffice()
    if soffice is None:
        raise BudgetbookError(
            Text(
                "LibreOffice is not installed (no soffice command). Install it, e.g. apt-get"
                " install libreoffice-calc-nogui."
            )
        )
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="budgetbook-lo-") as profile:
        user = Path(profile) / "user"
        user.mkdir()
        if recalculate:
            (user / "registrymodifications.xcu").write_text(_RECALC_ON_LOAD, encoding="utf-8")
        command = [
            soffice,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            target,
            "--outdir",
            str(out_dir),
            *map(str, sources),
        ]
        done = run_soffice(command, timeout)
    results = [out_dir / f"{source.stem}.{target}" for source in sources]
    missing = [
        source for source, result in zip(sources, results, strict=True) if not result.exists()
    ]
    if done.returncode != 0 or missing:
        raise BudgetbookError(
            Text(
                "{file}: LibreOffice could not convert it to {target} (exit {code}): {output}",
                file=missing[0] if missing else sources[0],
                target=target,
                code=done.returncode,
                output=done.stderr.strip() or done.stdout.strip(),
            )
        )
    return results
