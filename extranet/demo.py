"""Demo accounts and plausible, entirely fictitious demo data (``--demo``)."""

from __future__ import annotations

import sqlite3

from extranet.state import ServerState

# login, password, display name, role, Servicenummer
DEMO_USERS: tuple[tuple[str, str, str, str, str], ...] = (
    ("demo", "demo", "Versicherungsbüro Beispiel (Demo)", "broker", "SN-100234"),
    ("demo2", "demo2", "Agentur Muster & Partner (Demo)", "broker", "SN-100871"),
    ("service", "service", "Kundenservice (Demo)", "staff", "SN-000001"),
)

# login -> (salt, scrypt hash) of its public demo password, computed once with
# :func:`extranet.security.hash_password`: seeding a fresh demo database on every app start
# then costs no key derivation (three scrypt runs were most of the seeding time). The demo
# passwords are public anyway; logins still verify with scrypt as for any account, and a test
# checks that these hashes match the current scrypt parameters.
DEMO_PASSWORD_HASHES: dict[str, tuple[bytes, bytes]] = {
    "demo": (
        bytes.fromhex("658e62c7f7f200a88bcbeb557803c0db"),
        bytes.fromhex("cf27824fe403ffc023171196d36642286149586df680291c0cb64c3b0a361ba5"),
    ),
    "demo2": (
        bytes.fromhex("7969ece155c4989f35915fbbc190ad56"),
        bytes.fromhex("68d6b13a7e16f5415e5049d2d14f3ca442227ba0a3ac1ea7ee65361eb24ee17b"),
    ),
    "service": (
        bytes.fromhex("7b57ca16e3abbfe48aa9f76b49b6c1f2"),
        bytes.fromhex("2f911d430f74a7be7a2514c0d21848d7b39ecaf6c2dbcffa772398ecf302f6e0"),
    ),
}


def _insert_user(
    conn: sqlite3.Connection,
    login: str,
    display_name: str,
    role: str,
    servicenummer: str,
    salt: bytes,
    digest: bytes,
) -> int:
    """Insert a user with its scrypt salt and hash; return the id."""
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
        for login, _password, name, role, number in DEMO_USERS:
            if login not in existing:
                salt, digest = DEMO_PASSWORD_HASHES[login]
                _insert_user(conn, login, name, role, number, salt, digest)
                created = True
    if created:
        # lazy heavy import: the demo tickets and referrals (stores, catalogues) for a new database
        from extranet.demo_data import seed

        seed(state)
