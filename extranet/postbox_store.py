"""Postkorb rows: tickets, messages, read pointers, tombstones and the change feed."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from extranet.db import next_seq, utcnow

_TICKET_COLS = (
    "t.id, t.owner_id, t.client_ref, t.referral_id, t.subject, t.status, t.version,"
    " t.created_at, t.updated_at, t.seq, u.login AS owner"
)


def ticket_etag(ticket_id: int, version: int) -> str:
    """Strong ETag of a ticket's status state."""
    return f'"t{ticket_id}.{version}"'


def ticket_json(row: sqlite3.Row) -> dict[str, Any]:
    """API representation of a ticket."""
    return {
        "id": row["id"],
        "subject": row["subject"],
        "status": row["status"],
        "referral_id": row["referral_id"],
        "client_ref": row["client_ref"],
        "owner": row["owner"],
        "created_at": row["created_at"],
        "updated_at": row["updated_at"],
        "etag": ticket_etag(int(row["id"]), int(row["version"])),
    }


def message_json(row: sqlite3.Row) -> dict[str, Any]:
    """API representation of a message."""
    return {
        "id": row["id"],
        "ticket_id": row["ticket_id"],
        "author": row["author"],
        "from_staff": bool(row["from_staff"]),
        "body": row["body"],
        "client_ref": row["client_ref"],
        "created_at": row["created_at"],
    }


def get_ticket(
    conn: sqlite3.Connection, ticket_id: int, owner_id: int | None
) -> sqlite3.Row | None:
    """One ticket row; ``owner_id`` None = any owner (staff)."""
    sql = f"SELECT {_TICKET_COLS} FROM tickets t JOIN users u ON u.id = t.owner_id WHERE t.id = ?"
    args: list[Any] = [ticket_id]
    if owner_id is not None:
        sql += " AND t.owner_id = ?"
        args.append(owner_id)
    row: sqlite3.Row | None = conn.execute(sql, args).fetchone()
    return row


def insert_ticket(
    conn: sqlite3.Connection,
    owner_id: int,
    subject: str,
    client_ref: str | None,
    referral_id: str | None,
) -> int:
    """Create an open ticket; return its id."""
    now = utcnow()
    cur = conn.execute(
        "INSERT INTO tickets (owner_id, client_ref, referral_id, subject, status, version,"
        " created_at, updated_at, seq) VALUES (?, ?, ?, ?, 'open', 1, ?, ?, ?)",
        (owner_id, client_ref, referral_id, subject, now, now, next_seq(conn)),
    )
    return int(cur.lastrowid or 0)


def insert_message(
    conn: sqlite3.Connection,
    ticket_id: int,
    owner_id: int,
    author: str,
    from_staff: bool,
    body: str,
    client_ref: str | None,
    *,
    touch_ticket: bool = True,
) -> int:
    """Append a message (and move the ticket forward in the change feed); return its id."""
    now = utcnow()
    cur = conn.execute(
        "INSERT INTO messages (ticket_id, owner_id, author, from_staff, client_ref, body,"
        " created_at, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (ticket_id, owner_id, author, int(from_staff), client_ref, body, now, next_seq(conn)),
    )
    if touch_ticket:
        conn.execute(
            "UPDATE tickets SET updated_at = ?, seq = ? WHERE id = ?",
            (now, next_seq(conn), ticket_id),
        )
    return int(cur.lastrowid or 0)


def get_message(conn: sqlite3.Connection, message_id: int) -> sqlite3.Row | None:
    """One message row."""
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM messages WHERE id = ?", (message_id,)
    ).fetchone()
    return row


def mark_read(conn: sqlite3.Connection, ticket_id: int, user_id: int, message_id: int) -> None:
    """Move the read pointer forward (never back)."""
    row = conn.execute(
        "SELECT last_read_message_id FROM read_state WHERE ticket_id = ? AND user_id = ?",
        (ticket_id, user_id),
    ).fetchone()
    if row is not None and int(row[0]) >= message_id:
        return
    conn.execute(
        "INSERT INTO read_state (ticket_id, user_id, last_read_message_id, seq)"
        " VALUES (?, ?, ?, ?) ON CONFLICT (ticket_id, user_id) DO UPDATE SET"
        " last_read_message_id = excluded.last_read_message_id, seq = excluded.seq",
        (ticket_id, user_id, message_id, next_seq(conn)),
    )


def set_ticket_status(conn: sqlite3.Connection, ticket_id: int, status: str) -> None:
    """Change the status (new ETag, new feed position)."""
    conn.execute(
        "UPDATE tickets SET status = ?, version = version + 1, updated_at = ?, seq = ?"
        " WHERE id = ?",
        (status, utcnow(), next_seq(conn), ticket_id),
    )


