"""templates/ at the top level: the project files init copies, installed with the package, and
the downloadable kit, rebuilt here and held to the files committed."""

from __future__ import annotations

import tomllib
from pathlib import Path

from click.testing import CliRunner

from budgetbook.cli import main

ROOT = Path(__file__).parent.parent


def test_every_package_folder_is_listed_for_installation():
    """pyproject.toml lists its packages (templates/ is mapped from outside budgetbook/): a
    package folder added later and not listed would be left out of every install."""
    settings = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]
    listed = set(settings["setuptools"]["packages"])
    folders = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "budgetbook").rglob("__init__.py")
    }
    assert listed == folders | {"budgetbook.templates"}
    assert settings["setuptools"]["package-dir"] == {"budgetbook.templates": "templates"}
    assert (ROOT / "templates" / "__init__.py").is_file()


def test_the_old_template_folders_are_gone():
    assert not (ROOT / "budgetbook" / "templates").exists()
    assert not (ROOT / "budgetbook" / "templates-fr").exists()


def test_init_copies_the_files_of_templates_in_each_language(tmp_path):
    for language in ("en", "fr"):
        target = tmp_path / language
        result = CliRunner().invoke(main, ["init", str(target), "--lang", language])
        assert result.exit_code == 0, result.output
        source = ROOT / "templates" / f"project-{language}"
        copied = sorted(p.relative_to(target) for p in target.rglob("*") if p.is_file())
        shipped = sorted(p.relative_to(source) for p in source.rglob("*") if p.is_file())
        assert copied == shipped
        for name in copied:
            assert (target / name).read_bytes() == (source / name).read_bytes(), name
