"""Main window: navigation on the left, one page per feature, banner and status bar.

Pages are placeholders until :func:`desktop.views.pages.install_pages` replaces them with
``set_page(key, widget)``; so the window can be shown before the feature modules are imported.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from typing_extensions import override

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QObject,
    QPoint,
    QSize,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME
from desktop.widgets.message_bar import MessageBar

if TYPE_CHECKING:
    from desktop.services import Services

__all__ = [
    "NAV_KEYS",
    "PAGE_KEYS",
    "MainWindow",
    "PendingCorrections",
    "QuitLoss",
    "SessionEnd",
    "nav_title",
]

log = logging.getLogger(__name__)


class SessionEnd(Protocol):
    """What the window uses of the ``QSessionManager`` of a desktop session that ends."""

    def allowsInteraction(self) -> bool: ...  # noqa: N802 (Qt's name)

    def cancel(self) -> None: ...

    def release(self) -> None: ...


PendingCorrections = Callable[[], Sequence[str]]
"""Titles of the wizards holding changed, unsent corrections of refused referrals."""


@dataclass(frozen=True, slots=True)
class QuitLoss:
    """What quitting now would lose: memory-only drafts and outbox items (no keychain), and
    the wizards (titles) with unsent corrections of refused referrals."""

    drafts: int = 0
    waiting: int = 0
    corrections: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.drafts or self.waiting or self.corrections)


PAGE_KEYS = ("quick", "complete", "drafts", "referrals", "postbox", "privacy")
"""Pages named in the contract (navigation objectNames ``nav_<key>``)."""

NAV_KEYS = ("quick", "complete", "drafts", "referrals", "postbox", "outbox", "privacy")
"""Every navigation entry in display order (``outbox`` = Postausgang)."""

_CONTEXT = "MainWindow"
_TITLES = {
    "quick": QT_TRANSLATE_NOOP(_CONTEXT, "Schnellvermittlung"),
    "complete": QT_TRANSLATE_NOOP(_CONTEXT, "Komplettvermittlung"),
    "drafts": QT_TRANSLATE_NOOP(_CONTEXT, "Entwürfe"),
    "referrals": QT_TRANSLATE_NOOP(_CONTEXT, "Meine Vermittlungen"),
    "postbox": QT_TRANSLATE_NOOP(_CONTEXT, "Postkorb"),
    "outbox": QT_TRANSLATE_NOOP(_CONTEXT, "Postausgang"),
    "privacy": QT_TRANSLATE_NOOP(_CONTEXT, "Datenschutz"),
}
_CONNECTION_TEXTS = {
    "connecting": QT_TRANSLATE_NOOP(_CONTEXT, "Verbindung wird hergestellt …"),
    "logged-out": QT_TRANSLATE_NOOP(_CONTEXT, "Nicht angemeldet"),
    "online": QT_TRANSLATE_NOOP(_CONTEXT, "Verbunden"),
    "offline": QT_TRANSLATE_NOOP(_CONTEXT, "Offline"),
}


def nav_title(key: str) -> str:
    """Translated title of a navigation entry."""
    return QCoreApplication.translate(_CONTEXT, str(_TITLES[key]))


class MainWindow(QMainWindow):
    """The application window.

    Args:
        services: Shared app services (connection state, login state).

    Attributes:
        message_bar: Banner above the pages for app-wide notes.

    Signals:
        page_changed(str key): another page became current.
        logout_requested(), settings_requested(), login_requested(): menu actions.
        closing(): the window is about to close (the app shuts services down).
    """

    page_changed = Signal(str)
    logout_requested = Signal()
    login_requested = Signal()
    settings_requested = Signal()
    closing = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.services = services
        self.controller: QObject | None = None  # the app's AppController (desktop.app.build)
        self._pages: dict[str, QWidget] = {}
        self._nav: dict[str, QPushButton] = {}
        self._badges: dict[str, int] = {}
        self._quit_confirmed = False  # "Trotzdem beenden" was chosen
        self._pending_corrections: PendingCorrections = tuple  # set by the wizards' shell
        self.resize(1100, 760)
        self._build_central()
        self._build_menu()
        self._build_status_bar()
        self._update_title()
        self._on_login_state()
        services.connection_changed.connect(self._on_connection_changed)
        services.logged_in.connect(self._on_login_state)
        services.logged_out.connect(self._on_login_state)
        self._on_connection_changed(services.connection_state)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):  # log out / shut down asks like "Beenden"
            app.commitDataRequest.connect(self.commit_session_data)
        self.show_page("quick")
        self._fit_to_screen()

    def _fit_to_screen(self) -> None:
        """The preferred size, but never beyond the screen's free area (e.g. 200 % scaling
        on a laptop), title bar and frame included; centred on that area."""
        available = self.screen().availableGeometry()
        room = available.size() - QSize(16, 48)  # window frame and title bar
        size = self.size().boundedTo(room).expandedTo(self.minimumSizeHint())
        self.resize(size)
        self.move(available.center() - QPoint(size.width() // 2, (size.height() + 32) // 2))

    # ------------------------------------------------------------------ building
    def _build_central(self) -> None:
        central = QWidget(self)
        outer = QHBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        nav = QFrame(central)
        nav.setObjectName("navigation")
        nav.setAccessibleName(self.tr("Navigation"))
        nav.setFrameShape(QFrame.Shape.StyledPanel)
        nav_layout = QVBoxLayout(nav)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        for index, key in enumerate(NAV_KEYS, start=1):
            button = QPushButton(nav_title(key), nav)
            button.setObjectName(f"nav_{key}")
            button.setCheckable(True)
            button.setFlat(True)
            button.setStyleSheet("text-align: left; padding: 6px 12px;")
            button.setShortcut(QKeySequence(f"Ctrl+{index}"))
            button.setToolTip(f"{nav_title(key)} (Strg+{index})")
            button.setAccessibleName(nav_title(key))
            button.clicked.connect(lambda _checked=False, k=key: self.show_page(k))
            self._group.addButton(button)
            nav_layout.addWidget(button)
            self._nav[key] = button
        nav_layout.addStretch(1)
        outer.addWidget(nav)

        right = QWidget(central)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 8, 8, 0)
        self.message_bar = MessageBar(right)
        right_layout.addWidget(self.message_bar)
        self.stack = QStackedWidget(right)
        self.stack.setObjectName("pages")
        right_layout.addWidget(self.stack, 1)
        outer.addWidget(right, 1)
        for key in NAV_KEYS:
            self._add_page(key, self._placeholder(key, self.tr("Wird geladen …")))
        self.setCentralWidget(central)
        for first, second in itertools.pairwise(NAV_KEYS):
            self.setTabOrder(self._nav[first], self._nav[second])

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("Datei"))
        self.login_action = QAction(self.tr("Anmelden …"), self)
        self.login_action.triggered.connect(self.login_requested)
        self.logout_action = QAction(self.tr("Abmelden"), self)
        self.logout_action.triggered.connect(self.logout_requested)
        self.settings_action = QAction(self.tr("Einstellungen …"), self)
        self.settings_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Preferences))
        self.settings_action.triggered.connect(self.settings_requested)
        quit_action = QAction(self.tr("Beenden"), self)
        quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        quit_action.triggered.connect(self.close)
        for action in (self.login_action, self.logout_action, self.settings_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("Hilfe"))
        privacy = QAction(self.tr("Datenschutzhinweise"), self)
        privacy.triggered.connect(lambda: self.show_page("privacy"))
        help_menu.addAction(privacy)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.connection_label = QLabel(bar)
        self.connection_label.setObjectName("connection_state")
        bar.addWidget(self.connection_label)
        self.user_label = QLabel(bar)
        self.user_label.setObjectName("user_label")
        self.user_label.setTextFormat(Qt.TextFormat.PlainText)  # server text: never markup
        bar.addWidget(self.user_label)
        self.outbox_button = QToolButton(bar)
        self.outbox_button.setObjectName("outbox_status")
        self.outbox_button.setAutoRaise(True)
        self.outbox_button.setAccessibleName(nav_title("outbox"))
        self.outbox_button.clicked.connect(lambda: self.show_page("outbox"))
        self.outbox_button.hide()
        bar.addPermanentWidget(self.outbox_button)
        self.demo_badge = QLabel(self.tr("Demo"), bar)
        self.demo_badge.setObjectName("demo_badge")
        self.demo_badge.setToolTip(
            self.tr("Eingebauter Demo-Server: keine echten Vermittlungen, nur Demo-Zugänge.")
        )
        self.demo_badge.setAccessibleName(self.tr("Demo-Modus mit eingebautem Server"))
        self.demo_badge.setStyleSheet(
            "QLabel { background: #c98a00; color: #1a1a1a; font-weight: bold;"
            " padding: 1px 8px; border-radius: 3px; }"
        )
        self.demo_badge.setVisible(self.services.embedded)
        bar.addPermanentWidget(self.demo_badge)

    def _placeholder(self, key: str, text: str) -> QWidget:
        label = QLabel(text, self)
        label.setObjectName(f"placeholder_{key}")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        label.setAccessibleName(f"{nav_title(key)}: {text}")
        return label

    def _add_page(self, key: str, widget: QWidget) -> None:
        self._pages[key] = widget
        self.stack.addWidget(widget)

    # ------------------------------------------------------------------ pages
    def page(self, key: str) -> QWidget:
        """The widget currently installed for ``key`` (placeholder or feature page)."""
        return self._pages[key]

    def current_key(self) -> str:
        """Key of the page on screen."""
        current = self.stack.currentWidget()
        return next((k for k, w in self._pages.items() if w is current), "")

    def set_page(self, key: str, widget: QWidget) -> None:
        """Replace the page under ``key`` (keeps its position and current state)."""
        old = self._pages[key]
        was_current = self.stack.currentWidget() is old
        index = self.stack.indexOf(old)
        self.stack.insertWidget(index, widget)
        self._pages[key] = widget
        self.stack.removeWidget(old)
        old.deleteLater()
        if was_current:
            self.stack.setCurrentWidget(widget)

    def set_placeholder(self, key: str, text: str) -> None:
        """Show a text instead of the page (e.g. why it could not be built)."""
        self.set_page(key, self._placeholder(key, text))

    @Slot(str)
    def show_page(self, key: str) -> None:
        """Make ``key`` the current page and check its navigation entry."""
        widget = self._pages[key]
        self.stack.setCurrentWidget(widget)
        self._nav[key].setChecked(True)
        self.page_changed.emit(key)

    def nav_button(self, key: str) -> QPushButton:
        """The navigation button of ``key``."""
        return self._nav[key]

    def show_status(self, text: str, timeout_ms: int = 10_000) -> None:
        """Show ``text`` in the status bar for ``timeout_ms`` (e.g. a new Postkorb answer)."""
        self.statusBar().showMessage(text, timeout_ms)

    def set_badge(self, key: str, count: int) -> None:
        """Show a counter on a navigation entry (e.g. unread Postkorb messages)."""
        self._badges[key] = max(0, int(count))
        title = nav_title(key)
        button = self._nav[key]
        if self._badges[key]:
            button.setText(f"{title} ({self._badges[key]})")
            what = (
                self.tr("{title}, {n} fehlgeschlagen")
                if key == "outbox"
                else self.tr("{title}, {n} ungelesen")
            )
            button.setAccessibleName(what.format(title=title, n=self._badges[key]))
        else:
            button.setText(title)
            button.setAccessibleName(title)
        self._update_title()

    def badge(self, key: str) -> int:
        """Counter shown on ``key`` (0 if none)."""
        return self._badges.get(key, 0)

    def set_outbox_status(self, text: str) -> None:
        """Status-bar note about the Postausgang ("" hides it)."""
        self.outbox_button.setText(text)
        self.outbox_button.setToolTip(text)
        self.outbox_button.setVisible(bool(text))

    # ------------------------------------------------------------------ state
    def _update_title(self) -> None:
        unread = self._badges.get("postbox", 0)
        if unread:
            self.setWindowTitle(
                self.tr("{app} – Postkorb: {n} ungelesen").format(app=APP_NAME, n=unread)
            )
        else:
            self.setWindowTitle(APP_NAME)

    @Slot(str)
    def _on_connection_changed(self, state: str) -> None:
        text = _CONNECTION_TEXTS.get(state, state)
        self.connection_label.setText(QCoreApplication.translate(_CONTEXT, str(text)))
        self.connection_label.setAccessibleName(
            self.tr("Verbindung: {state}").format(state=self.connection_label.text())
        )

    @Slot()
    def _on_login_state(self) -> None:
        user = self.services.user
        logged_in = user is not None
        self.login_action.setEnabled(not logged_in)
        self.logout_action.setEnabled(logged_in)
        if user is not None:
            name = user.display_name or user.login
            self.user_label.setText(self.tr("Angemeldet: {name}").format(name=name))
        else:
            self.user_label.setText("")

    def unsaved_in_memory(self) -> tuple[int, int]:
        """(drafts, unsent outbox items) that only live in memory (no keychain): lost on quit."""
        services = self.services
        if not services.is_ready or not services.store.memory_only:
            return 0, 0
        waiting = [i for i in services.outbox.items() if i.state != "sent"]
        return len(services.store.list_drafts()), len(waiting)

    def set_pending_corrections(self, source: PendingCorrections) -> None:
        """Where quitting learns which wizards hold unsent corrections (views/pages.py)."""
        self._pending_corrections = source

    def quit_loss(self) -> QuitLoss:
        """What quitting now would lose (empty: quit without asking)."""
        drafts, waiting = self.unsaved_in_memory()
        return QuitLoss(drafts, waiting, tuple(self._pending_corrections()))

    def _ask_quit(self, loss: QuitLoss) -> None:
        """Window-modal question before data is lost; "Trotzdem beenden" quits."""
        box, leave = self._quit_box(loss)
        box.buttonClicked.connect(lambda button: self._quit_answered(button is leave))
        box.finished.connect(box.deleteLater)
        box.open()

    def _quit_box(self, loss: QuitLoss) -> tuple[QMessageBox, QPushButton]:
        """The question before data is lost, listing all of it, and its "Trotzdem beenden"
        button ("Abbrechen" is the default: Enter/Escape never lose data)."""
        box = QMessageBox(self)
        box.setObjectName("quit_confirm")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Beenden?"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        parts = []
        if loss.drafts or loss.waiting:
            parts.append(
                self.tr(
                    "Auf diesem PC ist kein Schlüsselbund verfügbar, daher liegen Ihre Daten nur "
                    "im Arbeitsspeicher. Beim Beenden gehen verloren: Entwürfe: {drafts}, nicht "
                    "gesendete Einträge im Postausgang: {waiting}."
                ).format(drafts=loss.drafts, waiting=loss.waiting)
            )
        if loss.corrections:
            parts.append(
                self.tr(
                    "Nicht gesendete Korrekturen einer fehlgeschlagenen Vermittlung in: "
                    "{wizards}. Beim Beenden gehen die Korrekturen verloren; die Vermittlung "
                    "bleibt unverändert im Postausgang."
                ).format(wizards=", ".join(loss.corrections))
            )
        box.setText("\n\n".join(parts))
        leave = box.addButton(self.tr("Trotzdem beenden"), QMessageBox.ButtonRole.DestructiveRole)
        leave.setObjectName("quit_confirm_quit")
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        return box, leave

    @Slot(object)
    def commit_session_data(self, manager: SessionEnd) -> None:
        """The desktop session is ending (log out, shut down): where the platform lets the app
        interact, the same question as "Beenden"; "Abbrechen" cancels the session's end.

        The session manager waits for the answer, so the question is asked modally here.
        """
        if self._quit_confirmed:
            return
        loss = self.quit_loss()
        if not loss:
            return
        if not manager.allowsInteraction():
            log.warning("session ends without asking: unsaved data cannot be kept")
            return
        box, leave = self._quit_box(loss)
        box.exec()
        leaving = box.clickedButton() is leave
        box.deleteLater()
        manager.release()
        if leaving:
            self._quit_confirmed = True  # the window's close at the session's end asks no more
        else:
            manager.cancel()

    def _quit_answered(self, leave: bool) -> None:
        if leave:
            self._quit_confirmed = True
            self.close()

    @override
    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._quit_confirmed:
            loss = self.quit_loss()
            if loss:
                event.ignore()
                self._ask_quit(loss)
                return
        self.closing.emit()
        super().closeEvent(event)