def delete_ticket(conn: sqlite3.Connection, ticket_id: int, owner_id: int) -> None:
    """Delete a ticket with its messages and leave a tombstone in the feed."""
    conn.execute("DELETE FROM read_state WHERE ticket_id = ?", (ticket_id,))
    conn.execute("DELETE FROM messages WHERE ticket_id = ?", (ticket_id,))
    conn.execute("DELETE FROM tickets WHERE id = ?", (ticket_id,))
    conn.execute(
        "INSERT OR REPLACE INTO tombstones (type, id, owner_id, seq) VALUES ('ticket', ?, ?, ?)",
        (ticket_id, owner_id, next_seq(conn)),
    )


def _branch(table: str, kind: str, id_col: str, where: str) -> str:
    return (
        f"SELECT * FROM (SELECT '{kind}' AS kind, {id_col} AS id, seq FROM {table}"
        f" WHERE seq > :since{where} ORDER BY seq LIMIT :n)"
    )


def changed_positions(
    conn: sqlite3.Connection, user_id: int, owner_id: int | None, since: int, n: int
) -> list[sqlite3.Row]:
    """``(kind, id, seq)`` of the next ``n`` feed entries after ``since``."""
    own = "" if owner_id is None else " AND owner_id = :owner"
    sql = (
        " UNION ALL ".join(
            [
                _branch("tickets", "ticket", "id", own),
                _branch("messages", "message", "id", own),
                _branch("tombstones", "tombstone", "id", own),
                _branch("read_state", "read", "ticket_id", " AND user_id = :user"),
            ]
        )
        + " ORDER BY seq LIMIT :n"
    )
    return list(conn.execute(sql, {"since": since, "n": n, "owner": owner_id, "user": user_id}))


def _in(ids: Sequence[int]) -> str:
    return ",".join("?" * len(ids))


# The feed's JSON objects are built by SQLite (JSON1) from the same columns as
# ticket_json/message_json: a 1,000-entry page otherwise costs ~10^4 Python row lookups,
# dict inserts and a json.dumps walk (about half of the server's time for a first sync).
_TICKET_JSON = (
    "json_object('id', t.id, 'subject', t.subject, 'status', t.status,"
    " 'referral_id', t.referral_id, 'client_ref', t.client_ref, 'owner', u.login,"
    " 'created_at', t.created_at, 'updated_at', t.updated_at,"
    " 'etag', '\"t' || t.id || '.' || t.version || '\"')"
)
_MESSAGE_JSON = (
    "json_object('id', id, 'ticket_id', ticket_id, 'author', author,"
    " 'from_staff', json(CASE WHEN from_staff THEN 'true' ELSE 'false' END), 'body', body,"
    " 'client_ref', client_ref, 'created_at', created_at)"
)


def tickets_json_texts(conn: sqlite3.Connection, ids: Sequence[int]) -> list[str]:
    """JSON texts (as :func:`ticket_json` would give) of tickets by id, in feed order."""
    if not ids:
        return []
    return [
        r[0]
        for r in conn.execute(
            f"SELECT {_TICKET_JSON} FROM tickets t JOIN users u ON u.id = t.owner_id"
            f" WHERE t.id IN ({_in(ids)}) ORDER BY t.seq",
            list(ids),
        )
    ]


def messages_json_texts(
    conn: sqlite3.Connection, ids: Sequence[int]
) -> tuple[list[int], list[str]]:
    """Ticket ids and JSON texts (as :func:`message_json`) of messages by id, in feed order."""
    if not ids:
        return [], []
    rows = conn.execute(
        f"SELECT ticket_id, {_MESSAGE_JSON} FROM messages WHERE id IN ({_in(ids)}) ORDER BY seq",
        list(ids),
    ).fetchall()
    return [int(r[0]) for r in rows], [r[1] for r in rows]


def load_read_state(
    conn: sqlite3.Connection, user_id: int, ticket_ids: Sequence[int]
) -> list[sqlite3.Row]:
    """Read pointers of ``user_id`` for the given tickets."""
    if not ticket_ids:
        return []
    return list(
        conn.execute(
            "SELECT ticket_id, last_read_message_id FROM read_state WHERE user_id = ?"
            f" AND ticket_id IN ({_in(ticket_ids)}) ORDER BY seq",
            [user_id, *ticket_ids],
        )
    )


def unread_total(conn: sqlite3.Connection, user_id: int, is_staff: bool) -> int:
    """Messages from the other side after the user's read pointers.

    Brokers: staff messages in their tickets. Staff: broker messages in all tickets, measured
    against this staff user's own read pointers.
    """
    join = "LEFT JOIN read_state r ON r.ticket_id = m.ticket_id AND r.user_id = :user"
    if is_staff:
        sql = (
            f"SELECT COUNT(*) FROM messages m {join} WHERE m.from_staff = 0"
            " AND m.id > COALESCE(r.last_read_message_id, 0)"
        )
    else:
        sql = (
            f"SELECT COUNT(*) FROM messages m {join} WHERE m.owner_id = :user"
            " AND m.from_staff = 1 AND m.id > COALESCE(r.last_read_message_id, 0)"
        )
    return int(conn.execute(sql, {"user": user_id}).fetchone()[0])
