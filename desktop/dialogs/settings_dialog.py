"""Settings dialog: Extranet server URL (empty = embedded demo server) and UI language."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import available_languages, normalize_language
from desktop.settings import Settings, validate_server_url
from desktop.widgets.theme import message_style

__all__ = ["SettingsDialog"]

_URL_PROBLEMS = {
    "scheme": QT_TRANSLATE_NOOP(
        "SettingsDialog", "Die Adresse muss mit http:// oder https:// beginnen."
    ),
    "host": QT_TRANSLATE_NOOP(
        "SettingsDialog", "Die Adresse enthält keinen gültigen Servernamen oder Port."
    ),
    "query": QT_TRANSLATE_NOOP(
        "SettingsDialog", "Die Adresse darf keine Parameter, Anker oder Zugangsdaten enthalten."
    ),
    "insecure": QT_TRANSLATE_NOOP(
        "SettingsDialog",
        "Ein Server auf einem anderen Rechner braucht eine verschlüsselte Verbindung: "
        "Die Adresse muss mit https:// beginnen.",
    ),
}


class SettingsDialog(QDialog):
    """Edits :class:`Settings`; changes apply at the next start (the dialog says so).

    Attributes:
        changed: True after OK stored a different value.
    """

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._height_without_error: int | None = None  # set while the dialog grew for it
        self.setObjectName("settings_dialog")
        self.setWindowTitle(self.tr("Einstellungen"))
        self.settings = settings
        self.changed = False
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.server_url = QLineEdit(settings.server_url, self)
        self.server_url.setObjectName("server_url")
        self.server_url.setAccessibleName(self.tr("Server-Adresse"))
        self.server_url.setAccessibleDescription(
            self.tr(
                "Basisadresse des Extranets, zum Beispiel https://extranet.example.com. Leer "
                "lassen für den eingebauten Demo-Server. Wirkt beim nächsten Start."
            )
        )
        self.server_url.setPlaceholderText(self.tr("leer = eingebauter Demo-Server"))
        # Room for a whole extranet address and the placeholder (the dialog was cut at ~15).
        metrics = self.server_url.fontMetrics()
        self.server_url.setMinimumWidth(
            max(
                metrics.horizontalAdvance("https://extranet.beispiel-versicherung.de"),
                metrics.horizontalAdvance(self.server_url.placeholderText()),
            )
            + 24
        )
        url_label = QLabel(self.tr("&Server-Adresse"), self)
        url_label.setBuddy(self.server_url)
        form.addRow(url_label, self.server_url)
        self.language = QComboBox(self)
        self.language.setObjectName("language")
        self.language.setAccessibleName(self.tr("Sprache"))
        self.language.setAccessibleDescription(
            self.tr("Sprache der Oberfläche. Wirkt beim nächsten Start.")
        )
        for lang in available_languages():
            self.language.addItem(lang.native_name, lang.code)
        current = normalize_language(settings.language)
        self.language.setCurrentIndex(max(0, self.language.findData(current)))
        language_label = QLabel(self.tr("S&prache"), self)
        language_label.setBuddy(self.language)
        form.addRow(language_label, self.language)
        layout.addLayout(form)
        hint = QLabel(
            self.tr(
                "Ohne Server-Adresse startet der eingebaute Demo-Server (nur Demo-Zugänge). "
                "Änderungen werden beim nächsten Start wirksam."
            ),
            self,
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("settings_error")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(message_style("error"))  # readable in dark themes
        self.error_label.hide()
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setTabOrder(self.server_url, self.language)
        self.server_url.textChanged.connect(self._drop_stale_error)

    @Slot(str)
    def _drop_stale_error(self, text: str) -> None:
        """The URL error goes once the address is emptied or usable (a new verdict on OK)."""
        if self.error_label.isVisible() and validate_server_url(text.strip()) is None:
            self.error_label.hide()
            self._shrink_back()

    def _fit_height(self) -> None:
        """Grow so the error line has its own room (nothing overlaps the Sprache box)."""
        layout = self.layout()
        if layout is not None:
            layout.activate()
        hint = self.sizeHint()
        if self.height() < hint.height():
            if self._height_without_error is None:
                self._height_without_error = self.height()
            self.resize(max(self.width(), hint.width()), hint.height())

    def _shrink_back(self) -> None:
        """The error went: give back the room it had (no empty gap left in the dialog)."""
        before, self._height_without_error = self._height_without_error, None
        layout = self.layout()
        if before is None or layout is None:
            return
        layout.activate()
        self.resize(self.width(), max(before, self.sizeHint().height()))

    @Slot()
    def save(self) -> None:
        """Validate and store; stays open with a message if the URL is unusable."""
        url = self.server_url.text().strip()
        problem = validate_server_url(url)
        if problem is not None:
            self.error_label.setText(
                QCoreApplication.translate("SettingsDialog", str(_URL_PROBLEMS[problem]))
            )
            self.error_label.show()
            self._fit_height()
            self.server_url.setFocus()
            return
        language = str(self.language.currentData())
        if url.rstrip("/") != self.settings.server_url:
            self.settings.server_url = url
            self.changed = True
        if language != self.settings.language:
            self.settings.language = language
            self.changed = True
        self.accept()
