"""Postkorb models: qtmodeltester, filtering/sorting, plain-text display of hostile text."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from desktop.models.postbox_messages import (
    AUTHOR_ROLE,
    PENDING_ROLE,
    MessageListModel,
    PendingMessage,
)
from desktop.models.postbox_tickets import (
    COL_SUBJECT,
    COL_UNREAD,
    COL_UPDATED,
    ID_ROLE,
    UNREAD_ROLE,
    TicketFilterProxy,
    TicketTableModel,
)
from desktop.sync.postbox_store import MessageRow, TicketRow
from desktop.views.postbox.conversation import SEGMENT, display_text

HOSTILE = '<img src=x onerror="alert(1)"> <b>wichtig</b> \u202eevil\u202c'


def _ticket(i: int, **kw: Any) -> TicketRow:
    base: dict[str, Any] = {
        "id": str(i),
        "subject": f"Anfrage {i}",
        "status": "open",
        "referral_id": None,
        "created_at": f"2026-11-{10 + i:02d}T08:00:00Z",
        "updated_at": f"2026-11-{10 + i:02d}T09:00:00Z",
        "etag": f'"{i}"',
        "message_count": 2,
        "unread_count": 0,
        "last_message_id": None,
    }
    base.update(kw)
    return TicketRow(**base)


def _msg(i: int, body: str, staff: bool = True) -> MessageRow:
    return MessageRow(
        str(i), "1", "Team" if staff else "", staff, body, "2026-11-20T10:00:00Z", None
    )


def test_ticket_model_passes_modeltester(qtmodeltester: Any) -> None:
    model = TicketTableModel()
    model.set_tickets([_ticket(1), _ticket(2, unread_count=3, subject=HOSTILE)])
    qtmodeltester.check(model)
    model.set_tickets([_ticket(2, unread_count=1), _ticket(3)])
    qtmodeltester.check(model)
    model.set_tickets([])
    qtmodeltester.check(model)


def test_proxy_passes_modeltester_and_filters(qtmodeltester: Any) -> None:
    model = TicketTableModel()
    proxy = TicketFilterProxy()
    proxy.setSourceModel(model)
    model.set_tickets(
        [
            _ticket(1, subject="Termin verschieben"),
            _ticket(2, subject="Fotos fehlen", unread_count=2),
            _ticket(3, subject="Rechnung", status="closed"),
        ]
    )
    qtmodeltester.check(proxy)

    def ids() -> list[str]:
        return [str(proxy.data(proxy.index(r, 0), ID_ROLE)) for r in range(proxy.rowCount())]

    proxy.set_search("TERMIN")
    assert ids() == ["1"]
    proxy.set_search("")
    proxy.set_state("unread")
    assert ids() == ["2"]
    proxy.set_state("closed")
    assert ids() == ["3"]
    proxy.set_state("open")
    assert sorted(ids()) == ["1", "2"]
    proxy.set_state("all")
    proxy.sort(COL_UPDATED, Qt.SortOrder.DescendingOrder)
    assert ids() == ["3", "2", "1"]
    proxy.sort(COL_UNREAD, Qt.SortOrder.DescendingOrder)
    assert ids()[0] == "2"
    qtmodeltester.check(proxy)


def test_server_text_is_returned_verbatim_and_never_as_tooltip() -> None:
    model = TicketTableModel()
    model.set_tickets([_ticket(1, subject=HOSTILE, unread_count=1)])
    index = model.index(0, COL_SUBJECT)
    assert model.data(index, Qt.ItemDataRole.DisplayRole) == HOSTILE
    assert model.data(index, Qt.ItemDataRole.ToolTipRole) is None
    assert model.data(index, Qt.ItemDataRole.FontRole).bold()
    assert model.data(model.index(0, COL_UNREAD), Qt.ItemDataRole.DisplayRole) == 1


def test_message_model_passes_modeltester(qtmodeltester: Any) -> None:
    model = MessageListModel()
    model.set_messages(
        [_msg(1, "Hallo"), _msg(2, HOSTILE, staff=False)],
        [PendingMessage("p1", "Noch nicht gesendet")],
    )
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    assert model.data(model.index(1, 0), Qt.ItemDataRole.DisplayRole) == HOSTILE
    assert model.data(model.index(2, 0), PENDING_ROLE) is True
    assert model.data(model.index(0, 0), AUTHOR_ROLE).startswith("Kundenservice")
    assert model.last_message_id() == "2"
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.data(QModelIndex()) is None


def test_display_text_splits_only_very_long_lines() -> None:
    assert display_text("kurz\nzeilen") == "kurz\nzeilen"
    long = "y" * (SEGMENT * 2 + 5)
    shown = display_text("a\n" + long)
    assert shown.replace("\n", "") == "a" + long
    assert max(len(line) for line in shown.split("\n")) == SEGMENT


def test_model_sorts_itself_and_keeps_persistent_indexes(qtmodeltester: Any) -> None:
    from PySide6.QtCore import QPersistentModelIndex

    model = TicketTableModel()
    proxy = TicketFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    model.set_tickets([_ticket(1, subject="b"), _ticket(2, subject="c"), _ticket(3, subject="a")])

    def ids() -> list[str]:
        return [str(proxy.data(proxy.index(r, 0), ID_ROLE)) for r in range(proxy.rowCount())]

    assert ids() == ["3", "2", "1"]  # default: newest update first
    held = QPersistentModelIndex(proxy.index(ids().index("1"), COL_SUBJECT))
    proxy.sort(COL_SUBJECT, Qt.SortOrder.AscendingOrder)
    assert ids() == ["3", "1", "2"]
    assert held.isValid()
    assert held.data(ID_ROLE) == "1"
    assert model.sort_order() == (COL_SUBJECT, Qt.SortOrder.AscendingOrder)
    model.set_tickets([_ticket(4, subject="0"), *[model.ticket(r) for r in range(3)]])  # type: ignore[list-item]
    assert ids() == ["4", "3", "1", "2"]  # new content arrives in the chosen order


def test_filter_follows_changes_and_sorting_under_an_active_search(qapp: Any) -> None:
    model = TicketTableModel()
    proxy = TicketFilterProxy()
    proxy.setSourceModel(model)
    model.set_tickets([_ticket(1, subject="Termin"), _ticket(2, subject="Rechnung")])

    def ids() -> list[str]:
        return [str(proxy.data(proxy.index(r, 0), ID_ROLE)) for r in range(proxy.rowCount())]

    proxy.set_search("termin")
    assert ids() == ["1"]
    # same ids in the same order, changed subjects (dataChanged path)
    model.set_tickets([_ticket(1, subject="Rechnung"), _ticket(2, subject="Neuer Termin")])
    assert ids() == ["2"]
    model.set_tickets(
        [_ticket(3, subject="Termin B"), _ticket(4, subject="Foto"), _ticket(5, subject="Termin A")]
    )
    assert sorted(ids()) == ["3", "5"]
    proxy.sort(COL_SUBJECT, Qt.SortOrder.AscendingOrder)
    assert ids() == ["5", "3"]
    proxy.set_state("closed")
    assert ids() == []
    proxy.set_state("all")
    proxy.set_search("")
    assert ids() == ["4", "5", "3"]


def test_reply_moving_a_ticket_up_keeps_selection_without_a_reset(qtmodeltester: Any) -> None:
    from PySide6.QtCore import QPersistentModelIndex

    model = TicketTableModel()
    proxy = TicketFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(COL_UPDATED, Qt.SortOrder.DescendingOrder)
    model.set_tickets([_ticket(i) for i in (1, 2, 3)])
    qtmodeltester.check(proxy)
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    proxy.set_state("unread")
    assert proxy.rowCount() == 0
    proxy.set_state("all")
    held = QPersistentModelIndex(proxy.index(2, 0))  # the oldest ticket, "1"
    assert proxy.data(held, ID_ROLE) == "1"
    # a staff reply to "1": newest now, one unread
    moved = _ticket(1, updated_at="2026-11-30T12:00:00Z", unread_count=1)
    model.set_tickets([moved, _ticket(2), _ticket(3)])
    assert resets == []
    assert held.isValid()
    assert held.row() == 0
    assert proxy.data(held, ID_ROLE) == "1"
    assert proxy.data(proxy.index(0, COL_UNREAD), UNREAD_ROLE) == 1
    proxy.set_state("unread")
    assert [proxy.data(proxy.index(r, 0), ID_ROLE) for r in range(proxy.rowCount())] == ["1"]
    proxy.set_state("all")
    # a new ticket arrives and another disappears: rows inserted/removed, still no reset
    model.set_tickets([moved, _ticket(3), _ticket(4, subject="Neu")])
    assert resets == []
    assert held.isValid()
    assert proxy.data(held, ID_ROLE) == "1"
    assert [proxy.data(proxy.index(r, 0), ID_ROLE) for r in range(proxy.rowCount())] == [
        "1",
        "4",
        "3",
    ]
    assert model.row_of("2") == -1
    qtmodeltester.check(proxy)
    model.set_tickets([_ticket(i) for i in range(10, 80)])  # a full resync: reset
    assert resets == [True]
    assert not held.isValid()
    qtmodeltester.check(proxy)
