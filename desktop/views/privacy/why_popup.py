""" "Warum?" explained in place: the privacy notice's section for a finding in a small dialog
over the form (keyboard: the text is focusable, Esc closes, focus returns to the field); the
whole Datenschutz page stays one button away."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.views.privacy import texts
from desktop.widgets.company import company_name

__all__ = ["WhyPopup"]


class WhyPopup(QDialog):
    """The notice text of one section (``texts.sections()`` key).

    Args:
        section: Section key ("free_text", "postbox", …; unknown keys: the first section).
        open_page: Shows the whole Datenschutz page at that section.
        parent: The window of the field that asked.
        company: The glass company's name as the Datenschutz page shows it (``None``: the
            neutral wording used before the server's configuration is known).
    """

    def __init__(
        self,
        section: str,
        open_page: Callable[[], None],
        parent: QWidget | None = None,
        *,
        company: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("why_popup")
        self.setWindowTitle(self.tr("Warum?"))
        every = texts.sections(company or company_name(None))
        found = {key: (heading, paragraphs) for key, heading, paragraphs in every}
        heading, paragraphs = found.get(section, every[0][1:])
        layout = QVBoxLayout(self)
        self.heading = self._label(heading, "why_heading")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        layout.addWidget(self.heading)
        self.paragraphs = [self._label(text, "why_text") for text in paragraphs]
        for label in self.paragraphs:
            layout.addWidget(label)
        buttons = QDialogButtonBox(self)
        self.page_button = QPushButton(self.tr("Ganze &Datenschutzseite öffnen"), self)
        self.page_button.setObjectName("why_open_privacy")
        buttons.addButton(self.page_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(self.tr("Schließen"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setObjectName("why_close")
        buttons.rejected.connect(self.reject)
        self._open_page = open_page
        self.page_button.clicked.connect(self._to_page)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self.heading.setFocus()  # screen readers start with what the section is about

    def _to_page(self) -> None:
        open_page = self._open_page
        self.reject()
        # after the dialog handed focus back to the field, so the page's heading keeps it
        QTimer.singleShot(0, open_page)

    def _label(self, text: str, name: str) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        label.setAccessibleName(text)
        return label
