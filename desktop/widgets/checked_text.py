"""Text fields with the privacy engine running live, like a spell checker.

``CheckedTextEdit`` (multi-line) and ``CheckedLineEdit`` (a one-line variant with the same
machinery) call ``desktop.privacy.text.check(text, field)`` after a short single-shot
debounce — on the GUI thread for short texts (well under a millisecond), through the app's
:class:`~desktop.tasks.TaskRunner` for long ones (latest wins, with a
:class:`~desktop.tasks.Generation`: a result for text that has changed since is dropped, so
the GUI thread only applies finished results; a field built without a runner checks on the
GUI thread) — underline the exact characters of each finding, and show one inline message
under the field (``<field>_message``) with the reason in plain German, a one-click rewording of
the whole clause (the notice's neutral wording or the clause deleted, see
:mod:`desktop.privacy.text.rewording`), a "Warum?" link and, for non-blocking findings,
dismissal as a false alarm after an inline confirmation. The field's accessible description
carries the message so screen readers hear it.

Blocking findings cannot be dismissed: the server re-checks free text and would refuse them.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import QEvent, QMimeData, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QFocusEvent, QHelpEvent, QKeyEvent, QTextCursor
from PySide6.QtWidgets import QFrame, QPlainTextEdit, QSizePolicy, QToolTip, QWidget

from desktop.privacy.text import Finding, check
from desktop.privacy.text.rewording import Rewording, reword
from desktop.tasks import Generation, TaskRunner
from desktop.validation import FieldResult
from desktop.widgets.error_summary import announce
from desktop.widgets.field_edits import FieldMessage, issues_message
from desktop.widgets.finding_texts import (
    confirm_label,
    dismiss_label,
    finding_text,
    severity_prefix,
)
from desktop.widgets.highlighter import UNMARKED, FindingHighlighter

log = logging.getLogger(__name__)

DEBOUNCE_MS = 180
ASYNC_MIN_CHARS = 400
"""From this length on the debounced check runs on a pool thread (GUI stays responsive)."""
_RANK = {"block": 0, "warn": 1, "info": 2}
_KIND = {"block": "error", "warn": "warning", "info": "info"}
_PREVIEW_CHARS = 200  # of the text after a fix, in the fix button's tooltip


def _qt_offset(text: str, index: int) -> int:
    """Python code-point offset → QTextDocument (UTF-16) position."""
    prefix = text[:index]
    return index + sum(1 for ch in prefix if ord(ch) > 0xFFFF)


def _run_engine(text: str, field: str) -> list[Finding]:
    """The engine's findings; never raises (the server re-checks anyway)."""
    try:
        return check(text, field) if text.strip() else []
    except Exception as exc:  # noqa: BLE001 - never crash typing
        log.warning("privacy check failed: %s", type(exc).__name__)
        return []


def _check_snapshot(text: str, field: str) -> tuple[str, list[Finding]]:
    """Worker side: the findings of a text snapshot, with the snapshot they belong to."""
    return text, _run_engine(text, field)


