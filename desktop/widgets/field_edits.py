"""Inline field messages and validated line edits for the mandatory fields.

``FieldMessage`` is the one message under a field: a label named ``<field>_message``
(visible only when it has something to say; its text is the message) plus optional actions
(one-click rewording, "Warum?", dismiss with an inline confirmation). ``ValidatedLineEdit``
runs a ``desktop.validation`` check when the field is left ("reward early, punish late":
format hints on blur, blocking errors only when :meth:`show_errors` is called on send).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.validation import FieldResult, Issue
from desktop.widgets.finding_texts import issue_text
from desktop.widgets.theme import message_style


class FieldMessage(QWidget):
    """The inline message (and its actions) under one field.

    Signals:
        fix_clicked(): the one-click rewording was chosen.
        why_clicked(): the "Warum?" link was chosen.
        dismiss_confirmed(): the agent confirmed that the finding is a false alarm.
    """

    fix_clicked = Signal()
    why_clicked = Signal()
    dismiss_confirmed = Signal()

    def __init__(self, field: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state: tuple[object, ...] | None = None
        self.setObjectName(f"{field}_message_box")
        self.label = QLabel(self)
        self.label.setObjectName(f"{field}_message")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fix_button = self._button(f"{field}_fix", self.fix_clicked.emit)
        self.why_button = self._button(f"{field}_why", self.why_clicked.emit, self.tr("Warum?"))
        self.why_button.setFlat(True)
        self.dismiss_button = self._button(f"{field}_dismiss", self._ask_confirm)
        self.confirm_button = self._button(
            f"{field}_dismiss_confirm", self._confirm, self.tr("Ja, als Fehlalarm markieren")
        )
        self.cancel_button = self._button(
            f"{field}_dismiss_cancel", self._cancel_confirm, self.tr("Abbrechen")
        )
        actions = QHBoxLayout()
        actions.setContentsMargins(0, 0, 0, 0)
        for button in (
            self.fix_button,
            self.why_button,
            self.dismiss_button,
            self.confirm_button,
            self.cancel_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.label)
        layout.addLayout(actions)
        self.clear()

    def _button(self, name: str, slot: Callable[[], object], text: str = "") -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        button.hide()
        return button

    @property
    def text(self) -> str:
        """The message currently shown ("" when hidden)."""
        return self.label.text() if not self.isHidden() else ""

    def show_text(
        self,
        text: str,
        kind: str = "info",
        *,
        fix_label: str | None = None,
        dismiss_label: str | None = None,
        confirm_label: str | None = None,
        why: bool = False,
    ) -> None:
        """Show ``text`` with the given actions; ``kind`` is error | warning | info.

        ``dismiss_label`` offers dismissal, which needs a second click on the confirmation
        button (``confirm_label``, default "Ja, als Fehlalarm markieren").
        """
        state = (text, kind, fix_label, dismiss_label, confirm_label, why)
        if state == self._state and not self.isHidden() and not self.confirm_button.isVisible():
            return  # unchanged (every live check lands here): no restyle, no relayout
        self._state = state
        self.label.setText(text)
        style = message_style(kind)
        if self.label.styleSheet() != style:
            self.label.setStyleSheet(style)  # restyling costs milliseconds: only on change
        self.label.setProperty("kind", kind)
        self.fix_button.setVisible(bool(fix_label))
        if fix_label:
            self.fix_button.setText(fix_label)
        self.dismiss_button.setVisible(bool(dismiss_label))
        if dismiss_label:
            self.dismiss_button.setText(dismiss_label)
            self.confirm_button.setText(confirm_label or self.tr("Ja, als Fehlalarm markieren"))
        self.why_button.setVisible(why)
        self.confirm_button.hide()
        self.cancel_button.hide()
        self.label.show()
        self.show()

    def clear(self) -> None:
        """Hide the message and every action."""
        if self._state is None and self.isHidden() and self.label.isHidden():
            return  # already clear (called on every change of some fields)
        self._state = None
        self.label.clear()
        for button in (
            self.fix_button,
            self.why_button,
            self.dismiss_button,
            self.confirm_button,
            self.cancel_button,
        ):
            button.hide()
        self.label.hide()
        self.hide()

    @Slot()
    def _ask_confirm(self) -> None:
        self.dismiss_button.hide()
        self.fix_button.hide()
        self.confirm_button.show()
        self.cancel_button.show()
        self.confirm_button.setFocus()

    @Slot()
    def _cancel_confirm(self) -> None:
        self.confirm_button.hide()
        self.cancel_button.hide()
        self.dismiss_button.show()
        self.fix_button.setVisible(bool(self.fix_button.text()))

    @Slot()
    def _confirm(self) -> None:
        self.confirm_button.hide()
        self.cancel_button.hide()
        self.dismiss_confirmed.emit()


def issues_message(issues: tuple[Issue, ...], *, include_errors: bool) -> tuple[str, str]:
    """(text, kind) for a set of issues, most severe first.

    Before send (``include_errors`` False) even format errors are shown as warnings: they
    only block when the agent presses send.
    """
    if not issues:
        return "", "info"
    order = {"error": 0, "warning": 1, "hint": 2}
    shown = sorted(issues, key=lambda issue: order[issue.severity])
    text = " ".join(issue_text(issue.code, issue.params) for issue in shown)
    worst = shown[0].severity
    if worst == "error":
        return text, "error" if include_errors else "warning"
    return text, "warning" if worst == "warning" else "info"


class ValidatedLineEdit(QLineEdit):
    """Line edit for a mandatory field with a ``desktop.validation`` check.

    Hints and warnings appear when the field is left; errors only after :meth:`show_errors`
    (on send). Editing clears the message. ``reformat`` may replace the text with a display
    form of the canonical value after a successful check (e.g. the plate ``M-AB 1234``).
    """

    result_changed = Signal()

    def __init__(
        self,
        field: str,
        check: Callable[[str], FieldResult],
        *,
        reformat: Callable[[FieldResult], str | None] | None = None,
        upper: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._upper = upper
        self.setObjectName(field)
        self.field = field
        self._check = check
        self._reformat = reformat
        self.message = FieldMessage(field)
        self._base_description = ""
        self.textEdited.connect(self._on_edited)

    def set_base_description(self, text: str) -> None:
        """Format hint read by screen readers when there is no message."""
        self._base_description = text
        self.setAccessibleDescription(text)

    def result(self) -> FieldResult:
        """Current check result."""
        return self._check(self.text())

    @Slot()
    def _on_edited(self) -> None:
        if self._upper and self.text() != self.text().upper():
            position = self.cursorPosition()
            self.setText(self.text().upper())
            self.setCursorPosition(position)
        if not self.message.isHidden():
            self._set_message("", "info")

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt override)
        """Show non-blocking hints when the field is left."""
        super().focusOutEvent(event)
        if not self.text().strip():
            return
        result = self.result()
        if self._reformat is not None and result.ok:
            pretty = self._reformat(result)
            if pretty and pretty != self.text():
                self.setText(pretty)
        text, kind = issues_message(result.issues, include_errors=False)
        self._set_message(text, kind)
        self.result_changed.emit()

    def show_errors(self) -> FieldResult:
        """Check now and show everything including blocking errors; returns the result."""
        result = self.result()
        text, kind = issues_message(result.issues, include_errors=True)
        self._set_message(text, kind)
        return result

    def show_server_error(self, text: str) -> None:
        """Show an error the server reported for this field."""
        self._set_message(text, "error")

    def clear_message(self) -> None:
        """Hide the message."""
        self._set_message("", "info")

    def _set_message(self, text: str, kind: str) -> None:
        if text:
            self.message.show_text(text, kind)
        else:
            self.message.clear()
        self.setAccessibleDescription(" ".join(filter(None, [text, self._base_description])))
