"""The code passes the linter and the formatter configured in pyproject.toml, as CI enforces."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.fixtures import ROOT

RUFF = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")


@pytest.mark.parametrize("command", [["check", "."], ["format", "--check", "."]], ids=["lint", "format"])
def test_ruff(command):
    assert RUFF, "ruff is missing: it is installed with the test extras (pip install -e '.[test]')"
    result = subprocess.run([RUFF, *command], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, f"ruff {' '.join(command)} failed:\n{result.stdout}{result.stderr}"
