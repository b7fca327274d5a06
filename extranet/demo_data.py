"""Plausible, entirely fictitious demo referrals and Postkorb tickets for ``--demo``."""

from __future__ import annotations

import uuid
from typing import Any

from extranet import catalogs
from extranet import postbox_store as pb
from extranet import referral_store as refs
from extranet.state import ServerState

# (owner, kind, nachname, telefon, kennzeichen, vsnr, status, voluntary)
_REFERRALS: tuple[tuple[str, str, str, str, str, str, str, dict[str, Any]], ...] = (
    ("demo", "quick", "Mustermann", "+49301234567", "B-XY 123", "KV12345678", "received", {}),
    (
        "demo",
        "complete",
        "Beispiel",
        "+4989765432",
        "M-AB 4711",
        "HV987654321",
        "customer_contacted",
        {
            "schadenart": "steinschlag",
            "scheibe": "front",
            "schadengroesse": "kleiner_2euro",
            "lage": "ausserhalb_sichtfeld",
            "deckung": "teilkasko",
            "service_wunsch": "mobil",
            "zeitfenster": ["8_12"],
            "bemerkungen": "Bitte laut und deutlich klingeln.",
        },
    ),
    (
        "demo",
        "complete",
        "Musterfrau",
        "+494011122233",
        "HH-CD 88",
        "VS20240001",
        "appointment_set",
        {
            "schadenart": "riss",
            "scheibe": "front",
            "schadengroesse": "riss_ab_5cm",
            "assistenzsysteme": ["frontkamera", "regen_lichtsensor"],
            "deckung": "vollkasko",
        },
    ),
    ("demo", "quick", "Testmann", "+4922155566677", "K-EF 9", "AB-000042", "done", {}),
    ("demo", "quick", "Probe", "+4971199988877", "S-GH 1234", "PX55511", "cancelled", {}),
    ("demo2", "quick", "Exempel", "+493514443322", "DD-IJ 55", "ZZ7654321", "received", {}),
)

# (owner, subject, broker message, staff reply or None, referral index or None)
_TICKETS: tuple[tuple[str, str, str, str | None, int | None], ...] = (
    (
        "demo",
        "Terminänderung gewünscht",
        "Der Kunde bittet um einen Termin am Nachmittag statt am Vormittag.",
        "Danke, wir melden uns beim Kunden und stimmen den neuen Termin ab.",
        1,
    ),
    (
        "demo",
        "Frage zur Selbstbeteiligung",
        "Wird die Selbstbeteiligung bei einer Reparatur erlassen?",
        "Bei einer Reparatur entfällt die Selbstbeteiligung in den meisten Tarifen.",
        None,
    ),
    ("demo", "Fotos nachgereicht", "Ich habe zwei weitere Schadenfotos hochgeladen.", None, 2),
    (
        "demo2",
        "Rückruf erbeten",
        "Bitte rufen Sie mich zur Vermittlung zurück.",
        "Gern, wir rufen Sie heute noch an.",
        None,
    ),
)


def seed(state: ServerState) -> None:
    """Insert the demo data (called once, right after the demo accounts were created)."""
    with state.db.tx() as conn:
        users = {r["login"]: r for r in conn.execute("SELECT * FROM users")}
        staff = users["service"]
        referral_ids: list[str] = []
        for owner, kind, name, phone, plate, vsnr, status, voluntary in _REFERRALS:
            user = users[owner]
            consent = (
                {
                    "granted": True,
                    "text_version": catalogs.CONSENT_TEXT_VERSION,
                    "captured_at": "2026-01-05T09:00:00Z",
                }
                if voluntary
                else {"granted": False}
            )
            data = {
                "client_ref": str(uuid.uuid4()),
                "kind": kind,
                "servicenummer": user["servicenummer"],
                "nachname": name,
                "telefon": phone,
                "kennzeichen": plate,
                "versicherungsscheinnummer": vsnr,
                "repair_consent": True,
                "consent": consent,
                "voluntary": voluntary,
            }
            referral_id = refs.insert_referral(conn, int(user["id"]), data)
            if status != "received":
                refs.set_status(conn, referral_id, status)
            referral_ids.append(referral_id)
        for owner, subject, text, reply, ref_index in _TICKETS:
            user = users[owner]
            owner_id = int(user["id"])
            ticket_id = pb.insert_ticket(
                conn,
                owner_id,
                subject,
                str(uuid.uuid4()),
                referral_ids[ref_index] if ref_index is not None else None,
            )
            first = pb.insert_message(
                conn,
                ticket_id,
                owner_id,
                user["display_name"],
                False,
                text,
                None,
                touch_ticket=False,
            )
            if reply:
                pb.insert_message(
                    conn, ticket_id, owner_id, staff["display_name"], True, reply, None
                )
            pb.mark_read(conn, ticket_id, int(staff["id"]), first)
