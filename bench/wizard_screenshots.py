"""Offscreen screenshots of both referral views (for the README and reviews).

Starts the embedded reference server on a temporary database, logs in as demo/demo, fills the
quick view with sample data (including a blocked remark) and grabs both views.

Run: ``QT_QPA_PLATFORM=offscreen python bench/wizard_screenshots.py [OUTPUT_DIR]``
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app_services import app_services  # bench/app_services.py, beside this script

from PySide6.QtWidgets import QApplication

from desktop import workarounds
from desktop.views.referral.wizard import CompleteReferralView, QuickReferralView


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else tempfile.mkdtemp(prefix="gv-shots-"))
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    workarounds.apply()  # as the app does at start
    with app_services(login=True) as services:
        quick = QuickReferralView(services)
        quick.resize(820, 1250)
        quick.show()
        quick.inputs["nachname"].setText("Müller")  # type: ignore[attr-defined]
        quick.inputs["telefon"].setText("0221 1234567")  # type: ignore[attr-defined]
        quick.inputs["kennzeichen"].setText("K-AB 123")  # type: ignore[attr-defined]
        quick.inputs["versicherungsscheinnummer"].setText("VS-4711/08")  # type: ignore[attr-defined]
        quick.repair_consent.setChecked(True)
        quick.consent_gate.yes.click()
        quick.inputs["schadenart"].setCurrentIndex(1)  # type: ignore[attr-defined]
        quick.freetext_consent.setChecked(True)
        quick.inputs["bemerkungen"].setText("Kunde ist schwerhörig")  # type: ignore[attr-defined]
        quick.update_review()
        app.processEvents()
        quick.grab().save(str(out / "schnellvermittlung.png"))
        complete = CompleteReferralView(services)
        complete.resize(900, 1400)
        complete.show()
        complete.inputs["nachname"].setText("Öztürk")  # type: ignore[attr-defined]
        complete.inputs["kennzeichen"].setText("XQ-AB 12")  # type: ignore[attr-defined]
        complete.consent_gate.yes.click()
        complete.inputs["scheibe"].setCurrentIndex(1)  # type: ignore[attr-defined]
        complete.freetext_consent.setChecked(True)
        complete.inputs["zusatzinfo"].setText(  # type: ignore[attr-defined]
            "Kunde ist Dialysepatient, bitte nur vormittags."
        )
        complete.send()  # error summary at the top, messages at the fields
        app.processEvents()
        complete.grab().save(str(out / "komplettvermittlung.png"))
        # The whole form (the view itself scrolls).
        complete.scroll_area.widget().grab().save(str(out / "komplettvermittlung_ganz.png"))
        print(f"screenshots written to {out}")
        quick.close()
        complete.close()
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    raise SystemExit(main())
