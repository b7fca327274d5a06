"""Login dialog: Benutzername, Passwort, optional "Anmeldung merken" in the OS keychain.

The dialog opens with the main window and takes input at once: the keychain is asked on a
pool thread (backend discovery is slow) and a login submitted before the embedded server is
up waits for it, saying so ("Demo-Server startet …").

Without a keychain (``keyring.errors.NoKeyringError``, e.g. headless Linux) the checkbox is
disabled and the dialog says that the password is asked for each time; nothing is ever stored
in plain text.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME, secrets
from desktop.models.problem_texts import PROBLEM_SENTENCES, problem_sentence
from desktop.widgets.theme import message_style

if TYPE_CHECKING:
    from desktop.services import Services

__all__ = ["LoginDialog", "backend_failed_text", "login_error_text"]

log = logging.getLogger(__name__)


def login_error_text(exc: BaseException) -> str:
    """German explanation of a failed login (never echoes what the user typed)."""
    # lazy heavy import (requests): the dialog opens before the API client is loaded
    from desktop.api import (
        ApiError,
        NetworkError,
        NotAuthenticated,
        RateLimited,
        ServerUnavailable,
    )

    def tr(text: str) -> str:
        return QCoreApplication.translate("LoginDialog", text)

    if isinstance(exc, NotAuthenticated):
        return tr("Benutzername oder Passwort ist falsch.")
    if isinstance(exc, RateLimited):
        seconds = int(exc.retry_after or 60)
        return tr("Zu viele Versuche. Bitte in {n} Sekunden erneut versuchen.").format(n=seconds)
    if isinstance(exc, NetworkError):
        return tr("Der Server ist nicht erreichbar. Bitte die Verbindung prüfen.")
    if isinstance(exc, ServerUnavailable):
        return tr("Der Server ist gerade nicht verfügbar. Bitte später erneut versuchen.")
    if isinstance(exc, ApiError) and exc.code in PROBLEM_SENTENCES:
        return problem_sentence(exc.code)
    return QCoreApplication.translate(
        "LoginDialog", "Die Anmeldung ist fehlgeschlagen. Bitte versuchen Sie es erneut."
    )


def backend_failed_text() -> str:
    """German note that the embedded server did not start (details are in the log)."""
    return QCoreApplication.translate(
        "LoginDialog",
        "Der eingebaute Demo-Server konnte nicht gestartet werden. Details stehen in der "
        "Protokolldatei.",
    )


def _ask_keychain(remember: bool, server: str) -> tuple[bool, secrets.RememberedLogin | None]:
    """Worker side: is there a keychain, and the login remembered for ``server`` (if any)."""
    available = secrets.keychain_available()
    return available, (secrets.remembered_login(server) if available and remember else None)


class LoginDialog(QDialog):
    """Asks for login and password and logs in through ``services`` (non-blocking).

    The dialog closes with ``accept()`` once ``services.logged_in`` fires.

    Signals:
        settings_requested(): "Einstellungen …" was clicked (server URL, language).
    """

    settings_requested = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("login_dialog")
        self.setWindowTitle(self.tr("Anmelden – {app}").format(app=APP_NAME))
        self.services = services
        self._busy = False
        self.keychain = False  # until the pool thread has asked the keychain
        self.keychain_checked = False
        layout = QVBoxLayout(self)
        self._build_intro(layout, demo=services.embedded)
        self._build_form(layout)
        self._build_notes(layout)
        self._build_buttons(layout)
        self.setTabOrder(self.login_edit, self.password_edit)
        self.setTabOrder(self.password_edit, self.remember)
        self.setTabOrder(self.remember, self.login_button)
        self.setTabOrder(self.login_button, self.cancel_button)
        self.setTabOrder(self.cancel_button, self.settings_button)

        services.logged_in.connect(self._on_logged_in)
        services.login_failed.connect(self._on_failed)
        services.waiting_for_backend.connect(self._on_waiting_for_backend)
        services.backend_failed.connect(self._on_backend_failed)
        self.login_edit.setFocus()
        remember = services.settings.remember_login
        services.tasks.run(
            _ask_keychain,
            remember,
            services.server_identity,
            on_done=self._setup_keychain,
            pool="db",
        )

    # ------------------------------------------------------------------ building
    def _build_intro(self, layout: QVBoxLayout, *, demo: bool) -> None:
        intro = QLabel(self.tr("Bitte mit dem Extranet-Zugang anmelden."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        if demo:
            hint = QLabel(
                self.tr("Demo-Modus: eingebauter Server, Zugang „demo“ / Passwort „demo“."), self
            )
            hint.setObjectName("login_demo_hint")
            hint.setWordWrap(True)
            layout.addWidget(hint)

    def _build_form(self, layout: QVBoxLayout) -> None:
        form = QFormLayout()
        self.login_edit = QLineEdit(self)
        self.login_edit.setObjectName("login")
        self.login_edit.setAccessibleName(self.tr("Benutzername"))
        self.login_edit.setAccessibleDescription(self.tr("Ihr Benutzername für das Extranet."))
        login_label = QLabel(self.tr("&Benutzername"), self)
        login_label.setBuddy(self.login_edit)
        form.addRow(login_label, self.login_edit)
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("password")
        self.password_edit.setAccessibleName(self.tr("Passwort"))
        self.password_edit.setAccessibleDescription(
            self.tr(
                "Ihr Extranet-Passwort. Gespeichert wird es nur mit „Anmeldung merken“, und nur im"
                " Schlüsselbund des Betriebssystems."
            )
        )
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        password_label = QLabel(self.tr("&Passwort"), self)
        password_label.setBuddy(self.password_edit)
        form.addRow(password_label, self.password_edit)
        layout.addLayout(form)

    def _build_notes(self, layout: QVBoxLayout) -> None:
        self.remember = QCheckBox(self.tr("Anmeldung &merken"), self)
        self.remember.setObjectName("remember_login")
        self.remember.setAccessibleName(self.tr("Anmeldung merken"))
        self.remember.setEnabled(False)
        layout.addWidget(self.remember)
        self.keychain_note = QLabel(self)
        self.keychain_note.setObjectName("keychain_note")
        self.keychain_note.setWordWrap(True)
        self.keychain_note.hide()
        layout.addWidget(self.keychain_note)

        self.error_label = QLabel(self)
        self.error_label.setObjectName("login_error")
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)  # server text: never markup
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(message_style("error"))  # readable in dark themes
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.hide()
        layout.addWidget(self.error_label)

    def _build_buttons(self, layout: QVBoxLayout) -> None:
        self.buttons = QDialogButtonBox(self)
        self.login_button = QPushButton(self.tr("&Anmelden"), self)
        self.login_button.setObjectName("login_button")
        self.login_button.setDefault(True)
        self.buttons.addButton(self.login_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("login_cancel")
        self.settings_button = QPushButton(self.tr("&Einstellungen …"), self)
        self.settings_button.setObjectName("login_settings")
        self.settings_button.setAutoDefault(False)
        self.settings_button.clicked.connect(self.settings_requested)
        self.buttons.addButton(self.settings_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    # ------------------------------------------------------------------ keychain
    @Slot(object)
    def _setup_keychain(self, answer: tuple[bool, secrets.RememberedLogin | None]) -> None:
        """GUI side: the keychain's answer (this server's remembered login only); what the user
        typed meanwhile is kept."""
        self.keychain, remembered = answer
        self.keychain_checked = True
        typed = bool(self.login_edit.text() or self.password_edit.text())
        if not self.keychain:
            self.remember.setChecked(False)
            self.remember.setEnabled(False)
            self.keychain_note.setText(
                self.tr(
                    "Kein Schlüsselbund des Betriebssystems verfügbar: Die Anmeldung kann "
                    "nicht gespeichert werden, das Passwort wird bei jeder Anmeldung abgefragt."
                )
            )
            self.keychain_note.show()
            return
        self.keychain_note.hide()
        self.remember.setEnabled(not self._busy)
        if typed:
            return
        if remembered is not None:
            self.login_edit.setText(remembered.login)
            self.password_edit.setText(remembered.password)
            self.remember.setChecked(True)
            self.login_button.setFocus()
        else:
            self.login_edit.setFocus()

    def _store_choice(self, login: str, password: str) -> None:
        settings = self.services.settings
        if not self.keychain:
            return
        server = self.services.server_identity
        if self.remember.isChecked():
            try:
                secrets.remember_login(server, login, password)
            except secrets.KeychainUnavailableError:
                settings.remember_login = False
                log.info("keychain refused the remembered login")
                return
            settings.remember_login = True
        elif settings.remember_login:
            secrets.forget_login(server)
            settings.remember_login = False

    # ------------------------------------------------------------------ flow
    @Slot()
    def submit(self) -> None:
        """Start the login (ignored while one is running or fields are empty)."""
        if self._busy:
            return
        login = self.login_edit.text().strip()
        if not login or not self.password_edit.text():
            self._show_error(self.tr("Bitte Benutzername und Passwort eingeben."))
            (self.password_edit if login else self.login_edit).setFocus()
            return
        if self.services.backend_error is not None:
            self._show_error(backend_failed_text())
            return
        self._set_busy(True)
        self.error_label.hide()
        self.services.login(login, self.password_edit.text())

    @Slot()
    def _on_waiting_for_backend(self) -> None:
        if self._busy:
            self.login_button.setText(self.tr("Demo-Server startet …"))
            announce_text = self.tr("Der Demo-Server startet. Die Anmeldung wird danach gesendet.")
            self.login_button.setAccessibleDescription(announce_text)

    @Slot(str)
    def _on_backend_failed(self, _reason: str) -> None:
        if self._busy:
            self._set_busy(False)
            self._show_error(backend_failed_text())

    @Slot()
    def _on_logged_in(self) -> None:
        if not self._busy:
            return
        self._store_choice(self.login_edit.text().strip(), self.password_edit.text())
        self._set_busy(False)
        self.password_edit.clear()
        self.accept()

    @Slot(object)
    def _on_failed(self, exc: BaseException) -> None:
        if not self._busy:
            return
        self._set_busy(False)
        self._show_error(login_error_text(exc))
        self.password_edit.selectAll()
        self.password_edit.setFocus()

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setAccessibleName(text)
        self.error_label.show()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.login_edit, self.password_edit, self.remember, self.login_button):
            widget.setEnabled(not busy and (widget is not self.remember or self.keychain))
        self.login_button.setText(self.tr("Anmeldung läuft …") if busy else self.tr("&Anmelden"))
        self.login_button.setAccessibleDescription("")

    @property
    def busy(self) -> bool:
        """True while a login request runs."""
        return self._busy
