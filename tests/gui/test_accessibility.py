"""Keyboard and screen-reader basics, checked by walking the UI with the Tab key.

For every page of the main window (and every step of a stacked page, e.g. wizard steps) the
test presses Tab until focus comes back round and checks that each widget reached has an
accessible name (what a screen reader announces: explicit name, button text or buddy label).
It also checks that every labelled input in a form has its label as buddy with a mnemonic
(Alt+letter); read-only displays outside the tab chain (focus policy NoFocus, e.g. the
Servicenummer) need the buddy relation but no mnemonic, since Alt+letter could not focus
them. Placeholder pages (nothing focusable yet) pass trivially.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

import pytest

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QColor, QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QStackedWidget,
    QTextEdit,
    QWidget,
)

PAGES = ("quick", "complete", "drafts", "referrals", "postbox", "privacy")
INPUTS = (QLineEdit, QTextEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox)
MAX_TAB_STOPS = 400
_MNEMONIC = re.compile(r"(?<!&)&(?!&)\w")


def accessible_name(widget: QWidget) -> str:
    """What assistive technology announces as the widget's name."""
    iface = QAccessible.queryAccessibleInterface(widget)
    name = iface.text(QAccessible.Text.Name) if iface is not None and iface.isValid() else ""
    return (name or widget.accessibleName()).strip()


def describe(widget: QWidget) -> str:
    return f"{type(widget).__name__}(objectName={widget.objectName()!r})"


def tab_walk(qtbot, root: QWidget, start: QWidget | None = None) -> list[QWidget]:
    """Press Tab from ``start`` (default: first focusable widget in ``root``) until focus
    returns to a widget already seen; return the widgets inside ``root`` reached on the way."""
    window = root.window()
    window.activateWindow()
    first = start or next(
        (
            w
            for w in root.findChildren(QWidget)
            if w.isVisible() and w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        ),
        None,
    )
    if first is None:
        return []
    first.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=2000)
    seen: list[QWidget] = []
    for _ in range(MAX_TAB_STOPS):
        current = QApplication.focusWidget()
        if current is None or current in seen:
            break
        seen.append(current)
        qtbot.keyClick(current, Qt.Key.Key_Tab)
    return [w for w in seen if root.isAncestorOf(w) or w is root]


def unnamed(widgets: list[QWidget]) -> list[str]:
    return [describe(w) for w in widgets if not accessible_name(w)]


def missing_mnemonic_buddies(root: QWidget) -> list[str]:
    """Inputs labelled in a form layout without a buddy label carrying a mnemonic, and buddy
    labels without a mnemonic."""
    problems: list[str] = []
    for form in root.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            field_item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            label_item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = field_item.widget() if field_item is not None else None
            label = label_item.widget() if label_item is not None else None
            if not isinstance(field, INPUTS) or not isinstance(label, QLabel):
                continue
            if not label.text().strip():
                continue
            display_only = field.focusPolicy() == Qt.FocusPolicy.NoFocus
            if label.buddy() is not field:
                problems.append(f"{describe(field)}: label {label.text()!r} is not its buddy")
            elif not display_only and not _MNEMONIC.search(label.text()):
                problems.append(f"{describe(field)}: label {label.text()!r} has no mnemonic")
    for label in root.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is None or buddy.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue  # read-only displays (e.g. Servicenummer) cannot take focus by Alt+letter
        if label.text().strip() and not _MNEMONIC.search(label.text()):
            problems.append(f"{describe(buddy)}: buddy label {label.text()!r} has no mnemonic")
    return sorted(set(problems))


def steps(page: QWidget) -> Iterator[str]:
    """Show each step of every stacked widget in ``page`` in turn (wizard steps)."""
    yield "start"
    for stack in page.findChildren(QStackedWidget):
        if not stack.isVisibleTo(page) or stack.count() < 2:
            continue
        before = stack.currentIndex()
        for index in range(stack.count()):
            if index != before:
                stack.setCurrentIndex(index)
                yield f"{stack.objectName() or 'stack'}[{index}]"
        stack.setCurrentIndex(before)


def check_page(qtbot, page: QWidget) -> list[str]:
    problems: list[str] = []
    for step in steps(page):
        reached = tab_walk(qtbot, page)
        problems += [f"{step}: no accessible name: {item}" for item in unnamed(reached)]
        problems += [f"{step}: {item}" for item in missing_mnemonic_buddies(page)]
    return sorted(set(problems))


# ----------------------------------------------------------------------------- tests


