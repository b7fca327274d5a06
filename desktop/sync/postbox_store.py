"""Read side of the local Postkorb cache for the UI (Qt-free).

Per-ticket unread figures are derived from the SERVER's read pointer (staff messages after the
last read message); the total shown in badges is the server's ``unread_total``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from desktop.store.db import DB_LOCK
from desktop.sync.postbox_schema import Codec, unpack_message

if TYPE_CHECKING:
    from desktop.sync.postbox import PostboxSync

__all__ = [
    "MessageRow",
    "PendingMessage",
    "PostboxReader",
    "TicketRow",
    "format_date",
    "format_time",
]


@dataclass(frozen=True, slots=True)
class TicketRow:
    """One ticket as the inbox shows it."""

    id: str
    subject: str
    status: str
    referral_id: str | None
    created_at: str
    updated_at: str
    etag: str | None
    message_count: int
    unread_count: int
    last_message_id: str | None


@dataclass(frozen=True, slots=True)
class MessageRow:
    """One message of a conversation."""

    id: str
    ticket_id: str
    author: str
    from_staff: bool
    body: str
    created_at: str
    client_ref: str | None


@dataclass(frozen=True, slots=True)
class PendingMessage:
    """A reply written locally that the outbox has not delivered yet."""

    item_id: str
    body: str
    dead: bool = False


def format_time(iso: str) -> str:
    """ISO 8601 UTC → local ``TT.MM.JJJJ HH:MM`` (the raw string if it does not parse)."""
    if not iso:
        return ""
    try:
        when = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return iso
    return when.astimezone().strftime("%d.%m.%Y %H:%M")


def format_date(iso: Any) -> str:
    """ISO 8601 → local ``TT.MM.JJJJ`` ("" for nothing, the raw string if it does not parse)."""
    text = format_time(str(iso or ""))
    return text.split(" ", 1)[0] if text != iso else text


# Unread = staff messages after the read pointer, compared numerically like the server does
# (message ids increase monotonically); one pointer lookup per ticket, not per message.
_TICKETS_SQL = """
WITH agg AS (
    SELECT m.ticket_id AS tid,
           COUNT(*) AS n,
           MAX(m.order_key) AS last_key,
           SUM(m.from_staff = 1 AND (r.last_read_message_id IS NULL
               OR CAST(m.id AS INTEGER) > CAST(r.last_read_message_id AS INTEGER))) AS unread
    FROM postbox_messages m
    LEFT JOIN postbox_read r ON r.ticket_id = m.ticket_id
    GROUP BY m.ticket_id
)
SELECT t.id, t.subject, t.status, t.referral_id, t.created_at, t.updated_at, t.etag,
       COALESCE(agg.n, 0), COALESCE(agg.unread, 0),
       (SELECT id FROM postbox_messages WHERE ticket_id = t.id AND order_key = agg.last_key)
FROM postbox_tickets t LEFT JOIN agg ON agg.tid = t.id
{where}
ORDER BY t.updated_at DESC, t.id DESC
"""


class PostboxReader:
    """Queries over the cache written by :class:`desktop.sync.postbox.PostboxSync`.

    Args:
        source: The :class:`PostboxSync` (follows its connection and key, also after a
            wipe) or a plain connection.
        codec: The codec the sync used; defaults to ``source.codec``.
    """

    def __init__(
        self, source: PostboxSync | sqlite3.Connection, codec: Codec | None = None
    ) -> None:
        self._source = source
        if codec is None:
            if isinstance(source, sqlite3.Connection):
                raise TypeError("codec is required with a plain connection")
            codec = source.codec
        self._codec = codec
        # Opened subjects of the last ticket list, by id with their sealed blob: a reload
        # after a sync opens only what changed (10,000 AES-GCM opens cost ~0.2 s).
        self._subjects: dict[str, tuple[bytes | str | None, str]] = {}

    @property
    def _conn(self) -> sqlite3.Connection:
        src = self._source
        return src if isinstance(src, sqlite3.Connection) else src.conn

    def unread_total(self) -> int:
        """The server's unread total from the last sync."""
        with DB_LOCK:
            row = self._conn.execute(
                "SELECT unread_total FROM postbox_state WHERE id = 1"
            ).fetchone()
        return int(row[0]) if row else 0

    def ticket(self, ticket_id: str) -> TicketRow | None:
        """One ticket or ``None``."""
        rows = self._tickets("WHERE t.id = ?", (ticket_id,))
        return rows[0] if rows else None

    def tickets(self) -> list[TicketRow]:
        """All tickets, most recently updated first."""
        rows = self._tickets("", ())
        self._subjects = {t.id: self._subjects[t.id] for t in rows if t.id in self._subjects}
        return rows

    def _subject(self, ticket_id: str, blob: bytes | str | None) -> str:
        cached = self._subjects.get(ticket_id)
        if cached is not None and cached[0] == blob:
            return cached[1]
        subject = self._codec.open(blob, f"ticket:{ticket_id}")
        self._subjects[ticket_id] = (blob, subject)
        return subject

    def _tickets(self, where: str, args: tuple[str, ...]) -> list[TicketRow]:
        with DB_LOCK:
            rows = self._conn.execute(_TICKETS_SQL.format(where=where), args).fetchall()
        return [
            TicketRow(
                id=r[0],
                subject=self._subject(r[0], r[1]),
                status=r[2],
                referral_id=r[3],
                created_at=r[4] or "",
                updated_at=r[5] or "",
                etag=r[6],
                message_count=int(r[7]),
                unread_count=int(r[8]),
                last_message_id=r[9],
            )
            for r in rows
        ]

    def messages(self, ticket_id: str) -> list[MessageRow]:
        """The conversation of one ticket, oldest first."""
        with DB_LOCK:
            rows = self._conn.execute(
                "SELECT id, ticket_id, author, from_staff, body, created_at, client_ref "
                "FROM postbox_messages WHERE ticket_id = ? ORDER BY order_key",
                (ticket_id,),
            ).fetchall()
        result = []
        for r in rows:
            author, body = unpack_message(self._codec.open(r[4], f"message:{r[0]}"))
            result.append(
                MessageRow(
                    id=r[0],
                    ticket_id=r[1],
                    author=author,
                    from_staff=bool(r[3]),
                    body=body,
                    created_at=r[5] or "",
                    client_ref=r[6],
                )
            )
        return result

    def known_client_refs(self, refs: Iterable[str], *, kind: str = "message") -> set[str]:
        """Those of ``refs`` that the server already delivered back (tickets or messages).

        An outbox item whose answer was lost is committed on the server and arrives through
        the sync before the outbox learns it; the UI must not show it twice.
        """
        wanted = sorted(set(refs))
        if not wanted:
            return set()
        table = "postbox_tickets" if kind == "ticket" else "postbox_messages"
        found: set[str] = set()
        with DB_LOCK:
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                marks = ",".join("?" * len(chunk))
                rows = self._conn.execute(
                    f"SELECT client_ref FROM {table} WHERE client_ref IN ({marks})",
                    chunk,
                ).fetchall()
                found.update(str(r[0]) for r in rows)
        return found

    def last_read_message_id(self, ticket_id: str) -> str | None:
        """The server's read pointer of ``ticket_id`` as last synced."""
        with DB_LOCK:
            row = self._conn.execute(
                "SELECT last_read_message_id FROM postbox_read WHERE ticket_id = ?", (ticket_id,)
            ).fetchone()
        return None if row is None else row[0]
