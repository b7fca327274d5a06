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

The goal is that no single event keeps the GUI thread busy for more than 16 ms. Several
rounds (``--rounds``) separate systematic cost from one-off stalls of a loaded machine; the
load average is printed with the figures.

Run: ``QT_QPA_PLATFORM=offscreen python bench/wizard_latency.py [--rounds 3] [--in-view]
[--no-gc-freeze]`` (``--in-view``: the Zusatzinfo inside a real Komplettvermittlung, so the
view's per-keystroke work and its review-page refresh are measured too; ``--no-gc-freeze``:
without the app's ``gc.freeze()`` after start-up, whose full collections then scan every
start-up object.)
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import cast

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app_services import app_services  # bench/app_services.py, beside this script

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from desktop import workarounds
from desktop.services import Services
from desktop.widgets.checked_text import CheckedTextEdit

SENTENCE = (
    "Der Kunde bittet um einen Termin am Vormittag, die Einfahrt liegt im Hinterhof hinter "
    "dem grünen Tor, bitte dort parken und laut und deutlich klingeln. "
)
TYPED = "Schlüssel liegt beim Hausmeister, Stellplatz Nummer sieben, Tor ist offen. " * 3


class _GcPauses:
    """Cyclic-GC pauses while typing (they land on whatever GUI event runs)."""

    def __init__(self) -> None:
        self.pauses: list[tuple[int, float]] = []
        self.cpu: list[float] = []
        self._started = 0.0
        self._cpu_started = 0.0
        gc.callbacks.append(self._callback)

    def _callback(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
            self._cpu_started = time.thread_time()
        else:
            self.pauses.append((info["generation"], (time.perf_counter() - self._started) * 1000))
            self.cpu.append((time.thread_time() - self._cpu_started) * 1000)

    def summary(self) -> str:
        if not self.pauses:
            return "GC pauses while typing: none"
        gen, worst = max(self.pauses, key=lambda p: p[1])
        return (
            f"GC pauses while typing: {len(self.pauses)}, slowest {worst:.1f} ms (generation "
            f"{gen}; CPU max {max(self.cpu):.1f} ms, total {sum(self.cpu):.0f} ms); "
            f"{sum(1 for g, _ in self.pauses if g == 2)} full collection(s)"
        )


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _key(widget: QWidget, ch: str) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def _round(
    app: QApplication, edit: CheckedTextEdit, review: Callable[[], None] | None
) -> dict[str, list[float]]:
    """Type 200 keys into a fresh ~1,800-character text; times per keystroke."""
    base = (SENTENCE * 20)[:1790] + " Kunde ist schwerhörig."
    edit.setPlainText(base)
    edit.run_check()
    app.processEvents()
    times: dict[str, list[float]] = {"key": [], "check": [], "latency": [], "sync": []}
    times["review"] = []
    times["cpu"] = []
    for index, ch in enumerate(TYPED[:200]):
        cursor = edit.textCursor()
        if index == 100:  # second half typed in the middle of the text
            cursor.setPosition(900)
        elif index < 100:
            cursor.movePosition(QTextCursor.MoveOperation.End)
        edit.setTextCursor(cursor)
        cpu_started = time.thread_time()
        started = time.perf_counter()
        _key(edit, ch)
        app.processEvents()
        times["key"].append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        edit._timer.stop()
        edit._on_debounced()
        schedule_ms = (time.perf_counter() - started) * 1000
        while edit.check_pending:
            app.processEvents()
            time.sleep(0.0002)
        times["latency"].append((time.perf_counter() - started) * 1000)
        times["check"].append(schedule_ms + edit.last_check_ms)
        if review is not None:  # the view's review page refresh (fires in a typing pause)
            started = time.perf_counter()
            review()
            times["review"].append((time.perf_counter() - started) * 1000)
        times["cpu"].append((time.thread_time() - cpu_started) * 1000)
        if index % 10 == 0:
            started = time.perf_counter()
            edit.run_check()
            app.processEvents()
            times["sync"].append((time.perf_counter() - started) * 1000)
    return times


def _standalone() -> tuple[QWidget, CheckedTextEdit, Callable[[], None] | None]:
    host = QWidget()
    layout = QVBoxLayout(host)
    edit = CheckedTextEdit("zusatzinfo", delay_ms=10_000)  # the bench fires checks itself
    layout.addWidget(edit)
    layout.addWidget(edit.message)
    host.resize(700, 500)
    return host, edit, None


def _in_view(services: Services) -> tuple[QWidget, CheckedTextEdit, Callable[[], None] | None]:
    """The Zusatzinfo of a real Komplettvermittlung (not logged in: empty catalogues)."""
    from desktop.views.referral.wizard import CompleteReferralView

    view = CompleteReferralView(services)
    view.resize(900, 1000)
    view.consent_gate.yes.click()
    view.freetext_consent.setChecked(True)
    edit = view.checked["zusatzinfo"]
    edit._timer.setInterval(10_000)  # the bench fires checks itself
    return view, edit, view.update_review


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="typing rounds (default 3)")
    parser.add_argument(
        "--in-view", action="store_true", help="type into the Komplettvermittlung's Zusatzinfo"
    )
    parser.add_argument(
        "--gc-freeze",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="freeze the set-up objects for the GC as the app does once start-up is done "
        "(desktop.app.freeze_startup_objects; default); --no-gc-freeze: without",
    )
    args = parser.parse_args()
    app = cast(QApplication, QApplication.instance() or QApplication(sys.argv[:1]))
    workarounds.apply()  # as the app does at start
    if not args.in_view:
        return _measure(app, args, *_standalone())
    with app_services() as services:
        return _measure(app, args, *_in_view(services))


