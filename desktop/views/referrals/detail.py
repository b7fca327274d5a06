""" "Meine Vermittlungen": one referral read-only, as the server holds it (Enter or double-click
on a row). Every value is server text and shown as plain text."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.models.referrals_model import ReferralsModel
from desktop.referral_form import MANDATORY, VOLUNTARY
from desktop.views.referral.fields import plain_label

__all__ = ["ReferralDetailDialog"]

_SHOWN_CHARS = 2_000  # of one value (a hostile server may send megabytes)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        if value:
            return QCoreApplication.translate("ReferralDetailDialog", "Ja")
        return QCoreApplication.translate("ReferralDetailDialog", "Nein")
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    text = str(value)
    return text if len(text) <= _SHOWN_CHARS else text[:_SHOWN_CHARS] + "…"


class ReferralDetailDialog(QDialog):
    """The referral's number, date, kind, status and every field it was sent with.

    Signals:
        ask_requested(str): "Anfrage stellen" — a Postkorb request about this referral.

    Args:
        model: The page's model (for the German date, kind and status texts).
        row: Source row of the referral.
        parent: Parent widget.
    """

    ask_requested = Signal(str)

    def __init__(self, model: ReferralsModel, row: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("referral_detail")
        item = model.item(row)
        number = str(item.get("number") or "")
        self.setWindowTitle(self.tr("Vermittlung {number}").format(number=number))
        form = QFormLayout()
        for column in (0, 1, 2, 5):  # Nr., Eingegangen, Art, Status as in the list
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            self._add(form, title, str(model.index(row, column).data() or ""))
        names = [*MANDATORY, *(name for name in VOLUNTARY if name not in MANDATORY)]
        for name in names:
            value = item.get(name)
            if value in (None, "", [], False) and name not in MANDATORY:
                continue
            self._add(form, plain_label(name), _value(value) if value is not None else "")
        body = QWidget(self)
        body.setLayout(form)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Schließen"))
        close.setObjectName("close_button")
        buttons.rejected.connect(self.reject)
        ask = buttons.addButton(
            self.tr("&Anfrage im Postkorb stellen"), QDialogButtonBox.ButtonRole.ActionRole
        )
        ask.setObjectName("ask_button")
        referral_id = str(item.get("id") or "")
        ask.setEnabled(bool(referral_id))
        ask.clicked.connect(lambda: self._ask(referral_id))
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.resize(520, 560)

    def _ask(self, referral_id: str) -> None:
        self.accept()
        self.ask_requested.emit(referral_id)

    def _add(self, form: QFormLayout, title: str, text: str) -> None:
        value = QLabel(text, self)
        value.setTextFormat(Qt.TextFormat.PlainText)
        value.setWordWrap(True)
        value.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        value.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # reachable with Tab, readable
        value.setAccessibleName(title)
        value.setAccessibleDescription(text)
        label = QLabel(title, self)
        label.setBuddy(value)
        form.addRow(label, value)