class CheckedTextEdit(QPlainTextEdit):
    """Multi-line free-text field checked live by the privacy engine.

    Signals:
        findings_changed(list): active (not dismissed) findings after each check.
        why_requested(str): "Warum?" was chosen; the argument is the finding category.
    """

    findings_changed = Signal(list)
    why_requested = Signal(str)

    def __init__(
        self,
        field: str,
        *,
        check_fn: Callable[[str], FieldResult] | None = None,
        delay_ms: int = DEBOUNCE_MS,
        engine_field: str | None = None,
        ignore_rules: frozenset[str] = frozenset(),
        tasks: TaskRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(field)
        self.field = field
        self.engine_field = engine_field or field
        self._ignore_rules = ignore_rules  # what the field is for (e.g. an address)
        self.finding_place = "referral"  # "postbox": finding texts worded for the Postkorb
        self.setTabChangesFocus(True)
        self._validate = check_fn
        self.message = FieldMessage(field)
        self.message.fix_clicked.connect(self.apply_suggestion)
        self.message.why_clicked.connect(self._on_why)
        self.message.dismiss_confirmed.connect(self.dismiss_current)
        self._highlighter = FindingHighlighter(self.document(), self)
        self._findings: list[Finding] = []
        self._marks: list[Finding] = []  # the same findings in Qt (UTF-16) offsets
        self._shown = 0  # which finding the message explains: the one at the text cursor
        self._rewording_key: tuple[str, Finding] | None = None
        self._rewording_cache: Rewording | None = None
        self._dismissed: set[tuple[str, str]] = set()
        self._external: tuple[str, str] = ("", "info")
        self._base_description = ""
        self._announced = ""
        self.last_check_ms = 0.0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._on_debounced)
        self._tasks = tasks
        self._checks = Generation()  # latest wins among background checks
        self._check_running = False
        self.document().contentsChange.connect(self._on_contents_change)
        self.cursorPositionChanged.connect(self._follow_cursor)

    # ---------------------------------------------------------------- API
    def text(self) -> str:
        """The plain text (QLineEdit-compatible name)."""
        return self.toPlainText()

    def setText(self, text: str) -> None:  # noqa: N802 (QLineEdit-compatible name)
        """Replace the text and check it at once."""
        self.setPlainText(text)
        self.run_check()

    @property
    def blocking(self) -> bool:
        """True while a blocking finding is present."""
        return any(f.severity == "block" for f in self._findings)

    def findings(self) -> list[Finding]:
        """Active findings (dismissed ones excluded)."""
        return list(self._findings)

    def dismissed(self) -> list[tuple[str, str]]:
        """The false alarms the agent dismissed, as ``(rule_id, matched text)`` keys.

        Saved with a draft so that the same finding stays dismissed after a restore; any
        other finding (another rule or other words) still warns.
        """
        return sorted(self._dismissed)

    def set_dismissed(self, keys: Iterable[Sequence[str]]) -> None:
        """Restore dismissals saved from :meth:`dismissed` and check the text again."""
        self._dismissed = {(str(k[0]), str(k[1])) for k in keys if len(k) == 2}
        self.run_check()

    def set_base_description(self, text: str) -> None:
        """Format hint read by screen readers when there is no message."""
        self._base_description = text
        self._refresh_message()

    def result(self) -> FieldResult | None:
        """Structural check result (only for fields with a validator, e.g. nachname)."""
        return self._validate(self.text()) if self._validate else None

    def show_errors(self) -> FieldResult | None:
        """On send: check now and show blocking validation errors as well."""
        self.run_check()
        result = self.result()
        self._external = (
            issues_message(result.issues, include_errors=True) if result else ("", "info")
        )
        self._refresh_message()
        return result

    def show_server_error(self, text: str) -> None:
        """Show an error the server reported for this field."""
        self._external = (text, "error")
        self._refresh_message()

    def clear_message(self) -> None:
        """Forget validation/server messages (findings stay)."""
        self._external = ("", "info")
        self._refresh_message()

    def reset(self) -> None:
        """Empty the field and forget dismissals (new referral)."""
        self._dismissed.clear()
        self._external = ("", "info")
        self.setPlainText("")
        self.run_check()

    # ---------------------------------------------------------------- checking
    @Slot(int, int, int)
    def _on_contents_change(self, position: int, removed: int, added: int) -> None:
        self._highlighter.shift(position, removed, added)
        if self._external[0] and self._external[1] != "info":
            self._external = ("", "info")
        self._timer.start()

    @Slot()
    def _on_debounced(self) -> None:
        text = self.toPlainText()
        tasks = self._tasks
        if len(text) < ASYNC_MIN_CHARS or tasks is None or tasks.closed:
            self.run_check()
            return
        self._check_running = True
        tasks.run(
            _check_snapshot,
            text,
            self.engine_field,
            on_done=self._checks.wrap(self._on_checked),
            pool="live",
        )

    def _on_checked(self, result: tuple[str, list[Finding]]) -> None:
        text, found = result
        if text != self.toPlainText():
            return  # stale: the text changed, a newer check is due
        started = time.perf_counter()
        self._apply(text, found)
        self.last_check_ms = (time.perf_counter() - started) * 1000.0

    @property
    def check_pending(self) -> bool:
        """True while a debounced or background check has not been applied yet."""
        return self._timer.isActive() or self._check_running

    @Slot()
    def run_check(self) -> None:
        """Run the privacy engine now, synchronously (send, blur and set_text call this)."""
        self._timer.stop()
        self._checks.invalidate()  # a background result still under way is now stale
        started = time.perf_counter()
        text = self.toPlainText()
        self._apply(text, _run_engine(text, self.engine_field))
        self.last_check_ms = (time.perf_counter() - started) * 1000.0

    def _apply(self, text: str, found: list[Finding]) -> None:
        self._check_running = False
        # A blocking finding is never hidden, even by a dismissal restored from a draft.
        dismissed, ignored = self._dismissed, self._ignore_rules
        active = [
            f
            for f in found
            if f.rule_id not in ignored
            and (f.severity == "block" or self._key(text, f) not in dismissed)
        ]
        active.sort(key=lambda f: (_RANK.get(f.severity, 3), f.start))
        if not text.isascii():
            spans = [
                Finding(
                    f.category,
                    _qt_offset(text, f.start),
                    _qt_offset(text, f.end),
                    f.severity,
                    f.rule_id,
                    f.suggestion,
                )
                for f in active
            ]
        else:
            spans = active
        self._highlighter.set_findings(spans)
        changed = active != self._findings
        self._findings = active
        self._marks = list(spans)
        at_cursor = self._finding_at(self.textCursor().position())
        self._shown = at_cursor if at_cursor is not None else 0
        self._refresh_message()
        if changed:
            self.findings_changed.emit(list(active))

    @staticmethod
    def _key(text: str, finding: Finding) -> tuple[str, str]:
        if finding.category == "length":
            # The confirmed customer wish covers the whole text, also as it grows.
            return finding.rule_id, ""
        return finding.rule_id, text[finding.start : finding.end].casefold()

    def _shown_finding(self) -> Finding:
        """The finding the message explains (call only with findings present)."""
        if not 0 <= self._shown < len(self._findings):
            self._shown = 0
        return self._findings[self._shown]

    def _explain(self, finding: Finding) -> str:
        reason = finding_text(finding.category, finding.rule_id, self.finding_place)
        return f"{severity_prefix(finding.severity)} {reason}"

    def _finding_at(self, position: int, *, touching: bool = True) -> int | None:
        """Index of the marked finding at a Qt text position (``touching``: also just after
        its last character, where the text cursor stands after typing it)."""
        for i, mark in enumerate(self._marks):
            end = mark.end + 1 if touching else mark.end
            if mark.category not in UNMARKED and mark.start <= position < end:
                return i
        return None

    @Slot()
    def _follow_cursor(self) -> None:
        """The message (and the accessible description) explains the marked place the text
        cursor moved into."""
        found = self._finding_at(self.textCursor().position())
        if found is not None and found != self._shown and found < len(self._findings):
            self._shown = found
            self._refresh_message()

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """Hovering an underlined place shows its own explanation as a tooltip."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            position = self.cursorForPosition(event.pos()).position()
            found = self._finding_at(position, touching=False)
            if found is None and position > 0:  # the mouse is over the character before
                found = self._finding_at(position - 1, touching=False)
            if found is not None and found < len(self._findings):
                QToolTip.showText(
                    event.globalPos(), self._explain(self._findings[found]), self.viewport()
                )
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def _refresh_message(self) -> None:
        if self._findings:
            current = self._shown_finding()
            text = self._explain(current)
            if len(self._findings) > 1:
                text += " " + self.tr(
                    "(%n weitere Stelle(n) markiert – Cursor oder Maus darauf zeigt die Erklärung)",
                    "",
                    len(self._findings) - 1,
                )
            rewording = self._rewording()
            dismiss = dismiss_label(current.category) if current.severity != "block" else None
            self.message.show_text(
                text,
                _KIND.get(current.severity, "info"),
                fix_label=self._fix_label(rewording),
                dismiss_label=dismiss,
                confirm_label=confirm_label(current.category),
                why=True,
            )
            self._describe_fix(rewording)
        elif self._external[0]:
            self.message.show_text(*self._external)
            text = self._external[0]
        else:
            self.message.clear()
            text = ""
        self.setAccessibleDescription(" ".join(filter(None, [text, self._base_description])))
        if self._findings and text != self._announced:
            announce(self, text)  # screen readers hear a new warning once, politely
        self._announced = text if self._findings else ""

    # ---------------------------------------------------------------- actions
    def _rewording(self) -> Rewording | None:
        """The whole-clause rewording of the shown finding (computed once per text)."""
        if not self._findings:
            return None
        text, finding = self.toPlainText(), self._shown_finding()
        key = (text, finding)
        if self._rewording_key != key:
            self._rewording_key = key
            try:
                self._rewording_cache = reword(
                    text, finding, self.engine_field, ignore_rules=self._ignore_rules
                )
            except Exception as exc:  # noqa: BLE001 - never crash typing
                log.warning("rewording failed: %s", type(exc).__name__)
                self._rewording_cache = None
        return self._rewording_cache

    def _fix_label(self, rewording: Rewording | None) -> str | None:
        """ "Ersetzen durch „…“" with the new words (the name alone in the name field), or
        "Satzteil entfernen" when the clause just goes."""
        if rewording is None:
            return None
        if rewording.clause:
            return self.tr("Ersetzen durch „%1“").replace("%1", rewording.clause)
        return self.tr("Satzteil entfernen")

    def _describe_fix(self, rewording: Rewording | None) -> None:
        """The whole text after the fix, as the fix button's tooltip and description (the
        label names only the new words; a deletion names none)."""
        button = self.message.fix_button
        if rewording is None:
            after = ""
        elif not rewording.text:
            after = self.tr("Danach ist das Feld leer.")
        else:
            shown = rewording.text
            if len(shown) > _PREVIEW_CHARS:
                shown = shown[:_PREVIEW_CHARS].rstrip() + " …"
            after = self.tr("Danach: „%1“").replace("%1", shown)
        if button.toolTip() != after:
            button.setToolTip(after)
            button.setAccessibleDescription(after)

    @Slot()
    def apply_suggestion(self) -> None:
        """Reword the clause of the shown finding as one undoable edit (plain text)."""
        if self.check_pending:
            self.run_check()  # the shown finding must belong to the text as it is now
        rewording = self._rewording()
        if rewording is None:
            return
        text = self.toPlainText()
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        cursor.setPosition(_qt_offset(text, rewording.start))
        cursor.setPosition(_qt_offset(text, rewording.end), QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(rewording.replacement)
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        self.run_check()
        self.setFocus()

    @Slot()
    def dismiss_current(self) -> None:
        """Mark the shown (non-blocking) finding as a false alarm for this field."""
        if not self._findings or self._shown_finding().severity == "block":
            return
        self._dismissed.add(self._key(self.toPlainText(), self._shown_finding()))
        self.run_check()
        self.setFocus()

    @Slot()
    def _on_why(self) -> None:
        self.why_requested.emit(self._shown_finding().category if self._findings else "")

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt override)
        """Check at once and show non-blocking validation hints when the field is left."""
        super().focusOutEvent(event)
        if self.check_pending:
            self.run_check()
        result = self.result()
        if result is not None and self.text().strip():
            self._external = issues_message(result.issues, include_errors=False)
            self._refresh_message()


class CheckedLineEdit(CheckedTextEdit):
    """One-line variant (used for ``nachname`` and the Postkorb ``betreff``).

    Enter is swallowed (it never submits), pasted line breaks become spaces, Tab moves on.
    """

    def __init__(
        self,
        field: str,
        *,
        check_fn: Callable[[str], FieldResult] | None = None,
        delay_ms: int = DEBOUNCE_MS,
        engine_field: str | None = None,
        ignore_rules: frozenset[str] = frozenset(),
        tasks: TaskRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            field,
            check_fn=check_fn,
            delay_ms=delay_ms,
            engine_field=engine_field,
            ignore_rules=ignore_rules,
            tasks=tasks,
            parent=parent,
        )
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        margins = self.contentsMargins()
        doc_margin = int(self.document().documentMargin())
        height = (
            self.fontMetrics().lineSpacing() + 2 * doc_margin + margins.top() + margins.bottom()
        )
        self.setFixedHeight(height + 2)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        """Swallow Enter; everything else as usual."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                event.ignore()  # Ctrl+Enter = send, handled by the page's shortcut
                return
            event.accept()
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 (Qt override)
        """Paste as one line."""
        text = " ".join(source.text().split())
        self.textCursor().insertText(text)
