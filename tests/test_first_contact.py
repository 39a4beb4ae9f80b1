"""A person's first minutes with a clone: the README's first lines lead to a `budgetbook`
command on the PATH, and setting it up says only what matters (no page of warnings)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
README = ROOT / "README.md"
MAKEFILE = ROOT / "Makefile"
FIRST_LINES = 20  # the lines a person reads before the description


def _readme_commands() -> list[str]:
    """The commands of the shell blocks in the README's first lines, comments left out."""
    head = "\n".join(README.read_text(encoding="utf-8").splitlines()[:FIRST_LINES])
    blocks = re.findall(r"```sh\n(.*?)```", head, flags=re.S)
    commands = [line.split("#")[0].strip() for block in blocks for line in block.splitlines()]
    return [command for command in commands if command]


def _targets() -> set[str]:
    text = MAKEFILE.read_text(encoding="utf-8")
    return set(re.findall(r"^([a-z][\w-]*):", text, flags=re.M))


def test_the_readme_first_lines_put_the_command_on_the_path():
    commands = _readme_commands()
    assert "make install" in commands
    assert ". .venv/bin/activate" in commands  # or work in the clone's environment
    assert any(command.startswith("budgetbook ") for command in commands)
    made = [command.split()[1] for command in commands if command.startswith("make ")]
    assert set(made) <= _targets(), "the README names a make target the Makefile lacks"


def test_the_demo_says_where_the_command_is():
    demo = re.search(r"^demo:.*?(?=^\S)", MAKEFILE.read_text(encoding="utf-8"), flags=re.M | re.S)
    assert demo is not None
    assert "$(BIN)/activate" in demo.group(0)
    assert "make install" in demo.group(0)


def test_the_licence_is_read_without_a_deprecation_warning():
    """A licence as a TOML table made setuptools warn on every install (the first `make demo`
    printed it three times): an SPDX string, with a setuptools that reads it."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["license"] == "MIT"
    assert "setuptools>=77" in pyproject["build-system"]["requires"]


def _copy_of_the_clone(to: Path) -> Path:
    """The files git tracks, as a fresh clone has them (no .venv, no build/)."""
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        if (ROOT / name).is_file() or (ROOT / name).is_symlink():
            (to / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, to / name, follow_symlinks=False)  # links stay links
    return to


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_install_puts_a_working_command_in_prefix_bin(tmp_path):
    """What `make install` does on a machine where only Python is there: its own environment,
    the command linked into PREFIX/bin, and the line to add when that is not on the PATH."""
    clone = _copy_of_the_clone(tmp_path / "clone")
    prefix = tmp_path / "home" / ".local"
    path = os.pathsep.join(p for p in os.environ["PATH"].split(os.pathsep) if p != str(prefix))
    environment = {**os.environ, "PATH": path}
    made = subprocess.run(
        ["make", "install", f"PREFIX={prefix}"],
        cwd=clone,
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
    )
    said = made.stdout + made.stderr
    assert made.returncode == 0, said
    assert "deprecated" not in said.lower()
    command = prefix / "bin" / "budgetbook"
    assert f"Installed {command}" in said
    assert f'export PATH="{prefix}/bin:$PATH"' in said  # not on the PATH: the line to add
    project = tmp_path / "my-project"
    run = subprocess.run(
        [str(command), "init", str(project)], capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stderr
    assert (project / "budget.csv").is_file()
    run = subprocess.run(
        [str(command), "check", str(project)], capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stderr
    assert "is valid" in run.stdout
    # The command stands on its own: the clone it came from may go.
    shutil.rmtree(clone)
    run = subprocess.run([str(command), "--version"], capture_output=True, text=True)
    assert run.stdout.startswith("budgetbook, version")
