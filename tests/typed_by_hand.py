"""Test support: type into a workbook's cells as a person does in LibreOffice, then save it.

Writing a value with openpyxl says nothing of what a spreadsheet makes of what is typed: in a
cell formatted as text, ``2026`` and ``01/02`` stay text; anywhere else they become a number and
a date. LibreOffice's own typing (the ``.uno:EnterString`` command on the selected cell, which
the Calc API's ``setFormula`` is not: it ignores a text format) does it, driven through UNO by
the system's Python (``python3`` with the ``uno`` module, Debian's python3-uno). Run as a
script, this file is that driver; imported by a test, ``type_in_libreoffice`` runs it through
``budgetbook.write.libreoffice.run_soffice``, so the test needs the ``libreoffice`` marker."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PYTHON_WITH_UNO = "/usr/bin/python3"


def uno_python() -> str | None:
    """The system Python, where it can drive LibreOffice (its ``uno`` module is installed)."""
    python = shutil.which("python3", path="/usr/bin") or PYTHON_WITH_UNO
    found = subprocess.run([python, "-c", "import uno"], capture_output=True, check=False)
    return python if found.returncode == 0 else None


def type_in_libreoffice(book: Path, out: Path, typed: dict[str, str], sheet: int = 0) -> Path:
    """``book`` with each text of ``typed`` (by cell, ``B8``) typed into its cell of the
    ``sheet``-th sheet, saved by LibreOffice as ``out`` (.xlsx). Skipped where LibreOffice or
    python3-uno is missing, except under CI, where that fails."""
    import pytest

    from budgetbook.write import libreoffice
    from tests.recalc import engines_required, require_libreoffice

    require_libreoffice()
    python = uno_python()
    if python is None:
        if engines_required():
            pytest.fail("python3-uno is required under CI to type into LibreOffice")
        pytest.skip("python3-uno (LibreOffice's Python bridge) is not installed")
    command = [python, __file__, libreoffice.find_soffice(), str(book), str(out), json.dumps(typed)]
    done = libreoffice.run_soffice([*command, str(sheet)], timeout=300)
    if done.returncode != 0 or not out.is_file():
        raise AssertionError(f"typing into {book.name} failed: {done.stderr[-2000:]}")
    return out


def _property(name: str, value: object):
    from com.sun.star.beans import PropertyValue  # the uno module's import hook

    prop = PropertyValue()
    prop.Name, prop.Value = name, value
    return prop


def drive(soffice: str, book: Path, out: Path, typed: dict[str, str], sheet: int) -> None:
    """Start LibreOffice headless on a pipe of its own, open ``book``, type, save, quit."""
    import uno

    with tempfile.TemporaryDirectory(prefix="budgetbook-typing-") as profile:
        pipe = f"budgetbook-typing-{os.getpid()}"
        office = subprocess.Popen(
            [soffice, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
             "--invisible", "--norestore", f"--accept=pipe,name={pipe};urp;"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            local = uno.getComponentContext()
            resolver = local.ServiceManager.createInstanceWithContext(
                "com.sun.star.bridge.UnoUrlResolver", local
            )
            url = f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext"
            for _ in range(300):
                try:
                    context = resolver.resolve(url)
                    break
                except Exception:  # not listening yet
                    time.sleep(0.1)
            else:
                raise SystemExit("LibreOffice did not start listening")
            manager = context.ServiceManager
            desktop = manager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
            hidden = (_property("Hidden", True),)
            doc = desktop.loadComponentFromURL(book.resolve().as_uri(), "_blank", 0, hidden)
            controller = doc.getCurrentController()
            dispatcher = manager.createInstanceWithContext(
                "com.sun.star.frame.DispatchHelper", context
            )
            cells = doc.Sheets.getByIndex(sheet)
            for ref, text in typed.items():
                controller.select(cells.getCellRangeByName(ref))
                dispatcher.executeDispatch(
                    controller.getFrame(), ".uno:EnterString", "", 0,
                    (_property("StringName", text),),
                )  # fmt: skip
            xlsx = (_property("FilterName", "Calc MS Excel 2007 XML"),)
            doc.storeToURL(out.resolve().as_uri(), xlsx)
            doc.close(True)
            with contextlib.suppress(Exception):  # the bridge closes as LibreOffice quits
                desktop.terminate()
            office.wait(60)
        finally:
            if office.poll() is None:
                office.kill()
                office.wait()


if __name__ == "__main__":
    soffice_path, source, target, cells_json, index = sys.argv[1:6]
    drive(soffice_path, Path(source), Path(target), json.loads(cells_json), int(index))
