"""No UI text bypasses Qt's translation system: literals handed to widgets go through tr().

Scans ``desktop/**/*.py`` for string literals (and the literal parts of f-strings, HTML tags
removed) passed directly to Qt text setters and widget constructors. Words there would stay
German in the English UI. Compose translated pieces instead (``self.tr("… %1").replace(...)``).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from tools import i18n as i18n_tool

TEXT_CALLS = frozenset(
    {
        "setText",
        "setWindowTitle",
        "setToolTip",
        "setStatusTip",
        "setWhatsThis",
        "setAccessibleName",
        "setAccessibleDescription",
        "setPlaceholderText",
        "setTitle",
        "setInformativeText",
        "setDetailedText",
        "setHeaderLabels",
        "addItem",
        "addTab",
        "addAction",
        "showMessage",
        "show_message",
        "QLabel",
        "QPushButton",
        "QCheckBox",
        "QRadioButton",
        "QGroupBox",
        "QAction",
        "QToolButton",
    }
)
_WORD = re.compile(r"[A-Za-zÄÖÜäöüß]{2,}")
_TAG = re.compile(r"<[^>]*>")
# Known, reported to the owner; remove the entry when fixed.
KNOWN: frozenset[tuple[str, str]] = frozenset(
    {
        # E: shortcut hint in the navigation tooltip; QKeySequence(...).toString(NativeText)
        # gives "Strg+1" / "Ctrl+1" from Qt's own catalogue.
        ("desktop/views/main_window.py", "Strg"),
    }
)


def _literal_words(node: ast.expr) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        parts = [node.value]
    elif isinstance(node, ast.JoinedStr):
        parts = [
            v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)
        ]
    else:
        return []
    return _WORD.findall(_TAG.sub("", "".join(str(p) for p in parts)))


def raw_ui_texts(files: list[Path], root: Path) -> list[tuple[str, int, str]]:
    """(path, line, word) of every word passed to a text call without translation."""
    found: list[tuple[str, int, str]] = []
    for path in files:
        rel = path.relative_to(root).as_posix()
        for call in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(call, ast.Call) or not call.args:
                continue
            func = call.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name not in TEXT_CALLS:
                continue
            for word in _literal_words(call.args[0]):
                if (rel, word) not in KNOWN:
                    found.append((rel, call.lineno, word))
    return found


def test_no_literal_ui_text_bypasses_translation() -> None:
    found = raw_ui_texts(i18n_tool.source_files(), i18n_tool.ROOT)
    assert found == [], f"UI text not translated (wrap it in tr()): {found[:10]}"


def test_scanner_flags_raw_text_and_accepts_translated(tmp_path: Path) -> None:
    src = tmp_path / "w.py"
    src.write_text(
        "def build(self, label, n):\n"
        '    label.setText("Speichern")\n'
        '    label.setToolTip(f"{n} (Strg+S)")\n'
        '    label.setText(self.tr("Speichern"))\n'
        '    label.setText(f"<b>{n}</b>")\n'
        '    label.setText("")\n',
        encoding="utf-8",
    )
    assert raw_ui_texts([src], tmp_path) == [("w.py", 2, "Speichern"), ("w.py", 3, "Strg")]
