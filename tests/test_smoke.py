"""The packages import without Qt where they must."""

import subprocess
import sys


def test_pure_packages_import_without_qt() -> None:
    code = (
        "import sys\n"
        "import desktop, desktop.paths, desktop.privacy.text\n"
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt imported'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
