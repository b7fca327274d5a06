"""Demo accounts and plausible, entirely fictitious demo data (``--demo``)."""

from __future__ import annotations

import sqlite3

from extranet.security import hash_password
from extranet.state import ServerState

# login, password, display name, role, Servicenummer
DEMO_USERS: tuple[tuple[str, str, str, str, str], ...] = (
    ("demo", "demo", "Versicherungsbüro Beispiel (Demo)", "broker", "SN-100234"),
    ("demo2", "demo2", "Agentur Muster & Partner (Demo)", "broker", "SN-100871"),
    ("service", "service", "Kundenservice (Demo)", "staff", "SN-000001"),
)


def create_user(
    conn: sqlite3.Connection,
    login: str,
    password: str,
    display_name: str,
    role: str,
    servicenummer: str,
) -> int:
    """Insert a user with a freshly salted scrypt hash; return the id."""
    salt, digest = hash_password(password)
    cur = conn.execute(
        "INSERT INTO users (login, display_name, role, servicenummer, pw_salt, pw_hash)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (login, display_name, role, servicenummer, salt, digest),
    )
    return int(cur.lastrowid or 0)


def ensure_demo_data(state: ServerState) -> None:
    """Create the demo accounts (and demo data) unless they exist."""
    with state.db.tx() as conn:
        existing = {r[0] for r in conn.execute("SELECT login FROM users")}
        created = False
        for login, password, name, role, number in DEMO_USERS:
            if login not in existing:
                create_user(conn, login, password, name, role, number)
                created = True
    if created:
        try:
            from extranet.demo_data import seed
        except ImportError:  # pragma: no cover - demo data module optional during build-up
            return
        seed(state)
