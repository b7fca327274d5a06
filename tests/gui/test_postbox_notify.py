"""Tray-note decision for new staff replies (no system tray needed)."""

from __future__ import annotations

from typing import Any

from desktop.views.postbox.notify import PostboxNotifier, notification_for

SUBJECT = "Herr Mustermann, Kennzeichen B-AB 123"


class FakeTray:
    """Records ``showMessage`` calls like a ``QSystemTrayIcon`` would show them."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str]] = []

    def showMessage(self, title: str, text: str, *_args: Any) -> None:
        self.shown.append((title, text))


def test_texts_are_german_and_counted(qapp: Any) -> None:
    assert notification_for(0) is None
    one = notification_for(1)
    assert one is not None
    assert one.title == "Postkorb"
    assert one.text == "Neue Antwort vom Kundenservice im Postkorb"
    three = notification_for(3)
    assert three is not None
    assert three.text.startswith("3 neue Antworten")


def test_no_note_without_a_tray(qapp: Any) -> None:
    tray = FakeTray()
    notifier = PostboxNotifier(tray, available=lambda: False)
    assert notifier.decide(["7"]) is None
    notifier.on_new_staff_messages(["8"])
    assert tray.shown == []


def test_note_once_per_new_message_and_never_with_server_text(qtbot: Any) -> None:
    tray = FakeTray()
    notifier = PostboxNotifier(tray, available=lambda: True)
    with qtbot.waitSignal(notifier.notified, timeout=1000) as shown:
        notifier.on_new_staff_messages(["11", "12", "12"])
    assert shown.args == ["Postkorb", "2 neue Antworten vom Kundenservice im Postkorb"]
    notifier.on_new_staff_messages(["11", "12"])  # same replies again (e.g. a resync)
    notifier.on_new_staff_messages([])
    assert len(tray.shown) == 1
    notifier.on_new_staff_messages(["13"])
    assert tray.shown[-1] == ("Postkorb", "Neue Antwort vom Kundenservice im Postkorb")
    assert all(SUBJECT not in text for _title, text in tray.shown)


def test_no_note_while_the_window_is_active(qapp: Any) -> None:
    tray = FakeTray()
    active = [True]
    notifier = PostboxNotifier(tray, available=lambda: True, window_active=lambda: active[0])
    notifier.on_new_staff_messages(["21"])
    assert tray.shown == []
    active[0] = False
    notifier.on_new_staff_messages(["21", "22"])  # 21 was already seen (badge showed it)
    assert tray.shown == [("Postkorb", "Neue Antwort vom Kundenservice im Postkorb")]


def test_tray_may_be_provided_later(qapp: Any) -> None:
    holder: list[FakeTray | None] = [None]
    notifier = PostboxNotifier(lambda: holder[0], available=lambda: True)
    notifier.on_new_staff_messages(["31"])  # no tray yet: nothing to show, no crash
    tray = FakeTray()
    holder[0] = tray
    notifier.on_new_staff_messages(["32"])
    assert tray.shown == [("Postkorb", "Neue Antwort vom Kundenservice im Postkorb")]


def test_status_line_shows_the_count_also_without_a_tray(qapp: Any) -> None:
    shown: list[str] = []
    notifier = PostboxNotifier(FakeTray(), available=lambda: False, status=shown.append)
    notifier.on_new_staff_messages(["41", "42"])
    assert shown == ["2 neue Antworten vom Kundenservice im Postkorb"]
    notifier.on_new_staff_messages(["41"])  # already announced
    notifier.on_new_staff_messages([])
    assert len(shown) == 1
    notifier.on_new_staff_messages(["43"])
    assert shown[-1] == "Neue Antwort vom Kundenservice im Postkorb"
