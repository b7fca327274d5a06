"""Writing in the Postkorb: the Art. 15 hint, the reply box and the "Neue Anfrage" dialog.

Subject and text use the wizard's live privacy widgets (field "betreff" / "beschreibung");
"Senden" stays disabled while a blocking finding is present.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.widgets.checked_text import CheckedLineEdit, CheckedTextEdit

__all__ = ["ART15_HINT", "NewTicketDialog", "ReplyBox", "art15_hint"]

ART15_HINT = (
    "Die betroffene Person kann Auskunft über diese Einträge verlangen (Art. 15 DSGVO) "
    "– bitte sachlich schreiben."
)


def art15_hint(parent: QWidget) -> QLabel:
    """The permanent, calm hint that the customer may read everything written here."""
    label = QLabel(parent.tr(ART15_HINT), parent)
    label.setObjectName("postbox_hint")
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setAccessibleName(label.text())
    return label


def _send_shortcuts(widget: QWidget, send: Callable[[], None]) -> None:
    """Ctrl+Enter (main and keypad Enter) sends from anywhere inside ``widget``; Enter alone
    stays a line break."""
    for sequence in ("Ctrl+Return", "Ctrl+Enter"):
        shortcut = QShortcut(QKeySequence(sequence), widget)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(send)


class ReplyBox(QWidget):
    """Reply editor with live privacy warnings and a "Senden" button.

    Signals:
        send_requested(str): the text to send (already checked: no blocking finding).
    """

    send_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = CheckedTextEdit("beschreibung", parent=self)
        self.editor.setObjectName("body")
        self.editor.finding_place = "postbox"
        self.editor.setAccessibleName(self.tr("Antwort"))
        self.editor.setAccessibleDescription(
            self.tr(
                "Ihre Antwort in dieser Anfrage. Nur was für die Anfrage nötig ist; keine "
                "Gesundheitsangaben oder anderen besonderen Daten, keine Bewertungen von Personen."
            )
        )
        self.editor.setPlaceholderText(self.tr("Antwort schreiben …"))
        self.editor.setMaximumHeight(140)
        self.send_button = QPushButton(self.tr("Senden"), self)
        self.send_button.setObjectName("send_button")
        self.send_button.setAccessibleName(self.tr("Antwort senden"))
        self.send_button.setToolTip(self.tr("Antwort senden (Strg+Eingabe)"))
        self.send_button.clicked.connect(self._send)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.send_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.editor)
        layout.addWidget(self.editor.message)
        layout.addLayout(row)
        self.editor.textChanged.connect(self._update)
        self.editor.findings_changed.connect(lambda _f: self._update())
        self.setTabOrder(self.editor, self.send_button)
        _send_shortcuts(self, self._send)
        self._update()

    def _update(self) -> None:
        text = self.editor.text().strip()
        self.send_button.setEnabled(bool(text) and not self.editor.blocking)

    def _send(self) -> None:
        if not self.isEnabled():
            return
        self.editor.run_check()
        text = self.editor.text().strip()
        if not text or self.editor.blocking:
            self._update()
            return
        self.send_button.setEnabled(False)
        self.send_requested.emit(text)
        self.editor.reset()


class NewTicketDialog(QDialog):
    """ "Neue Anfrage": Betreff, Beschreibung, optional link to one of the broker's referrals.

    Args:
        referrals: ``(referral_id, label)`` pairs offered for the optional link.
        parent: Parent widget.
    """

    def __init__(
        self, referrals: Sequence[tuple[str, str]] = (), parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("new_ticket_dialog")
        self.setWindowTitle(self.tr("Neue Anfrage"))
        self.subject = CheckedLineEdit("betreff", parent=self)
        self.subject.setObjectName("subject")
        self.subject.finding_place = "postbox"
        self.subject.setAccessibleName(self.tr("Betreff"))
        self.subject.setAccessibleDescription(
            self.tr(
                "Kurzer Betreff der Anfrage, ohne personenbezogene Daten, die für die Anfrage "
                "nicht nötig sind."
            )
        )
        self.body = CheckedTextEdit("beschreibung", parent=self)
        self.body.setObjectName("body")
        self.body.finding_place = "postbox"
        self.body.setAccessibleName(self.tr("Beschreibung"))
        self.body.setAccessibleDescription(
            self.tr(
                "Ihre Anfrage. Nur was für die Anfrage nötig ist; keine Gesundheitsangaben oder "
                "anderen besonderen Daten, keine Bewertungen von Personen."
            )
        )
        self.referral = QComboBox(self)
        self.referral.setObjectName("referral_id")
        self.referral.setAccessibleName(self.tr("Bezug zu einer Vermittlung (optional)"))
        self.referral.setAccessibleDescription(
            self.tr("Optional: die Vermittlung, auf die sich die Anfrage bezieht.")
        )
        self.set_referrals(referrals)
        form = QFormLayout()
        form.addRow(self.tr("&Betreff"), self.subject)
        form.addRow("", self.subject.message)
        form.addRow(self.tr("Be&schreibung"), self.body)
        form.addRow("", self.body.message)
        form.addRow(self.tr("&Vermittlung"), self.referral)
        self.buttons = QDialogButtonBox(self)
        self.send_button = self.buttons.addButton(
            self.tr("Senden"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.send_button.setObjectName("send_button")
        cancel = self.buttons.addButton(
            self.tr("Abbrechen"), QDialogButtonBox.ButtonRole.RejectRole
        )
        cancel.setObjectName("cancel_button")
        _send_shortcuts(self, self._accept)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(art15_hint(self))
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        for editor in (self.subject, self.body):
            editor.textChanged.connect(self._update)
            editor.findings_changed.connect(lambda _f: self._update())
        self.setTabOrder(self.subject, self.body)
        self.setTabOrder(self.body, self.referral)
        self.setTabOrder(self.referral, self.send_button)
        self.setTabOrder(self.send_button, cancel)
        self.resize(560, 420)
        self._update()

    def set_referrals(
        self, referrals: Sequence[tuple[str, str]], select: str | None = None
    ) -> None:
        """(Re)fill the optional link; keeps the current choice unless ``select`` is given."""
        keep = select if select is not None else self.referral.currentData()
        self.referral.clear()
        self.referral.addItem(self.tr("Kein Bezug"), None)
        for referral_id, label in referrals:
            self.referral.addItem(label, referral_id)
        if keep is not None:
            found = self.referral.findData(keep)
            if found < 0:  # not (yet) among the loaded referrals: keep the link anyway
                self.referral.addItem(str(keep), keep)
                found = self.referral.count() - 1
            self.referral.setCurrentIndex(found)

    def values(self) -> tuple[str, str, str | None]:
        """``(subject, body, referral_id)``."""
        data = self.referral.currentData()
        return self.subject.text().strip(), self.body.text().strip(), data

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Esc never discards a typed request; it only closes an empty dialog. Enter alone
        never sends (no default button); Ctrl+Enter does, through the shortcut."""
        if event.key() == Qt.Key.Key_Escape and any(self.values()[:2]):
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    def _ready(self) -> bool:
        subject, body, _ = self.values()
        return bool(subject and body) and not (self.subject.blocking or self.body.blocking)

    def _update(self) -> None:
        self.send_button.setEnabled(self._ready())

    def _accept(self) -> None:
        self.subject.run_check()
        self.body.run_check()
        if self._ready():
            self.accept()
        else:
            self._update()
