"""The last block of a referral view: the review of exactly what leaves the PC (readable,
and the technical JSON folded away), "Senden", the send status and the referral number."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget


class ReviewBox(QGroupBox):
    """Review and send widgets; the view fills the review, ``SendResults`` the status."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Prüfen und senden: Das verlässt den PC"), parent)
        layout = QVBoxLayout(self)
        # Where the data go, in words (the company's name from the server config).
        self.recipient = QLabel()
        self.recipient.setObjectName("review_recipient")
        self.recipient.setTextFormat(Qt.TextFormat.PlainText)  # the name is server text
        self.recipient.setWordWrap(True)
        layout.addWidget(self.recipient)
        # Readable for the broker (labels, catalogue texts); QPlainTextEdit never renders
        # rich text, so whatever the customer said is shown as typed.
        self.review = QPlainTextEdit()
        self.review.setObjectName("review")
        self.review.setReadOnly(True)
        self.review.setTabChangesFocus(True)
        self.review.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.review.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.review.setAccessibleName(self.tr("Zu übermittelnde Daten"))
        self.review.setMinimumHeight(260)  # the whole quick referral without scrolling
        layout.addWidget(self.review)
        # The exact technical payload (JSON) for those who want to see it, folded away.
        self.review_json_toggle = QPushButton(self.tr("Technische Ansicht (&JSON)"))
        self.review_json_toggle.setObjectName("review_json_toggle")
        self.review_json_toggle.setCheckable(True)
        self.review_json_toggle.setAutoDefault(False)
        self.review_json_toggle.setAccessibleDescription(
            self.tr("Zeigt die zu sendenden Daten genau so, wie sie übertragen werden.")
        )
        self.review_json = QPlainTextEdit()
        self.review_json.setObjectName("review_json")
        self.review_json.setReadOnly(True)
        self.review_json.setTabChangesFocus(True)
        self.review_json.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.review_json.setAccessibleName(self.tr("Technische Ansicht (JSON)"))
        self.review_json.setAccessibleDescription(
            self.tr("Die zu sendenden Daten im Übertragungsformat JSON.")
        )
        self.review_json.setMinimumHeight(140)
        self.review_json.hide()
        self.review_json_toggle.toggled.connect(self.review_json.setVisible)
        layout.addWidget(self.review_json_toggle)
        layout.addWidget(self.review_json)
        self.send_button = QPushButton(self.tr("&Senden (Strg+Enter)"))
        self.send_button.setObjectName("send_button")
        self.send_button.setAutoDefault(False)
        self.send_status = QLabel()
        self.send_status.setObjectName("send_status")
        self.send_status.setTextFormat(Qt.TextFormat.PlainText)  # server text: never markup
        self.send_status.setWordWrap(True)
        self.referral_number = QLabel()
        self.referral_number.setObjectName("referral_number")
        self.referral_number.setTextFormat(Qt.TextFormat.PlainText)  # server text: never markup
        self.referral_number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.referral_number.hide()
        # Shown once the referral is sent; the layout places it at the top of the view, where
        # the next call starts (tab order: still after "Senden").
        self.new_button = QPushButton(self.tr("Ne&ue Vermittlung"))
        self.new_button.setObjectName("new_referral_button")
        self.new_button.setAutoDefault(False)
        self.new_button.setToolTip(self.tr("Leeres Formular für den nächsten Anruf (Strg+N)"))
        self.new_button.setAccessibleDescription(
            self.tr("Leert das Formular für den nächsten Anruf. Tastenkürzel Strg+N.")
        )
        self.new_button.hide()
        for widget in (self.send_button, self.send_status, self.referral_number):
            layout.addWidget(widget)

    def set_company(self, company: str) -> None:
        """Name the glass company the data go to (server config or the neutral wording)."""
        text = self.tr(
            "Genau diese Daten werden an %1 gesendet: Pflichtangaben, freiwillige Angaben "
            "nur mit Einwilligung, Schadenbilder ohne Metadaten."
        ).replace("%1", company)
        self.recipient.setText(text)
        self.review.setAccessibleDescription(text)

    def show_review(self, text: str, technical: str) -> None:
        """The readable review and the exact JSON (left alone when unchanged: no flicker,
        the selection and scroll position stay)."""
        if self.review.toPlainText() != text:
            self.review.setPlainText(text)
        if self.review_json.toPlainText() != technical:
            self.review_json.setPlainText(technical)

    def focus_chain(self) -> list[QWidget]:
        """The box's tab stops in form order."""
        return [self.review, self.review_json_toggle, self.review_json]

    def send_chain(self) -> list[QWidget]:
        """The send area's tab stops, after the review."""
        return [self.send_button, self.new_button]
