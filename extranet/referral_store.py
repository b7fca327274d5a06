"""Referral rows: insert, read, list by change sequence, status changes."""

from __future__ import annotations

import json
import sqlite3
import uuid
from typing import Any

from extranet.db import next_seq, utcnow

_COLUMNS = (
    "r.id, r.number, r.client_ref, r.kind, r.status, r.data, r.created_at, "
    "r.updated_at, r.seq, u.login AS owner"
)


def insert_referral(conn: sqlite3.Connection, owner_id: int, data: dict[str, Any]) -> str:
    """Store a validated referral (status ``received``); return its id."""
    referral_id = str(uuid.uuid4())
    now = utcnow()
    count = int(conn.execute("SELECT COUNT(*) FROM referrals").fetchone()[0])
    number = f"GV-{now[:4]}-{count + 1:06d}"
    stored = {k: v for k, v in data.items() if k not in {"client_ref", "kind"}}
    conn.execute(
        "INSERT INTO referrals (id, number, owner_id, client_ref, kind, status, data,"
        " created_at, updated_at, seq) VALUES (?, ?, ?, ?, ?, 'received', ?, ?, ?, ?)",
        (
            referral_id,
            number,
            owner_id,
            data["client_ref"],
            data["kind"],
            json.dumps(stored, ensure_ascii=False),
            now,
            now,
            next_seq(conn),
        ),
    )
    return referral_id


def to_json(row: sqlite3.Row, *, with_owner: bool) -> dict[str, Any]:
    """API representation of a referral row."""
    data = json.loads(row["data"])
    out: dict[str, Any] = {
        "id": row["id"],
        "number": row["number"],
        "client_ref": row["client_ref"],
        "kind": row["kind"],
        "status": row["status"],
        "created_at": row["created_at"],
        "updated_at": row["updated_at"],
    }
    out.update(data)
    if with_owner:
        out["owner"] = row["owner"]
    return out


def get_referral(
    conn: sqlite3.Connection, referral_id: str, owner_id: int | None
) -> sqlite3.Row | None:
    """One referral row; ``owner_id`` None means any owner (staff)."""
    sql = f"SELECT {_COLUMNS} FROM referrals r JOIN users u ON u.id = r.owner_id WHERE r.id = ?"
    args: list[Any] = [referral_id]
    if owner_id is not None:
        sql += " AND r.owner_id = ?"
        args.append(owner_id)
    row: sqlite3.Row | None = conn.execute(sql, args).fetchone()
    return row


def list_changed(
    conn: sqlite3.Connection,
    owner_id: int | None,
    since: int,
    limit: int,
    client_ref: str | None = None,
) -> list[sqlite3.Row]:
    """Up to ``limit`` rows changed after ``since`` in sequence order."""
    sql = f"SELECT {_COLUMNS} FROM referrals r JOIN users u ON u.id = r.owner_id WHERE r.seq > ?"
    args: list[Any] = [since]
    if owner_id is not None:
        sql += " AND r.owner_id = ?"
        args.append(owner_id)
    if client_ref is not None:
        sql += " AND r.client_ref = ?"
        args.append(client_ref)
    sql += " ORDER BY r.seq LIMIT ?"
    args.append(limit)
    return list(conn.execute(sql, args))


def set_status(conn: sqlite3.Connection, referral_id: str, status: str) -> None:
    """Change the status (a new change-sequence position for the owner's sync)."""
    conn.execute(
        "UPDATE referrals SET status = ?, updated_at = ?, seq = ? WHERE id = ?",
        (status, utcnow(), next_seq(conn), referral_id),
    )
