"""Architecture contracts from pyproject.toml ([tool.importlinter]) hold for the whole tree.

The pure-logic packages and the reference server must never import Qt, and the GUI layers only
import downwards. A stray ``import PySide6`` in ``desktop/privacy`` fails this test.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_are_kept() -> None:
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint_imports), "--no-cache"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout
