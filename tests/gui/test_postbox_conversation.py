"""Conversation view: a periodic reload does not move the reader's place or selection."""

from __future__ import annotations

from typing import Any

from desktop.models.postbox_messages import MessageListModel
from desktop.sync.postbox_store import MessageRow
from desktop.views.postbox.conversation import ConversationView


def _messages(n: int) -> list[MessageRow]:
    return [
        MessageRow(str(i), "1", "Team", i % 2 == 0, f"Nachricht {i}\n" * 6, "", None)
        for i in range(1, n + 1)
    ]


def _view(qtbot: Any) -> tuple[ConversationView, MessageListModel]:
    model = MessageListModel()
    view = ConversationView()
    view.set_model(model)
    qtbot.addWidget(view)
    view.resize(400, 200)
    view.show()
    return view, model


def test_first_render_shows_the_newest_message(qtbot: Any) -> None:
    view, model = _view(qtbot)
    model.set_messages(_messages(40))
    bar = view.verticalScrollBar()
    assert bar.maximum() > 0
    assert bar.value() == bar.maximum()


def test_same_conversation_again_keeps_place_and_selection(qtbot: Any) -> None:
    view, model = _view(qtbot)
    model.set_messages(_messages(40))
    cursor = view.textCursor()
    cursor.setPosition(10)
    cursor.setPosition(30, cursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    selected = view.textCursor().selectedText()
    assert selected
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum() // 3)  # the broker reads an older message
    place = bar.value()
    assert 0 < place < bar.maximum()
    model.set_messages(_messages(40))  # the periodic sync reloads the open conversation
    assert bar.value() == place
    assert view.textCursor().selectedText() == selected


def test_new_message_keeps_an_older_place_but_follows_at_the_end(qtbot: Any) -> None:
    view, model = _view(qtbot)
    model.set_messages(_messages(40))
    bar = view.verticalScrollBar()
    bar.setValue(0)
    model.set_messages(_messages(41))  # a reply arrives while reading the beginning
    assert bar.value() == 0
    assert "Nachricht 41" in view.toPlainText()
    bar.setValue(bar.maximum())
    model.set_messages(_messages(42))  # at the end: the new reply is shown
    assert bar.value() == bar.maximum()
    model.set_messages([])  # another ticket: starts at its newest message again
    model.set_messages(_messages(30))
    assert bar.value() == bar.maximum()


def test_only_the_newest_messages_are_laid_out(qtbot: Any) -> None:
    from desktop.views.postbox.conversation import MAX_SHOWN

    view, model = _view(qtbot)
    model.set_messages(_messages(MAX_SHOWN + 5))
    text = view.toPlainText()
    assert text.startswith("5 ältere Nachrichten werden hier nicht angezeigt.")
    assert "Nachricht 5\n" not in text
    assert "Nachricht 6\n" in text
    assert f"Nachricht {MAX_SHOWN + 5}\n" in text
    model.set_messages(_messages(3))
    assert "ältere" not in view.toPlainText()
