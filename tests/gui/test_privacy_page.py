"""The "Datenschutz" page: notice sections, contact from the server config, local data wipe."""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStackedWidget,
)

from desktop.store.crypto import DataKey
from desktop.store.local import LocalStore
from desktop.tasks import TaskRunner
from desktop.views.privacy.local_logs import delete_local_logs
from desktop.views.privacy.page import (
    SECTIONS,
    PrivacyPage,
    connect_why_links,
    open_privacy,
    section_for_finding,
)
from desktop.views.privacy.why_popup import WhyPopup


class PageServices:
    """The page's collaborators: a store (memory-only unless given), a task runner, config."""

    def __init__(self, store: LocalStore | None = None, config: dict[str, Any] | None = None):
        self.store = store if store is not None else LocalStore(Path(tempfile.mkdtemp()), None)
        self.tasks = TaskRunner()
        self.config = config

    def page(self) -> PrivacyPage:
        return PrivacyPage(self.store, self.tasks, self.config)


CONTACT = {
    "name": "Erika Beispiel",
    "organisation": "<b>Datenschutz GmbH</b>",
    "address": "Musterweg 1\n12345 Musterstadt",
    "phone": "+49 30 1234567",
    "email": "datenschutz@example.org",
}


def _all_text(page: PrivacyPage) -> str:
    return "\n".join(label.text() for label in page.findChildren(QLabel))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[LocalStore]:
    s = LocalStore(tmp_path, DataKey.generate())
    yield s
    s.close()


def test_page_presents_every_part_of_the_notice(qtbot) -> None:
    page = PageServices().page()
    qtbot.addWidget(page)
    assert page.sections() == SECTIONS
    text = _all_text(page)
    for needle in (
        "Nachname",
        "Telefon",
        "Kfz-Kennzeichen",
        "Versicherungsscheinnummer",
        "Servicenummer",
        "Einwilligung",
        "Gewerkschaftszugehörigkeit",
        "Gesundheit",
        "„Bitte laut und deutlich klingeln.“",
        "länger, um die Tür zu öffnen",
        "Personen",
        "Aufnahme",
        "soziale",
        "nach 7 Tagen",
        "Sitzungs-Cookie",
        "Ticket-System",
        "Art. 15 DSGVO",
    ):
        assert needle in text, needle
    for label in page.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText


def test_contact_before_and_after_login_is_plain_text(qtbot) -> None:
    services = PageServices()
    page = services.page()
    qtbot.addWidget(page)
    contact = page.findChild(QLabel, "privacy_contact")
    assert "nach der Anmeldung verfügbar" in contact.text()
    services.config = {"privacy_contact": CONTACT, "draft_retention_days": 3}
    page.apply_config(services.config)
    assert contact.text().splitlines() == [
        "Erika Beispiel",
        "<b>Datenschutz GmbH</b>",
        "Musterweg 1",
        "12345 Musterstadt",
        "Telefon: +49 30 1234567",
        "E-Mail: datenschutz@example.org",
    ]
    assert contact.textFormat() == Qt.TextFormat.PlainText
    facts = page.findChild(QLabel, "local_data_facts").text()
    assert "nach 3 Tagen ohne Änderung" in facts
    assert "Protokolle werden nach 7 Tagen gelöscht" in facts
    assert "verschlüsselt" not in facts  # memory-only store: nothing is on disk to encrypt


def test_memory_only_store_is_stated(qtbot, tmp_path: Path) -> None:
    store = LocalStore(tmp_path, None)
    page = PageServices(store).page()
    qtbot.addWidget(page)
    assert "kein Schlüsselbund" in page.findChild(QLabel, "local_data_facts").text()
    store.close()


def test_show_section_scrolls_and_focuses_heading(qtbot) -> None:
    page = PageServices().page()
    qtbot.addWidget(page)
    page.resize(600, 300)
    page.show()
    qtbot.waitExposed(page)
    scroll = page.findChild(QObject, "privacy_scroll")
    page.show_section("postbox")
    bar = scroll.verticalScrollBar()
    assert bar.value() > 0
    heading = page.heading("postbox")
    assert heading.visibleRegion().boundingRect().height() > 0
    page.show_section("nonsense")
    assert bar.value() == 0


