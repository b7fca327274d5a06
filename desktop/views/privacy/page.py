"""The "Datenschutz" page: the company's privacy notice in the app's words, plus local data.

Sections (keys for :meth:`PrivacyPage.show_section`, used by the "Warum?" links):
``mandatory``, ``consent``, ``free_text``, ``photos``, ``usage_data``, ``postbox``,
``contact``, ``local_data``. :func:`section_for_finding` maps a finding to its section.

All text is plain text (``Qt.PlainText``); server data (the data-protection contact) is never
interpreted as HTML.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from typing_extensions import override

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop import logs
from desktop.store import LocalStore
from desktop.tasks import TaskRunner
from desktop.views.privacy import texts
from desktop.views.privacy.local_logs import delete_local_logs, log_dir_for
from desktop.views.privacy.why_popup import WhyPopup
from desktop.widgets.checked_text import CheckedTextEdit
from desktop.widgets.company import company_name

log = logging.getLogger(__name__)

SECTIONS = texts.SECTIONS
LOG_RETENTION_DAYS = logs.RETENTION_DAYS
DEFAULT_DRAFT_RETENTION_DAYS = 7


def section_for_finding(category: str, field: str | None = None) -> str:
    """Section that explains a finding of ``category`` in ``field`` (for "Warum?" links).

    Args:
        category: privacy finding category ("health", "judgement", …) or an image warning
            code ("faces", "document", …).
        field: the API field name the finding belongs to, if any.
    """
    if field in ("betreff", "beschreibung"):
        return "postbox"
    if field == "nachname" or category == "name_misuse":
        return "mandatory"
    if category in ("faces", "document", "metadata", "gps", "image"):
        return "photos"
    if category in ("consent", "long_text", "extensive"):
        return "consent"
    return "free_text"


def open_privacy(
    show_page: Callable[[str], None],
    page: PrivacyPage,
    category: str | None = None,
    field: str | None = None,
) -> None:
    """Show the privacy page at the section explaining a finding.

    This is what a "Warum?" link calls: ``show_page("privacy")`` (the main window's) plus
    :meth:`PrivacyPage.show_section` with :func:`section_for_finding` (the top of the page when
    neither ``category`` nor ``field`` is given).
    """
    show_page("privacy")
    page.show_section(section_for_finding(category or "", field) if category or field else "")


def connect_why_links(root: QWidget, show_page: Callable[[str], None], page: PrivacyPage) -> int:
    """Let every checked free-text field below ``root`` explain its finding on "Warum?".

    Connects ``why_requested(category)`` of each ``CheckedTextEdit`` / ``CheckedLineEdit``
    to :func:`explain_in_place` with the field's engine field: the section that explains
    the finding opens over the form, with a button to the whole page (:func:`open_privacy`).

    Returns:
        Number of fields connected.
    """
    editors = root.findChildren(CheckedTextEdit)
    for editor in editors:
        editor.why_requested.connect(
            lambda category="", e=editor: explain_in_place(e, show_page, page, str(category or ""))
        )
    return len(editors)


def explain_in_place(
    editor: CheckedTextEdit, show_page: Callable[[str], None], page: PrivacyPage, category: str
) -> WhyPopup:
    """ "Warum?": the notice's section for ``category`` in ``editor``'s field, over the form."""
    field = editor.engine_field
    popup = WhyPopup(
        section_for_finding(category, field),
        lambda: open_privacy(show_page, page, category, field),
        editor.window(),
        company=page.company,
    )
    popup.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    popup.open()
    return popup


def _label(text: str, *, selectable: bool = False) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class PrivacyPage(QWidget):
    """Readable privacy notice, the data-protection contact and "Alle lokalen Daten löschen".

    Args:
        store: The local store ("Alle lokalen Daten löschen", what is kept where).
        tasks: The app's task runner (the wipe runs on its "db" pool).
        config: The server configuration if already loaded (:meth:`apply_config` later).
        parent: optional parent widget.

    Signals:
        local_data_wiped: emitted after "Alle lokalen Daten löschen" completed.
    """

    local_data_wiped = Signal()

    def __init__(
        self,
        store: LocalStore,
        tasks: TaskRunner,
        config: Mapping[str, Any] | None = None,
        parent: QWidget | None = None,
        *,
        wipe_server: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("privacy_page")
        self._store = store
        self._tasks = tasks
        self._wipe_server = wipe_server
        self._server_config: Mapping[str, Any] = {}
        self._headings: dict[str, QLabel] = {}
        self._paragraphs: dict[str, list[QLabel]] = {}
        self._toc: dict[str, QPushButton] = {}
        self.company = company_name(config)
        self._confirm: QMessageBox | None = None
        self._pending_section = ""

        self._scroll = QScrollArea(self)
        self._scroll.setObjectName("privacy_scroll")
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setAccessibleName(self.tr("Datenschutzhinweise"))
        self._scroll.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self._scroll)

        content = QWidget()
        content.setObjectName("privacy_content")
        self._body = QVBoxLayout(content)
        self._body.setSpacing(8)
        self._body.setContentsMargins(16, 12, 16, 16)
        self._scroll.setWidget(content)
        self._build()

        self.apply_config(config)

    # ----------------------------------------------------------------- building
    def _build(self) -> None:
        title = _label(self.tr("Datenschutz bei der Vermittlung"))
        title.setObjectName("privacy_title")
        self._set_heading_font(title, 1.5)
        self._body.addWidget(title)
        self._intro = _label(texts.intro(self.company))
        self._body.addWidget(self._intro)
        sections = texts.sections(self.company)
        self._build_contents([(key, heading) for key, heading, _ in sections])
        for key, heading, paragraphs in sections:
            self._add_heading(key, heading)
            self._paragraphs[key] = [_label(paragraph) for paragraph in paragraphs]
            for label in self._paragraphs[key]:
                self._body.addWidget(label)
            if key == "contact":
                self._contact = _label("", selectable=True)
                self._contact.setObjectName("privacy_contact")
                self._body.addWidget(self._contact)
            elif key == "local_data":
                self._build_local_data()
        self._body.addStretch(1)

    def _build_contents(self, entries: list[tuple[str, str]]) -> None:
        """A grid of flat buttons, one per section (keyboard and 200 % friendly)."""
        box = QWidget()
        box.setObjectName("privacy_contents")
        box.setAccessibleName(self.tr("Inhalt"))
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 4, 0, 4)
        columns = 2  # 4 pushed the page wider than the window: paragraphs cut off at the right
        for index, (key, heading) in enumerate(entries):
            button = QPushButton(box)
            button.setObjectName(f"toc_{key}")
            button.setFlat(True)
            button.setAutoDefault(False)
            self._toc[key] = button
            self._set_toc_text(button, heading)
            button.setStyleSheet("text-align: left; text-decoration: underline;")
            button.clicked.connect(lambda _checked=False, k=key: self.show_section(k))
            grid.addWidget(button, index // columns, index % columns)
        self._body.addWidget(box)

    def _set_toc_text(self, button: QPushButton, heading: str) -> None:
        button.setText(heading.replace("&", "&&"))  # the company's name may hold an "&"
        button.setAccessibleName(self.tr("Zum Abschnitt: %1").replace("%1", heading))

    def _name_company(self, company: str) -> None:
        """Put ``company`` into every sentence that names the company."""
        if company == self.company:
            return
        self.company = company
        self._intro.setText(texts.intro(company))
        for key, heading, paragraphs in texts.sections(company):
            self._headings[key].setText(heading)
            self._headings[key].setAccessibleName(heading)
            self._set_toc_text(self._toc[key], heading)
            for label, text in zip(self._paragraphs[key], paragraphs, strict=True):
                label.setText(text)

    def _build_local_data(self) -> None:
        self._local = _label("")
        self._local.setObjectName("local_data_facts")
        self._body.addWidget(self._local)
        self._wipe = QPushButton(self.tr("Alle lokalen Daten &löschen …"))
        self._wipe.setObjectName("wipe_local_data")
        self._wipe.setAccessibleName(self.tr("Alle lokalen Daten löschen"))
        self._wipe.setAccessibleDescription(texts.wipe_explanation())
        self._wipe.clicked.connect(self.ask_wipe)
        self._body.addWidget(_label(texts.wipe_explanation()))
        self._body.addWidget(self._wipe, 0, Qt.AlignmentFlag.AlignLeft)
        self._status = _label("")
        self._status.setObjectName("wipe_status")
        self._status.setAccessibleName(self.tr("Status"))
        self._status.hide()
        self._body.addWidget(self._status)
        self._update_local_facts()

    def _add_heading(self, key: str, text: str) -> None:
        heading = _label(text)
        heading.setObjectName(f"section_{key}")
        heading.setAccessibleName(text)
        heading.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self._set_heading_font(heading, 1.2)
        self._headings[key] = heading
        self._body.addSpacing(8)
        self._body.addWidget(heading)

    @staticmethod
    def _set_heading_font(label: QLabel, scale: float) -> None:
        font = QFont(label.font())
        font.setBold(True)
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * scale)
        label.setFont(font)

    # ----------------------------------------------------------------- public API
    def sections(self) -> tuple[str, ...]:
        """The section keys in display order."""
        return tuple(self._headings)

    def show_section(self, name: str) -> None:
        """Scroll ``name``'s heading to the top and give it focus (for screen readers).

        Unknown names show the top of the page.
        """
        self._pending_section = name
        self._apply_section()
        if not self.isVisible():
            return  # showEvent applies it once the page has its real size
        # the layout of a page that was hidden until now settles in the next event loop turn
        QTimer.singleShot(0, self._apply_deferred)

    def _apply_deferred(self) -> None:
        if self._pending_section:
            self._apply_section()
            self._pending_section = ""  # later visits via the navigation start at the top

    def _apply_section(self) -> None:
        name = self._pending_section
        heading = self._headings.get(name)
        bar = self._scroll.verticalScrollBar()
        if heading is None:
            bar.setValue(0)
            return
        self._body.activate()
        bar.setValue(heading.y() - 8)
        heading.setFocus(Qt.FocusReason.OtherFocusReason)

    @override
    def showEvent(self, event: QShowEvent) -> None:
        """Scroll to a section requested while the page was hidden."""
        super().showEvent(event)
        if self._pending_section:
            QTimer.singleShot(0, self._apply_deferred)

    def heading(self, name: str) -> QLabel:
        """The heading label of section ``name`` (KeyError if unknown)."""
        return self._headings[name]

    # ----------------------------------------------------------------- data
    def _config(self) -> Mapping[str, Any]:
        return self._server_config

    def apply_config(self, config: Mapping[str, Any] | None) -> None:
        """Show the company's name, data-protection contact and retention of ``GET /config``."""
        self._server_config = config or {}
        if config is not None:
            self._name_company(company_name(config))
        contact = config.get("privacy_contact") if isinstance(config, Mapping) else None
        if isinstance(contact, Mapping):
            self._contact.setText(texts.contact_block(contact))
        elif not self._contact.text():
            self._contact.setText(self.tr("Kontaktdaten: nach der Anmeldung verfügbar."))
        self._update_local_facts()

    def _retention_days(self) -> int:
        days = self._config().get("draft_retention_days")
        if isinstance(days, int) and not isinstance(days, bool) and days > 0:
            return days
        stored = self._store.retention_days
        return stored if stored > 0 else DEFAULT_DRAFT_RETENTION_DAYS

    def _data_dir(self) -> Path:
        return self._store.data_dir

    def _update_local_facts(self) -> None:
        memory_only = self._store.memory_only
        self._local.setText(
            texts.local_facts(
                retention_days=self._retention_days(),
                log_days=LOG_RETENTION_DAYS,
                memory_only=memory_only,
                location=str(self._data_dir()),
            )
        )

    # ----------------------------------------------------------------- wiping
    def ask_wipe(self) -> None:
        """Ask for confirmation (non-modal to the event loop); "Endgültig löschen" wipes."""
        box = QMessageBox(self)
        box.setObjectName("wipe_confirm")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Alle lokalen Daten löschen?"))
        box.setText(self.tr("Alle lokalen Daten dieser App von diesem PC löschen?"))
        box.setInformativeText(texts.wipe_explanation())
        box.setTextFormat(Qt.TextFormat.PlainText)
        delete = box.addButton(self.tr("Endgültig löschen"), QMessageBox.ButtonRole.DestructiveRole)
        delete.setObjectName("wipe_confirm_delete")
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.buttonClicked.connect(lambda button: self._confirmed(button is delete))
        self._confirm = box
        box.open()

    def _confirmed(self, yes: bool) -> None:
        self._confirm = None
        if yes:
            self.wipe_local_data()

    def wipe_local_data(self) -> None:
        """Wipe the store (``LocalStore.wipe_all``) and the local logs on the "db" pool."""
        self._wipe.setEnabled(False)
        store = self._store
        log_dir = log_dir_for(self._data_dir())

        wipe_server = self._wipe_server  # the embedded demo server's data, if any

        def work() -> int:
            store.wipe_all()
            if wipe_server is not None:
                wipe_server()
            return delete_local_logs(log_dir)

        self._tasks.run(work, on_done=self._wiped, on_error=self._wipe_failed, pool="db")

    def _wiped(self, _deleted_logs: object = None) -> None:
        log.info("local data wiped from the privacy page")
        self._wipe.setEnabled(True)
        self._show_status(self.tr("Alle lokalen Daten wurden gelöscht."))
        self._update_local_facts()
        self.local_data_wiped.emit()

    def _wipe_failed(self, exc: object) -> None:
        log.warning("wiping local data failed: %s", type(exc).__name__)
        self._wipe.setEnabled(True)
        self._show_status(
            self.tr(
                "Die lokalen Daten konnten nicht vollständig gelöscht werden. Bitte beenden "
                "Sie die App und versuchen Sie es erneut."
            )
        )

    def _show_status(self, text: str) -> None:
        self._status.setText(text)
        self._status.setAccessibleDescription(text)
        self._status.show()
