"""Keystroke-to-underline latency of the live privacy check in a 2,000-character Zusatzinfo.

Drives a real ``CheckedTextEdit`` offscreen: pre-fills ~1,800 characters (with a finding so
underlines exist), then types 200 more characters key event by key event, in the middle and
at the end. For every keystroke (worst case: the debounced check fires after every one) it
measures:

- how long the GUI thread is busy handling the key (insert, highlighter, layout, paint);
- the GUI-thread time of the debounced check: scheduling it on the pool thread and applying
  the result (underlines + inline message) when it comes back;
- the wall-clock keystroke-to-underline latency (debounce excluded): from the check being
  due until the underlines are updated;
- for comparison, the same check run synchronously on the GUI thread.

The goal is that no single event keeps the GUI thread busy for more than 16 ms.

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
    gui_check_ms: list[float] = []
    latency_ms: list[float] = []
    sync_ms: list[float] = []
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
        edit._timer.stop()
        edit._on_debounced()
        schedule_ms = (time.perf_counter() - started) * 1000
        while edit.check_pending:
            app.processEvents()
            time.sleep(0.0002)
        latency_ms.append((time.perf_counter() - started) * 1000)
        gui_check_ms.append(schedule_ms + edit.last_check_ms)
        if index % 10 == 0:
            started = time.perf_counter()
            edit.run_check()
            app.processEvents()
            sync_ms.append((time.perf_counter() - started) * 1000)
    length = len(edit.toPlainText())
    worst = [max(a, b) for a, b in zip(key_ms, gui_check_ms, strict=True)]
    print(
        f"zusatzinfo length: {length} characters, {len(typed)} keystrokes, "
        f"{len(edit.findings())} finding(s), {len(edit._highlighter.spans)} underlined"
    )
    for label, values in (
        ("keystroke handling (GUI)", key_ms),
        ("check schedule+apply (GUI)", gui_check_ms),
        ("busiest GUI event/keystroke", worst),
        ("keystroke-to-underline", latency_ms),
        ("same check synchronously", sync_ms),
    ):
        print(
            f"{label:30s} p50 {statistics.median(values):6.2f} ms  "
            f"p99 {_percentile(values, 0.99):6.2f} ms  max {max(values):6.2f} ms"
        )
    verdict = "OK" if _percentile(worst, 0.99) <= 16.0 else "OVER BUDGET"
    print(f"goal: GUI thread busy <= 16 ms per event (p99) -> {verdict}")
    host.close()
    host.deleteLater()
    app.processEvents()
    sys.stdout.flush()
    os._exit(0)  # skip PySide6 interpreter-teardown (bench only)


if __name__ == "__main__":
    raise SystemExit(main())