def test_privacy_page_is_keyboard_accessible(qtbot) -> None:
    from tests.gui.test_privacy_page import PageServices

    page = PageServices().page()
    qtbot.addWidget(page)
    page.resize(700, 500)
    page.show()
    qtbot.waitExposed(page)
    reached = tab_walk(qtbot, page)
    names = {w.objectName() for w in reached}
    assert {"privacy_scroll", "wipe_local_data"} <= names
    assert check_page(qtbot, page) == []


def _line(name: str, *, read_only: bool = False) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setReadOnly(read_only)
    return edit


def test_checks_catch_unnamed_widgets_and_missing_mnemonics(qtbot) -> None:
    root = QWidget()
    qtbot.addWidget(root)
    form = QFormLayout(root)
    plain = _line("nachname")
    form.addRow("Nachname", plain)  # buddy set, but no mnemonic
    anonymous = _line("telefon")
    form.addRow(anonymous)  # no label, no accessible name
    root.show()
    qtbot.waitExposed(root)
    assert unnamed(tab_walk(qtbot, root)) == [describe(anonymous)]
    assert missing_mnemonic_buddies(root) == [
        f"{describe(plain)}: buddy label 'Nachname' has no mnemonic",
        f"{describe(plain)}: label 'Nachname' has no mnemonic",
    ]


def test_read_only_display_needs_buddy_but_no_mnemonic(qtbot) -> None:
    root = QWidget()
    qtbot.addWidget(root)
    form = QFormLayout(root)
    shown = _line("servicenummer", read_only=True)
    shown.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    label = QLabel("Servicenummer")
    label.setBuddy(shown)
    form.addRow(label, shown)
    form.addRow(QLabel("Ohne Bezug"), _line("other", read_only=True))
    problems = missing_mnemonic_buddies(root)
    assert problems == ["QLineEdit(objectName='other'): label 'Ohne Bezug' is not its buddy"]
    label.setBuddy(None)  # type: ignore[arg-type]  # Qt takes nullptr: no buddy
    assert f"{describe(shown)}: label 'Servicenummer' is not its buddy" in (
        missing_mnemonic_buddies(root)
    )


@pytest.fixture
def window(logged_in_window):
    """The logged-in main window."""
    return logged_in_window


@pytest.mark.parametrize("key", PAGES)
def test_every_page_by_tab(qtbot, window, key: str) -> None:
    window.show_page(key)
    page = window.page(key) if hasattr(window, "page") else window.centralWidget()
    qtbot.waitUntil(lambda: page.isVisible(), timeout=3000)
    assert check_page(qtbot, page) == []


def test_navigation_is_named_and_reachable(qtbot, window) -> None:
    reached = tab_walk(qtbot, window)
    assert unnamed(reached) == []
    nav = {w.objectName() for w in window.findChildren(QAbstractButton)} | {
        w.objectName() for w in window.findChildren(QWidget)
    }
    for key in PAGES:
        assert f"nav_{key}" in nav


# The call script (REFERENCE §4): mandatory fields in the order they are asked for, then the
# consent question, the voluntary sections (free text last), then Senden.
CALL_SCRIPT = ("nachname", "telefon", "kennzeichen", "versicherungsscheinnummer", "consent_yes")


@pytest.mark.parametrize("key", ["quick", "complete"])
def test_tab_order_follows_the_call_script(qtbot, window, key: str) -> None:
    window.show_page(key)
    page = window.page(key)
    qtbot.waitUntil(lambda: page.isVisible(), timeout=3000)
    page.findChild(QAbstractButton, "consent_yes").click()  # voluntary sections join the chain
    start = page.findChild(QWidget, "nachname")
    names = [w.objectName() for w in tab_walk(qtbot, page, start)]
    assert names[:4] == list(CALL_SCRIPT[:4]), names[:8]
    assert "servicenummer" not in names  # read-only, outside the tab chain
    consent, send = names.index("consent_yes"), names.index("send_button")
    voluntary = [n for n in ("schadenart", "bemerkungen", "zusatzinfo") if n in names]
    assert voluntary, names
    assert all(consent < names.index(n) < send for n in voluntary), names


def tab_stops_out_of_view(qtbot, root: QWidget) -> list[str]:
    """Walk ``root`` by Tab like :func:`tab_walk`; the focus stops not scrolled into view."""
    hidden: list[str] = []
    first = next(
        (
            w
            for w in root.findChildren(QWidget)
            if w.isVisible() and w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        ),
        None,
    )
    if first is None:
        return hidden
    first.setFocus(Qt.FocusReason.TabFocusReason)
    seen: list[QWidget] = []
    for _ in range(MAX_TAB_STOPS):
        current = QApplication.focusWidget()
        if current is None or current in seen:
            break
        seen.append(current)
        if root.isAncestorOf(current) and current.visibleRegion().isEmpty():
            hidden.append(describe(current))
        qtbot.keyClick(current, Qt.Key.Key_Tab)
    return hidden


