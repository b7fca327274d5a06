"""Who wrote a Postkorb message, as the conversation shows it."""

from __future__ import annotations

from desktop.models.postbox_messages import AUTHOR_ROLE, MessageListModel
from desktop.sync.postbox_store import MessageRow


def _author(name: str, *, staff: bool = True) -> str:
    model = MessageListModel()
    model.set_messages(
        [MessageRow("1", "1", name, staff, "Hallo", "2026-11-20T10:00:00Z", None)], []
    )
    return str(model.data(model.index(0, 0), AUTHOR_ROLE))


def test_a_staff_name_that_says_kundenservice_is_not_repeated() -> None:
    assert _author("Kundenservice (Demo)") == "\u2068Kundenservice (Demo)\u2069"
    assert _author("kundenservice Nord") == "\u2068kundenservice Nord\u2069"


def test_a_personal_staff_name_is_shown_with_the_team() -> None:
    assert _author("Frau Schulz") == "Kundenservice (\u2068Frau Schulz\u2069)"
    assert _author("") == "Kundenservice"
    assert _author("Frau Schulz", staff=False) == "Sie"


def test_the_demo_staff_account_reads_naturally_in_the_conversation() -> None:
    from extranet.demo import DEMO_USERS

    staff_name = next(name for _, _, name, role, _ in DEMO_USERS if role == "staff")
    shown = _author(staff_name).replace("\u2068", "").replace("\u2069", "")
    assert shown.count("Kundenservice") == 1
