"""Autosave cost per keystroke on a full complete-referral draft.

Prints p50/p99/max of (a) the write the "db" pool does per save (serialise + AES-GCM + one
UPDATE in WAL mode, file database; the draft's cleaned photos are handed in on every save as
the wizard does — only new ones are written) and (b) the GUI-thread cost of
``DraftAutosaver.schedule``. The first save (which writes the photos) is reported separately.

    python bench/autosave.py [--keystrokes 2000] [--photos 5] [--photo-kb 400]
"""

from __future__ import annotations

import argparse
import functools
import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication

from desktop.store import DataKey, LocalStore
from desktop.workers.autosave import DraftAutosaver


def full_draft(text: str) -> dict[str, object]:
    """A complete referral with every voluntary field, consent state and dismissed findings."""
    return {
        "kind": "complete",
        "client_ref": "2f1c3d4e-0000-4000-8000-000000000001",
        "servicenummer": "SN-100200",
        "nachname": "Mustermann-Lüdenscheidt",
        "telefon": "+49 171 5550123",
        "kennzeichen": "HH-QX 4711",
        "versicherungsscheinnummer": "VS-99887766-01",
        "repair_consent": True,
        "consent": {"granted": True, "text_version": "2026-01", "captured_at": "2026-11-25T06:00Z"},
        "voluntary": {
            "anrede": "frau",
            "vorname": "Erika",
            "telefon2": "+49 40 5550999",
            "versicherer": "5312",
            "deckung": "teilkasko",
            "werkstattbindung": "nein",
            "selbstbeteiligung": "150",
            "vorsteuerabzug": "nein",
            "schadennummer": "SCH-2026-000123",
            "schadendatum": "2026-11-20",
            "ursache": "steinschlag",
            "scheibe": "front",
            "schadenart": "einschlag",
            "anzahl_einschlaege": "1",
            "schadengroesse": "kleiner_2euro",
            "lage": "ausserhalb_sichtfeld",
            "schadenbild": "kuhauge",
            "fahrzeug_hersteller": "Volkswagen",
            "fahrzeug_modell": "Golf VIII Variant",
            "erstzulassung": "2021",
            "hsn": "0603",
            "tsn": "BJT",
            "fin": "WVWZZZCDZMW000001",
            "assistenzsysteme": ["frontkamera", "regensensor"],
            "service_wunsch": "mobil",
            "einsatzort": "Firmenparkplatz, Stellplatz 12",
            "wunschtermin": "2026-11-28",
            "wunschtermin_fenster": "vormittags",
            "zeitfenster": ["8-12", "12-16"],
            "nicht_am_arbeitsplatz": True,
            "zusatzinfo": text,
            "bemerkungen": "Kunde bittet um Rückruf vor dem Termin. " * 10,
        },
        "dismissed_findings": ["zusatzinfo:person.other:12", "bemerkungen:health:3"],
        "photos": [{"blob_id": f"img-{i}", "scrubbed": True} for i in range(5)],
        "step": 4,
    }


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--keystrokes", type=int, default=2000)
    parser.add_argument("--photos", type=int, default=5, help="cleaned photos in the draft")
    parser.add_argument("--photo-kb", type=int, default=400, help="size of each photo")
    args = parser.parse_args()
    photos = {
        f"img-{i}": (os.urandom(args.photo_kb * 1024), "image/jpeg") for i in range(args.photos)
    }
    app = QCoreApplication.instance() or QCoreApplication([])
    text = "Steinschlag unten rechts, Riss wächst langsam, Kunde fährt täglich Autobahn. " * 12
    with tempfile.TemporaryDirectory() as tmp:
        store = LocalStore(Path(tmp), DataKey.generate())
        write_ms: list[float] = []
        for i in range(args.keystrokes):
            payload = full_draft(text[: 200 + i % 700])
            start = time.perf_counter()
            store.save_draft("bench", "complete", payload, photos)
            write_ms.append((time.perf_counter() - start) * 1000)
        first_ms = write_ms.pop(0)  # the save that wrote the photos
        saver = DraftAutosaver(store, None, delay_ms=300)
        schedule_ms: list[float] = []
        for i in range(args.keystrokes):
            start = time.perf_counter()
            saver.schedule(
                "bench", "complete", functools.partial(full_draft, text[: 200 + i % 700])
            )
            schedule_ms.append((time.perf_counter() - start) * 1000)
        saver.flush()
        saver.deleteLater()
        del saver
        size = len(store.conn.execute("SELECT payload FROM drafts").fetchone()[0])
        store.close()
    print(
        f"draft ciphertext size: {size} bytes + {args.photos} photos x {args.photo_kb} KB,"
        f" keystrokes: {args.keystrokes}"
    )
    print(f"first save (writes the photos): {first_ms:.1f} ms")
    for name, values in (("save (db pool)", write_ms), ("schedule (GUI)", schedule_ms)):
        print(
            f"{name:15s} p50 {statistics.median(values):.3f} ms  p99 {pct(values, 0.99):.3f} ms"
            f"  max {max(values):.3f} ms"
        )
    app.processEvents()


if __name__ == "__main__":
    main()