def test_usable_at_200_percent_on_a_full_hd_screen(qtbot, window) -> None:
    # 200 % scaling on a 1920x1080 screen leaves 960x540 logical pixels for the whole window:
    # nothing may force the window bigger, and every Tab stop must scroll into view.
    window.resize(960, 540)
    problems: list[str] = []
    for key in PAGES:
        window.show_page(key)
        qtbot.waitUntil(window.page(key).isVisible, timeout=3000)
        problems += [f"{key}: {item}" for item in tab_stops_out_of_view(qtbot, window.page(key))]
        assert window.width() <= 960, (key, window.size())
        assert window.height() <= 540, (key, window.size())
    assert problems == []


def test_dialogs_are_keyboard_accessible(qtbot, window) -> None:
    from desktop.dialogs.login_dialog import LoginDialog
    from desktop.dialogs.settings_dialog import SettingsDialog

    window.show_page("postbox")
    dialogs = [
        LoginDialog(window.services, window),
        SettingsDialog(window.services.settings, window),
        window.page("postbox").open_new_ticket(),
    ]
    problems: list[str] = []
    for dialog in dialogs:
        dialog.show()
        qtbot.waitExposed(dialog)
        problems += [f"{type(dialog).__name__}: {item}" for item in check_page(qtbot, dialog)]
        dialog.reject()
    assert problems == []


def test_escape_keeps_a_typed_postbox_request(qtbot, window) -> None:
    window.show_page("postbox")
    dialog = window.page("postbox").open_new_ticket()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.subject, "Terminfrage")
    qtbot.keyClick(dialog.subject, Qt.Key.Key_Escape)
    qtbot.keyClick(dialog.body, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    assert dialog.values()[0] == "Terminfrage"
    dialog.subject.clear()
    qtbot.keyClick(dialog.subject, Qt.Key.Key_Escape)  # nothing typed: Esc closes as usual
    assert not dialog.isVisible()


# ----------------------------------------------------------------------------- contrast

MIN_CONTRAST = 4.5  # WCAG 2.x AA for normal text


def _luminance(color: QColor) -> float:
    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.red())
        + 0.7152 * channel(color.green())
        + 0.0722 * (channel(color.blue()))
    )


def contrast_ratio(first: QColor, second: QColor) -> float:
    """WCAG contrast ratio of two colours (1 ... 21)."""
    high, low = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _dominant_colour(image: QImage) -> QColor:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    pixels = memoryview(image.constBits()).cast("I")
    return QColor.fromRgb(Counter(pixels).most_common(1)[0][0])


def low_contrast_labels(window: QWidget) -> list[str]:
    """Visible, enabled labels whose text colour (the palette their style sheet or the theme
    gives them) has too little contrast against what is painted behind them (the dominant
    colour of their area in a grab of the whole window)."""
    image = window.grab().toImage()
    ratio = image.devicePixelRatio()
    problems: list[str] = []
    for label in window.findChildren(QLabel):
        if not (label.isVisible() and label.isEnabled() and label.text().strip()):
            continue
        area = label.visibleRegion().boundingRect()
        if area.width() < 4 or area.height() < 4:
            continue
        corner = label.mapTo(window, area.topLeft())
        part = image.copy(
            int(corner.x() * ratio),
            int(corner.y() * ratio),
            int(area.width() * ratio),
            int(area.height() * ratio),
        )
        text = label.palette().color(label.foregroundRole())
        found = contrast_ratio(text, _dominant_colour(part))
        if found < MIN_CONTRAST:
            problems.append(f"{describe(label)} {label.text()[:30]!r}: {found:.2f}")
    return problems


@pytest.fixture(params=["light", "dark"])
def themed_window(request, qtbot):
    """The logged-in main window created under a light or a dark (Fusion) palette."""
    from tools.screenshots import apply_dark_palette

    app = QApplication.instance()
    palette, style = app.palette(), app.style().name()
    if request.param == "dark":
        apply_dark_palette(app)
    try:
        yield request.getfixturevalue("logged_in_window")
    finally:
        app.setPalette(palette)
        app.setStyle(style)
        app.styleHints().setColorScheme(Qt.ColorScheme.Unknown)