def test_page_fits_the_window_width_without_sideways_scrolling(qtbot) -> None:
    page = PageServices().page()
    qtbot.addWidget(page)
    page.resize(800, 600)  # the page area of a main window on a small office screen
    page.show()
    qtbot.waitExposed(page)
    scroll = page.findChild(QScrollArea, "privacy_scroll")
    qtbot.waitUntil(lambda: scroll.widget().width() <= scroll.viewport().width())
    assert scroll.horizontalScrollBar().maximum() == 0  # no paragraph cut off at the right


@pytest.mark.parametrize(
    ("category", "field", "section"),
    [
        ("health", "bemerkungen", "free_text"),
        ("judgement", "beschreibung", "postbox"),
        ("name_misuse", "nachname", "mandatory"),
        ("faces", None, "photos"),
    ],
)
def test_section_for_finding(category: str, field: str | None, section: str) -> None:
    assert section_for_finding(category, field) == section
    assert section in SECTIONS


def _open_confirm(qtbot, page: PrivacyPage) -> QMessageBox:
    qtbot.mouseClick(page.findChild(QPushButton, "wipe_local_data"), Qt.MouseButton.LeftButton)
    box = page.findChild(QMessageBox, "wipe_confirm")
    assert box is not None
    assert box.isVisible()
    return box


def test_cancel_keeps_data(qtbot, store: LocalStore) -> None:
    store.save_draft("d1", "quick", {"nachname": "Muster"})
    page = PageServices(store).page()
    qtbot.addWidget(page)
    box = _open_confirm(qtbot, page)
    # Escape is "Abbrechen", never the destructive choice
    assert box.escapeButton() is box.defaultButton()
    box.escapeButton().click()
    assert store.load_draft("d1") == {"nachname": "Muster"}


def test_confirmed_wipe_deletes_drafts_and_logs(qtbot, store: LocalStore) -> None:
    store.save_draft("d1", "quick", {"nachname": "Muster"})
    logs = store.data_dir / "logs"
    logs.mkdir()
    (logs / "glasvermittler.log").write_text("x")
    (logs / "glasvermittler.log.2026-11-20").write_text("x")
    page = PageServices(store).page()
    qtbot.addWidget(page)
    box = _open_confirm(qtbot, page)
    with qtbot.waitSignal(page.local_data_wiped, timeout=5000):
        box.findChild(QPushButton, "wipe_confirm_delete").click()
    assert store.load_draft("d1") is None
    assert store.list_drafts() == []
    assert list(logs.iterdir()) == []
    assert "gelöscht" in page.findChild(QLabel, "wipe_status").text()


