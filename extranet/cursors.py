"""Opaque change cursors: base64url of (kind, epoch, sequence)."""

from __future__ import annotations

import base64
import binascii
import json

from extranet.limits import MAX_SQL_INT
from extranet.problems import ApiProblem


def encode_cursor(kind: str, epoch: int, seq: int) -> str:
    """Make an opaque cursor for a position ``seq`` in the change sequence."""
    raw = json.dumps({"k": kind, "e": epoch, "s": seq}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None, kind: str, epoch: int) -> int:
    """Sequence position of ``cursor`` (0 for None); 400 when garbled, 410 when expired."""
    if not cursor:
        return 0
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        data = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
        if not isinstance(data, dict) or data.get("k") != kind:
            raise ValueError
        cursor_epoch = _sql_int(data["e"])
        seq = _sql_int(data["s"])
    except (ValueError, KeyError, TypeError, UnicodeError, binascii.Error, RecursionError):
        raise ApiProblem(400, "cursor-invalid", "Der Cursor ist ungültig.") from None
    if cursor_epoch != epoch:
        raise ApiProblem(410, "cursor-expired", "Der Cursor ist abgelaufen; bitte neu laden.")
    return seq


def _sql_int(value: object) -> int:
    """A JSON integer SQLite can store (no floats, booleans, Infinity or 64-bit overflow)."""
    if type(value) is not int or not 0 <= value <= MAX_SQL_INT:
        raise ValueError
    return value


def clamp_limit(limit: int | None, default: int, maximum: int) -> int:
    """Page size within ``1..maximum``."""
    if limit is None:
        return default
    return max(1, min(int(limit), maximum))
