"""Messages come and go without moving the field being typed in, and leave no gap: the hint of
the field just left (above), a privacy finding under the field at the end of a scrolled form,
a line of the error summary going while the form is at its top."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from desktop.views.referral.wizard import QuickReferralView
from tests.gui.test_wizard_helpers import press, shown_view, type_text

FINDING = "Kunde ist schwerhörig"


def _y(widget: QWidget) -> int:
    return widget.mapToGlobal(QPoint(0, 0)).y()


def _settled(qtbot: Any) -> None:
    qtbot.wait(80)  # posted layouts and the next paint


def test_the_hint_of_the_field_just_left_does_not_move_the_next_one(
    qtbot: Any, server: Any
) -> None:
    for size in ((900, 1300), (900, 600)):  # the form fits the window / it scrolls
        with shown_view(qtbot, QuickReferralView, server.url, size, active=True) as view:
            telefon, kennzeichen = view.inputs["telefon"], view.inputs["kennzeichen"]
            telefon.setFocus()
            type_text(telefon, "12")
            _settled(qtbot)
            before = _y(kennzeichen)
            press(telefon, Qt.Key.Key_Tab)
            type_text(kennzeichen, "B")
            _settled(qtbot)
            assert view.messages["telefon"].isVisible()  # "zu kurz" under Telefon
            assert kennzeichen.hasFocus()
            assert _y(kennzeichen) == before, size
            # the hint has its own line: Telefon and its message sit above Kennzeichen
            message = view.messages["telefon"]
            assert _y(message) + message.height() <= _y(kennzeichen)


def test_a_finding_under_the_field_comes_and_goes_without_a_jump_or_gap(
    qtbot: Any, server: Any
) -> None:
    with shown_view(qtbot, QuickReferralView, server.url, (900, 600), active=True) as view:
        view.consent_gate.yes.click()
        editor = view.inputs["bemerkungen"]
        counter = view.fields.counter  # the row right under the field and its message
        assert isinstance(editor, QPlainTextEdit)
        editor.setFocus()
        bar = view.scroll_area.verticalScrollBar()
        bar.setValue(bar.maximum())  # the end of the form, where Bemerkungen is
        _settled(qtbot)
        top, gap, height = _y(editor), _y(counter) - _y(editor), view.scroll_area.widget().height()
        type_text(editor, FINDING)
        message = view.messages["bemerkungen"]
        qtbot.waitUntil(message.isVisible, timeout=5000)
        _settled(qtbot)
        assert _y(editor) == top
        assert _y(counter) - _y(editor) > gap  # the message takes a line of its own
        bar.setValue(bar.maximum())  # the agent scrolls down to read it all
        _settled(qtbot)
        top = _y(editor)
        for _ in FINDING:
            press(editor, Qt.Key.Key_Backspace)
        type_text(editor, "Bitte laut klingeln")
        qtbot.waitUntil(lambda: not message.isVisible(), timeout=5000)
        _settled(qtbot)
        assert _y(editor) == top  # the end of the form does not snap back under the cursor
        assert _y(counter) - _y(editor) == gap  # no gap where the message was
        press(view.scroll_area, Qt.Key.Key_PageUp)  # the agent scrolls up: no room left over
        _settled(qtbot)
        assert view.scroll_area.widget().height() == height


def test_a_summary_line_going_above_keeps_the_field_and_its_room_closes_on_tab(
    qtbot: Any, server: Any
) -> None:
    with shown_view(qtbot, QuickReferralView, server.url, (900, 1300), active=True) as view:
        content = view.scroll_area.widget()
        layout = content.layout()
        assert layout is not None
        heading = layout.itemAt(0).widget()  # "Schnellvermittlung", the top of the form
        assert heading is not None
        _settled(qtbot)
        heading_y = _y(heading)
        view.send()  # empty: the summary lists every missing field at the top
        _settled(qtbot)
        assert view.error_summary.isVisible()
        nachname = view.inputs["nachname"]  # a checked line (privacy check while typing)
        nachname.setFocus()
        _settled(qtbot)
        before, lines = _y(nachname), view.error_summary.height()
        type_text(nachname, "Schulz")  # its summary line goes, above the field
        _settled(qtbot)
        assert view.error_summary.height() < lines
        assert _y(nachname) == before
        press(nachname, Qt.Key.Key_Tab)  # on to the next field: the room above closes
        _settled(qtbot)
        assert view.inputs["telefon"].hasFocus()
        assert _y(heading) == heading_y  # no gap left above the form