def test_delete_local_logs_keeps_handler_working(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    logs.mkdir()
    handler = logging.FileHandler(logs / "app.log")
    logger = logging.getLogger()
    logger.addHandler(handler)
    try:
        logging.getLogger("t").error("before")
        assert delete_local_logs(logs) == 1
        assert not (logs / "app.log").exists()
        logging.getLogger("t").error("after")
        handler.flush()
        assert (logs / "app.log").read_text().strip() == "after"
    finally:
        logger.removeHandler(handler)
        handler.close()


class _Window(QMainWindow):
    """Stand-in for MainWindow's page switching."""

    def __init__(self, page: PrivacyPage) -> None:
        super().__init__()
        self.stack = QStackedWidget()
        self.form = QLineEdit()
        self.stack.addWidget(self.form)
        self.stack.addWidget(page)
        self.setCentralWidget(self.stack)
        self.shown: list[str] = []

    def show_page(self, key: str) -> None:
        self.shown.append(key)
        self.stack.setCurrentIndex(1 if key == "privacy" else 0)


def test_why_link_opens_the_section_of_the_finding(qtbot) -> None:
    page = PageServices().page()
    window = _Window(page)
    qtbot.addWidget(window)
    window.resize(700, 400)
    window.show()
    qtbot.waitExposed(window)
    assert not page.isVisible()
    open_privacy(window.show_page, page, "faces")
    assert window.shown == ["privacy"]
    photos = page.heading("photos")
    bar = page.findChild(QScrollArea, "privacy_scroll").verticalScrollBar()
    qtbot.waitUntil(lambda: photos.hasFocus() and bar.value() > 0)
    assert photos.visibleRegion().boundingRect().height() > 0
    assert not page.heading("mandatory").visibleRegion().boundingRect().height()


def test_contents_buttons_jump_to_their_section(qtbot) -> None:
    page = PageServices().page()
    qtbot.addWidget(page)
    page.resize(700, 400)
    page.show()
    qtbot.waitExposed(page)
    buttons = {key: page.findChild(QPushButton, f"toc_{key}") for key in SECTIONS}
    assert all(buttons.values())
    assert buttons["contact"].text() == page.heading("contact").text()
    bar = page.findChild(QScrollArea, "privacy_scroll").verticalScrollBar()
    buttons["contact"].setFocus()
    qtbot.keyClick(buttons["contact"], Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.heading("contact").hasFocus())
    assert bar.value() > 0
    assert page.heading("contact").visibleRegion().boundingRect().height() > 0


def test_why_link_of_a_checked_field_opens_its_section(qtbot) -> None:
    from desktop.widgets.checked_text import CheckedTextEdit

    page = PageServices().page()
    window = _Window(page)
    editor = CheckedTextEdit("beschreibung", parent=window.form)
    qtbot.addWidget(window)
    window.resize(700, 400)
    window.show()
    qtbot.waitExposed(window)
    assert connect_why_links(window, window.show_page, page) == 1
    editor.why_requested.emit("health")
    assert window.shown == []  # explained in place: the form stays
    popup = window.findChild(WhyPopup, "why_popup")
    assert popup is not None
    qtbot.waitUntil(popup.isVisible)
    assert popup.heading.text() == page.heading("postbox").text()
    assert popup.heading.textFormat() == Qt.TextFormat.PlainText
    assert popup.paragraphs
    qtbot.keyClick(popup.page_button, Qt.Key.Key_Space)  # the whole page stays reachable
    qtbot.waitUntil(lambda: window.shown == ["privacy"])
    # the window's focus widget (offscreen, the closed dialog may leave no active window)
    qtbot.waitUntil(lambda: window.focusWidget() is page.heading("postbox"))


def test_why_in_the_real_quick_view_lands_on_the_free_text_rules(qtbot, logged_in_window) -> None:
    window = logged_in_window
    window.show()
    window.show_page("quick")
    quick = window.page("quick")
    quick.consent_gate.yes.click()
    quick.freetext_consent.setChecked(True)
    editor = quick.inputs["bemerkungen"]
    editor.setText("Kunde ist schwerhörig")
    why = editor.message.why_button
    qtbot.waitUntil(why.isVisible)
    qtbot.mouseClick(why, Qt.MouseButton.LeftButton)
    page = window.page("privacy")
    assert window.stack.currentWidget() is quick  # explained in place, over the form
    popup = window.findChild(WhyPopup, "why_popup")
    assert popup is not None
    qtbot.waitUntil(popup.isVisible)
    assert popup.heading.text() == page.heading("free_text").text()
    qtbot.keyClick(popup, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not popup.isVisible())
    assert window.stack.currentWidget() is quick
    qtbot.mouseClick(why, Qt.MouseButton.LeftButton)
    popup = next(p for p in window.findChildren(WhyPopup, "why_popup") if p.isVisible())
    popup.page_button.click()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is page)
    bar = page.findChild(QScrollArea, "privacy_scroll").verticalScrollBar()
    heading = page.heading("free_text")
    # offscreen, the main window is not the active window, so focus is not checked here
    qtbot.waitUntil(lambda: bar.value() > 0 and bar.value() == heading.y() - 8)
    assert heading.visibleRegion().boundingRect().height() > 0


def test_real_window_shows_the_servers_contact_and_retention(logged_in_window) -> None:
    config = logged_in_window.services.config
    page = logged_in_window.page("privacy")
    contact = page.findChild(QLabel, "privacy_contact").text()
    server_contact = config["privacy_contact"]
    assert server_contact["email"] in contact
    assert server_contact["name"] in contact
    days = config["draft_retention_days"]
    facts = page.findChild(QLabel, "local_data_facts").text()
    assert (f"nach {days} Tagen" if days != 1 else "nach einem Tag") in facts


def test_wipe_in_the_real_app_empties_drafts_and_outbox_and_stays_usable(
    qtbot, logged_in_window
) -> None:
    services = logged_in_window.services
    store = services.store
    store.save_draft("d-wipe", "quick", {"nachname": "Muster"})
    page = logged_in_window.page("privacy")
    box = _open_confirm(qtbot, page)
    with qtbot.waitSignal(page.local_data_wiped, timeout=10_000):
        box.findChild(QPushButton, "wipe_confirm_delete").click()
    assert services.store.list_drafts() == []
    assert services.outbox.pending_count() == 0
    services.store.save_draft("d-after", "quick", {"nachname": "Neu"})
    assert services.store.load_draft("d-after") == {"nachname": "Neu"}
