"""Keystroke-to-underline latency of the live privacy check in a 2,000-character Zusatzinfo.

Drives a real ``CheckedTextEdit`` offscreen: pre-fills ~1,800 characters (with a finding so
underlines exist), then types 200 more characters key event by key event, in the middle and
at the end. For every keystroke it measures how long the GUI thread is busy handling the key
(insert, highlighter, layout, paint) and, separately, how long the debounced privacy check +
re-underlining takes when it fires (worst case: after every keystroke). The goal is that no
single event keeps the GUI thread busy for more than 16 ms.

Run: ``QT_QPA_PLATFORM=offscreen python bench/wizard_latency.py``
"""

from __future__ import annotations

import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from desktop.widgets.checked_text import CheckedTextEdit

SENTENCE = (
    "Der Kunde bittet um einen Termin am Vormittag, die Einfahrt liegt im Hinterhof hinter "
    "dem grünen Tor, bitte dort parken und laut und deutlich klingeln. "
)
TYPED = "Schlüssel liegt beim Hausmeister, Stellplatz Nummer sieben, Tor ist offen. " * 3


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _key(widget: QWidget, ch: str) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    host = QWidget()
    layout = QVBoxLayout(host)
    edit = CheckedTextEdit("zusatzinfo", delay_ms=10_000)  # the bench fires checks itself
    layout.addWidget(edit)
    layout.addWidget(edit.message)
    host.resize(700, 500)
    host.show()
    base = (SENTENCE * 20)[:1790] + " Kunde ist schwerhörig."
    edit.setPlainText(base)
    edit.run_check()
    app.processEvents()
    typed = TYPED[:200]
    key_ms: list[float] = []
    check_ms: list[float] = []
    for index, ch in enumerate(typed):
        cursor = edit.textCursor()
        if index == 100:  # second half typed in the middle of the text
            cursor.setPosition(900)
        elif index < 100:
            cursor.movePosition(QTextCursor.MoveOperation.End)
        edit.setTextCursor(cursor)
        started = time.perf_counter()
        _key(edit, ch)
        app.processEvents()
        key_ms.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        edit.run_check()
        app.processEvents()
        check_ms.append((time.perf_counter() - started) * 1000)
    length = len(edit.toPlainText())
    worst = [max(a, b) for a, b in zip(key_ms, check_ms, strict=True)]
    print(
        f"zusatzinfo length: {length} characters, {len(typed)} keystrokes, "
        f"{len(edit.findings())} finding(s) underlined"
    )
    for label, values in (
        ("keystroke handling", key_ms),
        ("privacy check + underline", check_ms),
        ("busiest event per keystroke", worst),
    ):
        print(
            f"{label:30s} p50 {statistics.median(values):6.2f} ms  "
            f"p99 {_percentile(values, 0.99):6.2f} ms  max {max(values):6.2f} ms"
        )
    verdict = "OK" if max(worst) <= 16.0 else "OVER BUDGET"
    print(f"goal: GUI thread busy <= 16 ms per event -> {verdict}")
    host.close()
    host.deleteLater()
    app.processEvents()
    sys.stdout.flush()
    os._exit(0)  # skip PySide6 interpreter-teardown (bench only)


if __name__ == "__main__":
    raise SystemExit(main())
