"""The consent question for voluntary data: Ja / Nein radio buttons with no default.

Shows the consent text from the server (``/config`` ``consent.text``) so the agent can read
it out. ``answered(bool)`` fires on every change; ``answer`` is None until asked.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)


class ConsentGate(QGroupBox):
    """Consent radio group (objectName ``consent``; radios ``consent_yes`` / ``consent_no``).

    Signals:
        answered(bool): the agent chose Ja (True) or Nein (False).
    """

    answered = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Einwilligung in freiwillige Angaben *"), parent)
        self.setObjectName("consent")
        self.setAccessibleName(self.tr("Einwilligung in freiwillige Angaben"))
        self.text_label = QLabel(self)
        self.text_label.setObjectName("consent_text")
        self.text_label.setTextFormat(Qt.TextFormat.PlainText)  # server text: never markup
        self.text_label.setWordWrap(True)
        self.yes = QRadioButton(self.tr("&Ja, Kunde ist einverstanden"), self)
        self.yes.setObjectName("consent_yes")
        self.no = QRadioButton(self.tr("N&ein"), self)
        self.no.setObjectName("consent_no")
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.group.addButton(self.yes)
        self.group.addButton(self.no)
        self.yes.toggled.connect(self._on_toggled)
        self.no.toggled.connect(self._on_toggled)
        self.missing_label = QLabel(
            self.tr(
                "Der Einwilligungstext des Extranets liegt noch nicht vor: Er kommt mit der "
                "ersten Anmeldung bei diesem Server und steht danach auch ohne Verbindung "
                "bereit. „Ja“ ist erst möglich, wenn Sie den Text vorlesen können."
            ),
            self,
        )
        self.missing_label.setObjectName("consent_text_missing")
        self.missing_label.setWordWrap(True)
        self.age_label = QLabel(self)
        self.age_label.setObjectName("consent_text_age")
        self.age_label.hide()
        row = QHBoxLayout()
        row.addWidget(self.yes)
        row.addWidget(self.no)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text_label)
        layout.addWidget(self.age_label)
        layout.addWidget(self.missing_label)
        layout.addLayout(row)
        self.text_version: str | None = None
        self._show_known(False)

    def set_consent_text(self, text: str, version: str | None) -> None:
        """Show the server's consent text (read out to the caller)."""
        self.text_label.setText(text)
        self.text_version = version
        self.setAccessibleDescription(text)
        self._show_known(bool(text.strip() and version))

    def set_age_text(self, text: str) -> None:
        """How old the shown consent text is (e.g. "Stand: vor 3 Tagen"); "" hides it."""
        self.age_label.setText(text)
        self.age_label.setVisible(bool(text) and bool(self.text_label.text().strip()))

    def _show_known(self, known: bool) -> None:
        """Without a consent text the customer cannot be asked: "Ja" waits, and says why."""
        self.yes.setEnabled(known)
        self.missing_label.setVisible(not known)
        self.yes.setAccessibleDescription("" if known else self.missing_label.text())

    @property
    def answer(self) -> bool | None:
        """True (Ja), False (Nein) or None (not asked yet)."""
        if self.yes.isChecked():
            return True
        if self.no.isChecked():
            return False
        return None

    def set_answer(self, answer: bool | None) -> None:
        """Set the radios without asking (undo, restore, reset)."""
        if answer is None:
            self.group.setExclusive(False)
            self.yes.setChecked(False)
            self.no.setChecked(False)
            self.group.setExclusive(True)
        else:
            (self.yes if answer else self.no).setChecked(True)

    @Slot(bool)
    def _on_toggled(self, checked: bool) -> None:
        if checked:
            self.answered.emit(self.yes.isChecked())
