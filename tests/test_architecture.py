"""Architecture contracts from pyproject.toml ([tool.importlinter]) hold for the whole tree.

The pure-logic packages and the reference server must never import Qt, and the GUI layers only
import downwards. A stray ``import PySide6`` in ``desktop/privacy`` fails this test.
"""

from __future__ import annotations

import ast
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


def _function_level_imports(path: Path) -> list[tuple[int, str]]:
    """``(line, module)`` of every first-party import inside a function of ``path``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for sub in ast.walk(node):
            if isinstance(sub, ast.ImportFrom) and sub.module and sub.level == 0:
                names = [sub.module]
            elif isinstance(sub, ast.Import):
                names = [alias.name for alias in sub.names]
            else:
                continue
            found += [(sub.lineno, n) for n in names if n.split(".")[0] in FIRST_PARTY]
    return found


FIRST_PARTY = ("desktop", "extranet")
_IMPORT = ("from ", "import ")


def _block_start(lines: list[str], index: int) -> int:
    """Index of the first line of the run of import lines (blank lines between them allowed)
    that ends at ``lines[index]``."""
    while index > 0:
        above = lines[index - 1].strip()
        blank_between = not above and index > 1 and lines[index - 2].strip().startswith(_IMPORT)
        if not (above.startswith(_IMPORT) or blank_between):
            break
        index -= 1
    return index


def test_first_party_imports_inside_functions_say_why_they_are_lazy() -> None:
    # Module-level imports show how the code depends on itself (import-linter sees every one);
    # an import inside a function is only for a heavy library or an optional start-up step,
    # and says so in a "lazy" comment on its line or on one of the two lines above it.
    undocumented = []
    for package in FIRST_PARTY:
        for path in sorted((ROOT / package).rglob("*.py")):
            lines = path.read_text(encoding="utf-8").splitlines()
            for lineno, module in _function_level_imports(path):
                first = _block_start(lines, lineno - 1)  # one comment covers a block
                context = " ".join(lines[max(0, first - 2) : lineno]).lower()
                if "lazy" not in context:
                    undocumented.append(f"{path.relative_to(ROOT)}:{lineno} {module}")
    assert not undocumented, "\n".join(undocumented)