def _measure(
    app: QApplication,
    args: argparse.Namespace,
    host: QWidget,
    edit: CheckedTextEdit,
    review: Callable[[], None] | None,
) -> int:
    """Type the rounds and print the figures."""
    host.show()
    edit.setFocus()
    if args.gc_freeze:
        from desktop.app import freeze_startup_objects

        freeze_startup_objects()  # start-up objects move to the permanent generation
    total: dict[str, list[float]] = {
        "key": [],
        "check": [],
        "latency": [],
        "sync": [],
        "review": [],
        "cpu": [],
    }
    round_max: list[float] = []
    gc_pauses = _GcPauses()
    for _ in range(max(1, args.rounds)):
        times = _round(app, edit, review)
        for name, values in times.items():
            total[name] += values
        round_max.append(max(max(times["key"]), max(times["check"]), max(times["review"] or [0])))
    worst = [max(a, b) for a, b in zip(total["key"], total["check"], strict=True)]
    if total["review"]:
        worst = [max(a, b) for a, b in zip(worst, total["review"], strict=True)]
    print(
        f"{'in the Komplettvermittlung, ' if args.in_view else ''}"
        f"zusatzinfo length: {len(edit.toPlainText())} characters, {len(worst)} keystrokes "
        f"({args.rounds} rounds of 200), {len(edit.findings())} finding(s), "
        f"{len(edit._highlighter.spans)} underlined; "
        + ("start-up objects frozen for the GC, as the app" if args.gc_freeze else "no gc.freeze")
    )
    for label, values in (
        ("keystroke handling (GUI)", total["key"]),
        ("check schedule+apply (GUI)", total["check"]),
        ("busiest GUI event/keystroke", worst),
        ("keystroke-to-underline", total["latency"]),
        ("GUI-thread CPU per keystroke", total["cpu"]),
        ("same check synchronously", total["sync"]),
        *([("review page update (GUI)", total["review"])] if total["review"] else []),
    ):
        print(
            f"{label:30s} p50 {statistics.median(values):6.2f} ms  "
            f"p99 {_percentile(values, 0.99):6.2f} ms  max {max(values):6.2f} ms"
        )
    over = sum(1 for value in worst if value > 16.0)
    print("max busy per round: " + ", ".join(f"{value:.1f} ms" for value in round_max))
    print(f"GUI events > 16 ms: {over} of {len(worst)}")
    print(gc_pauses.summary())
    verdict = (
        "OK" if over == 0 else ("p99 OK, outliers" if _percentile(worst, 0.99) <= 16 else "OVER")
    )
    print(f"goal: GUI thread never busy > 16 ms per keystroke -> {verdict}")
    loadavg = Path("/proc/loadavg")
    print(f"load: {loadavg.read_text().strip() if loadavg.exists() else '?'}")
    host.close()
    host.deleteLater()
    app.processEvents()
    sys.stdout.flush()
    os._exit(0)  # skip PySide6 interpreter-teardown (bench only)


if __name__ == "__main__":
    raise SystemExit(main())