def test_text_is_readable_in_light_and_dark_themes(qtbot, themed_window) -> None:
    window = themed_window
    problems: list[str] = []
    for key in PAGES:
        window.show_page(key)
        qtbot.waitUntil(window.page(key).isVisible, timeout=3000)
        problems += [f"{key}: {item}" for item in low_contrast_labels(window)]
    # a live warning under a free-text field
    window.show_page("quick")
    page = window.page("quick")
    page.findChild(QAbstractButton, "consent_yes").click()
    remarks = page.findChild(QWidget, "bemerkungen")
    remarks.setFocus()
    qtbot.keyClicks(remarks, "Kunde ist gehbehindert")
    message = page.findChild(QLabel, "bemerkungen_message")
    qtbot.waitUntil(lambda: message.isVisible() and bool(message.text()), timeout=5000)
    # not by colour alone: the severity is spelled out at the start of the message
    from desktop.widgets.finding_texts import severity_prefix

    prefixes = {severity_prefix(kind) for kind in ("block", "warn", "info")}
    assert len(prefixes) == 3
    assert message.text().startswith(severity_prefix("block")), message.text()
    problems += [f"quick warning: {item}" for item in low_contrast_labels(window)]
    # the voluntary sections of the Komplettvermittlung, enabled by consent
    window.show_page("complete")
    window.page("complete").findChild(QAbstractButton, "consent_yes").click()
    problems += [f"complete, consent: {item}" for item in low_contrast_labels(window)]
    # a Postkorb conversation
    window.show_page("postbox")
    postbox = window.page("postbox")
    qtbot.waitUntil(lambda: postbox.proxy.rowCount() > 0, timeout=10000)
    postbox.table.selectRow(0)
    qtbot.waitUntil(lambda: postbox.current_id is not None, timeout=5000)
    problems += [f"postbox ticket: {item}" for item in low_contrast_labels(window)]
    problems += [f"dialog: {item}" for item in dialog_error_contrast(qtbot, window)]
    assert problems == [], "\n".join(problems)


def dialog_error_contrast(qtbot, window) -> list[str]:
    """Low-contrast labels of the login dialog after a wrong password and of the settings
    dialog after an unusable server address (their error lines)."""
    from desktop.dialogs.login_dialog import LoginDialog
    from desktop.dialogs.settings_dialog import SettingsDialog

    login = LoginDialog(window.services, window)
    qtbot.addWidget(login)
    login.show()
    qtbot.waitExposed(login)
    login.findChild(QLineEdit, "login").setText("demo")
    login.findChild(QLineEdit, "password").setText("falsch")
    login.findChild(QAbstractButton, "login_button").click()
    error = login.findChild(QLabel, "login_error")
    qtbot.waitUntil(lambda: error.isVisible() and bool(error.text()), timeout=10000)
    problems = low_contrast_labels(login)
    settings = SettingsDialog(window.services.settings, window)
    qtbot.addWidget(settings)
    settings.show()
    qtbot.waitExposed(settings)
    settings.server_url.setText("ftp://extranet.example.com")
    settings.save()
    assert settings.findChild(QLabel, "settings_error").isVisible()
    problems += low_contrast_labels(settings)
    login.reject()
    settings.reject()
    return problems


def test_every_input_has_a_name_and_a_description(qtbot, window) -> None:
    """What a screen reader says about each input: its name and a description (what belongs
    in it), in the main window's pages and in the dialogs."""
    from desktop.dialogs.login_dialog import LoginDialog
    from desktop.dialogs.settings_dialog import SettingsDialog

    window.show_page("postbox")
    roots = [
        window,
        LoginDialog(window.services, window),
        SettingsDialog(window.services.settings, window),
        window.page("postbox").open_new_ticket(),
    ]
    missing: set[str] = set()
    for root in roots:
        for widget in root.findChildren(QWidget):
            if not isinstance(widget, INPUTS) or isinstance(
                widget.parent(), (QComboBox, QAbstractSpinBox)
            ):
                continue  # a combo box's or spin box's own line edit is part of it
            if not widget.accessibleName() or not widget.accessibleDescription():
                missing.add(f"{type(root).__name__}: {describe(widget)}")
    assert sorted(missing) == []


def test_banner_messages_are_announced_once(qtbot, monkeypatch) -> None:
    from desktop.widgets import message_bar
    from desktop.widgets.message_bar import MessageBar

    said: list[str] = []
    monkeypatch.setattr(message_bar, "announce", lambda _widget, text: said.append(text))
    bar = MessageBar()
    qtbot.addWidget(bar)
    bar.show_message("Keine Verbindung zum Extranet.", "warning")
    bar.show_message("Keine Verbindung zum Extranet.", "warning")  # unchanged: not repeated
    assert said == ["Keine Verbindung zum Extranet."]
    bar.show_message("Wieder verbunden.", "positive")
    bar.clear()
    bar.show_message("Wieder verbunden.", "positive")  # shown again after it was closed
    assert said == ["Keine Verbindung zum Extranet.", "Wieder verbunden.", "Wieder verbunden."]
